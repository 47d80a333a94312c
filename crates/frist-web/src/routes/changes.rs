//! Changing an inquiry: appending events (an extension's notice queued with it), after the
//! rules have checked what goes to the citizen; messages are in `messages`. The store applies
//! each event through the lifecycle in one transaction, so a refused or rule-breaking request
//! leaves everything stored as it was.

use super::inquiries::not_found;
use super::params::InquiryId;
use crate::auth::Caller;
use crate::body::{JsonBytes, describe, from_json, from_value, message};
use crate::error::ApiError;
use crate::outgoing::{self, Route};
use crate::state::AppState;
use crate::views::{self, Detail};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use frist_channels::outbox::NoRecipient;
use frist_core::rules::{self, Violation};
use frist_core::{Event, EventKind, OutgoingMessage};
use frist_store::{OutboxStore, OutboxSummary, Store, StoredInquiry};
use jiff::Timestamp;
use serde_json::{Map, Value};
use tracing::{Span, instrument};

/// The event types a client may append (`received` is created by intake, and `message_sent`
/// by the messages route, where the rules are checked).
pub const EVENT_TYPES: &[&str] = &[
    "opened",
    "assigned",
    "callback_completed",
    "callback_attempted",
    "note",
    "referred",
    "handed_over",
    "awaiting_citizen_started",
    "awaiting_citizen_ended",
    "deadline_extended",
    "reclassified",
    "error_registered",
    "feedback_received",
    "closed",
    "reopened",
];

/// `POST /api/v1/inquiries/{id}/events`: 201 with the updated inquiry. An extension's notice
/// is queued in the outbox with the event, in one transaction (on a channel without a
/// delivery the event alone tells the citizen, on the status page).
#[instrument(skip_all, fields(inquiry = id.0, event))]
pub async fn append_event<S: Store + OutboxStore + 'static>(
    State(state): State<AppState<S>>,
    caller: Caller,
    id: InquiryId,
    JsonBytes(bytes): JsonBytes,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let now = state.now();
    let (kind, at) = parse_event(&bytes, now)?;
    Span::current().record("event", kind.name());
    let mut warnings = Vec::new();
    let mut route = Route::Direct;
    if let EventKind::DeadlineExtended {
        new_due_date,
        reason,
        notice,
        ..
    } = &kind
    {
        // The notice goes to the citizen, so it is checked like any other message too.
        let stored = state.store.get_inquiry(id.0).await.map_err(not_found)?;
        let policy = state.policy_of(stored.policy_id).await?;
        let mut found = rules::check_extension(*new_due_date, reason, notice, &policy.policy);
        found.extend(rules::check_message(
            &stored.inquiry,
            notice,
            &policy.policy,
        ));
        warnings = pass(found)?;
        let actor = Some(caller.name.clone());
        route = outgoing::route(&state, id.0, &stored.inquiry, notice.clone(), actor, at)
            .map_err(|e| no_recipient("notice.channel", e))?;
    }
    let event = Event {
        at,
        actor: Some(caller.name),
        kind,
    };
    let updated = match route {
        Route::Outbox(new) => {
            let (updated, _) = state
                .store
                .append_and_enqueue(event, *new)
                .await
                .map_err(not_found)?;
            state.outbox.wake.notify_one();
            updated
        }
        Route::Direct => state
            .store
            .append_event(id.0, event)
            .await
            .map_err(not_found)?,
    };
    let outgoing = state.store.outbox_for_inquiry(id.0).await?;
    Ok((
        StatusCode::CREATED,
        Json(updated_view(&updated, warnings, &outgoing, now)),
    ))
}

/// A message on a channel the sender left no address for.
pub(super) fn no_recipient(field: &str, e: NoRecipient) -> ApiError {
    ApiError::invalid(
        field,
        format!("{e}: choose a channel the citizen can be reached by"),
    )
}

/// The violations that only warn, or the problem if any blocks.
pub(super) fn pass(violations: Vec<Violation>) -> Result<Vec<Violation>, ApiError> {
    if rules::blocking(&violations).next().is_some() {
        Err(ApiError::RulesBroken { violations })
    } else {
        Ok(violations)
    }
}

pub(super) fn updated_view(
    updated: &StoredInquiry,
    warnings: Vec<Violation>,
    outgoing: &[OutboxSummary],
    now: Timestamp,
) -> Value {
    let mut view = views::inquiry(updated, None, Detail::default(), now);
    if let Some(object) = view.as_object_mut() {
        object.insert(
            "warnings".into(),
            serde_json::to_value(warnings).unwrap_or_default(),
        );
        object.insert("outgoing".into(), outgoing::list(outgoing));
    }
    view
}

/// Reads `{"type": …, "at"?: …, …fields}` into an event kind and its instant (default now).
///
/// `EventKind` is tagged by `type`, and serde loses the field path inside such enums, so the
/// type is checked here first and a field error is traced back to its field (see [`locate`]).
fn parse_event(bytes: &[u8], now: Timestamp) -> Result<(EventKind, Timestamp), ApiError> {
    let Value::Object(mut object) = from_json::<Value>(bytes)? else {
        return Err(ApiError::Invalid {
            field: None,
            detail: "the body must be a JSON object like {\"type\":\"opened\"}".into(),
        });
    };
    let at = match object.remove("at") {
        None | Some(Value::Null) => now,
        Some(value) => {
            let at: Timestamp = from_value(value, "at")?;
            if at > now {
                return Err(ApiError::invalid("at", "at must not be in the future"));
            }
            at
        }
    };
    let kind_name = match object.get("type") {
        None => return Err(ApiError::invalid("type", "missing field \"type\"")),
        Some(Value::String(name)) => name.clone(),
        Some(_) => return Err(ApiError::invalid("type", "type must be a string")),
    };
    match kind_name.as_str() {
        "received" => {
            return Err(ApiError::invalid(
                "type",
                "an inquiry is received once, by POST /api/v1/inquiries; \"received\" cannot be appended",
            ));
        }
        "message_sent" | "message_queued" | "message_failed" => {
            return Err(ApiError::invalid(
                "type",
                "messages are sent by POST /api/v1/inquiries/{id}/messages, where the rules are checked; \
                 the outbox records their delivery",
            ));
        }
        name if !EVENT_TYPES.contains(&name) => {
            return Err(ApiError::invalid(
                "type",
                format!(
                    "unknown event type \"{name}\"; expected one of: {}",
                    EVENT_TYPES.join(", ")
                ),
            ));
        }
        _ => {}
    }
    let kind: EventKind = serde_json::from_value(Value::Object(object.clone()))
        .map_err(|e| locate(&object, &message(&e)))?;
    refuse_unknown_fields(&object, &kind)?;
    Ok((kind, at))
}

/// Finds the field an event's data error is about: the one field that, alone with `type`,
/// gives the same error. Missing fields are named by serde itself.
fn locate(object: &Map<String, Value>, error: &str) -> ApiError {
    let alone = |key: Option<&str>| -> Option<String> {
        let mut trial = Map::new();
        if let Some(t) = object.get("type") {
            trial.insert("type".into(), t.clone());
        }
        if let Some((k, v)) = key.and_then(|k| object.get_key_value(k)) {
            trial.insert(k.clone(), v.clone());
        }
        serde_json::from_value::<EventKind>(Value::Object(trial))
            .err()
            .map(|e| message(&e))
    };
    if alone(None).as_deref() == Some(error) {
        return describe("", error);
    }
    let culprit = object
        .keys()
        .filter(|k| k.as_str() != "type")
        .find(|k| alone(Some(k)).as_deref() == Some(error));
    match culprit {
        // The notice is a message: read it again as one, to name the field inside it.
        Some(key) if key == "notice" => match object.get(key) {
            Some(notice) => from_value::<OutgoingMessage>(notice.clone(), key)
                .err()
                .unwrap_or_else(|| describe(key, error)),
            None => describe(key, error),
        },
        Some(key) => describe(key, error),
        None => describe("", error),
    }
}

/// Event kinds accept fields they do not know; the API does not, so a typo is not lost.
fn refuse_unknown_fields(object: &Map<String, Value>, kind: &EventKind) -> Result<(), ApiError> {
    let known = match serde_json::to_value(kind) {
        Ok(Value::Object(known)) => known,
        _ => return Ok(()),
    };
    if let Some(unknown) = object.keys().find(|k| !known.contains_key(k.as_str())) {
        let mut expected: Vec<&str> = known
            .keys()
            .map(String::as_str)
            .filter(|k| *k != "type")
            .collect();
        expected.push("at");
        return Err(ApiError::invalid(
            unknown.clone(),
            format!(
                "unknown field \"{unknown}\" for event type \"{}\"; expected one of: {}",
                kind.name(),
                expected.join(", ")
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn now() -> Timestamp {
        "2026-12-23T15:00:00+01:00".parse().unwrap()
    }

    fn refusal(json: &str) -> (Option<String>, String) {
        match parse_event(json.as_bytes(), now()) {
            Err(ApiError::Invalid { field, detail }) => (field, detail),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn every_listed_event_type_is_one_the_core_knows() {
        for name in EVENT_TYPES {
            let result = serde_json::from_value::<EventKind>(json!({"type": name}));
            if let Err(e) = result {
                assert!(!e.to_string().contains("unknown variant"), "{name}: {e}");
            }
        }
    }

    #[test]
    fn an_event_without_at_happens_now() {
        let (kind, at) =
            parse_event(br#"{"type":"assigned","caseworker":"mette"}"#, now()).unwrap();
        assert_eq!(kind.name(), "assigned");
        assert_eq!(at, now());
    }

    #[test]
    fn event_field_errors_name_the_field() {
        assert_eq!(
            refusal(r#"{"type":"assigned","caseworker":5}"#)
                .0
                .as_deref(),
            Some("caseworker")
        );
        assert_eq!(
            refusal(r#"{"type":"assigned"}"#).0.as_deref(),
            Some("caseworker")
        );
        let (field, detail) = refusal(r#"{"type":"closed","reason":"bored"}"#);
        assert_eq!(field.as_deref(), Some("reason"));
        assert!(
            detail.starts_with("unknown close reason \"bored\""),
            "{detail}"
        );
        let (field, _) = refusal(
            r#"{"type":"deadline_extended","goal":"STE-3","requires":"answer","new_due_date":"2027-01-15","reason":"r","notice":{"kind":"extension_notice","channel":"fax","body":"b"}}"#,
        );
        assert_eq!(field.as_deref(), Some("notice.channel"));
        let (field, _) = refusal(r#"{"type":"opened","caseworker":"x"}"#);
        assert_eq!(field.as_deref(), Some("caseworker"));
        let (field, detail) = refusal(r#"{"type":"fax"}"#);
        assert_eq!(field.as_deref(), Some("type"));
        assert!(detail.starts_with("unknown event type \"fax\""), "{detail}");
        assert_eq!(refusal(r#"{"type":"received"}"#).0.as_deref(), Some("type"));
        let (field, _) = refusal(r#"{"type":"opened","at":"2027-01-01T00:00:00Z"}"#);
        assert_eq!(field.as_deref(), Some("at"));
    }
}
