//! Storage of e-mail as it arrived: the exact bytes of every message, and what became of it (a
//! new inquiry, a reply added to one, a duplicate, or flagged for a person).
//!
//! The channel (`frist-channels`) parses and routes a message and hands it over as an
//! [`IncomingMail`]; this module decides, inside one transaction, what it comes to:
//! - an identical copy of a stored message (same bytes) is a duplicate and stores nothing;
//! - a different copy of a stored Message-ID is stored raw as a duplicate of the first;
//! - a message that threads to a stored inquiry (by an In-Reply-To/References id of a stored
//!   message, or by an inquiry reference) becomes a `message_received` event on it;
//! - otherwise it becomes a new inquiry (external id = Message-ID), unless the channel flagged
//!   it or the lifecycle refuses it, in which case it is kept raw and flagged with the reason.
//!
//! The raw row and the inquiry (or event) are committed together, so a crash loses neither and
//! running the same mail again never makes a second inquiry: it is a duplicate. That is what
//! lets the IMAP fetcher mark a message on the server only after the commit.
//!
//! These are separate from [`crate::Store`] (a trait of its own, in files of their own) so that
//! channel work does not touch the inquiry storage contract.

use crate::backend::{Backend, observe, reading, writing};
use crate::mail_plan::{prepare, prepare_off_thread};
use crate::ops::mail;
use crate::types::{InquiryId, PolicyVersion, StoreError, StoreResult};
use frist_core::{Event, NewInquiry, Reference};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::future::Future;
use tracing::instrument;

/// The id of a stored e-mail (database key).
pub type MailId = i64;

/// An e-mail as it arrived, with what the channel made of it.
#[derive(Clone)]
pub struct IncomingMail {
    raw: Vec<u8>,
    sha256: String,
    /// The Message-ID without angle brackets; `sha256:<hex>` of the bytes when it has none.
    pub message_id: String,
    /// Where it came from: `imap:ADDRESS/FOLDER` or `file:PATH`.
    pub source: String,
    /// When Frist got it.
    pub received_at: Timestamp,
    /// For lists of flagged mail; CPR numbers are masked when stored.
    pub subject: String,
    pub from: Option<String>,
    pub content: MailContent,
}

impl IncomingMail {
    /// Takes the bytes exactly as received; their SHA-256 identifies an identical copy.
    pub fn new(
        raw: Vec<u8>,
        message_id: Option<String>,
        source: String,
        received_at: Timestamp,
        content: MailContent,
    ) -> Self {
        let sha256 = crate::policies::sha256_hex(&raw);
        let message_id = match message_id.map(|id| id.trim().to_owned()) {
            Some(id) if !id.is_empty() => id,
            _ => format!("sha256:{sha256}"),
        };
        Self {
            raw,
            sha256,
            message_id,
            source,
            received_at,
            subject: String::new(),
            from: None,
            content,
        }
    }

    /// The bytes exactly as received.
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// Hex SHA-256 of [`Self::raw`].
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
}

impl fmt::Debug for IncomingMail {
    /// Without the bytes, the subject or the body: they are confidential.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IncomingMail")
            .field("message_id", &self.message_id)
            .field("source", &self.source)
            .field("bytes", &self.raw.len())
            .field(
                "content",
                &match &self.content {
                    MailContent::Readable(_) => "readable",
                    MailContent::Flagged { .. } => "flagged",
                },
            )
            .finish_non_exhaustive()
    }
}

/// What the channel made of a message.
#[derive(Debug, Clone)]
pub enum MailContent {
    /// Understood: a new inquiry, unless it threads to a stored one.
    Readable(Box<ReadableMail>),
    /// Kept raw for a person, for this reason.
    Flagged { reason: String },
}

/// A message the channel understood and routed.
#[derive(Debug, Clone)]
pub struct ReadableMail {
    /// The inquiry it makes when it does not thread to a stored one (external id = Message-ID).
    pub inquiry: NewInquiry,
    /// Appended to that new inquiry right after its receipt (e.g. a note on why it went to a
    /// substitute).
    pub then: Vec<Event>,
    /// The same message as a `message_received` event, for when it threads to a stored inquiry.
    /// Its instant is moved up to the inquiry's receipt if it lies before it.
    pub as_reply: Event,
    pub thread: ThreadKeys,
    /// The absent owner of the personal mailbox it was sent to (it went to their substitute).
    pub absent_caseworker: Option<String>,
    /// Whether an automatic absence reply is due for it, should it make a new inquiry.
    pub auto_reply: bool,
}

/// What may tie a message to an inquiry already stored, in the order they are tried.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ThreadKeys {
    /// Message-IDs (without angle brackets) it answers: In-Reply-To first, then References
    /// from the newest. One that names a stored message threads to that message's inquiry.
    pub message_ids: Vec<String>,
    /// Inquiry references: typed in the subject, or found inside the ids of our own outgoing
    /// mail (`<HTK-2026-000123.…@…>`). One that names a stored inquiry threads to it.
    pub references: Vec<Reference>,
}

/// What a message came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailOutcome {
    /// It made a new inquiry.
    Inquiry,
    /// It was added to a stored inquiry as a `message_received` event.
    Reply,
    /// A copy of a message already stored.
    Duplicate,
    /// Kept raw for a person.
    Flagged,
}

impl MailOutcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inquiry => "inquiry",
            Self::Reply => "reply",
            Self::Duplicate => "duplicate",
            Self::Flagged => "flagged",
        }
    }

    pub(crate) fn parse(s: &str) -> Option<Self> {
        [Self::Inquiry, Self::Reply, Self::Duplicate, Self::Flagged]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// The result of storing one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailReceipt {
    pub outcome: MailOutcome,
    /// The stored row; for an identical copy, the row stored before (nothing new was stored).
    pub mail_id: MailId,
    /// The inquiry it made, was added to, or is a copy of.
    pub inquiry_id: Option<InquiryId>,
    pub flag_reason: Option<String>,
    /// An absence auto-reply is due (it made a new inquiry for an absent caseworker's substitute,
    /// and the channel found a reply allowed).
    pub auto_reply_due: bool,
}

/// How many messages came to what: the summary of an import or a fetch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MailCounts {
    pub read: u64,
    /// New inquiries and replies added to stored ones.
    pub imported: u64,
    pub duplicates: u64,
    pub flagged: u64,
    /// Of `imported`, the replies.
    #[serde(skip)]
    pub replies: u64,
    /// Absence auto-replies found due.
    #[serde(skip)]
    pub auto_replies_due: u64,
}

impl MailCounts {
    pub fn count(&mut self, receipt: &MailReceipt) {
        self.read += 1;
        match receipt.outcome {
            MailOutcome::Inquiry => self.imported += 1,
            MailOutcome::Reply => {
                self.imported += 1;
                self.replies += 1;
            }
            MailOutcome::Duplicate => self.duplicates += 1,
            MailOutcome::Flagged => self.flagged += 1,
        }
        self.auto_replies_due += u64::from(receipt.auto_reply_due);
    }

    pub fn add(&mut self, other: MailCounts) {
        self.read += other.read;
        self.imported += other.imported;
        self.duplicates += other.duplicates;
        self.flagged += other.flagged;
        self.replies += other.replies;
        self.auto_replies_due += other.auto_replies_due;
    }
}

/// A stored message as lists show it: no bytes, subject masked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMail {
    pub id: MailId,
    pub message_id: String,
    pub source: String,
    pub received_at: Timestamp,
    pub outcome: MailOutcome,
    pub inquiry_id: Option<InquiryId>,
    pub flag_reason: Option<String>,
    pub subject: String,
    pub from: Option<String>,
    pub absent_caseworker: Option<String>,
    pub auto_reply_due: bool,
    /// Size of the raw message in bytes.
    pub size: u64,
}

/// A page of flagged mail, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailPage {
    pub items: Vec<StoredMail>,
    /// Opaque; pass back for the next page. `None` on the last page.
    pub next_cursor: Option<String>,
}

/// Storage of e-mail. Writes return after a durable commit.
pub trait MailStore: Send + Sync {
    /// Stores one message and what it comes to (see the module documentation), in one
    /// transaction.
    fn receive_mail(
        &self,
        mail: IncomingMail,
        policy: &PolicyVersion,
    ) -> impl Future<Output = StoreResult<MailReceipt>> + Send;
    /// Many messages in few transactions (bulk import), one receipt per message in order.
    /// Messages thread and deduplicate within the batch too, in any order inside one batch;
    /// across batches, a reply threads to an original stored in an earlier batch.
    fn import_mail(
        &self,
        batch: Vec<IncomingMail>,
        policy: &PolicyVersion,
    ) -> impl Future<Output = StoreResult<Vec<MailReceipt>>> + Send;
    /// Messages kept for a person, oldest first.
    fn flagged_mail(
        &self,
        cursor: Option<&str>,
        limit: u32,
    ) -> impl Future<Output = StoreResult<MailPage>> + Send;
    /// The messages of an inquiry (the first, replies, copies), oldest first.
    fn mail_of_inquiry(
        &self,
        id: InquiryId,
    ) -> impl Future<Output = StoreResult<Vec<StoredMail>>> + Send;
    /// The exact bytes of a stored message; `NotFound` when there is none.
    fn mail_raw(&self, id: MailId) -> impl Future<Output = StoreResult<Vec<u8>>> + Send;
    /// Messages whose absence auto-reply is due, oldest first: for the outbox to send.
    fn auto_replies_due(
        &self,
        limit: u32,
    ) -> impl Future<Output = StoreResult<Vec<StoredMail>>> + Send;
    /// Records that the auto-reply for message `id` was handed to the outbox (or will not be
    /// sent); `NotFound` when none is due for it.
    fn auto_reply_handled(&self, id: MailId) -> impl Future<Output = StoreResult<()>> + Send;
}

/// Batches smaller than this are prepared on the calling task.
const PREPARE_INLINE: usize = 16;

impl<B: Backend> MailStore for B {
    #[instrument(skip_all, fields(backend = self.name(), source = %mail.source))]
    async fn receive_mail(
        &self,
        mail: IncomingMail,
        policy: &PolicyVersion,
    ) -> StoreResult<MailReceipt> {
        self.import_mail(vec![mail], policy)
            .await?
            .pop()
            .ok_or_else(|| StoreError::Other("storing the message returned nothing".into()))
    }

    #[instrument(skip_all, fields(backend = self.name(), messages = batch.len()))]
    async fn import_mail(
        &self,
        batch: Vec<IncomingMail>,
        policy: &PolicyVersion,
    ) -> StoreResult<Vec<MailReceipt>> {
        observe(
            async {
                let prepared = if batch.len() < PREPARE_INLINE {
                    prepare(batch, &policy.policy)
                } else {
                    prepare_off_thread(batch, std::sync::Arc::clone(&policy.policy)).await?
                };
                self.store_mail(prepared, policy.id).await
            }
            .await,
        )
    }

    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn flagged_mail(&self, cursor: Option<&str>, limit: u32) -> StoreResult<MailPage> {
        reading!(self, |c| mail::flagged(c, cursor, limit))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn mail_of_inquiry(&self, id: InquiryId) -> StoreResult<Vec<StoredMail>> {
        reading!(self, |c| mail::of_inquiry(c, id))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn mail_raw(&self, id: MailId) -> StoreResult<Vec<u8>> {
        reading!(self, |c| mail::raw(c, id))
    }

    #[instrument(skip_all, fields(backend = self.name(), limit))]
    async fn auto_replies_due(&self, limit: u32) -> StoreResult<Vec<StoredMail>> {
        reading!(self, |c| mail::auto_replies_due(c, limit))
    }

    #[instrument(skip_all, fields(backend = self.name(), id))]
    async fn auto_reply_handled(&self, id: MailId) -> StoreResult<()> {
        writing!(self, move |c| mail::auto_reply_handled(c, id))
    }
}

/// A `mail_messages` row as lists read it (both backends).
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct MailRecord {
    pub id: i64,
    pub message_id: String,
    pub source: String,
    pub received_at: i64,
    pub outcome: String,
    pub inquiry_id: Option<i64>,
    pub flag_reason: Option<String>,
    pub subject: String,
    pub from_address: Option<String>,
    pub absent_caseworker: Option<String>,
    pub auto_reply_due: bool,
    pub size: i64,
}

/// The columns of [`MailRecord`], for `SELECT {MAIL_COLUMNS} FROM mail_messages`; `size` is the
/// byte length of `raw`, read without the bytes (`length` counts bytes of a BLOB and a bytea).
pub(crate) const MAIL_COLUMNS: &str = "id, message_id, source, received_at, outcome, inquiry_id, \
     flag_reason, subject, from_address, absent_caseworker, auto_reply_due, \
     CAST(length(raw) AS BIGINT) AS size";

impl MailRecord {
    pub(crate) fn into_stored(self) -> StoreResult<StoredMail> {
        let outcome = MailOutcome::parse(&self.outcome).ok_or_else(|| {
            crate::types::StoreError::Other(format!(
                "stored mail {}: \"{}\" is not an outcome",
                self.id, self.outcome
            ))
        })?;
        Ok(StoredMail {
            id: self.id,
            message_id: self.message_id,
            source: self.source,
            received_at: crate::time::from_db(self.received_at)?,
            outcome,
            inquiry_id: self.inquiry_id,
            flag_reason: self.flag_reason,
            subject: self.subject,
            from: self.from_address,
            absent_caseworker: self.absent_caseworker,
            auto_reply_due: self.auto_reply_due,
            size: u64::try_from(self.size).unwrap_or_default(),
        })
    }
}

/// A page from up to `limit + 1` records: the extra one only says there is a next page.
pub(crate) fn mail_page(records: Vec<MailRecord>, limit: u32) -> StoreResult<MailPage> {
    let limit = usize::try_from(limit).unwrap_or(usize::MAX);
    let more = records.len() > limit;
    let items = records
        .into_iter()
        .take(limit)
        .map(MailRecord::into_stored)
        .collect::<StoreResult<Vec<_>>>()?;
    let next_cursor = match (more, items.last()) {
        (true, Some(last)) => Some(format!("{:016x}", last.id)),
        _ => None,
    };
    Ok(MailPage { items, next_cursor })
}

/// The id after which a page starts (0 for the first page).
pub(crate) fn mail_cursor(cursor: Option<&str>) -> StoreResult<i64> {
    let Some(text) = cursor else {
        return Ok(0);
    };
    let bad =
        || crate::types::StoreError::Invalid("the cursor is not one this store issued".into());
    if text.len() != 16 {
        return Err(bad());
    }
    u64::from_str_radix(text, 16)
        .ok()
        .and_then(|n| i64::try_from(n).ok())
        .ok_or_else(bad)
}

/// The most rows a page of mail may have.
pub(crate) const MAX_MAIL_PAGE: u32 = 500;
