//! Danish is the reference: every other language must have exactly its keys, with the same
//! arguments, in every audience it covers; and it may leave out only the audiences that may
//! fall back to Danish (the staff pages). A missing or stray key fails here, naming it.

use frist_i18n::{Audience, Lang, key_variables, keys};
use std::collections::{BTreeMap, BTreeSet};

fn source(lang: Lang, audience: Audience) -> Option<&'static str> {
    lang.catalogues()
        .iter()
        .find(|(a, _)| *a == audience)
        .map(|(_, s)| *s)
}

#[test]
fn every_catalogue_parses_and_has_no_duplicate_keys() {
    for lang in Lang::ALL {
        for &(audience, text) in lang.catalogues() {
            let keys = keys(text)
                .unwrap_or_else(|e| panic!("{}/{audience:?}.ftl does not parse: {e}", lang.code()));
            let unique: BTreeSet<&String> = keys.iter().collect();
            assert_eq!(
                unique.len(),
                keys.len(),
                "{}/{audience:?}.ftl has a key twice",
                lang.code()
            );
        }
    }
}

#[test]
fn danish_covers_every_audience() {
    for audience in Audience::ALL {
        assert!(Lang::Da.covers(audience), "Danish lacks {audience:?}");
    }
}

#[test]
fn every_language_has_every_key_of_every_audience_it_must_cover() {
    let mut problems = Vec::new();
    for audience in Audience::ALL {
        let reference: BTreeMap<String, Vec<String>> = source(Lang::Da, audience)
            .map(|s| key_variables(s).into_iter().collect())
            .unwrap_or_default();
        for lang in Lang::ALL {
            let Some(text) = source(lang, audience) else {
                if !audience.may_fall_back() {
                    problems.push(format!("{} has no {audience:?} catalogue", lang.code()));
                }
                continue;
            };
            let theirs: BTreeMap<String, Vec<String>> = key_variables(text).into_iter().collect();
            for (key, vars) in &reference {
                match theirs.get(key) {
                    None => problems.push(format!("{}: {audience:?} lacks `{key}`", lang.code())),
                    Some(v) if v != vars => problems.push(format!(
                        "{}: {audience:?} `{key}` takes {v:?}, Danish takes {vars:?}",
                        lang.code()
                    )),
                    Some(_) => {}
                }
            }
            for key in theirs.keys().filter(|k| !reference.contains_key(*k)) {
                problems.push(format!(
                    "{}: {audience:?} has `{key}`, Danish does not",
                    lang.code()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
