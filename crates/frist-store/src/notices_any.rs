//! [`NoticeStore`] for every backend, written once over [`Backend`] (the SQL is in
//! `ops/notices.rs`), with a tracing span per call (ids and counts only; never a text or an
//! address).

use crate::backend::{Backend, observe, reading, writing};
use crate::notices::*;
use crate::ops::notices;
use crate::outbox::{OutboxId, OutboxState};
use crate::types::{InquiryId, StoreResult};
use jiff::Timestamp;
use tracing::instrument;

impl<B: Backend> NoticeStore for B {
    #[instrument(skip_all, fields(backend = self.name(), notices = new.len()))]
    async fn queue_notices(&self, new: Vec<NewNotice>) -> StoreResult<u64> {
        if new.is_empty() {
            return Ok(0);
        }
        writing!(self, move |c| notices::queue(c, &new))
    }

    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn claim_notices(&self, now: Timestamp, limit: u32) -> StoreResult<Vec<Notice>> {
        writing!(self, move |c| notices::claim(c, now, limit))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn notice_sent(&self, id: OutboxId, at: Timestamp) -> StoreResult<()> {
        let from = [OutboxState::Sending, OutboxState::Uncertain];
        writing!(self, move |c| notices::transition(
            c,
            id,
            &from,
            OutboxState::Sent,
            None,
            None,
            Some(at)
        ))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn notice_retry(&self, id: OutboxId, error: &str, next: Timestamp) -> StoreResult<()> {
        let error = error.to_owned();
        writing!(self, move |c| notices::transition(
            c,
            id,
            &[OutboxState::Sending],
            OutboxState::Queued,
            Some(&error),
            Some(next),
            None
        ))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn notice_failed(&self, id: OutboxId, error: &str) -> StoreResult<()> {
        let error = error.to_owned();
        writing!(self, move |c| notices::transition(
            c,
            id,
            &[OutboxState::Sending],
            OutboxState::Failed,
            Some(&error),
            None,
            None
        ))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn requeue_notice(&self, id: OutboxId, now: Timestamp) -> StoreResult<()> {
        let from = [OutboxState::Uncertain, OutboxState::Failed];
        writing!(self, move |c| notices::transition(
            c,
            id,
            &from,
            OutboxState::Queued,
            None,
            Some(now),
            None
        ))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn outbox_entry(&self, id: OutboxId) -> StoreResult<OutboxEntry> {
        reading!(self, |c| notices::entry(c, id))
    }

    #[instrument(skip_all, fields(backend = self.name(), ?state, limit))]
    async fn list_outbox(
        &self,
        state: Option<OutboxState>,
        after: Option<OutboxId>,
        limit: u32,
    ) -> StoreResult<Vec<OutboxEntry>> {
        reading!(self, |c| notices::list(c, state, after, limit))
    }

    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn notices_for(
        &self,
        person: &str,
        before: Option<OutboxId>,
        limit: u32,
    ) -> StoreResult<Vec<Notice>> {
        reading!(self, |c| notices::for_person(c, person, before, limit))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn last_digest_mine(&self, person: &str) -> StoreResult<Option<Vec<InquiryId>>> {
        reading!(self, |c| notices::last_digest_mine(c, person))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn wants_digest(&self, person: &str) -> StoreResult<bool> {
        reading!(self, |c| notices::wants_digest(c, person))
    }

    #[instrument(skip_all, fields(backend = self.name(), on))]
    async fn set_wants_digest(&self, person: &str, on: bool) -> StoreResult<()> {
        let person = person.to_owned();
        writing!(self, move |c| notices::set_wants_digest(c, &person, on))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn digest_opt_outs(&self) -> StoreResult<Vec<String>> {
        reading!(self, |c| notices::digest_opt_outs(c))
    }

    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn open_obligations(
        &self,
        after: Option<ObligationCursor>,
        limit: u32,
    ) -> StoreResult<(Vec<OpenObligation>, Option<ObligationCursor>)> {
        reading!(self, |c| notices::open_obligations(c, after, limit))
    }
}
