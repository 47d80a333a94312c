//! Bearer tokens and roles.

use crate::helpers::{email, problem, spawn_app};
use frist_store::Store;
use reqwest::StatusCode;
use serde_json::{Value, json};

#[tokio::test]
async fn a_request_without_a_valid_token_is_401_with_a_bearer_challenge() {
    let app = spawn_app("roskilde").await;
    let case = email("2026-12-23T15:00:00+01:00");
    let attempts = [
        app.client.post(app.url("/api/v1/inquiries")).json(&case),
        app.client
            .post(app.url("/api/v1/inquiries"))
            .bearer_auth("frist_not-a-token")
            .json(&case),
        app.client
            .post(app.url("/api/v1/inquiries"))
            .basic_auth("admin", Some("admin"))
            .json(&case),
        app.client.get(app.url("/api/v1/inquiries")),
        app.client.get(app.url("/api/v1/units")),
    ];
    for attempt in attempts {
        let response = attempt.send().await.unwrap();
        let challenge = response.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(challenge.starts_with("Bearer"), "{challenge}");
        problem(response, StatusCode::UNAUTHORIZED).await;
    }
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn health_and_the_openapi_document_need_no_token() {
    let app = spawn_app("roskilde").await;
    let response = app.client.get(app.url("/health")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({"status": "ok"})
    );
    let response = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_caseworker_may_not_change_units_or_caseworkers_nor_read_reports() {
    let app = spawn_app("roskilde").await;
    let unit = json!({"name": "Borgerservice"});
    let response = app
        .client
        .put(app.url("/api/v1/units/borgerservice"))
        .bearer_auth(&app.caseworker)
        .json(&unit)
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::FORBIDDEN).await;
    let response = app
        .client
        .put(app.url("/api/v1/caseworkers/mette"))
        .bearer_auth(&app.caseworker)
        .json(&json!({"name": "Mette"}))
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::FORBIDDEN).await;
    assert!(app.store.units().await.unwrap().is_empty());
    assert!(app.store.caseworkers().await.unwrap().is_empty());

    let report = "/api/v1/reports/compliance?from=2026-12-01&to=2026-12-31";
    problem(app.get(report).await, StatusCode::FORBIDDEN).await;
    for token in [&app.lead, &app.admin] {
        let response = app
            .client
            .get(app.url(report))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }
}

#[tokio::test]
async fn a_lead_may_not_change_units_but_an_admin_may() {
    let app = spawn_app("roskilde").await;
    let unit = json!({"name": "Borgerservice"});
    let response = app
        .client
        .put(app.url("/api/v1/units/borgerservice"))
        .bearer_auth(&app.lead)
        .json(&unit)
        .send()
        .await
        .unwrap();
    problem(response, StatusCode::FORBIDDEN).await;
    let response = app
        .client
        .put(app.url("/api/v1/units/borgerservice"))
        .bearer_auth(&app.admin)
        .json(&unit)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
}
