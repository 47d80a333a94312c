//! Notices' SQL, and the scheduler's scan of open obligations. Transitions name `person IS NOT
//! NULL` so that they never touch a message to a citizen, whose changes of state append events.

use crate::notices::{
    ENTRY_COLUMNS, EntryRecord, NOTICE_COLUMNS, NewNotice, Notice, NoticeKind, NoticeRecord,
    NoticeText, ObligationCursor, OpenObligation, OpenObligationRecord, OutboxEntry,
};
use crate::outbox::{OutboxId, OutboxState, wrong_state};
use crate::sql::{Conn, query};
use crate::time::{to_db, to_db_clamped};
use crate::types::{InquiryId, StoreError, StoreResult};
use jiff::Timestamp;

pub(crate) async fn queue(mut conn: Conn<'_>, notices: &[NewNotice]) -> StoreResult<u64> {
    let mut queued = 0;
    for n in notices {
        let text = serde_json::to_string(&n.text)
            .map_err(|_| StoreError::Other("a notice could not be written as JSON".into()))?;
        let at = to_db(n.created_at)?;
        // A key (or Message-ID) already there is the same notice: nothing to do.
        queued += query(
            "INSERT INTO outbox (inquiry_id, channel, kind, message, recipient, message_id, \
             state, attempts, next_attempt_at, created_at, person, idempotency_key) \
             VALUES ($1, 'email', $2, $3, $4, $5, 'queued', 0, $9, $6, $7, $8) \
             ON CONFLICT DO NOTHING",
        )
        .bind(n.inquiry_id)
        .bind(n.kind.as_str())
        .bind(text)
        .bind(&n.recipient)
        .bind(&n.message_id)
        .bind(at)
        .bind(&n.person)
        .bind(&n.key)
        .bind(to_db(n.due_at)?)
        .execute(conn.re())
        .await?;
    }
    Ok(queued)
}

pub(crate) async fn claim(
    mut conn: Conn<'_>,
    now: Timestamp,
    limit: u32,
) -> StoreResult<Vec<Notice>> {
    let sql = conn.pick(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id IN (\
         SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1 \
         AND person IS NOT NULL ORDER BY next_attempt_at, id LIMIT $2) RETURNING id",
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id IN (\
         SELECT id FROM outbox WHERE state = 'queued' AND next_attempt_at <= $1 \
         AND person IS NOT NULL ORDER BY next_attempt_at, id LIMIT $2 \
         FOR UPDATE SKIP LOCKED) RETURNING id",
    );
    let ids: Vec<i64> = query(sql)
        .bind(to_db_clamped(now))
        .bind(i64::from(limit))
        .scalars(conn.re())
        .await?;
    let mut notices = Vec::with_capacity(ids.len());
    for id in ids {
        notices.push(notice(conn.re(), id).await?);
    }
    notices.sort_by_key(|n| (n.next_attempt_at, n.id));
    Ok(notices)
}

pub(crate) async fn notice(conn: Conn<'_>, id: OutboxId) -> StoreResult<Notice> {
    let record: NoticeRecord = query(format!(
        "SELECT {NOTICE_COLUMNS} FROM outbox WHERE id = $1 AND person IS NOT NULL"
    ))
    .bind(id)
    .fetch_one(conn)
    .await?;
    record.into_notice()
}

/// Moves a notice from one of `from` to `to`, keeping the error and, when given, setting the
/// next attempt and the time it was sent.
pub(crate) async fn transition(
    mut conn: Conn<'_>,
    id: OutboxId,
    from: &[OutboxState],
    to: OutboxState,
    error: Option<&str>,
    next_attempt_at: Option<Timestamp>,
    sent_at: Option<Timestamp>,
) -> StoreResult<()> {
    let sql = conn.pick(
        "SELECT state FROM outbox WHERE id = $1 AND person IS NOT NULL",
        "SELECT state FROM outbox WHERE id = $1 AND person IS NOT NULL FOR UPDATE",
    );
    let state: String = query(sql).bind(id).scalar(conn.re()).await?;
    let current: OutboxState = state.parse()?;
    if !from.contains(&current) {
        let wanted: Vec<&str> = from.iter().map(|s| s.as_str()).collect();
        return Err(wrong_state(id, current.as_str(), &wanted.join(" or ")));
    }
    query(
        "UPDATE outbox SET state = $1, last_error = COALESCE($2, last_error), \
         next_attempt_at = COALESCE($3, next_attempt_at), sent_at = COALESCE($4, sent_at) \
         WHERE id = $5",
    )
    .bind(to.as_str())
    .bind(error)
    .bind(next_attempt_at.map(to_db).transpose()?)
    .bind(sent_at.map(to_db).transpose()?)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn entry(conn: Conn<'_>, id: OutboxId) -> StoreResult<OutboxEntry> {
    let record: EntryRecord = query(format!("SELECT {ENTRY_COLUMNS} FROM outbox WHERE id = $1"))
        .bind(id)
        .fetch_one(conn)
        .await?;
    record.into_entry()
}

pub(crate) async fn list(
    conn: Conn<'_>,
    state: Option<OutboxState>,
    after: Option<OutboxId>,
    limit: u32,
) -> StoreResult<Vec<OutboxEntry>> {
    let records: Vec<EntryRecord> = query(format!(
        "SELECT {ENTRY_COLUMNS} FROM outbox WHERE (CAST($1 AS TEXT) IS NULL OR state = $1) \
         AND id > $2 ORDER BY id LIMIT $3"
    ))
    .bind(state.map(OutboxState::as_str))
    .bind(after.unwrap_or(0))
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    records.into_iter().map(EntryRecord::into_entry).collect()
}

pub(crate) async fn for_person(
    conn: Conn<'_>,
    person: &str,
    before: Option<OutboxId>,
    limit: u32,
) -> StoreResult<Vec<Notice>> {
    let records: Vec<NoticeRecord> = query(format!(
        "SELECT {NOTICE_COLUMNS} FROM outbox WHERE person = $1 AND id < $2 \
         ORDER BY id DESC LIMIT $3"
    ))
    .bind(person)
    .bind(before.unwrap_or(i64::MAX))
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    records.into_iter().map(NoticeRecord::into_notice).collect()
}

pub(crate) async fn last_digest_mine(
    conn: Conn<'_>,
    person: &str,
) -> StoreResult<Option<Vec<InquiryId>>> {
    let message: Option<String> = query(
        "SELECT message FROM outbox WHERE person = $1 AND kind = $2 ORDER BY id DESC LIMIT 1",
    )
    .bind(person)
    .bind(NoticeKind::Digest.as_str())
    .fetch_optional::<(String,)>(conn)
    .await?
    .map(|(m,)| m);
    let Some(message) = message else {
        return Ok(None);
    };
    let text: NoticeText = serde_json::from_str(&message)
        .map_err(|_| StoreError::Other("a stored digest is not valid".into()))?;
    Ok(Some(text.mine))
}

pub(crate) async fn wants_digest(conn: Conn<'_>, person: &str) -> StoreResult<bool> {
    let row: Option<(bool,)> = query("SELECT digest FROM notification_settings WHERE person = $1")
        .bind(person)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_none_or(|(on,)| on))
}

pub(crate) async fn set_wants_digest(conn: Conn<'_>, person: &str, on: bool) -> StoreResult<()> {
    query(
        "INSERT INTO notification_settings (person, digest) VALUES ($1, $2) \
         ON CONFLICT (person) DO UPDATE SET digest = excluded.digest",
    )
    .bind(person)
    .bind(on)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn digest_opt_outs(conn: Conn<'_>) -> StoreResult<Vec<String>> {
    let people: Vec<String> =
        query("SELECT person FROM notification_settings WHERE NOT digest ORDER BY person")
            .scalars(conn)
            .await?;
    Ok(people)
}

pub(crate) async fn open_obligations(
    conn: Conn<'_>,
    after: Option<ObligationCursor>,
    limit: u32,
) -> StoreResult<(Vec<OpenObligation>, Option<ObligationCursor>)> {
    let after = after.unwrap_or(ObligationCursor {
        due_at: i64::MIN,
        inquiry_id: 0,
        position: 0,
    });
    let records: Vec<OpenObligationRecord> = query(
        "SELECT o.due_at, o.inquiry_id, CAST(o.position AS BIGINT) AS position, o.goal, o.due_date, i.policy_id, \
         i.reference, i.subject, i.unit, i.caseworker, i.received_at \
         FROM obligations o JOIN inquiries i ON i.id = o.inquiry_id \
         WHERE (o.due_at, o.inquiry_id, o.position) > ($1, $2, $3) \
         AND o.met_at IS NULL AND NOT o.waived AND NOT o.paused AND i.state <> 'closed' \
         ORDER BY o.due_at, o.inquiry_id, o.position LIMIT $4",
    )
    .bind(after.due_at)
    .bind(after.inquiry_id)
    .bind(after.position)
    .bind(i64::from(limit))
    .fetch_all(conn)
    .await?;
    let next = records
        .last()
        .filter(|_| records.len() == usize::try_from(limit).unwrap_or(usize::MAX))
        .map(OpenObligationRecord::cursor);
    let open = records
        .into_iter()
        .map(OpenObligationRecord::into_open)
        .collect::<StoreResult<Vec<_>>>()?;
    Ok((open, next))
}

pub(crate) async fn nav_counts(
    mut conn: Conn<'_>,
    caseworker: &str,
    now: Timestamp,
    today_end: Timestamp,
) -> StoreResult<crate::types::NavCounts> {
    let count =
        |sql: &'static str, from: i64, to: i64| query(sql).bind(caseworker).bind(from).bind(to);
    // Each count is a range of the workload index (caseworker, state, next_unpaused_due_at),
    // once per open state: no row is read.
    const SQL: &str = "SELECT COUNT(*) FROM inquiries WHERE caseworker = $1 \
         AND state IN ('new', 'open', 'awaiting_citizen') \
         AND next_unpaused_due_at >= $2 AND next_unpaused_due_at < $3";
    let (now, end) = (to_db_clamped(now), to_db_clamped(today_end));
    let overdue: i64 = count(SQL, i64::MIN, now).scalar(conn.re()).await?;
    let due_today: i64 = count(SQL, now, end).scalar(conn.re()).await?;
    let n = |v: i64| u64::try_from(v).unwrap_or(0);
    Ok(crate::types::NavCounts {
        due_today: n(due_today),
        overdue: n(overdue),
    })
}
