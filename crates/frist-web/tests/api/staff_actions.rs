//! The small actions on the inquiry page: note, hand-over, referral, waiting for the citizen,
//! and closing, each a form post stored with the signed-in caseworker as actor; and a closing
//! the lifecycle refuses, shown in plain words next to the close form.

use crate::helpers::{TestApp, email, id_of, spawn_app};
use crate::pages::{Page, Visitor, hidden_csrf};
use crate::staff::mette;
use frist_core::{CloseReason, EventKind, InquiryState};
use frist_store::{Caseworker, Store, Unit};
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::LOCATION;

/// An inquiry, a colleague "jens" and a unit "teknik", and mette signed in on the inquiry.
async fn setup(app: &TestApp) -> (i64, Visitor<'_>, String) {
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    app.store
        .put_caseworker(Caseworker {
            id: "jens".into(),
            name: "Jens Holm".into(),
            unit: Some("teknik".into()),
            email: None,
            phone: None,
            absent: None,
        })
        .await
        .unwrap();
    app.store
        .put_unit(Unit {
            id: "teknik".into(),
            name: "Teknik og Miljø".into(),
            email: None,
            phone: None,
        })
        .await
        .unwrap();
    let mut v = mette(app).await;
    let page = v.get(&paths::inquiry(id)).await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = hidden_csrf(&page.html);
    (id, v, csrf)
}

async fn post(v: &mut Visitor<'_>, id: i64, action: &str, fields: &[(&str, &str)]) -> Page {
    v.post(&format!("/sager/{id}/{action}"), fields).await
}

async fn last_event(app: &TestApp, id: i64) -> frist_core::Event {
    app.store.events(id).await.unwrap().pop().unwrap()
}

#[tokio::test]
async fn the_inquiry_page_offers_every_action_with_colleagues_and_units_to_choose_from() {
    let app = spawn_app("roskilde").await;
    let (id, mut v, _) = setup(&app).await;
    let html = v.get(&paths::inquiry(id)).await.html;
    for action in ["note", "overdrag", "videresend", "afvent", "luk"] {
        assert!(
            html.contains(&format!("action=\"/sager/{id}/{action}\"")),
            "{action}"
        );
    }
    assert!(html.contains("<option value=\"jens\">Jens Holm</option>"));
    assert!(html.contains("<option value=\"teknik\">Teknik og Miljø</option>"));
    assert!(html.contains("Synlig for borgeren"));
    assert!(html.contains("Trukket tilbage") && html.contains("Dublet"));
}

#[tokio::test]
async fn a_note_visible_to_the_citizen_is_stored_with_the_caseworker_as_actor() {
    let app = spawn_app("roskilde").await;
    let (id, mut v, csrf) = setup(&app).await;
    let done = post(
        &mut v,
        id,
        "note",
        &[
            ("csrf", &csrf),
            ("text", "Ringede, vi ser på det."),
            ("visible", "on"),
        ],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(done.headers[LOCATION], format!("/sager/{id}?udfoert=note"));
    let event = last_event(&app, id).await;
    assert_eq!(event.actor.as_deref(), Some("mette"));
    assert_eq!(
        event.kind,
        EventKind::Note {
            text: "Ringede, vi ser på det.".into(),
            visible_to_citizen: true
        }
    );
    let shown = v.get(&format!("/sager/{id}?udfoert=note")).await;
    assert!(shown.html.contains("Noten er gemt"));
    let internal = post(&mut v, id, "note", &[("csrf", &csrf), ("text", "Intern")]).await;
    assert_eq!(internal.status, StatusCode::SEE_OTHER);
    assert!(matches!(
        last_event(&app, id).await.kind,
        EventKind::Note {
            visible_to_citizen: false,
            ..
        }
    ));
}

#[tokio::test]
async fn an_empty_note_is_refused_in_plain_words_and_nothing_is_stored() {
    let app = spawn_app("roskilde").await;
    let (id, mut v, csrf) = setup(&app).await;
    let before = app.snapshot(id).await;
    let refused = post(&mut v, id, "note", &[("csrf", &csrf), ("text", "  ")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("Skriv en tekst i noten."));
    assert_eq!(app.snapshot(id).await, before);
}

#[tokio::test]
async fn handing_over_to_a_named_colleague_is_stored_and_an_unknown_one_refused() {
    let app = spawn_app("roskilde").await;
    let (id, mut v, csrf) = setup(&app).await;
    let unknown = post(&mut v, id, "overdrag", &[("csrf", &csrf), ("to", "nogen")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.html.contains("Vælg en kollega fra listen."));
    let done = post(&mut v, id, "overdrag", &[("csrf", &csrf), ("to", "jens")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let event = last_event(&app, id).await;
    assert_eq!(event.actor.as_deref(), Some("mette"));
    assert_eq!(
        event.kind,
        EventKind::HandedOver {
            to_caseworker: "jens".into()
        }
    );
    // Now closing as handed over is allowed.
    let closed = post(
        &mut v,
        id,
        "luk",
        &[("csrf", &csrf), ("reason", "handed_over")],
    )
    .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let inquiry = app.store.get_inquiry(id).await.unwrap().inquiry;
    assert_eq!(inquiry.close_reason, Some(CloseReason::HandedOver));
}

#[tokio::test]
async fn referring_to_another_unit_is_stored_and_an_unknown_unit_refused() {
    let app = spawn_app("roskilde").await;
    let (id, mut v, csrf) = setup(&app).await;
    let unknown = post(&mut v, id, "videresend", &[("csrf", &csrf), ("to", "mars")]).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.html.contains("Vælg en enhed fra listen."));
    let done = post(
        &mut v,
        id,
        "videresend",
        &[("csrf", &csrf), ("to", "teknik")],
    )
    .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let event = last_event(&app, id).await;
    assert_eq!(event.actor.as_deref(), Some("mette"));
    assert_eq!(
        event.kind,
        EventKind::Referred {
            to_unit: "teknik".into()
        }
    );
}

#[tokio::test]
async fn requesting_information_pauses_until_the_citizen_has_replied() {
    let app = spawn_app("roskilde").await;
    let (id, mut v, csrf) = setup(&app).await;
    let request = [
        ("csrf", csrf.as_str()),
        ("text", "Et foto af skraldespanden."),
        ("date", "2027-01-08"),
    ];
    let started = post(&mut v, id, "afvent", &request).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.html);
    let events = app.store.events(id).await.unwrap();
    let kinds: Vec<&str> = events.iter().rev().take(2).map(|e| e.kind.name()).collect();
    assert_eq!(
        kinds,
        ["message_queued", "awaiting_citizen_started"],
        "the wait, then its request queued in the same transaction"
    );
    let inquiry = app.store.get_inquiry(id).await.unwrap().inquiry;
    assert_eq!(inquiry.state, InquiryState::AwaitingCitizen);
    let location = started.headers.get(LOCATION).unwrap().to_str().unwrap();
    let page = v.get(location).await;
    assert!(
        page.html
            .contains(&format!("action=\"/sager/{id}/svaret\""))
    );
    assert!(page.html.contains("Borgeren har svaret"));
    let twice = post(&mut v, id, "afvent", &request).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(twice.html.contains("venter allerede på borgeren"));
    let ended = post(&mut v, id, "svaret", &[("csrf", &csrf)]).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    let event = last_event(&app, id).await;
    assert_eq!(event.actor.as_deref(), Some("mette"));
    assert_eq!(event.kind, EventKind::AwaitingCitizenEnded);
}

#[tokio::test]
async fn closing_as_answered_without_an_answer_is_refused_next_to_the_close_form() {
    let app = spawn_app("roskilde").await;
    let (id, mut v, csrf) = setup(&app).await;
    let before = app.snapshot(id).await;
    let refused = post(
        &mut v,
        id,
        "luk",
        &[("csrf", &csrf), ("reason", "answered")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = &refused.html;
    let refusal = html
        .find("kan ikke lukkes som besvaret, før der er sendt et svar")
        .unwrap();
    let close_form = html.find(&format!("action=\"/sager/{id}/luk\"")).unwrap();
    assert!(
        refusal < close_form && close_form - refusal < 600,
        "next to the form"
    );
    assert!(html.contains("Handlingen er ikke udført"));
    assert_eq!(app.snapshot(id).await, before, "nothing was stored");
    let english = v
        .post(
            &format!("/sager/{id}/luk?lang=en"),
            &[("csrf", &csrf), ("reason", "answered")],
        )
        .await;
    assert!(
        english
            .html
            .contains("cannot be closed as answered before an answer")
    );
}

#[tokio::test]
async fn closing_as_spam_is_stored_and_the_close_form_goes_away() {
    let app = spawn_app("roskilde").await;
    let (id, mut v, csrf) = setup(&app).await;
    let done = post(&mut v, id, "luk", &[("csrf", &csrf), ("reason", "spam")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let event = last_event(&app, id).await;
    assert_eq!(event.actor.as_deref(), Some("mette"));
    assert_eq!(
        event.kind,
        EventKind::Closed {
            reason: CloseReason::Spam
        }
    );
    let page = v.get(&format!("/sager/{id}?udfoert=lukket")).await;
    assert!(page.html.contains("Henvendelsen er lukket."));
    assert!(!page.html.contains(&format!("action=\"/sager/{id}/luk\"")));
}

#[tokio::test]
async fn an_action_without_the_csrf_token_or_a_session_changes_nothing() {
    let app = spawn_app("roskilde").await;
    let (id, mut v, csrf) = setup(&app).await;
    let before = app.snapshot(id).await;
    for action in ["note", "overdrag", "videresend", "afvent", "svaret", "luk"] {
        let forged = post(&mut v, id, action, &[("text", "x"), ("to", "jens")]).await;
        assert_eq!(forged.status, StatusCode::FORBIDDEN, "{action}");
    }
    let mut stranger = Visitor::new(&app);
    stranger.cookies.insert("frist_csrf".into(), csrf.clone());
    let anonymous = post(&mut stranger, id, "note", &[("csrf", &csrf), ("text", "x")]).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(
        anonymous.headers[LOCATION]
            .to_str()
            .unwrap()
            .starts_with(paths::LOGIN)
    );
    assert_eq!(app.snapshot(id).await, before);
}
