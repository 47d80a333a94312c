//! Bulk imports without keeping the secondary indexes up to date row by row.
//!
//! Every inserted inquiry places one entry in each secondary index, most of them at a random
//! place (sender search: random keys; queues and workload: keys led by a unit, caseworker, state
//! or deadline), and each transaction writes all the pages it touched to the WAL again. At a
//! million rows that B-tree work was most of SQLite's time in an import. So the first large
//! import of a store drops the indexes of [`DEFERRED`], and they are built again, by one sort
//! each, when the store is closed, or when a store is next opened should the importing process
//! have stopped before closing. Meanwhile every query still answers correctly, by reading the
//! table instead: the queue, the workload and the sender search are slower until the importing
//! store is closed, for any process reading the file.
//!
//! The unique indexes stay: they are what refuses a second inquiry with the same reference or
//! (channel, external id), and the import looks up existing external ids through one. So do the
//! search words (`fulltext.rs`): written in the import's own transactions, they cost nothing
//! measurable at a million inquiries, and the words search finds an imported inquiry at once.
//!
//! Only the names are listed here. The definitions are read from the migrations themselves
//! (the last `CREATE INDEX` of each name), so a migration that changes an index changes what is
//! built here as well; a test checks that the rebuilt schema equals the migrated one. Such a
//! migration should drop the old index with `IF EXISTS`: after an import that stopped before
//! closing, the index is missing until the next opening, which migrates before it rebuilds.

use super::MIGRATOR;
use super::writer::exec;
use crate::types::StoreResult;
use sqlx::SqliteConnection;

/// Imports at least this large drop the indexes; smaller ones keep them (a rebuild reads the
/// whole table).
pub(crate) const LARGE_IMPORT: usize = 5_000;

/// The secondary indexes a large import does without until the store is closed.
const DEFERRED: [&str; 11] = [
    // The front desk's sender search (migration 0008).
    "inquiries_sender_phone",
    "inquiries_sender_email",
    "inquiries_sender_name",
    // The queues (0001) and the lead's workload count (0009).
    "inquiries_queue",
    "inquiries_unit_queue",
    "inquiries_caseworker_queue",
    "inquiries_state_queue",
    "inquiries_workload",
    // An inquiry's obligation rows (0001), when a projection is rewritten.
    "obligations_inquiry",
    // The current hour's open obligations and open inquiries, beside the tallies (0017).
    "obligations_open",
    "inquiries_open_due",
];

/// The statement that creates `name` as the migrations leave it: the text of its last
/// `CREATE INDEX`, exactly as written there (so `sqlite_master` holds the same text after a
/// rebuild), or `None` when a later migration drops it. Statements start at the beginning of a
/// line and end at the next semicolon, as in every migration file.
fn definition(name: &str) -> Option<&'static str> {
    let mut found = None;
    for migration in MIGRATOR.iter() {
        // `migrate!` embeds the files as static text.
        let std::borrow::Cow::Borrowed(sql) = migration.sql else {
            continue;
        };
        let mut offset = 0;
        for line in sql.split_inclusive('\n') {
            let rest = sql.get(offset..).unwrap_or_default();
            offset += line.len();
            if !(line.starts_with("CREATE ") || line.starts_with("DROP ")) {
                continue;
            }
            let statement = rest
                .get(..rest.find(';').unwrap_or(rest.len()))
                .unwrap_or_default()
                .trim_end();
            match index_statement(statement) {
                Some((true, n)) if n == name => found = Some(statement),
                Some((false, n)) if n == name => found = None,
                _ => {}
            }
        }
    }
    found
}

/// `(true, name)` for `CREATE [UNIQUE] INDEX [IF NOT EXISTS] name …`, `(false, name)` for
/// `DROP INDEX [IF EXISTS] name`.
fn index_statement(statement: &str) -> Option<(bool, &str)> {
    let mut words = statement.split_whitespace();
    let created = match words.next()? {
        "CREATE" => true,
        "DROP" => false,
        _ => return None,
    };
    let mut word = words.next()?;
    if created && word == "UNIQUE" {
        word = words.next()?;
    }
    if word != "INDEX" {
        return None;
    }
    let mut name = words.next()?;
    if name == "IF" {
        words.find(|w| *w == "EXISTS")?;
        name = words.next()?;
    }
    Some((created, name))
}

/// Drops the [`DEFERRED`] indexes, in the caller's transaction.
pub(crate) async fn drop_indexes(conn: &mut SqliteConnection) -> StoreResult<()> {
    for name in DEFERRED {
        sqlx::Executor::execute(&mut *conn, format!("DROP INDEX IF EXISTS {name}").as_str())
            .await?;
    }
    Ok(())
}

/// Builds the [`DEFERRED`] indexes that are missing; does nothing when all are there.
pub(crate) async fn build_missing_indexes(conn: &mut SqliteConnection) -> StoreResult<()> {
    let present: Vec<String> =
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'index'")
            .fetch_all(&mut *conn)
            .await?;
    let missing: Vec<&'static str> = DEFERRED
        .into_iter()
        .filter(|name| !present.iter().any(|p| p == name))
        .filter_map(definition)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    // Each build is a scan of the table and a sort. A sort larger than the page cache is sorted
    // in pieces, and with helper threads on both cores; at a million inquiries each index's keys
    // still fit in the cache, so this changed nothing measurable there (BENCHMARKS.md).
    exec(conn, "PRAGMA threads = 2").await?;
    for statement in missing {
        sqlx::Executor::execute(&mut *conn, statement).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{DEFERRED, LARGE_IMPORT, MIGRATOR, build_missing_indexes, drop_indexes};
    use crate::{InquiryFilter, SenderQuery, SqliteStore, Store, WorkloadBounds};
    use frist_core::{NewInquiry, Sender};
    use frist_policy::{Addressee, Channel, InquiryKind, Policy};
    use jiff::{SignedDuration, Timestamp};
    use sqlx::{Connection, SqliteConnection};
    use std::sync::Arc;

    const ROSKILDE: &str = include_str!("../../../../policies/roskilde.toml");

    fn letter(i: usize) -> NewInquiry {
        let start: Timestamp = "2026-03-02T09:00:00+01:00".parse().unwrap();
        NewInquiry {
            channel: if i % 3 == 0 {
                Channel::Email
            } else {
                Channel::Letter
            },
            to: Addressee::General,
            unit: None,
            caseworker: None,
            kind: InquiryKind::GeneralQuestion,
            case_type: None,
            received_at: start + SignedDuration::from_mins(i as i64 % 1000),
            sender: Sender {
                phone: Some(format!("2{i:07}")),
                ..Sender::default()
            },
            language: None,
            subject: "Brev".into(),
            body: "Et brev".into(),
            attachments: Vec::new(),
            external_id: None,
        }
    }

    /// Every index of the file: name and the statement that made it.
    async fn indexes(conn: &mut SqliteConnection) -> Vec<(String, Option<String>)> {
        sqlx::query_as("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
            .fetch_all(conn)
            .await
            .unwrap()
    }

    async fn deferred_present(url: &str) -> usize {
        let mut conn = SqliteConnection::connect(url).await.unwrap();
        let present = indexes(&mut conn).await;
        DEFERRED
            .iter()
            .filter(|name| present.iter().any(|(p, _)| p == *name))
            .count()
    }

    #[tokio::test]
    async fn the_rebuilt_indexes_are_exactly_those_the_migrations_made() {
        let mut conn = SqliteConnection::connect("sqlite::memory:").await.unwrap();
        MIGRATOR.run(&mut conn).await.unwrap();
        let migrated = indexes(&mut conn).await;
        for name in DEFERRED {
            assert!(
                migrated.iter().any(|(n, _)| n == name),
                "{name} is migrated"
            );
        }
        drop_indexes(&mut conn).await.unwrap();
        assert_eq!(
            indexes(&mut conn).await.len(),
            migrated.len() - DEFERRED.len()
        );
        build_missing_indexes(&mut conn).await.unwrap();
        assert_eq!(indexes(&mut conn).await, migrated);
    }

    #[test]
    fn index_statements_are_recognised_in_every_spelling() {
        use super::index_statement;
        assert_eq!(
            index_statement("CREATE INDEX a ON t (x)"),
            Some((true, "a"))
        );
        assert_eq!(
            index_statement("CREATE UNIQUE INDEX IF NOT EXISTS b ON t (x)"),
            Some((true, "b"))
        );
        assert_eq!(
            index_statement("DROP INDEX IF EXISTS c"),
            Some((false, "c"))
        );
        assert_eq!(index_statement("DROP INDEX d"), Some((false, "d")));
        assert_eq!(index_statement("CREATE TABLE e (x)"), None);
        assert_eq!(index_statement("DROP TABLE f"), None);
    }

    #[tokio::test]
    async fn a_large_import_answers_like_an_indexed_store_and_has_its_indexes_again_after_closing()
    {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("bulk.db").display());
        let store = SqliteStore::open(&url).await.unwrap();
        let policy = Arc::new(Policy::from_toml("roskilde", ROSKILDE).unwrap());
        let version = store
            .register_policy("roskilde", ROSKILDE, policy)
            .await
            .unwrap();
        let batch: Vec<NewInquiry> = (0..LARGE_IMPORT).map(letter).collect();
        let summary = store.import_inquiries(batch, &version).await.unwrap();
        assert_eq!(summary.imported, LARGE_IMPORT as u64);
        assert_eq!(deferred_present(&url).await, 0, "dropped during the import");

        // What the queue, the workload and the desk's search answer without the indexes...
        let open = InquiryFilter {
            open: Some(true),
            ..InquiryFilter::default()
        };
        let now: Timestamp = "2026-03-09T12:00:00+01:00".parse().unwrap();
        let bounds = WorkloadBounds {
            now,
            today_end: now + SignedDuration::from_hours(12),
            risk_end: now + SignedDuration::from_hours(36),
        };
        let sender = SenderQuery::parse("20000042").unwrap();
        let answers = async |store: &SqliteStore| {
            let first = store.list_inquiries(&open, None, 50).await.unwrap();
            let cursor = first.next_cursor.clone();
            let second = store
                .list_inquiries(&open, cursor.as_deref(), 50)
                .await
                .unwrap();
            let workload = store.workload(bounds).await.unwrap();
            let found = store.find_by_sender(&sender, 10).await.unwrap();
            (first, second, workload, found)
        };
        let without = answers(&store).await;
        assert_eq!(without.0.items.len(), 50);
        assert_eq!(without.3.len(), 1);
        store.close().await.unwrap();
        assert_eq!(
            deferred_present(&url).await,
            DEFERRED.len(),
            "built again by close"
        );
        // ... is what they answer with them.
        let store = SqliteStore::open(&url).await.unwrap();
        assert_eq!(answers(&store).await, without);
        store.close().await.unwrap();
    }

    #[tokio::test]
    async fn a_store_left_without_its_indexes_builds_them_when_opened() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("stopped.db").display());
        SqliteStore::open(&url)
            .await
            .unwrap()
            .close()
            .await
            .unwrap();
        // As if an importing process had stopped before closing.
        let mut conn = SqliteConnection::connect(&url).await.unwrap();
        drop_indexes(&mut conn).await.unwrap();
        conn.close().await.unwrap();
        assert_eq!(deferred_present(&url).await, 0);
        SqliteStore::open(&url)
            .await
            .unwrap()
            .close()
            .await
            .unwrap();
        assert_eq!(deferred_present(&url).await, DEFERRED.len());
    }
}
