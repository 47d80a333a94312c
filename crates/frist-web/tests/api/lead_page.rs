//! The lead dashboard as a lead meets it: landing there after signing in, a month chosen with
//! `?maaned=`, targets beside the figures, and the month's tables as CSV.

use crate::helpers::{TestApp, email, id_of, spawn_app};
use crate::pages::{Visitor, hidden_csrf};
use frist_store::{Role, Store, User};
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;

const PASSWORD: &str = "korrekt hest batteri";

async fn user(app: &TestApp, username: &str, role: Role) {
    let user = User {
        username: username.into(),
        role,
        password_hash: frist_web::hash_password(PASSWORD).unwrap(),
        created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
    };
    app.store.create_user(&user).await.unwrap();
}

/// Signs in from `/login` with no page to return to; where the browser is sent.
async fn land(v: &mut Visitor<'_>, username: &str, password: &str) -> (StatusCode, String) {
    let form = v.get(paths::LOGIN).await;
    assert!(
        form.html.contains("name=\"next\" value=\"\""),
        "no page asked for"
    );
    let csrf = hidden_csrf(&form.html);
    let page = v
        .post(
            paths::LOGIN,
            &[
                ("csrf", &csrf),
                ("username", username),
                ("password", password),
                ("next", ""),
            ],
        )
        .await;
    let location = page
        .headers
        .get(LOCATION)
        .map(|l| l.to_str().unwrap().to_owned())
        .unwrap_or_default();
    if page.status == StatusCode::UNAUTHORIZED {
        // Refused: the form again, which must not tell a lead from anyone else.
        assert!(
            page.html.contains("name=\"next\" value=\"\""),
            "{}",
            page.html
        );
    }
    (page.status, location)
}

#[tokio::test]
async fn a_lead_lands_on_the_dashboard_and_a_caseworker_on_the_queue() {
    let app = spawn_app("roskilde").await;
    user(&app, "lars", Role::Lead).await;
    user(&app, "mette", Role::Caseworker).await;
    assert_eq!(
        land(&mut Visitor::new(&app), "lars", "forkert").await.0,
        StatusCode::UNAUTHORIZED
    );
    let lead = land(&mut Visitor::new(&app), "lars", PASSWORD).await;
    assert_eq!(lead, (StatusCode::SEE_OTHER, paths::DASHBOARD.to_owned()));
    let caseworker = land(&mut Visitor::new(&app), "mette", PASSWORD).await;
    assert_eq!(caseworker, (StatusCode::SEE_OTHER, paths::QUEUE.to_owned()));
}

#[tokio::test]
async fn a_chosen_month_shows_its_figures_with_targets_and_as_csv() {
    let app = spawn_app("roskilde-maal").await;
    user(&app, "lars", Role::Lead).await;
    user(&app, "mette", Role::Caseworker).await;
    let mut case = email("2026-10-05T10:00:00+02:00");
    case["case_type"] = json!("byggetilladelse");
    let id = id_of(&app.create(&case).await);
    let _late = id_of(&app.create(&email("2026-10-06T10:00:00+02:00")).await);
    app.set_now("2026-10-05T12:00:00+02:00");
    let response = app
        .post(
            &format!("/api/v1/inquiries/{id}/messages"),
            &json!({"kind": "answer", "channel": "email", "body": "Svar.", "contact": "Borgerservice"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(app.deliver().await.sent, 1);
    app.set_now("2026-11-30T12:00:00+01:00");

    let mut v = Visitor::new(&app);
    assert_eq!(
        land(&mut v, "lars", PASSWORD).await.0,
        StatusCode::SEE_OTHER
    );
    // This month (November) has no deadlines; October has four, two met in time.
    let now = v.get(paths::DASHBOARD).await;
    assert!(
        now.html.contains("<option value=\"2026-11\" selected>"),
        "{}",
        now.html
    );
    assert!(
        !now.html.contains("<th scope=\"row\">ROS-1"),
        "no goal row in November"
    );
    // The trend still shows October beside November: a column for ROS-1, October's 50 %.
    assert!(
        now.html.contains("<th scope=\"col\">ROS-1</th>"),
        "{}",
        now.html
    );
    assert!(now.html.contains(">50,0 %</a>"), "{}", now.html);
    let october = v.get(&format!("{}?maaned=2026-10", paths::DASHBOARD)).await;
    assert_eq!(october.status, StatusCode::OK);
    assert!(october.html.contains("<option value=\"2026-10\" selected>"));
    assert!(october.html.contains("oktober 2026"), "{}", october.html);
    // ROS-1's target (95 %) is not reached at 50 %; the case type's (90 %) at 100 % is.
    assert!(
        october.html.contains("95,0 % (ikke nået)"),
        "{}",
        october.html
    );
    assert!(october.html.contains("90,0 % (nået)"), "{}", october.html);
    assert!(october.html.contains("Byggetilladelse"));
    // A month not offered is this month.
    let future = v.get(&format!("{}?maaned=2027-01", paths::DASHBOARD)).await;
    assert!(future.html.contains("<option value=\"2026-11\" selected>"));

    // The month's service report, linked from the dashboard, by sender kind.
    assert!(october.html.contains("/ledelse/service?maaned=2026-10"));
    let service = v
        .get(&format!(
            "{}?maaned=2026-10&efter=afsender",
            paths::DASHBOARD_SERVICE
        ))
        .await;
    assert_eq!(service.status, StatusCode::OK);
    assert!(
        service
            .html
            .contains("<option value=\"afsender\" selected>")
    );
    assert!(
        service.html.contains("<th scope=\"row\">Borgere</th>"),
        "{}",
        service.html
    );
    assert!(
        service.html.contains("<td data-label=\"Modtaget\">2</td>"),
        "{}",
        service.html
    );
    // One answered, on the day it came: 0 working days.
    assert!(
        service
            .html
            .contains("<td data-label=\"Dage til svar, brutto\">0,0 / 0,0</td>")
    );

    let csv = v
        .get(&format!("{}?maaned=2026-10", paths::DASHBOARD_CSV))
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    let lines: Vec<&str> = csv.html.lines().collect();
    assert!(lines[0].starts_with("section,group,total,met,"));
    let ros1 = lines
        .iter()
        .find(|l| l.starts_with("goal,ROS-1,"))
        .unwrap_or_else(|| panic!("{}", csv.html));
    assert!(ros1.starts_with("goal,ROS-1,2,1,0,1,0,0,50,"), "{ros1}");
    assert!(ros1.ends_with(",95,false"), "{ros1}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("case_type,byggetilladelse,"))
    );

    // Caseworkers may not have it.
    let mut m = Visitor::new(&app);
    land(&mut m, "mette", PASSWORD).await;
    let refused = m.get(paths::DASHBOARD_CSV).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let refused = m.get(paths::DASHBOARD_SERVICE).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_monthly_report_links_to_the_dashboard_only_for_those_who_may_open_it() {
    use frist_store::{Caseworker, NewNotice, NoticeKind, NoticeStore, NoticeText, Unit};
    let app = spawn_app("roskilde").await;
    app.store
        .put_unit(Unit {
            id: "bs".into(),
            name: "Borgerservice".into(),
            email: Some("bs@roskilde.example".into()),
            phone: None,
        })
        .await
        .unwrap();
    for (id, role) in [("mette", Role::Caseworker), ("lars", Role::Lead)] {
        user(&app, id, role).await;
        app.store
            .put_caseworker(Caseworker {
                id: id.into(),
                name: id.into(),
                unit: Some("bs".into()),
                email: None,
                phone: None,
                absent: None,
            })
            .await
            .unwrap();
    }
    let at: jiff::Timestamp = "2026-12-01T08:00:00+01:00".parse().unwrap();
    app.store
        .queue_notices(vec![NewNotice {
            key: "monthly_report:bs:2026-11".into(),
            kind: NoticeKind::MonthlyReport,
            person: "unit:bs".into(),
            recipient: "bs@roskilde.example".into(),
            inquiry_id: None,
            text: NoticeText {
                subject: "Månedsrapport november 2026: 90 % overholdt".into(),
                body: "…".into(),
                link: Some("https://frist.example/ledelse".into()),
                mine: Vec::new(),
            },
            message_id: "<m@roskilde.example>".into(),
            created_at: at,
            due_at: at,
        }])
        .await
        .unwrap();
    let mut caseworker = Visitor::new(&app);
    land(&mut caseworker, "mette", PASSWORD).await;
    let page = caseworker.get(paths::NOTIFICATIONS).await;
    assert!(
        page.html.contains("Månedsrapport november 2026"),
        "{}",
        page.html
    );
    assert!(!page.html.contains("<a href=\"/ledelse\">Månedsrapport"));
    let mut lead = Visitor::new(&app);
    land(&mut lead, "lars", PASSWORD).await;
    let page = lead.get(paths::NOTIFICATIONS).await;
    assert!(
        page.html.contains("<a href=\"/ledelse\">Månedsrapport"),
        "{}",
        page.html
    );
}
