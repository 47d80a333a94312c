//! CSRF protection for the public forms: a double-submit cookie.
//!
//! The citizen pages have no login, so there is no session to bind a token to. The browser
//! gets a random token in an HttpOnly, SameSite=Lax cookie and the same token in a hidden form
//! field; a post is accepted only when the two are equal. Another site can make the browser
//! send the cookie, but cannot read it to put it in the form.

use super::visitor::Visitor;
use crate::page_error::PageError;
use axum::Form;
use axum::extract::rejection::FormRejection;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// A posted form that carries a CSRF token in a field.
pub(crate) trait Protected {
    fn csrf(&self) -> &str;
}

/// The posted form if it parses and carries this visitor's CSRF token; otherwise 400, or 403
/// for a missing or wrong token. Every form handler starts here, so no post can change
/// anything without the check.
pub(crate) fn checked<T: Protected>(
    visitor: &Visitor,
    form: Result<Form<T>, FormRejection>,
) -> Result<T, PageError> {
    let Ok(Form(form)) = form else {
        return Err(PageError::BadRequest);
    };
    if !verify(visitor.csrf_cookie.as_deref(), form.csrf()) {
        return Err(PageError::Forbidden);
    }
    Ok(form)
}

/// A fresh token: 32 random bytes, base64url.
pub(crate) fn new_token() -> String {
    URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>())
}

/// Whether `token` looks like one of ours (so a cookie of another shape is replaced).
pub(crate) fn well_formed(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The token the form should carry: the browser's own, or a new one to set.
pub(crate) fn token_for(cookie: Option<&str>) -> (String, bool) {
    match cookie {
        Some(token) if well_formed(token) => (token.to_owned(), false),
        _ => (new_token(), true),
    }
}

/// Whether a post carries the cookie's token in its form field. Compared without an early
/// exit, so timing does not reveal how much of a guess was right.
pub(crate) fn verify(cookie: Option<&str>, field: &str) -> bool {
    let Some(cookie) = cookie else {
        return false;
    };
    if !well_formed(cookie) || cookie.len() != field.len() {
        return false;
    }
    cookie
        .bytes()
        .zip(field.bytes())
        .fold(0u8, |acc, (a, b)| acc | (a ^ b))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_is_accepted_only_with_the_cookies_token() {
        let token = new_token();
        assert!(well_formed(&token));
        assert!(verify(Some(&token), &token));
        assert!(!verify(Some(&token), &new_token()));
        assert!(!verify(None, &token));
        assert!(!verify(Some(""), ""));
        assert!(!verify(Some("short"), "short"));
    }
}
