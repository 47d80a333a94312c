//! Every field of the web pages' catalogue structs has its key in the catalogue of every
//! language (or of Danish, where a language falls back): a field renamed in Rust but not in the
//! `.ftl` files would otherwise show its key on the page.

use super::StaffMessages;
use super::words::actions::ActionWords;
use super::words::notices::NoticeWords;
use super::words::notifications::NotificationWords;
use super::words::queues::QueuesWords;
use super::words::reply::ReplyWords;
use super::words::search::SearchWords;
use super::words::service::ServiceWords;
use super::words::sign_in::SignInWords;
use super::words::templates::TemplateWords;
use super::words::{absence::AbsenceWords, admin::AdminWords, desk::DeskWords, lead::LeadWords};
use crate::pages::i18n::Messages;
use crate::pages::link_words::LinkWords;
use crate::pages::results_words::ResultsWords;
use crate::pages::status_words::StatusWords;
use frist_i18n::{Audience, Lang, has};

fn missing(audience: Audience, keys: Vec<String>) -> Vec<String> {
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        for key in &keys {
            if !has(lang, audience, key) {
                missing.push(format!("{} {audience:?} `{key}`", lang.code()));
            }
        }
    }
    missing
}

#[test]
fn every_catalogue_field_has_its_key_in_every_language() {
    let mut all = missing(Audience::Citizen, Messages::keys());
    all.extend(missing(Audience::Citizen, StatusWords::keys()));
    all.extend(missing(Audience::Citizen, ReplyWords::keys()));
    all.extend(missing(Audience::Citizen, LinkWords::keys()));
    all.extend(missing(Audience::Citizen, ResultsWords::keys()));
    for keys in [
        StaffMessages::keys(),
        DeskWords::keys(),
        AbsenceWords::keys(),
        AdminWords::keys(),
        LeadWords::keys(),
        ActionWords::keys(),
        QueuesWords::keys(),
        SearchWords::keys(),
        ServiceWords::keys(),
        NoticeWords::keys(),
        NotificationWords::keys(),
        TemplateWords::keys(),
        SignInWords::keys(),
    ] {
        all.extend(missing(Audience::Staff, keys));
    }
    // The scheduler's notices and the navigation's counts, looked up by key with arguments.
    all.extend(missing(
        Audience::Staff,
        [
            "nav-notifications",
            "nav-counts",
            "nav-counts-label",
            "notice-warning-subject",
            "notice-digest-subject",
            "notice-report-subject",
        ]
        .map(str::to_owned)
        .to_vec(),
    ));
    assert!(all.is_empty(), "missing keys:\n{}", all.join("\n"));
}
