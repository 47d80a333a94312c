//! The PostgreSQL backend, for when one file is not enough: a pool of connections, one
//! transaction per call, migrations run at open (sqlx takes an advisory lock, so several
//! instances may start at once). Creations are committed together by one task (`creator.rs`),
//! which keeps references gap-free without one commit per creation.

mod creator;
mod mail;
mod write;

pub(crate) use write::{existing, insert_history, insert_inquiries, next_ids};

use crate::backend::{Backend, Reader, WriteOp};
use crate::creations::Creation;
use crate::intake::Received;
use crate::mail_plan::Prepared;
use crate::policies::PolicyCache;
use crate::sql::Conn;
use crate::types::*;
use mail::MAIL_CHUNK;
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Storage in a PostgreSQL database.
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
    creator: creator::Creator,
    policies: Arc<PolicyCache>,
}

const CONNECTIONS: u32 = 10;
/// New inquiries per transaction in a bulk import.
const IMPORT_CHUNK: usize = 2_000;

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
        crate::fulltext::backfill(crate::sql::Conn::Postgres(&mut *pool.acquire().await?)).await?;
        Ok(Self {
            creator: creator::Creator::start(pool.clone()),
            pool,
            policies: Arc::new(PolicyCache::default()),
        })
    }

    /// A connection of its own, outside the pool, for a lease's advisory lock: the lock lives
    /// exactly as long as the connection.
    pub(crate) async fn dedicated_connection(&self) -> StoreResult<sqlx::PgConnection> {
        Ok(self.pool.acquire().await?.detach())
    }

    /// Closes the pool's connections.
    pub async fn close(&self) -> StoreResult<()> {
        self.pool.close().await;
        Ok(())
    }
}

impl Backend for PostgresStore {
    fn name(&self) -> &'static str {
        "postgres"
    }

    fn policies(&self) -> &PolicyCache {
        &self.policies
    }

    async fn reader(&self) -> StoreResult<Reader> {
        Ok(Reader::Postgres(self.pool.acquire().await?))
    }

    async fn write<T: Send + 'static>(&self, op: impl WriteOp<T>) -> StoreResult<T> {
        let mut tx = self.pool.begin().await?;
        // An error returns here; dropping the transaction rolls it back.
        let out = op(Conn::Postgres(&mut tx), &self.policies).await?;
        tx.commit().await?;
        Ok(out)
    }

    async fn create(&self, creation: Creation) -> StoreResult<Created> {
        self.creator.create(creation).await
    }

    async fn import(
        &self,
        received: Vec<Received>,
        policy_id: PolicyId,
    ) -> StoreResult<ImportSummary> {
        let mut summary = ImportSummary::default();
        let mut received = received.into_iter();
        loop {
            let chunk: Vec<Received> = received.by_ref().take(IMPORT_CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            let part = write::import(&self.pool, chunk, policy_id).await?;
            summary.add(part);
        }
        Ok(summary)
    }

    async fn store_mail(
        &self,
        prepared: Vec<crate::mail_plan::Prepared>,
        policy_id: PolicyId,
    ) -> StoreResult<Vec<crate::MailReceipt>> {
        let mut receipts = Vec::with_capacity(prepared.len());
        let mut prepared = prepared.into_iter();
        loop {
            let chunk: Vec<Prepared> = prepared.by_ref().take(MAIL_CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            receipts.extend(self.store_chunk(chunk, policy_id).await?);
        }
        Ok(receipts)
    }
}
