//! Signing in through an identity provider, as far as it goes without one: the button beside
//! the password form, passwords turned off, and every failure a page that starts no session (a
//! provider that cannot be reached, its error, an answer nobody waits for). The whole flow with
//! a real provider is `e2e/oidc.test.js`.

use crate::helpers::{TestApp, spawn_app, spawn_app_with_oidc};
use crate::pages::{Page, Visitor, hidden_csrf};
use crate::staff::add_user;
use frist_store::Role;
use frist_web::{ClaimMapping, OidcSettings, paths};
use reqwest::StatusCode;
use reqwest::header::SET_COOKIE;

const BUTTON: &str = "Log ind med Testkommunens login";

/// A provider on a loopback port nothing listens on.
fn unreachable_provider(local_passwords: bool) -> OidcSettings {
    OidcSettings {
        issuer: "http://127.0.0.1:9".into(),
        client_id: "frist".into(),
        client_secret: "en-lang-klienthemmelighed".into(),
        redirect_url: "http://127.0.0.1:8080/login/oidc/callback".into(),
        button_label: BUTTON.into(),
        scopes: vec!["profile".into()],
        username_claim: "preferred_username".into(),
        mapping: ClaimMapping {
            roles: [("frist".to_owned(), Role::Caseworker)]
                .into_iter()
                .collect(),
            ..ClaimMapping::default()
        },
        local_passwords,
        link_existing_users: false,
        access_help: None,
    }
}

fn set_cookies(page: &Page) -> Vec<String> {
    page.headers
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect()
}

fn starts_no_session(page: &Page) {
    let cookies = set_cookies(page);
    assert!(
        !cookies.iter().any(|c| c.starts_with("frist_session=")),
        "{cookies:?}"
    );
}

async fn app(local_passwords: bool) -> TestApp {
    spawn_app_with_oidc("roskilde", unreachable_provider(local_passwords)).await
}

#[tokio::test]
async fn the_sign_in_page_shows_the_providers_button_beside_the_password_form() {
    let app = app(true).await;
    let mut v = Visitor::new(&app);
    let page = v.get("/login?next=/sager/4").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains(BUTTON), "{}", page.html);
    assert!(
        page.html.contains(r#"href="/login/oidc?next=/sager/4""#),
        "{}",
        page.html
    );
    assert!(page.html.contains(r#"id="password""#));
}

#[tokio::test]
async fn with_passwords_turned_off_the_form_is_gone_and_a_posted_password_is_refused() {
    let app = app(false).await;
    add_user(&app, "mette", "korrekt hest batteri").await;
    let mut v = Visitor::new(&app);
    let page = v.get(paths::LOGIN).await;
    assert!(page.html.contains(BUTTON));
    assert!(!page.html.contains(r#"id="password""#), "{}", page.html);
    // The right password, with a valid CSRF token, still opens nothing.
    let csrf = v.cookies["frist_csrf"].clone();
    let refused = v
        .post(
            paths::LOGIN,
            &[
                ("csrf", &csrf),
                ("username", "mette"),
                ("password", "korrekt hest batteri"),
                ("next", ""),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert!(refused.html.contains("slået fra"), "{}", refused.html);
    starts_no_session(&refused);
}

#[tokio::test]
async fn a_provider_that_cannot_be_reached_gives_a_page_not_an_error() {
    let app = app(true).await;
    let mut v = Visitor::new(&app);
    let page = v.get("/login/oidc?next=/sager").await;
    assert_eq!(page.status, StatusCode::BAD_GATEWAY);
    assert!(page.html.contains("Log ind mislykkedes"), "{}", page.html);
    assert!(page.html.contains(r#"href="/login""#));
    starts_no_session(&page);
}

#[tokio::test]
async fn an_error_or_an_answer_nobody_waits_for_starts_no_session() {
    let app = app(true).await;
    let mut v = Visitor::new(&app);
    let cancelled = v
        .get("/login/oidc/callback?error=access_denied&state=abc")
        .await;
    assert_eq!(cancelled.status, StatusCode::FORBIDDEN);
    assert!(cancelled.html.contains("Log ind blev afbrudt"));
    starts_no_session(&cancelled);
    // A forged sign-in cookie is no sign-in.
    v.cookies
        .insert("frist_oidc".into(), "eyJzdGF0ZSI6ImFiYyJ9.AAAA".into());
    let forged = v.get("/login/oidc/callback?code=c&state=abc").await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    assert!(forged.html.contains("Log ind kunne ikke afsluttes"));
    starts_no_session(&forged);
    assert!(
        set_cookies(&forged)
            .iter()
            .any(|c| c.starts_with("frist_oidc=;") && c.contains("Max-Age=0")),
        "the sign-in cookie is removed"
    );
    // Weird query strings are pages too, never a panic.
    let odd = v.get("/login/oidc/callback?code=%FF&state").await;
    assert_eq!(odd.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn without_a_provider_there_is_no_button_and_no_route() {
    let app = spawn_app("roskilde").await;
    let mut v = Visitor::new(&app);
    let page = v.get(paths::LOGIN).await;
    assert!(!page.html.contains("/login/oidc"), "{}", page.html);
    assert!(
        !hidden_csrf(&page.html).is_empty(),
        "the password form is there"
    );
    let start = v.get(paths::LOGIN_OIDC).await;
    assert_eq!(start.status, StatusCode::NOT_FOUND);
}
