//! Intake: routing by mailbox and by recipients, absence to the substitute with a note and an
//! auto-reply decision, what is flagged, when a message counts as received, CPR in attachments.

use frist_calendar::Date;
use frist_channels::mail::{Arrival, Directory, Intake, Mailbox, MailboxKind, WhenReceived};
use frist_core::{EventKind, Inquiry, Reference};
use frist_policy::{Addressee, Policy};
use frist_store::{Absence, Caseworker, IncomingMail, MailContent, ReadableMail, Unit};
use jiff::Timestamp;
use std::sync::Arc;

const HTK: &str = include_str!("../../../../policies/hoeje-taastrup.toml");

fn policy() -> Arc<Policy> {
    Arc::new(Policy::from_toml("hoeje-taastrup", HTK).unwrap())
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn caseworker(id: &str, name: &str, unit: &str, absent_until: Option<Date>) -> Caseworker {
    Caseworker {
        id: id.into(),
        name: name.into(),
        unit: Some(unit.into()),
        email: Some(format!("{id}@htk.dk")),
        phone: None,
        absent: absent_until.map(|until| Absence {
            until,
            substitute: Some("jonas.berg".into()),
        }),
    }
}

fn directory(mette_absent_until: Option<Date>) -> Directory {
    let personal = Mailbox {
        caseworker: Some("mette.hansen".into()),
        ..Mailbox::routing("mette.hansen@htk.dk", MailboxKind::Personal)
    };
    let department = Mailbox {
        unit: Some("teknik".into()),
        ..Mailbox::routing("teknik@htk.dk", MailboxKind::Department)
    };
    Directory {
        mailboxes: vec![
            Mailbox::routing("kommune@htk.dk", MailboxKind::General),
            department,
            personal,
        ],
        units: vec![
            Unit {
                id: "borgerservice".into(),
                name: "Borgerservice".into(),
                email: Some("borgerservice@htk.dk".into()),
                phone: None,
            },
            Unit {
                id: "teknik".into(),
                name: "Teknik og Miljø".into(),
                email: None,
                phone: None,
            },
        ],
        caseworkers: vec![
            caseworker(
                "mette.hansen",
                "Mette Hansen",
                "borgerservice",
                mette_absent_until,
            ),
            caseworker("jonas.berg", "Jonas Berg", "social", None),
            caseworker("anna.lund", "Anna Lund", "teknik", None),
        ],
        municipality_email: None,
    }
}

fn message(headers: &str, body: &str) -> Vec<u8> {
    format!(
        "From: Karen Jensen <karen@example.dk>\r\nMessage-ID: <k1@example.dk>\r\n\
         Subject: Spørgsmål\r\n{headers}Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n"
    )
    .into_bytes()
}

fn import(intake: &Intake, raw: Vec<u8>) -> IncomingMail {
    intake.incoming(
        raw,
        Arrival {
            source: "file:x.eml".into(),
            mailbox: None,
            when: WhenReceived::FromHeaders,
            now: at("2026-11-20T12:00:00Z"),
        },
    )
}

fn readable(mail: &IncomingMail) -> &ReadableMail {
    match &mail.content {
        MailContent::Readable(r) => r,
        MailContent::Flagged { reason } => panic!("flagged: {reason}"),
    }
}

fn flag(mail: &IncomingMail) -> &str {
    match &mail.content {
        MailContent::Flagged { reason } => reason,
        MailContent::Readable(_) => panic!("not flagged"),
    }
}

#[test]
fn the_mailbox_that_received_a_message_decides_where_it_goes() {
    let d = directory(None);
    let intake = Intake::new(d.clone(), policy());
    let mut routes = Vec::new();
    for mailbox in &d.mailboxes {
        let mail = intake.incoming(
            message("", "Hej"),
            Arrival {
                source: mailbox.source(),
                mailbox: Some(mailbox),
                when: WhenReceived::At(at("2026-11-16T08:00:00Z")),
                now: at("2026-11-16T08:00:05Z"),
            },
        );
        let r = readable(&mail);
        assert_eq!(r.inquiry.received_at, at("2026-11-16T08:00:00Z"));
        assert_eq!(mail.source, format!("imap:{}/INBOX", mailbox.address));
        routes.push((
            r.inquiry.to,
            r.inquiry.unit.clone(),
            r.inquiry.caseworker.clone(),
        ));
    }
    assert_eq!(
        routes,
        [
            (Addressee::General, None, None),
            (Addressee::Department, Some("teknik".into()), None),
            (
                Addressee::Employee,
                Some("borgerservice".into()),
                Some("mette.hansen".into())
            ),
        ]
    );
}

#[test]
fn imported_mail_is_routed_by_its_recipients() {
    let intake = Intake::new(directory(None), policy());
    let route = |headers: &str| {
        let mail = import(&intake, message(headers, "Hej"));
        let r = readable(&mail);
        (
            r.inquiry.to,
            r.inquiry.unit.clone(),
            r.inquiry.caseworker.clone(),
        )
    };
    // Delivered-To wins over To; configured mailboxes over the store's addresses.
    assert_eq!(
        route("To: Mette <Mette.Hansen@htk.dk>\r\nDelivered-To: teknik@htk.dk\r\n"),
        (Addressee::Department, Some("teknik".into()), None)
    );
    assert_eq!(
        route("To: someone@else.dk\r\nCc: borgerservice@htk.dk\r\n"),
        (Addressee::Department, Some("borgerservice".into()), None)
    );
    assert_eq!(
        route("To: anna.lund@htk.dk\r\n"),
        (
            Addressee::Employee,
            Some("teknik".into()),
            Some("anna.lund".into())
        )
    );
    assert_eq!(
        route("To: nobody@htk.dk\r\n"),
        (Addressee::General, None, None)
    );
}

#[test]
fn mail_to_an_absent_caseworker_goes_to_the_substitute_with_a_note_and_an_auto_reply() {
    let until = jiff::civil::date(2026, 11, 27);
    let intake = Intake::new(directory(Some(until)), policy());
    let mail = import(
        &intake,
        message(
            "To: mette.hansen@htk.dk\r\nDate: Mon, 16 Nov 2026 09:00:00 +0100\r\n",
            "Hej Mette",
        ),
    );
    let r = readable(&mail);
    assert_eq!(r.inquiry.to, Addressee::Employee);
    assert_eq!(r.inquiry.caseworker.as_deref(), Some("jonas.berg"));
    assert_eq!(r.inquiry.unit.as_deref(), Some("social"));
    assert_eq!(r.absent_caseworker.as_deref(), Some("mette.hansen"));
    assert!(r.auto_reply);
    let [note] = r.then.as_slice() else {
        panic!("one note: {:?}", r.then)
    };
    assert_eq!(note.actor.as_deref(), Some("mail"));
    let EventKind::Note {
        text,
        visible_to_citizen,
    } = &note.kind
    else {
        panic!("a note")
    };
    assert!(!visible_to_citizen);
    assert!(
        text.contains("fraværende til og med 27. november 2026")
            && text.contains("stedfortræderen Jonas Berg"),
        "{text}"
    );

    // An automatic message gets no automatic reply, but still goes to the substitute.
    let automatic = import(
        &intake,
        message(
            "To: mette.hansen@htk.dk\r\nAuto-Submitted: auto-replied\r\n\
             Date: Mon, 16 Nov 2026 09:00:00 +0100\r\n",
            "Jeg er på ferie",
        ),
    );
    assert!(!readable(&automatic).auto_reply);
    assert_eq!(
        readable(&automatic).inquiry.caseworker.as_deref(),
        Some("jonas.berg")
    );

    // After the absence (to and including Friday 13th), mail goes to Mette again.
    let back = Intake::new(directory(Some(jiff::civil::date(2026, 11, 13))), policy());
    let later = import(
        &back,
        message(
            "To: mette.hansen@htk.dk\r\nDate: Mon, 16 Nov 2026 09:00:00 +0100\r\n",
            "Hej igen",
        ),
    );
    let r = readable(&later);
    assert_eq!(r.inquiry.caseworker.as_deref(), Some("mette.hansen"));
    assert!(r.then.is_empty() && !r.auto_reply && r.absent_caseworker.is_none());
}

#[test]
fn what_cannot_be_read_or_answered_is_flagged_for_a_person() {
    let intake = Intake::new(directory(None), policy());
    let gif = import(&intake, b"GIF89a\x01\x00\x01\x00\x80\x00".to_vec());
    assert_eq!(
        flag(&gif),
        "unreadable: not an e-mail message (no mail headers)"
    );
    assert!(gif.message_id.starts_with("sha256:"));
    assert_eq!(gif.raw(), b"GIF89a\x01\x00\x01\x00\x80\x00");
    let empty = import(&intake, Vec::new());
    assert_eq!(flag(&empty), "unreadable: the message is empty");
    let anonymous = import(&intake, b"Subject: hej\r\n\r\ntekst\r\n".to_vec());
    assert_eq!(flag(&anonymous), "no sender address: nobody to answer");
    let blank = import(&intake, b"From: a@b.dk\r\n\r\n\r\n".to_vec());
    assert_eq!(flag(&blank), "empty: no subject, text or attachment");
}

#[test]
fn an_imported_message_counts_as_received_when_the_server_got_it() {
    let intake = Intake::new(directory(None), policy());
    let received = |headers: &str| {
        let mail = import(&intake, message(headers, "x"));
        readable(&mail).inquiry.received_at.to_string()
    };
    assert_eq!(
        received(
            "Received: from mx by mail.htk.dk; Tue, 17 Nov 2026 10:00:00 +0100\r\n\
             Date: Mon, 16 Nov 2026 09:00:00 +0100\r\n"
        ),
        "2026-11-17T09:00:00Z"
    );
    assert_eq!(
        received("Date: Mon, 16 Nov 2026 09:00:00 +0100\r\n"),
        "2026-11-16T08:00:00Z"
    );
    // No date, or one in the future: when it was imported.
    assert_eq!(received(""), "2026-11-20T12:00:00Z");
    assert_eq!(
        received("Date: Mon, 16 Nov 2099 09:00:00 +0100\r\n"),
        "2026-11-20T12:00:00Z"
    );
}

#[test]
fn a_cpr_number_in_a_text_attachment_makes_the_inquiry_involve_cpr() {
    let intake = Intake::new(directory(None), policy());
    let raw = "From: karen@example.dk\r\nSubject: Ansøgning\r\nMessage-ID: <a@b>\r\n\
               Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
               --b\r\nContent-Type: text/plain\r\n\r\nSe vedhæftede.\r\n\
               --b\r\nContent-Type: text/csv; name=\"data.csv\"\r\n\
               Content-Disposition: attachment; filename=\"data.csv\"\r\n\r\n\
               navn;cpr\r\nKaren;0101901234\r\n--b--\r\n";
    let mail = import(&intake, raw.as_bytes().to_vec());
    let r = readable(&mail);
    assert!(!frist_core::cpr::contains(&r.inquiry.body));
    assert!(r.inquiry.attachments[0].contains_cpr);
    let p = policy();
    let reference = Reference::new("HTK", 2026, 1).unwrap();
    let (inquiry, _) = Inquiry::receive(reference, r.inquiry.clone(), &p).unwrap();
    assert!(inquiry.involves_cpr());
    // The reply form of the same message carries it too.
    let EventKind::MessageReceived { message } = &r.as_reply.kind else {
        panic!("message_received")
    };
    assert!(message.involves_cpr());
    assert_eq!(message.external_id.as_deref(), Some("a@b"));
    assert_eq!(r.inquiry.external_id.as_deref(), Some("a@b"));
}
