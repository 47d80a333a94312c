//! Where an operation runs, the one thing the backends do differently for most of the store:
//! SQLite writes on the writer's connection inside its group commit (`sqlite/writer.rs`),
//! PostgreSQL writes in a transaction of their own from the pool; reads on a pooled connection.
//! Creations and bulk imports are the backends' own (group commit, multi-row statements).
//!
//! Every [`Store`] operation is written once, below, over [`Backend`]: for [`SqliteStore`],
//! [`PostgresStore`] and [`AnyStore`] (which dispatches to the backend it holds: the one match
//! on the backend outside `sql.rs`). Every call gets a tracing span here. Errors are logged with
//! their message only (never the inquiry's content): `Other` at error level, the rest — normal
//! answers such as "not found" or a refused event — at debug level.
//!
//! [`SqliteStore`]: crate::SqliteStore
//! [`PostgresStore`]: crate::PostgresStore
//! [`AnyStore`]: crate::AnyStore

use crate::creations::Creation;
use crate::ops::{accounts, append, directory, read, templates};
use crate::policies::{PolicyCache, sha256_hex};
use crate::sql::Conn;
use crate::types::*;
use frist_core::{Event, NewInquiry, Reference};
use frist_policy::Policy;
use jiff::Timestamp;
use sqlx::pool::PoolConnection;
use sqlx::{Postgres, Sqlite};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use tracing::instrument;

pub(crate) type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// A write operation: runs on the writing connection, inside a transaction that commits durably
/// before its result is returned (and rolls back what it wrote if it returns an error).
pub(crate) trait WriteOp<T>:
    for<'c> FnOnce(Conn<'c>, &'c PolicyCache) -> BoxFuture<'c, StoreResult<T>> + Send + 'static
{
}
impl<T, F> WriteOp<T> for F where
    F: for<'c> FnOnce(Conn<'c>, &'c PolicyCache) -> BoxFuture<'c, StoreResult<T>> + Send + 'static
{
}

/// A pooled connection for reads.
pub(crate) enum Reader {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Reader {
    pub(crate) fn conn(&mut self) -> Conn<'_> {
        match self {
            Self::Sqlite(c) => Conn::Sqlite(c),
            Self::Postgres(c) => Conn::Postgres(c),
        }
    }
}

pub(crate) trait Backend: Send + Sync {
    /// "sqlite" or "postgres".
    fn name(&self) -> &'static str;
    fn policies(&self) -> &PolicyCache;
    fn reader(&self) -> impl Future<Output = StoreResult<Reader>> + Send;
    fn write<T: Send + 'static>(
        &self,
        op: impl WriteOp<T>,
    ) -> impl Future<Output = StoreResult<T>> + Send;
    /// Stores a received inquiry, or answers with the one stored with its channel and external
    /// id; concurrent creations are committed together.
    fn create(&self, creation: Creation) -> impl Future<Output = StoreResult<Created>> + Send;
    /// A bulk import of inquiries already run through the lifecycle.
    fn import(
        &self,
        received: Vec<crate::intake::Received>,
        policy_id: PolicyId,
    ) -> impl Future<Output = StoreResult<ImportSummary>> + Send;
    /// Stores prepared e-mail (see `mail_plan.rs`); the receipts once committed.
    fn store_mail(
        &self,
        prepared: Vec<crate::mail_plan::Prepared>,
        policy_id: PolicyId,
    ) -> impl Future<Output = StoreResult<Vec<crate::MailReceipt>>> + Send;
}

pub(crate) fn observe<T>(result: StoreResult<T>) -> StoreResult<T> {
    match &result {
        Err(e @ StoreError::Other(_)) => tracing::error!(error = %e, "storage failed"),
        Err(e) => tracing::debug!(error = %e, "storage answered with an error"),
        Ok(_) => {}
    }
    result
}

/// Runs a read on a pooled connection.
macro_rules! reading {
    ($self:ident, |$conn:ident| $call:expr) => {
        observe(
            async {
                let mut reader = $self.reader().await?;
                let $conn = reader.conn();
                $call.await
            }
            .await,
        )
    };
}

/// Runs a write; the values it needs are moved into it.
macro_rules! writing {
    ($self:ident, move |$conn:ident| $call:expr) => {
        observe(
            $self
                .write(move |$conn, _| Box::pin(async move { $call.await }))
                .await,
        )
    };
}

pub(crate) use {reading, writing};

impl<B: Backend> Store for B {
    #[instrument(skip_all, fields(backend = self.name(), name))]
    async fn register_policy(
        &self,
        name: &str,
        text: &str,
        policy: Arc<Policy>,
    ) -> StoreResult<PolicyVersion> {
        let (name, text, sha256) = (name.to_owned(), text.to_owned(), sha256_hex(text));
        let id = writing!(self, move |c| directory::register_policy(
            c, &name, &text, &sha256
        ))?;
        self.policies().insert(id, policy.clone());
        Ok(PolicyVersion { id, policy })
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn policy(&self, id: PolicyId) -> StoreResult<PolicyVersion> {
        if let Some(policy) = self.policies().get(id) {
            return Ok(PolicyVersion { id, policy });
        }
        let policy = reading!(self, |c| read::load_policy(c, id))?;
        self.policies().insert(id, policy.clone());
        Ok(PolicyVersion { id, policy })
    }

    #[instrument(skip_all, fields(backend = self.name(), channel = %new.channel))]
    async fn create_inquiry(
        &self,
        new: NewInquiry,
        policy: &PolicyVersion,
    ) -> StoreResult<Created> {
        let received = observe(crate::intake::Received::new(new, &policy.policy))?;
        observe(self.create((received, policy.id)).await)
    }

    #[instrument(skip_all, fields(backend = self.name(), rows = batch.len()))]
    async fn import_inquiries(
        &self,
        batch: Vec<NewInquiry>,
        policy: &PolicyVersion,
    ) -> StoreResult<ImportSummary> {
        observe(
            async {
                let (received, duplicates) =
                    crate::intake::receive_batch_off_thread(batch, Arc::clone(&policy.policy))
                        .await?;
                let mut summary = self.import(received, policy.id).await?;
                summary.duplicates += duplicates;
                Ok(summary)
            }
            .await,
        )
    }

    #[instrument(skip_all, fields(backend = self.name(), id, event = event.kind.name()))]
    async fn append_event(&self, id: InquiryId, event: Event) -> StoreResult<StoredInquiry> {
        observe(
            self.write(move |c, policies| {
                Box::pin(async move { append::append(c, policies, id, event).await })
            })
            .await,
        )
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn get_inquiry(&self, id: InquiryId) -> StoreResult<StoredInquiry> {
        reading!(self, |c| read::inquiry(c, id))
    }

    #[instrument(skip_all, fields(backend = self.name(), after, limit))]
    async fn inquiry_ids_after(&self, after: InquiryId, limit: u32) -> StoreResult<Vec<InquiryId>> {
        reading!(self, |c| read::ids_after(c, after, limit))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn latest_inquiry_id(&self) -> StoreResult<Option<InquiryId>> {
        reading!(self, |c| read::latest_id(c))
    }

    #[instrument(skip_all, fields(backend = self.name(), %reference))]
    async fn find_by_reference(&self, reference: &Reference) -> StoreResult<StoredInquiry> {
        reading!(self, |c| read::by_reference(c, reference))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn events(&self, id: InquiryId) -> StoreResult<Vec<Event>> {
        reading!(self, |c| read::events(c, id))
    }

    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn list_inquiries(
        &self,
        filter: &InquiryFilter,
        cursor: Option<&str>,
        limit: u32,
    ) -> StoreResult<Page> {
        reading!(self, |c| read::page(c, filter, cursor, limit))
    }

    #[instrument(skip_all, fields(backend = self.name(), ?group_by))]
    async fn compliance(
        &self,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
        now: Timestamp,
    ) -> StoreResult<Vec<ComplianceRow>> {
        reading!(self, |c| read::compliance(
            c,
            from,
            to,
            crate::report::Grouping::By(group_by),
            now
        ))
    }

    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn obligations(
        &self,
        filter: &crate::ObligationFilter,
        cursor: Option<&str>,
        limit: u32,
    ) -> StoreResult<crate::ObligationPage> {
        reading!(self, |c| crate::obligation_list::page(
            c, filter, cursor, limit
        ))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn goal_trend(
        &self,
        from: Timestamp,
        to: Timestamp,
        now: Timestamp,
    ) -> StoreResult<Vec<MonthRow>> {
        let rows = reading!(self, |c| read::compliance(
            c,
            from,
            to,
            crate::report::Grouping::GoalByMonth,
            now
        ))?;
        Ok(MonthRow::split(rows))
    }

    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn find_by_sender(
        &self,
        query: &SenderQuery,
        limit: u32,
    ) -> StoreResult<Vec<InquirySummary>> {
        reading!(self, |c| read::by_sender(c, query, limit))
    }

    // What was typed may be personal data: never in a span.
    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn search(
        &self,
        query: &crate::TextQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> StoreResult<Page> {
        reading!(self, |c| crate::fulltext::search(c, query, cursor, limit))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn workload(&self, bounds: WorkloadBounds) -> StoreResult<Vec<Workload>> {
        reading!(self, |c| read::workload(c, &bounds))
    }

    #[instrument(skip_all, fields(backend = self.name(), ?group_by))]
    async fn service_report(
        &self,
        from: Timestamp,
        to: Timestamp,
        group_by: frist_core::service::ServiceGroupBy,
        calendar: frist_calendar::Calendar,
        now: Timestamp,
    ) -> StoreResult<Vec<frist_core::service::ServiceRow>> {
        reading!(self, |c| crate::ops::service::report(
            c,
            &calendar,
            (from, to),
            group_by,
            now
        ))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn nav_counts(
        &self,
        caseworker: &str,
        now: Timestamp,
        today_end: Timestamp,
    ) -> StoreResult<NavCounts> {
        reading!(self, |c| crate::ops::notices::nav_counts(
            c, caseworker, now, today_end
        ))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn put_unit(&self, unit: Unit) -> StoreResult<()> {
        writing!(self, move |c| directory::put_unit(c, &unit))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn units(&self) -> StoreResult<Vec<Unit>> {
        reading!(self, |c| read::units(c))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn put_caseworker(&self, caseworker: Caseworker) -> StoreResult<()> {
        writing!(self, move |c| directory::put_caseworker(c, &caseworker))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn caseworkers(&self) -> StoreResult<Vec<Caseworker>> {
        reading!(self, |c| read::caseworkers(c))
    }

    #[instrument(skip_all, fields(backend = self.name(), kind = %template.kind))]
    async fn put_template(
        &self,
        template: frist_policy::Template,
        by: &str,
        at: Timestamp,
    ) -> StoreResult<()> {
        let by = by.to_owned();
        writing!(self, move |c| templates::put(c, &template, &by, at))
    }

    #[instrument(skip_all, fields(backend = self.name(), %kind))]
    async fn delete_template(
        &self,
        kind: frist_policy::TemplateKind,
        case_type: Option<&str>,
        lang: frist_i18n::Lang,
    ) -> StoreResult<bool> {
        let case_type = case_type.map(str::to_owned);
        writing!(self, move |c| templates::delete(
            c,
            kind,
            case_type.as_deref(),
            lang
        ))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn templates(&self) -> StoreResult<Vec<crate::StoredTemplate>> {
        reading!(self, |c| templates::all(c))
    }

    #[instrument(skip_all, fields(backend = self.name(), name, ?role))]
    async fn create_token(
        &self,
        name: &str,
        role: Role,
        token_hash: &str,
    ) -> StoreResult<ApiToken> {
        let (name, token_hash) = (name.to_owned(), token_hash.to_owned());
        writing!(self, move |c| directory::create_token(
            c,
            &name,
            role,
            &token_hash
        ))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn token_by_hash(&self, token_hash: &str) -> StoreResult<ApiToken> {
        reading!(self, |c| read::token_by_hash(c, token_hash))
    }

    // The token hash is as good as the link: never in a span.
    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn create_status_link(
        &self,
        token_hash: &str,
        id: InquiryId,
        at: Timestamp,
    ) -> StoreResult<()> {
        let token_hash = token_hash.to_owned();
        writing!(self, move |c| directory::create_status_link(
            c,
            &token_hash,
            id,
            at
        ))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn status_link(&self, token_hash: &str) -> StoreResult<InquiryId> {
        reading!(self, |c| read::status_link(c, token_hash))
    }

    #[instrument(skip_all, fields(backend = self.name(), viewer, id, what))]
    async fn log_access(
        &self,
        viewer: &str,
        id: InquiryId,
        what: &str,
        at: Timestamp,
    ) -> StoreResult<()> {
        let (viewer, what) = (viewer.to_owned(), what.to_owned());
        writing!(self, move |c| directory::log_access(
            c, &viewer, id, &what, at
        ))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn access_log(&self, id: InquiryId) -> StoreResult<Vec<AccessEntry>> {
        reading!(self, |c| read::access_log(c, id))
    }

    #[instrument(skip_all, fields(backend = self.name(), username = %user.username))]
    async fn create_user(&self, user: &User) -> StoreResult<()> {
        let user = user.clone();
        writing!(self, move |c| accounts::create_user(c, &user))
    }

    #[instrument(skip_all, fields(backend = self.name(), username))]
    async fn user(&self, username: &str) -> StoreResult<User> {
        reading!(self, |c| accounts::user(c, username))
    }

    // Session token hashes are as good as the cookie: never in a span.
    #[instrument(skip_all, fields(backend = self.name(), username))]
    async fn create_session(
        &self,
        token_hash: &str,
        username: &str,
        expires_at: Timestamp,
    ) -> StoreResult<()> {
        let (token_hash, username) = (token_hash.to_owned(), username.to_owned());
        writing!(self, move |c| accounts::create_session(
            c,
            &token_hash,
            &username,
            expires_at
        ))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn session_user(&self, token_hash: &str, now: Timestamp) -> StoreResult<User> {
        reading!(self, |c| accounts::session_user(c, token_hash, now))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        let token_hash = token_hash.to_owned();
        writing!(self, move |c| accounts::delete_session(c, &token_hash))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn delete_expired_sessions(&self, now: Timestamp) -> StoreResult<u64> {
        writing!(self, move |c| accounts::delete_expired_sessions(c, now))
    }

    #[instrument(skip_all, fields(backend = self.name()))]
    async fn users(&self) -> StoreResult<Vec<User>> {
        reading!(self, |c| accounts::users(c))
    }

    // The subject and the username are the person's: not in the span.
    #[instrument(skip_all, fields(backend = self.name()))]
    async fn sign_in_external(&self, who: &ExternalSignIn) -> StoreResult<User> {
        let who = who.clone();
        writing!(self, move |c| accounts::sign_in_external(c, &who))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn policy_text(&self, id: PolicyId) -> StoreResult<String> {
        reading!(self, |c| accounts::policy_text(c, id))
    }
}
