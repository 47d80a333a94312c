//! `frist serve`'s production wiring, started in-process on port 0 through
//! `startup::Application::build`: a page and an API call answer, and the dispatcher running
//! beside the server delivers a queued message to the SMTP sink.

use super::{Sink, roskilde_wiring, serve};
use frist_core::{EventKind, MessageKind, OutgoingMessage};
use frist_policy::Channel;
use frist_store::{NewOutboxItem, OutboxStore, Role, Store};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_production_wiring_serves_pages_and_the_api_and_delivers_queued_mail() {
    let tmp = tempfile::tempdir().unwrap();
    let sink = Sink::start(&tmp.path().join("mail"));
    let (app, url) = roskilde_wiring(tmp.path(), &sink).await;
    let address = app.address();
    assert_ne!(address.port(), 0, "the real port is known before serving");
    assert_eq!(app.municipality(), "Roskilde Kommune");
    let serving = serve(app);

    let client = reqwest::Client::new();
    let base = format!("http://{address}");
    let front = client.get(format!("{base}/")).send().await.unwrap();
    assert_eq!(front.status(), 200);
    assert!(front.text().await.unwrap().contains("Roskilde"));

    let store = frist_store::open(&url).await.unwrap();
    let (token, hash) = frist_web::new_token();
    store
        .create_token("wiring", Role::Admin, &hash)
        .await
        .unwrap();
    let created = client
        .post(format!("{base}/api/v1/inquiries"))
        .bearer_auth(&token)
        .json(&json!({
            "channel": "email",
            "kind": "general_question",
            "received_at": "2026-03-02T09:00:00+01:00",
            "subject": "Affald",
            "body": "Hvornår?",
            "sender": {"email": "borger@example.org"}
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let created: Value = created.json().await.unwrap();
    let id = created["id"].as_i64().unwrap();

    store
        .enqueue(NewOutboxItem {
            inquiry_id: id,
            message: OutgoingMessage {
                kind: MessageKind::Answer,
                channel: Channel::Email,
                body: "Torsdag. Venlig hilsen Åse".into(),
                caseworker: Some("Åse Ørsted".into()),
                contact: None,
                next_step: None,
                expected_answer_date: None,
                appealable: false,
                complaint_guidance: None,
            },
            recipient: "borger@example.org".into(),
            message_id: format!("<{}.1@roskilde.dk>", created["reference"].as_str().unwrap()),
            actor: Some("aase".into()),
            created_at: jiff::Timestamp::now(),
            status_token: None,
        })
        .await
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while sink.received() == 0 {
        assert!(
            Instant::now() < deadline,
            "the dispatcher never delivered the queued message"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The message is recorded on the inquiry once the SMTP server accepted it.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let sent = store
            .events(id)
            .await
            .unwrap()
            .iter()
            .filter(|e| matches!(e.kind, EventKind::MessageSent { .. }))
            .count();
        if sent == 1 {
            break;
        }
        assert!(Instant::now() < deadline, "the delivery was not recorded");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    store.close().await.unwrap();

    serving.stop().await;
    assert_eq!(sink.received(), 1);
}
