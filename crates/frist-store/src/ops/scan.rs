//! Scans: stored in one statement, read back without and with their bytes.

use crate::db_error::not_found_if_missing;
use crate::scan::{NewScan, SCAN_COLUMNS, ScanId, ScanInfo, ScanRecord};
use crate::sql::{Conn, query};
use crate::time::to_db;
use crate::types::{InquiryId, StoreError, StoreResult};

pub(crate) async fn add(conn: Conn<'_>, scan: &NewScan) -> StoreResult<ScanInfo> {
    let size = i64::try_from(scan.bytes.len())
        .map_err(|_| StoreError::Invalid("the scan is too large".into()))?;
    let record: ScanRecord = query(format!(
        "INSERT INTO scans (inquiry_id, filename, content_type, bytes, size, uploaded_at, \
         uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {SCAN_COLUMNS}"
    ))
    .bind(scan.inquiry_id)
    .bind(&scan.filename)
    .bind(&scan.content_type)
    .bind(&scan.bytes)
    .bind(size)
    .bind(to_db(scan.uploaded_at)?)
    .bind(&scan.uploaded_by)
    .fetch_one(conn)
    .await
    .map_err(not_found_if_missing)?;
    record.into_info()
}

pub(crate) async fn of_inquiry(conn: Conn<'_>, id: InquiryId) -> StoreResult<Vec<ScanInfo>> {
    let records: Vec<ScanRecord> = query(format!(
        "SELECT {SCAN_COLUMNS} FROM scans WHERE inquiry_id = $1 ORDER BY id"
    ))
    .bind(id)
    .fetch_all(conn)
    .await?;
    records.into_iter().map(ScanRecord::into_info).collect()
}

pub(crate) async fn one(mut conn: Conn<'_>, id: ScanId) -> StoreResult<(ScanInfo, Vec<u8>)> {
    let record: ScanRecord = query(format!("SELECT {SCAN_COLUMNS} FROM scans WHERE id = $1"))
        .bind(id)
        .fetch_one(conn.re())
        .await?;
    let bytes: Vec<u8> = query("SELECT bytes FROM scans WHERE id = $1")
        .bind(id)
        .scalar(conn)
        .await?;
    Ok((record.into_info()?, bytes))
}
