//! A status link for every inquiry Frist can reach: in acknowledgments on every channel that
//! carries text, in the web form's confirmation e-mail, and from "Har du mistet dit link?",
//! which revokes the old links. The token is said only in the text the citizen receives, never
//! in the event log, and the row forgets it once the message has gone.

use crate::helpers::{TestApp, email, id_of, spawn_app, spawn_app_delivering};
use crate::pages::{Visitor, hidden_csrf, status_path, with};
use frist_core::InquiryState;
use frist_store::{OutboxStore, Store};
use frist_web::paths;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// The texts delivered on `channel` so far (the `.txt` files of the directory outbox).
fn delivered_texts(app: &TestApp, channel: &str) -> Vec<String> {
    app.delivered_files(channel)
        .iter()
        .filter(|n| n.ends_with(".txt"))
        .map(|n| std::fs::read_to_string(app.delivered.join(channel).join(n)).unwrap())
        .collect()
}

/// The status links (`…/status/TOKEN`) in `text`, as paths.
fn links_in(app: &TestApp, text: &str) -> Vec<String> {
    let start = format!("{}/status/", app.address);
    text.match_indices(&start)
        .map(|(i, _)| {
            let token: String = text[i + start.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            assert_eq!(token.len(), 43, "{text}");
            paths::status(token)
        })
        .collect()
}

/// The stored inquiry's reference number, as the citizen would type it.
async fn reference_of(app: &TestApp, id: i64) -> String {
    app.store
        .get_inquiry(id)
        .await
        .unwrap()
        .inquiry
        .reference
        .to_string()
}

async fn inquiry(app: &TestApp, id: i64) -> Value {
    app.get(&format!("/api/v1/inquiries/{id}"))
        .await
        .json()
        .await
        .unwrap()
}

fn acknowledgment(channel: &str) -> Value {
    json!({
        "kind": "acknowledgment",
        "channel": channel,
        "body": "Tak for din henvendelse. Vi vender tilbage.",
        "caseworker": "Mette Hansen",
        "contact": "Mette Hansen, 46 31 30 00",
        "next_step": "Vi undersøger sagen.",
        "expected_answer_date": "2027-01-14"
    })
}

async fn sent(app: &TestApp, id: i64, message: &Value) {
    let response = app
        .post(&format!("/api/v1/inquiries/{id}/messages"), message)
        .await;
    let status = response.status();
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{}",
        response.text().await.unwrap()
    );
}

/// Every event of the inquiry as JSON: what the log keeps forever.
async fn event_log(app: &TestApp, id: i64) -> String {
    serde_json::to_string(&app.store.events(id).await.unwrap()).unwrap()
}

#[tokio::test]
async fn an_acknowledgment_by_email_carries_a_link_that_opens_the_status_page_with_the_promise() {
    let app = spawn_app("roskilde").await;
    let created = app.create(&email("2026-12-23T15:00:00+01:00")).await;
    let id = id_of(&created);
    sent(&app, id, &acknowledgment("email")).await;
    let row = app.store.outbox_for_inquiry(id).await.unwrap()[0].id;
    let token = app.store.outbox_item(row).await.unwrap().status_token;
    assert!(token.is_some(), "the row holds the token until delivery");

    assert_eq!(app.deliver().await.sent, 1);
    let texts = delivered_texts(&app, "email");
    let text = &texts[0];
    assert!(
        text.contains("Du kan forvente svar senest 14. januar 2027."),
        "{text}"
    );
    assert!(text.contains("Følg din henvendelse her: http://"), "{text}");
    let links = links_in(&app, text);
    assert_eq!(links.len(), 1, "{text}");
    assert_eq!(
        app.store.outbox_item(row).await.unwrap().status_token,
        None,
        "the row forgets the token once sent"
    );
    let log = event_log(&app, id).await;
    let token = links[0].trim_start_matches("/status/");
    assert!(!log.contains(token), "the token is in the event log");

    let page = Visitor::new(&app).get(&links[0]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.html.contains(created["reference"].as_str().unwrap()),
        "{}",
        page.html
    );
    assert!(page.html.contains("14. januar 2027"), "{}", page.html);
    assert!(page.html.contains("Mette Hansen"), "{}", page.html);
}

#[tokio::test]
async fn an_acknowledgment_from_the_inquiry_page_carries_a_link_too() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = crate::staff::mette(&app).await;
    let csrf = hidden_csrf(&v.get(&paths::inquiry(id)).await.html);
    let form = [
        ("csrf", csrf.as_str()),
        ("kind", "acknowledgment"),
        ("channel", "email"),
        (
            "body",
            "Tak for din henvendelse. Mette Hansen behandler den.",
        ),
        ("caseworker", "mette"),
        ("next_step", "Vi ser på sagen."),
        ("expected", "2027-01-08"),
    ];
    let sent = v.post(&paths::message(id), &form).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.html);
    assert_eq!(app.deliver().await.sent, 1);
    let text = &delivered_texts(&app, "email")[0];
    assert!(
        text.contains("Du kan forvente svar senest 8. januar 2027."),
        "{text}"
    );
    let links = links_in(&app, text);
    assert_eq!(links.len(), 1, "{text}");
    let page = Visitor::new(&app).get(&links[0]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains("8. januar 2027"), "{}", page.html);
    assert!(page.html.contains("Mette Hansen"), "{}", page.html);
}

#[tokio::test]
async fn acknowledgments_by_digital_post_and_letter_carry_a_link_and_answers_do_not() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["sender"]["cpr"] = json!("010190-1234");
    case["sender"]["postal_address"] = json!("Åvej 7\n4000 Roskilde");
    let id = id_of(&app.create(&case).await);
    sent(&app, id, &acknowledgment("digital_post")).await;
    sent(&app, id, &acknowledgment("letter")).await;
    let mut answer = acknowledgment("digital_post");
    answer["kind"] = json!("answer");
    answer["expected_answer_date"] = Value::Null;
    sent(&app, id, &answer).await;

    assert_eq!(app.deliver().await.sent, 3);
    let posts = delivered_texts(&app, "digital_post");
    assert_eq!(posts.len(), 2);
    let (with_link, without): (Vec<_>, Vec<_>) = posts
        .iter()
        .partition(|t| t.contains("Følg din henvendelse her"));
    assert_eq!((with_link.len(), without.len()), (1, 1), "{posts:?}");
    assert_eq!(links_in(&app, with_link[0]).len(), 1);
    let letters = delivered_texts(&app, "letter");
    assert_eq!(links_in(&app, &letters[0]).len(), 1, "{letters:?}");
    for link in links_in(&app, with_link[0])
        .into_iter()
        .chain(links_in(&app, &letters[0]))
    {
        assert_eq!(Visitor::new(&app).get(&link).await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_web_form_inquiry_with_an_email_address_gets_one_confirmation_with_the_receipts_link() {
    let app = spawn_app_delivering("roskilde").await;
    let mut citizen = Visitor::new(&app);
    let form = citizen.get(paths::WRITE).await;
    let csrf = hidden_csrf(&form.html);
    let mut fields = vec![("csrf", csrf.as_str())];
    let good = with(&[]);
    fields.extend_from_slice(&good);
    let receipt = citizen.post(paths::WRITE, &fields).await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.html);
    let html = &receipt.html;
    let expected = inquiry(&app, 1).await["obligations"][0]["due_date"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(expected, "2027-01-12", "ROS-6: ten working days");
    assert!(
        html.contains("Du kan forvente svar senest 12. januar 2027."),
        "{html}"
    );
    assert!(
        html.contains("Vi sender også linket til karen@example.dk"),
        "{html}"
    );
    let shown = status_path(html);
    assert!(
        html.contains(&format!("{}{shown}", app.address)),
        "the receipt shows the full link: {html}"
    );

    // The same form again (a double click): the same inquiry, no second e-mail.
    let again = citizen.post(paths::WRITE, &fields).await;
    assert_eq!(again.status, StatusCode::OK);
    assert!(
        again.html.contains("Vi sender også linket til"),
        "{}",
        again.html
    );
    assert_eq!(app.count().await, 1);
    let outgoing = inquiry(&app, 1).await["outgoing"].clone();
    assert_eq!(
        outgoing,
        json!([{
            "id": 1, "kind": "status_link", "channel": "email", "state": "queued",
            "queued_at": crate::helpers::START.parse::<jiff::Timestamp>().unwrap()
        }]),
    );

    assert_eq!(app.deliver().await.sent, 1);
    let texts = delivered_texts(&app, "email");
    assert_eq!(texts.len(), 1);
    let text = &texts[0];
    assert!(text.contains("Tak for din henvendelse"), "{text}");
    assert!(
        text.contains("Du kan forvente svar senest 12. januar 2027."),
        "{text}"
    );
    assert_eq!(links_in(&app, text), vec![shown.clone()], "{text}");
    let page = citizen.get(&shown).await;
    assert_eq!(page.status, StatusCode::OK);
    let stored = app.store.get_inquiry(1).await.unwrap();
    assert!(page.html.contains(&stored.inquiry.reference.to_string()));
    assert!(
        page.html.contains("Link til din henvendelse"),
        "{}",
        page.html
    );
    // Frist's own e-mail handled nothing: the inquiry is still new, every obligation open.
    assert_eq!(stored.inquiry.state, InquiryState::New);
    assert!(stored.inquiry.obligations.iter().all(|o| o.is_open()));
    assert!(
        !event_log(&app, 1)
            .await
            .contains(shown.trim_start_matches("/status/"))
    );
}

#[tokio::test]
async fn the_receipt_promises_an_email_only_when_one_is_queued_and_something_delivers_it() {
    // No e-mail address: nothing queued, nothing said.
    let app = spawn_app_delivering("roskilde").await;
    let receipt = Visitor::new(&app)
        .write(&with(&[("email", ""), ("phone", "12 34 56 78")]))
        .await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.html);
    assert!(!receipt.html.contains("Vi sender også"), "{}", receipt.html);
    assert!(receipt.html.contains("Du kan forvente svar senest"));
    assert_eq!(inquiry(&app, 1).await["outgoing"], json!([]));

    // An address, but no e-mail delivery configured: queued, yet the receipt promises nothing.
    let app = spawn_app("roskilde").await;
    let receipt = Visitor::new(&app).write(&with(&[])).await;
    assert_eq!(receipt.status, StatusCode::OK);
    assert!(!receipt.html.contains("Vi sender også"), "{}", receipt.html);
    assert_eq!(inquiry(&app, 1).await["outgoing"][0]["kind"], "status_link");
}

#[tokio::test]
async fn the_confirmation_is_written_in_the_language_of_the_form() {
    let app = spawn_app_delivering("roskilde").await;
    let mut citizen = Visitor::new(&app);
    citizen.get(&format!("{}?lang=de", paths::WRITE)).await;
    let receipt = citizen.write(&with(&[])).await;
    assert!(
        receipt
            .html
            .contains("Wir senden den Link auch an karen@example.dk"),
        "{}",
        receipt.html
    );
    app.deliver().await;
    let text = &delivered_texts(&app, "email")[0];
    assert!(text.contains("Vielen Dank für Ihr Anliegen"), "{text}");
    assert!(
        text.contains("Verfolgen Sie Ihr Anliegen hier: http://"),
        "{text}"
    );
    assert!(
        text.contains("Sie erhalten eine Antwort spätestens am 12. Januar 2027."),
        "{text}"
    );
}

/// Posts the "lost your link?" form and follows the redirect; returns the page shown.
async fn ask_for_new_link(app: &TestApp, reference: &str, email: &str) -> crate::pages::Page {
    let mut citizen = Visitor::new(app);
    let form = citizen.get(paths::LOST_LINK).await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = hidden_csrf(&form.html);
    let posted = citizen
        .post(
            paths::LOST_LINK,
            &[
                ("csrf", csrf.as_str()),
                ("reference", reference),
                ("email", email),
            ],
        )
        .await;
    assert_eq!(posted.status, StatusCode::SEE_OTHER, "{}", posted.html);
    let location = posted.headers["location"].to_str().unwrap().to_owned();
    citizen.get(&location).await
}

#[tokio::test]
async fn a_lost_link_is_replaced_by_a_new_one_by_email_and_the_old_ones_stop_working() {
    let app = spawn_app("roskilde").await;
    let mut citizen = Visitor::new(&app);
    let receipt = citizen.write(&with(&[])).await;
    let old = status_path(&receipt.html);
    let reference = reference_of(&app, 1).await;
    // An acknowledgment still waiting in the outbox holds a link of its own.
    sent(&app, 1, &acknowledgment("email")).await;

    let shown = ask_for_new_link(&app, &reference.to_lowercase(), " Karen@Example.DK ").await;
    assert_eq!(shown.status, StatusCode::OK);
    assert!(
        shown
            .html
            .contains("Hvis referencenummeret og e-mailadressen passer"),
        "{}",
        shown.html
    );
    assert_eq!(citizen.get(&old).await.status, StatusCode::NOT_FOUND);

    assert_eq!(
        app.deliver().await.sent,
        3,
        "confirmation, acknowledgment, new link"
    );
    let texts = delivered_texts(&app, "email");
    let new_link: Vec<&String> = texts
        .iter()
        .filter(|t| t.contains("Du har bedt om et nyt link"))
        .collect();
    assert_eq!(new_link.len(), 1, "{texts:?}");
    let links = links_in(&app, new_link[0]);
    assert_eq!(links.len(), 1);
    assert_eq!(citizen.get(&links[0]).await.status, StatusCode::OK);
    // The acknowledgment queued before went without its (revoked) link; every other e-mail's
    // link is the revoked confirmation's or the new one.
    let acknowledgment = texts
        .iter()
        .find(|t| t.contains("Vi vender tilbage"))
        .unwrap();
    assert!(
        links_in(&app, acknowledgment).is_empty(),
        "{acknowledgment}"
    );
    let outgoing = inquiry(&app, 1).await["outgoing"].clone();
    let kinds: Vec<&str> = outgoing
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["status_link", "acknowledgment", "status_link"]);
}

#[tokio::test]
async fn the_lost_link_page_says_the_same_whether_or_not_anything_matched() {
    let app = spawn_app("roskilde").await;
    let receipt = Visitor::new(&app).write(&with(&[])).await;
    let old = status_path(&receipt.html);
    let reference = reference_of(&app, 1).await;
    let before = app.snapshot(1).await;
    let wrong_address = ask_for_new_link(&app, &reference, "someone@example.dk").await;
    let unknown = ask_for_new_link(&app, "ROS-2026-999999", "karen@example.dk").await;
    assert_eq!(app.snapshot(1).await, before, "nothing was queued");
    assert_eq!(
        inquiry(&app, 1).await["outgoing"].as_array().unwrap().len(),
        1
    );
    assert_eq!(Visitor::new(&app).get(&old).await.status, StatusCode::OK);

    let matched = ask_for_new_link(&app, &reference, "karen@example.dk").await;
    let words = |html: &str| {
        let start = html.find("<main").unwrap();
        let end = html.find("</main>").unwrap();
        html[start..end].to_owned()
    };
    assert_eq!(words(&wrong_address.html), words(&matched.html));
    assert_eq!(words(&unknown.html), words(&matched.html));
    assert_eq!(
        inquiry(&app, 1).await["outgoing"].as_array().unwrap().len(),
        2
    );
}

#[tokio::test]
async fn the_lost_link_page_sends_at_most_three_new_links_an_hour_per_reference() {
    let app = spawn_app("roskilde").await;
    Visitor::new(&app).write(&with(&[])).await;
    let reference = reference_of(&app, 1).await;
    let mut pages = Vec::new();
    for _ in 0..5 {
        pages.push(ask_for_new_link(&app, &reference, "karen@example.dk").await);
    }
    let outgoing = inquiry(&app, 1).await["outgoing"].clone();
    assert_eq!(
        outgoing.as_array().unwrap().len(),
        4,
        "the confirmation and three new links: {outgoing}"
    );
    // The refused ones read exactly like the others.
    assert!(pages.iter().all(|p| p.status == StatusCode::OK));
    let main = |html: &str| {
        let start = html.find("<main").unwrap();
        let end = html.find("</main>").unwrap();
        html[start..end].to_owned()
    };
    assert_eq!(main(&pages[4].html), main(&pages[0].html));
}

#[tokio::test]
async fn the_lost_link_form_names_a_malformed_reference_or_address_and_needs_its_token() {
    let app = spawn_app("roskilde").await;
    let mut citizen = Visitor::new(&app);
    let csrf = hidden_csrf(&citizen.get(paths::LOST_LINK).await.html);
    let page = citizen
        .post(
            paths::LOST_LINK,
            &[
                ("csrf", csrf.as_str()),
                ("reference", "123"),
                ("email", "karen"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.html.contains("Skriv referencenummeret"),
        "{}",
        page.html
    );
    assert!(
        page.html.contains("Skriv en e-mailadresse"),
        "{}",
        page.html
    );
    assert!(page.html.contains("value=\"karen\""), "{}", page.html);

    let forged = Visitor::new(&app)
        .post(
            paths::LOST_LINK,
            &[
                ("reference", "ROS-2026-000001"),
                ("email", "karen@example.dk"),
            ],
        )
        .await;
    assert!(forged.status.is_client_error(), "{}", forged.status);

    let english = citizen.get(&format!("{}?lang=en", paths::LOST_LINK)).await;
    assert!(
        english.html.contains("Have you lost the link"),
        "{}",
        english.html
    );
    let front = citizen.get(paths::FRONT).await;
    assert!(front.html.contains(paths::LOST_LINK), "{}", front.html);
}

#[tokio::test]
async fn a_closed_inquiry_can_get_a_new_link_too() {
    let app = spawn_app("roskilde").await;
    let created = app.create(&email("2026-12-23T15:00:00+01:00")).await;
    let id = id_of(&created);
    let closed = app
        .post(
            &format!("/api/v1/inquiries/{id}/events"),
            &json!({"type": "closed", "reason": "withdrawn"}),
        )
        .await;
    assert_eq!(closed.status(), StatusCode::CREATED);
    ask_for_new_link(
        &app,
        created["reference"].as_str().unwrap(),
        "karen@example.dk",
    )
    .await;
    assert_eq!(app.deliver().await.sent, 1);
    let text = &delivered_texts(&app, "email")[0];
    let link = &links_in(&app, text)[0];
    let page = Visitor::new(&app).get(link).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(inquiry(&app, id).await["state"], "closed");
}
