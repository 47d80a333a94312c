//! The write operations, run by the writer on its connection inside a transaction (see
//! `writer.rs`). Each leaves the database unchanged when it returns an error: the writer rolls
//! its savepoint back.

use crate::creations::{self, Creation, Outcome, key};
use crate::db_error::is_unique_violation;
use crate::intake::Received;
use crate::ops::read;
use crate::rows::{EventRow, NewRows, ObligationRow};
use crate::sql::Conn;
use crate::types::{
    Created, ImportSummary, InquiryId, PolicyId, StoreError, StoreResult, StoredInquiry,
};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use std::collections::{BTreeMap, HashMap};

/// Rows per multi-row INSERT. Each statement is a round trip to SQLite's thread, so bulk loads
/// want as many rows as fit under SQLite's 32,766 bound parameters: inquiries have 21 columns.
const INQUIRIES_PER_INSERT: usize = 1500;
/// The same for events (6 columns) and obligations (12 columns).
const ROWS_PER_INSERT: usize = 1800;

// Multi-row statements are prepared per row count. Only full-size ones are kept in the
// connection's statement cache: those are the ones a bulk load reuses, while the partial sizes
// (the rest of a chunk, a batch of mail) are nearly all different, and caching each would fill
// the cache with large statements, growing memory with every batch.

/// Stores received inquiries, many in one go (the writer coalesces concurrent creations). Each
/// answer is the new inquiry (`created: true`) or the one already stored with its channel and
/// external id, before or earlier in the batch (`created: false`). The writer is this process's
/// only writer, so the check cannot race with our own writes; a clash with another process's
/// write fails the whole call with [`StoreError::Conflict`].
pub(crate) async fn create_many(
    conn: &mut SqliteConnection,
    batch: &[Creation],
) -> StoreResult<Vec<Created>> {
    let stored = existing(conn, batch.iter().map(|(r, _)| r)).await?;
    let (fresh, outcomes) = creations::sort(batch, &stored);
    let inserted = insert(conn, fresh).await?;
    let mut answers = Vec::with_capacity(outcomes.len());
    for outcome in &outcomes {
        answers.push(match (creations::answer(outcome, &inserted), outcome) {
            (Some(answer), _) => answer?,
            (None, Outcome::Stored(id)) => Created {
                stored: read::inquiry(Conn::Sqlite(&mut *conn), *id).await?,
                created: false,
            },
            (None, _) => return Err(StoreError::Other("a creation has no answer".into())),
        });
    }
    Ok(answers)
}

/// Stores a chunk of a bulk import: skips inquiries already stored by (channel, external id).
/// Repeats within the chunk were removed by the caller.
pub(crate) async fn import(
    conn: &mut SqliteConnection,
    chunk: Vec<Received>,
    policy_id: PolicyId,
) -> StoreResult<ImportSummary> {
    let stored = existing(conn, chunk.iter()).await?;
    let before = chunk.len();
    let fresh: Vec<Creation> = chunk
        .into_iter()
        .filter(|r| key(r).is_none_or(|k| !stored.contains_key(&k)))
        .map(|r| (r, policy_id))
        .collect();
    let imported = insert(conn, fresh).await?.len();
    Ok(ImportSummary {
        imported: imported as u64,
        duplicates: (before - imported) as u64,
    })
}

/// The ids of the stored inquiries with the same (channel, external id) as any of `received`.
async fn existing(
    conn: &mut SqliteConnection,
    received: impl Iterator<Item = &Received>,
) -> StoreResult<HashMap<(&'static str, String), InquiryId>> {
    let mut by_channel: BTreeMap<&'static str, Vec<&str>> = BTreeMap::new();
    for r in received {
        if let Some(ext) = &r.inquiry.received.external_id {
            by_channel
                .entry(r.inquiry.received.channel.as_str())
                .or_default()
                .push(ext);
        }
    }
    let mut stored = HashMap::new();
    for (channel, ids) in by_channel {
        for part in ids.chunks(ROWS_PER_INSERT) {
            let mut q = QueryBuilder::<Sqlite>::new(
                "SELECT external_id, id FROM inquiries WHERE channel = ",
            );
            q.push_bind(channel).push(" AND external_id IN (");
            let mut list = q.separated(", ");
            for id in part {
                list.push_bind(*id);
            }
            q.push(")");
            let rows: Vec<(String, i64)> = q
                .build_query_as()
                .persistent(part.len() == ROWS_PER_INSERT)
                .fetch_all(&mut *conn)
                .await?;
            stored.extend(rows.into_iter().map(|(ext, id)| ((channel, ext), id)));
        }
    }
    Ok(stored)
}

/// Numbers and inserts new inquiries with their first events and obligations. A clash with a
/// stored (channel, external id) is a [`StoreError::Conflict`].
pub(crate) async fn insert(
    conn: &mut SqliteConnection,
    creations: Vec<Creation>,
) -> StoreResult<Vec<StoredInquiry>> {
    if creations.is_empty() {
        return Ok(Vec::new());
    }
    let mut wanted: BTreeMap<(String, i16), i64> = BTreeMap::new();
    for (r, _) in &creations {
        let (prefix, year) = r.counter();
        *wanted.entry((prefix.to_owned(), year)).or_default() += 1;
    }
    let mut next = BTreeMap::new();
    for ((prefix, year), count) in wanted {
        let first = allocate(conn, &prefix, year, count).await?;
        next.insert((prefix, year), first);
    }
    // The writer is the only writer of this file (other processes aside, whose clash fails the
    // insert), so ids can be handed out here and the rows inserted many at a time.
    let last: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM inquiries")
        .fetch_one(&mut *conn)
        .await?;
    let mut rows = Vec::with_capacity(creations.len());
    let mut stored = Vec::with_capacity(creations.len());
    for (id, (r, policy_id)) in (last + 1..).zip(creations) {
        let (prefix, year) = r.counter();
        let number = next
            .get_mut(&(prefix.to_owned(), year))
            .ok_or_else(|| StoreError::Other("no reference counter allocated".into()))?;
        let r = r.numbered(*number)?;
        *number += 1;
        rows.push(NewRows::of(id, policy_id, &r.inquiry, &r.event)?);
        stored.push(StoredInquiry {
            id,
            policy_id,
            inquiry: r.inquiry,
        });
    }
    for part in rows.chunks(INQUIRIES_PER_INSERT) {
        insert_inquiries(conn, part).await.map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::Conflict(
                    "an inquiry with this channel and external id is already stored".into(),
                )
            } else {
                e.into()
            }
        })?;
    }
    let events: Vec<(InquiryId, &EventRow)> = rows.iter().map(|r| (r.id, &r.event)).collect();
    insert_events(conn, &events).await?;
    let obligations: Vec<(InquiryId, &ObligationRow)> = rows
        .iter()
        .flat_map(|r| r.obligations.iter().map(|o| (r.id, o)))
        .collect();
    insert_obligations(conn, &obligations).await?;
    Ok(stored)
}

/// Takes `count` consecutive numbers from the (prefix, year) counter; returns the first.
async fn allocate(
    conn: &mut SqliteConnection,
    prefix: &str,
    year: i16,
    count: i64,
) -> StoreResult<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO reference_counters (prefix, year, next) VALUES (?1, ?2, 1 + ?3) \
         ON CONFLICT (prefix, year) DO UPDATE SET next = next + ?3 RETURNING next - ?3",
    )
    .bind(prefix)
    .bind(year)
    .bind(count)
    .fetch_one(&mut *conn)
    .await?)
}

async fn insert_inquiries(
    conn: &mut SqliteConnection,
    rows: &[NewRows],
) -> Result<(), sqlx::Error> {
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT INTO inquiries (id, reference, policy_id, channel, external_id, state, unit, \
         caseworker, kind, received_at, subject, sender_name, sender_phone, sender_email, \
         sender_name_key, \
         next_due_at, next_requires, next_unpaused_due_at, queue_key, projection, version) ",
    );
    q.push_values(rows, |mut b, r| {
        let i = &r.inquiry;
        b.push_bind(r.id)
            .push_bind(&i.reference)
            .push_bind(r.policy_id)
            .push_bind(i.channel)
            .push_bind(&i.external_id)
            .push_bind(i.state)
            .push_bind(&i.unit)
            .push_bind(&i.caseworker)
            .push_bind(i.kind)
            .push_bind(i.received_at)
            .push_bind(&i.subject)
            .push_bind(&i.sender_name)
            .push_bind(&i.sender_phone)
            .push_bind(&i.sender_email)
            .push_bind(&i.sender_name_key)
            .push_bind(i.next_due_at)
            .push_bind(i.next_requires)
            .push_bind(i.next_unpaused_due_at)
            .push_bind(i.queue_key)
            .push_bind(&i.projection)
            .push_bind(i.version);
    });
    q.build()
        .persistent(rows.len() == INQUIRIES_PER_INSERT)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(crate) async fn insert_events(
    conn: &mut SqliteConnection,
    events: &[(InquiryId, &EventRow)],
) -> StoreResult<()> {
    for part in events.chunks(ROWS_PER_INSERT) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO events (inquiry_id, seq, at, type, actor, data) ",
        );
        q.push_values(part, |mut b, (id, e)| {
            b.push_bind(*id)
                .push_bind(e.seq)
                .push_bind(e.at)
                .push_bind(e.kind)
                .push_bind(&e.actor)
                .push_bind(&e.data);
        });
        q.build()
            .persistent(part.len() == ROWS_PER_INSERT)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub(crate) async fn insert_obligations(
    conn: &mut SqliteConnection,
    rows: &[(InquiryId, &ObligationRow)],
) -> StoreResult<()> {
    for part in rows.chunks(ROWS_PER_INSERT) {
        let mut q = QueryBuilder::<Sqlite>::new(
            "INSERT INTO obligations (due_at, inquiry_id, position, goal, requires, channel, unit, \
             due_date, met_at, waived, paused, met_working_days) ",
        );
        q.push_values(part, |mut b, (id, o)| {
            b.push_bind(o.due_at)
                .push_bind(*id)
                .push_bind(o.position)
                .push_bind(&o.goal)
                .push_bind(o.requires)
                .push_bind(o.channel)
                .push_bind(&o.unit)
                .push_bind(&o.due_date)
                .push_bind(o.met_at)
                .push_bind(o.waived)
                .push_bind(o.paused)
                .push_bind(o.met_working_days);
        });
        q.build()
            .persistent(part.len() == ROWS_PER_INSERT)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
