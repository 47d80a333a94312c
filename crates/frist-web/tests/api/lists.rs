//! The queue: nearest deadline first, cursor pagination, filters.

use crate::helpers::{TestApp, email, id_of, problem, spawn_app};
use jiff::Timestamp;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Every page of `query` (limit `per_page`), concatenated; also checks each page's size.
async fn all_pages(app: &TestApp, query: &str, per_page: usize) -> Vec<Value> {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..100 {
        let mut path = format!("/api/v1/inquiries?limit={per_page}{query}");
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let response = app.get(&path).await;
        assert_eq!(response.status(), StatusCode::OK);
        let page: Value = response.json().await.unwrap();
        let rows = page["items"].as_array().unwrap();
        assert!(rows.len() <= per_page);
        items.extend(rows.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(next) => {
                assert_eq!(rows.len(), per_page, "only the last page may be short");
                cursor = Some(next.to_owned());
            }
            None => return items,
        }
    }
    panic!("pagination did not end");
}

fn due(item: &Value) -> Option<Timestamp> {
    item["next_due_at"].as_str().map(|s| s.parse().unwrap())
}

#[tokio::test]
async fn the_queue_is_ordered_by_nearest_deadline_and_pages_with_a_cursor() {
    let app = spawn_app("roskilde").await;
    let days = [9, 2, 7, 1, 4, 8, 3, 10];
    for day in days {
        app.create(&email(&format!("2026-12-{day:02}T10:00:00+01:00")))
            .await;
    }
    // A phone message to Roskilde carries no deadline: it comes last.
    let mut phone = email("2026-12-01T09:00:00+01:00");
    phone["channel"] = json!("phone");
    let no_deadline = id_of(&app.create(&phone).await);

    let items = all_pages(&app, "", 3).await;
    assert_eq!(items.len(), days.len() + 1);
    let mut ids: Vec<i64> = items.iter().map(id_of).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), items.len(), "no row twice");
    let dues: Vec<Timestamp> = items.iter().filter_map(due).collect();
    assert_eq!(dues.len(), days.len());
    assert!(dues.windows(2).all(|w| w[0] <= w[1]), "{dues:?}");
    assert_eq!(id_of(items.last().unwrap()), no_deadline);
    assert!(items.last().unwrap()["next_due_at"].is_null());

    // The same order whatever the page size.
    let one_page = all_pages(&app, "", 500).await;
    assert_eq!(
        one_page.iter().map(id_of).collect::<Vec<_>>(),
        items.iter().map(id_of).collect::<Vec<_>>()
    );
}

#[tokio::test]
async fn the_queue_filters_by_unit_caseworker_state_due_date_and_breach() {
    let app = spawn_app("roskilde").await;
    let mut early = email("2026-12-01T10:00:00+01:00");
    early["unit"] = json!("borgerservice");
    let early = id_of(&app.create(&early).await);
    let late = id_of(&app.create(&email("2026-12-23T10:00:00+01:00")).await);
    let response = app
        .post(
            &format!("/api/v1/inquiries/{late}/events"),
            &json!({"type": "assigned", "caseworker": "mette"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);

    let only = |items: Vec<Value>| items.iter().map(id_of).collect::<Vec<_>>();
    assert_eq!(
        only(all_pages(&app, "&unit=borgerservice", 10).await),
        [early]
    );
    assert_eq!(only(all_pages(&app, "&caseworker=mette", 10).await), [late]);
    assert_eq!(only(all_pages(&app, "&state=open", 10).await), [late]);
    assert_eq!(only(all_pages(&app, "&state=new", 10).await), [early]);
    assert_eq!(only(all_pages(&app, "&breached=true", 10).await), [early]);
    assert_eq!(
        only(all_pages(&app, "&breached=false", 10).await),
        [early, late]
    );
    assert_eq!(
        only(all_pages(&app, "&due_before=2026-12-10", 10).await),
        [early]
    );
    assert_eq!(
        only(all_pages(&app, "&due_before=2026-12-10T00:00:00%2B01:00", 10).await),
        [early]
    );
    let rows = all_pages(&app, "&breached=true", 10).await;
    assert_eq!(rows[0]["overdue"], true);
}

#[tokio::test]
async fn bad_list_parameters_are_named() {
    let app = spawn_app("roskilde").await;
    let cases = [
        ("limit=0", "limit"),
        ("limit=100000", "limit"),
        ("limit=ten", "limit"),
        ("state=sleeping", "state"),
        ("breached=maybe", "breached"),
        ("due_before=someday", "due_before"),
        ("units=x", "units"),
        ("unit=a&unit=b", "unit"),
        ("cursor=not-a-cursor", "cursor"),
    ];
    for (query, field) in cases {
        let response = app.get(&format!("/api/v1/inquiries?{query}")).await;
        let body = problem(response, StatusCode::UNPROCESSABLE_ENTITY).await;
        assert_eq!(body["field"], field, "{query}: {body}");
    }
}
