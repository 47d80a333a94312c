//! Creations stored together, shared by both backends: which inquiries of a batch are new, which
//! repeat one earlier in the batch and which are already stored, by (channel, external id).
//!
//! Both backends commit concurrent creations in one transaction (SQLite's writer, PostgreSQL's
//! creator): one counter update and a few multi-row statements per batch instead of a handful
//! per inquiry. This module only sorts the batch and assembles the answers; the SQL is the
//! backend's.

use crate::intake::Received;
use crate::sql::Conn;
use crate::types::{Created, InquiryId, PolicyId, StoreError, StoreResult, StoredInquiry};
use std::collections::HashMap;

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

/// Numbers and inserts new inquiries with their first events and obligations, in the backend's
/// multi-row form; a clash with a stored (channel, external id) is a `Conflict`.
pub(crate) async fn insert(
    conn: Conn<'_>,
    creations: Vec<Creation>,
) -> StoreResult<Vec<StoredInquiry>> {
    match conn {
        Conn::Sqlite(c) => crate::sqlite::insert(c, creations).await,
        Conn::Postgres(c) => crate::postgres::insert(c, creations, false).await,
    }
}
