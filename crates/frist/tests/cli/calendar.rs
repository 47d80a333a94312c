//! `frist calendar`: public holidays equal the Python `holidays` package's, plus closing days.

use super::{frist, stderr, stdout};
use serde_json::Value;

#[test]
fn holidays_1990_to_2100_equal_the_holidays_package_plus_the_closing_days() {
    let out = frist(
        &[
            "calendar",
            "--policy",
            "policies/stevns.toml",
            "--from",
            "1990-01-01",
            "--to",
            "2100-12-31",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let days: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("{e}"));
    let holidays: Vec<(String, String)> = days
        .iter()
        .filter(|d| d["kind"] == "public_holiday")
        .map(|d| {
            (
                d["date"].as_str().unwrap_or("").to_owned(),
                d["name"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    let fixture =
        include_str!("../../../frist-calendar/tests/fixtures/holidays-dk-1990-2100.jsonl");
    let expected: Vec<(String, String)> = fixture
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_default();
            (
                v["date"].as_str().unwrap_or("").to_owned(),
                v["name"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(holidays, expected);
    let closing: Vec<&Value> = days.iter().filter(|d| d["kind"] == "closing_day").collect();
    assert_eq!(closing.len(), 111 * 3, "three closing days a year");
    assert_eq!(days.len(), expected.len() + 111 * 3);
}

#[test]
fn the_range_is_inclusive_and_shows_the_documented_shape() {
    let out = frist(
        &[
            "calendar",
            "--policy",
            "roskilde",
            "--from",
            "2024-12-24",
            "--to",
            "2024-12-25",
        ],
        None,
    );
    assert!(out.status.success());
    let days: Value = serde_json::from_str(&stdout(&out)).unwrap_or_default();
    assert_eq!(
        days,
        serde_json::json!([
            {"date":"2024-12-24","name":"Juleaftensdag","kind":"closing_day"},
            {"date":"2024-12-25","name":"Juledag","kind":"public_holiday"}
        ])
    );
}

#[test]
fn bad_ranges_are_refused_with_the_reason() {
    let cases = [
        (
            ["1899-12-01", "1900-01-31"],
            "outside the supported calendar range",
        ),
        (["2027-01-01", "2026-01-01"], "is before --from"),
        (
            ["2026-02-30", "2026-03-01"],
            "--from \"2026-02-30\" is not a date",
        ),
    ];
    for ([from, to], message) in cases {
        let out = frist(
            &[
                "calendar", "--policy", "roskilde", "--from", from, "--to", to,
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{from}..{to}");
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
    }
}
