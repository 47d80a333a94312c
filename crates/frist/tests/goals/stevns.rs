//! Stevns Kommune, "Kodeks for borgerbetjening" (2024/25).

use crate::app::{App, email, says_not_yet, says_offered, spawn};
use crate::scenario::{self, NOW, RECEIVED, acknowledged, deadline_met};
use reqwest::StatusCode;

const P: &str = "stevns";

async fn app() -> App {
    spawn(P, NOW).await
}

#[tokio::test]
async fn ste_1_phone_hours_are_published_on_the_service_goal_page() {
    scenario::service_goal_page(&app().await, "Vi besvarer telefoner i telefontiden.").await;
    says_offered(P, "STE-1", "phone_hours", "/forventninger");
}

#[tokio::test]
async fn ste_2_an_email_acknowledged_meets_the_next_working_day_deadline() {
    let app = app().await;
    let id = app.create(email(RECEIVED, "employee", "other")).await;
    deadline_met(&app, id, "STE-2", "acknowledgment", "2026-12-02", |id| {
        acknowledged(&app, id)
    })
    .await;
}

#[tokio::test]
async fn ste_3_an_extension_without_a_reason_is_refused_on_the_inquiry_page() {
    let app = app().await;
    let id = app.create(email(RECEIVED, "general", "application")).await;
    let before = app.store.events(id).await.unwrap().len();
    let mut mette = app.mette().await;
    let (status, html) = mette
        .act(
            id,
            "forlaeng",
            &[
                ("obligation", "STE-2|acknowledgment"),
                ("date", "2026-12-09"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    use frist_store::Store;
    assert_eq!(
        app.store.events(id).await.unwrap().len(),
        before,
        "nothing stored"
    );
    assert_eq!(
        app.obligation(id, "STE-2", "acknowledgment").await["due_date"],
        "2026-12-02"
    );
}

#[tokio::test]
async fn ste_4_unexplained_jargon_is_flagged() {
    scenario::readability(&app().await, "aktindsigt").await;
}

#[tokio::test]
async fn ste_5_an_acknowledgment_must_state_the_next_step() {
    scenario::acknowledgment_content(&app().await).await;
}

#[tokio::test]
async fn ste_6_a_decision_carries_complaint_guidance() {
    scenario::complaint_guidance(&app().await).await;
}

#[tokio::test]
async fn ste_7_the_citizen_sees_the_named_caseworker_on_the_status_page() {
    scenario::named_caseworker(&app().await).await;
}

#[tokio::test]
async fn ste_8_a_referral_to_another_unit_is_recorded() {
    scenario::referral(&app().await).await;
}

#[tokio::test]
async fn ste_9_closing_as_answered_without_an_answer_is_refused() {
    let app = app().await;
    let id = app.create(email(RECEIVED, "general", "application")).await;
    let mut mette = app.mette().await;
    let (status, html) = mette.act(id, "luk", &[("reason", "answered")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert_ne!(app.inquiry(id).await["state"], "closed");
}

#[tokio::test]
async fn ste_10_asking_the_citizen_puts_the_inquiry_in_waiting() {
    scenario::awaiting_citizen(&app().await).await;
}

#[tokio::test]
async fn ste_11_an_error_is_registered_on_the_inquiry_page() {
    scenario::error_register(&app().await).await;
}

#[tokio::test]
async fn ste_12_criticism_is_received_on_the_status_page() {
    scenario::feedback(&app().await).await;
}

#[tokio::test]
async fn ste_13_a_referral_to_an_external_authority_is_not_supported_yet() {
    says_not_yet(P, "STE-13", "external_referral");
}

/// STE-2: the 150 independently computed example cases get exactly their due dates.
#[tokio::test]
async fn ste_2_the_independent_example_cases_get_their_due_dates_through_the_api() {
    scenario::examples_match("stevns").await;
}
