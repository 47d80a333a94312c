//! The small actions on the inquiry page besides messages: note, hand over to a named colleague,
//! refer to another unit, request information from the citizen (and "the citizen has replied"),
//! and close. The call back, classifying and reopening are in `casework`, on the same flow.
//!
//! Each is a form post: CSRF first, then the session; the signed-in user is the event's actor.
//! The lifecycle in `frist_core` decides; a refusal comes back as the page with the refusal in
//! plain words next to the forms, and nothing stored.

use super::StaffMessages;
use super::inquiry::{Notice, load, render};
use super::reply::ReplyState;
use super::reply::prefill;
use super::words::actions::ActionWords;
use super::{see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_calendar::Date;
use frist_core::rules::{Severity, check_extension};
use frist_core::{CloseReason, Event, EventKind, LifecycleError, MessageKind, OutgoingMessage};
use frist_i18n::Lang;
use frist_policy::{DeadlineError, Requirement};
use frist_store::{OutboxStore, ScanStore, Store, StoreError, User};
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
    /// The close reason's form value; for an extension, the reason told to the citizen.
    reason: String,
    /// The deadline to extend: `<goal>|<requirement>`, e.g. `HTK-1|answer`.
    obligation: String,
    /// The new due date, `YYYY-MM-DD`.
    date: String,
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

impl ActionForm {
    /// The reason given (reopening, closing, extending).
    pub(super) fn reason(&self) -> &str {
        &self.reason
    }
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

pub(crate) async fn note<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::Noted,
        |form, _| async move {
            Ok(EventKind::Note {
                text: form.text.trim().to_owned(),
                visible_to_citizen: form.visible.is_some(),
            })
        },
    )
    .await
}

pub(crate) async fn hand_over<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    let store = app.store.clone();
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::HandedOver,
        |form, _| async move {
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

pub(crate) async fn refer<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    let store = app.store.clone();
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::Referred,
        |form, _| async move {
            let known = store.units().await?.iter().any(|u| u.id == form.to);
            if !known {
                return Err(Refusal::UnknownUnit);
            }
            Ok(EventKind::Referred { to_unit: form.to })
        },
    )
    .await
}

pub(crate) async fn await_citizen<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    act(&app, &visitor, id, form, Notice::Awaiting, |_, _| async {
        Ok(EventKind::AwaitingCitizenStarted)
    })
    .await
}

pub(crate) async fn citizen_replied<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::AwaitingEnded,
        |_, _| async { Ok(EventKind::AwaitingCitizenEnded) },
    )
    .await
}

pub(crate) async fn close<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::Closed,
        |form, _| async move {
            CLOSE_REASONS
                .iter()
                .find(|(value, _)| *value == form.reason)
                .map(|(_, reason)| EventKind::Closed { reason: *reason })
                .ok_or(Refusal::NoReason)
        },
    )
    .await
}

pub(crate) async fn register_error<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::ErrorRegistered,
        |form, _| async move {
            Ok(EventKind::ErrorRegistered {
                what: form.text.trim().to_owned(),
            })
        },
    )
    .await
}

/// "Forlæng en frist": moves one open deadline to a later working day, with the notice to the
/// citizen written from the date and the reason (so it always names both, STE-3), sent by the
/// channel a reply would take.
pub(crate) async fn extend<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    let app2 = app.clone();
    act(
        &app,
        &visitor,
        id,
        form,
        Notice::Extended,
        |form, user| async move { extension(&app2, id, &user, form).await },
    )
    .await
}

async fn extension<S: Store + OutboxStore + ScanStore>(
    app: &AppState<S>,
    id: i64,
    username: &str,
    form: ActionForm,
) -> Result<EventKind, Refusal> {
    let (goal, requires) = form
        .obligation
        .split_once('|')
        .and_then(|(g, r)| Some((g.to_owned(), r.parse::<Requirement>().ok()?)))
        .ok_or(Refusal::UnknownObligation)?;
    let date: Date = form
        .date
        .trim()
        .parse()
        .map_err(|_| Refusal::ExtensionDate)?;
    let reason = form.reason.trim().to_owned();
    if reason.is_empty() {
        return Err(Refusal::ExtensionReason);
    }
    let stored = app.store.get_inquiry(id).await?;
    let policy = app.policy_of(stored.policy_id).await?;
    if !policy.policy.calendar.is_working_day(date).unwrap_or(false) {
        return Err(Refusal::NotWorkingDay);
    }
    let inquiry = &stored.inquiry;
    let caseworkers = app.store.caseworkers().await?;
    let me = caseworkers.iter().find(|c| c.id == username);
    // The same channel, name and contact as the reply form would offer.
    let reply = prefill(inquiry, &policy.policy, me, username);
    let citizen = match inquiry.received.language.as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Da,
    };
    let t = crate::pages::i18n::Messages::of(citizen);
    let shown_date = match citizen {
        Lang::Da | Lang::De => t.date(date),
        Lang::En => format!("{} ({date})", t.date(date)),
    };
    let body = StaffMessages::of(citizen)
        .tpl_extension
        .replace("{reference}", &inquiry.reference.to_string())
        .replace("{date}", &shown_date)
        .replace("{reason}", &reason)
        .replace("{caseworker}", &reply.caseworker);
    let notice = OutgoingMessage {
        kind: MessageKind::ExtensionNotice,
        channel: reply.channel.parse().unwrap_or(inquiry.received.channel),
        body,
        caseworker: Some(reply.caseworker.clone()),
        contact: Some(reply.contact.clone()).filter(|c| !c.is_empty()),
        next_step: None,
        expected_answer_date: Some(date),
        appealable: false,
        complaint_guidance: None,
    };
    let blocked = check_extension(date, &reason, &notice, &policy.policy)
        .iter()
        .any(|v| v.severity == Severity::Block);
    if blocked {
        return Err(Refusal::ExtensionRules);
    }
    Ok(EventKind::DeadlineExtended {
        goal,
        requires,
        new_due_date: date,
        reason,
        notice,
    })
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
