//! The outbox on SQLite: writes run on the writer's connection inside its transaction (so
//! marking a row sent and appending its `message_sent` event commit together), reads on a reader.

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
use sqlx::SqliteConnection;

pub(crate) async fn enqueue(
    conn: &mut SqliteConnection,
    new: &NewOutboxItem,
) -> StoreResult<OutboxItem> {
    let created_at = to_db(new.created_at)?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO outbox (inquiry_id, channel, kind, message, recipient, message_id, actor, \
         state, attempts, next_attempt_at, created_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued', 0, ?8, ?8) RETURNING id",
    )
    .bind(new.inquiry_id)
    .bind(new.message.channel.as_str())
    .bind(kind_name(new.message.kind)?)
    .bind(message_json(&new.message)?)
    .bind(&new.recipient)
    .bind(&new.message_id)
    .bind(&new.actor)
    .bind(created_at)
    .fetch_one(&mut *conn)
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
    item(conn, id).await
}

pub(crate) async fn claim(
    conn: &mut SqliteConnection,
    now: Timestamp,
    channels: &[Channel],
    limit: u32,
) -> StoreResult<Vec<OutboxItem>> {
    let channels: Vec<&str> = channels.iter().map(|c| c.as_str()).collect();
    let channels = serde_json::to_string(&channels)
        .map_err(|_| StoreError::Other("channels could not be written as JSON".into()))?;
    // The writer is this file's only writer in this process; BEGIN IMMEDIATE keeps other
    // processes out until the commit, so no row is claimed twice.
    let records: Vec<OutboxRecord> = sqlx::query_as(&format!(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id IN (\
         SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= ?1 \
         AND channel IN (SELECT value FROM json_each(?2)) \
         ORDER BY next_attempt_at, id LIMIT ?3) RETURNING {OUTBOX_COLUMNS}"
    ))
    .bind(to_db_clamped(now))
    .bind(channels)
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    let mut items = records
        .into_iter()
        .map(OutboxRecord::into_item)
        .collect::<StoreResult<Vec<_>>>()?;
    items.sort_by_key(|i| (i.next_attempt_at, i.id));
    Ok(items)
}

pub(crate) async fn mark_sent(
    conn: &mut SqliteConnection,
    policies: &PolicyCache,
    id: OutboxId,
    at: Timestamp,
) -> StoreResult<OutboxItem> {
    let current = item(conn, id).await?;
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
        crate::sql::Conn::Sqlite(&mut *conn),
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
    sqlx::query("UPDATE outbox SET state = 'sent', sent_at = ?1, last_error = ?2 WHERE id = ?3")
        .bind(to_db(at)?)
        .bind(note)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    item(conn, id).await
}

/// Moves a row from one of `from` to `to`, setting the error and, when given, the next attempt.
pub(crate) async fn transition(
    conn: &mut SqliteConnection,
    id: OutboxId,
    from: &[OutboxState],
    to: OutboxState,
    error: Option<&str>,
    next_attempt_at: Option<Timestamp>,
) -> StoreResult<OutboxItem> {
    let current = item(conn, id).await?;
    if !from.contains(&current.state) {
        let wanted: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
        return Err(wrong_state(
            id,
            current.state.as_str(),
            &wanted.join(" or "),
        ));
    }
    sqlx::query(
        "UPDATE outbox SET state = ?1, last_error = COALESCE(?2, last_error), \
         next_attempt_at = COALESCE(?3, next_attempt_at) WHERE id = ?4",
    )
    .bind(to.as_str())
    .bind(error)
    .bind(next_attempt_at.map(to_db).transpose()?)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    item(conn, id).await
}

pub(crate) async fn recover(conn: &mut SqliteConnection) -> StoreResult<u64> {
    let done = sqlx::query(
        "UPDATE outbox SET state = 'uncertain', last_error = ?1 WHERE state = 'sending'",
    )
    .bind(INTERRUPTED)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

pub(crate) async fn item(conn: &mut SqliteConnection, id: OutboxId) -> StoreResult<OutboxItem> {
    let record: OutboxRecord = sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = ?1"
    ))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    record.into_item()
}

pub(crate) async fn for_inquiry(
    conn: &mut SqliteConnection,
    inquiry_id: InquiryId,
) -> StoreResult<Vec<OutboxSummary>> {
    let records: Vec<OutboxRecord> = sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE inquiry_id = ?1 ORDER BY id"
    ))
    .bind(inquiry_id)
    .fetch_all(&mut *conn)
    .await?;
    records
        .into_iter()
        .map(OutboxRecord::into_summary)
        .collect()
}

pub(crate) async fn list(
    conn: &mut SqliteConnection,
    state: Option<OutboxState>,
    after: Option<OutboxId>,
    limit: u32,
) -> StoreResult<Vec<OutboxSummary>> {
    let records: Vec<OutboxRecord> = sqlx::query_as(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE (?1 IS NULL OR state = ?1) AND id > ?2 \
         ORDER BY id LIMIT ?3"
    ))
    .bind(state.map(OutboxState::as_str))
    .bind(after.unwrap_or(0))
    .bind(i64::from(limit))
    .fetch_all(&mut *conn)
    .await?;
    records
        .into_iter()
        .map(OutboxRecord::into_summary)
        .collect()
}

impl crate::outbox::OutboxStore for super::SqliteStore {
    async fn enqueue(&self, new: NewOutboxItem) -> StoreResult<OutboxItem> {
        self.writer
            .run(move |conn, _| Box::pin(async move { enqueue(conn, &new).await }))
            .await
    }

    async fn claim_due(
        &self,
        now: Timestamp,
        channels: &[Channel],
        limit: u32,
    ) -> StoreResult<Vec<OutboxItem>> {
        let channels = channels.to_vec();
        self.writer
            .run(move |conn, _| Box::pin(async move { claim(conn, now, &channels, limit).await }))
            .await
    }

    async fn mark_sent(&self, id: OutboxId, at: Timestamp) -> StoreResult<OutboxItem> {
        self.writer
            .run(move |conn, policies| {
                Box::pin(async move { mark_sent(conn, policies, id, at).await })
            })
            .await
    }

    async fn retry_later(
        &self,
        id: OutboxId,
        error: &str,
        next_attempt_at: Timestamp,
    ) -> StoreResult<OutboxItem> {
        let error = error.to_owned();
        self.writer
            .run(move |conn, _| {
                Box::pin(async move {
                    transition(
                        conn,
                        id,
                        &[OutboxState::Sending],
                        OutboxState::Queued,
                        Some(&error),
                        Some(next_attempt_at),
                    )
                    .await
                })
            })
            .await
    }

    async fn mark_failed(&self, id: OutboxId, error: &str) -> StoreResult<OutboxItem> {
        let error = error.to_owned();
        self.writer
            .run(move |conn, _| {
                Box::pin(async move {
                    transition(
                        conn,
                        id,
                        &[OutboxState::Sending],
                        OutboxState::Failed,
                        Some(&error),
                        None,
                    )
                    .await
                })
            })
            .await
    }

    async fn recover_interrupted(&self) -> StoreResult<u64> {
        self.writer
            .run(|conn, _| Box::pin(async move { recover(conn).await }))
            .await
    }

    async fn requeue(&self, id: OutboxId, now: Timestamp) -> StoreResult<OutboxItem> {
        self.writer
            .run(move |conn, _| {
                Box::pin(async move {
                    transition(
                        conn,
                        id,
                        &[OutboxState::Uncertain, OutboxState::Failed],
                        OutboxState::Queued,
                        None,
                        Some(now),
                    )
                    .await
                })
            })
            .await
    }

    async fn outbox_item(&self, id: OutboxId) -> StoreResult<OutboxItem> {
        item(&mut *self.read().await?, id).await
    }

    async fn outbox_for_inquiry(&self, inquiry_id: InquiryId) -> StoreResult<Vec<OutboxSummary>> {
        for_inquiry(&mut *self.read().await?, inquiry_id).await
    }

    async fn list_outbox(
        &self,
        state: Option<OutboxState>,
        after: Option<OutboxId>,
        limit: u32,
    ) -> StoreResult<Vec<OutboxSummary>> {
        list(&mut *self.read().await?, state, after, limit).await
    }
}
