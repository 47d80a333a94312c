//! Messages through the outbox: they count when queued, delivery only settles them, and a
//! message the outbox gives up on takes back what it met (frist_core's `delivery` module).

use super::{at, event, new_inquiry, policy, receive};
use frist_core::{
    CloseReason, EventKind, Inquiry, LifecycleError, MessageKind, ObligationState, OutgoingMessage,
};
use frist_policy::{Addressee, Channel, InquiryKind, Requirement};

fn message(kind: MessageKind, expected: Option<&str>) -> OutgoingMessage {
    super::promises::message(kind, Channel::Email, expected)
}

fn queued(when: &str, id: i64, kind: MessageKind, expected: Option<&str>) -> frist_core::Event {
    event(
        when,
        EventKind::MessageQueued {
            message: message(kind, expected),
            outbox_id: id,
        },
    )
}

fn delivered(when: &str, id: i64, kind: MessageKind, expected: Option<&str>) -> frist_core::Event {
    event(
        when,
        EventKind::MessageSent {
            message: message(kind, expected),
            outbox_id: Some(id),
        },
    )
}

fn failed(when: &str, id: i64) -> frist_core::Event {
    event(when, EventKind::MessageFailed { outbox_id: id })
}

fn state_of(i: &Inquiry, requires: Requirement, promised: bool, now: &str) -> ObligationState {
    i.obligations
        .iter()
        .find(|o| o.requires == requires && o.promised == promised)
        .unwrap_or_else(|| panic!("no {requires:?} in {:?}", i.obligations))
        .state(at(now))
}

fn htk_email() -> Inquiry {
    receive(
        "hoeje-taastrup",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::Other,
            "2026-09-25T10:00:00+02:00",
        ),
    )
}

const LATER: &str = "2026-10-01T12:00:00+02:00";

#[test]
fn a_queued_acknowledgment_meets_its_goal_and_promises_at_once_and_delivery_changes_nothing() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email();
    i.apply(
        &queued(
            "2026-09-28T09:00:00+02:00",
            7,
            MessageKind::Acknowledgment,
            Some("2026-10-14"),
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        state_of(&i, Requirement::Acknowledgment, false, LATER),
        ObligationState::Met
    );
    assert_eq!(
        state_of(&i, Requirement::Answer, true, LATER),
        ObligationState::Pending
    );
    assert_eq!(i.in_outbox, vec![7]);
    let before = i.obligations.clone();
    i.apply(
        &delivered(
            "2026-09-28T09:00:05+02:00",
            7,
            MessageKind::Acknowledgment,
            Some("2026-10-14"),
        ),
        p,
    )
    .unwrap();
    assert_eq!(i.obligations, before, "delivery only settles the row");
    assert!(i.in_outbox.is_empty());
}

#[test]
fn delivery_after_an_extension_moved_the_promise_is_not_refused() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email();
    i.apply(
        &queued(
            "2026-09-28T09:00:00+02:00",
            7,
            MessageKind::Acknowledgment,
            Some("2026-10-14"),
        ),
        p,
    )
    .unwrap();
    let extension = EventKind::DeadlineExtended {
        goal: "HTK-1".into(),
        requires: Requirement::Answer,
        new_due_date: "2026-10-21".parse().unwrap(),
        reason: "Vi venter på en udtalelse.".into(),
        notice: message(MessageKind::ExtensionNotice, None),
    };
    i.apply(&event("2026-09-28T10:00:00+02:00", extension), p)
        .unwrap();
    i.apply(
        &delivered(
            "2026-09-28T10:00:30+02:00",
            7,
            MessageKind::Acknowledgment,
            Some("2026-10-14"),
        ),
        p,
    )
    .expect("the delivery of the acknowledgment that made the promise");
}

#[test]
fn a_failed_acknowledgment_reopens_what_it_met_and_withdraws_its_promise_but_not_triage() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email();
    i.apply(
        &queued(
            "2026-09-28T09:00:00+02:00",
            7,
            MessageKind::Acknowledgment,
            Some("2026-10-14"),
        ),
        p,
    )
    .unwrap();
    i.apply(&failed("2026-09-28T10:00:00+02:00", 7), p).unwrap();
    assert!(
        i.obligations.iter().all(|o| !o.promised),
        "the citizen never heard the date: {:?}",
        i.obligations
    );
    assert_eq!(
        state_of(
            &i,
            Requirement::Acknowledgment,
            false,
            "2026-09-28T11:00:00+02:00"
        ),
        ObligationState::Pending
    );
    assert_eq!(
        state_of(&i, Requirement::Triage, false, LATER),
        ObligationState::Met,
        "the inquiry was handled"
    );
    // Sending it again counts from then.
    i.apply(
        &queued(
            "2026-09-28T11:00:00+02:00",
            7,
            MessageKind::Acknowledgment,
            Some("2026-10-14"),
        ),
        p,
    )
    .unwrap();
    let ack = i
        .obligations
        .iter()
        .find(|o| o.requires == Requirement::Acknowledgment)
        .unwrap();
    assert_eq!(ack.met_at, Some(at("2026-09-28T11:00:00+02:00")));
    assert!(i.obligations.iter().any(|o| o.promised));
}

#[test]
fn a_failed_message_while_awaiting_the_citizen_is_paused_again() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email();
    i.apply(
        &event(
            "2026-09-28T08:00:00+02:00",
            EventKind::AwaitingCitizenStarted,
        ),
        p,
    )
    .unwrap();
    i.apply(
        &queued("2026-09-28T09:00:00+02:00", 3, MessageKind::Answer, None),
        p,
    )
    .unwrap();
    i.apply(&failed("2026-09-28T10:00:00+02:00", 3), p).unwrap();
    let answer = i
        .obligations
        .iter()
        .find(|o| o.requires == Requirement::Acknowledgment)
        .unwrap();
    if answer.pausable {
        assert_eq!(answer.state(at(LATER)), ObligationState::Paused);
    } else {
        assert_eq!(answer.state(at(LATER)), ObligationState::Pending);
    }
}

#[test]
fn an_answer_queued_then_closed_is_still_delivered_or_failed_on_the_closed_inquiry() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email();
    i.apply(
        &queued("2026-09-28T09:00:00+02:00", 4, MessageKind::Answer, None),
        p,
    )
    .unwrap();
    i.apply(
        &event(
            "2026-09-28T09:00:01+02:00",
            EventKind::Closed {
                reason: CloseReason::Answered,
            },
        ),
        p,
    )
    .expect("a queued answer lets the inquiry close as answered");
    let mut delivered_copy = i.clone();
    delivered_copy
        .apply(
            &delivered("2026-09-28T09:00:03+02:00", 4, MessageKind::Answer, None),
            p,
        )
        .unwrap();
    i.apply(&failed("2026-09-28T09:05:00+02:00", 4), p).unwrap();
    assert_eq!(
        state_of(
            &i,
            Requirement::Acknowledgment,
            false,
            "2026-09-28T10:00:00+02:00"
        ),
        ObligationState::Pending,
        "the answer never arrived"
    );
    // Anything else on a closed inquiry is still refused.
    let other = delivered("2026-09-28T09:06:00+02:00", 99, MessageKind::Answer, None);
    assert_eq!(i.apply(&other, p), Err(LifecycleError::Closed));
}

#[test]
fn the_same_row_cannot_be_queued_twice_and_unknown_rows_change_nothing() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email();
    let q = queued("2026-09-28T09:00:00+02:00", 5, MessageKind::Other, None);
    i.apply(&q, p).unwrap();
    assert_eq!(
        i.apply(&q, p),
        Err(LifecycleError::AlreadyQueued { outbox_id: 5 })
    );
    let before = i.obligations.clone();
    i.apply(&failed("2026-09-28T09:10:00+02:00", 6), p).unwrap();
    assert_eq!(i.obligations, before);
}

#[test]
fn a_status_link_message_meets_nothing_leaves_a_new_inquiry_new_and_reaches_a_closed_one() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email();
    let before = i.obligations.clone();
    i.apply(
        &queued(
            "2026-09-25T10:00:01+02:00",
            3,
            MessageKind::StatusLink,
            Some("2026-10-09"),
        ),
        p,
    )
    .unwrap();
    assert_eq!(i.obligations, before, "Frist's own link handles nothing");
    assert_eq!(i.state, frist_core::InquiryState::New);
    assert_eq!(i.in_outbox, vec![3]);
    i.apply(
        &delivered(
            "2026-09-25T10:00:05+02:00",
            3,
            MessageKind::StatusLink,
            Some("2026-10-09"),
        ),
        p,
    )
    .unwrap();
    assert_eq!(i.obligations, before);
    assert!(i.in_outbox.is_empty());

    i.apply(
        &event(
            "2026-09-28T09:00:00+02:00",
            EventKind::Closed {
                reason: CloseReason::Withdrawn,
            },
        ),
        p,
    )
    .unwrap();
    let closed = i.clone();
    i.apply(
        &queued(
            "2026-09-29T09:00:00+02:00",
            8,
            MessageKind::StatusLink,
            None,
        ),
        p,
    )
    .expect("a new link may go to a closed inquiry");
    assert_eq!(i.state, frist_core::InquiryState::Closed);
    assert_eq!(i.obligations, closed.obligations);
    // Anything else queued on the closed inquiry is still refused.
    let other = queued("2026-09-29T09:01:00+02:00", 9, MessageKind::Other, None);
    assert_eq!(i.apply(&other, p), Err(LifecycleError::Closed));
}
