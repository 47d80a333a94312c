//! The catalogues as Fluent bundles, built once from the embedded `.ftl` files, and look-up
//! with arguments and plurals. A key missing at run time shows as the key itself rather than
//! failing the page: the completeness test (`tests/i18n`) keeps that from ever shipping.

use crate::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// Who reads a catalogue. Each has its own file per language, so a language can cover the
/// citizens without the staff pages (which then fall back to Danish) and the completeness test
/// still knows exactly which keys that language must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Audience {
    /// The public pages: front page, form, receipt, status, service goals, accessibility.
    Citizen,
    /// The caseworkers' and leads' pages.
    Staff,
    /// The policy explanation and the policy vocabulary (channels, kinds, requirements).
    Policy,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Citizen, Audience::Staff, Audience::Policy];

    /// Whether a language may leave this audience out (its readers then get Danish). Only the
    /// staff pages: every citizen-facing word must exist in every language.
    pub fn may_fall_back(self) -> bool {
        self == Audience::Staff
    }
}

/// A value for a placeable (`{ $name }`) in a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Text(Cow<'a, str>),
    /// A number: also what plural selectors (`{ $n -> [one] … *[other] … }`) choose on.
    Number(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<u32> for Arg<'_> {
    fn from(n: u32) -> Self {
        Arg::Number(i64::from(n))
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

struct Catalogue {
    lang: Lang,
    audience: Audience,
    bundle: FluentBundle<FluentResource>,
}

static CATALOGUES: LazyLock<Vec<Catalogue>> = LazyLock::new(|| {
    let mut all = Vec::new();
    for lang in Lang::ALL {
        for &(audience, source) in lang.catalogues() {
            all.push(Catalogue {
                lang,
                audience,
                bundle: bundle(lang, source),
            });
        }
    }
    all
});

/// A bundle of one file. Syntax errors keep the entries that did parse (the completeness test
/// fails on them); Unicode isolation marks are off because the text goes into HTML, e-mails and
/// PDF letters that are all left-to-right.
fn bundle(lang: Lang, source: &str) -> FluentBundle<FluentResource> {
    let id = lang
        .code()
        .parse()
        .unwrap_or_else(|_| unic_langid::LanguageIdentifier::default());
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    let resource =
        FluentResource::try_new(source.to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Duplicate keys are reported by the completeness test; the first one wins here.
    let _ = bundle.add_resource(resource);
    bundle
}

fn catalogue(lang: Lang, audience: Audience) -> Option<&'static Catalogue> {
    let lang = lang.for_audience(audience);
    CATALOGUES
        .iter()
        .find(|c| c.lang == lang && c.audience == audience)
}

/// The message `key` for `audience` in `lang` (or its fallback), with `args` filled in.
pub fn text(lang: Lang, audience: Audience, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    let Some(pattern) = catalogue(lang, audience).and_then(|c| {
        c.bundle
            .get_message(key)
            .and_then(|m| m.value())
            .map(|p| (c, p))
    }) else {
        return key.to_owned();
    };
    let (c, pattern) = pattern;
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_ref())),
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    c.bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// The message `key` as a fill-in template: each `{ $name }` becomes `{name}`, for code that
/// fills it in later with `str::replace` (the web pages' catalogue structs hold such text).
pub fn template(lang: Lang, audience: Audience, key: &str) -> String {
    let Some(message) = catalogue(lang, audience).and_then(|c| c.bundle.get_message(key)) else {
        return key.to_owned();
    };
    let mut names = Vec::new();
    if let Some(pattern) = message.value() {
        variables(pattern, &mut names);
    }
    let braced: Vec<String> = names.iter().map(|n| format!("{{{n}}}")).collect();
    let args: Vec<(&str, Arg<'_>)> = names
        .iter()
        .zip(&braced)
        .map(|(n, b)| (n.as_str(), Arg::from(b.as_str())))
        .collect();
    text(lang, audience, key, &args)
}

/// The names of the variables a pattern uses, outside selectors.
fn variables(pattern: &ast::Pattern<&str>, out: &mut Vec<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            match expression {
                ast::Expression::Inline(ast::InlineExpression::VariableReference { id }) => {
                    out.push(id.name.to_owned());
                }
                ast::Expression::Select { variants, .. } => {
                    for v in variants {
                        variables(&v.value, out);
                    }
                }
                ast::Expression::Inline(_) => {}
            }
        }
    }
}

/// The keys of a catalogue file, for the completeness test; `Err` with the parser's complaints
/// when the file has syntax errors.
pub fn keys(source: &str) -> Result<Vec<String>, String> {
    let resource =
        FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| format!("{errors:?}"))?;
    Ok(resource
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect())
}

/// The variables each key's message uses (sorted, deduplicated), for checking that every
/// translation takes the same arguments.
pub fn key_variables(source: &str) -> Vec<(String, Vec<String>)> {
    let Ok(resource) = FluentResource::try_new(source.to_owned()) else {
        return Vec::new();
    };
    resource
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => {
                let mut vars = Vec::new();
                if let Some(p) = &m.value {
                    variables(p, &mut vars);
                }
                vars.sort();
                vars.dedup();
                Some((m.id.name.to_owned(), vars))
            }
            _ => None,
        })
        .collect()
}

/// Texts handed out as `&'static str`, each leaked once: keys come from code, so the cache is
/// bounded by the number of keys.
type Lasting = HashMap<(Lang, Audience, String), &'static str>;
static LASTING: LazyLock<Mutex<Lasting>> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// The message `key` without arguments, as a `&'static str` (for labels that callers keep
/// in `&'static str` fields).
pub fn lasting(lang: Lang, audience: Audience, key: &str) -> &'static str {
    let lang = lang.for_audience(audience);
    // A poisoned lock only means another thread panicked while inserting: the map is still
    // usable.
    let mut cache = LASTING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(text) = cache.get(&(lang, audience, key.to_owned())) {
        return text;
    }
    let text: &'static str = Box::leak(text_of(lang, audience, key).into_boxed_str());
    cache.insert((lang, audience, key.to_owned()), text);
    text
}

fn text_of(lang: Lang, audience: Audience, key: &str) -> String {
    text(lang, audience, key, &[])
}

/// Whether `key` exists for `audience` in `lang` (or its fallback).
pub fn has(lang: Lang, audience: Audience, key: &str) -> bool {
    catalogue(lang, audience).is_some_and(|c| c.bundle.has_message(key))
}
