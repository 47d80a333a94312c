//! The citizen's status page, at an unguessable link, and the satisfaction question on it.
//!
//! The link's token is 32 random bytes; only its SHA-256 hash is stored, so the database alone
//! opens no status page. An unknown token gets the same plain 404 as any missing page. CPR
//! numbers are masked in everything shown here.

use super::csrf;
use super::i18n::Messages;
use super::layout::{Chrome, respond};
use super::link_words::LinkWords;
use super::status_words::StatusWords;
use super::visitor::Visitor;
use crate::page_error::PageError;
use crate::paths;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::LOCATION;
use axum::response::{IntoResponse, Response};
use frist_core::cpr::mask;
use frist_core::{Event, EventKind, InquiryState, MessageKind, OutgoingMessage};
use frist_policy::COPENHAGEN;
use frist_store::{
    InquiryId, OutboxStore, Store, StoreError, StoredInquiry, new_status_token, status_token_hash,
};
use jiff::Timestamp;
use serde::Deserialize;

/// Makes a status link for an inquiry; returns the token, which is stored only as a hash.
pub(crate) async fn new_status_link<S: Store>(
    store: &S,
    id: InquiryId,
    now: Timestamp,
) -> Result<String, StoreError> {
    let token = new_status_token();
    store
        .create_status_link(&status_token_hash(&token), id, now)
        .await?;
    Ok(token)
}

#[derive(Debug)]
struct MessageView {
    label: &'static str,
    date: String,
    body: String,
}

#[derive(Debug)]
struct RequestView {
    body: String,
    by: Option<String>,
}

#[derive(Debug)]
struct NoteView {
    date: String,
    text: String,
}

#[derive(Debug, Template)]
#[template(path = "status.html")]
struct StatusPage {
    chrome: Chrome,
    token: String,
    csrf: String,
    reference: String,
    subject: String,
    received: String,
    state: &'static str,
    caseworker: Option<String>,
    contact: Option<String>,
    next_step: Option<String>,
    expected: Option<String>,
    messages: Vec<MessageView>,
    notes: Vec<NoteView>,
    /// The question is asked once the inquiry is answered, until it has been answered.
    ask_feedback: bool,
    /// While the inquiry waits for the citizen: what we asked for, and by when.
    request: Option<RequestView>,
    /// "We have extended the deadline …", after an extension of the answer.
    extended: Option<String>,
    w: &'static StatusWords,
    thanked: bool,
    score_error: Option<&'static str>,
    comment_error: Option<&'static str>,
    comment: String,
}

#[derive(Debug, Deserialize)]
pub(crate) struct StatusQuery {
    #[serde(default)]
    tak: Option<String>,
}

pub(crate) async fn show<S: Store + OutboxStore>(
    State(app): State<AppState<S>>,
    Path(token): Path<String>,
    query: axum::extract::Query<StatusQuery>,
    visitor: Visitor,
) -> Result<Response, PageError> {
    let found = find(&app, &token).await?;
    let (csrf, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let mut page = build(&app, &visitor, token, csrf.clone(), found).await?;
    page.thanked = query.tak.is_some() && !page.ask_feedback;
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(csrf.as_str()),
    ))
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct FeedbackForm {
    csrf: String,
    score: String,
    comment: String,
}

pub(crate) async fn feedback<S: Store + OutboxStore>(
    State(app): State<AppState<S>>,
    Path(token): Path<String>,
    visitor: Visitor,
    form: Result<Form<FeedbackForm>, FormRejection>,
) -> Result<Response, PageError> {
    // Before anything else: a post that did not come from our own form changes nothing.
    let form = csrf::checked(&visitor, form)?;
    let found = find(&app, &token).await?;
    let back = paths::status(&token);
    let t = visitor.t();
    let score = form
        .score
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|s| (1..=5).contains(s));
    let comment = form.comment.trim();
    let too_long = comment.chars().count() > 2000;
    let (stored, _) = &found;
    if !asks_satisfaction(&stored.inquiry) || stored.inquiry.feedback_score.is_some() {
        // Nothing to ask (yet, or any more): show the page as it is.
        return see_other(&back);
    }
    if score.is_none() || too_long {
        let mut page = build(&app, &visitor, token, form.csrf.clone(), found).await?;
        page.score_error = score.is_none().then_some(t.err_score_missing);
        page.comment_error = too_long.then_some(t.err_comment_too_long);
        page.comment = form.comment.clone();
        return Ok(respond(
            &visitor,
            StatusCode::UNPROCESSABLE_ENTITY,
            &page,
            None,
        ));
    }
    let event = Event {
        at: app.now(),
        actor: None,
        kind: EventKind::FeedbackReceived {
            channel: None,
            complaint: false,
            score,
            comment: (!comment.is_empty()).then(|| comment.to_owned()),
        },
    };
    match app.store.append_event(stored.id, event).await {
        Ok(_) => see_other(&format!("{back}?tak=1")),
        Err(e) => Err(PageError::internal(format_args!(
            "feedback could not be stored: {e}"
        ))),
    }
}

/// Satisfaction is asked once the inquiry is closed (SKA-9: after closing, when the whole
/// service can be judged), unless it was closed as spam or as a duplicate of another.
fn asks_satisfaction(inquiry: &frist_core::Inquiry) -> bool {
    inquiry.state == InquiryState::Closed
        && !matches!(
            inquiry.close_reason,
            Some(frist_core::CloseReason::Spam | frist_core::CloseReason::Duplicate)
        )
}

fn see_other(location: &str) -> Result<Response, PageError> {
    Ok((StatusCode::SEE_OTHER, [(LOCATION, location.to_owned())]).into_response())
}

/// The inquiry behind a token, with its events; a token of the wrong shape is not looked up.
async fn find<S: Store>(
    app: &AppState<S>,
    token: &str,
) -> Result<(StoredInquiry, Vec<Event>), PageError> {
    if !csrf::well_formed(token) {
        return Err(PageError::NotFound);
    }
    let internal =
        |e: StoreError| PageError::internal(format_args!("a status page could not be read: {e}"));
    let id = app.store.status_link(&status_token_hash(token)).await?;
    let stored = app.store.get_inquiry(id).await.map_err(internal)?;
    let events = app.store.events(id).await.map_err(internal)?;
    Ok((stored, events))
}

async fn build<S: Store + OutboxStore>(
    app: &AppState<S>,
    visitor: &Visitor,
    token: String,
    csrf: String,
    (stored, events): (StoredInquiry, Vec<Event>),
) -> Result<StatusPage, PageError> {
    let t = visitor.t();
    let inquiry = &stored.inquiry;
    // The citizen sees the message bodies they were sent: logged like any view of them.
    app.store
        .log_access("citizen (status link)", stored.id, "status page", app.now())
        .await
        .map_err(|e| {
            PageError::internal(format_args!("a status page view could not be logged: {e}"))
        })?;
    let mut messages = Vec::new();
    let mut notes = Vec::new();
    let mut acknowledgment: Option<&OutgoingMessage> = None;
    // The latest message that names its sender: who to ask, even before an acknowledgment.
    let mut signed: Option<&OutgoingMessage> = None;
    let mut extended = None;
    // An extension's notice is shown from the extension itself (on every channel, from the
    // moment it is made); its delivery, recorded later as a message, is not shown twice.
    let notices: Vec<&str> = events
        .iter()
        .filter_map(|e| match &e.kind {
            EventKind::DeadlineExtended { notice, .. } => Some(notice.body.as_str()),
            _ => None,
        })
        .collect();
    let mut request: Option<(Timestamp, OutgoingMessage)> = None;
    // Answered as the citizen sees it: a final answer reached them (one still in the outbox
    // already counts for the deadlines, not yet here).
    let mut answer_delivered = false;
    for event in &events {
        match &event.kind {
            // Who handles the inquiry and what happens next count from the moment a message
            // says so, like its deadlines; the message itself is shown once it was delivered.
            EventKind::MessageQueued { message, .. } => {
                if message.kind == MessageKind::Acknowledgment {
                    acknowledgment = Some(message);
                }
                if message.caseworker.is_some() {
                    signed = Some(message);
                }
            }
            EventKind::MessageSent { message, .. } => {
                answer_delivered |= message.kind.is_final();
                if message.kind == MessageKind::Acknowledgment {
                    acknowledgment = Some(message);
                }
                if message.caseworker.is_some() {
                    signed = Some(message);
                }
                if message.kind == MessageKind::InformationRequest {
                    request = Some((event.at, message.clone()));
                }
                let delivered_notice = message.kind == MessageKind::ExtensionNotice
                    && notices.contains(&message.body.as_str());
                if !delivered_notice {
                    messages.push(message_view(t, event.at, message));
                }
            }
            EventKind::DeadlineExtended {
                notice,
                new_due_date,
                ..
            } => {
                extended = Some(*new_due_date);
                messages.push(message_view(t, event.at, notice));
            }
            EventKind::Note {
                text,
                visible_to_citizen: true,
            } => notes.push(NoteView {
                date: date(t, event.at),
                text: mask(text),
            }),
            _ => {}
        }
    }
    let caseworker = match &inquiry.caseworker {
        Some(id) => app
            .store
            .caseworkers()
            .await
            .map_err(|e| PageError::internal(format_args!("caseworkers could not be read: {e}")))?
            .into_iter()
            .find(|c| &c.id == id),
        None => None,
    };
    let contact = caseworker
        .as_ref()
        .and_then(|c| match (&c.email, &c.phone) {
            (Some(email), Some(phone)) => Some(format!("{email}, {phone}")),
            (email, phone) => email.clone().or_else(|| phone.clone()),
        })
        .or_else(|| signed.and_then(|m| m.contact.clone()));
    let caseworker_name = caseworker
        .map(|c| c.name)
        .or_else(|| signed.and_then(|m| m.caseworker.clone()));
    let state = match inquiry.state {
        _ if answer_delivered => t.state_answered,
        InquiryState::New => t.state_new,
        InquiryState::Open => t.state_open,
        InquiryState::AwaitingCitizen => t.state_awaiting,
        InquiryState::Closed => t.state_closed,
    };
    let w = StatusWords::of(visitor.lang);
    let request = match inquiry.awaiting_since {
        Some(since) => pending_request(app, stored.id, since, request).await?,
        None => None,
    }
    .map(|m| RequestView {
        body: mask(&m.body),
        by: m.expected_answer_date.map(|d| t.date(d)),
    });
    let feedback_given = events
        .iter()
        .any(|e| matches!(e.kind, EventKind::FeedbackReceived { .. }));
    Ok(StatusPage {
        chrome: Chrome::new(visitor, &app.policy.policy),
        token,
        csrf,
        reference: inquiry.reference.to_string(),
        subject: mask(&inquiry.received.subject),
        received: date(t, inquiry.received.received_at),
        state,
        caseworker: caseworker_name.map(|n| mask(&n)),
        contact: contact.map(|c| mask(&c)),
        next_step: acknowledgment.and_then(|a| a.next_step.as_deref().map(mask)),
        // The promised date (an acknowledgment's, as extended), else the policy's deadline:
        // what is still owed, so nothing once the answer has gone.
        expected: inquiry.expected_answer_date().map(|d| t.date(d)),
        extended: extended.map(|d| w.extended_to.replace("{date}", &t.date(d))),
        request,
        w,
        messages,
        notes,
        ask_feedback: asks_satisfaction(inquiry) && !feedback_given,
        thanked: false,
        score_error: None,
        comment_error: None,
        comment: String::new(),
    })
}

/// The information request the citizen is asked to answer while the inquiry waits: the one
/// recorded as sent since the wait began, or else the newest still in the outbox (the status
/// page shows what is asked whether or not the e-mail or letter has gone yet; it does not say
/// that anything was sent).
async fn pending_request<S: Store + OutboxStore>(
    app: &AppState<S>,
    id: InquiryId,
    since: Timestamp,
    recorded: Option<(Timestamp, OutgoingMessage)>,
) -> Result<Option<OutgoingMessage>, PageError> {
    let internal =
        |e: StoreError| PageError::internal(format_args!("a status page could not be read: {e}"));
    if let Some((_, message)) = recorded.filter(|(at, _)| *at >= since) {
        return Ok(Some(message));
    }
    let outbox = app.store.outbox_for_inquiry(id).await.map_err(internal)?;
    let newest = outbox
        .iter()
        .rev()
        .find(|o| o.kind == MessageKind::InformationRequest && o.created_at >= since);
    match newest {
        Some(o) => Ok(Some(
            app.store.outbox_item(o.id).await.map_err(internal)?.message,
        )),
        None => Ok(None),
    }
}

fn date(t: &Messages, at: Timestamp) -> String {
    t.date(at.to_zoned(COPENHAGEN.clone()).date())
}

fn message_view(t: &'static Messages, at: Timestamp, message: &OutgoingMessage) -> MessageView {
    MessageView {
        label: match message.kind {
            MessageKind::Acknowledgment => t.msg_acknowledgment,
            MessageKind::Answer => t.msg_answer,
            MessageKind::Decision => t.msg_decision,
            MessageKind::ExtensionNotice => t.msg_extension,
            MessageKind::InformationRequest => t.msg_information_request,
            MessageKind::Other => t.msg_other,
            MessageKind::StatusLink => LinkWords::of(t.lang).message_label,
        },
        date: date(t, at),
        body: mask(&message.body),
    }
}

impl csrf::Protected for FeedbackForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}
