//! The outbox on PostgreSQL. Claims lock the rows they take (`FOR UPDATE SKIP LOCKED`), so
//! several dispatchers never take the same row; marking a row sent appends its `message_sent`
//! event in the same transaction.

use crate::db_error::{is_foreign_key_violation, is_unique_violation};
use crate::outbox::{
    INTERRUPTED, NewOutboxItem, OUTBOX_COLUMNS, OutboxId, OutboxItem, OutboxRecord, OutboxState,
    OutboxSummary, kind_name, message_json, not_recorded, wrong_state,
};
use crate::policies::PolicyCache;
use crate::time::{to_db, to_db_clamped};
use crate::types::{InquiryId, StoreError, StoreResult};
use frist_core::{Event, EventKind};
use frist_policy::Channel;
use jiff::Timestamp;
use sqlx::{PgConnection, PgPool};

pub(crate) async fn enqueue(pool: &PgPool, new: &NewOutboxItem) -> StoreResult<OutboxItem> {
    let created_at = to_db(new.created_at)?;
    let record: OutboxRecord = sqlx::query_as(&format!(
        "INSERT INTO outbox (inquiry_id, channel, kind, message, recipient, message_id, actor, \
         state, attempts, next_attempt_at, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', 0, $8, $8) RETURNING {OUTBOX_COLUMNS}"
    ))
    .bind(new.inquiry_id)
    .bind(new.message.channel.as_str())
    .bind(kind_name(new.message.kind)?)
    .bind(message_json(&new.message)?)
    .bind(&new.recipient)
    .bind(&new.message_id)
    .bind(&new.actor)
    .bind(created_at)
    .fetch_one(pool)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::Conflict("a message with this Message-ID is already in the outbox".into())
        } else if is_foreign_key_violation(&e) {
            StoreError::NotFound
        } else {
            e.into()
        }
    })?;
    record.into_item()
}

pub(crate) async fn claim(
    pool: &PgPool,
    now: Timestamp,
    channels: &[Channel],
    limit: u32,
) -> StoreResult<Vec<OutboxItem>> {
    let channels: Vec<&str> = channels.iter().map(|c| c.as_str()).collect();
    let records: Vec<OutboxRecord> = sqlx::query_as(&format!(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id IN (\
         SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1 \
         AND channel = ANY($2::text[]) \
         ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING {OUTBOX_COLUMNS}"
    ))
    .bind(to_db_clamped(now))
    .bind(&channels)
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    let mut items = records
        .into_iter()
        .map(OutboxRecord::into_item)
        .collect::<StoreResult<Vec<_>>>()?;
    items.sort_by_key(|i| (i.next_attempt_at, i.id));
    Ok(items)
}

async fn locked(conn: &mut PgConnection, id: OutboxId) -> StoreResult<OutboxItem> {
    let record: OutboxRecord = sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = $1 FOR UPDATE"
    ))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    record.into_item()
}

pub(crate) async fn mark_sent(
    pool: &PgPool,
    policies: &PolicyCache,
    id: OutboxId,
    at: Timestamp,
) -> StoreResult<OutboxItem> {
    let mut tx = pool.begin().await?;
    let current = locked(&mut tx, id).await?;
    if !matches!(current.state, OutboxState::Sending | OutboxState::Uncertain) {
        return Err(wrong_state(
            id,
            current.state.as_str(),
            "sending or uncertain",
        ));
    }
    let event = Event {
        at,
        actor: current.actor.clone(),
        kind: EventKind::MessageSent {
            message: current.message.clone(),
        },
    };
    let note = match crate::ops::append::append(
        crate::sql::Conn::Postgres(&mut tx),
        policies,
        current.inquiry_id,
        event,
    )
    .await
    {
        Ok(_) => None,
        // The refusal happens before anything is written; the transaction goes on.
        Err(StoreError::Refused(e)) => Some(not_recorded(&e)),
        Err(e) => return Err(e),
    };
    let record: OutboxRecord = sqlx::query_as(&format!(
        "UPDATE outbox SET state = 'sent', sent_at = $1, last_error = $2 WHERE id = $3 \
         RETURNING {OUTBOX_COLUMNS}"
    ))
    .bind(to_db(at)?)
    .bind(note)
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    record.into_item()
}

/// Moves a row from one of `from` to `to`, setting the error and, when given, the next attempt.
pub(crate) async fn transition(
    pool: &PgPool,
    id: OutboxId,
    from: &[OutboxState],
    to: OutboxState,
    error: Option<&str>,
    next_attempt_at: Option<Timestamp>,
) -> StoreResult<OutboxItem> {
    let mut tx = pool.begin().await?;
    let current = locked(&mut tx, id).await?;
    if !from.contains(&current.state) {
        let wanted: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
        return Err(wrong_state(
            id,
            current.state.as_str(),
            &wanted.join(" or "),
        ));
    }
    let record: OutboxRecord = sqlx::query_as(&format!(
        "UPDATE outbox SET state = $1, last_error = COALESCE($2, last_error), \
         next_attempt_at = COALESCE($3, next_attempt_at) WHERE id = $4 RETURNING {OUTBOX_COLUMNS}"
    ))
    .bind(to.as_str())
    .bind(error)
    .bind(next_attempt_at.map(to_db).transpose()?)
    .bind(id)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    record.into_item()
}

pub(crate) async fn recover(pool: &PgPool) -> StoreResult<u64> {
    let done = sqlx::query(
        "UPDATE outbox SET state = 'uncertain', last_error = $1 WHERE state = 'sending'",
    )
    .bind(INTERRUPTED)
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}

pub(crate) async fn item(pool: &PgPool, id: OutboxId) -> StoreResult<OutboxItem> {
    let record: OutboxRecord = sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = $1"
    ))
    .bind(id)
    .fetch_one(pool)
    .await?;
    record.into_item()
}

pub(crate) async fn for_inquiry(
    pool: &PgPool,
    inquiry_id: InquiryId,
) -> StoreResult<Vec<OutboxSummary>> {
    let records: Vec<OutboxRecord> = sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE inquiry_id = $1 ORDER BY id"
    ))
    .bind(inquiry_id)
    .fetch_all(pool)
    .await?;
    records
        .into_iter()
        .map(OutboxRecord::into_summary)
        .collect()
}

pub(crate) async fn list(
    pool: &PgPool,
    state: Option<OutboxState>,
    after: Option<OutboxId>,
    limit: u32,
) -> StoreResult<Vec<OutboxSummary>> {
    let records: Vec<OutboxRecord> = sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE ($1::text IS NULL OR state = $1) AND id > $2 \
         ORDER BY id LIMIT $3"
    ))
    .bind(state.map(OutboxState::as_str))
    .bind(after.unwrap_or(0))
    .bind(i64::from(limit))
    .fetch_all(pool)
    .await?;
    records
        .into_iter()
        .map(OutboxRecord::into_summary)
        .collect()
}

impl crate::outbox::OutboxStore for super::PostgresStore {
    async fn enqueue(&self, new: NewOutboxItem) -> StoreResult<OutboxItem> {
        enqueue(&self.pool, &new).await
    }

    async fn claim_due(
        &self,
        now: Timestamp,
        channels: &[Channel],
        limit: u32,
    ) -> StoreResult<Vec<OutboxItem>> {
        claim(&self.pool, now, channels, limit).await
    }

    async fn mark_sent(&self, id: OutboxId, at: Timestamp) -> StoreResult<OutboxItem> {
        mark_sent(&self.pool, &self.policies, id, at).await
    }

    async fn retry_later(
        &self,
        id: OutboxId,
        error: &str,
        next_attempt_at: Timestamp,
    ) -> StoreResult<OutboxItem> {
        transition(
            &self.pool,
            id,
            &[OutboxState::Sending],
            OutboxState::Queued,
            Some(error),
            Some(next_attempt_at),
        )
        .await
    }

    async fn mark_failed(&self, id: OutboxId, error: &str) -> StoreResult<OutboxItem> {
        transition(
            &self.pool,
            id,
            &[OutboxState::Sending],
            OutboxState::Failed,
            Some(error),
            None,
        )
        .await
    }

    async fn recover_interrupted(&self) -> StoreResult<u64> {
        recover(&self.pool).await
    }

    async fn requeue(&self, id: OutboxId, now: Timestamp) -> StoreResult<OutboxItem> {
        transition(
            &self.pool,
            id,
            &[OutboxState::Uncertain, OutboxState::Failed],
            OutboxState::Queued,
            None,
            Some(now),
        )
        .await
    }

    async fn outbox_item(&self, id: OutboxId) -> StoreResult<OutboxItem> {
        item(&self.pool, id).await
    }

    async fn outbox_for_inquiry(&self, inquiry_id: InquiryId) -> StoreResult<Vec<OutboxSummary>> {
        for_inquiry(&self.pool, inquiry_id).await
    }

    async fn list_outbox(
        &self,
        state: Option<OutboxState>,
        after: Option<OutboxId>,
        limit: u32,
    ) -> StoreResult<Vec<OutboxSummary>> {
        list(&self.pool, state, after, limit).await
    }
}
