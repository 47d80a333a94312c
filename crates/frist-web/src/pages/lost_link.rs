//! "Har du mistet dit link?": the citizen gives a reference and an e-mail address; when they
//! belong to one inquiry, its status links are revoked and a new one is e-mailed to that
//! address (queued in the outbox with the revocation, in one transaction).
//!
//! The page answers the same whether or not anything matched, so it tells no one which
//! references exist or whose address is on record; only a malformed reference or address is
//! named as a problem. What was typed is never logged. At most a few new links per reference
//! an hour are sent (`staff::throttle`), so the page cannot be used to flood a citizen's inbox.

use super::csrf;
use super::form::{FieldError, plausible_email};
use super::layout::{Chrome, respond};
use super::link_mail::{LinkMail, link_mail};
use super::link_words::LinkWords;
use super::visitor::Visitor;
use crate::page_error::PageError;
use crate::paths;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use frist_core::Reference;
use frist_store::{OutboxStore, Store, StoreError};
use serde::Deserialize;

/// What the form sends; every field may be missing or empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct LostLinkForm {
    csrf: String,
    reference: String,
    email: String,
}

#[derive(Debug, Template)]
#[template(path = "lost_link.html")]
struct LostLinkPage {
    chrome: Chrome,
    w: &'static LinkWords,
    csrf: String,
    form: LostLinkForm,
    errors: Vec<FieldError>,
    /// After a post: the same words whatever happened.
    done: bool,
}

impl LostLinkPage {
    fn error(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message)
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct LostLinkQuery {
    #[serde(default)]
    sendt: Option<String>,
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    Query(query): Query<LostLinkQuery>,
    visitor: Visitor,
) -> Response {
    let (csrf, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = LostLinkPage {
        chrome: Chrome::new(&visitor, &app.policy.policy),
        w: LinkWords::of(visitor.lang),
        csrf: csrf.clone(),
        form: LostLinkForm::default(),
        errors: Vec::new(),
        done: query.sendt.is_some(),
    };
    respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(csrf.as_str()),
    )
}

pub(crate) async fn submit<S: Store + OutboxStore>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<LostLinkForm>, FormRejection>,
) -> Result<Response, PageError> {
    // Before anything else: a post that did not come from our own form changes nothing.
    let form = csrf::checked(&visitor, form)?;
    let w = LinkWords::of(visitor.lang);
    let reference = form.reference.trim().parse::<Reference>().ok();
    let email = form.email.trim();
    let mut errors = Vec::new();
    if reference.is_none() {
        errors.push(FieldError {
            field: "reference",
            message: w.lost_err_reference,
        });
    }
    if !plausible_email(email) {
        errors.push(FieldError {
            field: "email",
            message: w.lost_err_email,
        });
    }
    let Some(reference) = reference.filter(|_| errors.is_empty()) else {
        let page = LostLinkPage {
            chrome: Chrome::new(&visitor, &app.policy.policy),
            w,
            csrf: form.csrf.clone(),
            form,
            errors,
            done: false,
        };
        return Ok(respond(
            &visitor,
            StatusCode::UNPROCESSABLE_ENTITY,
            &page,
            None,
        ));
    };
    // Whatever happens below, the citizen is told the same.
    if let Err(e) = send_new_link(&app, &reference, email).await {
        tracing::error!(error = %e, "a new status link could not be queued");
    }
    let done = format!("{}?sendt=1", paths::LOST_LINK);
    Ok((StatusCode::SEE_OTHER, [(LOCATION, done)]).into_response())
}

/// Revokes the inquiry's links and queues a new one to `email`, when the reference names an
/// inquiry with that address on record; otherwise does nothing.
async fn send_new_link<S: Store + OutboxStore>(
    app: &AppState<S>,
    reference: &Reference,
    email: &str,
) -> Result<(), StoreError> {
    let stored = match app.store.find_by_reference(reference).await {
        Ok(stored) => stored,
        Err(StoreError::NotFound) => return Ok(()),
        Err(e) => return Err(e),
    };
    let on_record = stored.inquiry.received.sender.email.as_deref();
    if !on_record.is_some_and(|a| a.trim().eq_ignore_ascii_case(email)) {
        return Ok(());
    }
    let now = app.now();
    let key = reference.to_string();
    if app.lost_links.blocked(&key, now) {
        tracing::info!(
            inquiry = stored.id,
            "no new status link: too many this hour"
        );
        return Ok(());
    }
    app.lost_links.record(&key, now);
    let item = link_mail(app, stored.id, &stored.inquiry, LinkMail::NewLink, now)
        .map_err(|e| StoreError::Other(e.to_string()))?;
    app.store.replace_status_links(item).await?;
    app.outbox.wake.notify_one();
    Ok(())
}

impl csrf::Protected for LostLinkForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}
