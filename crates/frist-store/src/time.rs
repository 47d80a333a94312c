//! Instants as the database stores them: signed 64-bit nanoseconds since the Unix epoch (UTC).
//!
//! Integers sort and compare the same in SQLite and PostgreSQL, keep jiff's full precision (so a
//! stored `met_at` compares with `due_at` exactly as the core compares them), and need no time
//! zone handling in SQL. The range is 1677–2262; every instant the lifecycle accepts at receipt
//! and every due instant lies inside the calendar's 1900–2200, so stored deadlines always fit.

use crate::types::{StoreError, StoreResult};
use jiff::Timestamp;

/// The instant in nanoseconds, or an error when it is outside 1677–2262.
pub(crate) fn to_db(t: Timestamp) -> StoreResult<i64> {
    i64::try_from(t.as_nanosecond()).map_err(|_| {
        StoreError::Other(format!(
            "instant {t} is outside the storable range 1677–2262"
        ))
    })
}

/// The instant in nanoseconds, clamped into range. Used for query bounds ("now", report
/// periods), where an instant past the range still orders correctly against stored values, and
/// for an event's `at` column, which only orders and is never read back (the event's JSON keeps
/// the exact instant).
pub(crate) fn to_db_clamped(t: Timestamp) -> i64 {
    let ns = t.as_nanosecond();
    i64::try_from(ns).unwrap_or(if ns < 0 { i64::MIN } else { i64::MAX })
}

pub(crate) fn from_db(ns: i64) -> StoreResult<Timestamp> {
    Timestamp::from_nanosecond(i128::from(ns))
        .map_err(|_| StoreError::Other(format!("stored instant {ns} ns is not a valid instant")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_round_trip_with_nanosecond_precision() {
        let t = Timestamp::new(1_767_225_599, 123_456_789).unwrap();
        assert_eq!(from_db(to_db(t).unwrap()).unwrap(), t);
    }

    #[test]
    fn instants_outside_the_range_are_refused_or_clamped() {
        assert!(to_db(Timestamp::MAX).is_err());
        assert_eq!(to_db_clamped(Timestamp::MAX), i64::MAX);
        assert_eq!(to_db_clamped(Timestamp::MIN), i64::MIN);
    }
}
