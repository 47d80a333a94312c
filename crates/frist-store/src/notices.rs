//! Notices to staff — the daily digest, a warning before a deadline, an escalation after it,
//! the monthly report to leads — stored in the outbox beside the messages to citizens (issue
//! 13), and the scheduler's view of the open obligations it decides them from.
//!
//! A notice is queued under an idempotency key (`warning:42:HTK-1`, `digest:mette:2026-12-07`)
//! that is unique in the outbox: queueing the same key again does nothing, so a second run of
//! the scheduler, a run after a crash, or a second node never queues a notice twice. From there
//! it travels like any outbox row: `queued` → `sending` → `sent` (or `failed`, or `uncertain`
//! when a run was interrupted while sending). Unlike a message to a citizen it appends no event
//! to any inquiry.
//!
//! Lists ([`OutboxEntry`]) carry no body and no recipient.

use crate::outbox::{OutboxId, OutboxState};
use crate::time::from_db;
use crate::types::{InquiryId, PolicyId, StoreError, StoreResult};
use frist_policy::Channel;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::str::FromStr;

/// What a notice to staff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A caseworker's overview at the start of a working day.
    Digest,
    /// A deadline is near: to its owner, or to the unit when nobody owns it.
    Warning,
    /// A deadline has passed: to the unit's lead.
    Escalation,
    /// Last month's compliance figures: to a unit's lead.
    MonthlyReport,
}

impl NoticeKind {
    pub const ALL: [Self; 4] = [
        Self::Digest,
        Self::Warning,
        Self::Escalation,
        Self::MonthlyReport,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Digest => "digest",
            Self::Warning => "warning",
            Self::Escalation => "escalation",
            Self::MonthlyReport => "monthly_report",
        }
    }
}

impl FromStr for NoticeKind {
    type Err = StoreError;

    fn from_str(s: &str) -> StoreResult<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| StoreError::Invalid("not a kind of notice to staff".into()))
    }
}

/// The words of a notice: a subject, a plain-text body and the page it points to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeText {
    pub subject: String,
    pub body: String,
    /// The page the notice is about, as an absolute URL (the inquiry, the queue, the report).
    pub link: Option<String>,
    /// A digest's memory: the open inquiries its person had when it was made, so that the
    /// next digest can say which were handed to them since.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mine: Vec<InquiryId>,
}

/// A notice to queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNotice {
    /// The idempotency key: the same notice has the same key on every run.
    pub key: String,
    pub kind: NoticeKind,
    /// The member of staff it is for (a user name).
    pub person: String,
    /// Their e-mail address.
    pub recipient: String,
    /// The inquiry it is about, if any.
    pub inquiry_id: Option<InquiryId>,
    pub text: NoticeText,
    /// Our Message-ID; unique like the key.
    pub message_id: String,
    pub created_at: Timestamp,
    /// When the dispatcher may send it: at once, normally; `created_at` when a pass runs at an
    /// instant in the past.
    pub due_at: Timestamp,
}

/// A stored notice (its text is confidential enough not to be logged: it names inquiries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub id: OutboxId,
    pub key: String,
    pub kind: NoticeKind,
    pub person: String,
    pub recipient: String,
    pub inquiry_id: Option<InquiryId>,
    pub text: NoticeText,
    pub message_id: String,
    pub state: OutboxState,
    pub attempts: u32,
    pub next_attempt_at: Timestamp,
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
}

/// A row of `frist outbox list`: a message to a citizen or a notice to staff, without body or
/// recipient. `kind` is the message's kind (`answer`, `acknowledgment`, …) or the notice's
/// (`digest`, `warning`, `escalation`, `monthly_report`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub id: OutboxId,
    pub inquiry_id: Option<InquiryId>,
    /// The member of staff a notice is for; `None` for a message to a citizen.
    pub person: Option<String>,
    pub channel: Channel,
    pub kind: String,
    pub message_id: String,
    pub state: OutboxState,
    pub attempts: u32,
    pub next_attempt_at: Timestamp,
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
}

/// An open obligation as the scheduler sees it: not met, waived or paused, of an inquiry that
/// is not closed, with what it needs to decide a warning or an escalation and to say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenObligation {
    pub inquiry_id: InquiryId,
    pub policy_id: PolicyId,
    pub reference: String,
    /// CPR numbers masked, as in every list.
    pub subject: String,
    pub unit: Option<String>,
    pub caseworker: Option<String>,
    pub received_at: Timestamp,
    pub goal: String,
    pub due_at: Timestamp,
    pub due_date: Date,
}

/// Where a scan of the open obligations goes on from: the last row's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ObligationCursor {
    pub due_at: i64,
    pub inquiry_id: InquiryId,
    pub position: i64,
}

/// Notices' storage. Every method is one transaction; writes return after a durable commit.
pub trait NoticeStore: Send + Sync {
    /// Queues the notices whose key is not in the outbox yet, due at their `created_at`, in one
    /// transaction; returns how many were new. A key already there (queued, sent or failed) is
    /// left as it is.
    fn queue_notices(
        &self,
        notices: Vec<NewNotice>,
    ) -> impl Future<Output = StoreResult<u64>> + Send;
    /// Takes up to `limit` queued notices due at `now`, oldest due first, and marks them
    /// `sending` (one more attempt) before returning them.
    fn claim_notices(
        &self,
        now: Timestamp,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<Notice>>> + Send;
    /// The mail server accepted it (or a person confirms it arrived): a `sending` or
    /// `uncertain` notice becomes `sent`.
    fn notice_sent(
        &self,
        id: OutboxId,
        at: Timestamp,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// A transient failure: a `sending` notice is queued again for `next_attempt_at`.
    fn notice_retry(
        &self,
        id: OutboxId,
        error: &str,
        next_attempt_at: Timestamp,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// A permanent failure: a `sending` notice becomes `failed`.
    fn notice_failed(
        &self,
        id: OutboxId,
        error: &str,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// A person sends an `uncertain` or `failed` notice again: queued, due at `now`.
    fn requeue_notice(
        &self,
        id: OutboxId,
        now: Timestamp,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// One outbox row as listed; `NotFound` when there is none.
    fn outbox_entry(&self, id: OutboxId) -> impl Future<Output = StoreResult<OutboxEntry>> + Send;
    /// A page of the outbox (messages and notices) by id, optionally in one state: rows with
    /// id > `after`.
    fn list_outbox(
        &self,
        state: Option<OutboxState>,
        after: Option<OutboxId>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<OutboxEntry>>> + Send;
    /// A person's notices, newest first: up to `limit` with id below `before`.
    fn notices_for(
        &self,
        person: &str,
        before: Option<OutboxId>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<Notice>>> + Send;
    /// The inquiries a person's latest digest counted as theirs; `None` without one.
    fn last_digest_mine(
        &self,
        person: &str,
    ) -> impl Future<Output = StoreResult<Option<Vec<InquiryId>>>> + Send;
    /// Whether the person wants a daily digest (yes unless they turned it off).
    fn wants_digest(&self, person: &str) -> impl Future<Output = StoreResult<bool>> + Send;
    fn set_wants_digest(
        &self,
        person: &str,
        on: bool,
    ) -> impl Future<Output = StoreResult<()>> + Send;
    /// Everyone who turned the digest off.
    fn digest_opt_outs(&self) -> impl Future<Output = StoreResult<Vec<String>>> + Send;
    /// A page of the open obligations in order of their due instant, after `after`.
    fn open_obligations(
        &self,
        after: Option<ObligationCursor>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<(Vec<OpenObligation>, Option<ObligationCursor>)>> + Send;
}

/// The columns [`NoticeRecord`] reads.
pub(crate) const NOTICE_COLUMNS: &str = "id, idempotency_key, kind, person, recipient, \
     inquiry_id, message, message_id, state, attempts, next_attempt_at, last_error, created_at, \
     sent_at";

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct NoticeRecord {
    pub id: i64,
    pub idempotency_key: Option<String>,
    pub kind: String,
    pub person: Option<String>,
    pub recipient: String,
    pub inquiry_id: Option<i64>,
    pub message: String,
    pub message_id: String,
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

fn bad(id: i64, column: &str) -> StoreError {
    StoreError::Other(format!("outbox row {id}: stored {column} is not valid"))
}

impl NoticeRecord {
    pub(crate) fn into_notice(self) -> StoreResult<Notice> {
        let id = self.id;
        let text: NoticeText =
            serde_json::from_str(&self.message).map_err(|_| bad(id, "message"))?;
        Ok(Notice {
            id,
            key: self
                .idempotency_key
                .ok_or_else(|| bad(id, "idempotency key"))?,
            kind: self.kind.parse().map_err(|_| bad(id, "kind"))?,
            person: self.person.ok_or_else(|| bad(id, "person"))?,
            recipient: self.recipient,
            inquiry_id: self.inquiry_id,
            text,
            message_id: self.message_id,
            state: self.state.parse().map_err(|_| bad(id, "state"))?,
            attempts: u32::try_from(self.attempts).map_err(|_| bad(id, "attempts"))?,
            next_attempt_at: from_db(self.next_attempt_at)?,
            last_error: self.last_error,
            created_at: from_db(self.created_at)?,
            sent_at: self.sent_at.map(from_db).transpose()?,
        })
    }
}

/// The columns [`EntryRecord`] reads.
pub(crate) const ENTRY_COLUMNS: &str = "id, inquiry_id, person, channel, kind, message_id, \
     state, attempts, next_attempt_at, last_error, created_at, sent_at";

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct EntryRecord {
    pub id: i64,
    pub inquiry_id: Option<i64>,
    pub person: Option<String>,
    pub channel: String,
    pub kind: String,
    pub message_id: String,
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
}

impl EntryRecord {
    pub(crate) fn into_entry(self) -> StoreResult<OutboxEntry> {
        let id = self.id;
        Ok(OutboxEntry {
            id,
            inquiry_id: self.inquiry_id,
            person: self.person,
            channel: Channel::from_str(&self.channel).map_err(|_| bad(id, "channel"))?,
            kind: self.kind,
            message_id: self.message_id,
            state: self.state.parse().map_err(|_| bad(id, "state"))?,
            attempts: u32::try_from(self.attempts).map_err(|_| bad(id, "attempts"))?,
            next_attempt_at: from_db(self.next_attempt_at)?,
            last_error: self.last_error,
            created_at: from_db(self.created_at)?,
            sent_at: self.sent_at.map(from_db).transpose()?,
        })
    }
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct OpenObligationRecord {
    pub due_at: i64,
    pub inquiry_id: i64,
    pub position: i64,
    pub goal: String,
    pub due_date: String,
    pub policy_id: i64,
    pub reference: String,
    pub subject: String,
    pub unit: Option<String>,
    pub caseworker: Option<String>,
    pub received_at: i64,
}

impl OpenObligationRecord {
    pub(crate) fn cursor(&self) -> ObligationCursor {
        ObligationCursor {
            due_at: self.due_at,
            inquiry_id: self.inquiry_id,
            position: self.position,
        }
    }

    pub(crate) fn into_open(self) -> StoreResult<OpenObligation> {
        let id = self.inquiry_id;
        let due_date = self.due_date.parse().map_err(|_| {
            StoreError::Other(format!("inquiry {id}: a stored due date is not a date"))
        })?;
        Ok(OpenObligation {
            inquiry_id: id,
            policy_id: self.policy_id,
            reference: self.reference,
            subject: self.subject,
            unit: self.unit,
            caseworker: self.caseworker,
            received_at: from_db(self.received_at)?,
            goal: self.goal,
            due_at: from_db(self.due_at)?,
            due_date,
        })
    }
}
