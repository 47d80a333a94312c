//! What the API shows of inquiries: JSON built from the stored projection, with obligation
//! states computed at "now", instants in Copenhagen time, and CPR numbers masked.
//!
//! Masking is applied to every string of a view (subject, body, sender, events, notes) unless
//! the caller asked to reveal CPR numbers, so no field added later can leak one by accident.

use crate::time::local;
use frist_core::{Event, TrackedObligation, cpr};
use frist_store::{InquirySummary, StoredInquiry};
use jiff::Timestamp;
use serde_json::{Value, json};

/// How much of an inquiry a response shows.
#[derive(Debug, Clone, Copy, Default)]
pub struct Detail {
    /// The citizen's text (its viewing is logged).
    pub body: bool,
    /// CPR numbers in full (their viewing is logged).
    pub reveal_cpr: bool,
}

/// One inquiry: the projection, its obligations and, when given, its events.
pub fn inquiry(
    stored: &StoredInquiry,
    events: Option<&[Event]>,
    detail: Detail,
    now: Timestamp,
) -> Value {
    let i = &stored.inquiry;
    let r = &i.received;
    let mut view = json!({
        "id": stored.id,
        "reference": i.reference.to_string(),
        "state": i.state,
        "channel": r.channel,
        "to": r.to,
        "kind": i.kind,
        "received_kind": r.kind,
        "case_type": i.case_type,
        "unit": i.unit,
        "caseworker": i.caseworker,
        "received_at": local(r.received_at),
        "language": r.language,
        "subject": r.subject,
        "sender": r.sender,
        "attachments": r.attachments,
        "external_id": r.external_id,
        "involves_cpr": i.involves_cpr(),
        "answered": i.answered,
        "handed_over_to": i.handed_over_to,
        "close_reason": i.close_reason,
        "awaiting_since": i.awaiting_since.map(local),
        "transfers": i.transfers,
        "errors_registered": i.errors_registered,
        "feedback_score": i.feedback_score,
        "event_count": i.event_count,
        "updated_at": local(i.updated_at),
        "policy_id": stored.policy_id,
        "obligations": i.obligations.iter().map(|o| obligation(o, now)).collect::<Vec<_>>(),
    });
    if let Some(object) = view.as_object_mut() {
        if detail.body {
            object.insert("body".into(), Value::String(r.body.clone()));
        }
        if let Some(events) = events {
            object.insert("events".into(), events.iter().map(event).collect());
        }
    }
    if !detail.reveal_cpr {
        mask_all(&mut view);
    }
    view
}

/// One obligation, with its state at `now`.
pub fn obligation(o: &TrackedObligation, now: Timestamp) -> Value {
    json!({
        "goal": o.goal,
        "requires": o.requires,
        "due_date": o.due_date.to_string(),
        "due_at": local(o.due_at),
        "state": o.state(now),
        "within": o.within.to_string(),
        "pausable": o.pausable,
        "original_due_at": local(o.original_due_at),
        "extended": o.extended,
        "promised": o.promised,
        "met_at": o.met_at.map(local),
        "paused_since": o.paused_since.map(local),
        "waived": o.waived,
    })
}

/// One recorded event, `at` in Copenhagen time.
pub fn event(e: &Event) -> Value {
    let mut v = serde_json::to_value(e).unwrap_or(Value::Null);
    if let Some(object) = v.as_object_mut() {
        object.insert("at".into(), Value::String(local(e.at)));
    }
    v
}

/// One row of a list: never the body; the subject masked.
pub fn summary(s: &InquirySummary, now: Timestamp) -> Value {
    json!({
        "id": s.id,
        "reference": s.reference.to_string(),
        "channel": s.channel,
        "state": s.state,
        "unit": s.unit,
        "caseworker": s.caseworker,
        "subject": cpr::mask(&s.subject),
        "sender_name": s.sender_name.as_deref().map(cpr::mask),
        "received_at": local(s.received_at),
        "next_due_at": s.next_due_at.map(local),
        "next_requires": s.next_requires,
        "overdue": s.next_due_at.is_some_and(|due| due < now),
    })
}

/// Masks every CPR number in every string of `value`.
pub fn mask_all(value: &mut Value) {
    match value {
        Value::String(s) => {
            if cpr::contains(s) {
                *s = cpr::mask(s);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_all),
        Value::Object(map) => map.values_mut().for_each(mask_all),
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masking_reaches_every_string_however_deep() {
        let mut v = json!({
            "subject": "CPR 010190-1234",
            "sender": {"cpr": "010190-1234", "phone": "43 59 10 00"},
            "events": [{"inquiry": {"body": "mit nummer er 0101901234"}}],
            "n": 5
        });
        mask_all(&mut v);
        assert_eq!(v["subject"], "CPR 010190-XXXX");
        assert_eq!(v["sender"]["cpr"], "010190-XXXX");
        assert_eq!(v["sender"]["phone"], "43 59 10 00");
        assert_eq!(
            v["events"][0]["inquiry"]["body"],
            "mit nummer er 010190-XXXX"
        );
        assert_eq!(v["n"], 5);
    }
}
