//! The backend chosen once, from the database URL's scheme.
//!
//! [`Store`] returns `impl Future`, so it is not object-safe; [`AnyStore`] is an enum that says
//! where each operation runs by asking the backend it holds ([`Backend`]); the operations
//! themselves are written once, in `backend.rs` and `ops/`.

use crate::backend::{Backend, Reader, WriteOp};
use crate::creations::Creation;
use crate::intake::Received;
use crate::policies::PolicyCache;
use crate::postgres::PostgresStore;
use crate::sqlite::SqliteStore;
use crate::types::*;

/// Opens the database at `url`: `sqlite://path`, `sqlite:path` (the file is created if missing)
/// or `postgres://…` / `postgresql://…`. Runs the backend's migrations.
pub async fn open(url: &str) -> StoreResult<AnyStore> {
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme.to_ascii_lowercase());
    match scheme.as_deref() {
        Some("sqlite") => Ok(AnyStore::Sqlite(SqliteStore::open(url).await?)),
        Some("postgres" | "postgresql") => Ok(AnyStore::Postgres(PostgresStore::open(url).await?)),
        // Never echo the URL: it may carry a password.
        Some(other) if !other.is_empty() && other.len() <= 20 => Err(StoreError::Other(format!(
            "unsupported database URL scheme \"{other}\"; \
             use sqlite://FILE or postgres://USER@HOST/DATABASE"
        ))),
        _ => Err(StoreError::Other(
            "the database URL has no scheme; use sqlite://FILE or postgres://USER@HOST/DATABASE"
                .into(),
        )),
    }
}

/// Either backend.
#[derive(Debug, Clone)]
pub enum AnyStore {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl AnyStore {
    /// "sqlite" or "postgres".
    pub fn backend(&self) -> &'static str {
        match self {
            Self::Sqlite(_) => "sqlite",
            Self::Postgres(_) => "postgres",
        }
    }

    /// The compliance report counted from every obligation row, never from the tallies: the
    /// reference the tallies are held to (a whole-month report reads them, see `tally.rs`).
    pub async fn compliance_from_rows(
        &self,
        from: jiff::Timestamp,
        to: jiff::Timestamp,
        group_by: GroupBy,
        now: jiff::Timestamp,
    ) -> StoreResult<Vec<ComplianceRow>> {
        let mut reader = self.reader().await?;
        let by = crate::report::Grouping::By(group_by);
        crate::ops::read::compliance_from_rows(reader.conn(), from, to, by, now).await
    }

    /// [`Store::goal_trend`] counted from every obligation row, never from the tallies.
    pub async fn goal_trend_from_rows(
        &self,
        from: jiff::Timestamp,
        to: jiff::Timestamp,
        now: jiff::Timestamp,
    ) -> StoreResult<Vec<MonthRow>> {
        let mut reader = self.reader().await?;
        let by = crate::report::Grouping::GoalByMonth;
        let rows = crate::ops::read::compliance_from_rows(reader.conn(), from, to, by, now).await?;
        Ok(MonthRow::split(rows))
    }

    /// The workload counted from every open inquiry's row, never from the tally.
    pub async fn workload_from_rows(&self, bounds: WorkloadBounds) -> StoreResult<Vec<Workload>> {
        let mut reader = self.reader().await?;
        crate::ops::read::workload_from_rows(reader.conn(), &bounds).await
    }

    /// Finishes queued writes and closes the connections.
    pub async fn close(&self) -> StoreResult<()> {
        match self {
            Self::Sqlite(s) => s.close().await,
            Self::Postgres(s) => s.close().await,
        }
    }
}

impl Backend for AnyStore {
    fn name(&self) -> &'static str {
        self.backend()
    }

    fn policies(&self) -> &PolicyCache {
        match self {
            Self::Sqlite(s) => s.policies(),
            Self::Postgres(s) => s.policies(),
        }
    }

    async fn reader(&self) -> StoreResult<Reader> {
        match self {
            Self::Sqlite(s) => s.reader().await,
            Self::Postgres(s) => s.reader().await,
        }
    }

    async fn write<T: Send + 'static>(&self, op: impl WriteOp<T>) -> StoreResult<T> {
        match self {
            Self::Sqlite(s) => s.write(op).await,
            Self::Postgres(s) => s.write(op).await,
        }
    }

    async fn create(&self, creation: Creation) -> StoreResult<Created> {
        match self {
            Self::Sqlite(s) => s.create(creation).await,
            Self::Postgres(s) => s.create(creation).await,
        }
    }

    async fn import(
        &self,
        received: Vec<Received>,
        policy_id: PolicyId,
    ) -> StoreResult<ImportSummary> {
        match self {
            Self::Sqlite(s) => s.import(received, policy_id).await,
            Self::Postgres(s) => s.import(received, policy_id).await,
        }
    }

    async fn store_mail(
        &self,
        prepared: Vec<crate::mail_plan::Prepared>,
        policy_id: PolicyId,
    ) -> StoreResult<Vec<crate::MailReceipt>> {
        match self {
            Self::Sqlite(s) => s.store_mail(prepared, policy_id).await,
            Self::Postgres(s) => s.store_mail(prepared, policy_id).await,
        }
    }
}
