//! Scans on sqlite.

use crate::db_error::is_foreign_key_violation;
use crate::scan::{NewScan, SCAN_COLUMNS, ScanId, ScanInfo, ScanRecord};
use crate::time::to_db;
use crate::types::{InquiryId, StoreError, StoreResult};

pub(crate) async fn add(
    conn: &mut sqlx::SqliteConnection,
    scan: &NewScan,
) -> StoreResult<ScanInfo> {
    let size = i64::try_from(scan.bytes.len())
        .map_err(|_| StoreError::Invalid("the scan is too large".into()))?;
    let record: ScanRecord = sqlx::query_as(&format!(
        "INSERT INTO scans (inquiry_id, filename, content_type, bytes, size, uploaded_at, \
         uploaded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING {SCAN_COLUMNS}"
    ))
    .bind(scan.inquiry_id)
    .bind(&scan.filename)
    .bind(&scan.content_type)
    .bind(&scan.bytes)
    .bind(size)
    .bind(to_db(scan.uploaded_at)?)
    .bind(&scan.uploaded_by)
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| {
        if is_foreign_key_violation(&e) {
            StoreError::NotFound
        } else {
            e.into()
        }
    })?;
    record.into_info()
}

pub(crate) async fn of_inquiry(
    conn: &mut sqlx::SqliteConnection,
    id: InquiryId,
) -> StoreResult<Vec<ScanInfo>> {
    let records: Vec<ScanRecord> = sqlx::query_as(&format!(
        "SELECT {SCAN_COLUMNS} FROM scans WHERE inquiry_id = ?1 ORDER BY id"
    ))
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    records.into_iter().map(ScanRecord::into_info).collect()
}

pub(crate) async fn one(
    conn: &mut sqlx::SqliteConnection,
    id: ScanId,
) -> StoreResult<(ScanInfo, Vec<u8>)> {
    let record: ScanRecord =
        sqlx::query_as(&format!("SELECT {SCAN_COLUMNS} FROM scans WHERE id = ?1"))
            .bind(id)
            .fetch_one(&mut *conn)
            .await?;
    let bytes: Vec<u8> = sqlx::query_scalar("SELECT bytes FROM scans WHERE id = ?1")
        .bind(id)
        .fetch_one(&mut *conn)
        .await?;
    Ok((record.into_info()?, bytes))
}

impl crate::scan::ScanStore for super::SqliteStore {
    async fn add_scan(&self, scan: NewScan) -> StoreResult<ScanInfo> {
        self.writer
            .run(move |conn, _| Box::pin(async move { add(conn, &scan).await }))
            .await
    }

    async fn scans_of_inquiry(&self, id: InquiryId) -> StoreResult<Vec<ScanInfo>> {
        of_inquiry(&mut *self.read().await?, id).await
    }

    async fn scan(&self, id: ScanId) -> StoreResult<(ScanInfo, Vec<u8>)> {
        one(&mut *self.read().await?, id).await
    }
}
