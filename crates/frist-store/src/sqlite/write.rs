//! SQLite's own part of storing new inquiries: multi-row `VALUES` statements, ids handed out by
//! the single writer, and the bound-parameter limit. Run by the writer on its connection inside
//! a transaction (see `writer.rs`); the rest of a creation is shared (`creations.rs`).

use crate::creations::Key;
use crate::rows::{EventRow, NewRows, ObligationRow};
use crate::types::{InquiryId, StoreResult};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};
use std::collections::{BTreeMap, HashMap};
use std::mem::take;

/// Rows per multi-row INSERT. Each statement is a round trip to SQLite's thread, so bulk loads
/// want as many rows as fit under SQLite's 32,766 bound parameters: inquiries have 21 columns.
const INQUIRIES_PER_INSERT: usize = 1500;
/// The same for events (6 columns) and obligations (12 columns).
const ROWS_PER_INSERT: usize = 1800;

// Multi-row statements are prepared per row count. Only full-size ones are kept in the
// connection's statement cache: those are the ones a bulk load reuses, while the partial sizes
// (the rest of a chunk, a batch of mail) are nearly all different, and caching each would fill
// the cache with large statements, growing memory with every batch.

/// The ids of the stored inquiries with these external ids, by channel: `IN` lists as long as
/// SQLite's bound parameters allow.
pub(crate) async fn existing(
    conn: &mut SqliteConnection,
    by_channel: BTreeMap<&'static str, Vec<&str>>,
) -> StoreResult<HashMap<Key, InquiryId>> {
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

/// The next `count` ids. The writer is the only writer of this file (another process's write
/// waits for our transaction, and a clash fails the insert), so ids can be handed out here and
/// the rows inserted many at a time.
pub(crate) async fn next_ids(conn: &mut SqliteConnection, count: i64) -> StoreResult<Vec<i64>> {
    let last: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM inquiries")
        .fetch_one(&mut *conn)
        .await?;
    Ok((last + 1..=last + count).collect())
}

/// Inquiry rows, as many per statement as SQLite's bound parameters allow. The rows' texts are
/// moved into the statement, not copied (sqlx would copy a borrowed text, and the single writer
/// waits for that): afterwards `rows` keep only their ids, events, obligations and words.
pub(crate) async fn insert_inquiries(
    conn: &mut SqliteConnection,
    rows: &mut [NewRows],
) -> Result<(), sqlx::Error> {
    for part in rows.chunks_mut(INQUIRIES_PER_INSERT) {
        insert_inquiry_rows(conn, part).await?;
    }
    Ok(())
}

async fn insert_inquiry_rows(
    conn: &mut SqliteConnection,
    rows: &mut [NewRows],
) -> Result<(), sqlx::Error> {
    let full = rows.len() == INQUIRIES_PER_INSERT;
    let mut q = QueryBuilder::<Sqlite>::new(
        "INSERT INTO inquiries (id, reference, policy_id, channel, external_id, state, unit, \
         caseworker, kind, received_at, subject, sender_name, sender_phone, sender_email, \
         sender_name_key, \
         next_due_at, next_requires, next_unpaused_due_at, queue_key, projection, version) ",
    );
    q.push_values(rows.iter_mut(), |mut b, r| {
        let i = &mut r.inquiry;
        b.push_bind(r.id)
            .push_bind(take(&mut i.reference))
            .push_bind(r.policy_id)
            .push_bind(i.channel)
            .push_bind(i.external_id.take())
            .push_bind(i.state)
            .push_bind(i.unit.take())
            .push_bind(i.caseworker.take())
            .push_bind(i.kind)
            .push_bind(i.received_at)
            .push_bind(take(&mut i.subject))
            .push_bind(i.sender_name.take())
            .push_bind(i.sender_phone.take())
            .push_bind(i.sender_email.take())
            .push_bind(i.sender_name_key.take())
            .push_bind(i.next_due_at)
            .push_bind(i.next_requires)
            .push_bind(i.next_unpaused_due_at)
            .push_bind(i.queue_key)
            .push_bind(take(&mut i.projection))
            .push_bind(i.version);
    });
    q.build().persistent(full).execute(&mut *conn).await?;
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
             due_date, met_at, waived, paused, met_working_days, case_type) ",
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
                .push_bind(o.met_working_days)
                .push_bind(&o.case_type);
        });
        q.build()
            .persistent(part.len() == ROWS_PER_INSERT)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
