//! The staff search: from the field in every staff page's header to a page of results; a
//! reference typed exactly goes straight to its inquiry; CPR numbers are never searched for.

use crate::helpers::{email, id_of, spawn_app};
use crate::staff::mette;
use frist_web::paths;
use reqwest::StatusCode;
use reqwest::header::LOCATION;
use serde_json::json;

#[tokio::test]
async fn every_staff_page_has_the_search_field_and_results_list_what_lists_show() {
    let app = spawn_app("roskilde").await;
    let mut fence = email("2026-12-21T10:00:00+01:00");
    fence["subject"] = json!("Hegn mod naboen 010190-1234");
    fence["body"] = json!("Må jeg sætte et hegn op?");
    let fence = app.create(&fence).await;
    let mut other = email("2026-12-22T10:00:00+01:00");
    other["subject"] = json!("Skiltning");
    other["sender"] = json!({"name": "Bager Hansen ApS", "cvr": "12345678"});
    let other = app.create(&other).await;
    let mut v = mette(&app).await;
    for path in [paths::QUEUE, paths::DESK, paths::ABSENCE] {
        let page = v.get(path).await;
        assert!(
            page.html.contains(&format!("action=\"{}\"", paths::SEARCH))
                && page.html.contains("<label for=\"site-search\">Søg</label>"),
            "{path}"
        );
    }
    let found = v.get(&format!("{}?q=hegn", paths::SEARCH)).await;
    assert_eq!(found.status, StatusCode::OK);
    let reference = fence["reference"].as_str().unwrap();
    assert!(found.html.contains(reference));
    assert!(!found.html.contains(other["reference"].as_str().unwrap()));
    assert!(found.html.contains("Karen Jensen"), "the sender");
    assert!(found.html.contains("010190-XXXX") && !found.html.contains("010190-1234"));
    assert!(found.html.contains(&paths::inquiry(id_of(&fence))));
    let by_cvr = v
        .get(&format!("{}?q=12345678&lang=en", paths::SEARCH))
        .await;
    assert!(by_cvr.html.contains(other["reference"].as_str().unwrap()));
    assert!(by_cvr.html.contains("Nearest deadline"));

    let none = v.get(&format!("{}?q=carport&lang=da", paths::SEARCH)).await;
    assert!(
        none.html
            .contains("Ingen henvendelser passer til »carport«.")
    );
    let none_en = v.get(&format!("{}?q=carport&lang=en", paths::SEARCH)).await;
    assert!(none_en.html.contains("No inquiries match “carport”."));
}

#[tokio::test]
async fn a_reference_typed_exactly_goes_straight_to_the_inquiry() {
    let app = spawn_app("roskilde").await;
    let created = app.create(&email("2026-12-21T10:00:00+01:00")).await;
    let mut v = mette(&app).await;
    let reference = created["reference"].as_str().unwrap();
    for typed in [
        reference.to_owned(),
        reference.to_lowercase(),
        format!(" {reference} "),
    ] {
        let page = v
            .get(&format!("{}?q={}", paths::SEARCH, typed.replace(' ', "+")))
            .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{typed}");
        assert_eq!(page.headers[LOCATION], paths::inquiry(id_of(&created)));
    }
}

#[tokio::test]
async fn a_cpr_number_typed_into_the_search_is_left_out_and_the_page_says_so() {
    let app = spawn_app("roskilde").await;
    let mut with_cpr = email("2026-12-21T10:00:00+01:00");
    with_cpr["body"] = json!("Mit CPR-nummer er 010190-1234.");
    app.create(&with_cpr).await;
    let mut v = mette(&app).await;
    let page = v.get(&format!("{}?q=010190-1234", paths::SEARCH)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.html.contains("Der kan ikke søges på CPR-numre"));
    assert!(!page.html.contains("010190-1234"), "not even shown back");
    assert!(!page.html.contains("<table"));
}
