//! What every answer says about how it may be kept and reached: API answers are never stored by
//! a cache, and behind an HTTPS proxy every answer carries HSTS; a sign-in gives a new CSRF
//! token.

use crate::helpers::{email, id_of, spawn_app};
use crate::pages::{Visitor, hidden_csrf};
use frist_store::{Role, Store, User};
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::{CACHE_CONTROL, SET_COOKIE, STRICT_TRANSPORT_SECURITY};

#[tokio::test]
async fn api_answers_are_never_cached_and_https_behind_a_proxy_gets_hsts() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    for path in [
        format!("/api/v1/inquiries/{id}?reveal=cpr"),
        "/api/v1/inquiries".to_owned(),
        "/api/v1/findes-ikke".to_owned(),
        "/api/v1/openapi.json".to_owned(),
    ] {
        let response = app
            .client
            .get(app.url(&path))
            .bearer_auth(&app.admin)
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()[CACHE_CONTROL], "no-store", "{path}");
        assert!(
            response.headers().get(STRICT_TRANSPORT_SECURITY).is_none(),
            "{path}: plain HTTP"
        );
    }
    for forwarded in [
        ("x-forwarded-proto", "https"),
        ("forwarded", "for=10.0.0.1;proto=https"),
    ] {
        let response = app
            .client
            .get(app.url("/"))
            .header(forwarded.0, forwarded.1)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response.headers()[STRICT_TRANSPORT_SECURITY],
            "max-age=31536000"
        );
    }
}

#[tokio::test]
async fn signing_in_gives_a_new_csrf_token() {
    let app = spawn_app("roskilde").await;
    let user = User {
        username: "mette".into(),
        role: Role::Caseworker,
        password_hash: frist_web::hash_password("korrekt hest batteri").unwrap(),
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
    };
    app.store.create_user(&user).await.unwrap();
    let mut v = Visitor::new(&app);
    let form = v.get(paths::LOGIN).await;
    let before = hidden_csrf(&form.html);
    let signed_in = v
        .post(
            paths::LOGIN,
            &[
                ("csrf", &before),
                ("username", "mette"),
                ("password", "korrekt hest batteri"),
                ("next", ""),
            ],
        )
        .await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    let renewed = signed_in
        .headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|c| c.to_str().ok())
        .find_map(|c| c.strip_prefix("frist_csrf="))
        .and_then(|c| c.split(';').next())
        .expect("a new CSRF cookie at sign-in")
        .to_owned();
    assert_ne!(renewed, before);
    // The page after sign-in carries the new token, and the old one no longer posts.
    let queue = v.get(paths::QUEUE).await;
    assert_eq!(hidden_csrf(&queue.html), renewed);
    let out = v.post(paths::LOGOUT, &[("csrf", &before)]).await;
    assert_eq!(out.status, StatusCode::FORBIDDEN);
}
