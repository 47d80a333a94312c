//! Appending events: the lifecycle decides, the store keeps the record.

use crate::helpers::*;
use frist_core::{CloseReason, EventKind, Inquiry, InquiryState, LifecycleError, MessageKind};
use frist_store::{InquiryFilter, Store, StoreError};

conformance!(
    events_are_appended_in_order_and_the_projection_is_their_replay,
    a_refused_event_stores_nothing,
    a_closed_inquiry_can_be_reopened,
    policy_versions_are_stored_once_per_text_and_inquiries_keep_theirs,
    the_database_itself_refuses_to_change_or_delete_events,
);

async fn events_are_appended_in_order_and_the_projection_is_their_replay(db: &TestDb) {
    let s = &db.store;
    let tst = register(s, "test", TEST_POLICY).await;
    let created = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &tst)
        .await
        .unwrap();
    let id = created.stored.id;
    let script = [
        event("2026-03-02T10:00:00+01:00", EventKind::Opened),
        event(
            "2026-03-02T10:01:00+01:00",
            EventKind::Assigned {
                caseworker: "mette.hansen".into(),
            },
        ),
        event(
            "2026-03-02T11:00:00+01:00",
            EventKind::MessageSent {
                outbox_id: None,
                message: message(MessageKind::Acknowledgment),
            },
        ),
        event(
            "2026-03-03T09:00:00+01:00",
            EventKind::AwaitingCitizenStarted,
        ),
        event("2026-03-06T09:00:00+01:00", EventKind::AwaitingCitizenEnded),
        event(
            "2026-03-06T12:00:00+01:00",
            EventKind::Referred {
                to_unit: "byg".into(),
            },
        ),
        answer("2026-03-09T12:00:00+01:00"),
        close("2026-03-09T12:01:00+01:00", CloseReason::Answered),
        event(
            "2026-03-10T08:00:00+01:00",
            EventKind::FeedbackReceived {
                channel: None,
                complaint: false,
                score: Some(5),
                comment: None,
            },
        ),
    ];
    let mut last = created.stored;
    for e in &script {
        last = s.append_event(id, e.clone()).await.unwrap();
    }
    assert_eq!(last.inquiry.state, InquiryState::Closed);
    assert_eq!(last.inquiry.unit.as_deref(), Some("byg"));
    assert_eq!(last.inquiry.event_count, 10);

    let events = s.events(id).await.unwrap();
    assert_eq!(events.len(), 10);
    assert_eq!(events[0].kind.name(), "received");
    assert_eq!(&events[1..], &script[..]);
    let replayed = Inquiry::rebuild(last.inquiry.reference.clone(), &events, &tst.policy).unwrap();
    assert_eq!(replayed, last.inquiry);
    assert_eq!(s.get_inquiry(id).await.unwrap().inquiry, replayed);
    // The pause moved the pausable answer deadline by the working days waited (4, 5 and 6 March).
    let answer_obligation = replayed
        .obligations
        .iter()
        .find(|o| o.goal == "TST-2")
        .unwrap();
    assert_eq!(answer_obligation.due_date.to_string(), "2026-03-19");
}

async fn a_refused_event_stores_nothing(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let created = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap();
    let id = created.stored.id;
    s.append_event(id, event("2026-03-02T10:00:00+01:00", EventKind::Opened))
        .await
        .unwrap();
    let before = s.get_inquiry(id).await.unwrap();
    let queue_before = s
        .list_inquiries(&InquiryFilter::default(), None, 10)
        .await
        .unwrap();

    let refused = s
        .append_event(
            id,
            close("2026-03-02T11:00:00+01:00", CloseReason::Answered),
        )
        .await;
    assert!(matches!(
        refused,
        Err(StoreError::Refused(LifecycleError::CloseWithoutAnswer))
    ));
    let backwards = s
        .append_event(id, answer("2026-03-01T11:00:00+01:00"))
        .await;
    assert!(matches!(
        backwards,
        Err(StoreError::Refused(LifecycleError::BeforeReceipt { .. }))
    ));
    let received_again = s
        .append_event(
            id,
            event(
                "2026-03-02T11:00:00+01:00",
                EventKind::Received {
                    inquiry: Box::new(email("2026-03-02T09:00:00+01:00", None)),
                },
            ),
        )
        .await;
    assert!(matches!(
        received_again,
        Err(StoreError::Refused(LifecycleError::AlreadyReceived))
    ));

    assert_eq!(s.events(id).await.unwrap().len(), 2);
    assert_eq!(s.get_inquiry(id).await.unwrap().inquiry, before.inquiry);
    assert_eq!(
        s.list_inquiries(&InquiryFilter::default(), None, 10)
            .await
            .unwrap(),
        queue_before
    );

    // The next accepted event takes the next sequence number: nothing was left behind.
    s.append_event(id, answer("2026-03-02T12:00:00+01:00"))
        .await
        .unwrap();
    let after = s
        .append_event(
            id,
            close("2026-03-02T12:01:00+01:00", CloseReason::Answered),
        )
        .await
        .unwrap();
    assert_eq!(after.inquiry.event_count, 4);
    assert_eq!(s.events(id).await.unwrap().len(), 4);
}

async fn a_closed_inquiry_can_be_reopened(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let id = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id;
    let closed = s
        .append_event(id, close("2026-03-02T10:00:00+01:00", CloseReason::Spam))
        .await
        .unwrap();
    assert_eq!(closed.inquiry.state, InquiryState::Closed);
    assert!(
        closed
            .inquiry
            .obligations
            .iter()
            .all(|o| o.waived.is_some())
    );
    let queue = s
        .list_inquiries(&InquiryFilter::default(), None, 10)
        .await
        .unwrap();
    assert_eq!(queue.items[0].state, InquiryState::Closed);
    assert_eq!(queue.items[0].next_due_at, None);

    let note = event(
        "2026-03-02T10:30:00+01:00",
        EventKind::Assigned {
            caseworker: "mette".into(),
        },
    );
    assert!(matches!(
        s.append_event(id, note).await,
        Err(StoreError::Refused(LifecycleError::Closed))
    ));
    let reopened = s
        .append_event(
            id,
            event(
                "2026-03-02T11:00:00+01:00",
                EventKind::Reopened { reason: None },
            ),
        )
        .await
        .unwrap();
    assert_eq!(reopened.inquiry.state, InquiryState::Open);
    let queue = s
        .list_inquiries(&InquiryFilter::default(), None, 10)
        .await
        .unwrap();
    assert_eq!(queue.items[0].state, InquiryState::Open);
    let again = s
        .append_event(
            id,
            event(
                "2026-03-02T11:00:00+01:00",
                EventKind::Reopened { reason: None },
            ),
        )
        .await;
    assert!(matches!(
        again,
        Err(StoreError::Refused(LifecycleError::NotClosed))
    ));
}

async fn policy_versions_are_stored_once_per_text_and_inquiries_keep_theirs(db: &TestDb) {
    let s = &db.store;
    let first = register(s, "test", TEST_POLICY).await;
    let same = register(s, "test (again)", TEST_POLICY).await;
    assert_eq!(first.id, same.id);
    // A new version: the acknowledgment deadline becomes 5 working days.
    let changed_text = TEST_POLICY.replacen(
        "within = \"2 working days\"",
        "within = \"5 working days\"",
        1,
    );
    let changed = register(s, "test", &changed_text).await;
    assert_ne!(changed.id, first.id);
    assert_eq!(
        s.policy(first.id).await.unwrap().policy.municipality.name,
        "Testrup Kommune"
    );

    let old = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &first)
        .await
        .unwrap()
        .stored;
    let new = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &changed)
        .await
        .unwrap()
        .stored;
    assert_eq!(
        old.inquiry.obligations[0].due_date.to_string(),
        "2026-03-04"
    );
    assert_eq!(
        new.inquiry.obligations[0].due_date.to_string(),
        "2026-03-09"
    );
    // Reclassifying derives obligations again, from the inquiry's own version.
    let kind = frist_policy::InquiryKind::Application;
    let old = s
        .append_event(
            old.id,
            event(
                "2026-03-02T10:00:00+01:00",
                EventKind::Reclassified {
                    kind,
                    case_type: None,
                },
            ),
        )
        .await
        .unwrap();
    assert_eq!(old.policy_id, first.id);
    assert_eq!(
        old.inquiry.obligations[0].due_date.to_string(),
        "2026-03-04"
    );
}

async fn the_database_itself_refuses_to_change_or_delete_events(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let id = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id;
    let update = format!("UPDATE events SET actor = 'mallory' WHERE inquiry_id = {id}");
    let delete = format!("DELETE FROM events WHERE inquiry_id = {id}");
    for sql in [update, delete] {
        let refused = execute_directly(db, &sql).await;
        assert!(
            refused.is_err_and(|e| e.to_string().contains("append-only")),
            "{sql}"
        );
    }
    assert_eq!(s.events(id).await.unwrap()[0].actor, None);
}
