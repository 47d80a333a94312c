//! Bulk import: the same rows as one by one, duplicates skipped and counted.

use crate::helpers::*;
use frist_policy::Channel;
use frist_store::{ImportSummary, InquiryFilter, Store, StoreError};

conformance!(
    bulk_import_stores_each_inquiry_once_and_counts_duplicates,
    an_import_with_a_refused_inquiry_stores_nothing,
    an_import_larger_than_one_transaction_numbers_every_inquiry,
);

async fn bulk_import_stores_each_inquiry_once_and_counts_duplicates(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    // One created before, one by one.
    s.create_inquiry(
        email("2026-03-02T08:00:00+01:00", Some("<m0@example.dk>")),
        &ros,
    )
    .await
    .unwrap();
    let mut batch: Vec<_> = (0..20)
        .map(|i| {
            email(
                "2026-03-02T09:00:00+01:00",
                Some(&format!("<m{i}@example.dk>")),
            )
        })
        .collect();
    // Repeated in the batch:
    batch.push(email("2026-03-02T09:00:00+01:00", Some("<m3@example.dk>")));
    batch.push(email("2026-03-02T09:00:00+01:00", None));
    batch.push(email("2026-03-02T09:00:00+01:00", None));
    let mut on_form = email("2026-03-02T09:00:00+01:00", Some("<m5@example.dk>"));
    on_form.channel = Channel::WebForm; // another channel: not a duplicate
    batch.push(on_form);
    let summary = s.import_inquiries(batch.clone(), &ros).await.unwrap();
    assert_eq!(
        summary,
        ImportSummary {
            imported: 22,
            duplicates: 2
        }
    );
    // Importing the same again stores nothing but the two without an external id.
    let again = s.import_inquiries(batch, &ros).await.unwrap();
    assert_eq!(
        again,
        ImportSummary {
            imported: 2,
            duplicates: 22
        }
    );

    let page = s
        .list_inquiries(&InquiryFilter::default(), None, 500)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 25);
    let mut numbers: Vec<u32> = page.items.iter().map(|i| i.reference.number()).collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=25).collect::<Vec<_>>());
    // Imported inquiries are like created ones: the received event, the derived obligations.
    for item in &page.items {
        let stored = s.get_inquiry(item.id).await.unwrap();
        assert_eq!(s.events(item.id).await.unwrap().len(), 1);
        let expected = if stored.inquiry.received.channel == Channel::Email {
            2
        } else {
            1
        };
        assert_eq!(stored.inquiry.obligations.len(), expected);
        assert_eq!(
            s.find_by_reference(&item.reference).await.unwrap().id,
            item.id
        );
    }
    let created = s
        .create_inquiry(
            email("2026-03-02T09:00:00+01:00", Some("<m7@example.dk>")),
            &ros,
        )
        .await
        .unwrap();
    assert!(!created.created);
}

async fn an_import_with_a_refused_inquiry_stores_nothing(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let mut batch: Vec<_> = (0..10)
        .map(|_| email("2026-03-02T09:00:00+01:00", None))
        .collect();
    batch.push(email("1066-10-14T12:00:00Z", None));
    assert!(matches!(
        s.import_inquiries(batch, &ros).await,
        Err(StoreError::Refused(_))
    ));
    assert!(
        s.list_inquiries(&InquiryFilter::default(), None, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    assert_eq!(
        s.import_inquiries(Vec::new(), &ros).await.unwrap(),
        ImportSummary::default()
    );
}

async fn an_import_larger_than_one_transaction_numbers_every_inquiry(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let batch: Vec<_> = (0..4_500)
        .map(|i| {
            // Spread over two years of receipt, so two counters are used.
            let year = if i % 2 == 0 { 2026 } else { 2027 };
            email(
                &format!("{year}-03-02T09:00:00+01:00"),
                Some(&format!("<bulk{i}@example.dk>")),
            )
        })
        .collect();
    let summary = s.import_inquiries(batch, &ros).await.unwrap();
    assert_eq!(
        summary,
        ImportSummary {
            imported: 4_500,
            duplicates: 0
        }
    );
    let mut references = std::collections::HashSet::new();
    let mut cursor = None;
    loop {
        let page = s
            .list_inquiries(&InquiryFilter::default(), cursor.as_deref(), 500)
            .await
            .unwrap();
        references.extend(page.items.iter().map(|i| i.reference.to_string()));
        match page.next_cursor {
            Some(next) => cursor = Some(next),
            None => break,
        }
    }
    assert_eq!(references.len(), 4_500);
    assert!(references.contains("ROS-2026-002250"));
    assert!(references.contains("ROS-2027-002250"));
    assert!(!references.contains("ROS-2026-002251"));
}
