//! Checkpoints on a connection of their own, beside the writer.
//!
//! In WAL mode every committed page is written twice: to the WAL at commit, and later into the
//! database file by a checkpoint. SQLite runs that checkpoint in the connection that committed,
//! so the single writer spent about a sixth of its time in a bulk import copying pages from the
//! WAL into the file (BENCHMARKS.md), while the second core waited. Here a connection of its own
//! copies them after each commit (`PASSIVE`: it never waits for, nor blocks, the writer or a
//! reader), on its own thread. The writer still checkpoints itself when the WAL passes
//! [`WRITER_CHECKPOINT_PAGES`]: by then most pages are copied already, so that is quick, and it
//! is what lets the WAL start again from its beginning instead of growing.
//!
//! Durability is unchanged: a commit is on disk when it is in the WAL (`synchronous = FULL`).

use sqlx::SqliteConnection;
use tokio::sync::mpsc;

/// WAL pages (of 4 KiB) after which the writer checkpoints itself (SQLite's default is 1,000).
/// A bulk import commits tens of MB at a time; this leaves the checkpointer a few commits to copy
/// before the writer restarts the WAL.
pub(crate) const WRITER_CHECKPOINT_PAGES: &str = "65536";

/// Wakes the checkpointer after a commit; cheap to clone. A wake while one is pending is merged
/// with it.
#[derive(Debug, Clone)]
pub(crate) struct Checkpointer {
    wake: mpsc::Sender<()>,
}

impl Checkpointer {
    /// Starts checkpointing on `conn` until every handle is dropped. Must be called inside a
    /// Tokio runtime.
    pub(crate) fn start(conn: SqliteConnection) -> Self {
        let (wake, woken) = mpsc::channel(1);
        tokio::spawn(run(conn, woken));
        Self { wake }
    }

    /// Asks for a checkpoint of what is committed now.
    pub(crate) fn committed(&self) {
        // Full: a checkpoint is already waiting to run, and it will copy this commit too.
        let _ = self.wake.try_send(());
    }
}

async fn run(mut conn: SqliteConnection, mut woken: mpsc::Receiver<()>) {
    while woken.recv().await.is_some() {
        // A failed checkpoint loses nothing: the pages stay in the WAL for the next one.
        if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&mut conn)
            .await
        {
            tracing::warn!(error = %e, "a background checkpoint failed");
        }
    }
    let _ = sqlx::Connection::close(conn).await;
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::{SqliteStore, Store};
    use frist_policy::Policy;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    const ROSKILDE: &str = include_str!("../../../../policies/roskilde.toml");

    #[tokio::test]
    async fn committed_pages_reach_the_database_file_without_the_writer_checkpointing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("checkpoint.db");
        let store = SqliteStore::open(&format!("sqlite://{}", path.display()))
            .await
            .unwrap();
        // The migrated schema is in the WAL, far below the writer's own checkpoint threshold:
        // only the checkpointer, woken by this commit, copies it into the file.
        let policy = Arc::new(Policy::from_toml("roskilde", ROSKILDE).unwrap());
        store
            .register_policy("roskilde", ROSKILDE, policy)
            .await
            .unwrap();
        let file_size = || std::fs::metadata(&path).unwrap().len();
        let deadline = Instant::now() + Duration::from_secs(30);
        while file_size() < 64 * 1024 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(
            file_size() >= 64 * 1024,
            "the file has {} bytes",
            file_size()
        );
        store.close().await.unwrap();
    }
}
