//! The schemas of the document: requests, answers, the problem document and the vocabularies.

use frist_policy::{Addressee, Channel, InquiryKind, Requirement};
use serde_json::{Value, json};

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
        inquiry_schemas(),
        change_schemas(),
        list_schemas(),
    ] {
        if let Value::Object(part) = part {
            all.extend(part);
        }
    }
    Value::Object(all)
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
        "MessageKind": {"type": "string", "enum": message_kinds},
        "InquiryState": {"type": "string", "enum": ["new", "open", "awaiting_citizen", "closed"]},
        "ObligationState": {"type": "string", "enum": ["pending", "met", "met_late", "breached", "paused", "waived"]}
    })
}

fn inquiry_schemas() -> Value {
    let (instant, date) = (instant(), date());
    json!({
        "Sender": {
            "type": "object",
            "additionalProperties": false,
            "properties": {
                "kind": {"type": "string", "enum": ["person", "business"], "default": "person"},
                "name": nullable("string"),
                "cpr": {"type": ["string", "null"], "description": "DDMMYY-SSSS; masked (DDMMYY-XXXX) in answers unless revealed."},
                "cvr": {"type": ["string", "null"], "description": "8 digits."},
                "email": nullable("string"),
                "phone": nullable("string"),
                "facebook_id": nullable("string")
            }
        },
        "Attachment": {
            "type": "object",
            "additionalProperties": false,
            "required": ["name"],
            "properties": {"name": {"type": "string"}, "content_type": nullable("string"), "size": {"type": ["integer", "null"], "minimum": 0}, "contains_cpr": {"type": "boolean", "default": false, "description": "The attachment's text contains a CPR number (set by intake)."}}
        },
        "NewInquiry": {
            "type": "object",
            "additionalProperties": false,
            "required": ["channel", "received_at"],
            "properties": {
                "channel": schema("Channel"),
                "to": {"allOf": [schema("Addressee")], "default": "general"},
                "kind": {"allOf": [schema("InquiryKind")], "default": "other"},
                "received_at": {"type": "string", "format": "date-time", "description": "RFC 3339 with offset or Z."},
                "subject": {"type": "string", "default": ""},
                "body": {"type": "string", "default": ""},
                "sender": schema("Sender"),
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
        },
        "InquiryDetail": {
            "allOf": [schema("Inquiry"), {
                "type": "object",
                "required": ["body", "events"],
                "properties": {
                    "body": {"type": "string"},
                    "events": {"type": "array", "items": schema("Event")}
                }
            }]
        },
        "Event": {
            "type": "object",
            "description": "A recorded event: `at`, `actor` and `type` with the type's fields.",
            "required": ["at", "type"],
            "properties": {"at": instant, "actor": nullable("string"), "type": {"type": "string"}}
        }
    })
}

fn change_schemas() -> Value {
    let event_types: Vec<&str> = crate::routes::EVENT_TYPES.to_vec();
    let date = date();
    json!({
        "EventRequest": {
            "type": "object",
            "description": "An event to append. Fields by type: assigned {caseworker}; callback_completed {summary?}; note {text, visible_to_citizen?}; referred {to_unit}; handed_over {to_caseworker}; deadline_extended {goal, requires, new_due_date, reason, notice: OutgoingMessage}; reclassified {kind, case_type?}; error_registered {what}; feedback_received {score?, comment?}; closed {reason: answered|handed_over|withdrawn|duplicate|spam}; opened, awaiting_citizen_started, awaiting_citizen_ended, reopened: none.",
            "required": ["type"],
            "properties": {
                "type": {"type": "string", "enum": event_types},
                "at": {"type": "string", "format": "date-time", "description": "When it happened; default now; not in the future."},
                "caseworker": {"type": "string"},
                "summary": nullable("string"),
                "text": {"type": "string"},
                "visible_to_citizen": {"type": "boolean"},
                "to_unit": {"type": "string"},
                "to_caseworker": {"type": "string"},
                "goal": {"type": "string"},
                "requires": schema("Requirement"),
                "new_due_date": date,
                "reason": {"type": "string"},
                "notice": schema("OutgoingMessage"),
                "kind": schema("InquiryKind"),
                "case_type": nullable("string"),
                "what": {"type": "string"},
                "score": {"type": ["integer", "null"], "minimum": 1, "maximum": 5},
                "comment": nullable("string")
            }
        },
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
                "body": {"type": "string"},
                "caseworker": nullable("string"),
                "contact": nullable("string"),
                "next_step": nullable("string"),
                "expected_answer_date": {"type": ["string", "null"], "format": "date"},
                "appealable": {"type": "boolean", "default": false},
                "complaint_guidance": {"oneOf": [schema("ComplaintGuidance"), {"type": "null"}]}
            }
        },
        "MessageRequest": {
            "allOf": [schema("OutgoingMessage")],
            "type": "object",
            "properties": {"dry_run": {"type": "boolean", "default": false, "description": "Check only; store nothing."}}
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
            "required": ["group", "total", "met", "met_late", "breached", "pending", "waived", "on_time_percent", "median_working_days", "p90_working_days"],
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
                "p90_working_days": {"type": ["number", "null"], "description": "90th percentile of the time to meet, in working days."}
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
