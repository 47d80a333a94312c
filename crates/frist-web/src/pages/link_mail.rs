//! The e-mails that carry only a status link: the confirmation after the web form, and a new
//! link asked for on "Har du mistet dit link?". Both are `status_link` messages (they handle
//! nothing: see `frist_core::MessageKind::StatusLink`), written in the inquiry's language, with
//! the date the citizen can expect an answer; the link itself is added to the text at
//! delivery, from the outbox row's token, so it is never in the event log.
//!
//! They carry nothing of what the citizen wrote (no subject, no text), so they go by e-mail
//! even when the inquiry involves a CPR number: the secure-channel rule is about what a
//! message says, and the page behind the link masks CPR numbers.

use super::link_words::LinkWords;
use crate::state::AppState;
use frist_channels::outbox::{NoRecipient, outbox_item};
use frist_core::{Inquiry, MessageKind, OutgoingMessage};
use frist_i18n::Lang;
use frist_policy::Channel;
use frist_store::{InquiryId, NewOutboxItem};
use jiff::Timestamp;

/// The actor these messages are recorded with: Frist itself, not a member of staff.
pub(crate) const LINK_ACTOR: &str = "frist-status-link";

/// Which of the two e-mails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LinkMail {
    /// Right after the web form: "Tak for din henvendelse …".
    Confirmation,
    /// From "Har du mistet dit link?": the earlier links no longer work.
    NewLink,
}

/// The language the inquiry's messages are written in: the one it was received in, else Danish.
pub(crate) fn citizen_lang(inquiry: &Inquiry) -> Lang {
    inquiry
        .received
        .language
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// The outbox row of the e-mail, with a new status link; `NoRecipient` when the inquiry holds
/// no e-mail address.
pub(crate) fn link_mail<S>(
    app: &AppState<S>,
    id: InquiryId,
    inquiry: &Inquiry,
    which: LinkMail,
    at: Timestamp,
) -> Result<NewOutboxItem, NoRecipient> {
    let w = LinkWords::of(citizen_lang(inquiry));
    let message = OutgoingMessage {
        kind: MessageKind::StatusLink,
        channel: Channel::Email,
        body: match which {
            LinkMail::Confirmation => w.confirmation_body,
            LinkMail::NewLink => w.new_link_body,
        }
        .to_owned(),
        caseworker: None,
        contact: None,
        next_step: None,
        expected_answer_date: inquiry.expected_answer_date(),
        appealable: false,
        complaint_guidance: None,
    };
    let actor = Some(LINK_ACTOR.to_owned());
    outbox_item(id, inquiry, message, &app.outbox.domain, actor, at)
}
