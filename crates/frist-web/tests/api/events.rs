//! Appending events: the lifecycle decides, the API names the reason, and a refusal changes
//! nothing stored.

use crate::helpers::{TestApp, email, id_of, problem, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn refused(app: &TestApp, id: i64, event: Value) -> Value {
    let before = app.snapshot(id).await;
    let response = app
        .post(&format!("/api/v1/inquiries/{id}/events"), &event)
        .await;
    let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(
        app.snapshot(id).await,
        before,
        "{event} changed what is stored"
    );
    body
}

#[tokio::test]
async fn closing_without_an_answer_is_refused_with_422_and_changes_nothing() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let body = refused(&app, id, json!({"type": "closed", "reason": "answered"})).await;
    assert_eq!(body["reason"], "close_without_answer");
    assert_eq!(body["field"], "reason");
    assert!(body["detail"].as_str().unwrap().contains("final answer"));
}

#[tokio::test]
async fn lifecycle_refusals_name_their_reason() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let cases = [
        (json!({"type": "reopened"}), "not_closed"),
        (json!({"type": "awaiting_citizen_ended"}), "not_awaiting"),
        (json!({"type": "assigned", "caseworker": "  "}), "empty"),
        (
            json!({"type": "feedback_received", "score": 9}),
            "bad_score",
        ),
        (
            json!({"type": "opened", "at": "2026-12-23T14:00:00+01:00"}),
            "before_receipt",
        ),
        (
            json!({"type": "closed", "reason": "handed_over"}),
            "close_without_hand_over",
        ),
    ];
    for (event, reason) in cases {
        let body = refused(&app, id, event.clone()).await;
        assert_eq!(body["reason"], reason, "{event}: {body}");
    }
}

#[tokio::test]
async fn malformed_events_name_the_field_and_change_nothing() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let cases = [
        (json!({"type": "fax"}), "type"),
        (json!({"kind": "opened"}), "type"),
        (json!({"type": "received"}), "type"),
        (
            json!({"type": "message_sent", "message": {"kind": "answer", "channel": "email", "body": "x"}}),
            "type",
        ),
        (json!({"type": "assigned"}), "caseworker"),
        (json!({"type": "assigned", "caseworker": 7}), "caseworker"),
        (
            json!({"type": "assigned", "caseworker": "a", "colour": "red"}),
            "colour",
        ),
        (json!({"type": "closed", "reason": "bored"}), "reason"),
        (
            json!({"type": "opened", "at": "2026-12-23T16:00:01+01:00"}),
            "at",
        ),
        (json!({"type": "opened", "at": "soon"}), "at"),
    ];
    for (event, field) in cases {
        let body = refused(&app, id, event.clone()).await;
        assert_eq!(body["field"], field, "{event}: {body}");
    }
}

#[tokio::test]
async fn an_event_records_the_token_name_as_actor_and_may_be_dated_back() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let response = app
        .post(
            &format!("/api/v1/inquiries/{id}/events"),
            &json!({"type": "opened", "at": "2026-12-23T15:30:00+01:00"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let updated: Value = response.json().await.unwrap();
    assert_eq!(updated["state"], "open");
    let stored = app.snapshot(id).await;
    assert_eq!(stored.events.len(), 2);
    assert_eq!(stored.events[1].actor.as_deref(), Some("case"));
    assert_eq!(
        stored.events[1].at,
        "2026-12-23T15:30:00+01:00".parse().unwrap()
    );
}

#[tokio::test]
async fn an_extension_needs_a_notice_naming_the_new_date() {
    let app = spawn_app("stevns").await;
    let id = id_of(&app.create(&email("2026-12-21T10:00:00+01:00")).await);
    let mut extension = json!({
        "type": "deadline_extended",
        "goal": "STE-2",
        "requires": "acknowledgment",
        "new_due_date": "2027-01-05",
        "reason": "Vi venter på oplysninger fra en anden myndighed.",
        "notice": {
            "kind": "extension_notice",
            "channel": "email",
            "body": "Vi har brug for mere tid til din sag."
        }
    });
    let body = refused(&app, id, extension.clone()).await;
    let violations = body["violations"].as_array().unwrap();
    assert!(
        violations
            .iter()
            .any(|v| v["rule"] == "extension_notice" && v["source"] == "STE-3"),
        "{body}"
    );
    for v in violations {
        for key in ["rule", "source", "message", "message_da", "severity"] {
            assert!(v[key].is_string(), "{v}");
        }
    }

    extension["notice"]["body"] =
        json!("Vi har brug for mere tid til din sag. Du får svar senest 5. januar 2027.");
    let response = app
        .post(&format!("/api/v1/inquiries/{id}/events"), &extension)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let updated: Value = response.json().await.unwrap();
    let ste2 = &updated["obligations"][0];
    assert_eq!(ste2["goal"], "STE-2");
    assert_eq!(ste2["due_date"], "2027-01-05");
    assert_eq!(ste2["extended"], true);
}

#[tokio::test]
async fn an_oversized_or_non_json_event_is_refused_and_changes_nothing() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let before = app.snapshot(id).await;
    let path = format!("/api/v1/inquiries/{id}/events");

    let huge = json!({"type": "note", "text": "x".repeat(2 * 1024 * 1024)});
    problem(app.post(&path, &huge).await, StatusCode::PAYLOAD_TOO_LARGE).await;
    let response = app
        .request(reqwest::Method::POST, &path)
        .header("content-type", "text/plain")
        .body(r#"{"type":"opened"}"#)
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    let response = app
        .request(reqwest::Method::POST, &path)
        .header("content-type", "application/json")
        .body(r#"{"type":"opened""#)
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::BAD_REQUEST).await;
    let response = app
        .client
        .post(app.url(&path))
        .json(&json!({"type": "opened"}))
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::UNAUTHORIZED).await;
    assert_eq!(app.snapshot(id).await, before);
}
