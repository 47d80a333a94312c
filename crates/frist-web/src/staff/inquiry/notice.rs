//! The confirmation shown at the top of the inquiry page after an action, carried through the
//! redirect as `?udfoert=<key>`.

use crate::staff::StaffMessages;
use crate::staff::words::actions::ActionWords;
use crate::staff::words::notices::NoticeWords;

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
    // Notices and information requests (actions): what happened to the message to the citizen.
    ExtendedQueued,
    ExtendedUndelivered,
    ExtendedOnStatusPage,
    ExtendedNotSent,
    RequestQueued,
    RequestUndelivered,
    RequestOnStatusPage,
    RequestNotSent,
    /// Feedback told to staff was recorded (`feedback`).
    FeedbackRecorded,
}

impl Notice {
    pub(crate) const ACTIONS: [Notice; 25] = [
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
        Notice::ExtendedQueued,
        Notice::ExtendedUndelivered,
        Notice::ExtendedOnStatusPage,
        Notice::ExtendedNotSent,
        Notice::RequestQueued,
        Notice::RequestUndelivered,
        Notice::RequestOnStatusPage,
        Notice::RequestNotSent,
        Notice::FeedbackRecorded,
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
            Notice::ExtendedQueued => "forlaenget-koe",
            Notice::ExtendedUndelivered => "forlaenget-ikke-sendt",
            Notice::ExtendedOnStatusPage => "forlaenget-statusside",
            Notice::ExtendedNotSent => "forlaenget-ingen-adresse",
            Notice::RequestQueued => "anmodning-koe",
            Notice::RequestUndelivered => "anmodning-ikke-sendt",
            Notice::RequestOnStatusPage => "anmodning-statusside",
            Notice::RequestNotSent => "anmodning-ingen-adresse",
            Notice::FeedbackRecorded => "tilbagemelding",
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
            Notice::ExtendedQueued => NoticeWords::of(s.lang).extended_queued,
            Notice::ExtendedUndelivered => NoticeWords::of(s.lang).extended_undelivered,
            Notice::ExtendedOnStatusPage => NoticeWords::of(s.lang).extended_on_status_page,
            Notice::ExtendedNotSent => NoticeWords::of(s.lang).extended_not_sent,
            Notice::RequestQueued => NoticeWords::of(s.lang).request_queued,
            Notice::RequestUndelivered => NoticeWords::of(s.lang).request_undelivered,
            Notice::RequestOnStatusPage => NoticeWords::of(s.lang).request_on_status_page,
            Notice::RequestNotSent => NoticeWords::of(s.lang).request_not_sent,
            Notice::FeedbackRecorded => a.feedback_notice,
        }
    }
}
