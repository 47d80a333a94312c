//! Events: every change to an inquiry. Events are appended, never updated; the inquiry's
//! current state is a projection that can always be rebuilt from them.

use crate::incoming::CitizenMessage;
use crate::inquiry::NewInquiry;
use crate::message::{MessageKind, OutgoingMessage};
use frist_calendar::Date;
use frist_policy::{InquiryKind, Requirement};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// Why an inquiry was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CloseReason {
    /// A final answer or decision was sent.
    Answered,
    /// Handed over to a named colleague who continues (STE-9).
    HandedOver,
    Withdrawn,
    Duplicate,
    Spam,
}

impl CloseReason {
    /// Closing for these reasons waives what is still owed: there is nothing to answer.
    pub fn waives_obligations(self) -> bool {
        matches!(self, Self::Withdrawn | Self::Duplicate | Self::Spam)
    }
}

/// One change to an inquiry, with what changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum EventKind {
    /// The inquiry arrived; carries everything known at receipt.
    Received {
        inquiry: Box<NewInquiry>,
    },
    /// A caseworker opened the inquiry (meets `triage`).
    Opened,
    /// Assigned to a caseworker (meets `triage`).
    Assigned {
        caseworker: String,
    },
    /// A message reached the citizen: the channel accepted it, or it needs no delivery (the
    /// status page, the phone, the counter). `outbox_id` names the outbox row it was queued as;
    /// such a message had its effect when queued (see `message_queued`).
    MessageSent {
        message: OutgoingMessage,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        outbox_id: Option<i64>,
    },
    /// A message to the citizen went into the outbox as row `outbox_id`. It counts from now:
    /// the caseworker's part is done when it is queued, and delivery normally follows within
    /// seconds. It is not yet sent: `message_sent` follows on delivery, or `message_failed`,
    /// which takes its effect back.
    MessageQueued {
        message: OutgoingMessage,
        outbox_id: i64,
    },
    /// The outbox gave up on row `outbox_id` (refused for good, or out of attempts). What its
    /// `message_queued` met is open again; a promise only it carried is withdrawn.
    MessageFailed {
        outbox_id: i64,
    },
    /// The citizen wrote again about this inquiry (a reply by e-mail, a second letter). Ends a
    /// wait for the citizen; reopens a closed inquiry unless it was closed as spam.
    MessageReceived {
        message: CitizenMessage,
    },
    /// The citizen was called back and reached (meets `callback`); `summary` is the outcome.
    CallbackCompleted {
        #[serde(default)]
        summary: Option<String>,
    },
    /// A call back that did not reach the citizen (no answer, busy, voicemail): recorded as an
    /// attempt, it handles the inquiry (meets `triage`) but not the `callback` itself.
    CallbackAttempted {
        #[serde(default)]
        outcome: Option<String>,
    },
    Note {
        text: String,
        #[serde(default)]
        visible_to_citizen: bool,
    },
    /// Moved to another unit or authority; counted as a transfer.
    Referred {
        to_unit: String,
    },
    /// Given to a named colleague (overdragelse).
    HandedOver {
        to_caseworker: String,
    },
    /// Waiting for the citizen (partshøring); pausable obligations stop counting.
    AwaitingCitizenStarted,
    AwaitingCitizenEnded,
    /// A due date moved, together with the notice telling the citizen (STE-3).
    DeadlineExtended {
        goal: String,
        requires: Requirement,
        new_due_date: Date,
        reason: String,
        notice: OutgoingMessage,
    },
    /// Kind or case type changed; obligations are derived again from the same receipt instant.
    Reclassified {
        kind: InquiryKind,
        #[serde(default)]
        case_type: Option<String>,
    },
    /// What went wrong (HAL-5, STE-11).
    ErrorRegistered {
        what: String,
    },
    /// The citizen's view of the service: a score 1–5 and/or a comment (HTK-14, STE-12,
    /// ROS-11, SKA-9). Given on the status page (`channel` absent), or told to a member of staff
    /// on the phone, by mail or at the counter, who records it with the channel it came by;
    /// `complaint` marks a complaint about the service received (not a complaint against a
    /// decision, which has its own path).
    FeedbackReceived {
        #[serde(default)]
        score: Option<u8>,
        #[serde(default)]
        comment: Option<String>,
        // Always written, also when empty: the API checks a request's fields against them.
        #[serde(default)]
        channel: Option<frist_policy::Channel>,
        #[serde(default)]
        complaint: bool,
    },
    Closed {
        reason: CloseReason,
    },
    /// Opened again after closing, with why (a member of staff gives a reason; a citizen's new
    /// message reopens through `message_received` instead).
    Reopened {
        #[serde(default)]
        reason: Option<String>,
    },
}

impl EventKind {
    /// Whether the event is someone handling the inquiry, so it meets `triage` ("åbnet eller
    /// fordelt", HTK-4): opening, assigning, any message sent (but a status link, which Frist
    /// sends by itself), a call back or an attempt, referring, handing over, reclassifying,
    /// asking the citizen, closing.
    pub fn is_handling(&self) -> bool {
        match self {
            Self::MessageSent { message, .. } | Self::MessageQueued { message, .. } => {
                return message.kind.is_handling();
            }
            _ => {}
        }
        matches!(
            self,
            Self::Opened
                | Self::Assigned { .. }
                | Self::CallbackCompleted { .. }
                | Self::CallbackAttempted { .. }
                | Self::Referred { .. }
                | Self::HandedOver { .. }
                | Self::Reclassified { .. }
                | Self::AwaitingCitizenStarted
                | Self::DeadlineExtended { .. }
                | Self::Closed { .. }
        )
    }

    /// Whether it queues or records a status-link message (allowed on a closed inquiry too).
    pub fn is_status_link(&self) -> bool {
        matches!(
            self,
            Self::MessageSent { message, .. } | Self::MessageQueued { message, .. }
                if message.kind == MessageKind::StatusLink
        )
    }

    /// The wire name, e.g. `message_sent`.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Received { .. } => "received",
            Self::Opened => "opened",
            Self::Assigned { .. } => "assigned",
            Self::MessageSent { .. } => "message_sent",
            Self::MessageQueued { .. } => "message_queued",
            Self::MessageFailed { .. } => "message_failed",
            Self::MessageReceived { .. } => "message_received",
            Self::CallbackCompleted { .. } => "callback_completed",
            Self::CallbackAttempted { .. } => "callback_attempted",
            Self::Note { .. } => "note",
            Self::Referred { .. } => "referred",
            Self::HandedOver { .. } => "handed_over",
            Self::AwaitingCitizenStarted => "awaiting_citizen_started",
            Self::AwaitingCitizenEnded => "awaiting_citizen_ended",
            Self::DeadlineExtended { .. } => "deadline_extended",
            Self::Reclassified { .. } => "reclassified",
            Self::ErrorRegistered { .. } => "error_registered",
            Self::FeedbackReceived { .. } => "feedback_received",
            Self::Closed { .. } => "closed",
            Self::Reopened { .. } => "reopened",
        }
    }
}

/// An event as recorded: when, by whom, what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub at: Timestamp,
    /// The member of staff (user name) or system part that caused it; `None` for the citizen.
    #[serde(default)]
    pub actor: Option<String>,
    #[serde(flatten)]
    pub kind: EventKind,
}
