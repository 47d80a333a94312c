//! Message templates administrators edit on `/admin/skabeloner`: an edit for a case type shows
//! in the reply form of that case type's inquiries and no other; a text with a placeholder its
//! kind does not fill in, or none at all, is refused in Danish with nothing stored; "gendan
//! standard" brings the standard text back; and only administrators get the pages.

use crate::helpers::{TestApp, email, id_of, spawn_app};
use crate::pages::{Page, Visitor, hidden_csrf};
use crate::staff::{mette, sign_in};
use crate::staff_templates::option_data;
use frist_store::{Role, Store, User};
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::LOCATION;

async fn admin(app: &TestApp) -> Visitor<'_> {
    let user = User {
        username: "anne".into(),
        role: Role::Admin,
        password_hash: frist_web::hash_password("korrekt hest batteri").unwrap(),
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
    };
    app.store.create_user(&user).await.unwrap();
    let mut v = Visitor::new(app);
    let signed_in = sign_in(&mut v, "anne", "korrekt hest batteri").await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    v
}

const BYG: &str = "Vi har set på din byggesag {reference}. {caseworker} har den.";

async fn save(v: &mut Visitor<'_>, case_type: &str, body: &str) -> Page {
    let form = v
        .get(&paths::admin_template("answer", Some(case_type), "da"))
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.html);
    let csrf = hidden_csrf(&form.html);
    v.post(
        paths::ADMIN_TEMPLATE,
        &[
            ("csrf", csrf.as_str()),
            ("kind", "answer"),
            ("case_type", case_type),
            ("lang", "da"),
            ("body", body),
        ],
    )
    .await
}

#[tokio::test]
async fn an_edit_for_a_case_type_shows_in_its_inquiries_reply_form_and_not_in_others() {
    let app = spawn_app("roskilde-sagstyper").await;
    let mut a = admin(&app).await;
    let saved = save(&mut a, "byggetilladelse", BYG).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.html);
    let list = a.get(saved.headers[LOCATION].to_str().unwrap()).await;
    assert!(list.html.contains("Skabelonen er gemt."), "{}", list.html);
    assert!(
        list.html.contains("<strong>Redigeret</strong>"),
        "{}",
        list.html
    );
    let stored = app.store.templates().await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].changed_by, "anne");

    let mut building = email("2026-12-23T10:00:00+01:00");
    building["case_type"] = serde_json::json!("byggetilladelse");
    building["kind"] = serde_json::json!("application");
    let byg = id_of(&app.create(&building).await);
    let other = id_of(&app.create(&email("2026-12-23T10:05:00+01:00")).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(byg)).await;
    let answer = option_data(&page.html, "answer", "data-body");
    assert!(
        answer.contains("Vi har set på din byggesag ROS-2026-")
            && answer.contains(". Mette Hansen har den."),
        "{answer}"
    );
    // Greeting and signature still come from the sender and the directory.
    assert!(answer.starts_with("Kære Karen Jensen\n\n"), "{answer}");
    assert!(answer.contains("Direkte telefon 46 31 30 00"), "{answer}");
    // The other kinds keep their own text.
    let decision = option_data(&page.html, "decision", "data-body");
    assert!(!decision.contains("byggesag"), "{decision}");

    let page = v.get(&paths::inquiry(other)).await;
    let answer = option_data(&page.html, "answer", "data-body");
    assert!(!answer.contains("byggesag"), "{answer}");
    assert!(answer.contains("Tak for din henvendelse"), "{answer}");
}

#[tokio::test]
async fn a_text_with_a_placeholder_its_kind_does_not_fill_in_is_refused_and_nothing_is_stored() {
    let app = spawn_app("roskilde-sagstyper").await;
    let mut a = admin(&app).await;
    let refused = save(&mut a, "", "Svar på {reference} senest {date}.").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .html
            .contains("{date} kan ikke bruges i denne slags besked."),
        "{}",
        refused.html
    );
    assert!(
        refused.html.contains("id=\"body-error\""),
        "{}",
        refused.html
    );
    // What was typed comes back to be corrected.
    assert!(
        refused
            .html
            .contains("Svar på {reference} senest {date}.</textarea>"),
        "{}",
        refused.html
    );
    let empty = save(&mut a, "", " \r\n ").await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.html.contains("En skabelon kan ikke være tom."));
    // A case type the policy does not have has no form, and nothing to save to.
    let no_form = a
        .get(&paths::admin_template("answer", Some("pas"), "da"))
        .await;
    assert_eq!(no_form.status, StatusCode::NOT_FOUND);
    let csrf = hidden_csrf(&refused.html);
    let unknown_case_type = a
        .post(
            paths::ADMIN_TEMPLATE,
            &[
                ("csrf", csrf.as_str()),
                ("kind", "answer"),
                ("case_type", "pas"),
                ("lang", "da"),
                ("body", "Hej"),
            ],
        )
        .await;
    assert_eq!(unknown_case_type.status, StatusCode::BAD_REQUEST);
    assert!(app.store.templates().await.unwrap().is_empty());
}

#[tokio::test]
async fn restoring_the_standard_deletes_the_edit_and_the_standard_text_is_used_again() {
    let app = spawn_app("roskilde-sagstyper").await;
    let mut a = admin(&app).await;
    let saved = save(&mut a, "", "Tak, {caseworker} svarer.").await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let form = a.get(&paths::admin_template("answer", None, "da")).await;
    assert!(form.html.contains("Tak, {caseworker} svarer.</textarea>"));
    assert!(form.html.contains("Senest rettet af anne"), "{}", form.html);
    let csrf = hidden_csrf(&form.html);
    let restored = a
        .post(
            paths::ADMIN_TEMPLATE_RESTORE,
            &[
                ("csrf", csrf.as_str()),
                ("kind", "answer"),
                ("case_type", ""),
                ("lang", "da"),
            ],
        )
        .await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER, "{}", restored.html);
    assert!(app.store.templates().await.unwrap().is_empty());
    let form = a.get(&paths::admin_template("answer", None, "da")).await;
    assert!(
        form.html
            .contains("Tak for din henvendelse ({reference}).</textarea>"),
        "{}",
        form.html
    );
    assert!(!form.html.contains("Gendan standard"));
}

#[tokio::test]
async fn only_an_administrator_gets_the_template_pages() {
    let app = spawn_app("roskilde").await;
    let mut v = mette(&app).await;
    let list = v.get(paths::ADMIN_TEMPLATES).await;
    assert_eq!(list.status, StatusCode::FORBIDDEN);
    let form = v.get(&paths::admin_template("answer", None, "da")).await;
    assert_eq!(form.status, StatusCode::FORBIDDEN);
}
