//! What every public page shares: the words of its language, the header with the language
//! switcher, the footer with the municipality's contact details; and how a page becomes a
//! response (cookies, caching, the plain error pages).

use super::i18n::Messages;
use super::visitor::{CSRF_COOKIE, LANG_COOKIE, LangLink, Visitor};
use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use frist_policy::{Municipality, Policy};

/// The public pages' switcher lists the languages with a citizen catalogue.
const AUDIENCE: frist_i18n::Audience = frist_i18n::Audience::Citizen;

/// The frame around every page (`templates/base.html`).
#[derive(Debug)]
pub(crate) struct Chrome {
    pub t: &'static Messages,
    pub path: String,
    /// The language switcher: this page in each language.
    pub langs: Vec<LangLink>,
    pub municipality: Municipality,
}

impl Chrome {
    pub fn new(visitor: &Visitor, policy: &Policy) -> Self {
        let t = visitor.t();
        Chrome {
            t,
            langs: visitor.lang_links(AUDIENCE),
            path: visitor.path.clone(),
            municipality: policy.municipality.clone(),
        }
    }
}

/// A rendered page as a response. Pages are never cached: they are in the visitor's language
/// and may carry a status token or a CSRF token. `new_csrf` is a token to give the browser.
pub(crate) fn respond(
    visitor: &Visitor,
    status: StatusCode,
    page: &impl Template,
    new_csrf: Option<&str>,
) -> Response {
    let html = match page.render() {
        Ok(html) => html,
        Err(e) => {
            tracing::error!(error = %e, "a page template failed to render");
            return (StatusCode::INTERNAL_SERVER_ERROR, "Internal error").into_response();
        }
    };
    let mut response = (status, Html(html)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::VARY,
        HeaderValue::from_static("Accept-Language, Cookie"),
    );
    let mut cookies = Vec::new();
    if visitor.chose_lang {
        cookies.push(format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
            visitor.t().code,
            visitor.secure_attribute()
        ));
    }
    if let Some(token) = new_csrf {
        cookies.push(format!(
            "{CSRF_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{}",
            visitor.secure_attribute()
        ));
    }
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            headers.append(header::SET_COOKIE, value);
        }
    }
    response
}

/// Which plain error page to show.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Failure {
    NotFound,
    /// A form post without a valid CSRF token.
    Forbidden,
    /// Signed in, but the user's role does not open the page.
    NotAllowed,
    BadRequest,
    /// An upload larger than the page accepts.
    TooLarge,
    Internal,
}

impl Failure {
    pub fn status(self) -> StatusCode {
        match self {
            Failure::NotFound => StatusCode::NOT_FOUND,
            Failure::Forbidden | Failure::NotAllowed => StatusCode::FORBIDDEN,
            Failure::BadRequest => StatusCode::BAD_REQUEST,
            Failure::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Failure::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// A page that says what went wrong and nothing more (`templates/error.html`).
#[derive(Debug, Template)]
#[template(path = "error.html")]
struct ErrorPage {
    chrome: Chrome,
    title: &'static str,
    text: &'static str,
}

pub(crate) fn failure(visitor: &Visitor, policy: &Policy, failure: Failure) -> Response {
    let t = visitor.t();
    let (title, text) = match failure {
        Failure::NotFound => (t.not_found_title, t.not_found_text),
        Failure::Forbidden => (t.forbidden_title, t.forbidden_text),
        Failure::NotAllowed => (t.not_allowed_title, t.not_allowed_text),
        Failure::BadRequest => (t.bad_request_title, t.bad_request_text),
        Failure::TooLarge => (t.too_large_title, t.too_large_text),
        Failure::Internal => (t.error_title, t.error_text),
    };
    let page = ErrorPage {
        chrome: Chrome::new(visitor, policy),
        title,
        text,
    };
    respond(visitor, failure.status(), &page, None)
}
