//! The public citizen pages, driven like a browser without JavaScript: cookies kept by hand,
//! forms posted url-encoded, HTML read as text.

use crate::helpers::{TestApp, spawn_app};
use frist_core::{Event, EventKind, MessageKind, OutgoingMessage};
use frist_policy::Channel;
use frist_store::Store;
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_LANGUAGE, CONTENT_TYPE, COOKIE, LOCATION, SET_COOKIE};
use std::collections::BTreeMap;

/// A visitor: the cookies their browser holds.
pub struct Visitor<'a> {
    app: &'a TestApp,
    pub cookies: BTreeMap<String, String>,
    client: reqwest::Client,
}

pub struct Page {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub html: String,
}

impl<'a> Visitor<'a> {
    pub fn new(app: &'a TestApp) -> Self {
        Visitor {
            app,
            cookies: BTreeMap::new(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        }
    }

    fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn finish(&mut self, response: reqwest::Response) -> Page {
        for value in response.headers().get_all(SET_COOKIE) {
            let pair = value.to_str().unwrap().split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            self.cookies.insert(k.to_owned(), v.to_owned());
        }
        Page {
            status: response.status(),
            headers: response.headers().clone(),
            html: response.text().await.unwrap(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Page {
        let response = self
            .client
            .get(self.app.url(path))
            .header(COOKIE, self.cookie_header())
            .send()
            .await
            .unwrap();
        self.finish(response).await
    }

    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let response = self
            .client
            .post(self.app.url(path))
            .header(COOKIE, self.cookie_header())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(encode(fields))
            .send()
            .await
            .unwrap();
        self.finish(response).await
    }

    /// Opens the form and posts it with the page's own CSRF token.
    pub async fn write(&mut self, fields: &[(&str, &str)]) -> Page {
        let form = self.get(paths::WRITE).await;
        assert_eq!(form.status, StatusCode::OK);
        let token = hidden_csrf(&form.html);
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post(paths::WRITE, &all).await
    }
}

fn encode(fields: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(fields).unwrap()
}

pub fn hidden_csrf(html: &str) -> String {
    let start = html.find("name=\"csrf\" value=\"").unwrap() + 19;
    html[start..start + 43].to_owned()
}

pub fn status_path(receipt: &str) -> String {
    let start = receipt.find("href=\"/status/").unwrap() + 6;
    let end = start + receipt[start..].find('"').unwrap();
    receipt[start..end].to_owned()
}

const GOOD: [(&str, &str); 7] = [
    ("kind", "general_question"),
    ("subject", "Affald"),
    ("message", "Min skraldespand blev ikke tømt i går."),
    ("name", "Karen Jensen"),
    ("email", "karen@example.dk"),
    ("phone", ""),
    ("cpr", ""),
];

pub fn with<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    GOOD.iter()
        .map(|(k, v)| {
            changes
                .iter()
                .find(|(ck, _)| ck == k)
                .map_or((*k, *v), |c| *c)
        })
        .collect()
}

async fn only_inquiry(app: &TestApp) -> frist_store::StoredInquiry {
    let page = app
        .store
        .list_inquiries(&Default::default(), None, 10)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    app.store.get_inquiry(page.items[0].id).await.unwrap()
}

/// How many times the test's script appears as escaped text.
fn escaped_scripts(html: &str) -> usize {
    html.matches("&#60;script&#62;alert(1)&#60;/script&#62;")
        .count()
        + html
            .matches("&lt;script&gt;alert(1)&lt;/script&gt;")
            .count()
}

fn answer(body: &str) -> Event {
    Event {
        at: "2026-12-28T10:00:00+01:00".parse().unwrap(),
        actor: Some("case".into()),
        kind: EventKind::MessageSent {
            outbox_id: None,
            message: OutgoingMessage {
                kind: MessageKind::Answer,
                channel: Channel::Email,
                body: body.into(),
                caseworker: Some("Mette Hansen".into()),
                contact: Some("46 31 30 00".into()),
                next_step: None,
                expected_answer_date: None,
                appealable: false,
                complaint_guidance: None,
            },
        },
    }
}

#[tokio::test]
async fn a_citizen_writes_to_the_municipality_and_follows_the_inquiry_on_the_status_page() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    let receipt = me.write(&with(&[("cpr", "010203-1234")])).await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.html);
    assert!(receipt.html.contains("ROS-2026-"), "{}", receipt.html);

    let stored = only_inquiry(&app).await;
    let received = &stored.inquiry.received;
    assert_eq!(received.channel, Channel::WebForm);
    assert_eq!(received.kind, frist_policy::InquiryKind::GeneralQuestion);
    assert_eq!(received.to, frist_policy::Addressee::General);
    assert_eq!(received.received_at, crate::helpers::START.parse().unwrap());
    assert_eq!(
        received.sender.cpr.as_ref().unwrap().birth_date(),
        jiff::civil::date(1903, 2, 1)
    );
    assert_eq!(received.sender.email.as_deref(), Some("karen@example.dk"));

    let status = me.get(&status_path(&receipt.html)).await;
    assert_eq!(status.status, StatusCode::OK);
    let reference = stored.inquiry.reference.to_string();
    assert!(status.html.contains(&reference));
    assert!(status.html.contains("Affald"));
    assert!(
        status
            .html
            .contains("Vi har endnu ikke åbnet din henvendelse")
    );
    assert!(!status.html.contains("0102031234") && !status.html.contains("010203-1234"));
    assert!(!receipt.html.contains("0102031234") && !receipt.html.contains("010203-1234"));
}

#[tokio::test]
async fn only_the_hash_of_the_status_token_is_stored() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    let receipt = me.write(&GOOD).await;
    let path = status_path(&receipt.html);
    let token = path.trim_start_matches("/status/");
    assert_eq!(token.len(), 43);
    let id = only_inquiry(&app).await.id;
    assert_eq!(
        app.store
            .status_link(&frist_web::hash_token(token))
            .await
            .unwrap(),
        id
    );
    assert!(app.store.status_link(token).await.is_err());
}

#[tokio::test]
async fn a_form_with_missing_fields_keeps_what_was_typed_and_names_each_problem() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    let page = me
        .write(&with(&[("name", ""), ("email", ""), ("subject", "Vej")]))
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.html.contains("Min skraldespand blev ikke tømt i går."));
    assert!(page.html.contains("value=\"Vej\""));
    assert!(page.html.contains("<a href=\"#name\">Skriv dit navn.</a>"));
    assert!(page.html.contains("id=\"name-error\""));
    assert!(page.html.contains("aria-describedby=\"name-error\""));
    assert!(
        page.html
            .contains("<a href=\"#email\">Skriv din e-mail eller dit telefonnummer")
    );
    assert!(page.html.contains("<title>Fejl: "));
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn a_post_without_a_valid_csrf_token_is_refused_and_stores_nothing() {
    let app = spawn_app("roskilde").await;
    let mut stranger = Visitor::new(&app);
    let page = stranger.post(paths::WRITE, &GOOD).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(page.html.contains("Vi kunne ikke modtage formularen"));

    let mut me = Visitor::new(&app);
    me.get(paths::WRITE).await;
    let mut forged = vec![("csrf", "A".repeat(43))];
    forged.extend(GOOD.iter().map(|(k, v)| (*k, (*v).to_owned())));
    let fields: Vec<(&str, &str)> = forged.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        me.post(paths::WRITE, &fields).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(app.count().await, 0);
}

#[tokio::test]
async fn an_unknown_status_link_is_a_plain_404_that_reveals_nothing() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    me.write(&GOOD).await;
    for path in [
        format!("/status/{}", "A".repeat(43)),
        "/status/nonsense".to_owned(),
        "/status/..%2F..%2Fetc".to_owned(),
    ] {
        let page = me.get(&path).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.html.contains("Siden findes ikke"));
        assert!(!page.html.contains("ROS-2026"));
        assert!(!page.html.contains("Affald"));
    }
}

#[tokio::test]
async fn once_closed_the_citizen_can_rate_the_service_once() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    let receipt = me.write(&GOOD).await;
    let path = status_path(&receipt.html);
    let before = me.get(&path).await;
    assert!(!before.html.contains("name=\"score\""));

    let id = only_inquiry(&app).await.id;
    app.store
        .append_event(id, answer("Vi tømmer den i morgen."))
        .await
        .unwrap();
    // The citizen rates after the answer: events are in time order.
    app.set_now("2026-12-28T11:00:00+01:00");
    let answered = me.get(&path).await;
    assert!(answered.html.contains("Besvaret."));
    assert!(answered.html.contains("Vi tømmer den i morgen."));
    assert!(answered.html.contains("Mette Hansen"));
    assert!(
        !answered.html.contains("name=\"score\""),
        "satisfaction is asked after closing (SKA-9), not after the answer"
    );
    let closing = Event {
        at: "2026-12-28T10:30:00+01:00".parse().unwrap(),
        actor: Some("case".into()),
        kind: EventKind::Closed {
            reason: frist_core::CloseReason::Answered,
        },
    };
    app.store.append_event(id, closing).await.unwrap();
    let answered = me.get(&path).await;
    assert!(answered.html.contains("<legend class=\"form-label\">"));
    assert!(answered.html.contains("name=\"score\""));
    let csrf = hidden_csrf(&answered.html);
    let feedback = format!("{path}/feedback");

    let missing = me
        .post(&feedback, &[("csrf", &csrf), ("comment", "Fint")])
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.html.contains("Vælg et tal fra 1 til 5."));
    assert!(missing.html.contains(">Fint</textarea>"));

    let sent = me
        .post(
            &feedback,
            &[("csrf", &csrf), ("score", "4"), ("comment", "Hurtigt svar")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let location = sent.headers[LOCATION].to_str().unwrap().to_owned();
    let thanked = me.get(&location).await;
    assert!(thanked.html.contains("Tak for din vurdering"));
    assert!(!thanked.html.contains("name=\"score\""));

    let events = app.store.events(id).await.unwrap();
    let feedback_events: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::FeedbackReceived { score, comment, .. } => Some((*score, comment.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        feedback_events,
        [(Some(4), Some("Hurtigt svar".to_owned()))]
    );

    // A second rating changes nothing.
    me.post(&feedback, &[("csrf", &csrf), ("score", "1")]).await;
    assert_eq!(app.store.events(id).await.unwrap().len(), events.len());
}

#[tokio::test]
async fn script_in_a_message_or_a_name_is_shown_as_text() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    let script = "<script>alert(1)</script>";
    let again = me
        .write(&with(&[
            ("name", script),
            ("message", script),
            ("email", ""),
        ]))
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!again.html.contains("<script"));
    assert_eq!(escaped_scripts(&again.html), 2, "{}", again.html);

    let receipt = me.write(&with(&[("subject", script)])).await;
    let path = status_path(&receipt.html);
    let id = only_inquiry(&app).await.id;
    app.store.append_event(id, answer(script)).await.unwrap();
    let status = me.get(&path).await;
    assert!(!status.html.contains("<script"), "{}", status.html);
    // In the subject and in the answer.
    assert_eq!(escaped_scripts(&status.html), 2);
}

#[tokio::test]
async fn pages_are_danish_by_default_and_english_by_toggle_or_accept_language() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    let danish = me.get("/").await;
    assert!(danish.html.contains("<html lang=\"da\">"));
    assert!(danish.html.contains("href=\"/?lang=en\""));
    assert!(danish.html.contains("Tilgængelighedserklæring"));
    assert!(danish.html.contains("46 31 30 00"));

    let english = me.get("/forventninger?lang=en").await;
    assert!(english.html.contains("<html lang=\"en\">"));
    assert!(english.html.contains("What you can expect from us"));
    // The choice holds on the next page without the parameter.
    let next = me.get(paths::WRITE).await;
    assert!(next.html.contains("Write to the municipality"));
    assert!(
        me.get("/?lang=da")
            .await
            .html
            .contains("<html lang=\"da\">")
    );

    let asked = app
        .client
        .get(app.url(paths::ACCESSIBILITY))
        .header(ACCEPT_LANGUAGE, "en-GB,en;q=0.9,da;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(asked.contains("Accessibility statement"));
}

#[tokio::test]
async fn german_is_chosen_by_toggle_or_accept_language_and_staff_pages_stay_danish() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    let goals = me.get(&format!("{}?lang=de", paths::GOALS)).await;
    assert!(goals.html.contains("<html lang=\"de\">"));
    assert!(
        goals
            .html
            .contains("Was Sie von Roskilde Kommune erwarten können")
    );
    assert!(
        goals
            .html
            .contains("lang=\"de\" hreflang=\"de\" aria-current=\"true\">Deutsch</a>")
    );
    // A staff page has no German catalogue: it is Danish throughout, and its switcher offers
    // only the languages it has.
    let login = me.get(paths::LOGIN).await;
    assert!(login.html.contains("<html lang=\"da\">"));
    assert!(login.html.contains("Log ind"));
    assert!(!login.html.contains("Deutsch"));

    let asked = app
        .client
        .get(app.url(paths::WRITE))
        .header(ACCEPT_LANGUAGE, "de-AT,de;q=0.9,en;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(asked.contains("Schreiben Sie der Gemeinde"));
}

#[tokio::test]
async fn the_service_goals_page_is_the_policys_own_explanation() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    let page = me.get(paths::GOALS).await;
    assert_eq!(page.status, StatusCode::OK);
    let explanation = frist_policy::Explanation::of(&app.policy.policy, frist_i18n::Lang::Da);
    for section in &explanation.sections {
        assert!(page.html.contains(&section.heading), "{}", section.heading);
    }
}

#[tokio::test]
async fn pages_carry_security_headers_and_are_not_cached() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    for path in [
        "/",
        paths::WRITE,
        paths::GOALS,
        paths::ACCESSIBILITY,
        paths::PRIVACY,
        "/status/x",
    ] {
        let page = me.get(path).await;
        let h = &page.headers;
        assert_eq!(
            h["content-security-policy"]
                .to_str()
                .unwrap()
                .split(';')
                .next(),
            Some("default-src 'self'"),
            "{path}"
        );
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert_eq!(h["referrer-policy"], "no-referrer");
        assert_eq!(h["cache-control"], "no-store");
    }
    for (path, content_type) in [
        (paths::STYLESHEET, "text/css"),
        (paths::CITIZEN_STYLESHEET, "text/css"),
        (paths::DKFDS_STYLESHEET, "text/css"),
        (paths::DKFDS_ICONS, "image/svg+xml"),
        (
            "/static/dkfds/fonts/IBMPlexSans-Regular.woff2",
            "font/woff2",
        ),
    ] {
        let file = me.get(path).await;
        assert_eq!(file.status, StatusCode::OK, "{path}");
        assert!(
            file.headers[CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(content_type),
            "{path}"
        );
        assert!(file.headers.contains_key("cache-control"), "{path}");
    }
    for missing in ["/static/dkfds/nothing.css", "/static/dkfds/..%2Ffrist.css"] {
        assert_eq!(
            me.get(missing).await.status,
            StatusCode::NOT_FOUND,
            "{missing}"
        );
    }
}

#[tokio::test]
async fn citizen_pages_wear_dkfds_and_link_the_accessibility_and_privacy_pages() {
    let app = spawn_app("roskilde").await;
    let mut me = Visitor::new(&app);
    let front = me.get("/").await;
    assert!(
        front
            .html
            .contains(&format!("href=\"{}\"", paths::DKFDS_STYLESHEET))
    );
    assert!(front.html.contains("<header class=\"header\">"));
    assert!(front.html.contains("Kontakt kommunen"));
    assert!(front.html.contains(&format!("href=\"{}\"", paths::PRIVACY)));
    assert!(
        front
            .html
            .contains(&format!("href=\"{}\"", paths::ACCESSIBILITY))
    );
    // No inline style or script: the CSP would refuse them.
    assert!(!front.html.contains("style="), "{}", front.html);
    assert!(!front.html.contains("<script"), "{}", front.html);

    let privacy = me.get(paths::PRIVACY).await;
    assert_eq!(privacy.status, StatusCode::OK);
    assert!(privacy.html.contains("<h1>Privatliv og cookies</h1>"));
    assert!(privacy.html.contains("to cookies"), "{}", privacy.html);
    let german = me.get(&format!("{}?lang=de", paths::PRIVACY)).await;
    assert!(german.html.contains("<h1>Datenschutz und Cookies</h1>"));
}
