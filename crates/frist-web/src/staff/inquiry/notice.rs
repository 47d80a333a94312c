//! The confirmation shown at the top of the inquiry page after an action, carried through the
//! redirect as `?udfoert=<key>`.

use crate::staff::StaffMessages;
use crate::staff::words::actions::ActionWords;

/// A confirmation shown at the top of the page after an action.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Notice {
    Sent,
    Queued,
    QueuedUndelivered,
    Assigned,
    Noted,
    HandedOver,
    Referred,
    Awaiting,
    AwaitingEnded,
    Closed,
    ErrorRegistered,
    Extended,
    Requeued,
    Confirmed,
    ScanAdded,
    LetterRegistered,
    // Promise actions (actions).
    CallbackCompleted,
    CallbackAttempted,
    Reclassified,
    Reopened,
}

impl Notice {
    pub(crate) const ACTIONS: [Notice; 16] = [
        Notice::Noted,
        Notice::HandedOver,
        Notice::Referred,
        Notice::Awaiting,
        Notice::AwaitingEnded,
        Notice::Closed,
        Notice::ErrorRegistered,
        Notice::Extended,
        Notice::Requeued,
        Notice::Confirmed,
        Notice::ScanAdded,
        Notice::LetterRegistered,
        Notice::CallbackCompleted,
        Notice::CallbackAttempted,
        Notice::Reclassified,
        Notice::Reopened,
    ];

    /// Whether the action finished a piece of work on the inquiry (a message sent, closed,
    /// handed over, referred, the citizen called back), so the page offers the next inquiry.
    pub(crate) fn completes_work(self) -> bool {
        matches!(
            self,
            Notice::Sent
                | Notice::Queued
                | Notice::QueuedUndelivered
                | Notice::HandedOver
                | Notice::Referred
                | Notice::Closed
                | Notice::CallbackCompleted
        )
    }

    /// The value of `?udfoert=` after an action.
    /// The inquiry's page with this notice shown, where an action sends the browser after it.
    pub(crate) fn location(self, id: i64) -> String {
        format!("{}?udfoert={}", crate::paths::inquiry(id), self.key())
    }

    pub(crate) fn key(self) -> &'static str {
        match self {
            Notice::Sent => "sendt",
            Notice::Queued | Notice::QueuedUndelivered => "koe",
            Notice::Assigned => "tildelt",
            Notice::Noted => "note",
            Notice::HandedOver => "overdraget",
            Notice::Referred => "videresendt",
            Notice::Awaiting => "afventer",
            Notice::AwaitingEnded => "svaret",
            Notice::Closed => "lukket",
            Notice::ErrorRegistered => "fejl",
            Notice::Extended => "forlaenget",
            Notice::Requeued => "igen",
            Notice::Confirmed => "kom-frem",
            Notice::ScanAdded => "scanning",
            Notice::LetterRegistered => "brev",
            Notice::CallbackCompleted => "ringet",
            Notice::CallbackAttempted => "forsoegt",
            Notice::Reclassified => "klassificeret",
            Notice::Reopened => "genaabnet",
        }
    }

    pub(crate) fn text(self, s: &StaffMessages, a: &ActionWords) -> &'static str {
        match self {
            Notice::Sent => s.sent_notice,
            Notice::Queued => s.queued_notice,
            Notice::QueuedUndelivered => s.queued_undelivered_notice,
            Notice::Assigned => s.assigned_notice,
            Notice::Noted => s.noted_notice,
            Notice::HandedOver => s.handed_over_notice,
            Notice::Referred => s.referred_notice,
            Notice::Awaiting => s.awaiting_notice,
            Notice::AwaitingEnded => s.awaiting_ended_notice,
            Notice::Closed => s.closed_notice,
            Notice::ErrorRegistered => s.error_notice,
            Notice::Extended => s.extended_notice,
            Notice::Requeued => s.requeued_notice,
            Notice::Confirmed => s.confirmed_notice,
            Notice::ScanAdded => s.scan_added_notice,
            Notice::LetterRegistered => s.letter_registered_notice,
            Notice::CallbackCompleted => a.callback_completed_notice,
            Notice::CallbackAttempted => a.callback_attempted_notice,
            Notice::Reclassified => a.reclassified_notice,
            Notice::Reopened => a.reopened_notice,
        }
    }
}
