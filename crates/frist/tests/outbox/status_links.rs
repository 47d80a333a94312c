//! Status links end to end, through the production wiring and the real SMTP sink: a web-form
//! citizen with an e-mail address gets exactly one confirmation e-mail whose link opens the
//! status page; an acknowledgment by e-mail carries a link and the promised date, and its link
//! opens a status page that shows the promised date and the caseworker.

use super::{Sink, received_texts, roskilde_wiring, serve};
use frist_store::{Role, Store};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, COOKIE, SET_COOKIE};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// The status links (`{base}/status/TOKEN`) in `text`.
fn links_in(base: &str, text: &str) -> Vec<String> {
    let start = format!("{base}/status/");
    text.match_indices(&start)
        .map(|(i, _)| {
            let token: String = text[i + start.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            format!("{start}{token}")
        })
        .collect()
}

/// Waits until the sink holds `n` messages, and returns their texts.
async fn wait_for(sink: &Sink, n: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    while sink.received() < n {
        assert!(Instant::now() < deadline, "the sink never got {n} messages");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    received_texts(sink)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_web_form_confirmation_and_an_acknowledgment_bring_working_status_links() {
    let tmp = tempfile::tempdir().unwrap();
    let sink = Sink::start(&tmp.path().join("mail"));
    // No public_url: the links start with the address bound, as `frist serve` makes them.
    let (app, url) = roskilde_wiring(tmp.path(), &sink).await;
    let base = format!("http://{}", app.address());
    let public = frist_channels::outbox::PublicUrl::parse(&base).unwrap();
    assert_eq!(app.public_url(), (&public, false));
    let serving = serve(app);
    // A second connection to the database, opened before any traffic (as a tool would be).
    let store = frist_store::open(&url).await.unwrap();
    let (token, hash) = frist_web::new_token();
    store
        .create_token("mette", Role::Caseworker, &hash)
        .await
        .unwrap();
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    // The citizen writes through the form, as a browser without JavaScript does.
    let form = client.get(format!("{base}/skriv")).send().await.unwrap();
    let cookie = form
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .collect::<Vec<_>>()
        .join("; ");
    let html = form.text().await.unwrap();
    let at = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    let csrf = html[at..at + 43].to_owned();
    let body = serde_urlencoded::to_string([
        ("csrf", csrf.as_str()),
        ("kind", "general_question"),
        ("subject", "Affald"),
        ("message", "Min skraldespand blev ikke tømt i går."),
        ("name", "Karen Jensen"),
        ("email", "karen@example.dk"),
    ])
    .unwrap();
    let receipt = client
        .post(format!("{base}/skriv"))
        .header(COOKIE, &cookie)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(receipt.status(), StatusCode::OK);
    let receipt = receipt.text().await.unwrap();
    assert!(
        receipt.contains("Vi sender også linket til karen@example.dk"),
        "{receipt}"
    );
    let shown = links_in(&base, &receipt);
    assert_eq!(shown.len(), 1, "{receipt}");

    let reference = store
        .get_inquiry(1)
        .await
        .unwrap()
        .inquiry
        .reference
        .to_string();
    let texts = wait_for(&sink, 1).await;
    let confirmation = &texts[0];
    assert!(
        confirmation.starts_with(&format!("Link til din henvendelse – {reference}")),
        "{confirmation}"
    );
    assert!(
        confirmation.contains("Tak for din henvendelse"),
        "{confirmation}"
    );
    assert!(
        confirmation.contains("Du kan forvente svar senest"),
        "{confirmation}"
    );
    assert_eq!(links_in(&base, confirmation), shown, "{confirmation}");
    let page = client.get(&shown[0]).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains(&reference));

    // A caseworker acknowledges by e-mail through the API, promising the policy's date.
    let shown_inquiry: Value = client
        .get(format!("{base}/api/v1/inquiries/1"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let promised = shown_inquiry["obligations"][0]["due_date"]
        .as_str()
        .unwrap()
        .to_owned();
    let acknowledged = client
        .post(format!("{base}/api/v1/inquiries/1/messages"))
        .bearer_auth(&token)
        .json(&json!({
            "kind": "acknowledgment",
            "channel": "email",
            "body": "Tak for din henvendelse. Jeg ser på den.",
            "caseworker": "Mette Hansen",
            "contact": "Mette Hansen, 46 31 30 00",
            "next_step": "Vi taler med renovationsselskabet.",
            "expected_answer_date": promised
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        acknowledged.status(),
        StatusCode::CREATED,
        "{}",
        acknowledged.text().await.unwrap()
    );
    let promised = frist_policy::danish_date(promised.parse().unwrap());
    let texts = wait_for(&sink, 2).await;
    assert_eq!(texts.len(), 2, "{texts:?}");
    let confirmations = texts
        .iter()
        .filter(|t| t.starts_with("Link til din henvendelse"))
        .count();
    assert_eq!(confirmations, 1, "exactly one confirmation: {texts:?}");
    let acknowledgment = texts.iter().find(|t| t.contains("Jeg ser på den")).unwrap();
    assert!(
        acknowledgment.contains(&format!("Du kan forvente svar senest {promised}.")),
        "{acknowledgment}"
    );
    assert!(
        acknowledgment.contains("Følg din henvendelse her: "),
        "{acknowledgment}"
    );
    let links = links_in(&base, acknowledgment);
    assert_eq!(links.len(), 1, "{acknowledgment}");
    assert_ne!(links, shown, "a new link of its own");
    let page = client.get(&links[0]).send().await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(page.contains(&promised), "{page}");
    assert!(page.contains("Mette Hansen"), "{page}");
    assert!(
        page.contains("Vi taler med renovationsselskabet."),
        "{page}"
    );

    // Both messages are recorded as sent, and no event holds a token.
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let shown: Value = client
            .get(format!("{base}/api/v1/inquiries/1"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let states: Vec<&str> = shown["outgoing"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["state"].as_str().unwrap())
            .collect();
        if states == ["sent", "sent"] {
            break;
        }
        assert!(Instant::now() < deadline, "not sent: {states:?}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let log = serde_json::to_string(&store.events(1).await.unwrap()).unwrap();
    for link in shown.iter().chain(&links) {
        let token = link.rsplit('/').next().unwrap();
        assert!(!log.contains(token), "a token is in the event log");
    }
    store.close().await.unwrap();

    serving.stop().await;
}
