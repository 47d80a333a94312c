//! Who sent an inquiry: a person (optionally with CPR number) or a business (with CVR number).

use crate::cpr::Cpr;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A Danish business registration number: eight digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cvr(String);

/// Why a text is not a CVR number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a CVR number (8 digits)")]
pub struct CvrError(String);

impl Cvr {
    pub fn parse(s: &str) -> Result<Self, CvrError> {
        let digits: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(digits))
        } else {
            Err(CvrError(s.chars().take(20).collect()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Cvr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Cvr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Cvr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Cvr::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// A citizen or a business (HAL-6: reports split the two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SenderKind {
    #[default]
    Person,
    Business,
}

/// The sender of an inquiry and how to reach them. Every field is optional because a phone
/// message may carry no more than a first name and a number.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sender {
    #[serde(default)]
    pub kind: SenderKind,
    #[serde(default)]
    pub name: Option<String>,
    /// Confidential: masked in lists, every view logged.
    #[serde(default)]
    pub cpr: Option<Cpr>,
    #[serde(default)]
    pub cvr: Option<Cvr>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub facebook_id: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cvr_numbers_are_eight_digits() {
        assert_eq!(
            Cvr::parse("29 18 94 04").map(|c| c.to_string()),
            Ok("29189404".to_owned())
        );
        assert!(Cvr::parse("2918940").is_err());
        assert!(Cvr::parse("2918940x").is_err());
    }
}
