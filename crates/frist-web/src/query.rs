//! Query parameters, read by name so that every error names the parameter, and unknown or
//! repeated parameters are refused (a typo like `?units=` would otherwise silently list all).

use crate::error::ApiError;
use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use std::str::FromStr;

/// The query string's parameters, in order.
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map(|Query(pairs)| Self(pairs))
            .map_err(|_| ApiError::Invalid {
                field: None,
                detail: "the query string is not valid URL encoding".into(),
            })
    }
}

impl Params {
    /// Refuses parameters not in `known`, parameters given more than once, and empty ones (an
    /// empty `?state=` is a mistake to point out, not a wish to see everything).
    pub fn only(&self, known: &[&str]) -> Result<&Self, ApiError> {
        for (i, (name, value)) in self.0.iter().enumerate() {
            if !known.contains(&name.as_str()) {
                let expected = if known.is_empty() {
                    "this route takes none".to_owned()
                } else {
                    format!("expected one of: {}", known.join(", "))
                };
                return Err(ApiError::invalid(
                    name.clone(),
                    format!("unknown query parameter \"{name}\"; {expected}"),
                ));
            }
            if self.0.iter().skip(i + 1).any(|(other, _)| other == name) {
                return Err(ApiError::invalid(
                    name.clone(),
                    format!("query parameter \"{name}\" is given more than once"),
                ));
            }
            if value.is_empty() {
                return Err(ApiError::invalid(
                    name.clone(),
                    format!("query parameter \"{name}\" must not be empty; leave it out instead"),
                ));
            }
        }
        Ok(self)
    }

    /// The value of `name`, if given and not empty.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// The value of `name` parsed by `parse`, or a problem naming the parameter with `what`
    /// it should be.
    pub fn parse<T>(
        &self,
        name: &str,
        what: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(text) => parse(text).map(Some).ok_or_else(|| {
                ApiError::invalid(
                    name.to_owned(),
                    format!(
                        "query parameter \"{name}\" must be {what}, not \"{}\"",
                        short(text)
                    ),
                )
            }),
        }
    }

    /// [`Self::parse`] with the type's `FromStr`.
    pub fn parse_str<T: FromStr>(&self, name: &str, what: &str) -> Result<Option<T>, ApiError> {
        self.parse(name, what, |t| t.parse().ok())
    }
}

/// At most 40 characters of a value, for an error message.
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// The years a date or instant in a query may have: those of the working-day calendar, with a
/// year's margin at each end so that a local day is always inside it. The OpenAPI document's
/// patterns allow exactly these.
pub const YEARS: std::ops::RangeInclusive<i16> = 1901..=2199;

/// Whether `text` (a date or an RFC 3339 instant) starts with a year in [`YEARS`].
pub fn year_in_range(text: &str) -> bool {
    text.trim()
        .get(..4)
        .and_then(|y| y.parse::<i16>().ok())
        .is_some_and(|y| YEARS.contains(&y))
}
