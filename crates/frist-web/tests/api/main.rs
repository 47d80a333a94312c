//! The JSON API, driven over HTTP: each test spawns the app on 127.0.0.1:0 with its own SQLite
//! file and a real policy, and checks answers against the store.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

mod access;
mod admin_templates;
mod auth;
mod directory;
mod events;
mod facebook;
mod flagged;
mod helpers;
mod inquiries;
mod lead_page;
mod lists;
mod logs;
mod messages;
mod oidc;
mod openapi;
mod outgoing;
mod page_errors;
mod pages;
mod promises;
mod queues;
mod reports;
mod scans;
mod search;
mod staff;
mod staff_actions;
mod staff_casework;
mod staff_closed;
mod staff_feedback;
mod staff_notices;
mod staff_outbox;
mod staff_templates;
mod status_links;
mod status_notices;
mod transport;
mod validation;
