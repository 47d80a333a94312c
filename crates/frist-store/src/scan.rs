//! Scans of letters received on paper: the file exactly as uploaded, kept with its inquiry.
//! A separate trait, [`ScanStore`], implemented once for every backend (`ops/scan.rs` holds
//! the SQL).

use crate::backend::{Backend, observe, reading, writing};
use crate::ops::scan;
use crate::time::from_db;
use crate::types::{InquiryId, StoreError, StoreResult};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::future::Future;
use tracing::instrument;

pub type ScanId = i64;

/// A scan to store. `Debug` leaves the bytes out.
#[derive(Clone)]
pub struct NewScan {
    pub inquiry_id: InquiryId,
    pub filename: String,
    pub content_type: String,
    pub bytes: Vec<u8>,
    pub uploaded_at: Timestamp,
    pub uploaded_by: String,
}

impl std::fmt::Debug for NewScan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewScan")
            .field("inquiry_id", &self.inquiry_id)
            .field("size", &self.bytes.len())
            .finish_non_exhaustive()
    }
}

/// A stored scan as lists show it: no bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanInfo {
    pub id: ScanId,
    pub inquiry_id: InquiryId,
    pub filename: String,
    pub content_type: String,
    pub size: u64,
    pub uploaded_at: Timestamp,
    pub uploaded_by: String,
}

pub trait ScanStore: Send + Sync {
    /// Stores a scan with its inquiry; an unknown inquiry is `NotFound`.
    fn add_scan(&self, scan: NewScan) -> impl Future<Output = StoreResult<ScanInfo>> + Send;
    /// The scans of an inquiry, oldest first.
    fn scans_of_inquiry(
        &self,
        id: InquiryId,
    ) -> impl Future<Output = StoreResult<Vec<ScanInfo>>> + Send;
    /// A scan and its exact bytes; `NotFound` when there is none.
    fn scan(&self, id: ScanId) -> impl Future<Output = StoreResult<(ScanInfo, Vec<u8>)>> + Send;
}

pub(crate) const SCAN_COLUMNS: &str =
    "id, inquiry_id, filename, content_type, size, uploaded_at, uploaded_by";

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct ScanRecord {
    pub id: i64,
    pub inquiry_id: i64,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub uploaded_at: i64,
    pub uploaded_by: String,
}

impl ScanRecord {
    pub(crate) fn into_info(self) -> StoreResult<ScanInfo> {
        Ok(ScanInfo {
            id: self.id,
            inquiry_id: self.inquiry_id,
            filename: self.filename,
            content_type: self.content_type,
            size: u64::try_from(self.size)
                .map_err(|_| StoreError::Other("a scan's stored size is negative".into()))?,
            uploaded_at: from_db(self.uploaded_at)?,
            uploaded_by: self.uploaded_by,
        })
    }
}

impl<B: Backend> ScanStore for B {
    #[instrument(skip_all, fields(backend = self.name(), inquiry = scan.inquiry_id))]
    async fn add_scan(&self, scan: NewScan) -> StoreResult<ScanInfo> {
        writing!(self, move |c| scan::add(c, &scan))
    }

    #[instrument(skip_all, fields(backend = self.name(), inquiry = id))]
    async fn scans_of_inquiry(&self, id: InquiryId) -> StoreResult<Vec<ScanInfo>> {
        reading!(self, |c| scan::of_inquiry(c, id))
    }

    #[instrument(skip_all, fields(backend = self.name(), scan = id))]
    async fn scan(&self, id: ScanId) -> StoreResult<(ScanInfo, Vec<u8>)> {
        reading!(self, |c| scan::one(c, id))
    }
}
