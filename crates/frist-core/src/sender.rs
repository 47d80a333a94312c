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
    /// Where a letter reaches the sender: street, postcode and town, one per line. A letter is
    /// never sent without it.
    #[serde(default)]
    pub postal_address: Option<String>,
}

/// A phone number as it is searched for: its digits, without the Danish country code
/// (`+45 43 59 10 00`, `0045 43591000` and `43 59 10 00` are all `43591000`). `None` when there
/// are no digits. Numbers from abroad keep their country code, spelt with digits only.
pub fn phone_key(phone: &str) -> Option<String> {
    let trimmed = phone.trim();
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let national = if trimmed.starts_with('+') {
        digits.strip_prefix("45").unwrap_or(&digits)
    } else {
        digits.strip_prefix("0045").unwrap_or(&digits)
    };
    (!national.is_empty()).then(|| national.to_owned())
}

/// An e-mail address as it is searched for: trimmed and in lower case; `None` when empty.
pub fn email_key(email: &str) -> Option<String> {
    let key = email.trim().to_lowercase();
    (!key.is_empty()).then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_searched_by_their_national_digits() {
        for spelling in [
            "+45 43 59 10 00",
            "0045 43591000",
            "43 59 10 00",
            "43-59-10-00",
        ] {
            assert_eq!(
                phone_key(spelling).as_deref(),
                Some("43591000"),
                "{spelling}"
            );
        }
        assert_eq!(phone_key("+46 8 123 456").as_deref(), Some("468123456"));
        assert_eq!(phone_key(" – "), None);
        assert_eq!(
            email_key(" Mette@Example.DK ").as_deref(),
            Some("mette@example.dk")
        );
        assert_eq!(email_key("  "), None);
    }

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
