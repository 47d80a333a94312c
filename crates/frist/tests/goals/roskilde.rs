//! Roskilde Kommune, "Servicemål for borgerkontakt" (2018).

use crate::app::{App, email, on, says_not_yet, says_offered, spawn};
use crate::casework;
use crate::scenario::{self, NOW, RECEIVED, acknowledged, answered, deadline_met};
use reqwest::StatusCode;
use serde_json::json;

const P: &str = "roskilde";

async fn app() -> App {
    spawn(P, NOW).await
}

#[tokio::test]
async fn ros_1_a_general_question_by_email_answered_meets_the_two_day_deadline() {
    let app = app().await;
    let id = app
        .create(email(RECEIVED, "general", "general_question"))
        .await;
    deadline_met(&app, id, "ROS-1", "answer", "2026-12-03", |id| {
        answered(&app, id)
    })
    .await;
}

/// ROS-1 for real traffic: mail intake files an e-mail to the general mailbox as `other`, so no
/// ROS-1 deadline yet; classified on the inquiry page as a general question, the answer is due
/// 2 working days after receipt; answered on the page (by phone), it is met.
#[tokio::test]
async fn ros_1_an_email_to_the_general_mailbox_classified_on_the_inquiry_page_gets_the_deadline() {
    let app = app().await;
    let id = casework::mail_to_general(&app, "borgerservice@roskilde.dk").await;
    let inquiry = app.inquiry(id).await;
    assert_eq!(inquiry["kind"], "other", "{inquiry}");
    assert_eq!(inquiry["channel"], "email", "{inquiry}");
    assert!(
        !inquiry["obligations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["goal"] == "ROS-1"),
        "{inquiry}"
    );
    // Opened, the unclassified e-mail asks what it is about.
    let (status, page) = app.mette().await.get(&frist_web::paths::inquiry(id)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("id=\"ask-heading\""), "{page}");
    app.set_now("2026-12-01T11:00:00+01:00");
    let (status, html) = casework::classify(&app, id, "general_question", "").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(app.inquiry(id).await["kind"], "general_question");
    let app = &app;
    deadline_met(app, id, "ROS-1", "answer", "2026-12-03", |id| async move {
        app.set_now("2026-12-02T12:00:00+01:00");
        casework::answered_by_phone_on_the_page(app, id).await;
    })
    .await;
}

#[tokio::test]
async fn ros_2_an_application_by_email_acknowledged_meets_the_ten_day_deadline() {
    let app = app().await;
    let id = app
        .create(email(RECEIVED, "department", "application"))
        .await;
    deadline_met(&app, id, "ROS-2", "acknowledgment", "2026-12-15", |id| {
        acknowledged(&app, id)
    })
    .await;
}

#[tokio::test]
async fn ros_3_absence_with_auto_reply_and_substitute_is_set_on_the_absence_page() {
    scenario::absence(&app().await).await;
    says_offered(P, "ROS-3", "absence_auto_reply", "/fravaer");
}

#[tokio::test]
async fn ros_4_sensitive_data_keeps_the_answer_off_plain_email() {
    scenario::secure_channel(&app().await).await;
}

#[tokio::test]
async fn ros_5_the_desk_takes_a_phone_message_the_contact_report_is_not_supported_yet() {
    let app = app().await;
    let id = scenario::phone_message(&app).await;
    assert_eq!(app.inquiry(id).await["channel"], "phone");
    says_offered(P, "ROS-5", "phone_messages", "/skranke");
    says_not_yet(P, "ROS-5", "human_contact_report");
}

#[tokio::test]
async fn ros_6_a_letter_acknowledged_meets_the_ten_day_deadline() {
    let app = app().await;
    let id = app.create(on("letter", RECEIVED, "application")).await;
    deadline_met(&app, id, "ROS-6", "acknowledgment", "2026-12-15", |id| {
        acknowledged(&app, id)
    })
    .await;
}

/// ROS-7: the staff pages set a case type the policy defines, and its deadline applies; but
/// the shipped policy defines none, so `policy check` says "partly" and the page refuses one.
#[tokio::test]
async fn ros_7_case_types_are_set_on_the_inquiry_page_but_the_policy_has_none_yet() {
    says_offered(P, "ROS-7", "case_types", "Delvist: sagstyperne");
    let shipped = app().await;
    let id = shipped.create(email(RECEIVED, "general", "other")).await;
    let (status, html) = casework::classify(&shipped, id, "application", "sygedagpenge").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(shipped.inquiry(id).await["case_type"].is_null());

    // The part that works: a policy with the case type, as the README says to write it.
    let text = format!(
        "{}\n[[case_type]]\nid = \"sygedagpenge\"\nname = \"Sygedagpenge\"\n\
         source = \"ROS-7\"\nwithin = \"4 uger\"\n",
        crate::app::policy_text(P)
    );
    let app = crate::app::spawn_text(P, &text, NOW).await;
    let id = app.create(email(RECEIVED, "general", "other")).await;
    let (status, html) = casework::classify(&app, id, "application", "sygedagpenge").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(app.inquiry(id).await["case_type"], "sygedagpenge");
    let obligation = app.obligation(id, "ROS-7", "answer").await;
    assert_eq!(obligation["due_date"], "2026-12-29", "{obligation}");
    assert_eq!(obligation["state"], "pending", "{obligation}");
    scenario::service_goal_page(&app, "Sygedagpenge").await;
}

#[tokio::test]
async fn ros_8_unexplained_jargon_is_flagged_and_the_contact_is_required() {
    let app = app().await;
    scenario::readability(&app, "partshøring").await;
    scenario::contact_person(&app).await;
}

#[tokio::test]
async fn ros_9_a_visible_note_and_a_referral_the_affects_notice_is_not_supported_yet() {
    let app = app().await;
    scenario::visible_note(&app).await;
    says_not_yet(P, "ROS-9", "affects_other_areas_notice");
}

#[tokio::test]
async fn ros_10_a_general_question_on_facebook_answered_meets_the_24_hour_deadline() {
    let app = app().await;
    let id = app
        .create(
            json!({"channel": "facebook", "kind": "general_question", "received_at": RECEIVED,
            "subject": "Affald", "body": "Hvornår?",
            "sender": {"name": "Karen Jensen", "facebook_id": "6543210987654321"},
            "external_id": "fb:1"}),
        )
        .await;
    let app = &app;
    deadline_met(app, id, "ROS-10", "answer", "2026-12-02", |id| async move {
        app.set_now("2026-12-01T12:00:00+01:00");
        let (status, body) = app
            .send(id, {
                let mut a = crate::app::answer("facebook");
                a["channel"] = json!("facebook");
                a
            })
            .await;
        assert_eq!(status, reqwest::StatusCode::CREATED, "{body}");
    })
    .await;
}

/// ROS-10 for a Facebook message that arrives unclassified: classified on the inquiry page as a
/// general question, the 24-hour answer deadline appears.
#[tokio::test]
async fn ros_10_a_facebook_message_classified_on_the_inquiry_page_gets_the_24_hour_deadline() {
    let app = app().await;
    let id = app
        .create(
            json!({"channel": "facebook", "kind": "other", "received_at": RECEIVED,
            "subject": "Affald", "body": "Hvornår?", "sender": {"name": "Karen Jensen"},
            "external_id": "fb:2"}),
        )
        .await;
    let answers = |inquiry: &serde_json::Value| {
        inquiry["obligations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["goal"] == "ROS-10" && o["requires"] == "answer")
    };
    assert!(!answers(&app.inquiry(id).await));
    let (status, html) = casework::classify(&app, id, "general_question", "").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    let obligation = app.obligation(id, "ROS-10", "answer").await;
    assert_eq!(obligation["due_date"], "2026-12-02", "{obligation}");
    assert_eq!(obligation["state"], "pending", "{obligation}");
}

#[tokio::test]
async fn ros_11_the_citizen_comments_on_the_service_on_the_status_page() {
    scenario::feedback(&app().await).await;
}

#[tokio::test]
async fn ros_12_the_direct_number_in_every_letters_signature_is_not_supported_yet() {
    says_not_yet(P, "ROS-12", "direct_phone_number");
}

#[tokio::test]
async fn ros_13_the_report_of_calls_met_by_an_answering_machine_is_not_supported_yet() {
    says_not_yet(P, "ROS-13", "human_contact_report");
}

#[tokio::test]
async fn ros_14_a_caller_in_the_wrong_place_is_referred_on_the_inquiry_page() {
    scenario::referral(&app().await).await;
}

#[tokio::test]
async fn ros_15_a_message_needing_a_signature_kept_off_email_is_not_supported_yet() {
    says_not_yet(P, "ROS-15", "signature_channel");
}

/// ROS-1, ROS-2, ROS-6 and ROS-10: the 150 independently computed example cases get exactly their due dates.
#[tokio::test]
async fn ros_1_the_independent_example_cases_get_their_due_dates_through_the_api() {
    scenario::examples_match("roskilde").await;
}
