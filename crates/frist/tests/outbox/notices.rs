//! An extension's notice and an information request reach the citizen through the real SMTP
//! sink: made through the API of a `frist serve` built in-process (the production wiring),
//! queued, delivered by the dispatcher beside the server, and recorded as sent only then.

use super::{Sink, received_texts, roskilde_wiring, serve};
use frist_core::{EventKind, MessageKind};
use frist_store::{Role, Store};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_extension_notice_and_an_information_request_reach_the_smtp_sink() {
    let tmp = tempfile::tempdir().unwrap();
    let sink = Sink::start(&tmp.path().join("mail"));
    let (app, url) = roskilde_wiring(tmp.path(), &sink).await;
    let base = format!("http://{}", app.address());
    let serving = serve(app);

    let store = frist_store::open(&url).await.unwrap();
    let (token, hash) = frist_web::new_token();
    store
        .create_token("mette", Role::Caseworker, &hash)
        .await
        .unwrap();
    let client = reqwest::Client::new();
    let post = |path: String, body: Value| {
        client
            .post(format!("{base}{path}"))
            .bearer_auth(&token)
            .json(&body)
            .send()
    };
    let created: Value = post(
        "/api/v1/inquiries".into(),
        json!({
            "channel": "email",
            "to": "general",
            "kind": "general_question",
            "received_at": "2026-03-02T09:00:00+01:00",
            "subject": "Affald",
            "body": "Hvornår bliver mit affald hentet?",
            "sender": {"name": "Karen Jensen", "email": "karen@example.dk"}
        }),
    )
    .await
    .unwrap()
    .json()
    .await
    .unwrap();
    let id = created["id"].as_i64().unwrap();

    let extended = post(
        format!("/api/v1/inquiries/{id}/events"),
        json!({
            "type": "deadline_extended",
            "goal": "ROS-1",
            "requires": "answer",
            "new_due_date": "2027-01-08",
            "reason": "Vi venter på oplysninger fra vejafdelingen.",
            "notice": {
                "kind": "extension_notice",
                "channel": "email",
                "body": "Vi har brug for mere tid. Du får svar senest 8. januar 2027, fordi vi venter på oplysninger fra vejafdelingen.",
                "contact": "Mette Hansen, 46 31 30 00"
            }
        }),
    )
    .await
    .unwrap();
    assert_eq!(extended.status(), 201, "{}", extended.text().await.unwrap());
    let asked = post(
        format!("/api/v1/inquiries/{id}/messages"),
        json!({
            "kind": "information_request",
            "channel": "email",
            "body": "Vi har brug for et foto af skraldespanden for at kunne behandle din henvendelse.",
            "contact": "Mette Hansen, 46 31 30 00",
            "expected_answer_date": "2027-01-05"
        }),
    )
    .await
    .unwrap();
    assert_eq!(asked.status(), 201, "{}", asked.text().await.unwrap());
    let waiting = post(
        format!("/api/v1/inquiries/{id}/events"),
        json!({"type": "awaiting_citizen_started"}),
    )
    .await
    .unwrap();
    assert_eq!(waiting.status(), 201);

    let deadline = Instant::now() + Duration::from_secs(30);
    while sink.received() < 2 {
        assert!(
            Instant::now() < deadline,
            "the dispatcher never delivered both messages"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let texts = received_texts(&sink);
    assert_eq!(texts.len(), 2, "{texts:?}");
    let notice = texts.iter().find(|t| t.contains("vejafdelingen")).unwrap();
    assert!(notice.contains("8. januar 2027"), "{notice}");
    assert!(
        notice.contains(created["reference"].as_str().unwrap()),
        "{notice}"
    );
    let request = texts
        .iter()
        .find(|t| t.contains("foto af skraldespanden"))
        .unwrap();
    assert!(
        request.contains("Send os venligst dit svar senest 5. januar 2027."),
        "{request}"
    );

    // Both are recorded on the inquiry once delivered, and listed as sent.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let kinds: Vec<MessageKind> = store
            .events(id)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|e| match e.kind {
                EventKind::MessageSent { message, .. } => Some(message.kind),
                _ => None,
            })
            .collect();
        if kinds.len() == 2 {
            assert!(kinds.contains(&MessageKind::ExtensionNotice));
            assert!(kinds.contains(&MessageKind::InformationRequest));
            break;
        }
        assert!(Instant::now() < deadline, "not recorded: {kinds:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let shown: Value = client
        .get(format!("{base}/api/v1/inquiries/{id}"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let states: Vec<(&str, &str)> = shown["outgoing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["kind"].as_str().unwrap(), o["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        states,
        [
            ("extension_notice", "sent"),
            ("information_request", "sent")
        ]
    );
    store.close().await.unwrap();

    serving.stop().await;
}
