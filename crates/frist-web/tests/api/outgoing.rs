//! Messages through the API go through the outbox: queued first, recorded as `message_sent`
//! only when delivered, and listed in the inquiry's `outgoing` (no body, no recipient). An
//! extension's notice is queued with the extension.

use crate::helpers::{TestApp, email, id_of, problem, spawn_app};
use frist_core::EventKind;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn inquiry(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/api/v1/inquiries/{id}"))
        .await
        .json()
        .await
        .unwrap()
}

async fn messages_sent(app: &TestApp, id: i64) -> usize {
    app.snapshot(id)
        .await
        .events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::MessageSent { .. }))
        .count()
}

fn extension(channel: &str) -> Value {
    json!({
        "type": "deadline_extended",
        "goal": "ROS-1",
        "requires": "answer",
        "new_due_date": "2027-01-08",
        "reason": "Vi venter på oplysninger fra vejafdelingen.",
        "notice": {
            "kind": "extension_notice",
            "channel": channel,
            "body": "Vi har brug for mere tid. Du får svar senest 8. januar 2027, fordi vi venter på oplysninger fra vejafdelingen.",
            "contact": "Borgerservice, 46 31 30 00"
        }
    })
}

#[tokio::test]
async fn an_answer_by_email_is_queued_and_recorded_only_when_delivered() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let response = app
        .post(
            &format!("/api/v1/inquiries/{id}/messages"),
            &json!({"kind": "answer", "channel": "email", "body": "Affaldet hentes fredag.", "contact": "Borgerservice"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let answered: Value = response.json().await.unwrap();
    assert_eq!(answered["message"]["state"], "queued", "{answered}");
    assert_eq!(answered["message"]["kind"], "answer");

    // No SMTP configured: the answer waits in the outbox, and nothing is recorded as sent.
    let shown = inquiry(&app, id).await;
    let outgoing = shown["outgoing"].as_array().unwrap();
    assert_eq!(outgoing.len(), 1, "{shown}");
    assert_eq!(outgoing[0]["kind"], "answer");
    assert_eq!(outgoing[0]["channel"], "email");
    assert_eq!(outgoing[0]["state"], "queued");
    assert!(outgoing[0]["queued_at"].is_string());
    assert!(outgoing[0].get("sent_at").is_none(), "{shown}");
    let listed = shown["outgoing"].to_string();
    for secret in ["Affaldet hentes", "karen@example.dk"] {
        assert!(!listed.contains(secret), "{secret} in {listed}");
    }
    assert_eq!(messages_sent(&app, id).await, 0);
    // It counts from the moment it was queued: the answer obligations are met.
    assert_eq!(shown["answered"], true);
    assert!(
        shown["obligations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["requires"] != "triage")
            .all(|o| o["state"] == "met"),
        "{shown}"
    );

    // Delivered: the row is sent, and the answer recorded once.
    app.set_now("2026-12-23T16:05:00+01:00");
    assert_eq!(app.deliver().await.sent, 1);
    assert_eq!(app.delivered_files("email").len(), 3, "txt, json, manifest");
    let shown = inquiry(&app, id).await;
    assert_eq!(shown["outgoing"][0]["state"], "sent", "{shown}");
    assert_eq!(
        shown["outgoing"][0]["sent_at"], "2026-12-23T15:05:00Z",
        "{shown}"
    );
    assert_eq!(shown["answered"], true);
    assert_eq!(messages_sent(&app, id).await, 1);
    assert_eq!(app.deliver().await.sent, 0, "nothing is sent twice");
}

#[tokio::test]
async fn a_message_the_lifecycle_refuses_or_no_address_reaches_is_not_queued() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let path = format!("/api/v1/inquiries/{id}/messages");
    // Digital Post needs a CPR or CVR number; the sender gave only an e-mail address.
    let body = problem(
        app.post(
            &path,
            &json!({"kind": "answer", "channel": "digital_post", "body": "Svar.", "contact": "Os"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(body["field"], "channel", "{body}");
    let closed = app
        .post(
            &format!("/api/v1/inquiries/{id}/events"),
            &json!({"type": "closed", "reason": "spam"}),
        )
        .await;
    assert_eq!(closed.status(), StatusCode::CREATED);
    let body = problem(
        app.post(
            &path,
            &json!({"kind": "answer", "channel": "email", "body": "Svar.", "contact": "Os"}),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(body["reason"], "closed", "{body}");
    assert_eq!(inquiry(&app, id).await["outgoing"], json!([]));
}

#[tokio::test]
async fn a_reply_by_phone_needs_no_delivery_and_is_recorded_at_once() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let response = app
        .post(
            &format!("/api/v1/inquiries/{id}/messages"),
            &json!({"kind": "answer", "channel": "phone", "body": "Sagt i telefonen.", "contact": "Os"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let updated: Value = response.json().await.unwrap();
    assert_eq!(updated["answered"], true);
    assert_eq!(updated["outgoing"], json!([]));
    assert_eq!(messages_sent(&app, id).await, 1);
}

#[tokio::test]
async fn an_extension_with_a_notice_leaves_one_extension_notice_in_outgoing() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let response = app
        .post(
            &format!("/api/v1/inquiries/{id}/events"),
            &extension("email"),
        )
        .await;
    let status = response.status();
    let updated: Value = response.json().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{updated}");
    let shown = inquiry(&app, id).await;
    let notices: Vec<&Value> = shown["outgoing"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["kind"] == "extension_notice")
        .collect();
    assert_eq!(notices.len(), 1, "{shown}");
    assert_eq!(notices[0]["state"], "queued");
    assert_eq!(notices[0]["channel"], "email");
    assert_eq!(updated["outgoing"], shown["outgoing"]);

    assert_eq!(app.deliver().await.sent, 1);
    let delivered = app.delivered_files("email");
    let text = delivered.iter().find(|n| n.ends_with(".txt")).unwrap();
    let text = std::fs::read_to_string(app.delivered.join("email").join(text)).unwrap();
    assert!(text.contains("8. januar 2027"), "{text}");
    assert_eq!(inquiry(&app, id).await["outgoing"][0]["state"], "sent");
}

#[tokio::test]
async fn an_extension_whose_notice_cannot_reach_the_citizen_is_refused_and_changes_nothing() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let before = app.snapshot(id).await;
    let body = problem(
        app.post(
            &format!("/api/v1/inquiries/{id}/events"),
            &extension("digital_post"),
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(body["field"], "notice.channel", "{body}");
    assert_eq!(app.snapshot(id).await, before);
    assert_eq!(inquiry(&app, id).await["outgoing"], json!([]));
}
