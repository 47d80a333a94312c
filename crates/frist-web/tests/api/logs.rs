//! What the server logs: routes and outcomes, never a body or a CPR number.

use crate::helpers::{email, id_of, spawn_app};
use reqwest::StatusCode;
use serde_json::json;
use std::io::Write;
use std::sync::{Arc, LazyLock, Mutex};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

/// Everything logged by this test binary from the first use on. Global, not per test:
/// tracing caches per call site whether anyone listens, so a subscriber scoped to one test
/// thread misses events when other tests run in parallel.
static LOG: LazyLock<Captured> = LazyLock::new(|| {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter("trace,hyper=off,hyper_util=off,reqwest=off,h2=off,rustls=off")
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();
    captured
});

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_log_names_routes_but_never_a_body_or_a_cpr_number() {
    let captured = LazyLock::force(&LOG);
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["subject"] = json!("Sag om 240775-4321");
    case["body"] = json!("Hemmelig tekst med 2407754321");
    case["sender"]["cpr"] = json!("240775-4321");
    let id = id_of(&app.create(&case).await);
    let path = format!("/api/v1/inquiries/{id}");
    assert_eq!(
        app.get(&format!("{path}?reveal=cpr")).await.status(),
        StatusCode::OK
    );
    let refused = app
        .post(
            &format!("{path}/messages"),
            &json!({"kind": "answer", "channel": "email", "body": "Svar til 240775-4321", "contact": "Os"}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut bad = case.clone();
    bad["channel"] = json!("2407754321");
    let response = app.post("/api/v1/inquiries", &bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("/api/v1/inquiries/{id}"),
        "routes are named: {log}"
    );
    for secret in ["240775-4321", "2407754321", "Hemmelig", "Svar til"] {
        assert!(!log.contains(secret), "{secret} was logged:\n{log}");
    }
}
