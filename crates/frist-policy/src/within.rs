//! How long an obligation allows: "10 working days", "24 hours", and for case types "8 weeks".
//! Danish spellings ("10 arbejdsdage", "24 timer", "8 uger") are accepted too, because the
//! people who edit policy files write Danish.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The length of a deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    /// N Danish working days; see SERVICE_GOALS.md "Working-day semantics".
    WorkingDays(u32),
    /// Exactly N hours after receipt, across DST changes too.
    Hours(u32),
    /// N calendar weeks after the local date of receipt, moved to the next working day when it
    /// lands on a day off (Danish administrative practice for deadlines stated in weeks).
    Weeks(u32),
}

/// The most a policy may promise: beyond this a value is surely a typing error.
const MAX: u32 = 10_000;

/// Why a `within` value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{0}\" is not a duration; write a whole number and a unit, e.g. \"10 working days\", \"24 hours\" or \"8 weeks\" (or \"10 arbejdsdage\", \"24 timer\", \"8 uger\")"
)]
pub struct WithinError(String);

impl FromStr for Within {
    type Err = WithinError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || WithinError(s.to_owned());
        let trimmed = s.trim();
        let (number, unit) = trimmed.split_once(char::is_whitespace).ok_or_else(err)?;
        let n: u32 = number.parse().map_err(|_| err())?;
        if n == 0 || n > MAX {
            return Err(err());
        }
        let unit = unit
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        match unit.as_str() {
            "working day" | "working days" | "arbejdsdag" | "arbejdsdage" => {
                Ok(Within::WorkingDays(n))
            }
            "hour" | "hours" | "time" | "timer" => Ok(Within::Hours(n)),
            "week" | "weeks" | "uge" | "uger" => Ok(Within::Weeks(n)),
            _ => Err(err()),
        }
    }
}

impl<'de> Deserialize<'de> for Within {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for Within {
    /// As its English text, e.g. "10 working days", which deserializes back.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Within {
    /// Danish, as a citizen reads it: "10 arbejdsdage", "24 timer".
    pub fn danish(self) -> String {
        match self {
            Within::WorkingDays(1) => "1 arbejdsdag".into(),
            Within::WorkingDays(n) => format!("{n} arbejdsdage"),
            Within::Hours(1) => "1 time".into(),
            Within::Hours(n) => format!("{n} timer"),
            Within::Weeks(1) => "1 uge".into(),
            Within::Weeks(n) => format!("{n} uger"),
        }
    }
}

impl fmt::Display for Within {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Within::WorkingDays(1) => write!(f, "1 working day"),
            Within::WorkingDays(n) => write!(f, "{n} working days"),
            Within::Hours(1) => write!(f, "1 hour"),
            Within::Hours(n) => write!(f, "{n} hours"),
            Within::Weeks(1) => write!(f, "1 week"),
            Within::Weeks(n) => write!(f, "{n} weeks"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn english_and_danish_spellings() {
        assert_eq!("10 working days".parse(), Ok(Within::WorkingDays(10)));
        assert_eq!("1 working day".parse(), Ok(Within::WorkingDays(1)));
        assert_eq!("10 arbejdsdage".parse(), Ok(Within::WorkingDays(10)));
        assert_eq!(" 24  Hours ".parse(), Ok(Within::Hours(24)));
        assert_eq!("24 timer".parse(), Ok(Within::Hours(24)));
        assert_eq!("8 uger".parse(), Ok(Within::Weeks(8)));
    }

    #[test]
    fn nonsense_is_an_error() {
        for bad in [
            "",
            "10",
            "ten working days",
            "0 hours",
            "-1 hours",
            "3 fortnights",
            "99999 hours",
        ] {
            assert!(bad.parse::<Within>().is_err(), "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn display_parses_back(n in 1u32..=MAX, unit in 0..3) {
            let w = match unit { 0 => Within::WorkingDays(n), 1 => Within::Hours(n), _ => Within::Weeks(n) };
            prop_assert_eq!(w.to_string().parse(), Ok(w));
            prop_assert_eq!(w.danish().parse(), Ok(w));
        }

        #[test]
        fn any_string_parses_or_errs_without_panic(s in ".{0,40}") {
            let _ = s.parse::<Within>();
        }
    }
}
