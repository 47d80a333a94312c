//! Units and caseworkers, with absence and substitute.

use crate::helpers::{TestApp, problem, spawn_app};
use reqwest::{Response, StatusCode};
use serde_json::{Value, json};

async fn put(app: &TestApp, path: &str, body: &Value) -> Response {
    app.client
        .put(app.url(path))
        .bearer_auth(&app.admin)
        .json(body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn units_and_caseworkers_are_created_replaced_and_read_back() {
    let app = spawn_app("roskilde").await;
    let unit = json!({"name": "Borgerservice", "email": "borgerservice@roskilde.dk", "phone": "46 31 30 00"});
    let response = put(&app, "/api/v1/units/borgerservice", &unit).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let stored: Value = response.json().await.unwrap();
    assert_eq!(stored["id"], "borgerservice");

    let renamed = json!({"id": "borgerservice", "name": "Borgerservice og Ydelse"});
    let response = put(&app, "/api/v1/units/borgerservice", &renamed).await;
    assert_eq!(response.status(), StatusCode::OK);
    let shown: Value = app
        .get("/api/v1/units/borgerservice")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(shown["name"], "Borgerservice og Ydelse");
    let all: Value = app.get("/api/v1/units").await.json().await.unwrap();
    assert_eq!(all["items"].as_array().unwrap().len(), 1);

    for (id, name) in [
        ("jens.olsen", "Jens Olsen"),
        ("mette.hansen", "Mette Hansen"),
    ] {
        let body = json!({"name": name, "unit": "borgerservice"});
        let response = put(&app, &format!("/api/v1/caseworkers/{id}"), &body).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let absent = json!({
        "name": "Mette Hansen",
        "unit": "borgerservice",
        "absent": {"until": "2027-01-04", "substitute": "jens.olsen"}
    });
    let response = put(&app, "/api/v1/caseworkers/mette.hansen", &absent).await;
    assert_eq!(response.status(), StatusCode::OK);
    let mette: Value = app
        .get("/api/v1/caseworkers/mette.hansen")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(mette["absent"]["until"], "2027-01-04");
    assert_eq!(mette["absent"]["substitute"], "jens.olsen");
    let all: Value = app.get("/api/v1/caseworkers").await.json().await.unwrap();
    assert_eq!(all["items"].as_array().unwrap().len(), 2);

    problem(
        app.get("/api/v1/units/nowhere").await,
        StatusCode::NOT_FOUND,
    )
    .await;
    problem(
        app.get("/api/v1/caseworkers/nobody").await,
        StatusCode::NOT_FOUND,
    )
    .await;
}

#[tokio::test]
async fn a_caseworker_must_point_at_a_unit_and_a_substitute_that_exist() {
    let app = spawn_app("roskilde").await;
    let cases = [
        (
            "/api/v1/caseworkers/mette",
            json!({"name": "Mette", "unit": "nowhere"}),
            "unit",
        ),
        (
            "/api/v1/caseworkers/mette",
            json!({"name": "Mette", "absent": {"until": "2027-01-04", "substitute": "nobody"}}),
            "absent.substitute",
        ),
        (
            "/api/v1/caseworkers/mette",
            json!({"name": "Mette", "absent": {"until": "2027-01-04", "substitute": "mette"}}),
            "absent.substitute",
        ),
        (
            "/api/v1/caseworkers/mette",
            json!({"id": "jens", "name": "Mette"}),
            "id",
        ),
        ("/api/v1/caseworkers/mette", json!({"name": "  "}), "name"),
        (
            "/api/v1/caseworkers/mette",
            json!({"name": "Mette", "absent": {"until": "soon"}}),
            "absent.until",
        ),
        ("/api/v1/units/x", json!({"title": "X"}), "title"),
    ];
    for (path, body, field) in cases {
        let response = put(&app, path, &body).await;
        let problem = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(problem["field"], field, "{body}: {problem}");
    }
    // An id that cannot be one is a bad path: 400 naming the parameter, not repeating it.
    let response = put(&app, "/api/v1/units/a%20b", &json!({"name": "A B"})).await;
    let bad = problem(response, StatusCode::BAD_REQUEST).await;
    assert_eq!(bad["field"], "id");
    assert!(!bad["detail"].as_str().unwrap().contains("a b"), "{bad}");
    let none: Value = app.get("/api/v1/caseworkers").await.json().await.unwrap();
    assert!(none["items"].as_array().unwrap().is_empty());
    let none: Value = app.get("/api/v1/units").await.json().await.unwrap();
    assert!(none["items"].as_array().unwrap().is_empty());
}
