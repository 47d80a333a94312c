//! Rules on outgoing messages, per policy, with their sources.

use super::{new_inquiry, policy, receive};
use frist_core::rules::{Severity, Violation, check_extension, check_message, lix};
use frist_core::{ComplaintGuidance, MessageKind, OutgoingMessage};
use frist_policy::{Addressee, Channel, InquiryKind};

fn message(kind: MessageKind, channel: Channel) -> OutgoingMessage {
    OutgoingMessage {
        kind,
        channel,
        body: "Vi har modtaget din henvendelse.".into(),
        caseworker: Some("Mette Hansen".into()),
        contact: Some("Mette Hansen, tlf. 43 59 10 00".into()),
        next_step: Some("Vi ser på din sag.".into()),
        expected_answer_date: Some(jiff::civil::date(2026, 12, 1)),
        appealable: false,
        complaint_guidance: None,
    }
}

fn rules(v: &[Violation]) -> Vec<(&str, &str, Severity)> {
    v.iter()
        .map(|v| (v.rule, v.source.as_str(), v.severity))
        .collect()
}

fn plain_inquiry(name: &str) -> frist_core::Inquiry {
    receive(
        name,
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::Application,
            "2026-11-16T10:00:00+01:00",
        ),
    )
}

#[test]
fn an_appealable_decision_without_complaint_guidance_is_stopped_under_every_policy() {
    let mut decision = message(MessageKind::Decision, Channel::DigitalPost);
    decision.appealable = true;
    for (name, source) in [
        ("hoeje-taastrup", "HTK-2"),
        ("stevns", "STE-6"),
        ("roskilde", "FVL-25"),
        ("halsnaes", "FVL-25"),
    ] {
        let v = check_message(&plain_inquiry(name), &decision, policy(name));
        assert_eq!(
            rules(&v),
            vec![("complaint_guidance", source, Severity::Block)],
            "{name}"
        );
        assert!(
            v[0].message_da.contains("klagevejledning"),
            "{}",
            v[0].message_da
        );
    }
    decision.complaint_guidance = Some(ComplaintGuidance {
        body: "Ankestyrelsen".into(),
        how: "Skriv til os".into(),
        deadline: String::new(),
    });
    let v = check_message(&plain_inquiry("roskilde"), &decision, policy("roskilde"));
    assert_eq!(v.len(), 1);
    assert!(
        v[0].message
            .contains("missing: the deadline for complaining"),
        "{}",
        v[0].message
    );
    decision.complaint_guidance = Some(ComplaintGuidance {
        body: "Ankestyrelsen".into(),
        how: "Skriv til os".into(),
        deadline: "4 uger".into(),
    });
    assert!(check_message(&plain_inquiry("roskilde"), &decision, policy("roskilde")).is_empty());
    // A decision that cannot be appealed needs none.
    decision.appealable = false;
    decision.complaint_guidance = None;
    assert!(check_message(&plain_inquiry("roskilde"), &decision, policy("roskilde")).is_empty());
}

#[test]
fn a_cpr_number_in_the_inquiry_or_the_reply_forbids_plain_email() {
    let mut with_cpr = new_inquiry(
        Channel::Email,
        Addressee::General,
        InquiryKind::Application,
        "2026-11-16T10:00:00+01:00",
    );
    with_cpr.body = "Mit CPR-nummer er 010190-1234.".into();
    for (name, source) in [
        ("roskilde", "ROS-4"),
        ("hoeje-taastrup", "HTK-6"),
        ("stevns", "DT-CPR"),
    ] {
        let inquiry = receive(name, with_cpr.clone());
        let v = check_message(
            &inquiry,
            &message(MessageKind::Answer, Channel::Email),
            policy(name),
        );
        assert!(
            rules(&v).contains(&("secure_channel_for_cpr", source, Severity::Block)),
            "{name}: {v:?}"
        );
        let v = check_message(
            &inquiry,
            &message(MessageKind::Answer, Channel::DigitalPost),
            policy(name),
        );
        assert!(
            v.iter().all(|v| v.rule != "secure_channel_for_cpr"),
            "{name}: {v:?}"
        );
    }
    let mut reply = message(MessageKind::Answer, Channel::Email);
    reply.body = "Vi har noteret CPR 0101901234.".into();
    let v = check_message(&plain_inquiry("roskilde"), &reply, policy("roskilde"));
    assert!(rules(&v).contains(&("secure_channel_for_cpr", "ROS-4", Severity::Block)));
    // A phone number is not a CPR number.
    reply.body = "Ring til os på 43 59 10 00.".into();
    assert!(check_message(&plain_inquiry("roskilde"), &reply, policy("roskilde")).is_empty());
}

#[test]
fn an_acknowledgment_must_name_caseworker_next_step_date_and_contact_where_the_policy_says_so() {
    let mut ack = message(MessageKind::Acknowledgment, Channel::Email);
    assert!(
        check_message(
            &plain_inquiry("hoeje-taastrup"),
            &ack,
            policy("hoeje-taastrup")
        )
        .is_empty()
    );
    ack.caseworker = None;
    ack.expected_answer_date = None;
    let v = check_message(
        &plain_inquiry("hoeje-taastrup"),
        &ack,
        policy("hoeje-taastrup"),
    );
    assert_eq!(
        rules(&v),
        vec![("acknowledgment_content", "HTK-1", Severity::Block)]
    );
    assert_eq!(
        v[0].message,
        "An acknowledgment must state the caseworker's name, the expected answer date."
    );
    assert_eq!(
        v[0].message_da,
        "En kvittering skal oplyse sagsbehandlerens navn, forventet svardato."
    );
    // Halsnæs states the rule through HAL-1; Skanderborg-like policies without it accept anything.
    let v = check_message(&plain_inquiry("halsnaes"), &ack, policy("halsnaes"));
    assert_eq!(v.len(), 1, "{v:?}");
}

#[test]
fn every_response_names_a_contact_and_decisions_are_written_under_hoeje_taastrup() {
    let mut answer = message(MessageKind::Answer, Channel::Email);
    answer.contact = None;
    let v = check_message(
        &plain_inquiry("hoeje-taastrup"),
        &answer,
        policy("hoeje-taastrup"),
    );
    assert_eq!(
        rules(&v),
        vec![("contact_person", "HTK-3", Severity::Block)]
    );
    let decision = message(MessageKind::Decision, Channel::Phone);
    let v = check_message(
        &plain_inquiry("hoeje-taastrup"),
        &decision,
        policy("hoeje-taastrup"),
    );
    assert_eq!(
        rules(&v),
        vec![("written_decision", "HTK-13", Severity::Block)]
    );
}

#[test]
fn readability_and_jargon_warn_but_do_not_block() {
    let mut answer = message(MessageKind::Answer, Channel::Email);
    answer.body = "Sagsbehandlingsfristforlængelsesanmodningen vedrørende ejendomsværdiskatteberegningsgrundlaget behandles administrativt i overensstemmelse med forvaltningsretlige grundsætninger og partshøring".into();
    let v = check_message(&plain_inquiry("stevns"), &answer, policy("stevns"));
    assert!(!v.is_empty());
    assert!(
        v.iter().all(|v| v.rule == "readability"
            && v.severity == Severity::Warn
            && v.source == "STE-4"),
        "{v:?}"
    );
    assert!(v.iter().any(|v| v.message_da.contains("LIX")));
    assert!(
        v.iter()
            .any(|v| v.message_da.contains("\"partshøring\" er et fagudtryk"))
    );
}

#[test]
fn lix_is_words_per_sentence_plus_the_share_of_long_words() {
    // 9 words, 2 sentences, 2 long words (modtaget, ansøgning): 9/2 + 2·100/9
    let value = lix("Vi har modtaget din ansøgning. Tak skal du have.").unwrap();
    assert!((value - (9.0 / 2.0 + 200.0 / 9.0)).abs() < 0.01, "{value}");
    assert_eq!(lix("  ... "), None);
}

#[test]
fn an_extension_notice_gives_the_new_date_and_a_reason_where_the_policy_says_so() {
    let date = jiff::civil::date(2026, 12, 14);
    let mut notice = message(MessageKind::ExtensionNotice, Channel::Email);
    notice.body =
        "Vi kan desværre ikke svare til tiden. Du får svar senest 14. december 2026.".into();
    assert!(
        check_extension(
            date,
            "Vi venter på en udtalelse.",
            &notice,
            policy("stevns")
        )
        .is_empty()
    );
    notice.body = "Vi kan desværre ikke svare til tiden.".into();
    let v = check_extension(date, "", &notice, policy("stevns"));
    assert_eq!(
        rules(&v),
        vec![
            ("extension_notice", "STE-3", Severity::Block),
            ("extension_notice", "STE-3", Severity::Block)
        ]
    );
    assert!(
        check_extension(date, "", &notice, policy("roskilde")).is_empty(),
        "Roskilde does not state the rule"
    );
}
