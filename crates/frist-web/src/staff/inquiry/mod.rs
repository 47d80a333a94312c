//! `/sager/{id}`, the inquiry page: facts, sender (CPR masked until revealed), the body, the
//! obligations, the timeline, and the actions (assign to me; send an acknowledgment or answer).
//!
//! Every view of the page logs "body" in the access log before anything is shown; revealing
//! the CPR number is a POST that logs "cpr" first. Reading is in `load`, what the page shows in
//! `view`; the handlers here tie them to the request.

pub(crate) mod labels;
mod load;
mod notice;
mod view;
mod work;

pub(crate) use labels::state_label;
pub(crate) use load::{Loaded, load};
pub(crate) use notice::Notice;
pub(crate) use work::next_inquiry;

use super::reply::ReplyState;
use super::{see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::paths;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_core::{Event, EventKind};
use frist_store::{OutboxStore, ScanStore, Store, StoreError, User};
use serde::Deserialize;
use view::Around;

/// What a POST that only needs the CSRF token sends.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct CsrfForm {
    csrf: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ShowQuery {
    sendt: Option<String>,
    /// After a message went into the outbox: `1` when its channel is delivered, `0` when not.
    koe: Option<String>,
    tildelt: Option<String>,
    /// Which action was carried out (see [`Notice::key`]).
    udfoert: Option<String>,
}

pub(crate) async fn show<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    Query(query): Query<ShowQuery>,
    visitor: Visitor,
) -> Result<Response, PageError> {
    let user = session::require(&app, &visitor).await?;
    let loaded = load(&app, &user, id, "body").await?;
    let notice = if query.sendt.is_some() {
        Some(Notice::Sent)
    } else if let Some(delivered) = &query.koe {
        Some(if delivered == "0" {
            Notice::QueuedUndelivered
        } else {
            Notice::Queued
        })
    } else if query.tildelt.is_some() {
        Some(Notice::Assigned)
    } else {
        query
            .udfoert
            .as_deref()
            .and_then(|key| Notice::ACTIONS.into_iter().find(|n| n.key() == key))
    };
    render(
        &app,
        &visitor,
        user,
        loaded,
        ReplyState::default(),
        notice,
        StatusCode::OK,
    )
    .await
}

/// "Vis CPR-nummer": logs the view, then shows the page with the number.
pub(crate) async fn reveal<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, PageError> {
    let user = checked(&app, &visitor, form).await?;
    let loaded = load(&app, &user, id, "cpr").await?;
    render(
        &app,
        &visitor,
        user,
        loaded,
        ReplyState::default(),
        None,
        StatusCode::OK,
    )
    .await
}

/// "Åbn og tildel mig": assigns the inquiry to the signed-in user.
pub(crate) async fn assign<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<Response, PageError> {
    let user = checked(&app, &visitor, form).await?;
    let event = Event {
        at: app.now(),
        actor: Some(user.username.clone()),
        kind: EventKind::Assigned {
            caseworker: user.username.clone(),
        },
    };
    match app.store.append_event(id, event).await {
        Ok(_) => Ok(see_other(&format!("{}?tildelt=1", paths::inquiry(id)), &[])),
        Err(StoreError::Refused(_)) => Ok(see_other(&paths::inquiry(id), &[])),
        Err(e) => Err(e.into()),
    }
}

/// A form post's CSRF token and the session, in that order.
async fn checked<S: Store + OutboxStore + ScanStore>(
    app: &AppState<S>,
    visitor: &Visitor,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<User, PageError> {
    csrf::checked(visitor, form)?;
    session::require(app, visitor).await
}

pub(crate) async fn render<S: Store + OutboxStore + ScanStore>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: User,
    loaded: Loaded,
    reply: ReplyState,
    notice: Option<Notice>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (units, caseworkers, outbox, scans, templates) = tokio::try_join!(
        app.store.units(),
        app.store.caseworkers(),
        app.store.outbox_for_inquiry(loaded.stored.id),
        app.store.scans_of_inquiry(loaded.stored.id),
        app.store.templates(),
    )
    .map_err(PageError::internal)?;
    let next = match notice {
        Some(n) if n.completes_work() => Some(
            next_inquiry(
                app.store.as_ref(),
                &user.username,
                loaded.stored.id,
                app.now().to_zoned(frist_policy::COPENHAGEN.clone()).date(),
            )
            .await
            .map_err(PageError::internal)?,
        ),
        _ => None,
    };
    let around = Around {
        units,
        caseworkers,
        outbox,
        scans,
        templates: templates.into_iter().map(|t| t.template).collect(),
        next,
    };
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = view::page(
        visitor,
        &app.policy.policy,
        app.now(),
        &token,
        user,
        loaded,
        around,
        reply,
        notice,
    );
    Ok(respond(
        visitor,
        status,
        &page,
        fresh.then_some(token.as_str()),
    ))
}

impl csrf::Protected for CsrfForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}
