//! A verified webhook delivery turned into inquiries.
//!
//! Meta batches: one POST holds `entry[]`, each with `messaging[]` events. Every event with a
//! `message` from a citizen becomes one [`NewInquiry`] on channel `facebook`, with the sender's
//! page-scoped id (PSID) as `sender.facebook_id`, the message id (`mid`) as `external_id` — so
//! a redelivery of the same message is the same inquiry — and the event's timestamp as
//! `received_at`. Echoes of the page's own messages, delivery and read receipts, postbacks and
//! reactions are not citizen messages and are skipped.
//!
//! A follow-up message from the same citizen is a new inquiry of its own. Messenger has no
//! threads or subjects to tell a continuation from a new matter, and every message carries
//! obligations until a caseworker says otherwise; the staff pages can close one as a duplicate
//! or hand it to the colleague who has the first. Threading by PSID would need the store to
//! find "the open inquiry of this PSID" and would silently fold a new matter into an old one.
//!
//! Unknown fields are ignored (Meta adds fields over time); a body that is not the expected
//! shape is refused with the JSON path of the problem, so Meta retries it and it shows in the
//! app's webhook log rather than being dropped.

use frist_core::{Attachment, NewInquiry, Sender};
use frist_policy::{Addressee, Channel, InquiryKind};
use jiff::Timestamp;
use serde::Deserialize;

/// The longest subject taken from the start of a message, in characters.
const SUBJECT_CHARS: usize = 60;

/// Why a (correctly signed) delivery was refused. The text names the problem and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookError {
    #[error("the body is not a Messenger webhook delivery: {detail} (at {path})")]
    Shape { path: String, detail: String },
    #[error("object is \"{0}\"; this endpoint takes Messenger deliveries for a page (\"page\")")]
    NotPage(String),
    #[error("the timestamp {0} (milliseconds) of message {1} is not a valid instant")]
    Timestamp(i64, String),
}

#[derive(Deserialize)]
struct Delivery {
    object: String,
    #[serde(default)]
    entry: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    messaging: Vec<Messaging>,
}

#[derive(Deserialize)]
struct Messaging {
    sender: Party,
    /// Milliseconds since the epoch.
    timestamp: i64,
    /// Absent for delivery and read receipts, postbacks, reactions.
    #[serde(default)]
    message: Option<Message>,
}

#[derive(Deserialize)]
struct Party {
    id: String,
}

#[derive(Deserialize)]
struct Message {
    mid: String,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    attachments: Vec<MessengerAttachment>,
    /// Set on copies of what the page itself sent.
    #[serde(default)]
    is_echo: bool,
}

#[derive(Deserialize)]
struct MessengerAttachment {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    payload: Option<AttachmentPayload>,
}

#[derive(Deserialize)]
struct AttachmentPayload {
    #[serde(default)]
    url: Option<String>,
}

/// The inquiries in one delivery's raw body, in the order Meta sent them (possibly none).
pub fn inquiries(body: &[u8]) -> Result<Vec<NewInquiry>, WebhookError> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let delivery: Delivery =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|e| WebhookError::Shape {
            path: e.path().to_string(),
            detail: e.inner().to_string(),
        })?;
    deserializer.end().map_err(|e| WebhookError::Shape {
        path: ".".into(),
        detail: e.to_string(),
    })?;
    if delivery.object != "page" {
        return Err(WebhookError::NotPage(
            delivery.object.chars().take(40).collect(),
        ));
    }
    let mut found = Vec::new();
    for event in delivery.entry.into_iter().flat_map(|e| e.messaging) {
        let Some(message) = event.message else {
            continue;
        };
        if message.is_echo {
            continue;
        }
        let received_at = Timestamp::from_millisecond(event.timestamp)
            .map_err(|_| WebhookError::Timestamp(event.timestamp, message.mid.clone()))?;
        found.push(inquiry(event.sender.id, received_at, message));
    }
    Ok(found)
}

fn inquiry(psid: String, received_at: Timestamp, message: Message) -> NewInquiry {
    let text = message.text.unwrap_or_default();
    let mut body = text.clone();
    let mut attachments = Vec::with_capacity(message.attachments.len());
    for (n, attachment) in message.attachments.iter().enumerate() {
        // Meta's attachment URLs expire; the body keeps them so a caseworker can fetch the
        // file soon after, and the metadata records that there was one.
        let url = attachment
            .payload
            .as_ref()
            .and_then(|p| p.url.as_deref())
            .unwrap_or("(uden adresse)");
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(&format!("[Vedhæftet {}: {}] {url}", n + 1, attachment.kind));
        attachments.push(Attachment {
            name: format!("{}-{}", attachment.kind, n + 1),
            content_type: None,
            size: None,
            contains_cpr: false,
        });
    }
    NewInquiry {
        channel: Channel::Facebook,
        to: Addressee::General,
        unit: None,
        caseworker: None,
        kind: InquiryKind::Other,
        case_type: None,
        received_at,
        sender: Sender {
            facebook_id: Some(psid),
            ..Sender::default()
        },
        language: None,
        subject: subject(&text, attachments.len()),
        body,
        attachments,
        external_id: Some(message.mid),
    }
}

/// The first line of the text, shortened at a word; or a plain label for attachments only.
fn subject(text: &str, attachments: usize) -> String {
    let first_line = text.lines().map(str::trim).find(|l| !l.is_empty());
    let Some(line) = first_line else {
        return if attachments > 0 {
            "Vedhæftet fil via Facebook Messenger".to_owned()
        } else {
            "Besked via Facebook Messenger".to_owned()
        };
    };
    if line.chars().count() <= SUBJECT_CHARS {
        return line.to_owned();
    }
    let cut: String = line.chars().take(SUBJECT_CHARS).collect();
    let at_word = cut.rfind(' ').filter(|&i| i > SUBJECT_CHARS / 2);
    format!("{}…", at_word.and_then(|i| cut.get(..i)).unwrap_or(&cut))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn delivery(messaging: serde_json::Value) -> Vec<u8> {
        serde_json::to_vec(&json!({
            "object": "page",
            "entry": [{"id": "PAGE", "time": 1_798_000_000_000_i64, "messaging": messaging}]
        }))
        .unwrap()
    }

    #[test]
    fn a_text_message_becomes_an_inquiry_on_channel_facebook() {
        let body = delivery(json!([{
            "sender": {"id": "PSID-1"}, "recipient": {"id": "PAGE"},
            "timestamp": 1_798_000_000_000_i64,
            "message": {"mid": "m_1", "text": "Hvornår tømmes min skraldespand?"}
        }]));
        let found = inquiries(&body).unwrap();
        assert_eq!(found.len(), 1);
        let inquiry = &found[0];
        assert_eq!(inquiry.channel, Channel::Facebook);
        assert_eq!(inquiry.sender.facebook_id.as_deref(), Some("PSID-1"));
        assert_eq!(inquiry.external_id.as_deref(), Some("m_1"));
        assert_eq!(inquiry.received_at.as_millisecond(), 1_798_000_000_000);
        assert_eq!(inquiry.subject, "Hvornår tømmes min skraldespand?");
        assert_eq!(inquiry.body, "Hvornår tømmes min skraldespand?");
    }

    #[test]
    fn echoes_receipts_and_postbacks_are_not_inquiries() {
        let body = delivery(json!([
            {"sender": {"id": "PAGE"}, "recipient": {"id": "PSID"}, "timestamp": 1,
             "message": {"mid": "m_echo", "text": "Tak", "is_echo": true}},
            {"sender": {"id": "PSID"}, "recipient": {"id": "PAGE"}, "timestamp": 2,
             "delivery": {"mids": ["m_echo"], "watermark": 2}},
            {"sender": {"id": "PSID"}, "recipient": {"id": "PAGE"}, "timestamp": 3,
             "read": {"watermark": 3}},
            {"sender": {"id": "PSID"}, "recipient": {"id": "PAGE"}, "timestamp": 4,
             "postback": {"title": "Start", "payload": "START"}}
        ]));
        assert_eq!(inquiries(&body).unwrap(), vec![]);
    }

    #[test]
    fn attachments_are_recorded_with_their_addresses() {
        let body = delivery(json!([{
            "sender": {"id": "PSID"}, "recipient": {"id": "PAGE"}, "timestamp": 5,
            "message": {"mid": "m_2", "attachments": [
                {"type": "image", "payload": {"url": "https://cdn.example/a.jpg"}}
            ]}
        }]));
        let found = inquiries(&body).unwrap();
        assert_eq!(found[0].attachments.len(), 1);
        assert_eq!(found[0].attachments[0].name, "image-1");
        assert!(found[0].body.contains("https://cdn.example/a.jpg"));
        assert_eq!(found[0].subject, "Vedhæftet fil via Facebook Messenger");
    }

    #[test]
    fn long_first_lines_are_shortened_at_a_word() {
        let long =
            "Jeg skriver angående min ansøgning om boligstøtte som jeg sendte i sidste måned";
        let s = subject(long, 0);
        assert!(s.ends_with('…'), "{s}");
        assert!(s.chars().count() <= SUBJECT_CHARS + 1, "{s}");
        assert!(long.starts_with(s.trim_end_matches('…')));
    }

    #[test]
    fn bad_shapes_are_refused_with_the_path_of_the_problem() {
        let err = inquiries(br#"{"object":"page","entry":[{"messaging":[{"sender":{}}]}]}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("entry[0].messaging[0].sender"), "{err}");
        assert!(err.contains("missing field `id`"), "{err}");
        let err = inquiries(b"{\"object\":").unwrap_err().to_string();
        assert!(err.contains("EOF"), "{err}");
        let err = inquiries(br#"{"object":"instagram","entry":[]}"#).unwrap_err();
        assert_eq!(err, WebhookError::NotPage("instagram".into()));
        let err = inquiries(&delivery(
            json!([{"sender": {"id": "P"}, "timestamp": i64::MAX,
            "message": {"mid": "m", "text": "x"}}]),
        ))
        .unwrap_err();
        assert!(matches!(err, WebhookError::Timestamp(..)), "{err}");
    }

    proptest! {
        #[test]
        fn arbitrary_bodies_never_panic(body in proptest::collection::vec(any::<u8>(), 0..300)) {
            let _ = inquiries(&body);
        }

        #[test]
        fn arbitrary_texts_keep_their_content(text in "\\PC{0,300}") {
            let body = delivery(json!([{"sender": {"id": "P"}, "timestamp": 1,
                "message": {"mid": "m", "text": text}}]));
            let found = inquiries(&body).unwrap();
            prop_assert_eq!(&found[0].body, &text);
            prop_assert!(found[0].subject.chars().count() <= SUBJECT_CHARS + 1);
        }
    }
}
