//! The schemas of the document: requests, answers, the problem document and the vocabularies.

use frist_policy::{Addressee, Channel, InquiryKind, Requirement};
use serde_json::{Map, Value, json};

fn words<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| name(*v)).collect()
}

pub fn schema(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn nullable(type_name: &str) -> Value {
    json!({"type": [type_name, "null"]})
}

/// All schemas, from parts small enough for `json!`.
pub fn schemas() -> Value {
    let mut all = serde_json::Map::new();
    for part in [
        vocabulary_schemas(),
        sender_schemas(),
        inquiry_schemas(),
        change_schemas(),
        list_schemas(),
        outgoing_schemas(),
    ] {
        if let Value::Object(part) = part {
            all.extend(part);
        }
    }
    // Added here: the inquiry's `json!` is as large as the macro's recursion allows.
    if let Some(Value::Object(properties)) = all
        .get_mut("Inquiry")
        .and_then(|inquiry| inquiry.get_mut("properties"))
    {
        properties.insert(
            "outgoing".into(),
            json!({"type": "array", "items": schema("Outgoing"), "description": "The inquiry's messages to the citizen in the outbox, oldest first (in the single-inquiry view and write answers). No body, no recipient."}),
        );
        properties.insert(
            "message".into(),
            json!({"allOf": [schema("Outgoing")], "description": "In the answer to a message queued in the outbox: its entry."}),
        );
    }
    all.extend(super::events::schemas());
    all.extend(message_requests(&all));
    all.extend(directory_requests(&all));
    Value::Object(all)
}

/// Years 1901–2199 (`query::YEARS`): the calendar's range less a year's margin at each end.
const YEAR: &str = "(190[1-9]|19[1-9][0-9]|20[0-9]{2}|21[0-9]{2})";
/// A month and a day that exist in every year. 29 February is left out, since a pattern cannot
/// tell leap years; the server accepts it in leap years.
const MONTH_DAY: &str =
    "((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)";

/// A date the working-day calendar knows, `YYYY-MM-DD`.
pub fn calendar_date(description: &str) -> Value {
    json!({
        "type": "string",
        "pattern": format!("^{YEAR}-{MONTH_DAY}$"),
        "description": format!("{description} YYYY-MM-DD, 1901–2199."),
        "example": "2026-12-29"
    })
}

/// An instant in the calendar's years, RFC 3339 with `Z` or an offset.
pub fn calendar_instant(description: &str) -> Value {
    json!({
        "type": "string",
        "pattern": format!(
            "^{YEAR}-{MONTH_DAY}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{{1,9}})?(Z|[+-](0[0-9]|1[0-3]):[0-5][0-9])$"
        ),
        "description": format!("{description} RFC 3339 with Z or an offset, years 1901–2199."),
        "example": "2026-03-02T09:00:00+01:00"
    })
}

/// Sets `value` at `path` inside `target`, whose parents must exist (builders' use only).
pub fn set(target: &mut Value, path: &[&str], value: Value) {
    let Some((last, parents)) = path.split_last() else {
        return;
    };
    let mut here = target;
    for key in parents {
        match here.get_mut(*key) {
            Some(next) => here = next,
            None => return,
        }
    }
    if let Some(object) = here.as_object_mut() {
        object.insert((*last).to_owned(), value);
    }
}

/// Text that must say something: not empty, not only white space.
pub fn text(description: &str) -> Value {
    json!({"type": "string", "minLength": 1, "pattern": "\\S", "description": description})
}

fn instant() -> Value {
    json!({"type": "string", "format": "date-time", "description": "RFC 3339 with the Copenhagen offset."})
}

fn date() -> Value {
    json!({"type": "string", "format": "date"})
}

fn vocabulary_schemas() -> Value {
    let channels = words(Channel::ALL, Channel::as_str);
    let addressees = words(Addressee::ALL, Addressee::as_str);
    let kinds = words(InquiryKind::ALL, InquiryKind::as_str);
    let requirements = words(Requirement::ALL, Requirement::as_str);
    let message_kinds = [
        "acknowledgment",
        "answer",
        "decision",
        "extension_notice",
        "information_request",
        "other",
        "status_link",
    ];
    json!({
        "Id": {"type": "string", "pattern": "^[A-Za-z0-9._-]{1,64}$"},
        "Problem": {
            "type": "object",
            "description": "RFC 9457 problem details.",
            "required": ["type", "title", "status", "detail"],
            "properties": {
                "type": {"type": "string", "description": "urn:frist:problem:<kind>"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string"},
                "field": {"type": "string", "description": "The field or parameter that is wrong, e.g. `channel`, `sender.cpr`."},
                "reason": {"type": "string", "description": "For lifecycle refusals, e.g. `close_without_answer`."},
                "violations": {"type": "array", "items": schema("Violation")}
            }
        },
        "Violation": {
            "type": "object",
            "required": ["rule", "source", "severity", "message", "message_da"],
            "properties": {
                "rule": {"type": "string", "description": "e.g. complaint_guidance, secure_channel_for_cpr"},
                "source": {"type": "string", "description": "The goal (e.g. HTK-2) or law (FVL-25) it comes from."},
                "severity": {"type": "string", "enum": ["block", "warn"]},
                "message": {"type": "string"},
                "message_da": {"type": "string"}
            }
        },
        "Channel": {"type": "string", "enum": channels},
        "Addressee": {"type": "string", "enum": addressees},
        "InquiryKind": {"type": "string", "enum": kinds},
        "Requirement": {"type": "string", "enum": requirements},
        "MessageKind": {
            "type": "string",
            "enum": message_kinds,
            "description": "An acknowledgment (and a status_link message: Frist's own, which \
                only gives the citizen a new status link and meets no obligation) carries a \
                status link when it goes by e-mail, Digital Post, letter or Messenger."
        },
        "InquiryState": {"type": "string", "enum": ["new", "open", "awaiting_citizen", "closed"]},
        "OutgoingState": {
            "type": "string",
            "enum": crate::outgoing::state_names(),
            "description": "queued: waiting for its next attempt; sending: handed to the channel; sent: accepted and recorded; failed: refused for good or out of attempts; uncertain: interrupted while sending, a person decides."
        },
        "ObligationState": {"type": "string", "enum": ["pending", "met", "met_late", "breached", "paused", "waived"]}
    })
}

/// A CPR number's shape with a day and month that exist (29 February left out, as in
/// [`MONTH_DAY`]).
const CPR: &str = "^((0[1-9]|1[0-9]|2[0-8])(0[1-9]|1[0-2])|(29|30)(0[13-9]|1[0-2])|31(0[13578]|1[02]))[0-9]{2}[- ]?[0-9]{4}$";

/// Who sent an inquiry: as given (CPR and CVR numbers checked) and as answered (masked).
fn sender_schemas() -> Value {
    json!({
        "Sender": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "kind": {"type": "string", "enum": ["person", "business"], "default": "person"},
                "name": nullable("string"),
                "cpr": {"type": ["string", "null"], "description": "DDMMYY-SSSS (or DDMMYYSSSS, DDMMYY SSSS), masked (DDMMYY-XXXX) unless revealed."},
                "cvr": {"type": ["string", "null"], "description": "8 digits."},
                "email": nullable("string"),
                "phone": nullable("string"),
                "facebook_id": nullable("string"),
                "postal_address": {"type": ["string", "null"], "description": "Street, postcode and town, one per line; a letter is sent only with one."}
            }
        },
        "SenderRequest": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "kind": {"type": "string", "enum": ["person", "business"], "default": "person"},
                "name": nullable("string"),
                "cpr": {"type": ["string", "null"], "pattern": CPR, "description": "DDMMYY-SSSS (or DDMMYYSSSS, DDMMYY SSSS), a real date; masked (DDMMYY-XXXX) in answers unless revealed."},
                "cvr": {"type": ["string", "null"], "pattern": "^[0-9]{8}$", "description": "8 digits."},
                "email": nullable("string"),
                "phone": nullable("string"),
                "facebook_id": nullable("string"),
                "postal_address": {"type": ["string", "null"], "description": "Street, postcode and town, one per line; a letter is sent only with one."}
            }
        }
    })
}

fn inquiry_schemas() -> Value {
    let (instant, date) = (instant(), date());
    json!({
        "Attachment": {
            "type": "object",
            "additionalProperties": false,
            "required": ["name"],
            "properties": {"name": {"type": "string"}, "content_type": nullable("string"), "size": {"type": ["integer", "null"], "minimum": 0, "maximum": 18_446_744_073_709_551_615_u64, "description": "Bytes."}, "contains_cpr": {"type": "boolean", "default": false, "description": "The attachment's text contains a CPR number (set by intake)."}}
        },
        "NewInquiry": {
            "type": "object",
            "additionalProperties": false,
            "required": ["channel", "received_at"],
            "properties": {
                "channel": schema("Channel"),
                "to": {"allOf": [schema("Addressee")], "default": "general"},
                "kind": {"allOf": [schema("InquiryKind")], "default": "other"},
                "received_at": calendar_instant("When it arrived; not after the server's clock (a future instant is refused with 422)."),
                "subject": {"type": "string", "default": ""},
                "body": {"type": "string", "default": ""},
                "sender": schema("SenderRequest"),
                "unit": nullable("string"),
                "caseworker": {"type": ["string", "null"], "description": "The caseworker it goes to on arrival (e.g. the owner of the personal mailbox it was sent to); not a triage."},
                "case_type": {"type": ["string", "null"], "description": "A case type of the policy; adds its processing deadline."},
                "external_id": {"type": ["string", "null"], "description": "The channel's own id; intake is idempotent on (channel, external_id)."},
                "language": {"type": ["string", "null"], "description": "BCP 47 tag, e.g. da, en."},
                "attachments": {"type": "array", "items": schema("Attachment")}
            }
        },
        "Obligation": {
            "type": "object",
            "required": ["goal", "requires", "due_date", "due_at", "state"],
            "properties": {
                "goal": {"type": "string", "description": "The goal's id, e.g. ROS-1."},
                "requires": schema("Requirement"),
                "due_date": date,
                "due_at": instant,
                "state": schema("ObligationState"),
                "within": {"type": "string"},
                "pausable": {"type": "boolean"},
                "original_due_at": instant,
                "extended": {"type": "boolean"},
                "promised": {"type": "boolean", "description": "An answer date an acknowledgment promised the citizen (its expected_answer_date), tracked as an answer obligation; moved only by an extension with a notice."},
                "met_at": nullable("string"),
                "paused_since": nullable("string"),
                "waived": nullable("string")
            }
        },
        "Inquiry": {
            "type": "object",
            "description": "An inquiry as the write routes answer it: no body, no events, CPR numbers masked. Write answers also carry `warnings` (violations that do not block).",
            "required": ["id", "reference", "state", "obligations"],
            "properties": {
                "id": {"type": "integer", "format": "int64"},
                "reference": {"type": "string", "example": "ROS-2026-000123"},
                "state": schema("InquiryState"),
                "channel": schema("Channel"),
                "to": schema("Addressee"),
                "kind": schema("InquiryKind"),
                "received_kind": schema("InquiryKind"),
                "case_type": nullable("string"),
                "unit": nullable("string"),
                "caseworker": nullable("string"),
                "received_at": instant,
                "language": nullable("string"),
                "subject": {"type": "string"},
                "sender": schema("Sender"),
                "attachments": {"type": "array", "items": schema("Attachment")},
                "external_id": nullable("string"),
                "involves_cpr": {"type": "boolean"},
                "answered": {"type": "boolean"},
                "handed_over_to": nullable("string"),
                "close_reason": nullable("string"),
                "awaiting_since": nullable("string"),
                "transfers": {"type": "integer"},
                "errors_registered": {"type": "integer"},
                "feedback_score": {"type": ["integer", "null"]},
                "event_count": {"type": "integer"},
                "updated_at": instant,
                "policy_id": {"type": "integer"},
                "obligations": {"type": "array", "items": schema("Obligation")},
                "warnings": {"type": "array", "items": schema("Violation")}
            }
        }
    })
}

/// The single-inquiry view, and a message on its way through the outbox (the `outgoing` list).
fn outgoing_schemas() -> Value {
    let instant = instant();
    json!({
        "InquiryDetail": {
            "allOf": [schema("Inquiry"), {
                "type": "object",
                "required": ["body", "events", "outgoing"],
                "properties": {
                    "body": {"type": "string"},
                    "events": {"type": "array", "items": schema("Event")}
                }
            }]
        },
        "Event": {
            "type": "object",
            "description": "A recorded event: `at`, `actor` and `type` with the type's fields. Besides the types a client may append (AppendEvent) and `received`: `message_queued` (`message`, `outbox_id`: a message went into the outbox and counts from then), `message_sent` (`message`, and `outbox_id` when it came through the outbox: the channel accepted it) and `message_failed` (`outbox_id`: the outbox gave up, and what the queued message met is open again).",
            "required": ["at", "type"],
            "properties": {"at": instant, "actor": nullable("string"), "type": {"type": "string"}}
        },
        "Outgoing": {
            "type": "object",
            "description": "A message to the citizen on its way through the outbox. `message_queued` is recorded when it is queued; `message_sent` only once the channel accepted it (`sent`); `message_failed` when the outbox gave up (`failed`).",
            "required": ["id", "kind", "channel", "state", "queued_at"],
            "properties": {
                "id": {"type": "integer", "format": "int64"},
                "kind": schema("MessageKind"),
                "channel": schema("Channel"),
                "state": schema("OutgoingState"),
                "queued_at": instant,
                "sent_at": instant,
                "error": {"type": "string", "description": "Why the last attempt did not succeed (no body, no CPR number)."}
            }
        }
    })
}

fn change_schemas() -> Value {
    json!({
        "ComplaintGuidance": {
            "type": "object",
            "additionalProperties": false,
            "description": "Klagevejledning (forvaltningsloven § 25).",
            "properties": {
                "body": {"type": "string", "description": "Who hears the complaint, e.g. Ankestyrelsen."},
                "how": {"type": "string"},
                "deadline": {"type": "string"}
            }
        },
        "OutgoingMessage": {
            "type": "object",
            "additionalProperties": false,
            "required": ["kind", "channel", "body"],
            "properties": {
                "kind": schema("MessageKind"),
                "channel": schema("Channel"),
                "body": text("The message."),
                "caseworker": nullable("string"),
                "contact": nullable("string"),
                "next_step": nullable("string"),
                "expected_answer_date": {"type": ["string", "null"], "format": "date"},
                "appealable": {"type": "boolean", "default": false},
                "complaint_guidance": {"oneOf": [schema("ComplaintGuidance"), {"type": "null"}]}
            }
        },
        "DryRun": {
            "type": "object",
            "required": ["ok", "violations"],
            "properties": {
                "ok": {"type": "boolean"},
                "violations": {"type": "array", "items": schema("Violation")},
                "refused": {"type": ["object", "null"], "description": "What the lifecycle would refuse: {reason, detail}."}
            }
        }
    })
}

fn list_schemas() -> Value {
    let (instant, date) = (instant(), date());
    json!({
        "InquirySummary": {
            "type": "object",
            "required": ["id", "reference", "state"],
            "properties": {
                "id": {"type": "integer", "format": "int64"},
                "reference": {"type": "string"},
                "channel": schema("Channel"),
                "state": schema("InquiryState"),
                "unit": nullable("string"),
                "caseworker": nullable("string"),
                "subject": {"type": "string", "description": "CPR numbers masked."},
                "sender_name": nullable("string"),
                "received_at": instant,
                "next_due_at": nullable("string"),
                "next_requires": {"oneOf": [schema("Requirement"), {"type": "null"}]},
                "overdue": {"type": "boolean"}
            }
        },
        "Page": {
            "type": "object",
            "required": ["items", "next_cursor"],
            "properties": {
                "items": {"type": "array", "items": schema("InquirySummary")},
                "next_cursor": {"type": ["string", "null"], "description": "Pass as `cursor` for the next page; null on the last."}
            }
        },
        "Unit": {
            "type": "object",
            "additionalProperties": false,
            "required": ["name"],
            "properties": {"id": schema("Id"), "name": {"type": "string"}, "email": nullable("string"), "phone": nullable("string")}
        },
        "Absence": {
            "type": "object",
            "additionalProperties": false,
            "required": ["until"],
            "properties": {"until": date, "substitute": nullable("string")}
        },
        "Caseworker": {
            "type": "object",
            "additionalProperties": false,
            "required": ["name"],
            "properties": {
                "id": schema("Id"),
                "name": {"type": "string"},
                "unit": nullable("string"),
                "email": nullable("string"),
                "phone": nullable("string"),
                "absent": {"oneOf": [schema("Absence"), {"type": "null"}]}
            }
        },
        "ComplianceRow": {
            "type": "object",
            "required": ["group", "total", "met", "met_late", "breached", "pending", "waived", "on_time_percent", "median_working_days", "p90_working_days", "target_percent", "target_reached"],
            "properties": {
                "group": {"type": "string"},
                "total": {"type": "integer"},
                "met": {"type": "integer"},
                "met_late": {"type": "integer"},
                "breached": {"type": "integer"},
                "pending": {"type": "integer"},
                "waived": {"type": "integer"},
                "on_time_percent": {"type": ["number", "null"], "description": "met / (met + met_late + breached) × 100."},
                "median_working_days": {"type": ["number", "null"], "description": "Median time to meet (met and met late), in working days after the day of receipt."},
                "p90_working_days": {"type": ["number", "null"], "description": "90th percentile of the time to meet, in working days."},
                "target_percent": {"type": ["number", "null"], "description": "The share of deadlines the policy means to keep for this goal or case type (`target`), in percent; null without one."},
                "target_reached": {"type": ["boolean", "null"], "description": "on_time_percent ≥ target_percent; null without a target or without a decided obligation."}
            }
        },
        "ServiceRow": {
            "type": "object",
            "required": ["group", "received", "referred", "referrals", "referred_more_than_once", "referred_more_than_once_percent", "handed_over", "phone_first_contact", "phone_messages_taken", "errors_registered", "inquiries_with_errors", "feedback_received", "satisfaction_mean", "satisfaction", "promised_dates", "promised_kept", "promised_kept_percent", "answered", "gross_median_working_days", "gross_p90_working_days", "net_median_working_days", "net_p90_working_days"],
            "properties": {
                "group": {"type": "string"},
                "received": {"type": "integer", "description": "Inquiries received in the period."},
                "referred": {"type": "integer", "description": "Inquiries referred to another unit or authority at least once."},
                "referrals": {"type": "integer", "description": "Referrals in all."},
                "referred_more_than_once": {"type": "integer"},
                "referred_more_than_once_percent": {"type": ["number", "null"], "description": "Of the referred."},
                "handed_over": {"type": "integer", "description": "Inquiries handed over to a colleague."},
                "phone_first_contact": {"type": "integer", "description": "Phone inquiries handled when the citizen called (no call back)."},
                "phone_messages_taken": {"type": "integer", "description": "Phone inquiries that became a message with a call back."},
                "errors_registered": {"type": "integer"},
                "inquiries_with_errors": {"type": "integer"},
                "feedback_received": {"type": "integer", "description": "Inquiries with the citizen's satisfaction score."},
                "satisfaction_mean": {"type": ["number", "null"], "description": "Mean score, 1–5."},
                "satisfaction": {"type": "array", "items": {"type": "integer"}, "minItems": 5, "maxItems": 5, "description": "How many gave 1, 2, 3, 4 and 5."},
                "promised_dates": {"type": "integer", "description": "Promised answer dates decided: kept, met late, or passed."},
                "promised_kept": {"type": "integer"},
                "promised_kept_percent": {"type": ["number", "null"]},
                "answered": {"type": "integer", "description": "Inquiries with a final answer."},
                "gross_median_working_days": {"type": ["number", "null"], "description": "Working days from receipt to the final answer."},
                "gross_p90_working_days": {"type": ["number", "null"]},
                "net_median_working_days": {"type": ["number", "null"], "description": "The same, less the working days spent waiting for the citizen."},
                "net_p90_working_days": {"type": ["number", "null"]}
            }
        },
        "ServiceReport": {
            "type": "object",
            "required": ["from", "to", "group_by", "period", "rows"],
            "properties": {
                "from": date,
                "to": date,
                "group_by": {"type": "string"},
                "period": {"type": "object", "properties": {"start": instant, "end": instant}},
                "rows": {"type": "array", "items": schema("ServiceRow")}
            }
        },
        "ComplianceReport": {
            "type": "object",
            "required": ["from", "to", "group_by", "period", "rows"],
            "properties": {
                "from": date,
                "to": date,
                "group_by": {"type": "string"},
                "period": {"type": "object", "properties": {"start": instant, "end": instant}},
                "rows": {"type": "array", "items": schema("ComplianceRow")}
            }
        }
    })
}

/// `MessageRequest` (a message and `dry_run`) and `ExtensionNotice` (a message of kind
/// `extension_notice`), from `OutgoingMessage`, so the three cannot drift apart.
fn message_requests(all: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    let Some(message) = all.get("OutgoingMessage") else {
        return out;
    };
    let mut request = message.clone();
    set(
        &mut request,
        &["description"],
        json!("A message to check and send."),
    );
    set(
        &mut request,
        &["properties", "dry_run"],
        json!({"type": "boolean", "default": false, "description": "Check only; store nothing."}),
    );
    out.insert("MessageRequest".into(), request);
    let mut notice = message.clone();
    set(
        &mut notice,
        &["description"],
        json!("The notice telling the citizen of the new due date."),
    );
    set(
        &mut notice,
        &["properties", "kind"],
        json!({"type": "string", "const": "extension_notice"}),
    );
    out.insert("ExtensionNotice".into(), notice);
    out
}

/// The request bodies of PUT /units/{id} and /caseworkers/{id}: as the answers, without `id`
/// (it is the path's) and with a name that says something.
fn directory_requests(all: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for name in ["Unit", "Caseworker"] {
        if let Some(Value::Object(answer)) = all.get(name) {
            let mut request = Value::Object(answer.clone());
            if let Some(Value::Object(properties)) = request.get_mut("properties") {
                properties.remove("id");
                properties.insert("name".into(), text("The name people see."));
            }
            set(
                &mut request,
                &["description"],
                json!(
                    "The path gives the id; an `id` in the body is accepted only when it is the same."
                ),
            );
            out.insert(format!("{name}Request"), request);
        }
    }
    out
}
