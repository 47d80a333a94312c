//! The OpenAPI document names exactly the routes the router answers.

use crate::helpers::{email, spawn_app};
use frist_store::AnyStore;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::BTreeSet;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "patch", "head", "options", "trace",
];

fn documented(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, _) in item.as_object().unwrap() {
            if METHODS.contains(&method.as_str()) {
                out.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

#[tokio::test]
async fn the_openapi_document_describes_every_route_and_nothing_more() {
    let app = spawn_app("roskilde").await;
    let response = app
        .client
        .get(app.url("/api/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let text = response.text().await.unwrap();
    let doc: Value = serde_json::from_str(&text).expect("the document is JSON");
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert!(doc["info"]["title"].is_string());
    assert!(doc["info"]["version"].is_string());
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    assert!(doc["components"]["schemas"]["Problem"]["properties"]["field"].is_object());
    assert!(doc["components"]["schemas"]["Problem"]["properties"]["violations"].is_object());

    let routes: BTreeSet<(String, String)> = frist_web::route_table::<AnyStore>()
        .into_iter()
        .map(|(m, p)| (m.to_string(), p.to_owned()))
        .collect();
    let documented = documented(&doc);
    let undocumented: Vec<_> = routes.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routes).collect();
    assert!(
        undocumented.is_empty(),
        "routes missing from the document: {undocumented:?}"
    );
    assert!(
        unrouted.is_empty(),
        "documented but not routed: {unrouted:?}"
    );

    // Every path parameter is declared, and every operation with a body documents it.
    for (method, path) in &documented {
        let op = &doc["paths"][path][method.to_lowercase()];
        let declared: BTreeSet<&str> = op["parameters"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter(|p| p["in"] == "path")
                    .map(|p| p["name"].as_str().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        let in_path: BTreeSet<&str> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .collect();
        assert_eq!(declared, in_path, "{method} {path}");
        if method == "POST" || method == "PUT" {
            assert!(
                op["requestBody"].is_object(),
                "{method} {path} has no requestBody"
            );
        }
        assert!(op["responses"].is_object(), "{method} {path}");
    }
}

#[tokio::test]
async fn every_documented_route_is_answered_by_the_router() {
    let app = spawn_app("roskilde").await;
    let created = app.create(&email("2026-12-23T15:00:00+01:00")).await;
    let doc = frist_web::openapi_document();
    for (method, path) in documented(&doc) {
        let concrete = path
            .replace("{id}", &created["id"].to_string())
            .replace("{reference}", created["reference"].as_str().unwrap());
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = app
            .client
            .request(method.clone(), app.url(&concrete))
            .bearer_auth(&app.admin);
        if method == Method::POST || method == Method::PUT {
            request = request.json(&json!({}));
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let body: Value = response.json().await.unwrap_or(Value::Null);
        assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        assert!(
            !(status == StatusCode::NOT_FOUND && body["detail"] == "no such route"),
            "{method} {path} is not routed"
        );
    }
}
