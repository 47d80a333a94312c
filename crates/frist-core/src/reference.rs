//! Inquiry references as citizens see them: `ROS-2026-000123` (policy prefix, year of receipt,
//! a number counted per prefix and year).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A human-readable, unique reference for an inquiry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Reference {
    prefix: String,
    year: i16,
    number: u32,
}

/// Why a text is not a reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not an inquiry reference like ROS-2026-000123")]
pub struct ReferenceError(String);

impl Reference {
    /// A reference from its parts; `prefix` is 2–6 capital letters (as policies require).
    pub fn new(prefix: &str, year: i16, number: u32) -> Result<Self, ReferenceError> {
        let ok = (2..=6).contains(&prefix.len())
            && prefix.chars().all(|c| c.is_ascii_uppercase())
            && (1900..=2200).contains(&year)
            && number > 0;
        if !ok {
            return Err(ReferenceError(format!("{prefix}-{year}-{number:06}")));
        }
        Ok(Self {
            prefix: prefix.to_owned(),
            year,
            number,
        })
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    pub fn year(&self) -> i16 {
        self.year
    }

    pub fn number(&self) -> u32 {
        self.number
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}-{:06}", self.prefix, self.year, self.number)
    }
}

impl FromStr for Reference {
    type Err = ReferenceError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || ReferenceError(s.chars().take(40).collect());
        let mut parts = s.trim().splitn(3, '-');
        let (Some(prefix), Some(year), Some(number)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(err());
        };
        if year.len() != 4 || number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let year = year.parse().map_err(|_| err())?;
        let number = number.parse().map_err(|_| err())?;
        Reference::new(&prefix.to_ascii_uppercase(), year, number).map_err(|_| err())
    }
}

impl Serialize for Reference {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Reference {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn references_print_with_six_digits_and_parse_back() {
        let r = Reference::new("ROS", 2026, 123).unwrap();
        assert_eq!(r.to_string(), "ROS-2026-000123");
        assert_eq!("ROS-2026-000123".parse(), Ok(r.clone()));
        assert_eq!("ros-2026-000123".parse(), Ok(r));
    }

    #[test]
    fn malformed_references_are_refused() {
        for bad in [
            "",
            "ROS",
            "ROS-2026",
            "ROS-26-1",
            "R-2026-1",
            "ROS-2026-abc",
            "ROS-2026-0",
            "ROS-2026-1-2",
        ] {
            assert!(bad.parse::<Reference>().is_err(), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn display_parses_back(n in 1u32..10_000_000, y in 1900i16..=2200) {
            let r = Reference::new("HTK", y, n).unwrap();
            prop_assert_eq!(r.to_string().parse::<Reference>(), Ok(r));
        }

        #[test]
        fn arbitrary_text_never_panics(s in ".{0,40}") {
            let _ = s.parse::<Reference>();
        }
    }
}
