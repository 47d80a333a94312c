//! Messages are checked against the rules before anything is stored; a dry run only checks.

use crate::helpers::{TestApp, email, id_of, problem, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

fn rules_of(body: &Value) -> Vec<(String, String, String)> {
    body["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            for key in ["message", "message_da"] {
                assert!(!v[key].as_str().unwrap().is_empty(), "{v}");
            }
            (
                v["rule"].as_str().unwrap().to_owned(),
                v["source"].as_str().unwrap().to_owned(),
                v["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn send(app: &TestApp, id: i64, message: &Value) -> reqwest::Response {
    app.post(&format!("/api/v1/inquiries/{id}/messages"), message)
        .await
}

/// Sends `message`, expects 422 with violations, and checks nothing changed.
async fn blocked(app: &TestApp, id: i64, message: &Value) -> Value {
    let before = app.snapshot(id).await;
    let body = problem(
        send(app, id, message).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(app.snapshot(id).await, before);
    body
}

#[tokio::test]
async fn an_appealable_decision_without_complaint_guidance_is_refused_with_violations() {
    let app = spawn_app("hoeje-taastrup").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["kind"] = json!("application");
    // Digital Post reaches the citizen by CPR number.
    case["sender"]["cpr"] = json!("010190-1234");
    let id = id_of(&app.create(&case).await);
    let mut decision = json!({
        "kind": "decision",
        "channel": "digital_post",
        "body": "Du får tilskud til briller.",
        "contact": "Mette Hansen, 43 59 10 00",
        "appealable": true
    });
    let body = blocked(&app, id, &decision).await;
    assert_eq!(
        rules_of(&body),
        [("complaint_guidance".into(), "HTK-2".into(), "block".into())]
    );
    assert_eq!(body["type"], "urn:frist:problem:rule_violation");

    // Guidance with a part missing is still refused.
    decision["complaint_guidance"] = json!({"body": "Ankestyrelsen", "how": "Skriv til os"});
    let body = blocked(&app, id, &decision).await;
    assert!(
        body["violations"][0]["message"]
            .as_str()
            .unwrap()
            .contains("deadline")
    );

    decision["complaint_guidance"]["deadline"] = json!("4 uger fra du har modtaget afgørelsen");
    let response = send(&app, id, &decision).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let queued: Value = response.json().await.unwrap();
    assert_eq!(queued["message"]["state"], "queued", "{queued}");
    assert_eq!(
        queued["answered"], true,
        "a queued decision counts from the moment it is queued"
    );
    assert!(queued["warnings"].as_array().unwrap().is_empty());
    assert_eq!(app.snapshot(id).await.events.len(), 2, "received, queued");
    assert_eq!(app.deliver().await.sent, 1);
    assert!(app.snapshot(id).await.inquiry.answered);
    assert_eq!(
        app.snapshot(id).await.events.len(),
        3,
        "received, queued, sent"
    );
}

#[tokio::test]
async fn a_plain_email_reply_to_an_inquiry_with_a_cpr_number_is_refused_while_digital_post_is_accepted()
 {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["body"] = json!("Mit CPR-nummer er 010190-1234. Hvornår får jeg svar?");
    case["sender"]["cpr"] = json!("010190-1234");
    let id = id_of(&app.create(&case).await);
    let mut answer = json!({
        "kind": "answer",
        "channel": "email",
        "body": "Du får svar i næste uge.",
        "contact": "Borgerservice, 46 31 30 00"
    });
    let body = blocked(&app, id, &answer).await;
    assert_eq!(
        rules_of(&body),
        [(
            "secure_channel_for_cpr".into(),
            "ROS-4".into(),
            "block".into()
        )]
    );

    answer["channel"] = json!("digital_post");
    let response = send(&app, id, &answer).await;
    assert_eq!(response.status(), StatusCode::CREATED);

    // A CPR number in the reply itself counts too, whatever the inquiry held.
    let clean = id_of(&app.create(&email("2026-12-23T15:10:00+01:00")).await);
    let leaking = json!({
        "kind": "answer",
        "channel": "email",
        "body": "Vi har noteret 0101901234 på sagen.",
        "contact": "Borgerservice"
    });
    let body = blocked(&app, clean, &leaking).await;
    assert_eq!(rules_of(&body)[0].0, "secure_channel_for_cpr");
}

#[tokio::test]
async fn a_dry_run_stores_nothing_and_reports_warnings_too() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let before = app.snapshot(id).await;

    let warned = json!({
        "kind": "answer",
        "channel": "email",
        "body": "Der skal være partshøring.",
        "contact": "Borgerservice",
        "dry_run": true
    });
    let response = send(&app, id, &warned).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["ok"], true);
    assert_eq!(
        rules_of(&body),
        [("readability".into(), "ROS-8".into(), "warn".into())]
    );
    assert_eq!(app.snapshot(id).await, before);

    let mut failing = warned.clone();
    failing["contact"] = json!(null);
    let body: Value = send(&app, id, &failing).await.json().await.unwrap();
    assert_eq!(body["ok"], false);
    assert!(rules_of(&body).iter().any(|r| r.0 == "contact_person"));
    assert_eq!(app.snapshot(id).await, before);

    // Sent for real, the warning comes back alongside the updated inquiry.
    let mut real = warned.clone();
    real["dry_run"] = json!(false);
    let response = send(&app, id, &real).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["warnings"][0]["rule"], "readability");
    assert_eq!(app.snapshot(id).await.events.len(), 2, "received, queued");
    assert_eq!(app.deliver().await.sent, 1);
    assert_eq!(app.snapshot(id).await.events.len(), 3, "and sent");
}

#[tokio::test]
async fn a_dry_run_also_says_when_the_lifecycle_would_refuse() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let events = format!("/api/v1/inquiries/{id}/events");
    let closed = app
        .post(&events, &json!({"type": "closed", "reason": "spam"}))
        .await;
    assert_eq!(closed.status(), StatusCode::CREATED);
    let before = app.snapshot(id).await;
    let body: Value = send(
        &app,
        id,
        &json!({"kind": "answer", "channel": "email", "body": "Svar", "contact": "Os", "dry_run": true}),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(body["ok"], false);
    assert_eq!(body["refused"]["reason"], "closed");
    assert_eq!(app.snapshot(id).await, before);
}

#[tokio::test]
async fn an_answer_meets_the_obligations_and_then_the_inquiry_may_be_closed() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let response = send(
        &app,
        id,
        &json!({"kind": "answer", "channel": "email", "body": "Affaldet hentes på fredag.", "contact": "Borgerservice"}),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(app.deliver().await.sent, 1);
    let updated: Value = app
        .get(&format!("/api/v1/inquiries/{id}"))
        .await
        .json()
        .await
        .unwrap();
    for o in updated["obligations"].as_array().unwrap() {
        assert_eq!(o["state"], "met", "{o}");
    }
    let response = app
        .post(
            &format!("/api/v1/inquiries/{id}/events"),
            &json!({"type": "closed", "reason": "answered"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let closed: Value = response.json().await.unwrap();
    assert_eq!(closed["state"], "closed");
    assert_eq!(closed["close_reason"], "answered");
}

#[tokio::test]
async fn message_fields_are_named_when_wrong() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    let cases = [
        (
            json!({"kind": "answer", "channel": "fax", "body": "x"}),
            "channel",
        ),
        (
            json!({"kind": "verdict", "channel": "email", "body": "x"}),
            "kind",
        ),
        (json!({"kind": "answer", "channel": "email"}), "body"),
        (
            json!({"kind": "answer", "channel": "email", "body": "x", "complaint_guidance": {"where": "x"}}),
            "complaint_guidance.where",
        ),
        (
            json!({"kind": "answer", "channel": "email", "body": "x", "expected_answer_date": "next week"}),
            "expected_answer_date",
        ),
        (
            json!({"kind": "answer", "channel": "email", "body": "x", "urgent": true}),
            "urgent",
        ),
    ];
    for (message, field) in cases {
        let body = blocked(&app, id, &message).await;
        assert_eq!(body["field"], field, "{message}: {body}");
    }
}
