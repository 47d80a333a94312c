//! Halsnæs Kommune, "Servicepolitik" (2013): no numeric deadline.

use crate::app::{App, says_not_yet, says_offered, spawn};
use crate::scenario::{self, NOW};

const P: &str = "halsnaes";

async fn app() -> App {
    spawn(P, NOW).await
}

#[tokio::test]
async fn hal_1_the_public_page_and_the_acknowledgments_content() {
    let app = app().await;
    scenario::service_goal_page(&app, "Halsnæs").await;
    scenario::acknowledgment_content(&app).await;
}

#[tokio::test]
async fn hal_2_case_types_with_their_own_deadlines_are_only_partly_supported() {
    says_offered(
        P,
        "HAL-2",
        "case_types",
        "Delvist: sagstyperne med deres offentliggjorte frister i politikfilen og en rapport pr. sagstype mangler",
    );
}

#[tokio::test]
async fn hal_3_a_referral_on_the_inquiry_page_is_recorded() {
    scenario::referral(&app().await).await;
}

#[tokio::test]
async fn hal_4_self_service_works_the_channel_report_is_not_supported_yet() {
    scenario::self_service(&app().await).await;
    says_not_yet(P, "HAL-4", "channel_report");
}

#[tokio::test]
async fn hal_5_an_error_is_registered_on_the_inquiry_page() {
    scenario::error_register(&app().await).await;
    says_offered(P, "HAL-5", "error_register", "Delvist");
}

#[tokio::test]
async fn hal_6_business_senders_are_not_supported_yet() {
    says_not_yet(P, "HAL-6", "business_senders");
}
