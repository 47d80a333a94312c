//! Reads, on the reader pool (or, inside a write, on the writer's connection). WAL lets readers
//! run beside the writer; each statement sees the last commit.

use crate::cursor::Cursor;
use crate::directory::{AccessRecord, CaseworkerRecord, TokenRecord, UnitRecord};
use crate::policies::parse_stored;
use crate::queue::page_query;
use crate::report::{ComplianceRecord, DurationRecord, compliance_sql, durations_sql};
use crate::rows::{SummaryRecord, parse_event, parse_projection};
use crate::time::to_db_clamped;
use crate::types::{
    AccessEntry, ApiToken, Caseworker, ComplianceRow, GroupBy, InquiryFilter, InquiryId, Page,
    PolicyId, StoreError, StoreResult, StoredInquiry, Unit,
};
use frist_core::{Event, Reference};
use frist_policy::Policy;
use jiff::Timestamp;
use sqlx::{Sqlite, SqliteConnection};
use std::sync::Arc;

pub(crate) async fn load_policy(
    conn: &mut SqliteConnection,
    id: PolicyId,
) -> StoreResult<Arc<Policy>> {
    let (name, text): (String, String) =
        sqlx::query_as("SELECT name, text FROM policies WHERE id = ?1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    parse_stored(id, &name, &text)
}

fn stored(id: InquiryId, policy_id: PolicyId, projection: &str) -> StoreResult<StoredInquiry> {
    Ok(StoredInquiry {
        id,
        policy_id,
        inquiry: parse_projection(id, projection)?,
    })
}

pub(crate) async fn by_external_id(
    conn: &mut SqliteConnection,
    channel: &str,
    external_id: &str,
) -> StoreResult<Option<StoredInquiry>> {
    let row: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT id, policy_id, projection FROM inquiries WHERE channel = ?1 AND external_id = ?2",
    )
    .bind(channel)
    .bind(external_id)
    .fetch_optional(&mut *conn)
    .await?;
    row.map(|(id, policy_id, projection)| stored(id, policy_id, &projection))
        .transpose()
}

pub(crate) async fn inquiry(
    conn: &mut SqliteConnection,
    id: InquiryId,
) -> StoreResult<StoredInquiry> {
    let (policy_id, projection): (i64, String) =
        sqlx::query_as("SELECT policy_id, projection FROM inquiries WHERE id = ?1")
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    stored(id, policy_id, &projection)
}

pub(crate) async fn by_reference(
    conn: &mut SqliteConnection,
    reference: &Reference,
) -> StoreResult<StoredInquiry> {
    let (id, policy_id, projection): (i64, i64, String) =
        sqlx::query_as("SELECT id, policy_id, projection FROM inquiries WHERE reference = ?1")
            .bind(reference.to_string())
            .fetch_one(&mut *conn)
            .await?;
    stored(id, policy_id, &projection)
}

pub(crate) async fn events(conn: &mut SqliteConnection, id: InquiryId) -> StoreResult<Vec<Event>> {
    let data: Vec<String> =
        sqlx::query_scalar("SELECT data FROM events WHERE inquiry_id = ?1 ORDER BY seq")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    if data.is_empty() {
        // Every stored inquiry has its `received` event.
        return Err(StoreError::NotFound);
    }
    data.iter().map(|d| parse_event(id, d)).collect()
}

pub(crate) async fn page(
    conn: &mut SqliteConnection,
    filter: &InquiryFilter,
    cursor: Option<&str>,
    limit: u32,
) -> StoreResult<Page> {
    let after = cursor.map(Cursor::decode).transpose()?;
    let mut q = page_query::<Sqlite>(filter, after, limit);
    let records: Vec<SummaryRecord> = q.build_query_as().fetch_all(&mut *conn).await?;
    crate::queue::page(records, limit)
}

pub(crate) async fn compliance(
    conn: &mut SqliteConnection,
    from: Timestamp,
    to: Timestamp,
    group_by: GroupBy,
    now: Timestamp,
) -> StoreResult<Vec<ComplianceRow>> {
    // Counts and durations from one snapshot.
    let mut tx = sqlx::Connection::begin(&mut *conn).await?;
    let records: Vec<ComplianceRecord> = sqlx::query_as(&compliance_sql(group_by))
        .bind(to_db_clamped(from))
        .bind(to_db_clamped(to))
        .bind(to_db_clamped(now))
        .fetch_all(&mut *tx)
        .await?;
    let durations: Vec<DurationRecord> = sqlx::query_as(&durations_sql(group_by))
        .bind(to_db_clamped(from))
        .bind(to_db_clamped(to))
        .fetch_all(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(crate::report::rows(records, durations))
}

pub(crate) async fn units(conn: &mut SqliteConnection) -> StoreResult<Vec<Unit>> {
    let rows: Vec<UnitRecord> =
        sqlx::query_as("SELECT id, name, email, phone FROM units ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows.into_iter().map(Unit::from).collect())
}

pub(crate) async fn caseworkers(conn: &mut SqliteConnection) -> StoreResult<Vec<Caseworker>> {
    let rows: Vec<CaseworkerRecord> = sqlx::query_as(
        "SELECT id, name, unit, email, phone, absent_until, absent_substitute \
         FROM caseworkers ORDER BY id",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(CaseworkerRecord::into_caseworker)
        .collect()
}

pub(crate) async fn token_by_hash(
    conn: &mut SqliteConnection,
    token_hash: &str,
) -> StoreResult<ApiToken> {
    let row: TokenRecord =
        sqlx::query_as("SELECT id, name, role FROM api_tokens WHERE token_hash = ?1")
            .bind(token_hash)
            .fetch_one(&mut *conn)
            .await?;
    row.into_token()
}

pub(crate) async fn access_log(
    conn: &mut SqliteConnection,
    id: InquiryId,
) -> StoreResult<Vec<AccessEntry>> {
    let rows: Vec<AccessRecord> = sqlx::query_as(
        "SELECT viewer, inquiry_id, what, at FROM access_log WHERE inquiry_id = ?1 ORDER BY at, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter().map(AccessRecord::into_entry).collect()
}

pub(crate) async fn status_link(
    conn: &mut SqliteConnection,
    token_hash: &str,
) -> StoreResult<InquiryId> {
    Ok(
        sqlx::query_scalar("SELECT inquiry_id FROM status_links WHERE token_hash = ?1")
            .bind(token_hash)
            .fetch_one(conn)
            .await?,
    )
}

pub(crate) async fn workload(
    conn: &mut SqliteConnection,
    bounds: &crate::types::WorkloadBounds,
) -> StoreResult<Vec<crate::types::Workload>> {
    let mut q = crate::workload::workload_query::<Sqlite>(bounds);
    let records: Vec<crate::workload::WorkloadRecord> = q.build_query_as().fetch_all(conn).await?;
    records
        .into_iter()
        .map(crate::workload::WorkloadRecord::into_workload)
        .collect()
}

pub(crate) async fn by_sender(
    conn: &mut SqliteConnection,
    query: &crate::types::SenderQuery,
    limit: u32,
) -> StoreResult<Vec<crate::types::InquirySummary>> {
    let mut q = crate::search::sender_query::<Sqlite>(query, limit);
    let records: Vec<SummaryRecord> = q.build_query_as().fetch_all(conn).await?;
    crate::search::summaries(records)
}
