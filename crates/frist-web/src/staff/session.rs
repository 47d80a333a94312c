//! Staff sessions: a random 32-byte token in the `frist_session` cookie (HttpOnly,
//! SameSite=Lax, Path=/, 10 hours, Secure behind HTTPS); the store keeps only its SHA-256, so a copy of the database
//! opens no session.

use super::{encode_query, see_other};
use crate::auth::hash_token;
use crate::pages::csrf;
use crate::pages::layout::{Failure, failure};
use crate::pages::visitor::{SESSION_COOKIE, Visitor};
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::response::Response;
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

/// The signed-in user, or the response instead of the page: a 303 to `/login?next=<this
/// page>` without a valid session, the plain error page when the store fails.
pub(crate) async fn require<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
) -> Result<User, Response> {
    let login = format!("/login?next={}", encode_query(&visitor.target));
    let Some(token) = visitor.session_cookie.as_deref() else {
        return Err(see_other(&login, &[]));
    };
    match app.store.session_user(&hash_token(token), app.now()).await {
        Ok(user) => Ok(user),
        Err(StoreError::NotFound) => Err(see_other(&login, &[])),
        Err(e) => {
            tracing::error!(error = %e, "a session could not be read");
            Err(failure(visitor, &app.policy.policy, Failure::Internal))
        }
    }
}

/// Like [`require`], for pages that only some roles may open: anyone else gets a plain 403
/// page that says who the page is for.
pub(crate) async fn require_role<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    roles: &[Role],
) -> Result<User, Response> {
    let user = require(app, visitor).await?;
    if roles.contains(&user.role) {
        Ok(user)
    } else {
        Err(failure(visitor, &app.policy.policy, Failure::NotAllowed))
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
) -> Result<(T, User), Response> {
    let form = csrf::checked(visitor, &app.policy.policy, form)?;
    let user = if roles.is_empty() {
        require(app, visitor).await?
    } else {
        require_role(app, visitor, roles).await?
    };
    Ok((form, user))
}
