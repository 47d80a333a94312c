//! How the inquiry page words things: instants in Copenhagen time, channels, message kinds,
//! obligation and inquiry states, and the timeline's events.

use crate::pages::visitor::Visitor;
use crate::staff::StaffMessages;
use crate::staff::words::actions::ActionWords;
use frist_core::{EventKind, InquiryState, MessageKind, ObligationState};
use frist_i18n::Lang;
use frist_policy::{COPENHAGEN, Channel};
use jiff::Timestamp;

/// "23. december 2026 kl. 16:00" / "23 December 2026 16:00", Copenhagen time.
pub(crate) fn when(visitor: &Visitor, at: Timestamp) -> String {
    let local = at.to_zoned(COPENHAGEN.clone());
    let t = visitor.staff_t();
    let time = local.time().strftime("%H:%M");
    match visitor.staff_lang() {
        Lang::Da | Lang::De => format!("{} kl. {time}", t.date(local.date())),
        Lang::En => format!("{} {time}", t.date(local.date())),
    }
}

pub(crate) fn channel_label(lang: Lang, c: Channel) -> &'static str {
    c.label(lang)
}

pub(crate) fn message_label(s: &StaffMessages, kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Acknowledgment => s.kind_acknowledgment,
        MessageKind::Answer => s.kind_answer,
        MessageKind::Decision => s.kind_decision,
        _ => s.ev_message_sent,
    }
}

pub(crate) fn obligation_label(s: &StaffMessages, state: ObligationState) -> &'static str {
    match state {
        ObligationState::Pending => s.ob_pending,
        ObligationState::Met => s.ob_met,
        ObligationState::MetLate => s.ob_met_late,
        ObligationState::Breached => s.ob_breached,
        ObligationState::Paused => s.ob_paused,
        ObligationState::Waived => s.ob_waived,
    }
}

pub(crate) fn event_label(s: &StaffMessages, kind: &EventKind) -> &'static str {
    match kind {
        EventKind::Received { .. } => s.ev_received,
        EventKind::Opened => s.ev_opened,
        EventKind::Assigned { .. } => s.ev_assigned,
        EventKind::MessageSent { .. } => s.ev_message_sent,
        EventKind::MessageQueued { .. } => s.ev_message_queued,
        EventKind::MessageFailed { .. } => s.ev_message_failed,
        EventKind::MessageReceived { .. } => s.ev_message_received,
        EventKind::CallbackCompleted { .. } => s.ev_callback,
        EventKind::CallbackAttempted { .. } => s.ev_callback_attempted,
        EventKind::Note { .. } => s.ev_note,
        EventKind::Referred { .. } => s.ev_referred,
        EventKind::HandedOver { .. } => s.ev_handed_over,
        EventKind::AwaitingCitizenStarted => s.ev_awaiting_started,
        EventKind::AwaitingCitizenEnded => s.ev_awaiting_ended,
        EventKind::DeadlineExtended { .. } => s.ev_extended,
        EventKind::Reclassified { .. } => s.ev_reclassified,
        EventKind::ErrorRegistered { .. } => s.ev_error,
        EventKind::FeedbackReceived { .. } => s.ev_feedback,
        EventKind::Closed { .. } => s.ev_closed,
        EventKind::Reopened { .. } => s.ev_reopened,
    }
}

/// The event's text, if it has one worth showing in the timeline.
pub(crate) fn event_detail(
    s: &StaffMessages,
    a: &ActionWords,
    kind: &EventKind,
    name_of: &dyn Fn(&str) -> String,
) -> String {
    match kind {
        EventKind::Assigned { caseworker } => name_of(caseworker),
        EventKind::HandedOver { to_caseworker } => name_of(to_caseworker),
        EventKind::Referred { to_unit } => to_unit.clone(),
        // Its text is shown where it was queued.
        EventKind::MessageSent {
            message,
            outbox_id: Some(_),
        } => message_label(s, message.kind).to_owned(),
        EventKind::MessageSent { message, .. } | EventKind::MessageQueued { message, .. } => {
            format!("{}: {}", message_label(s, message.kind), message.body)
        }
        EventKind::MessageReceived { message } => {
            format!("{}: {}", message.subject, message.body)
        }
        EventKind::DeadlineExtended { reason, .. } => reason.clone(),
        EventKind::Note { text, .. } => text.clone(),
        EventKind::CallbackCompleted { summary } => summary.clone().unwrap_or_default(),
        EventKind::CallbackAttempted { outcome } => outcome
            .as_deref()
            .map(|o| super::work::attempt_text(a, o))
            .unwrap_or_default(),
        EventKind::Reopened { reason } => reason.clone().unwrap_or_default(),
        EventKind::ErrorRegistered { what } => what.clone(),
        EventKind::FeedbackReceived {
            score,
            comment,
            channel,
            complaint,
        } => {
            let score = score.map(|n| format!("{n}/5")).unwrap_or_default();
            let said = match comment {
                Some(c) => format!("{score} {c}").trim().to_owned(),
                None => score,
            };
            // Who said it where: staff record feedback told to them with its channel.
            let what = if *complaint {
                a.feedback_complaint
            } else {
                a.feedback_comment
            };
            match channel {
                Some(c) => format!("{what} ({}): {said}", c.label(s.lang)),
                None if *complaint => format!("{what}: {said}"),
                None => said,
            }
        }
        _ => String::new(),
    }
}

/// A state's name as staff read it.
pub(crate) fn state_label(s: &StaffMessages, state: InquiryState) -> &'static str {
    match state {
        InquiryState::New => s.state_new,
        InquiryState::Open => s.state_open,
        InquiryState::AwaitingCitizen => s.state_awaiting,
        InquiryState::Closed => s.state_closed,
    }
}
