//! The two routes of a sign-in through the identity provider, and the page that says why one
//! let nobody in.
//!
//! Every way it can go wrong ends on a page in the reader's language with a way back to
//! `/login`, and removes the sign-in cookie: the provider's error (`access_denied` when the
//! person cancelled or was refused), a callback whose state is not the one this browser was
//! sent with (or came too late), a provider that cannot be reached or whose token does not
//! verify, and groups that give no role in Frist (403, and no session).

use super::Oidc;
use super::claims::{self, Mapped};
use super::flow;
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::staff::login::{NextQuery, landing, next_or_landing, renewed_csrf};
use crate::staff::words::sign_in::SignInWords;
use crate::staff::{StaffChrome, see_other, session};
use crate::state::AppState;
use askama::Template;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_store::{Caseworker, ExternalSignIn, Store, StoreError, User};
use serde::Deserialize;
use std::sync::Arc;

/// The longest page address carried through the provider.
const MAX_NEXT: usize = 1024;

/// What the provider sends the browser back with.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct CallbackQuery {
    code: String,
    state: String,
    /// The provider's error code (`access_denied`, `login_required`, …), instead of a code.
    error: String,
}

/// Why nobody was signed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// Signed in at the provider, but no group gives a role in Frist.
    NoAccess,
    /// The provider answered with an error: cancelled, or refused there.
    Cancelled,
    /// No sign-in of this browser's is waiting for this answer (too late, another window, or
    /// not ours at all).
    Expired,
    /// The provider could not be reached, or its answer did not verify.
    Failed,
    NoUsername,
    /// The username belongs to another account.
    Taken,
}

impl Problem {
    fn status(self) -> StatusCode {
        match self {
            Problem::NoAccess | Problem::Cancelled | Problem::NoUsername => StatusCode::FORBIDDEN,
            Problem::Expired => StatusCode::BAD_REQUEST,
            Problem::Failed => StatusCode::BAD_GATEWAY,
            Problem::Taken => StatusCode::CONFLICT,
        }
    }
}

#[derive(Debug, Template)]
#[template(path = "oidc_problem.html")]
struct ProblemPage {
    chrome: StaffChrome,
    w: &'static SignInWords,
    title: &'static str,
    text: &'static str,
    /// Whom to ask, for someone who has no access.
    ask: Option<&'static str>,
    /// The installation's own words for that (`access_help`).
    help: Option<String>,
}

/// The page for `problem`, removing the sign-in cookie.
fn problem<S>(app: &AppState<S>, oidc: &Oidc, visitor: &Visitor, problem: Problem) -> Response {
    let w = SignInWords::of(visitor.staff_lang());
    let (title, text) = match problem {
        Problem::NoAccess => (w.no_access_title, w.no_access_text),
        Problem::Cancelled => (w.cancelled_title, w.cancelled_text),
        Problem::Expired => (w.expired_title, w.expired_text),
        Problem::Failed => (w.failed_title, w.failed_text),
        Problem::NoUsername => (w.no_username_title, w.no_username_text),
        Problem::Taken => (w.taken_title, w.taken_text),
    };
    let no_access = problem == Problem::NoAccess;
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let mut chrome = StaffChrome::new(visitor, &app.policy.policy, None, &token);
    // The callback cannot be opened again; in another language, the sign-in page can.
    for lang in &mut chrome.langs {
        lang.href = format!("{}?lang={}", crate::paths::LOGIN, lang.code);
    }
    let page = ProblemPage {
        chrome,
        w,
        title,
        text,
        ask: no_access.then_some(w.no_access_ask),
        help: oidc.settings.access_help.clone().filter(|_| no_access),
    };
    let mut response = respond(
        visitor,
        problem.status(),
        &page,
        fresh.then_some(token.as_str()),
    );
    append_cookie(&mut response, &flow::cleared(visitor.secure_attribute()));
    response
}

fn append_cookie(response: &mut Response, cookie: &str) {
    if let Ok(value) = axum::http::HeaderValue::from_str(cookie) {
        response
            .headers_mut()
            .append(axum::http::header::SET_COOKIE, value);
    }
}

fn configured<S>(app: &AppState<S>) -> Result<Arc<Oidc>, PageError> {
    app.oidc.clone().ok_or(PageError::NotFound)
}

/// `GET /login/oidc`: off to the provider, with the sign-in sealed in a cookie.
pub(crate) async fn start<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    query: Result<Query<NextQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let oidc = configured(&app)?;
    let next = query.map(|Query(q)| q.next).unwrap_or_default();
    // A page address that would not fit in a cookie is dropped (the role decides instead), so
    // that the sign-in cookie is never too large for the browser to keep.
    let next = Some(next_or_landing(&next))
        .filter(|n| n.len() <= MAX_NEXT)
        .unwrap_or_default();
    match oidc.begin(next, app.now()).await {
        Ok((url, sealed)) => Ok(see_other(
            &url,
            &[flow::set_cookie(&sealed, visitor.secure_attribute())],
        )),
        Err(e) => {
            tracing::warn!(error = %e, "a sign-in through the identity provider could not start");
            Ok(problem(&app, &oidc, &visitor, Problem::Failed))
        }
    }
}

/// `GET /login/oidc/callback`: the provider's answer.
pub(crate) async fn callback<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    query: Result<Query<CallbackQuery>, QueryRejection>,
) -> Result<Response, PageError> {
    let oidc = configured(&app)?;
    let Ok(Query(answer)) = query else {
        return Ok(problem(&app, &oidc, &visitor, Problem::Expired));
    };
    let now = app.now();
    if !answer.error.is_empty() {
        tracing::info!(
            error = error_code(&answer.error),
            "the identity provider ended a sign-in with an error"
        );
        return Ok(problem(&app, &oidc, &visitor, Problem::Cancelled));
    }
    let pending = visitor
        .oidc_cookie
        .as_deref()
        .and_then(|sealed| oidc.key.open(sealed, now))
        .filter(|p| p.answers(&answer.state));
    let Some(pending) = pending.filter(|_| !answer.code.is_empty()) else {
        tracing::info!("a sign-in answer matched no sign-in this browser started");
        return Ok(problem(&app, &oidc, &visitor, Problem::Expired));
    };
    let verified = match oidc.finish(answer.code, &pending).await {
        Ok(verified) => verified,
        Err(e) => {
            tracing::warn!(error = %e, "a sign-in through the identity provider failed");
            return Ok(problem(&app, &oidc, &visitor, Problem::Failed));
        }
    };
    let mapped = oidc.settings.mapping.map(&verified.claims);
    let Some(role) = mapped.role else {
        tracing::info!("a sign-in was refused: no group of the person gives a role in Frist");
        return Ok(problem(&app, &oidc, &visitor, Problem::NoAccess));
    };
    let Some(username) = claims::username(&verified.claims, &oidc.settings.username_claim) else {
        tracing::warn!(
            claim = %oidc.settings.username_claim,
            "a sign-in was refused: the username claim is missing or not a usable username"
        );
        return Ok(problem(&app, &oidc, &visitor, Problem::NoUsername));
    };
    let who = ExternalSignIn {
        issuer: verified.issuer.clone(),
        subject: verified.subject.clone(),
        username,
        role,
        link_existing: oidc.settings.link_existing_users,
        at: now,
    };
    let user = match app.store.sign_in_external(&who).await {
        Ok(user) => user,
        Err(StoreError::Conflict(_)) => {
            tracing::warn!("a sign-in was refused: its username belongs to another account");
            return Ok(problem(&app, &oidc, &visitor, Problem::Taken));
        }
        Err(e) => {
            return Err(PageError::internal(format_args!(
                "a provider's account could not be stored: {e}"
            )));
        }
    };
    file_in_directory(&app, &user, &mapped, &verified.claims).await?;
    let cookie = session::start(&app, &visitor, &user.username, now)
        .await
        .map_err(|e| PageError::internal(format_args!("a session could not be started: {e}")))?;
    tracing::info!(role = ?user.role, "a sign-in through the identity provider succeeded");
    let target = landing(&pending.next, user.role);
    Ok(see_other(
        target,
        &[
            cookie,
            renewed_csrf(&visitor),
            flow::cleared(visitor.secure_attribute()),
        ],
    ))
}

/// The provider's error code for the log: only a code's characters, never free text from the
/// URL.
fn error_code(error: &str) -> &str {
    let code = error.len() <= 40 && error.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
    if code { error } else { "(not an error code)" }
}

/// The person's directory entry (who signs messages, which unit's queue is theirs): made on
/// the first sign-in from the `name` and `email` claims, and put in the unit the groups name
/// on every sign-in. What an administrator entered otherwise is kept.
async fn file_in_directory<S: Store>(
    app: &AppState<S>,
    user: &User,
    mapped: &Mapped,
    claims: &serde_json::Map<String, serde_json::Value>,
) -> Result<(), PageError> {
    let unit = match &mapped.unit {
        Some(id) if app.store.units().await?.iter().any(|u| &u.id == id) => Some(id.clone()),
        Some(id) => {
            // A configured id, not the person's data.
            tracing::warn!(unit = %id, "the groups name a unit Frist does not have");
            None
        }
        None => None,
    };
    let entry = app
        .store
        .caseworkers()
        .await?
        .into_iter()
        .find(|c| c.id == user.username);
    let entry = match entry {
        Some(existing) if unit.is_none() || existing.unit == unit => return Ok(()),
        Some(existing) => Caseworker { unit, ..existing },
        None => Caseworker {
            id: user.username.clone(),
            name: claims::text(claims, "name").unwrap_or_else(|| user.username.clone()),
            unit,
            email: claims::text(claims, "email"),
            phone: None,
            absent: None,
        },
    };
    app.store.put_caseworker(entry).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_error_code_from_the_url_reaches_the_log() {
        assert_eq!(error_code("access_denied"), "access_denied");
        assert_eq!(error_code("Mette Hansen cancelled"), "(not an error code)");
        assert_eq!(error_code(&"a".repeat(41)), "(not an error code)");
    }

    #[test]
    fn each_problem_has_the_status_that_says_what_it_is() {
        assert_eq!(Problem::NoAccess.status(), StatusCode::FORBIDDEN);
        assert_eq!(Problem::Expired.status(), StatusCode::BAD_REQUEST);
        assert_eq!(Problem::Failed.status(), StatusCode::BAD_GATEWAY);
        assert_eq!(Problem::Taken.status(), StatusCode::CONFLICT);
    }
}
