//! The policy file as written on disk (TOML, `version = 1`). Every table denies unknown keys,
//! so a misspelt key is an error rather than a silently ignored promise. Validation that
//! needs more than one value at a time happens in [`crate::policy`].

use crate::support::{FeatureKind, RuleKind};
use crate::vocabulary::{Addressee, Channel, InquiryKind, Requirement};
use crate::within::Within;
use frist_calendar::TimeRange;
use serde::{Deserialize, Deserializer};
use std::collections::BTreeMap;
use toml::Spanned;

/// Read first, ignoring everything else, so a future version is refused with a clear message
/// instead of a list of unknown keys.
#[derive(Deserialize)]
pub(crate) struct VersionProbe {
    pub version: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PolicyFile {
    #[allow(dead_code)] // read by VersionProbe; present here so it is not an unknown key
    pub version: i64,
    pub municipality: MunicipalityFile,
    pub source_document: Option<SourceDocumentFile>,
    #[serde(default)]
    pub calendar: CalendarFile,
    #[serde(default, rename = "goal")]
    pub goals: Vec<GoalFile>,
    #[serde(default, rename = "case_type")]
    pub case_types: Vec<CaseTypeFile>,
    pub readability: Option<ReadabilityFile>,
    #[serde(default)]
    pub templates: Vec<TemplateFile>,
    #[serde(default)]
    pub alerts: AlertsFile,
    #[serde(default)]
    pub reporting: ReportingFile,
}

/// `[reporting]`: what the reports measure the municipality's figures against.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReportingFile {
    /// The share of all deadlines, every goal together, the municipality means to keep, e.g.
    /// "95 %" (each goal and case type may carry its own).
    pub target: Option<Spanned<String>>,
}

/// `[alerts]`: when caseworkers are warned about a deadline.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct AlertsFile {
    /// The share of a deadline's working days after which its owner is warned, e.g. "75 %".
    pub warn_at: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MunicipalityFile {
    pub name: String,
    pub reference_prefix: Spanned<String>,
    pub cvr: Option<Spanned<String>>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SourceDocumentFile {
    pub title: String,
    pub year: Option<String>,
    pub file: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct CalendarFile {
    #[serde(default)]
    pub closing_days: Vec<Spanned<ClosingDayFile>>,
    #[serde(default)]
    pub opening_hours: HoursFile,
    #[serde(default)]
    pub phone_hours: HoursFile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClosingDayFile {
    /// Every year on "MM-DD".
    pub yearly: Option<String>,
    /// Once, on "YYYY-MM-DD".
    pub date: Option<String>,
    pub name: String,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct HoursFile {
    #[serde(default)]
    pub monday: Vec<Range>,
    #[serde(default)]
    pub tuesday: Vec<Range>,
    #[serde(default)]
    pub wednesday: Vec<Range>,
    #[serde(default)]
    pub thursday: Vec<Range>,
    #[serde(default)]
    pub friday: Vec<Range>,
    #[serde(default)]
    pub saturday: Vec<Range>,
    #[serde(default)]
    pub sunday: Vec<Range>,
}

/// A time range read from a string such as "08:00-15:30".
pub(crate) struct Range(pub TimeRange);

impl<'de> Deserialize<'de> for Range {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map(Range).map_err(serde::de::Error::custom)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct GoalFile {
    pub source: Spanned<String>,
    pub promise: String,
    #[serde(default)]
    pub deadline: Vec<DeadlineFile>,
    #[serde(default)]
    pub rules: Vec<RuleKind>,
    #[serde(default)]
    pub features: Vec<FeatureKind>,
    pub out_of_scope: Option<String>,
    pub note: Option<String>,
    /// Frist acknowledges by itself, at once, inquiries this goal's acknowledgment deadline
    /// applies to.
    #[serde(default)]
    pub auto_acknowledgment: Option<Spanned<bool>>,
    /// This goal's own share for warnings, instead of `[alerts] warn_at`.
    pub warn_at: Option<Spanned<String>>,
    /// The share of this goal's deadlines the municipality means to keep, e.g. "95 %".
    pub target: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DeadlineFile {
    pub requires: Requirement,
    pub within: Within,
    pub channels: Spanned<Vec<Channel>>,
    pub to: Option<Spanned<Vec<Addressee>>>,
    pub kinds: Option<Spanned<Vec<InquiryKind>>>,
    /// Whether the deadline stops counting while the inquiry awaits the citizen (STE-10).
    #[serde(default)]
    pub pausable: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseTypeFile {
    pub id: Spanned<String>,
    pub name: String,
    pub source: Option<String>,
    pub within: Option<Within>,
    #[serde(default)]
    pub appealable: bool,
    pub complaint_guidance: Option<String>,
    #[serde(default)]
    pub complaint_to: Option<String>,
    #[serde(default)]
    pub complaint_deadline: Option<String>,
    #[serde(default)]
    pub notices: Vec<String>,
    #[serde(default)]
    pub pausable: bool,
    /// The share of this case type's processing deadlines the municipality means to keep.
    pub target: Option<Spanned<String>>,
}

/// A message template the policy ships (`[[templates]]`); checked in [`crate::policy`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TemplateFile {
    pub kind: Spanned<String>,
    pub case_type: Option<Spanned<String>>,
    pub lang: Spanned<String>,
    pub body: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ReadabilityFile {
    pub max_lix: Option<u32>,
    #[serde(default)]
    pub jargon: BTreeMap<String, String>,
}
