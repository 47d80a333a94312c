//! The schema of an event to append: one object schema per event type, each with exactly its
//! own fields, joined by a `oneOf` with a discriminator on `type`. Generated clients and
//! fuzzers then know which fields each type needs, as the server does.

use super::schemas::{calendar_date, calendar_instant, schema, set, text};
use serde_json::{Map, Value, json};

/// `(type, required fields, optional fields)` of each event type a client may append; the
/// order is `routes::EVENT_TYPES`'s, which a test checks.
fn event_types() -> Vec<(&'static str, Value, Value)> {
    vec![
        ("opened", json!({}), json!({})),
        (
            "assigned",
            json!({"caseworker": text("The caseworker's user name.")}),
            json!({}),
        ),
        (
            "callback_completed",
            json!({}),
            json!({"summary": {"type": ["string", "null"], "description": "The outcome of the call."}}),
        ),
        (
            "callback_attempted",
            json!({}),
            json!({"outcome": {"type": ["string", "null"], "description": "Why the citizen was not reached (no answer, busy, voicemail). Meets triage, not the callback."}}),
        ),
        (
            "note",
            json!({"text": text("The note.")}),
            json!({"visible_to_citizen": {"type": "boolean", "default": false}}),
        ),
        (
            "referred",
            json!({"to_unit": text("The unit or authority it goes to.")}),
            json!({}),
        ),
        (
            "handed_over",
            json!({"to_caseworker": text("The colleague who continues.")}),
            json!({}),
        ),
        ("awaiting_citizen_started", json!({}), json!({})),
        ("awaiting_citizen_ended", json!({}), json!({})),
        (
            "deadline_extended",
            json!({
                "goal": {"type": "string", "description": "The goal's id, e.g. STE-3; an open obligation of the inquiry."},
                "requires": schema("Requirement"),
                "new_due_date": calendar_date("The new due date: a working day after the current one."),
                "reason": text("Why it takes longer."),
                "notice": schema("ExtensionNotice")
            }),
            json!({}),
        ),
        (
            "reclassified",
            json!({"kind": schema("InquiryKind")}),
            json!({"case_type": {"type": ["string", "null"], "description": "A case type of the inquiry's policy."}}),
        ),
        (
            "error_registered",
            json!({"what": text("What went wrong.")}),
            json!({}),
        ),
        (
            "feedback_received",
            json!({}),
            json!({
                "score": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
                "comment": {"type": ["string", "null"]},
                "channel": {"oneOf": [schema("Channel"), {"type": "null"}], "description": "How feedback told to staff came (phone, letter, in person, e-mail); absent when the citizen gave it on the status page."},
                "complaint": {"type": "boolean", "default": false, "description": "A complaint about the service received (HTK-14, STE-12), rather than praise or criticism."}
            }),
        ),
        (
            "closed",
            json!({"reason": {"type": "string", "enum": ["answered", "handed_over", "withdrawn", "duplicate", "spam"]}}),
            json!({}),
        ),
        (
            "reopened",
            json!({}),
            json!({"reason": {"type": ["string", "null"], "description": "Why the inquiry is opened again."}}),
        ),
    ]
}

fn schema_name(event_type: &str) -> String {
    let mut name = String::from("Event");
    for word in event_type.split('_') {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.extend(first.to_uppercase());
            name.push_str(chars.as_str());
        }
    }
    name
}

/// `EventRequest` (the `oneOf`) and one `Event…` schema per type.
pub fn schemas() -> Map<String, Value> {
    let mut all = Map::new();
    let mut variants = Vec::new();
    let mut mapping = Map::new();
    for (event_type, required, optional) in event_types() {
        let name = schema_name(event_type);
        let mut properties = Map::new();
        properties.insert(
            "type".into(),
            json!({"type": "string", "const": event_type}),
        );
        let mut at = calendar_instant(
            "When it happened; absent or null: now. Not in the future, not before the inquiry was received.",
        );
        set(&mut at, &["type"], json!(["string", "null"]));
        properties.insert("at".into(), at);
        let mut names = vec![Value::from("type")];
        if let (Value::Object(required), Value::Object(optional)) = (required, optional) {
            names.extend(required.keys().cloned().map(Value::from));
            properties.extend(required);
            properties.extend(optional);
        }
        let mut variant = json!({
            "type": "object",
            "additionalProperties": false,
            "required": names,
            "properties": properties
        });
        if event_type == "feedback_received" {
            // A score, or a comment with something in it, or both.
            set(
                &mut variant,
                &["anyOf"],
                json!([
                    {"required": ["score"], "properties": {"score": {"type": "integer"}}},
                    {"required": ["comment"], "properties": {"comment": {"type": "string", "pattern": "\\S"}}}
                ]),
            );
        }
        mapping.insert(
            event_type.into(),
            Value::from(format!("#/components/schemas/{name}")),
        );
        variants.push(schema(&name));
        all.insert(name, variant);
    }
    all.insert(
        "EventRequest".into(),
        json!({
            "description": "An event to append: `type` says which, and each type has its own fields. `received` is created by POST /api/v1/inquiries; `message_queued` and `message_sent` by POST /api/v1/inquiries/{id}/messages and the outbox.",
            "oneOf": variants,
            "discriminator": {"propertyName": "type", "mapping": mapping}
        }),
    );
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_appendable_event_type_has_its_schema_in_order() {
        let documented: Vec<&str> = event_types().iter().map(|(t, _, _)| *t).collect();
        assert_eq!(documented, crate::routes::EVENT_TYPES);
        assert_eq!(
            schema_name("awaiting_citizen_started"),
            "EventAwaitingCitizenStarted"
        );
    }
}
