//! A validated policy: what one municipality promises, ready to derive obligations from.

use crate::error::PolicyError;
use crate::file::{
    CaseTypeFile, ClosingDayFile, GoalFile, HoursFile, PolicyFile, TemplateFile, VersionProbe,
};
use crate::support::{FeatureKind, RuleKind};
use crate::templates::{Template, TemplateError, TemplateKind, check_body};
use crate::vocabulary::{Addressee, Channel, InquiryKind, Requirement, Set};
use crate::within::Within;
use frist_calendar::{Calendar, ClosingDay, ClosingDays, Date, Recurrence, Weekday, WeeklyHours};
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use toml::Spanned;

/// The policy file format version this build reads.
pub const SUPPORTED_VERSION: i64 = 1;

/// Who makes the promises, and how citizens reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Municipality {
    pub name: String,
    /// Prefix of inquiry references, e.g. "ROS" in ROS-2026-000123.
    pub reference_prefix: String,
    pub cvr: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
}

/// The published document the policy encodes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceDocument {
    pub title: String,
    pub year: Option<String>,
    pub file: Option<String>,
}

/// One promise of the document, and everything Frist does for it.
#[derive(Debug, Clone)]
pub struct Goal {
    /// The goal's id in SERVICE_GOALS.md, e.g. "ROS-1".
    pub source: String,
    /// The promise in Danish, as the municipality wrote it (short).
    pub promise: String,
    pub deadlines: Vec<Deadline>,
    pub rules: Vec<RuleKind>,
    pub features: Vec<FeatureKind>,
    /// Why Frist does nothing for this goal, when it does nothing.
    pub out_of_scope: Option<String>,
    pub note: Option<String>,
    /// Whether Frist sends the acknowledgment itself, through the outbox, as soon as an inquiry
    /// its acknowledgment deadline applies to arrives (e.g. STE-2).
    pub auto_acknowledgment: bool,
    /// The share of each deadline's working days after which its owner is warned (1–99), when
    /// the goal sets its own; else the policy's [`Policy::warn_at`].
    pub warn_at: Option<u8>,
    /// The share of its deadlines to keep (`target = "95 %"`), if the policy sets one; reports
    /// say whether it was reached.
    pub target: Option<TargetShare>,
}

/// A measurable promise: inquiries matching the filter get an obligation due `within`.
#[derive(Debug, Clone)]
pub struct Deadline {
    pub requires: Requirement,
    pub within: Within,
    /// The channels it applies to (never empty).
    pub channels: Vec<Channel>,
    /// The addressees it applies to; `None` means all.
    pub to: Option<Vec<Addressee>>,
    /// The kinds it applies to; `None` means all.
    pub kinds: Option<Vec<InquiryKind>>,
    /// Whether the deadline stops counting while the inquiry awaits the citizen.
    pub pausable: bool,
    pub(crate) filter: [Set; 3],
}

impl Deadline {
    /// Whether an inquiry with these facts falls under this deadline.
    pub fn applies(&self, channel: Channel, to: Addressee, kind: InquiryKind) -> bool {
        let [channels, tos, kinds] = self.filter;
        channels.contains(channel.bit()) && tos.contains(to.bit()) && kinds.contains(kind.bit())
    }
}

/// A kind of case with its own processing deadline (sagsbehandlingsfrist).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseType {
    pub id: String,
    pub name: String,
    pub source: Option<String>,
    pub within: Option<Within>,
    pub appealable: bool,
    /// How to complain about a decision of this type (the guidance's "how").
    pub complaint_guidance: Option<String>,
    /// Who hears a complaint, e.g. "Planklagenævnet".
    pub complaint_to: Option<String>,
    /// The deadline for complaints, e.g. "4 uger fra du har modtaget afgørelsen".
    pub complaint_deadline: Option<String>,
    pub notices: Vec<String>,
    /// Whether the processing deadline stops counting while the inquiry awaits the citizen.
    pub pausable: bool,
    /// The share of its processing deadlines to keep, if the policy sets one.
    pub target: Option<TargetShare>,
}

/// A target share of deadlines kept, to a tenth of a percent (0.1 %–100 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TargetShare(u16);

impl TargetShare {
    /// In percent, e.g. 95.0 or 97.5.
    pub fn percent(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

/// Settings for the readability rule.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Readability {
    pub max_lix: Option<u32>,
    /// Jargon word → plain explanation.
    pub jargon: BTreeMap<String, String>,
}

/// A municipality's published service goals, validated.
#[derive(Debug, Clone)]
pub struct Policy {
    pub municipality: Municipality,
    pub source_document: Option<SourceDocument>,
    pub calendar: Calendar,
    pub opening_hours: WeeklyHours,
    pub phone_hours: WeeklyHours,
    pub goals: Vec<Goal>,
    pub case_types: Vec<CaseType>,
    pub readability: Option<Readability>,
    /// The message templates the policy ships (`[[templates]]`), used where no administrator
    /// has edited the text.
    pub templates: Vec<Template>,
    /// The share of a deadline's working days after which its owner is warned, in percent
    /// (1–99; `[alerts] warn_at`, default 75).
    pub warn_at: u8,
    /// The share of all deadlines together to keep (`[reporting] target`), if the policy sets
    /// one: the lead dashboard's overall figure is measured against it.
    pub target: Option<TargetShare>,
}

/// The warning share when a policy names none: three quarters of the time has gone.
pub const DEFAULT_WARN_AT: u8 = 75;

impl Policy {
    /// The target share for the goal `source`, if the policy sets one.
    pub fn goal_target(&self, source: &str) -> Option<TargetShare> {
        self.goals.iter().find(|g| g.source == source)?.target
    }

    /// The target share for the case type `id`, if the policy sets one.
    pub fn case_type_target(&self, id: &str) -> Option<TargetShare> {
        self.case_types.iter().find(|c| c.id == id)?.target
    }

    /// The warning share for the goal `source`: its own, else the policy's.
    pub fn warn_at(&self, source: &str) -> u8 {
        self.goals
            .iter()
            .find(|g| g.source == source)
            .and_then(|g| g.warn_at)
            .unwrap_or(self.warn_at)
    }

    /// Reads and validates a policy. `file` names the source in error messages.
    pub fn from_toml(file: &str, text: &str) -> Result<Self, PolicyError> {
        let err = |span: Option<Range<usize>>, message: String| {
            PolicyError::at(file, text, span, message)
        };
        let toml_err = |e: toml::de::Error| err(e.span(), e.message().trim_end().to_owned());

        let probe: VersionProbe = toml::from_str(text).map_err(toml_err)?;
        match probe.version {
            None => {
                return Err(err(
                    None,
                    "the file has no `version`; add `version = 1` as its first line".into(),
                ));
            }
            Some(v) if v.get_ref().as_integer() != Some(SUPPORTED_VERSION) => {
                return Err(err(
                    Some(v.span()),
                    format!(
                        "version {} is not supported; this Frist reads policy files of version {SUPPORTED_VERSION}",
                        v.get_ref()
                    ),
                ));
            }
            Some(_) => {}
        }
        let raw: PolicyFile = toml::from_str(text).map_err(toml_err)?;
        Builder { err: &err }.build(raw)
    }

    /// The goal with this source id.
    pub fn goal(&self, source: &str) -> Option<&Goal> {
        self.goals.iter().find(|g| g.source == source)
    }

    /// The case type with this id.
    pub fn case_type(&self, id: &str) -> Option<&CaseType> {
        self.case_types.iter().find(|c| c.id == id)
    }

    /// Every (goal, deadline) pair, in file order.
    pub fn deadlines(&self) -> impl Iterator<Item = (&Goal, &Deadline)> {
        self.goals
            .iter()
            .flat_map(|g| g.deadlines.iter().map(move |d| (g, d)))
    }
}

/// Turns the file model into a [`Policy`], checking what serde alone cannot.
struct Builder<'a> {
    err: &'a dyn Fn(Option<Range<usize>>, String) -> PolicyError,
}

impl Builder<'_> {
    fn fail<T>(&self, span: Range<usize>, message: String) -> Result<T, PolicyError> {
        Err((self.err)(Some(span), message))
    }

    fn build(&self, raw: PolicyFile) -> Result<Policy, PolicyError> {
        let m = raw.municipality;
        let prefix = &m.reference_prefix;
        let prefix_ok = (2..=6).contains(&prefix.get_ref().len())
            && prefix.get_ref().chars().all(|c| c.is_ascii_uppercase());
        if !prefix_ok {
            return self.fail(
                prefix.span(),
                format!(
                    "reference_prefix \"{}\" must be 2 to 6 capital letters A-Z, e.g. \"ROS\"",
                    prefix.get_ref()
                ),
            );
        }
        if let Some(cvr) = &m.cvr
            && !(cvr.get_ref().len() == 8 && cvr.get_ref().chars().all(|c| c.is_ascii_digit()))
        {
            return self.fail(
                cvr.span(),
                format!("cvr \"{}\" must be 8 digits", cvr.get_ref()),
            );
        }
        let municipality = Municipality {
            name: m.name,
            reference_prefix: m.reference_prefix.into_inner(),
            cvr: m.cvr.map(Spanned::into_inner),
            address: m.address,
            phone: m.phone,
            email: m.email,
            website: m.website,
        };
        let closing = raw
            .calendar
            .closing_days
            .into_iter()
            .map(|c| self.closing_day(c))
            .collect::<Result<Vec<_>, _>>()?;
        let goals = self.goals(raw.goals)?;
        let case_types = self.case_types(raw.case_types)?;
        let templates = self.templates(raw.templates, &case_types)?;
        let warn_at = match raw.alerts.warn_at {
            Some(w) => self.share(&w)?,
            None => DEFAULT_WARN_AT,
        };
        let target = raw
            .reporting
            .target
            .as_ref()
            .map(|t| self.target(t))
            .transpose()?;
        Ok(Policy {
            warn_at,
            target,
            municipality,
            source_document: raw.source_document.map(|d| SourceDocument {
                title: d.title,
                year: d.year,
                file: d.file,
            }),
            calendar: Calendar::new(ClosingDays::new(closing)),
            opening_hours: hours(raw.calendar.opening_hours),
            phone_hours: hours(raw.calendar.phone_hours),
            goals,
            case_types,
            readability: raw.readability.map(|r| Readability {
                max_lix: r.max_lix,
                jargon: r.jargon,
            }),
            templates,
        })
    }

    /// A target share such as "95 %" or "97.5%": more than 0 and at most 100 percent.
    fn target(&self, raw: &Spanned<String>) -> Result<TargetShare, PolicyError> {
        let text = raw.get_ref().trim();
        let number = text
            .strip_suffix('%')
            .unwrap_or(text)
            .trim()
            .replace(',', ".");
        let tenths = number
            .parse::<f64>()
            .ok()
            .filter(|n| *n > 0.0 && *n <= 100.0 && (n * 10.0).fract() == 0.0)
            .and_then(|n| format!("{:.0}", n * 10.0).parse::<u16>().ok());
        match tenths {
            Some(t) if (1..=1000).contains(&t) => Ok(TargetShare(t)),
            _ => self.fail(
                raw.span(),
                format!("`target = \"{text}\"` is not a share above 0 % and at most 100 % (to a tenth of a percent); write e.g. \"95 %\""),
            ),
        }
    }

    /// A share such as "75 %" or "75%": 1–99 percent.
    fn share(&self, raw: &Spanned<String>) -> Result<u8, PolicyError> {
        let text = raw.get_ref().trim();
        let number = text.strip_suffix('%').unwrap_or(text).trim();
        match number.parse::<u8>() {
            Ok(n) if (1..=99).contains(&n) => Ok(n),
            _ => self.fail(
                raw.span(),
                format!("`warn_at = \"{text}\"` is not a share between 1 % and 99 %; write e.g. \"75 %\""),
            ),
        }
    }

    fn closing_day(&self, c: Spanned<ClosingDayFile>) -> Result<ClosingDay, PolicyError> {
        let span = c.span();
        let c = c.into_inner();
        let when = match (&c.yearly, &c.date) {
            (Some(md), None) => {
                let parsed = md.split_once('-').and_then(|(m, d)| {
                    let (m, d) = (m.parse::<i8>().ok()?, d.parse::<i8>().ok()?);
                    // 2000 is a leap year, so 02-29 is accepted.
                    Date::new(2000, m, d).ok().map(|_| (m, d))
                });
                match parsed {
                    Some((month, day)) => Recurrence::Yearly { month, day },
                    None => {
                        return self.fail(
                            span,
                            format!(
                                "closing day \"{}\": yearly = \"{md}\" is not a month and day; write it as \"MM-DD\", e.g. \"12-24\"",
                                c.name
                            ),
                        );
                    }
                }
            }
            (None, Some(date)) => match date.parse::<Date>() {
                Ok(d) if d >= frist_calendar::FIRST_DATE && d <= frist_calendar::LAST_DATE => {
                    Recurrence::Once(d)
                }
                _ => {
                    return self.fail(
                        span,
                        format!(
                            "closing day \"{}\": date = \"{date}\" is not a date from 1900 to 2200; write it as \"YYYY-MM-DD\"",
                            c.name
                        ),
                    );
                }
            },
            _ => {
                return self.fail(
                    span,
                    format!(
                        "closing day \"{}\" needs exactly one of `yearly = \"MM-DD\"` (every year) or `date = \"YYYY-MM-DD\"` (once)",
                        c.name
                    ),
                );
            }
        };
        Ok(ClosingDay { when, name: c.name })
    }

    fn goals(&self, raw: Vec<GoalFile>) -> Result<Vec<Goal>, PolicyError> {
        let mut seen = HashSet::new();
        let mut goals = Vec::with_capacity(raw.len());
        for g in raw {
            let span = g.source.span();
            let source = g.source.into_inner();
            if source.trim().is_empty() {
                return self.fail(span, "a goal's `source` must not be empty; use the id from the service goals, e.g. \"ROS-1\"".into());
            }
            if !seen.insert(source.clone()) {
                return self.fail(span, format!("goal \"{source}\" appears twice; give each goal its own [[goal]] table once"));
            }
            let does_something =
                !g.deadline.is_empty() || !g.rules.is_empty() || !g.features.is_empty();
            if !does_something && g.out_of_scope.is_none() {
                return self.fail(
                    span,
                    format!("goal \"{source}\" says nothing about what Frist does; add a [[goal.deadline]], `rules`, `features`, or `out_of_scope = \"why\"`"),
                );
            }
            let auto_acknowledgment = match g.auto_acknowledgment {
                Some(auto) if *auto.get_ref() => {
                    let acknowledges = g
                        .deadline
                        .iter()
                        .any(|d| d.requires == Requirement::Acknowledgment);
                    if !acknowledges {
                        return self.fail(
                            auto.span(),
                            format!("goal \"{source}\": `auto_acknowledgment = true` needs a [[goal.deadline]] with requires = \"acknowledgment\""),
                        );
                    }
                    true
                }
                _ => false,
            };
            let warn_at = g.warn_at.as_ref().map(|w| self.share(w)).transpose()?;
            let target = g.target.as_ref().map(|t| self.target(t)).transpose()?;
            let mut deadlines = Vec::with_capacity(g.deadline.len());
            for d in g.deadline {
                if d.channels.get_ref().is_empty() {
                    return self.fail(d.channels.span(), format!("goal \"{source}\": a deadline's `channels` must name at least one channel"));
                }
                let empty_filter = [
                    d.to.as_ref()
                        .map(|t| (t.get_ref().is_empty(), t.span(), "to")),
                    d.kinds
                        .as_ref()
                        .map(|k| (k.get_ref().is_empty(), k.span(), "kinds")),
                ];
                for (empty, span, key) in empty_filter.into_iter().flatten() {
                    if empty {
                        return self.fail(span, format!("goal \"{source}\": `{key} = []` matches nothing; leave `{key}` out to mean all"));
                    }
                }
                let channels = d.channels.into_inner();
                let to = d.to.map(Spanned::into_inner);
                let kinds = d.kinds.map(Spanned::into_inner);
                let filter = [
                    Set::of(channels.iter().map(|c| c.bit())),
                    to.as_ref()
                        .map_or(Set::ANY, |t| Set::of(t.iter().map(|a| a.bit()))),
                    kinds
                        .as_ref()
                        .map_or(Set::ANY, |k| Set::of(k.iter().map(|k| k.bit()))),
                ];
                deadlines.push(Deadline {
                    requires: d.requires,
                    within: d.within,
                    channels,
                    to,
                    kinds,
                    pausable: d.pausable,
                    filter,
                });
            }
            goals.push(Goal {
                source,
                promise: g.promise,
                deadlines,
                rules: g.rules,
                features: g.features,
                out_of_scope: g.out_of_scope,
                note: g.note,
                auto_acknowledgment,
                warn_at,
                target,
            });
        }
        Ok(goals)
    }

    fn case_types(&self, raw: Vec<CaseTypeFile>) -> Result<Vec<CaseType>, PolicyError> {
        let mut seen = HashSet::new();
        let mut out = Vec::with_capacity(raw.len());
        for c in raw {
            let span = c.id.span();
            let id = c.id.into_inner();
            let id_ok = !id.is_empty()
                && id.chars().all(|ch| {
                    ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_' || ch == '-'
                });
            if !id_ok {
                return self.fail(span, format!("case type id \"{id}\" may use only a-z, 0-9, - and _, e.g. \"byggetilladelse\""));
            }
            if !seen.insert(id.clone()) {
                return self.fail(span, format!("case type \"{id}\" appears twice"));
            }
            let target = c.target.as_ref().map(|t| self.target(t)).transpose()?;
            out.push(CaseType {
                target,
                id,
                name: c.name,
                source: c.source,
                within: c.within,
                appealable: c.appealable,
                complaint_guidance: c.complaint_guidance,
                complaint_to: c.complaint_to,
                complaint_deadline: c.complaint_deadline,
                notices: c.notices,
                pausable: c.pausable,
            });
        }
        Ok(out)
    }
}

impl Builder<'_> {
    fn templates(
        &self,
        raw: Vec<TemplateFile>,
        case_types: &[CaseType],
    ) -> Result<Vec<Template>, PolicyError> {
        let mut out: Vec<Template> = Vec::with_capacity(raw.len());
        for t in raw {
            let Some(kind) = TemplateKind::parse(t.kind.get_ref()) else {
                return self.fail(
                    t.kind.span(),
                    format!(
                        "template kind \"{}\" is unknown; use one of {}",
                        t.kind.get_ref(),
                        TemplateKind::expected()
                    ),
                );
            };
            let lang = frist_i18n::Lang::ALL
                .into_iter()
                .find(|l| l.code() == t.lang.get_ref());
            let Some(lang) = lang else {
                let codes: Vec<&str> = frist_i18n::Lang::ALL.map(|l| l.code()).to_vec();
                return self.fail(
                    t.lang.span(),
                    format!(
                        "template language \"{}\" is unknown; use one of {}",
                        t.lang.get_ref(),
                        codes.join(", ")
                    ),
                );
            };
            if let Some(case) = &t.case_type
                && !case_types.iter().any(|c| &c.id == case.get_ref())
            {
                return self.fail(
                    case.span(),
                    format!(
                        "template for case type \"{}\": the policy has no [[case_type]] with that id",
                        case.get_ref()
                    ),
                );
            }
            match check_body(kind, t.body.get_ref()) {
                Ok(()) => {}
                Err(TemplateError::EmptyBody) => {
                    return self.fail(
                        t.body.span(),
                        format!("template {kind} ({}): `body` is empty", lang.code()),
                    );
                }
                Err(TemplateError::UnknownPlaceholder(name)) => {
                    return self.fail(
                        t.body.span(),
                        format!(
                            "template {kind} ({}): {{{name}}} is not a placeholder of {kind}; use {}",
                            lang.code(),
                            kind.placeholders()
                                .iter()
                                .map(|p| format!("{{{p}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                }
            }
            let case_type = t.case_type.map(Spanned::into_inner);
            let twice = out
                .iter()
                .any(|o| o.kind == kind && o.lang == lang && o.case_type == case_type);
            if twice {
                return self.fail(
                    t.kind.span(),
                    format!(
                        "template {kind} ({}) for {} appears twice",
                        lang.code(),
                        case_type.as_deref().unwrap_or("all case types")
                    ),
                );
            }
            out.push(Template {
                kind,
                case_type,
                lang,
                body: t.body.into_inner(),
            });
        }
        Ok(out)
    }
}

fn hours(raw: HoursFile) -> WeeklyHours {
    let mut h = WeeklyHours::default();
    let days = [
        (Weekday::Monday, raw.monday),
        (Weekday::Tuesday, raw.tuesday),
        (Weekday::Wednesday, raw.wednesday),
        (Weekday::Thursday, raw.thursday),
        (Weekday::Friday, raw.friday),
        (Weekday::Saturday, raw.saturday),
        (Weekday::Sunday, raw.sunday),
    ];
    for (day, ranges) in days {
        h.set(day, ranges.into_iter().map(|r| r.0).collect());
    }
    h
}
