//! How the pages fail: an unknown page is an HTML 404 in the reader's language for a browser
//! (the API keeps its problem documents), a 500 shows nothing internal, and a scan upload is
//! refused (no CSRF token, too large) before its body is read.

use crate::helpers::{TestApp, id_of, spawn_app};
use crate::pages::{Visitor, hidden_csrf};
use crate::staff::{mette, sign_in};
use frist_store::{Role, ScanStore, Store, User};
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, ACCEPT_LANGUAGE, CONTENT_TYPE};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// What a browser sends for a page.
const BROWSER_ACCEPT: &str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

async fn browse(app: &TestApp, path: &str, lang: &str) -> reqwest::Response {
    app.client
        .get(app.url(path))
        .header(ACCEPT, BROWSER_ACCEPT)
        .header(ACCEPT_LANGUAGE, lang)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_browser_asking_for_an_unknown_page_gets_an_html_404_in_danish() {
    let app = spawn_app("roskilde").await;
    let response = browse(&app, "/findes-ikke", "da").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert!(
        response.headers()[CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(response.headers().contains_key("content-security-policy"));
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"da\">"), "{html}");
    assert!(html.contains("Siden findes ikke"), "{html}");
    // The citizens' frame: the navigation to the form and the footer with the municipality.
    assert!(
        html.contains(&format!("href=\"{}\"", paths::WRITE)),
        "{html}"
    );
    assert!(html.contains("Roskilde Kommune"), "{html}");
    assert!(html.contains(&format!("href=\"{}\"", paths::ACCESSIBILITY)));
}

#[tokio::test]
async fn a_browser_asking_for_an_unknown_page_gets_an_html_404_in_english() {
    let app = spawn_app("roskilde").await;
    for path in ["/findes-ikke", "/sager/findes-ikke/x"] {
        let response = browse(&app, path, "en-GB,en;q=0.9").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("<html lang=\"en\">"), "{path}: {html}");
        assert!(html.contains("Page not found"), "{path}: {html}");
        assert!(!html.contains("Siden findes ikke"), "{path}");
    }
}

#[tokio::test]
async fn a_browser_asking_for_an_unknown_page_gets_an_html_404_in_german() {
    let app = spawn_app("roskilde").await;
    // A staff address too: the plain page speaks the citizen catalogue, which has German.
    for path in ["/findes-ikke", "/sager/findes-ikke/x"] {
        let response = browse(&app, path, "de-DE,de;q=0.9").await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("<html lang=\"de\">"), "{path}: {html}");
        assert!(html.contains("Seite nicht gefunden"), "{path}: {html}");
        assert!(!html.contains("Siden findes ikke"), "{path}");
    }
}

#[tokio::test]
async fn an_unknown_path_under_the_api_stays_a_problem_document() {
    let app = spawn_app("roskilde").await;
    for response in [
        browse(&app, "/api/v1/findes-ikke", "da").await,
        // A client that does not ask for HTML gets the API's answer anywhere.
        app.client
            .get(app.url("/findes-ikke"))
            .send()
            .await
            .unwrap(),
    ] {
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert_eq!(response.headers()[CONTENT_TYPE], "application/problem+json");
        let problem: serde_json::Value = response.json().await.unwrap();
        assert_eq!(problem["status"], 404);
    }
}

#[tokio::test]
async fn a_page_that_fails_inside_says_so_in_words_and_shows_nothing_internal() {
    let app = spawn_app("roskilde").await;
    let lead = User {
        username: "lars".into(),
        role: Role::Lead,
        password_hash: frist_web::hash_password("en god lang adgangskode").unwrap(),
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
    };
    app.store.create_user(&lead).await.unwrap();
    // Past the end of the working-day calendar the dashboard cannot count: an internal error.
    app.set_now("2250-06-01T10:00:00+02:00");
    let mut v = Visitor::new(&app);
    sign_in(&mut v, "lars", "en god lang adgangskode").await;
    let page = v.get(paths::DASHBOARD).await;
    assert_eq!(
        page.status,
        StatusCode::INTERNAL_SERVER_ERROR,
        "{}",
        page.html
    );
    assert!(page.html.contains("Der skete en fejl"), "{}", page.html);
    assert!(page.html.contains("Roskilde Kommune"));
    assert!(!page.html.contains("calendar"), "{}", page.html);
    assert!(!page.html.contains("outside"), "{}", page.html);
}

/// Sends the head of a multipart post and only `sent` bytes of its body, then waits for the
/// answer: a server that read the body before answering would wait for the rest in vain.
async fn post_without_finishing(
    app: &TestApp,
    path: &str,
    cookie: &str,
    lang: &str,
    declared: usize,
) -> (u16, String) {
    let address = app.address.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {address}\r\nCookie: {cookie}\r\n\
         Accept: {BROWSER_ACCEPT}\r\nAccept-Language: {lang}\r\n\
         Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {declared}\r\n\r\n\
         --b\r\nContent-Disposition: form-data; name=\"scan\"; filename=\"x.pdf\"\r\n\
         Content-Type: application/pdf\r\n\r\n%PDF-1.7\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 8192];
    let read = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            match stream.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    answer.extend_from_slice(&buffer[..n]);
                    let text = String::from_utf8_lossy(&answer);
                    if text.contains("</html>")
                        || (text.contains("\r\n\r\n") && text.contains("content-length: 0"))
                    {
                        break;
                    }
                }
            }
        }
    })
    .await;
    assert!(read.is_ok(), "no answer before the body was sent");
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    (status, text)
}

/// An inquiry received on paper and Mette, signed in: her cookies as one header, and the
/// upload form's address as the inquiry page gives it.
async fn letter_and_uploader(app: &TestApp) -> (i64, String, String) {
    let letter = serde_json::json!({
        "channel": "letter", "received_at": "2026-12-23T10:00:00+01:00",
        "subject": "Ansøgning", "body": "", "sender": {"name": "Karen Jensen"},
    });
    let id = id_of(&app.create(&letter).await);
    let mut v = mette(app).await;
    let page = v.get(&paths::inquiry(id)).await;
    let csrf = hidden_csrf(&page.html);
    let action = format!("{}?csrf={csrf}", paths::scan_upload(id));
    assert!(page.html.contains(&action), "{}", page.html);
    let cookie = v
        .cookies
        .iter()
        .map(|(k, val)| format!("{k}={val}"))
        .collect::<Vec<_>>()
        .join("; ");
    (id, cookie, action)
}

#[tokio::test]
async fn an_oversized_scan_is_refused_with_413_in_the_readers_language_before_it_is_read() {
    let app = spawn_app("roskilde").await;
    let (id, cookie, action) = letter_and_uploader(&app).await;
    let (status, answer) = post_without_finishing(&app, &action, &cookie, "da", 30_000_000).await;
    assert_eq!(status, 413, "{answer}");
    assert!(answer.contains("Filen er for stor"), "{answer}");
    assert!(
        !answer.contains("udløbet"),
        "not the expired-form page: {answer}"
    );
    let (status, answer) = post_without_finishing(&app, &action, &cookie, "en", 30_000_000).await;
    assert_eq!(status, 413, "{answer}");
    assert!(answer.contains("The file is too large"), "{answer}");
    let (status, answer) = post_without_finishing(&app, &action, &cookie, "de", 30_000_000).await;
    assert_eq!(status, 413, "{answer}");
    assert!(answer.contains("Die Datei ist zu groß"), "{answer}");
    assert!(app.store.scans_of_inquiry(id).await.unwrap().is_empty());
}

#[tokio::test]
async fn a_scan_upload_without_the_csrf_token_is_refused_before_the_body_is_read() {
    let app = spawn_app("roskilde").await;
    let (id, cookie, _) = letter_and_uploader(&app).await;
    for path in [
        paths::scan_upload(id),
        format!("{}?csrf={}", paths::scan_upload(id), "A".repeat(43)),
    ] {
        let (status, answer) = post_without_finishing(&app, &path, &cookie, "da", 1_000_000).await;
        assert_eq!(status, 403, "{path}: {answer}");
        assert!(
            answer.contains("Vi kunne ikke modtage formularen"),
            "{answer}"
        );
    }
    // Without a session, nothing is read either: the browser is sent to sign in.
    let csrf_only = cookie
        .split("; ")
        .filter(|c| c.starts_with("frist_csrf="))
        .collect::<Vec<_>>()
        .join("; ");
    let token = csrf_only.trim_start_matches("frist_csrf=");
    let path = format!("{}?csrf={token}", paths::scan_upload(id));
    let (status, answer) = post_without_finishing(&app, &path, &csrf_only, "da", 1_000_000).await;
    assert_eq!(status, 303, "{answer}");
    assert!(app.store.scans_of_inquiry(id).await.unwrap().is_empty());
}
