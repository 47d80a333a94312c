//! Høje-Taastrup Kommune, "Servicemål for kontakt med kommunen" (2014).

use crate::app::{App, email, on, says_not_yet, says_offered, spawn};
use crate::scenario::{self, NOW, RECEIVED, acknowledged, deadline_met};
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
async fn htk_8_the_substitute_taking_over_open_inquiries_is_not_supported_yet() {
    says_not_yet(P, "HTK-8", "substitute_cover");
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
async fn htk_17_the_public_page_shows_the_goals_case_types_are_not_supported_yet() {
    scenario::service_goal_page(
        &app().await,
        "Se også orientering om frister for sagsbehandling",
    )
    .await;
    says_offered(P, "HTK-17", "service_goal_page", "/forventninger");
    says_not_yet(P, "HTK-17", "case_types");
}

/// HTK-1, HTK-4 and HTK-7: the 150 independently computed example cases get exactly their due dates.
#[tokio::test]
async fn htk_1_the_independent_example_cases_get_their_due_dates_through_the_api() {
    scenario::examples_match("hoeje-taastrup").await;
}
