//! The paths several municipalities' goals share, each walked as a person walks it and checked
//! on what is stored. Each municipality's file calls them from tests named after its goal ids.

use crate::app::{App, acknowledgment, answer, email, only_id, refused_by};
use frist_store::Store;
use frist_web::paths;
use reqwest::StatusCode;
use serde_json::json;

/// The app's "now": a Tuesday morning; inquiries arrive at 09:00 the same day.
pub const NOW: &str = "2026-12-01T10:00:00+01:00";
pub const RECEIVED: &str = "2026-12-01T09:00:00+01:00";

/// A deadline kept: an inquiry (`body`) gets the `goal`'s `requires` obligation, `act` meets it
/// within the deadline, and the compliance report counts it as met.
pub async fn deadline_met<F, Fut>(app: &App, id: i64, goal: &str, requires: &str, due: &str, act: F)
where
    F: FnOnce(i64) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let before = app.obligation(id, goal, requires).await;
    assert_eq!(before["state"], "pending", "{before}");
    assert_eq!(before["due_date"], due, "{before}");
    let (_, met_before, _) = app.compliance(goal).await;
    act(id).await;
    let after = app.obligation(id, goal, requires).await;
    assert_eq!(after["state"], "met", "{after}");
    // An acknowledgment also adds the promised answer (pending), so count the one met.
    let (total, met, breached) = app.compliance(goal).await;
    assert_eq!(
        (met_before, met, breached),
        (0, 1, 0),
        "{goal}: {total} {met} {breached}"
    );
}

/// The acknowledgment sent through the API meets an `acknowledgment` deadline.
pub async fn acknowledged(app: &App, id: i64) {
    app.set_now("2026-12-01T12:00:00+01:00");
    let (status, body) = app.send(id, acknowledgment("2026-12-10")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

/// A final answer sent through the API.
pub async fn answered(app: &App, id: i64) {
    app.set_now("2026-12-01T12:00:00+01:00");
    let (status, body) = app.send(id, answer("email")).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

/// Complaint guidance: an appealable decision without it is refused, with it sent.
pub async fn complaint_guidance(app: &App) {
    let id = app.create(email(RECEIVED, "general", "application")).await;
    let decision = json!({"kind": "decision", "channel": "email", "body": "Du får tilskud.",
        "caseworker": "Mette Hansen", "contact": "Mette Hansen, 46 31 30 00", "appealable": true});
    refused_by(app, id, decision.clone(), "complaint_guidance").await;
    let mut guided = decision;
    guided["complaint_guidance"] = json!({"body": "Ankestyrelsen",
        "how": "Skriv til os, så sender vi klagen videre.", "deadline": "4 uger"});
    let (status, body) = app.send(id, guided).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

/// Whom to contact: an answer without it is refused.
pub async fn contact_person(app: &App) {
    let id = app
        .create(email(RECEIVED, "general", "general_question"))
        .await;
    let mut message = answer("email");
    message["contact"] = json!("");
    refused_by(app, id, message, "contact_person").await;
}

/// An acknowledgment without the next step and the expected date is refused.
pub async fn acknowledgment_content(app: &App) {
    let id = app.create(email(RECEIVED, "general", "application")).await;
    let mut message = acknowledgment("2026-12-10");
    message["next_step"] = json!("");
    message
        .as_object_mut()
        .unwrap()
        .remove("expected_answer_date");
    refused_by(app, id, message, "acknowledgment_content").await;
}

/// A CPR number in the inquiry: an answer by e-mail is refused, by Digital Post it goes.
pub async fn secure_channel(app: &App) {
    let mut inquiry = email(RECEIVED, "general", "general_question");
    inquiry["body"] = json!("Mit cpr-nummer er 010203-1234.");
    let id = app.create(inquiry).await;
    refused_by(app, id, answer("email"), "secure_channel_for_cpr").await;
}

/// A decision given by phone is refused: decisions are written.
pub async fn written_decision(app: &App) {
    let id = app.create(email(RECEIVED, "general", "application")).await;
    let decision = json!({"kind": "decision", "channel": "phone", "body": "Du får tilskud.",
        "caseworker": "Mette Hansen", "contact": "Mette Hansen, 46 31 30 00"});
    refused_by(app, id, decision, "written_decision").await;
}

/// Readability: a reply with unexplained jargon is sent with a warning naming the rule.
pub async fn readability(app: &App, jargon: &str) {
    let id = app
        .create(email(RECEIVED, "general", "general_question"))
        .await;
    let mut message = answer("email");
    message["body"] = json!(format!("Vi har sendt sagen i {jargon}."));
    let (status, body) = app.send(id, message).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert!(
        body["warnings"].to_string().contains("readability"),
        "{body}"
    );
}

/// Mette refers an e-mail to another unit on the inquiry page: recorded and counted.
pub async fn referral(app: &App) {
    let id = app
        .create(email(RECEIVED, "general", "general_question"))
        .await;
    let mut mette = app.mette().await;
    let (status, html) = mette.act(id, "videresend", &[("to", "teknik")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    let inquiry = app.inquiry(id).await;
    assert_eq!(inquiry["transfers"], 1, "{inquiry}");
    assert_eq!(inquiry["unit"], "teknik", "{inquiry}");
}

/// The citizen writes on the form; mette notes something visible to the citizen; the status
/// page shows it.
pub async fn visible_note(app: &App) {
    let mut citizen = app.browser();
    let status = citizen.write("Affald").await;
    let id = only_id(app).await;
    let mut mette = app.mette().await;
    let note = "Vi har talt med renovatøren.";
    let (code, html) = mette
        .act(id, "note", &[("text", note), ("visible", "on")])
        .await;
    assert_eq!(code, StatusCode::SEE_OTHER, "{html}");
    let (_, page) = citizen.get(&status).await;
    assert!(page.contains(note), "{page}");
}

/// Once answered, the citizen rates the service on the status page; it is on the inquiry.
pub async fn feedback(app: &App) {
    let mut citizen = app.browser();
    let status = citizen.write("Affald").await;
    let id = only_id(app).await;
    answered(app, id).await;
    // Satisfaction is asked once the inquiry is closed (SKA-9).
    let (code, body) = app
        .event(id, json!({"type": "closed", "reason": "answered"}))
        .await;
    assert_eq!(code, StatusCode::CREATED, "{body}");
    app.set_now("2026-12-01T13:00:00+01:00");
    let (code, html) = citizen
        .submit(
            &status,
            &format!("{status}/feedback"),
            &[("score", "4"), ("comment", "Hurtigt svar")],
        )
        .await;
    assert!(
        code.is_redirection() || code == StatusCode::OK,
        "{code} {html}"
    );
    assert_eq!(app.inquiry(id).await["feedback_score"], 4);

    // The same citizen complains by phone afterwards: Mette records it on the inquiry page.
    let mut mette = app.mette().await;
    let (code, html) = mette
        .act(
            id,
            "tilbagemelding",
            &[
                ("channel", "phone"),
                ("feedback", "complaint"),
                ("text", "Svaret kom først efter tre rykkere."),
            ],
        )
        .await;
    assert_eq!(code, StatusCode::SEE_OTHER, "{html}");
    let inquiry = app.inquiry(id).await;
    let events = inquiry["events"].as_array().unwrap();
    assert!(
        events.iter().any(|e| e["type"] == "feedback_received"
            && e["channel"] == "phone"
            && e["complaint"] == true),
        "{events:?}"
    );
}

/// Mette registers an error on the inquiry page; it is counted on the inquiry.
pub async fn error_register(app: &App) {
    let id = app
        .create(email(RECEIVED, "general", "general_question"))
        .await;
    let mut mette = app.mette().await;
    let (code, html) = mette
        .act(
            id,
            "fejl",
            &[("text", "Svaret gik til den forkerte adresse.")],
        )
        .await;
    assert_eq!(code, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(app.inquiry(id).await["errors_registered"], 1);
}

/// Mette assigns the citizen's inquiry to herself; the citizen sees her name.
pub async fn named_caseworker(app: &App) {
    let mut citizen = app.browser();
    let status = citizen.write("Affald").await;
    let id = only_id(app).await;
    let mut mette = app.mette().await;
    let (code, html) = mette.act(id, "tildel", &[]).await;
    assert_eq!(code, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(app.inquiry(id).await["caseworker"], "mette");
    let (_, page) = citizen.get(&status).await;
    assert!(page.contains("Mette Hansen"), "{page}");
}

/// The citizen's self-service form registers a written inquiry that gets the policy's deadlines.
pub async fn self_service(app: &App) -> i64 {
    let mut citizen = app.browser();
    citizen.write("Affald").await;
    let id = only_id(app).await;
    let inquiry = app.inquiry(id).await;
    assert_eq!(inquiry["channel"], "web_form", "{inquiry}");
    id
}

/// The public service-goal page shows the policy's own promise for `goal`.
pub async fn service_goal_page(app: &App, promise_start: &str) {
    let (status, html) = app.browser().get(paths::GOALS).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains(promise_start), "{html}");
}

/// Mette marks herself absent with Jonas as substitute on /fravaer; the directory says so.
pub async fn absence(app: &App) {
    let mut mette = app.mette().await;
    let (code, html) = mette
        .submit(
            paths::ABSENCE,
            paths::ABSENCE,
            &[
                ("who", "mette"),
                ("until", "2026-12-18"),
                ("substitute", "jonas"),
            ],
        )
        .await;
    assert_eq!(code, StatusCode::SEE_OTHER, "{html}");
    let people = app.store.caseworkers().await.unwrap();
    let absent = people
        .iter()
        .find(|c| c.id == "mette")
        .unwrap()
        .absent
        .clone()
        .unwrap();
    assert_eq!(absent.substitute.as_deref(), Some("jonas"));
}

/// A phone message registered at the desk; returns its id.
pub async fn phone_message(app: &App) -> i64 {
    desk(app, "phone").await
}

/// An inquiry registered at the desk (`how`: phone, visit, letter); returns its id.
pub async fn desk(app: &App, how: &str) -> i64 {
    let mut mette = app.mette().await;
    let (code, html) = mette
        .submit(
            paths::DESK,
            paths::DESK,
            &[
                ("how", how),
                ("name", "Karen Jensen"),
                ("phone", "12345678"),
                ("email", ""),
                ("subject", "Ring mig op"),
                ("body", "Om affald."),
                ("unit", ""),
                ("kind", "general_question"),
            ],
        )
        .await;
    assert!(
        code == StatusCode::SEE_OTHER || code == StatusCode::OK,
        "{code} {html}"
    );
    only_id(app).await
}

/// Mette asks the citizen for information: the inquiry waits for the citizen.
pub async fn awaiting_citizen(app: &App) {
    let id = app.create(email(RECEIVED, "general", "application")).await;
    let mut mette = app.mette().await;
    let (code, html) = mette
        .act(
            id,
            "afvent",
            &[
                ("text", "Kopi af din lejekontrakt."),
                ("date", "2027-01-08"),
            ],
        )
        .await;
    assert_eq!(code, StatusCode::SEE_OTHER, "{html}");
    let inquiry = app.inquiry(id).await;
    assert_eq!(inquiry["state"], "awaiting_citizen", "{inquiry}");
    assert_eq!(
        inquiry["outgoing"][0]["kind"], "information_request",
        "the request goes to the citizen: {inquiry}"
    );
}

/// The independently computed examples (`tests/fixtures/examples`, a copy of
/// `../shared/examples/deadlines`): every case registered through the API gets exactly the
/// obligations (requirement and due date) the example expects.
pub async fn examples_match(policy: &str) {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/examples");
    let cases = std::fs::read_to_string(dir.join(format!("{policy}.jsonl"))).unwrap();
    let expected = std::fs::read_to_string(dir.join(format!("{policy}.expected.jsonl"))).unwrap();
    let app = crate::app::spawn(policy, "2030-01-01T12:00:00+01:00").await;
    for (case, expected) in cases.lines().zip(expected.lines()) {
        let case: serde_json::Value = serde_json::from_str(case).unwrap();
        let expected: serde_json::Value = serde_json::from_str(expected).unwrap();
        assert_eq!(case["id"], expected["id"]);
        let id = app
            .create(json!({"channel": case["channel"], "to": case["to"], "kind": case["kind"],
                "received_at": case["received_at"], "subject": "Eksempel", "body": "Eksempel.",
                "sender": {"name": "Karen Jensen", "email": "karen@example.dk", "phone": "12345678"}}))
            .await;
        let inquiry = app.inquiry(id).await;
        let mut got: Vec<(String, String)> = inquiry["obligations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["requires"].as_str().unwrap().to_owned(),
                    o["due_date"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let mut want: Vec<(String, String)> = expected["obligations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["requires"].as_str().unwrap().to_owned(),
                    o["due_date"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{case}");
    }
}
