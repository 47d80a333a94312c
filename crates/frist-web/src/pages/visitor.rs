//! Who is asking, as far as the public pages care: which language they read, and the CSRF
//! cookie their browser holds. Read from the request; nothing about the visitor is stored.

use super::i18n::Messages;
use axum::extract::FromRequestParts;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE, HOST};
use axum::http::request::Parts;
use frist_policy::Lang;
use std::convert::Infallible;

pub(crate) const LANG_COOKIE: &str = "frist_lang";
pub(crate) const CSRF_COOKIE: &str = "frist_csrf";
pub(crate) const SESSION_COOKIE: &str = "frist_session";

/// The request's language and cookies.
#[derive(Debug, Clone)]
pub(crate) struct Visitor {
    pub lang: Lang,
    /// Set when `?lang=` chose the language: the choice is then remembered in a cookie, so the
    /// toggle holds on the next page without carrying the parameter in every link.
    pub chose_lang: bool,
    pub csrf_cookie: Option<String>,
    /// A member of staff's session token (see `staff::session`).
    pub session_cookie: Option<String>,
    /// The path without the query: the toggle link points back at it.
    pub path: String,
    /// The path with its query: where to come back to after signing in.
    pub target: String,
    pub host: Option<String>,
    /// The browser reached us over HTTPS, as a TLS-terminating proxy says with
    /// `X-Forwarded-Proto: https` or `Forwarded: proto=https`. Cookies are then marked `Secure`.
    /// A client that sends the header over plain HTTP only locks itself out of its own cookies.
    pub https: bool,
}

impl Visitor {
    /// `; Secure` when the browser came over HTTPS, for the end of a `Set-Cookie` value.
    pub fn secure_attribute(&self) -> &'static str {
        if self.https { "; Secure" } else { "" }
    }
}

impl Visitor {
    pub fn t(&self) -> &'static Messages {
        Messages::of(self.lang)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Visitor {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let chosen = parts.uri.query().and_then(lang_in_query);
        let cookie = |name: &str| {
            parts
                .headers
                .get_all(COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .find_map(|v| cookie_value(v, name))
        };
        let remembered = cookie(LANG_COOKIE).as_deref().and_then(parse_lang);
        let accepted = parts
            .headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(preferred_lang);
        Ok(Visitor {
            lang: chosen.or(remembered).or(accepted).unwrap_or_default(),
            chose_lang: chosen.is_some(),
            csrf_cookie: cookie(CSRF_COOKIE),
            session_cookie: cookie(SESSION_COOKIE),
            target: parts
                .uri
                .path_and_query()
                .map_or_else(|| parts.uri.path().to_owned(), |p| p.as_str().to_owned()),
            path: parts.uri.path().to_owned(),
            host: parts
                .headers
                .get(HOST)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned),
            https: came_over_https(&parts.headers),
        })
    }
}

/// Whether a proxy in front says the browser used HTTPS.
fn came_over_https(headers: &axum::http::HeaderMap) -> bool {
    let says = |name: &str, test: &dyn Fn(&str) -> bool| {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .any(test)
    };
    says("x-forwarded-proto", &|v| {
        v.split(',')
            .next()
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"))
    }) || says("forwarded", &|v| {
        v.split([';', ','])
            .any(|p| p.trim().eq_ignore_ascii_case("proto=https"))
    })
}

fn parse_lang(s: &str) -> Option<Lang> {
    match s {
        "da" => Some(Lang::Da),
        "en" => Some(Lang::En),
        _ => None,
    }
}

fn lang_in_query(query: &str) -> Option<Lang> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(parse_lang)
}

/// The value of cookie `name` in a `Cookie:` header.
fn cookie_value(header: &str, name: &str) -> Option<String> {
    header.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

/// Danish unless English is preferred over Danish (by q-value, then by order) in an
/// `Accept-Language` header; other languages are ignored.
fn preferred_lang(header: &str) -> Lang {
    let mut best: Option<(f32, Lang)> = None;
    for entry in header.split(',') {
        let mut parts = entry.trim().split(';');
        let tag = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        let Some(lang) = parse_lang(primary) else {
            continue;
        };
        if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
            best = Some((q, lang));
        }
    }
    best.map_or(Lang::Da, |(_, lang)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_is_chosen_only_when_preferred_over_danish() {
        assert_eq!(preferred_lang("en-GB,en;q=0.9"), Lang::En);
        assert_eq!(preferred_lang("da,en;q=0.8"), Lang::Da);
        assert_eq!(preferred_lang("en;q=0.5,da;q=0.9"), Lang::Da);
        assert_eq!(preferred_lang("de-DE,en;q=0.7"), Lang::En);
        assert_eq!(preferred_lang("de-DE"), Lang::Da);
        assert_eq!(preferred_lang(""), Lang::Da);
    }

    #[test]
    fn cookies_are_found_by_exact_name() {
        assert_eq!(
            cookie_value("a=1; frist_csrf=xyz; b=2", "frist_csrf").as_deref(),
            Some("xyz")
        );
        assert_eq!(cookie_value("xfrist_csrf=1", "frist_csrf"), None);
    }
}
