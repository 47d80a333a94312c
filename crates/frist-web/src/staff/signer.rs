//! Who signs a message to the citizen, and the texts a reply starts from.
//!
//! The caseworker is chosen from the directory (never typed), so the name, unit and direct
//! phone number the citizen reads are those the municipality keeps for that person (ROS-12: the
//! direct number on every letter). Every message starts with a greeting, the kind's text (from
//! its template, `texts.rs`) and this signature. The reply form switches the text with the kind
//! as long as the caseworker has not edited it (`static/frist.js`).

use super::words::reply::ReplyWords;
use frist_core::Inquiry;
use frist_i18n::Lang;
use frist_policy::Policy;
use frist_store::{Caseworker, Unit};

/// A caseworker as a message is signed: from the directory entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Signer {
    /// The user name, the form's value.
    pub id: String,
    pub name: String,
    /// The unit's name.
    pub unit: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl Signer {
    fn of(c: &Caseworker, units: &[Unit]) -> Self {
        let unit = c.unit.as_ref().map(|id| {
            units
                .iter()
                .find(|u| &u.id == id)
                .map_or_else(|| id.clone(), |u| u.name.clone())
        });
        Self {
            id: c.id.clone(),
            name: c.name.clone(),
            unit,
            phone: c.phone.clone(),
            email: c.email.clone(),
        }
    }

    /// A user without a directory entry: signed with the user name alone.
    fn unlisted(username: &str) -> Self {
        Self {
            id: username.to_owned(),
            name: username.to_owned(),
            unit: None,
            phone: None,
            email: None,
        }
    }

    /// How the citizen reaches the signer: the name with the direct phone (else e-mail), else
    /// the municipality's switchboard.
    pub(crate) fn contact(&self, policy: &Policy) -> String {
        self.phone
            .clone()
            .or_else(|| self.email.clone())
            .or_else(|| policy.municipality.phone.clone())
            .or_else(|| policy.municipality.email.clone())
            .map_or_else(|| self.name.clone(), |how| format!("{}, {how}", self.name))
    }

    /// "Venlig hilsen", the name, the unit and the direct phone number, one per line.
    fn signature(&self, w: &ReplyWords) -> String {
        let mut lines = vec![w.sign_off.to_owned(), self.name.clone()];
        lines.extend(self.unit.clone());
        lines.extend(
            self.phone
                .as_ref()
                .map(|p| w.direct_phone.replace("{phone}", p)),
        );
        lines.join("\n")
    }
}

/// Everyone who may sign: the directory, and the signed-in user first (also when not in it,
/// by user name, so that a new installation can answer before its directory is filled).
pub(crate) fn signers(caseworkers: &[Caseworker], units: &[Unit], username: &str) -> Vec<Signer> {
    let mut all: Vec<Signer> = caseworkers.iter().map(|c| Signer::of(c, units)).collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    match all.iter().position(|s| s.id == username) {
        Some(i) => {
            let me = all.remove(i);
            all.insert(0, me);
        }
        None => all.insert(0, Signer::unlisted(username)),
    }
    all
}

/// The signed-in user as a signer.
pub(crate) fn me(caseworkers: &[Caseworker], units: &[Unit], username: &str) -> Signer {
    caseworkers
        .iter()
        .find(|c| c.id == username)
        .map_or_else(|| Signer::unlisted(username), |c| Signer::of(c, units))
}

/// The language messages to this citizen are written in.
pub(crate) fn citizen_lang(inquiry: &Inquiry) -> Lang {
    match inquiry.received.language.as_deref() {
        Some("en") => Lang::En,
        Some("de") => Lang::De,
        _ => Lang::Da,
    }
}

/// A message's starting text: greeting, `text` (the kind's template, filled in), signature.
pub(crate) fn body(inquiry: &Inquiry, signer: &Signer, text: &str) -> String {
    let w = ReplyWords::of(citizen_lang(inquiry));
    let greeting = match inquiry.received.sender.name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => w.greeting.replace("{name}", name),
        _ => w.greeting_anonymous.to_owned(),
    };
    format!("{greeting}\n\n{text}\n\n{}", signer.signature(w))
}

/// The answer date a reply promises: a promise already made (moving it takes an extension),
/// else the earliest open answer deadline, else the acknowledgment's.
pub(crate) fn expected_answer(inquiry: &Inquiry) -> Option<frist_calendar::Date> {
    inquiry.expected_answer_date()
}
