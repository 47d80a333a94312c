//! PostgreSQL's own part of storing new inquiries: column-wise inserts through UNNEST, ids from
//! the sequence, one statement for the existing-key check, and a single creation in its own
//! transaction (the creator's fallback). The rest of a creation is shared (`creations.rs`); the
//! counter row's lock, taken by its upsert, orders creating transactions.

use crate::creations::{self, Key};
use crate::intake::Received;
use crate::ops::read;
use crate::rows::{EventRow, InquiryRow, NewRows, ObligationRow};
use crate::sql::Conn;
use crate::types::{Created, ImportSummary, InquiryId, PolicyId, StoreError, StoreResult};
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
    match creations::insert(Conn::Postgres(&mut tx), vec![(received, policy_id)], false).await {
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

/// Stores a chunk of a bulk import in one transaction; skips inquiries already stored by
/// (channel, external id), including ones a concurrent call stores meanwhile.
pub(crate) async fn import(
    pool: &PgPool,
    chunk: Vec<Received>,
    policy_id: PolicyId,
) -> StoreResult<ImportSummary> {
    let mut tx = pool.begin().await?;
    let summary = creations::import(Conn::Postgres(&mut tx), chunk, policy_id, true).await?;
    tx.commit().await?;
    Ok(summary)
}

/// The ids of the stored inquiries with these external ids, by channel, in one statement.
pub(crate) async fn existing(
    conn: &mut PgConnection,
    by_channel: BTreeMap<&'static str, Vec<&str>>,
) -> StoreResult<HashMap<Key, InquiryId>> {
    let (channels, ids): (Vec<&'static str>, Vec<&str>) = by_channel
        .iter()
        .flat_map(|(channel, ids)| ids.iter().map(move |id| (*channel, *id)))
        .unzip();
    let mut stored = HashMap::new();
    if ids.is_empty() {
        return Ok(stored);
    }
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT channel, external_id, id FROM inquiries \
         WHERE (channel, external_id) IN (SELECT * FROM UNNEST($1::text[], $2::text[]))",
    )
    .bind(&channels)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    for (channel, ext, id) in rows {
        if let Some(channel) = by_channel.keys().find(|c| **c == channel) {
            stored.insert((*channel, ext), id);
        }
    }
    Ok(stored)
}

/// The next `count` ids of the inquiries' sequence.
pub(crate) async fn next_ids(conn: &mut PgConnection, count: i64) -> StoreResult<Vec<i64>> {
    Ok(
        sqlx::query_scalar(
            "SELECT nextval('inquiries_id_seq') FROM generate_series(1, $1::bigint)",
        )
        .bind(count)
        .fetch_all(&mut *conn)
        .await?,
    )
}

/// Inserts the rows column-wise through UNNEST (one statement for any number of rows); returns
/// the ids inserted.
pub(crate) async fn insert_inquiries(
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

/// Events and obligation rows, each in one statement through UNNEST.
pub(crate) async fn insert_history(
    conn: &mut PgConnection,
    events: &[(InquiryId, &EventRow)],
    rows: &[(InquiryId, &ObligationRow)],
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

    if rows.is_empty() {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO obligations (inquiry_id, position, goal, requires, channel, unit, due_at, \
         due_date, met_at, waived, paused, met_working_days, case_type) \
         SELECT * FROM UNNEST($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], \
         $6::text[], $7::bigint[], $8::text[], $9::bigint[], $10::boolean[], $11::boolean[], \
         $12::bigint[], $13::text[])",
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
    .bind(
        rows.iter()
            .map(|(_, o)| o.case_type.as_deref())
            .collect::<Vec<_>>(),
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
