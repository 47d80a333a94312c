//! A closed inquiry on the staff page (its history and a clear "Lukket", no reply form, none of
//! the actions the lifecycle would refuse, a reopen form with a required reason), and "Næste
//! sag" after finished work.

use crate::helpers::{TestApp, email, id_of, spawn_app};
use crate::pages::{Visitor, hidden_csrf};
use crate::staff::mette;
use frist_core::{EventKind, InquiryState};
use frist_store::{Caseworker, Store, Unit};
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;

/// Mette signed in on the inquiry's page, with a colleague and a unit to hand over and refer
/// to; returns her and the page's CSRF token.
async fn on_page(app: &TestApp, id: i64) -> (Visitor<'_>, String) {
    app.store
        .put_caseworker(Caseworker {
            id: "jens".into(),
            name: "Jens Holm".into(),
            unit: None,
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
    (v, csrf)
}

async fn close_as_spam(v: &mut Visitor<'_>, csrf: &str, id: i64) -> String {
    let done = v
        .post(&paths::close(id), &[("csrf", csrf), ("reason", "spam")])
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    done.headers[LOCATION].to_str().unwrap().to_owned()
}

/// Forms the lifecycle refuses on a closed inquiry.
fn refused_when_closed(id: i64) -> [String; 8] {
    [
        paths::message(id),
        paths::hand_over(id),
        paths::refer(id),
        paths::await_citizen(id),
        paths::close(id),
        paths::assign(id),
        paths::reclassify(id),
        paths::extend(id),
    ]
}

#[tokio::test]
async fn a_closed_inquiry_shows_its_history_and_lukket_without_the_reply_form_or_refused_actions() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let (mut v, csrf) = on_page(&app, id).await;
    let open = v.get(&paths::inquiry(id)).await.html;
    for path in refused_when_closed(id) {
        assert!(open.contains(&format!("action=\"{path}\"")), "{path}");
    }
    assert!(!open.contains(&format!("action=\"{}\"", paths::reopen(id))));

    let location = close_as_spam(&mut v, &csrf, id).await;
    let closed = v.get(&location).await.html;
    for path in refused_when_closed(id) {
        assert!(!closed.contains(&format!("action=\"{path}\"")), "{path}");
    }
    assert!(closed.contains(&format!("action=\"{}\"", paths::reopen(id))));
    assert!(closed.contains("<h2 id=\"reply-heading\">Lukket</h2>"));
    assert!(closed.contains("Henvendelsen er lukket (Spam)"));
    assert!(closed.contains("obligations-heading"), "the obligations");
    assert!(closed.contains("Modtaget") && closed.contains(">Lukket <span"));
    // A note and an error can still be recorded on a closed inquiry.
    assert!(closed.contains(&format!("action=\"{}\"", paths::note(id))));

    let english = v.get(&format!("{}?lang=en", paths::inquiry(id))).await.html;
    assert!(english.contains("The inquiry is closed (Spam)"));
    assert!(english.contains("Why is the inquiry reopened?"));
}

#[tokio::test]
async fn reopening_needs_a_reason_which_shows_in_the_timeline_then_the_page_is_normal_again() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let (mut v, csrf) = on_page(&app, id).await;
    close_as_spam(&mut v, &csrf, id).await;
    let before = app.snapshot(id).await;
    let empty = v
        .post(&paths::reopen(id), &[("csrf", &csrf), ("reason", "   ")])
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let html = &empty.html;
    let refusal = html.find("Skriv, hvorfor henvendelsen genåbnes.").unwrap();
    let form = html
        .find(&format!("action=\"{}\"", paths::reopen(id)))
        .unwrap();
    assert!(refusal < form && form - refusal < 400, "next to its form");
    assert!(html.contains("aria-describedby=\"reopen-hint refusal\""));
    assert_eq!(app.snapshot(id).await, before, "nothing stored");

    let done = v
        .post(
            &paths::reopen(id),
            &[
                ("csrf", &csrf),
                ("reason", "Ikke spam: borgeren skrev igen."),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let location = done.headers[LOCATION].to_str().unwrap().to_owned();
    assert_eq!(location, format!("/sager/{id}?udfoert=genaabnet"));
    let event = app.store.events(id).await.unwrap().pop().unwrap();
    assert_eq!(event.actor.as_deref(), Some("mette"));
    assert_eq!(
        event.kind,
        EventKind::Reopened {
            reason: Some("Ikke spam: borgeren skrev igen.".into())
        }
    );
    let inquiry = app.store.get_inquiry(id).await.unwrap().inquiry;
    assert_eq!(inquiry.state, InquiryState::Open);
    let page = v.get(&location).await.html;
    assert!(page.contains("Henvendelsen er genåbnet."));
    assert!(page.contains("Genåbnet"));
    assert!(page.contains("Ikke spam: borgeren skrev igen."));
    for path in refused_when_closed(id) {
        assert!(page.contains(&format!("action=\"{path}\"")), "{path}");
    }
    assert!(!page.contains(&format!("action=\"{}\"", paths::reopen(id))));
}

#[tokio::test]
async fn reopening_an_open_inquiry_is_refused_in_plain_words_and_nothing_is_stored() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let (mut v, csrf) = on_page(&app, id).await;
    let before = app.snapshot(id).await;
    let refused = v
        .post(&paths::reopen(id), &[("csrf", &csrf), ("reason", "Igen")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .html
            .contains("Henvendelsen er ikke lukket, så den kan ikke genåbnes.")
    );
    assert!(refused.html.contains("id=\"refusal\""));
    assert_eq!(app.snapshot(id).await, before);
}

async fn assign(app: &TestApp, id: i64, caseworker: &str) {
    let response = app
        .post(
            &format!("/api/v1/inquiries/{id}/events"),
            &json!({"type": "assigned", "caseworker": caseworker}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn after_finished_work_the_page_offers_the_next_open_inquiry_in_my_own_queue() {
    let app = spawn_app("roskilde").await;
    let received = |at: &str, subject: &str| {
        let mut case = email(at);
        case["subject"] = json!(subject);
        case
    };
    // The one worked on, an older one of mine already closed, one of mine due later, one due
    // sooner but someone else's, and a newer one of mine (due later than the first).
    let this = id_of(
        &app.create(&received("2026-12-22T09:00:00+01:00", "Denne"))
            .await,
    );
    let closed = id_of(
        &app.create(&received("2026-12-21T09:00:00+01:00", "Lukket"))
            .await,
    );
    let others = id_of(
        &app.create(&received("2026-12-21T10:00:00+01:00", "Jens'"))
            .await,
    );
    let next = id_of(
        &app.create(&received("2026-12-22T11:00:00+01:00", "Næste"))
            .await,
    );
    let later = id_of(
        &app.create(&received("2026-12-23T11:00:00+01:00", "Senere"))
            .await,
    );
    for id in [this, closed, next, later] {
        assign(&app, id, "mette").await;
    }
    assign(&app, others, "jens").await;
    let (mut v, csrf) = on_page(&app, this).await;
    close_as_spam(&mut v, &csrf, closed).await;

    let noted = v
        .post(
            &paths::note(this),
            &[("csrf", &csrf), ("text", "Intern note")],
        )
        .await;
    let location = noted.headers[LOCATION].to_str().unwrap().to_owned();
    let page = v.get(&location).await.html;
    assert!(!page.contains("Næste sag"), "a note finishes nothing");

    let location = close_as_spam(&mut v, &csrf, this).await;
    let page = v.get(&location).await.html;
    let reference = app.store.get_inquiry(next).await.unwrap().inquiry.reference;
    let link = format!(
        "<a href=\"{}\">Næste sag: {reference}</a>",
        paths::inquiry(next)
    );
    assert!(page.contains(&link), "{link} in {page}");

    let english = v.get(&format!("{location}&lang=en")).await.html;
    assert!(english.contains(&format!(
        "<a href=\"{}\">Next inquiry: {reference}",
        paths::inquiry(next)
    )));
    // The language chosen sticks (a cookie); back to Danish.
    v.get(&format!("{location}&lang=da")).await;

    // With the rest of mine closed, there is none, and the page says so.
    close_as_spam(&mut v, &csrf, next).await;
    let location = close_as_spam(&mut v, &csrf, later).await;
    let page = v.get(&location).await.html;
    assert!(
        page.contains("Der er ingen andre åbne sager i din kø."),
        "{page}"
    );
}
