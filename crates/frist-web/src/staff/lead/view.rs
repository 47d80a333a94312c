//! The lead dashboard's view model: the totals, the load per caseworker (most urgent first)
//! and the compliance tables, from the figures the handler read.

use super::super::StaffChrome;
use super::super::words::lead::LeadWords;
use super::Periods;
use crate::numbers::decimal;
use crate::pages::visitor::Visitor;
use askama::Template;
use frist_policy::{Channel, Policy};
use frist_store::{Caseworker, ComplianceRow, NO_CASE_TYPE, TargetedRow, User, Workload};

/// What the store counted for the dashboard.
#[derive(Debug)]
pub(crate) struct Figures {
    pub load: Vec<Workload>,
    pub caseworkers: Vec<Caseworker>,
    pub goals: Vec<TargetedRow>,
    pub channels: Vec<TargetedRow>,
    pub case_types: Vec<TargetedRow>,
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
    /// "95,0 % (nået)", when the policy sets a target for the goal or case type.
    target: Option<String>,
}

#[derive(Debug)]
struct ComplianceTable {
    id: &'static str,
    caption: &'static str,
    first_col: &'static str,
    rows: Vec<ComplianceView>,
    /// Whether a row has a target: the table then has the column.
    any_target: bool,
}

use super::MonthChoice;

#[derive(Debug, Template)]
#[template(path = "lead.html")]
pub(crate) struct LeadPage {
    chrome: StaffChrome,
    w: &'static LeadWords,
    totals: Workload,
    load: Vec<LoadRow>,
    compliance_intro: String,
    tables: Vec<ComplianceTable>,
    months: Vec<MonthChoice>,
    /// The CSV of the month shown.
    csv: String,
    /// The month's service report.
    service: String,
    service_link: &'static str,
}

/// A label that starts a table row: with a capital first letter.
fn capitalized(label: &str) -> String {
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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
        case_types,
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
    let lang = visitor.staff_lang();
    let view = |t: TargetedRow, label: String, detail: Option<String>| {
        let target = t.target_percent.map(|target| {
            let verdict = match t.target_reached {
                Some(true) => w.target_reached,
                Some(false) => w.target_missed,
                None => w.not_measured,
            };
            format!(
                "{} ({verdict})",
                decimal(lang, Some(target), " %", w.not_measured)
            )
        });
        let row: ComplianceRow = t.row;
        ComplianceView {
            on_time: decimal(lang, row.on_time_percent, " %", w.not_measured),
            median: decimal(lang, row.median_working_days, "", w.not_measured),
            label,
            detail,
            row,
            target,
        }
    };
    let by_goal: Vec<_> = goals
        .into_iter()
        .map(|t| {
            let detail = policy.goal(&t.row.group).map(|g| g.promise.clone());
            let label = t.row.group.clone();
            view(t, label, detail)
        })
        .collect();
    let by_channel = channels
        .into_iter()
        .map(|t| {
            let label = match t.row.group.parse::<Channel>() {
                Ok(c) => capitalized(c.label(lang)),
                Err(_) => t.row.group.clone(),
            };
            view(t, label, None)
        })
        .collect();
    // Only when the policy has case types: otherwise every row is "no case type".
    let by_case_type: Vec<_> = if policy.case_types.is_empty() {
        Vec::new()
    } else {
        case_types
            .into_iter()
            .map(|t| {
                let label = if t.row.group == NO_CASE_TYPE {
                    w.no_case_type.to_owned()
                } else {
                    policy
                        .case_types
                        .iter()
                        .find(|c| c.id == t.row.group)
                        .map_or_else(|| t.row.group.clone(), |c| c.name.clone())
                };
                view(t, label, None)
            })
            .collect()
    };
    let table = |id, caption, first_col, rows: Vec<ComplianceView>| ComplianceTable {
        id,
        caption,
        first_col,
        any_target: rows.iter().any(|r| r.target.is_some()),
        rows,
    };
    let months = super::month_choices(w, p);
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
            let mut tables = vec![
                table("goal-caption", w.by_goal_caption, w.col_goal, by_goal),
                table(
                    "channel-caption",
                    w.by_channel_caption,
                    w.col_channel,
                    by_channel,
                ),
            ];
            if !by_case_type.is_empty() {
                tables.push(table(
                    "case-type-caption",
                    w.by_case_type_caption,
                    w.col_case_type,
                    by_case_type,
                ));
            }
            tables
        },
        months,
        service_link: super::super::words::service::ServiceWords::of(visitor.staff_lang()).link,
        service: format!(
            "{}?maaned={:04}-{:02}",
            crate::paths::DASHBOARD_SERVICE,
            p.year,
            p.month
        ),
        csv: format!(
            "{}?maaned={:04}-{:02}",
            crate::paths::DASHBOARD_CSV,
            p.year,
            p.month
        ),
    }
}
