//! Slows down password guessing: after [`LIMIT`] failed sign-ins with one username within
//! [`WINDOW`], further attempts with that username are refused, without checking the password,
//! until the oldest failure leaves the window. A successful sign-in clears the count.
//!
//! Keyed by the username typed (known or not, so the refusal says nothing about which
//! usernames exist), not by address: behind a municipality's proxy every caseworker shares one.
//! Held in memory: a restart forgets the counts, which only gives a guesser a few more tries.

use jiff::{SignedDuration, Timestamp};
use std::collections::HashMap;
use std::sync::Mutex;

/// Failed attempts allowed per username within [`WINDOW`].
pub(crate) const LIMIT: usize = 10;
/// How long a failure counts.
pub(crate) const WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// Usernames tracked at most; beyond it, expired entries are dropped first.
const MAX_TRACKED: usize = 10_000;

#[derive(Debug, Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, Vec<Timestamp>>>,
}

fn key(username: &str) -> String {
    username.trim().to_lowercase()
}

impl SignInThrottle {
    /// Whether attempts with `username` are refused at `now`.
    pub(crate) fn blocked(&self, username: &str, now: Timestamp) -> bool {
        let Ok(failures) = self.failures.lock() else {
            return false;
        };
        failures
            .get(&key(username))
            .is_some_and(|times| recent(times, now) >= LIMIT)
    }

    pub(crate) fn failed(&self, username: &str, now: Timestamp) {
        let Ok(mut failures) = self.failures.lock() else {
            return;
        };
        if failures.len() >= MAX_TRACKED {
            failures.retain(|_, times| recent(times, now) > 0);
        }
        let times = failures.entry(key(username)).or_default();
        times.retain(|t| now.duration_since(*t) < WINDOW);
        times.push(now);
        // Only the last LIMIT failures can matter.
        if times.len() > LIMIT {
            let excess = times.len() - LIMIT;
            times.drain(..excess);
        }
    }

    pub(crate) fn succeeded(&self, username: &str) {
        if let Ok(mut failures) = self.failures.lock() {
            failures.remove(&key(username));
        }
    }
}

fn recent(times: &[Timestamp], now: Timestamp) -> usize {
    times
        .iter()
        .filter(|t| now.duration_since(**t) < WINDOW)
        .count()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn ten_failures_in_fifteen_minutes_block_that_username_until_they_age() {
        let t = SignInThrottle::default();
        let start: Timestamp = "2026-11-20T08:00:00Z".parse().unwrap();
        let at = |mins: i64| start.checked_add(SignedDuration::from_mins(mins)).unwrap();
        for i in 0..9 {
            t.failed("Mette", at(i));
        }
        assert!(!t.blocked("mette", at(9)), "nine failures are not enough");
        t.failed(" mette ", at(9));
        assert!(t.blocked("METTE", at(9)));
        assert!(
            !t.blocked("lars", at(9)),
            "other usernames are not affected"
        );
        // The first failure (minute 0) ages out at minute 15.
        assert!(t.blocked("mette", at(14)));
        assert!(!t.blocked("mette", at(15)));
        t.failed("lars", at(1));
        t.succeeded("lars");
        assert!(!t.blocked("lars", at(2)));
    }
}
