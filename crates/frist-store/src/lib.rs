//! Storage for Frist: inquiries, their events (the record of truth) and their current-state
//! projections, plus units, caseworkers, API tokens and the personal-data access log.
//!
//! One trait, [`Store`], with two backends chosen once from the database URL's scheme by
//! [`open`]: SQLite (`sqlite://frist.db`, the embedded default) and PostgreSQL (`postgres://…`).
//! Both pass the same conformance suite (`tests/store`). Every change appends its event in the
//! same transaction that updates the projection, and a call returns only after the commit is
//! durable.
//!
//! This crate decides nothing about inquiries: the lifecycle in `frist-core` does, with the
//! policy version that was in force when the inquiry was received. It must never log message
//! bodies or CPR numbers; the queue's summaries carry subjects and names with CPR numbers masked.

mod any;
mod backend;
mod creations;
mod cursor;
mod db_error;
mod directory;
mod fulltext;
mod intake;
mod lease;
mod mail;
mod mail_plan;
mod notices;
mod notices_any;
mod obligation_list;
mod ops;
mod outbox;
mod outbox_any;
mod policies;
mod postgres;
mod queue;
mod report;
pub use report::{NO_CASE_TYPE, TargetedRow, against_targets};
mod rows;
mod scan;
mod search;
mod sql;
mod sqlite;
mod status_link;
mod tally;
mod templates;
mod time;
mod types;
mod workload;

pub use any::{AnyStore, open};
pub use fulltext::TextQuery;
pub use lease::Lease;
pub use mail::*;
pub use notices::{
    NewNotice, Notice, NoticeKind, NoticeStore, NoticeText, ObligationCursor, OpenObligation,
    OutboxEntry,
};
pub use obligation_list::{ListedObligation, ObligationFilter, ObligationPage, Outcome};
pub use outbox::{NewOutboxItem, OutboxId, OutboxItem, OutboxState, OutboxStore, OutboxSummary};
pub use postgres::PostgresStore;
pub use scan::{NewScan, ScanId, ScanInfo, ScanStore};
pub use sqlite::SqliteStore;
pub use status_link::{new_status_token, status_token_hash};
pub use templates::StoredTemplate;
pub use types::*;
