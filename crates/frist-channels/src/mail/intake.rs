//! From bytes to what the store receives: parse, route, find what ties the message to a stored
//! inquiry, look for CPR numbers in the text and text attachments, and decide whether it is for
//! a person to look at instead. Pure: the directory and "now" are given, so IMAP and `.eml`
//! import share it, and it runs on any core.
//!
//! A message is kept raw and flagged, never dropped, when it cannot be parsed, when it has no
//! sender address (nobody to answer), or when it has no subject, text or attachment at all.

use super::config::Mailbox;
use super::loops::auto_reply_allowed;
use super::parse::{ParsedMail, parse};
use super::route::{Directory, Route};
use super::thread::thread_keys;
use frist_core::{Attachment, CitizenMessage, Event, EventKind, NewInquiry, Sender, SenderKind};
use frist_policy::{COPENHAGEN, Channel, InquiryKind, Policy};
use frist_store::{IncomingMail, MailContent, ReadableMail};
use jiff::Timestamp;
use std::sync::Arc;

/// The actor of events intake adds (the note on an absence).
pub const ACTOR: &str = "mail";

/// When the municipality received a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenReceived {
    /// Known: the IMAP server's arrival time (INTERNALDATE).
    At(Timestamp),
    /// From the message (an imported file): its newest `Received` header, else its `Date`;
    /// `now` when neither is there or one lies in the future.
    FromHeaders,
}

/// Where and when a message arrived.
#[derive(Debug, Clone)]
pub struct Arrival<'a> {
    /// `imap:ADDRESS/FOLDER` or `file:PATH`.
    pub source: String,
    /// The mailbox it was fetched from; `None` for an imported file (routed by recipients).
    pub mailbox: Option<&'a Mailbox>,
    pub when: WhenReceived,
    /// Now: when Frist got it.
    pub now: Timestamp,
}

/// Intake with what it needs to know: the directory and the policy new inquiries fall under.
#[derive(Debug, Clone)]
pub struct Intake {
    directory: Directory,
    our_addresses: Vec<String>,
    policy: Arc<Policy>,
}

impl Intake {
    pub fn new(mut directory: Directory, policy: Arc<Policy>) -> Self {
        if directory.municipality_email.is_none() {
            directory.municipality_email = policy.municipality.email.clone();
        }
        let our_addresses = directory.our_addresses();
        Self {
            directory,
            our_addresses,
            policy,
        }
    }

    pub fn directory(&self) -> &Directory {
        &self.directory
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The municipality's own addresses, lower case.
    pub fn our_addresses(&self) -> &[String] {
        &self.our_addresses
    }

    /// What the store is to receive for `raw`. Never panics, whatever the bytes.
    pub fn incoming(&self, raw: Vec<u8>, arrival: Arrival<'_>) -> IncomingMail {
        let parsed = parse(&raw);
        let message_id = parsed.as_ref().ok().and_then(|p| p.message_id.clone());
        let mut mail = IncomingMail::new(
            raw,
            message_id,
            arrival.source.clone(),
            arrival.now,
            MailContent::Flagged {
                reason: String::new(),
            },
        );
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(e) => {
                mail.content = MailContent::Flagged {
                    reason: format!("unreadable: {e}"),
                };
                return mail;
            }
        };
        mail.subject = parsed.subject.clone();
        mail.from = parsed.from_address.clone();
        mail.content = match problem(&parsed) {
            Some(reason) => MailContent::Flagged { reason },
            None => MailContent::Readable(Box::new(self.readable(&parsed, &mail, &arrival))),
        };
        mail
    }

    fn readable(
        &self,
        parsed: &ParsedMail,
        mail: &IncomingMail,
        arrival: &Arrival<'_>,
    ) -> ReadableMail {
        let received_at = match arrival.when {
            WhenReceived::At(at) => at,
            WhenReceived::FromHeaders => parsed
                .received_date
                .or(parsed.date)
                .filter(|t| *t <= arrival.now)
                .unwrap_or(arrival.now),
        };
        let day = COPENHAGEN.to_datetime(received_at).date();
        let route = match arrival.mailbox {
            Some(mailbox) => self.directory.route_mailbox(mailbox, day),
            None => self.directory.route_recipients(parsed, day),
        };
        let attachments: Vec<Attachment> = parsed
            .attachments
            .iter()
            .map(|a| Attachment {
                name: a.name.clone(),
                content_type: a.content_type.clone(),
                size: Some(a.size),
                contains_cpr: a.text.as_deref().is_some_and(frist_core::cpr::contains),
            })
            .collect();
        let inquiry = NewInquiry {
            channel: Channel::Email,
            to: route.to,
            unit: route.unit.clone(),
            caseworker: route.caseworker.clone(),
            kind: InquiryKind::Other,
            case_type: None,
            received_at,
            sender: Sender {
                kind: SenderKind::Person,
                name: parsed.from_name.clone(),
                email: parsed
                    .from_address
                    .clone()
                    .or_else(|| parsed.reply_to.clone()),
                ..Sender::default()
            },
            language: parsed.language.clone(),
            subject: parsed.subject.clone(),
            body: parsed.text.clone(),
            attachments: attachments.clone(),
            external_id: Some(mail.message_id.clone()),
        };
        let as_reply = Event {
            at: received_at,
            actor: None,
            kind: EventKind::MessageReceived {
                message: CitizenMessage {
                    channel: Channel::Email,
                    subject: parsed.subject.clone(),
                    body: parsed.text.clone(),
                    attachments,
                    external_id: Some(mail.message_id.clone()),
                },
            },
        };
        let then = absence_note(&route, received_at, &self.directory)
            .into_iter()
            .collect();
        ReadableMail {
            inquiry,
            then,
            as_reply,
            thread: thread_keys(parsed),
            absent_caseworker: route.absence.as_ref().map(|a| a.caseworker.id.clone()),
            auto_reply: route.absence.is_some() && auto_reply_allowed(parsed, &self.our_addresses),
        }
    }
}

/// Why a parsed message is for a person to look at, if it is.
fn problem(parsed: &ParsedMail) -> Option<String> {
    if parsed.from_address.is_none() && parsed.reply_to.is_none() {
        return Some("no sender address: nobody to answer".into());
    }
    if parsed.subject.trim().is_empty()
        && parsed.text.trim().is_empty()
        && parsed.attachments.is_empty()
    {
        return Some("empty: no subject, text or attachment".into());
    }
    None
}

/// The note on an inquiry that went to a substitute (or the unit) because the owner of the
/// personal mailbox is absent, so whoever opens it knows why it is theirs.
fn absence_note(route: &Route, at: Timestamp, directory: &Directory) -> Option<Event> {
    let absence = route.absence.as_ref()?;
    let owner = &absence.caseworker.name;
    let until = frist_policy::danish_date(absence.until);
    let text = match (&absence.substitute, &route.unit) {
        (Some(s), _) => format!(
            "Sendt til {owner}s personlige postkasse. {owner} er fraværende til og med {until}, \
             så henvendelsen er givet til stedfortræderen {}.",
            s.name
        ),
        (None, Some(unit)) => format!(
            "Sendt til {owner}s personlige postkasse. {owner} er fraværende til og med {until} \
             og har ingen stedfortræder, så henvendelsen ligger hos {}.",
            directory
                .unit(unit)
                .map_or(unit.as_str(), |u| u.name.as_str())
        ),
        (None, None) => format!(
            "Sendt til {owner}s personlige postkasse. {owner} er fraværende til og med {until} \
             og har ingen stedfortræder."
        ),
    };
    Some(Event {
        at,
        actor: Some(ACTOR.into()),
        kind: EventKind::Note {
            text,
            visible_to_citizen: false,
        },
    })
}
