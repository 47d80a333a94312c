//! Look-up: arguments, real plural forms, templates, and the Danish fallback of German staff
//! words.

use frist_i18n::{Arg, Audience, Lang, template, text};

#[test]
fn plurals_follow_each_language() {
    let within = |lang, n: i64| {
        text(
            lang,
            Audience::Policy,
            "within-working-days",
            &[("n", Arg::from(n))],
        )
    };
    assert_eq!(within(Lang::Da, 1), "1 arbejdsdag");
    assert_eq!(within(Lang::Da, 2), "2 arbejdsdage");
    assert_eq!(within(Lang::En, 1), "1 working day");
    assert_eq!(within(Lang::En, 10), "10 working days");
    assert_eq!(within(Lang::De, 2), "2 Arbeitstage");
    let dative = text(
        Lang::De,
        Audience::Policy,
        "within-working-days",
        &[("n", Arg::from(2_i64)), ("case", Arg::from("dative"))],
    );
    assert_eq!(dative, "2 Arbeitstagen");
}

#[test]
fn staff_words_in_german_are_the_danish_ones() {
    let found = |lang| {
        text(
            lang,
            Audience::Staff,
            "desk-found",
            &[("n", Arg::from(2_i64))],
        )
    };
    assert_eq!(found(Lang::De), found(Lang::Da));
    assert!(found(Lang::Da).starts_with("2 henvendelser"));
}

#[test]
fn a_template_keeps_its_placeholders_for_later_filling_in() {
    assert_eq!(
        template(Lang::En, Audience::Citizen, "date"),
        "{day} {month} {year}"
    );
}

#[test]
fn a_missing_key_shows_as_itself_instead_of_failing() {
    assert_eq!(
        text(Lang::De, Audience::Citizen, "no-such-key", &[]),
        "no-such-key"
    );
}
