//! A promise carried to the final answer, through the API: promised dates, triage met by any
//! handling, a callback met by an answer on the phone, reclassification.

use crate::helpers::{TestApp, email, id_of, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn inquiry(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/api/v1/inquiries/{id}"))
        .await
        .json()
        .await
        .unwrap()
}

fn obligation<'a>(body: &'a Value, requires: &str, promised: bool) -> &'a Value {
    body["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["requires"] == requires && o["promised"] == promised)
        .unwrap_or_else(|| panic!("no {requires} (promised: {promised}) in {body}"))
}

/// Sends `message`. Nothing is delivered (no channel is configured): a queued message counts
/// from the moment it is queued.
async fn sent(app: &TestApp, id: i64, message: Value) {
    let response = app
        .post(&format!("/api/v1/inquiries/{id}/messages"), &message)
        .await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

async fn appended(app: &TestApp, id: i64, event: Value) {
    let response = app
        .post(&format!("/api/v1/inquiries/{id}/events"), &event)
        .await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{event}: {body}");
}

fn acknowledgment(expected: &str) -> Value {
    json!({
        "kind": "acknowledgment",
        "channel": "email",
        "body": "Tak for din henvendelse. Vi vender tilbage.",
        "caseworker": "Mette Hansen",
        "contact": "Mette Hansen, 43 59 10 00",
        "next_step": "Vi undersøger sagen.",
        "expected_answer_date": expected
    })
}

fn answer(channel: &str) -> Value {
    json!({
        "kind": "answer",
        "channel": channel,
        "body": "Her er svaret på dit spørgsmål.",
        "caseworker": "Mette Hansen",
        "contact": "Mette Hansen, 43 59 10 00"
    })
}

#[tokio::test]
async fn htk_1_an_acknowledged_answer_date_is_a_promised_obligation_met_by_the_answer() {
    let app = spawn_app("hoeje-taastrup").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    sent(&app, id, acknowledgment("2027-01-14")).await;
    let body = inquiry(&app, id).await;
    let promised = obligation(&body, "answer", true);
    assert_eq!(promised["due_date"], "2027-01-14", "{promised}");
    assert_eq!(
        promised["due_at"], "2027-01-14T23:59:59+01:00",
        "{promised}"
    );
    assert_eq!(promised["state"], "pending", "{promised}");
    assert_eq!(promised["goal"], "HTK-1", "{promised}");

    app.set_now("2026-12-28T10:00:00+01:00");
    sent(&app, id, answer("email")).await;
    let body = inquiry(&app, id).await;
    assert_eq!(obligation(&body, "answer", true)["state"], "met", "{body}");
}

#[tokio::test]
async fn htk_4_triage_is_met_by_an_answer_a_hand_over_or_a_referral_before_its_deadline() {
    let handlings = [
        json!({"type": "handed_over", "to_caseworker": "jonas"}),
        json!({"type": "referred", "to_unit": "teknik"}),
    ];
    for handling in handlings {
        let app = spawn_app("hoeje-taastrup").await;
        let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
        appended(&app, id, handling.clone()).await;
        let body = inquiry(&app, id).await;
        assert_eq!(
            obligation(&body, "triage", false)["state"],
            "met",
            "{handling}"
        );
    }
    let app = spawn_app("hoeje-taastrup").await;
    let id = id_of(&app.create(&email("2026-12-23T15:00:00+01:00")).await);
    sent(&app, id, answer("email")).await;
    let body = inquiry(&app, id).await;
    assert_eq!(obligation(&body, "triage", false)["state"], "met", "{body}");
}

#[tokio::test]
async fn htk_7_a_phone_inquiry_answered_on_the_phone_has_its_callback_met() {
    let app = spawn_app("hoeje-taastrup").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["channel"] = json!("phone");
    case["sender"] = json!({"name": "Karen Jensen", "phone": "+45 20 30 40 50"});
    let id = id_of(&app.create(&case).await);
    appended(
        &app,
        id,
        json!({"type": "callback_attempted", "outcome": "Ingen svar"}),
    )
    .await;
    assert_eq!(
        obligation(&inquiry(&app, id).await, "callback", false)["state"],
        "pending"
    );
    sent(&app, id, answer("phone")).await;
    let body = inquiry(&app, id).await;
    assert_eq!(
        obligation(&body, "callback", false)["state"],
        "met",
        "{body}"
    );
}

#[tokio::test]
async fn ros_1_a_general_question_reclassified_from_other_is_answered_within_two_working_days() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T10:00:00+01:00");
    case["kind"] = json!("other");
    let id = id_of(&app.create(&case).await);
    let before = inquiry(&app, id).await;
    assert!(
        !before["obligations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["goal"] == "ROS-1"),
        "{before}"
    );
    appended(
        &app,
        id,
        json!({"type": "reclassified", "kind": "general_question"}),
    )
    .await;
    let body = inquiry(&app, id).await;
    let ros_1 = body["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["goal"] == "ROS-1")
        .unwrap_or_else(|| panic!("no ROS-1 in {body}"));
    assert_eq!(ros_1["requires"], "answer");
    // Received Wednesday 23 December: 24, 25 and 26 December are not working days, so the
    // two working days are Monday 28 and Tuesday 29 December.
    assert_eq!(ros_1["due_date"], "2026-12-29", "{ros_1}");
}
