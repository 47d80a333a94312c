//! Policy files: what a municipality promises, as a versioned TOML file that an administrator
//! can read and edit; and what those promises mean for one inquiry (its obligations).
//!
//! This crate does no I/O: it is handed the text of a file and the instant of receipt. Reading
//! files and the clock belong to the callers.

mod availability;
mod error;
mod explain;
mod file;
mod obligations;
mod policy;
mod support;
mod templates;
mod vocabulary;
mod within;

pub use availability::{Availability, Location, Page};
pub use error::PolicyError;
pub use explain::{
    ChannelPromise, Explanation, channel_promises, danish_date, english_date, long_date,
    weekday_name, within_text,
};
pub use obligations::{COPENHAGEN, DeadlineError, InquiryFacts, Obligation, end_of_day};
pub use policy::{
    CaseType, DEFAULT_WARN_AT, Deadline, Goal, Municipality, Policy, Readability,
    SUPPORTED_VERSION, SourceDocument, TargetShare,
};
pub use support::{Described, FeatureKind, RuleKind};
pub use templates::{
    Resolved, Template, TemplateError, TemplateKind, TemplateSource, check_body, fill,
    placeholders_in, resolve,
};
pub use vocabulary::{Addressee, Channel, InquiryKind, Requirement, UnknownWord};
pub use within::{Within, WithinError};
