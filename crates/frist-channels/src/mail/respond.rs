//! Sends the absence auto-replies intake found due (HTK-5, ROS-3): each is written with
//! [`super::auto_reply::absence_reply`] and queued in the outbox as an e-mail to the sender
//! (its row built by [`crate::outbox::outbox_item`], like every message to the citizen),
//! then recorded as handled.
//!
//! The outbox row's Message-ID is derived from the stored message, so a crash between queueing
//! and recording it handled queues nothing twice: the second attempt finds the Message-ID taken
//! and only records. The e-mail carries `Auto-Submitted: auto-replied` (RFC 3834), so other
//! systems' auto-replies do not answer it.

use super::auto_reply::{AbsenceNotice, absence_reply, return_date};
use crate::outbox::{outbox_item, recipient};
use frist_core::{MessageKind, OutgoingMessage};
use frist_i18n::Lang;
use frist_policy::{Channel, Policy};
use frist_store::{MailStore, OutboxStore, Store, StoreError, StoreResult};
use jiff::Timestamp;

/// The outbox row's actor for automatic replies; the SMTP delivery marks such mail
/// `Auto-Submitted: auto-replied`.
pub const AUTO_REPLY_ACTOR: &str = "frist-auto-reply";

/// Queues every due auto-reply (up to `limit`); returns how many were queued.
pub async fn queue_auto_replies<S>(
    store: &S,
    policy: &Policy,
    domain: &str,
    now: Timestamp,
    limit: u32,
) -> StoreResult<u64>
where
    S: Store + MailStore + OutboxStore,
{
    let due = store.auto_replies_due(limit).await?;
    if due.is_empty() {
        return Ok(0);
    }
    let (caseworkers, units) = (store.caseworkers().await?, store.units().await?);
    let mut queued = 0;
    for mail in due {
        let Some(inquiry_id) = mail.inquiry_id else {
            store.auto_reply_handled(mail.id).await?;
            continue;
        };
        let stored = store.get_inquiry(inquiry_id).await?;
        let inquiry = &stored.inquiry;
        let absent = mail
            .absent_caseworker
            .as_deref()
            .and_then(|id| caseworkers.iter().find(|c| c.id == id));
        let (Some(absent), Ok(_)) = (absent, recipient(inquiry, Channel::Email)) else {
            // Nobody absent any more, or no address to answer: nothing to send.
            store.auto_reply_handled(mail.id).await?;
            continue;
        };
        let Some(absence) = &absent.absent else {
            store.auto_reply_handled(mail.id).await?;
            continue;
        };
        let substitute = absence
            .substitute
            .as_deref()
            .and_then(|id| caseworkers.iter().find(|c| c.id == id));
        let unit = absent
            .unit
            .as_deref()
            .and_then(|id| units.iter().find(|u| u.id == id));
        let notice = AbsenceNotice {
            municipality: &policy.municipality.name,
            absent,
            back_on: return_date(absence.until, &policy.calendar),
            substitute,
            unit,
            reference: Some(&inquiry.reference),
            subject: &inquiry.received.subject,
        };
        let lang = match inquiry.received.language.as_deref() {
            Some("en") => Lang::En,
            _ => Lang::Da,
        };
        let reply = absence_reply(&notice, lang);
        let message = OutgoingMessage {
            kind: MessageKind::Other,
            channel: Channel::Email,
            body: reply.body,
            caseworker: None,
            contact: None,
            next_step: None,
            expected_answer_date: None,
            appealable: false,
            complaint_guidance: None,
        };
        let actor = Some(AUTO_REPLY_ACTOR.to_owned());
        let Ok(mut item) = outbox_item(inquiry_id, inquiry, message, domain, actor, now) else {
            store.auto_reply_handled(mail.id).await?;
            continue;
        };
        // Derived from the stored message, so that queueing it again finds it taken.
        item.message_id = format!("<{}.auto-{}@{domain}>", inquiry.reference, mail.id);
        match store.enqueue(item).await {
            Ok(_) => queued += 1,
            // Queued before a crash kept it from being recorded handled.
            Err(StoreError::Conflict(_)) => {}
            Err(e) => return Err(e),
        }
        store.auto_reply_handled(mail.id).await?;
    }
    Ok(queued)
}
