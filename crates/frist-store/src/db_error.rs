//! Database errors mapped into [`StoreError`].
//!
//! Messages keep the database's words (constraint and column names), never the values: a
//! driver's error text can end up in logs, and logs must not carry message bodies or CPR
//! numbers.

use crate::types::StoreError;

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) => StoreError::Other(format!("database: {}", db.message())),
            sqlx::Error::PoolTimedOut => StoreError::Other(
                "the database did not answer in time (all connections busy)".into(),
            ),
            other => StoreError::Other(other.to_string()),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StoreError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        StoreError::Other(format!("migrating the database: {e}"))
    }
}

/// Whether `e` is a violation of a unique index (e.g. a second inquiry with the same channel
/// and external id).
pub(crate) fn is_unique_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.is_unique_violation())
}

/// Whether `e` is a violation of a foreign key (a row refers to something that is not there).
pub(crate) fn is_foreign_key_violation(e: &sqlx::Error) -> bool {
    e.as_database_error()
        .is_some_and(|d| d.is_foreign_key_violation())
}

/// How an insert failed: a unique violation as [`StoreError::Conflict`] saying `why`, a row it
/// refers to that is not there as [`StoreError::NotFound`], any other error as it is.
pub(crate) fn insert_error(e: sqlx::Error, why: &str) -> StoreError {
    if is_foreign_key_violation(&e) {
        StoreError::NotFound
    } else {
        conflict_if_unique(e, why)
    }
}

/// A row it refers to that is not there as [`StoreError::NotFound`]; any other error as it is.
pub(crate) fn not_found_if_missing(e: sqlx::Error) -> StoreError {
    if is_foreign_key_violation(&e) {
        StoreError::NotFound
    } else {
        e.into()
    }
}

/// A unique violation as [`StoreError::Conflict`] saying `why`; any other error as it is.
pub(crate) fn conflict_if_unique(e: sqlx::Error, why: &str) -> StoreError {
    if is_unique_violation(&e) {
        StoreError::Conflict(why.into())
    } else {
        e.into()
    }
}
