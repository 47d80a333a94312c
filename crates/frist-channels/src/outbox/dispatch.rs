//! The dispatcher: claims due outbox rows and hands each to its channel's delivery, one at a
//! time, then records what happened. Runs as a task inside `frist serve` and as
//! `frist outbox run --once`.
//!
//! Order of durable steps per row: `sending` (committed by the claim) → delivery → `sent` with
//! its `message_sent` event (one transaction). A crash between the first and the last leaves the
//! row `sending`; [`Dispatcher::recover`] at the next start makes it `uncertain` for a person,
//! so a message the server may already hold is never sent a second time automatically.

use super::{Delivery, OutboundItem, Outcome, PublicUrl};
use frist_policy::Channel;
use frist_store::{Notice, NoticeStore, OutboxItem, OutboxStore, Store, StoreResult};
use jiff::{SignedDuration, Timestamp};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Notify;

/// Rows claimed per round.
const BATCH: u32 = 16;

/// When to try again after a transient failure: `first` after the first attempt, doubling up to
/// `max`; after `max_attempts` attempts the row fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    pub first: Duration,
    pub max: Duration,
    pub max_attempts: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            first: Duration::from_secs(60),
            max: Duration::from_secs(3600),
            max_attempts: 10,
        }
    }
}

impl RetryPolicy {
    /// The wait after `attempts` attempts (1 → `first`).
    pub fn backoff(&self, attempts: u32) -> Duration {
        let doublings = attempts.saturating_sub(1).min(31);
        self.first
            .checked_mul(1u32 << doublings)
            .unwrap_or(self.max)
            .min(self.max)
    }
}

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunSummary {
    pub sent: u64,
    pub retrying: u64,
    pub failed: u64,
}

/// "Now", injectable for tests.
pub type Clock = Arc<dyn Fn() -> Timestamp + Send + Sync>;

/// Delivers due outbox rows through the deliveries it was given.
pub struct Dispatcher<S> {
    store: Arc<S>,
    deliveries: Vec<Arc<dyn Delivery>>,
    retry: RetryPolicy,
    clock: Clock,
    /// Where the status links in messages point.
    public_url: PublicUrl,
}

impl<S> std::fmt::Debug for Dispatcher<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dispatcher")
            .field("deliveries", &self.deliveries)
            .field("retry", &self.retry)
            .field("public_url", &self.public_url)
            .finish_non_exhaustive()
    }
}

impl<S: Store + OutboxStore + NoticeStore + 'static> Dispatcher<S> {
    /// A dispatcher whose messages link to status pages under `public_url`.
    pub fn new(
        store: Arc<S>,
        deliveries: Vec<Arc<dyn Delivery>>,
        retry: RetryPolicy,
        public_url: PublicUrl,
    ) -> Self {
        Self {
            store,
            deliveries,
            retry,
            clock: Arc::new(Timestamp::now),
            public_url,
        }
    }

    pub fn with_clock(mut self, clock: impl Fn() -> Timestamp + Send + Sync + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// The channels this dispatcher delivers.
    pub fn channels(&self) -> Vec<Channel> {
        self.deliveries.iter().map(|d| d.channel()).collect()
    }

    /// Before the first run: rows an interrupted run left `sending` become `uncertain`.
    pub async fn recover(&self) -> StoreResult<u64> {
        let interrupted = self.store.recover_interrupted().await?;
        if interrupted > 0 {
            tracing::warn!(
                interrupted,
                "outbox rows were interrupted while sending; they wait for a person to resend \
                 or mark them sent"
            );
        }
        Ok(interrupted)
    }

    /// Delivers everything due now — messages to citizens, then notices to staff — and
    /// returns.
    pub async fn run_once(&self) -> StoreResult<RunSummary> {
        let mut summary = RunSummary::default();
        let channels = self.channels();
        if channels.is_empty() {
            return Ok(summary);
        }
        loop {
            let due = self
                .store
                .claim_due((self.clock)(), &channels, BATCH)
                .await?;
            if due.is_empty() {
                break;
            }
            for item in due {
                self.deliver(item, &mut summary).await?;
            }
        }
        // Notices go by e-mail; without it they wait in the outbox (and on the staff page).
        let Some(email) = self
            .deliveries
            .iter()
            .find(|d| d.channel() == Channel::Email)
        else {
            return Ok(summary);
        };
        loop {
            let due = self.store.claim_notices((self.clock)(), BATCH).await?;
            if due.is_empty() {
                return Ok(summary);
            }
            for notice in due {
                self.deliver_notice(email.as_ref(), notice, &mut summary)
                    .await?;
            }
        }
    }

    async fn deliver_notice(
        &self,
        email: &dyn Delivery,
        notice: Notice,
        summary: &mut RunSummary,
    ) -> StoreResult<()> {
        let (id, kind, attempts) = (notice.id, notice.kind.as_str(), notice.attempts);
        let outcome = match email.deliver_notice(&notice) {
            Some(sending) => sending.await,
            None => Outcome::Permanent("this e-mail delivery cannot send notices".into()),
        };
        match outcome {
            Outcome::Accepted => {
                self.store.notice_sent(id, (self.clock)()).await?;
                tracing::info!(id, kind, attempts, "notice to staff delivered");
                summary.sent += 1;
            }
            Outcome::Transient(why) if attempts < self.retry.max_attempts => {
                let next = self.next_attempt(attempts);
                self.store.notice_retry(id, &why, next).await?;
                tracing::warn!(id, kind, attempts, error = %why, "notice failed; will retry");
                summary.retrying += 1;
            }
            Outcome::Transient(why) | Outcome::Permanent(why) => {
                self.store.notice_failed(id, &why).await?;
                tracing::error!(id, kind, attempts, error = %why, "notice failed for good");
                summary.failed += 1;
            }
        }
        Ok(())
    }

    /// When to try again after `attempts` attempts.
    fn next_attempt(&self, attempts: u32) -> Timestamp {
        let wait = SignedDuration::try_from(self.retry.backoff(attempts))
            .unwrap_or(SignedDuration::from_hours(1));
        (self.clock)()
            .checked_add(wait)
            .unwrap_or_else(|_| (self.clock)())
    }

    /// Recovers, then delivers what is due whenever `wake` is notified or `poll` has passed,
    /// until `stop` resolves. A storage error is logged and the loop goes on.
    pub async fn run(
        self,
        wake: Arc<Notify>,
        poll: Duration,
        stop: impl std::future::Future<Output = ()>,
    ) {
        tokio::pin!(stop);
        // Nothing is claimed before interrupted rows are set aside: they must not be resent.
        while let Err(e) = self.recover().await {
            tracing::error!(error = %e, "the outbox could not recover interrupted rows; retrying");
            tokio::select! {
                () = tokio::time::sleep(poll) => {}
                () = &mut stop => return,
            }
        }
        loop {
            if let Err(e) = self.run_once().await {
                tracing::error!(error = %e, "the outbox run failed; trying again later");
            }
            tokio::select! {
                () = wake.notified() => {}
                () = tokio::time::sleep(poll) => {}
                () = &mut stop => return,
            }
        }
    }

    async fn deliver(&self, item: OutboxItem, summary: &mut RunSummary) -> StoreResult<()> {
        let (id, channel, attempts) = (item.id, item.message.channel, item.attempts);
        let outcome = match self.outbound(item).await {
            Ok(outbound) => match self.deliveries.iter().find(|d| d.channel() == channel) {
                Some(delivery) => delivery.deliver(&outbound).await,
                None => Outcome::Transient(format!("no delivery for {channel} is configured")),
            },
            Err(e) => Outcome::Transient(format!("the inquiry could not be read: {e}")),
        };
        match outcome {
            Outcome::Accepted => {
                // If this fails the row stays `sending` and becomes `uncertain` at the next
                // start: the server has it, so it must not be sent again.
                self.store.mark_sent(id, (self.clock)()).await?;
                tracing::info!(id, %channel, attempts, "outgoing message delivered");
                summary.sent += 1;
            }
            Outcome::Transient(why) if attempts < self.retry.max_attempts => {
                let next = self.next_attempt(attempts);
                self.store.retry_later(id, &why, next).await?;
                tracing::warn!(id, %channel, attempts, error = %why, "delivery failed; will retry");
                summary.retrying += 1;
            }
            Outcome::Transient(why) => {
                let why = format!("{why} (gave up after {attempts} attempts)");
                self.store.mark_failed(id, &why, (self.clock)()).await?;
                tracing::error!(id, %channel, attempts, error = %why, "delivery failed for good");
                summary.failed += 1;
            }
            Outcome::Permanent(why) => {
                self.store.mark_failed(id, &why, (self.clock)()).await?;
                tracing::error!(id, %channel, attempts, error = %why, "delivery refused");
                summary.failed += 1;
            }
        }
        Ok(())
    }

    async fn outbound(&self, item: OutboxItem) -> StoreResult<OutboundItem> {
        let inquiry = self.store.get_inquiry(item.inquiry_id).await?;
        let policy = self.store.policy(inquiry.policy_id).await?.policy;
        let status_link = item
            .status_token
            .as_deref()
            .map(|token| self.public_url.status_link(token));
        Ok(OutboundItem {
            item,
            inquiry,
            policy,
            status_link,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn back_off_doubles_from_a_minute_to_an_hour() {
        let r = RetryPolicy::default();
        let minutes: Vec<u64> = (1..=9).map(|a| r.backoff(a).as_secs() / 60).collect();
        assert_eq!(minutes, vec![1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(r.backoff(1000), Duration::from_secs(3600));
    }
}
