//! Notices to staff in the outbox: queued once per key, claimed, sent, retried and failed
//! without touching any inquiry's events, listed with their kind and never their text, and the
//! digest switch.

use crate::helpers::*;
use frist_store::{NewNotice, NoticeKind, NoticeStore, NoticeText, OutboxState, StoreError};
use jiff::Timestamp;

conformance!(
    a_notice_is_queued_once_per_key_and_travels_like_a_message,
    the_digest_is_on_until_a_person_turns_it_off,
);

fn notice(key: &str, kind: NoticeKind, person: &str, at: Timestamp) -> NewNotice {
    NewNotice {
        key: key.into(),
        kind,
        person: person.into(),
        recipient: format!("{person}@kommune.example"),
        inquiry_id: None,
        text: NoticeText {
            subject: format!("Emne {key}"),
            body: "Fortroligt indhold".into(),
            link: Some("https://frist.example/sager".into()),
            mine: vec![3, 4],
        },
        message_id: format!("<{key}@frist.example>"),
        created_at: at,
        due_at: at,
    }
}

async fn a_notice_is_queued_once_per_key_and_travels_like_a_message(db: &TestDb) {
    let s = &db.store;
    let at: Timestamp = "2026-12-07T07:00:00Z".parse().unwrap();
    let digest = notice("digest:mette:2026-12-07", NoticeKind::Digest, "mette", at);
    let warning = notice(
        "warning:7:HTK-1",
        NoticeKind::Warning,
        "unit:borgerservice",
        at,
    );
    assert_eq!(
        s.queue_notices(vec![digest.clone(), warning])
            .await
            .unwrap(),
        2
    );
    // The same keys again, as a second pass or a second node would: nothing new.
    let again = notice("digest:mette:2026-12-07", NoticeKind::Digest, "mette", at);
    assert_eq!(s.queue_notices(vec![again]).await.unwrap(), 0);

    let listed = s.list_outbox(None, None, 10).await.unwrap();
    let kinds: Vec<&str> = listed.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["digest", "warning"]);
    assert_eq!(listed[0].person.as_deref(), Some("mette"));
    assert!(
        listed
            .iter()
            .all(|e| e.inquiry_id.is_none() && e.state == OutboxState::Queued)
    );
    assert!(!format!("{listed:?}").contains("Fortroligt"));

    // Not yet due before `due_at`; then claimed once.
    let early: Timestamp = "2026-12-07T06:00:00Z".parse().unwrap();
    assert!(s.claim_notices(early, 10).await.unwrap().is_empty());
    let claimed = s.claim_notices(at, 10).await.unwrap();
    assert_eq!(claimed.len(), 2);
    assert!(s.claim_notices(at, 10).await.unwrap().is_empty());
    assert_eq!(claimed[0].text, digest.text);
    assert_eq!(claimed[0].attempts, 1);

    s.notice_sent(claimed[0].id, at).await.unwrap();
    s.notice_retry(claimed[1].id, "SMTP: refused", at)
        .await
        .unwrap();
    let retried = s.outbox_entry(claimed[1].id).await.unwrap();
    assert_eq!(retried.state, OutboxState::Queued);
    assert_eq!(retried.last_error.as_deref(), Some("SMTP: refused"));
    let claimed = s.claim_notices(at, 10).await.unwrap();
    s.notice_failed(claimed[0].id, "gave up").await.unwrap();
    // Sent once: not again.
    let sent_id = s
        .list_outbox(Some(OutboxState::Sent), None, 10)
        .await
        .unwrap()[0]
        .id;
    assert!(matches!(
        s.notice_sent(sent_id, at).await,
        Err(StoreError::Conflict(_))
    ));
    s.requeue_notice(claimed[0].id, at).await.unwrap();
    assert_eq!(
        s.outbox_entry(claimed[0].id).await.unwrap().state,
        OutboxState::Queued
    );

    // A person's notices, newest first, and the digest's memory.
    let mine = s.notices_for("mette", None, 10).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(s.last_digest_mine("mette").await.unwrap(), Some(vec![3, 4]));
    assert_eq!(s.last_digest_mine("lars").await.unwrap(), None);
    // A message to a citizen is not a notice: nothing here claims or lists it as one.
    assert!(s.open_obligations(None, 10).await.unwrap().0.is_empty());
}

async fn the_digest_is_on_until_a_person_turns_it_off(db: &TestDb) {
    let s = &db.store;
    assert!(s.wants_digest("mette").await.unwrap());
    s.set_wants_digest("mette", false).await.unwrap();
    assert!(!s.wants_digest("mette").await.unwrap());
    assert_eq!(s.digest_opt_outs().await.unwrap(), ["mette"]);
    s.set_wants_digest("mette", true).await.unwrap();
    assert!(s.wants_digest("mette").await.unwrap());
    assert!(s.digest_opt_outs().await.unwrap().is_empty());
}
