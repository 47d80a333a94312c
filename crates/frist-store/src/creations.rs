//! Creations stored together, shared by both backends: which inquiries of a batch are new, which
//! repeat one earlier in the batch and which are already stored, by (channel, external id).
//!
//! Both backends commit concurrent creations in one transaction (SQLite's writer, PostgreSQL's
//! creator): one counter update and a few multi-row statements per batch instead of a handful
//! per inquiry. The multi-row statements and the way ids are handed out are each backend's own.

use crate::db_error::is_unique_violation;
use crate::intake::Received;
use crate::ops::append::insert_history;
use crate::ops::read;
use crate::rows::{EventRow, NewRows, ObligationRow};
use crate::sql::{Conn, query};
use crate::types::{
    Created, ImportSummary, InquiryId, PolicyId, StoreError, StoreResult, StoredInquiry,
};
use std::collections::{BTreeMap, HashMap};

/// A request to store a received inquiry under a policy version.
pub(crate) type Creation = (Received, PolicyId);

/// The key intake is idempotent on: (channel, external id).
pub(crate) type Key = (&'static str, String);

pub(crate) fn key(r: &Received) -> Option<Key> {
    let new = &r.inquiry.received;
    new.external_id
        .as_ref()
        .map(|ext| (new.channel.as_str(), ext.clone()))
}

/// What a creation of a batch comes to.
pub(crate) enum Outcome {
    /// Inserted now, as the `n`-th new inquiry.
    New(usize),
    /// The same (channel, external id) as the `n`-th new inquiry of this batch.
    Repeat(usize),
    /// Already stored with this id.
    Stored(InquiryId),
}

/// Splits `batch` into the creations to insert and each creation's outcome, given the ids
/// already stored under the batch's keys.
pub(crate) fn sort(
    batch: &[Creation],
    stored: &HashMap<Key, InquiryId>,
) -> (Vec<Creation>, Vec<Outcome>) {
    let mut claimed = HashMap::new();
    let mut fresh = Vec::new();
    let mut outcomes = Vec::with_capacity(batch.len());
    for (received, policy_id) in batch {
        let key = key(received);
        let known = key.as_ref().and_then(|k| stored.get(k).copied());
        let repeat = key.as_ref().and_then(|k| claimed.get(k).copied());
        let outcome = match (known, repeat) {
            (Some(id), _) => Outcome::Stored(id),
            (None, Some(n)) => Outcome::Repeat(n),
            (None, None) => {
                if let Some(k) = key {
                    claimed.insert(k, fresh.len());
                }
                fresh.push((received.clone(), *policy_id));
                Outcome::New(fresh.len() - 1)
            }
        };
        outcomes.push(outcome);
    }
    (fresh, outcomes)
}

/// The answer for one outcome, given the inquiries inserted (in the order of `sort`'s fresh
/// creations); `Stored` outcomes are answered by the caller, which reads them.
pub(crate) fn answer(
    outcome: &Outcome,
    inserted: &[StoredInquiry],
) -> Option<StoreResult<Created>> {
    let (n, created) = match outcome {
        Outcome::New(n) => (*n, true),
        Outcome::Repeat(n) => (*n, false),
        Outcome::Stored(_) => return None,
    };
    Some(
        inserted
            .get(n)
            .cloned()
            .map(|stored| Created { stored, created })
            .ok_or_else(|| StoreError::Other("an inserted inquiry is missing".into())),
    )
}

/// Stores concurrent creations in the caller's transaction (SQLite's writer, PostgreSQL's
/// creator): each answer is the new inquiry (`created: true`) or the one already stored with its
/// channel and external id, before or earlier in the batch (`created: false`). A clash with a
/// concurrent transaction fails the whole call with [`StoreError::Conflict`]; the caller then
/// stores the creations one by one.
pub(crate) async fn create_many(
    mut conn: Conn<'_>,
    batch: &[Creation],
) -> StoreResult<Vec<Created>> {
    let stored = existing(conn.re(), batch.iter().map(|(r, _)| r)).await?;
    let (fresh, outcomes) = sort(batch, &stored);
    let inserted = insert(conn.re(), fresh, false).await?;
    let mut answers = Vec::with_capacity(outcomes.len());
    for outcome in &outcomes {
        answers.push(match (answer(outcome, &inserted), outcome) {
            (Some(answer), _) => answer?,
            (None, Outcome::Stored(id)) => Created {
                stored: read::inquiry(conn.re(), *id).await?,
                created: false,
            },
            (None, _) => return Err(StoreError::Other("a creation has no answer".into())),
        });
    }
    Ok(answers)
}

/// Stores a chunk of a bulk import: skips inquiries already stored by (channel, external id)
/// and, with `skip_conflicts`, ones a concurrent transaction stores meanwhile (PostgreSQL).
/// Repeats within the chunk were removed by the caller.
pub(crate) async fn import(
    mut conn: Conn<'_>,
    chunk: Vec<Received>,
    policy_id: PolicyId,
    skip_conflicts: bool,
) -> StoreResult<ImportSummary> {
    let stored = existing(conn.re(), chunk.iter()).await?;
    let before = chunk.len();
    let fresh: Vec<Creation> = chunk
        .into_iter()
        .filter(|r| key(r).is_none_or(|k| !stored.contains_key(&k)))
        .map(|r| (r, policy_id))
        .collect();
    let imported = insert(conn, fresh, skip_conflicts).await?.len();
    Ok(ImportSummary {
        imported: imported as u64,
        duplicates: (before - imported) as u64,
    })
}

/// The ids of the stored inquiries with the same (channel, external id) as any of `received`.
async fn existing(
    conn: Conn<'_>,
    received: impl Iterator<Item = &Received>,
) -> StoreResult<HashMap<Key, InquiryId>> {
    let mut by_channel: BTreeMap<&'static str, Vec<&str>> = BTreeMap::new();
    for r in received {
        if let Some(ext) = &r.inquiry.received.external_id {
            by_channel
                .entry(r.inquiry.received.channel.as_str())
                .or_default()
                .push(ext);
        }
    }
    match conn {
        Conn::Sqlite(c) => crate::sqlite::existing(c, by_channel).await,
        Conn::Postgres(c) => crate::postgres::existing(c, by_channel).await,
    }
}

/// Numbers and inserts new inquiries with their first events and obligations, in the backend's
/// multi-row form. A clash with a stored (channel, external id) is a [`StoreError::Conflict`],
/// or, with `skip_conflicts` on PostgreSQL, skips that inquiry (its reference number stays
/// unused: only a concurrent import of the same inquiry does that). SQLite's writer is the only
/// writer in its process and checked before, so it has nothing to skip.
pub(crate) async fn insert(
    mut conn: Conn<'_>,
    creations: Vec<Creation>,
    skip_conflicts: bool,
) -> StoreResult<Vec<StoredInquiry>> {
    if creations.is_empty() {
        return Ok(Vec::new());
    }
    let (mut rows, mut stored) = number(conn.re(), creations).await?;
    let inserted = match conn.re() {
        Conn::Sqlite(c) => crate::sqlite::insert_inquiries(c, &mut rows)
            .await
            .map(|()| None),
        Conn::Postgres(c) => crate::postgres::insert_inquiries(c, &rows, skip_conflicts)
            .await
            .map(Some),
    }
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::Conflict(
                "an inquiry with this channel and external id is already stored".into(),
            )
        } else {
            StoreError::from(e)
        }
    })?;
    if let Some(inserted) = inserted {
        rows.retain(|r| inserted.contains(&r.id));
        stored.retain(|s| inserted.contains(&s.id));
    }
    let events: Vec<(InquiryId, &EventRow)> = rows.iter().map(|r| (r.id, &r.event)).collect();
    let obligations: Vec<(InquiryId, &ObligationRow)> = rows
        .iter()
        .flat_map(|r| r.obligations.iter().map(|o| (r.id, o)))
        .collect();
    insert_history(conn.re(), &events, &obligations).await?;
    let words: Vec<(InquiryId, &str)> = rows.iter().map(|r| (r.id, r.words.as_str())).collect();
    crate::fulltext::index(conn, &words).await?;
    Ok(stored)
}

/// Gives each creation its reference number and its id; the rows to insert and the inquiries
/// as stored. Numbers are taken from the (prefix, year) counters inside the caller's
/// transaction, so a rollback returns them and references stay gap-free.
async fn number(
    mut conn: Conn<'_>,
    creations: Vec<Creation>,
) -> StoreResult<(Vec<NewRows>, Vec<StoredInquiry>)> {
    let mut wanted: BTreeMap<(String, i16), i64> = BTreeMap::new();
    for (r, _) in &creations {
        let (prefix, year) = r.counter();
        *wanted.entry((prefix.to_owned(), year)).or_default() += 1;
    }
    let mut next = BTreeMap::new();
    for ((prefix, year), count) in wanted {
        let first: i64 = query(
            "INSERT INTO reference_counters (prefix, year, next) VALUES ($1, $2, 1 + $3) \
             ON CONFLICT (prefix, year) DO UPDATE SET next = reference_counters.next + $3 \
             RETURNING next - $3",
        )
        .bind(prefix.as_str())
        .bind(year)
        .bind(count)
        .scalar(conn.re())
        .await?;
        next.insert((prefix, year), first);
    }
    let count =
        i64::try_from(creations.len()).map_err(|_| StoreError::Other("batch too large".into()))?;
    let ids = match conn {
        Conn::Sqlite(c) => crate::sqlite::next_ids(c, count).await?,
        Conn::Postgres(c) => crate::postgres::next_ids(c, count).await?,
    };
    let mut rows = Vec::with_capacity(creations.len());
    let mut stored = Vec::with_capacity(creations.len());
    for (id, (r, policy_id)) in ids.into_iter().zip(creations) {
        let (prefix, year) = r.counter();
        let number = next
            .get_mut(&(prefix.to_owned(), year))
            .ok_or_else(|| StoreError::Other("no reference counter allocated".into()))?;
        let (inquiry, new_rows) = r.numbered(*number, id, policy_id)?;
        *number += 1;
        rows.push(new_rows);
        stored.push(StoredInquiry {
            id,
            policy_id,
            inquiry,
        });
    }
    Ok((rows, stored))
}
