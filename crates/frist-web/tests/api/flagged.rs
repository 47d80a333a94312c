//! Mail kept for a person: listed for every member of staff, its exact bytes downloadable by
//! leads and administrators only.

use crate::helpers::spawn_app;
use crate::pages::Visitor;
use crate::staff::{mette, sign_in};
use frist_store::{IncomingMail, MailContent, MailStore, Role, Store, User};
use frist_web::paths;
use reqwest::StatusCode;

#[tokio::test]
async fn flagged_mail_is_listed_and_its_exact_bytes_go_only_to_leads() {
    let app = spawn_app("roskilde").await;
    let raw = b"\x89PNG\r\n\x1a\n not a mail at all".to_vec();
    let mut mail = IncomingMail::new(
        raw.clone(),
        None,
        "file:scan.png".into(),
        "2026-12-23T09:00:00+01:00".parse().unwrap(),
        MailContent::Flagged {
            reason: "ikke en e-mail".into(),
        },
    );
    mail.subject = "Scanning 0101901234".into();
    let receipt = app.store.receive_mail(mail, &app.policy).await.unwrap();

    let mut caseworker = mette(&app).await;
    let page = caseworker.get(paths::FLAGGED).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains("ikke en e-mail"), "{}", page.html);
    assert!(page.html.contains("file:scan.png"));
    assert!(
        !page.html.contains("0101901234"),
        "CPR numbers are masked in the list"
    );
    let download = format!("/post/markeret/{}.eml", receipt.mail_id);
    assert_eq!(
        caseworker.get(&download).await.status,
        StatusCode::FORBIDDEN
    );

    let lead = User {
        username: "lars".into(),
        role: Role::Lead,
        password_hash: frist_web::hash_password("en god lang adgangskode").unwrap(),
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
    };
    app.store.create_user(&lead).await.unwrap();
    let mut v = Visitor::new(&app);
    sign_in(&mut v, "lars", "en god lang adgangskode").await;
    let response = reqwest::Client::new()
        .get(format!("{}{download}", app.address))
        .header(
            "cookie",
            format!("frist_session={}", v.cookies["frist_session"]),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "message/rfc822");
    assert_eq!(
        response.bytes().await.unwrap().to_vec(),
        raw,
        "the exact bytes"
    );
    assert_eq!(
        v.get("/post/markeret/999.eml").await.status,
        StatusCode::NOT_FOUND
    );
}
