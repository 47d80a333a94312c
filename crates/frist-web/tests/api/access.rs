//! CPR numbers are masked unless revealed, and every view of a body or a CPR number is logged.

use crate::helpers::{email, id_of, spawn_app};
use frist_store::Store;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn an_inquiry_shows_cpr_numbers_masked_and_logs_the_view_of_its_body() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["subject"] = json!("Angående 010190-1234");
    case["body"] = json!("Mit CPR-nummer er 0101901234.");
    case["sender"]["cpr"] = json!("010190-1234");
    let created = app.create(&case).await;
    let id = id_of(&created);
    assert_eq!(created["sender"]["cpr"], "010190-XXXX");
    assert_eq!(created["subject"], "Angående 010190-XXXX");
    assert!(
        app.store_access(id).await.is_empty(),
        "creating is not viewing"
    );

    let response = app.get(&format!("/api/v1/inquiries/{id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    assert!(!text.contains("1234"), "a CPR number leaked: {text}");
    let shown: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(shown["sender"]["cpr"], "010190-XXXX");
    assert_eq!(shown["body"], "Mit CPR-nummer er 010190-XXXX.");
    assert_eq!(shown["involves_cpr"], true);
    assert_eq!(
        app.store_access(id).await,
        [("case".to_owned(), "body".to_owned())]
    );
}

#[tokio::test]
async fn revealing_a_cpr_number_shows_it_in_full_and_logs_who_saw_it() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["sender"]["cpr"] = json!("010190-1234");
    case["body"] = json!("Mit CPR-nummer er 0101901234.");
    let id = id_of(&app.create(&case).await);

    let shown: Value = app
        .client
        .get(app.url(&format!("/api/v1/inquiries/{id}?reveal=cpr")))
        .bearer_auth(&app.lead)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(shown["sender"]["cpr"], "010190-1234");
    assert_eq!(shown["body"], "Mit CPR-nummer er 0101901234.");
    assert_eq!(
        app.store_access(id).await,
        [
            ("lead".to_owned(), "body".to_owned()),
            ("lead".to_owned(), "cpr".to_owned())
        ]
    );
    let entries = app.store.access_log(id).await.unwrap();
    assert_eq!(entries[1].at, crate::helpers::START.parse().unwrap());

    let reference = shown["reference"].as_str().unwrap();
    let response = app
        .get(&format!(
            "/api/v1/inquiries/by-reference/{reference}?reveal=cpr"
        ))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(app.store_access(id).await.len(), 4);

    let response = app
        .get(&format!("/api/v1/inquiries/{id}?reveal=everything"))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.store_access(id).await.len(), 4);
}

#[tokio::test]
async fn lists_never_include_bodies_and_mask_cpr_numbers_in_subjects() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T15:00:00+01:00");
    case["subject"] = json!("Sag om 010190-1234");
    case["sender"]["cpr"] = json!("010190-1234");
    let id = id_of(&app.create(&case).await);
    let text = app.get("/api/v1/inquiries").await.text().await.unwrap();
    assert!(!text.contains("1234"), "{text}");
    assert!(!text.contains("affald hentet"), "the body leaked: {text}");
    let page: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(page["items"][0]["subject"], "Sag om 010190-XXXX");
    assert!(page["items"][0].get("body").is_none());
    assert!(
        app.store_access(id).await.is_empty(),
        "a list is not a view"
    );
}

impl crate::helpers::TestApp {
    /// (viewer, what) of every access-log entry of inquiry `id`, oldest first.
    pub async fn store_access(&self, id: i64) -> Vec<(String, String)> {
        self.store
            .access_log(id)
            .await
            .unwrap()
            .into_iter()
            .map(|e| (e.viewer, e.what))
            .collect()
    }
}
