//! Replies and the outbox: channels with a delivery queue the message; the others record it at
//! once; a channel the sender gave no address for is refused before anything is stored.

use crate::helpers::{email, id_of, spawn_app};
use crate::pages::hidden_csrf;
use crate::staff::mette;
use frist_core::EventKind;
use frist_store::{OutboxStore, Store};
use frist_web::paths;
use reqwest::StatusCode;

fn reply<'a>(csrf: &'a str, channel: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("csrf", csrf),
        ("kind", "acknowledgment"),
        ("channel", channel),
        (
            "body",
            "Tak for din henvendelse. Mette Hansen behandler den.",
        ),
        ("caseworker", "mette"),
        ("contact", "Mette Hansen, 46 31 30 00"),
        ("next_step", "Vi ser på sagen."),
        ("expected", "2027-01-08"),
    ]
}

#[tokio::test]
async fn digital_post_to_a_sender_without_cpr_or_cvr_is_refused_and_nothing_is_queued() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let csrf = hidden_csrf(&page.html);
    let refused = v
        .post(&paths::message(id), &reply(&csrf, "digital_post"))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .html
            .contains("Digital Post kræver afsenderens CPR- eller CVR-nummer"),
        "{}",
        refused.html
    );
    assert!(app.store.outbox_for_inquiry(id).await.unwrap().is_empty());
    let events = app.store.events(id).await.unwrap();
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.kind, EventKind::MessageSent { .. }))
    );
}

#[tokio::test]
async fn a_reply_by_phone_has_no_delivery_and_is_recorded_at_once() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let csrf = hidden_csrf(&page.html);
    let sent = v.post(&paths::message(id), &reply(&csrf, "phone")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.html);
    assert_eq!(
        sent.headers.get("location").unwrap().to_str().unwrap(),
        format!("/sager/{id}?sendt=1")
    );
    assert!(app.store.outbox_for_inquiry(id).await.unwrap().is_empty());
    let events = app.store.events(id).await.unwrap();
    let last = events.last().unwrap();
    assert!(
        matches!(last.kind, EventKind::MessageSent { .. }),
        "{last:?}"
    );
}

#[tokio::test]
async fn the_inquiry_page_shows_outgoing_messages_and_a_person_decides_on_an_uncertain_one() {
    use frist_policy::Channel;
    use frist_store::{NewOutboxItem, OutboxState};
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let stored = app.store.get_inquiry(id).await.unwrap();
    let now: jiff::Timestamp = "2026-12-23T16:00:00+01:00".parse().unwrap();
    let mut queued = Vec::new();
    for n in 0..2 {
        let message = frist_core::OutgoingMessage {
            kind: frist_core::MessageKind::Answer,
            channel: Channel::Email,
            body: "Svar.".into(),
            caseworker: Some("Mette Hansen".into()),
            contact: None,
            next_step: None,
            expected_answer_date: None,
            appealable: false,
            complaint_guidance: None,
        };
        let item = app
            .store
            .enqueue(NewOutboxItem {
                inquiry_id: id,
                message,
                recipient: "borger@example.dk".into(),
                message_id: format!("<{}.{n}@roskilde.dk>", stored.inquiry.reference),
                actor: Some("mette".into()),
                created_at: now,
                status_token: None,
            })
            .await
            .unwrap();
        queued.push(item.id);
    }
    // One is interrupted while sending (uncertain), the other refused for good (failed).
    let claimed = app
        .store
        .claim_due(now, &[Channel::Email], 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 2);
    app.store
        .mark_failed(queued[1], "550 mailbox unavailable", now)
        .await
        .unwrap();
    assert_eq!(app.store.recover_interrupted().await.unwrap(), 1);

    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    assert!(page.html.contains("Udgående beskeder"), "{}", page.html);
    assert!(page.html.contains("Uvist, om den kom frem"));
    assert!(page.html.contains("550 mailbox unavailable"));
    assert!(
        page.html
            .contains("Modtagerens system tog ikke imod beskeden"),
        "the failure is explained in Danish before the technical message"
    );
    assert!(page.html.contains("Teknisk besked til it-afdelingen: 550"));
    let csrf = hidden_csrf(&page.html);

    // "It arrived": recorded on the inquiry once.
    let confirmed = v
        .post(
            &format!("/sager/{id}/udgaaende/{}/kom-frem", queued[0]),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(confirmed.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.outbox_item(queued[0]).await.unwrap().state,
        OutboxState::Sent
    );
    let sent = app.store.events(id).await.unwrap();
    assert_eq!(
        sent.iter()
            .filter(|e| matches!(e.kind, EventKind::MessageSent { .. }))
            .count(),
        1
    );
    // "Send again": the failed one is queued again.
    let retried = v
        .post(
            &format!("/sager/{id}/udgaaende/{}/igen", queued[1]),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(retried.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.store.outbox_item(queued[1]).await.unwrap().state,
        OutboxState::Queued
    );
    // A message of another inquiry cannot be decided on from this one's page.
    let other = id_of(&app.create(&email("2026-12-23T11:00:00+01:00")).await);
    let wrong = v
        .post(
            &format!("/sager/{other}/udgaaende/{}/igen", queued[1]),
            &[("csrf", csrf.as_str())],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_messenger_inquiry_says_how_long_messenger_takes_replies_and_when_it_has_closed() {
    let app = spawn_app("roskilde").await;
    let messenger = |at: &str, mid: &str| {
        serde_json::json!({
            "channel": "facebook", "received_at": at, "subject": "", "body": "Hej",
            "sender": {"name": "Karen", "facebook_id": "psid-1"}, "external_id": mid,
        })
    };
    // The test clock stands at 23 December 2026 16:00.
    let fresh = id_of(
        &app.create(&messenger("2026-12-23T10:00:00+01:00", "m1"))
            .await,
    );
    let old = id_of(
        &app.create(&messenger("2026-12-10T10:00:00+01:00", "m2"))
            .await,
    );
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(fresh)).await;
    assert!(
        page.html
            .contains("Du kan svare på Messenger indtil 24. december 2026"),
        "{}",
        page.html
    );
    let page = v.get(&paths::inquiry(old)).await;
    assert!(page.html.contains("Messenger tager ikke længere imod svar"));
    assert!(page.html.contains("Svar borgeren på en anden kanal"));
    let email_page = v
        .get(&format!(
            "/sager/{}",
            id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await)
        ))
        .await;
    assert!(!email_page.html.contains("Messenger"));
}

/// A letter inquiry from `sender`, received by the desk.
fn letter(sender: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "channel": "letter", "received_at": "2026-12-23T10:00:00+01:00",
        "subject": "Brev om vejbump", "body": "Jeg vil gerne klage over vejbumpet.",
        "sender": sender
    })
}

#[tokio::test]
async fn a_letter_without_a_postal_address_is_refused_in_danish_naming_what_is_missing() {
    let app = spawn_app("roskilde").await;
    let id = id_of(
        &app.create(&letter(serde_json::json!({"name": "Karen Jensen"})))
            .await,
    );
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let csrf = hidden_csrf(&page.html);
    let refused = v.post(&paths::message(id), &reply(&csrf, "letter")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .html
            .contains("Brevet kan ikke sendes: der er ingen postadresse på afsenderen"),
        "{}",
        refused.html
    );
    assert!(!refused.html.contains("Sendt"), "never called sent");
    assert!(app.store.outbox_for_inquiry(id).await.unwrap().is_empty());
    let inquiry = app.store.get_inquiry(id).await.unwrap().inquiry;
    assert_eq!(inquiry.event_count, 1, "nothing stored: {:?}", inquiry);
}

#[tokio::test]
async fn a_letter_with_a_postal_address_is_queued_to_that_address() {
    let app = spawn_app("roskilde").await;
    let sender = serde_json::json!({
        "name": "Karen Jensen",
        "postal_address": "Skolegade 4\n4000 Roskilde"
    });
    let id = id_of(&app.create(&letter(sender)).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let csrf = hidden_csrf(&page.html);
    let queued = v.post(&paths::message(id), &reply(&csrf, "letter")).await;
    assert_eq!(queued.status, StatusCode::SEE_OTHER, "{}", queued.html);
    let outbox = app.store.outbox_for_inquiry(id).await.unwrap();
    assert_eq!(outbox.len(), 1);
    let item = app.store.outbox_item(outbox[0].id).await.unwrap();
    assert_eq!(item.recipient, "Skolegade 4, 4000 Roskilde");
}

#[tokio::test]
async fn the_reply_form_offers_the_date_already_promised_not_the_policys_earlier_one() {
    // ROS-1 wants an answer to a general question within two working days; an acknowledgment
    // promised a later date, which is the one to repeat (moving it takes an extension).
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let csrf = hidden_csrf(&v.get(&paths::inquiry(id)).await.html);
    let sent = v.post(&paths::message(id), &reply(&csrf, "email")).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.html);
    // The form now starts as an answer, which names no date; a second acknowledgment starts
    // from the promised one.
    let page = v.get(&paths::inquiry(id)).await.html;
    let at = page.find("<option value=\"acknowledgment\"").unwrap();
    let option = &page[at..at + page[at..].find('>').unwrap()];
    assert!(option.contains("data-expected=\"2027-01-08\""), "{option}");
}
