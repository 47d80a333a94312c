//! Staff sessions: a random 32-byte token in the `frist_session` cookie (HttpOnly,
//! SameSite=Lax, Path=/, 10 hours, Secure behind HTTPS); the store keeps only its SHA-256, so a copy of the database
//! opens no session.

use super::encode_query;
use crate::auth::hash_token;
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::visitor::{SESSION_COOKIE, Visitor};
use crate::paths;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use frist_store::{Role, Store, StoreError, User};
use jiff::{SignedDuration, Timestamp};

/// How long a session lasts: a working day with room to spare.
pub(crate) const SESSION_LENGTH: SignedDuration = SignedDuration::from_hours(10);

/// Starts a session for `username`; returns the `Set-Cookie` value.
pub(crate) async fn start<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    username: &str,
    now: Timestamp,
) -> Result<String, StoreError> {
    let token = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>());
    let expires = now
        .checked_add(SESSION_LENGTH)
        .map_err(|e| StoreError::Other(format!("session end: {e}")))?;
    app.store
        .create_session(&hash_token(&token), username, expires)
        .await?;
    Ok(format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
        SESSION_LENGTH.as_secs(),
        visitor.secure_attribute()
    ))
}

/// The `Set-Cookie` value that removes the session cookie.
pub(crate) fn cleared(visitor: &Visitor) -> String {
    format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
        visitor.secure_attribute()
    )
}

/// Ends the visitor's session, if any.
pub(crate) async fn end<S: Store>(app: &AppState<S>, visitor: &Visitor) -> Result<(), StoreError> {
    match &visitor.session_cookie {
        Some(token) => app.store.delete_session(&hash_token(token)).await,
        None => Ok(()),
    }
}

/// The signed-in user; without a valid session, a 303 to `/login?next=<this page>`.
pub(crate) async fn require<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
) -> Result<User, PageError> {
    let sign_in = || PageError::SignIn(paths::login_then(&encode_query(&visitor.target)));
    let Some(token) = visitor.session_cookie.as_deref() else {
        return Err(sign_in());
    };
    match app.store.session_user(&hash_token(token), app.now()).await {
        Ok(user) => {
            count_for_nav(app, visitor, &user.username).await;
            Ok(user)
        }
        Err(StoreError::NotFound) => Err(sign_in()),
        Err(e) => Err(PageError::internal(format_args!(
            "a session could not be read: {e}"
        ))),
    }
}

/// The counts the navigation shows the signed-in person (due today, overdue). A failure only
/// leaves them out of the page.
async fn count_for_nav<S: Store>(app: &AppState<S>, visitor: &Visitor, username: &str) {
    let now = app.now();
    let today = now.to_zoned(frist_policy::COPENHAGEN.clone()).date();
    let Some(today_end) = today
        .tomorrow()
        .ok()
        .and_then(|d| d.to_zoned(frist_policy::COPENHAGEN.clone()).ok())
        .map(|z| z.timestamp())
    else {
        return;
    };
    match app.store.nav_counts(username, now, today_end).await {
        Ok(counts) => {
            let _ = visitor.nav.set(counts);
        }
        Err(e) => tracing::warn!(error = %e, "the navigation's counts could not be read"),
    }
}

/// Like [`require`], for pages that only some roles may open: anyone else gets a plain 403
/// page that says who the page is for.
pub(crate) async fn require_role<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    roles: &[Role],
) -> Result<User, PageError> {
    let user = require(app, visitor).await?;
    if roles.contains(&user.role) {
        Ok(user)
    } else {
        Err(PageError::NotAllowed)
    }
}

/// A staff form post, checked in the order that matters: the CSRF token first (a post that did
/// not come from our own form changes nothing and learns nothing), then the session, then —
/// when `roles` is not empty — the user's role. The form and the user, or the response instead.
pub(crate) async fn form_post<S: Store, T: csrf::Protected>(
    app: &AppState<S>,
    visitor: &Visitor,
    form: Result<Form<T>, FormRejection>,
    roles: &[Role],
) -> Result<(T, User), PageError> {
    let form = csrf::checked(visitor, form)?;
    let user = if roles.is_empty() {
        require(app, visitor).await?
    } else {
        require_role(app, visitor, roles).await?
    };
    Ok((form, user))
}
