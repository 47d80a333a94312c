//! The SQLite backend, the embedded default: one file, no set-up.
//!
//! One connection writes (the group-commit writer in `writer.rs`); a small pool reads beside it
//! (WAL), and one more copies committed pages from the WAL into the file (`checkpoint.rs`). The
//! file is created if missing and migrated at open. `synchronous = FULL`: a call returns only
//! after its commit is on disk.

mod bulk;
mod checkpoint;
mod mail;
mod write;

pub(crate) use write::{existing, insert_events, insert_inquiries, insert_obligations, next_ids};
mod writer;

use crate::backend::{Backend, Reader, WriteOp};
use crate::creations::Creation;
use crate::intake::Received;
use crate::mail_plan::{MailConn, Prepared};
use crate::ops::read;
use crate::policies::PolicyCache;
use crate::sql::Conn;
use crate::types::*;
use mail::MAIL_CHUNK;
use sqlx::ConnectOptions;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use writer::Writer;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// Reader connections. Reads are short; two cores do not gain from more.
const READERS: u32 = 4;
/// New inquiries per writer request in a bulk import.
const IMPORT_CHUNK: usize = 3_600;

/// Storage in one SQLite file.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    writer: Writer,
    readers: SqlitePool,
    policies: Arc<PolicyCache>,
    /// Whether a bulk import of this store dropped the secondary indexes (see `bulk.rs`).
    indexes_dropped: Arc<AtomicBool>,
}

impl SqliteStore {
    /// Opens (creating if missing) and migrates the database at `url` (`sqlite://path`,
    /// `sqlite:path`), then starts the writer. Must be called inside a Tokio runtime.
    pub async fn open(url: &str) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| StoreError::Other(format!("not a SQLite database URL: {e}")))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true)
            .statement_cache_capacity(512)
            .pragma("cache_size", "-65536")
            // Pages are read straight from the mapped file instead of being copied by a read
            // call into SQLite's cache: a bulk import's index inserts read many pages that no
            // longer fit in the cache. Writes still go through the WAL, so durability is as
            // before.
            .pragma("mmap_size", "1073741824")
            .pragma("temp_store", "memory")
            .pragma("wal_autocheckpoint", checkpoint::WRITER_CHECKPOINT_PAGES);
        let mut conn = options.connect().await?;
        MIGRATOR.run(&mut conn).await?;
        bulk::build_missing_indexes(&mut conn).await?;
        crate::fulltext::backfill(Conn::Sqlite(&mut conn)).await?;
        let checkpointer = checkpoint::Checkpointer::start(options.connect().await?);
        let readers = SqlitePoolOptions::new()
            .max_connections(READERS)
            .connect_with(options)
            .await?;
        let policies = Arc::new(PolicyCache::default());
        Ok(Self {
            writer: Writer::start(conn, policies.clone(), checkpointer),
            readers,
            policies,
            indexes_dropped: Arc::new(AtomicBool::new(false)),
        })
    }

    /// Waits for queued writes, then closes the readers. The writer stops when the last clone of
    /// this store is dropped.
    pub async fn close(&self) -> StoreResult<()> {
        let flushed = if self.indexes_dropped.swap(false, Ordering::SeqCst) {
            self.writer
                .run(|conn, _| Box::pin(async move { bulk::build_missing_indexes(conn).await }))
                .await
        } else {
            self.writer.flush().await
        };
        self.readers.close().await;
        flushed
    }
}

impl Backend for SqliteStore {
    /// Every write goes through the writer, which commits it with whatever else is waiting.
    async fn write<T: Send + 'static>(&self, op: impl WriteOp<T>) -> StoreResult<T> {
        self.writer
            .run(move |conn, policies| op(Conn::Sqlite(conn), policies))
            .await
    }

    /// Reads run beside the writer (WAL); each sees the last commit.
    async fn reader(&self) -> StoreResult<Reader> {
        Ok(Reader::Sqlite(self.readers.acquire().await?))
    }

    fn policies(&self) -> &PolicyCache {
        &self.policies
    }

    fn name(&self) -> &'static str {
        "sqlite"
    }

    async fn create(&self, (received, policy_id): Creation) -> StoreResult<Created> {
        let channel = received.inquiry.received.channel;
        let external_id = received.inquiry.received.external_id.clone();
        let created = self.writer.create(received, policy_id).await;
        match (created, external_id) {
            // Another process stored it first (and committed: that is how we clashed).
            (Err(StoreError::Conflict(why)), Some(ext)) => {
                let mut reader = self.reader().await?;
                match read::by_external_id(reader.conn(), channel.as_str(), &ext).await? {
                    Some(stored) => Ok(Created {
                        stored,
                        created: false,
                    }),
                    None => Err(StoreError::Conflict(why)),
                }
            }
            (created, _) => created,
        }
    }

    async fn store_mail(
        &self,
        prepared: Vec<crate::mail_plan::Prepared>,
        policy_id: PolicyId,
    ) -> StoreResult<Vec<crate::MailReceipt>> {
        let mut pending = Vec::new();
        let mut prepared = prepared.into_iter();
        loop {
            let chunk: Vec<Prepared> = prepared.by_ref().take(MAIL_CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            pending.push(
                self.writer
                    .submit(move |conn, policies| {
                        Box::pin(async move {
                            crate::mail_plan::store_batch(
                                &mut MailConn { conn, policies },
                                chunk,
                                policy_id,
                            )
                            .await
                        })
                    })
                    .await?,
            );
        }
        let mut receipts = Vec::new();
        for part in pending {
            receipts.extend(part.await?);
        }
        Ok(receipts)
    }

    async fn import(
        &self,
        received: Vec<Received>,
        policy_id: PolicyId,
    ) -> StoreResult<ImportSummary> {
        if received.len() >= bulk::LARGE_IMPORT
            && !self.indexes_dropped.swap(true, Ordering::SeqCst)
        {
            self.writer
                .run(|conn, _| Box::pin(async move { bulk::drop_indexes(conn).await }))
                .await?;
        }
        let mut summary = ImportSummary::default();
        // Queue every chunk before waiting: the writer may commit several in one transaction.
        let mut pending = Vec::new();
        let mut received = received.into_iter();
        loop {
            let chunk: Vec<Received> = received.by_ref().take(IMPORT_CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            pending.push(
                self.writer
                    .submit(move |conn, _| {
                        Box::pin(async move {
                            crate::creations::import(Conn::Sqlite(conn), chunk, policy_id, false)
                                .await
                        })
                    })
                    .await?,
            );
        }
        for part in pending {
            let part = part.await?;
            summary.add(part);
        }
        Ok(summary)
    }
}
