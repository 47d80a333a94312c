//! Skanderborg Kommune, "Politik for mødet mellem borger og kommune" (2011): no numeric deadline.

use crate::app::{App, check_block, says_not_yet, says_offered, spawn};
use crate::scenario::{self, NOW};

const P: &str = "skanderborg";

async fn app() -> App {
    spawn(P, NOW).await
}

#[tokio::test]
async fn ska_1_the_service_level_is_on_the_public_page() {
    scenario::service_goal_page(&app().await, "Skanderborg").await;
}

#[tokio::test]
async fn ska_2_published_processing_times_are_only_partly_supported() {
    says_offered(
        P,
        "SKA-2",
        "case_types",
        "Delvist: sagstyperne med deres offentliggjorte frister i politikfilen og en rapport pr. sagstype mangler",
    );
}

#[tokio::test]
async fn ska_3_referral_is_recorded_the_transfer_report_is_not_supported_yet() {
    scenario::referral(&app().await).await;
    says_not_yet(P, "SKA-3", "transfer_report");
}

#[tokio::test]
async fn ska_4_a_decision_states_the_right_to_complain() {
    scenario::complaint_guidance(&app().await).await;
}

#[tokio::test]
async fn ska_5_notices_of_the_duty_to_report_changes_are_not_supported_yet() {
    says_not_yet(P, "SKA-5", "case_type_notices");
}

#[tokio::test]
async fn ska_6_a_personal_visit_is_registered_at_the_desk() {
    let app = app().await;
    let id = scenario::desk(&app, "visit").await;
    assert_eq!(app.inquiry(id).await["channel"], "in_person");
}

#[tokio::test]
async fn ska_7_a_citizen_writing_from_the_english_page_is_recorded_in_english() {
    let app = app().await;
    let mut citizen = app.browser();
    let (_, _) = citizen
        .get(&format!("{}?lang=en", frist_web::paths::WRITE))
        .await;
    citizen.write("Waste").await;
    let id = crate::app::only_id(&app).await;
    let inquiry = app.inquiry(id).await;
    assert_eq!(inquiry["language"], "en", "{inquiry}");
}

#[tokio::test]
async fn ska_8_the_transfer_report_is_not_supported_yet() {
    says_not_yet(P, "SKA-8", "transfer_report");
}

#[tokio::test]
async fn ska_9_the_satisfaction_question_is_answered_on_the_status_page() {
    scenario::feedback(&app().await).await;
}

#[tokio::test]
async fn ska_10_reports_per_case_type_are_only_partly_supported() {
    says_offered(
        P,
        "SKA-10",
        "case_types",
        "Delvist: sagstyperne med deres offentliggjorte frister i politikfilen og en rapport pr. sagstype mangler",
    );
}

#[tokio::test]
async fn ska_11_introducing_new_citizens_is_outside_frists_scope() {
    let block = check_block(P, "SKA-11");
    assert!(block.contains("uden for Frists område:"), "{block}");
}

#[tokio::test]
async fn ska_12_jargon_is_flagged_a_stated_reason_on_decisions_is_not_supported_yet() {
    scenario::readability(&app().await, "klagevejledning").await;
    says_not_yet(P, "SKA-12", "decision_reason");
}

#[tokio::test]
async fn ska_13_the_needs_extra_help_marker_is_not_supported_yet() {
    says_not_yet(P, "SKA-13", "extra_help");
}
