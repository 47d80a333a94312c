//! Citizens' status links: stored by hash, found by hash, never duplicated.

use crate::helpers::*;
use frist_store::{Store, StoreError};

conformance!(
    a_status_link_leads_to_its_inquiry_by_hash,
    an_unknown_status_link_is_not_found,
    a_status_link_hash_is_stored_once_and_only_for_an_existing_inquiry,
);

async fn a_status_link_leads_to_its_inquiry_by_hash(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let first = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id;
    let second = s
        .create_inquiry(email("2026-03-02T10:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id;
    let now = at("2026-03-02T10:00:00+01:00");
    s.create_status_link(&"a".repeat(64), first, now)
        .await
        .unwrap();
    s.create_status_link(&"b".repeat(64), second, now)
        .await
        .unwrap();
    assert_eq!(s.status_link(&"a".repeat(64)).await.unwrap(), first);
    assert_eq!(s.status_link(&"b".repeat(64)).await.unwrap(), second);
}

async fn an_unknown_status_link_is_not_found(db: &TestDb) {
    let result = db.store.status_link(&"c".repeat(64)).await;
    assert!(matches!(result, Err(StoreError::NotFound)), "{result:?}");
}

async fn a_status_link_hash_is_stored_once_and_only_for_an_existing_inquiry(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let id = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id;
    let now = at("2026-03-02T10:00:00+01:00");
    s.create_status_link("d", id, now).await.unwrap();
    let again = s.create_status_link("d", id, now).await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
    let orphan = s.create_status_link("e", id + 1, now).await;
    assert!(matches!(orphan, Err(StoreError::NotFound)), "{orphan:?}");
    assert!(matches!(
        s.status_link("e").await,
        Err(StoreError::NotFound)
    ));
}
