//! `/sager/{id}`, the inquiry page: facts, sender (CPR masked until revealed), the body, the
//! obligations, the timeline, and the actions (assign to me; send an acknowledgment or answer).
//!
//! Every view of the page logs "body" in the access log before anything is shown; revealing
//! the CPR number is a POST that logs "cpr" first.

use super::actions::{CLOSE_REASONS, close_label};
use super::reply::{KINDS, ReplyState, prefill};
use super::{StaffChrome, StaffMessages, see_other, session};
use crate::pages::csrf;
use crate::pages::layout::{Failure, failure, respond};
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_core::cpr::mask;
use frist_core::{Event, EventKind, InquiryState, MessageKind, ObligationState};
use frist_policy::{COPENHAGEN, Channel, Lang};
use frist_store::{PolicyVersion, Store, StoreError, StoredInquiry, User};
use jiff::Timestamp;
use serde::Deserialize;

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
    tildelt: Option<String>,
    /// Which action was carried out (see [`Notice::key`]).
    udfoert: Option<String>,
}

/// A confirmation shown at the top of the page after an action.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Notice {
    Sent,
    Assigned,
    Noted,
    HandedOver,
    Referred,
    Awaiting,
    AwaitingEnded,
    Closed,
}

impl Notice {
    const ACTIONS: [Notice; 6] = [
        Notice::Noted,
        Notice::HandedOver,
        Notice::Referred,
        Notice::Awaiting,
        Notice::AwaitingEnded,
        Notice::Closed,
    ];

    /// The value of `?udfoert=` after an action.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Notice::Sent => "sendt",
            Notice::Assigned => "tildelt",
            Notice::Noted => "note",
            Notice::HandedOver => "overdraget",
            Notice::Referred => "videresendt",
            Notice::Awaiting => "afventer",
            Notice::AwaitingEnded => "svaret",
            Notice::Closed => "lukket",
        }
    }

    fn text(self, s: &StaffMessages) -> &'static str {
        match self {
            Notice::Sent => s.sent_notice,
            Notice::Assigned => s.assigned_notice,
            Notice::Noted => s.noted_notice,
            Notice::HandedOver => s.handed_over_notice,
            Notice::Referred => s.referred_notice,
            Notice::Awaiting => s.awaiting_notice,
            Notice::AwaitingEnded => s.awaiting_ended_notice,
            Notice::Closed => s.closed_notice,
        }
    }
}

/// An inquiry as read for the page, its access already logged.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub stored: StoredInquiry,
    pub events: Vec<Event>,
    pub policy: PolicyVersion,
    pub revealed: bool,
}

#[derive(Debug)]
struct Choice {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

/// A choice whose value and label come from the store (a colleague, a unit).
#[derive(Debug)]
struct Picked {
    value: String,
    label: String,
}

#[derive(Debug)]
struct ObligationRow {
    goal: String,
    requirement: &'static str,
    due: String,
    state: &'static str,
    class: &'static str,
}

#[derive(Debug)]
struct EventRow {
    label: &'static str,
    when: String,
    actor: String,
    detail: String,
}

#[derive(Debug, Template)]
#[template(path = "inquiry.html")]
struct InquiryPage {
    chrome: StaffChrome,
    csrf: String,
    id: i64,
    reference: String,
    subject: String,
    received: String,
    state: &'static str,
    channel: &'static str,
    unit: String,
    caseworker: String,
    assigned_to_me: bool,
    sender_name: Option<String>,
    sender_email: Option<String>,
    sender_phone: Option<String>,
    cpr: Option<String>,
    revealed: bool,
    body: String,
    obligations: Vec<ObligationRow>,
    events: Vec<EventRow>,
    notice: Option<&'static str>,
    reply: ReplyState,
    kinds: Vec<Choice>,
    channels: Vec<Choice>,
    colleagues: Vec<Picked>,
    units: Vec<Picked>,
    close_reasons: Vec<Choice>,
    awaiting: bool,
    closed: bool,
}

impl InquiryPage {
    fn error(&self, field: &str) -> Option<&'static str> {
        self.reply
            .errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message)
    }
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    Query(query): Query<ShowQuery>,
    visitor: Visitor,
) -> Response {
    let user = match session::require(&app, &visitor).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let loaded = match load(&app, &visitor, &user, id, "body").await {
        Ok(loaded) => loaded,
        Err(response) => return response,
    };
    let notice = if query.sendt.is_some() {
        Some(Notice::Sent)
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
pub(crate) async fn reveal<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    let user = match checked(&app, &visitor, form).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let loaded = match load(&app, &visitor, &user, id, "cpr").await {
        Ok(loaded) => loaded,
        Err(response) => return response,
    };
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
pub(crate) async fn assign<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Response {
    let user = match checked(&app, &visitor, form).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let event = Event {
        at: app.now(),
        actor: Some(user.username.clone()),
        kind: EventKind::Assigned {
            caseworker: user.username.clone(),
        },
    };
    match app.store.append_event(id, event).await {
        Ok(_) => see_other(&format!("/sager/{id}?tildelt=1"), &[]),
        Err(StoreError::NotFound) => failure(&visitor, &app.policy.policy, Failure::NotFound),
        Err(StoreError::Refused(_)) => see_other(&format!("/sager/{id}"), &[]),
        Err(e) => internal(&visitor, &app, &e),
    }
}

/// A form post's CSRF token and the session, in that order.
async fn checked<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<User, Response> {
    let policy = &app.policy.policy;
    csrf::checked(visitor, policy, form)?;
    session::require(app, visitor).await
}

/// Reads the inquiry and logs that `user` sees `what` ("body" or "cpr") before returning it.
pub(crate) async fn load<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: &User,
    id: i64,
    what: &str,
) -> Result<Loaded, Response> {
    let stored = match app.store.get_inquiry(id).await {
        Ok(stored) => stored,
        Err(StoreError::NotFound) => {
            return Err(failure(visitor, &app.policy.policy, Failure::NotFound));
        }
        Err(e) => return Err(internal(visitor, app, &e)),
    };
    let read = async {
        app.store
            .log_access(&user.username, id, what, app.now())
            .await?;
        let events = app.store.events(id).await?;
        let policy = app.policy_of(stored.policy_id).await?;
        Ok::<_, StoreError>((events, policy))
    };
    match read.await {
        Ok((events, policy)) => Ok(Loaded {
            stored,
            events,
            policy,
            revealed: what == "cpr",
        }),
        Err(e) => Err(internal(visitor, app, &e)),
    }
}

pub(crate) fn internal<S>(visitor: &Visitor, app: &AppState<S>, e: &StoreError) -> Response {
    tracing::error!(error = %e, "a staff page could not be read or written");
    failure(visitor, &app.policy.policy, Failure::Internal)
}

pub(crate) async fn render<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: User,
    loaded: Loaded,
    mut reply: ReplyState,
    notice: Option<Notice>,
    status: StatusCode,
) -> Response {
    let (units, caseworkers) = match (app.store.units().await, app.store.caseworkers().await) {
        (Ok(u), Ok(c)) => (u, c),
        (Err(e), _) | (_, Err(e)) => return internal(visitor, app, &e),
    };
    let s = StaffMessages::of(visitor.lang);
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let Loaded {
        stored,
        events,
        policy,
        revealed,
    } = loaded;
    let inquiry = &stored.inquiry;
    let now = app.now();
    if reply.form.body.is_empty() && reply.errors.is_empty() && reply.blocked.is_empty() {
        let me = caseworkers.iter().find(|c| c.id == user.username);
        reply.form = prefill(inquiry, &policy.policy, me, &user.username);
    }
    let shown = |text: &str| {
        if revealed {
            text.to_owned()
        } else {
            mask(text)
        }
    };
    let name_of = |id: &str| {
        caseworkers
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_owned(), |c| c.name.clone())
    };
    let sender = &inquiry.received.sender;
    let kinds = KINDS
        .iter()
        .map(|(value, kind)| Choice {
            value,
            label: message_label(s, *kind),
            selected: reply.form.kind == *value,
        })
        .collect();
    let channels = Channel::ALL
        .iter()
        .map(|c| Choice {
            value: c.as_str(),
            label: channel_label(visitor.lang, *c),
            selected: reply.form.channel == c.as_str(),
        })
        .collect();
    let page = InquiryPage {
        chrome: StaffChrome::new(
            visitor,
            &app.policy.policy,
            Some(user.username.clone()),
            &token,
        ),
        csrf: token.clone(),
        id: stored.id,
        reference: inquiry.reference.to_string(),
        subject: shown(&inquiry.received.subject),
        received: when(visitor, inquiry.received.received_at),
        state: match inquiry.state {
            _ if inquiry.answered && inquiry.state != InquiryState::Closed => s.answered,
            InquiryState::New => s.state_new,
            InquiryState::Open => s.state_open,
            InquiryState::AwaitingCitizen => s.state_awaiting,
            InquiryState::Closed => s.state_closed,
        },
        channel: channel_label(visitor.lang, inquiry.received.channel),
        unit: inquiry
            .unit
            .as_ref()
            .map_or(s.no_unit_value.to_owned(), |id| {
                units
                    .iter()
                    .find(|u| &u.id == id)
                    .map_or_else(|| id.clone(), |u| u.name.clone())
            }),
        caseworker: inquiry
            .caseworker
            .as_deref()
            .map_or(s.unassigned.to_owned(), name_of),
        assigned_to_me: inquiry.caseworker.as_deref() == Some(user.username.as_str()),
        sender_name: sender.name.as_deref().map(shown),
        sender_email: sender.email.clone(),
        sender_phone: sender.phone.clone(),
        cpr: sender.cpr.as_ref().map(|c| {
            if revealed {
                c.as_str().to_owned()
            } else {
                c.masked()
            }
        }),
        revealed,
        body: shown(&inquiry.received.body),
        obligations: inquiry
            .obligations
            .iter()
            .map(|o| {
                let state = o.state(now);
                ObligationRow {
                    goal: o.goal.clone(),
                    requirement: match visitor.lang {
                        Lang::Da => o.requires.label_da(),
                        Lang::En => o.requires.label_en(),
                    },
                    due: when(visitor, o.due_at),
                    state: obligation_label(s, state),
                    class: match state {
                        ObligationState::Breached => "signal signal-overdue",
                        ObligationState::Met | ObligationState::Waived => "signal signal-on-track",
                        _ => "signal signal-none",
                    },
                }
            })
            .collect(),
        events: events
            .iter()
            .map(|e| EventRow {
                label: event_label(s, &e.kind),
                when: when(visitor, e.at),
                actor: e.actor.as_deref().map_or(s.citizen.to_owned(), name_of),
                detail: shown(&event_detail(s, &e.kind, &name_of)),
            })
            .collect(),
        notice: notice.map(|n| n.text(s)),
        colleagues: caseworkers
            .iter()
            .filter(|c| c.id != user.username)
            .map(|c| Picked {
                value: c.id.clone(),
                label: c.name.clone(),
            })
            .collect(),
        units: units
            .iter()
            .filter(|u| inquiry.unit.as_deref() != Some(u.id.as_str()))
            .map(|u| Picked {
                value: u.id.clone(),
                label: u.name.clone(),
            })
            .collect(),
        close_reasons: CLOSE_REASONS
            .iter()
            .map(|(value, reason)| Choice {
                value,
                label: close_label(s, *reason),
                selected: false,
            })
            .collect(),
        awaiting: inquiry.state == InquiryState::AwaitingCitizen,
        closed: inquiry.state == InquiryState::Closed,
        reply,
        kinds,
        channels,
    };
    respond(visitor, status, &page, fresh.then_some(token.as_str()))
}

/// "23. december 2026 kl. 16:00" / "23 December 2026 16:00", Copenhagen time.
fn when(visitor: &Visitor, at: Timestamp) -> String {
    let local = at.to_zoned(COPENHAGEN.clone());
    let t = visitor.t();
    let time = local.time().strftime("%H:%M");
    match visitor.lang {
        Lang::Da => format!("{} kl. {time}", t.date(local.date())),
        Lang::En => format!("{} {time}", t.date(local.date())),
    }
}

fn channel_label(lang: Lang, c: Channel) -> &'static str {
    match lang {
        Lang::Da => c.label_da(),
        Lang::En => c.label_en(),
    }
}

fn message_label(s: &StaffMessages, kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Acknowledgment => s.kind_acknowledgment,
        MessageKind::Answer => s.kind_answer,
        MessageKind::Decision => s.kind_decision,
        _ => s.ev_message_sent,
    }
}

fn obligation_label(s: &StaffMessages, state: ObligationState) -> &'static str {
    match state {
        ObligationState::Pending => s.ob_pending,
        ObligationState::Met => s.ob_met,
        ObligationState::MetLate => s.ob_met_late,
        ObligationState::Breached => s.ob_breached,
        ObligationState::Paused => s.ob_paused,
        ObligationState::Waived => s.ob_waived,
    }
}

fn event_label(s: &StaffMessages, kind: &EventKind) -> &'static str {
    match kind {
        EventKind::Received { .. } => s.ev_received,
        EventKind::Opened => s.ev_opened,
        EventKind::Assigned { .. } => s.ev_assigned,
        EventKind::MessageSent { .. } => s.ev_message_sent,
        EventKind::MessageReceived { .. } => s.ev_message_received,
        EventKind::CallbackCompleted { .. } => s.ev_callback,
        EventKind::Note { .. } => s.ev_note,
        EventKind::Referred { .. } => s.ev_referred,
        EventKind::HandedOver { .. } => s.ev_handed_over,
        EventKind::AwaitingCitizenStarted => s.ev_awaiting_started,
        EventKind::AwaitingCitizenEnded => s.ev_awaiting_ended,
        EventKind::DeadlineExtended { .. } => s.ev_extended,
        EventKind::Reclassified { .. } => s.ev_reclassified,
        EventKind::ErrorRegistered { .. } => s.ev_error,
        EventKind::FeedbackReceived { .. } => s.ev_feedback,
        EventKind::Closed { .. } => s.ev_closed,
        EventKind::Reopened => s.ev_reopened,
    }
}

/// The event's text, if it has one worth showing in the timeline.
fn event_detail(s: &StaffMessages, kind: &EventKind, name_of: &dyn Fn(&str) -> String) -> String {
    match kind {
        EventKind::Assigned { caseworker } => name_of(caseworker),
        EventKind::HandedOver { to_caseworker } => name_of(to_caseworker),
        EventKind::Referred { to_unit } => to_unit.clone(),
        EventKind::MessageSent { message } => {
            format!("{}: {}", message_label(s, message.kind), message.body)
        }
        EventKind::MessageReceived { message } => {
            format!("{}: {}", message.subject, message.body)
        }
        EventKind::DeadlineExtended { reason, .. } => reason.clone(),
        EventKind::Note { text, .. } => text.clone(),
        EventKind::CallbackCompleted { summary } => summary.clone().unwrap_or_default(),
        EventKind::ErrorRegistered { what } => what.clone(),
        EventKind::FeedbackReceived { score, comment } => {
            let score = score.map(|n| format!("{n}/5")).unwrap_or_default();
            match comment {
                Some(c) => format!("{score} {c}").trim().to_owned(),
                None => score,
            }
        }
        _ => String::new(),
    }
}

impl csrf::Protected for CsrfForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}
