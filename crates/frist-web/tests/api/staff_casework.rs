//! The promise actions on the inquiry page, driven like a browser: "Ringet tilbage" (an attempt
//! keeps the callback open, a reached call meets it), classifying (the page asks on an
//! unclassified e-mail; ROS-1 after it; an unknown case type refused), and the desk's case type.

use crate::helpers::{TestApp, email, id_of, spawn_app};
use crate::pages::{Page, Visitor, hidden_csrf};
use crate::staff::mette;
use frist_core::EventKind;
use frist_policy::{InquiryKind, Requirement};
use frist_store::Store;
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;

/// Mette signed in on the inquiry's page; returns her and the page's CSRF token.
async fn on_page(app: &TestApp, id: i64) -> (Visitor<'_>, String) {
    let mut v = mette(app).await;
    let page = v.get(&paths::inquiry(id)).await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = hidden_csrf(&page.html);
    (v, csrf)
}

async fn last_event(app: &TestApp, id: i64) -> frist_core::Event {
    app.store.events(id).await.unwrap().pop().unwrap()
}

/// The state of the inquiry's callback obligation, as the API words it.
async fn callback_state(app: &TestApp, id: i64) -> String {
    let body: serde_json::Value = app
        .get(&format!("/api/v1/inquiries/{id}"))
        .await
        .json()
        .await
        .unwrap();
    body["obligations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["requires"] == "callback")
        .unwrap_or_else(|| panic!("no callback in {body}"))["state"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A phone message: the citizen is to be called back (HTK-7, two working days).
async fn phone_message(app: &TestApp) -> i64 {
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["channel"] = json!("phone");
    case["sender"] = json!({"name": "Karen Jensen", "phone": "+45 20 30 40 50"});
    id_of(&app.create(&case).await)
}

fn located(page: &Page) -> &str {
    page.headers[LOCATION].to_str().unwrap()
}

#[tokio::test]
async fn htk_7_a_call_back_that_did_not_reach_the_citizen_keeps_the_deadline_and_a_reached_one_meets_it()
 {
    let app = spawn_app("hoeje-taastrup").await;
    let id = phone_message(&app).await;
    let (mut v, csrf) = on_page(&app, id).await;
    let form = v.get(&paths::inquiry(id)).await.html;
    assert!(form.contains(&format!("action=\"{}\"", paths::callback(id))));
    assert!(form.contains("Ringet tilbage – blev borgeren truffet?"));

    let attempt = v
        .post(
            &paths::callback(id),
            &[("csrf", &csrf), ("outcome", "busy"), ("summary", "")],
        )
        .await;
    assert_eq!(attempt.status, StatusCode::SEE_OTHER);
    assert_eq!(located(&attempt), format!("/sager/{id}?udfoert=forsoegt"));
    let event = last_event(&app, id).await;
    assert_eq!(event.actor.as_deref(), Some("mette"));
    assert_eq!(
        event.kind,
        EventKind::CallbackAttempted {
            outcome: Some("busy".into())
        }
    );
    assert_eq!(callback_state(&app, id).await, "pending");
    let page = v.get(located(&attempt)).await.html;
    assert!(page.contains("Forsøget er registreret"));
    assert!(page.contains("Forsøgt ringet op (borgeren blev ikke truffet)"));
    assert!(
        page.contains("<p class=\"body\">Nej, der var optaget</p>"),
        "the outcome in words in the timeline"
    );
    assert!(page.contains(&format!("action=\"{}\"", paths::callback(id))));

    app.set_now("2026-12-23T17:30:00+01:00");
    let reached = v
        .post(
            &paths::callback(id),
            &[
                ("csrf", &csrf),
                ("outcome", "reached"),
                ("summary", "Forklarede reglerne for storskrald."),
            ],
        )
        .await;
    assert_eq!(reached.status, StatusCode::SEE_OTHER);
    assert_eq!(
        last_event(&app, id).await.kind,
        EventKind::CallbackCompleted {
            summary: Some("Forklarede reglerne for storskrald.".into())
        }
    );
    assert_eq!(callback_state(&app, id).await, "met");
    let page = v.get(located(&reached)).await.html;
    assert!(page.contains("fristen for at ringe tilbage er overholdt"));
    assert!(page.contains("Forklarede reglerne for storskrald."));
    assert!(
        !page.contains(&format!("action=\"{}\"", paths::callback(id))),
        "nothing left to call back"
    );
}

#[tokio::test]
async fn a_call_back_without_an_outcome_is_refused_next_to_its_form_and_nothing_is_stored() {
    let app = spawn_app("hoeje-taastrup").await;
    let id = phone_message(&app).await;
    let (mut v, csrf) = on_page(&app, id).await;
    let before = app.snapshot(id).await;
    for outcome in ["", "maybe"] {
        let refused = v
            .post(
                &paths::callback(id),
                &[("csrf", &csrf), ("outcome", outcome)],
            )
            .await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        let html = &refused.html;
        let refusal = html.find("Vælg, om borgeren blev truffet.").unwrap();
        let form = html
            .find(&format!("action=\"{}\"", paths::callback(id)))
            .unwrap();
        assert!(refusal < form && form - refusal < 400, "next to its form");
    }
    assert_eq!(app.snapshot(id).await, before);
    let forged = v
        .post(&paths::callback(id), &[("outcome", "reached")])
        .await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert_eq!(app.snapshot(id).await, before);
}

#[tokio::test]
async fn ros_1_an_unclassified_email_asks_what_it_is_about_and_is_answered_within_two_working_days()
{
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T10:00:00+01:00");
    case["kind"] = json!("other");
    let id = id_of(&app.create(&case).await);
    let (mut v, csrf) = on_page(&app, id).await;
    let page = v.get(&paths::inquiry(id)).await.html;
    let ask = page.find("Hvad drejer henvendelsen sig om?").unwrap();
    let facts = page.find("facts-heading").unwrap();
    assert!(ask < facts, "asked at the top of the page");
    assert!(page.contains(&format!("action=\"{}\"", paths::reclassify(id))));
    assert!(!page.contains("ROS-1"));

    let done = v
        .post(
            &paths::reclassify(id),
            &[
                ("csrf", &csrf),
                ("kind", "general_question"),
                ("case_type", ""),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(located(&done), format!("/sager/{id}?udfoert=klassificeret"));
    let event = last_event(&app, id).await;
    assert_eq!(event.actor.as_deref(), Some("mette"));
    assert_eq!(
        event.kind,
        EventKind::Reclassified {
            kind: InquiryKind::GeneralQuestion,
            case_type: None
        }
    );
    let inquiry = app.store.get_inquiry(id).await.unwrap().inquiry;
    let ros_1 = inquiry
        .obligations
        .iter()
        .find(|o| o.goal == "ROS-1")
        .unwrap();
    assert_eq!(ros_1.requires, Requirement::Answer);
    // Wednesday 23 December; 24–26 December are not working days: Monday 28 and Tuesday 29.
    assert_eq!(ros_1.due_date.to_string(), "2026-12-29");
    let page = v.get(located(&done)).await.html;
    assert!(page.contains("Klassificeringen er gemt"));
    assert!(page.contains("ROS-1"));
    assert!(page.contains("Et spørgsmål"), "the kind is shown");
    assert!(!page.contains("ask-heading"), "asked once");
    assert!(page.contains("Omklassificeret"));
}

#[tokio::test]
async fn an_unknown_kind_or_case_type_is_refused_in_plain_words_and_nothing_is_stored() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let (mut v, csrf) = on_page(&app, id).await;
    let before = app.snapshot(id).await;
    let case_type = v
        .post(
            &paths::reclassify(id),
            &[
                ("csrf", &csrf),
                ("kind", "application"),
                ("case_type", "byggesag"),
            ],
        )
        .await;
    assert_eq!(case_type.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        case_type
            .html
            .contains("Sagstypen findes ikke i kommunens servicemål")
    );
    let kind = v
        .post(
            &format!("{}?lang=en", paths::reclassify(id)),
            &[("csrf", &csrf), ("kind", "gossip")],
        )
        .await;
    assert_eq!(kind.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(kind.html.contains("Choose what the inquiry is about"));
    assert_eq!(app.snapshot(id).await, before);
}

#[tokio::test]
async fn a_case_type_of_the_policy_is_offered_shown_and_gives_its_deadline() {
    let app = spawn_app("roskilde-sagstyper").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let (mut v, csrf) = on_page(&app, id).await;
    let page = v.get(&paths::inquiry(id)).await.html;
    assert!(page.contains("<option value=\"byggetilladelse\">Byggetilladelse</option>"));
    assert!(
        !page.contains("ask-heading"),
        "a general question is classified"
    );
    let done = v
        .post(
            &paths::reclassify(id),
            &[
                ("csrf", &csrf),
                ("kind", "application"),
                ("case_type", "byggetilladelse"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let inquiry = app.store.get_inquiry(id).await.unwrap().inquiry;
    assert_eq!(inquiry.kind, InquiryKind::Application);
    assert_eq!(inquiry.case_type.as_deref(), Some("byggetilladelse"));
    assert!(inquiry.obligations.iter().any(|o| o.goal == "TST-BYG"));
    let page = v.get(located(&done)).await.html;
    assert!(
        page.contains("<dd>Byggetilladelse</dd>"),
        "the case type shown"
    );
}

#[tokio::test]
async fn the_desk_registers_a_phone_message_with_a_case_type_and_refuses_an_unknown_one() {
    let app = spawn_app("roskilde-sagstyper").await;
    let mut v = mette(&app).await;
    let desk = v.get(paths::DESK).await;
    assert!(desk.html.contains("<label for=\"case_type\">Sagstype"));
    let csrf = hidden_csrf(&desk.html);
    let form = |case_type: &'static str| {
        vec![
            ("how", "phone"),
            ("phone", "20 30 40 50"),
            ("subject", "Tilbygning"),
            ("kind", "application"),
            ("case_type", case_type),
        ]
    };
    let mut unknown = form("byggesag");
    unknown.push(("csrf", &csrf));
    let refused = v.post(paths::DESK, &unknown).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("Vælg en sagstype fra listen."));
    assert!(refused.html.contains("id=\"case_type-error\""));
    assert_eq!(app.count().await, 0);
    let mut known = form("byggetilladelse");
    known.push(("csrf", &csrf));
    let done = v.post(paths::DESK, &known).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let listed = app
        .store
        .list_inquiries(&Default::default(), None, 10)
        .await
        .unwrap();
    let stored = app.store.get_inquiry(listed.items[0].id).await.unwrap();
    assert_eq!(stored.inquiry.case_type.as_deref(), Some("byggetilladelse"));
    assert!(
        stored
            .inquiry
            .obligations
            .iter()
            .any(|o| o.goal == "TST-BYG")
    );
}

#[tokio::test]
async fn the_desk_has_no_case_type_field_when_the_policy_has_none() {
    let app = spawn_app("roskilde").await;
    let mut v = mette(&app).await;
    let desk = v.get(paths::DESK).await;
    assert_eq!(desk.status, StatusCode::OK);
    assert!(!desk.html.contains("name=\"case_type\""));
}
