//! The small actions on the inquiry page besides messages: note, hand over to a named colleague,
//! refer to another unit, request information from the citizen (and "the citizen has replied"),
//! and close. The call back, classifying and reopening are in `casework`.
//!
//! Each is a form post on the flow of `action_flow`: CSRF first, then the session; the
//! signed-in user is the event's actor. The lifecycle in `frist_core` decides; a refusal comes
//! back as the page with the refusal in plain words next to the forms, and nothing stored.

use super::StaffMessages;
use super::action_flow::{ActionForm, Refusal, Told, act, act_sending};
use super::information_request::information_request;
use super::inquiry::Notice;
use super::reply::signed;
use crate::page_error::PageError;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use frist_calendar::Date;
use frist_core::rules::{Severity, check_extension};
use frist_core::{CloseReason, EventKind, MessageKind};
use frist_i18n::Lang;
use frist_policy::Requirement;
use frist_store::{OutboxStore, ScanStore, Store};

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

/// "Bed borgeren om oplysninger": what is needed and by when, sent as an information request
/// by the channel a reply would take, and the inquiry waits for the citizen (pausing the
/// deadlines that allow it). The request is written in `information_request`.
pub(crate) async fn await_citizen<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    let app2 = app.clone();
    let told = Told {
        queued: Notice::RequestQueued,
        undelivered: Notice::RequestUndelivered,
        status_page: Notice::RequestOnStatusPage,
        not_sent: Notice::RequestNotSent,
    };
    act_sending(
        &app,
        &visitor,
        id,
        form,
        told,
        true,
        |form, user| async move {
            let message = information_request(&app2, id, &user, form).await?;
            Ok((EventKind::AwaitingCitizenStarted, message))
        },
    )
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
    let told = Told {
        queued: Notice::ExtendedQueued,
        undelivered: Notice::ExtendedUndelivered,
        status_page: Notice::ExtendedOnStatusPage,
        not_sent: Notice::ExtendedNotSent,
    };
    // The extension's event carries its notice, so the status page shows it without a second
    // record.
    act_sending(
        &app,
        &visitor,
        id,
        form,
        told,
        false,
        |form, user| async move {
            let kind = extension(&app2, id, &user, form).await?;
            match &kind {
                EventKind::DeadlineExtended { notice, .. } => {
                    let notice = notice.clone();
                    Ok((kind, notice))
                }
                _ => Err(Refusal::ExtensionRules),
            }
        },
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
    let (caseworkers, units) = tokio::try_join!(app.store.caseworkers(), app.store.units())?;
    let me = super::signer::me(&caseworkers, &units, username);
    let citizen = super::signer::citizen_lang(inquiry);
    let t = crate::pages::i18n::Messages::of(citizen);
    let shown_date = match citizen {
        Lang::Da | Lang::De => t.date(date),
        Lang::En => format!("{} ({date})", t.date(date)),
    };
    let edited = app.store.templates().await?;
    let edited: Vec<_> = edited.into_iter().map(|t| t.template).collect();
    let values = super::texts::Values {
        date: Some(&shown_date),
        needed: None,
        reason: Some(&reason),
    };
    let body = super::texts::starting_text(
        inquiry,
        &policy.policy,
        &edited,
        &me,
        frist_policy::TemplateKind::ExtensionNotice,
        values,
    );
    let notice = signed(
        inquiry,
        &policy.policy,
        &me,
        MessageKind::ExtensionNotice,
        body,
        date,
    );
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
