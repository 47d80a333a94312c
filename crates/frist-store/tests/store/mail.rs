//! E-mail storage: raw bytes kept exactly, one inquiry per Message-ID, replies threaded,
//! flagged mail kept and listed, bulk import deduplicating and threading within a batch.

use crate::helpers::*;
use frist_core::{CitizenMessage, Event, EventKind, InquiryState, Reference};
use frist_policy::Channel;
use frist_store::{
    IncomingMail, InquiryFilter, MailContent, MailOutcome, MailStore, ReadableMail, Store,
    StoreError, ThreadKeys,
};

conformance!(
    a_message_makes_one_inquiry_and_its_bytes_are_kept_exactly,
    the_same_message_again_is_a_duplicate_and_makes_no_second_inquiry,
    a_reply_threads_by_in_reply_to_and_by_the_reference_in_its_subject,
    flagged_mail_is_kept_raw_and_listed_page_by_page,
    a_refused_inquiry_is_flagged_not_dropped,
    a_reply_dated_before_its_inquiry_is_still_added,
    bulk_import_deduplicates_and_threads_within_a_batch_in_any_order,
    bulk_import_threads_across_batches_and_counts_every_message,
    stored_bytes_can_never_be_changed,
    due_auto_replies_are_listed_until_handled,
);

/// Raw bytes with a Message-ID header (or none).
fn raw(message_id: Option<&str>, subject: &str, extra: &str) -> Vec<u8> {
    let id = message_id
        .map(|id| format!("Message-ID: <{id}>\r\n"))
        .unwrap_or_default();
    format!("From: Karen <karen@example.dk>\r\n{id}Subject: {subject}\r\n\r\nHej.\r\n{extra}")
        .into_bytes()
}

/// A readable message that makes an e-mail inquiry received at `when`.
fn readable(message_id: Option<&str>, when: &str, thread: ThreadKeys, extra: &str) -> IncomingMail {
    let subject = "Spørgsmål om affald";
    let bytes = raw(message_id, subject, extra);
    let mut new = email(when, None);
    let reply = Event {
        at: at(when),
        actor: None,
        kind: EventKind::MessageReceived {
            message: CitizenMessage {
                channel: Channel::Email,
                subject: subject.into(),
                body: "Hej.".into(),
                attachments: vec![],
                external_id: message_id.map(str::to_owned),
            },
        },
    };
    let mut mail = IncomingMail::new(
        bytes,
        message_id.map(str::to_owned),
        "file:test.eml".into(),
        at(when),
        MailContent::Flagged {
            reason: String::new(),
        },
    );
    new.external_id = Some(mail.message_id.clone());
    mail.subject = subject.into();
    mail.from = Some("karen@example.dk".into());
    mail.content = MailContent::Readable(Box::new(ReadableMail {
        inquiry: new,
        then: vec![],
        as_reply: reply,
        thread,
        absent_caseworker: None,
        auto_reply: false,
    }));
    mail
}

fn flagged(bytes: &[u8], reason: &str) -> IncomingMail {
    let mut mail = IncomingMail::new(
        bytes.to_vec(),
        None,
        "file:bad.eml".into(),
        at("2026-03-02T09:00:00+01:00"),
        MailContent::Flagged {
            reason: reason.into(),
        },
    );
    mail.subject = "Mit cpr-nr. er 010190-1234".into();
    mail
}

fn answering(ids: &[&str]) -> ThreadKeys {
    ThreadKeys {
        message_ids: ids.iter().map(|s| (*s).to_owned()).collect(),
        references: vec![],
    }
}

async fn count(s: &frist_store::AnyStore) -> usize {
    s.list_inquiries(&InquiryFilter::default(), None, 500)
        .await
        .unwrap()
        .items
        .len()
}

async fn a_message_makes_one_inquiry_and_its_bytes_are_kept_exactly(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    // Bytes that are not UTF-8 (Latin-1 "ø") must come back exactly.
    let mut mail = readable(
        Some("m1@example.dk"),
        "2026-03-02T09:00:00+01:00",
        ThreadKeys::default(),
        "",
    );
    let mut bytes = mail.raw().to_vec();
    bytes.extend_from_slice(b"K\xf8benhavn\r\n");
    let content = mail.content.clone();
    mail = IncomingMail::new(
        bytes.clone(),
        Some("m1@example.dk".into()),
        "imap:post@roskilde.dk/INBOX".into(),
        at("2026-03-02T09:00:00+01:00"),
        content,
    );
    let receipt = s.receive_mail(mail, &ros).await.unwrap();
    assert_eq!(receipt.outcome, MailOutcome::Inquiry);
    let id = receipt.inquiry_id.unwrap();
    let stored = s.get_inquiry(id).await.unwrap();
    assert_eq!(stored.inquiry.received.channel, Channel::Email);
    assert_eq!(
        stored.inquiry.received.external_id.as_deref(),
        Some("m1@example.dk")
    );
    assert_eq!(s.mail_raw(receipt.mail_id).await.unwrap(), bytes);
    let listed = s.mail_of_inquiry(id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].message_id, "m1@example.dk");
    assert_eq!(listed[0].source, "imap:post@roskilde.dk/INBOX");
    assert_eq!(listed[0].size, bytes.len() as u64);
    assert!(matches!(
        s.mail_raw(receipt.mail_id + 1000).await,
        Err(StoreError::NotFound)
    ));
}

async fn the_same_message_again_is_a_duplicate_and_makes_no_second_inquiry(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let when = "2026-03-02T09:00:00+01:00";
    let first = s
        .receive_mail(
            readable(Some("m1@example.dk"), when, ThreadKeys::default(), ""),
            &ros,
        )
        .await
        .unwrap();
    // The same bytes again (a fetch repeated after a crash): nothing new is stored.
    let again = s
        .receive_mail(
            readable(Some("m1@example.dk"), when, ThreadKeys::default(), ""),
            &ros,
        )
        .await
        .unwrap();
    assert_eq!(again.outcome, MailOutcome::Duplicate);
    assert_eq!(again.mail_id, first.mail_id);
    assert_eq!(again.inquiry_id, first.inquiry_id);
    // Another copy with the same Message-ID (delivered to a second mailbox): kept, as a copy.
    let copy = s
        .receive_mail(
            readable(
                Some("m1@example.dk"),
                when,
                ThreadKeys::default(),
                "Delivered-To: other",
            ),
            &ros,
        )
        .await
        .unwrap();
    assert_eq!(copy.outcome, MailOutcome::Duplicate);
    assert_ne!(copy.mail_id, first.mail_id);
    assert_eq!(copy.inquiry_id, first.inquiry_id);
    assert_eq!(count(s).await, 1);
    assert_eq!(
        s.mail_of_inquiry(first.inquiry_id.unwrap())
            .await
            .unwrap()
            .iter()
            .map(|m| m.outcome)
            .collect::<Vec<_>>(),
        [MailOutcome::Inquiry, MailOutcome::Duplicate]
    );
    // Without a Message-ID, the bytes name the message.
    let anonymous = readable(None, when, ThreadKeys::default(), "x");
    assert!(anonymous.message_id.starts_with("sha256:"));
    let a = s.receive_mail(anonymous.clone(), &ros).await.unwrap();
    let b = s.receive_mail(anonymous, &ros).await.unwrap();
    assert_eq!(a.outcome, MailOutcome::Inquiry);
    assert_eq!(b.outcome, MailOutcome::Duplicate);
    assert_eq!(count(s).await, 2);
}

async fn a_reply_threads_by_in_reply_to_and_by_the_reference_in_its_subject(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let original = s
        .receive_mail(
            readable(
                Some("q@example.dk"),
                "2026-03-02T09:00:00+01:00",
                ThreadKeys::default(),
                "",
            ),
            &ros,
        )
        .await
        .unwrap();
    let id = original.inquiry_id.unwrap();
    let by_id = s
        .receive_mail(
            readable(
                Some("r1@example.dk"),
                "2026-03-03T09:00:00+01:00",
                answering(&["unknown@x", "q@example.dk"]),
                "",
            ),
            &ros,
        )
        .await
        .unwrap();
    assert_eq!(by_id.outcome, MailOutcome::Reply);
    assert_eq!(by_id.inquiry_id, Some(id));
    // A reply to the reply threads to the same inquiry.
    let chained = s
        .receive_mail(
            readable(
                Some("r2@example.dk"),
                "2026-03-03T10:00:00+01:00",
                answering(&["r1@example.dk"]),
                "",
            ),
            &ros,
        )
        .await
        .unwrap();
    assert_eq!(chained.inquiry_id, Some(id));
    let reference = s.get_inquiry(id).await.unwrap().inquiry.reference;
    let by_reference = s
        .receive_mail(
            readable(
                Some("r3@example.dk"),
                "2026-03-04T09:00:00+01:00",
                ThreadKeys {
                    message_ids: vec!["nothing-stored@x".into()],
                    references: vec!["ROS-2026-999999".parse::<Reference>().unwrap(), reference],
                },
                "",
            ),
            &ros,
        )
        .await
        .unwrap();
    assert_eq!(by_reference.outcome, MailOutcome::Reply);
    assert_eq!(by_reference.inquiry_id, Some(id));
    let events = s.events(id).await.unwrap();
    assert_eq!(
        events.iter().map(|e| e.kind.name()).collect::<Vec<_>>(),
        [
            "received",
            "message_received",
            "message_received",
            "message_received"
        ]
    );
    // Unknown ids and references: a new inquiry.
    let unrelated = s
        .receive_mail(
            readable(
                Some("new@example.dk"),
                "2026-03-04T09:00:00+01:00",
                answering(&["nobody@x"]),
                "",
            ),
            &ros,
        )
        .await
        .unwrap();
    assert_eq!(unrelated.outcome, MailOutcome::Inquiry);
    assert_ne!(unrelated.inquiry_id, Some(id));
}

async fn flagged_mail_is_kept_raw_and_listed_page_by_page(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let mut ids = Vec::new();
    for n in 0..3u8 {
        let bytes = [0xff, 0xfe, n, 0x00];
        let receipt = s
            .receive_mail(flagged(&bytes, "not an e-mail message"), &ros)
            .await
            .unwrap();
        assert_eq!(receipt.outcome, MailOutcome::Flagged);
        assert_eq!(
            receipt.flag_reason.as_deref(),
            Some("not an e-mail message")
        );
        assert_eq!(s.mail_raw(receipt.mail_id).await.unwrap(), bytes);
        ids.push(receipt.mail_id);
    }
    s.receive_mail(
        readable(
            Some("ok@x"),
            "2026-03-02T09:00:00+01:00",
            ThreadKeys::default(),
            "",
        ),
        &ros,
    )
    .await
    .unwrap();
    let first = s.flagged_mail(None, 2).await.unwrap();
    assert_eq!(
        first.items.iter().map(|m| m.id).collect::<Vec<_>>(),
        ids[..2]
    );
    assert_eq!(first.items[0].subject, "Mit cpr-nr. er 010190-XXXX");
    assert_eq!(first.items[0].size, 4);
    let second = s
        .flagged_mail(first.next_cursor.as_deref(), 2)
        .await
        .unwrap();
    assert_eq!(
        second.items.iter().map(|m| m.id).collect::<Vec<_>>(),
        ids[2..]
    );
    assert_eq!(second.next_cursor, None);
    assert!(matches!(
        s.flagged_mail(Some("not a cursor"), 2).await,
        Err(StoreError::Invalid(_))
    ));
    assert_eq!(count(s).await, 1);
}

async fn a_refused_inquiry_is_flagged_not_dropped(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    // Received in 1850: outside the calendar, so the lifecycle refuses the inquiry.
    let receipt = s
        .receive_mail(
            readable(
                Some("old@x"),
                "1850-03-02T09:00:00+01:00",
                ThreadKeys::default(),
                "",
            ),
            &ros,
        )
        .await
        .unwrap();
    assert_eq!(receipt.outcome, MailOutcome::Flagged);
    assert!(
        receipt.flag_reason.as_deref().unwrap().contains("refused"),
        "{receipt:?}"
    );
    assert_eq!(receipt.inquiry_id, None);
    assert_eq!(s.flagged_mail(None, 10).await.unwrap().items.len(), 1);
    assert_eq!(count(s).await, 0);
}

async fn a_reply_dated_before_its_inquiry_is_still_added(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let original = s
        .receive_mail(
            readable(
                Some("q@x"),
                "2026-03-02T09:00:00+01:00",
                ThreadKeys::default(),
                "",
            ),
            &ros,
        )
        .await
        .unwrap();
    let id = original.inquiry_id.unwrap();
    s.append_event(
        id,
        event(
            "2026-03-02T10:00:00+01:00",
            EventKind::AwaitingCitizenStarted,
        ),
    )
    .await
    .unwrap();
    let early = s
        .receive_mail(
            readable(
                Some("r@x"),
                "2026-03-01T09:00:00+01:00",
                answering(&["q@x"]),
                "",
            ),
            &ros,
        )
        .await
        .unwrap();
    assert_eq!(early.outcome, MailOutcome::Reply);
    let stored = s.get_inquiry(id).await.unwrap();
    assert_eq!(stored.inquiry.state, InquiryState::Open, "the wait ended");
    let events = s.events(id).await.unwrap();
    // Moved up to the receipt, and then to the latest event (the wait started): events stay in
    // time order.
    assert_eq!(events[2].at, at("2026-03-02T10:00:00+01:00"));
}

async fn bulk_import_deduplicates_and_threads_within_a_batch_in_any_order(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let when = "2026-03-02T09:00:00+01:00";
    let batch = vec![
        // A reply before its original, in the same batch.
        readable(Some("reply@x"), when, answering(&["orig@x"]), ""),
        readable(Some("orig@x"), when, ThreadKeys::default(), ""),
        readable(Some("orig@x"), when, ThreadKeys::default(), ""),
        readable(
            Some("orig@x"),
            when,
            ThreadKeys::default(),
            "Delivered-To: b",
        ),
        flagged(b"\x00\x01", "not an e-mail message"),
        readable(Some("other@x"), when, ThreadKeys::default(), ""),
        // Replies to each other only: one of them makes the inquiry.
        readable(Some("loop-a@x"), when, answering(&["loop-b@x"]), ""),
        readable(Some("loop-b@x"), when, answering(&["loop-a@x"]), ""),
    ];
    let receipts = s.import_mail(batch, &ros).await.unwrap();
    let outcomes: Vec<MailOutcome> = receipts.iter().map(|r| r.outcome).collect();
    use MailOutcome::*;
    assert_eq!(
        outcomes,
        [
            Reply, Inquiry, Duplicate, Duplicate, Flagged, Inquiry, Reply, Inquiry
        ]
    );
    let orig = receipts[1].inquiry_id.unwrap();
    assert_eq!(receipts[0].inquiry_id, Some(orig));
    assert_eq!(receipts[2].inquiry_id, Some(orig));
    assert_eq!(
        receipts[2].mail_id, receipts[1].mail_id,
        "an identical copy is not stored"
    );
    assert_eq!(receipts[3].inquiry_id, Some(orig));
    assert_eq!(receipts[6].inquiry_id, receipts[7].inquiry_id);
    assert_eq!(count(s).await, 3);
    assert_eq!(
        s.events(orig)
            .await
            .unwrap()
            .iter()
            .map(|e| e.kind.name())
            .collect::<Vec<_>>(),
        ["received", "message_received"]
    );
    // Importing the same batch again stores nothing new.
    let again = s
        .import_mail(
            vec![
                readable(Some("reply@x"), when, answering(&["orig@x"]), ""),
                readable(Some("orig@x"), when, ThreadKeys::default(), ""),
                flagged(b"\x00\x01", "not an e-mail message"),
            ],
            &ros,
        )
        .await
        .unwrap();
    assert!(again.iter().all(|r| r.outcome == Duplicate), "{again:?}");
    assert_eq!(count(s).await, 3);
}

async fn bulk_import_threads_across_batches_and_counts_every_message(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let when = "2026-03-02T09:00:00+01:00";
    // More than one writer request (500 messages) and one transaction's worth of rows.
    let mut batch: Vec<IncomingMail> = (0..1200)
        .map(|n| readable(Some(&format!("m{n}@x")), when, ThreadKeys::default(), ""))
        .collect();
    batch.push(readable(
        Some("late-reply@x"),
        when,
        answering(&["m3@x"]),
        "",
    ));
    let receipts = s.import_mail(batch, &ros).await.unwrap();
    assert_eq!(receipts.len(), 1201);
    assert_eq!(
        receipts
            .iter()
            .filter(|r| r.outcome == MailOutcome::Inquiry)
            .count(),
        1200
    );
    assert_eq!(receipts[1200].outcome, MailOutcome::Reply);
    assert_eq!(receipts[1200].inquiry_id, receipts[3].inquiry_id);
    let mut numbers = Vec::new();
    let mut cursor = None;
    loop {
        let page = s
            .list_inquiries(&InquiryFilter::default(), cursor.as_deref(), 500)
            .await
            .unwrap();
        numbers.extend(page.items.iter().map(|i| i.reference.number()));
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=1200).collect::<Vec<_>>());
}

async fn stored_bytes_can_never_be_changed(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    s.receive_mail(
        readable(
            Some("q@x"),
            "2026-03-02T09:00:00+01:00",
            ThreadKeys::default(),
            "",
        ),
        &ros,
    )
    .await
    .unwrap();
    let changed = execute_directly(db, "UPDATE mail_messages SET raw = x'00'").await;
    assert!(changed.is_err(), "{changed:?}");
    let allowed = execute_directly(db, "UPDATE mail_messages SET auto_reply_due = FALSE").await;
    assert!(allowed.is_ok(), "{allowed:?}");
}

async fn due_auto_replies_are_listed_until_handled(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let when = "2026-03-02T09:00:00+01:00";
    let mut absent = readable(Some("a@x"), when, ThreadKeys::default(), "");
    if let MailContent::Readable(r) = &mut absent.content {
        r.auto_reply = true;
        r.absent_caseworker = Some("mette.hansen".into());
    }
    // A reply never gets one, even for an absent caseworker: it is not a new inquiry.
    let mut reply = readable(Some("b@x"), when, answering(&["a@x"]), "");
    if let MailContent::Readable(r) = &mut reply.content {
        r.auto_reply = true;
    }
    let receipts = s.import_mail(vec![absent, reply], &ros).await.unwrap();
    assert!(receipts[0].auto_reply_due);
    assert!(!receipts[1].auto_reply_due);
    let due = s.auto_replies_due(10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].id, receipts[0].mail_id);
    assert_eq!(due[0].absent_caseworker.as_deref(), Some("mette.hansen"));
    assert_eq!(due[0].from.as_deref(), Some("karen@example.dk"));
    s.auto_reply_handled(due[0].id).await.unwrap();
    assert!(s.auto_replies_due(10).await.unwrap().is_empty());
    assert!(matches!(
        s.auto_reply_handled(due[0].id).await,
        Err(StoreError::NotFound)
    ));
}
