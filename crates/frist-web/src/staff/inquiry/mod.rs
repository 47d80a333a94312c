//! `/sager/{id}`, the inquiry page: facts, sender (CPR masked until revealed), the body, the
//! obligations, the timeline, and the actions (assign to me; send an acknowledgment or answer).
//!
//! Every view of the page logs "body" in the access log before anything is shown; revealing
//! the CPR number is a POST that logs "cpr" first.

mod labels;
mod load;
mod notice;

pub(crate) use labels::state_label;
pub(crate) use load::{Loaded, internal, load};
pub(crate) use notice::Notice;

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
use frist_core::{Event, EventKind, InquiryState, ObligationState};
use frist_policy::{Channel, Lang};
use frist_store::{OutboxStore, ScanStore, Store, StoreError, User};
use labels::{channel_label, event_detail, event_label, message_label, obligation_label, when};
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
    /// After a message went into the outbox: `1` when its channel is delivered, `0` when not.
    koe: Option<String>,
    tildelt: Option<String>,
    /// Which action was carried out (see [`Notice::key`]).
    udfoert: Option<String>,
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
    /// Open deadlines that can be extended: `<goal>|<requirement>` and a label.
    extendable: Vec<Picked>,
    outgoing: Vec<super::outgoing::OutgoingRow>,
    /// Scans of a letter received on paper: (id, file name, size, added when and by whom).
    scans: Vec<(i64, String, String, String)>,
    /// Whether the inquiry came on paper (the upload form is offered).
    on_paper: bool,
    /// Where the Messenger reply window stands (Messenger inquiries only), and whether it closed.
    messenger: Option<(String, bool)>,
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

pub(crate) async fn show<S: Store + OutboxStore + ScanStore>(
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
pub(crate) async fn assign<S: Store + OutboxStore + ScanStore>(
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
async fn checked<S: Store + OutboxStore + ScanStore>(
    app: &AppState<S>,
    visitor: &Visitor,
    form: Result<Form<CsrfForm>, FormRejection>,
) -> Result<User, Response> {
    let policy = &app.policy.policy;
    csrf::checked(visitor, policy, form)?;
    session::require(app, visitor).await
}

pub(crate) async fn render<S: Store + OutboxStore + ScanStore>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: User,
    loaded: Loaded,
    mut reply: ReplyState,
    notice: Option<Notice>,
    status: StatusCode,
) -> Response {
    let (units, caseworkers, outbox, scans) = match tokio::try_join!(
        app.store.units(),
        app.store.caseworkers(),
        app.store.outbox_for_inquiry(loaded.stored.id),
        app.store.scans_of_inquiry(loaded.stored.id),
    ) {
        Ok(all) => all,
        Err(e) => return internal(visitor, app, &e),
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
        chrome: StaffChrome::new(visitor, &app.policy.policy, Some(&user), &token),
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
            .map_or(s.unassigned.to_owned(), |id| {
                super::people::caseworker_label(
                    &caseworkers,
                    id,
                    app.now().to_zoned(frist_policy::COPENHAGEN.clone()).date(),
                    visitor.t(),
                    s,
                )
            }),
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
        extendable: inquiry
            .obligations
            .iter()
            .filter(|o| o.is_open())
            .map(|o| Picked {
                value: format!("{}|{}", o.goal, o.requires.as_str()),
                label: format!(
                    "{} – {} – {}",
                    o.goal,
                    match visitor.lang {
                        Lang::Da => o.requires.label_da(),
                        Lang::En => o.requires.label_en(),
                    },
                    visitor.t().date(o.due_date)
                ),
            })
            .collect(),
        outgoing: super::outgoing::rows(
            s,
            outbox,
            |c| channel_label(visitor.lang, c),
            |k| message_label(s, k),
            |at| when(visitor, at),
        ),
        on_paper: inquiry.received.channel == Channel::Letter || !scans.is_empty(),
        scans: scans
            .into_iter()
            .map(|scan| {
                let size = format!("{:.0} kB", scan.size.div_ceil(1000));
                let added = format!(
                    "{}, {} {}",
                    when(visitor, scan.uploaded_at),
                    s.by,
                    name_of(&scan.uploaded_by)
                );
                (scan.id, scan.filename, size, added)
            })
            .collect(),
        messenger: frist_channels::facebook::window_for(inquiry, now).map(|w| {
            let text = match visitor.lang {
                Lang::Da => w.describe_da(),
                Lang::En => w.describe_en(),
            };
            (text, !w.is_open())
        }),
        awaiting: inquiry.state == InquiryState::AwaitingCitizen,
        closed: inquiry.state == InquiryState::Closed,
        reply,
        kinds,
        channels,
    };
    respond(visitor, status, &page, fresh.then_some(token.as_str()))
}

impl csrf::Protected for CsrfForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}
