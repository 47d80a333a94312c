//! The queue: order by nearest open deadline, filters, keyset pagination.

use crate::helpers::*;
use frist_core::{EventKind, InquiryState, MessageKind};
use frist_policy::{Channel, InquiryKind, Requirement};
use frist_store::{
    AnyStore, InquiryFilter, InquiryId, Store, StoreError, Workload, WorkloadBounds,
};
use std::collections::HashSet;

conformance!(
    the_queue_puts_the_nearest_deadline_first_and_inquiries_without_one_last,
    the_queue_filters_by_unit_caseworker_state_and_deadline,
    pages_visit_every_inquiry_exactly_once,
    a_cursor_this_store_did_not_issue_is_an_invalid_request,
    page_sizes_are_clamped_to_one_to_five_hundred,
    a_closed_inquiry_leaves_the_queue_deadlines_but_its_breach_still_counts,
    workload_counts_open_inquiries_per_caseworker_by_urgency,
);

/// Eight inquiries; returns their ids in queue order.
async fn queue_fixture(s: &AnyStore) -> [InquiryId; 8] {
    let ros = register(s, "roskilde", ROSKILDE).await;
    let tst = register(s, "test", TEST_POLICY).await;
    let t0 = "2026-03-02T09:00:00+01:00";
    let mut facebook = inquiry(Channel::Facebook, Some("byg"), t0);
    facebook.kind = InquiryKind::GeneralQuestion;
    let mut ids = Vec::new();
    for new in [
        inquiry(Channel::Email, Some("borgerservice"), t0), // 1: answer due 4 March
        inquiry(Channel::Letter, Some("byg"), t0),          // 2: acknowledgment due 16 March
        inquiry(Channel::Phone, Some("borgerservice"), t0), // 3: no deadline
        facebook,                                           // 4: answer due 3 March 09:00
        inquiry(Channel::Email, Some("byg"), "2026-03-05T09:00:00+01:00"), // 5: answer due 9 March
        inquiry(Channel::Email, Some("borgerservice"), t0), // 6: answered: no deadline
        inquiry(Channel::Letter, None, t0),                 // 7: acknowledgment due 16 March
    ] {
        ids.push(s.create_inquiry(new, &ros).await.unwrap().stored.id);
    }
    // 8: acknowledged, then waiting for the citizen: its answer deadline (16 March) is paused.
    let paused = s
        .create_inquiry(inquiry(Channel::Email, Some("byg"), t0), &tst)
        .await
        .unwrap()
        .stored
        .id;
    s.append_event(
        paused,
        event(
            "2026-03-02T10:00:00+01:00",
            EventKind::MessageSent {
                outbox_id: None,
                message: message(MessageKind::Acknowledgment),
            },
        ),
    )
    .await
    .unwrap();
    s.append_event(
        paused,
        event(
            "2026-03-03T09:00:00+01:00",
            EventKind::AwaitingCitizenStarted,
        ),
    )
    .await
    .unwrap();
    s.append_event(
        ids[4],
        event(
            "2026-03-05T10:00:00+01:00",
            EventKind::Assigned {
                caseworker: "mette.hansen".into(),
            },
        ),
    )
    .await
    .unwrap();
    s.append_event(ids[5], answer("2026-03-03T10:00:00+01:00"))
        .await
        .unwrap();
    [
        ids[3], ids[0], ids[4], ids[1], ids[6], paused, ids[2], ids[5],
    ]
}

async fn ids(s: &AnyStore, filter: InquiryFilter) -> Vec<InquiryId> {
    let page = s.list_inquiries(&filter, None, 500).await.unwrap();
    assert_eq!(page.next_cursor, None);
    page.items.iter().map(|i| i.id).collect()
}

async fn the_queue_puts_the_nearest_deadline_first_and_inquiries_without_one_last(db: &TestDb) {
    let s = &db.store;
    let order = queue_fixture(s).await;
    assert_eq!(ids(s, InquiryFilter::default()).await, order);

    let page = s
        .list_inquiries(&InquiryFilter::default(), None, 500)
        .await
        .unwrap();
    let first = &page.items[1];
    assert_eq!(first.reference.to_string(), "ROS-2026-000001");
    assert_eq!(first.channel, Channel::Email);
    assert_eq!(first.unit.as_deref(), Some("borgerservice"));
    assert_eq!(first.next_due_at, Some(at("2026-03-04T23:59:59+01:00")));
    assert_eq!(first.next_requires, Some(Requirement::Answer));
    assert_eq!(first.received_at, at("2026-03-02T09:00:00+01:00"));
    assert_eq!(first.subject, "Spørgsmål om affald");
    assert_eq!(
        page.items[5].next_due_at,
        Some(at("2026-03-16T23:59:59+01:00")),
        "paused deadlines still count"
    );
    assert_eq!(page.items[6].next_due_at, None);
    assert_eq!(page.items[7].next_requires, None);
}

async fn the_queue_filters_by_unit_caseworker_state_and_deadline(db: &TestDb) {
    let s = &db.store;
    let [i4, i1, i5, i2, i7, p8, i3, i6] = queue_fixture(s).await;
    let by_unit = |unit: &str| InquiryFilter {
        unit: Some(unit.into()),
        ..Default::default()
    };
    assert_eq!(ids(s, by_unit("byg")).await, [i4, i5, i2, p8]);
    assert_eq!(ids(s, by_unit("borgerservice")).await, [i1, i3, i6]);
    assert!(ids(s, by_unit("ingen")).await.is_empty());

    let mine = InquiryFilter {
        caseworker: Some("mette.hansen".into()),
        ..Default::default()
    };
    assert_eq!(ids(s, mine).await, [i5]);

    let state = |state| InquiryFilter {
        state: Some(state),
        ..Default::default()
    };
    assert_eq!(ids(s, state(InquiryState::New)).await, [i4, i1, i2, i7, i3]);
    assert_eq!(ids(s, state(InquiryState::Open)).await, [i5, i6]);
    assert_eq!(ids(s, state(InquiryState::AwaitingCitizen)).await, [p8]);

    let due_before = InquiryFilter {
        due_before: Some(at("2026-03-05T00:00:00+01:00")),
        ..Default::default()
    };
    assert_eq!(ids(s, due_before).await, [i4, i1]);

    // Just after the Facebook deadline (3 March 09:00) only it is breached.
    let breached = |now: &str| InquiryFilter {
        breached_at: Some(at(now)),
        ..Default::default()
    };
    assert!(
        ids(s, breached("2026-03-03T09:00:00+01:00"))
            .await
            .is_empty()
    );
    assert_eq!(ids(s, breached("2026-03-03T09:00:01+01:00")).await, [i4]);
    // Weeks later everything open is breached, except the paused deadline.
    assert_eq!(
        ids(s, breached("2026-04-01T12:00:00+02:00")).await,
        [i4, i1, i5, i2, i7]
    );

    let combined = InquiryFilter {
        unit: Some("byg".into()),
        state: Some(InquiryState::New),
        breached_at: Some(at("2026-04-01T12:00:00+02:00")),
        ..Default::default()
    };
    assert_eq!(ids(s, combined).await, [i4, i2]);
}

async fn pages_visit_every_inquiry_exactly_once(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let channels = [
        Channel::Email,
        Channel::Letter,
        Channel::Phone,
        Channel::WebForm,
    ];
    let batch: Vec<_> = (0..57u32)
        .map(|i| {
            // Several inquiries share a receipt instant, so ties on the deadline are common.
            let day = 2 + i % 5;
            let channel = channels[(i % 4) as usize];
            let unit = if i % 3 == 0 { None } else { Some("byg") };
            inquiry(channel, unit, &format!("2026-03-{day:02}T09:00:00+01:00"))
        })
        .collect();
    s.import_inquiries(batch, &ros).await.unwrap();
    for filter in [
        InquiryFilter::default(),
        InquiryFilter {
            unit: Some("byg".into()),
            ..Default::default()
        },
    ] {
        let all = ids(s, filter.clone()).await;
        for limit in [1, 7, 10, 56, 57] {
            let mut seen = Vec::new();
            let mut cursor = None;
            loop {
                let page = s
                    .list_inquiries(&filter, cursor.as_deref(), limit)
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
}

async fn a_cursor_this_store_did_not_issue_is_an_invalid_request(db: &TestDb) {
    let s = &db.store;
    for cursor in [
        "",
        "page=2",
        "ffffffffffffffffffffffffffffffffff",
        "øøøøøøøøøøøøøøøø",
    ] {
        let result = s
            .list_inquiries(&InquiryFilter::default(), Some(cursor), 10)
            .await;
        assert!(matches!(result, Err(StoreError::Invalid(_))), "{cursor:?}");
    }
}

async fn page_sizes_are_clamped_to_one_to_five_hundred(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let batch: Vec<_> = (0..501)
        .map(|_| email("2026-03-02T09:00:00+01:00", None))
        .collect();
    s.import_inquiries(batch, &ros).await.unwrap();
    let one = s
        .list_inquiries(&InquiryFilter::default(), None, 0)
        .await
        .unwrap();
    assert_eq!(one.items.len(), 1);
    assert!(one.next_cursor.is_some());
    let most = s
        .list_inquiries(&InquiryFilter::default(), None, u32::MAX)
        .await
        .unwrap();
    assert_eq!(most.items.len(), 500);
    let rest = s
        .list_inquiries(
            &InquiryFilter::default(),
            most.next_cursor.as_deref(),
            u32::MAX,
        )
        .await
        .unwrap();
    assert_eq!(rest.items.len(), 1);
    assert_eq!(rest.next_cursor, None);
}

async fn a_closed_inquiry_leaves_the_queue_deadlines_but_its_breach_still_counts(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    // A letter: acknowledgment due 16 March. Closed as a duplicate it would waive; closed after a
    // hand-over it keeps its unmet acknowledgment, which is breached after the 16th.
    let id = s
        .create_inquiry(
            inquiry(Channel::Letter, Some("byg"), "2026-03-02T09:00:00+01:00"),
            &ros,
        )
        .await
        .unwrap()
        .stored
        .id;
    let handed_over = EventKind::HandedOver {
        to_caseworker: "Jens Olsen".into(),
    };
    s.append_event(id, event("2026-03-03T09:00:00+01:00", handed_over))
        .await
        .unwrap();
    let open = s
        .list_inquiries(&InquiryFilter::default(), None, 50)
        .await
        .unwrap();
    assert_eq!(
        open.items[0].next_requires,
        Some(Requirement::Acknowledgment)
    );
    s.append_event(
        id,
        close(
            "2026-03-03T10:00:00+01:00",
            frist_core::CloseReason::HandedOver,
        ),
    )
    .await
    .unwrap();
    let closed = s
        .list_inquiries(&InquiryFilter::default(), None, 50)
        .await
        .unwrap();
    assert_eq!(
        (closed.items[0].next_due_at, closed.items[0].next_requires),
        (None, None)
    );
    let breached = InquiryFilter {
        breached_at: Some(at("2026-03-20T12:00:00+01:00")),
        ..Default::default()
    };
    assert!(
        s.list_inquiries(&breached, None, 50)
            .await
            .unwrap()
            .items
            .is_empty()
    );
    let report = s
        .compliance(
            at("2026-03-01T00:00:00+01:00"),
            at("2026-04-01T00:00:00+02:00"),
            frist_store::GroupBy::Goal,
            at("2026-03-20T12:00:00+01:00"),
        )
        .await
        .unwrap();
    assert_eq!(
        report
            .iter()
            .map(|r| (r.group.as_str(), r.breached))
            .collect::<Vec<_>>(),
        [("ROS-6", 1)]
    );
}

async fn workload_counts_open_inquiries_per_caseworker_by_urgency(db: &TestDb) {
    let s = &db.store;
    queue_fixture(s).await;
    let load = |now: &str, today_end: &str, risk_end: &str| {
        let bounds = WorkloadBounds {
            now: at(now),
            today_end: at(today_end),
            risk_end: at(risk_end),
        };
        async move {
            let mut rows = s.workload(bounds).await.unwrap();
            rows.sort_by(|a, b| a.caseworker.cmp(&b.caseworker));
            rows
        }
    };
    let row = |caseworker: Option<&str>, open, breached, due_today, at_risk| Workload {
        caseworker: caseworker.map(str::to_owned),
        open,
        breached,
        due_today,
        at_risk,
    };
    // On 3 March at 08:00 the Facebook answer is due today (09:00) and the e-mail answer on
    // the next working day; the paused, answered and deadline-less inquiries are only open.
    assert_eq!(
        load(
            "2026-03-03T08:00:00+01:00",
            "2026-03-04T00:00:00+01:00",
            "2026-03-05T00:00:00+01:00"
        )
        .await,
        [row(None, 7, 0, 1, 1), row(Some("mette.hansen"), 1, 0, 0, 0)]
    );
    // Weeks later every running deadline has passed; the paused one is not counted as breached.
    assert_eq!(
        load(
            "2026-04-01T12:00:00+02:00",
            "2026-04-02T00:00:00+02:00",
            "2026-04-03T00:00:00+02:00"
        )
        .await,
        [row(None, 7, 4, 0, 0), row(Some("mette.hansen"), 1, 1, 0, 0)]
    );
}
