//! A promise carried to the final answer: promised dates, what each event meets, and the open
//! points of the lifecycle decided (pauses, reclassifying back, reopening, time order).

use super::{at, event, new_inquiry, policy, receive};
use frist_core::{
    CloseReason, EventKind, Inquiry, LifecycleError, MessageKind, ObligationState, OutgoingMessage,
};
use frist_policy::{Addressee, Channel, InquiryKind, Requirement};

pub(crate) fn message(
    kind: MessageKind,
    channel: Channel,
    expected: Option<&str>,
) -> OutgoingMessage {
    OutgoingMessage {
        kind,
        channel,
        body: "Tak for din henvendelse.".into(),
        caseworker: Some("Mette Hansen".into()),
        contact: Some("46 31 30 00".into()),
        next_step: Some("Vi behandler din sag.".into()),
        expected_answer_date: expected.map(|d| d.parse().unwrap()),
        appealable: false,
        complaint_guidance: None,
    }
}

fn sent(
    when: &str,
    kind: MessageKind,
    channel: Channel,
    expected: Option<&str>,
) -> frist_core::Event {
    event(
        when,
        EventKind::MessageSent {
            outbox_id: None,
            message: message(kind, channel, expected),
        },
    )
}

fn state_of(i: &Inquiry, requires: Requirement, now: &str) -> ObligationState {
    i.obligations
        .iter()
        .find(|o| o.requires == requires)
        .unwrap_or_else(|| panic!("no {requires:?} obligation in {:?}", i.obligations))
        .state(at(now))
}

fn htk_email_to_general() -> Inquiry {
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

#[test]
fn an_acknowledgment_with_an_expected_date_promises_an_answer_by_that_date() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email_to_general();
    i.apply(
        &sent(
            "2026-09-28T09:00:00+02:00",
            MessageKind::Acknowledgment,
            Channel::Email,
            Some("2026-10-14"),
        ),
        p,
    )
    .unwrap();
    let promised = i.obligations.iter().find(|o| o.promised).unwrap();
    assert_eq!(promised.goal, "HTK-1", "the acknowledgment's goal");
    assert_eq!(promised.requires, Requirement::Answer);
    assert_eq!(promised.due_date.to_string(), "2026-10-14");
    assert_eq!(
        promised.due_at,
        at("2026-10-14T23:59:59+02:00"),
        "the end of the promised day"
    );
    assert_eq!(
        promised.state(at("2026-10-14T12:00:00+02:00")),
        ObligationState::Pending
    );
    assert_eq!(
        promised.state(at("2026-10-15T00:00:00+02:00")),
        ObligationState::Breached
    );

    i.apply(
        &sent(
            "2026-10-13T09:00:00+02:00",
            MessageKind::Answer,
            Channel::Email,
            None,
        ),
        p,
    )
    .unwrap();
    let promised = i.obligations.iter().find(|o| o.promised).unwrap();
    assert_eq!(
        promised.state(at("2026-11-01T00:00:00Z")),
        ObligationState::Met
    );
}

#[test]
fn a_promised_date_moves_only_by_an_extension_with_a_notice() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email_to_general();
    let ack = |when: &str, date: &str| {
        sent(
            when,
            MessageKind::Acknowledgment,
            Channel::Email,
            Some(date),
        )
    };
    i.apply(&ack("2026-09-28T09:00:00+02:00", "2026-10-14"), p)
        .unwrap();
    // Repeating the same promise is fine and adds nothing.
    i.apply(&ack("2026-09-29T09:00:00+02:00", "2026-10-14"), p)
        .unwrap();
    assert_eq!(i.obligations.iter().filter(|o| o.promised).count(), 1);
    let before = i.clone();
    assert_eq!(
        i.apply(&ack("2026-09-30T09:00:00+02:00", "2026-10-21"), p),
        Err(LifecycleError::PromiseMoved {
            current: "2026-10-14".into()
        })
    );
    assert_eq!(i, before, "a refusal changes nothing");
    i.apply(
        &event(
            "2026-09-30T10:00:00+02:00",
            EventKind::DeadlineExtended {
                goal: "HTK-1".into(),
                requires: Requirement::Answer,
                new_due_date: "2026-10-21".parse().unwrap(),
                reason: "Vi venter på en udtalelse fra Vejdirektoratet.".into(),
                notice: message(
                    MessageKind::ExtensionNotice,
                    Channel::Email,
                    Some("2026-10-21"),
                ),
            },
        ),
        p,
    )
    .unwrap();
    let promised = i.obligations.iter().find(|o| o.promised).unwrap();
    assert_eq!(promised.due_date.to_string(), "2026-10-21");
    assert!(promised.extended);
}

#[test]
fn a_promised_date_before_the_acknowledgment_is_refused() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email_to_general();
    assert_eq!(
        i.apply(
            &sent(
                "2026-09-28T09:00:00+02:00",
                MessageKind::Acknowledgment,
                Channel::Email,
                Some("2026-09-27"),
            ),
            p,
        ),
        Err(LifecycleError::PromiseInPast {
            date: "2026-09-27".into(),
            sent: "2026-09-28".into()
        })
    );
}

#[test]
fn htk_4_triage_is_met_by_the_first_handling_of_any_kind() {
    let p = policy("hoeje-taastrup");
    let handlings = [
        sent(
            "2026-09-25T22:34:00+02:00",
            MessageKind::Answer,
            Channel::Email,
            None,
        ),
        sent(
            "2026-09-25T22:34:00+02:00",
            MessageKind::Acknowledgment,
            Channel::Email,
            Some("2026-10-09"),
        ),
        event(
            "2026-09-25T22:34:00+02:00",
            EventKind::HandedOver {
                to_caseworker: "jonas".into(),
            },
        ),
        event(
            "2026-09-25T22:34:00+02:00",
            EventKind::Referred {
                to_unit: "teknik".into(),
            },
        ),
        event(
            "2026-09-25T22:34:00+02:00",
            EventKind::Reclassified {
                kind: InquiryKind::GeneralQuestion,
                case_type: None,
            },
        ),
        event(
            "2026-09-25T22:34:00+02:00",
            EventKind::CallbackAttempted { outcome: None },
        ),
        event(
            "2026-09-25T22:34:00+02:00",
            EventKind::Closed {
                reason: CloseReason::Spam,
            },
        ),
    ];
    for handling in handlings {
        let mut i = htk_email_to_general();
        i.apply(&handling, p).unwrap();
        assert_eq!(
            state_of(&i, Requirement::Triage, "2026-12-01T00:00:00Z"),
            ObligationState::Met,
            "{}",
            handling.kind.name()
        );
    }
}

#[test]
fn htk_4_opening_a_closed_inquiry_meets_its_triage_and_keeps_it_closed() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email_to_general();
    // Closed as a duplicate by the system before anyone looked: nothing meets triage then...
    i.apply(
        &frist_core::Event {
            at: at("2026-09-25T11:00:00+02:00"),
            actor: None,
            kind: EventKind::Note {
                text: "Samme som HTK-2026-000001".into(),
                visible_to_citizen: false,
            },
        },
        p,
    )
    .unwrap();
    assert_eq!(
        state_of(&i, Requirement::Triage, "2026-09-25T12:00:00+02:00"),
        ObligationState::Pending
    );
    i.apply(
        &event(
            "2026-09-25T12:00:00+02:00",
            EventKind::Closed {
                reason: CloseReason::Withdrawn,
            },
        ),
        p,
    )
    .unwrap();
    // ...and a caseworker opening it afterwards is handling too.
    i.apply(&event("2026-09-26T09:00:00+02:00", EventKind::Opened), p)
        .unwrap();
    assert_eq!(i.state, frist_core::InquiryState::Closed);
    assert_eq!(
        state_of(&i, Requirement::Triage, "2026-12-01T00:00:00Z"),
        ObligationState::Met
    );
}

fn htk_phone_message() -> Inquiry {
    receive(
        "hoeje-taastrup",
        new_inquiry(
            Channel::Phone,
            Addressee::General,
            InquiryKind::Other,
            "2026-10-05T10:00:00+02:00",
        ),
    )
}

#[test]
fn htk_7_an_answer_given_by_phone_meets_the_callback() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_phone_message();
    i.apply(
        &sent(
            "2026-10-06T09:00:00+02:00",
            MessageKind::Answer,
            Channel::Phone,
            None,
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        state_of(&i, Requirement::Callback, "2026-12-01T00:00:00Z"),
        ObligationState::Met
    );
}

#[test]
fn htk_7_a_call_that_did_not_reach_the_citizen_does_not_meet_the_callback() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_phone_message();
    i.apply(
        &event(
            "2026-10-06T09:00:00+02:00",
            EventKind::CallbackAttempted {
                outcome: Some("Ingen svar; lagt besked på telefonsvareren".into()),
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        state_of(&i, Requirement::Callback, "2026-10-06T10:00:00+02:00"),
        ObligationState::Pending
    );
    i.apply(
        &event(
            "2026-10-07T09:00:00+02:00",
            EventKind::CallbackCompleted {
                summary: Some("Talt med borgeren om affaldsordningen".into()),
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        state_of(&i, Requirement::Callback, "2026-12-01T00:00:00Z"),
        ObligationState::Met
    );
}

#[test]
fn an_acknowledgment_sent_while_paused_is_judged_against_the_moved_deadline() {
    let p = policy("test-pausable");
    // Received Monday 7 December 2026 at 10:00; the acknowledgment is due 48 hours later.
    let mut i = receive(
        "test-pausable",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::Other,
            "2026-12-07T10:00:00+01:00",
        ),
    );
    i.apply(
        &event(
            "2026-12-07T11:00:00+01:00",
            EventKind::AwaitingCitizenStarted,
        ),
        p,
    )
    .unwrap();
    // 72 hours after receipt, 71 of them paused: on time against the moved deadline.
    i.apply(
        &sent(
            "2026-12-10T10:00:00+01:00",
            MessageKind::Acknowledgment,
            Channel::Email,
            None,
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        state_of(&i, Requirement::Acknowledgment, "2026-12-31T00:00:00Z"),
        ObligationState::Met
    );
}

#[test]
fn reclassifying_away_and_back_keeps_an_extension() {
    let p = policy("roskilde");
    let mut i = receive(
        "roskilde",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::GeneralQuestion,
            "2026-11-02T10:00:00+01:00",
        ),
    );
    let reclassify = |when: &str, kind| {
        event(
            when,
            EventKind::Reclassified {
                kind,
                case_type: None,
            },
        )
    };
    i.apply(
        &event(
            "2026-11-02T11:00:00+01:00",
            EventKind::DeadlineExtended {
                goal: "ROS-1".into(),
                requires: Requirement::Answer,
                new_due_date: "2026-11-10".parse().unwrap(),
                reason: "Vi skal have svar fra Vejdirektoratet.".into(),
                notice: message(
                    MessageKind::ExtensionNotice,
                    Channel::Email,
                    Some("2026-11-10"),
                ),
            },
        ),
        p,
    )
    .unwrap();
    i.apply(
        &reclassify("2026-11-02T12:00:00+01:00", InquiryKind::Application),
        p,
    )
    .unwrap();
    assert!(!i.obligations.iter().any(|o| o.goal == "ROS-1"));
    i.apply(
        &reclassify("2026-11-02T13:00:00+01:00", InquiryKind::GeneralQuestion),
        p,
    )
    .unwrap();
    let back = i.obligations.iter().find(|o| o.goal == "ROS-1").unwrap();
    assert_eq!(back.due_date.to_string(), "2026-11-10");
    assert!(back.extended);
    assert!(i.set_aside.iter().all(|o| o.goal != "ROS-1"));
}

#[test]
fn reopening_takes_back_the_waiver_of_closing() {
    let p = policy("roskilde");
    let mut i = receive(
        "roskilde",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::GeneralQuestion,
            "2026-11-02T10:00:00+01:00",
        ),
    );
    i.apply(
        &event(
            "2026-11-02T11:00:00+01:00",
            EventKind::Closed {
                reason: CloseReason::Duplicate,
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        state_of(&i, Requirement::Answer, "2026-11-02T12:00:00+01:00"),
        ObligationState::Waived
    );
    i.apply(
        &event(
            "2026-11-02T12:00:00+01:00",
            EventKind::Reopened {
                reason: Some("Ikke en dublet: et nyt spørgsmål".into()),
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        state_of(&i, Requirement::Answer, "2026-11-02T13:00:00+01:00"),
        ObligationState::Pending
    );
}

#[test]
fn an_event_dated_before_the_latest_event_is_refused_beyond_a_minute() {
    let p = policy("roskilde");
    let mut i = receive(
        "roskilde",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::GeneralQuestion,
            "2026-11-02T10:00:00+01:00",
        ),
    );
    i.apply(&event("2026-11-02T12:00:00+01:00", EventKind::Opened), p)
        .unwrap();
    let before = i.clone();
    assert_eq!(
        i.apply(
            &event(
                "2026-11-02T11:00:00+01:00",
                EventKind::Note {
                    text: "for sent".into(),
                    visible_to_citizen: false
                }
            ),
            p
        ),
        Err(LifecycleError::BeforeLatestEvent {
            at: at("2026-11-02T11:00:00+01:00"),
            latest: at("2026-11-02T12:00:00+01:00"),
        })
    );
    assert_eq!(i, before);
    // Two requests a moment apart may commit in the other order.
    i.apply(
        &event(
            "2026-11-02T11:59:30+01:00",
            EventKind::Note {
                text: "samtidig".into(),
                visible_to_citizen: false,
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(i.updated_at, at("2026-11-02T12:00:00+01:00"));
}

#[test]
fn an_inquiry_received_in_the_future_is_refused() {
    let new = new_inquiry(
        Channel::Email,
        Addressee::General,
        InquiryKind::GeneralQuestion,
        "2026-11-02T10:00:00+01:00",
    );
    assert!(Inquiry::check_receipt(&new, at("2026-11-02T10:00:00+01:00")).is_ok());
    assert_eq!(
        Inquiry::check_receipt(&new, at("2026-11-02T09:59:59+01:00")),
        Err(LifecycleError::InFuture {
            field: "received_at",
            at: at("2026-11-02T10:00:00+01:00")
        })
    );
}

#[test]
fn the_expected_answer_date_is_the_promise_as_extended_else_the_policys_deadline() {
    let p = policy("hoeje-taastrup");
    let mut i = htk_email_to_general();
    // HTK sets no answer deadline for this e-mail, only the acknowledgment's: the reply that
    // will name a date.
    assert!(
        !i.obligations
            .iter()
            .any(|o| o.requires == Requirement::Answer)
    );
    let policy_answer = i
        .obligations
        .iter()
        .filter(|o| o.requires == Requirement::Acknowledgment)
        .map(|o| o.due_date)
        .min()
        .expect("HTK promises an acknowledgment of e-mail");
    assert_eq!(i.expected_answer_date(), Some(policy_answer));
    i.apply(
        &sent(
            "2026-09-28T09:00:00+02:00",
            MessageKind::Acknowledgment,
            Channel::Email,
            Some("2026-10-14"),
        ),
        p,
    )
    .unwrap();
    assert_ne!(policy_answer.to_string(), "2026-10-14");
    assert_eq!(
        i.expected_answer_date().map(|d| d.to_string()),
        Some("2026-10-14".into()),
        "what the citizen was told"
    );
    i.apply(
        &event(
            "2026-09-30T10:00:00+02:00",
            EventKind::DeadlineExtended {
                goal: "HTK-1".into(),
                requires: Requirement::Answer,
                new_due_date: "2026-10-21".parse().unwrap(),
                reason: "Vi venter på en udtalelse fra Vejdirektoratet.".into(),
                notice: message(
                    MessageKind::ExtensionNotice,
                    Channel::Email,
                    Some("2026-10-21"),
                ),
            },
        ),
        p,
    )
    .unwrap();
    assert_eq!(
        i.expected_answer_date().map(|d| d.to_string()),
        Some("2026-10-21".into())
    );
    i.apply(
        &sent(
            "2026-10-13T09:00:00+02:00",
            MessageKind::Answer,
            Channel::Email,
            None,
        ),
        p,
    )
    .unwrap();
    assert_eq!(i.expected_answer_date(), None, "nothing is owed any more");
}

#[test]
fn the_policys_answer_deadline_comes_before_its_acknowledgment_deadline() {
    // ROS-1: a general question by e-mail is answered within two working days; ROS-2 asks an
    // acknowledgment within ten.
    let i = receive(
        "roskilde",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::GeneralQuestion,
            "2026-09-25T10:00:00+02:00",
        ),
    );
    let due = |requires: Requirement| {
        i.obligations
            .iter()
            .find(|o| o.requires == requires)
            .map(|o| o.due_date)
    };
    assert!(due(Requirement::Answer) < due(Requirement::Acknowledgment));
    assert_eq!(i.expected_answer_date(), due(Requirement::Answer));
    assert_eq!(
        i.expected_answer_date().map(|d| d.to_string()),
        Some("2026-09-29".into())
    );
}
