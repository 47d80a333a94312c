//! The write operations, run by the writer on its connection inside a transaction (see
//! `writer.rs`). Each leaves the database unchanged when it returns an error: the writer rolls
//! its savepoint back.

use super::read;
use crate::creations::{self, Creation, Outcome, key};
use crate::db_error::{is_foreign_key_violation, is_unique_violation};
use crate::intake::Received;
use crate::policies::PolicyCache;
use crate::rows::{
    EventRow, InquiryRow, NewRows, ObligationRow, obligation_rows, parse_projection,
};
use crate::time::to_db;
use crate::types::{
    ApiToken, Caseworker, Created, ImportSummary, InquiryId, PolicyId, Role, StoreError,
    StoreResult, StoredInquiry, Unit,
};
use frist_core::Event;
use jiff::Timestamp;
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

pub(crate) async fn register_policy(
    conn: &mut SqliteConnection,
    name: &str,
    text: &str,
    sha256: &str,
) -> StoreResult<PolicyId> {
    sqlx::query(
        "INSERT INTO policies (name, sha256, text, registered_at) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (sha256) DO NOTHING",
    )
    .bind(name)
    .bind(sha256)
    .bind(text)
    .bind(to_db(Timestamp::now())?)
    .execute(&mut *conn)
    .await?;
    Ok(
        sqlx::query_scalar("SELECT id FROM policies WHERE sha256 = ?1")
            .bind(sha256)
            .fetch_one(&mut *conn)
            .await?,
    )
}

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
                stored: read::inquiry(&mut *conn, *id).await?,
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

async fn insert_events(
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

async fn insert_obligations(
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

/// Applies `event` to the stored projection through the lifecycle, with the inquiry's own policy
/// version, and stores the event, the projection and its obligation rows.
pub(crate) async fn append(
    conn: &mut SqliteConnection,
    policies: &PolicyCache,
    id: InquiryId,
    event: Event,
) -> StoreResult<StoredInquiry> {
    let (policy_id, projection, version): (i64, String, i64) =
        sqlx::query_as("SELECT policy_id, projection, version FROM inquiries WHERE id = ?1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    let policy = match policies.get(policy_id) {
        Some(policy) => policy,
        None => {
            let policy = read::load_policy(&mut *conn, policy_id).await?;
            policies.insert(policy_id, policy.clone());
            policy
        }
    };
    let mut inquiry = parse_projection(id, &projection)?;
    inquiry.apply(&event, &policy)?;
    let seq = version + 1;
    let row = InquiryRow::of(&inquiry, seq)?;
    insert_events(conn, &[(id, &EventRow::of(seq, &event)?)]).await?;
    sqlx::query(
        "UPDATE inquiries SET state = ?1, unit = ?2, caseworker = ?3, kind = ?4, next_due_at = ?5, \
         next_requires = ?6, next_unpaused_due_at = ?7, queue_key = ?8, projection = ?9, \
         version = ?10 WHERE id = ?11",
    )
    .bind(row.state)
    .bind(&row.unit)
    .bind(&row.caseworker)
    .bind(row.kind)
    .bind(row.next_due_at)
    .bind(row.next_requires)
    .bind(row.next_unpaused_due_at)
    .bind(row.queue_key)
    .bind(&row.projection)
    .bind(seq)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM obligations WHERE inquiry_id = ?1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    let obligations = obligation_rows(&inquiry)?;
    let pairs: Vec<(InquiryId, &ObligationRow)> = obligations.iter().map(|o| (id, o)).collect();
    insert_obligations(conn, &pairs).await?;
    Ok(StoredInquiry {
        id,
        policy_id,
        inquiry,
    })
}

pub(crate) async fn put_unit(conn: &mut SqliteConnection, unit: &Unit) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO units (id, name, email, phone) VALUES (?1, ?2, ?3, ?4) \
         ON CONFLICT (id) DO UPDATE \
         SET name = excluded.name, email = excluded.email, phone = excluded.phone",
    )
    .bind(&unit.id)
    .bind(&unit.name)
    .bind(&unit.email)
    .bind(&unit.phone)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn put_caseworker(conn: &mut SqliteConnection, c: &Caseworker) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO caseworkers (id, name, unit, email, phone, absent_until, absent_substitute) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
         ON CONFLICT (id) DO UPDATE \
         SET name = excluded.name, unit = excluded.unit, email = excluded.email, \
         phone = excluded.phone, absent_until = excluded.absent_until, \
         absent_substitute = excluded.absent_substitute",
    )
    .bind(&c.id)
    .bind(&c.name)
    .bind(&c.unit)
    .bind(&c.email)
    .bind(&c.phone)
    .bind(c.absent.as_ref().map(|a| a.until.to_string()))
    .bind(c.absent.as_ref().and_then(|a| a.substitute.clone()))
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn create_token(
    conn: &mut SqliteConnection,
    name: &str,
    role: Role,
    token_hash: &str,
) -> StoreResult<ApiToken> {
    let id = sqlx::query_scalar(
        "INSERT INTO api_tokens (name, role, token_hash, created_at) \
         VALUES (?1, ?2, ?3, ?4) RETURNING id",
    )
    .bind(name)
    .bind(crate::directory::role_name(role))
    .bind(token_hash)
    .bind(to_db(Timestamp::now())?)
    .fetch_one(conn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::Conflict("a token with this hash already exists".into())
        } else {
            e.into()
        }
    })?;
    Ok(ApiToken {
        id,
        name: name.to_owned(),
        role,
    })
}

pub(crate) async fn log_access(
    conn: &mut SqliteConnection,
    viewer: &str,
    id: InquiryId,
    what: &str,
    at: Timestamp,
) -> StoreResult<()> {
    sqlx::query("INSERT INTO access_log (viewer, inquiry_id, what, at) VALUES (?1, ?2, ?3, ?4)")
        .bind(viewer)
        .bind(id)
        .bind(what)
        .bind(to_db(at)?)
        .execute(conn)
        .await
        .map_err(|e| {
            if is_foreign_key_violation(&e) {
                StoreError::NotFound
            } else {
                e.into()
            }
        })?;
    Ok(())
}

pub(crate) async fn create_status_link(
    conn: &mut SqliteConnection,
    token_hash: &str,
    id: InquiryId,
    at: Timestamp,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO status_links (token_hash, inquiry_id, created_at) VALUES (?1, ?2, ?3)",
    )
    .bind(token_hash)
    .bind(id)
    .bind(to_db(at)?)
    .execute(conn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::Conflict("this status link already exists".into())
        } else if is_foreign_key_violation(&e) {
            StoreError::NotFound
        } else {
            e.into()
        }
    })?;
    Ok(())
}
