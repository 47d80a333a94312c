//! What the template pages show: which template a request names, where its text comes from in
//! words, the placeholders' meanings, and the pages themselves.

use super::super::StaffChrome;
use super::super::words::templates::TemplateWords;
use crate::pages::fields::FieldErrors;
use askama::Template as Page;
use frist_i18n::Lang;
use frist_policy::{Policy, Template, TemplateKind, TemplateSource};
use frist_store::StoredTemplate;

/// A template's key, checked against the policy in force.
#[derive(Debug, Clone, Copy)]
pub(super) struct Key<'a> {
    pub(super) kind: TemplateKind,
    pub(super) case_type: Option<&'a str>,
    pub(super) lang: Lang,
}

impl<'a> Key<'a> {
    /// The key `kind`, `case_type` ("" for all) and `lang` name, if they are a kind, one of the
    /// policy's case types and a language Frist writes to citizens in.
    pub(super) fn parse(
        kind: &str,
        case_type: &'a str,
        lang: &str,
        policy: &Policy,
    ) -> Option<Self> {
        let kind = TemplateKind::parse(kind)?;
        let lang = Lang::ALL.into_iter().find(|l| l.code() == lang)?;
        let case_type = match case_type {
            "" => None,
            id => {
                policy.case_type(id)?;
                Some(id)
            }
        };
        Some(Key {
            kind,
            case_type,
            lang,
        })
    }
}

pub(super) fn case_type_ref(case_type: Option<&str>) -> &str {
    case_type.unwrap_or("")
}

pub(super) fn kind_label(w: &TemplateWords, kind: TemplateKind) -> &'static str {
    match kind {
        TemplateKind::Acknowledgment => w.kind_acknowledgment,
        TemplateKind::Answer => w.kind_answer,
        TemplateKind::Decision => w.kind_decision,
        TemplateKind::InformationRequest => w.kind_information_request,
        TemplateKind::ExtensionNotice => w.kind_extension_notice,
    }
}

/// Where a text comes from, in words: "Redigeret (alle sagstyper)" when a case type's text is
/// the one written for all.
pub(super) fn source_label(w: &TemplateWords, source: TemplateSource, inherited: bool) -> String {
    let name = match source {
        TemplateSource::Standard => return w.source_standard.to_owned(),
        TemplateSource::Policy => w.source_policy,
        TemplateSource::Edited => w.source_edited,
    };
    if inherited {
        format!("{name} {}", w.for_all)
    } else {
        name.to_owned()
    }
}

/// What each placeholder of `kind` stands for.
pub(super) fn placeholder_hints(
    w: &TemplateWords,
    kind: TemplateKind,
) -> Vec<(String, &'static str)> {
    kind.placeholders()
        .iter()
        .map(|name| {
            let hint = match (*name, kind) {
                ("reference", _) => w.ph_reference,
                ("caseworker", _) => w.ph_caseworker,
                ("date", TemplateKind::InformationRequest) => w.ph_date_information_request,
                ("date", TemplateKind::ExtensionNotice) => w.ph_date_extension_notice,
                ("date", _) => w.ph_date_acknowledgment,
                ("needed", _) => w.ph_needed,
                ("reason", _) => w.ph_reason,
                ("complaint_to", _) => w.ph_complaint_to,
                _ => w.ph_complaint_deadline,
            };
            (format!("{{{name}}}"), hint)
        })
        .collect()
}

/// One cell of the list: where the text comes from in one language, and the edit link.
#[derive(Debug)]
pub(super) struct Cell {
    pub(super) source: String,
    pub(super) edited: bool,
    pub(super) href: String,
    pub(super) link_label: String,
}

#[derive(Debug)]
pub(super) struct Row {
    pub(super) kind: &'static str,
    pub(super) case_type: String,
    pub(super) cells: Vec<Cell>,
}

#[derive(Debug, Page)]
#[template(path = "admin_templates.html")]
pub(super) struct ListPage {
    pub(super) chrome: StaffChrome,
    pub(super) w: &'static TemplateWords,
    pub(super) notice: Option<&'static str>,
    pub(super) langs: Vec<&'static str>,
    pub(super) rows: Vec<Row>,
}

#[derive(Debug, Page)]
#[template(path = "admin_template.html")]
pub(super) struct EditPage {
    pub(super) chrome: StaffChrome,
    pub(super) w: &'static TemplateWords,
    pub(super) csrf: String,
    pub(super) heading: String,
    pub(super) source: String,
    pub(super) changed: Option<String>,
    pub(super) edited: bool,
    pub(super) kind: &'static str,
    pub(super) case_type: String,
    pub(super) lang: &'static str,
    pub(super) body: String,
    pub(super) placeholders: Vec<(String, &'static str)>,
    pub(super) errors: FieldErrors,
}

pub(super) fn edits(stored: &[StoredTemplate]) -> Vec<Template> {
    stored.iter().map(|t| t.template.clone()).collect()
}
