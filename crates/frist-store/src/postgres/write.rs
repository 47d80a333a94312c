//! The write operations on PostgreSQL, each one transaction. Row locks (`FOR UPDATE` on the
//! inquiry, the counter row's upsert) serialise what must not interleave; everything else runs
//! concurrently on the pool.

use crate::creations::{self, Creation, Key, Outcome};
use crate::db_error::is_unique_violation;
use crate::intake::Received;
use crate::ops::read;
use crate::rows::{EventRow, InquiryRow, NewRows, ObligationRow};
use crate::sql::Conn;
use crate::types::{
    Created, ImportSummary, InquiryId, PolicyId, StoreError, StoreResult, StoredInquiry,
};
use sqlx::{PgConnection, PgPool};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Stores a received inquiry, or returns the one already stored with its channel and external id
/// (also when a concurrent call stores it first: the unique index decides, and the loser's
/// transaction, with its reference number, is rolled back).
pub(crate) async fn create(
    pool: &PgPool,
    received: Received,
    policy_id: PolicyId,
) -> StoreResult<Created> {
    let channel = received.inquiry.received.channel.as_str();
    let external_id = received.inquiry.received.external_id.clone();
    if let Some(ext) = &external_id
        && let Some(stored) =
            read::by_external_id(Conn::Postgres(&mut *pool.acquire().await?), channel, ext).await?
    {
        return Ok(Created {
            stored,
            created: false,
        });
    }
    let mut tx = pool.begin().await?;
    match insert(&mut tx, vec![(received, policy_id)], false).await {
        Ok(mut stored) => {
            tx.commit().await?;
            let stored = stored
                .pop()
                .ok_or_else(|| StoreError::Other("the insert returned nothing".into()))?;
            Ok(Created {
                stored,
                created: true,
            })
        }
        Err(StoreError::Conflict(why)) => {
            tx.rollback().await?;
            match &external_id {
                Some(ext) => match read::by_external_id(
                    Conn::Postgres(&mut *pool.acquire().await?),
                    channel,
                    ext,
                )
                .await?
                {
                    Some(stored) => Ok(Created {
                        stored,
                        created: false,
                    }),
                    None => Err(StoreError::Conflict(
                        "a concurrent write got in the way; retry".into(),
                    )),
                },
                None => Err(StoreError::Conflict(why)),
            }
        }
        Err(e) => Err(e),
    }
}

/// Stores concurrent creations in the caller's transaction (see `creator.rs`): each answer is
/// the new inquiry or the one already stored with its channel and external id, before or
/// earlier in the batch. A clash with a concurrent transaction fails the whole call with
/// [`StoreError::Conflict`]; the caller then stores them one by one.
pub(crate) async fn create_many(
    conn: &mut PgConnection,
    batch: &[Creation],
) -> StoreResult<Vec<Created>> {
    let (channels, ids): (Vec<&'static str>, Vec<&str>) = batch
        .iter()
        .filter_map(|(r, _)| {
            let received = &r.inquiry.received;
            received
                .external_id
                .as_deref()
                .map(|ext| (received.channel.as_str(), ext))
        })
        .unzip();
    let mut stored: HashMap<Key, InquiryId> = HashMap::new();
    if !ids.is_empty() {
        let rows: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT channel, external_id, id FROM inquiries \
             WHERE (channel, external_id) IN (SELECT * FROM UNNEST($1::text[], $2::text[]))",
        )
        .bind(&channels)
        .bind(&ids)
        .fetch_all(&mut *conn)
        .await?;
        for (channel, ext, id) in rows {
            if let Some(channel) = channels.iter().find(|c| **c == channel) {
                stored.insert((*channel, ext), id);
            }
        }
    }
    let (fresh, outcomes) = creations::sort(batch, &stored);
    let inserted = insert(&mut *conn, fresh, false).await?;
    let mut answers = Vec::with_capacity(outcomes.len());
    for outcome in &outcomes {
        answers.push(match (creations::answer(outcome, &inserted), outcome) {
            (Some(answer), _) => answer?,
            (None, Outcome::Stored(id)) => Created {
                stored: read::inquiry(Conn::Postgres(&mut *conn), *id).await?,
                created: false,
            },
            (None, _) => return Err(StoreError::Other("a creation has no answer".into())),
        });
    }
    Ok(answers)
}

/// Stores a chunk of a bulk import in one transaction; skips inquiries already stored by
/// (channel, external id), including ones a concurrent call stores meanwhile. Duplicates within
/// the chunk were removed by the caller.
pub(crate) async fn import(
    pool: &PgPool,
    chunk: Vec<Received>,
    policy_id: PolicyId,
) -> StoreResult<ImportSummary> {
    let (channels, ids): (Vec<&str>, Vec<&str>) = chunk
        .iter()
        .filter_map(|r| {
            r.inquiry
                .received
                .external_id
                .as_deref()
                .map(|ext| (r.inquiry.received.channel.as_str(), ext))
        })
        .unzip();
    let mut tx = pool.begin().await?;
    let existing: Vec<(String, String)> = sqlx::query_as(
        "SELECT channel, external_id FROM inquiries \
         WHERE (channel, external_id) IN (SELECT * FROM UNNEST($1::text[], $2::text[]))",
    )
    .bind(&channels)
    .bind(&ids)
    .fetch_all(&mut *tx)
    .await?;
    let existing: HashSet<(String, String)> = existing.into_iter().collect();
    let before = chunk.len();
    let fresh: Vec<Creation> = chunk
        .into_iter()
        .filter(|r| {
            let received = &r.inquiry.received;
            received.external_id.as_ref().is_none_or(|ext| {
                !existing.contains(&(received.channel.as_str().to_owned(), ext.clone()))
            })
        })
        .map(|r| (r, policy_id))
        .collect();
    let imported = insert(&mut tx, fresh, true).await?.len();
    tx.commit().await?;
    Ok(ImportSummary {
        imported: imported as u64,
        duplicates: (before - imported) as u64,
    })
}

/// Numbers and inserts new inquiries with their first events and obligations. A clash with a
/// stored (channel, external id) is a [`StoreError::Conflict`], or, with `skip_conflicts`, skips
/// that inquiry (its reference number stays unused).
pub(crate) async fn insert(
    conn: &mut PgConnection,
    received: Vec<Creation>,
    skip_conflicts: bool,
) -> StoreResult<Vec<StoredInquiry>> {
    if received.is_empty() {
        return Ok(Vec::new());
    }
    let mut wanted: BTreeMap<(String, i16), i64> = BTreeMap::new();
    for (r, _) in &received {
        let (prefix, year) = r.counter();
        *wanted.entry((prefix.to_owned(), year)).or_default() += 1;
    }
    let mut next = BTreeMap::new();
    for ((prefix, year), count) in wanted {
        let first: i64 = sqlx::query_scalar(
            "INSERT INTO reference_counters (prefix, year, next) VALUES ($1, $2, 1 + $3::bigint) \
             ON CONFLICT (prefix, year) DO UPDATE SET next = reference_counters.next + $3::bigint \
             RETURNING next - $3::bigint",
        )
        .bind(&prefix)
        .bind(year)
        .bind(count)
        .fetch_one(&mut *conn)
        .await?;
        next.insert((prefix, year), first);
    }
    let count =
        i64::try_from(received.len()).map_err(|_| StoreError::Other("batch too large".into()))?;
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT nextval('inquiries_id_seq') FROM generate_series(1, $1::bigint)",
    )
    .bind(count)
    .fetch_all(&mut *conn)
    .await?;
    let mut rows = Vec::with_capacity(received.len());
    let mut stored = Vec::with_capacity(received.len());
    for (id, (r, policy_id)) in ids.into_iter().zip(received) {
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
    let inserted: HashSet<i64> = insert_inquiries(conn, &rows, skip_conflicts)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::Conflict(
                    "an inquiry with this channel and external id is already stored".into(),
                )
            } else {
                e.into()
            }
        })?;
    rows.retain(|r| inserted.contains(&r.id));
    stored.retain(|s| inserted.contains(&s.id));
    let events: Vec<(InquiryId, &EventRow)> = rows.iter().map(|r| (r.id, &r.event)).collect();
    insert_events(conn, &events).await?;
    let obligations: Vec<(InquiryId, &ObligationRow)> = rows
        .iter()
        .flat_map(|r| r.obligations.iter().map(|o| (r.id, o)))
        .collect();
    insert_obligations(conn, &obligations).await?;
    Ok(stored)
}

/// Inserts the rows column-wise through UNNEST (one statement for any number of rows); returns
/// the ids inserted.
async fn insert_inquiries(
    conn: &mut PgConnection,
    rows: &[NewRows],
    skip_conflicts: bool,
) -> Result<HashSet<i64>, sqlx::Error> {
    let column = |f: fn(&InquiryRow) -> Option<String>| {
        rows.iter().map(|r| f(&r.inquiry)).collect::<Vec<_>>()
    };
    let number =
        |f: fn(&InquiryRow) -> Option<i64>| rows.iter().map(|r| f(&r.inquiry)).collect::<Vec<_>>();
    let on_conflict = if skip_conflicts {
        "ON CONFLICT (channel, external_id) WHERE external_id IS NOT NULL DO NOTHING"
    } else {
        ""
    };
    let sql = format!(
        "INSERT INTO inquiries (id, reference, policy_id, channel, external_id, state, unit, \
         caseworker, kind, received_at, subject, sender_name, next_due_at, next_requires, \
         next_unpaused_due_at, queue_key, projection, version, sender_phone, sender_email, sender_name_key) \
         SELECT id, reference, policy_id, channel, external_id, state, unit, caseworker, kind, \
         received_at, subject, sender_name, next_due_at, next_requires, next_unpaused_due_at, \
         queue_key, projection::jsonb, 1, sender_phone, sender_email, sender_name_key \
         FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], \
         $7::text[], $8::text[], $9::bigint[], $10::text[], $11::text[], $12::bigint[], \
         $13::text[], $14::bigint[], $15::bigint[], $16::text[], $17::bigint[], $18::text[], $19::text[], $20::text[]) \
         AS t(id, reference, channel, external_id, state, unit, caseworker, kind, received_at, \
         subject, sender_name, next_due_at, next_requires, next_unpaused_due_at, queue_key, \
         projection, policy_id, sender_phone, sender_email, sender_name_key) {on_conflict} RETURNING id"
    );
    let ids: Vec<i64> = sqlx::query_scalar(&sql)
        .bind(rows.iter().map(|r| r.id).collect::<Vec<_>>())
        .bind(column(|i| Some(i.reference.clone())))
        .bind(column(|i| Some(i.channel.to_owned())))
        .bind(column(|i| i.external_id.clone()))
        .bind(column(|i| Some(i.state.to_owned())))
        .bind(column(|i| i.unit.clone()))
        .bind(column(|i| i.caseworker.clone()))
        .bind(column(|i| Some(i.kind.to_owned())))
        .bind(number(|i| Some(i.received_at)))
        .bind(column(|i| Some(i.subject.clone())))
        .bind(column(|i| i.sender_name.clone()))
        .bind(number(|i| i.next_due_at))
        .bind(column(|i| i.next_requires.map(str::to_owned)))
        .bind(number(|i| i.next_unpaused_due_at))
        .bind(number(|i| Some(i.queue_key)))
        .bind(column(|i| Some(i.projection.clone())))
        .bind(rows.iter().map(|r| r.policy_id).collect::<Vec<_>>())
        .bind(column(|i| i.sender_phone.clone()))
        .bind(column(|i| i.sender_email.clone()))
        .bind(column(|i| i.sender_name_key.clone()))
        .fetch_all(&mut *conn)
        .await?;
    Ok(ids.into_iter().collect())
}

pub(crate) async fn insert_events(
    conn: &mut PgConnection,
    events: &[(InquiryId, &EventRow)],
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO events (inquiry_id, seq, at, type, actor, data) \
         SELECT inquiry_id, seq, at, type, actor, data::jsonb \
         FROM UNNEST($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[]) \
         AS t(inquiry_id, seq, at, type, actor, data)",
    )
    .bind(events.iter().map(|(id, _)| *id).collect::<Vec<_>>())
    .bind(events.iter().map(|(_, e)| e.seq).collect::<Vec<_>>())
    .bind(events.iter().map(|(_, e)| e.at).collect::<Vec<_>>())
    .bind(events.iter().map(|(_, e)| e.kind).collect::<Vec<_>>())
    .bind(
        events
            .iter()
            .map(|(_, e)| e.actor.as_deref())
            .collect::<Vec<_>>(),
    )
    .bind(
        events
            .iter()
            .map(|(_, e)| e.data.as_str())
            .collect::<Vec<_>>(),
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub(crate) async fn insert_obligations(
    conn: &mut PgConnection,
    rows: &[(InquiryId, &ObligationRow)],
) -> StoreResult<()> {
    if rows.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO obligations (inquiry_id, position, goal, requires, channel, unit, due_at, \
         due_date, met_at, waived, paused, met_working_days) \
         SELECT * FROM UNNEST($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], \
         $6::text[], $7::bigint[], $8::text[], $9::bigint[], $10::boolean[], $11::boolean[], \
         $12::bigint[])",
    )
    .bind(rows.iter().map(|(id, _)| *id).collect::<Vec<_>>())
    .bind(rows.iter().map(|(_, o)| o.position).collect::<Vec<_>>())
    .bind(
        rows.iter()
            .map(|(_, o)| o.goal.as_str())
            .collect::<Vec<_>>(),
    )
    .bind(rows.iter().map(|(_, o)| o.requires).collect::<Vec<_>>())
    .bind(rows.iter().map(|(_, o)| o.channel).collect::<Vec<_>>())
    .bind(
        rows.iter()
            .map(|(_, o)| o.unit.as_deref())
            .collect::<Vec<_>>(),
    )
    .bind(rows.iter().map(|(_, o)| o.due_at).collect::<Vec<_>>())
    .bind(
        rows.iter()
            .map(|(_, o)| o.due_date.as_str())
            .collect::<Vec<_>>(),
    )
    .bind(rows.iter().map(|(_, o)| o.met_at).collect::<Vec<_>>())
    .bind(rows.iter().map(|(_, o)| o.waived).collect::<Vec<_>>())
    .bind(rows.iter().map(|(_, o)| o.paused).collect::<Vec<_>>())
    .bind(
        rows.iter()
            .map(|(_, o)| o.met_working_days)
            .collect::<Vec<_>>(),
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
