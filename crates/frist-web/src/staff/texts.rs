//! The text each message to the citizen starts from: its kind's template for the inquiry's case
//! type, in the citizen's language (da, en or de), resolved by `frist_policy::resolve` from the
//! administrator's edits and the inquiry's policy, filled in, and put between the greeting and
//! the caseworker's signature from the directory.
//!
//! One place for every message the staff pages write (the reply form's kinds, the extension's
//! notice, the information request), so that they cannot drift apart.

use super::signer::{self, Signer};
use crate::pages::i18n::Messages;
use frist_core::{Inquiry, MessageKind};
use frist_policy::{Policy, Template, TemplateKind, fill, resolve};

/// The template kind of a message kind the reply form offers.
pub(crate) fn template_kind(kind: MessageKind) -> TemplateKind {
    match kind {
        MessageKind::Acknowledgment => TemplateKind::Acknowledgment,
        MessageKind::Decision => TemplateKind::Decision,
        MessageKind::InformationRequest => TemplateKind::InformationRequest,
        MessageKind::ExtensionNotice => TemplateKind::ExtensionNotice,
        _ => TemplateKind::Answer,
    }
}

/// What the message's own placeholders stand for, beside those every kind has: `{date}`,
/// `{needed}`, `{reason}` (the complaint placeholders come from the case type).
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Values<'a> {
    pub date: Option<&'a str>,
    pub needed: Option<&'a str>,
    pub reason: Option<&'a str>,
}

/// The message `kind` to the citizen of `inquiry` starts with, signed by `signer`.
/// `edited` are the administrator's templates; `policy` is the inquiry's.
pub(crate) fn starting_text(
    inquiry: &Inquiry,
    policy: &Policy,
    edited: &[Template],
    signer: &Signer,
    kind: TemplateKind,
    values: Values<'_>,
) -> String {
    let lang = signer::citizen_lang(inquiry);
    let case_type = inquiry.case_type.as_deref();
    let template = resolve(kind, case_type, lang, edited, &policy.templates);
    let complaint = case_type.and_then(|id| policy.case_type(id));
    let acknowledged_date;
    let date = match (kind, values.date) {
        (_, Some(date)) => date,
        (TemplateKind::Acknowledgment, None) => {
            acknowledged_date = signer::expected_answer(inquiry)
                .map(|d| Messages::of(lang).date(d))
                .unwrap_or_default();
            &acknowledged_date
        }
        _ => "",
    };
    let reference = inquiry.reference.to_string();
    let text = fill(
        &template.body,
        &[
            ("reference", &reference),
            ("caseworker", &signer.name),
            ("date", date),
            ("needed", values.needed.unwrap_or_default()),
            ("reason", values.reason.unwrap_or_default()),
            (
                "complaint_to",
                complaint
                    .and_then(|c| c.complaint_to.as_deref())
                    .unwrap_or_default(),
            ),
            (
                "complaint_deadline",
                complaint
                    .and_then(|c| c.complaint_deadline.as_deref())
                    .unwrap_or_default(),
            ),
        ],
    );
    signer::body(inquiry, signer, &text)
}
