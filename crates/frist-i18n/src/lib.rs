//! One home for words: every text Frist shows a citizen or a caseworker, and the explanation of
//! a policy, lives in a Project Fluent catalogue per language and audience
//! (`locales/CODE/AUDIENCE.ftl`), embedded at compile time. This crate owns [`Lang`] (which
//! languages exist, their codes, `Accept-Language` negotiation) and the look-up, with arguments
//! and real plural forms.
//!
//! It does no I/O and knows nothing of HTTP: the web layer decides which language a request
//! gets and asks here for the words.
//!
//! Adding a language: write `locales/CODE/citizen.ftl` (and `policy.ftl`, and `staff.ftl` if
//! the staff pages should not fall back to Danish), then add one line to `languages!` in
//! `lang.rs`. The completeness test fails until every key the language must have is there.

mod catalog;
mod lang;
pub mod words;

pub use catalog::{Arg, Audience, has, key_variables, keys, lasting, template, text};
pub use lang::Lang;
