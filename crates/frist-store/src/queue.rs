//! The queue query, shared by both backends: filters, order and keyset pagination.
//!
//! Order is `(queue_key, id)`: the nearest open deadline first, inquiries without one last (their
//! key is the largest integer), ties by id. Each filter is a plain condition on an indexed column,
//! and every deadline filter is also written as an upper bound on `queue_key`, so the planner
//! walks one of the `(…, queue_key, id)` indexes from the cursor and stops after `limit` rows.
//!
//! Closed inquiries all have the largest key ([`CLOSED_KEY`]) and open ones without a deadline
//! the one below it, so "open only" is `queue_key < CLOSED_KEY` and "closed only" is
//! `queue_key = CLOSED_KEY`: ranges again, served by the same indexes (no partial index, which
//! would need the state written as a literal and cost the bulk import three more indexes).
//!
//! A substitute's cover (`cover_on`) widens "this caseworker" to "this caseworker or one absent
//! with them as substitute": a short list of caseworkers, each an index range; the rows of
//! those ranges (open inquiries of a few people) are merged and sorted.

use crate::cursor::Cursor;
use crate::rows::{CLOSED_KEY, SUMMARY_COLUMNS, SummaryRecord};
use crate::time::to_db_clamped;
use crate::types::{InquiryFilter, Page, StoreResult};
use sqlx::{Database, Encode, QueryBuilder, Type};

/// Page sizes are clamped into this range.
pub(crate) const MIN_LIMIT: u32 = 1;
pub(crate) const MAX_LIMIT: u32 = 500;

/// `SELECT … LIMIT limit + 1` for one page: the extra row tells whether another page follows.
pub(crate) fn page_query<'a, DB>(
    filter: &'a InquiryFilter,
    after: Option<Cursor>,
    limit: u32,
) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    &'a str: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
{
    let mut q = QueryBuilder::<DB>::new(format!(
        "SELECT {SUMMARY_COLUMNS} FROM inquiries WHERE TRUE"
    ));
    if let Some(unit) = &filter.unit {
        q.push(" AND unit = ").push_bind(unit.as_str());
    }
    match (&filter.caseworker, filter.cover_on) {
        (Some(caseworker), Some(day)) => {
            // Absence dates are stored as "YYYY-MM-DD", which compare as text like dates.
            q.push(" AND (caseworker = ")
                .push_bind(caseworker.as_str())
                .push(" OR caseworker IN (SELECT id FROM caseworkers WHERE absent_substitute = ")
                .push_bind(caseworker.as_str())
                .push(" AND absent_until >= ")
                .push_bind(day.to_string())
                .push("))");
        }
        (Some(caseworker), None) => {
            q.push(" AND caseworker = ").push_bind(caseworker.as_str());
        }
        (None, _) => {}
    }
    if let Some(state) = filter.state {
        q.push(" AND state = ").push_bind(state.as_str());
    }
    match filter.open {
        Some(true) => {
            q.push(" AND queue_key < ").push_bind(CLOSED_KEY);
        }
        Some(false) => {
            q.push(" AND queue_key = ").push_bind(CLOSED_KEY);
        }
        None => {}
    }
    if let Some(before) = filter.due_before {
        // Inquiries without a deadline have the largest key, so they never pass.
        q.push(" AND queue_key < ").push_bind(to_db_clamped(before));
    }
    if let Some(now) = filter.breached_at {
        // The nearest deadline is never after the nearest unpaused one: the first bound lets the
        // index range stop at "now".
        let now = to_db_clamped(now);
        q.push(" AND queue_key < ").push_bind(now);
        q.push(" AND next_unpaused_due_at < ").push_bind(now);
    }
    if let Some(c) = after {
        q.push(" AND queue_key >= ").push_bind(c.queue_key);
        q.push(" AND (queue_key, id) > (")
            .push_bind(c.queue_key)
            .push(", ")
            .push_bind(c.id)
            .push(")");
    }
    let limit = limit.clamp(MIN_LIMIT, MAX_LIMIT);
    q.push(" ORDER BY queue_key, id LIMIT ")
        .push_bind(i64::from(limit) + 1);
    q
}

/// The page from the rows of [`page_query`]: at most `limit` items, and a cursor when the extra
/// row shows that more follow.
pub(crate) fn page(mut records: Vec<SummaryRecord>, limit: u32) -> StoreResult<Page> {
    let limit = usize::try_from(limit.clamp(MIN_LIMIT, MAX_LIMIT)).unwrap_or(1);
    let more = records.len() > limit;
    records.truncate(limit);
    let next_cursor = if more {
        records.last().map(|r| r.cursor().encode())
    } else {
        None
    };
    let items = records
        .into_iter()
        .map(SummaryRecord::into_summary)
        .collect::<StoreResult<_>>()?;
    Ok(Page { items, next_cursor })
}
