//! The confirmation shown at the top of the inquiry page after an action, carried through the
//! redirect as `?udfoert=<key>`.

use crate::staff::StaffMessages;

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
}

impl Notice {
    pub(crate) const ACTIONS: [Notice; 12] = [
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
    ];

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
        }
    }

    pub(crate) fn text(self, s: &StaffMessages) -> &'static str {
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
        }
    }
}
