//! Who is asking, as far as the public pages care: which language they read, and the CSRF
//! cookie their browser holds. Read from the request; nothing about the visitor is stored.

use super::i18n::Messages;
use axum::extract::FromRequestParts;
use axum::http::header::{ACCEPT_LANGUAGE, COOKIE};
use axum::http::request::Parts;
use frist_i18n::Lang;
use std::convert::Infallible;

pub(crate) const LANG_COOKIE: &str = "frist_lang";
pub(crate) const CSRF_COOKIE: &str = "frist_csrf";
pub(crate) const SESSION_COOKIE: &str = "frist_session";
/// A sign-in through the identity provider in progress (see `staff::oidc`).
pub(crate) const OIDC_COOKIE: &str = "frist_oidc";

/// One entry of the language switcher.
#[derive(Debug, Clone)]
pub(crate) struct LangLink {
    pub code: &'static str,
    /// In the language itself ("Deutsch").
    pub name: &'static str,
    pub href: String,
    /// The page is in this language now.
    pub current: bool,
}

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
    /// A sign-in through the identity provider in progress (`staff::oidc`), still sealed.
    pub oidc_cookie: Option<String>,
    /// The path without the query: the toggle link points back at it.
    pub path: String,
    /// The path with its query: where to come back to after signing in.
    pub target: String,
    /// The browser reached us over HTTPS, as a TLS-terminating proxy says with
    /// `X-Forwarded-Proto: https` or `Forwarded: proto=https`. Cookies are then marked `Secure`.
    /// A client that sends the header over plain HTTP only locks itself out of its own cookies.
    pub https: bool,
    /// The signed-in caseworker's counts for the navigation, filled in by the session check
    /// (`staff::session::require`) and shown by the staff frame.
    pub nav: std::sync::Arc<std::sync::OnceLock<frist_store::NavCounts>>,
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

    /// The language of the staff pages: the visitor's, or Danish where it has no staff
    /// catalogue (German), so a staff page never mixes two languages.
    pub fn staff_lang(&self) -> Lang {
        self.lang.for_audience(frist_i18n::Audience::Staff)
    }

    /// The public pages' words in [`Self::staff_lang`], for the parts staff pages share.
    pub fn staff_t(&self) -> &'static Messages {
        Messages::of(self.staff_lang())
    }

    /// The language switcher: every language whose catalogue covers `audience`, each linking
    /// to this page in it.
    pub fn lang_links(&self, audience: frist_i18n::Audience) -> Vec<LangLink> {
        Lang::ALL
            .into_iter()
            .filter(|l| l.covers(audience))
            .map(|l| LangLink {
                code: l.code(),
                name: l.native_name(),
                href: format!("{}?lang={}", self.path, l.code()),
                current: l == self.lang.for_audience(audience),
            })
            .collect()
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
        let remembered = cookie(LANG_COOKIE).as_deref().and_then(Lang::parse);
        let accepted = parts
            .headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::negotiate);
        Ok(Visitor {
            lang: chosen.or(remembered).or(accepted).unwrap_or_default(),
            chose_lang: chosen.is_some(),
            csrf_cookie: cookie(CSRF_COOKIE),
            session_cookie: cookie(SESSION_COOKIE),
            oidc_cookie: cookie(OIDC_COOKIE),
            target: parts
                .uri
                .path_and_query()
                .map_or_else(|| parts.uri.path().to_owned(), |p| p.as_str().to_owned()),
            path: parts.uri.path().to_owned(),
            https: came_over_https(&parts.headers),
            nav: std::sync::Arc::default(),
        })
    }
}

/// Whether a proxy in front says the browser used HTTPS.
pub(crate) fn came_over_https(headers: &axum::http::HeaderMap) -> bool {
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

fn lang_in_query(query: &str) -> Option<Lang> {
    query
        .split('&')
        .find_map(|pair| pair.strip_prefix("lang="))
        .and_then(Lang::parse)
}

/// The value of cookie `name` in a `Cookie:` header.
fn cookie_value(header: &str, name: &str) -> Option<String> {
    header.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then(|| v.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_found_by_exact_name() {
        assert_eq!(
            cookie_value("a=1; frist_csrf=xyz; b=2", "frist_csrf").as_deref(),
            Some("xyz")
        );
        assert_eq!(cookie_value("xfrist_csrf=1", "frist_csrf"), None);
    }
}
