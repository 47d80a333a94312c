//! The Messenger Send API client against a local endpoint that records what it is sent and
//! answers as the Graph API does.

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use frist_channels::facebook::{ReplyWindow, SendError, reply_window, send_text};
use jiff::Timestamp;
use serde_json::{Value, json};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

const TOKEN: &str = "EAAG-page-token";

/// The query, content type and JSON body of one request.
type Received = (HashMap<String, String>, String, Value);

#[derive(Default)]
struct Graph {
    received: Mutex<Vec<Received>>,
    /// Scripted answers; when empty, success.
    answers: Mutex<VecDeque<(StatusCode, Value)>>,
}

async fn messages(
    State(graph): State<Arc<Graph>>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
    body: String,
) -> (StatusCode, axum::Json<Value>) {
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
    let mut received = graph.received.lock().unwrap();
    received.push((query, content_type, body.clone()));
    let n = received.len();
    let answer = graph.answers.lock().unwrap().pop_front();
    let (status, json) = answer.unwrap_or((
        StatusCode::OK,
        json!({"recipient_id": body["recipient"]["id"], "message_id": format!("m_{n}")}),
    ));
    (status, axum::Json(json))
}

async fn graph() -> (String, Arc<Graph>) {
    let graph = Arc::new(Graph::default());
    let app = Router::new()
        .route("/v21.0/me/messages", post(messages))
        .with_state(Arc::clone(&graph));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/v21.0", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (base, graph)
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn open() -> ReplyWindow {
    reply_window(at("2026-12-23T10:00:00Z"), at("2026-12-23T12:00:00Z"))
}

#[tokio::test]
async fn a_reply_within_24_hours_is_a_response_with_the_token_in_the_query() {
    let (base, graph) = graph().await;
    let http = reqwest::Client::new();
    let ids = send_text(&http, &base, TOKEN, "PSID-7", "Hej Søren – «svar»", open())
        .await
        .unwrap();
    assert_eq!(ids, vec!["m_1"]);
    let received = graph.received.lock().unwrap();
    let (query, content_type, body) = &received[0];
    assert_eq!(query.get("access_token").map(String::as_str), Some(TOKEN));
    assert_eq!(content_type, "application/json");
    assert_eq!(
        body,
        &json!({"recipient": {"id": "PSID-7"}, "messaging_type": "RESPONSE",
                "message": {"text": "Hej Søren – «svar»"}})
    );
}

#[tokio::test]
async fn after_24_hours_the_reply_is_tagged_human_agent() {
    let (base, graph) = graph().await;
    let window = reply_window(at("2026-12-20T10:00:00Z"), at("2026-12-23T12:00:00Z"));
    assert!(matches!(window, ReplyWindow::HumanAgent { .. }));
    send_text(
        &reqwest::Client::new(),
        &base,
        TOKEN,
        "PSID-7",
        "Svar",
        window,
    )
    .await
    .unwrap();
    let body = &graph.received.lock().unwrap()[0].2;
    assert_eq!(body["messaging_type"], "MESSAGE_TAG");
    assert_eq!(body["tag"], "HUMAN_AGENT");
}

#[tokio::test]
async fn after_7_days_nothing_is_sent() {
    let (base, graph) = graph().await;
    let window = reply_window(at("2026-12-01T10:00:00Z"), at("2026-12-23T12:00:00Z"));
    let err = send_text(&reqwest::Client::new(), &base, TOKEN, "P", "Svar", window)
        .await
        .unwrap_err();
    assert!(!err.is_transient());
    assert!(err.to_string().contains("another channel"), "{err}");
    assert!(graph.received.lock().unwrap().is_empty());
}

#[tokio::test]
async fn a_long_reply_goes_out_in_parts_of_at_most_2000_characters() {
    let (base, graph) = graph().await;
    let text = "Kære borger. ".repeat(400); // 5,200 characters
    let ids = send_text(&reqwest::Client::new(), &base, TOKEN, "P", &text, open())
        .await
        .unwrap();
    assert_eq!(ids.len(), 3);
    let received = graph.received.lock().unwrap();
    let parts: Vec<&str> = received
        .iter()
        .map(|r| r.2["message"]["text"].as_str().unwrap())
        .collect();
    assert!(parts.iter().all(|p| p.chars().count() <= 2000));
    assert_eq!(parts.concat().replace(' ', ""), text.replace(' ', ""));
}

#[tokio::test]
async fn refusals_are_told_apart_as_transient_or_permanent_without_the_token() {
    let (base, graph) = graph().await;
    let graph_error = |code: i64, subcode: Option<i64>| {
        json!({"error": {"message": "(#10) outside of allowed window", "type": "OAuthException",
                         "code": code, "error_subcode": subcode}})
    };
    graph.answers.lock().unwrap().extend([
        (StatusCode::BAD_REQUEST, graph_error(10, Some(2_018_278))),
        (StatusCode::BAD_REQUEST, graph_error(613, None)),
        (StatusCode::INTERNAL_SERVER_ERROR, json!({})),
    ]);
    let http = reqwest::Client::new();
    let mut results = Vec::new();
    for _ in 0..3 {
        results.push(send_text(&http, &base, TOKEN, "P", "Svar", open()).await);
    }
    let kinds: Vec<bool> = results
        .iter()
        .map(|r| r.as_ref().unwrap_err().is_transient())
        .collect();
    assert_eq!(kinds, vec![false, true, true]);
    let first = results[0].as_ref().unwrap_err().to_string();
    assert!(first.contains("10/2018278"), "{first}");

    // Nobody listens on a closed port: transient, and the URL with the token is not shown.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/v21.0", listener.local_addr().unwrap())
    };
    let err = send_text(&http, &closed, TOKEN, "P", "Svar", open())
        .await
        .unwrap_err();
    assert!(matches!(err, SendError::Transient { sent: 0, .. }), "{err}");
    assert!(!err.to_string().contains(TOKEN), "{err}");
    assert!(!format!("{err:?}").contains(TOKEN), "{err:?}");
}
