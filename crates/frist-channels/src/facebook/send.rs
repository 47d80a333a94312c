//! The Send API: `POST {base}/me/messages?access_token=…` with
//! `{"recipient":{"id":PSID},"messaging_type":"RESPONSE","message":{"text":…}}`, or
//! `"messaging_type":"MESSAGE_TAG","tag":"HUMAN_AGENT"` after the first 24 hours.
//!
//! Messenger takes at most 2,000 characters per message, so longer replies go out as several
//! messages, split at paragraph, line or word boundaries. Errors say whether trying again may
//! help (the outbox retries transient ones). The access token is in the URL, and `reqwest`
//! errors quote URLs, so every error here is stripped of its URL before it is shown.

use super::window::ReplyWindow;
use serde::Deserialize;
use serde_json::json;

/// Messenger's limit on one text message. Counted in UTF-16 code units, as Meta's JavaScript
/// origins count, so that an emoji cannot push a part over the limit.
pub const MAX_MESSAGE_UNITS: usize = 2000;

/// Why a reply was not (fully) sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendError {
    /// Worth trying again later: network trouble, 5xx, rate limits.
    #[error("Messenger is unavailable for now ({detail}); {sent} of {parts} part(s) were sent")]
    Transient {
        detail: String,
        sent: usize,
        parts: usize,
    },
    /// Will not succeed as it stands: the window is closed, the token or PSID is wrong.
    #[error("Messenger refused the reply ({detail}); {sent} of {parts} part(s) were sent")]
    Permanent {
        detail: String,
        sent: usize,
        parts: usize,
    },
}

impl SendError {
    pub fn is_transient(&self) -> bool {
        matches!(self, Self::Transient { .. })
    }
}

#[derive(Deserialize)]
struct Sent {
    message_id: String,
}

#[derive(Deserialize)]
struct GraphErrorBody {
    error: GraphError,
}

#[derive(Deserialize)]
struct GraphError {
    #[serde(default)]
    message: String,
    #[serde(default)]
    code: i64,
    #[serde(default)]
    error_subcode: Option<i64>,
}

/// Sends `text` to the citizen with page-scoped id `psid`, as one message or several, and
/// returns Meta's message ids. A closed window is refused here, without a request.
pub async fn send_text(
    http: &reqwest::Client,
    api_base_url: &str,
    page_access_token: &str,
    psid: &str,
    text: &str,
    window: ReplyWindow,
) -> Result<Vec<String>, SendError> {
    let parts = split_text(text, MAX_MESSAGE_UNITS);
    let count = parts.len();
    let fail = |transient: bool, detail: String, sent: usize| {
        if transient {
            SendError::Transient {
                detail,
                sent,
                parts: count,
            }
        } else {
            SendError::Permanent {
                detail,
                sent,
                parts: count,
            }
        }
    };
    let (messaging_type, tag) = match window {
        ReplyWindow::Open { .. } => ("RESPONSE", None),
        ReplyWindow::HumanAgent { .. } => ("MESSAGE_TAG", Some("HUMAN_AGENT")),
        ReplyWindow::Closed { .. } => {
            return Err(fail(
                false,
                "the 7-day window for replies on Messenger has closed; use another channel".into(),
                0,
            ));
        }
    };
    if count == 0 {
        return Err(fail(false, "the reply is empty".into(), 0));
    }
    let url = format!("{}/me/messages", api_base_url.trim_end_matches('/'));
    let mut ids = Vec::with_capacity(count);
    for part in parts {
        let mut body = json!({
            "recipient": {"id": psid},
            "messaging_type": messaging_type,
            "message": {"text": part},
        });
        if let (Some(tag), Some(object)) = (tag, body.as_object_mut()) {
            object.insert("tag".into(), tag.into());
        }
        let response = http
            .post(&url)
            .query(&[("access_token", page_access_token)])
            .json(&body)
            .send()
            .await
            .map_err(|e| fail(true, e.without_url().to_string(), ids.len()))?;
        let status = response.status();
        let bytes = response
            .bytes()
            .await
            .map_err(|e| fail(true, e.without_url().to_string(), ids.len()))?;
        if status.is_success() {
            let sent: Sent = serde_json::from_slice(&bytes).map_err(|_| {
                fail(
                    false,
                    format!("HTTP {status} without a message_id in the answer"),
                    ids.len(),
                )
            })?;
            ids.push(sent.message_id);
            continue;
        }
        let (transient, detail) = classify(status, &bytes);
        return Err(fail(transient, detail, ids.len()));
    }
    Ok(ids)
}

/// Whether a refusal is worth retrying, and what it said.
fn classify(status: reqwest::StatusCode, body: &[u8]) -> (bool, String) {
    let graph = serde_json::from_slice::<GraphErrorBody>(body).ok();
    let detail = match &graph {
        Some(GraphErrorBody { error }) => format!(
            "HTTP {status}, Graph error {}{}: {}",
            error.code,
            error
                .error_subcode
                .map(|s| format!("/{s}"))
                .unwrap_or_default(),
            error.message.chars().take(200).collect::<String>()
        ),
        None => format!("HTTP {status}"),
    };
    // Codes 1 and 2 are temporary API trouble; 4, 17, 32 and 613 are rate limits.
    let transient_code = graph
        .as_ref()
        .is_some_and(|g| matches!(g.error.code, 1 | 2 | 4 | 17 | 32 | 613));
    let transient = status.is_server_error()
        || status == reqwest::StatusCode::TOO_MANY_REQUESTS
        || status == reqwest::StatusCode::REQUEST_TIMEOUT
        || transient_code;
    (transient, detail)
}

/// `text` in parts of at most `max_units` UTF-16 code units each, cut after a paragraph
/// break, else a line break, else a space, else anywhere (never inside a character).
/// Whitespace at the cuts is dropped; an empty or blank text gives no parts.
pub fn split_text(text: &str, max_units: usize) -> Vec<String> {
    let max_units = max_units.max(2);
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if units(rest) <= max_units {
            parts.push(rest.to_owned());
            break;
        }
        // The longest prefix within the limit, as a byte index on a char boundary.
        let mut fits = 0;
        let mut used = 0;
        for (i, c) in rest.char_indices() {
            if used + c.len_utf16() > max_units {
                break;
            }
            used += c.len_utf16();
            fits = i + c.len_utf8();
        }
        let window = rest.get(..fits).unwrap_or_default();
        let cut = ["\n\n", "\n", " "]
            .iter()
            .find_map(|sep| window.rfind(sep).filter(|&i| i > 0))
            .unwrap_or(fits);
        let (part, tail) = rest.split_at(cut);
        parts.push(part.trim_end().to_owned());
        rest = tail.trim_start();
    }
    parts
}

fn units(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn short_texts_are_one_part() {
        assert_eq!(split_text("  Hej Jens  ", 2000), vec!["Hej Jens"]);
        assert!(split_text("   ", 2000).is_empty());
    }

    #[test]
    fn long_texts_are_cut_at_paragraphs_then_words() {
        let text = format!("{}\n\n{}", "a ".repeat(600).trim(), "b ".repeat(600).trim());
        let parts = split_text(&text, 2000);
        assert_eq!(parts.len(), 2);
        assert!(parts[0].ends_with('a') && parts[1].starts_with('b'));
        let words = "ord ".repeat(1000);
        for part in split_text(&words, 2000) {
            assert!(units(&part) <= 2000);
            assert!(part.starts_with("ord") && part.ends_with("ord"), "{part}");
        }
    }

    proptest! {
        #[test]
        fn parts_fit_and_keep_every_non_blank_character(
            text in "[a-zæøå😀 \n]{0,600}",
            max in 2usize..80,
        ) {
            let parts = split_text(&text, max);
            for part in &parts {
                prop_assert!(units(part) <= max, "{:?}", part);
                prop_assert!(!part.is_empty());
            }
            let kept: String = parts.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let given: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(kept, given);
        }
    }
}
