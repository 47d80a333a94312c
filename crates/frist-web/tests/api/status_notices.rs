//! The citizen's status page shows what the municipality asked for and by when while the
//! inquiry waits, and the date an extension moved the deadline to, in Danish, English and
//! German; an extension's notice appears once, before and after its delivery.

use crate::helpers::{TestApp, spawn_app};
use crate::pages::{Visitor, hidden_csrf, status_path, with};
use crate::staff::mette;
use frist_web::paths;
use reqwest::StatusCode;

const REASON: &str = "vi venter på en udtalelse fra Byg og Miljø";
const ASKED: &str = "Et foto af skraldespanden, hvor den står.";

/// A web-form inquiry with an e-mail address, extended and then asked about by mette.
async fn extended_and_asked(app: &TestApp) -> (String, Visitor<'_>, String) {
    let mut citizen = Visitor::new(app);
    let receipt = citizen.write(&with(&[])).await;
    assert_eq!(receipt.status, StatusCode::OK, "{}", receipt.html);
    let status = status_path(&receipt.html);
    let id = 1;
    let mut v = mette(app).await;
    let csrf = hidden_csrf(&v.get(&paths::inquiry(id)).await.html);
    let extended = v
        .post(
            &paths::extend(id),
            &[
                ("csrf", csrf.as_str()),
                ("obligation", "ROS-6|acknowledgment"),
                ("date", "2027-01-15"),
                ("reason", REASON),
            ],
        )
        .await;
    assert_eq!(extended.status, StatusCode::SEE_OTHER, "{}", extended.html);
    let asked = v
        .post(
            &paths::await_citizen(id),
            &[
                ("csrf", csrf.as_str()),
                ("text", ASKED),
                ("date", "2027-01-12"),
            ],
        )
        .await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER, "{}", asked.html);
    (status, v, csrf)
}

#[tokio::test]
async fn the_status_page_shows_the_request_and_the_new_date_before_and_after_delivery() {
    let app = spawn_app("roskilde").await;
    let (status, _, _) = extended_and_asked(&app).await;
    let mut citizen = Visitor::new(&app);
    for delivered in [false, true] {
        let page = citizen.get(&status).await;
        assert_eq!(page.status, StatusCode::OK);
        let html = &page.html;
        assert!(html.contains("Det har vi brug for fra dig"), "{html}");
        assert!(html.contains(ASKED), "{html}");
        assert!(html.contains("Svar senest"), "{html}");
        assert!(html.contains("12. januar 2027"), "{html}");
        assert!(
            html.contains("Du hører fra os senest 15. januar 2027"),
            "{html}"
        );
        assert_eq!(html.matches(REASON).count(), 1, "shown once: {html}");
        if !delivered {
            // The web form's confirmation e-mail, the notice and the request.
            assert_eq!(app.deliver().await.sent, 3);
        }
    }
    let english = citizen.get(&format!("{status}?lang=en")).await.html;
    assert!(english.contains("What we need from you"), "{english}");
    assert!(english.contains("You will hear from us by"), "{english}");
    let german = citizen.get(&format!("{status}?lang=de")).await.html;
    assert!(german.contains("Das benötigen wir von Ihnen"), "{german}");
}

#[tokio::test]
async fn once_the_citizen_has_replied_the_request_is_no_longer_shown() {
    let app = spawn_app("roskilde").await;
    let (status, mut v, csrf) = extended_and_asked(&app).await;
    let replied = v
        .post(&paths::citizen_replied(1), &[("csrf", csrf.as_str())])
        .await;
    assert_eq!(replied.status, StatusCode::SEE_OTHER);
    let html = Visitor::new(&app).get(&status).await.html;
    assert!(!html.contains("Det har vi brug for fra dig"), "{html}");
}
