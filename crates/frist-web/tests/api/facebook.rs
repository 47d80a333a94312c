//! The Facebook Messenger webhook over HTTP: the subscription check, signed deliveries that
//! become inquiries, and refusals that store nothing.

use crate::helpers::{policy_text, problem};
use frist_channels::facebook::{FacebookConfig, SIGNATURE_HEADER, sign};
use frist_policy::Policy;
use frist_store::{AnyStore, Store};
use frist_web::{AppState, router};
use proptest::prelude::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::Arc;

const SECRET: &str = "app-secret-for-tests";
const VERIFY: &str = "verify-token-for-tests";

struct Hook {
    address: String,
    store: Arc<AnyStore>,
    client: reqwest::Client,
    _dir: tempfile::TempDir,
}

async fn spawn(with_facebook: bool) -> Hook {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("frist.db").display());
    let store = Arc::new(frist_store::open(&url).await.unwrap());
    let text = policy_text("roskilde");
    let parsed = Arc::new(Policy::from_toml("roskilde", text).unwrap());
    let policy = store
        .register_policy("roskilde", text, parsed)
        .await
        .unwrap();
    let mut state = AppState::new(Arc::clone(&store), policy);
    if with_facebook {
        state = state.with_facebook(FacebookConfig {
            app_secret: SECRET.into(),
            verify_token: VERIFY.into(),
            page_access_token: "page-token".into(),
            api_base_url: "http://127.0.0.1:9".into(),
        });
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let app = router(state);
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    Hook {
        address,
        store,
        client: reqwest::Client::new(),
        _dir: dir,
    }
}

impl Hook {
    async fn deliver(&self, body: &[u8], signature: Option<&str>) -> reqwest::Response {
        let mut request = self
            .client
            .post(format!("{}/webhooks/facebook", self.address))
            .header("content-type", "application/json")
            .body(body.to_vec());
        if let Some(signature) = signature {
            request = request.header(SIGNATURE_HEADER, signature);
        }
        request.send().await.unwrap()
    }

    async fn deliver_signed(&self, body: &[u8]) -> reqwest::Response {
        self.deliver(body, Some(&sign(SECRET.as_bytes(), body)))
            .await
    }

    async fn inquiries(&self) -> Vec<frist_store::InquirySummary> {
        self.store
            .list_inquiries(&Default::default(), None, 1000)
            .await
            .unwrap()
            .items
    }
}

fn delivery(mid: &str, text: &str) -> Vec<u8> {
    serde_json::to_vec(&json!({
        "object": "page",
        "entry": [{"id": "PAGE", "time": 1_798_030_000_000_i64, "messaging": [
            {"sender": {"id": "PSID-7"}, "recipient": {"id": "PAGE"},
             "timestamp": 1_798_030_000_000_i64,
             "message": {"mid": mid, "text": text}},
            {"sender": {"id": "PAGE"}, "recipient": {"id": "PSID-7"},
             "timestamp": 1_798_030_000_500_i64,
             "message": {"mid": "echo", "text": "Tak for din besked", "is_echo": true}},
            {"sender": {"id": "PSID-7"}, "recipient": {"id": "PAGE"},
             "timestamp": 1_798_030_001_000_i64, "read": {"watermark": 1}}
        ]}]
    }))
    .unwrap()
}

#[tokio::test]
async fn the_subscription_check_echoes_the_challenge_only_with_the_right_token() {
    let hook = spawn(true).await;
    let url = |token: &str| {
        format!(
            "{}/webhooks/facebook?hub.mode=subscribe&hub.verify_token={token}&hub.challenge=1158201444",
            hook.address
        )
    };
    let ok = hook.client.get(url(VERIFY)).send().await.unwrap();
    assert_eq!(ok.status(), StatusCode::OK);
    assert_eq!(ok.text().await.unwrap(), "1158201444");
    let wrong = hook.client.get(url("guess")).send().await.unwrap();
    problem(wrong, StatusCode::FORBIDDEN).await;
    let unsubscribe = hook
        .client
        .get(format!(
            "{}/webhooks/facebook?hub.mode=unsubscribe&hub.verify_token={VERIFY}&hub.challenge=1",
            hook.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(unsubscribe.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_correctly_signed_message_becomes_an_inquiry_on_channel_facebook() {
    let hook = spawn(true).await;
    let response = hook
        .deliver_signed(&delivery(
            "m_1",
            "Mit CPR-nummer er 010190-1234. Hvornår får jeg svar?",
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let answer: Value = response.json().await.unwrap();
    assert_eq!(answer, json!({"inquiries": 1, "created": 1}));

    let found = hook.inquiries().await;
    assert_eq!(
        found.len(),
        1,
        "the echo and the read receipt are not inquiries"
    );
    let stored = hook.store.get_inquiry(found[0].id).await.unwrap();
    let received = &stored.inquiry.received;
    assert_eq!(received.channel, frist_policy::Channel::Facebook);
    assert_eq!(received.external_id.as_deref(), Some("m_1"));
    assert_eq!(received.sender.facebook_id.as_deref(), Some("PSID-7"));
    assert_eq!(received.received_at.as_millisecond(), 1_798_030_000_000);
    assert!(
        stored.inquiry.involves_cpr(),
        "CPR in the text makes it involve CPR"
    );
    assert!(!stored.inquiry.obligations.is_empty());
}

#[tokio::test]
async fn a_redelivered_message_is_one_inquiry() {
    let hook = spawn(true).await;
    let body = delivery("m_dup", "Hej");
    assert_eq!(hook.deliver_signed(&body).await.status(), StatusCode::OK);
    let again = hook.deliver_signed(&body).await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(
        again.json::<Value>().await.unwrap(),
        json!({"inquiries": 1, "created": 0})
    );
    assert_eq!(hook.inquiries().await.len(), 1);
}

#[tokio::test]
async fn wrong_missing_and_malformed_signatures_are_refused_and_store_nothing() {
    let hook = spawn(true).await;
    let body = delivery("m_2", "Hej");
    let wrong = sign(b"another-secret", &body);
    let tampered = sign(SECRET.as_bytes(), &delivery("m_2", "Hej!"));
    for (signature, status) in [
        (Some(wrong.as_str()), StatusCode::UNAUTHORIZED),
        (Some(tampered.as_str()), StatusCode::UNAUTHORIZED),
        (None, StatusCode::UNAUTHORIZED),
        (Some("sha256=xyz"), StatusCode::BAD_REQUEST),
        (
            Some("sha1=0123456789abcdef0123456789abcdef01234567"),
            StatusCode::BAD_REQUEST,
        ),
        (Some(""), StatusCode::BAD_REQUEST),
    ] {
        let response = hook.deliver(&body, signature).await;
        let refusal = problem(response, status).await;
        assert!(
            refusal["detail"]
                .as_str()
                .unwrap()
                .contains("X-Hub-Signature-256"),
            "{refusal}"
        );
    }
    assert!(hook.inquiries().await.is_empty());
}

#[tokio::test]
async fn a_signed_body_that_is_not_a_delivery_is_refused_naming_the_problem() {
    let hook = spawn(true).await;
    for (body, names) in [
        (
            &b"{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"sender\":{}}]}]}"[..],
            "sender",
        ),
        (&b"not json"[..], "expected"),
        (&b"{\"object\":\"user\"}"[..], "\"user\""),
    ] {
        let response = hook.deliver_signed(body).await;
        let refusal = problem(response, StatusCode::BAD_REQUEST).await;
        assert!(
            refusal["detail"].as_str().unwrap().contains(names),
            "{refusal}"
        );
    }
    assert!(hook.inquiries().await.is_empty());
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413_and_stores_nothing() {
    let hook = spawn(true).await;
    let text = "x".repeat(frist_web::DEFAULT_BODY_LIMIT);
    let response = hook.deliver_signed(&delivery("m_big", &text)).await;
    problem(response, StatusCode::PAYLOAD_TOO_LARGE).await;
    assert!(hook.inquiries().await.is_empty());
}

#[tokio::test]
async fn without_configuration_the_webhook_does_not_exist() {
    let hook = spawn(false).await;
    let body = delivery("m_3", "Hej");
    problem(hook.deliver_signed(&body).await, StatusCode::NOT_FOUND).await;
    let check = hook
        .client
        .get(format!(
            "{}/webhooks/facebook?hub.mode=subscribe",
            hook.address
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(check.status(), StatusCode::NOT_FOUND);
    assert!(hook.inquiries().await.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    /// Whatever arrives, the answer is a deliberate status, never a crash; only a correctly
    /// signed delivery is stored.
    #[test]
    fn arbitrary_bodies_and_signatures_never_crash_the_webhook(
        body in proptest::collection::vec(any::<u8>(), 0..400),
        signature in proptest::option::of("[ -~]{0,80}"),
        signed in any::<bool>(),
    ) {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let hook = spawn(true).await;
            let signature = if signed { Some(sign(SECRET.as_bytes(), &body)) } else { signature };
            let response = hook.deliver(&body, signature.as_deref()).await;
            let status = response.status();
            assert!(
                [StatusCode::OK, StatusCode::BAD_REQUEST, StatusCode::UNAUTHORIZED].contains(&status),
                "{status}"
            );
            if !signed {
                assert!(hook.inquiries().await.is_empty());
            }
        });
    }
}
