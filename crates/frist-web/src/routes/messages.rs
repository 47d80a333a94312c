//! `POST /api/v1/inquiries/{id}/messages`: a message to the citizen, checked against the rules
//! first, then queued in the outbox (or recorded at once on a channel without a delivery).

use super::changes::{no_recipient, pass, updated_view};
use super::inquiries::not_found;
use super::params::InquiryId;
use crate::auth::Caller;
use crate::body::JsonBody;
use crate::error::{ApiError, refusal_code};
use crate::outgoing::{self, Route};
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use frist_calendar::Date;
use frist_core::rules;
use frist_core::{ComplaintGuidance, Event, EventKind, MessageKind, OutgoingMessage};
use frist_policy::Channel;
use frist_store::{OutboxStore, Store};
use serde::Deserialize;
use serde_json::{Value, json};
use tracing::{Span, instrument};

/// The body of `POST /api/v1/inquiries/{id}/messages`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MessageRequest {
    kind: MessageKind,
    channel: Channel,
    body: String,
    #[serde(default)]
    caseworker: Option<String>,
    #[serde(default)]
    contact: Option<String>,
    #[serde(default)]
    next_step: Option<String>,
    #[serde(default)]
    expected_answer_date: Option<Date>,
    #[serde(default)]
    appealable: bool,
    #[serde(default)]
    complaint_guidance: Option<ComplaintGuidance>,
    /// Check only: store nothing and answer 200 with what the rules say.
    #[serde(default)]
    dry_run: bool,
}

impl MessageRequest {
    fn into_message(self) -> (OutgoingMessage, bool) {
        let message = OutgoingMessage {
            kind: self.kind,
            channel: self.channel,
            body: self.body,
            caseworker: self.caseworker,
            contact: self.contact,
            next_step: self.next_step,
            expected_answer_date: self.expected_answer_date,
            appealable: self.appealable,
            complaint_guidance: self.complaint_guidance,
        };
        (message, self.dry_run)
    }
}

/// `POST /api/v1/inquiries/{id}/messages`: the rules first; a blocking violation is 422; a dry
/// run answers 200 `{ok, violations}`. A message on a channel with a delivery (e-mail, Digital
/// Post, letter, Facebook) is queued in the outbox with its `message_queued` event (it counts
/// from now: see `frist_core`'s `delivery` module): 201 with the queued entry as `message`;
/// `message_sent` follows when the channel accepted it. Any other channel reaches the citizen
/// without a delivery: a `message_sent` event at once, 201.
#[instrument(skip_all, fields(inquiry = id.0, dry_run))]
pub async fn send_message<S: Store + OutboxStore + 'static>(
    State(state): State<AppState<S>>,
    caller: Caller,
    id: InquiryId,
    JsonBody(request): JsonBody<MessageRequest>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let now = state.now();
    let (message, dry_run) = request.into_message();
    Span::current().record("dry_run", dry_run);
    let stored = state.store.get_inquiry(id.0).await.map_err(not_found)?;
    let policy = state.policy_of(stored.policy_id).await?;
    let violations = rules::check_message(&stored.inquiry, &message, &policy.policy);
    let event = Event {
        at: now,
        actor: Some(caller.name),
        kind: EventKind::MessageSent {
            outbox_id: None,
            message: message.clone(),
        },
    };
    // What the lifecycle would say, tried on a copy: a queued message is refused now rather
    // than after delivery.
    let refusal = stored.inquiry.clone().apply(&event, &policy.policy).err();
    if dry_run {
        let blocked = rules::blocking(&violations).next().is_some();
        let refused =
            refusal.map(|r| json!({"reason": refusal_code(&r).0, "detail": r.to_string()}));
        let ok = !blocked && refused.is_none();
        return Ok((
            StatusCode::OK,
            Json(json!({"ok": ok, "violations": violations, "refused": refused})),
        ));
    }
    let warnings = pass(violations)?;
    if let Some(refusal) = refusal {
        return Err(ApiError::Refused(refusal));
    }
    let route = outgoing::route(
        &state,
        id.0,
        &stored.inquiry,
        message,
        event.actor.clone(),
        now,
    )
    .map_err(|e| no_recipient("channel", e))?;
    match route {
        Route::Outbox(new) => {
            let item = state.store.enqueue(*new).await.map_err(not_found)?;
            state.outbox.wake.notify_one();
            let updated = state.store.get_inquiry(id.0).await.map_err(not_found)?;
            let outgoing = state.store.outbox_for_inquiry(id.0).await?;
            let mut view = updated_view(&updated, warnings, &outgoing, now);
            if let Some(object) = view.as_object_mut() {
                object.insert("message".into(), outgoing::entry(&item.summary()));
            }
            Ok((StatusCode::CREATED, Json(view)))
        }
        Route::Direct => {
            let updated = state
                .store
                .append_event(id.0, event)
                .await
                .map_err(not_found)?;
            let outgoing = state.store.outbox_for_inquiry(id.0).await?;
            Ok((
                StatusCode::CREATED,
                Json(updated_view(&updated, warnings, &outgoing, now)),
            ))
        }
    }
}
