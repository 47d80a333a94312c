//! The SQLite backend, the embedded default: one file, no set-up.
//!
//! One connection writes (the group-commit writer in `writer.rs`); a small pool reads beside it
//! (WAL). The file is created if missing and migrated at open. `synchronous = FULL`: a call
//! returns only after its commit is on disk.

mod accounts;
mod bulk;
mod mail;
mod outbox;
mod read;
mod scan;
mod write;
mod writer;

use crate::intake::Received;
use crate::policies::{PolicyCache, sha256_hex};
use crate::types::*;
use frist_core::{Event, NewInquiry, Reference};
use frist_policy::Policy;
use jiff::Timestamp;
use sqlx::pool::PoolConnection;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{ConnectOptions, Sqlite};
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
    /// Whether a bulk import of this store dropped the sender-search indexes (see `bulk.rs`).
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
            .pragma("temp_store", "memory");
        let mut conn = options.connect().await?;
        MIGRATOR.run(&mut conn).await?;
        bulk::build_sender_indexes(&mut conn).await?;
        let readers = SqlitePoolOptions::new()
            .max_connections(READERS)
            .connect_with(options)
            .await?;
        let policies = Arc::new(PolicyCache::default());
        Ok(Self {
            writer: Writer::start(conn, policies.clone()),
            readers,
            policies,
            indexes_dropped: Arc::new(AtomicBool::new(false)),
        })
    }

    async fn read(&self) -> StoreResult<PoolConnection<Sqlite>> {
        Ok(self.readers.acquire().await?)
    }

    /// Waits for queued writes, then closes the readers. The writer stops when the last clone of
    /// this store is dropped.
    pub async fn close(&self) -> StoreResult<()> {
        let flushed = if self.indexes_dropped.swap(false, Ordering::SeqCst) {
            self.writer
                .run(|conn, _| Box::pin(async move { bulk::build_sender_indexes(conn).await }))
                .await
        } else {
            self.writer.flush().await
        };
        self.readers.close().await;
        flushed
    }
}

impl Store for SqliteStore {
    async fn register_policy(
        &self,
        name: &str,
        text: &str,
        policy: Arc<Policy>,
    ) -> StoreResult<PolicyVersion> {
        let (name, text, sha256) = (name.to_owned(), text.to_owned(), sha256_hex(text));
        let id = self
            .writer
            .run(move |conn, _| {
                Box::pin(async move { write::register_policy(conn, &name, &text, &sha256).await })
            })
            .await?;
        self.policies.insert(id, policy.clone());
        Ok(PolicyVersion { id, policy })
    }

    async fn policy(&self, id: PolicyId) -> StoreResult<PolicyVersion> {
        if let Some(policy) = self.policies.get(id) {
            return Ok(PolicyVersion { id, policy });
        }
        let policy = read::load_policy(&mut *self.read().await?, id).await?;
        self.policies.insert(id, policy.clone());
        Ok(PolicyVersion { id, policy })
    }

    async fn create_inquiry(
        &self,
        new: NewInquiry,
        policy: &PolicyVersion,
    ) -> StoreResult<Created> {
        let channel = new.channel;
        let external_id = new.external_id.clone();
        let received = Received::new(new, &policy.policy)?;
        let policy_id = policy.id;
        let created = self.writer.create(received, policy_id).await;
        match (created, external_id) {
            // Another process stored it first (and committed: that is how we clashed).
            (Err(StoreError::Conflict(why)), Some(ext)) => {
                match read::by_external_id(&mut *self.read().await?, channel.as_str(), &ext).await?
                {
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

    async fn import_inquiries(
        &self,
        batch: Vec<NewInquiry>,
        policy: &PolicyVersion,
    ) -> StoreResult<ImportSummary> {
        let (received, duplicates) =
            crate::intake::receive_batch_off_thread(batch, std::sync::Arc::clone(&policy.policy))
                .await?;
        let mut summary = ImportSummary {
            imported: 0,
            duplicates,
        };
        let policy_id = policy.id;
        if received.len() >= bulk::LARGE_IMPORT
            && !self.indexes_dropped.swap(true, Ordering::SeqCst)
        {
            self.writer
                .run(|conn, _| Box::pin(async move { bulk::drop_sender_indexes(conn).await }))
                .await?;
        }
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
                        Box::pin(async move { write::import(conn, chunk, policy_id).await })
                    })
                    .await?,
            );
        }
        for part in pending {
            let part = part.await?;
            summary.imported += part.imported;
            summary.duplicates += part.duplicates;
        }
        Ok(summary)
    }

    async fn append_event(&self, id: InquiryId, event: Event) -> StoreResult<StoredInquiry> {
        self.writer
            .run(move |conn, policies| {
                Box::pin(async move { write::append(conn, policies, id, event).await })
            })
            .await
    }

    async fn get_inquiry(&self, id: InquiryId) -> StoreResult<StoredInquiry> {
        read::inquiry(&mut *self.read().await?, id).await
    }

    async fn find_by_reference(&self, reference: &Reference) -> StoreResult<StoredInquiry> {
        read::by_reference(&mut *self.read().await?, reference).await
    }

    async fn events(&self, id: InquiryId) -> StoreResult<Vec<Event>> {
        read::events(&mut *self.read().await?, id).await
    }

    async fn list_inquiries(
        &self,
        filter: &InquiryFilter,
        cursor: Option<&str>,
        limit: u32,
    ) -> StoreResult<Page> {
        read::page(&mut *self.read().await?, filter, cursor, limit).await
    }

    async fn compliance(
        &self,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
        now: Timestamp,
    ) -> StoreResult<Vec<ComplianceRow>> {
        read::compliance(&mut *self.read().await?, from, to, group_by, now).await
    }

    async fn find_by_sender(
        &self,
        query: &SenderQuery,
        limit: u32,
    ) -> StoreResult<Vec<InquirySummary>> {
        read::by_sender(&mut *self.read().await?, query, limit).await
    }

    async fn workload(&self, bounds: WorkloadBounds) -> StoreResult<Vec<Workload>> {
        read::workload(&mut *self.read().await?, &bounds).await
    }

    async fn put_unit(&self, unit: Unit) -> StoreResult<()> {
        self.writer
            .run(move |conn, _| Box::pin(async move { write::put_unit(conn, &unit).await }))
            .await
    }

    async fn units(&self) -> StoreResult<Vec<Unit>> {
        read::units(&mut *self.read().await?).await
    }

    async fn put_caseworker(&self, caseworker: Caseworker) -> StoreResult<()> {
        self.writer
            .run(move |conn, _| {
                Box::pin(async move { write::put_caseworker(conn, &caseworker).await })
            })
            .await
    }

    async fn caseworkers(&self) -> StoreResult<Vec<Caseworker>> {
        read::caseworkers(&mut *self.read().await?).await
    }

    async fn create_token(
        &self,
        name: &str,
        role: Role,
        token_hash: &str,
    ) -> StoreResult<ApiToken> {
        let (name, token_hash) = (name.to_owned(), token_hash.to_owned());
        self.writer
            .run(move |conn, _| {
                Box::pin(async move { write::create_token(conn, &name, role, &token_hash).await })
            })
            .await
    }

    async fn token_by_hash(&self, token_hash: &str) -> StoreResult<ApiToken> {
        read::token_by_hash(&mut *self.read().await?, token_hash).await
    }

    async fn create_status_link(
        &self,
        token_hash: &str,
        id: InquiryId,
        at: Timestamp,
    ) -> StoreResult<()> {
        let token_hash = token_hash.to_owned();
        self.writer
            .run(move |conn, _| {
                Box::pin(async move { write::create_status_link(conn, &token_hash, id, at).await })
            })
            .await
    }

    async fn status_link(&self, token_hash: &str) -> StoreResult<InquiryId> {
        read::status_link(&mut *self.read().await?, token_hash).await
    }

    async fn log_access(
        &self,
        viewer: &str,
        id: InquiryId,
        what: &str,
        at: Timestamp,
    ) -> StoreResult<()> {
        let (viewer, what) = (viewer.to_owned(), what.to_owned());
        self.writer
            .run(move |conn, _| {
                Box::pin(async move { write::log_access(conn, &viewer, id, &what, at).await })
            })
            .await
    }

    async fn access_log(&self, id: InquiryId) -> StoreResult<Vec<AccessEntry>> {
        read::access_log(&mut *self.read().await?, id).await
    }

    async fn create_user(&self, user: &User) -> StoreResult<()> {
        let user = user.clone();
        self.writer
            .run(move |conn, _| Box::pin(async move { accounts::create_user(conn, &user).await }))
            .await
    }

    async fn user(&self, username: &str) -> StoreResult<User> {
        accounts::user(&mut *self.read().await?, username).await
    }

    async fn create_session(
        &self,
        token_hash: &str,
        username: &str,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        let (token_hash, username) = (token_hash.to_owned(), username.to_owned());
        self.writer
            .run(move |conn, _| {
                Box::pin(async move {
                    accounts::create_session(conn, &token_hash, &username, expires_at).await
                })
            })
            .await
    }

    async fn session_user(&self, token_hash: &str, now: Timestamp) -> StoreResult<User> {
        accounts::session_user(&mut *self.read().await?, token_hash, now).await
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        let token_hash = token_hash.to_owned();
        self.writer
            .run(move |conn, _| {
                Box::pin(async move { accounts::delete_session(conn, &token_hash).await })
            })
            .await
    }

    async fn delete_expired_sessions(&self, now: Timestamp) -> StoreResult<u64> {
        self.writer
            .run(move |conn, _| {
                Box::pin(async move { accounts::delete_expired_sessions(conn, now).await })
            })
            .await
    }

    async fn users(&self) -> StoreResult<Vec<User>> {
        accounts::users(&mut *self.read().await?).await
    }

    async fn policy_text(&self, id: PolicyId) -> StoreResult<String> {
        accounts::policy_text(&mut *self.read().await?, id).await
    }
}
