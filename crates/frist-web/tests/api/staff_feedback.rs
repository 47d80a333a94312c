//! Feedback told to staff (HTK-14, STE-12, ROS-11): recorded on the inquiry page with the
//! channel it came by, also on a closed inquiry; refused next to its form when incomplete.

use crate::helpers::{email, id_of, spawn_app};
use crate::pages::hidden_csrf;
use crate::staff::mette;
use frist_core::EventKind;
use frist_policy::Channel;
use frist_store::Store;
use frist_web::paths;
use reqwest::StatusCode;

#[tokio::test]
async fn a_complaint_by_phone_is_recorded_with_its_channel_even_on_a_closed_inquiry() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let closed = app
        .post(
            &format!("/api/v1/inquiries/{id}/events"),
            &serde_json::json!({"type": "closed", "reason": "withdrawn"}),
        )
        .await;
    assert_eq!(closed.status(), StatusCode::CREATED);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    assert!(page.html.contains("Ros, ris eller klage over servicen"));
    let csrf = hidden_csrf(&page.html);

    // Incomplete: no channel chosen. Refused next to the form, nothing stored.
    let refused = v
        .post(
            &paths::record_feedback(id),
            &[
                ("csrf", csrf.as_str()),
                ("feedback", "complaint"),
                ("text", "Ventede 40 minutter i telefonen."),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.html.contains("Vælg, hvordan tilbagemeldingen kom."),
        "{}",
        refused.html
    );
    let before = app.store.events(id).await.unwrap().len();

    let recorded = v
        .post(
            &paths::record_feedback(id),
            &[
                ("csrf", csrf.as_str()),
                ("channel", "phone"),
                ("feedback", "complaint"),
                ("text", "Ventede 40 minutter i telefonen."),
                ("score", "2"),
            ],
        )
        .await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER, "{}", recorded.html);
    let events = app.store.events(id).await.unwrap();
    assert_eq!(events.len(), before + 1);
    assert_eq!(
        events.last().unwrap().kind,
        EventKind::FeedbackReceived {
            score: Some(2),
            comment: Some("Ventede 40 minutter i telefonen.".into()),
            channel: Some(Channel::Phone),
            complaint: true,
        }
    );
    assert_eq!(events.last().unwrap().actor.as_deref(), Some("mette"));
    let location = recorded.headers["location"].to_str().unwrap().to_owned();
    let shown = v.get(&location).await;
    assert!(shown.html.contains("Tilbagemeldingen er registreret"));
    assert!(
        shown
            .html
            .contains("Klage over servicen (telefon): 2/5 Ventede 40 minutter"),
        "{}",
        shown.html
    );
}

#[tokio::test]
async fn a_score_outside_one_to_five_or_an_empty_text_is_refused() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let csrf = hidden_csrf(&page.html);
    for (field, value, said) in [
        ("score", "9", "Vælg borgerens tilfredshed fra 1 til 5"),
        ("text", " ", "Skriv, hvad borgeren sagde."),
    ] {
        let mut form = vec![
            ("csrf", csrf.as_str()),
            ("channel", "letter"),
            ("feedback", "comment"),
            ("text", "Tak for hjælpen."),
        ];
        form.retain(|(k, _)| *k != field);
        form.push((field, value));
        let refused = v.post(&paths::record_feedback(id), &form).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert!(refused.html.contains(said), "{field}: {}", refused.html);
    }
    assert_eq!(app.store.events(id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_api_records_feedback_with_its_channel_and_whether_it_is_a_complaint() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let path = format!("/api/v1/inquiries/{id}/events");
    for body in [
        serde_json::json!({"type": "feedback_received", "comment": "Fin hjælp", "complaint": false}),
        serde_json::json!({"type": "feedback_received", "comment": "For lang ventetid", "channel": "in_person", "complaint": true}),
    ] {
        let response = app.post(&path, &body).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{body}");
    }
    let wrong = app
        .post(
            &path,
            &serde_json::json!({"type": "feedback_received", "comment": "x", "channel": "fax"}),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let events = app.store.events(id).await.unwrap();
    assert!(matches!(
        &events.last().unwrap().kind,
        EventKind::FeedbackReceived {
            channel: Some(Channel::InPerson),
            complaint: true,
            ..
        }
    ));
}
