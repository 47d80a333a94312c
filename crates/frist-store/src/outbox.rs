//! The outbox: outgoing messages waiting for their channel, as stored by both backends.
//!
//! A message is recorded on its inquiry (`message_sent`) only when the channel's server accepted
//! it, in the same transaction that marks its row sent. A row is marked `sending` durably before
//! it is handed to a server; a row still `sending` when the dispatcher starts again may have
//! been delivered, so it becomes `uncertain` and waits for a person instead of being resent.
//!
//! Lists ([`OutboxSummary`]) carry no body and no recipient: a recipient can be a CPR reference.

use crate::time::from_db;
use crate::types::{InquiryId, StoreError, StoreResult};
use frist_core::{MessageKind, OutgoingMessage};
use frist_policy::Channel;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::str::FromStr;

/// An outbox row's id.
pub type OutboxId = i64;

/// Where an outgoing message is on its way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting for its next attempt.
    Queued,
    /// Handed to the channel; the answer is not known yet.
    Sending,
    /// Accepted by the channel's server and recorded on the inquiry.
    Sent,
    /// Refused for good, or out of attempts.
    Failed,
    /// Interrupted while sending: may or may not have arrived. A person decides.
    Uncertain,
}

impl OutboxState {
    pub const ALL: [Self; 5] = [
        Self::Queued,
        Self::Sending,
        Self::Sent,
        Self::Failed,
        Self::Uncertain,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Queued => "queued",
            Self::Sending => "sending",
            Self::Sent => "sent",
            Self::Failed => "failed",
            Self::Uncertain => "uncertain",
        }
    }
}

impl FromStr for OutboxState {
    type Err = StoreError;

    fn from_str(s: &str) -> StoreResult<Self> {
        Self::ALL
            .into_iter()
            .find(|state| state.as_str() == s)
            .ok_or_else(|| {
                StoreError::Invalid(format!(
                    "\"{}\" is not an outbox state (queued, sending, sent, failed, uncertain)",
                    s.chars().take(20).collect::<String>()
                ))
            })
    }
}

/// A message to put in the outbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewOutboxItem {
    pub inquiry_id: InquiryId,
    /// The message; its `channel` is the channel it goes by.
    pub message: OutgoingMessage,
    /// What the channel addresses: an e-mail address, a CPR reference, a PSID, a postal address.
    pub recipient: String,
    /// Our Message-ID, e.g. `<HTK-2026-000123.5f3a…@kommune.dk>`; unique.
    pub message_id: String,
    /// Who sent it (user name); becomes the actor of the `message_sent` event.
    pub actor: Option<String>,
    pub created_at: Timestamp,
    /// A new status link for the citizen, in clear: queueing stores its hash as a link to the
    /// inquiry, and keeps the token in the row until delivery, when the text is composed.
    pub status_token: Option<String>,
}

/// An outbox row with its message (confidential: never log it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxItem {
    pub id: OutboxId,
    pub inquiry_id: InquiryId,
    pub message: OutgoingMessage,
    pub recipient: String,
    pub message_id: String,
    pub actor: Option<String>,
    pub state: OutboxState,
    /// Attempts started so far.
    pub attempts: u32,
    pub next_attempt_at: Timestamp,
    /// Why the last attempt did not succeed, in words that carry no body or CPR number.
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
    /// The status link's token while the message waits to be delivered (the link is said in
    /// the text made at delivery); `None` once it is sent or failed, and for messages without
    /// a link.
    pub status_token: Option<String>,
}

impl OutboxItem {
    pub fn summary(&self) -> OutboxSummary {
        OutboxSummary {
            id: self.id,
            inquiry_id: self.inquiry_id,
            channel: self.message.channel,
            kind: self.message.kind,
            message_id: self.message_id.clone(),
            state: self.state,
            attempts: self.attempts,
            next_attempt_at: self.next_attempt_at,
            last_error: self.last_error.clone(),
            created_at: self.created_at,
            sent_at: self.sent_at,
        }
    }
}

/// An outbox row for lists: no body, no recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxSummary {
    pub id: OutboxId,
    pub inquiry_id: InquiryId,
    pub channel: Channel,
    pub kind: MessageKind,
    pub message_id: String,
    pub state: OutboxState,
    pub attempts: u32,
    pub next_attempt_at: Timestamp,
    pub last_error: Option<String>,
    pub created_at: Timestamp,
    pub sent_at: Option<Timestamp>,
}

/// The outbox's storage. Every method is one transaction; writes return after a durable commit.
pub trait OutboxStore: Send + Sync {
    /// Queues a message, due at once, and appends its `message_queued` event in the same
    /// transaction: the message counts from now. With a `status_token`, the link is stored
    /// in the same transaction. An unknown inquiry is `NotFound`; a Message-ID
    /// already used is a `Conflict`; a message the lifecycle refuses is `Refused` and is not
    /// queued.
    fn enqueue(&self, new: NewOutboxItem) -> impl Future<Output = StoreResult<OutboxItem>> + Send;
    /// Appends `event` to the inquiry and queues `new` (a message about it, e.g. the notice of
    /// an extension) in one transaction: both are stored, or neither. A refusal by the
    /// lifecycle is `Refused` and queues nothing.
    fn append_and_enqueue(
        &self,
        event: frist_core::Event,
        new: NewOutboxItem,
    ) -> impl Future<Output = StoreResult<(crate::StoredInquiry, OutboxItem)>> + Send;
    /// Takes up to `limit` queued rows due at `now` on one of `channels`, oldest due first, and
    /// marks them `sending` (one more attempt) before returning them. Concurrent claims never
    /// return the same row.
    fn claim_due(
        &self,
        now: Timestamp,
        channels: &[Channel],
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<OutboxItem>>> + Send;
    /// The channel accepted the message (or a person confirms it arrived): marks the row sent
    /// at `at` and appends `message_sent` (at `at`, by the row's actor) to the inquiry, in one
    /// transaction. Only a `sending` or `uncertain` row can be marked sent (else `Conflict`).
    /// Should the lifecycle refuse the event (the inquiry was closed meanwhile), the row is
    /// still marked sent — it was delivered — and the refusal is kept as its `last_error`.
    /// The row's status token is dropped: the link's hash stays in `status_links`.
    fn mark_sent(
        &self,
        id: OutboxId,
        at: Timestamp,
    ) -> impl Future<Output = StoreResult<OutboxItem>> + Send;
    /// A transient failure: a `sending` row goes back to `queued` until `next_attempt_at`.
    fn retry_later(
        &self,
        id: OutboxId,
        error: &str,
        next_attempt_at: Timestamp,
    ) -> impl Future<Output = StoreResult<OutboxItem>> + Send;
    /// A permanent failure (or no attempts left): a `sending` row becomes `failed`, and
    /// `message_failed` (at `at`) takes back what queueing it met, in one transaction. Like
    /// [`Self::mark_sent`], it drops the row's status token.
    fn mark_failed(
        &self,
        id: OutboxId,
        error: &str,
        at: Timestamp,
    ) -> impl Future<Output = StoreResult<OutboxItem>> + Send;
    /// At start-up, before any claim: every row left `sending` by an interrupted run becomes
    /// `uncertain`. Returns how many.
    fn recover_interrupted(&self) -> impl Future<Output = StoreResult<u64>> + Send;
    /// A person decides to send an `uncertain` or `failed` row again: it is queued, due at `now`.
    /// A failed row counts again from `now` (`message_queued`).
    /// A failed row whose kind carries a status link gets a new link (its token was dropped
    /// when it failed).
    fn requeue(
        &self,
        id: OutboxId,
        now: Timestamp,
    ) -> impl Future<Output = StoreResult<OutboxItem>> + Send;
    /// "Lost your link?": revokes every status link of the inquiry (and drops the tokens of its
    /// messages still waiting, so that none carries a revoked link), then queues `new` with its
    /// new link (`status_token`), in one transaction.
    fn replace_status_links(
        &self,
        new: NewOutboxItem,
    ) -> impl Future<Output = StoreResult<OutboxItem>> + Send;
    fn outbox_item(&self, id: OutboxId) -> impl Future<Output = StoreResult<OutboxItem>> + Send;
    /// An inquiry's outgoing messages, oldest first.
    fn outbox_for_inquiry(
        &self,
        inquiry_id: InquiryId,
    ) -> impl Future<Output = StoreResult<Vec<OutboxSummary>>> + Send;
}

/// The columns [`OutboxRecord`] reads.
pub(crate) const OUTBOX_COLUMNS: &str = "id, inquiry_id, channel, kind, message, recipient, \
     message_id, actor, state, attempts, next_attempt_at, last_error, created_at, sent_at, \
     status_token";

/// An outbox row as read from either backend.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct OutboxRecord {
    pub id: i64,
    pub inquiry_id: i64,
    pub channel: String,
    pub kind: String,
    pub message: String,
    pub recipient: String,
    pub message_id: String,
    pub actor: Option<String>,
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: i64,
    pub last_error: Option<String>,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub status_token: Option<String>,
}

impl OutboxRecord {
    fn bad(&self, column: &str) -> StoreError {
        StoreError::Other(format!(
            "outbox row {}: stored {column} is not valid",
            self.id
        ))
    }

    fn state(&self) -> StoreResult<OutboxState> {
        self.state.parse().map_err(|_| self.bad("state"))
    }

    pub(crate) fn into_item(self) -> StoreResult<OutboxItem> {
        // serde_json's message could quote the body: say only which row.
        let message: OutgoingMessage =
            serde_json::from_str(&self.message).map_err(|_| self.bad("message"))?;
        Ok(OutboxItem {
            id: self.id,
            inquiry_id: self.inquiry_id,
            state: self.state()?,
            attempts: u32::try_from(self.attempts).map_err(|_| self.bad("attempts"))?,
            next_attempt_at: from_db(self.next_attempt_at)?,
            created_at: from_db(self.created_at)?,
            sent_at: self.sent_at.map(from_db).transpose()?,
            message,
            recipient: self.recipient,
            message_id: self.message_id,
            actor: self.actor,
            last_error: self.last_error,
            status_token: self.status_token,
        })
    }

    pub(crate) fn into_summary(self) -> StoreResult<OutboxSummary> {
        let channel = Channel::from_str(&self.channel).map_err(|_| self.bad("channel"))?;
        let kind: MessageKind =
            serde_json::from_value(serde_json::Value::String(self.kind.clone()))
                .map_err(|_| self.bad("kind"))?;
        Ok(OutboxSummary {
            id: self.id,
            inquiry_id: self.inquiry_id,
            channel,
            kind,
            state: self.state()?,
            attempts: u32::try_from(self.attempts).map_err(|_| self.bad("attempts"))?,
            next_attempt_at: from_db(self.next_attempt_at)?,
            created_at: from_db(self.created_at)?,
            sent_at: self.sent_at.map(from_db).transpose()?,
            message_id: self.message_id,
            last_error: self.last_error,
        })
    }
}

/// The `kind` column: the message kind's wire name.
pub(crate) fn kind_name(kind: MessageKind) -> StoreResult<String> {
    match serde_json::to_value(kind) {
        Ok(serde_json::Value::String(s)) => Ok(s),
        _ => Err(StoreError::Other("a message kind has no name".into())),
    }
}

/// The `message` column.
pub(crate) fn message_json(message: &OutgoingMessage) -> StoreResult<String> {
    serde_json::to_string(message)
        .map_err(|_| StoreError::Other("the message could not be written as JSON".into()))
}

/// Why a transition did not apply to a row that exists.
pub(crate) fn wrong_state(id: OutboxId, state: &str, wanted: &str) -> StoreError {
    StoreError::Conflict(format!(
        "outbox row {id} is {state}, not {wanted}; nothing was changed"
    ))
}

/// The text kept when the lifecycle refused to record a delivered message.
pub(crate) fn not_recorded(e: &frist_core::LifecycleError) -> String {
    format!("delivered, but not recorded on the inquiry: {e}")
}

/// Why a row left `sending` without an answer.
pub(crate) const INTERRUPTED: &str =
    "interrupted while sending: the message may have been delivered; check before resending";
