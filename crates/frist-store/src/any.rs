//! The backend chosen once, from the database URL's scheme.
//!
//! [`Store`] returns `impl Future`, so it is not object-safe; [`AnyStore`] is an enum that
//! delegates instead. Every call gets a tracing span here, for both backends. Errors are logged
//! with their message only (never the inquiry's content): `Other` at error level, the rest —
//! normal answers such as "not found" or a refused event — at debug level.

use crate::postgres::PostgresStore;
use crate::sqlite::SqliteStore;
use crate::types::*;
use frist_core::{Event, NewInquiry, Reference};
use frist_policy::Policy;
use jiff::Timestamp;
use std::sync::Arc;
use tracing::instrument;

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

    /// Finishes queued writes and closes the connections.
    pub async fn close(&self) -> StoreResult<()> {
        match self {
            Self::Sqlite(s) => s.close().await,
            Self::Postgres(s) => s.close().await,
        }
    }
}

macro_rules! delegate {
    ($self:ident, $s:ident => $call:expr) => {
        observe(match $self {
            AnyStore::Sqlite($s) => $call.await,
            AnyStore::Postgres($s) => $call.await,
        })
    };
}

pub(crate) fn observe<T>(result: StoreResult<T>) -> StoreResult<T> {
    match &result {
        Err(e @ StoreError::Other(_)) => tracing::error!(error = %e, "storage failed"),
        Err(e) => tracing::debug!(error = %e, "storage answered with an error"),
        Ok(_) => {}
    }
    result
}

impl Store for AnyStore {
    #[instrument(skip_all, fields(backend = self.backend(), name))]
    async fn register_policy(
        &self,
        name: &str,
        text: &str,
        policy: Arc<Policy>,
    ) -> StoreResult<PolicyVersion> {
        delegate!(self, s => s.register_policy(name, text, policy))
    }

    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn policy(&self, id: PolicyId) -> StoreResult<PolicyVersion> {
        delegate!(self, s => s.policy(id))
    }

    #[instrument(skip_all, fields(backend = self.backend(), channel = %new.channel))]
    async fn create_inquiry(
        &self,
        new: NewInquiry,
        policy: &PolicyVersion,
    ) -> StoreResult<Created> {
        delegate!(self, s => s.create_inquiry(new, policy))
    }

    #[instrument(skip_all, fields(backend = self.backend(), rows = batch.len()))]
    async fn import_inquiries(
        &self,
        batch: Vec<NewInquiry>,
        policy: &PolicyVersion,
    ) -> StoreResult<ImportSummary> {
        delegate!(self, s => s.import_inquiries(batch, policy))
    }

    #[instrument(skip_all, fields(backend = self.backend(), id, event = event.kind.name()))]
    async fn append_event(&self, id: InquiryId, event: Event) -> StoreResult<StoredInquiry> {
        delegate!(self, s => s.append_event(id, event))
    }

    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn get_inquiry(&self, id: InquiryId) -> StoreResult<StoredInquiry> {
        delegate!(self, s => s.get_inquiry(id))
    }

    #[instrument(skip_all, fields(backend = self.backend(), %reference))]
    async fn find_by_reference(&self, reference: &Reference) -> StoreResult<StoredInquiry> {
        delegate!(self, s => s.find_by_reference(reference))
    }

    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn events(&self, id: InquiryId) -> StoreResult<Vec<Event>> {
        delegate!(self, s => s.events(id))
    }

    #[instrument(skip_all, fields(backend = self.backend(), limit))]
    async fn list_inquiries(
        &self,
        filter: &InquiryFilter,
        cursor: Option<&str>,
        limit: u32,
    ) -> StoreResult<Page> {
        delegate!(self, s => s.list_inquiries(filter, cursor, limit))
    }

    #[instrument(skip_all, fields(backend = self.backend(), ?group_by))]
    async fn compliance(
        &self,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
        now: Timestamp,
    ) -> StoreResult<Vec<ComplianceRow>> {
        delegate!(self, s => s.compliance(from, to, group_by, now))
    }

    #[instrument(skip_all, fields(backend = self.backend()))]
    async fn put_unit(&self, unit: Unit) -> StoreResult<()> {
        delegate!(self, s => s.put_unit(unit))
    }

    #[instrument(skip_all, fields(backend = self.backend()))]
    async fn units(&self) -> StoreResult<Vec<Unit>> {
        delegate!(self, s => s.units())
    }

    #[instrument(skip_all, fields(backend = self.backend()))]
    async fn put_caseworker(&self, caseworker: Caseworker) -> StoreResult<()> {
        delegate!(self, s => s.put_caseworker(caseworker))
    }

    #[instrument(skip_all, fields(backend = self.backend()))]
    async fn caseworkers(&self) -> StoreResult<Vec<Caseworker>> {
        delegate!(self, s => s.caseworkers())
    }

    #[instrument(skip_all, fields(backend = self.backend(), name, ?role))]
    async fn create_token(
        &self,
        name: &str,
        role: Role,
        token_hash: &str,
    ) -> StoreResult<ApiToken> {
        delegate!(self, s => s.create_token(name, role, token_hash))
    }

    #[instrument(skip_all, fields(backend = self.backend()))]
    async fn token_by_hash(&self, token_hash: &str) -> StoreResult<ApiToken> {
        delegate!(self, s => s.token_by_hash(token_hash))
    }

    // The token hash is as good as the link: never in a span.
    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn create_status_link(
        &self,
        token_hash: &str,
        id: InquiryId,
        at: Timestamp,
    ) -> StoreResult<()> {
        delegate!(self, s => s.create_status_link(token_hash, id, at))
    }

    #[instrument(skip_all, fields(backend = self.backend()))]
    async fn status_link(&self, token_hash: &str) -> StoreResult<InquiryId> {
        delegate!(self, s => s.status_link(token_hash))
    }

    #[instrument(skip_all, fields(backend = self.backend(), viewer, id, what))]
    async fn log_access(
        &self,
        viewer: &str,
        id: InquiryId,
        what: &str,
        at: Timestamp,
    ) -> StoreResult<()> {
        delegate!(self, s => s.log_access(viewer, id, what, at))
    }

    #[instrument(skip_all, fields(backend = self.backend(), id))]
    async fn access_log(&self, id: InquiryId) -> StoreResult<Vec<AccessEntry>> {
        delegate!(self, s => s.access_log(id))
    }

    #[instrument(skip_all, fields(backend = self.backend(), username = %user.username))]
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        delegate!(self, s => s.create_user(user))
    }

    #[instrument(skip_all, fields(backend = self.backend(), username))]
    async fn user(&self, username: &str) -> StoreResult<User> {
        delegate!(self, s => s.user(username))
    }

    // Session token hashes are as good as the cookie: never in a span.
    #[instrument(skip_all, fields(backend = self.backend(), username))]
    async fn create_session(
        &self,
        token_hash: &str,
        username: &str,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        delegate!(self, s => s.create_session(token_hash, username, expires_at))
    }

    #[instrument(skip_all, fields(backend = self.backend()))]
    async fn session_user(&self, token_hash: &str, now: Timestamp) -> StoreResult<User> {
        delegate!(self, s => s.session_user(token_hash, now))
    }

    #[instrument(skip_all, fields(backend = self.backend()))]
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        delegate!(self, s => s.delete_session(token_hash))
    }
}
