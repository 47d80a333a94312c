//! What the staff pages need to put a message in the outbox: which channels go through it, the
//! recipient of a channel, and our Message-ID.

use frist_core::Inquiry;
use frist_policy::Channel;
use rand::RngCore;

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
