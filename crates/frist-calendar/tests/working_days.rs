//! The table against a naive day-by-day oracle over every date in range, and the holidays
//! against the Python `holidays` package's list (a fixture it wrote).
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

use frist_calendar::holidays::public_holidays;
use frist_calendar::{
    Calendar, ClosingDay, ClosingDays, Date, DayOffKind, FIRST_DATE, LAST_DATE, Recurrence, Weekday,
};
use jiff::civil::date;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// The slow, obviously right definition: weekday, not a holiday of that year, not closed.
fn naive_is_working(closing: &ClosingDays, d: Date) -> bool {
    let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
    let holiday = public_holidays(d.year()).iter().any(|h| h.date == d);
    let closed = closing.in_year(d.year()).any(|(c, _)| c == d);
    !weekend && !holiday && !closed
}

fn naive_add(closing: &ClosingDays, d: Date, n: u32) -> Option<Date> {
    let mut current = d;
    let mut left = n;
    while left > 0 {
        current = current.tomorrow().ok()?;
        if current > LAST_DATE {
            return None;
        }
        if naive_is_working(closing, current) {
            left -= 1;
        }
    }
    Some(current)
}

fn all_dates() -> impl Iterator<Item = Date> {
    std::iter::successors(Some(FIRST_DATE), |d| {
        d.tomorrow().ok().filter(|d| *d <= LAST_DATE)
    })
}

fn test_closing() -> ClosingDays {
    let mut days = ClosingDays::danish_default().days().to_vec();
    days.push(ClosingDay {
        when: Recurrence::Once(date(2026, 5, 15)),
        name: "Fredag efter Kristi himmelfartsdag".into(),
    });
    days.push(ClosingDay {
        when: Recurrence::Yearly { month: 2, day: 29 },
        name: "Skuddag".into(),
    });
    ClosingDays::new(days)
}

#[test]
fn every_date_from_1900_to_2200_agrees_with_the_naive_definition() {
    let closing = test_closing();
    let cal = Calendar::new(closing.clone());
    // The naive oracle recomputes a year's holidays per call; cache per year to keep this fast.
    let mut holidays_by_year: BTreeMap<i16, Vec<Date>> = BTreeMap::new();
    let mut count = 0;
    for d in all_dates() {
        let hol = holidays_by_year
            .entry(d.year())
            .or_insert_with(|| public_holidays(d.year()).iter().map(|h| h.date).collect());
        let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
        let closed = closing.in_year(d.year()).any(|(c, _)| c == d);
        let expected = !weekend && !hol.contains(&d) && !closed;
        assert_eq!(cal.is_working_day(d), Ok(expected), "{d}");
        count += 1;
    }
    assert_eq!(count, 109_938);
}

#[test]
fn add_working_days_agrees_with_stepping_one_day_at_a_time_for_every_date() {
    let closing = ClosingDays::danish_default();
    let cal = Calendar::new(closing.clone());
    // Step through the range once, keeping the next working days seen ahead of each date.
    let dates: Vec<Date> = all_dates().collect();
    let working: Vec<bool> = dates
        .iter()
        .map(|d| naive_is_working(&closing, *d))
        .collect();
    for (i, d) in dates.iter().enumerate() {
        let mut ahead = dates.iter().zip(&working).skip(i + 1).filter(|(_, w)| **w);
        for n in 1..=10u32 {
            let expected = ahead.next().map(|(d, _)| *d);
            assert_eq!(cal.add_working_days(*d, n).ok(), expected, "{d} + {n}");
        }
    }
}

#[test]
fn public_holidays_equal_the_python_holidays_package_for_1990_to_2100() {
    let fixture = include_str!("fixtures/holidays-dk-1990-2100.jsonl");
    let expected: Vec<(String, String)> = fixture
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            (
                v["date"].as_str().unwrap_or("").to_owned(),
                v["name"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    // 111 years of 10 holidays, plus Store bededag in the 34 years 1990–2023.
    assert_eq!(expected.len(), 1144, "fixture is complete");
    let cal = Calendar::new(ClosingDays::default());
    let actual: Vec<(String, String)> = cal
        .days_off(date(1990, 1, 1), date(2100, 12, 31))
        .unwrap_or_default()
        .into_iter()
        .map(|d| {
            assert_eq!(d.kind, DayOffKind::PublicHoliday);
            (d.date.to_string(), d.name.to_owned())
        })
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn days_off_lists_closing_days_whatever_the_weekday_and_both_names_on_a_shared_date() {
    let cal = Calendar::danish_default();
    // 5 June 2017 was both Grundlovsdag and Anden pinsedag.
    let days = cal
        .days_off(date(2017, 6, 5), date(2017, 6, 5))
        .unwrap_or_default();
    let names: Vec<_> = days.iter().map(|d| (d.name, d.kind)).collect();
    assert_eq!(
        names,
        vec![
            ("Anden pinsedag", DayOffKind::PublicHoliday),
            ("Grundlovsdag", DayOffKind::ClosingDay)
        ]
    );
    // 24 December 2022 was a Saturday and is still listed.
    let days = cal
        .days_off(date(2022, 12, 24), date(2022, 12, 24))
        .unwrap_or_default();
    assert_eq!(days.len(), 1);
}

#[test]
fn questions_outside_1900_to_2200_are_errors_not_panics() {
    let cal = Calendar::danish_default();
    assert!(cal.is_working_day(date(1899, 12, 31)).is_err());
    assert!(cal.is_working_day(date(2201, 1, 1)).is_err());
    assert!(cal.add_working_days(date(2200, 12, 30), 5).is_err());
    assert!(cal.add_working_days(date(2200, 12, 30), u32::MAX).is_err());
    assert!(
        cal.working_days_between(date(1800, 1, 1), date(2000, 1, 1))
            .is_err()
    );
    assert!(cal.days_off(date(2199, 1, 1), date(2201, 1, 1)).is_err());
}

#[test]
fn christmas_and_easter_examples() {
    let cal = Calendar::danish_default();
    // Received Wednesday 23 December 2026: 24, 25, 26 (Sat), 27 (Sun) off; 28, 29, 30 work; 31 closed.
    assert_eq!(
        cal.add_working_days(date(2026, 12, 23), 1),
        Ok(date(2026, 12, 28))
    );
    assert_eq!(
        cal.add_working_days(date(2026, 12, 23), 4),
        Ok(date(2027, 1, 4))
    );
    // Maundy Thursday 2026 is 2 April; 2 April–6 April are off.
    assert_eq!(cal.next_working_day(date(2026, 4, 1)), Ok(date(2026, 4, 7)));
    assert_eq!(
        cal.working_day_on_or_after(date(2026, 4, 4)),
        Ok(date(2026, 4, 7))
    );
    assert_eq!(
        cal.working_day_on_or_after(date(2026, 4, 7)),
        Ok(date(2026, 4, 7))
    );
    // Store bededag: Friday 5 May 2023 off, Friday 26 April 2024 a working day.
    assert_eq!(cal.is_working_day(date(2023, 5, 5)), Ok(false));
    assert_eq!(cal.is_working_day(date(2024, 4, 26)), Ok(true));
}

fn any_date() -> impl Strategy<Value = Date> {
    (0i64..109_938).prop_map(|offset| FIRST_DATE.saturating_add(jiff::Span::new().days(offset)))
}

proptest! {
    #[test]
    fn between_inverts_add(d in any_date(), n in 0u32..2000) {
        let cal = Calendar::danish_default();
        if let Ok(end) = cal.add_working_days(d, n) {
            prop_assert_eq!(cal.working_days_between(d, end), Ok(i64::from(n)));
            prop_assert_eq!(cal.working_days_between(end, d), Ok(-i64::from(n)));
            if n > 0 {
                prop_assert_eq!(cal.is_working_day(end), Ok(true));
            }
        }
    }

    #[test]
    fn add_matches_the_naive_loop(d in any_date(), n in 0u32..400) {
        let closing = test_closing();
        let cal = Calendar::new(closing.clone());
        prop_assert_eq!(cal.add_working_days(d, n).ok(), naive_add(&closing, d, n));
    }

    #[test]
    fn between_matches_counting(a in any_date(), span in 0i64..800) {
        let closing = ClosingDays::danish_default();
        let cal = Calendar::new(closing.clone());
        let b = a.saturating_add(jiff::Span::new().days(span)).min(LAST_DATE);
        let naive = std::iter::successors(a.tomorrow().ok(), |d| d.tomorrow().ok())
            .take_while(|d| *d <= b)
            .filter(|d| naive_is_working(&closing, *d))
            .count() as i64;
        prop_assert_eq!(cal.working_days_between(a, b), Ok(naive));
    }
}
