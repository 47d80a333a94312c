//! The e-mail itself, built from an outbox row and its inquiry.

use crate::outbox::{OutboundItem, text};
use frist_store::Notice;
use jiff::Timestamp;
use lettre::Message;
use lettre::message::Mailbox;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use std::time::{Duration, SystemTime};

/// The e-mail for `outbound`, from `from`, dated `now`. An error (shown to staff, no body or
/// address in it) means the message can never be sent as it is.
pub fn compose(outbound: &OutboundItem, from: &Mailbox, now: Timestamp) -> Result<Message, String> {
    let to: Mailbox = outbound
        .item
        .recipient
        .trim()
        .parse()
        .map_err(|_| "the recipient is not a valid e-mail address".to_owned())?;
    let mut builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(text::subject(outbound))
        .message_id(Some(outbound.item.message_id.clone()))
        .date(system_time(now));
    if let Some(theirs) = citizens_message_id(outbound) {
        builder = builder.in_reply_to(theirs.clone()).references(theirs);
    }
    if outbound.item.actor.as_deref() == Some(crate::mail::AUTO_REPLY_ACTOR) {
        // RFC 3834: an automatic reply, which other automatic responders leave unanswered.
        builder = builder.raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-replied".into(),
        ));
    }
    builder
        .header(ContentType::TEXT_PLAIN)
        .body(text::body(outbound))
        .map_err(|e| format!("the e-mail could not be built: {e}"))
}

/// The Message-ID of the citizen's e-mail this answers, if the inquiry came by e-mail with one
/// that is safe to put in a header.
fn citizens_message_id(outbound: &OutboundItem) -> Option<String> {
    let received = &outbound.inquiry.inquiry.received;
    if received.channel != frist_policy::Channel::Email {
        return None;
    }
    let id = received.external_id.as_deref()?.trim();
    let bare = id.trim_start_matches('<').trim_end_matches('>');
    let safe = !bare.is_empty()
        && bare.len() <= 900
        && bare.contains('@')
        && bare
            .chars()
            .all(|c| c.is_ascii_graphic() && c != '<' && c != '>');
    safe.then(|| format!("<{bare}>"))
}

fn system_time(t: Timestamp) -> SystemTime {
    match u64::try_from(t.as_second()) {
        Ok(s) => SystemTime::UNIX_EPOCH + Duration::from_secs(s),
        Err(_) => SystemTime::UNIX_EPOCH,
    }
}

/// The e-mail for a notice to staff, from `from`, dated `now`: marked automatic (RFC 3834) so
/// that an out-of-office reply does not answer it.
pub fn compose_notice(notice: &Notice, from: &Mailbox, now: Timestamp) -> Result<Message, String> {
    let to: Mailbox = notice
        .recipient
        .trim()
        .parse()
        .map_err(|_| "the recipient is not a valid e-mail address".to_owned())?;
    let mut body = notice.text.body.clone();
    if let Some(link) = &notice.text.link {
        body.push_str("\n\n");
        body.push_str(link);
        body.push('\n');
    }
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(notice.text.subject.clone())
        .message_id(Some(notice.message_id.clone()))
        .date(system_time(now))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("Auto-Submitted"),
            "auto-generated".into(),
        ))
        .raw_header(HeaderValue::new(
            HeaderName::new_from_ascii_str("X-Frist-Notice"),
            notice.kind.as_str().into(),
        ))
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| format!("the e-mail could not be built: {e}"))
}
