//! Message templates: the text a message to the citizen starts from, per kind, case type and
//! language, with named placeholders (`{reference}`) filled in when the message is written.
//!
//! A template is only the message's own text. The greeting and the signature come from the
//! sender and the caseworker's directory entry and are put around it by the caller, so that no
//! template can sign in someone else's name.
//!
//! Where a text comes from is decided here, without I/O ([`resolve`]): the administrator's edit
//! for the case type, the edit for all case types, the policy's template for the case type, the
//! policy's for all case types, and last the built-in text of the citizen catalogue
//! (`reply-*` keys), which exists in every language.

use frist_i18n::{Audience, Lang};
use std::borrow::Cow;
use std::fmt;

/// What a message is for; each kind has its own text and its own placeholders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TemplateKind {
    Acknowledgment,
    Answer,
    Decision,
    InformationRequest,
    ExtensionNotice,
}

impl TemplateKind {
    /// Every kind, in the order the administration page lists them.
    pub const ALL: [TemplateKind; 5] = [
        TemplateKind::Acknowledgment,
        TemplateKind::Answer,
        TemplateKind::Decision,
        TemplateKind::InformationRequest,
        TemplateKind::ExtensionNotice,
    ];

    /// The wire name, as in policy files, forms and the database.
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateKind::Acknowledgment => "acknowledgment",
            TemplateKind::Answer => "answer",
            TemplateKind::Decision => "decision",
            TemplateKind::InformationRequest => "information_request",
            TemplateKind::ExtensionNotice => "extension_notice",
        }
    }

    /// The kind with this wire name.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The wire names, for error messages.
    pub fn expected() -> String {
        Self::ALL.map(Self::as_str).join(", ")
    }

    /// The placeholders a text of this kind may use, each filled in when the message is
    /// written:
    /// - `reference`: the inquiry's reference, e.g. ROS-2026-000123;
    /// - `caseworker`: the signing caseworker's name from the directory;
    /// - `date`: the date the message names — the expected answer date (acknowledgment), the
    ///   reply-by date (information request), the new deadline (extension notice);
    /// - `needed`: what the information request asks for;
    /// - `reason`: why the deadline is extended;
    /// - `complaint_to`, `complaint_deadline`: who hears a complaint about the decision and by
    ///   when, from the case type (empty without one).
    pub fn placeholders(self) -> &'static [&'static str] {
        match self {
            TemplateKind::Acknowledgment => &["reference", "caseworker", "date"],
            TemplateKind::Answer => &["reference", "caseworker"],
            TemplateKind::Decision => &[
                "reference",
                "caseworker",
                "complaint_to",
                "complaint_deadline",
            ],
            TemplateKind::InformationRequest => &["reference", "caseworker", "needed", "date"],
            TemplateKind::ExtensionNotice => &["reference", "caseworker", "date", "reason"],
        }
    }

    /// The built-in text's key in the citizen catalogue.
    fn catalogue_key(self) -> &'static str {
        match self {
            TemplateKind::Acknowledgment => "reply-acknowledgment",
            TemplateKind::Answer => "reply-answer",
            TemplateKind::Decision => "reply-decision",
            TemplateKind::InformationRequest => "reply-information-request",
            TemplateKind::ExtensionNotice => "reply-extension-notice",
        }
    }

    /// The built-in text in `lang`, with `{name}` placeholders.
    pub fn standard(self, lang: Lang) -> String {
        frist_i18n::template(lang, Audience::Citizen, self.catalogue_key())
    }
}

impl fmt::Display for TemplateKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One template: a text for a kind, for one case type or all (`None`), in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    pub kind: TemplateKind,
    pub case_type: Option<String>,
    pub lang: Lang,
    pub body: String,
}

/// Why a template's text cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateError {
    /// The text is empty or only blanks.
    EmptyBody,
    /// `{name}` is not a placeholder of the kind.
    UnknownPlaceholder(String),
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::EmptyBody => f.write_str("the text is empty"),
            TemplateError::UnknownPlaceholder(name) => {
                write!(f, "{{{name}}} is not a placeholder of this kind")
            }
        }
    }
}

/// The names between braces in `body`: a `{` followed by letters, digits or `_` and a `}`.
/// Other braces are text, so a body may still write "{" where it means it.
pub fn placeholders_in(body: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or_default();
        let name_len = after
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = after.get(..name_len).unwrap_or_default();
        if !name.is_empty() && after.get(name_len..).is_some_and(|r| r.starts_with('}')) {
            found.push(name);
        }
        rest = after;
    }
    found
}

/// Whether `body` can be a text of `kind`: not empty, and every placeholder one of the kind's.
pub fn check_body(kind: TemplateKind, body: &str) -> Result<(), TemplateError> {
    if body.trim().is_empty() {
        return Err(TemplateError::EmptyBody);
    }
    match placeholders_in(body)
        .into_iter()
        .find(|name| !kind.placeholders().contains(name))
    {
        Some(name) => Err(TemplateError::UnknownPlaceholder(name.to_owned())),
        None => Ok(()),
    }
}

/// `body` with each `{name}` of `values` replaced by its value. Placeholders without a value
/// stay as they are, so a mistake shows in the form instead of vanishing.
pub fn fill(body: &str, values: &[(&str, &str)]) -> String {
    values.iter().fold(body.to_owned(), |text, (name, value)| {
        text.replace(&format!("{{{name}}}"), value)
    })
}

/// Where a resolved text comes from, as the administration page names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TemplateSource {
    /// The built-in text ("standard").
    Standard,
    /// The policy file's `[[templates]]` ("politik").
    Policy,
    /// An administrator's edit ("redigeret").
    Edited,
}

/// A resolved template: its text, where it comes from, and whether it was written for all case
/// types (an edit or policy text without a case type).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub body: Cow<'a, str>,
    pub source: TemplateSource,
    pub for_all_case_types: bool,
}

/// The text for `kind`, `case_type` and `lang`: the administrator's edit for the case type, the
/// edit for all case types, the policy's template for the case type, the policy's for all case
/// types, else the built-in text.
pub fn resolve<'a>(
    kind: TemplateKind,
    case_type: Option<&str>,
    lang: Lang,
    edited: &'a [Template],
    shipped: &'a [Template],
) -> Resolved<'a> {
    let find = |list: &'a [Template], case: Option<&str>| {
        list.iter()
            .find(|t| t.kind == kind && t.lang == lang && t.case_type.as_deref() == case)
    };
    let candidates = [
        (edited, case_type, TemplateSource::Edited),
        (edited, None, TemplateSource::Edited),
        (shipped, case_type, TemplateSource::Policy),
        (shipped, None, TemplateSource::Policy),
    ];
    for (list, case, source) in candidates {
        // Without a case type the first and second look-ups are the same; harmless.
        if let Some(t) = find(list, case) {
            return Resolved {
                body: Cow::Borrowed(&t.body),
                source,
                for_all_case_types: t.case_type.is_none(),
            };
        }
    }
    Resolved {
        body: Cow::Owned(kind.standard(lang)),
        source: TemplateSource::Standard,
        for_all_case_types: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(kind: TemplateKind, case: Option<&str>, lang: Lang, body: &str) -> Template {
        Template {
            kind,
            case_type: case.map(str::to_owned),
            lang,
            body: body.into(),
        }
    }

    use TemplateKind::{Answer, Decision};

    #[test]
    fn an_edit_for_the_case_type_wins_over_everything() {
        let edited = [
            t(Answer, None, Lang::Da, "redigeret alle"),
            t(Answer, Some("byg"), Lang::Da, "redigeret byg"),
        ];
        let shipped = [t(Answer, Some("byg"), Lang::Da, "politik byg")];
        let r = resolve(Answer, Some("byg"), Lang::Da, &edited, &shipped);
        assert_eq!(r.body, "redigeret byg");
        assert_eq!(r.source, TemplateSource::Edited);
        assert!(!r.for_all_case_types);
    }

    #[test]
    fn an_edit_for_all_case_types_wins_over_the_policy_even_for_its_case_type() {
        let edited = [t(Answer, None, Lang::Da, "redigeret alle")];
        let shipped = [t(Answer, Some("byg"), Lang::Da, "politik byg")];
        let r = resolve(Answer, Some("byg"), Lang::Da, &edited, &shipped);
        assert_eq!(r.body, "redigeret alle");
        assert_eq!(r.source, TemplateSource::Edited);
        assert!(r.for_all_case_types);
    }

    #[test]
    fn the_policy_text_for_the_case_type_comes_before_its_text_for_all() {
        let shipped = [
            t(Decision, None, Lang::Da, "politik alle"),
            t(Decision, Some("byg"), Lang::Da, "politik byg"),
        ];
        let byg = resolve(Decision, Some("byg"), Lang::Da, &[], &shipped);
        assert_eq!(
            (byg.body.as_ref(), byg.source),
            ("politik byg", TemplateSource::Policy)
        );
        let other = resolve(Decision, Some("pas"), Lang::Da, &[], &shipped);
        assert_eq!(other.body, "politik alle");
        let none = resolve(Decision, None, Lang::Da, &[], &shipped);
        assert_eq!(none.body, "politik alle");
    }

    #[test]
    fn an_edit_for_another_case_type_kind_or_language_is_not_used() {
        let edited = [
            t(Answer, Some("byg"), Lang::Da, "byg"),
            t(Decision, None, Lang::Da, "afgørelse"),
            t(Answer, None, Lang::En, "english"),
        ];
        let r = resolve(Answer, Some("pas"), Lang::Da, &edited, &[]);
        assert_eq!(r.source, TemplateSource::Standard);
        assert_eq!(r.body, Answer.standard(Lang::Da));
        let none = resolve(Answer, None, Lang::Da, &edited, &[]);
        assert_eq!(none.source, TemplateSource::Standard);
    }

    #[test]
    fn the_built_in_text_exists_for_every_kind_and_language_and_uses_only_its_placeholders() {
        for kind in TemplateKind::ALL {
            for lang in Lang::ALL {
                let text = kind.standard(lang);
                assert!(!text.starts_with("reply-"), "{kind} {lang:?} is missing");
                assert_eq!(check_body(kind, &text), Ok(()), "{kind} {lang:?}: {text}");
            }
        }
    }

    #[test]
    fn a_placeholder_the_kind_does_not_know_is_named() {
        assert_eq!(
            check_body(Answer, "Svar på {reference} senest {date}."),
            Err(TemplateError::UnknownPlaceholder("date".into()))
        );
        assert_eq!(check_body(Answer, "  \n "), Err(TemplateError::EmptyBody));
        // Braces that are not a placeholder are text.
        assert_eq!(check_body(Answer, "a { b } {} {x-y} {"), Ok(()));
        assert_eq!(
            check_body(TemplateKind::ExtensionNotice, "{reference} {date} {reason}"),
            Ok(())
        );
    }

    #[test]
    fn fill_replaces_every_occurrence_and_leaves_unknown_names() {
        assert_eq!(
            fill(
                "{reference}: {reference} {other}",
                &[("reference", "ROS-1"), ("date", "x")]
            ),
            "ROS-1: ROS-1 {other}"
        );
    }

    #[test]
    fn kinds_read_back_from_their_wire_names() {
        for kind in TemplateKind::ALL {
            assert_eq!(TemplateKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(TemplateKind::parse("letter"), None);
    }
}
