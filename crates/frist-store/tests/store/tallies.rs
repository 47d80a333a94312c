//! The tallies (migration 0017) against the rows they count: every whole-month compliance report
//! and every workload read from them equals the same report counted row by row, on data made by
//! a seeded run of the real lifecycle, at instants before, inside (mid-hour) and after it.

use crate::helpers::*;
use frist_core::{CloseReason, EventKind, MessageKind};
use frist_policy::Channel;
use frist_store::{AnyStore, GroupBy, ObligationFilter, Outcome, Store, WorkloadBounds};
use jiff::{SignedDuration, Timestamp};

conformance!(
    the_list_behind_each_figure_has_as_many_obligations_as_the_figure,
    whole_month_reports_from_the_tallies_equal_the_rows,
    the_workload_from_the_tally_equals_the_rows,
);

/// A small deterministic generator (the test must say the same thing on every run).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// 90 inquiries received from February to April 2026, each with a plausible history: assigned,
/// answered early or late or never, closed, waiting for the citizen, spam.
async fn seeded(s: &AnyStore) {
    let ros = register(s, "roskilde", ROSKILDE).await;
    let mut r = Lcg(20_261_130);
    let start = at("2026-02-02T08:00:00+01:00");
    for _ in 0..90 {
        let received = start + SignedDuration::from_mins(r.below(85 * 24 * 60) as i64);
        let channel = [
            Channel::Email,
            Channel::Letter,
            Channel::WebForm,
            Channel::Phone,
        ][r.below(4) as usize];
        let unit = [Some("byg"), Some("borgerservice"), None][r.below(3) as usize];
        let mut new = inquiry(channel, unit, "2026-02-02T08:00:00+01:00");
        new.received_at = received;
        let id = s.create_inquiry(new, &ros).await.unwrap().stored.id;
        let mut t = received;
        let mut step = |r: &mut Lcg, max_hours: u64| {
            t += SignedDuration::from_mins(30 + r.below(max_hours * 60) as i64);
            t
        };
        let mut events = Vec::new();
        if r.below(10) < 6 {
            let who = ["mette.hansen", "jens.olsen"][r.below(2) as usize];
            events.push((
                step(&mut r, 48),
                EventKind::Assigned {
                    caseworker: who.into(),
                },
            ));
        }
        if r.below(10) == 0 {
            events.push((step(&mut r, 48), EventKind::AwaitingCitizenStarted));
            if r.below(2) == 0 {
                events.push((step(&mut r, 200), EventKind::AwaitingCitizenEnded));
            }
        }
        match r.below(20) {
            0 => events.push((
                step(&mut r, 5),
                EventKind::Closed {
                    reason: CloseReason::Spam,
                },
            )),
            1..=12 => {
                events.push((
                    step(&mut r, 400),
                    EventKind::MessageSent {
                        outbox_id: None,
                        message: message(MessageKind::Answer),
                    },
                ));
                if r.below(2) == 0 {
                    let reason = CloseReason::Answered;
                    events.push((step(&mut r, 24), EventKind::Closed { reason }));
                }
            }
            _ => {}
        }
        for (when, kind) in events {
            let e = event(&when.to_string(), kind);
            // An event the lifecycle refuses is simply not part of the history.
            let _ = s.append_event(id, e).await;
        }
    }
}

fn month(m: &str) -> Timestamp {
    at(m)
}

const MONTHS: [&str; 5] = [
    "2026-02-01T00:00:00+01:00",
    "2026-03-01T00:00:00+01:00",
    "2026-04-01T00:00:00+02:00",
    "2026-05-01T00:00:00+02:00",
    "2026-06-01T00:00:00+02:00",
];

/// Before everything, inside March and April in the middle of an hour, on a month boundary,
/// and after everything.
const NOWS: [&str; 6] = [
    "2026-01-10T10:00:00+01:00",
    "2026-03-16T16:27:13+01:00",
    "2026-04-01T00:00:00+02:00",
    "2026-04-14T11:05:00+02:00",
    "2026-04-30T23:59:59+02:00",
    "2026-07-01T12:00:00+02:00",
];

async fn whole_month_reports_from_the_tallies_equal_the_rows(db: &TestDb) {
    let s = &db.store;
    seeded(s).await;
    let mut periods: Vec<(Timestamp, Timestamp)> = MONTHS
        .windows(2)
        .map(|w| (month(w[0]), month(w[1])))
        .collect();
    periods.push((month(MONTHS[0]), month(MONTHS[4])));
    let mut compared = 0;
    for now in NOWS.map(at) {
        for &(from, to) in &periods {
            for group_by in [
                GroupBy::Goal,
                GroupBy::Unit,
                GroupBy::Channel,
                GroupBy::Month,
                GroupBy::CaseType,
            ] {
                let tallied = s.compliance(from, to, group_by, now).await.unwrap();
                let counted = s
                    .compliance_from_rows(from, to, group_by, now)
                    .await
                    .unwrap();
                assert_eq!(tallied, counted, "{from}..{to} by {group_by:?} at {now}");
                compared += tallied.len();
            }
            let tallied = s.goal_trend(from, to, now).await.unwrap();
            let counted = s.goal_trend_from_rows(from, to, now).await.unwrap();
            assert_eq!(tallied, counted, "trend {from}..{to} at {now}");
            compared += tallied.len();
        }
    }
    // The data reaches every month, so the comparison was not of empty reports.
    assert!(compared > 200, "only {compared} rows compared");
}

async fn the_workload_from_the_tally_equals_the_rows(db: &TestDb) {
    let s = &db.store;
    seeded(s).await;
    let mut nonzero = 0;
    for now in NOWS.map(at) {
        // Day boundaries, as the dashboard asks, and bounds inside an hour as well.
        for (today, risk) in [(24 * 60, 48 * 60), (95, 24 * 60 + 17)] {
            let bounds = WorkloadBounds {
                now,
                today_end: now + SignedDuration::from_mins(today),
                risk_end: now + SignedDuration::from_mins(risk),
            };
            let tallied = s.workload(bounds).await.unwrap();
            let counted = s.workload_from_rows(bounds).await.unwrap();
            let key = |w: &frist_store::Workload| w.caseworker.clone();
            let (mut tallied, mut counted) = (tallied, counted);
            tallied.sort_by_key(key);
            counted.sort_by_key(key);
            assert_eq!(tallied, counted, "at {now}");
            nonzero += tallied.iter().filter(|w| w.breached > 0).count();
        }
    }
    assert!(nonzero > 0, "no breached inquiry was counted");
}

async fn the_list_behind_each_figure_has_as_many_obligations_as_the_figure(db: &TestDb) {
    let s = &db.store;
    seeded(s).await;
    let now = at(NOWS[1]);
    let (from, to) = (month(MONTHS[1]), month(MONTHS[2]));
    let mut listed_in_all = 0;
    for group_by in [GroupBy::Goal, GroupBy::Channel, GroupBy::Unit] {
        for row in s.compliance(from, to, group_by, now).await.unwrap() {
            let figures = [
                (Some(Outcome::Met), row.met),
                (Some(Outcome::MetLate), row.met_late),
                (Some(Outcome::Breached), row.breached),
                (Some(Outcome::Pending), row.pending),
                (Some(Outcome::Waived), row.waived),
                (None, row.total),
            ];
            for (outcome, figure) in figures {
                let filter = ObligationFilter {
                    from,
                    to,
                    group_by,
                    group: row.group.clone(),
                    outcome,
                    now,
                };
                // Pages of 3, so that the cursor is followed.
                let (mut listed, mut cursor) = (0u64, None::<String>);
                loop {
                    let page = s.obligations(&filter, cursor.as_deref(), 3).await.unwrap();
                    listed += page.items.len() as u64;
                    assert!(page.items.iter().all(|o| o.due_at >= from && o.due_at < to));
                    match page.next_cursor {
                        Some(next) => cursor = Some(next),
                        None => break,
                    }
                }
                assert_eq!(listed, figure, "{group_by:?} {} {outcome:?}", row.group);
                listed_in_all += listed;
            }
        }
    }
    assert!(listed_in_all > 50, "only {listed_in_all} listed");
    let bad = ObligationFilter {
        from,
        to,
        group_by: GroupBy::Goal,
        group: "ROS-1".into(),
        outcome: None,
        now,
    };
    assert!(s.obligations(&bad, Some("not a cursor"), 3).await.is_err());
}
