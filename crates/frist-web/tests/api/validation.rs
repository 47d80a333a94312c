//! Bad input gets a problem naming what is wrong, and nothing is stored.

use crate::helpers::{email, problem, spawn_app, spawn_app_with};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test]
async fn an_unknown_channel_is_refused_with_422_naming_channel() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["channel"] = json!("fax");
    let body = problem(
        app.post("/api/v1/inquiries", &case).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(body["field"], "channel");
    let detail = body["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("unknown channel \"fax\"; expected one of: email, letter, digital_post"),
        "{detail}"
    );
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn a_missing_required_field_is_refused_with_422_naming_it() {
    let app = spawn_app("roskilde").await;
    for missing in ["received_at", "channel"] {
        let mut case = email("2026-12-23T15:00:00+01:00");
        case.as_object_mut().unwrap().remove(missing);
        let body = problem(
            app.post("/api/v1/inquiries", &case).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(body["field"], missing);
        assert_eq!(body["detail"], format!("missing field \"{missing}\""));
    }
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn wrong_values_inside_objects_are_named_by_their_path() {
    let app = spawn_app("roskilde").await;
    let cases = [
        (json!({"sender": {"cpr": "123"}}), "sender.cpr"),
        (json!({"sender": {"fax": "1"}}), "sender.fax"),
        (json!({"received_at": "yesterday"}), "received_at"),
        (json!({"to": "mayor"}), "to"),
        (
            json!({"attachments": [{"name": "a.pdf", "size": -1}]}),
            "attachments[0].size",
        ),
        (json!({"subject": 42}), "subject"),
        (json!({"case_type": "no-such-case-type"}), "case_type"),
        (
            json!({"received_at": "1800-01-01T00:00:00Z"}),
            "received_at",
        ),
    ];
    for (change, field) in cases {
        let mut case = email("2026-12-23T15:00:00+01:00");
        for (k, v) in change.as_object().unwrap() {
            case[k] = v.clone();
        }
        let body = problem(
            app.post("/api/v1/inquiries", &case).await,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(body["field"], field, "{body}");
    }
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn a_body_that_is_not_json_is_400_and_one_of_another_type_is_415() {
    let app = spawn_app("roskilde").await;
    let response = app
        .request(Method::POST, "/api/v1/inquiries")
        .header("content-type", "application/json")
        .body("{\"channel\": ")
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::BAD_REQUEST).await;

    let response = app
        .request(Method::POST, "/api/v1/inquiries")
        .header("content-type", "text/plain")
        .body(email("2026-12-23T15:00:00+01:00").to_string())
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;

    let response = app
        .request(Method::POST, "/api/v1/inquiries")
        .body(email("2026-12-23T15:00:00+01:00").to_string())
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::UNSUPPORTED_MEDIA_TYPE).await;
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn a_body_over_one_mebibyte_is_refused_with_413() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["body"] = json!("x".repeat(1024 * 1024 + 1));
    let body = problem(
        app.post("/api/v1/inquiries", &case).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;
    assert!(body["detail"].as_str().unwrap().contains("1048576"));

    // Just under the limit is fine.
    case["body"] = json!("x".repeat(1000 * 1000));
    let response = app.post("/api/v1/inquiries", &case).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(app.count().await, 1);
}

#[tokio::test]
async fn the_body_limit_is_configurable_and_counts_streamed_bodies_too() {
    let app = spawn_app_with("roskilde", Some(2048)).await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["body"] = json!("x".repeat(4096));
    problem(
        app.post("/api/v1/inquiries", &case).await,
        StatusCode::PAYLOAD_TOO_LARGE,
    )
    .await;

    // Without a Content-Length (chunked), the limit still holds.
    let text = case.to_string();
    let stream = futures_stream(text);
    let response = app
        .request(Method::POST, "/api/v1/inquiries")
        .header("content-type", "application/json")
        .body(reqwest::Body::wrap_stream(stream))
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    assert_eq!(app.count().await, 0);
}

fn futures_stream(
    text: String,
) -> impl futures_util::Stream<Item = Result<Vec<u8>, std::io::Error>> + Send + 'static {
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = text
        .into_bytes()
        .chunks(512)
        .map(|c| Ok(c.to_vec()))
        .collect();
    futures_util::stream::iter(chunks)
}

#[tokio::test]
async fn empty_query_parameters_and_dates_outside_the_calendar_are_refused_naming_them() {
    let app = spawn_app("roskilde").await;
    for (path, field) in [
        ("/api/v1/inquiries?state=", "state"),
        ("/api/v1/inquiries?unit=", "unit"),
        ("/api/v1/inquiries?due_before=0374-01-01", "due_before"),
        (
            "/api/v1/inquiries/by-reference/ROS-2026-000001?reveal=",
            "reveal",
        ),
        (
            "/api/v1/reports/compliance?from=0374-01-01&to=2026-01-31",
            "from",
        ),
        (
            "/api/v1/reports/compliance?from=2026-01-01&to=2200-01-31",
            "to",
        ),
    ] {
        let body = problem(
            app.client
                .get(app.url(path))
                .bearer_auth(&app.lead)
                .send()
                .await
                .unwrap(),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        assert_eq!(body["field"], field, "{path}: {body}");
    }
}

#[tokio::test]
async fn a_whole_number_written_with_a_fraction_is_read_as_the_integer() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["attachments"] = json!([{"name": "scan.pdf", "size": 2048.0}]);
    let created = app.create(&case).await;
    assert_eq!(created["attachments"][0]["size"], 2048);
    case["external_id"] = json!("another");
    case["attachments"] = json!([{"name": "scan.pdf", "size": 2048.5}]);
    let body = problem(
        app.post("/api/v1/inquiries", &case).await,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await;
    assert_eq!(body["field"], "attachments[0].size");
}
