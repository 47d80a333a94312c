//! The reply form's templates: a greeting and the caseworker's signature from the directory,
//! a text per kind (switched in the browser while unedited), the caseworker chosen from the
//! directory rather than typed, and a final message that promises nothing more.

use crate::helpers::{email, id_of, spawn_app};
use crate::pages::hidden_csrf;
use crate::staff::mette;
use frist_core::{EventKind, MessageKind};
use frist_store::{OutboxStore, Store};
use frist_web::paths;
use reqwest::StatusCode;

/// The value of `attribute` on the `<option value="{value}"` of the page, HTML-unescaped enough
/// for the assertions below.
pub(crate) fn option_data(html: &str, value: &str, attribute: &str) -> String {
    let option = html
        .split(&format!("<option value=\"{value}\""))
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_default();
    option
        .split(&format!("{attribute}=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .replace("&#10;", "\n")
        .replace("&#x0a;", "\n")
}

#[tokio::test]
async fn each_kind_starts_with_a_greeting_its_own_text_and_the_directory_signature() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let acknowledgment = option_data(&page.html, "acknowledgment", "data-body");
    let decision = option_data(&page.html, "decision", "data-body");
    assert!(
        acknowledgment.starts_with("Kære Karen Jensen"),
        "{acknowledgment}"
    );
    assert!(acknowledgment.contains("du kan forvente svar senest"));
    assert!(
        decision.contains("har truffet denne afgørelse"),
        "{decision}"
    );
    assert!(!decision.contains("forvente svar"), "{decision}");
    for body in [&acknowledgment, &decision] {
        assert!(
            body.contains("Venlig hilsen") && body.contains("Mette Hansen"),
            "{body}"
        );
        assert!(body.contains("Direkte telefon 46 31 30 00"), "{body}");
    }
    // A final message starts without the acknowledgment's next step and date.
    assert_eq!(option_data(&page.html, "decision", "data-expected"), "");
    assert_eq!(option_data(&page.html, "decision", "data-next-step"), "");
    assert!(!option_data(&page.html, "acknowledgment", "data-expected").is_empty());
}

#[tokio::test]
async fn a_caseworker_not_in_the_directory_is_refused_and_nothing_is_stored() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let csrf = hidden_csrf(&page.html);
    let refused = v
        .post(
            &paths::message(id),
            &[
                ("csrf", csrf.as_str()),
                ("kind", "answer"),
                ("channel", "email"),
                ("body", "Svaret er ja."),
                ("caseworker", "Anders And"),
                ("contact", "x"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.html.contains("Vælg sagsbehandleren fra listen."),
        "{}",
        refused.html
    );
    assert_eq!(app.store.events(id).await.unwrap().len(), 1);
    assert!(app.store.outbox_for_inquiry(id).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_final_answer_is_signed_from_the_directory_and_carries_no_next_step_or_answer_date() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let csrf = hidden_csrf(&page.html);
    let sent = v
        .post(
            &paths::message(id),
            &[
                ("csrf", csrf.as_str()),
                ("kind", "answer"),
                ("channel", "email"),
                (
                    "body",
                    "Kære Karen Jensen\n\nAffaldet hentes fredag.\n\nVenlig hilsen\nMette Hansen",
                ),
                ("caseworker", "mette"),
                // Typed contact and a left-over next step and date are not what is sent.
                ("contact", "x"),
                ("next_step", "Vi ser på sagen."),
                ("expected", "2027-01-08"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.html);
    let events = app.store.events(id).await.unwrap();
    let EventKind::MessageQueued { message, .. } = &events.last().unwrap().kind else {
        panic!("{events:?}");
    };
    assert_eq!(message.kind, MessageKind::Answer);
    assert_eq!(message.caseworker.as_deref(), Some("Mette Hansen"));
    assert_eq!(
        message.contact.as_deref(),
        Some("Mette Hansen, 46 31 30 00")
    );
    assert_eq!(message.next_step, None);
    assert_eq!(message.expected_answer_date, None);
}

#[tokio::test]
async fn a_german_inquiry_is_acknowledged_in_german_down_to_the_delivered_text() {
    let app = spawn_app("skanderborg").await;
    let mut case = email("2026-12-23T10:00:00+01:00");
    case["language"] = serde_json::json!("de");
    let id = id_of(&app.create(&case).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let body = option_data(&page.html, "acknowledgment", "data-body");
    assert!(body.starts_with("Guten Tag Karen Jensen"), "{body}");
    assert!(body.contains("Vielen Dank für Ihre Anfrage"), "{body}");
    assert!(body.contains("Mit freundlichen Grüßen"), "{body}");
    let csrf = hidden_csrf(&page.html);
    let sent = v
        .post(
            &paths::message(id),
            &[
                ("csrf", csrf.as_str()),
                ("kind", "acknowledgment"),
                ("channel", "email"),
                ("body", body.as_str()),
                ("caseworker", "mette"),
                ("next_step", "Wir prüfen Ihre Anfrage."),
                ("expected", "2027-01-08"),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.html);
    assert_eq!(app.deliver().await.sent, 1);
    let text_file = app
        .delivered_files("email")
        .into_iter()
        .find(|n| n.ends_with(".txt"))
        .expect("the e-mail's text");
    let text = std::fs::read_to_string(app.delivered.join("email").join(text_file)).unwrap();
    assert!(
        text.contains("Sie erhalten eine Antwort spätestens am 8. Januar 2027."),
        "{text}"
    );
    assert!(text.contains("Referenznummer: SKA-2026-"), "{text}");
}

#[tokio::test]
async fn a_decision_on_a_case_type_starts_with_its_complaint_guidance_from_the_policy() {
    let app = spawn_app("roskilde-sagstyper").await;
    let mut case = email("2026-12-23T10:00:00+01:00");
    case["case_type"] = serde_json::json!("byggetilladelse");
    case["kind"] = serde_json::json!("application");
    let id = id_of(&app.create(&case).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    for expected in [
        "value=\"Planklagenævnet\"",
        "Klag via Klageportalen på borger.dk.</textarea>",
        "value=\"4 uger fra du har modtaget afgørelsen\"",
    ] {
        assert!(page.html.contains(expected), "{expected}: {}", page.html);
    }
}
