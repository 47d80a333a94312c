//! What the inquiry page shows of the promise actions: the call-back form, the classification
//! (current kind and case type, the form, and the prompt on an unclassified e-mail or Facebook
//! inquiry), the closed state with the reopen form, and the next inquiry after finished work.

use super::super::StaffMessages;
use super::super::actions::close_label;
use super::super::casework::{NOT_REACHED, REACHED};
use super::super::words::actions::ActionWords;
use crate::pages::fields::Choice;
use crate::pages::form::{KINDS, kind_label};
use crate::pages::i18n::Messages;
use frist_core::cpr::mask;
use frist_core::{Event, EventKind, Inquiry, InquiryState};
use frist_policy::{Channel, InquiryKind, Policy, Requirement};
use frist_store::{InquiryFilter, InquirySummary, Store, StoreError};

/// The promise actions' part of the inquiry page.
#[derive(Debug)]
pub(crate) struct Work {
    pub a: &'static ActionWords,
    /// What the inquiry is about, and its case type's name (if any).
    pub kind: &'static str,
    pub case_type: Option<String>,
    /// The classify form's choices: kinds, and the policy's case types after "none".
    pub kinds: Vec<Choice>,
    pub case_types: Vec<Choice>,
    /// An e-mail or Facebook inquiry of kind "other" never classified: the page asks first.
    pub ask: bool,
    /// The call-back form is offered (an open callback deadline).
    pub callback: bool,
    pub outcomes: Vec<Choice>,
    /// Feedback told to staff: the channels it may have come by, comment or complaint, and the
    /// scores (the first "not given").
    pub feedback_channels: Vec<Choice>,
    pub feedback_kinds: Vec<Choice>,
    pub feedback_scores: Vec<Choice>,
    pub closed: bool,
    /// "Closed (reason). …", for a closed inquiry.
    pub closed_text: String,
    /// Whether the notice offers the next inquiry, and which (none: the queue is empty).
    pub offer_next: bool,
    pub next: Option<(i64, String, String)>,
}

impl Work {
    /// Which form a refusal is shown next to: the one it came from when it is on the page,
    /// else "" (the close form's place, among the actions every page has).
    pub fn refusal_at(&self, wanted: &'static str) -> &'static str {
        let shown = match wanted {
            "callback" => self.callback,
            "classify" | "reopen" => {
                // Classifying is offered on an open inquiry only; reopening on a closed one.
                self.closed == (wanted == "reopen")
            }
            _ => false,
        };
        if shown { wanted } else { "" }
    }
}

/// The next inquiry offered after finished work: `None` when not offered, `Some(None)` when the
/// caseworker's queue has no other open inquiry.
pub(crate) type Next = Option<Option<InquirySummary>>;

/// The open inquiry with the nearest deadline in `username`'s own queue ("Mine" on `today`),
/// other than `this`.
pub(crate) async fn next_inquiry<S: Store>(
    store: &S,
    username: &str,
    this: i64,
    today: frist_calendar::Date,
) -> Result<Option<InquirySummary>, StoreError> {
    // The same query as the caseworker's "Mine": open inquiries, with those covered for an
    // absent colleague, nearest deadline first.
    let filter = InquiryFilter {
        caseworker: Some(username.to_owned()),
        open: Some(true),
        cover_on: Some(today),
        ..InquiryFilter::default()
    };
    // Two: one of them may be this inquiry.
    let page = store.list_inquiries(&filter, None, 2).await?;
    Ok(page.items.into_iter().find(|i| i.id != this))
}

/// The part of the page for `inquiry`, received under `policy`, with its `events`.
pub(crate) fn work(
    inquiry: &Inquiry,
    events: &[Event],
    policy: &Policy,
    s: &StaffMessages,
    a: &'static ActionWords,
    t: &Messages,
    next: Next,
) -> Work {
    let closed = inquiry.state == InquiryState::Closed;
    let kind_value = KINDS
        .iter()
        .find(|(_, k)| *k == inquiry.kind)
        .map_or("other", |(v, _)| v);
    let case_type = inquiry.case_type.as_deref();
    let never_classified = !events
        .iter()
        .any(|e| matches!(e.kind, EventKind::Reclassified { .. }));
    let outcome = |value: &str, label: &str| Choice {
        value: value.to_owned(),
        label: label.to_owned(),
        selected: false,
    };
    let not_reached = [a.callback_no_answer, a.callback_busy, a.callback_voicemail];
    Work {
        a,
        kind: kind_label(t, kind_value),
        case_type: case_type.map(|id| {
            policy
                .case_type(id)
                .map_or_else(|| id.to_owned(), |c| c.name.clone())
        }),
        kinds: KINDS
            .iter()
            .map(|(value, _)| Choice {
                value: (*value).to_owned(),
                label: kind_label(t, value).to_owned(),
                selected: *value == kind_value,
            })
            .collect(),
        case_types: std::iter::once(Choice {
            value: String::new(),
            label: a.case_type_none.to_owned(),
            selected: case_type.is_none(),
        })
        .chain(policy.case_types.iter().map(|c| Choice {
            value: c.id.clone(),
            label: c.name.clone(),
            selected: case_type == Some(c.id.as_str()),
        }))
        .collect(),
        ask: !closed
            && never_classified
            && inquiry.kind == InquiryKind::Other
            && matches!(inquiry.received.channel, Channel::Email | Channel::Facebook),
        callback: !closed
            && inquiry
                .obligations
                .iter()
                .any(|o| o.requires == Requirement::Callback && o.is_open()),
        outcomes: std::iter::once(outcome(REACHED, a.callback_reached))
            .chain(
                NOT_REACHED
                    .iter()
                    .zip(not_reached)
                    .map(|(value, label)| outcome(value, label)),
            )
            .collect(),
        feedback_channels: crate::staff::feedback::CHANNELS
            .iter()
            .map(|c| outcome(c.as_str(), c.label(s.lang)))
            .collect(),
        feedback_kinds: vec![
            outcome(crate::staff::feedback::COMMENT, a.feedback_comment),
            outcome(crate::staff::feedback::COMPLAINT, a.feedback_complaint),
        ],
        feedback_scores: [
            ("", a.feedback_score_none),
            ("1", a.feedback_score_1),
            ("2", a.feedback_score_2),
            ("3", a.feedback_score_3),
            ("4", a.feedback_score_4),
            ("5", a.feedback_score_5),
        ]
        .into_iter()
        .map(|(value, label)| outcome(value, label))
        .collect(),
        closed,
        closed_text: inquiry.close_reason.map_or_else(String::new, |reason| {
            a.closed_text.replace("{reason}", close_label(s, reason))
        }),
        offer_next: next.is_some(),
        next: next.flatten().map(|i| {
            (
                i.id,
                i.reference.to_string(),
                // Queue rows never show a CPR number; neither does this link.
                mask(&i.subject),
            )
        }),
    }
}

/// A call-back attempt's stored outcome (`busy`, or `busy: what was typed`) in the reader's
/// words; an outcome written elsewhere (the API) as it was written.
pub(crate) fn attempt_text(a: &ActionWords, outcome: &str) -> String {
    let (value, rest) = outcome.split_once(": ").unwrap_or((outcome, ""));
    let label = match value {
        "no_answer" => a.callback_no_answer,
        "busy" => a.callback_busy,
        "voicemail" => a.callback_voicemail,
        _ => return outcome.to_owned(),
    };
    if rest.is_empty() {
        label.to_owned()
    } else {
        format!("{label}. {rest}")
    }
}
