//! The inquiry page's outgoing messages: what the outbox holds for the inquiry and how far each
//! got, and a person's two decisions on a message that did not clearly get through — send it
//! again, or confirm that it arrived (which records it on the inquiry).

use super::StaffMessages;
use super::inquiry::Notice;
use super::{see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::visitor::Visitor;
use crate::paths;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use frist_store::{OutboxState, OutboxStore, OutboxSummary, ScanStore, Store, StoreError};
use serde::Deserialize;

/// One outgoing message as the page shows it.
#[derive(Debug)]
pub(crate) struct OutgoingRow {
    pub id: i64,
    pub channel: &'static str,
    pub kind: &'static str,
    pub state: &'static str,
    pub class: &'static str,
    pub attempts: u32,
    pub note: String,
    pub can_retry: bool,
    pub can_confirm: bool,
}

pub(crate) fn state_label(s: &StaffMessages, state: OutboxState) -> (&'static str, &'static str) {
    match state {
        OutboxState::Queued => (s.out_queued, "signal signal-none"),
        OutboxState::Sending => (s.out_sending, "signal signal-none"),
        OutboxState::Sent => (s.out_sent, "signal signal-on-track"),
        OutboxState::Failed => (s.out_failed, "signal signal-overdue"),
        OutboxState::Uncertain => (s.out_uncertain, "signal signal-today"),
    }
}

pub(crate) fn rows(
    s: &StaffMessages,
    items: Vec<OutboxSummary>,
    channel: impl Fn(frist_policy::Channel) -> &'static str,
    kind: impl Fn(frist_core::MessageKind) -> &'static str,
    when: impl Fn(jiff::Timestamp) -> String,
) -> Vec<OutgoingRow> {
    items
        .into_iter()
        .map(|o| {
            let (state, class) = state_label(s, o.state);
            // What happened in the reader's words first; the channel's own (technical, often
            // English) message after it, marked as such, for the IT department.
            let technical = |error: &str| s.out_technical.replace("{error}", error);
            let note = match (o.state, &o.last_error, o.sent_at) {
                (OutboxState::Sent, _, Some(at)) => when(at),
                (OutboxState::Failed, Some(error), _) => {
                    format!("{} {}", s.out_failed_explained, technical(error))
                }
                (OutboxState::Uncertain, Some(error), _) => {
                    format!("{} {}", s.out_uncertain_explained, technical(error))
                }
                (OutboxState::Queued, Some(error), _) => format!(
                    "{} {}",
                    s.out_retrying.replace("{when}", &when(o.next_attempt_at)),
                    technical(error)
                ),
                (_, Some(error), _) => technical(error),
                (OutboxState::Queued, None, _) => when(o.next_attempt_at),
                _ => String::new(),
            };
            OutgoingRow {
                id: o.id,
                channel: channel(o.channel),
                kind: kind(o.kind),
                state,
                class,
                attempts: o.attempts,
                note,
                can_retry: matches!(o.state, OutboxState::Failed | OutboxState::Uncertain),
                can_confirm: o.state == OutboxState::Uncertain,
            }
        })
        .collect()
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct OutgoingForm {
    csrf: String,
}

impl csrf::Protected for OutgoingForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

/// "Send igen": a failed or uncertain message is queued again, and the dispatcher woken.
pub(crate) async fn retry<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path((id, outbox_id)): Path<(i64, i64)>,
    visitor: Visitor,
    form: Result<Form<OutgoingForm>, FormRejection>,
) -> Result<Response, PageError> {
    decide(&app, &visitor, id, outbox_id, form, Notice::Requeued).await
}

/// "Den kom frem": an uncertain message is recorded as sent.
pub(crate) async fn confirm<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path((id, outbox_id)): Path<(i64, i64)>,
    visitor: Visitor,
    form: Result<Form<OutgoingForm>, FormRejection>,
) -> Result<Response, PageError> {
    decide(&app, &visitor, id, outbox_id, form, Notice::Confirmed).await
}

async fn decide<S: Store + OutboxStore + ScanStore>(
    app: &AppState<S>,
    visitor: &Visitor,
    id: i64,
    outbox_id: i64,
    form: Result<Form<OutgoingForm>, FormRejection>,
    decision: Notice,
) -> Result<Response, PageError> {
    csrf::checked(visitor, form)?;
    let user = session::require(app, visitor).await?;
    // The message must belong to the inquiry in the address.
    if app.store.outbox_item(outbox_id).await?.inquiry_id != id {
        return Err(PageError::NotFound);
    }
    let now = app.now();
    let done = match decision {
        Notice::Confirmed => app.store.mark_sent(outbox_id, now).await,
        _ => app.store.requeue(outbox_id, now).await,
    };
    match done {
        Ok(_) => {
            if matches!(decision, Notice::Requeued) {
                app.outbox.wake.notify_one();
            }
            tracing::info!(by = %user.username, outbox = outbox_id, ?decision, "an outgoing message was decided on");
            Ok(see_other(&decision.location(id), &[]))
        }
        // Someone else decided first, or the dispatcher moved on: show the page as it is now.
        Err(StoreError::Conflict(_)) => Ok(see_other(&paths::inquiry(id), &[])),
        Err(e) => Err(PageError::internal(e)),
    }
}
