//! The PostgreSQL backend, for when one file is not enough: a pool of connections, one
//! transaction per call, migrations run at open (sqlx takes an advisory lock, so several
//! instances may start at once). Creations are committed together by one task (`creator.rs`),
//! which keeps references gap-free without one commit per creation.

mod accounts;
mod creator;
mod mail;
mod outbox;
mod read;
mod scan;
mod write;

use crate::intake::Received;
use crate::policies::{PolicyCache, sha256_hex};
use crate::types::*;
use frist_core::{Event, NewInquiry, Reference};
use frist_policy::Policy;
use jiff::Timestamp;
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

const CONNECTIONS: u32 = 10;
/// New inquiries per transaction in a bulk import.
const IMPORT_CHUNK: usize = 2_000;

/// Storage in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
    creator: creator::Creator,
    policies: Arc<PolicyCache>,
}

impl PostgresStore {
    /// Connects to `url` (`postgres://…` or `postgresql://…`) and migrates the database.
    pub async fn open(url: &str) -> StoreResult<Self> {
        let options = PgConnectOptions::from_str(url)
            .map_err(|e| StoreError::Other(format!("not a PostgreSQL database URL: {e}")))?;
        let pool = PgPoolOptions::new()
            .max_connections(CONNECTIONS)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Self {
            creator: creator::Creator::start(pool.clone()),
            pool,
            policies: Arc::new(PolicyCache::default()),
        })
    }

    /// Closes the pool's connections.
    pub async fn close(&self) -> StoreResult<()> {
        self.pool.close().await;
        Ok(())
    }
}

impl Store for PostgresStore {
    async fn register_policy(
        &self,
        name: &str,
        text: &str,
        policy: Arc<Policy>,
    ) -> StoreResult<PolicyVersion> {
        let id = write::register_policy(&self.pool, name, text, &sha256_hex(text)).await?;
        self.policies.insert(id, policy.clone());
        Ok(PolicyVersion { id, policy })
    }

    async fn policy(&self, id: PolicyId) -> StoreResult<PolicyVersion> {
        if let Some(policy) = self.policies.get(id) {
            return Ok(PolicyVersion { id, policy });
        }
        let policy = read::load_policy(&self.pool, id).await?;
        self.policies.insert(id, policy.clone());
        Ok(PolicyVersion { id, policy })
    }

    async fn create_inquiry(
        &self,
        new: NewInquiry,
        policy: &PolicyVersion,
    ) -> StoreResult<Created> {
        let received = Received::new(new, &policy.policy)?;
        self.creator.create((received, policy.id)).await
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
        let mut received = received.into_iter();
        loop {
            let chunk: Vec<Received> = received.by_ref().take(IMPORT_CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            let part = write::import(&self.pool, chunk, policy.id).await?;
            summary.imported += part.imported;
            summary.duplicates += part.duplicates;
        }
        Ok(summary)
    }

    async fn append_event(&self, id: InquiryId, event: Event) -> StoreResult<StoredInquiry> {
        write::append(&self.pool, &self.policies, id, event).await
    }

    async fn get_inquiry(&self, id: InquiryId) -> StoreResult<StoredInquiry> {
        read::inquiry(&self.pool, id).await
    }

    async fn find_by_reference(&self, reference: &Reference) -> StoreResult<StoredInquiry> {
        read::by_reference(&self.pool, reference).await
    }

    async fn events(&self, id: InquiryId) -> StoreResult<Vec<Event>> {
        read::events(&self.pool, id).await
    }

    async fn list_inquiries(
        &self,
        filter: &InquiryFilter,
        cursor: Option<&str>,
        limit: u32,
    ) -> StoreResult<Page> {
        read::page(&self.pool, filter, cursor, limit).await
    }

    async fn compliance(
        &self,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
        now: Timestamp,
    ) -> StoreResult<Vec<ComplianceRow>> {
        read::compliance(&self.pool, from, to, group_by, now).await
    }

    async fn find_by_sender(
        &self,
        query: &SenderQuery,
        limit: u32,
    ) -> StoreResult<Vec<InquirySummary>> {
        read::by_sender(&self.pool, query, limit).await
    }

    async fn workload(&self, bounds: WorkloadBounds) -> StoreResult<Vec<Workload>> {
        read::workload(&self.pool, &bounds).await
    }

    async fn put_unit(&self, unit: Unit) -> StoreResult<()> {
        write::put_unit(&self.pool, &unit).await
    }

    async fn units(&self) -> StoreResult<Vec<Unit>> {
        read::units(&self.pool).await
    }

    async fn put_caseworker(&self, caseworker: Caseworker) -> StoreResult<()> {
        write::put_caseworker(&self.pool, &caseworker).await
    }

    async fn caseworkers(&self) -> StoreResult<Vec<Caseworker>> {
        read::caseworkers(&self.pool).await
    }

    async fn create_token(
        &self,
        name: &str,
        role: Role,
        token_hash: &str,
    ) -> StoreResult<ApiToken> {
        write::create_token(&self.pool, name, role, token_hash).await
    }

    async fn token_by_hash(&self, token_hash: &str) -> StoreResult<ApiToken> {
        read::token_by_hash(&self.pool, token_hash).await
    }

    async fn create_status_link(
        &self,
        token_hash: &str,
        id: InquiryId,
        at: Timestamp,
    ) -> StoreResult<()> {
        write::create_status_link(&self.pool, token_hash, id, at).await
    }

    async fn status_link(&self, token_hash: &str) -> StoreResult<InquiryId> {
        read::status_link(&self.pool, token_hash).await
    }

    async fn log_access(
        &self,
        viewer: &str,
        id: InquiryId,
        what: &str,
        at: Timestamp,
    ) -> StoreResult<()> {
        write::log_access(&self.pool, viewer, id, what, at).await
    }

    async fn access_log(&self, id: InquiryId) -> StoreResult<Vec<AccessEntry>> {
        read::access_log(&self.pool, id).await
    }

    async fn create_user(&self, user: &User) -> StoreResult<()> {
        accounts::create_user(&self.pool, user).await
    }

    async fn user(&self, username: &str) -> StoreResult<User> {
        accounts::user(&self.pool, username).await
    }

    async fn create_session(
        &self,
        token_hash: &str,
        username: &str,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        accounts::create_session(&self.pool, token_hash, username, expires_at).await
    }

    async fn session_user(&self, token_hash: &str, now: Timestamp) -> StoreResult<User> {
        accounts::session_user(&self.pool, token_hash, now).await
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        accounts::delete_session(&self.pool, token_hash).await
    }

    async fn delete_expired_sessions(&self, now: Timestamp) -> StoreResult<u64> {
        accounts::delete_expired_sessions(&self.pool, now).await
    }

    async fn users(&self) -> StoreResult<Vec<User>> {
        accounts::users(&self.pool).await
    }

    async fn policy_text(&self, id: PolicyId) -> StoreResult<String> {
        accounts::policy_text(&self.pool, id).await
    }
}
