//! The flow every action form on the inquiry page shares: the form, CSRF first, then the
//! session, the event the action makes, appended with the signed-in user as actor, then a 303
//! to the page with a notice, or the page again with the refusal in plain words and nothing
//! stored. The actions themselves are in `actions` and `casework`.

use super::StaffMessages;
use super::inquiry::{Notice, load, render};
use super::reply::ReplyState;
use super::words::actions::ActionWords;
use super::words::notices::NoticeWords;
use super::{see_other, session};
use crate::outgoing::{self, Route};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::response::Response;
use frist_core::{Event, EventKind, LifecycleError, OutgoingMessage};
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
    /// Feedback told to staff (`feedback`): the channel it came by, `comment` or `complaint`,
    /// and the citizen's score 1–5 if they gave one.
    pub(super) channel: String,
    pub(super) feedback: String,
    pub(super) score: String,
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
    /// A message to the citizen's refusal (`actions`), in its words.
    Told(fn(&NoticeWords) -> &'static str),
}

fn refusal_text(s: &StaffMessages, a: &ActionWords, refusal: &Refusal) -> &'static str {
    match refusal {
        Refusal::Said(words) => words(a),
        Refusal::Told(words) => words(NoticeWords::of(s.lang)),
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

/// What the page says after an action that writes to the citizen, by how the message went.
#[derive(Debug, Clone, Copy)]
pub(super) struct Told {
    /// In the outbox, and a delivery for its channel is configured.
    pub queued: Notice,
    /// In the outbox, but nothing delivers its channel yet.
    pub undelivered: Notice,
    /// No delivery needed: the web form's citizen reads it on the status page.
    pub status_page: Notice,
    /// No address to send to (phone, in person): recorded, and the page says nothing was sent.
    pub not_sent: Notice,
}

/// [`act`] for an action that writes to the citizen: its event and the message. The message
/// is never called sent here. On a channel with a delivery it is queued with the event in one
/// transaction (the dispatcher records it when the channel accepted it); a channel the sender
/// gave no address for is refused and nothing stored. The web form's message is recorded at
/// once (`record_direct`), as the status page shows it; phone and in person have no channel
/// Frist can write by, so only the event is recorded and the page says so.
pub(super) async fn act_sending<S, F, Fut>(
    app: &AppState<S>,
    visitor: &Visitor,
    id: i64,
    form: Result<Form<ActionForm>, FormRejection>,
    told: Told,
    record_direct: bool,
    event: F,
) -> Result<Response, PageError>
where
    S: Store + OutboxStore + ScanStore,
    F: FnOnce(ActionForm, String) -> Fut,
    Fut: std::future::Future<Output = Result<(EventKind, OutgoingMessage), Refusal>>,
{
    let (form, user) = session::form_post(app, visitor, form, &[]).await?;
    let refusal = match event(form, user.username.clone()).await {
        Ok((kind, message)) => {
            let at = app.now();
            let actor = Some(user.username.clone());
            let event = Event {
                at,
                actor: actor.clone(),
                kind,
            };
            let stored = app.store.get_inquiry(id).await?;
            let channel = message.channel;
            let on_status_page = channel == frist_policy::Channel::WebForm;
            match outgoing::route(app, id, &stored.inquiry, message.clone(), actor, at) {
                Err(_) => Refusal::Told(|n| n.ref_no_recipient),
                Ok(Route::Outbox(new)) => match app.store.append_and_enqueue(event, *new).await {
                    Ok(_) => {
                        app.outbox.wake.notify_one();
                        let notice = if app.outbox.delivering.contains(&channel) {
                            told.queued
                        } else {
                            told.undelivered
                        };
                        return Ok(see_other(&notice.location(id), &[]));
                    }
                    Err(StoreError::Refused(e)) => Refusal::Lifecycle(e),
                    Err(e) => return Err(e.into()),
                },
                Ok(Route::Direct) => match direct(app, id, event, message, record_direct).await {
                    Ok(()) => {
                        let notice = if on_status_page {
                            told.status_page
                        } else {
                            told.not_sent
                        };
                        return Ok(see_other(&notice.location(id), &[]));
                    }
                    Err(StoreError::Refused(e)) => Refusal::Lifecycle(e),
                    Err(e) => return Err(e.into()),
                },
            }
        }
        Err(Refusal::Store(e)) => return Err(e.into()),
        Err(refusal) => refusal,
    };
    refused(app, visitor, user, id, &refusal, "").await
}

/// Records an action whose message needs no delivery: the event, and on the web form's channel
/// the message itself (which the status page shows), both tried on a copy first so that a
/// refusal of the second stores nothing.
async fn direct<S: Store>(
    app: &AppState<S>,
    id: i64,
    event: Event,
    message: OutgoingMessage,
    record_message: bool,
) -> Result<(), StoreError> {
    let record_message = record_message && message.channel == frist_policy::Channel::WebForm;
    if !record_message {
        return app.store.append_event(id, event).await.map(|_| ());
    }
    let sent = Event {
        at: event.at,
        actor: event.actor.clone(),
        kind: EventKind::MessageSent {
            message,
            outbox_id: None,
        },
    };
    let stored = app.store.get_inquiry(id).await?;
    let policy = app.policy_of(stored.policy_id).await?;
    let mut preview = stored.inquiry;
    preview.apply(&sent, &policy.policy)?;
    preview.apply(&event, &policy.policy)?;
    app.store.append_event(id, sent).await?;
    app.store.append_event(id, event).await.map(|_| ())
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
