//! What the citizen sends after the inquiry was received: a reply by e-mail to our answer, a
//! second letter quoting the reference. It becomes a `message_received` event on the inquiry it
//! belongs to, never a new inquiry, so one matter keeps one reference and one set of deadlines.

use crate::inquiry::Attachment;
use frist_policy::Channel;
use serde::{Deserialize, Serialize};

/// A later message from the citizen about an inquiry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitizenMessage {
    pub channel: Channel,
    #[serde(default)]
    pub subject: String,
    /// Confidential: never written to logs.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The channel's own id (for e-mail the Message-ID).
    #[serde(default)]
    pub external_id: Option<String>,
}

impl CitizenMessage {
    /// Whether the message or one of its attachments contains a CPR number, so that replies
    /// about this inquiry must go securely.
    pub fn involves_cpr(&self) -> bool {
        crate::cpr::contains(&self.body)
            || crate::cpr::contains(&self.subject)
            || self.attachments.iter().any(|a| a.contains_cpr)
    }
}
