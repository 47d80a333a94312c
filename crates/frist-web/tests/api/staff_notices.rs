//! The inquiry page's extension and information request write to the citizen through the
//! outbox: queued with the event, recorded as sent only when delivered, and the page says which
//! (never "the citizen was told" before the channel accepted it). Without an address Frist can
//! write to, the page says nothing was sent.

use crate::helpers::{TestApp, email, id_of, spawn_app};
use crate::pages::{Page, Visitor, hidden_csrf};
use crate::staff::mette;
use frist_core::{EventKind, InquiryState, MessageKind};
use frist_store::{OutboxState, OutboxStore, Store};
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;

async fn on_page(app: &TestApp, id: i64) -> (Visitor<'_>, String) {
    let mut v = mette(app).await;
    let page = v.get(&paths::inquiry(id)).await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = hidden_csrf(&page.html);
    (v, csrf)
}

/// Follows an action's redirect and returns the page it lands on.
async fn followed(v: &mut Visitor<'_>, done: &Page) -> Page {
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.html);
    let location = done.headers.get(LOCATION).unwrap().to_str().unwrap();
    v.get(location).await
}

async fn extend(v: &mut Visitor<'_>, id: i64, csrf: &str) -> Page {
    v.post(
        &paths::extend(id),
        &[
            ("csrf", csrf),
            ("obligation", "ROS-1|answer"),
            ("date", "2027-01-08"),
            ("reason", "vi venter på en udtalelse fra Byg og Miljø"),
        ],
    )
    .await
}

async fn sent_messages(app: &TestApp, id: i64) -> Vec<MessageKind> {
    app.store
        .events(id)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|e| match e.kind {
            EventKind::MessageSent { message, .. } => Some(message.kind),
            _ => None,
        })
        .collect()
}

#[tokio::test]
async fn an_extension_queues_its_notice_and_the_page_says_queued_not_told() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let (mut v, csrf) = on_page(&app, id).await;
    let done = extend(&mut v, id, &csrf).await;
    let page = followed(&mut v, &done).await;
    // The test app configures no delivery: the notice waits, and the page says so.
    assert!(
        page.html.contains(
            "Fristen er forlænget. Beskeden til borgeren er gemt i udbakken, men den er ikke sendt"
        ),
        "{}",
        page.html
    );
    assert!(!page.html.contains("har fået besked"));
    let outbox = app.store.outbox_for_inquiry(id).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].kind, MessageKind::ExtensionNotice);
    assert_eq!(outbox[0].state, OutboxState::Queued);
    let item = app.store.outbox_item(outbox[0].id).await.unwrap();
    assert_eq!(item.recipient, "karen@example.dk");
    assert!(
        item.message.body.contains("8. januar 2027"),
        "{}",
        item.message.body
    );
    assert!(item.message.body.contains("udtalelse fra Byg og Miljø"));
    assert!(sent_messages(&app, id).await.is_empty());

    assert_eq!(app.deliver().await.sent, 1);
    assert_eq!(
        sent_messages(&app, id).await,
        [MessageKind::ExtensionNotice]
    );
}

#[tokio::test]
async fn without_an_address_to_write_to_the_page_says_nothing_was_sent() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T10:00:00+01:00");
    case["channel"] = json!("phone");
    case["sender"] = json!({"name": "Karen Jensen", "phone": "+45 20 30 40 50"});
    let id = id_of(&app.create(&case).await);
    let (mut v, csrf) = on_page(&app, id).await;
    let done = v
        .post(
            &paths::await_citizen(id),
            &[
                ("csrf", csrf.as_str()),
                ("text", "Et foto af skraldespanden."),
                ("date", "2027-01-08"),
            ],
        )
        .await;
    let page = followed(&mut v, &done).await;
    assert!(
        page.html.contains(
            "Frist har ikke sendt anmodningen: der er hverken en e-mailadresse eller en postadresse"
        ),
        "{}",
        page.html
    );
    let location = done.headers.get(LOCATION).unwrap().to_str().unwrap();
    let english = v.get(&format!("{location}&lang=en")).await;
    assert!(
        english.html.contains("Frist has not sent the request"),
        "{}",
        english.html
    );
    assert!(app.store.outbox_for_inquiry(id).await.unwrap().is_empty());
    assert!(sent_messages(&app, id).await.is_empty());
    let inquiry = app.store.get_inquiry(id).await.unwrap().inquiry;
    assert_eq!(inquiry.state, InquiryState::AwaitingCitizen);
}

#[tokio::test]
async fn an_information_request_says_what_and_by_when_and_pauses_the_goals_that_allow_it() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let (mut v, csrf) = on_page(&app, id).await;
    let before = app.snapshot(id).await;
    let empty = v
        .post(
            &paths::await_citizen(id),
            &[
                ("csrf", csrf.as_str()),
                ("text", " "),
                ("date", "2027-01-08"),
            ],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        empty
            .html
            .contains("Skriv, hvilke oplysninger vi har brug for."),
        "{}",
        empty.html
    );
    let past = v
        .post(
            &paths::await_citizen(id),
            &[
                ("csrf", csrf.as_str()),
                ("text", "Et foto"),
                ("date", "2026-12-01"),
            ],
        )
        .await;
    assert_eq!(past.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.snapshot(id).await, before);
    assert!(app.store.outbox_for_inquiry(id).await.unwrap().is_empty());

    let done = v
        .post(
            &paths::await_citizen(id),
            &[
                ("csrf", csrf.as_str()),
                ("text", "Et foto af skraldespanden."),
                ("date", "2027-01-08"),
            ],
        )
        .await;
    let page = followed(&mut v, &done).await;
    assert!(page.html.contains("Henvendelsen venter nu på borgeren. Anmodningen er gemt i udbakken, men den er ikke sendt"), "{}", page.html);
    let inquiry = app.store.get_inquiry(id).await.unwrap().inquiry;
    assert_eq!(inquiry.state, InquiryState::AwaitingCitizen);
    assert!(inquiry.awaiting_since.is_some());
    let outbox = app.store.outbox_for_inquiry(id).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].kind, MessageKind::InformationRequest);
    let item = app.store.outbox_item(outbox[0].id).await.unwrap();
    assert!(item.message.body.contains("Et foto af skraldespanden."));
    assert!(
        item.message.body.contains("8. januar 2027"),
        "{}",
        item.message.body
    );
    assert_eq!(
        item.message.expected_answer_date,
        Some("2027-01-08".parse().unwrap())
    );
    assert!(sent_messages(&app, id).await.is_empty());
    assert_eq!(app.deliver().await.sent, 1);
    assert_eq!(
        sent_messages(&app, id).await,
        [MessageKind::InformationRequest]
    );
}

#[tokio::test]
async fn a_german_inquirys_extension_notice_and_information_request_are_german_when_delivered() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T10:00:00+01:00");
    case["language"] = json!("de");
    let id = id_of(&app.create(&case).await);
    let (mut v, csrf) = on_page(&app, id).await;
    let done = extend(&mut v, id, &csrf).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.html);
    let asked = v
        .post(
            &paths::await_citizen(id),
            &[
                ("csrf", csrf.as_str()),
                ("text", "Ein Foto der Mülltonne."),
                ("date", "2027-01-08"),
            ],
        )
        .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.html);
    assert_eq!(app.deliver().await.sent, 2);
    let texts: Vec<String> = app
        .delivered_files("email")
        .into_iter()
        .filter(|n| n.ends_with(".txt"))
        .map(|n| std::fs::read_to_string(app.delivered.join("email").join(n)).unwrap())
        .collect();
    let notice = texts
        .iter()
        .find(|t| t.contains("mehr Zeit"))
        .unwrap_or_else(|| panic!("{texts:?}"));
    assert!(notice.starts_with("Guten Tag Karen Jensen\n\n"), "{notice}");
    assert!(
        notice.contains("Leider benötigen wir mehr Zeit für Ihre Anfrage ROS-2026-"),
        "{notice}"
    );
    assert!(notice.contains("spätestens am 8. Januar 2027"), "{notice}");
    assert!(notice.contains("Der Grund: vi venter på"), "{notice}");
    assert!(
        notice.contains("Mit freundlichen Grüßen\nMette Hansen"),
        "{notice}"
    );
    assert!(!notice.contains("Venlig hilsen"), "{notice}");
    let request = texts
        .iter()
        .find(|t| t.contains("Mülltonne"))
        .unwrap_or_else(|| panic!("{texts:?}"));
    assert!(
        request.contains("Wir benötigen weitere Angaben, um Ihre Anfrage ROS-2026-"),
        "{request}"
    );
}
