//! "Send kvittering/svar": the message form on the inquiry page, pre-filled from the policy and
//! the signed-in caseworker, checked by `frist_core::rules` before anything is stored.
//!
//! A message the rules block is not stored: the page comes back with every rule named (rule and
//! goal or law) in the reader's language, and everything typed kept.

use super::i18n::StaffMessages;
use super::inquiry::{Loaded, load, render};
use super::session;
use super::signer::{self, Signer};
use super::texts;
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::visitor::Visitor;
use crate::paths;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_channels::outbox::{delivered_through_outbox, outbox_item};
use frist_core::rules::{Severity, check_message};
use frist_core::{ComplaintGuidance, Event, EventKind, Inquiry, MessageKind, OutgoingMessage};
use frist_i18n::Lang;
use frist_policy::{Channel, Policy, Requirement, Template};
use frist_store::{OutboxStore, ScanStore, Store, StoreError};
use serde::Deserialize;

/// What the form sends; every field may be missing or empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ReplyForm {
    pub csrf: String,
    pub kind: String,
    pub channel: String,
    pub body: String,
    pub caseworker: String,
    pub contact: String,
    pub next_step: String,
    pub expected: String,
    /// Present ("on") when the box is ticked.
    pub appealable: Option<String>,
    pub complaint_body: String,
    pub complaint_how: String,
    pub complaint_deadline: String,
}

/// A rule the message breaks, as shown (on the page, and as JSON by the live check).
#[derive(Debug, Clone, serde::Serialize)]
pub(crate) struct RuleView {
    pub rule: &'static str,
    pub source: String,
    pub text: String,
}

/// The rules `violations` name, in the reader's language: (those that block, warnings).
pub(crate) fn rule_views(
    violations: &[frist_core::rules::Violation],
    lang: Lang,
) -> (Vec<RuleView>, Vec<RuleView>) {
    let view = |v: &frist_core::rules::Violation| RuleView {
        rule: v.rule,
        source: v.source.clone(),
        text: match lang {
            Lang::Da | Lang::De => v.message_da.clone(),
            Lang::En => v.message.clone(),
        },
    };
    let of = |severity: Severity| {
        violations
            .iter()
            .filter(|v| v.severity == severity)
            .map(view)
            .collect()
    };
    (of(Severity::Block), of(Severity::Warn))
}

/// A problem with one field of the form.
#[derive(Debug, Clone)]
pub(crate) struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

/// The form's state on the page.
#[derive(Debug, Clone, Default)]
pub(crate) struct ReplyState {
    pub form: ReplyForm,
    pub blocked: Vec<RuleView>,
    pub warnings: Vec<RuleView>,
    pub errors: Vec<FieldError>,
    /// Another action on the page (note, close, …) that the lifecycle refused, in plain words.
    pub refusal: Option<&'static str>,
    /// Which form the refusal is shown next to: "" for the close form (the default), or a
    /// promise action's form (`callback`, `classify`, `reopen`).
    pub refusal_at: &'static str,
}

pub(crate) const KINDS: [(&str, MessageKind); 3] = [
    ("acknowledgment", MessageKind::Acknowledgment),
    ("answer", MessageKind::Answer),
    ("decision", MessageKind::Decision),
];

/// The form as the caseworker first sees it, signed by `signer`; its text from the kind's
/// template (`edited`: the administrator's templates).
pub(crate) fn prefill(
    inquiry: &Inquiry,
    policy: &Policy,
    edited: &[Template],
    signer: &Signer,
) -> ReplyForm {
    let acknowledge = inquiry
        .obligations
        .iter()
        .any(|o| o.requires == Requirement::Acknowledgment && o.is_open());
    let kind = if acknowledge {
        MessageKind::Acknowledgment
    } else {
        MessageKind::Answer
    };
    let channel = reply_channel(inquiry);
    let case_type = inquiry
        .case_type
        .as_deref()
        .and_then(|id| policy.case_type(id));
    let (next_step, expected) = kind_extras(inquiry, kind);
    ReplyForm {
        csrf: String::new(),
        kind: kind_value(kind).into(),
        channel: channel.as_str().into(),
        body: texts::starting_text(
            inquiry,
            policy,
            edited,
            signer,
            texts::template_kind(kind),
            texts::Values::default(),
        ),
        caseworker: signer.id.clone(),
        contact: signer.contact(policy),
        next_step,
        expected,
        appealable: case_type.filter(|c| c.appealable).map(|_| "on".into()),
        complaint_body: case_type
            .and_then(|c| c.complaint_to.clone())
            .unwrap_or_default(),
        complaint_how: case_type
            .and_then(|c| c.complaint_guidance.clone())
            .unwrap_or_default(),
        complaint_deadline: case_type
            .and_then(|c| c.complaint_deadline.clone())
            .unwrap_or_default(),
    }
}

/// A message the inquiry page writes on `me`'s behalf (an extension's notice, an information
/// request): on the channel the reply form would offer, signed by `me` with the directory's
/// contact, and with `date` as the date it names.
pub(crate) fn signed(
    inquiry: &Inquiry,
    policy: &Policy,
    me: &Signer,
    kind: MessageKind,
    body: String,
    date: frist_calendar::Date,
) -> OutgoingMessage {
    let channel = reply_channel(inquiry);
    OutgoingMessage {
        kind,
        channel,
        body,
        caseworker: Some(me.name.clone()),
        contact: Some(me.contact(policy)),
        next_step: None,
        expected_answer_date: Some(date),
        appealable: false,
        complaint_guidance: None,
    }
}

/// The channel a message to this citizen takes: Digital Post when a CPR number is involved
/// (never plain e-mail), else e-mail when there is an address, else the channel they used.
fn reply_channel(inquiry: &Inquiry) -> Channel {
    if inquiry.involves_cpr() {
        Channel::DigitalPost
    } else if inquiry.received.sender.email.is_some() {
        Channel::Email
    } else {
        inquiry.received.channel
    }
}

/// The form value of a kind the reply form offers.
pub(crate) fn kind_value(kind: MessageKind) -> &'static str {
    KINDS
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("answer", |(v, _)| v)
}

/// The next step and the expected answer date a kind starts with: an acknowledgment says what
/// happens next and when the answer comes; a final answer or decision says neither.
pub(crate) fn kind_extras(inquiry: &Inquiry, kind: MessageKind) -> (String, String) {
    if kind != MessageKind::Acknowledgment {
        return (String::new(), String::new());
    }
    let w = super::words::reply::ReplyWords::of(signer::citizen_lang(inquiry));
    (
        w.next_step.into(),
        signer::expected_answer(inquiry)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    )
}

/// The message the form describes, or the fields that are wrong.
pub(crate) fn parse(
    form: &ReplyForm,
    s: &StaffMessages,
    signers: &[Signer],
    policy: &Policy,
) -> Result<OutgoingMessage, Vec<FieldError>> {
    let mut errors = Vec::new();
    let signer = signers.iter().find(|c| c.id == form.caseworker);
    if signer.is_none() {
        errors.push(FieldError {
            field: "caseworker",
            message: s.err_caseworker,
        });
    }
    let kind = KINDS.iter().find(|(v, _)| *v == form.kind).map(|(_, k)| *k);
    if kind.is_none() {
        errors.push(FieldError {
            field: "kind",
            message: s.err_kind,
        });
    }
    let channel = form.channel.parse::<Channel>().ok();
    if channel.is_none() {
        errors.push(FieldError {
            field: "channel",
            message: s.err_channel,
        });
    }
    if form.body.trim().is_empty() {
        errors.push(FieldError {
            field: "body",
            message: s.err_body_missing,
        });
    }
    let expected = match form.expected.trim() {
        "" => None,
        text => match text.parse() {
            Ok(date) => Some(date),
            Err(_) => {
                errors.push(FieldError {
                    field: "expected",
                    message: s.err_expected,
                });
                None
            }
        },
    };
    let (Some(kind), Some(channel), Some(signer), true) =
        (kind, channel, signer, errors.is_empty())
    else {
        return Err(errors);
    };
    let text = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_owned());
    // A final answer or decision promises nothing more: what the acknowledgment said about the
    // next step and the answer date does not belong in it.
    let (next_step, expected) = if kind.is_final() {
        (None, None)
    } else {
        (text(&form.next_step), expected)
    };
    let guidance = ComplaintGuidance {
        body: form.complaint_body.trim().to_owned(),
        how: form.complaint_how.trim().to_owned(),
        deadline: form.complaint_deadline.trim().to_owned(),
    };
    let any_guidance = guidance != ComplaintGuidance::default();
    Ok(OutgoingMessage {
        kind,
        channel,
        body: form.body.trim().to_owned(),
        caseworker: Some(signer.name.clone()),
        contact: Some(signer.contact(policy)),
        next_step,
        expected_answer_date: expected,
        appealable: form.appealable.is_some(),
        complaint_guidance: any_guidance.then_some(guidance),
    })
}

pub(crate) async fn submit<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ReplyForm>, FormRejection>,
) -> Result<Response, PageError> {
    // Before anything else: a post that did not come from our own form changes nothing.
    let (form, user) = session::form_post(&app, &visitor, form, &[]).await?;
    let loaded: Loaded = load(&app, &user, id, "body").await?;
    let s = StaffMessages::of(visitor.staff_lang());
    let mut state = ReplyState {
        form: form.clone(),
        ..ReplyState::default()
    };
    let signers = signers_for(&app, &user.username).await?;
    let message = match parse(&form, s, &signers, &loaded.policy.policy) {
        Ok(message) => message,
        Err(errors) => {
            state.errors = errors;
            return render(
                &app,
                &visitor,
                user,
                loaded,
                state,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let violations = check_message(&loaded.stored.inquiry, &message, &loaded.policy.policy);
    (state.blocked, state.warnings) = rule_views(&violations, visitor.staff_lang());
    if !state.blocked.is_empty() {
        return render(
            &app,
            &visitor,
            user,
            loaded,
            state,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let channel = message.channel;
    let event = Event {
        at: app.now(),
        actor: Some(user.username.clone()),
        kind: EventKind::MessageSent {
            message,
            outbox_id: None,
        },
    };
    // Channels with a delivery: into the outbox; the event is recorded when the channel's
    // server accepted the message. The others reach the citizen without one: recorded now.
    let result = if delivered_through_outbox(channel) {
        // Refused now rather than after delivery when the inquiry cannot take the message.
        let mut preview = loaded.stored.inquiry.clone();
        match preview.apply(&event, &loaded.policy.policy) {
            Ok(()) => enqueue(&app, &loaded, event).await,
            Err(e) => Err(Refusal::Store(StoreError::Refused(e))),
        }
    } else {
        app.store
            .append_event(id, event)
            .await
            .map(|_| format!("{}?sendt=1", paths::inquiry(id)))
            .map_err(Refusal::Store)
    };
    match result {
        Ok(location) => Ok(super::see_other(&location, &[])),
        Err(Refusal::NoRecipient(channel)) => {
            state.errors = vec![FieldError {
                field: "channel",
                message: no_recipient(s, channel),
            }];
            render(
                &app,
                &visitor,
                user,
                loaded,
                state,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(Refusal::Store(StoreError::Refused(_))) => {
            state.errors = vec![FieldError {
                field: "kind",
                message: s.err_refused,
            }];
            render(
                &app,
                &visitor,
                user,
                loaded,
                state,
                None,
                StatusCode::CONFLICT,
            )
            .await
        }
        Err(Refusal::Store(e)) => Err(PageError::internal(e)),
    }
}

/// Who may sign a reply: the directory, the signed-in user first.
pub(crate) async fn signers_for<S: Store>(
    app: &AppState<S>,
    username: &str,
) -> Result<Vec<Signer>, PageError> {
    let (caseworkers, units) = tokio::try_join!(app.store.caseworkers(), app.store.units())?;
    Ok(signer::signers(&caseworkers, &units, username))
}

/// Why a message was not taken.
enum Refusal {
    /// The inquiry holds no address for the channel.
    NoRecipient(Channel),
    Store(StoreError),
}

/// What is missing for `channel`, said so that the caseworker knows what to do.
fn no_recipient(s: &StaffMessages, channel: Channel) -> &'static str {
    match channel {
        Channel::Letter => s.err_no_postal_address,
        Channel::Email => s.err_no_email_address,
        Channel::DigitalPost => s.err_no_cpr_or_cvr,
        _ => s.err_no_recipient,
    }
}

/// Puts the message of `event` in the outbox and wakes the dispatcher; returns where to go.
async fn enqueue<S: Store + OutboxStore + ScanStore>(
    app: &AppState<S>,
    loaded: &Loaded,
    event: Event,
) -> Result<String, Refusal> {
    let EventKind::MessageSent { message, .. } = event.kind else {
        return Err(Refusal::Store(StoreError::Other(
            "only a message can be queued".into(),
        )));
    };
    let channel = message.channel;
    let delivered = app.outbox.delivering.contains(&channel);
    let id = loaded.stored.id;
    let item = outbox_item(
        id,
        &loaded.stored.inquiry,
        message,
        &app.outbox.domain,
        event.actor,
        event.at,
    )
    .map_err(|_| Refusal::NoRecipient(channel))?;
    app.store.enqueue(item).await.map_err(Refusal::Store)?;
    app.outbox.wake.notify_one();
    Ok(format!(
        "{}?koe={}",
        paths::inquiry(id),
        u8::from(delivered)
    ))
}

impl csrf::Protected for ReplyForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}
