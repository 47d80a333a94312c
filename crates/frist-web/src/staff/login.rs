//! Signing in and out. A failed sign-in says only "wrong username or password", never which,
//! and takes the same time whether the username exists or not.
//!
//! With an identity provider configured (`oidc`), the page also shows its button; where its
//! settings turn passwords off, the form is gone and a posted password is refused unread.

use super::words::sign_in::SignInWords;
use super::{StaffChrome, encode_query, safe_next, see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::password::{verify_nothing, verify_password};
use crate::paths;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_store::{Role, Store, StoreError};
use serde::Deserialize;

#[derive(Debug, Template)]
#[template(path = "login.html")]
struct LoginPage {
    chrome: StaffChrome,
    w: &'static SignInWords,
    csrf: String,
    next: String,
    username: String,
    failed: bool,
    /// Refused for too many failed attempts (see `throttle`).
    throttled: bool,
    /// The identity provider's button, when one is configured.
    provider: Option<ProviderButton>,
    /// Whether the password form is shown (and a password accepted).
    passwords: bool,
    /// A password was posted where passwords are turned off.
    refused: bool,
}

/// "Log ind med …", leading to the provider and back to `next`.
#[derive(Debug)]
struct ProviderButton {
    label: String,
    href: String,
}

impl LoginPage {
    /// The page with an empty form, for `next`.
    fn new<S>(app: &AppState<S>, visitor: &Visitor, csrf: &str, next: String) -> Self {
        let provider = app.oidc.as_ref().map(|oidc| ProviderButton {
            label: oidc.settings.button_label.clone(),
            href: if next.is_empty() {
                paths::LOGIN_OIDC.to_owned()
            } else {
                format!("{}?next={}", paths::LOGIN_OIDC, encode_query(&next))
            },
        });
        Self {
            chrome: StaffChrome::new(visitor, &app.policy.policy, None, csrf),
            w: SignInWords::of(visitor.staff_lang()),
            csrf: csrf.to_owned(),
            next,
            username: String::new(),
            failed: false,
            throttled: false,
            provider,
            passwords: app.local_passwords(),
            refused: false,
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NextQuery {
    pub(super) next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct LoginForm {
    csrf: String,
    username: String,
    password: String,
    next: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct CsrfForm {
    pub csrf: String,
}

/// The page to return to after signing in, or nothing when none was asked for: the role then
/// decides where the user lands.
pub(super) fn next_or_landing(next: &str) -> String {
    if next.is_empty() {
        String::new()
    } else {
        safe_next(next).to_owned()
    }
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<NextQuery>,
) -> Response {
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = LoginPage::new(&app, &visitor, &token, next_or_landing(&query.next));
    respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(token.as_str()),
    )
}

pub(crate) async fn submit<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Result<Response, PageError> {
    if !app.local_passwords() {
        // Refused unread, before even the CSRF check: no password is looked at, so none can
        // be guessed through this form.
        let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
        let page = LoginPage {
            refused: true,
            ..LoginPage::new(&app, &visitor, &token, String::new())
        };
        let new_csrf = fresh.then_some(token.as_str());
        return Ok(respond(&visitor, StatusCode::FORBIDDEN, &page, new_csrf));
    }
    // Before anything else: a post that did not come from our own form changes nothing.
    let form = csrf::checked(&visitor, form)?;
    let username = form.username.trim();
    let now = app.now();
    if app.sign_in.blocked(username, now) {
        tracing::warn!("a sign-in was refused: too many failed attempts with one username");
        let page = LoginPage {
            username: username.to_owned(),
            failed: true,
            throttled: true,
            ..LoginPage::new(&app, &visitor, &form.csrf, next_or_landing(&form.next))
        };
        return Ok(respond(
            &visitor,
            StatusCode::TOO_MANY_REQUESTS,
            &page,
            None,
        ));
    }
    let user = match app.store.user(username).await {
        Ok(user) => Some(user),
        Err(StoreError::NotFound) => None,
        Err(e) => {
            return Err(PageError::internal(format_args!(
                "a user could not be read: {e}"
            )));
        }
    };
    let password = form.password.clone();
    // An account made by the identity provider has no password (an empty hash): it is
    // refused like an unknown username, in the same time.
    let phc = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .filter(|h| !h.is_empty());
    // Argon2 takes tens of milliseconds of CPU: off the async workers.
    let verified = tokio::task::spawn_blocking(move || match phc {
        Some(phc) => verify_password(&password, &phc),
        None => {
            verify_nothing(&password);
            false
        }
    })
    .await
    .unwrap_or(false);
    let next = next_or_landing(&form.next);
    match user {
        Some(user) if verified => match session::start(&app, &visitor, &user.username, now).await {
            Ok(cookie) => {
                app.sign_in.clear(username);
                let target = landing(&next, user.role);
                Ok(see_other(target, &[cookie, renewed_csrf(&visitor)]))
            }
            Err(e) => Err(PageError::internal(format_args!(
                "a session could not be started: {e}"
            ))),
        },
        _ => {
            tracing::info!("a sign-in failed");
            app.sign_in.record(username, now);
            let page = LoginPage {
                username: username.to_owned(),
                failed: true,
                ..LoginPage::new(&app, &visitor, &form.csrf, next)
            };
            Ok(respond(&visitor, StatusCode::UNAUTHORIZED, &page, None))
        }
    }
}

/// Where a person lands once signed in: `next`, else by role — a lead on the dashboard,
/// everyone else on the queue. Decided only once signed in: the form shown after a failed
/// attempt must not tell a lead's user name from another's.
pub(super) fn landing(next: &str, role: Role) -> &str {
    match (next.is_empty(), role) {
        (true, Role::Lead) => paths::DASHBOARD,
        (true, _) => paths::QUEUE,
        (false, _) => next,
    }
}

/// A new CSRF token with the session, as a `Set-Cookie` value: one planted before sign-in (by
/// another site or another person at the same computer) is worth nothing after it.
pub(super) fn renewed_csrf(visitor: &Visitor) -> String {
    format!(
        "{}={}; Path=/; HttpOnly; SameSite=Lax{}",
        crate::pages::visitor::CSRF_COOKIE,
        csrf::new_token(),
        visitor.secure_attribute()
    )
}

pub(crate) async fn logout<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, PageError> {
    // Before anything else: a post that did not come from our own form changes nothing.
    csrf::checked(&visitor, form)?;
    session::end(&app, &visitor)
        .await
        .map_err(|e| PageError::internal(format_args!("a session could not be ended: {e}")))?;
    Ok(see_other(paths::LOGIN, &[session::cleared(&visitor)]))
}

impl csrf::Protected for LoginForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

impl csrf::Protected for CsrfForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}
