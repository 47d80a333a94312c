//! The languages Frist speaks, and which one a reader gets: from `?lang=`, a remembered cookie
//! or the browser's `Accept-Language`. Each language is one line in [`languages!`] below, naming
//! the catalogue files it brings (`locales/CODE/AUDIENCE.ftl`).

use crate::catalog::Audience;

/// Declares [`Lang`], its codes and names, and the catalogue files of every language, so that
/// adding a language is one line here and its files under `locales/`.
macro_rules! languages {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $name:literal, [$($audience:ident : $file:literal),+]; )+) => {
        /// A language of the user-facing text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum Lang {
            #[default]
            $( $(#[$doc])* $variant, )+
        }

        impl Lang {
            /// Every language, in the order the language switcher lists them.
            pub const ALL: [Lang; [$($code),+].len()] = [$(Lang::$variant),+];

            /// The BCP 47 code, for `<html lang>`, `?lang=` and `Accept-Language`.
            pub fn code(self) -> &'static str {
                match self { $(Lang::$variant => $code),+ }
            }

            /// The language's name in itself ("Dansk", "English"), for the switcher.
            pub fn native_name(self) -> &'static str {
                match self { $(Lang::$variant => $name),+ }
            }

            /// The catalogue files this language brings, with their text.
            pub fn catalogues(self) -> &'static [(Audience, &'static str)] {
                match self {
                    $(Lang::$variant => &[$(
                        (Audience::$audience, include_str!(concat!("../locales/", $code, "/", $file, ".ftl"))),
                    )+],)+
                }
            }
        }
    };
}

languages! {
    /// Danish: the reference language, complete for every audience.
    Da = "da", "Dansk", [Citizen: "citizen", Staff: "staff", Policy: "policy"];
    En = "en", "English", [Citizen: "citizen", Staff: "staff", Policy: "policy"];
    /// German (Skanderborg's SKA-7): the citizen pages and the service goals; staff pages fall
    /// back to Danish.
    De = "de", "Deutsch", [Citizen: "citizen", Policy: "policy"];
}

impl Lang {
    /// The language for a code such as `da` or `en-GB` (only the primary subtag counts; case is
    /// ignored); `None` for a language Frist does not speak.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The language a browser prefers among those Frist speaks, from an `Accept-Language`
    /// header: highest q-value first, then the order in the header. `None` when it names none
    /// of them (the caller then uses the default, Danish).
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(f32, Lang)> = None;
        for entry in accept_language.split(',') {
            let mut parts = entry.trim().split(';');
            let tag = parts.next().unwrap_or("");
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            let Some(lang) = Lang::parse(tag) else {
                continue;
            };
            if q > 0.0 && best.is_none_or(|(b, _)| q > b) {
                best = Some((q, lang));
            }
        }
        best.map(|(_, lang)| lang)
    }

    /// Whether this language has its own catalogue for `audience`.
    pub fn covers(self, audience: Audience) -> bool {
        self.catalogues().iter().any(|(a, _)| *a == audience)
    }

    /// The language whose words `audience` actually gets: this one, or Danish where this
    /// language has no catalogue for it (German staff pages).
    pub fn for_audience(self, audience: Audience) -> Lang {
        if self.covers(audience) {
            self
        } else {
            Lang::Da
        }
    }

    /// Position in [`Lang::ALL`].
    pub fn index(self) -> usize {
        Lang::ALL.iter().position(|l| *l == self).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_by_primary_subtag_in_any_case() {
        assert_eq!(Lang::parse("da"), Some(Lang::Da));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("de-AT"), Some(Lang::De));
        assert_eq!(Lang::parse("sv"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn the_browser_gets_its_most_preferred_language_that_frist_speaks() {
        assert_eq!(Lang::negotiate("en-GB,en;q=0.9"), Some(Lang::En));
        assert_eq!(Lang::negotiate("da,en;q=0.8"), Some(Lang::Da));
        assert_eq!(Lang::negotiate("en;q=0.5,da;q=0.9"), Some(Lang::Da));
        assert_eq!(Lang::negotiate("de-DE,en;q=0.7"), Some(Lang::De));
        assert_eq!(Lang::negotiate("fr,de;q=0.4,en;q=0.3"), Some(Lang::De));
        assert_eq!(Lang::negotiate("de;q=0,en;q=0.1"), Some(Lang::En));
        assert_eq!(Lang::negotiate("fr-FR"), None);
        assert_eq!(Lang::negotiate(""), None);
    }

    #[test]
    fn german_staff_pages_fall_back_to_danish_and_nothing_else_does() {
        assert_eq!(Lang::De.for_audience(Audience::Staff), Lang::Da);
        assert_eq!(Lang::De.for_audience(Audience::Citizen), Lang::De);
        assert_eq!(Lang::En.for_audience(Audience::Staff), Lang::En);
    }
}
