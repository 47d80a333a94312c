//! When the scheduler owes a caseworker a word about an obligation (issue 13): a warning once a
//! share of the obligation's working days has passed, an escalation once it is overdue, and a
//! daily digest at the start of each working day. Pure: the scheduler asks these questions
//! with its "now", and queues what they answer under [`Alert::key`], which is the same on every
//! run, so a second run or a restart after a crash finds the key taken and sends nothing twice.
//!
//! Nothing is due outside working hours: a warning that falls due in the evening, on a weekend
//! or on a holiday is held until the next working day's opening ([`next_working_moment`]), so
//! no one is notified at midnight UTC or on Christmas Eve.

use crate::obligation::TrackedObligation;
use frist_calendar::{Calendar, CalendarError, WeeklyHours};
use frist_policy::COPENHAGEN;
use jiff::Timestamp;
use jiff::civil::{Date, DateTime, Time};

/// How far along an obligation is when its owner is warned, in percent of its working days
/// (1–99; a policy's `warn_at = "75 %"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WarnShare(u8);

impl WarnShare {
    /// `None` unless 1 ≤ `percent` ≤ 99: at 0 every obligation would warn at once, at 100 the
    /// warning would coincide with the escalation.
    pub fn new(percent: u8) -> Option<Self> {
        (1..=99).contains(&percent).then_some(Self(percent))
    }

    pub fn percent(self) -> u8 {
        self.0
    }
}

/// The two levels of notice about one obligation; each is sent at most once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// To the owner (or the unit when nobody owns it): the deadline is near.
    Warning,
    /// To the unit's lead: the deadline has passed.
    Escalation,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Escalation => "escalation",
        }
    }
}

/// Something the scheduler queues, named by the key that makes it happen once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alert {
    /// About one obligation of one inquiry.
    Obligation {
        inquiry: i64,
        goal: String,
        level: Level,
    },
    /// One person's digest for one working day.
    Digest { person: String, day: Date },
    /// One unit's compliance figures for the month that starts on `month`.
    MonthlyReport { unit: String, month: Date },
}

impl Alert {
    /// The idempotency key: equal for the same alert on every run, different otherwise.
    pub fn key(&self) -> String {
        match self {
            Alert::Obligation {
                inquiry,
                goal,
                level,
            } => format!("{}:{inquiry}:{goal}", level.as_str()),
            Alert::Digest { person, day } => format!("digest:{person}:{day}"),
            Alert::MonthlyReport { unit, month } => {
                format!("monthly_report:{unit}:{}", month.strftime("%Y-%m"))
            }
        }
    }
}

/// The working day on which `share` of the working days from `start` (the day the inquiry was
/// received) to `due` have passed: `start` plus the share of the working days between them,
/// rounded down, and never after `due`. An obligation due the day it starts warns that day.
pub fn warning_day(
    calendar: &Calendar,
    start: Date,
    due: Date,
    share: WarnShare,
) -> Result<Date, CalendarError> {
    let total = calendar.working_days_between(start, due)?.max(0);
    let passed = total * i64::from(share.percent()) / 100;
    let passed = u32::try_from(passed).unwrap_or(u32::MAX);
    let first = calendar.working_day_on_or_after(start)?;
    let day = if passed == 0 {
        first
    } else {
        calendar.add_working_days(first, passed)?
    };
    Ok(day.min(due))
}

/// `at` when that is within the opening hours of a working day; otherwise the next opening of a
/// working day after it; `None` when the hours never open on a working day. With no opening
/// hours at all, working days count from 08:00.
pub fn next_working_moment(
    calendar: &Calendar,
    hours: &WeeklyHours,
    at: Timestamp,
) -> Result<Option<Timestamp>, CalendarError> {
    let local = at.to_zoned(COPENHAGEN.clone()).datetime();
    let today = local.date();
    if calendar.is_working_day(today)? {
        match open_or_next(hours, today, local.time()) {
            Some(t) if t == local.time() => return Ok(Some(at)),
            Some(t) => return Ok(instant(today, t)),
            None => {}
        }
    }
    let mut day = today;
    // Two weeks of working days without hours means the hours never open on one.
    for _ in 0..10 {
        day = calendar.next_working_day(day)?;
        if let Some(t) = open_or_next(hours, day, Time::MIN) {
            return Ok(instant(day, t));
        }
    }
    Ok(None)
}

/// `time` when the hours are open then on `day`'s weekday, else the next opening later that
/// day.
fn open_or_next(hours: &WeeklyHours, day: Date, time: Time) -> Option<Time> {
    const MORNING: Time = Time::constant(8, 0, 0, 0);
    if hours.is_empty() {
        return Some(time.max(MORNING));
    }
    let ranges = hours.on(day.weekday());
    if ranges.iter().any(|r| r.start <= time && time < r.end) {
        return Some(time);
    }
    ranges.iter().map(|r| r.start).filter(|s| *s > time).min()
}

fn instant(date: Date, time: Time) -> Option<Timestamp> {
    DateTime::from_parts(date, time)
        .to_zoned(COPENHAGEN.clone())
        .ok()
        .map(|z| z.timestamp())
}

/// The notice `obligation` is owed at `now`, if any: the escalation once it is overdue, else the
/// warning once its warning day has begun; either only within working hours. Settled,
/// paused and waived obligations are owed nothing. `start` is the inquiry's day of receipt.
pub fn owed(
    calendar: &Calendar,
    hours: &WeeklyHours,
    obligation: &TrackedObligation,
    start: Date,
    share: WarnShare,
    now: Timestamp,
) -> Result<Option<Level>, CalendarError> {
    if !obligation.is_open() || obligation.paused_since.is_some() {
        return Ok(None);
    }
    if next_working_moment(calendar, hours, now)? != Some(now) {
        return Ok(None);
    }
    level(
        calendar,
        start,
        obligation.due_date,
        obligation.due_at,
        share,
        now,
    )
}

/// The notice an open, unpaused obligation received on `start` and due on `due_date` (by the
/// instant `due_at`) is owed at `now`, leaving aside working hours (the caller checks them once
/// for a whole pass): the escalation once it is overdue, else the warning from its warning day.
pub fn level(
    calendar: &Calendar,
    start: Date,
    due_date: Date,
    due_at: Timestamp,
    share: WarnShare,
    now: Timestamp,
) -> Result<Option<Level>, CalendarError> {
    if now >= due_at {
        return Ok(Some(Level::Escalation));
    }
    let today = now.to_zoned(COPENHAGEN.clone()).date();
    let warn = warning_day(calendar, start, due_date, share)?;
    Ok((today >= warn).then_some(Level::Warning))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use frist_calendar::TimeRange;
    use jiff::civil::{Weekday, date};

    fn office() -> WeeklyHours {
        let mut h = WeeklyHours::default();
        for d in [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
        ] {
            h.set(d, vec!["08:00-15:00".parse::<TimeRange>().unwrap()]);
        }
        h.set(Weekday::Friday, vec!["08:00-13:00".parse().unwrap()]);
        h
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn the_warning_day_is_the_share_of_the_working_days_and_never_after_the_deadline() {
        let cal = Calendar::danish_default();
        let share = WarnShare::new(75).unwrap();
        // Monday 7 December 2026 to Friday 18 December: 9 working days between; 75 % is 6.
        let day = warning_day(&cal, date(2026, 12, 7), date(2026, 12, 18), share).unwrap();
        assert_eq!(day, date(2026, 12, 15));
        // Across Christmas: received Monday 21 December, due Monday 4 January 2027. The 24th,
        // 25th, 31st and 1st are not working days (Danish default closing days).
        let day = warning_day(&cal, date(2026, 12, 21), date(2027, 1, 4), share).unwrap();
        assert!(cal.is_working_day(day).unwrap(), "{day}");
        assert!(day > date(2026, 12, 21) && day < date(2027, 1, 4), "{day}");
        // Due the day it starts: warned that day.
        let day = warning_day(&cal, date(2026, 12, 7), date(2026, 12, 7), share).unwrap();
        assert_eq!(day, date(2026, 12, 7));
        assert_eq!(WarnShare::new(0), None);
        assert_eq!(WarnShare::new(100), None);
    }

    #[test]
    fn outside_working_hours_waits_for_the_next_opening() {
        let cal = Calendar::danish_default();
        let h = office();
        // Tuesday 8 December 2026 at 10:00 local (09:00 UTC): open, unchanged.
        let open = at("2026-12-08T09:00:00Z");
        assert_eq!(next_working_moment(&cal, &h, open).unwrap(), Some(open));
        // Friday 11 December at 14:00 local is after Friday's closing: Monday 08:00 local.
        assert_eq!(
            next_working_moment(&cal, &h, at("2026-12-11T13:00:00Z")).unwrap(),
            Some(at("2026-12-14T07:00:00Z"))
        );
        // Early morning before opening the same day.
        assert_eq!(
            next_working_moment(&cal, &h, at("2026-12-08T05:30:00Z")).unwrap(),
            Some(at("2026-12-08T07:00:00Z"))
        );
        // Wednesday 23 December after closing: the 24th–27th are off, so Monday 28th.
        assert_eq!(
            next_working_moment(&cal, &h, at("2026-12-23T20:00:00Z")).unwrap(),
            Some(at("2026-12-28T07:00:00Z"))
        );
        // Hours only on Saturdays, which are never working days: never.
        let mut weekend = WeeklyHours::default();
        weekend.set(Weekday::Saturday, vec!["08:00-12:00".parse().unwrap()]);
        assert_eq!(next_working_moment(&cal, &weekend, open).unwrap(), None);
    }

    #[test]
    fn keys_name_the_alert_and_differ_between_alerts() {
        let warning = Alert::Obligation {
            inquiry: 7,
            goal: "HTK-1".into(),
            level: Level::Warning,
        };
        assert_eq!(warning.key(), "warning:7:HTK-1");
        let escalation = Alert::Obligation {
            inquiry: 7,
            goal: "HTK-1".into(),
            level: Level::Escalation,
        };
        assert_ne!(warning.key(), escalation.key());
        let digest = Alert::Digest {
            person: "mette".into(),
            day: date(2026, 12, 8),
        };
        assert_eq!(digest.key(), "digest:mette:2026-12-08");
        let report = Alert::MonthlyReport {
            unit: "borgerservice".into(),
            month: date(2026, 12, 1),
        };
        assert_eq!(report.key(), "monthly_report:borgerservice:2026-12");
    }

    #[test]
    fn an_open_obligation_is_warned_then_escalated_and_only_in_working_hours() {
        let cal = Calendar::danish_default();
        let h = office();
        let share = WarnShare::new(75).unwrap();
        // Received Monday 7 December, due end of Friday 18 December.
        let mut o = TrackedObligation::promised("HTK-1", date(2026, 12, 18), 9, true);
        o.due_at = at("2026-12-18T22:59:59Z");
        let start = date(2026, 12, 7);
        let owed =
            |now: &str, o: &TrackedObligation| owed(&cal, &h, o, start, share, at(now)).unwrap();
        assert_eq!(owed("2026-12-09T09:00:00Z", &o), None, "early");
        assert_eq!(owed("2026-12-15T09:00:00Z", &o), Some(Level::Warning));
        assert_eq!(owed("2026-12-15T20:00:00Z", &o), None, "evening");
        assert_eq!(owed("2026-12-21T09:00:00Z", &o), Some(Level::Escalation));
        assert_eq!(owed("2026-12-19T09:00:00Z", &o), None, "Saturday");
        o.pause(at("2026-12-10T09:00:00Z"));
        assert_eq!(owed("2026-12-15T09:00:00Z", &o), None, "paused");
    }
}
