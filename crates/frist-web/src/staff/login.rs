//! Signing in and out. A failed sign-in says only "wrong username or password", never which,
//! and takes the same time whether the username exists or not.

use super::{StaffChrome, safe_next, see_other, session};
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
    csrf: String,
    next: String,
    username: String,
    failed: bool,
    /// Refused for too many failed attempts (see `throttle`).
    throttled: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NextQuery {
    next: String,
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
fn next_or_landing(next: &str) -> String {
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
    let page = LoginPage {
        chrome: StaffChrome::new(&visitor, &app.policy.policy, None, &token),
        csrf: token.clone(),
        next: next_or_landing(&query.next),
        username: String::new(),
        failed: false,
        throttled: false,
    };
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
    let policy = &app.policy.policy;
    // Before anything else: a post that did not come from our own form changes nothing.
    let form = csrf::checked(&visitor, form)?;
    let username = form.username.trim();
    let now = app.now();
    if app.sign_in.blocked(username, now) {
        tracing::warn!("a sign-in was refused: too many failed attempts with one username");
        let page = LoginPage {
            chrome: StaffChrome::new(&visitor, policy, None, &form.csrf),
            csrf: form.csrf.clone(),
            next: next_or_landing(&form.next),
            username: username.to_owned(),
            failed: true,
            throttled: true,
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
    let phc = user.as_ref().map(|u| u.password_hash.clone());
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
                // Without a page to return to, a lead lands on the dashboard and everyone else
                // on the queue. Decided only once signed in: the form shown after a failed
                // attempt must not tell a lead's user name from another's.
                let target = match (next.is_empty(), user.role) {
                    (true, Role::Lead) => paths::DASHBOARD,
                    (true, _) => paths::QUEUE,
                    (false, _) => next.as_str(),
                };
                // A new CSRF token with the session: one planted before sign-in (by another
                // site or another person at the same computer) is worth nothing after it.
                let csrf = format!(
                    "{}={}; Path=/; HttpOnly; SameSite=Lax{}",
                    crate::pages::visitor::CSRF_COOKIE,
                    csrf::new_token(),
                    visitor.secure_attribute()
                );
                Ok(see_other(target, &[cookie, csrf]))
            }
            Err(e) => Err(PageError::internal(format_args!(
                "a session could not be started: {e}"
            ))),
        },
        _ => {
            tracing::info!("a sign-in failed");
            app.sign_in.record(username, now);
            let page = LoginPage {
                chrome: StaffChrome::new(&visitor, policy, None, &form.csrf),
                csrf: form.csrf.clone(),
                next,
                username: username.to_owned(),
                failed: true,
                throttled: false,
            };
            Ok(respond(&visitor, StatusCode::UNAUTHORIZED, &page, None))
        }
    }
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
