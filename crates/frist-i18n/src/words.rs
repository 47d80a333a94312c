//! Typed catalogues: [`words!`] declares a struct whose fields are filled from Fluent once per
//! language, so code and templates keep writing `t.field_name` and a misspelt key stays a
//! compile error. The key of field `nav_home` in a struct with prefix `"desk-"` is
//! `desk-nav-home` (Fluent's kebab-case).
//!
//! Three kinds of member:
//! - plain fields (`&'static str`): the message as a fill-in template, each `{ $name }` shown
//!   as `{name}` for code that fills it in with `str::replace`;
//! - `lists`: `[&'static str; N]` from the keys `KEY-1` … `KEY-N` (month names, a scale);
//! - `counts`: methods `fn field(&self, n: i64) -> String` that let Fluent choose the plural
//!   form ("1 henvendelse", "2 henvendelser").
//!
//! The text is leaked once per struct and language (a few kilobytes, at first use) so the
//! fields can stay `&'static str` like the literal tables they replace.

use crate::{Audience, Lang};

/// The Fluent key of a struct field.
pub fn key(prefix: &str, field: &str) -> String {
    format!("{prefix}{field}").replace('_', "-")
}

/// A field's text for `lang`, kept for the life of the process.
pub fn leak(lang: Lang, audience: Audience, key: &str) -> &'static str {
    Box::leak(crate::template(lang, audience, key).into_boxed_str())
}

/// Declares a catalogue struct filled from the `.ftl` files of one [`Audience`]; see the
/// module documentation.
#[macro_export]
macro_rules! words {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident in $audience:ident, prefix $prefix:literal {
            $( $(#[$fmeta:meta])* $field:ident, )*
        }
        $( lists { $( $(#[$lmeta:meta])* $list:ident : $len:literal, )* } )?
        $( counts { $( $(#[$cmeta:meta])* $count:ident, )* } )?
    ) => {
        $(#[$meta])*
        #[derive(Debug)]
        $vis struct $name {
            /// The language the words are in (Danish where the requested one has no catalogue
            /// for this audience).
            pub lang: $crate::Lang,
            /// Its BCP 47 code, for `lang` attributes.
            pub code: &'static str,
            $( $(#[$fmeta])* pub $field: &'static str, )*
            $($( $(#[$lmeta])* pub $list: [&'static str; $len], )*)?
        }

        impl $name {
            /// Every Fluent key this struct reads, for tests.
            #[allow(dead_code, reason = "read by the catalogue tests")]
            pub fn keys() -> Vec<String> {
                let mut keys: Vec<String> = vec![$($crate::words::key($prefix, stringify!($field)),)*];
                $($(
                    for i in 1..=$len {
                        keys.push(format!("{}-{i}", $crate::words::key($prefix, stringify!($list))));
                    }
                )*)?
                $($( keys.push($crate::words::key($prefix, stringify!($count))); )*)?
                keys
            }

            fn load(requested: $crate::Lang) -> Self {
                let audience = $crate::Audience::$audience;
                let lang = requested.for_audience(audience);
                $name {
                    lang,
                    code: lang.code(),
                    $( $field: $crate::words::leak(lang, audience, &$crate::words::key($prefix, stringify!($field))), )*
                    $($( $list: std::array::from_fn(|i| {
                        let key = format!("{}-{}", $crate::words::key($prefix, stringify!($list)), i + 1);
                        $crate::words::leak(lang, audience, &key)
                    }), )*)?
                }
            }

            /// The words in `lang`, loaded on first use.
            pub fn of(lang: $crate::Lang) -> &'static Self {
                static ALL: std::sync::LazyLock<[$name; $crate::Lang::ALL.len()]> =
                    std::sync::LazyLock::new(|| $crate::Lang::ALL.map($name::load));
                let [first, ..] = &*ALL;
                ALL.get(lang.index()).unwrap_or(first)
            }

            $($(
                $(#[$cmeta])*
                pub fn $count(&self, n: i64) -> String {
                    $crate::text(
                        self.lang,
                        $crate::Audience::$audience,
                        &$crate::words::key($prefix, stringify!($count)),
                        &[("n", $crate::Arg::Number(n))],
                    )
                }
            )*)?
        }
    };
}
