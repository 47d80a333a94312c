//! Status links in messages: the public address they start with, and which outbox rows get one.
//!
//! A message whose kind carries a link (`MessageKind::carries_status_link`: an acknowledgment,
//! a status-link message) gets a new link when it is queued ([`super::outbox_item`]); the row
//! holds the token until delivery, and the dispatcher makes the absolute link from
//! [`PublicUrl`] for the text the citizen reads. The link is never part of the message stored
//! in the event log.

use std::fmt;

/// The path of a status page without its token: `frist-web`'s `paths::STATUS_ROUTE` up to
/// `{token}` (a test there holds the two together).
const STATUS_PATH: &str = "/status/";

/// Where citizens reach this Frist: `http://` or `https://`, a host, perhaps a port, no path
/// (the pages link to `/…` from the root). Absolute links in messages start with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublicUrl(String);

/// Why a public URL was refused, in words an administrator can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "public_url \"{given}\" {why}; give the address citizens open Frist at, e.g. \
     https://frist.kommune.dk"
)]
pub struct PublicUrlError {
    given: String,
    why: &'static str,
}

impl PublicUrl {
    pub fn parse(text: &str) -> Result<Self, PublicUrlError> {
        let given = text.trim();
        let refuse = |why| PublicUrlError {
            given: given.chars().take(200).collect(),
            why,
        };
        let url = reqwest::Url::parse(given).map_err(|_| refuse("is not a URL"))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(refuse("must start with http:// or https://"));
        }
        if url.host_str().is_none_or(str::is_empty) {
            return Err(refuse("names no host"));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(refuse("must not carry a user name or password"));
        }
        if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
            return Err(refuse(
                "must be the address of the front page alone (no path, query or #)",
            ));
        }
        Ok(Self(url.origin().ascii_serialization()))
    }

    /// The address `frist serve --listen ADDR` answers at, for when no public URL is set.
    pub fn from_listen(listen: &str) -> Result<Self, PublicUrlError> {
        Self::parse(&format!("http://{}", listen.trim()))
    }

    /// The absolute link to the status page of `token`.
    pub fn status_link(&self, token: &str) -> String {
        format!("{}{STATUS_PATH}{token}", self.0)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for PublicUrl {
    /// Where `frist serve` listens unless told otherwise.
    fn default() -> Self {
        Self("http://127.0.0.1:8080".into())
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_public_url_is_an_http_or_https_origin_without_a_trailing_slash() {
        let url = PublicUrl::parse("https://frist.htk.dk/").unwrap();
        assert_eq!(url.as_str(), "https://frist.htk.dk");
        assert_eq!(url.status_link("abc"), "https://frist.htk.dk/status/abc");
        assert_eq!(
            PublicUrl::parse(" http://127.0.0.1:8080 ")
                .unwrap()
                .as_str(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            PublicUrl::from_listen("127.0.0.1:8080").unwrap().as_str(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            PublicUrl::from_listen("[::1]:9000").unwrap().as_str(),
            "http://[::1]:9000"
        );
        assert_eq!(
            PublicUrl::default(),
            PublicUrl::from_listen("127.0.0.1:8080").unwrap()
        );
    }

    #[test]
    fn anything_else_is_refused_naming_what_is_wrong() {
        for (given, why) in [
            ("frist.htk.dk", "is not a URL"),
            ("ftp://frist.htk.dk", "must start with http:// or https://"),
            ("mailto:post@htk.dk", "must start with http:// or https://"),
            ("https://frist.htk.dk/frist", "no path"),
            ("https://frist.htk.dk/?a=1", "no path"),
            ("https://bruger:kode@frist.htk.dk", "user name or password"),
            ("", "is not a URL"),
        ] {
            let error = PublicUrl::parse(given).unwrap_err().to_string();
            assert!(error.contains(why), "{given}: {error}");
            assert!(error.contains("https://frist.kommune.dk"), "{error}");
        }
    }
}
