//! [`OutboxStore`] for [`AnyStore`]: delegates to the backend, with a tracing span per call
//! (ids, channels and states only; never a body or a recipient).

use crate::any::AnyStore;
use crate::backend::observe;
use crate::outbox::*;
use crate::types::{InquiryId, StoreResult};
use frist_policy::Channel;
use jiff::Timestamp;
use tracing::instrument;

macro_rules! delegate {
    ($self:ident, $s:ident => $call:expr) => {
        observe(match $self {
            AnyStore::Sqlite($s) => $call.await,
            AnyStore::Postgres($s) => $call.await,
        })
    };
}

impl OutboxStore for AnyStore {
    #[instrument(skip_all, fields(backend = self.backend(), inquiry = new.inquiry_id, channel = %new.message.channel))]
    async fn enqueue(&self, new: NewOutboxItem) -> StoreResult<OutboxItem> {
        delegate!(self, s => s.enqueue(new))
    }

    #[instrument(skip_all, fields(backend = self.backend(), limit))]
    async fn claim_due(
        &self,
        now: Timestamp,
        channels: &[Channel],
        limit: u32,
    ) -> StoreResult<Vec<OutboxItem>> {
        delegate!(self, s => s.claim_due(now, channels, limit))
    }

    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn mark_sent(&self, id: OutboxId, at: Timestamp) -> StoreResult<OutboxItem> {
        delegate!(self, s => s.mark_sent(id, at))
    }

    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn retry_later(
        &self,
        id: OutboxId,
        error: &str,
        next_attempt_at: Timestamp,
    ) -> StoreResult<OutboxItem> {
        delegate!(self, s => s.retry_later(id, error, next_attempt_at))
    }

    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn mark_failed(&self, id: OutboxId, error: &str) -> StoreResult<OutboxItem> {
        delegate!(self, s => s.mark_failed(id, error))
    }

    #[instrument(skip_all, fields(backend = self.backend()))]
    async fn recover_interrupted(&self) -> StoreResult<u64> {
        delegate!(self, s => s.recover_interrupted())
    }

    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn requeue(&self, id: OutboxId, now: Timestamp) -> StoreResult<OutboxItem> {
        delegate!(self, s => s.requeue(id, now))
    }

    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn outbox_item(&self, id: OutboxId) -> StoreResult<OutboxItem> {
        delegate!(self, s => s.outbox_item(id))
    }

    #[instrument(skip_all, fields(backend = self.backend(), inquiry_id))]
    async fn outbox_for_inquiry(&self, inquiry_id: InquiryId) -> StoreResult<Vec<OutboxSummary>> {
        delegate!(self, s => s.outbox_for_inquiry(inquiry_id))
    }

    #[instrument(skip_all, fields(backend = self.backend(), ?state, limit))]
    async fn list_outbox(
        &self,
        state: Option<OutboxState>,
        after: Option<OutboxId>,
        limit: u32,
    ) -> StoreResult<Vec<OutboxSummary>> {
        delegate!(self, s => s.list_outbox(state, after, limit))
    }
}
