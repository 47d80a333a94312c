//! E-mail out: an answer arrives at a real SMTP server intact, is recorded once, and failures
//! are retried or given up as the server says.

use crate::helpers::*;
use frist_channels::outbox::{Delivery, Dispatcher, RetryPolicy};
use frist_channels::smtp::{Security, SmtpDelivery, SmtpSettings};
use frist_core::{EventKind, Sender};
use frist_policy::Channel;
use frist_store::{AnyStore, OutboxState, OutboxStore, Store};
use mail_parser::MessageParser;
use std::sync::Arc;
use std::time::Duration;

fn smtp(port: u16) -> Arc<dyn Delivery> {
    Arc::new(
        SmtpDelivery::new(SmtpSettings {
            host: "127.0.0.1".into(),
            port: Some(port),
            security: Security::None,
            username: None,
            password: None,
            from: "Roskilde Kommune <post@roskilde.dk>".parse().unwrap(),
            timeout: Duration::from_secs(20),
            ca_certificate: None,
        })
        .unwrap(),
    )
}

fn citizen() -> Sender {
    Sender {
        name: Some("Søren Ærø".into()),
        email: Some("soeren@example.org".into()),
        ..Sender::default()
    }
}

async fn sent_events(store: &AnyStore, id: i64) -> usize {
    store
        .events(id)
        .await
        .unwrap()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::MessageSent { .. }))
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_arrives_at_the_smtp_server_intact_and_is_recorded_once() {
    let sink = Sink::start();
    let f = fixture(Channel::Email, citizen(), Some("<q1.7f@example.org>")).await;
    let item = enqueue(&f, Channel::Email, "soeren@example.org").await;
    let dispatcher = Dispatcher::new(
        Arc::clone(&f.store),
        vec![smtp(sink.port)],
        RetryPolicy::default(),
        public_url(),
    );
    let run = dispatcher.run_once().await.unwrap();
    assert_eq!(run.sent, 1, "{run:?}");

    let received = sink.received();
    assert_eq!(received.len(), 1);
    let mail = MessageParser::default().parse(&received[0]).unwrap();
    assert_eq!(
        mail.subject().unwrap(),
        format!("Re: Spørgsmål om affald [{}]", f.reference)
    );
    assert_eq!(format!("<{}>", mail.message_id().unwrap()), item.message_id);
    assert!(item.message_id.contains(&f.reference));
    assert_eq!(mail.in_reply_to().as_text(), Some("q1.7f@example.org"));
    assert_eq!(mail.references().as_text(), Some("q1.7f@example.org"));
    assert!(mail.date().is_some());
    let from = mail.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("post@roskilde.dk"));
    assert_eq!(from.name(), Some("Roskilde Kommune"));
    let to = mail.to().unwrap().first().unwrap();
    assert_eq!(to.address(), Some("soeren@example.org"));
    let text = mail.body_text(0).unwrap();
    assert!(text.contains(BODY), "{text}");
    assert!(text.contains("Sagsbehandler: Mette Hansen"), "{text}");
    assert!(
        text.contains("Kontakt: Mette Hansen, 46 31 30 00"),
        "{text}"
    );
    assert!(text.contains("Næste skridt: Vi henter affaldet."), "{text}");
    assert!(text.contains("5. marts 2026"), "{text}");
    assert!(text.contains("Roskilde Kommune"), "{text}");
    let raw = String::from_utf8_lossy(&received[0]).to_lowercase();
    assert!(raw.contains("charset=utf-8"), "{raw}");

    assert_eq!(sent_events(&f.store, f.inquiry).await, 1);
    let row = f.store.outbox_item(item.id).await.unwrap();
    assert_eq!(row.state, OutboxState::Sent);
    assert_eq!(row.attempts, 1);

    // Nothing is due any more: a second run sends nothing.
    assert_eq!(dispatcher.run_once().await.unwrap().sent, 0);
    assert_eq!(sink.received().len(), 1);
    assert_eq!(sent_events(&f.store, f.inquiry).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_4xx_answer_is_retried_after_the_back_off_and_a_5xx_answer_fails() {
    let sink = Sink::start();
    let f = fixture(Channel::Email, citizen(), None).await;
    let item = enqueue(&f, Channel::Email, "soeren@example.org").await;
    let now = Arc::new(std::sync::Mutex::new(at("2026-03-02T10:00:00+01:00")));
    let clock = Arc::clone(&now);
    let dispatcher = Dispatcher::new(
        Arc::clone(&f.store),
        vec![smtp(sink.port)],
        RetryPolicy::default(),
        public_url(),
    )
    .with_clock(move || *clock.lock().unwrap());

    sink.reply_with(Some("451 4.3.0 try again later"));
    assert_eq!(dispatcher.run_once().await.unwrap().retrying, 1);
    let row = f.store.outbox_item(item.id).await.unwrap();
    assert_eq!(row.state, OutboxState::Queued);
    assert_eq!(row.next_attempt_at, at("2026-03-02T10:01:00+01:00"));
    assert!(
        row.last_error.as_deref().unwrap().contains("451"),
        "{row:?}"
    );
    assert_eq!(sent_events(&f.store, f.inquiry).await, 0);

    // Not due yet: nothing happens.
    sink.reply_with(None);
    assert_eq!(dispatcher.run_once().await.unwrap(), Default::default());
    *now.lock().unwrap() = at("2026-03-02T10:01:00+01:00");
    assert_eq!(dispatcher.run_once().await.unwrap().sent, 1);
    assert_eq!(sink.received().len(), 1);
    assert_eq!(f.store.outbox_item(item.id).await.unwrap().attempts, 2);

    let refused = enqueue(&f, Channel::Email, "soeren@example.org").await;
    sink.reply_with(Some("550 5.1.1 no such user"));
    assert_eq!(dispatcher.run_once().await.unwrap().failed, 1);
    let row = f.store.outbox_item(refused.id).await.unwrap();
    assert_eq!(row.state, OutboxState::Failed);
    assert!(
        row.last_error.as_deref().unwrap().contains("550"),
        "{row:?}"
    );
    assert_eq!(sent_events(&f.store, f.inquiry).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_cannot_be_reached_is_a_transient_failure() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let f = fixture(Channel::Email, citizen(), None).await;
    let item = enqueue(&f, Channel::Email, "soeren@example.org").await;
    let dispatcher = Dispatcher::new(
        Arc::clone(&f.store),
        vec![smtp(port)],
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        },
        public_url(),
    );
    // One attempt allowed: the transient failure uses it up, and the row fails.
    assert_eq!(dispatcher.run_once().await.unwrap().failed, 1);
    let row = f.store.outbox_item(item.id).await.unwrap();
    assert_eq!(row.state, OutboxState::Failed);
    assert!(
        row.last_error
            .as_deref()
            .unwrap()
            .contains("gave up after 1 attempts"),
        "{row:?}"
    );
}

fn starttls(port: u16, ca: Option<Vec<u8>>) -> Arc<dyn Delivery> {
    Arc::new(
        SmtpDelivery::new(SmtpSettings {
            host: "localhost".into(),
            port: Some(port),
            security: Security::Starttls,
            username: None,
            password: None,
            from: "Roskilde Kommune <post@roskilde.dk>".parse().unwrap(),
            timeout: Duration::from_secs(20),
            ca_certificate: ca,
        })
        .unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_starttls_the_message_goes_encrypted_and_only_to_a_trusted_certificate() {
    let certs = tempfile::tempdir().unwrap();
    let (ca, cert, key) = certificates(certs.path());
    let sink = Sink::start_tls(&cert, &key);
    let f = fixture(Channel::Email, citizen(), None).await;

    // The system does not trust our test CA: no delivery, try again later.
    let untrusted = enqueue(&f, Channel::Email, "soeren@example.org").await;
    let dispatcher = Dispatcher::new(
        Arc::clone(&f.store),
        vec![starttls(sink.port, None)],
        RetryPolicy::default(),
        public_url(),
    );
    assert_eq!(dispatcher.run_once().await.unwrap().retrying, 1);
    assert!(sink.received().is_empty());
    let row = f.store.outbox_item(untrusted.id).await.unwrap();
    assert_eq!(row.state, OutboxState::Queued);

    // With the CA configured, the same server is trusted.
    let trusted = enqueue(&f, Channel::Email, "soeren@example.org").await;
    let dispatcher = Dispatcher::new(
        Arc::clone(&f.store),
        vec![starttls(sink.port, Some(std::fs::read(&ca).unwrap()))],
        RetryPolicy::default(),
        public_url(),
    );
    assert_eq!(dispatcher.run_once().await.unwrap().sent, 1);
    let received = sink.received();
    assert_eq!(received.len(), 1);
    let mail = MessageParser::default().parse(&received[0]).unwrap();
    assert!(mail.body_text(0).unwrap().contains(BODY));
    assert_eq!(
        f.store.outbox_item(trusted.id).await.unwrap().state,
        OutboxState::Sent
    );
}
