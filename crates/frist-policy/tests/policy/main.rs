//! Integration tests of the policy crate: one binary, modules by topic.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

mod errors;
mod semantics;
mod shipped;
mod templates;

use frist_policy::Policy;
use std::sync::LazyLock;

pub const POLICIES: &[(&str, &str)] = &[
    (
        "hoeje-taastrup",
        include_str!("../../../../policies/hoeje-taastrup.toml"),
    ),
    (
        "halsnaes",
        include_str!("../../../../policies/halsnaes.toml"),
    ),
    (
        "roskilde",
        include_str!("../../../../policies/roskilde.toml"),
    ),
    ("stevns", include_str!("../../../../policies/stevns.toml")),
    (
        "skanderborg",
        include_str!("../../../../policies/skanderborg.toml"),
    ),
];

/// The shipped policy `name`, parsed once per test binary (property tests ask thousands of times).
pub fn shipped(name: &str) -> &'static Policy {
    static PARSED: LazyLock<Vec<(&str, Policy)>> = LazyLock::new(|| {
        POLICIES
            .iter()
            .map(|(n, text)| {
                (
                    *n,
                    Policy::from_toml(n, text).unwrap_or_else(|e| panic!("{e}")),
                )
            })
            .collect()
    });
    PARSED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| p)
        .unwrap_or_else(|| panic!("no policy {name}"))
}
