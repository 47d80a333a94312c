//! Concurrent callers: every write is answered, none is lost, none is doubled.

use crate::helpers::*;
use frist_core::{EventKind, LifecycleError};
use frist_store::{InquiryFilter, PolicyVersion, Store, StoreError};
use futures_util::future::join_all;
use std::collections::HashSet;

conformance!(
    concurrent_creations_all_succeed_with_unique_gapless_references,
    concurrent_duplicate_creations_store_one_inquiry,
    concurrent_events_on_one_inquiry_get_consecutive_sequence_numbers,
    a_failing_request_does_not_fail_the_requests_committed_with_it,
    two_stores_on_one_database_create_each_inquiry_once,
);

async fn concurrent_creations_all_succeed_with_unique_gapless_references(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let results = join_all((0..200).map(|i| {
        let ros = &ros;
        async move {
            s.create_inquiry(
                email(
                    "2026-03-02T09:00:00+01:00",
                    Some(&format!("<c{i}@example.dk>")),
                ),
                ros,
            )
            .await
        }
    }))
    .await;
    let numbers: HashSet<u32> = results
        .into_iter()
        .map(|r| r.unwrap().stored.inquiry.reference.number())
        .collect();
    assert_eq!(numbers, (1..=200).collect());
    assert_eq!(
        s.list_inquiries(&InquiryFilter::default(), None, 500)
            .await
            .unwrap()
            .items
            .len(),
        200
    );
}

async fn concurrent_duplicate_creations_store_one_inquiry(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let results = join_all((0..20).map(|_| {
        s.create_inquiry(
            email("2026-03-02T09:00:00+01:00", Some("<same@example.dk>")),
            &ros,
        )
    }))
    .await;
    let results: Vec<_> = results.into_iter().map(Result::unwrap).collect();
    assert_eq!(results.iter().filter(|c| c.created).count(), 1);
    assert_eq!(
        results
            .iter()
            .map(|c| c.stored.id)
            .collect::<HashSet<_>>()
            .len(),
        1
    );
    assert_eq!(s.events(results[0].stored.id).await.unwrap().len(), 1);
    // The losers' reference numbers were rolled back: the next inquiry gets number 2.
    let next = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap();
    assert_eq!(next.stored.inquiry.reference.number(), 2);
}

async fn concurrent_events_on_one_inquiry_get_consecutive_sequence_numbers(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let id = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id;
    let notes = join_all((0..30).map(|i| {
        s.append_event(
            id,
            event(
                "2026-03-02T10:00:00+01:00",
                EventKind::Note {
                    text: format!("note {i}"),
                    visible_to_citizen: false,
                },
            ),
        )
    }))
    .await;
    assert!(notes.iter().all(Result::is_ok));
    let stored = s.get_inquiry(id).await.unwrap();
    assert_eq!(stored.inquiry.event_count, 31);
    let events = s.events(id).await.unwrap();
    assert_eq!(events.len(), 31);
    let texts: HashSet<String> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::Note { text, .. } => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(texts.len(), 30);
}

async fn a_failing_request_does_not_fail_the_requests_committed_with_it(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let id = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id;
    // Creations, refused events and writes about unknown inquiries, all at once. Every tenth
    // creation names a policy version that was never registered: its insert fails on a foreign
    // key, amid creations that are stored together with it.
    let unregistered = PolicyVersion {
        id: 4711,
        policy: ros.policy.clone(),
    };
    let creations = join_all((0..110).map(|i| {
        let policy = if i % 10 == 0 { &unregistered } else { &ros };
        s.create_inquiry(email("2026-03-02T09:00:00+01:00", None), policy)
    }));
    let refused = join_all((0..50).map(|_| {
        s.append_event(
            id,
            event(
                "2026-03-02T10:00:00+01:00",
                EventKind::Reopened { reason: None },
            ),
        )
    }));
    let unknown = join_all((0..50).map(|i| {
        s.log_access(
            "auditor",
            1_000_000 + i,
            "cpr",
            at("2026-03-02T10:00:00+01:00"),
        )
    }));
    let (creations, refused, unknown) = tokio::join!(creations, refused, unknown);
    for (i, created) in creations.iter().enumerate() {
        if i % 10 == 0 {
            assert!(matches!(created, Err(StoreError::Other(_))), "{i}");
        } else {
            assert!(created.is_ok(), "{i}");
        }
    }
    assert!(
        refused
            .iter()
            .all(|r| matches!(r, Err(StoreError::Refused(LifecycleError::NotClosed))))
    );
    assert!(
        unknown
            .iter()
            .all(|r| matches!(r, Err(StoreError::NotFound)))
    );
    assert_eq!(
        s.list_inquiries(&InquiryFilter::default(), None, 500)
            .await
            .unwrap()
            .items
            .len(),
        100
    );
    // What was rolled back left no gap in the numbering.
    let page = s
        .list_inquiries(&InquiryFilter::default(), None, 500)
        .await
        .unwrap();
    let numbers: HashSet<u32> = page.items.iter().map(|i| i.reference.number()).collect();
    assert_eq!(numbers, (1..=100).collect());
    assert_eq!(s.events(id).await.unwrap().len(), 1);
}

async fn two_stores_on_one_database_create_each_inquiry_once(db: &TestDb) {
    let s = &db.store;
    let other = frist_store::open(&db.url).await.unwrap();
    let ros = register(s, "roskilde", ROSKILDE).await;
    let ros_there = register(&other, "roskilde", ROSKILDE).await;
    assert_eq!(ros.id, ros_there.id);
    // Both "processes" receive the same 50 messages at the same time.
    let here = join_all((0..50).map(|i| {
        s.create_inquiry(
            email(
                "2026-03-02T09:00:00+01:00",
                Some(&format!("<twice{i}@example.dk>")),
            ),
            &ros,
        )
    }));
    let there = join_all((0..50).map(|i| {
        other.create_inquiry(
            email(
                "2026-03-02T09:00:00+01:00",
                Some(&format!("<twice{i}@example.dk>")),
            ),
            &ros_there,
        )
    }));
    let (here, there) = tokio::join!(here, there);
    for (a, b) in here.into_iter().zip(there) {
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a.stored.id, b.stored.id);
        assert!(a.created != b.created, "exactly one of the two stored it");
    }
    let all = s
        .list_inquiries(&InquiryFilter::default(), None, 500)
        .await
        .unwrap();
    assert_eq!(all.items.len(), 50);
    assert_eq!(
        all.items
            .iter()
            .map(|i| i.reference.number())
            .collect::<HashSet<_>>()
            .len(),
        50
    );
    other.close().await.unwrap();
}
