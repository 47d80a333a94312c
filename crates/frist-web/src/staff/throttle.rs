//! Counts recent attempts per key and refuses once a key has had too many within a window.
//!
//! [`SignInThrottle`] slows down password guessing: after [`LIMIT`] failed sign-ins with one
//! username within [`WINDOW`], further attempts with that username are refused, without
//! checking the password, until the oldest failure leaves the window; a successful sign-in
//! clears the count. It is keyed by the username typed (known or not, so the refusal says
//! nothing about which usernames exist), not by address: behind a municipality's proxy every
//! caseworker shares one.
//!
//! [`Throttle::lost_links`] keeps "Har du mistet dit link?" from being used to flood a citizen
//! with e-mails: a few new links per reference an hour.
//!
//! Held in memory: a restart forgets the counts, which only gives a guesser a few more tries.

use jiff::{SignedDuration, Timestamp};
use std::collections::HashMap;
use std::sync::Mutex;

/// Failed attempts allowed per username within [`WINDOW`].
pub(crate) const LIMIT: usize = 10;
/// How long a failure counts.
pub(crate) const WINDOW: SignedDuration = SignedDuration::from_mins(15);
/// New status links sent per reference within [`LOST_LINK_WINDOW`].
pub(crate) const LOST_LINK_LIMIT: usize = 3;
/// How long a sent link counts.
pub(crate) const LOST_LINK_WINDOW: SignedDuration = SignedDuration::from_hours(1);
/// Keys tracked at most; beyond it, expired entries are dropped first.
const MAX_TRACKED: usize = 10_000;

/// Attempts per key within a sliding window.
#[derive(Debug)]
pub struct Throttle {
    limit: usize,
    window: SignedDuration,
    attempts: Mutex<HashMap<String, Vec<Timestamp>>>,
}

/// Failed sign-ins per username.
pub type SignInThrottle = Throttle;

impl Default for Throttle {
    /// The sign-in throttle: [`LIMIT`] failures within [`WINDOW`].
    fn default() -> Self {
        Self::new(LIMIT, WINDOW)
    }
}

fn key(who: &str) -> String {
    who.trim().to_lowercase()
}

impl Throttle {
    pub(crate) fn new(limit: usize, window: SignedDuration) -> Self {
        Self {
            limit,
            window,
            attempts: Mutex::new(HashMap::new()),
        }
    }

    /// New status links per reference.
    pub(crate) fn lost_links() -> Self {
        Self::new(LOST_LINK_LIMIT, LOST_LINK_WINDOW)
    }

    /// Whether attempts with `who` are refused at `now`.
    pub(crate) fn blocked(&self, who: &str, now: Timestamp) -> bool {
        let Ok(attempts) = self.attempts.lock() else {
            return false;
        };
        attempts
            .get(&key(who))
            .is_some_and(|times| self.recent(times, now) >= self.limit)
    }

    /// Counts an attempt with `who` at `now` (a failed sign-in, a link sent).
    pub(crate) fn record(&self, who: &str, now: Timestamp) {
        let Ok(mut attempts) = self.attempts.lock() else {
            return;
        };
        if attempts.len() >= MAX_TRACKED {
            attempts.retain(|_, times| self.recent(times, now) > 0);
        }
        let times = attempts.entry(key(who)).or_default();
        times.retain(|t| now.duration_since(*t) < self.window);
        times.push(now);
        // Only the last `limit` attempts can matter.
        if times.len() > self.limit {
            let excess = times.len() - self.limit;
            times.drain(..excess);
        }
    }

    pub(crate) fn clear(&self, who: &str) {
        if let Ok(mut attempts) = self.attempts.lock() {
            attempts.remove(&key(who));
        }
    }

    fn recent(&self, times: &[Timestamp], now: Timestamp) -> usize {
        times
            .iter()
            .filter(|t| now.duration_since(**t) < self.window)
            .count()
    }
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
            t.record("Mette", at(i));
        }
        assert!(!t.blocked("mette", at(9)), "nine failures are not enough");
        t.record(" mette ", at(9));
        assert!(t.blocked("METTE", at(9)));
        assert!(
            !t.blocked("lars", at(9)),
            "other usernames are not affected"
        );
        // The first failure (minute 0) ages out at minute 15.
        assert!(t.blocked("mette", at(14)));
        assert!(!t.blocked("mette", at(15)));
        t.record("lars", at(1));
        t.clear("lars");
        assert!(!t.blocked("lars", at(2)));
    }

    #[test]
    fn three_new_links_an_hour_per_reference() {
        let t = Throttle::lost_links();
        let start: Timestamp = "2026-11-20T08:00:00Z".parse().unwrap();
        let at = |mins: i64| start.checked_add(SignedDuration::from_mins(mins)).unwrap();
        for i in 0..3 {
            assert!(!t.blocked("HTK-2026-000001", at(i)));
            t.record("HTK-2026-000001", at(i));
        }
        assert!(t.blocked("HTK-2026-000001", at(3)));
        assert!(!t.blocked("HTK-2026-000002", at(3)));
        assert!(
            !t.blocked("HTK-2026-000001", at(60)),
            "the first has aged out"
        );
    }
}
