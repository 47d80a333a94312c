//! Replies through the outbox on Messenger and Digital Post, end to end: the dispatcher, the
//! real renderers and a local Graph endpoint.

use crate::helpers::*;
use axum::Router;
use axum::extract::State;
use axum::routing::post;
use frist_channels::facebook::{FacebookConfig, FacebookDelivery};
use frist_channels::outbox::{Delivery, Dispatcher, OutboxDirectory, RetryPolicy};
use frist_channels::post::{MEMO_NAMESPACE, PostRender};
use frist_core::{EventKind, NewInquiry, Sender};
use frist_policy::{Addressee, Channel, InquiryKind};
use frist_store::{NewOutboxItem, OutboxState, OutboxStore, Store};
use serde_json::Value;
use std::sync::{Arc, Mutex};

async fn graph() -> (String, Arc<Mutex<Vec<Value>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let app = Router::new()
        .route(
            "/v21.0/me/messages",
            post(
                |State(seen): State<Arc<Mutex<Vec<Value>>>>, body: String| async move {
                    let body: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
                    seen.lock().unwrap().push(body);
                    axum::Json(serde_json::json!({"recipient_id": "1", "message_id": "m_1"}))
                },
            ),
        )
        .with_state(Arc::clone(&seen));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}/v21.0", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (base, seen)
}

fn messenger(psid: &str) -> Sender {
    Sender {
        name: Some("Karen".into()),
        facebook_id: Some(psid.into()),
        ..Sender::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_messenger_reply_goes_out_in_the_window_and_is_refused_after_it() {
    let (base, seen) = graph().await;
    // The fixture's inquiry arrived in March: its window closed long ago.
    let f = fixture(Channel::Facebook, messenger("old-psid"), Some("m_old")).await;
    let late = enqueue(&f, Channel::Facebook, "psid:old-psid").await;
    // A message that arrived an hour ago is in the normal 24-hour window.
    let version = f.store.policy(1).await.unwrap();
    let recent = NewInquiry {
        channel: Channel::Facebook,
        to: Addressee::General,
        unit: None,
        caseworker: None,
        kind: InquiryKind::GeneralQuestion,
        case_type: None,
        received_at: jiff::Timestamp::now() - jiff::SignedDuration::from_hours(1),
        sender: messenger("new-psid"),
        language: None,
        subject: String::new(),
        body: "Hvornår henter I storskrald?".into(),
        attachments: Vec::new(),
        external_id: Some("m_new".into()),
    };
    let recent = f
        .store
        .create_inquiry(recent, &version)
        .await
        .unwrap()
        .stored;
    let on_time = f
        .store
        .enqueue(NewOutboxItem {
            inquiry_id: recent.id,
            message: answer(Channel::Facebook),
            recipient: "psid:new-psid".into(),
            message_id: frist_channels::outbox::message_id("ROS-2026-000002", "roskilde.dk"),
            actor: Some("mette.hansen".into()),
            created_at: jiff::Timestamp::now(),
            status_token: None,
        })
        .await
        .unwrap();
    let delivery = FacebookDelivery::new(Arc::new(FacebookConfig {
        app_secret: "secret".into(),
        verify_token: "verify".into(),
        page_access_token: "EAAG-token".into(),
        api_base_url: base,
    }));
    let dispatcher = Dispatcher::new(
        Arc::clone(&f.store),
        vec![Arc::new(delivery) as Arc<dyn Delivery>],
        RetryPolicy::default(),
        public_url(),
    );
    let summary = dispatcher.run_once().await.unwrap();
    assert_eq!(summary.sent, 1, "{summary:?}");

    let sent = f.store.outbox_item(on_time.id).await.unwrap();
    assert_eq!(sent.state, OutboxState::Sent);
    let seen = seen.lock().unwrap().clone();
    assert_eq!(seen.len(), 1, "only the reply in the window went out");
    assert_eq!(seen[0]["recipient"]["id"], "new-psid");
    assert_eq!(seen[0]["messaging_type"], "RESPONSE");
    assert!(seen[0]["message"]["text"].as_str().unwrap().contains(BODY));
    let events = f.store.events(recent.id).await.unwrap();
    assert_eq!(
        events
            .iter()
            .filter(|e| matches!(e.kind, EventKind::MessageSent { .. }))
            .count(),
        1
    );

    let refused = f.store.outbox_item(late.id).await.unwrap();
    assert_eq!(refused.state, OutboxState::Failed);
    assert!(
        refused.last_error.unwrap().contains("another channel"),
        "the page says to use another channel"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_digital_post_reply_becomes_a_memo_message_with_the_letter_inside() {
    let sender = Sender {
        name: Some("Søren Ærø".into()),
        cpr: Some("070761-4285".parse().unwrap()),
        ..Sender::default()
    };
    let f = fixture(Channel::Email, sender, None).await;
    let item = enqueue(&f, Channel::DigitalPost, "cpr:sender").await;
    let out = tempfile::tempdir().unwrap();
    let render = Arc::new(PostRender {
        channel: Channel::DigitalPost,
    });
    let directory = OutboxDirectory::new(Channel::DigitalPost, out.path(), render);
    let dispatcher = Dispatcher::new(
        Arc::clone(&f.store),
        vec![Arc::new(directory) as Arc<dyn Delivery>],
        RetryPolicy::default(),
        public_url(),
    );
    assert_eq!(dispatcher.run_once().await.unwrap().sent, 1);
    let stem = item.message_id.trim_matches(|c| c == '<' || c == '>');
    let xml = std::fs::read_to_string(out.path().join(format!("{stem}.memo.xml"))).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(MEMO_NAMESPACE));
    let text_of = |name: &str| {
        doc.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(str::to_owned)
    };
    assert_eq!(text_of("senderID").as_deref(), Some("29189404"));
    assert_eq!(text_of("recipientID").as_deref(), Some("0707614285"));
    // The manifest carries no CPR number; the MeMo message must (it is the address).
    let manifest = std::fs::read_to_string(out.path().join("manifest.jsonl")).unwrap();
    assert!(!manifest.contains("070761"), "{manifest}");
}
