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
