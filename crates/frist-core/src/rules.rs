//! Rules on what the municipality sends, checked before anything is sent (and available as a
//! dry run). Each violation names its rule, the goal it comes from, and says in Danish and
//! English what is wrong.
//!
//! Two rules apply under every policy because the law requires them: complaint guidance with
//! an appealable decision (forvaltningsloven § 25) and no CPR number by plain e-mail
//! (Datatilsynet's practice). The others apply where the policy names them on a goal.
//! Readability and case-type notices only warn; everything else blocks.

use crate::cpr;
use crate::inquiry::Inquiry;
use crate::message::{MessageKind, OutgoingMessage};
use frist_calendar::Date;
use frist_policy::{Channel, Policy, RuleKind};
use serde::Serialize;

/// Source given for rules that apply by law under every policy.
pub const LAW_COMPLAINT_GUIDANCE: &str = "FVL-25";
/// Source given for the CPR rule where the policy does not state it.
pub const LAW_SECURE_CPR: &str = "DT-CPR";

/// Whether a violation stops the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Block,
    Warn,
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The rule's name, e.g. `complaint_guidance`.
    pub rule: &'static str,
    /// The goal (e.g. "HTK-2") or law ("FVL-25") it comes from.
    pub source: String,
    pub severity: Severity,
    /// English.
    pub message: String,
    pub message_da: String,
}

impl Violation {
    fn new(rule: &'static str, source: String, severity: Severity, en: String, da: String) -> Self {
        Self {
            rule,
            source,
            severity,
            message: en,
            message_da: da,
        }
    }
}

fn rule_name(rule: RuleKind) -> &'static str {
    rule.name()
}

/// The goals of `policy` that name `rule`, joined ("HTK-1, STE-5"); `None` if none does.
fn sources(policy: &Policy, rule: RuleKind) -> Option<String> {
    let ids: Vec<&str> = policy
        .goals
        .iter()
        .filter(|g| g.rules.contains(&rule))
        .map(|g| g.source.as_str())
        .collect();
    (!ids.is_empty()).then(|| ids.join(", "))
}

fn is_response(kind: MessageKind) -> bool {
    !matches!(kind, MessageKind::Other | MessageKind::StatusLink)
}

fn blank(value: &Option<String>) -> bool {
    value.as_deref().is_none_or(|v| v.trim().is_empty())
}

/// Checks a message about to be sent for `inquiry` under `policy`.
pub fn check_message(
    inquiry: &Inquiry,
    message: &OutgoingMessage,
    policy: &Policy,
) -> Vec<Violation> {
    let mut out = Vec::new();
    secure_channel(inquiry, message, policy, &mut out);
    complaint_guidance(message, policy, &mut out);
    if let Some(source) = sources(policy, RuleKind::AcknowledgmentContent) {
        acknowledgment_content(message, &source, &mut out);
    }
    if let Some(source) = sources(policy, RuleKind::ContactPerson)
        && is_response(message.kind)
        && blank(&message.contact)
        && !out
            .iter()
            .any(|v| v.rule == "acknowledgment_content" && v.message.contains("whom to contact"))
    {
        out.push(Violation::new(
            rule_name(RuleKind::ContactPerson),
            source,
            Severity::Block,
            "The reply must say whom the citizen can contact with questions.".into(),
            "Svaret skal oplyse, hvem borgeren kan kontakte med spørgsmål.".into(),
        ));
    }
    if let Some(source) = sources(policy, RuleKind::WrittenDecision)
        && message.kind == MessageKind::Decision
        && !matches!(
            message.channel,
            Channel::Email | Channel::Letter | Channel::DigitalPost
        )
    {
        out.push(Violation::new(
            rule_name(RuleKind::WrittenDecision),
            source,
            Severity::Block,
            format!("A decision must be given in writing (e-mail, letter or Digital Post), not by {}.", message.channel.label_en()),
            format!("En afgørelse skal gives skriftligt (e-mail, brev eller Digital Post), ikke via {}.", message.channel.label_da()),
        ));
    }
    if let Some(source) = sources(policy, RuleKind::Readability) {
        readability(message, policy, &source, &mut out);
    }
    if let Some(source) = sources(policy, RuleKind::CaseTypeNotices)
        && message.kind.is_final()
        && let Some(case_type) = inquiry
            .case_type
            .as_deref()
            .and_then(|id| policy.case_type(id))
    {
        for notice in &case_type.notices {
            if !message.body.contains(notice.as_str()) {
                out.push(Violation::new(
                    rule_name(RuleKind::CaseTypeNotices),
                    source.clone(),
                    Severity::Warn,
                    format!(
                        "Case type \"{}\" asks for this notice in the reply: {notice}",
                        case_type.name
                    ),
                    format!(
                        "Sagstypen \"{}\" kræver denne oplysning i svaret: {notice}",
                        case_type.name
                    ),
                ));
            }
        }
    }
    out
}

fn secure_channel(
    inquiry: &Inquiry,
    message: &OutgoingMessage,
    policy: &Policy,
    out: &mut Vec<Violation>,
) {
    let secure = matches!(message.channel, Channel::DigitalPost | Channel::Letter);
    if secure || !(inquiry.involves_cpr() || cpr::contains(&message.body)) {
        return;
    }
    let source =
        sources(policy, RuleKind::SecureChannelForCpr).unwrap_or_else(|| LAW_SECURE_CPR.to_owned());
    out.push(Violation::new(
        rule_name(RuleKind::SecureChannelForCpr),
        source,
        Severity::Block,
        format!(
            "The inquiry or the reply contains a CPR number, so the reply must go by Digital Post or letter, not by {}.",
            message.channel.label_en()
        ),
        format!(
            "Henvendelsen eller svaret indeholder et CPR-nummer, så svaret skal sendes med Digital Post eller brev, ikke via {}.",
            message.channel.label_da()
        ),
    ));
}

fn complaint_guidance(message: &OutgoingMessage, policy: &Policy, out: &mut Vec<Violation>) {
    if message.kind != MessageKind::Decision || !message.appealable {
        return;
    }
    let missing: Vec<&str> = match &message.complaint_guidance {
        None => vec!["body", "how", "deadline"],
        Some(g) => g.missing(),
    };
    if missing.is_empty() {
        return;
    }
    let source = sources(policy, RuleKind::ComplaintGuidance)
        .unwrap_or_else(|| LAW_COMPLAINT_GUIDANCE.to_owned());
    let da: Vec<&str> = missing
        .iter()
        .map(|m| match *m {
            "body" => "hvem der behandler klagen",
            "how" => "hvordan man klager",
            _ => "klagefristen",
        })
        .collect();
    let en: Vec<&str> = missing
        .iter()
        .map(|m| match *m {
            "body" => "who hears the complaint",
            "how" => "how to complain",
            _ => "the deadline for complaining",
        })
        .collect();
    out.push(Violation::new(
        rule_name(RuleKind::ComplaintGuidance),
        source,
        Severity::Block,
        format!(
            "A decision that can be appealed must carry complaint guidance; missing: {}.",
            en.join(", ")
        ),
        format!(
            "En afgørelse, der kan påklages, skal have klagevejledning; mangler: {}.",
            da.join(", ")
        ),
    ));
}

fn acknowledgment_content(message: &OutgoingMessage, source: &str, out: &mut Vec<Violation>) {
    if message.kind != MessageKind::Acknowledgment {
        return;
    }
    let mut missing_en = Vec::new();
    let mut missing_da = Vec::new();
    if blank(&message.caseworker) {
        missing_en.push("the caseworker's name");
        missing_da.push("sagsbehandlerens navn");
    }
    if blank(&message.next_step) {
        missing_en.push("the next step");
        missing_da.push("næste skridt");
    }
    if message.expected_answer_date.is_none() {
        missing_en.push("the expected answer date");
        missing_da.push("forventet svardato");
    }
    if blank(&message.contact) {
        missing_en.push("whom to contact");
        missing_da.push("hvem borgeren kan kontakte");
    }
    if !missing_en.is_empty() {
        out.push(Violation::new(
            rule_name(RuleKind::AcknowledgmentContent),
            source.to_owned(),
            Severity::Block,
            format!("An acknowledgment must state {}.", missing_en.join(", ")),
            format!("En kvittering skal oplyse {}.", missing_da.join(", ")),
        ));
    }
}

fn readability(message: &OutgoingMessage, policy: &Policy, source: &str, out: &mut Vec<Violation>) {
    let Some(settings) = &policy.readability else {
        return;
    };
    if let Some(max) = settings.max_lix
        && let Some(value) = lix(&message.body)
        && value > f64::from(max)
    {
        out.push(Violation::new(
            rule_name(RuleKind::Readability),
            source.to_owned(),
            Severity::Warn,
            format!("The text is hard to read (LIX {value:.0}, the aim is at most {max}): use shorter sentences and words."),
            format!("Teksten er svær at læse (LIX {value:.0}, målet er højst {max}): brug kortere sætninger og ord."),
        ));
    }
    let lower = message.body.to_lowercase();
    for (word, explanation) in &settings.jargon {
        if lower.contains(&word.to_lowercase()) && !lower.contains(&explanation.to_lowercase()) {
            out.push(Violation::new(
                rule_name(RuleKind::Readability),
                source.to_owned(),
                Severity::Warn,
                format!("\"{word}\" is jargon; explain it, e.g.: {explanation}."),
                format!("\"{word}\" er et fagudtryk; forklar det, fx: {explanation}."),
            ));
        }
    }
}

/// LIX readability: words per sentence + percentage of words longer than six letters.
/// `None` for a text without words.
pub fn lix(text: &str) -> Option<f64> {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return None;
    }
    let sentences = text
        .split(['.', '!', '?', ':', '\n'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let long = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 6)
        .count();
    let n = words.len() as f64;
    Some(n / sentences as f64 + long as f64 * 100.0 / n)
}

/// Checks an extension notice (STE-3, where the policy states it): it must give the new date
/// and a reason.
pub fn check_extension(
    new_due_date: Date,
    reason: &str,
    notice: &OutgoingMessage,
    policy: &Policy,
) -> Vec<Violation> {
    let Some(source) = sources(policy, RuleKind::ExtensionNotice) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if !mentions_date(&notice.body, new_due_date) {
        out.push(Violation::new(
            rule_name(RuleKind::ExtensionNotice),
            source.clone(),
            Severity::Block,
            format!("The notice must tell the citizen the new date ({new_due_date})."),
            format!(
                "Beskeden skal fortælle borgeren den nye dato ({}).",
                danish_date(new_due_date)
            ),
        ));
    }
    if reason.trim().is_empty() {
        out.push(Violation::new(
            rule_name(RuleKind::ExtensionNotice),
            source,
            Severity::Block,
            "The notice must say why the deadline moves.".into(),
            "Beskeden skal forklare, hvorfor fristen flyttes.".into(),
        ));
    }
    out
}

/// "29. december 2026".
pub use frist_policy::danish_date;

fn mentions_date(text: &str, d: Date) -> bool {
    let (y, m, day) = (d.year(), d.month(), d.day());
    let forms = [
        d.to_string(),
        format!("{day:02}-{m:02}-{y}"),
        format!("{day}-{m}-{y}"),
        format!("{day:02}.{m:02}.{y}"),
        format!("{day}.{m}.{y}"),
        format!("{day:02}/{m:02}/{y}"),
        format!("{day}/{m}/{y}"),
        danish_date(d),
    ];
    let lower = text.to_lowercase();
    forms.iter().any(|f| lower.contains(&f.to_lowercase()))
}

/// The rules that block, as a convenience for callers deciding whether to send.
pub fn blocking(violations: &[Violation]) -> impl Iterator<Item = &Violation> {
    violations.iter().filter(|v| v.severity == Severity::Block)
}
