//! The staff pages, driven like a browser without JavaScript: sign-in, the session cookie,
//! CSRF refusals, the queue's order and signals, the message form and its rule check, and the
//! logged CPR reveal.

use crate::helpers::{TestApp, email, id_of, spawn_app};
use crate::pages::{Page, Visitor, hidden_csrf};
use frist_core::EventKind;
use frist_store::{Caseworker, OutboxStore, Role, Store, User};
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::{LOCATION, SET_COOKIE};
use serde_json::json;

pub(crate) async fn add_user(app: &TestApp, username: &str, password: &str) {
    let user = User {
        username: username.into(),
        role: Role::Caseworker,
        password_hash: frist_web::hash_password(password).unwrap(),
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
    };
    app.store.create_user(&user).await.unwrap();
}

pub(crate) async fn sign_in(v: &mut Visitor<'_>, username: &str, password: &str) -> Page {
    let form = v.get(paths::LOGIN).await;
    assert_eq!(form.status, StatusCode::OK);
    let csrf = hidden_csrf(&form.html);
    v.post(
        paths::LOGIN,
        &[
            ("csrf", &csrf),
            ("username", username),
            ("password", password),
            ("next", paths::QUEUE),
        ],
    )
    .await
}

/// A signed-in caseworker "mette" (Mette Hansen, unit "borgerservice").
pub(crate) async fn mette(app: &TestApp) -> Visitor<'_> {
    add_user(app, "mette", "korrekt hest batteri").await;
    app.store
        .put_caseworker(Caseworker {
            id: "mette".into(),
            name: "Mette Hansen".into(),
            unit: Some("borgerservice".into()),
            email: None,
            phone: Some("46 31 30 00".into()),
            absent: None,
        })
        .await
        .unwrap();
    let mut v = Visitor::new(app);
    let signed_in = sign_in(&mut v, "mette", "korrekt hest batteri").await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    v
}

#[tokio::test]
async fn signing_in_with_the_right_password_starts_a_ten_hour_http_only_session() {
    let app = spawn_app("roskilde").await;
    add_user(&app, "mette", "korrekt hest batteri").await;
    let mut v = Visitor::new(&app);
    let page = sign_in(&mut v, "mette", "korrekt hest batteri").await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.headers[LOCATION], paths::QUEUE);
    let cookie = page
        .headers
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("frist_session="))
        .unwrap();
    for part in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=36000"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    let token = &v.cookies["frist_session"];
    assert_eq!(token.len(), 43, "32 random bytes, base64url");
    let user = app
        .store
        .session_user(
            &frist_web::hash_token(token),
            "2026-12-24T01:59:00+01:00".parse().unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(user.username, "mette");
    assert_eq!(v.get(paths::QUEUE).await.status, StatusCode::OK);
    // Ten hours after signing in, the session is over.
    app.set_now("2026-12-24T02:00:01+01:00");
    assert_eq!(v.get(paths::QUEUE).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn a_failed_sign_in_does_not_say_whether_the_username_or_the_password_was_wrong() {
    let app = spawn_app("roskilde").await;
    add_user(&app, "mette", "korrekt hest batteri").await;
    let mut v = Visitor::new(&app);
    let wrong_password = sign_in(&mut v, "mette", "forkert").await;
    let unknown_user = sign_in(&mut v, "nogen", "korrekt hest batteri").await;
    for page in [&wrong_password, &unknown_user] {
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);
        assert!(page.html.contains("Forkert brugernavn eller adgangskode"));
        assert!(
            page.headers
                .get_all(SET_COOKIE)
                .iter()
                .all(|c| !c.to_str().unwrap().starts_with("frist_session"))
        );
    }
    assert!(!v.cookies.contains_key("frist_session"));
}

#[tokio::test]
async fn staff_pages_without_a_session_send_the_browser_to_sign_in_and_back() {
    let app = spawn_app("roskilde").await;
    let mut v = Visitor::new(&app);
    let queue = v.get("/sager?vis=alle").await;
    assert_eq!(queue.status, StatusCode::SEE_OTHER);
    assert_eq!(queue.headers[LOCATION], "/login?next=/sager%3Fvis%3Dalle");
    let inquiry = v.get("/sager/1").await;
    assert_eq!(inquiry.headers[LOCATION], "/login?next=/sager/1");
    let login = v.get("/login?next=/sager/1").await;
    assert!(login.html.contains("name=\"next\" value=\"/sager/1\""));
    let elsewhere = v.get("/login?next=//evil.example").await;
    assert!(elsewhere.html.contains("name=\"next\" value=\"/sager\""));
}

#[tokio::test]
async fn a_staff_form_posted_without_the_csrf_token_is_refused_and_changes_nothing() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let before = app.snapshot(id).await;
    let login = v
        .post(
            paths::LOGIN,
            &[("username", "mette"), ("password", "korrekt hest batteri")],
        )
        .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
    let path = paths::assign(id);
    let assign = v.post(&path, &[("csrf", "x".repeat(43).as_str())]).await;
    assert_eq!(assign.status, StatusCode::FORBIDDEN);
    let reply = v
        .post(
            &paths::message(id),
            &[("kind", "answer"), ("channel", "email"), ("body", "Svar")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let logout = v.post(paths::LOGOUT, &[]).await;
    assert_eq!(logout.status, StatusCode::FORBIDDEN);
    assert_eq!(app.snapshot(id).await, before);
}

#[tokio::test]
async fn the_queue_lists_the_nearest_deadline_first_with_its_signal_in_words() {
    let app = spawn_app("roskilde").await;
    let mut late = email("2026-12-01T10:00:00+01:00");
    late["subject"] = json!("Gammel sag");
    let late = app.create(&late).await;
    let mut fresh = email("2026-12-23T10:00:00+01:00");
    fresh["subject"] = json!("Ny sag om 010190-1234");
    let fresh = app.create(&fresh).await;
    let mut v = mette(&app).await;
    let mine = v.get(paths::QUEUE).await;
    assert!(
        mine.html.contains("Der er ingen sager her."),
        "nothing is assigned to mette"
    );
    let all = v.get("/sager?vis=alle").await;
    assert_eq!(all.status, StatusCode::OK);
    let html = &all.html;
    let first = html.find(late["reference"].as_str().unwrap()).unwrap();
    let second = html.find(fresh["reference"].as_str().unwrap()).unwrap();
    assert!(first < second, "the overdue inquiry comes first");
    assert!(html.contains("<caption"));
    assert!(html.contains("<th scope=\"col\">"));
    assert!(html.contains("Overskredet"));
    assert!(html.contains("arbejdsdage over fristen"));
    assert!(html.contains("I god tid"));
    assert!(html.contains("010190-XXXX") && !html.contains("010190-1234"));
    let english = v.get("/sager?vis=alle&lang=en").await;
    assert!(english.html.contains("Overdue") && english.html.contains("On track"));
}

#[tokio::test]
async fn the_at_risk_filter_lists_rows_that_say_at_risk() {
    let app = spawn_app("roskilde").await;
    // Received Tuesday 22 December: ROS-1's two working days end Monday 28 December, the
    // next working day after "now" (Wednesday 23rd; the 24th–27th are off).
    let risky = app.create(&email("2026-12-22T10:00:00+01:00")).await;
    let mut v = mette(&app).await;
    let list = v.get("/sager?vis=alle&frist=fare").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.html.contains(risky["reference"].as_str().unwrap()));
    assert!(list.html.contains("I fare"), "{}", list.html);
    assert!(!list.html.contains("I god tid"), "{}", list.html);
}

#[tokio::test]
async fn a_message_the_rules_block_is_shown_again_with_the_rule_and_everything_typed() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.html
            .contains("<option value=\"mette\" selected>Mette Hansen"),
        "the caseworker is chosen from the directory, the signed-in user first: {}",
        page.html
    );
    let csrf = hidden_csrf(&page.html);
    let before = app.snapshot(id).await;
    let refused = v
        .post(
            &paths::message(id),
            &[
                ("csrf", &csrf),
                ("kind", "decision"),
                ("channel", "email"),
                ("body", "Du får ikke tilladelse <script>alert(1)</script>."),
                ("caseworker", "mette"),
                ("contact", "Mette Hansen, 46 31 30 00"),
                ("next_step", "Ingen"),
                ("expected", ""),
                ("appealable", "on"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.html.contains("Beskeden er ikke sendt"));
    assert!(
        refused.html.contains("complaint_guidance, FVL-25"),
        "{}",
        refused.html
    );
    assert!(refused.html.contains("klagevejledning"));
    assert!(
        refused
            .html
            .contains("Du får ikke tilladelse &#60;script&#62;alert(1)&#60;/script&#62;.")
            || refused
                .html
                .contains("Du får ikke tilladelse &lt;script&gt;")
    );
    let decision = refused
        .html
        .split("<option value=\"decision\"")
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or_default();
    assert!(decision.ends_with(" selected"), "{decision}");
    assert!(
        refused
            .html
            .contains("name=\"appealable\" type=\"checkbox\" checked")
    );
    assert_eq!(app.snapshot(id).await, before, "nothing was stored");
}

#[tokio::test]
async fn an_acknowledgment_sent_from_the_page_is_stored_with_the_caseworker_as_actor() {
    let app = spawn_app("roskilde").await;
    let id = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let mut v = mette(&app).await;
    let assign_page = v.get(&paths::inquiry(id)).await;
    let csrf = hidden_csrf(&assign_page.html);
    let assigned = v.post(&paths::assign(id), &[("csrf", &csrf)]).await;
    assert_eq!(assigned.status, StatusCode::SEE_OTHER);
    let page = v.get(&paths::inquiry(id)).await;
    let inquiry = app.store.get_inquiry(id).await.unwrap().inquiry;
    assert_eq!(inquiry.caseworker.as_deref(), Some("mette"));
    let answer_due = inquiry
        .obligations
        .iter()
        .find(|o| o.requires == frist_policy::Requirement::Answer)
        .unwrap()
        .due_date
        .to_string();
    assert!(
        page.html.contains(&format!("value=\"{answer_due}\"")),
        "expected date = answer deadline"
    );
    let sent = v
        .post(
            &paths::message(id),
            &[
                ("csrf", &csrf),
                ("kind", "acknowledgment"),
                ("channel", "email"),
                (
                    "body",
                    "Tak for din henvendelse. Mette Hansen behandler den.",
                ),
                ("caseworker", "mette"),
                ("contact", "Mette Hansen, 46 31 30 00"),
                ("next_step", "Vi ser på sagen."),
                ("expected", &answer_due),
            ],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.html);
    // By e-mail: into the outbox, not yet on the inquiry. This app has no SMTP, and says so.
    assert_eq!(
        sent.headers.get("location").unwrap().to_str().unwrap(),
        format!("/sager/{id}?koe=0")
    );
    let events = app.store.events(id).await.unwrap();
    assert!(
        !events
            .iter()
            .any(|e| matches!(e.kind, EventKind::MessageSent { .. })),
        "recorded only when the server accepted it"
    );
    let queued = app.store.outbox_for_inquiry(id).await.unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].state, frist_store::OutboxState::Queued);
    let item = app.store.outbox_item(queued[0].id).await.unwrap();
    assert_eq!(item.recipient, "karen@example.dk");
    assert!(
        item.message_id.contains(
            &app.store
                .get_inquiry(id)
                .await
                .unwrap()
                .inquiry
                .reference
                .to_string()
        )
    );
    let shown = v.get(&format!("/sager/{id}?koe=0")).await;
    assert!(shown.html.contains("ikke sendt"), "{}", shown.html);

    // Delivered (as the dispatcher does): now it is on the inquiry, by the caseworker.
    let now: jiff::Timestamp = "2026-12-23T16:00:05+01:00".parse().unwrap();
    app.store
        .claim_due(now, &[frist_policy::Channel::Email], 10)
        .await
        .unwrap();
    app.store.mark_sent(item.id, now).await.unwrap();
    let events = app.store.events(id).await.unwrap();
    let last = events.last().unwrap();
    assert_eq!(last.actor.as_deref(), Some("mette"));
    let EventKind::MessageSent { message, .. } = &last.kind else {
        panic!("{last:?}")
    };
    assert_eq!(message.caseworker.as_deref(), Some("Mette Hansen"));
    assert_eq!(
        message.expected_answer_date.unwrap().to_string(),
        answer_due
    );
}

#[tokio::test]
async fn revealing_the_cpr_number_is_logged_and_every_view_of_the_body_too() {
    let app = spawn_app("roskilde").await;
    let mut case = email("2026-12-23T10:00:00+01:00");
    case["sender"]["cpr"] = json!("010190-1234");
    let id = id_of(&app.create(&case).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    assert!(page.html.contains("010190-XXXX"));
    assert!(!page.html.contains("010190-1234"));
    assert!(page.html.contains("Vis CPR-nummer"));
    let whats = |log: Vec<frist_store::AccessEntry>| {
        log.into_iter()
            .filter(|e| e.viewer == "mette")
            .map(|e| e.what)
            .collect::<Vec<_>>()
    };
    assert_eq!(whats(app.store.access_log(id).await.unwrap()), ["body"]);
    let csrf = hidden_csrf(&page.html);
    let revealed = v.post(&paths::reveal(id), &[("csrf", &csrf)]).await;
    assert_eq!(revealed.status, StatusCode::OK);
    assert!(revealed.html.contains("010190-1234"));
    assert_eq!(
        whats(app.store.access_log(id).await.unwrap()),
        ["body", "cpr"]
    );
    // A reveal without the form's token shows nothing and logs nothing.
    let forged = v.post(&paths::reveal(id), &[]).await;
    assert_eq!(forged.status, StatusCode::FORBIDDEN);
    assert!(!forged.html.contains("010190-1234"));
    assert_eq!(whats(app.store.access_log(id).await.unwrap()).len(), 2);
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = spawn_app("roskilde").await;
    let mut v = mette(&app).await;
    let queue = v.get(paths::QUEUE).await;
    let csrf = hidden_csrf(&queue.html);
    let token = v.cookies["frist_session"].clone();
    let out = v.post(paths::LOGOUT, &[("csrf", &csrf)]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(v.cookies["frist_session"].is_empty());
    v.cookies.insert("frist_session".into(), token);
    assert_eq!(v.get(paths::QUEUE).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn behind_an_https_proxy_every_cookie_is_secure_and_over_plain_http_none_is() {
    let app = spawn_app("roskilde").await;
    add_user(&app, "mette", "korrekt hest batteri").await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let cookies = |response: &reqwest::Response| -> Vec<String> {
        response
            .headers()
            .get_all(SET_COOKIE)
            .iter()
            .map(|c| c.to_str().unwrap().to_owned())
            .collect()
    };
    for (proxy_says, secure) in [(Some("https"), true), (Some("http"), false), (None, false)] {
        let mut get = client.get(format!("{}/login?lang=en", app.address));
        if let Some(proto) = proxy_says {
            get = get.header("x-forwarded-proto", proto);
        }
        let form = get.send().await.unwrap();
        let set = cookies(&form);
        assert!(set.iter().any(|c| c.starts_with("frist_csrf=")), "{set:?}");
        assert!(set.iter().any(|c| c.starts_with("frist_lang=")), "{set:?}");
        assert!(
            set.iter().all(|c| c.contains("; Secure") == secure),
            "{set:?}"
        );
        let csrf = hidden_csrf(&form.text().await.unwrap());
        let mut post = client
            .post(format!("{}/login", app.address))
            .header("cookie", format!("frist_csrf={csrf}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!(
                "csrf={csrf}&username=mette&password=korrekt+hest+batteri"
            ));
        if let Some(proto) = proxy_says {
            post = post.header("forwarded", format!("for=10.0.0.1;proto={proto}"));
        }
        let signed_in = post.send().await.unwrap();
        assert_eq!(signed_in.status(), StatusCode::SEE_OTHER);
        let session = cookies(&signed_in)
            .into_iter()
            .find(|c| c.starts_with("frist_session="))
            .unwrap();
        assert_eq!(session.contains("; Secure"), secure, "{session}");
    }
}

#[tokio::test]
async fn ten_failed_sign_ins_refuse_that_username_for_a_quarter_of_an_hour() {
    let app = spawn_app("roskilde").await;
    add_user(&app, "mette", "korrekt hest batteri").await;
    add_user(&app, "lars", "en anden god adgangskode").await;
    let mut v = Visitor::new(&app);
    for _ in 0..10 {
        let page = sign_in(&mut v, "mette", "gæt").await;
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    }
    // Now even the right password is refused, and the page says why, without a session.
    let refused = sign_in(&mut v, "mette", "korrekt hest batteri").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.html.contains("For mange mislykkede forsøg"),
        "{}",
        refused.html
    );
    assert!(!v.cookies.contains_key("frist_session"));
    // Another username is not affected.
    let lars = sign_in(&mut v, "lars", "en anden god adgangskode").await;
    assert_eq!(lars.status, StatusCode::SEE_OTHER);
    // A quarter of an hour after the first failure, the right password works again.
    app.set_now("2026-12-23T16:30:00+01:00");
    let later = sign_in(&mut Visitor::new(&app), "mette", "korrekt hest batteri").await;
    assert_eq!(later.status, StatusCode::SEE_OTHER);
}
