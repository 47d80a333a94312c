//! Search by reference, citizen and words (the staff pages' search), on every backend.

use crate::helpers::*;
use frist_core::{CloseReason, Cvr, Sender};
use frist_store::{AnyStore, InquiryId, Store, TextQuery};
use std::collections::HashSet;

conformance!(
    finds_by_reference_name_email_phone_cvr_and_words_of_subject_and_body,
    never_finds_a_cpr_number,
    pages_of_results_come_newest_first_and_visit_every_match_once,
    inquiries_stored_before_the_index_are_indexed_when_the_store_is_opened,
    a_word_in_thousands_of_inquiries_pages_the_same_way,
);

async fn found(s: &AnyStore, text: &str) -> Vec<InquiryId> {
    let page = s.search(&TextQuery::parse(text), None, 500).await.unwrap();
    assert_eq!(page.next_cursor, None);
    page.items.iter().map(|i| i.id).collect()
}

/// Karen's e-mail about a fence (with her CPR number in the body) and a company's letter.
async fn two(s: &AnyStore) -> (InquiryId, InquiryId) {
    let ros = register(s, "roskilde", ROSKILDE).await;
    let mut karen = email("2026-03-02T09:00:00+01:00", None);
    karen.subject = "Hegn mod naboen".into();
    karen.body = "Må jeg sætte et hegn op? Mit CPR-nummer er 010190-1234.".into();
    karen.sender = Sender {
        name: Some("Karen Østergaard Jensen".into()),
        email: Some("Karen.Jensen@Example.dk".into()),
        phone: Some("+45 43 59 10 00".into()),
        ..Sender::default()
    };
    let karen = s.create_inquiry(karen, &ros).await.unwrap().stored.id;
    let mut firm = email("2026-03-03T09:00:00+01:00", None);
    firm.subject = "Skiltning ved butikken".into();
    firm.body = "Vi ønsker at opsætte et skilt.".into();
    firm.sender = Sender {
        name: Some("Bager Hansen ApS".into()),
        cvr: Some(Cvr::parse("12345678").unwrap()),
        ..Sender::default()
    };
    let firm = s.create_inquiry(firm, &ros).await.unwrap().stored.id;
    (karen, firm)
}

async fn finds_by_reference_name_email_phone_cvr_and_words_of_subject_and_body(db: &TestDb) {
    let s = &db.store;
    let (karen, firm) = two(s).await;
    for text in [
        "ROS-2026-000001",
        "ros-2026-000001",
        "Karen",
        "østergaard jensen",
        "karen.jensen@example.dk",
        "43 59 10 00",
        "43591000",
        "+45 4359 1000",
        "hegn",
        "HEGN naboen",
    ] {
        assert_eq!(found(s, text).await, [karen], "{text}");
    }
    for text in ["12345678", "Bager", "skilt"] {
        assert_eq!(found(s, text).await, [firm], "{text}");
    }
    // Every word must be there; closed inquiries are found as well.
    assert!(found(s, "hegn skilt").await.is_empty());
    assert_eq!(found(s, "et").await, [firm, karen]);
    s.append_event(
        karen,
        close("2026-03-04T09:00:00+01:00", CloseReason::Duplicate),
    )
    .await
    .unwrap();
    assert_eq!(found(s, "hegn").await, [karen]);
    assert!(found(s, "").await.is_empty());
    assert!(found(s, "  – ").await.is_empty());
}

async fn never_finds_a_cpr_number(db: &TestDb) {
    let s = &db.store;
    let (karen, _) = two(s).await;
    for text in [
        "010190-1234",
        "0101901234",
        "010190 1234",
        "hegn 010190-1234",
    ] {
        let query = TextQuery::parse(text);
        assert!(query.cpr_left_out, "{text}");
        let hits = found(s, text).await;
        if text.starts_with("hegn") {
            assert_eq!(hits, [karen], "the other words are still searched");
        } else {
            assert!(hits.is_empty(), "{text}");
        }
    }
    // Not even the birth date or the last four digits went into the index.
    assert!(found(s, "010190").await.is_empty());
    assert!(found(s, "1234").await.is_empty());
}

async fn pages_of_results_come_newest_first_and_visit_every_match_once(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let batch: Vec<_> = (0..23)
        .map(|i| email(&format!("2026-03-{:02}T09:00:00+01:00", 2 + i % 20), None))
        .collect();
    s.import_inquiries(batch, &ros).await.unwrap();
    let all = found(s, "affald").await;
    assert_eq!(all.len(), 23);
    assert!(
        all.windows(2).all(|w| w[0] > w[1]),
        "newest (highest id) first"
    );
    for limit in [1, 5, 22, 23] {
        let (mut seen, mut cursor) = (Vec::new(), None);
        loop {
            let page = s
                .search(&TextQuery::parse("affald"), cursor.as_deref(), limit)
                .await
                .unwrap();
            assert!(page.items.len() <= limit as usize);
            seen.extend(page.items.iter().map(|i| i.id));
            match page.next_cursor {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(seen, all, "limit {limit}");
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
    }
}

async fn inquiries_stored_before_the_index_are_indexed_when_the_store_is_opened(db: &TestDb) {
    let s = &db.store;
    let (karen, _) = two(s).await;
    // As a database from before the index: no words, every inquiry waiting for them.
    let empty = if db.url.starts_with("sqlite:") {
        "INSERT INTO inquiry_search (inquiry_search) VALUES ('delete-all')"
    } else {
        "DELETE FROM inquiry_search"
    };
    execute_directly(db, empty).await.unwrap();
    execute_directly(
        db,
        "INSERT INTO search_backfill (inquiry_id) SELECT id FROM inquiries",
    )
    .await
    .unwrap();
    assert!(found(s, "hegn").await.is_empty());
    let reopened = frist_store::open(&db.url).await.unwrap();
    assert_eq!(found(&reopened, "hegn").await, [karen]);
    assert!(found(&reopened, "010190").await.is_empty());
}

/// More matches than PostgreSQL's threshold for walking the primary key (see `fulltext.rs`).
async fn a_word_in_thousands_of_inquiries_pages_the_same_way(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let batch: Vec<_> = (0..2_300)
        .map(|_| email("2026-03-02T09:00:00+01:00", None))
        .collect();
    s.import_inquiries(batch, &ros).await.unwrap();
    let (mut seen, mut cursor) = (Vec::new(), None);
    loop {
        let page = s
            .search(&TextQuery::parse("affald"), cursor.as_deref(), 500)
            .await
            .unwrap();
        seen.extend(page.items.iter().map(|i| i.id));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(seen.len(), 2_300);
    assert!(
        seen.windows(2).all(|w| w[0] > w[1]),
        "newest first, each once"
    );
}
