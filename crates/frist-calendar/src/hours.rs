//! Weekly opening and phone hours, e.g. "man–tors 10–15". Kept with the calendar because
//! later features (phone messages, "within opening hours") ask the same local-time questions.

use jiff::civil::{Time, Weekday};
use std::fmt;
use std::str::FromStr;

/// A half-open interval of local time on one day, e.g. 08:00–15:30.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRange {
    pub start: Time,
    pub end: Time,
}

/// Why a time range could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("\"{0}\" is not a time range; write it as HH:MM-HH:MM, e.g. 08:00-15:30")]
    Malformed(String),
    #[error("\"{0}\" ends before it starts")]
    EndsBeforeStart(String),
}

impl FromStr for TimeRange {
    type Err = HoursError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let malformed = || HoursError::Malformed(s.to_owned());
        let (a, b) = s.split_once(['-', '–']).ok_or_else(malformed)?;
        let parse = |t: &str| -> Result<Time, HoursError> {
            let t = t.trim().replace('.', ":");
            let (h, m) = t.split_once(':').ok_or_else(malformed)?;
            let h: i8 = h.parse().map_err(|_| malformed())?;
            let m: i8 = m.parse().map_err(|_| malformed())?;
            if h == 24 && m == 0 {
                return Ok(Time::MAX);
            }
            Time::new(h, m, 0, 0).map_err(|_| malformed())
        };
        let range = TimeRange {
            start: parse(a)?,
            end: parse(b)?,
        };
        if range.end <= range.start {
            return Err(HoursError::EndsBeforeStart(s.to_owned()));
        }
        Ok(range)
    }
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let end = if self.end == Time::MAX {
            "24:00".to_owned()
        } else {
            self.end.strftime("%H:%M").to_string()
        };
        write!(f, "{}-{}", self.start.strftime("%H:%M"), end)
    }
}

/// Opening hours for each weekday; a day with no ranges is closed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeeklyHours {
    days: [Vec<TimeRange>; 7],
}

impl WeeklyHours {
    fn slot(day: Weekday) -> usize {
        usize::from(day.to_monday_zero_offset().unsigned_abs())
    }

    /// Sets the ranges of one weekday, replacing what was there.
    pub fn set(&mut self, day: Weekday, ranges: Vec<TimeRange>) {
        if let Some(slot) = self.days.get_mut(Self::slot(day)) {
            *slot = ranges;
        }
    }

    /// The ranges of one weekday (empty when closed).
    pub fn on(&self, day: Weekday) -> &[TimeRange] {
        self.days.get(Self::slot(day)).map_or(&[], Vec::as_slice)
    }

    /// Whether the given local weekday and time fall inside the hours. Whether that date is a
    /// working day at all is the [`Calendar`](crate::Calendar)'s question.
    pub fn is_open(&self, day: Weekday, time: Time) -> bool {
        self.on(day).iter().any(|r| r.start <= time && time < r.end)
    }

    /// True when no weekday has any hours.
    pub fn is_empty(&self) -> bool {
        self.days.iter().all(Vec::is_empty)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::time;

    #[test]
    fn ranges_parse_with_colon_dot_and_en_dash() {
        let r: TimeRange = "08:00-15:30".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((r.start, r.end), (time(8, 0, 0, 0), time(15, 30, 0, 0)));
        assert_eq!("8.00–15.30".parse::<TimeRange>(), Ok(r));
        assert_eq!(r.to_string(), "08:00-15:30");
    }

    #[test]
    fn bad_ranges_are_errors() {
        assert!("8-15".parse::<TimeRange>().is_err());
        assert!("15:00-08:00".parse::<TimeRange>().is_err());
        assert!("25:00-26:00".parse::<TimeRange>().is_err());
        assert!("".parse::<TimeRange>().is_err());
    }

    #[test]
    fn open_is_half_open() {
        let mut h = WeeklyHours::default();
        h.set(
            Weekday::Monday,
            vec!["10:00-15:00".parse().unwrap_or_else(|e| panic!("{e}"))],
        );
        assert!(h.is_open(Weekday::Monday, time(10, 0, 0, 0)));
        assert!(!h.is_open(Weekday::Monday, time(15, 0, 0, 0)));
        assert!(!h.is_open(Weekday::Tuesday, time(11, 0, 0, 0)));
    }
}
