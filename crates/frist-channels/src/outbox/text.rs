//! The citizen-facing text of an outgoing message: the body, then who handles the case, whom to
//! contact, the next step, when to expect an answer, where to follow the inquiry (the status
//! link, when the row carries one) and, for decisions, the complaint guidance; and the subject
//! line with the reference. The same words go by e-mail and into the directory outboxes, in
//! the citizen's language (Danish unless the inquiry was in English or German).

use super::OutboundItem;
use frist_core::{MessageKind, cpr};
use frist_i18n::Lang;
use frist_policy::{Channel, long_date};

struct Words {
    lang: Lang,
    caseworker: &'static str,
    contact: &'static str,
    next_step: &'static str,
    expected: &'static str,
    reply_by: &'static str,
    status_link: &'static str,
    complaint: &'static str,
    complaint_to: &'static str,
    complaint_deadline: &'static str,
    reference: &'static str,
    subject_acknowledgment: &'static str,
    subject_answer: &'static str,
    subject_status_link: &'static str,
    subject_other: &'static str,
}

const DA: Words = Words {
    lang: Lang::Da,
    caseworker: "Sagsbehandler",
    contact: "Kontakt",
    next_step: "Næste skridt",
    expected: "Du kan forvente svar senest",
    reply_by: "Send os venligst dit svar senest",
    status_link: "Følg din henvendelse her",
    complaint: "Klagevejledning",
    complaint_to: "Du kan klage til",
    complaint_deadline: "Klagefrist",
    reference: "Sagsnummer",
    subject_acknowledgment: "Kvittering for din henvendelse",
    subject_answer: "Svar på din henvendelse",
    subject_status_link: "Link til din henvendelse",
    subject_other: "Besked om din henvendelse",
};

const EN: Words = Words {
    lang: Lang::En,
    caseworker: "Caseworker",
    contact: "Contact",
    next_step: "Next step",
    expected: "You can expect an answer by",
    reply_by: "Please send us your reply by",
    status_link: "Follow your inquiry here",
    complaint: "How to complain",
    complaint_to: "You can complain to",
    complaint_deadline: "Deadline for complaints",
    reference: "Reference",
    subject_acknowledgment: "We have received your inquiry",
    subject_answer: "Answer to your inquiry",
    subject_status_link: "Link to your inquiry",
    subject_other: "About your inquiry",
};

const DE: Words = Words {
    lang: Lang::De,
    caseworker: "Sachbearbeitung",
    contact: "Kontakt",
    next_step: "Nächster Schritt",
    expected: "Sie erhalten eine Antwort spätestens am",
    reply_by: "Bitte senden Sie uns Ihre Antwort spätestens am",
    status_link: "Verfolgen Sie Ihr Anliegen hier",
    complaint: "Rechtsbehelfsbelehrung",
    complaint_to: "Sie können Beschwerde einlegen bei",
    complaint_deadline: "Beschwerdefrist",
    reference: "Referenznummer",
    subject_acknowledgment: "Wir haben Ihr Anliegen erhalten",
    subject_answer: "Antwort auf Ihr Anliegen",
    subject_status_link: "Link zu Ihrem Anliegen",
    subject_other: "Nachricht zu Ihrem Anliegen",
};

fn words(outbound: &OutboundItem) -> &'static Words {
    match outbound.inquiry.inquiry.received.language.as_deref() {
        Some("en") => &EN,
        Some("de") => &DE,
        _ => &DA,
    }
}

/// The subject: a reply to an e-mail keeps the citizen's subject ("Re: … [REF]") so that mail
/// programs thread it; otherwise it says what the message is, with the reference.
pub fn subject(outbound: &OutboundItem) -> String {
    let inquiry = &outbound.inquiry.inquiry;
    let reference = inquiry.reference.to_string();
    let original = cpr::mask(inquiry.received.subject.trim());
    if inquiry.received.channel == Channel::Email && !original.is_empty() {
        let bare = strip_reply_prefixes(&original);
        if bare.contains(&reference) {
            return format!("Re: {bare}");
        }
        return format!("Re: {bare} [{reference}]");
    }
    let w = words(outbound);
    let what = match outbound.item.message.kind {
        MessageKind::Acknowledgment => w.subject_acknowledgment,
        MessageKind::Answer | MessageKind::Decision => w.subject_answer,
        MessageKind::StatusLink => w.subject_status_link,
        _ => w.subject_other,
    };
    format!("{what} – {reference}")
}

fn strip_reply_prefixes(subject: &str) -> &str {
    let mut s = subject.trim();
    loop {
        let lower = s.get(..3).map(str::to_ascii_lowercase);
        match lower.as_deref() {
            Some("re:") | Some("sv:") | Some("aw:") => s = s.get(3..).unwrap_or("").trim_start(),
            _ => return s,
        }
    }
}

/// The message as plain text (UTF-8, lines ending in `\n`).
pub fn body(outbound: &OutboundItem) -> String {
    let w = words(outbound);
    let m = &outbound.item.message;
    let mut text = m.body.trim_end().to_owned();
    text.push_str("\n\n");
    let mut facts = Vec::new();
    if let Some(c) = &m.caseworker {
        facts.push(format!("{}: {c}", w.caseworker));
    }
    if let Some(c) = &m.contact {
        facts.push(format!("{}: {c}", w.contact));
    }
    if let Some(n) = &m.next_step {
        facts.push(format!("{}: {n}", w.next_step));
    }
    if let Some(d) = m.expected_answer_date {
        let date = long_date(d, w.lang);
        // An information request's date is when we need the citizen's reply.
        let what = if m.kind == MessageKind::InformationRequest {
            w.reply_by
        } else {
            w.expected
        };
        facts.push(format!("{what} {date}."));
    }
    if let Some(link) = &outbound.status_link {
        facts.push(format!("{}: {link}", w.status_link));
    }
    facts.push(format!(
        "{}: {}",
        w.reference, outbound.inquiry.inquiry.reference
    ));
    text.push_str(&facts.join("\n"));
    text.push('\n');
    if let Some(g) = &m.complaint_guidance {
        text.push_str(&format!("\n{}\n", w.complaint));
        if !g.body.trim().is_empty() {
            text.push_str(&format!("{} {}.\n", w.complaint_to, g.body.trim()));
        }
        if !g.how.trim().is_empty() {
            text.push_str(&format!("{}\n", g.how.trim()));
        }
        if !g.deadline.trim().is_empty() {
            text.push_str(&format!(
                "{}: {}\n",
                w.complaint_deadline,
                g.deadline.trim()
            ));
        }
    }
    let municipality = &outbound.policy.municipality;
    text.push_str(&format!("\n{}\n", municipality.name));
    for line in [
        &municipality.address,
        &municipality.phone,
        &municipality.website,
    ]
    .into_iter()
    .flatten()
    {
        text.push_str(&format!("{line}\n"));
    }
    text
}
