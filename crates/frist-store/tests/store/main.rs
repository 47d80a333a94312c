//! The storage conformance suite: one set of tests, run against every backend.
//!
//! Each test is an `async fn(&AnyStore)` listed in its module's `conformance!` block, which
//! makes two test cases of it: `…::sqlite`, on a fresh temporary SQLite file, and `…::postgres`,
//! on a fresh PostgreSQL database created through `FRIST_TEST_DATABASE_URL` (an administrator's
//! URL, e.g. `postgres://postgres@127.0.0.1:5432/postgres`) and dropped afterwards. Without the
//! variable the PostgreSQL cases pass after printing "skipped: FRIST_TEST_DATABASE_URL not
//! set"; with it, a server that cannot be reached fails them.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

#[macro_use]
mod helpers;

mod accounts;
mod compliance;
mod compliance_case_type;
mod concurrency;
mod directory;
mod events;
mod import;
mod intake;
mod mail;
mod notices;
mod open;
mod open_queue;
mod outbox;
mod outbox_links;
mod outbox_with_event;
mod queue;
mod scans;
mod search;
mod status_links;
mod tallies;
mod templates;
mod text_search;
