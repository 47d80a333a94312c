//! `[[templates]]` in a policy file: a text per kind, case type and language, checked at load so
//! that a misspelt kind, case type, language or placeholder names itself and its line.

use super::POLICIES;
use frist_i18n::Lang;
use frist_policy::{Policy, TemplateKind};

const CASE_TYPE: &str = "\n[[case_type]]\nid = \"byggetilladelse\"\nname = \"Byggetilladelse\"\nappealable = true\ncomplaint_to = \"Planklagenævnet\"\n";

fn roskilde_with(extra: &str) -> String {
    let roskilde = POLICIES
        .iter()
        .find(|(n, _)| *n == "roskilde")
        .map(|(_, t)| *t)
        .unwrap_or_default();
    format!("{roskilde}{CASE_TYPE}{extra}")
}

/// The error for the policy with `extra` appended; it must point at the line `at`.
fn refused(extra: &str, at: &str) -> String {
    let text = roskilde_with(extra);
    match Policy::from_toml("roskilde.toml", &text) {
        Ok(_) => panic!("accepted: {extra}"),
        Err(e) => {
            let line = text.lines().position(|l| l == at).map(|i| i + 1);
            assert_eq!(e.position.map(|(l, _)| l), line, "{e}");
            e.to_string()
        }
    }
}

#[test]
fn a_policy_template_is_read_with_its_kind_case_type_and_language() {
    let text = roskilde_with(
        "\n[[templates]]\nkind = \"decision\"\ncase_type = \"byggetilladelse\"\nlang = \"de\"\nbody = \"Entscheidung {reference}; Beschwerde an {complaint_to}.\"\n",
    );
    let policy = Policy::from_toml("roskilde.toml", &text).unwrap();
    assert_eq!(policy.templates.len(), 1);
    let t = &policy.templates[0];
    assert_eq!(t.kind, TemplateKind::Decision);
    assert_eq!(t.case_type.as_deref(), Some("byggetilladelse"));
    assert_eq!(t.lang, Lang::De);
}

#[test]
fn an_unknown_kind_case_type_language_or_placeholder_is_named_at_its_line() {
    let table = |kind: &str, case: &str, lang: &str, body: &str| {
        format!("\n[[templates]]\nkind = \"{kind}\"\n{case}lang = \"{lang}\"\nbody = \"{body}\"\n")
    };
    let kind = refused(&table("letter", "", "da", "Hej"), "kind = \"letter\"");
    assert!(
        kind.contains("template kind \"letter\" is unknown; use one of acknowledgment, answer"),
        "{kind}"
    );
    let case = refused(
        &table("answer", "case_type = \"pas\"\n", "da", "Hej"),
        "case_type = \"pas\"",
    );
    assert!(
        case.contains("case type \"pas\": the policy has no [[case_type]]"),
        "{case}"
    );
    let lang = refused(&table("answer", "", "sv", "Hej"), "lang = \"sv\"");
    assert!(
        lang.contains("template language \"sv\" is unknown; use one of da, en, de"),
        "{lang}"
    );
    let body = "Svar på {reference} senest {date}.";
    let placeholder = refused(
        &table("answer", "", "da", body),
        &format!("body = \"{body}\""),
    );
    assert!(
        placeholder
            .contains("{date} is not a placeholder of answer; use {reference}, {caseworker}"),
        "{placeholder}"
    );
    let empty = refused(&table("answer", "", "da", " "), "body = \" \"");
    assert!(empty.contains("`body` is empty"), "{empty}");
}

#[test]
fn the_same_template_twice_is_refused() {
    let twice = "\n[[templates]]\nkind = \"answer\"\nlang = \"da\"\nbody = \"A\"\n";
    let text = roskilde_with(&format!("{twice}{twice}"));
    let e = Policy::from_toml("roskilde.toml", &text).unwrap_err();
    assert!(
        e.message
            .contains("template answer (da) for all case types appears twice"),
        "{e}"
    );
}

#[test]
fn hoeje_taastrup_ships_a_decision_text_that_says_it_is_a_decision_and_points_to_the_guidance() {
    let policy = super::shipped("hoeje-taastrup");
    let da = frist_policy::resolve(
        TemplateKind::Decision,
        None,
        Lang::Da,
        &[],
        &policy.templates,
    );
    assert_eq!(da.source, frist_policy::TemplateSource::Policy);
    assert!(da.body.contains("har truffet en afgørelse"), "{}", da.body);
    assert!(da.body.contains("klagevejledningen"), "{}", da.body);
    // German has no shipped text: the built-in one.
    let de = frist_policy::resolve(
        TemplateKind::Decision,
        None,
        Lang::De,
        &[],
        &policy.templates,
    );
    assert_eq!(de.source, frist_policy::TemplateSource::Standard);
}
