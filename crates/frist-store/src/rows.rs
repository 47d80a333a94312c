//! What a projection looks like as rows, shared by both backends: the inquiry's summary
//! columns (what the queue sorts and filters on), one row per obligation (what compliance
//! reports aggregate), and an event's row. Also the way back, from stored text to domain values.
//!
//! Summaries never carry a CPR number: subject and sender name are masked here, once, so no
//! list query can show one.

use crate::cursor::Cursor;
use crate::time::{from_db, to_db, to_db_clamped};
use crate::types::{InquiryId, InquirySummary, PolicyId, StoreError, StoreResult};
use frist_core::{Event, Inquiry, InquiryState, Reference};
use frist_policy::{Channel, Requirement};
use std::str::FromStr;

/// `queue_key` of an open inquiry with no open obligation: after every deadline.
pub(crate) const NO_DEADLINE: i64 = i64::MAX - 1;
/// `queue_key` of a closed inquiry: after every open one, so that "open only" and "closed only"
/// are ranges of the key and every `(…, queue_key, id)` index serves them.
pub(crate) const CLOSED_KEY: i64 = i64::MAX;

/// The `inquiries` row of a projection, without its id and policy.
#[derive(Debug, Clone)]
pub(crate) struct InquiryRow {
    pub reference: String,
    pub channel: &'static str,
    pub external_id: Option<String>,
    pub state: &'static str,
    pub unit: Option<String>,
    pub caseworker: Option<String>,
    pub kind: &'static str,
    pub received_at: i64,
    pub subject: String,
    pub sender_name: Option<String>,
    /// The sender's phone number and e-mail address as searched for (front desk).
    pub sender_phone: Option<String>,
    pub sender_email: Option<String>,
    /// `sender_name` in lower case, for the search by the start of a name.
    pub sender_name_key: Option<String>,
    /// Nearest `due_at` among open obligations (not met, not waived), paused ones included.
    pub next_due_at: Option<i64>,
    pub next_requires: Option<&'static str>,
    /// Nearest `due_at` among open obligations that are not paused: breached ones lie before
    /// "now", so "breached at" is a range condition.
    pub next_unpaused_due_at: Option<i64>,
    /// `next_due_at`, or [`NO_DEADLINE`], or [`CLOSED_KEY`] when closed: the queue's sort key
    /// (NULLs last without NULLs, closed ones after them).
    pub queue_key: i64,
    pub projection: String,
    /// Number of events stored, i.e. the `seq` of the last one.
    pub version: i64,
}

impl InquiryRow {
    pub(crate) fn of(inquiry: &Inquiry, version: i64) -> StoreResult<Self> {
        // A closed inquiry needs nothing more: it leaves the queue's deadlines (an obligation
        // it left unmet still counts as breached in the reports, from the obligation rows).
        let closed = inquiry.state == frist_core::InquiryState::Closed;
        let open = inquiry
            .obligations
            .iter()
            .filter(|o| o.is_open() && !closed);
        let next = open.clone().min_by_key(|o| o.due_at);
        let next_unpaused = open
            .filter(|o| o.paused_since.is_none())
            .map(|o| o.due_at)
            .min();
        let next_due_at = next.map(|o| to_db(o.due_at)).transpose()?;
        let received = &inquiry.received;
        Ok(Self {
            reference: inquiry.reference.to_string(),
            channel: received.channel.as_str(),
            external_id: received.external_id.clone(),
            state: inquiry.state.as_str(),
            unit: inquiry.unit.clone(),
            caseworker: inquiry.caseworker.clone(),
            kind: inquiry.kind.as_str(),
            received_at: to_db(received.received_at)?,
            subject: frist_core::cpr::mask(&received.subject),
            sender_name: received.sender.name.as_deref().map(frist_core::cpr::mask),
            sender_name_key: received
                .sender
                .name
                .as_deref()
                .map(|n| frist_core::cpr::mask(n).to_lowercase()),
            sender_phone: received
                .sender
                .phone
                .as_deref()
                .and_then(frist_core::phone_key),
            sender_email: received
                .sender
                .email
                .as_deref()
                .and_then(frist_core::email_key),
            next_due_at,
            next_requires: next.map(|o| o.requires.as_str()),
            next_unpaused_due_at: next_unpaused.map(to_db).transpose()?,
            queue_key: if closed {
                CLOSED_KEY
            } else {
                next_due_at.unwrap_or(NO_DEADLINE)
            },
            projection: serde_json::to_string(inquiry).map_err(|e| unwritable("projection", &e))?,
            version,
        })
    }
}

/// One `obligations` row: an obligation of the projection, with the inquiry's current unit and
/// its channel so that reports group without a join.
#[derive(Debug, Clone)]
pub(crate) struct ObligationRow {
    pub position: i32,
    pub goal: String,
    pub requires: &'static str,
    pub channel: &'static str,
    pub unit: Option<String>,
    pub due_at: i64,
    /// The local (Copenhagen) date of `due_at`, "YYYY-MM-DD"; its first 7 characters are the
    /// month a report groups by.
    pub due_date: String,
    pub met_at: Option<i64>,
    /// Working days from receipt to meeting (see `TrackedObligation::met_working_days`).
    pub met_working_days: Option<i64>,
    pub waived: bool,
    pub paused: bool,
    /// The inquiry's case type, for reports by case type.
    pub case_type: Option<String>,
}

pub(crate) fn obligation_rows(inquiry: &Inquiry) -> StoreResult<Vec<ObligationRow>> {
    let mut rows = Vec::with_capacity(inquiry.obligations.len());
    for (position, o) in inquiry.obligations.iter().enumerate() {
        rows.push(ObligationRow {
            position: i32::try_from(position)
                .map_err(|_| StoreError::Other("too many obligations".into()))?,
            goal: o.goal.clone(),
            requires: o.requires.as_str(),
            channel: inquiry.received.channel.as_str(),
            unit: inquiry.unit.clone(),
            due_at: to_db(o.due_at)?,
            due_date: o.due_date.to_string(),
            met_at: o.met_at.map(to_db).transpose()?,
            met_working_days: o.met_working_days,
            waived: o.waived.is_some(),
            paused: o.paused_since.is_some(),
            case_type: inquiry.case_type.clone(),
        });
    }
    Ok(rows)
}

/// One `events` row. `data` is the whole event as JSON, the record of truth; the other columns
/// are copies for reading the log by hand.
#[derive(Debug, Clone)]
pub(crate) struct EventRow {
    pub seq: i64,
    pub at: i64,
    pub kind: &'static str,
    pub actor: Option<String>,
    pub data: String,
}

impl EventRow {
    pub(crate) fn of(seq: i64, event: &Event) -> StoreResult<Self> {
        Ok(Self {
            seq,
            at: to_db_clamped(event.at),
            kind: event.kind.name(),
            actor: event.actor.clone(),
            data: serde_json::to_string(event).map_err(|e| unwritable("event", &e))?,
        })
    }
}

/// A new inquiry ready to insert: its id (assigned by the caller), summary, first event and
/// obligations.
#[derive(Debug, Clone)]
pub(crate) struct NewRows {
    pub id: InquiryId,
    pub policy_id: PolicyId,
    pub inquiry: InquiryRow,
    pub event: EventRow,
    pub obligations: Vec<ObligationRow>,
    /// What the search finds it by (`fulltext.rs`).
    pub words: String,
}

/// A new inquiry's rows made before its reference number is known: all but the number, which
/// [`UnnumberedRows::numbered`] writes in. They are made where the inquiry is received (the
/// caller's task, or the blocking pool for an import), so that the single writer only numbers
/// and inserts: serialising the projection and the event and finding the search words took a
/// third as long as SQLite's own work in a bulk import, and the writer did it while SQLite
/// waited (BENCHMARKS.md).
#[derive(Debug, Clone)]
pub(crate) struct UnnumberedRows {
    /// With the provisional reference, in `reference` and at the start of `projection`.
    inquiry: InquiryRow,
    event: EventRow,
    obligations: Vec<ObligationRow>,
    /// The search words after the reference's own (`fulltext.rs`).
    other_words: String,
}

impl UnnumberedRows {
    /// The rows of `inquiry` as received (`received` is its first event).
    pub(crate) fn of(inquiry: &Inquiry, received: &Event) -> StoreResult<Self> {
        Ok(Self {
            inquiry: InquiryRow::of(inquiry, 1)?,
            event: EventRow::of(1, received)?,
            obligations: obligation_rows(inquiry)?,
            other_words: crate::fulltext::words_besides_reference(inquiry),
        })
    }

    /// The rows of `inquiry`, which is the inquiry these rows were made of with its reference
    /// number now given.
    pub(crate) fn numbered(
        self,
        id: InquiryId,
        policy_id: PolicyId,
        inquiry: &Inquiry,
    ) -> StoreResult<NewRows> {
        let Self {
            inquiry: mut row,
            event,
            obligations,
            other_words,
        } = self;
        let provisional = std::mem::replace(&mut row.reference, inquiry.reference.to_string());
        row.projection = renumbered(row.projection, &provisional, inquiry)?;
        Ok(NewRows {
            id,
            policy_id,
            inquiry: row,
            event,
            obligations,
            words: crate::fulltext::with_reference(&inquiry.reference, &other_words),
        })
    }
}

/// `projection` (of `inquiry` under the reference `provisional`) with `inquiry`'s reference.
/// The reference is the projection's first field, so it is one replaced prefix; should the JSON
/// not start that way, the projection is written again from scratch.
fn renumbered(projection: String, provisional: &str, inquiry: &Inquiry) -> StoreResult<String> {
    let rest = projection.strip_prefix(&format!("{{\"reference\":\"{provisional}\""));
    match rest {
        Some(rest) => Ok(format!("{{\"reference\":\"{}\"{rest}", inquiry.reference)),
        None => serde_json::to_string(inquiry).map_err(|e| unwritable("projection", &e)),
    }
}

pub(crate) fn parse_projection(id: InquiryId, text: &str) -> StoreResult<Inquiry> {
    serde_json::from_str(text).map_err(|e| unreadable(&format!("projection of inquiry {id}"), &e))
}

pub(crate) fn parse_event(id: InquiryId, text: &str) -> StoreResult<Event> {
    serde_json::from_str(text).map_err(|e| unreadable(&format!("an event of inquiry {id}"), &e))
}

// serde_json's messages can quote the input (a body, a CPR number): report only where.
fn unreadable(what: &str, e: &serde_json::Error) -> StoreError {
    StoreError::Other(format!(
        "the stored {what} is unreadable ({:?} error at line {}, column {})",
        e.classify(),
        e.line(),
        e.column()
    ))
}

fn unwritable(what: &str, e: &serde_json::Error) -> StoreError {
    StoreError::Other(format!(
        "the {what} could not be written as JSON ({:?} error)",
        e.classify()
    ))
}

/// A queue row as read from either backend.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct SummaryRecord {
    pub id: i64,
    pub reference: String,
    pub channel: String,
    pub state: String,
    pub unit: Option<String>,
    pub caseworker: Option<String>,
    pub subject: String,
    pub sender_name: Option<String>,
    pub received_at: i64,
    pub next_due_at: Option<i64>,
    pub next_requires: Option<String>,
    pub queue_key: i64,
}

/// The columns [`SummaryRecord`] reads, for SELECT lists.
pub(crate) const SUMMARY_COLUMNS: &str = "id, reference, channel, state, unit, caseworker, \
     subject, sender_name, \
     received_at, next_due_at, next_requires, queue_key";

impl SummaryRecord {
    pub(crate) fn cursor(&self) -> Cursor {
        Cursor {
            queue_key: self.queue_key,
            id: self.id,
        }
    }

    pub(crate) fn into_summary(self) -> StoreResult<InquirySummary> {
        let id = self.id;
        let bad =
            |column: &str| StoreError::Other(format!("inquiry {id}: stored {column} is not valid"));
        Ok(InquirySummary {
            id,
            reference: Reference::from_str(&self.reference).map_err(|_| bad("reference"))?,
            channel: Channel::from_str(&self.channel).map_err(|_| bad("channel"))?,
            state: parse_state(&self.state).ok_or_else(|| bad("state"))?,
            unit: self.unit,
            caseworker: self.caseworker,
            subject: self.subject,
            sender_name: self.sender_name,
            received_at: from_db(self.received_at)?,
            next_due_at: self.next_due_at.map(from_db).transpose()?,
            next_requires: self
                .next_requires
                .map(|r| Requirement::from_str(&r).map_err(|_| bad("next_requires")))
                .transpose()?,
        })
    }
}

pub(crate) fn parse_state(s: &str) -> Option<InquiryState> {
    [
        InquiryState::New,
        InquiryState::Open,
        InquiryState::AwaitingCitizen,
        InquiryState::Closed,
    ]
    .into_iter()
    .find(|state| state.as_str() == s)
}
