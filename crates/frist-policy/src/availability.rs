//! What Frist does *today* for each rule and feature a policy can name, and where a person finds
//! it. A policy file may name a rule or feature that Frist does not offer yet (so the file stays
//! a faithful copy of the municipality's promises); `frist policy check` then says so instead of
//! claiming it. This is the one table to change when a feature starts working end to end.
//!
//! Audit (what makes each entry true): the message rules are checked by
//! `frist_core::rules::check_message` on every send from the inquiry page's reply form
//! (`staff/reply.rs`), its live check (`staff/live.rs`) and the API (`routes/changes.rs`);
//! extensions by `check_extension` on the extend form and the API; closing by the lifecycle
//! (`Inquiry::apply`, `Closed`). Absence routing and the automatic reply live in the mail
//! intake (`frist-channels/src/mail`), sent by `frist serve`. Phone messages, visits and letters
//! are registered at the desk; notes, referrals, errors, waiting for the citizen and assigning
//! on the inquiry page; the citizen writes on the self-service form and rates the service on
//! the status page; a call back ("Ringet tilbage"), classifying and reopening on the inquiry
//! page (`staff/casework.rs`). While a caseworker is absent, their open inquiries are listed in
//! the substitute's "Mine" on the queue, marked as cover (`staff/queue`, the store's
//! `InquiryFilter::cover_on`); nothing is reassigned, so ending the absence ends the cover.
//! There is no report yet but compliance (no channel, transfer, feedback, error or case-type
//! report, no phone-contact figures), no business sender outside the API, and no referral
//! outside the municipality's own units.
//!
//! Case types: the classify form on the inquiry page and the desk set any case type the policy
//! file defines (`[[case_type]]`); its `within` becomes an answer deadline and the service-goal
//! page publishes it. But no shipped policy defines a case type (none of the source documents
//! gives processing times in numbers), so for the goals that promise case types with their own
//! published deadlines this is only `Partly`: the policy's case types and their deadlines, and
//! a report per case type, are missing.

use crate::support::{FeatureKind, RuleKind};
use frist_i18n::{Arg, Audience, Lang};

/// A page a person uses, named here and spelled out by the web crate's path table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// One inquiry, where staff act on it.
    Inquiry,
    /// The desk: phone calls, visits and letters.
    Desk,
    /// The queues ("Mine", "Min enhed", "Alle").
    Queue,
    /// Absence and substitutes.
    Absence,
    /// The citizen's self-service form.
    Write,
    /// The citizen's status page (an unguessable link).
    Status,
    /// The public service-goal page.
    Goals,
}

/// Where a person finds what Frist offers: a catalogue message (`where-…` in policy.ftl)
/// naming `page`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub key: &'static str,
    pub page: Page,
}

/// What Frist does today for one rule or feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Works end to end, found at `Location`.
    Offered(Location),
    /// Part of it works (found at the location); `missing` (a `missing-…` key) does not yet.
    Partly(Location, &'static str),
    /// Frist does not do it yet.
    NotYet,
}

const fn at(key: &'static str, page: Page) -> Location {
    Location { key, page }
}

impl RuleKind {
    /// What Frist does today to enforce this rule.
    pub fn availability(self) -> Availability {
        use Availability::*;
        match self {
            Self::AcknowledgmentContent
            | Self::ContactPerson
            | Self::ComplaintGuidance
            | Self::WrittenDecision
            | Self::SecureChannelForCpr => Offered(at("where-reply-rules", Page::Inquiry)),
            Self::Readability => Offered(at("where-readability", Page::Inquiry)),
            Self::ExtensionNotice => Offered(at("where-extension", Page::Inquiry)),
            Self::CloseRequiresCompletion => Offered(at("where-close", Page::Inquiry)),
            // Notices come from a case type's `notices`; no shipped policy defines a case type,
            // and nothing shown to a person proves the notice is in the answer yet.
            Self::CaseTypeNotices
            // No check of letters' signatures, of a signature's channel or of a stated reason.
            | Self::DirectPhoneNumber
            | Self::SignatureChannel
            | Self::DecisionReason => NotYet,
        }
    }
}

impl FeatureKind {
    /// What Frist offers today for this feature, and where.
    pub fn availability(self) -> Availability {
        use Availability::*;
        match self {
            Self::AbsenceSubstitute => Offered(at("where-absence-substitute", Page::Absence)),
            Self::AbsenceAutoReply => Offered(at("where-absence-auto-reply", Page::Absence)),
            Self::PhoneMessages => Offered(at("where-phone-messages", Page::Desk)),
            Self::PhoneHours => Offered(at("where-phone-hours", Page::Goals)),
            Self::Referrals => Partly(at("where-referrals", Page::Inquiry), "missing-report"),
            Self::CitizenVisibleNotes => Offered(at("where-citizen-visible-notes", Page::Inquiry)),
            Self::Feedback => Partly(at("where-feedback", Page::Status), "missing-report"),
            Self::SelfService => Offered(at("where-self-service", Page::Write)),
            Self::ServiceGoalPage => Offered(at("where-service-goal-page", Page::Goals)),
            Self::ErrorRegister => {
                Partly(at("where-error-register", Page::Inquiry), "missing-report")
            }
            Self::NamedCaseworker => Offered(at("where-named-caseworker", Page::Inquiry)),
            Self::AwaitingCitizen => Offered(at("where-awaiting-citizen", Page::Inquiry)),
            Self::AllChannels => Offered(at("where-all-channels", Page::Desk)),
            Self::Languages => Offered(at("where-languages", Page::Write)),
            Self::SatisfactionSurvey => Partly(
                at("where-satisfaction-survey", Page::Status),
                "missing-report",
            ),
            Self::SubstituteCover => Offered(at("where-substitute-cover", Page::Queue)),
            // See the module doc: the staff pages set a case type, no shipped policy has one.
            Self::CaseTypes => Partly(at("where-case-types", Page::Inquiry), "missing-case-types"),
            Self::HumanContactReport
            | Self::AffectsOtherAreasNotice
            | Self::BusinessSenders
            | Self::ChannelReport
            | Self::TransferReport
            | Self::InformationRequest
            | Self::ExternalReferral
            | Self::ExtraHelp => NotYet,
        }
    }
}

impl Availability {
    /// Whether anything of it works today.
    pub fn is_offered(self) -> bool {
        !matches!(self, Self::NotYet)
    }

    /// "Fraværsmarkering på /fravaer; …", or "ikke understøttet endnu": the sentence `policy
    /// check` prints. `path` spells out a page (the web crate owns the paths).
    pub fn text(self, lang: Lang, path: impl Fn(Page) -> String) -> String {
        let place = |l: Location| {
            let page = path(l.page);
            frist_i18n::text(lang, Audience::Policy, l.key, &[("path", Arg::from(page))])
        };
        match self {
            Self::Offered(l) => place(l),
            Self::Partly(l, missing) => {
                let missing = frist_i18n::text(lang, Audience::Policy, missing, &[]);
                let partly = frist_i18n::text(
                    lang,
                    Audience::Policy,
                    "support-partly",
                    &[("missing", Arg::from(missing))],
                );
                format!("{} {partly}", place(l))
            }
            Self::NotYet => frist_i18n::text(lang, Audience::Policy, "support-not-yet", &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule and feature says something in every language: a place naming the page, or
    /// "not yet"; never a bare catalogue key.
    #[test]
    fn every_rule_and_feature_has_words_in_every_language() {
        let all = RuleKind::ALL
            .iter()
            .map(|r| r.availability())
            .chain(FeatureKind::ALL.iter().map(|f| f.availability()));
        for availability in all {
            for lang in Lang::ALL {
                let text = availability.text(lang, |_| "/side".to_owned());
                assert!(
                    !text.contains("where-") && !text.contains("missing-"),
                    "{text}"
                );
                assert_eq!(availability.is_offered(), text.contains("/side"), "{text}");
            }
        }
    }
}
