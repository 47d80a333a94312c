//! Messages to the citizen from the API and from the page actions that write one themselves
//! (an extension's notice, an information request): how one becomes an outbox row, and how the
//! API lists an inquiry's outgoing messages.
//!
//! Nothing here is called sent: the dispatcher records `message_sent` when the channel's
//! server accepted the message. The list carries no body and no recipient (a recipient can be
//! a CPR reference).

use crate::state::AppState;
use frist_channels::outbox::{NoRecipient, delivered_through_outbox, outbox_item};
use frist_core::{Inquiry, OutgoingMessage};
use frist_store::{InquiryId, NewOutboxItem, OutboxState, OutboxSummary};
use jiff::Timestamp;
use serde_json::{Map, Value, json};

/// How a message about an inquiry reaches the citizen.
#[derive(Debug)]
pub(crate) enum Route {
    /// Through the outbox: the row to queue.
    Outbox(Box<NewOutboxItem>),
    /// Without a delivery (the web form's status page, phone, in person): the message is
    /// recorded on the inquiry and shown where the citizen looks.
    Direct,
}

/// The way `message` goes: an outbox row on a channel with a delivery (with a status link when
/// it is an acknowledgment: see `frist_channels::outbox::outbox_item`), or directly. A channel
/// the sender left no address for is `NoRecipient`, and nothing should be stored.
pub(crate) fn route<S>(
    app: &AppState<S>,
    inquiry_id: InquiryId,
    inquiry: &Inquiry,
    message: OutgoingMessage,
    actor: Option<String>,
    at: Timestamp,
) -> Result<Route, NoRecipient> {
    if !delivered_through_outbox(message.channel) {
        return Ok(Route::Direct);
    }
    let item = outbox_item(inquiry_id, inquiry, message, &app.outbox.domain, actor, at)?;
    Ok(Route::Outbox(Box::new(item)))
}

/// One outgoing message as the API shows it: `{id, kind, channel, state, queued_at, sent_at?,
/// error?}`.
pub(crate) fn entry(o: &OutboxSummary) -> Value {
    let mut object = Map::new();
    object.insert("id".into(), json!(o.id));
    object.insert("kind".into(), json!(o.kind));
    object.insert("channel".into(), json!(o.channel));
    object.insert("state".into(), json!(o.state.as_str()));
    object.insert("queued_at".into(), json!(o.created_at));
    if let Some(at) = o.sent_at {
        object.insert("sent_at".into(), json!(at));
    }
    // A sent row's note says it was delivered but not recorded; other rows say why they wait.
    if let Some(error) = &o.last_error {
        object.insert("error".into(), json!(error));
    }
    Value::Object(object)
}

/// The `outgoing` list, oldest first.
pub(crate) fn list(items: &[OutboxSummary]) -> Value {
    Value::Array(items.iter().map(entry).collect())
}

/// Every state a row can be in, for the OpenAPI document.
pub(crate) fn state_names() -> Vec<&'static str> {
    OutboxState::ALL.iter().map(|s| s.as_str()).collect()
}
