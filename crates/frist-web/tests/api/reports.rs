//! Compliance figures on a small set whose answers are known.

use crate::helpers::{START, TestApp, email, id_of, problem, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn report(app: &TestApp, query: &str) -> Value {
    let response = app
        .client
        .get(app.url(&format!("/api/v1/reports/compliance?{query}")))
        .bearer_auth(&app.lead)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn row<'a>(report: &'a Value, group: &str) -> &'a Value {
    report["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["group"] == group)
        .unwrap_or_else(|| panic!("no row {group} in {report}"))
}

fn counts(row: &Value) -> [u64; 6] {
    ["total", "met", "met_late", "breached", "pending", "waived"].map(|k| row[k].as_u64().unwrap())
}

async fn answer(app: &TestApp, id: i64, at: &str) {
    app.set_now(at);
    let response = app
        .post(
            &format!("/api/v1/inquiries/{id}/messages"),
            &json!({"kind": "answer", "channel": "email", "body": "Svar på dit spørgsmål.", "contact": "Borgerservice"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    // Answered when delivered, at the same instant.
    assert_eq!(app.deliver().await.sent, 1);
}

#[tokio::test]
async fn the_compliance_report_counts_a_small_known_set() {
    let app = spawn_app("roskilde").await;
    // Roskilde, e-mail with a general question: ROS-1 answer in 2 working days, ROS-2
    // acknowledgment in 10.
    let on_time = id_of(&app.create(&email("2026-12-01T10:00:00+01:00")).await); // due 3/12, 15/12
    let late = id_of(&app.create(&email("2026-12-02T10:00:00+01:00")).await); // due 4/12, 16/12
    let _never = id_of(&app.create(&email("2026-12-03T10:00:00+01:00")).await); // due 7/12, 17/12
    let spam = id_of(&app.create(&email("2026-12-04T10:00:00+01:00")).await); // due 8/12, 18/12
    let _open = id_of(&app.create(&email("2026-12-22T10:00:00+01:00")).await); // due 28/12, January

    answer(&app, on_time, "2026-12-02T12:00:00+01:00").await;
    answer(&app, late, "2026-12-07T12:00:00+01:00").await;
    app.set_now("2026-12-04T12:00:00+01:00");
    let response = app
        .post(
            &format!("/api/v1/inquiries/{spam}/events"),
            &json!({"type": "closed", "reason": "spam"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    app.set_now(START);

    let by_goal = report(&app, "from=2026-12-01&to=2026-12-31&group_by=goal").await;
    assert_eq!(by_goal["from"], "2026-12-01");
    assert_eq!(by_goal["to"], "2026-12-31");
    assert_eq!(by_goal["period"]["start"], "2026-12-01T00:00:00+01:00");
    assert_eq!(by_goal["period"]["end"], "2027-01-01T00:00:00+01:00");
    //                                 total met late breached pending waived
    assert_eq!(counts(row(&by_goal, "ROS-1")), [5, 1, 1, 1, 1, 1]);
    assert_eq!(counts(row(&by_goal, "ROS-2")), [4, 2, 0, 1, 0, 1]);
    let share = row(&by_goal, "ROS-2")["on_time_percent"].as_f64().unwrap();
    assert!((share - 200.0 / 3.0).abs() < 1e-9, "{share}");

    // `to` is inclusive: a one-day period holds the deadlines of that local day.
    let one_day = report(&app, "from=2026-12-03&to=2026-12-03").await;
    assert_eq!(counts(row(&one_day, "ROS-1")), [1, 1, 0, 0, 0, 0]);
    assert_eq!(one_day["rows"].as_array().unwrap().len(), 1);

    let by_channel = report(&app, "from=2026-12-01&to=2026-12-31&group_by=channel").await;
    assert_eq!(counts(row(&by_channel, "email"))[0], 9);
    let by_month = report(&app, "from=2026-12-01&to=2026-12-31&group_by=month").await;
    let total: u64 = by_month["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["total"].as_u64().unwrap())
        .sum();
    assert_eq!(total, 9);
}

#[tokio::test]
async fn compliance_by_case_type_and_against_the_policys_targets() {
    let app = spawn_app("roskilde-maal").await;
    let with_type = |at: &str| {
        let mut case = email(at);
        case["case_type"] = json!("byggetilladelse");
        case
    };
    // Two inquiries of the case type (one answered in time, one never) and one without.
    let kept = id_of(&app.create(&with_type("2026-12-01T10:00:00+01:00")).await);
    let _missed = id_of(&app.create(&with_type("2026-12-02T10:00:00+01:00")).await);
    let plain = id_of(&app.create(&email("2026-12-01T11:00:00+01:00")).await);
    answer(&app, kept, "2026-12-02T12:00:00+01:00").await;
    answer(&app, plain, "2026-12-02T12:30:00+01:00").await;
    app.set_now("2026-12-28T12:00:00+01:00");

    let by_type = report(&app, "from=2026-12-01&to=2026-12-31&group_by=case_type").await;
    assert_eq!(by_type["group_by"], "case_type");
    // ROS-1 and ROS-2 of each inquiry fell due in December; the case type's own 40 working
    // days fall in February, outside the period.
    //                                         total met late breached pending waived
    let building = row(&by_type, "byggetilladelse");
    assert_eq!(counts(building), [4, 2, 0, 2, 0, 0]);
    assert_eq!(building["on_time_percent"], 50.0);
    assert_eq!(building["target_percent"], 90.0);
    assert_eq!(building["target_reached"], false);
    let none = row(&by_type, "(ingen sagstype)");
    assert_eq!(counts(none), [2, 2, 0, 0, 0, 0]);
    assert_eq!(none["target_percent"], Value::Null);
    assert_eq!(none["target_reached"], Value::Null);

    // By goal, ROS-1 carries its target; ROS-2 has none.
    let by_goal = report(&app, "from=2026-12-01&to=2026-12-31&group_by=goal").await;
    let ros1 = row(&by_goal, "ROS-1");
    assert_eq!(ros1["target_percent"], 95.0);
    assert_eq!(ros1["target_reached"], false, "{ros1}");
    assert_eq!(row(&by_goal, "ROS-2")["target_percent"], Value::Null);
    // Other groupings have no targets.
    let by_unit = report(&app, "from=2026-12-01&to=2026-12-31&group_by=unit").await;
    assert!(
        by_unit["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["target_percent"].is_null())
    );
}

#[tokio::test]
async fn the_service_report_counts_what_the_policy_promises_beyond_deadlines() {
    // Skanderborg promises no channel deadline, so its compliance report is empty; this one
    // is not.
    let app = spawn_app("skanderborg").await;
    let a = id_of(&app.create(&email("2026-12-01T10:00:00+01:00")).await);
    let b = id_of(&app.create(&email("2026-12-02T10:00:00+01:00")).await);
    let mut business = email("2026-12-03T10:00:00+01:00");
    business["sender"] =
        json!({"name": "Taastrup VVS ApS", "kind": "business", "email": "vvs@example.dk"});
    id_of(&app.create(&business).await);
    app.set_now("2026-12-03T12:00:00+01:00");
    for (id, event) in [
        (a, json!({"type": "referred", "to_unit": "byg"})),
        (a, json!({"type": "referred", "to_unit": "miljo"})),
        (
            b,
            json!({"type": "error_registered", "what": "Forkert svar"}),
        ),
        (b, json!({"type": "feedback_received", "score": 4})),
    ] {
        let response = app
            .post(&format!("/api/v1/inquiries/{id}/events"), &event)
            .await;
        assert_eq!(response.status(), StatusCode::CREATED, "{event}");
    }
    app.set_now("2026-12-07T12:00:00+01:00");
    let sent = app
        .post(
            &format!("/api/v1/inquiries/{b}/messages"),
            &json!({"kind": "answer", "channel": "email", "body": "Svar på dit spørgsmål.", "caseworker": "Mette Hansen", "contact": "Borgerservice"}),
        )
        .await;
    let status = sent.status();
    assert_eq!(
        status,
        StatusCode::CREATED,
        "{}",
        sent.text().await.unwrap()
    );
    assert_eq!(app.deliver().await.sent, 1);
    app.set_now(START);
    let response = app
        .client
        .get(app.url("/api/v1/reports/service?from=2026-12-01&to=2026-12-31&group_by=sender_kind"))
        .bearer_auth(&app.lead)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["group_by"], "sender_kind");
    let person = row(&body, "person");
    assert_eq!(person["received"], 2);
    assert_eq!(person["referred"], 1);
    assert_eq!(person["referrals"], 2);
    assert_eq!(person["referred_more_than_once"], 1);
    assert_eq!(person["errors_registered"], 1);
    assert_eq!(person["feedback_received"], 1);
    assert_eq!(person["satisfaction"], json!([0, 0, 0, 1, 0]));
    // Answered Monday 7 December, received Wednesday 2 December: 3 working days.
    assert_eq!(person["answered"], 1);
    assert_eq!(person["gross_median_working_days"], 3.0);
    assert_eq!(row(&body, "business")["received"], 1);
    // A bad grouping is named.
    let bad = app
        .client
        .get(app.url("/api/v1/reports/service?from=2026-12-01&to=2026-12-31&group_by=goal"))
        .bearer_auth(&app.lead)
        .send()
        .await
        .unwrap();
    assert_eq!(
        problem(bad, StatusCode::UNPROCESSABLE_ENTITY).await["field"],
        "group_by"
    );
}

#[tokio::test]
async fn bad_report_parameters_are_named() {
    let app = spawn_app("roskilde").await;
    let cases = [
        ("to=2026-12-31", "from"),
        ("from=2026-12-01", "to"),
        ("from=2026-12-31&to=2026-12-01", "to"),
        ("from=1.12.2026&to=2026-12-31", "from"),
        ("from=2026-12-01&to=2026-12-31&group_by=week", "group_by"),
        ("from=2026-12-01&to=2026-12-31&format=csv", "format"),
    ];
    for (query, field) in cases {
        let response = app
            .client
            .get(app.url(&format!("/api/v1/reports/compliance?{query}")))
            .bearer_auth(&app.admin)
            .send()
            .await
            .unwrap();
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["field"], field, "{query}: {body}");
    }
}
