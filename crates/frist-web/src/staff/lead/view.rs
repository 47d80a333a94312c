//! The lead dashboard's view model: the totals, the load per caseworker (most urgent first)
//! and the compliance tables, from the figures the handler read.

use super::super::StaffChrome;
use super::super::words::lead::LeadWords;
use super::Periods;
use crate::pages::visitor::Visitor;
use askama::Template;
use frist_i18n::Lang;
use frist_policy::{Channel, Policy};
use frist_store::{Caseworker, ComplianceRow, User, Workload};

/// What the store counted for the dashboard.
#[derive(Debug)]
pub(crate) struct Figures {
    pub load: Vec<Workload>,
    pub caseworkers: Vec<Caseworker>,
    pub goals: Vec<ComplianceRow>,
    pub channels: Vec<ComplianceRow>,
}

#[derive(Debug)]
struct LoadRow {
    name: String,
    absence: Option<String>,
    load: Workload,
}

#[derive(Debug)]
struct ComplianceView {
    label: String,
    detail: Option<String>,
    row: ComplianceRow,
    on_time: String,
    median: String,
}

#[derive(Debug)]
struct ComplianceTable {
    id: &'static str,
    caption: &'static str,
    first_col: &'static str,
    rows: Vec<ComplianceView>,
}

#[derive(Debug, Template)]
#[template(path = "lead.html")]
pub(crate) struct LeadPage {
    chrome: StaffChrome,
    w: &'static LeadWords,
    totals: Workload,
    load: Vec<LoadRow>,
    compliance_intro: String,
    tables: Vec<ComplianceTable>,
}

/// A label that starts a table row: with a capital first letter.
fn capitalized(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A figure with one decimal, with a decimal comma in Danish; `none` when there is none.
fn decimal(lang: Lang, value: Option<f64>, unit: &str, none: &str) -> String {
    match value {
        Some(v) => {
            let text = format!("{v:.1}{unit}");
            if lang == Lang::Da {
                text.replace('.', ",")
            } else {
                text
            }
        }
        None => none.to_owned(),
    }
}

/// The dashboard for `user`, with `token` in its forms, for the periods `p`.
pub(crate) fn page(
    visitor: &Visitor,
    policy: &Policy,
    user: &User,
    token: &str,
    p: &Periods,
    figures: Figures,
) -> LeadPage {
    let w = LeadWords::of(visitor.staff_lang());
    let Figures {
        load,
        caseworkers,
        goals,
        channels,
    } = figures;
    let mut totals = Workload {
        caseworker: None,
        open: 0,
        breached: 0,
        due_today: 0,
        at_risk: 0,
    };
    for l in &load {
        totals.open += l.open;
        totals.breached += l.breached;
        totals.due_today += l.due_today;
        totals.at_risk += l.at_risk;
    }
    let t = visitor.staff_t();
    let mut load: Vec<LoadRow> = load
        .into_iter()
        .map(|l| {
            let who = l
                .caseworker
                .as_ref()
                .and_then(|id| caseworkers.iter().find(|c| &c.id == id));
            let name = match (&l.caseworker, who) {
                (_, Some(c)) => c.name.clone(),
                (Some(id), None) => id.clone(),
                (None, None) => w.unassigned.to_owned(),
            };
            let absence = who.and_then(|c| c.absent.as_ref()).map(|a| {
                let substitute = a
                    .substitute
                    .as_ref()
                    .map(|id| {
                        let name = caseworkers
                            .iter()
                            .find(|c| &c.id == id)
                            .map_or(id.as_str(), |c| c.name.as_str());
                        format!(", {} {name}", w.substitute)
                    })
                    .unwrap_or_default();
                format!("{} {}{substitute}", w.absent_until, t.date(a.until))
            });
            LoadRow {
                name,
                absence,
                load: l,
            }
        })
        .collect();
    // Most urgent first: the lead looks for who needs help.
    load.sort_by(|a, b| {
        (
            b.load.breached,
            b.load.due_today,
            b.load.at_risk,
            b.load.open,
        )
            .cmp(&(
                a.load.breached,
                a.load.due_today,
                a.load.at_risk,
                a.load.open,
            ))
            .then_with(|| a.name.cmp(&b.name))
    });
    let view = |row: ComplianceRow, label: String, detail: Option<String>| ComplianceView {
        on_time: decimal(
            visitor.staff_lang(),
            row.on_time_percent,
            " %",
            w.not_measured,
        ),
        median: decimal(
            visitor.staff_lang(),
            row.median_working_days,
            "",
            w.not_measured,
        ),
        label,
        detail,
        row,
    };
    let by_goal: Vec<_> = goals
        .into_iter()
        .map(|row| {
            let detail = policy.goal(&row.group).map(|g| g.promise.clone());
            let label = row.group.clone();
            view(row, label, detail)
        })
        .collect();
    let by_channel = channels
        .into_iter()
        .map(|row| {
            let label = match row.group.parse::<Channel>() {
                Ok(c) => capitalized(c.label(visitor.staff_lang())),
                Err(_) => row.group.clone(),
            };
            view(row, label, None)
        })
        .collect();
    let month_name = usize::try_from(p.month - 1)
        .ok()
        .and_then(|i| w.months.get(i))
        .copied()
        .unwrap_or_default();
    LeadPage {
        chrome: StaffChrome::new(visitor, policy, Some(user), token),
        w,
        totals,
        load,
        compliance_intro: w
            .compliance_intro
            .replace("{month}", &format!("{month_name} {}", p.year)),
        tables: if by_goal.is_empty() {
            Vec::new()
        } else {
            vec![
                ComplianceTable {
                    id: "goal-caption",
                    caption: w.by_goal_caption,
                    first_col: w.col_goal,
                    rows: by_goal,
                },
                ComplianceTable {
                    id: "channel-caption",
                    caption: w.by_channel_caption,
                    first_col: w.col_channel,
                    rows: by_channel,
                },
            ]
        },
    }
}
