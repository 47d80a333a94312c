//! Compliance reports: obligations due in a period, classified at "now", grouped.

use crate::helpers::*;
use frist_core::NewInquiry;
use frist_core::{CloseReason, EventKind, MessageKind, ObligationState};
use frist_policy::Channel;
use frist_store::{AnyStore, ComplianceRow, GroupBy, InquiryId, PolicyVersion, Store};
use std::collections::BTreeMap;

conformance!(
    compliance_counts_met_late_breached_pending_and_waived_per_group,
    compliance_agrees_with_the_core_classification,
);

const NOW: &str = "2026-03-20T12:00:00+01:00";
const MARCH: (&str, &str) = ("2026-03-01T00:00:00+01:00", "2026-04-01T00:00:00+02:00");

/// The hand-made set; every obligation's fate is written next to it.
async fn compliance_fixture(s: &AnyStore) -> Vec<InquiryId> {
    let ros = register(s, "roskilde", ROSKILDE).await;
    let tst = register(s, "test", TEST_POLICY).await;
    let t0 = "2026-03-02T09:00:00+01:00";
    let mut ids = Vec::new();
    let mut create = async |new: NewInquiry, policy: &PolicyVersion| {
        let id = s.create_inquiry(new, policy).await.unwrap().stored.id;
        ids.push(id);
        id
    };
    // A: ROS-1 (due 4 March) and ROS-2 (due 16 March) met by the answer on 3 March.
    let a = create(inquiry(Channel::Email, Some("borgerservice"), t0), &ros).await;
    s.append_event(a, answer("2026-03-03T10:00:00+01:00"))
        .await
        .unwrap();
    // B: answered 5 March: ROS-1 met late, ROS-2 met.
    let b = create(inquiry(Channel::Email, Some("borgerservice"), t0), &ros).await;
    s.append_event(b, answer("2026-03-05T10:00:00+01:00"))
        .await
        .unwrap();
    // C: nothing done: ROS-1 and ROS-2 breached.
    create(inquiry(Channel::Email, Some("byg"), t0), &ros).await;
    // D: a letter, nothing done: ROS-6 (due 16 March) breached.
    create(inquiry(Channel::Letter, Some("byg"), t0), &ros).await;
    // E: spam: both waived.
    let e = create(inquiry(Channel::Email, None, t0), &ros).await;
    s.append_event(e, close("2026-03-02T10:00:00+01:00", CloseReason::Spam))
        .await
        .unwrap();
    // F: a letter acknowledged 17 March: ROS-6 met late.
    let f = create(inquiry(Channel::Letter, None, t0), &ros).await;
    let ack = EventKind::MessageSent {
        outbox_id: None,
        message: message(MessageKind::Acknowledgment),
    };
    s.append_event(f, event("2026-03-17T10:00:00+01:00", ack.clone()))
        .await
        .unwrap();
    // G: received 19 March: ROS-1 due 23 March pending; ROS-2 due 2 April, outside the period.
    create(
        inquiry(Channel::Email, None, "2026-03-19T09:00:00+01:00"),
        &ros,
    )
    .await;
    // P: TST-1 met; TST-2 (due 16 March) paused while awaiting the citizen: pending.
    let p = create(inquiry(Channel::Email, Some("byg"), t0), &tst).await;
    s.append_event(p, event("2026-03-02T10:00:00+01:00", ack))
        .await
        .unwrap();
    s.append_event(
        p,
        event(
            "2026-03-03T09:00:00+01:00",
            EventKind::AwaitingCitizenStarted,
        ),
    )
    .await
    .unwrap();
    // H: received 27 February: ROS-1 (3 March) and ROS-2 (13 March) breached.
    create(
        inquiry(Channel::Email, None, "2026-02-27T09:00:00+01:00"),
        &ros,
    )
    .await;
    // J: received and answered in February: both met, due in February.
    let j = create(
        inquiry(Channel::Email, None, "2026-02-02T09:00:00+01:00"),
        &ros,
    )
    .await;
    s.append_event(j, answer("2026-02-03T10:00:00+01:00"))
        .await
        .unwrap();
    ids
}

fn row(
    group: &str,
    [total, met, met_late, breached, pending, waived]: [u64; 6],
    percent: Option<f64>,
) -> ComplianceRow {
    ComplianceRow {
        group: group.into(),
        total,
        met,
        met_late,
        breached,
        pending,
        waived,
        on_time_percent: percent,
        median_working_days: None,
        p90_working_days: None,
    }
}

async fn report(s: &AnyStore, (from, to): (&str, &str), group_by: GroupBy) -> Vec<ComplianceRow> {
    s.compliance(at(from), at(to), group_by, at(NOW))
        .await
        .unwrap()
}

fn assert_rows(actual: &[ComplianceRow], expected: &[ComplianceRow]) {
    assert_eq!(actual.len(), expected.len(), "{actual:#?}");
    for (a, e) in actual.iter().zip(expected) {
        assert_eq!(
            (
                &a.group, a.total, a.met, a.met_late, a.breached, a.pending, a.waived
            ),
            (
                &e.group, e.total, e.met, e.met_late, e.breached, e.pending, e.waived
            )
        );
        match (a.on_time_percent, e.on_time_percent) {
            (Some(x), Some(y)) => assert!((x - y).abs() < 1e-9, "{}: {x} != {y}", a.group),
            (x, y) => assert_eq!(x, y, "{}", a.group),
        }
    }
}

async fn compliance_counts_met_late_breached_pending_and_waived_per_group(db: &TestDb) {
    let s = &db.store;
    let ids = compliance_fixture(s).await;
    //                               total met late breached pending waived
    assert_rows(
        &report(s, MARCH, GroupBy::Goal).await,
        &[
            row("ROS-1", [6, 1, 1, 2, 1, 1], Some(25.0)),
            row("ROS-2", [5, 2, 0, 2, 0, 1], Some(50.0)),
            row("ROS-6", [2, 0, 1, 1, 0, 0], Some(0.0)),
            row("TST-1", [1, 1, 0, 0, 0, 0], Some(100.0)),
            row("TST-2", [1, 0, 0, 0, 1, 0], None),
        ],
    );
    // Time to meet, in working days after the day of receipt (Monday 2 March): A answered on
    // the 3rd (1), B on the 5th (3), F acknowledged on the 17th (11), P the same day (0).
    let durations: Vec<(String, Option<f64>, Option<f64>)> = report(s, MARCH, GroupBy::Goal)
        .await
        .into_iter()
        .map(|r| (r.group, r.median_working_days, r.p90_working_days))
        .collect();
    assert_eq!(
        durations,
        [
            ("ROS-1".to_owned(), Some(2.0), Some(2.8)),
            ("ROS-2".to_owned(), Some(2.0), Some(2.8)),
            ("ROS-6".to_owned(), Some(11.0), Some(11.0)),
            ("TST-1".to_owned(), Some(0.0), Some(0.0)),
            ("TST-2".to_owned(), None, None),
        ]
    );
    assert_rows(
        &report(s, MARCH, GroupBy::Channel).await,
        &[
            row("email", [13, 4, 1, 4, 2, 2], Some(400.0 / 9.0)),
            row("letter", [2, 0, 1, 1, 0, 0], Some(0.0)),
        ],
    );
    assert_rows(
        &report(s, MARCH, GroupBy::Unit).await,
        &[
            row("(ingen enhed)", [6, 0, 1, 2, 1, 2], Some(0.0)),
            row("borgerservice", [4, 3, 1, 0, 0, 0], Some(75.0)),
            row("byg", [5, 1, 0, 3, 1, 0], Some(25.0)),
        ],
    );
    let february_and_march = ("2026-02-01T00:00:00+01:00", MARCH.1);
    assert_rows(
        &report(s, february_and_march, GroupBy::Month).await,
        &[
            row("2026-02", [2, 2, 0, 0, 0, 0], Some(100.0)),
            row("2026-03", [15, 4, 2, 5, 2, 2], Some(400.0 / 11.0)),
        ],
    );
    // An empty period has no groups.
    assert!(
        report(
            s,
            ("2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z"),
            GroupBy::Goal
        )
        .await
        .is_empty()
    );

    // Referring D to Borgerservice moves its obligation with it.
    s.append_event(
        ids[3],
        event(
            "2026-03-04T09:00:00+01:00",
            EventKind::Referred {
                to_unit: "borgerservice".into(),
            },
        ),
    )
    .await
    .unwrap();
    let units = report(s, MARCH, GroupBy::Unit).await;
    assert_eq!(
        units
            .iter()
            .map(|r| (r.group.as_str(), r.total))
            .collect::<Vec<_>>(),
        [("(ingen enhed)", 6), ("borgerservice", 5), ("byg", 4)]
    );
}

async fn compliance_agrees_with_the_core_classification(db: &TestDb) {
    let s = &db.store;
    let ids = compliance_fixture(s).await;
    let (from, to) = (at(MARCH.0), at(MARCH.1));
    let mut expected: BTreeMap<String, [u64; 6]> = BTreeMap::new();
    for id in ids {
        for o in s.get_inquiry(id).await.unwrap().inquiry.obligations {
            if o.due_at < from || o.due_at >= to {
                continue;
            }
            let counts = expected.entry(o.goal.clone()).or_default();
            counts[0] += 1;
            match o.state(at(NOW)) {
                ObligationState::Met => counts[1] += 1,
                ObligationState::MetLate => counts[2] += 1,
                ObligationState::Breached => counts[3] += 1,
                ObligationState::Pending | ObligationState::Paused => counts[4] += 1,
                ObligationState::Waived => counts[5] += 1,
            }
        }
    }
    let actual: BTreeMap<String, [u64; 6]> = report(s, MARCH, GroupBy::Goal)
        .await
        .into_iter()
        .map(|r| {
            (
                r.group,
                [r.total, r.met, r.met_late, r.breached, r.pending, r.waived],
            )
        })
        .collect();
    assert_eq!(actual, expected);
}
