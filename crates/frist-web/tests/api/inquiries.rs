use crate::helpers::{email, id_of, problem, spawn_app};
use frist_policy::{InquiryFacts, Policy};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// What `frist deadline` prints for the same case: goal, requires, due_date, due_at.
fn deadline(policy: &Policy, case: &Value) -> Vec<Value> {
    let facts = InquiryFacts {
        channel: word(case, "channel"),
        to: word(case, "to"),
        kind: word(case, "kind"),
        case_type: None,
        received_at: case["received_at"].as_str().unwrap().parse().unwrap(),
    };
    policy
        .obligations(&facts)
        .unwrap()
        .iter()
        .map(|o| {
            json!({
                "goal": o.goal,
                "requires": o.requires.as_str(),
                "due_date": o.due_date.to_string(),
                "due_at": o.due_at_local().to_string(),
            })
        })
        .collect()
}

fn word<T: serde::de::DeserializeOwned>(case: &Value, field: &str) -> T {
    serde_json::from_value(case[field].clone()).unwrap()
}

fn without_state(obligations: &Value) -> Vec<Value> {
    obligations
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            json!({
                "goal": o["goal"],
                "requires": o["requires"],
                "due_date": o["due_date"],
                "due_at": o["due_at"],
            })
        })
        .collect()
}

#[tokio::test]
async fn creating_an_inquiry_answers_201_with_the_obligations_frist_deadline_gives() {
    let cases = [
        (
            "email",
            "general",
            "general_question",
            "2026-12-23T15:00:00+01:00",
        ),
        (
            "letter",
            "department",
            "application",
            "2026-12-22T09:30:00+01:00",
        ),
        (
            "facebook",
            "general",
            "general_question",
            "2026-12-23T15:59:00+01:00",
        ),
        ("phone", "employee", "other", "2026-12-21T11:00:00+01:00"),
        (
            "web_form",
            "general",
            "complaint",
            "2026-12-23T00:30:00+01:00",
        ),
    ];
    for (name, prefix) in [
        ("roskilde", "ROS"),
        ("hoeje-taastrup", "HTK"),
        ("stevns", "STE"),
    ] {
        let app = spawn_app(name).await;
        app.set_now("2026-12-23T16:00:00+01:00");
        for (channel, to, kind, received_at) in cases {
            let case = json!({
                "channel": channel, "to": to, "kind": kind, "received_at": received_at,
                "subject": "Emne", "body": "Tekst", "sender": {"name": "Ole"}
            });
            let response = app.post("/api/v1/inquiries", &case).await;
            assert_eq!(response.status(), StatusCode::CREATED, "{name} {channel}");
            let location = response.headers()["location"].to_str().unwrap().to_owned();
            let body: Value = response.json().await.unwrap();
            assert_eq!(location, format!("/api/v1/inquiries/{}", id_of(&body)));
            assert!(
                body["reference"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("{prefix}-2026-")),
                "{}",
                body["reference"]
            );
            assert_eq!(body["state"], "new");
            assert_eq!(
                without_state(&body["obligations"]),
                deadline(&app.policy.policy, &case),
                "{name} {channel}"
            );
            for o in body["obligations"].as_array().unwrap() {
                assert_eq!(o["state"], "pending", "{name} {channel}: {o}");
            }
            assert!(body.get("body").is_none(), "the body is not echoed");
        }
    }
}

#[tokio::test]
async fn the_same_external_id_on_the_same_channel_answers_200_with_the_inquiry_already_stored() {
    let app = spawn_app("roskilde").await;
    let mut first = email("2026-12-23T15:00:00+01:00");
    first["external_id"] = json!("<abc@mail.example>");
    let created = app.create(&first).await;

    let mut again = first.clone();
    again["subject"] = json!("Another subject, same message");
    let response = app.post("/api/v1/inquiries", &again).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["location"].to_str().unwrap(),
        format!("/api/v1/inquiries/{}", id_of(&created))
    );
    let existing: Value = response.json().await.unwrap();
    assert_eq!(existing["id"], created["id"]);
    assert_eq!(existing["reference"], created["reference"]);
    assert_eq!(existing["subject"], first["subject"]);
    assert_eq!(app.count().await, 1);
    assert_eq!(app.snapshot(id_of(&created)).await.events.len(), 1);

    let mut other_channel = first.clone();
    other_channel["channel"] = json!("web_form");
    let response = app.post("/api/v1/inquiries", &other_channel).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(app.count().await, 2);
}

#[tokio::test]
async fn an_inquiry_is_found_by_its_reference_as_by_its_id() {
    let app = spawn_app("roskilde").await;
    let created = app.create(&email("2026-12-23T15:00:00+01:00")).await;
    let reference = created["reference"].as_str().unwrap();

    let by_id: Value = app
        .get(&format!("/api/v1/inquiries/{}", id_of(&created)))
        .await
        .json()
        .await
        .unwrap();
    for spelled in [reference.to_owned(), reference.to_lowercase()] {
        let response = app
            .get(&format!("/api/v1/inquiries/by-reference/{spelled}"))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let by_reference: Value = response.json().await.unwrap();
        assert_eq!(by_reference["id"], by_id["id"]);
        assert_eq!(by_reference["obligations"], by_id["obligations"]);
    }

    let missing = app
        .get("/api/v1/inquiries/by-reference/ROS-2026-999999")
        .await;
    problem(missing, StatusCode::NOT_FOUND).await;
    let malformed = app.get("/api/v1/inquiries/by-reference/nonsense").await;
    let body = problem(malformed, StatusCode::BAD_REQUEST).await;
    assert_eq!(body["field"], "reference");
    assert!(
        !body["detail"].as_str().unwrap().contains("nonsense"),
        "{body}"
    );
}

#[tokio::test]
async fn unknown_inquiries_routes_and_methods_are_problems() {
    let app = spawn_app("roskilde").await;
    for path in ["/api/v1/inquiries/999999", "/api/v1/nothing"] {
        problem(app.get(path).await, StatusCode::NOT_FOUND).await;
    }
    // A path parameter that cannot be an id: 400 naming it, never echoing what was typed.
    for path in [
        "/api/v1/inquiries/abc-0101001234",
        "/api/v1/inquiries/0",
        "/api/v1/inquiries/9223372036854775808",
        "/api/v1/inquiries/%FF",
    ] {
        let bad = problem(app.get(path).await, StatusCode::BAD_REQUEST).await;
        assert_eq!(bad["field"], "id", "{path}");
        let detail = bad["detail"].as_str().unwrap();
        assert!(
            !detail.contains("0101001234") && !detail.contains("abc"),
            "{bad}"
        );
    }
    let response = app
        .post("/api/v1/inquiries/abc/events", &json!({"type": "opened"}))
        .await;
    assert_eq!(
        problem(response, StatusCode::BAD_REQUEST).await["field"],
        "id"
    );
    let response = app
        .request(Method::DELETE, "/api/v1/inquiries")
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::METHOD_NOT_ALLOWED).await;
    let response = app
        .post(
            "/api/v1/inquiries/999999/events",
            &json!({"type": "opened"}),
        )
        .await;
    problem(response, StatusCode::NOT_FOUND).await;
    let response = app
        .post(
            "/api/v1/inquiries/999999/messages",
            &json!({"kind": "answer", "channel": "digital_post", "body": "Svar"}),
        )
        .await;
    problem(response, StatusCode::NOT_FOUND).await;
}

#[tokio::test]
async fn an_inquiry_shows_its_events_oldest_first_and_obligation_states_at_now() {
    let app = spawn_app("roskilde").await;
    let created = app.create(&email("2026-12-23T15:00:00+01:00")).await;
    let id = id_of(&created);
    let events = format!("/api/v1/inquiries/{id}/events");
    for event in [
        json!({"type": "opened"}),
        json!({"type": "assigned", "caseworker": "mette.hansen"}),
        json!({"type": "note", "text": "Ringet op, ingen svar"}),
    ] {
        let response = app.post(&events, &event).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }

    // ROS-1 (answer within 2 working days) falls due on Tuesday 29 December.
    app.set_now("2026-12-30T08:00:00+01:00");
    let shown: Value = app
        .get(&format!("/api/v1/inquiries/{id}"))
        .await
        .json()
        .await
        .unwrap();
    let kinds: Vec<&str> = shown["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["received", "opened", "assigned", "note"]);
    assert_eq!(shown["events"][1]["actor"], "case");
    assert_eq!(shown["events"][1]["at"], "2026-12-23T16:00:00+01:00");
    assert_eq!(shown["caseworker"], "mette.hansen");
    assert_eq!(shown["state"], "open");
    let ros1 = shown["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["goal"] == "ROS-1")
        .unwrap();
    assert_eq!(ros1["due_at"], "2026-12-29T23:59:59+01:00");
    assert_eq!(ros1["state"], "breached");
    assert_eq!(shown["body"], "Hvornår bliver mit affald hentet?");
}

#[tokio::test]
async fn an_inquiry_received_after_the_servers_clock_is_refused_and_nothing_is_stored() {
    let app = spawn_app("roskilde").await;
    app.set_now("2026-12-23T16:00:00+01:00");
    let refused = app
        .post("/api/v1/inquiries", &email("2026-12-23T16:00:01+01:00"))
        .await;
    let body = problem(refused, StatusCode::UNPROCESSABLE_ENTITY).await;
    assert_eq!(body["reason"], "in_future", "{body}");
    assert_eq!(body["field"], "received_at", "{body}");
    let list: Value = app.get("/api/v1/inquiries").await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 0, "{list}");
    let accepted = app
        .post("/api/v1/inquiries", &email("2026-12-23T16:00:00+01:00"))
        .await;
    assert_eq!(accepted.status(), StatusCode::CREATED);
}
