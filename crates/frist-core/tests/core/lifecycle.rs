//! The lifecycle: obligations met, paused, extended, reclassified; closing rules; rebuild.

use super::{at, event, new_inquiry, policy, receive};
use frist_core::{
    CloseReason, EventKind, Inquiry, InquiryState, LifecycleError, MessageKind, ObligationState,
    OutgoingMessage, Reference,
};
use frist_policy::{Addressee, Channel, InquiryKind, Requirement};
use proptest::prelude::*;

fn message(kind: MessageKind, channel: Channel) -> OutgoingMessage {
    OutgoingMessage {
        kind,
        channel,
        body: "Tak for din henvendelse.".into(),
        caseworker: Some("Mette Hansen".into()),
        contact: Some("46 31 30 00".into()),
        next_step: Some("Vi behandler din sag.".into()),
        expected_answer_date: Some(jiff::civil::date(2027, 1, 12)),
        appealable: false,
        complaint_guidance: None,
    }
}

fn states(i: &Inquiry, now: &str) -> Vec<(String, Requirement, ObligationState)> {
    i.obligations
        .iter()
        .map(|o| (o.goal.clone(), o.requires, o.state(at(now))))
        .collect()
}

#[test]
fn an_acknowledgment_meets_the_acknowledgment_and_the_answer_meets_the_answer() {
    let p = policy("roskilde");
    let mut i = receive(
        "roskilde",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::GeneralQuestion,
            "2026-12-23T15:00:00+01:00",
        ),
    );
    assert_eq!(i.state, InquiryState::New);
    assert_eq!(
        states(&i, "2026-12-23T16:00:00+01:00"),
        vec![
            (
                "ROS-2".into(),
                Requirement::Acknowledgment,
                ObligationState::Pending
            ),
            (
                "ROS-1".into(),
                Requirement::Answer,
                ObligationState::Pending
            )
        ]
    );
    i.apply(
        &event(
            "2026-12-28T09:00:00+01:00",
            EventKind::MessageSent {
                outbox_id: None,
                message: message(MessageKind::Acknowledgment, Channel::Email),
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(i.state, InquiryState::Open);
    // ROS-1 was due 29 December; on the 30th it is breached.
    assert_eq!(
        states(&i, "2026-12-30T09:00:00+01:00"),
        vec![
            (
                "ROS-2".into(),
                Requirement::Acknowledgment,
                ObligationState::Met
            ),
            (
                "ROS-1".into(),
                Requirement::Answer,
                ObligationState::Breached
            ),
            // The acknowledgment's expected answer date, now a promise of its own.
            (
                "ROS-2".into(),
                Requirement::Answer,
                ObligationState::Pending
            )
        ]
    );
    i.apply(
        &event(
            "2026-12-30T10:00:00+01:00",
            EventKind::MessageSent {
                outbox_id: None,
                message: message(MessageKind::Answer, Channel::Email),
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        states(&i, "2027-02-01T09:00:00+01:00"),
        vec![
            (
                "ROS-2".into(),
                Requirement::Acknowledgment,
                ObligationState::Met
            ),
            (
                "ROS-1".into(),
                Requirement::Answer,
                ObligationState::MetLate
            ),
            ("ROS-2".into(), Requirement::Answer, ObligationState::Met)
        ]
    );
    assert!(i.answered);
}

#[test]
fn triage_is_met_by_opening_and_a_callback_by_calling_back() {
    let p = policy("hoeje-taastrup");
    let mut mail = receive(
        "hoeje-taastrup",
        new_inquiry(
            Channel::Email,
            Addressee::Department,
            InquiryKind::Application,
            "2026-11-16T08:00:00+01:00",
        ),
    );
    mail.apply(&event("2026-11-16T09:00:00+01:00", EventKind::Opened), p)
        .unwrap();
    let triage = mail
        .obligations
        .iter()
        .find(|o| o.requires == Requirement::Triage)
        .unwrap();
    assert_eq!(
        triage.state(at("2026-12-01T00:00:00Z")),
        ObligationState::Met
    );

    let mut phone = receive(
        "hoeje-taastrup",
        new_inquiry(
            Channel::Phone,
            Addressee::General,
            InquiryKind::Other,
            "2026-11-16T08:00:00+01:00",
        ),
    );
    phone
        .apply(
            &event(
                "2026-11-16T09:00:00+01:00",
                EventKind::Assigned {
                    caseworker: "mette".into(),
                },
            ),
            p,
        )
        .unwrap();
    assert_eq!(
        phone.obligations[0].state(at("2026-11-16T10:00:00+01:00")),
        ObligationState::Pending
    );
    phone
        .apply(
            &event(
                "2026-11-17T09:00:00+01:00",
                EventKind::CallbackCompleted { summary: None },
            ),
            p,
        )
        .unwrap();
    assert_eq!(
        phone.obligations[0].state(at("2026-12-01T00:00:00Z")),
        ObligationState::Met
    );
}

#[test]
fn awaiting_the_citizen_pauses_and_moves_deadlines_by_the_working_days_paused() {
    let p = policy("test-pausable");
    // Monday 16 Nov 2026: answer due 10 wd later = Monday 30 Nov; acknowledgment 48 h later.
    let mut i = receive(
        "test-pausable",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::Application,
            "2026-11-16T10:00:00+01:00",
        ),
    );
    let answer = |i: &Inquiry| {
        i.obligations
            .iter()
            .find(|o| o.requires == Requirement::Answer)
            .cloned()
            .unwrap()
    };
    let ack = |i: &Inquiry| {
        i.obligations
            .iter()
            .find(|o| o.requires == Requirement::Acknowledgment)
            .cloned()
            .unwrap()
    };
    assert_eq!(answer(&i).due_date.to_string(), "2026-11-30");
    i.apply(
        &event(
            "2026-11-17T12:00:00+01:00",
            EventKind::AwaitingCitizenStarted,
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        answer(&i).state(at("2026-12-31T12:00:00+01:00")),
        ObligationState::Paused
    );
    // Paused Tuesday 17 → Friday 20: working days after the 17th up to the 20th = 18, 19, 20 = 3.
    i.apply(
        &event("2026-11-20T09:00:00+01:00", EventKind::AwaitingCitizenEnded),
        p,
    )
    .unwrap();
    assert_eq!(answer(&i).due_date.to_string(), "2026-12-03");
    assert_eq!(answer(&i).due_at.to_string(), "2026-12-03T22:59:59Z");
    // The 48-hour acknowledgment moved by exactly the paused duration (2 days 21 hours).
    assert_eq!(ack(&i).due_at.to_string(), "2026-11-21T06:00:00Z");
    assert_eq!(i.state, InquiryState::Open);
    assert_eq!(
        i.apply(
            &event("2026-11-21T09:00:00+01:00", EventKind::AwaitingCitizenEnded),
            p
        ),
        Err(LifecycleError::NotAwaiting)
    );
}

#[test]
fn an_extension_needs_a_later_date_and_a_notice_and_moves_the_deadline() {
    let p = policy("test-pausable");
    let mut i = receive(
        "test-pausable",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::Application,
            "2026-11-16T10:00:00+01:00",
        ),
    );
    let extend = |date, notice_kind| EventKind::DeadlineExtended {
        goal: "TST-1".into(),
        requires: Requirement::Answer,
        new_due_date: date,
        reason: "Vi mangler en udtalelse fra en anden myndighed.".into(),
        notice: message(notice_kind, Channel::Email),
    };
    let before = i.clone();
    assert_eq!(
        i.apply(
            &event(
                "2026-11-17T10:00:00+01:00",
                extend(jiff::civil::date(2026, 12, 14), MessageKind::Answer)
            ),
            p
        ),
        Err(LifecycleError::ExtensionWithoutNotice)
    );
    assert!(matches!(
        i.apply(
            &event(
                "2026-11-17T10:00:00+01:00",
                extend(
                    jiff::civil::date(2026, 11, 20),
                    MessageKind::ExtensionNotice
                )
            ),
            p
        ),
        Err(LifecycleError::ExtensionNotLater { .. })
    ));
    assert_eq!(i, before, "refused events change nothing");
    i.apply(
        &event(
            "2026-11-17T10:00:00+01:00",
            extend(
                jiff::civil::date(2026, 12, 14),
                MessageKind::ExtensionNotice,
            ),
        ),
        p,
    )
    .unwrap();
    let answer = i
        .obligations
        .iter()
        .find(|o| o.requires == Requirement::Answer)
        .unwrap();
    assert_eq!(answer.due_date.to_string(), "2026-12-14");
    assert!(answer.extended);
}

#[test]
fn reclassifying_derives_obligations_again_from_the_same_receipt_and_keeps_what_was_met() {
    let p = policy("roskilde");
    let mut i = receive(
        "roskilde",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::Other,
            "2026-12-23T15:00:00+01:00",
        ),
    );
    assert_eq!(i.obligations.len(), 1);
    i.apply(
        &event(
            "2026-12-28T09:00:00+01:00",
            EventKind::MessageSent {
                outbox_id: None,
                message: message(MessageKind::Acknowledgment, Channel::Email),
            },
        ),
        p,
    )
    .unwrap();
    i.apply(
        &event(
            "2026-12-28T10:00:00+01:00",
            EventKind::Reclassified {
                kind: InquiryKind::GeneralQuestion,
                case_type: None,
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        states(&i, "2026-12-28T11:00:00+01:00"),
        vec![
            (
                "ROS-2".into(),
                Requirement::Acknowledgment,
                ObligationState::Met
            ),
            (
                "ROS-1".into(),
                Requirement::Answer,
                ObligationState::Pending
            ),
            // The promise stands whatever the classification.
            (
                "ROS-2".into(),
                Requirement::Answer,
                ObligationState::Pending
            )
        ]
    );
    assert_eq!(
        i.obligations[1].due_date.to_string(),
        "2026-12-29",
        "counted from the original receipt"
    );
    assert_eq!(i.kind, InquiryKind::GeneralQuestion);
    assert_eq!(
        i.received.kind,
        InquiryKind::Other,
        "what arrived is never rewritten"
    );
}

#[test]
fn closing_needs_an_answer_or_a_hand_over_and_withdrawal_waives() {
    let p = policy("roskilde");
    let mut i = receive(
        "roskilde",
        new_inquiry(
            Channel::Letter,
            Addressee::General,
            InquiryKind::Application,
            "2026-11-16T10:00:00+01:00",
        ),
    );
    let before = i.clone();
    assert_eq!(
        i.apply(
            &event(
                "2026-11-17T10:00:00+01:00",
                EventKind::Closed {
                    reason: CloseReason::Answered
                }
            ),
            p
        ),
        Err(LifecycleError::CloseWithoutAnswer)
    );
    assert_eq!(
        i.apply(
            &event(
                "2026-11-17T10:00:00+01:00",
                EventKind::Closed {
                    reason: CloseReason::HandedOver
                }
            ),
            p
        ),
        Err(LifecycleError::CloseWithoutHandOver)
    );
    assert_eq!(i, before);
    i.apply(
        &event(
            "2026-11-17T10:00:00+01:00",
            EventKind::HandedOver {
                to_caseworker: "Jens Olsen".into(),
            },
        ),
        p,
    )
    .unwrap();
    i.apply(
        &event(
            "2026-11-17T11:00:00+01:00",
            EventKind::Closed {
                reason: CloseReason::HandedOver,
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(i.state, InquiryState::Closed);
    assert_eq!(
        i.apply(
            &event(
                "2026-11-18T10:00:00+01:00",
                EventKind::Assigned {
                    caseworker: "Mette Hansen".into()
                }
            ),
            p
        ),
        Err(LifecycleError::Closed)
    );
    i.apply(
        &event(
            "2026-11-18T10:00:00+01:00",
            EventKind::Reopened { reason: None },
        ),
        p,
    )
    .unwrap();
    i.apply(
        &event(
            "2026-11-18T11:00:00+01:00",
            EventKind::Closed {
                reason: CloseReason::Withdrawn,
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        i.obligations[0].state(at("2027-01-01T00:00:00Z")),
        ObligationState::Waived
    );
}

#[test]
fn events_before_receipt_and_bad_feedback_are_refused() {
    let p = policy("roskilde");
    let mut i = receive(
        "roskilde",
        new_inquiry(
            Channel::Letter,
            Addressee::General,
            InquiryKind::Application,
            "2026-11-16T10:00:00+01:00",
        ),
    );
    assert!(matches!(
        i.apply(&event("2026-11-15T10:00:00+01:00", EventKind::Opened), p),
        Err(LifecycleError::BeforeReceipt { .. })
    ));
    assert_eq!(
        i.apply(
            &event(
                "2026-11-17T10:00:00+01:00",
                EventKind::FeedbackReceived {
                    channel: None,
                    complaint: false,
                    score: Some(9),
                    comment: None
                }
            ),
            p
        ),
        Err(LifecycleError::BadScore(9))
    );
}

#[test]
fn events_round_trip_through_json() {
    let e = event(
        "2026-11-17T10:00:00+01:00",
        EventKind::MessageSent {
            outbox_id: None,
            message: message(MessageKind::Decision, Channel::DigitalPost),
        },
    );
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.contains("\"type\":\"message_sent\""), "{json}");
    assert_eq!(serde_json::from_str::<frist_core::Event>(&json).unwrap(), e);
}

/// Every kind of event the property test draws from.
fn any_event_kind() -> impl Strategy<Value = EventKind> {
    prop_oneof![
        Just(EventKind::Opened),
        Just(EventKind::Assigned {
            caseworker: "mette".into()
        }),
        Just(EventKind::MessageSent {
            outbox_id: None,
            message: message(MessageKind::Acknowledgment, Channel::Email)
        }),
        Just(EventKind::MessageSent {
            outbox_id: None,
            message: message(MessageKind::Answer, Channel::Email)
        }),
        Just(EventKind::CallbackCompleted { summary: None }),
        Just(EventKind::Note {
            text: "ringede".into(),
            visible_to_citizen: true
        }),
        Just(EventKind::Referred {
            to_unit: "teknik".into()
        }),
        Just(EventKind::HandedOver {
            to_caseworker: "jens".into()
        }),
        Just(EventKind::AwaitingCitizenStarted),
        Just(EventKind::AwaitingCitizenEnded),
        Just(EventKind::Reclassified {
            kind: InquiryKind::GeneralQuestion,
            case_type: None
        }),
        Just(EventKind::Reclassified {
            kind: InquiryKind::Application,
            case_type: Some("byggesag".into())
        }),
        Just(EventKind::ErrorRegistered {
            what: "fejl".into()
        }),
        Just(EventKind::FeedbackReceived {
            channel: None,
            complaint: false,
            score: Some(4),
            comment: None
        }),
        Just(EventKind::Closed {
            reason: CloseReason::Answered
        }),
        Just(EventKind::Closed {
            reason: CloseReason::Withdrawn
        }),
        Just(EventKind::Reopened { reason: None }),
        Just(EventKind::Closed {
            reason: CloseReason::Spam
        }),
        Just(EventKind::MessageReceived {
            message: frist_core::CitizenMessage {
                channel: Channel::Email,
                subject: "Sv: affald".into(),
                body: "Mit cpr-nr. er 010190-1234".into(),
                attachments: vec![],
                external_id: None,
            }
        }),
    ]
}

proptest! {
    #[test]
    fn the_projection_always_equals_a_rebuild_from_the_accepted_events(
        steps in proptest::collection::vec((any_event_kind(), 1i64..300_000), 0..40)
    ) {
        let p = policy("test-pausable");
        let new = new_inquiry(Channel::Email, Addressee::General, InquiryKind::Other, "2026-11-16T10:00:00+01:00");
        let reference = Reference::new("TST", 2026, 7).unwrap();
        let (mut projection, received) = Inquiry::receive(reference.clone(), new, p).unwrap();
        let mut accepted = vec![received];
        let mut now = at("2026-11-16T10:00:00+01:00");
        for (kind, seconds) in steps {
            now = now.checked_add(jiff::SignedDuration::from_secs(seconds)).unwrap();
            let e = frist_core::Event { at: now, actor: None, kind };
            let before = projection.clone();
            match projection.apply(&e, p) {
                Ok(()) => accepted.push(e),
                Err(_) => prop_assert_eq!(&projection, &before),
            }
        }
        let rebuilt = Inquiry::rebuild(reference, &accepted, p).unwrap();
        prop_assert_eq!(rebuilt, projection);
    }
}
