//! The words a policy and an inquiry share: channel, addressee, kind, and what an obligation
//! requires. Each is a closed set with one wire name (snake_case) and a label in every language
//! (from the policy catalogue of frist-i18n).

use frist_i18n::{Audience, Lang};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Declares a closed vocabulary: wire names for serde/FromStr/Display, labels by catalogue key, and a
/// bit for cheap set membership in goal filters.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $what:literal, $key:literal, { $($variant:ident = $wire:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The wire name, as in JSON, TOML and the CLI.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            /// The word a caseworker or citizen reads, from the policy catalogue
            /// (`label-KEY-WIRE-NAME` in `policy.ftl`).
            pub fn label(self, lang: Lang) -> &'static str {
                let key = format!("label-{}-{}", $key, self.as_str().replace('_', "-"));
                frist_i18n::lasting(lang, Audience::Policy, &key)
            }

            /// The Danish word.
            pub fn label_da(self) -> &'static str {
                self.label(Lang::Da)
            }

            /// The English word, for `--lang en`.
            pub fn label_en(self) -> &'static str {
                self.label(Lang::En)
            }

            /// This value's bit in a [`Set`](crate::vocabulary::Set).
            #[allow(dead_code, reason = "not every vocabulary is used as a goal filter")]
            pub(crate) fn bit(self) -> u16 {
                1 << (self as u16)
            }

            /// The list of wire names, for error messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($wire => Ok($name::$variant),)+
                    _ => Err(UnknownWord { what: $what, given: s.to_owned(), expected: Self::expected() }),
                }
            }
        }
    };
}

/// A word that is not in a closed vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} \"{given}\"; expected one of: {expected}")]
pub struct UnknownWord {
    pub what: &'static str,
    pub given: String,
    pub expected: String,
}

vocabulary!(
    /// The channel an inquiry arrived on.
    Channel, "channel", "channel", {
        Email = "email";
        Letter = "letter";
        DigitalPost = "digital_post";
        WebForm = "web_form";
        Facebook = "facebook";
        Phone = "phone";
        InPerson = "in_person";
    }
);

impl Channel {
    /// E-mail, letter, Digital Post and the web form are written; the rest are not.
    pub fn is_written(self) -> bool {
        matches!(
            self,
            Self::Email | Self::Letter | Self::DigitalPost | Self::WebForm
        )
    }
}

vocabulary!(
    /// Whom an inquiry was addressed to: a general mailbox, a department's, or one employee's.
    Addressee, "addressee (to)", "addressee", {
        General = "general";
        Department = "department";
        Employee = "employee";
    }
);

vocabulary!(
    /// What kind of inquiry it is.
    InquiryKind, "kind", "kind", {
        GeneralQuestion = "general_question";
        Application = "application";
        Complaint = "complaint";
        Information = "information";
        Other = "other";
    }
);

vocabulary!(
    /// What meets an obligation: an acknowledgment, a final answer, a call back, or triage.
    /// The order here is the order obligations are listed in.
    Requirement, "requirement", "requirement", {
        Acknowledgment = "acknowledgment";
        Answer = "answer";
        Callback = "callback";
        Triage = "triage";
    }
);

/// A set of vocabulary values as a bit mask; `Set::ANY` matches everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Set(u16);

impl Set {
    pub(crate) const ANY: Set = Set(u16::MAX);

    pub(crate) fn of(bits: impl IntoIterator<Item = u16>) -> Self {
        Set(bits.into_iter().fold(0, |acc, b| acc | b))
    }

    pub(crate) fn contains(self, bit: u16) -> bool {
        self.0 & bit != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for c in Channel::ALL {
            assert_eq!(c.as_str().parse::<Channel>(), Ok(*c));
        }
        for r in Requirement::ALL {
            assert_eq!(r.as_str().parse::<Requirement>(), Ok(*r));
        }
    }

    #[test]
    fn unknown_words_name_the_alternatives() {
        let err = "fax".parse::<Channel>().err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "unknown channel \"fax\"; expected one of: email, letter, digital_post, web_form, facebook, phone, in_person"
            )
        );
    }
}
