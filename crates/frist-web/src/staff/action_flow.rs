//! The flow every action form on the inquiry page shares: the form, CSRF first, then the
//! session, the event the action makes, appended with the signed-in user as actor, then a 303
//! to the page with a notice, or the page again with the refusal in plain words and nothing
//! stored. The actions themselves are in `actions` and `casework`.

use super::StaffMessages;
use super::inquiry::{Notice, load, render};
use super::reply::ReplyState;
use super::words::actions::ActionWords;
use super::{see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::response::Response;
use frist_core::{Event, EventKind, LifecycleError};
use frist_policy::DeadlineError;
use frist_store::{OutboxStore, ScanStore, Store, StoreError, User};
use serde::Deserialize;

/// Every action form: the token and, depending on the action, one or two fields.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ActionForm {
    csrf: String,
    /// The note's text.
    pub(super) text: String,
    /// Present ("on") when the note is visible to the citizen.
    pub(super) visible: Option<String>,
    /// The colleague (hand-over) or unit (referral) chosen.
    pub(super) to: String,
    /// The close reason's form value; for an extension, the reason told to the citizen.
    pub(super) reason: String,
    /// The deadline to extend: `<goal>|<requirement>`, e.g. `HTK-1|answer`.
    pub(super) obligation: String,
    /// The new due date, `YYYY-MM-DD`.
    pub(super) date: String,
    // The promise actions (`casework`).
    /// A call back's outcome: `reached`, `no_answer`, `busy` or `voicemail`.
    pub(super) outcome: String,
    /// What was said on a call back (optional).
    pub(super) summary: String,
    /// The inquiry's kind (`general_question`, …) when classifying.
    pub(super) kind: String,
    /// The case type's id when classifying; empty for none.
    pub(super) case_type: String,
}

impl csrf::Protected for ActionForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// Why the page refuses an action, before or by the lifecycle.
pub(super) enum Refusal {
    UnknownColleague,
    UnknownUnit,
    NoReason,
    ExtensionDate,
    ExtensionReason,
    NotWorkingDay,
    UnknownObligation,
    /// The extension notice breaks a rule of the policy (STE-3).
    ExtensionRules,
    Lifecycle(LifecycleError),
    /// Not a refusal: the directory could not be read.
    Store(StoreError),
    /// A promise action's refusal (`casework`), in its words.
    Said(fn(&ActionWords) -> &'static str),
}

fn refusal_text(s: &StaffMessages, a: &ActionWords, refusal: &Refusal) -> &'static str {
    match refusal {
        Refusal::Said(words) => words(a),
        Refusal::UnknownColleague => s.ref_unknown_colleague,
        Refusal::UnknownUnit => s.ref_unknown_unit,
        Refusal::NoReason => s.ref_close_reason,
        Refusal::ExtensionDate => s.ref_extension_date,
        Refusal::ExtensionReason => s.ref_extension_reason,
        Refusal::NotWorkingDay => s.ref_not_working_day,
        Refusal::UnknownObligation => s.ref_no_such_obligation,
        Refusal::ExtensionRules => s.ref_extension_rules,
        Refusal::Store(_) => s.ref_other,
        Refusal::Lifecycle(e) => match e {
            LifecycleError::Closed => s.ref_closed,
            LifecycleError::AlreadyAwaiting => s.ref_already_awaiting,
            LifecycleError::NotAwaiting => s.ref_not_awaiting,
            LifecycleError::CloseWithoutAnswer => s.ref_close_without_answer,
            LifecycleError::CloseWithoutHandOver => s.ref_close_without_hand_over,
            LifecycleError::Empty { .. } => s.ref_empty_note,
            LifecycleError::ExtensionNotLater { .. } => s.ref_extension_not_later,
            LifecycleError::NoSuchObligation { .. } => s.ref_no_such_obligation,
            LifecycleError::NotClosed => a.ref_not_closed,
            LifecycleError::Deadline(DeadlineError::UnknownCaseType { .. }) => {
                a.ref_unknown_case_type
            }
            _ => s.ref_other,
        },
    }
}
/// The shared flow: CSRF, session, the event from the form, append, then 303 with a notice or
/// the page again with the refusal.
pub(super) async fn act<S, F, Fut>(
    app: &AppState<S>,
    visitor: &Visitor,
    id: i64,
    form: Result<Form<ActionForm>, FormRejection>,
    notice: Notice,
    event: F,
) -> Result<Response, PageError>
where
    S: Store + OutboxStore + ScanStore,
    F: FnOnce(ActionForm, String) -> Fut,
    Fut: std::future::Future<Output = Result<EventKind, Refusal>>,
{
    act_at(app, visitor, id, form, "", |_| notice, event).await
}

/// [`act`] for a form whose refusal is shown next to it (`place`, see the inquiry page's
/// `refusal_at`) and whose notice depends on the event recorded.
pub(super) async fn act_at<S, N, F, Fut>(
    app: &AppState<S>,
    visitor: &Visitor,
    id: i64,
    form: Result<Form<ActionForm>, FormRejection>,
    place: &'static str,
    notice: N,
    event: F,
) -> Result<Response, PageError>
where
    S: Store + OutboxStore + ScanStore,
    N: FnOnce(&EventKind) -> Notice,
    F: FnOnce(ActionForm, String) -> Fut,
    Fut: std::future::Future<Output = Result<EventKind, Refusal>>,
{
    let (form, user) = session::form_post(app, visitor, form, &[]).await?;
    let refusal = match event(form, user.username.clone()).await {
        Ok(kind) => {
            let notice = notice(&kind);
            let event = Event {
                at: app.now(),
                actor: Some(user.username.clone()),
                kind,
            };
            match app.store.append_event(id, event).await {
                Ok(_) => return Ok(see_other(&notice.location(id), &[])),
                Err(StoreError::Refused(e)) => Refusal::Lifecycle(e),
                Err(e) => return Err(e.into()),
            }
        }
        // A missing inquiry is a missing page; anything else a fault.
        Err(Refusal::Store(e)) => return Err(e.into()),
        Err(refusal) => refusal,
    };
    refused(app, visitor, user, id, &refusal, place).await
}

async fn refused<S: Store + OutboxStore + ScanStore>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: User,
    id: i64,
    refusal: &Refusal,
    place: &'static str,
) -> Result<Response, PageError> {
    let loaded = load(app, &user, id, "body").await?;
    let lang = visitor.staff_lang();
    let reply = ReplyState {
        refusal: Some(refusal_text(
            StaffMessages::of(lang),
            ActionWords::of(lang),
            refusal,
        )),
        refusal_at: place,
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
