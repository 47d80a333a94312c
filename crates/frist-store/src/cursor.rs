//! Cursors for keyset pagination of the queue.
//!
//! A cursor names the last row of a page by its sort key — `(queue_key, id)`, where
//! `queue_key` is the nearest open deadline in nanoseconds, or `i64::MAX` when there is none —
//! so the next page starts right after it with an index range scan, never an OFFSET. Rows
//! inserted or changed between pages are neither skipped nor repeated unless their own key moves
//! across the cursor. The text is 32 hex digits; callers must treat it as opaque.

use crate::types::{StoreError, StoreResult};

/// The sort key of the last row of a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cursor {
    pub queue_key: i64,
    pub id: i64,
}

impl Cursor {
    pub(crate) fn encode(self) -> String {
        format!("{:016x}{:016x}", bits(self.queue_key), bits(self.id))
    }

    pub(crate) fn decode(text: &str) -> StoreResult<Self> {
        let bad = || StoreError::Invalid("the cursor is not one this store issued".into());
        if text.len() != 32 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let (key, id) = (
            text.get(..16).ok_or_else(bad)?,
            text.get(16..).ok_or_else(bad)?,
        );
        let key = signed(u64::from_str_radix(key, 16).map_err(|_| bad())?);
        let id = signed(u64::from_str_radix(id, 16).map_err(|_| bad())?);
        Ok(Self { queue_key: key, id })
    }
}

/// Two's complement bits, so that negative keys (instants before 1970) encode too.
fn bits(n: i64) -> u64 {
    u64::from_ne_bytes(n.to_ne_bytes())
}

fn signed(n: u64) -> i64 {
    i64::from_ne_bytes(n.to_ne_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_including_negative_and_maximal_keys() {
        for (queue_key, id) in [
            (0, 1),
            (-2_208_988_800_000_000_000, 7),
            (i64::MAX, i64::MAX),
        ] {
            let c = Cursor { queue_key, id };
            assert_eq!(Cursor::decode(&c.encode()).unwrap(), c);
        }
    }

    #[test]
    fn foreign_text_is_an_invalid_cursor() {
        for bad in [
            "",
            "abc",
            "zz00000000000000000000000000000000",
            "é0000000000000000000000000000000",
        ] {
            assert!(
                matches!(Cursor::decode(bad), Err(StoreError::Invalid(_))),
                "{bad}"
            );
        }
    }
}
