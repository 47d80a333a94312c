//! Reads: on a reader connection, or inside a write on the writing connection. Each statement
//! sees the last commit; the compliance report reads one snapshot.

use crate::cursor::Cursor;
use crate::directory::{AccessRecord, CaseworkerRecord, TokenRecord, UnitRecord};
use crate::policies::parse_stored;
use crate::queue::page_query;
use crate::report::{ComplianceRecord, DurationRecord, Grouping, compliance_sql, durations_sql};
use crate::rows::{SummaryRecord, parse_event, parse_projection};
use crate::search::sender_query;
use crate::sql::{Conn, JsonColumn, fetch_built, query};
use crate::time::to_db_clamped;
use crate::types::{
    AccessEntry, ApiToken, Caseworker, ComplianceRow, InquiryFilter, InquiryId, InquirySummary,
    Page, PolicyId, SenderQuery, StoreError, StoreResult, StoredInquiry, Unit, Workload,
    WorkloadBounds,
};
use crate::workload::{WorkloadRecord, workload_query};
use frist_core::{Event, Reference};
use frist_policy::Policy;
use jiff::Timestamp;
use sqlx::Connection;
use std::sync::Arc;

pub(crate) async fn load_policy(conn: Conn<'_>, id: PolicyId) -> StoreResult<Arc<Policy>> {
    let (name, text): (String, String) = query("SELECT name, text FROM policies WHERE id = $1")
        .bind(id)
        .fetch_one(conn)
        .await?;
    parse_stored(id, &name, &text)
}

fn stored(
    id: InquiryId,
    policy_id: PolicyId,
    projection: &JsonColumn,
) -> StoreResult<StoredInquiry> {
    Ok(StoredInquiry {
        id,
        policy_id,
        inquiry: parse_projection(id, projection.as_str())?,
    })
}

pub(crate) async fn by_external_id(
    conn: Conn<'_>,
    channel: &str,
    external_id: &str,
) -> StoreResult<Option<StoredInquiry>> {
    let row: Option<(i64, i64, JsonColumn)> = query(
        "SELECT id, policy_id, projection FROM inquiries WHERE channel = $1 AND external_id = $2",
    )
    .bind(channel)
    .bind(external_id)
    .fetch_optional(conn)
    .await?;
    row.map(|(id, policy_id, projection)| stored(id, policy_id, &projection))
        .transpose()
}

pub(crate) async fn inquiry(conn: Conn<'_>, id: InquiryId) -> StoreResult<StoredInquiry> {
    let (policy_id, projection): (i64, JsonColumn) =
        query("SELECT policy_id, projection FROM inquiries WHERE id = $1")
            .bind(id)
            .fetch_one(conn)
            .await?;
    stored(id, policy_id, &projection)
}

pub(crate) async fn ids_after(
    conn: Conn<'_>,
    after: InquiryId,
    limit: u32,
) -> StoreResult<Vec<InquiryId>> {
    Ok(
        query("SELECT id FROM inquiries WHERE id > $1 ORDER BY id LIMIT $2")
            .bind(after)
            .bind(i64::from(limit.clamp(1, 1000)))
            .scalars(conn)
            .await?,
    )
}

pub(crate) async fn latest_id(conn: Conn<'_>) -> StoreResult<Option<InquiryId>> {
    let latest: Option<i64> = query("SELECT MAX(id) FROM inquiries").scalar(conn).await?;
    Ok(latest)
}

pub(crate) async fn by_reference(
    conn: Conn<'_>,
    reference: &Reference,
) -> StoreResult<StoredInquiry> {
    let (id, policy_id, projection): (i64, i64, JsonColumn) =
        query("SELECT id, policy_id, projection FROM inquiries WHERE reference = $1")
            .bind(reference.to_string())
            .fetch_one(conn)
            .await?;
    stored(id, policy_id, &projection)
}

pub(crate) async fn events(conn: Conn<'_>, id: InquiryId) -> StoreResult<Vec<Event>> {
    let data: Vec<JsonColumn> = query("SELECT data FROM events WHERE inquiry_id = $1 ORDER BY seq")
        .bind(id)
        .scalars(conn)
        .await?;
    if data.is_empty() {
        // Every stored inquiry has its `received` event.
        return Err(StoreError::NotFound);
    }
    data.iter().map(|d| parse_event(id, d.as_str())).collect()
}

pub(crate) async fn page(
    mut conn: Conn<'_>,
    filter: &InquiryFilter,
    cursor: Option<&str>,
    limit: u32,
) -> StoreResult<Page> {
    let after = cursor.map(Cursor::decode).transpose()?;
    let conn = &mut conn;
    let records: Vec<SummaryRecord> = fetch_built!(conn, page_query(filter, after, limit))?;
    crate::queue::page(records, limit)
}

/// Counts and durations from one snapshot (on PostgreSQL a repeatable-read transaction; SQLite's
/// read transactions are snapshots anyway): from the tallies for whole months, else from the
/// rows.
pub(crate) async fn compliance(
    conn: Conn<'_>,
    from: Timestamp,
    to: Timestamp,
    group_by: Grouping,
    now: Timestamp,
) -> StoreResult<Vec<ComplianceRow>> {
    let months = crate::tally::whole_months(from, to);
    snapshot(conn, |c| {
        Box::pin(async move {
            match months {
                Some(months) => {
                    crate::tally::compliance(c, &months, (from, to), group_by, now).await
                }
                None => compliance_in(c, from, to, group_by, now).await,
            }
        })
    })
    .await
}

/// [`compliance`] counted from every obligation row, whatever the period.
pub(crate) async fn compliance_from_rows(
    conn: Conn<'_>,
    from: Timestamp,
    to: Timestamp,
    group_by: Grouping,
    now: Timestamp,
) -> StoreResult<Vec<ComplianceRow>> {
    snapshot(conn, |c| {
        Box::pin(compliance_in(c, from, to, group_by, now))
    })
    .await
}

type Boxed<'a, T> =
    std::pin::Pin<Box<dyn std::future::Future<Output = StoreResult<T>> + Send + 'a>>;

/// Runs `read` in one read-only snapshot; on PostgreSQL after folding the tallies' changes.
async fn snapshot<T>(
    conn: Conn<'_>,
    read: impl for<'c> FnOnce(Conn<'c>) -> Boxed<'c, T>,
) -> StoreResult<T> {
    match conn {
        Conn::Sqlite(c) => {
            let mut tx = c.begin().await?;
            let value = read(Conn::Sqlite(&mut tx)).await?;
            tx.commit().await?;
            Ok(value)
        }
        Conn::Postgres(c) => {
            crate::tally::fold(c).await?;
            let mut tx = c.begin().await?;
            query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .execute(Conn::Postgres(&mut tx))
                .await?;
            let value = read(Conn::Postgres(&mut tx)).await?;
            tx.commit().await?;
            Ok(value)
        }
    }
}

async fn compliance_in(
    mut conn: Conn<'_>,
    from: Timestamp,
    to: Timestamp,
    group_by: Grouping,
    now: Timestamp,
) -> StoreResult<Vec<ComplianceRow>> {
    let records: Vec<ComplianceRecord> = query(compliance_sql(group_by))
        .bind(to_db_clamped(from))
        .bind(to_db_clamped(to))
        .bind(to_db_clamped(now))
        .fetch_all(conn.re())
        .await?;
    let durations: Vec<DurationRecord> = query(durations_sql(group_by))
        .bind(to_db_clamped(from))
        .bind(to_db_clamped(to))
        .fetch_all(conn)
        .await?;
    Ok(crate::report::rows(records, durations))
}

pub(crate) async fn units(conn: Conn<'_>) -> StoreResult<Vec<Unit>> {
    let rows: Vec<UnitRecord> = query("SELECT id, name, email, phone FROM units ORDER BY id")
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(Unit::from).collect())
}

pub(crate) async fn caseworkers(conn: Conn<'_>) -> StoreResult<Vec<Caseworker>> {
    let rows: Vec<CaseworkerRecord> = query(
        "SELECT id, name, unit, email, phone, absent_until, absent_substitute \
         FROM caseworkers ORDER BY id",
    )
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(CaseworkerRecord::into_caseworker)
        .collect()
}

pub(crate) async fn token_by_hash(conn: Conn<'_>, token_hash: &str) -> StoreResult<ApiToken> {
    let row: TokenRecord = query("SELECT id, name, role FROM api_tokens WHERE token_hash = $1")
        .bind(token_hash)
        .fetch_one(conn)
        .await?;
    row.into_token()
}

pub(crate) async fn access_log(conn: Conn<'_>, id: InquiryId) -> StoreResult<Vec<AccessEntry>> {
    let rows: Vec<AccessRecord> = query(
        "SELECT viewer, inquiry_id, what, at FROM access_log WHERE inquiry_id = $1 ORDER BY at, id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(AccessRecord::into_entry).collect()
}

pub(crate) async fn status_link(conn: Conn<'_>, token_hash: &str) -> StoreResult<InquiryId> {
    Ok(
        query("SELECT inquiry_id FROM status_links WHERE token_hash = $1")
            .bind(token_hash)
            .scalar(conn)
            .await?,
    )
}

/// The dashboard's workload, from the open-inquiry tally.
pub(crate) async fn workload(
    conn: Conn<'_>,
    bounds: &WorkloadBounds,
) -> StoreResult<Vec<Workload>> {
    let bounds = *bounds;
    snapshot(conn, move |c| {
        Box::pin(async move { crate::tally::workload(c, &bounds).await })
    })
    .await
}

/// [`workload`] counted from every open inquiry's row.
pub(crate) async fn workload_from_rows(
    mut conn: Conn<'_>,
    bounds: &WorkloadBounds,
) -> StoreResult<Vec<Workload>> {
    let conn = &mut conn;
    let records: Vec<WorkloadRecord> = fetch_built!(conn, workload_query(bounds))?;
    records
        .into_iter()
        .map(WorkloadRecord::into_workload)
        .collect()
}

pub(crate) async fn by_sender(
    mut conn: Conn<'_>,
    sender: &SenderQuery,
    limit: u32,
) -> StoreResult<Vec<InquirySummary>> {
    let conn = &mut conn;
    let records: Vec<SummaryRecord> = fetch_built!(conn, sender_query(sender, limit))?;
    crate::search::summaries(records)
}
