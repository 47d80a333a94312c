//! What it takes to put a message in the outbox: which channels go through it, the recipient
//! of a channel, our Message-ID, and the row itself ([`outbox_item`]).

use frist_core::{Inquiry, OutgoingMessage};
use frist_policy::Channel;
use frist_store::{InquiryId, NewOutboxItem, new_status_token};
use jiff::Timestamp;
use rand::RngCore;

/// The outbox row for `message` about `inquiry`: its recipient on the message's channel, a new
/// Message-ID, and a new status link when the message's kind carries one (an acknowledgment,
/// a status-link message). Every path that queues a message to the citizen builds its row here
/// (the staff page, the API, a notice, an information request, the automatic replies, the web
/// form's confirmation), so no acknowledgment goes without a link.
pub fn outbox_item(
    inquiry_id: InquiryId,
    inquiry: &Inquiry,
    message: OutgoingMessage,
    domain: &str,
    actor: Option<String>,
    at: Timestamp,
) -> Result<NewOutboxItem, NoRecipient> {
    let recipient = recipient(inquiry, message.channel)?;
    let link = message.kind.carries_status_link() && delivered_through_outbox(message.channel);
    Ok(NewOutboxItem {
        inquiry_id,
        message_id: message_id(&inquiry.reference.to_string(), domain),
        message,
        recipient,
        actor,
        created_at: at,
        status_token: link.then(new_status_token),
    })
}

/// Whether messages on `channel` are delivered through the outbox. The others (the web form's
/// status page, phone, in person) reach the citizen without a delivery, and are recorded at once.
/// Facebook joins when its delivery exists.
pub fn delivered_through_outbox(channel: Channel) -> bool {
    matches!(
        channel,
        Channel::Email | Channel::DigitalPost | Channel::Letter | Channel::Facebook
    )
}

/// Why a message cannot go by a channel: the inquiry holds no address for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the sender left no {0} to send to")]
pub struct NoRecipient(pub &'static str);

/// What `channel` addresses for this inquiry's sender. Digital Post names the sender only by
/// reference (`cpr:sender`, `cvr:…`): the CPR number stays in the inquiry, read at delivery.
pub fn recipient(inquiry: &Inquiry, channel: Channel) -> Result<String, NoRecipient> {
    let sender = &inquiry.received.sender;
    match channel {
        Channel::Email => sender.email.clone().ok_or(NoRecipient("e-mail address")),
        Channel::DigitalPost => match (&sender.cvr, &sender.cpr) {
            (Some(cvr), _) => Ok(format!("cvr:{cvr}")),
            (None, Some(_)) => Ok("cpr:sender".into()),
            (None, None) => Err(NoRecipient("CPR or CVR number")),
        },
        Channel::Facebook => sender
            .facebook_id
            .as_ref()
            .map(|id| format!("psid:{id}"))
            .ok_or(NoRecipient("Facebook id")),
        // A letter goes to the postal address the sender gave; without one it is not sent
        // (a printed letter with no address would be called sent and reach no one).
        Channel::Letter => sender
            .postal_address
            .as_deref()
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(|a| a.lines().map(str::trim).collect::<Vec<_>>().join(", "))
            .ok_or(NoRecipient("postal address")),
        _ => Ok("sender".into()),
    }
}

/// A new Message-ID for a message about `reference`: `<REF.RANDOM@domain>`. The reference makes
/// a citizen's reply easy to thread; 64 random bits make it unique.
pub fn message_id(reference: &str, domain: &str) -> String {
    let mut bytes = [0u8; 8];
    rand::rng().fill_bytes(&mut bytes);
    format!("<{reference}.{}@{domain}>", hex::encode(bytes))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn message_ids_carry_the_reference_and_are_unique() {
        let a = message_id("HTK-2026-000123", "htk.dk");
        let b = message_id("HTK-2026-000123", "htk.dk");
        assert!(a.starts_with("<HTK-2026-000123."), "{a}");
        assert!(a.ends_with("@htk.dk>"), "{a}");
        assert_ne!(a, b);
    }
}
