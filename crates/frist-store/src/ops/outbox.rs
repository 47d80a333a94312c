//! The outbox's SQL. Writes run inside the backend's write transaction, so marking a row sent
//! and appending its `message_sent` event commit together. On PostgreSQL, where dispatchers
//! write side by side, claims lock the rows they take (`FOR UPDATE SKIP LOCKED`) and a change of
//! state locks its row first; SQLite's single writer (and `BEGIN IMMEDIATE` against other
//! processes) already keeps a row from being claimed twice.

use crate::db_error::insert_error;
use crate::ops::directory;
use crate::outbox::{
    INTERRUPTED, NewOutboxItem, OUTBOX_COLUMNS, OutboxId, OutboxItem, OutboxRecord, OutboxState,
    OutboxSummary, kind_name, message_json, not_recorded, wrong_state,
};
use crate::policies::PolicyCache;
use crate::sql::{Conn, query};
use crate::status_link::{new_status_token, status_token_hash};
use crate::time::{to_db, to_db_clamped};
use crate::types::{InquiryId, StoreError, StoreResult, StoredInquiry};
use frist_core::{Event, EventKind};
use frist_policy::Channel;
use jiff::Timestamp;

/// Inserts the row and appends its `message_queued` event, in the caller's transaction: the
/// message counts from now (see `frist_core`'s `delivery` module). A refusal by the lifecycle
/// returns before the caller commits, so nothing is queued.
pub(crate) async fn enqueue(
    mut conn: Conn<'_>,
    policies: &PolicyCache,
    new: &NewOutboxItem,
) -> StoreResult<(StoredInquiry, OutboxItem)> {
    let created_at = to_db(new.created_at)?;
    let id: i64 = query(
        "INSERT INTO outbox (inquiry_id, channel, kind, message, recipient, message_id, actor, \
         state, attempts, next_attempt_at, created_at, status_token) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', 0, $8, $8, $9) RETURNING id",
    )
    .bind(new.inquiry_id)
    .bind(new.message.channel.as_str())
    .bind(kind_name(new.message.kind)?)
    .bind(message_json(&new.message)?)
    .bind(&new.recipient)
    .bind(&new.message_id)
    .bind(&new.actor)
    .bind(created_at)
    .bind(&new.status_token)
    .scalar(conn.re())
    .await
    .map_err(|e| insert_error(e, "a message with this Message-ID is already in the outbox"))?;
    if let Some(token) = &new.status_token {
        let hash = status_token_hash(token);
        directory::create_status_link(conn.re(), &hash, new.inquiry_id, new.created_at).await?;
    }
    let event = Event {
        at: new.created_at,
        actor: new.actor.clone(),
        kind: EventKind::MessageQueued {
            message: new.message.clone(),
            outbox_id: id,
        },
    };
    let stored = crate::ops::append::append(conn.re(), policies, new.inquiry_id, event).await?;
    Ok((stored, item(conn, id).await?))
}

/// Revokes the inquiry's status links and drops the tokens its waiting messages hold, then
/// queues `new` (with its new link), in the caller's transaction.
pub(crate) async fn replace_status_links(
    mut conn: Conn<'_>,
    policies: &PolicyCache,
    new: &NewOutboxItem,
) -> StoreResult<(StoredInquiry, OutboxItem)> {
    query("DELETE FROM status_links WHERE inquiry_id = $1")
        .bind(new.inquiry_id)
        .execute(conn.re())
        .await?;
    query(
        "UPDATE outbox SET status_token = NULL WHERE inquiry_id = $1 AND status_token IS NOT NULL",
    )
    .bind(new.inquiry_id)
    .execute(conn.re())
    .await?;
    enqueue(conn, policies, new).await
}

/// The event, then the message, in the caller's transaction.
pub(crate) async fn append_and_enqueue(
    mut conn: Conn<'_>,
    policies: &PolicyCache,
    event: Event,
    new: &NewOutboxItem,
) -> StoreResult<(StoredInquiry, OutboxItem)> {
    crate::ops::append::append(conn.re(), policies, new.inquiry_id, event).await?;
    enqueue(conn, policies, new).await
}

pub(crate) async fn claim(
    mut conn: Conn<'_>,
    now: Timestamp,
    channels: &[Channel],
    limit: u32,
) -> StoreResult<Vec<OutboxItem>> {
    let channels: Vec<&str> = channels.iter().map(|c| c.as_str()).collect();
    let channels = serde_json::to_string(&channels)
        .map_err(|_| StoreError::Other("channels could not be written as JSON".into()))?;
    let claim = conn.pick(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id IN (\
         SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1 \
         AND person IS NULL AND channel IN (SELECT value FROM json_each($2)) \
         ORDER BY next_attempt_at, id LIMIT $3) RETURNING id",
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id IN (\
         SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1 \
         AND person IS NULL AND channel IN (SELECT jsonb_array_elements_text(CAST($2 AS jsonb))) \
         ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id",
    );
    let claimed: Vec<i64> = query(claim)
        .bind(to_db_clamped(now))
        .bind(channels)
        .bind(i64::from(limit))
        .scalars(conn.re())
        .await?;
    let mut items = Vec::with_capacity(claimed.len());
    for id in claimed {
        items.push(item(conn.re(), id).await?);
    }
    items.sort_by_key(|i| (i.next_attempt_at, i.id));
    Ok(items)
}

pub(crate) async fn mark_sent(
    mut conn: Conn<'_>,
    policies: &PolicyCache,
    id: OutboxId,
    at: Timestamp,
) -> StoreResult<OutboxItem> {
    let current = locked(conn.re(), id).await?;
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
            outbox_id: Some(id),
            message: current.message.clone(),
        },
    };
    let note =
        match crate::ops::append::append(conn.re(), policies, current.inquiry_id, event).await {
            Ok(_) => None,
            // The refusal happens before anything is written; the transaction goes on.
            Err(StoreError::Refused(e)) => Some(not_recorded(&e)),
            Err(e) => return Err(e),
        };
    query(
        "UPDATE outbox SET state = 'sent', sent_at = $1, last_error = $2, status_token = NULL \
         WHERE id = $3",
    )
    .bind(to_db(at)?)
    .bind(note)
    .bind(id)
    .execute(conn.re())
    .await?;
    item(conn, id).await
}

/// The outbox gives up on a `sending` row: it becomes `failed`, its status token is dropped
/// (resending it makes a new link), and `message_failed` takes back what its queueing met.
/// Should the lifecycle refuse that (it never does for a row the inquiry has queued), the row
/// is still failed.
pub(crate) async fn mark_failed(
    mut conn: Conn<'_>,
    policies: &PolicyCache,
    id: OutboxId,
    error: &str,
    at: Timestamp,
) -> StoreResult<OutboxItem> {
    let item = transition(
        conn.re(),
        id,
        &[OutboxState::Sending],
        OutboxState::Failed,
        Some(error),
        None,
    )
    .await?;
    query("UPDATE outbox SET status_token = NULL WHERE id = $1")
        .bind(id)
        .execute(conn.re())
        .await?;
    let event = Event {
        at,
        actor: item.actor.clone(),
        kind: EventKind::MessageFailed { outbox_id: id },
    };
    match crate::ops::append::append(conn.re(), policies, item.inquiry_id, event).await {
        Ok(_) | Err(StoreError::Refused(_)) => self::item(conn, id).await,
        Err(e) => Err(e),
    }
}

/// A person sends an `uncertain` or `failed` row again. A failed one was taken back, so it is
/// queued anew (`message_queued`, counting from `now`), with a new status link if its kind
/// carries one (failing dropped the old token); an uncertain one never stopped counting and
/// still holds its token.
pub(crate) async fn requeue(
    mut conn: Conn<'_>,
    policies: &PolicyCache,
    id: OutboxId,
    now: Timestamp,
) -> StoreResult<OutboxItem> {
    let before = locked(conn.re(), id).await?;
    let item = transition(
        conn.re(),
        id,
        &[OutboxState::Uncertain, OutboxState::Failed],
        OutboxState::Queued,
        None,
        Some(now),
    )
    .await?;
    if before.state != OutboxState::Failed {
        return Ok(item);
    }
    if item.message.kind.carries_status_link() {
        let token = new_status_token();
        directory::create_status_link(conn.re(), &status_token_hash(&token), item.inquiry_id, now)
            .await?;
        query("UPDATE outbox SET status_token = $1 WHERE id = $2")
            .bind(&token)
            .bind(id)
            .execute(conn.re())
            .await?;
    }
    let event = Event {
        at: now,
        actor: item.actor.clone(),
        kind: EventKind::MessageQueued {
            message: item.message.clone(),
            outbox_id: id,
        },
    };
    crate::ops::append::append(conn.re(), policies, item.inquiry_id, event).await?;
    self::item(conn, id).await
}

/// Moves a row from one of `from` to `to`, setting the error and, when given, the next attempt.
pub(crate) async fn transition(
    mut conn: Conn<'_>,
    id: OutboxId,
    from: &[OutboxState],
    to: OutboxState,
    error: Option<&str>,
    next_attempt_at: Option<Timestamp>,
) -> StoreResult<OutboxItem> {
    let current = locked(conn.re(), id).await?;
    if !from.contains(&current.state) {
        let wanted: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
        return Err(wrong_state(
            id,
            current.state.as_str(),
            &wanted.join(" or "),
        ));
    }
    query(
        "UPDATE outbox SET state = $1, last_error = COALESCE($2, last_error), \
         next_attempt_at = COALESCE($3, next_attempt_at) WHERE id = $4",
    )
    .bind(to.as_str())
    .bind(error)
    .bind(next_attempt_at.map(to_db).transpose()?)
    .bind(id)
    .execute(conn.re())
    .await?;
    item(conn, id).await
}

pub(crate) async fn recover(mut conn: Conn<'_>) -> StoreResult<u64> {
    let done =
        query("UPDATE outbox SET state = 'uncertain', last_error = $1 WHERE state = 'sending'")
            .bind(INTERRUPTED)
            .execute(conn.re())
            .await?;
    Ok(done)
}

/// The row, locked until the transaction ends on PostgreSQL (SQLite's writer is alone anyway).
async fn locked(conn: Conn<'_>, id: OutboxId) -> StoreResult<OutboxItem> {
    let sql = conn.pick(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = $1 AND person IS NULL",
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = $1 AND person IS NULL FOR UPDATE",
    );
    let record: OutboxRecord = query(sql.replace("{OUTBOX_COLUMNS}", OUTBOX_COLUMNS))
        .bind(id)
        .fetch_one(conn)
        .await?;
    record.into_item()
}

pub(crate) async fn item(mut conn: Conn<'_>, id: OutboxId) -> StoreResult<OutboxItem> {
    let record: OutboxRecord = query(format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE id = $1 AND person IS NULL"
    ))
    .bind(id)
    .fetch_one(conn.re())
    .await?;
    record.into_item()
}

pub(crate) async fn for_inquiry(
    mut conn: Conn<'_>,
    inquiry_id: InquiryId,
) -> StoreResult<Vec<OutboxSummary>> {
    let records: Vec<OutboxRecord> = query(format!(
        "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE inquiry_id = $1 AND person IS NULL ORDER BY id"
    ))
    .bind(inquiry_id)
    .fetch_all(conn.re())
    .await?;
    records
        .into_iter()
        .map(OutboxRecord::into_summary)
        .collect()
}
