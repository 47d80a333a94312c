//! Reading an e-mail message: headers, the text (from text/plain, else from the HTML converted
//! to text), attachments, and the headers that decide threading and automatic replies.
//!
//! The MIME work is done by `mail-parser` (Stalwart Labs): maintained, fuzzed, and it decodes
//! quoted-printable, base64, RFC 2047 encoded words and the charsets Danish mail comes in
//! (UTF-8, ISO-8859-1/15, Windows-1252, and with `full_encoding` the rest). It is lenient, as a
//! mail reader must be: it reads almost anything. This module must never panic on any bytes
//! (it runs on whatever arrives); as a last guard, a panic inside the parser is caught and the
//! message is reported unparseable, so it is kept raw and flagged rather than lost.

use jiff::Timestamp;
use mail_parser::{Address, HeaderValue, Message, MessageParser, MimeHeaders, PartType};
use std::borrow::Cow;

/// Headers that make a message look like e-mail; bytes without any of them are not a message.
const MAIL_HEADERS: &[&str] = &[
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "message-id",
    "received",
    "return-path",
    "mime-version",
    "content-type",
    "sender",
    "reply-to",
    "delivered-to",
    "in-reply-to",
    "references",
];

/// The name of an attachment that has none.
pub const UNNAMED: &str = "unavngivet";

/// A message as Frist reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedMail {
    /// Without angle brackets.
    pub message_id: Option<String>,
    pub from_name: Option<String>,
    /// Lower case.
    pub from_address: Option<String>,
    pub reply_to: Option<String>,
    /// Recipient addresses, lower case.
    pub to: Vec<String>,
    pub cc: Vec<String>,
    /// `Delivered-To` and `X-Original-To`: the mailbox the server delivered it to.
    pub delivered_to: Vec<String>,
    pub subject: String,
    /// `Date`: when the sender wrote it.
    pub date: Option<Timestamp>,
    /// The newest `Received` header's date: when the receiving server got it.
    pub received_date: Option<Timestamp>,
    /// The text: every text/plain body part, or the HTML ones converted to text.
    pub text: String,
    /// Whether the text came from HTML only.
    pub html_only: bool,
    pub attachments: Vec<ParsedAttachment>,
    /// Message-IDs (without angle brackets) this one answers.
    pub in_reply_to: Vec<String>,
    pub references: Vec<String>,
    /// `Content-Language`, e.g. "da".
    pub language: Option<String>,
    pub loop_headers: LoopHeaders,
}

/// An attachment: name, type, decoded size, and its text when it is text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedAttachment {
    pub name: String,
    pub content_type: Option<String>,
    pub size: u64,
    /// The text of a text attachment (text/*, or an attached message), for CPR scanning.
    pub text: Option<String>,
}

/// What tells an automatic reply not to answer (RFC 3834 and common practice).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoopHeaders {
    /// `Auto-Submitted`, lower case (e.g. "auto-replied", "no").
    pub auto_submitted: Option<String>,
    /// `Precedence`, lower case (e.g. "bulk", "list", "junk").
    pub precedence: Option<String>,
    pub list_id: bool,
    pub list_unsubscribe: bool,
    /// `X-Auto-Response-Suppress` (Microsoft), as written.
    pub auto_response_suppress: Option<String>,
    /// `Return-Path` as written, e.g. "<>" for a bounce.
    pub return_path: Option<String>,
}

/// Why bytes are not a message Frist can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unparseable {
    #[error("the message is empty")]
    Empty,
    #[error("not an e-mail message (no mail headers)")]
    NoHeaders,
    #[error("the MIME parser could not read the message")]
    Parser,
}

/// Reads `raw`. Never panics.
pub fn parse(raw: &[u8]) -> Result<ParsedMail, Unparseable> {
    if raw.iter().all(u8::is_ascii_whitespace) {
        return Err(Unparseable::Empty);
    }
    // mail-parser is fuzzed and panic-free as far as anyone knows; this is the guard for the
    // case nobody knows of, so that one strange message cannot stop an import or a mailbox.
    std::panic::catch_unwind(|| read(raw)).unwrap_or(Err(Unparseable::Parser))
}

fn read(raw: &[u8]) -> Result<ParsedMail, Unparseable> {
    let message = MessageParser::default()
        .parse(raw)
        .ok_or(Unparseable::Parser)?;
    let has_mail_header = message.headers().iter().any(|h| {
        let name = h.name();
        MAIL_HEADERS.iter().any(|m| name.eq_ignore_ascii_case(m))
    });
    if !has_mail_header {
        return Err(Unparseable::NoHeaders);
    }
    let from = message.from().and_then(|a| a.first());
    let attachments: Vec<ParsedAttachment> = message.attachments().map(attachment).collect();
    let (mut text, html_only) = body_text(&message);
    if text.trim().is_empty() {
        // A body part whose type the parser could not place ("Content-Type: text" without a
        // subtype) is listed as an unnamed attachment; it is still what the sender wrote.
        if let Some(inline) = attachments.iter().find(|a| {
            a.name == UNNAMED
                && a.content_type
                    .as_deref()
                    .is_none_or(|t| t.starts_with("text"))
        }) {
            text = inline.text.clone().unwrap_or_default();
        }
    }
    Ok(ParsedMail {
        message_id: message
            .message_id()
            .map(clean_id)
            .filter(|id| !id.is_empty()),
        from_name: from
            .and_then(|a| a.name())
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty()),
        from_address: from.and_then(|a| a.address()).map(normalise_address),
        reply_to: message
            .reply_to()
            .and_then(|a| a.first())
            .and_then(|a| a.address())
            .map(normalise_address),
        to: addresses(message.to()),
        cc: addresses(message.cc()),
        delivered_to: ["Delivered-To", "X-Original-To"]
            .iter()
            .flat_map(|name| raw_values(&message, name))
            .map(|v| normalise_address(v.trim().trim_start_matches('<').trim_end_matches('>')))
            .filter(|a| !a.is_empty())
            .collect(),
        subject: message
            .subject()
            .map(|s| s.trim().to_owned())
            .unwrap_or_default(),
        date: message.date().and_then(timestamp),
        received_date: message
            .received()
            .and_then(|r| r.date())
            .as_ref()
            .and_then(timestamp),
        text,
        html_only,
        attachments,
        in_reply_to: ids(message.in_reply_to()),
        references: ids(message.references()),
        language: text_values(message.root_part().content_language())
            .into_iter()
            .next()
            .map(|l| l.trim().to_ascii_lowercase())
            .filter(|l| !l.is_empty()),
        loop_headers: LoopHeaders {
            auto_submitted: first_raw(&message, "Auto-Submitted").map(|v| lower_token(&v)),
            precedence: first_raw(&message, "Precedence").map(|v| lower_token(&v)),
            list_id: first_raw(&message, "List-Id").is_some(),
            list_unsubscribe: first_raw(&message, "List-Unsubscribe").is_some(),
            auto_response_suppress: first_raw(&message, "X-Auto-Response-Suppress")
                .map(|v| v.trim().to_owned()),
            return_path: first_raw(&message, "Return-Path").map(|v| v.trim().to_owned()),
        },
    })
}

/// Every text body part; when there are only HTML parts, those converted to text.
fn body_text(message: &Message<'_>) -> (String, bool) {
    let mut plain = Vec::new();
    let mut html = Vec::new();
    for part in message.text_bodies() {
        match &part.body {
            PartType::Text(t) => plain.push(t.to_string()),
            PartType::Html(h) => html.push(mail_parser::decoders::html::html_to_text(h)),
            _ => {}
        }
    }
    if plain.is_empty() && html.is_empty() {
        // A single HTML part is not always listed as a text body.
        for part in message.html_bodies() {
            if let PartType::Html(h) = &part.body {
                html.push(mail_parser::decoders::html::html_to_text(h));
            }
        }
    }
    if plain.is_empty() {
        let html_only = !html.is_empty();
        (join(html), html_only)
    } else {
        (join(plain), false)
    }
}

fn join(parts: Vec<String>) -> String {
    parts
        .iter()
        .map(|p| p.trim_end())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn attachment(part: &mail_parser::MessagePart<'_>) -> ParsedAttachment {
    let content_type = part.content_type().map(|ct| match ct.subtype() {
        Some(sub) => format!("{}/{}", ct.ctype(), sub).to_ascii_lowercase(),
        None => ct.ctype().to_ascii_lowercase(),
    });
    let text = match &part.body {
        PartType::Text(t) => Some(t.to_string()),
        PartType::Html(h) => Some(mail_parser::decoders::html::html_to_text(h)),
        PartType::Message(m) => {
            let (text, _) = body_text(m);
            let subject = m.subject().unwrap_or_default();
            Some(format!("{subject}\n{text}"))
        }
        PartType::Binary(_) | PartType::InlineBinary(_) | PartType::Multipart(_) => None,
    };
    let name = part
        .attachment_name()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .or_else(|| match &part.body {
            PartType::Message(m) => m.subject().map(|s| format!("{}.eml", s.trim())),
            _ => None,
        })
        .unwrap_or_else(|| UNNAMED.to_owned());
    ParsedAttachment {
        name,
        content_type,
        size: part.len() as u64,
        text,
    }
}

fn timestamp(d: &mail_parser::DateTime) -> Option<Timestamp> {
    if d.is_valid() {
        Timestamp::from_second(d.to_timestamp()).ok()
    } else {
        None
    }
}

fn addresses(list: Option<&Address<'_>>) -> Vec<String> {
    list.map(|a| {
        a.iter()
            .filter_map(|a| a.address())
            .map(normalise_address)
            .filter(|a| !a.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

/// Lower case, trimmed: mailbox addresses compare without regard to case in practice.
pub fn normalise_address(address: &str) -> String {
    address.trim().to_lowercase()
}

/// A Message-ID without angle brackets and spaces.
pub fn clean_id(id: &str) -> String {
    id.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_owned()
}

fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    text_values(value)
        .iter()
        .flat_map(|v| v.split_whitespace())
        .map(clean_id)
        .filter(|id| !id.is_empty())
        .collect()
}

fn text_values<'a>(value: &'a HeaderValue<'_>) -> Vec<Cow<'a, str>> {
    match value {
        HeaderValue::Text(t) => vec![Cow::Borrowed(t.as_ref())],
        HeaderValue::TextList(list) => list.iter().map(|t| Cow::Borrowed(t.as_ref())).collect(),
        _ => Vec::new(),
    }
}

/// Every raw value of a header, in order.
fn raw_values(message: &Message<'_>, name: &str) -> Vec<String> {
    let raw = message.raw_message();
    message
        .headers()
        .iter()
        .filter(|h| h.name().eq_ignore_ascii_case(name))
        .filter_map(|h| {
            let (start, end) = (h.offset_start() as usize, h.offset_end() as usize);
            raw.get(start..end)
                .map(|bytes| String::from_utf8_lossy(bytes).trim().to_owned())
        })
        .collect()
}

fn first_raw(message: &Message<'_>, name: &str) -> Option<String> {
    raw_values(message, name).into_iter().next()
}

/// The first word of a header value, lower case: "auto-replied; comment" → "auto-replied".
fn lower_token(value: &str) -> String {
    value
        .split([';', '(', ' ', '\t', '\r', '\n'])
        .find(|w| !w.is_empty())
        .unwrap_or_default()
        .to_ascii_lowercase()
}
