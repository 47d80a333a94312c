//! Crash safety: the server under concurrent inquiry creation is killed with SIGKILL and
//! restarted; every inquiry that got a `201` is there with all its events, and every
//! projection equals a rebuild from its events.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

use frist_core::Inquiry;
use frist_store::{InquiryFilter, Store};
use std::collections::BTreeMap;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const FRIST: &str = env!("CARGO_BIN_EXE_frist");

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn serve(db: &str, port: u16) -> Child {
    Command::new(FRIST)
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--database-url",
            db,
            "--policy",
            "roskilde",
        ])
        .env_remove("FRIST_POLICY")
        .env_remove("FRIST_DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

async fn wait_healthy(client: &reqwest::Client, base: &str) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        if let Ok(r) = client.get(format!("{base}/health")).send().await
            && r.status().is_success()
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("server at {base} did not become healthy");
}

fn token(db: &str) -> String {
    let out = Command::new(FRIST)
        .args([
            "token",
            "create",
            "--name",
            "crash-test",
            "--role",
            "admin",
            "--database-url",
            db,
            "--policy",
            "roskilde",
        ])
        .env_remove("FRIST_POLICY")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap()
        .trim()
        .to_owned()
}

fn inquiry_json(i: usize) -> serde_json::Value {
    serde_json::json!({
        "channel": "email",
        "to": "general",
        "kind": "general_question",
        "received_at": "2026-11-16T10:00:00+01:00",
        "subject": format!("Spørgsmål {i}"),
        "body": "Hvornår bliver affaldet hentet?",
        "sender": {"name": "Karen Jensen", "email": "karen@example.dk"},
        "external_id": format!("crash-{i}")
    })
}

/// Creates inquiries from `clients` concurrent clients until the server dies; returns the
/// references of every inquiry the server answered 201 for, by external id.
async fn hammer(
    base: String,
    token: String,
    clients: usize,
    acknowledged: Arc<Mutex<BTreeMap<String, String>>>,
) {
    let client = reqwest::Client::new();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..clients {
        let (client, base, token, next, acknowledged) = (
            client.clone(),
            base.clone(),
            token.clone(),
            next.clone(),
            acknowledged.clone(),
        );
        tasks.push(tokio::spawn(async move {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let sent = client
                    .post(format!("{base}/api/v1/inquiries"))
                    .bearer_auth(&token)
                    .json(&inquiry_json(i))
                    .timeout(Duration::from_secs(5))
                    .send()
                    .await;
                let Ok(response) = sent else { return }; // the server is gone
                if response.status().as_u16() == 201 {
                    let body: serde_json::Value = response.json().await.unwrap_or_default();
                    let reference = body["reference"].as_str().unwrap_or_default().to_owned();
                    acknowledged
                        .lock()
                        .unwrap()
                        .insert(format!("crash-{i}"), reference);
                }
            }
        }));
    }
    for t in tasks {
        let _ = t.await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_inquiry_answered_201_survives_a_sigkill_and_projections_equal_rebuilds() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("frist.db");
    let db = format!("sqlite://{}", file.display());
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let token = token(&db);
    let client = reqwest::Client::new();

    let mut server = serve(&db, port);
    wait_healthy(&client, &base).await;
    let acknowledged = Arc::new(Mutex::new(BTreeMap::new()));
    let load = tokio::spawn(hammer(
        base.clone(),
        token.clone(),
        16,
        acknowledged.clone(),
    ));
    // Let it run until a good number of inquiries were acknowledged, then pull the plug.
    let started = Instant::now();
    while acknowledged.lock().unwrap().len() < 1000 && started.elapsed() < Duration::from_secs(60) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill().unwrap(); // SIGKILL on Unix
    server.wait().unwrap();
    load.await.unwrap();
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 1000,
        "only {} inquiries were created before the kill",
        acknowledged.len()
    );

    // Restart on the same file: the server comes back and keeps serving.
    let mut server = serve(&db, port);
    wait_healthy(&client, &base).await;
    let after = client
        .post(format!("{base}/api/v1/inquiries"))
        .bearer_auth(&token)
        .json(&inquiry_json(1_000_000))
        .send()
        .await
        .unwrap();
    assert_eq!(after.status().as_u16(), 201);
    server.kill().unwrap();
    server.wait().unwrap();

    // Every acknowledged inquiry is there with its events, and projections equal rebuilds.
    verify(&db, &acknowledged).await;
    assert!(Path::new(&file).exists());
}

async fn verify(db: &str, acknowledged: &BTreeMap<String, String>) {
    let store = frist_store::open(db).await.unwrap();
    let mut seen = BTreeMap::new();
    let mut cursor: Option<String> = None;
    loop {
        let page = store
            .list_inquiries(&InquiryFilter::default(), cursor.as_deref(), 500)
            .await
            .unwrap();
        for summary in &page.items {
            let stored = store.get_inquiry(summary.id).await.unwrap();
            let events = store.events(summary.id).await.unwrap();
            assert!(!events.is_empty(), "{} has no events", summary.reference);
            let policy = store.policy(stored.policy_id).await.unwrap();
            let rebuilt =
                Inquiry::rebuild(stored.inquiry.reference.clone(), &events, &policy.policy)
                    .unwrap();
            assert_eq!(
                rebuilt, stored.inquiry,
                "projection of {} differs from its rebuild",
                summary.reference
            );
            if let Some(external) = &stored.inquiry.received.external_id {
                seen.insert(external.clone(), stored.inquiry.reference.to_string());
            }
        }
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    for (external, reference) in acknowledged {
        assert_eq!(
            seen.get(external),
            Some(reference),
            "inquiry {external} ({reference}) got 201 but is missing after the crash"
        );
    }
}
