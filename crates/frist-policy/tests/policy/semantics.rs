//! Obligations follow SERVICE_GOALS.md "Working-day semantics": checked against hand-computed
//! cases around Easter, Christmas, DST and midnight, and against a day-by-day oracle.

use super::shipped;
use frist_calendar::holidays::public_holidays;
use frist_policy::{Addressee, Channel, InquiryFacts, InquiryKind, Policy, Requirement};
use jiff::civil::{Date, Weekday};
use jiff::{Timestamp, ToSpan};
use proptest::prelude::*;

fn facts(channel: Channel, to: Addressee, kind: InquiryKind, at: &str) -> InquiryFacts<'static> {
    let received_at: Timestamp = at.parse().unwrap_or_else(|e| panic!("{at}: {e}"));
    InquiryFacts {
        channel,
        to,
        kind,
        case_type: None,
        received_at,
    }
}

/// (goal, requires, due_at in local RFC 3339) for a case.
fn due(policy: &Policy, f: &InquiryFacts<'_>) -> Vec<(String, Requirement, String)> {
    policy
        .obligations(f)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|o| (o.goal.to_owned(), o.requires, o.due_at_local().to_string()))
        .collect()
}

fn one(policy: &Policy, channel: Channel, kind: InquiryKind, at: &str) -> String {
    let list = due(policy, &facts(channel, Addressee::General, kind, at));
    assert_eq!(list.len(), 1, "{at}: {list:?}");
    list.into_iter()
        .next()
        .map(|(_, _, d)| d)
        .unwrap_or_default()
}

/// (policy, channel, kind, received_at, the one obligation's due instant, why).
type Case = (
    &'static str,
    Channel,
    InquiryKind,
    &'static str,
    &'static str,
    &'static str,
);

const CASES: &[Case] = &[
    // The day of receipt is not counted; a weekend receipt counts from Monday.
    (
        "stevns",
        Channel::Email,
        InquiryKind::Other,
        "2026-11-17T10:00:00+01:00",
        "2026-11-18T23:59:59+01:00",
        "Tuesday → Wednesday",
    ),
    (
        "stevns",
        Channel::Email,
        InquiryKind::Other,
        "2026-11-21T10:00:00+01:00",
        "2026-11-24T23:59:59+01:00",
        "Saturday → R = Monday → Tuesday",
    ),
    (
        "stevns",
        Channel::Email,
        InquiryKind::Other,
        "2026-11-20T23:30:00+01:00",
        "2026-11-23T23:59:59+01:00",
        "Friday 23:30 local is Friday → Monday",
    ),
    (
        "stevns",
        Channel::Email,
        InquiryKind::Other,
        "2026-11-20T22:30:00Z",
        "2026-11-23T23:59:59+01:00",
        "the same instant in UTC",
    ),
    (
        "stevns",
        Channel::Email,
        InquiryKind::Other,
        "2026-11-20T23:30:00Z",
        "2026-11-24T23:59:59+01:00",
        "23:30 UTC Friday is Saturday 00:30 local",
    ),
    // Christmas, New Year and Easter.
    (
        "stevns",
        Channel::Letter,
        InquiryKind::Other,
        "2026-12-23T15:00:00+01:00",
        "2026-12-28T23:59:59+01:00",
        "24 closed, 25–27 off",
    ),
    (
        "stevns",
        Channel::Letter,
        InquiryKind::Other,
        "2026-12-24T09:00:00+01:00",
        "2026-12-29T23:59:59+01:00",
        "received on a closing day",
    ),
    (
        "stevns",
        Channel::Letter,
        InquiryKind::Other,
        "2026-12-30T12:00:00+01:00",
        "2027-01-04T23:59:59+01:00",
        "31 closed, 1 Jan holiday",
    ),
    (
        "stevns",
        Channel::Letter,
        InquiryKind::Other,
        "2026-04-01T12:00:00+02:00",
        "2026-04-07T23:59:59+02:00",
        "Easter 2026: 2–6 April off",
    ),
    (
        "stevns",
        Channel::Letter,
        InquiryKind::Other,
        "2023-05-04T12:00:00+02:00",
        "2023-05-08T23:59:59+02:00",
        "Store bededag 2023 is off",
    ),
    (
        "stevns",
        Channel::Letter,
        InquiryKind::Other,
        "2024-04-25T12:00:00+02:00",
        "2024-04-26T23:59:59+02:00",
        "Store bededag abolished from 2024",
    ),
    (
        "roskilde",
        Channel::Letter,
        InquiryKind::Application,
        "2026-12-23T15:00:00+01:00",
        "2027-01-12T23:59:59+01:00",
        "10 working days over Christmas",
    ),
    // Working-day deadlines end at 23:59:59 local in summer and winter time.
    (
        "stevns",
        Channel::Email,
        InquiryKind::Other,
        "2026-03-29T02:30:00Z",
        "2026-03-31T23:59:59+02:00",
        "received on the DST night",
    ),
    (
        "stevns",
        Channel::Email,
        InquiryKind::Other,
        "2026-10-23T10:00:00+02:00",
        "2026-10-26T23:59:59+01:00",
        "due after the change to winter time",
    ),
];

#[test]
fn working_day_deadlines_around_weekends_midnight_holidays_and_dst() {
    for (policy, channel, kind, at, expected, why) in CASES {
        assert_eq!(
            one(shipped(policy), *channel, *kind, at),
            *expected,
            "{why}: {at}"
        );
    }
}

#[test]
fn hours_are_exact_hours_across_daylight_saving_changes() {
    let roskilde = shipped("roskilde");
    // Saturday 28 March 2026 12:00 CET; clocks go forward on the 29th: 24 h later is 13:00 CEST.
    assert_eq!(
        one(
            roskilde,
            Channel::Facebook,
            InquiryKind::GeneralQuestion,
            "2026-03-28T12:00:00+01:00"
        ),
        "2026-03-29T13:00:00+02:00"
    );
    // Saturday 24 October 2026 12:00 CEST; clocks go back on the 25th: 24 h later is 11:00 CET.
    assert_eq!(
        one(
            roskilde,
            Channel::Facebook,
            InquiryKind::Complaint,
            "2026-10-24T12:00:00+02:00"
        ),
        "2026-10-25T11:00:00+01:00"
    );
    // 24 hours ignore weekends and holidays.
    assert_eq!(
        one(
            roskilde,
            Channel::Facebook,
            InquiryKind::Other,
            "2026-12-24T20:00:00Z"
        ),
        "2026-12-25T21:00:00+01:00"
    );
}

#[test]
fn obligations_are_ordered_by_requirement_then_due() {
    let roskilde = shipped("roskilde");
    let list = due(
        roskilde,
        &facts(
            Channel::Email,
            Addressee::Department,
            InquiryKind::GeneralQuestion,
            "2026-12-23T15:00:00+01:00",
        ),
    );
    assert_eq!(
        list,
        vec![
            (
                "ROS-2".into(),
                Requirement::Acknowledgment,
                "2027-01-12T23:59:59+01:00".into()
            ),
            (
                "ROS-1".into(),
                Requirement::Answer,
                "2026-12-29T23:59:59+01:00".into()
            ),
        ]
    );
    // Mail straight to an employee is not a general question to a shared mailbox: no ROS-1.
    let employee = due(
        roskilde,
        &facts(
            Channel::Email,
            Addressee::Employee,
            InquiryKind::GeneralQuestion,
            "2026-12-23T15:00:00+01:00",
        ),
    );
    assert_eq!(employee.len(), 1);
}

#[test]
fn receipt_outside_the_calendar_is_an_error() {
    let stevns = shipped("stevns");
    let f = facts(
        Channel::Email,
        Addressee::General,
        InquiryKind::Other,
        "1899-06-01T12:00:00Z",
    );
    assert!(stevns.obligations(&f).is_err());
    // A phone call has no deadline at Stevns, but a year outside the range is still refused.
    let f = facts(
        Channel::Phone,
        Addressee::General,
        InquiryKind::Other,
        "2301-06-01T12:00:00Z",
    );
    assert!(stevns.obligations(&f).is_err());
}

// ---- the oracle ----------------------------------------------------------------------------

fn naive_working(d: Date) -> bool {
    let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
    let closed = (d.month(), d.day()) == (6, 5)
        || (d.month(), d.day()) == (12, 24)
        || (d.month(), d.day()) == (12, 31);
    !weekend && !closed && !public_holidays(d.year()).iter().any(|h| h.date == d)
}

/// SERVICE_GOALS.md read literally, one day at a time.
fn naive_working_deadline(received: Timestamp, n: u32) -> String {
    let tz = jiff::tz::TimeZone::get("Europe/Copenhagen").unwrap_or_else(|e| panic!("{e}"));
    let mut r = received.to_zoned(tz.clone()).date();
    while !naive_working(r) {
        r = r.tomorrow().unwrap_or(r);
    }
    let mut d = r;
    let mut left = n;
    while left > 0 {
        d = d.tomorrow().unwrap_or(d);
        if naive_working(d) {
            left -= 1;
        }
    }
    let zoned = d
        .at(23, 59, 59, 0)
        .to_zoned(tz)
        .unwrap_or_else(|e| panic!("{e}"));
    zoned
        .timestamp()
        .display_with_offset(zoned.offset())
        .to_string()
}

fn naive_hours_deadline(received: Timestamp, n: i64) -> String {
    let tz = jiff::tz::TimeZone::get("Europe/Copenhagen").unwrap_or_else(|e| panic!("{e}"));
    let zoned = received
        .to_zoned(tz)
        .checked_add(n.hours())
        .unwrap_or_else(|e| panic!("{e}"));
    zoned
        .timestamp()
        .display_with_offset(zoned.offset())
        .to_string()
}

/// Instants from 1990 to 2100, at whole minutes, biased towards late evening and DST nights.
fn instant() -> impl Strategy<Value = Timestamp> {
    let start = 631_152_000i64; // 1990-01-01T00:00:00Z
    let end = 4_133_980_800i64; // 2101-01-01T00:00:00Z
    prop_oneof![
        (start..end).prop_map(|s| s - s % 60),
        // 21:00–23:59 UTC: around local midnight.
        (0i64..40_000, 75_600i64..86_400)
            .prop_map(move |(day, sec)| start + day * 86_400 + sec - sec % 60),
    ]
    .prop_map(|s| Timestamp::from_second(s).unwrap_or(Timestamp::UNIX_EPOCH))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn stevns_one_working_day_matches_the_oracle(at in instant()) {
        let stevns = shipped("stevns");
        let f = InquiryFacts { channel: Channel::Letter, to: Addressee::General, kind: InquiryKind::Other, case_type: None, received_at: at };
        let got = stevns.obligations(&f).map(|v| v.iter().map(|o| o.due_at_local().to_string()).collect::<Vec<_>>());
        prop_assert_eq!(got, Ok(vec![naive_working_deadline(at, 1)]));
    }

    #[test]
    fn roskilde_matches_the_oracle_on_every_channel(at in instant(), c in 0usize..7, k in 0usize..5, t in 0usize..3) {
        let roskilde = shipped("roskilde");
        let channel = Channel::ALL[c];
        let kind = InquiryKind::ALL[k];
        let to = Addressee::ALL[t];
        let f = InquiryFacts { channel, to, kind, case_type: None, received_at: at };
        let got: Vec<(Requirement, String, String)> = roskilde
            .obligations(&f)
            .map_err(|e| TestCaseError::fail(e.to_string()))?
            .iter()
            .map(|o| (o.requires, o.due_date.to_string(), o.due_at_local().to_string()))
            .collect();
        let mut expected = Vec::new();
        let general_question = kind == InquiryKind::GeneralQuestion;
        match channel {
            Channel::Email => {
                expected.push((Requirement::Acknowledgment, naive_working_deadline(at, 10)));
                if general_question && to != Addressee::Employee {
                    expected.push((Requirement::Answer, naive_working_deadline(at, 2)));
                }
            }
            Channel::Letter | Channel::DigitalPost | Channel::WebForm => {
                expected.push((Requirement::Acknowledgment, naive_working_deadline(at, 10)));
            }
            Channel::Facebook => {
                let requires = if general_question { Requirement::Answer } else { Requirement::Acknowledgment };
                expected.push((requires, naive_hours_deadline(at, 24)));
            }
            Channel::Phone | Channel::InPerson => {}
        }
        let expected: Vec<(Requirement, String, String)> = expected
            .into_iter()
            .map(|(r, at)| (r, at.get(..10).unwrap_or_default().to_owned(), at))
            .collect();
        prop_assert_eq!(got, expected);
    }
}
