//! Leases: one holder at a time of a piece of background work (the scheduler, the outbox's
//! dispatcher, the mail fetchers) per database, so that two `frist serve` on one PostgreSQL
//! never both do it and, when the holder dies, the other takes over.
//!
//! On PostgreSQL a lease is a session-level advisory lock held on a connection of its own,
//! outside the pool: the server releases it when that connection ends — also when the process
//! holding it is killed, since the kernel closes its socket. [`Lease::check`] asks the
//! connection whether it is still there; once it is not, the lease is lost and the work must
//! stop. On SQLite a database has one process that runs the background work, so the lease is
//! always granted.

use crate::any::AnyStore;
use crate::types::{StoreError, StoreResult};
use sqlx::{Connection, PgConnection};

/// A lease held; dropping it releases it.
#[derive(Debug)]
pub struct Lease {
    name: String,
    holder: Holder,
}

#[derive(Debug)]
enum Holder {
    /// SQLite: the only process.
    Alone,
    /// PostgreSQL: the connection holding the advisory lock.
    Postgres(PgConnection),
}

/// The advisory lock's key: a stable 64-bit number for the lease's name (FNV-1a), so every
/// node computes the same one.
fn key(name: &str) -> i64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in name.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    i64::from_ne_bytes(hash.to_ne_bytes())
}

impl AnyStore {
    /// Takes the lease `name` if nobody holds it: `None` when another node does.
    pub async fn try_lease(&self, name: &str) -> StoreResult<Option<Lease>> {
        let holder = match self {
            AnyStore::Sqlite(_) => Holder::Alone,
            AnyStore::Postgres(s) => {
                let mut conn = s.dedicated_connection().await?;
                let taken: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
                    .bind(key(name))
                    .fetch_one(&mut conn)
                    .await?;
                if !taken {
                    let _ = conn.close().await;
                    return Ok(None);
                }
                Holder::Postgres(conn)
            }
        };
        Ok(Some(Lease {
            name: name.to_owned(),
            holder,
        }))
    }
}

impl Lease {
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the lease is still held: on PostgreSQL, whether its connection still answers
    /// and still holds the lock. An error means it is lost.
    pub async fn check(&mut self) -> StoreResult<()> {
        match &mut self.holder {
            Holder::Alone => Ok(()),
            Holder::Postgres(conn) => {
                let held: bool = sqlx::query_scalar(
                    "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' \
                     AND pid = pg_backend_pid() AND granted \
                     AND ((classid::bigint << 32) | objid::bigint) = $1)",
                )
                .bind(key(&self.name))
                .fetch_one(conn)
                .await?;
                if held {
                    Ok(())
                } else {
                    Err(StoreError::Other(format!(
                        "the lease {} was lost",
                        self.name
                    )))
                }
            }
        }
    }

    /// Gives the lease up at once (dropping it does too, when its connection closes).
    pub async fn release(self) {
        if let Holder::Postgres(conn) = self.holder {
            let _ = conn.close().await;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn a_lease_name_has_one_key_and_names_differ() {
        assert_eq!(key("scheduler"), key("scheduler"));
        assert_ne!(key("scheduler"), key("outbox"));
    }
}
