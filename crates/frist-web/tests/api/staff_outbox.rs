//! Replies and the outbox: channels with a delivery queue the message; the others record it at
//! once; a channel the sender gave no address for is refused before anything is stored.

use crate::helpers::{email, id_of, spawn_app};
use crate::pages::hidden_csrf;
use crate::staff::mette;
use frist_core::EventKind;
use frist_store::{OutboxStore, Store};
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
        ("caseworker", "Mette Hansen"),
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
    let page = v.get(&format!("/sager/{id}")).await;
    let csrf = hidden_csrf(&page.html);
    let refused = v
        .post(
            &format!("/sager/{id}/besked"),
            &reply(&csrf, "digital_post"),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .html
            .contains("Afsenderen har ikke oplyst en adresse"),
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
    let page = v.get(&format!("/sager/{id}")).await;
    let csrf = hidden_csrf(&page.html);
    let sent = v
        .post(&format!("/sager/{id}/besked"), &reply(&csrf, "phone"))
        .await;
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
