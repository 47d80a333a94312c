//! The goal conformance suite: for every goal id in `policies/*.toml`, at least one test named
//! after it (`htk_7_…`). A goal Frist supports is driven through the path a person uses (the
//! staff pages with session and CSRF, the desk, the citizen form; the API where that is the
//! path) against the real web router and a real SQLite store, and checked on the obligation's
//! state and, for a deadline, the compliance figure. For a goal Frist does not support yet, the
//! test asserts that `frist policy check` says so for that id, so the claim is tested either
//! way. `every_goal_id_has_a_test` fails naming each id without one.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

mod app;
mod browser;
mod casework;
mod halsnaes;
mod hoeje_taastrup;
mod roskilde;
mod scenario;
mod skanderborg;
mod stevns;

use std::path::PathBuf;

fn policies_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../policies")
}

/// "HTK-7" → "htk_7".
fn snake(id: &str) -> String {
    id.to_lowercase().replace('-', "_")
}

#[test]
fn every_goal_id_has_a_test() {
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(policies_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let policy = frist_policy::Policy::from_toml(&name, &text).unwrap();
            ids.extend(policy.goals.iter().map(|g| g.source.clone()));
        }
    }
    assert!(
        ids.len() >= 64,
        "the five policies hold every goal: {ids:?}"
    );
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/goals");
    let mut source = String::new();
    for entry in std::fs::read_dir(here).unwrap() {
        source.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| !source.contains(&format!("fn {}_", snake(id))))
        .collect();
    assert!(missing.is_empty(), "goals without a test: {missing:?}");
}
