//! The working-day table: constant-time answers over 1900–2200.
//!
//! For every date in range the table keeps how many working days precede it (`before`), and it
//! keeps the list of working days itself (`working`). Then "is D a working day" is one
//! subtraction, "the N-th working day after D" is one lookup into `working`, and "working days
//! between A and B" is one subtraction. Building the table walks ~110,000 days once (well under
//! a millisecond), and it is about 900 KB.

use crate::day_index::{date_at, day_count, index_of};
use crate::holidays::public_holidays;
use crate::{CalendarError, ClosingDays, FIRST_DATE, LAST_DATE};
use jiff::civil::{Date, Weekday};

/// Why a date is not a working day although it is a weekday or a weekend day with a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayOffKind {
    /// A Danish public holiday (helligdag).
    PublicHoliday,
    /// One of the municipality's closing days (lukkedag).
    ClosingDay,
}

impl DayOffKind {
    /// The wire name used by `frist calendar`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PublicHoliday => "public_holiday",
            Self::ClosingDay => "closing_day",
        }
    }
}

/// A named day off: a public holiday or a closing day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayOff<'a> {
    pub date: Date,
    pub name: &'a str,
    pub kind: DayOffKind,
}

/// Danish working days with one municipality's closing days.
#[derive(Debug, Clone)]
pub struct Calendar {
    closing: ClosingDays,
    /// `before[i]` = number of working days among the dates with index < i; one longer than the
    /// range so that `before[i + 1] - before[i]` says whether day i is a working day.
    before: Vec<u32>,
    /// Indexes of the working days, ascending.
    working: Vec<u32>,
}

impl Calendar {
    /// Builds the table for the given closing days.
    pub fn new(closing: ClosingDays) -> Self {
        let n = day_count();
        let mut off = vec![false; n];
        for year in FIRST_DATE.year()..=LAST_DATE.year() {
            let holidays = public_holidays(year).into_iter().map(|h| h.date);
            let closing_days = closing.in_year(year).map(|(d, _)| d);
            for date in holidays.chain(closing_days) {
                if let Ok(i) = index_of(date)
                    && let Some(flag) = off.get_mut(i)
                {
                    *flag = true;
                }
            }
        }
        let mut before = Vec::with_capacity(n + 1);
        let mut working = Vec::with_capacity(n * 5 / 7);
        let mut weekday = FIRST_DATE.weekday();
        let mut count = 0u32;
        for (i, is_off) in off.iter().enumerate() {
            before.push(count);
            let weekend = matches!(weekday, Weekday::Saturday | Weekday::Sunday);
            if !weekend && !is_off {
                working.push(i as u32);
                count += 1;
            }
            weekday = weekday.next();
        }
        before.push(count);
        Self {
            closing,
            before,
            working,
        }
    }

    /// The calendar with the closing days every bundled policy ships with.
    pub fn danish_default() -> Self {
        Self::new(ClosingDays::danish_default())
    }

    pub fn closing_days(&self) -> &ClosingDays {
        &self.closing
    }

    /// Working days among the dates before index `i` (0 ≤ i ≤ day_count).
    fn before(&self, i: usize) -> u32 {
        self.before.get(i).copied().unwrap_or(0)
    }

    /// Whether `date` is a working day.
    pub fn is_working_day(&self, date: Date) -> Result<bool, CalendarError> {
        let i = index_of(date)?;
        Ok(self.before(i + 1) > self.before(i))
    }

    /// The `n`-th working day after `date`; `date` itself is not counted, and need not be a
    /// working day. `n = 0` answers `date`.
    pub fn add_working_days(&self, date: Date, n: u32) -> Result<Date, CalendarError> {
        let i = index_of(date)?;
        if n == 0 {
            return Ok(date);
        }
        // Working days up to and including `date`; the next one has that position in the list.
        let position = self.before(i + 1) as usize + n as usize - 1;
        match self.working.get(position) {
            Some(&day) => Ok(date_at(day as usize)),
            None => Err(CalendarError::BeyondRange {
                date,
                n,
                last: LAST_DATE,
            }),
        }
    }

    /// The first working day after `date` (not `date` itself).
    pub fn next_working_day(&self, date: Date) -> Result<Date, CalendarError> {
        self.add_working_days(date, 1)
    }

    /// `date` when it is a working day, otherwise the next working day. This is the day from
    /// which working-day deadlines count.
    pub fn working_day_on_or_after(&self, date: Date) -> Result<Date, CalendarError> {
        if self.is_working_day(date)? {
            Ok(date)
        } else {
            self.next_working_day(date)
        }
    }

    /// The number of working days `d` with `a < d <= b`; negative when `b < a`.
    ///
    /// So `working_days_between(d, add_working_days(d, n)) == n` for every `d` and `n`.
    pub fn working_days_between(&self, a: Date, b: Date) -> Result<i64, CalendarError> {
        let ia = index_of(a)?;
        let ib = index_of(b)?;
        Ok(i64::from(self.before(ib + 1)) - i64::from(self.before(ia + 1)))
    }

    /// Every public holiday and closing day from `from` to `to` inclusive, whatever the
    /// weekday, in date order; on a date that is both, the holiday comes first.
    pub fn days_off(&self, from: Date, to: Date) -> Result<Vec<DayOff<'_>>, CalendarError> {
        index_of(from)?;
        index_of(to)?;
        let mut days = Vec::new();
        for year in from.year()..=to.year() {
            for h in public_holidays(year) {
                days.push(DayOff {
                    date: h.date,
                    name: h.name,
                    kind: DayOffKind::PublicHoliday,
                });
            }
            for (date, name) in self.closing.in_year(year) {
                days.push(DayOff {
                    date,
                    name,
                    kind: DayOffKind::ClosingDay,
                });
            }
        }
        days.retain(|d| d.date >= from && d.date <= to);
        // Stable: keeps holidays before closing days on the same date.
        days.sort_by_key(|d| d.date);
        Ok(days)
    }
}
