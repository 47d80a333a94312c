//! Bulk imports without paying for the front desk's search on every row.
//!
//! The sender-search indexes (migration 0008) have random keys: every inserted row places three
//! entries in pages spread over the whole index, and each transaction writes all those pages to
//! the WAL again. At a million rows that cut a bulk import from 21,000 to 14,500 inquiries/s.
//! So the first large import of a store drops them, and they are built again, by one sort each,
//! when the store is closed, or when a store is next opened should the importing process have
//! stopped before closing. Meanwhile the search still answers correctly, by reading the table.
//!
//! The index definitions must stay those of migration 0008: a later migration that changes them
//! changes them here as well.

use super::writer::exec;
use crate::types::StoreResult;
use sqlx::SqliteConnection;

/// Imports at least this large drop the indexes; smaller ones keep them (a rebuild reads the
/// whole table).
pub(crate) const LARGE_IMPORT: usize = 5_000;

pub(crate) async fn drop_sender_indexes(conn: &mut SqliteConnection) -> StoreResult<()> {
    exec(
        conn,
        "DROP INDEX IF EXISTS inquiries_sender_phone; \
         DROP INDEX IF EXISTS inquiries_sender_email; \
         DROP INDEX IF EXISTS inquiries_sender_name",
    )
    .await
}

/// Creates the indexes that are missing; does nothing when all are there.
pub(crate) async fn build_sender_indexes(conn: &mut SqliteConnection) -> StoreResult<()> {
    exec(
        conn,
        "CREATE INDEX IF NOT EXISTS inquiries_sender_phone ON inquiries (sender_phone, received_at) \
             WHERE sender_phone IS NOT NULL; \
         CREATE INDEX IF NOT EXISTS inquiries_sender_email ON inquiries (sender_email, received_at) \
             WHERE sender_email IS NOT NULL; \
         CREATE INDEX IF NOT EXISTS inquiries_sender_name ON inquiries (sender_name_key) \
             WHERE sender_name_key IS NOT NULL",
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::LARGE_IMPORT;
    use crate::{SenderQuery, SqliteStore, Store};
    use frist_core::{NewInquiry, Sender};
    use frist_policy::{Addressee, Channel, InquiryKind, Policy};
    use std::sync::Arc;

    const ROSKILDE: &str = include_str!("../../../../policies/roskilde.toml");

    fn letter(i: usize) -> NewInquiry {
        NewInquiry {
            channel: Channel::Letter,
            to: Addressee::General,
            unit: None,
            caseworker: None,
            kind: InquiryKind::GeneralQuestion,
            case_type: None,
            received_at: "2026-03-02T09:00:00+01:00".parse().unwrap(),
            sender: Sender {
                phone: Some(format!("2{i:07}")),
                ..Sender::default()
            },
            language: None,
            subject: "Brev".into(),
            body: "Et brev".into(),
            attachments: Vec::new(),
            external_id: None,
        }
    }

    async fn sender_indexes(url: &str) -> i64 {
        let mut conn = <sqlx::SqliteConnection as sqlx::Connection>::connect(url)
            .await
            .unwrap();
        sqlx::query_scalar(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' \
             AND name IN ('inquiries_sender_phone', 'inquiries_sender_email', \
             'inquiries_sender_name')",
        )
        .fetch_one(&mut conn)
        .await
        .unwrap()
    }

    #[tokio::test]
    async fn a_large_import_is_searchable_at_once_and_has_its_indexes_again_after_closing() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bulk.db").display());
        let store = SqliteStore::open(&url).await.unwrap();
        let policy = Arc::new(Policy::from_toml("roskilde", ROSKILDE).unwrap());
        let version = store
            .register_policy("roskilde", ROSKILDE, policy)
            .await
            .unwrap();
        let batch: Vec<NewInquiry> = (0..LARGE_IMPORT).map(letter).collect();
        let summary = store.import_inquiries(batch, &version).await.unwrap();
        assert_eq!(summary.imported, LARGE_IMPORT as u64);
        assert_eq!(sender_indexes(&url).await, 0, "dropped during the import");
        let query = SenderQuery::parse("20000042").unwrap();
        assert_eq!(store.find_by_sender(&query, 10).await.unwrap().len(), 1);
        store.close().await.unwrap();
        assert_eq!(sender_indexes(&url).await, 3, "built again by close");
    }
}
