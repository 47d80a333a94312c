//! The store's operations, written once for both backends: each takes a [`Conn`] of either kind
//! and runs one SQL text on it (see `sql.rs`). The backends decide only where an operation runs:
//! SQLite's writes on the writer's connection inside its group commit, PostgreSQL's in a
//! transaction of their own (`backend.rs`).
//!
//! [`Conn`]: crate::sql::Conn

pub(crate) mod accounts;
pub(crate) mod append;
pub(crate) mod directory;
pub(crate) mod mail;
pub(crate) mod notices;
pub(crate) mod outbox;
pub(crate) mod read;
pub(crate) mod scan;
pub(crate) mod service;
pub(crate) mod templates;
