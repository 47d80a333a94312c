//! The small actions on the inquiry page besides messages: note, hand over to a named colleague,
//! refer to another unit, request information from the citizen (and "the citizen has replied"),
//! and close.
//!
//! Each is a form post: CSRF first, then the session; the signed-in user is the event's actor.
//! The lifecycle in `frist_core` decides; a refusal comes back as the page with the refusal in
//! plain words next to the forms, and nothing stored.

use super::StaffMessages;
use super::inquiry::{Notice, internal, load, render};
use super::reply::ReplyState;
use super::{see_other, session};
use crate::pages::csrf;
use crate::pages::layout::{Failure, failure};
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_core::{CloseReason, Event, EventKind, LifecycleError};
use frist_store::{Store, StoreError, User};
use serde::Deserialize;

/// The reasons offered in the close form, by their form value.
pub(crate) const CLOSE_REASONS: [(&str, CloseReason); 5] = [
    ("answered", CloseReason::Answered),
    ("handed_over", CloseReason::HandedOver),
    ("withdrawn", CloseReason::Withdrawn),
    ("duplicate", CloseReason::Duplicate),
    ("spam", CloseReason::Spam),
];

pub(crate) fn close_label(s: &StaffMessages, reason: CloseReason) -> &'static str {
    match reason {
        CloseReason::Answered => s.close_answered,
        CloseReason::HandedOver => s.close_handed_over,
        CloseReason::Withdrawn => s.close_withdrawn,
        CloseReason::Duplicate => s.close_duplicate,
        CloseReason::Spam => s.close_spam,
    }
}

/// Every action form: the token and, depending on the action, one or two fields.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ActionForm {
    csrf: String,
    /// The note's text.
    text: String,
    /// Present ("on") when the note is visible to the citizen.
    visible: Option<String>,
    /// The colleague (hand-over) or unit (referral) chosen.
    to: String,
    /// The close reason's form value.
    reason: String,
}

impl csrf::Protected for ActionForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Why the page refuses an action, before or by the lifecycle.
enum Refusal {
    UnknownColleague,
    UnknownUnit,
    NoReason,
    Lifecycle(LifecycleError),
    /// Not a refusal: the directory could not be read.
    Store(StoreError),
}

fn refusal_text(s: &StaffMessages, refusal: &Refusal) -> &'static str {
    match refusal {
        Refusal::UnknownColleague => s.ref_unknown_colleague,
        Refusal::UnknownUnit => s.ref_unknown_unit,
        Refusal::NoReason => s.ref_close_reason,
        Refusal::Store(_) => s.ref_other,
        Refusal::Lifecycle(e) => match e {
            LifecycleError::Closed => s.ref_closed,
            LifecycleError::AlreadyAwaiting => s.ref_already_awaiting,
            LifecycleError::NotAwaiting => s.ref_not_awaiting,
            LifecycleError::CloseWithoutAnswer => s.ref_close_without_answer,
            LifecycleError::CloseWithoutHandOver => s.ref_close_without_hand_over,
            LifecycleError::Empty { .. } => s.ref_empty_note,
            _ => s.ref_other,
        },
    }
}

pub(crate) async fn note<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Response {
    act(&app, &visitor, id, form, Notice::Noted, |form| async move {
        Ok(EventKind::Note {
            text: form.text.trim().to_owned(),
            visible_to_citizen: form.visible.is_some(),
        })
    })
    .await
}

pub(crate) async fn hand_over<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Response {
    let store = app.store.clone();
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::HandedOver,
        |form| async move {
            let known = store.caseworkers().await?.iter().any(|c| c.id == form.to);
            if !known {
                return Err(Refusal::UnknownColleague);
            }
            Ok(EventKind::HandedOver {
                to_caseworker: form.to,
            })
        },
    )
    .await
}

pub(crate) async fn refer<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Response {
    let store = app.store.clone();
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::Referred,
        |form| async move {
            let known = store.units().await?.iter().any(|u| u.id == form.to);
            if !known {
                return Err(Refusal::UnknownUnit);
            }
            Ok(EventKind::Referred { to_unit: form.to })
        },
    )
    .await
}

pub(crate) async fn await_citizen<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Response {
    act(&app, &visitor, id, form, Notice::Awaiting, |_| async {
        Ok(EventKind::AwaitingCitizenStarted)
    })
    .await
}

pub(crate) async fn citizen_replied<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Response {
    act(&app, &visitor, id, form, Notice::AwaitingEnded, |_| async {
        Ok(EventKind::AwaitingCitizenEnded)
    })
    .await
}

pub(crate) async fn close<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Response {
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::Closed,
        |form| async move {
            CLOSE_REASONS
                .iter()
                .find(|(value, _)| *value == form.reason)
                .map(|(_, reason)| EventKind::Closed { reason: *reason })
                .ok_or(Refusal::NoReason)
        },
    )
    .await
}

/// The shared flow: CSRF, session, the event from the form, append, then 303 with a notice or
/// the page again with the refusal.
async fn act<S, F, Fut>(
    app: &AppState<S>,
    visitor: &Visitor,
    id: i64,
    form: Result<Form<ActionForm>, FormRejection>,
    notice: Notice,
    event: F,
) -> Response
where
    S: Store,
    F: FnOnce(ActionForm) -> Fut,
    Fut: std::future::Future<Output = Result<EventKind, Refusal>>,
{
    let form = match csrf::checked(visitor, &app.policy.policy, form) {
        Ok(form) => form,
        Err(page) => return page,
    };
    let user = match session::require(app, visitor).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let refusal = match event(form).await {
        Ok(kind) => {
            let event = Event {
                at: app.now(),
                actor: Some(user.username.clone()),
                kind,
            };
            match app.store.append_event(id, event).await {
                Ok(_) => {
                    return see_other(&format!("/sager/{id}?udfoert={}", notice.key()), &[]);
                }
                Err(StoreError::NotFound) => {
                    return failure(visitor, &app.policy.policy, Failure::NotFound);
                }
                Err(StoreError::Refused(e)) => Refusal::Lifecycle(e),
                Err(e) => return internal(visitor, app, &e),
            }
        }
        Err(Refusal::Store(e)) => return internal(visitor, app, &e),
        Err(refusal) => refusal,
    };
    refused(app, visitor, user, id, &refusal).await
}

async fn refused<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: User,
    id: i64,
    refusal: &Refusal,
) -> Response {
    let loaded = match load(app, visitor, &user, id, "body").await {
        Ok(loaded) => loaded,
        Err(response) => return response,
    };
    let reply = ReplyState {
        refusal: Some(refusal_text(StaffMessages::of(visitor.lang), refusal)),
        ..ReplyState::default()
    };
    render(
        app,
        visitor,
        user,
        loaded,
        reply,
        None,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

impl From<StoreError> for Refusal {
    fn from(e: StoreError) -> Self {
        Refusal::Store(e)
    }
}
