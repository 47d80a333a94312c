//! Receiving inquiries: references, obligations, idempotency, refusals.

use crate::helpers::*;
use frist_core::{LifecycleError, TrackedObligation};
use frist_policy::{Channel, InquiryFacts};
use frist_store::{InquiryFilter, Store, StoreError};

conformance!(
    references_count_from_one_per_municipality_and_year_of_receipt,
    a_new_inquiry_carries_the_obligations_its_policy_derives,
    intake_is_idempotent_on_channel_and_external_id,
    an_inquiry_the_lifecycle_refuses_is_not_stored_and_uses_no_number,
    unknown_ids_and_references_are_not_found,
    cpr_numbers_in_subjects_are_masked_in_the_queue_but_kept_in_the_inquiry,
);

async fn references_count_from_one_per_municipality_and_year_of_receipt(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let ste = register(s, "stevns", STEVNS).await;
    let mut references = Vec::new();
    for (policy, received_at) in [
        (&ros, "2026-03-02T09:00:00+01:00"),
        (&ros, "2026-03-02T10:00:00+01:00"),
        (&ste, "2026-03-02T10:00:00+01:00"),
        // 31 December 23:30 UTC is already 2027 in Copenhagen.
        (&ros, "2026-12-31T23:30:00Z"),
        (&ros, "2026-03-03T09:00:00+01:00"),
    ] {
        let created = s
            .create_inquiry(email(received_at, None), policy)
            .await
            .unwrap();
        assert!(created.created);
        references.push(created.stored.inquiry.reference.to_string());
    }
    assert_eq!(
        references,
        [
            "ROS-2026-000001",
            "ROS-2026-000002",
            "STE-2026-000001",
            "ROS-2027-000001",
            "ROS-2026-000003"
        ]
    );
}

async fn a_new_inquiry_carries_the_obligations_its_policy_derives(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let new = email("2026-03-02T09:00:00+01:00", Some("<a@example.dk>"));
    let created = s.create_inquiry(new.clone(), &ros).await.unwrap();
    let facts = InquiryFacts {
        channel: new.channel,
        to: new.to,
        kind: new.kind,
        case_type: None,
        received_at: new.received_at,
    };
    let expected: Vec<TrackedObligation> = ros
        .policy
        .obligations(&facts)
        .unwrap()
        .iter()
        .map(TrackedObligation::derived)
        .collect();
    let goals: Vec<(&str, String)> = created
        .stored
        .inquiry
        .obligations
        .iter()
        .map(|o| (o.goal.as_str(), o.due_date.to_string()))
        .collect();
    assert_eq!(
        goals,
        [
            ("ROS-2", "2026-03-16".to_owned()),
            ("ROS-1", "2026-03-04".to_owned())
        ]
    );
    assert_eq!(created.stored.inquiry.obligations, expected);
    assert_eq!(created.stored.policy_id, ros.id);
    assert_eq!(created.stored.inquiry.received, new);

    let got = s.get_inquiry(created.stored.id).await.unwrap();
    assert_eq!(got.inquiry, created.stored.inquiry);
    let found = s
        .find_by_reference(&created.stored.inquiry.reference)
        .await
        .unwrap();
    assert_eq!(found.id, created.stored.id);
    let events = s.events(created.stored.id).await.unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind.name(), "received");
}

async fn intake_is_idempotent_on_channel_and_external_id(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let first = s
        .create_inquiry(
            email("2026-03-02T09:00:00+01:00", Some("<m1@example.dk>")),
            &ros,
        )
        .await
        .unwrap();
    // The same message again, even with other content, is the same inquiry.
    let mut again = email("2026-03-02T09:05:00+01:00", Some("<m1@example.dk>"));
    again.subject = "Noget andet".into();
    let second = s.create_inquiry(again, &ros).await.unwrap();
    assert!(first.created);
    assert!(!second.created);
    assert_eq!(second.stored.id, first.stored.id);
    assert_eq!(second.stored.inquiry, first.stored.inquiry);
    assert_eq!(s.events(first.stored.id).await.unwrap().len(), 1);

    // The same id on another channel is another inquiry; inquiries without one never clash.
    let mut on_form = email("2026-03-02T09:00:00+01:00", Some("<m1@example.dk>"));
    on_form.channel = Channel::WebForm;
    assert!(s.create_inquiry(on_form, &ros).await.unwrap().created);
    assert!(
        s.create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
            .await
            .unwrap()
            .created
    );
    assert!(
        s.create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
            .await
            .unwrap()
            .created
    );
    let all = s
        .list_inquiries(&InquiryFilter::default(), None, 100)
        .await
        .unwrap();
    assert_eq!(all.items.len(), 4);
}

async fn an_inquiry_the_lifecycle_refuses_is_not_stored_and_uses_no_number(db: &TestDb) {
    let s = &db.store;
    let tst = register(s, "test", TEST_POLICY).await;
    let long_ago = email("1850-01-01T12:00:00Z", Some("<old@example.dk>"));
    assert!(matches!(
        s.create_inquiry(long_ago, &tst).await,
        Err(StoreError::Refused(LifecycleError::Deadline(_)))
    ));
    let far_ahead = email("2400-01-01T12:00:00Z", None);
    assert!(matches!(
        s.create_inquiry(far_ahead, &tst).await,
        Err(StoreError::Refused(_))
    ));
    let mut unknown_case = email("2026-03-02T09:00:00+01:00", None);
    unknown_case.case_type = Some("hundeskat".into());
    assert!(matches!(
        s.create_inquiry(unknown_case, &tst).await,
        Err(StoreError::Refused(LifecycleError::Deadline(_)))
    ));

    assert!(
        s.list_inquiries(&InquiryFilter::default(), None, 10)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let ok = s
        .create_inquiry(
            email("2026-03-02T09:00:00+01:00", Some("<old@example.dk>")),
            &tst,
        )
        .await
        .unwrap();
    assert_eq!(ok.stored.inquiry.reference.to_string(), "TST-2026-000001");
}

async fn unknown_ids_and_references_are_not_found(db: &TestDb) {
    let s = &db.store;
    register(s, "roskilde", ROSKILDE).await;
    assert!(matches!(
        s.get_inquiry(4711).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(s.events(4711).await, Err(StoreError::NotFound)));
    assert!(matches!(
        s.append_event(4711, answer("2026-03-02T10:00:00+01:00"))
            .await,
        Err(StoreError::NotFound)
    ));
    let reference = "ROS-2026-000042".parse().unwrap();
    assert!(matches!(
        s.find_by_reference(&reference).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(s.policy(4711).await, Err(StoreError::NotFound)));
}

async fn cpr_numbers_in_subjects_are_masked_in_the_queue_but_kept_in_the_inquiry(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let mut new = email("2026-03-02T09:00:00+01:00", None);
    new.subject = "Vedr. 010190-1234".into();
    new.sender.name = Some("Jens 0101901234".into());
    let created = s.create_inquiry(new, &ros).await.unwrap();
    let page = s
        .list_inquiries(&InquiryFilter::default(), None, 10)
        .await
        .unwrap();
    assert_eq!(page.items[0].subject, "Vedr. 010190-XXXX");
    assert_eq!(
        page.items[0].sender_name.as_deref(),
        Some("Jens 010190-XXXX")
    );
    let stored = s.get_inquiry(created.stored.id).await.unwrap();
    assert_eq!(stored.inquiry.received.subject, "Vedr. 010190-1234");
}
