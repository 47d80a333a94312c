//! The citizen writes again (`message_received`), caseworkers set on arrival, CPR numbers in
//! attachments and later messages, and records written before these existed.

use super::{at, event, new_inquiry, policy, receive};
use frist_core::{
    Attachment, CitizenMessage, CloseReason, Event, EventKind, Inquiry, InquiryState,
    LifecycleError, MessageKind, NewInquiry, ObligationState, OutgoingMessage, Reference,
};
use frist_policy::{Addressee, Channel, InquiryKind, Requirement};

fn reply(body: &str) -> EventKind {
    EventKind::MessageReceived {
        message: CitizenMessage {
            channel: Channel::Email,
            subject: "Sv: Spørgsmål om affald".into(),
            body: body.into(),
            attachments: vec![],
            external_id: Some("svar-1@example.dk".into()),
        },
    }
}

fn citizen(when: &str, kind: EventKind) -> Event {
    Event {
        actor: None,
        ..event(when, kind)
    }
}

fn answer_due(i: &Inquiry) -> String {
    i.obligations
        .iter()
        .find(|o| o.requires == Requirement::Answer)
        .map(|o| o.due_date.to_string())
        .unwrap()
}

#[test]
fn a_message_from_the_citizen_ends_the_wait_and_resumes_paused_deadlines() {
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
    assert_eq!(answer_due(&i), "2026-11-30");
    i.apply(
        &event(
            "2026-11-17T12:00:00+01:00",
            EventKind::AwaitingCitizenStarted,
        ),
        p,
    )
    .unwrap();
    // The citizen answers on Friday: as `awaiting_citizen_ended` would, three working days later.
    i.apply(
        &citizen("2026-11-20T09:00:00+01:00", reply("Her er oplysningerne.")),
        p,
    )
    .unwrap();
    assert_eq!(i.state, InquiryState::Open);
    assert_eq!(i.awaiting_since, None);
    assert_eq!(answer_due(&i), "2026-12-03");
    assert_eq!(
        i.apply(
            &event("2026-11-21T09:00:00+01:00", EventKind::AwaitingCitizenEnded),
            p
        ),
        Err(LifecycleError::NotAwaiting)
    );
}

#[test]
fn a_message_to_a_new_inquiry_leaves_it_new_and_its_deadlines_as_they_were() {
    let p = policy("hoeje-taastrup");
    let mut i = receive(
        "hoeje-taastrup",
        new_inquiry(
            Channel::Email,
            Addressee::Department,
            InquiryKind::GeneralQuestion,
            "2026-11-16T08:00:00+01:00",
        ),
    );
    let before = i.obligations.clone();
    i.apply(
        &citizen("2026-11-16T09:00:00+01:00", reply("Jeg glemte at nævne…")),
        p,
    )
    .unwrap();
    assert_eq!(i.state, InquiryState::New);
    assert_eq!(
        i.obligations, before,
        "a message is not a triage or an answer"
    );
    assert_eq!(i.event_count, 2);
}

#[test]
fn a_message_reopens_a_closed_inquiry_unless_it_was_closed_as_spam() {
    let p = policy("hoeje-taastrup");
    let new = new_inquiry(
        Channel::Email,
        Addressee::General,
        InquiryKind::GeneralQuestion,
        "2026-11-16T08:00:00+01:00",
    );
    let mut answered = receive("hoeje-taastrup", new.clone());
    answered
        .apply(
            &event(
                "2026-11-16T10:00:00+01:00",
                EventKind::MessageSent {
                    outbox_id: None,
                    message: OutgoingMessage {
                        kind: MessageKind::Answer,
                        channel: Channel::Email,
                        body: "Svar".into(),
                        caseworker: Some("Mette".into()),
                        contact: Some("mette@htk.dk".into()),
                        next_step: None,
                        expected_answer_date: None,
                        appealable: false,
                        complaint_guidance: None,
                    },
                },
            ),
            p,
        )
        .unwrap();
    answered
        .apply(
            &event(
                "2026-11-16T10:05:00+01:00",
                EventKind::Closed {
                    reason: CloseReason::Answered,
                },
            ),
            p,
        )
        .unwrap();
    answered
        .apply(
            &citizen("2026-11-17T08:00:00+01:00", reply("Nyt spørgsmål")),
            p,
        )
        .unwrap();
    assert_eq!(answered.state, InquiryState::Open);
    assert_eq!(answered.close_reason, None);
    assert!(answered.answered, "what was sent stays sent");
    // Closed again as answered without a new answer: the first still counts.
    answered
        .apply(
            &event(
                "2026-11-17T09:00:00+01:00",
                EventKind::Closed {
                    reason: CloseReason::Answered,
                },
            ),
            p,
        )
        .unwrap();

    let mut spam = receive("hoeje-taastrup", new);
    spam.apply(
        &event(
            "2026-11-16T09:00:00+01:00",
            EventKind::Closed {
                reason: CloseReason::Spam,
            },
        ),
        p,
    )
    .unwrap();
    spam.apply(&citizen("2026-11-16T10:00:00+01:00", reply("Køb nu!")), p)
        .unwrap();
    assert_eq!(spam.state, InquiryState::Closed);
    assert_eq!(spam.close_reason, Some(CloseReason::Spam));
    assert_eq!(spam.event_count, 3, "recorded all the same");
}

#[test]
fn a_message_before_receipt_is_refused() {
    let p = policy("hoeje-taastrup");
    let mut i = receive(
        "hoeje-taastrup",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::Other,
            "2026-11-16T08:00:00+01:00",
        ),
    );
    assert!(matches!(
        i.apply(&citizen("2026-11-15T08:00:00+01:00", reply("tidligt")), p),
        Err(LifecycleError::BeforeReceipt { .. })
    ));
    assert_eq!(i.event_count, 1);
}

#[test]
fn a_cpr_number_in_a_text_attachment_or_a_later_message_makes_the_inquiry_involve_cpr() {
    let p = policy("hoeje-taastrup");
    let plain = || {
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::Other,
            "2026-11-16T08:00:00+01:00",
        )
    };
    assert!(!receive("hoeje-taastrup", plain()).involves_cpr());

    let mut with_attachment = plain();
    with_attachment.attachments.push(Attachment {
        name: "oplysninger.txt".into(),
        content_type: Some("text/plain".into()),
        size: Some(120),
        contains_cpr: true,
    });
    assert!(receive("hoeje-taastrup", with_attachment).involves_cpr());

    let mut later = receive("hoeje-taastrup", plain());
    later
        .apply(
            &citizen(
                "2026-11-16T09:00:00+01:00",
                reply("Mit cpr-nr. er 010190-1234"),
            ),
            p,
        )
        .unwrap();
    assert!(later.involves_cpr());
    let rebuilt = Inquiry::rebuild(
        later.reference.clone(),
        &[
            Event {
                at: at("2026-11-16T08:00:00+01:00"),
                actor: None,
                kind: EventKind::Received {
                    inquiry: Box::new(plain()),
                },
            },
            citizen(
                "2026-11-16T09:00:00+01:00",
                reply("Mit cpr-nr. er 010190-1234"),
            ),
        ],
        p,
    )
    .unwrap();
    assert_eq!(rebuilt, later);
}

#[test]
fn a_caseworker_set_on_arrival_is_the_inquirys_caseworker_without_meeting_triage() {
    let new = NewInquiry {
        caseworker: Some("jonas.berg".into()),
        ..new_inquiry(
            Channel::Email,
            Addressee::Department,
            InquiryKind::GeneralQuestion,
            "2026-11-16T08:00:00+01:00",
        )
    };
    let i = receive("hoeje-taastrup", new);
    assert_eq!(i.caseworker.as_deref(), Some("jonas.berg"));
    assert_eq!(i.state, InquiryState::New);
    let triage = i
        .obligations
        .iter()
        .find(|o| o.requires == Requirement::Triage)
        .unwrap();
    assert_eq!(
        triage.state(at("2026-11-16T09:00:00+01:00")),
        ObligationState::Pending
    );
}

#[test]
fn records_written_before_these_fields_existed_still_read() {
    // A `received` event and a projection as stored before `caseworker`, `contains_cpr` and
    // `cpr_in_messages` existed.
    let old_event = r#"{"at":"2026-11-16T07:00:00Z","actor":null,"type":"received","inquiry":{
        "channel":"email","to":"general","unit":null,"kind":"other","case_type":null,
        "received_at":"2026-11-16T07:00:00Z","sender":{},"language":null,"subject":"s",
        "body":"b","attachments":[{"name":"a.pdf","content_type":"application/pdf","size":3}],
        "external_id":"x@y"}}"#;
    let e: Event = serde_json::from_str(old_event).unwrap();
    let EventKind::Received { inquiry } = &e.kind else {
        panic!("not received")
    };
    assert_eq!(inquiry.caseworker, None);
    assert!(!inquiry.attachments[0].contains_cpr);
    let p = policy("hoeje-taastrup");
    let i = Inquiry::rebuild(Reference::new("HTK", 2026, 1).unwrap(), &[e], p).unwrap();
    let mut json = serde_json::to_value(&i).unwrap();
    json.as_object_mut().unwrap().remove("cpr_in_messages");
    let back: Inquiry = serde_json::from_value(json).unwrap();
    assert_eq!(back, i);
    // New fields left at their defaults are not written, so older readers still read them.
    let written = serde_json::to_string(&i.received).unwrap();
    assert!(!written.contains("caseworker"), "{written}");
    assert!(!written.contains("contains_cpr"), "{written}");
}

#[test]
fn message_received_round_trips_through_json() {
    let e = citizen("2026-11-16T09:00:00+01:00", reply("tak"));
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.contains("\"type\":\"message_received\""), "{json}");
    assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
    assert_eq!(e.kind.name(), "message_received");
}
