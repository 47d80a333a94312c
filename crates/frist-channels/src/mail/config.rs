//! A mailbox as the configuration file describes it (`[[mailbox]]`): its address and whose it is
//! (which decides an inquiry's addressee, unit and caseworker), and, when Frist fetches it, how
//! to reach it over IMAP and what to do with a message once its inquiry is committed.

use serde::Deserialize;
use std::fmt;
use std::path::PathBuf;

/// Whose mailbox it is: the municipality's general one, a department's, or one person's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MailboxKind {
    General,
    Department,
    Personal,
}

/// What happens on the server to a message whose inquiry is committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum After {
    /// Mark it `\Seen`; only unseen messages are fetched. A person who reads the mailbox first
    /// (marking a message seen) hides it from Frist, so prefer `move` for shared mailboxes.
    #[default]
    Seen,
    /// Move it to `move_to`; everything in `folder` is fetched.
    Move,
    /// Leave it as it is (to try Frist on a mailbox without changing it); every message is
    /// fetched once per connection, and messages already stored count as duplicates.
    Keep,
}

/// One `[[mailbox]]` entry.
#[derive(Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mailbox {
    /// The address mail is sent to, e.g. "kommune@htk.dk".
    pub address: String,
    pub kind: MailboxKind,
    /// The unit (department) it belongs to; required for `department`.
    #[serde(default)]
    pub unit: Option<String>,
    /// The caseworker whose mailbox it is; required for `personal`.
    #[serde(default)]
    pub caseworker: Option<String>,
    /// IMAP server; without it the mailbox is only used to route imported mail.
    #[serde(default)]
    pub host: Option<String>,
    /// Default 993 with TLS, 143 without.
    #[serde(default)]
    pub port: Option<u16>,
    /// TLS from the first byte (IMAPS). Only turn it off for a server on this machine.
    #[serde(default = "yes")]
    pub tls: bool,
    /// Default: the address.
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
    /// A file holding the password (its first line), instead of `password`.
    #[serde(default)]
    pub password_file: Option<PathBuf>,
    #[serde(default = "inbox")]
    pub folder: String,
    #[serde(default)]
    pub after: After,
    /// The folder `after = "move"` moves to; created if missing.
    #[serde(default)]
    pub move_to: Option<String>,
    /// Seconds between looks when the server does not offer IDLE (and the longest an IDLE waits
    /// before Frist looks anyway).
    #[serde(default = "sixty")]
    pub poll_seconds: u64,
    /// Use IDLE when the server offers it.
    #[serde(default = "yes")]
    pub idle: bool,
}

fn yes() -> bool {
    true
}

fn inbox() -> String {
    "INBOX".to_owned()
}

fn sixty() -> u64 {
    60
}

impl fmt::Debug for Mailbox {
    /// Without the password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mailbox")
            .field("address", &self.address)
            .field("kind", &self.kind)
            .field("unit", &self.unit)
            .field("caseworker", &self.caseworker)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "***"))
            .field("password_file", &self.password_file)
            .field("folder", &self.folder)
            .field("after", &self.after)
            .field("move_to", &self.move_to)
            .finish_non_exhaustive()
    }
}

impl Mailbox {
    /// A mailbox used only for routing (no IMAP).
    pub fn routing(address: &str, kind: MailboxKind) -> Self {
        Self {
            address: address.to_owned(),
            kind,
            unit: None,
            caseworker: None,
            host: None,
            port: None,
            tls: true,
            username: None,
            password: None,
            password_file: None,
            folder: inbox(),
            after: After::Seen,
            move_to: None,
            poll_seconds: sixty(),
            idle: true,
        }
    }

    /// What is wrong with the entry, for the configuration error message.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let name = &self.address;
        if !self.address.contains('@') {
            problems.push(format!(
                "mailbox \"{name}\": address must be an e-mail address"
            ));
        }
        match self.kind {
            MailboxKind::Department if self.unit.is_none() => {
                problems.push(format!(
                    "mailbox \"{name}\": a department mailbox needs `unit`"
                ));
            }
            MailboxKind::Personal if self.caseworker.is_none() => problems.push(format!(
                "mailbox \"{name}\": a personal mailbox needs `caseworker`"
            )),
            _ => {}
        }
        if self.password.is_some() && self.password_file.is_some() {
            problems.push(format!(
                "mailbox \"{name}\": give `password` or `password_file`, not both"
            ));
        }
        if self.host.is_some() && self.password.is_none() && self.password_file.is_none() {
            problems.push(format!(
                "mailbox \"{name}\": fetching needs `password` or `password_file`"
            ));
        }
        if self.after == After::Move && self.move_to.is_none() {
            problems.push(format!(
                "mailbox \"{name}\": after = \"move\" needs `move_to`"
            ));
        }
        if self.poll_seconds == 0 {
            problems.push(format!(
                "mailbox \"{name}\": poll_seconds must be at least 1"
            ));
        }
        problems
    }

    /// Whether Frist fetches this mailbox.
    pub fn fetched(&self) -> bool {
        self.host.is_some()
    }

    pub fn port(&self) -> u16 {
        self.port.unwrap_or(if self.tls { 993 } else { 143 })
    }

    pub fn username(&self) -> &str {
        self.username.as_deref().unwrap_or(&self.address)
    }

    /// The password, read from `password_file` when given.
    pub fn password(&self) -> std::io::Result<String> {
        match (&self.password, &self.password_file) {
            (Some(p), _) => Ok(p.clone()),
            (None, Some(path)) => Ok(std::fs::read_to_string(path)?
                .lines()
                .next()
                .unwrap_or_default()
                .to_owned()),
            (None, None) => Ok(String::new()),
        }
    }

    /// `imap:ADDRESS/FOLDER`, the `source` of its messages.
    pub fn source(&self) -> String {
        format!("imap:{}/{}", self.address, self.folder)
    }
}
