//! What the municipality sends about an inquiry. The rules in [`crate::rules`] check a message
//! before it is sent; an accepted message becomes a `message_sent` event.

use frist_calendar::Date;
use frist_policy::Channel;
use serde::{Deserialize, Serialize};

/// What a message is for. An acknowledgment meets `acknowledgment` obligations; an answer or a
/// decision meets `acknowledgment` and `answer` obligations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// Kvittering: received, who handles it, what happens next, when to expect an answer.
    Acknowledgment,
    /// Endeligt svar.
    Answer,
    /// Afgørelse: an answer that decides a case; needs complaint guidance when appealable.
    Decision,
    /// Tells the citizen a deadline moves, to when and why (STE-3).
    ExtensionNotice,
    /// Asks the citizen for information (often starts "awaiting citizen").
    InformationRequest,
    Other,
    /// Frist's own message that gives the citizen a status link: the confirmation after the
    /// web form, or a new link asked for on "Har du mistet dit link?". Nobody handled the
    /// inquiry by it, so it meets no obligation (not even `triage`), leaves the state as it is,
    /// and may go to a closed inquiry (whose status page still shows the answer).
    StatusLink,
}

impl MessageKind {
    /// Whether the message is a final reply (meets `answer` obligations).
    pub fn is_final(self) -> bool {
        matches!(self, Self::Answer | Self::Decision)
    }

    /// Whether sending it is someone handling the inquiry (meets `triage`, opens a new
    /// inquiry): every kind but [`Self::StatusLink`], which Frist sends by itself.
    pub fn is_handling(self) -> bool {
        self != Self::StatusLink
    }

    /// Whether a message of this kind gives the citizen a status link when it is delivered
    /// (e-mail, Digital Post, letter, Messenger): an acknowledgment says where to follow the
    /// inquiry, and a status-link message is nothing else.
    pub fn carries_status_link(self) -> bool {
        matches!(self, Self::Acknowledgment | Self::StatusLink)
    }
}

/// Klagevejledning: where, how and by when to complain (forvaltningsloven § 25).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ComplaintGuidance {
    /// The body that hears the complaint, e.g. "Ankestyrelsen".
    #[serde(default)]
    pub body: String,
    /// How to complain, e.g. "Skriv til os inden fristen; vi sender klagen videre."
    #[serde(default)]
    pub how: String,
    /// The deadline, e.g. "4 uger fra du har modtaget afgørelsen".
    #[serde(default)]
    pub deadline: String,
}

impl ComplaintGuidance {
    /// The parts that are missing, by name.
    pub fn missing(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        if self.body.trim().is_empty() {
            missing.push("body");
        }
        if self.how.trim().is_empty() {
            missing.push("how");
        }
        if self.deadline.trim().is_empty() {
            missing.push("deadline");
        }
        missing
    }
}

/// A message about to be sent, or sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutgoingMessage {
    pub kind: MessageKind,
    pub channel: Channel,
    pub body: String,
    /// The caseworker named in the message.
    #[serde(default)]
    pub caseworker: Option<String>,
    /// Whom to contact with questions (name, phone or e-mail).
    #[serde(default)]
    pub contact: Option<String>,
    /// The next step in the case, as told to the citizen.
    #[serde(default)]
    pub next_step: Option<String>,
    /// When the citizen can expect the answer.
    #[serde(default)]
    pub expected_answer_date: Option<Date>,
    /// Whether a decision can be appealed.
    #[serde(default)]
    pub appealable: bool,
    #[serde(default)]
    pub complaint_guidance: Option<ComplaintGuidance>,
}
