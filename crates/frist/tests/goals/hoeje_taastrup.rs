//! Høje-Taastrup Kommune, "Servicemål for kontakt med kommunen" (2014).

use crate::app::{App, email, on, says_not_yet, says_offered, spawn};
use crate::casework::{self, called_back};
use crate::scenario::{self, NOW, RECEIVED, acknowledged, deadline_met};
use frist_store::Store;
use reqwest::StatusCode;
use serde_json::json;

const P: &str = "hoeje-taastrup";

async fn app() -> App {
    spawn(P, NOW).await
}

#[tokio::test]
async fn htk_1_a_letter_acknowledged_through_the_api_meets_the_ten_day_deadline() {
    let app = app().await;
    let id = app.create(on("letter", RECEIVED, "application")).await;
    deadline_met(&app, id, "HTK-1", "acknowledgment", "2026-12-15", |id| {
        acknowledged(&app, id)
    })
    .await;
}

#[tokio::test]
async fn htk_1_an_acknowledgment_without_its_content_is_refused() {
    scenario::acknowledgment_content(&app().await).await;
}

#[tokio::test]
async fn htk_2_an_appealable_decision_needs_complaint_guidance() {
    scenario::complaint_guidance(&app().await).await;
}

#[tokio::test]
async fn htk_3_an_answer_must_say_whom_to_contact() {
    scenario::contact_person(&app().await).await;
}

#[tokio::test]
async fn htk_4_an_email_to_the_general_mailbox_assigned_on_the_inquiry_page_meets_triage() {
    let app = app().await;
    let id = app
        .create(email(RECEIVED, "general", "general_question"))
        .await;
    let app = &app;
    deadline_met(app, id, "HTK-4", "triage", "2026-12-02", |id| async move {
        app.set_now("2026-12-01T12:00:00+01:00");
        let mut mette = app.mette().await;
        let (status, html) = mette.act(id, "tildel", &[]).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    })
    .await;
}

/// A first handling on the inquiry page other than opening or assigning.
#[derive(Clone, Copy)]
enum Handling {
    Answer,
    HandOver,
    Refer,
}

async fn handle(app: &App, id: i64, how: Handling) {
    let (action, to) = match how {
        Handling::Answer => return casework::answered_by_phone_on_the_page(app, id).await,
        Handling::HandOver => ("overdrag", "jonas"),
        Handling::Refer => ("videresend", "teknik"),
    };
    let (status, html) = app.mette().await.act(id, action, &[("to", to)]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    let inquiry = app.inquiry(id).await;
    let field = if action == "overdrag" {
        "caseworker"
    } else {
        "unit"
    };
    assert_eq!(inquiry[field], to, "{inquiry}");
}

/// HTK-4 ("åbnet eller fordelt"): the first handling of any kind meets triage. An e-mail to the
/// general mailbox is handled on the inquiry page late on the deadline's day (as the demo's
/// e-mail answered at 22:34), and nothing else happened to it first.
async fn triage_met_by(how: Handling) {
    let app = app().await;
    let id = app
        .create(email(RECEIVED, "general", "general_question"))
        .await;
    let app = &app;
    deadline_met(app, id, "HTK-4", "triage", "2026-12-02", |id| async move {
        app.set_now("2026-12-02T22:34:00+01:00");
        handle(app, id, how).await;
    })
    .await;
}

#[tokio::test]
async fn htk_4_an_email_answered_by_phone_on_the_inquiry_page_before_the_deadline_meets_triage() {
    triage_met_by(Handling::Answer).await;
}

#[tokio::test]
async fn htk_4_an_email_handed_over_to_a_colleague_before_the_deadline_meets_triage() {
    triage_met_by(Handling::HandOver).await;
}

#[tokio::test]
async fn htk_4_an_email_referred_to_another_unit_before_the_deadline_meets_triage() {
    triage_met_by(Handling::Refer).await;
}

#[tokio::test]
async fn htk_4_an_email_answered_by_phone_after_the_deadline_is_late_not_met() {
    let app = app().await;
    let id = app
        .create(email(RECEIVED, "general", "general_question"))
        .await;
    app.set_now("2026-12-03T09:00:00+01:00");
    casework::answered_by_phone_on_the_page(&app, id).await;
    let obligation = app.obligation(id, "HTK-4", "triage").await;
    assert_ne!(obligation["state"], "met", "{obligation}");
    assert_ne!(obligation["state"], "pending", "{obligation}");
    let (_, met, _) = app.compliance("HTK-4").await;
    assert_eq!(met, 0);
}

#[tokio::test]
async fn htk_5_absence_with_a_substitute_is_set_on_the_absence_page() {
    scenario::absence(&app().await).await;
    says_offered(P, "HTK-5", "absence_substitute", "/fravaer");
    says_offered(P, "HTK-5", "absence_auto_reply", "/fravaer");
}

#[tokio::test]
async fn htk_6_a_cpr_number_keeps_the_answer_off_plain_email() {
    scenario::secure_channel(&app().await).await;
}

#[tokio::test]
async fn htk_7_a_phone_message_from_the_desk_called_back_meets_the_two_day_deadline() {
    let app = app().await;
    let id = scenario::phone_message(&app).await;
    let app = &app;
    deadline_met(
        app,
        id,
        "HTK-7",
        "callback",
        "2026-12-03",
        |id| async move {
            app.set_now("2026-12-02T09:00:00+01:00");
            let (status, body) = app
                .event(
                    id,
                    json!({"type": "callback_completed", "summary": "Talt med borgeren"}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{body}");
        },
    )
    .await;
}

#[tokio::test]
async fn htk_7_a_callback_recorded_on_the_inquiry_page_meets_the_deadline() {
    let app = app().await;
    let id = scenario::phone_message(&app).await;
    let app = &app;
    deadline_met(
        app,
        id,
        "HTK-7",
        "callback",
        "2026-12-03",
        |id| async move {
            app.set_now("2026-12-02T09:00:00+01:00");
            called_back(app, id, "reached").await;
        },
    )
    .await;
}

#[tokio::test]
async fn htk_7_a_call_that_did_not_reach_the_citizen_leaves_the_callback_pending() {
    let app = app().await;
    let id = scenario::phone_message(&app).await;
    app.set_now("2026-12-02T09:00:00+01:00");
    for outcome in ["no_answer", "busy", "voicemail"] {
        called_back(&app, id, outcome).await;
    }
    let obligation = app.obligation(id, "HTK-7", "callback").await;
    assert_eq!(obligation["state"], "pending", "{obligation}");
    assert_eq!(obligation["due_date"], "2026-12-03", "{obligation}");
    let (total, met, breached) = app.compliance("HTK-7").await;
    assert_eq!((met, breached), (0, 0), "{total}");
    let events = app.store.events(id).await.unwrap();
    let attempts = events
        .iter()
        .filter(|e| matches!(e.kind, frist_core::EventKind::CallbackAttempted { .. }))
        .count();
    assert_eq!(attempts, 3);
    // A later call that reaches the citizen meets it.
    called_back(&app, id, "reached").await;
    let obligation = app.obligation(id, "HTK-7", "callback").await;
    assert_eq!(obligation["state"], "met", "{obligation}");
}

/// HTK-8: marked absent on `/fravaer`, Mette's open inquiry is in Jonas's "Mine", marked as
/// cover, until the absence ends; nothing about the inquiry or its deadlines changes.
#[tokio::test]
async fn htk_8_the_substitute_sees_the_absent_caseworkers_open_inquiries_in_mine() {
    let app = app().await;
    let id = casework::mettes_inquiry(&app).await;
    let reference = app.inquiry(id).await["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    let cover = "Dækker for Mette Hansen";
    let before = jonas_sees(&app, &reference, cover).await;
    assert_eq!(before, (false, false), "not his before the absence");
    let obligation = app.obligation(id, "HTK-4", "triage").await;
    let compliance = app.compliance("HTK-4").await;

    casework::mette_absent(&app, "2026-12-18").await;
    assert_eq!(jonas_sees(&app, &reference, cover).await, (true, true));
    let inquiry = app.inquiry(id).await;
    assert_eq!(
        inquiry["caseworker"], "mette",
        "nothing is reassigned: {inquiry}"
    );
    assert_eq!(app.obligation(id, "HTK-4", "triage").await, obligation);
    assert_eq!(app.compliance("HTK-4").await, compliance);

    casework::mette_back(&app).await;
    assert_eq!(jonas_sees(&app, &reference, cover).await, (false, false));
    assert_eq!(app.inquiry(id).await["caseworker"], "mette");
    assert_eq!(app.obligation(id, "HTK-4", "triage").await, obligation);
    assert_eq!(app.compliance("HTK-4").await, compliance);
    says_offered(P, "HTK-8", "substitute_cover", "/sager");
    says_offered(P, "HTK-5", "absence_substitute", "»Mine«");
}

/// Whether Jonas's "Mine" lists `reference`, and whether it says `cover`.
async fn jonas_sees(app: &App, reference: &str, cover: &str) -> (bool, bool) {
    let html = casework::jonas_mine(app).await;
    (html.contains(reference), html.contains(cover))
}

#[tokio::test]
async fn htk_8_a_closed_inquiry_of_the_absent_caseworker_is_not_in_the_substitutes_mine() {
    let app = app().await;
    let id = casework::mettes_inquiry(&app).await;
    let reference = app.inquiry(id).await["reference"]
        .as_str()
        .unwrap()
        .to_owned();
    app.set_now("2026-12-01T11:00:00+01:00");
    casework::answered_by_phone_on_the_page(&app, id).await;
    let (status, html) = app
        .mette()
        .await
        .act(id, "luk", &[("reason", "answered")])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    casework::mette_absent(&app, "2026-12-18").await;
    assert_eq!(
        jonas_sees(&app, &reference, "Dækker for").await,
        (false, false)
    );
}

#[tokio::test]
async fn htk_9_the_report_of_phone_inquiries_without_human_contact_is_not_supported_yet() {
    says_not_yet(P, "HTK-9", "human_contact_report");
}

#[tokio::test]
async fn htk_10_a_referral_on_the_inquiry_page_is_recorded_and_counted() {
    scenario::referral(&app().await).await;
    says_offered(
        P,
        "HTK-10",
        "referrals",
        "Delvist: en rapport mangler endnu.",
    );
}

#[tokio::test]
async fn htk_11_the_affects_other_areas_notice_is_not_supported_yet_referral_is() {
    says_not_yet(P, "HTK-11", "affects_other_areas_notice");
    scenario::referral(&app().await).await;
}

#[tokio::test]
async fn htk_12_a_note_marked_visible_is_shown_on_the_citizens_status_page() {
    scenario::visible_note(&app().await).await;
}

#[tokio::test]
async fn htk_13_a_decision_by_phone_is_refused() {
    scenario::written_decision(&app().await).await;
}

#[tokio::test]
async fn htk_14_the_citizen_comments_on_the_service_on_the_status_page() {
    scenario::feedback(&app().await).await;
    says_offered(P, "HTK-14", "feedback", "Delvist");
}

#[tokio::test]
async fn htk_15_the_self_service_form_registers_a_written_inquiry_with_the_ten_day_deadline() {
    let app = app().await;
    let id = scenario::self_service(&app).await;
    let obligation = app.obligation(id, "HTK-1", "acknowledgment").await;
    assert_eq!(obligation["state"], "pending");
}

#[tokio::test]
async fn htk_16_an_information_request_with_what_and_by_when_is_not_supported_yet() {
    says_not_yet(P, "HTK-16", "information_request");
}

#[tokio::test]
async fn htk_17_the_public_page_shows_the_goals_case_types_only_partly() {
    scenario::service_goal_page(
        &app().await,
        "Se også orientering om frister for sagsbehandling",
    )
    .await;
    says_offered(P, "HTK-17", "service_goal_page", "/forventninger");
    says_offered(P, "HTK-17", "case_types", "Delvist: sagstyperne");
}

/// HTK-1, HTK-4 and HTK-7: the 150 independently computed example cases get exactly their due dates.
#[tokio::test]
async fn htk_1_the_independent_example_cases_get_their_due_dates_through_the_api() {
    scenario::examples_match("hoeje-taastrup").await;
}
