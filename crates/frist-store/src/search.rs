//! The front desk's search for a person's earlier inquiries, shared by both backends: by phone
//! number, by e-mail address, or by the start of the name — each an index range, newest first.

use crate::rows::{SUMMARY_COLUMNS, SummaryRecord};
use crate::types::{InquirySummary, SenderQuery, StoreResult};
use sqlx::{Database, Encode, QueryBuilder, Type};

/// Results are capped: the desk wants the latest few, not a history.
pub(crate) const MAX_RESULTS: u32 = 100;

pub(crate) fn sender_query<'a, DB>(query: &'a SenderQuery, limit: u32) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
    String: Encode<'a, DB> + Type<DB>,
{
    let mut q = QueryBuilder::<DB>::new(format!("SELECT {SUMMARY_COLUMNS} FROM inquiries WHERE "));
    match query {
        SenderQuery::Phone(key) => {
            q.push("sender_phone = ").push_bind(key.clone());
        }
        SenderQuery::Email(key) => {
            q.push("sender_email = ").push_bind(key.clone());
        }
        SenderQuery::NamePrefix(prefix) => {
            // A range on the lower-case key uses its index in both databases, where LIKE would
            // need per-database collation settings.
            let low = prefix.to_lowercase();
            let high = format!("{low}\u{10FFFF}");
            q.push("sender_name_key >= ")
                .push_bind(low)
                .push(" AND sender_name_key < ")
                .push_bind(high);
        }
    }
    q.push(" ORDER BY received_at DESC, id DESC LIMIT ")
        .push_bind(i64::from(limit.clamp(1, MAX_RESULTS)));
    q
}

pub(crate) fn summaries(records: Vec<SummaryRecord>) -> StoreResult<Vec<InquirySummary>> {
    records
        .into_iter()
        .map(SummaryRecord::into_summary)
        .collect()
}
