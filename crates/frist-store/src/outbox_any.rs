//! [`OutboxStore`] for every backend, written once over [`Backend`] (the SQL is in
//! `ops/outbox.rs`), with a tracing span per call (ids, channels and states only; never a body or
//! a recipient).

use crate::backend::{Backend, observe, reading, writing};
use crate::ops::outbox;
use crate::outbox::*;
use crate::types::{InquiryId, StoreResult};
use frist_policy::Channel;
use jiff::Timestamp;
use tracing::instrument;

impl<B: Backend> OutboxStore for B {
    #[instrument(skip_all, fields(backend = self.name(), inquiry = new.inquiry_id, channel = %new.message.channel))]
    async fn enqueue(&self, new: NewOutboxItem) -> StoreResult<OutboxItem> {
        observe(
            self.write(move |c, policies| {
                Box::pin(async move { outbox::enqueue(c, policies, &new).await })
            })
            .await,
        )
        .map(|(_, item)| item)
    }

    #[instrument(skip_all, fields(backend = self.name(), inquiry = new.inquiry_id, channel = %new.message.channel))]
    async fn replace_status_links(&self, new: NewOutboxItem) -> StoreResult<OutboxItem> {
        observe(
            self.write(move |c, policies| {
                Box::pin(async move { outbox::replace_status_links(c, policies, &new).await })
            })
            .await,
        )
        .map(|(_, item)| item)
    }

    #[instrument(skip_all, fields(backend = self.name(), inquiry = new.inquiry_id, event = event.kind.name()))]
    async fn append_and_enqueue(
        &self,
        event: frist_core::Event,
        new: NewOutboxItem,
    ) -> StoreResult<(crate::StoredInquiry, OutboxItem)> {
        observe(
            self.write(move |c, policies| {
                Box::pin(async move { outbox::append_and_enqueue(c, policies, event, &new).await })
            })
            .await,
        )
    }

    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn claim_due(
        &self,
        now: Timestamp,
        channels: &[Channel],
        limit: u32,
    ) -> StoreResult<Vec<OutboxItem>> {
        let channels = channels.to_vec();
        writing!(self, move |c| outbox::claim(c, now, &channels, limit))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn mark_sent(&self, id: OutboxId, at: Timestamp) -> StoreResult<OutboxItem> {
        observe(
            self.write(move |c, policies| {
                Box::pin(async move { outbox::mark_sent(c, policies, id, at).await })
            })
            .await,
        )
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn retry_later(
        &self,
        id: OutboxId,
        error: &str,
        next_attempt_at: Timestamp,
    ) -> StoreResult<OutboxItem> {
        let error = error.to_owned();
        let (from, to) = ([OutboxState::Sending], OutboxState::Queued);
        writing!(self, move |c| outbox::transition(
            c,
            id,
            &from,
            to,
            Some(&error),
            Some(next_attempt_at)
        ))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn mark_failed(
        &self,
        id: OutboxId,
        error: &str,
        at: Timestamp,
    ) -> StoreResult<OutboxItem> {
        let error = error.to_owned();
        observe(
            self.write(move |c, policies| {
                Box::pin(async move { outbox::mark_failed(c, policies, id, &error, at).await })
            })
            .await,
        )
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn recover_interrupted(&self) -> StoreResult<u64> {
        writing!(self, move |c| outbox::recover(c))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn requeue(&self, id: OutboxId, now: Timestamp) -> StoreResult<OutboxItem> {
        observe(
            self.write(move |c, policies| {
                Box::pin(async move { outbox::requeue(c, policies, id, now).await })
            })
            .await,
        )
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn outbox_item(&self, id: OutboxId) -> StoreResult<OutboxItem> {
        reading!(self, |c| outbox::item(c, id))
    }

    #[instrument(skip_all, fields(backend = self.name(), inquiry_id))]
    async fn outbox_for_inquiry(&self, inquiry_id: InquiryId) -> StoreResult<Vec<OutboxSummary>> {
        reading!(self, |c| outbox::for_inquiry(c, inquiry_id))
    }
}
