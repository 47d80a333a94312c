//! The queues show what is open: closed inquiries only under their own filter, and a
//! substitute's "Mine" with the open inquiries of whom they cover, marked as cover (HTK-8).

use crate::helpers::{TestApp, email, spawn_app};
use crate::pages::Visitor;
use crate::staff::{add_user, mette, sign_in};
use frist_store::{Absence, Caseworker, Store};
use frist_web::paths;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// An inquiry with this subject, assigned to `caseworker`; its reference.
async fn assigned(app: &TestApp, subject: &str, caseworker: &str) -> String {
    let mut body = email("2026-12-21T10:00:00+01:00");
    body["subject"] = json!(subject);
    let created = app.create(&body).await;
    let id = created["id"].as_i64().unwrap();
    let path = format!("/api/v1/inquiries/{id}/events");
    let response = app
        .post(
            &path,
            &json!({"type": "assigned", "caseworker": caseworker}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED, "{path}");
    created["reference"].as_str().unwrap().to_owned()
}

async fn close(app: &TestApp, reference: &str) {
    let list: Value = app
        .get("/api/v1/inquiries?limit=100")
        .await
        .json()
        .await
        .unwrap();
    let id = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["reference"] == reference)
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let response = app
        .post(
            &format!("/api/v1/inquiries/{id}/events"),
            &json!({"type": "closed", "reason": "duplicate"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
}

#[tokio::test]
async fn mine_unit_and_all_show_open_inquiries_and_closed_ones_only_under_closed() {
    let app = spawn_app("roskilde").await;
    let open = assigned(&app, "Stadig åben", "mette").await;
    let closed = assigned(&app, "Allerede lukket", "mette").await;
    close(&app, &closed).await;
    let mut v = mette(&app).await;
    for tab in ["", "?vis=alle"] {
        let page = v.get(&format!("{}{tab}", paths::QUEUE)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.html.contains(&open), "{tab}: the open one");
        assert!(!page.html.contains(&closed), "{tab}: not the closed one");
        assert!(page.html.contains(">Alle åbne</option>"));
    }
    for tab in ["mine", "alle"] {
        let page = v
            .get(&format!("{}?vis={tab}&status=lukket", paths::QUEUE))
            .await;
        assert!(page.html.contains(&closed), "{tab}: the closed one");
        assert!(!page.html.contains(&open), "{tab}: not the open one");
        assert!(page.html.contains("value=\"lukket\" selected"));
    }
    let english = v
        .get(&format!("{}?status=lukket&lang=en", paths::QUEUE))
        .await;
    assert!(english.html.contains(">Closed</option>") && english.html.contains(&closed));
    // The JSON API lists every state unless asked, as before.
    let list: Value = app.get("/api/v1/inquiries").await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
}

fn caseworker(id: &str, name: &str, absent: Option<Absence>) -> Caseworker {
    Caseworker {
        id: id.into(),
        name: name.into(),
        unit: Some("borgerservice".into()),
        email: None,
        phone: None,
        absent,
    }
}

#[tokio::test]
async fn a_substitutes_mine_shows_the_absent_colleagues_open_inquiries_as_cover_until_the_absence_ends()
 {
    let app = spawn_app("roskilde").await;
    let hers = assigned(&app, "Mettes sag", "mette").await;
    let hers_closed = assigned(&app, "Mettes lukkede sag", "mette").await;
    close(&app, &hers_closed).await;
    let his = assigned(&app, "Jonas' sag", "jonas").await;
    let _mette = mette(&app).await;
    add_user(&app, "jonas", "stedfortræder hele ugen").await;
    app.store
        .put_caseworker(caseworker("jonas", "Jonas Berg", None))
        .await
        .unwrap();
    let mut v = Visitor::new(&app);
    sign_in(&mut v, "jonas", "stedfortræder hele ugen").await;
    let before = v.get(paths::QUEUE).await;
    assert!(before.html.contains(&his) && !before.html.contains(&hers));

    let away = || Absence {
        until: "2026-12-30".parse().unwrap(),
        substitute: Some("jonas".into()),
    };
    app.store
        .put_caseworker(caseworker("mette", "Mette Hansen", Some(away())))
        .await
        .unwrap();
    let mine = v.get(paths::QUEUE).await;
    assert!(mine.html.contains(&his) && mine.html.contains(&hers));
    assert!(!mine.html.contains(&hers_closed), "closed ones stay hers");
    assert_eq!(mine.html.matches("Dækker for Mette Hansen").count(), 1);
    let english = v.get(&format!("{}?lang=en", paths::QUEUE)).await;
    assert!(english.html.contains("Covering for Mette Hansen"));
    let colleague = v
        .get(&format!(
            "{}?vis=alle&sagsbehandler=jonas&lang=da",
            paths::QUEUE
        ))
        .await;
    assert!(colleague.html.contains(&hers) && colleague.html.contains("Dækker for Mette Hansen"));

    // Ending the absence ends the cover; nothing was reassigned.
    app.store
        .put_caseworker(caseworker("mette", "Mette Hansen", None))
        .await
        .unwrap();
    let ended = v.get(paths::QUEUE).await;
    assert!(ended.html.contains(&his) && !ended.html.contains(&hers));
    assert!(!ended.html.contains("Dækker for"));

    // The same once the last day of an absence has passed (signed in again: sessions end).
    app.store
        .put_caseworker(caseworker("mette", "Mette Hansen", Some(away())))
        .await
        .unwrap();
    assert!(v.get(paths::QUEUE).await.html.contains(&hers));
    app.set_now("2026-12-31T08:00:00+01:00");
    let mut v = Visitor::new(&app);
    sign_in(&mut v, "jonas", "stedfortræder hele ugen").await;
    let after = v.get(paths::QUEUE).await;
    assert!(after.html.contains(&his) && !after.html.contains(&hers));
    assert!(!after.html.contains("Dækker for"));
}
