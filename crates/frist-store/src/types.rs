//! The storage contract: what callers give and get. Backends implement [`Store`].

use frist_core::{Event, Inquiry, InquiryState, LifecycleError, NewInquiry, Reference};
use frist_policy::{Channel, Policy, Requirement};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::sync::Arc;

/// A stored inquiry's id (database key; stable, not shown to citizens).
pub type InquiryId = i64;

/// A registered policy version (its text is stored; identical texts share one id).
pub type PolicyId = i64;

/// What can go wrong in storage. Backends map their errors into these; `Other` is opaque to
/// API clients and logged with its cause.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// The change conflicts with what is stored (e.g. a concurrent change); retry.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The lifecycle refused the event; nothing was stored.
    #[error(transparent)]
    Refused(#[from] LifecycleError),
    /// The request itself is malformed (e.g. a cursor this store did not issue); nothing was
    /// read or changed. A client error, unlike `Other`.
    #[error("invalid request: {0}")]
    Invalid(String),
    #[error("storage error: {0}")]
    Other(String),
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A policy version as registered: its id and parsed form.
#[derive(Debug, Clone)]
pub struct PolicyVersion {
    pub id: PolicyId,
    pub policy: Arc<Policy>,
}

/// An inquiry with its storage id and the policy version it was received under.
#[derive(Debug, Clone)]
pub struct StoredInquiry {
    pub id: InquiryId,
    pub policy_id: PolicyId,
    pub inquiry: Inquiry,
}

/// Result of [`Store::create_inquiry`].
#[derive(Debug, Clone)]
pub struct Created {
    pub stored: StoredInquiry,
    /// False when the same (channel, external_id) was already stored: the existing inquiry is
    /// returned and nothing changed.
    pub created: bool,
}

/// Filters for the queue; all optional, combined with AND.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InquiryFilter {
    pub unit: Option<String>,
    pub caseworker: Option<String>,
    pub state: Option<InquiryState>,
    /// Only inquiries whose nearest open deadline is before this instant.
    pub due_before: Option<Timestamp>,
    /// Only inquiries with an open obligation already past its deadline at this instant ("now").
    pub breached_at: Option<Timestamp>,
    /// `Some(true)`: only open inquiries (new, open, awaiting the citizen); `Some(false)`: only
    /// closed ones; `None`: both.
    pub open: Option<bool>,
    /// With `caseworker`: also the inquiries of every caseworker absent on this date (their
    /// absence lasts until this date or later) with `caseworker` as substitute — the cover a
    /// substitute takes over (HTK-8). Nothing is reassigned: ending the absence ends the cover.
    pub cover_on: Option<frist_calendar::Date>,
}

/// One row of the queue: enough to list, nothing confidential (no body; CPR never included).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InquirySummary {
    pub id: InquiryId,
    pub reference: Reference,
    pub channel: Channel,
    pub state: InquiryState,
    pub unit: Option<String>,
    pub caseworker: Option<String>,
    pub subject: String,
    pub sender_name: Option<String>,
    pub received_at: Timestamp,
    /// The nearest due instant among open obligations, if any.
    pub next_due_at: Option<Timestamp>,
    pub next_requires: Option<Requirement>,
}

/// A page of the queue, ordered by nearest open deadline (none last), then id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    pub items: Vec<InquirySummary>,
    /// Opaque; pass back to get the next page. `None` on the last page.
    pub next_cursor: Option<String>,
}

/// How to group compliance figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Goal,
    Unit,
    Channel,
    Month,
    /// The inquiry's case type (`(ingen sagstype)` when it has none).
    CaseType,
}

/// One goal's compliance in one month (`YYYY-MM`, in Copenhagen); `row.group` is the goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthRow {
    pub month: String,
    pub row: ComplianceRow,
}

impl MonthRow {
    /// Rows grouped by month and goal (the group `YYYY-MM` followed by the goal) as month rows.
    pub(crate) fn split(rows: Vec<ComplianceRow>) -> Vec<Self> {
        rows.into_iter()
            .filter_map(|mut row| {
                let (month, goal) = row.group.split_at_checked(7)?;
                let (month, goal) = (month.to_owned(), goal.to_owned());
                row.group = goal;
                Some(Self { month, row })
            })
            .collect()
    }
}

/// Compliance for one group: obligations *due* in the period (due_at in [from, to)).
///
/// `met` = met by the deadline; `met_late` = met after it; `breached` = not met and the
/// deadline has passed at `now`; `pending` = not met and not yet due (or paused); `waived` =
/// nothing to answer. `on_time_percent` = met / (met + met_late + breached) × 100, `None` when
/// that is 0. `median_working_days` and `p90_working_days` are quantiles (linear
/// interpolation between closest ranks) of the working days from receipt to meeting, over the
/// obligations met (in time or late); `None` when none was met.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceRow {
    pub group: String,
    pub total: u64,
    pub met: u64,
    pub met_late: u64,
    pub breached: u64,
    pub pending: u64,
    pub waived: u64,
    pub on_time_percent: Option<f64>,
    /// Median time to meet (met and met late), in working days after the day of receipt.
    pub median_working_days: Option<f64>,
    /// 90th percentile of the same.
    pub p90_working_days: Option<f64>,
}

/// What the front desk searches a person's earlier inquiries by. Build it with
/// [`SenderQuery::parse`], which normalises the text the way the stored keys are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SenderQuery {
    /// A phone key (`frist_core::phone_key`).
    Phone(String),
    /// An e-mail key (`frist_core::email_key`).
    Email(String),
    /// The start of the sender's name, any case.
    NamePrefix(String),
}

impl SenderQuery {
    /// What a person typed into one search box: an e-mail address (has `@`), a phone number
    /// (mostly digits, at least 8), else the start of a name. `None` when too short to mean
    /// anything (under 2 characters).
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.chars().count() < 2 {
            return None;
        }
        if text.contains('@') {
            return frist_core::email_key(text).map(Self::Email);
        }
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let phoneish = text
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
        if phoneish && digits >= 8 {
            return frist_core::phone_key(text).map(Self::Phone);
        }
        Some(Self::NamePrefix(text.to_owned()))
    }
}

/// The instants that split open work into breached / due today / at risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkloadBounds {
    pub now: Timestamp,
    /// The end of today (local), exclusive.
    pub today_end: Timestamp,
    /// The end of the next working day, exclusive: due before it but after today is "at risk".
    pub risk_end: Timestamp,
}

/// Open (not closed) inquiries of one caseworker (`None`: not assigned to anyone), by how urgent
/// their nearest unpaused deadline is. The buckets are disjoint; `open` counts them all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workload {
    pub caseworker: Option<String>,
    pub open: u64,
    pub breached: u64,
    pub due_today: u64,
    pub at_risk: u64,
}

/// A caseworker's counts for the navigation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NavCounts {
    pub due_today: u64,
    pub overdue: u64,
}

/// Summary of a bulk import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportSummary {
    pub imported: u64,
    pub duplicates: u64,
}

impl ImportSummary {
    /// Counts a part of the import in.
    pub(crate) fn add(&mut self, part: ImportSummary) {
        self.imported += part.imported;
        self.duplicates += part.duplicates;
    }
}

/// A department with its mailbox and phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Short stable id, e.g. "borgerservice".
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
}

/// A named member of staff, with absence and substitute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caseworker {
    /// User name, e.g. "mette.hansen".
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub absent: Option<Absence>,
}

/// An absence: until when, and who stands in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    pub until: frist_calendar::Date,
    pub substitute: Option<String>,
}

/// Roles, for tokens and staff accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Caseworker,
    Lead,
    Admin,
}

/// A stored API token (only its hash is stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: i64,
    pub name: String,
    pub role: Role,
}

/// A staff account. The password is kept only as an Argon2id PHC string, which `Debug` does not
/// show.
#[derive(Clone, PartialEq, Eq)]
pub struct User {
    /// Sign-in name; also the caseworker id and the actor of the user's events.
    pub username: String,
    pub role: Role,
    pub password_hash: String,
    pub created_at: Timestamp,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("username", &self.username)
            .field("role", &self.role)
            .field("created_at", &self.created_at)
            .finish_non_exhaustive()
    }
}

/// A person who signed in at an OpenID Connect provider, as Frist keeps their account: linked
/// by the provider's issuer and subject, with the role their claims give them now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalSignIn {
    /// The provider's issuer URL (the ID token's `iss`).
    pub issuer: String,
    /// The person at the provider (`sub`): never reused there for anyone else.
    pub subject: String,
    /// The username a new account gets. An account already linked keeps its own, as it names
    /// the actor of every event the person recorded.
    pub username: String,
    /// The role, set on every sign-in: the provider's groups decide it, not Frist.
    pub role: Role,
    /// Whether an existing account with `username` that is linked to no provider account is
    /// linked to this one (an installation moving its password accounts to the provider).
    /// Otherwise such an account makes the sign-in a `Conflict`.
    pub link_existing: bool,
    pub at: Timestamp,
}

/// One entry of the personal-data access log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessEntry {
    pub viewer: String,
    pub inquiry_id: InquiryId,
    pub what: String,
    pub at: Timestamp,
}

/// The storage contract. All methods are transactional; writes return after a durable commit.
pub trait Store: Send + Sync {
    /// Stores a policy text (idempotent by content) and returns its version.
    fn register_policy(
        &self,
        name: &str,
        text: &str,
        policy: Arc<Policy>,
    ) -> impl Future<Output = StoreResult<PolicyVersion>> + Send;
    /// The policy version with this id (cached after the first load).
    fn policy(&self, id: PolicyId) -> impl Future<Output = StoreResult<PolicyVersion>> + Send;

    /// Receives an inquiry under `policy`: allocates its reference (prefix-year-number),
    /// derives obligations, stores the `received` event and the projection. Idempotent on
    /// (channel, external_id).
    fn create_inquiry(
        &self,
        new: NewInquiry,
        policy: &PolicyVersion,
    ) -> impl Future<Output = StoreResult<Created>> + Send;
    /// Many inquiries in few transactions (bulk load); duplicates by (channel, external_id) are
    /// skipped and counted.
    fn import_inquiries(
        &self,
        batch: Vec<NewInquiry>,
        policy: &PolicyVersion,
    ) -> impl Future<Output = StoreResult<ImportSummary>> + Send;
    /// Applies an event through the lifecycle (with the inquiry's own policy version) and stores
    /// it with the new projection, in one transaction. A refused event stores nothing.
    fn append_event(
        &self,
        id: InquiryId,
        event: Event,
    ) -> impl Future<Output = StoreResult<StoredInquiry>> + Send;
    fn get_inquiry(&self, id: InquiryId)
    -> impl Future<Output = StoreResult<StoredInquiry>> + Send;
    /// Up to `limit` inquiry ids greater than `after`, ascending: a cursor over inquiries as
    /// they are created, for work done once per new inquiry (the automatic acknowledgment).
    fn inquiry_ids_after(
        &self,
        after: InquiryId,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<InquiryId>>> + Send;
    /// The greatest inquiry id, if there is any inquiry.
    fn latest_inquiry_id(&self) -> impl Future<Output = StoreResult<Option<InquiryId>>> + Send;
    fn find_by_reference(
        &self,
        reference: &Reference,
    ) -> impl Future<Output = StoreResult<StoredInquiry>> + Send;
    /// The inquiry's events, oldest first.
    fn events(&self, id: InquiryId) -> impl Future<Output = StoreResult<Vec<Event>>> + Send;
    fn list_inquiries(
        &self,
        filter: &InquiryFilter,
        cursor: Option<&str>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Page>> + Send;
    fn compliance(
        &self,
        from: Timestamp,
        to: Timestamp,
        group_by: GroupBy,
        now: Timestamp,
    ) -> impl Future<Output = StoreResult<Vec<ComplianceRow>>> + Send;

    /// Compliance per goal in each month of [`from`, `to`) (whole months are read from the
    /// tallies), ordered by month, then goal: the lead dashboard's trend.
    fn goal_trend(
        &self,
        from: Timestamp,
        to: Timestamp,
        now: Timestamp,
    ) -> impl Future<Output = StoreResult<Vec<MonthRow>>> + Send;

    /// The obligations behind one figure of a compliance report, in order of deadline, a page
    /// at a time (`limit` clamped to 1–200).
    fn obligations(
        &self,
        filter: &crate::ObligationFilter,
        cursor: Option<&str>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<crate::ObligationPage>> + Send;

    /// A person's inquiries, newest first (at most `limit`, capped at 100); nothing
    /// confidential, like the queue.
    fn find_by_sender(
        &self,
        query: &SenderQuery,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<InquirySummary>>> + Send;

    /// The inquiries, open and closed, that a typed search finds (see [`TextQuery`]), newest
    /// first, a page at a time (`limit` clamped to 1–500); nothing confidential, like the queue.
    fn search(
        &self,
        query: &crate::TextQuery,
        cursor: Option<&str>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Page>> + Send;

    /// Open work per caseworker (ordered by caseworker; the unassigned row first where the
    /// backend sorts NULL first — callers should not rely on the position of that row).
    fn workload(
        &self,
        bounds: WorkloadBounds,
    ) -> impl Future<Output = StoreResult<Vec<Workload>>> + Send;

    /// The service report over the inquiries received in [`from`, `to`), grouped, judged at
    /// `now`, with working days counted on `calendar` (the policy in force).
    fn service_report(
        &self,
        from: Timestamp,
        to: Timestamp,
        group_by: frist_core::service::ServiceGroupBy,
        calendar: frist_calendar::Calendar,
        now: Timestamp,
    ) -> impl Future<Output = StoreResult<Vec<frist_core::service::ServiceRow>>> + Send;

    /// One caseworker's open inquiries whose nearest unpaused deadline has passed at `now`, and
    /// those due from `now` until `today_end` — the counts in the staff navigation. Two range
    /// counts on the workload index: they do not grow with the number of inquiries.
    fn nav_counts(
        &self,
        caseworker: &str,
        now: Timestamp,
        today_end: Timestamp,
    ) -> impl Future<Output = StoreResult<NavCounts>> + Send;

    fn put_unit(&self, unit: Unit) -> impl Future<Output = StoreResult<()>> + Send;
    fn units(&self) -> impl Future<Output = StoreResult<Vec<Unit>>> + Send;
    fn put_caseworker(
        &self,
        caseworker: Caseworker,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    fn caseworkers(&self) -> impl Future<Output = StoreResult<Vec<Caseworker>>> + Send;

    /// Saves an administrator's edit of a message template (replacing an earlier edit of the
    /// same kind, case type and language), with who saved it and when.
    fn put_template(
        &self,
        template: frist_policy::Template,
        by: &str,
        at: Timestamp,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// Deletes the edit of a template ("gendan standard"); whether there was one.
    fn delete_template(
        &self,
        kind: frist_policy::TemplateKind,
        case_type: Option<&str>,
        lang: frist_i18n::Lang,
    ) -> impl Future<Output = StoreResult<bool>> + Send;
    /// Every edited template, by kind, case type ("all" first) and language.
    fn templates(&self) -> impl Future<Output = StoreResult<Vec<crate::StoredTemplate>>> + Send;

    /// Stores a token hash (SHA-256 hex of the token) with its name and role.
    fn create_token(
        &self,
        name: &str,
        role: Role,
        token_hash: &str,
    ) -> impl Future<Output = StoreResult<ApiToken>> + Send;
    fn token_by_hash(&self, token_hash: &str)
    -> impl Future<Output = StoreResult<ApiToken>> + Send;

    /// Stores a citizen's status link for an inquiry: the SHA-256 hex of its token. A hash
    /// already stored is a `Conflict`; an unknown inquiry is `NotFound`.
    fn create_status_link(
        &self,
        token_hash: &str,
        id: InquiryId,
        at: Timestamp,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// The inquiry a status link's token hash leads to; `NotFound` when none does.
    fn status_link(&self, token_hash: &str) -> impl Future<Output = StoreResult<InquiryId>> + Send;

    /// Logs that `viewer` saw confidential data of an inquiry (CPR number, body) and why.
    fn log_access(
        &self,
        viewer: &str,
        id: InquiryId,
        what: &str,
        at: Timestamp,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// Who saw confidential data of an inquiry, oldest first (for the data protection officer).
    fn access_log(
        &self,
        id: InquiryId,
    ) -> impl Future<Output = StoreResult<Vec<AccessEntry>>> + Send;

    /// Creates a staff account; a username already taken is a `Conflict`.
    fn create_user(&self, user: &User) -> impl Future<Output = StoreResult<()>> + Send;
    /// The account with this username; `NotFound` when there is none.
    fn user(&self, username: &str) -> impl Future<Output = StoreResult<User>> + Send;
    /// Stores a browser session: the SHA-256 hex of its cookie's token, whose it is, and when it
    /// ends. An unknown user is `NotFound`; a hash already stored is a `Conflict`.
    fn create_session(
        &self,
        token_hash: &str,
        username: &str,
        expires_at: Timestamp,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// The account a session belongs to, when the session exists and has not ended at `now`;
    /// `NotFound` otherwise.
    fn session_user(
        &self,
        token_hash: &str,
        now: Timestamp,
    ) -> impl Future<Output = StoreResult<User>> + Send;
    /// Ends a session (signing out). Ending one that does not exist is not an error.
    fn delete_session(&self, token_hash: &str) -> impl Future<Output = StoreResult<()>> + Send;
    /// Removes the sessions that ended before `now`; returns how many.
    fn delete_expired_sessions(
        &self,
        now: Timestamp,
    ) -> impl Future<Output = StoreResult<u64>> + Send;
    /// Every staff account, by username.
    fn users(&self) -> impl Future<Output = StoreResult<Vec<User>>> + Send;
    /// The account of a person signed in at an OpenID Connect provider: the one linked to their
    /// issuer and subject, with its role set to `who.role`; else the account `who.username`
    /// linked to them when `who.link_existing` allows it; else a new account by that username,
    /// which signs in with no password. A username taken by another account is a `Conflict`.
    fn sign_in_external(
        &self,
        who: &ExternalSignIn,
    ) -> impl Future<Output = StoreResult<User>> + Send;
    /// The text of a stored policy version, exactly as registered.
    fn policy_text(&self, id: PolicyId) -> impl Future<Output = StoreResult<String>> + Send;
}
