//! Opening databases: URL schemes, creating, reopening.

use crate::helpers::*;
use frist_store::{InquiryFilter, Store, StoreError};

conformance!(reopening_a_database_keeps_everything_and_numbering_continues);

async fn reopening_a_database_keeps_everything_and_numbering_continues(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let first = s
        .create_inquiry(
            email("2026-03-02T09:00:00+01:00", Some("<r1@example.dk>")),
            &ros,
        )
        .await
        .unwrap()
        .stored;
    s.append_event(first.id, answer("2026-03-02T10:00:00+01:00"))
        .await
        .unwrap();

    // A second store on the same database, as after a restart (migrations run again: no-ops).
    let reopened = frist_store::open(&db.url).await.unwrap();
    let policy = reopened.policy(ros.id).await.unwrap();
    assert_eq!(policy.policy.municipality.reference_prefix, "ROS");
    let stored = reopened.get_inquiry(first.id).await.unwrap();
    assert_eq!(stored.inquiry.event_count, 2);
    assert_eq!(reopened.events(first.id).await.unwrap().len(), 2);
    let again = reopened
        .create_inquiry(
            email("2026-03-02T09:00:00+01:00", Some("<r1@example.dk>")),
            &policy,
        )
        .await
        .unwrap();
    assert!(!again.created);
    let next = reopened
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &policy)
        .await
        .unwrap();
    assert_eq!(next.stored.inquiry.reference.to_string(), "ROS-2026-000002");
    reopened.close().await.unwrap();
    assert_eq!(
        s.list_inquiries(&InquiryFilter::default(), None, 10)
            .await
            .unwrap()
            .items
            .len(),
        2
    );
}

#[tokio::test]
async fn urls_with_other_schemes_are_refused_without_echoing_them() {
    for url in [
        "mysql://root:secret@localhost/frist",
        "frist.db",
        "",
        "://x",
    ] {
        match frist_store::open(url).await {
            Err(StoreError::Other(message)) => assert!(!message.contains("secret"), "{message}"),
            other => panic!("{url}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn a_sqlite_url_without_slashes_creates_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.db");
    let store = frist_store::open(&format!("sqlite:{}", path.display()))
        .await
        .unwrap();
    assert!(path.exists());
    assert_eq!(store.backend(), "sqlite");
    store.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_in_memory_sqlite_database_serves_reads_and_writes() {
    let store = frist_store::open("sqlite::memory:").await.unwrap();
    let ros = register(&store, "roskilde", ROSKILDE).await;
    let created = store
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap();
    assert_eq!(
        store
            .get_inquiry(created.stored.id)
            .await
            .unwrap()
            .inquiry
            .reference
            .number(),
        1
    );
    store.close().await.unwrap();
}
