//! The lead dashboard's view model: the totals, the load per caseworker (most urgent first)
//! and the compliance tables, from the figures the handler read.

use super::super::StaffChrome;
use super::super::words::lead::LeadWords;
use super::Periods;
use super::list::link;
use super::trend::{Series, svg};
use crate::numbers::decimal;
use crate::pages::visitor::Visitor;
use askama::Template;
use frist_policy::{Channel, Policy};
use frist_store::{
    Caseworker, ComplianceRow, GroupBy, MonthRow, NO_CASE_TYPE, Outcome, TargetedRow, User,
    Workload,
};

/// What the store counted for the dashboard.
#[derive(Debug)]
pub(crate) struct Figures {
    pub load: Vec<Workload>,
    pub caseworkers: Vec<Caseworker>,
    pub goals: Vec<TargetedRow>,
    pub channels: Vec<TargetedRow>,
    pub case_types: Vec<TargetedRow>,
    /// Goal by month, the twelve months up to the one shown.
    pub trend: Vec<MonthRow>,
    /// `YYYY-MM` of those months, oldest first.
    pub trend_months: Vec<(i16, i8)>,
}

#[derive(Debug)]
struct LoadRow {
    name: String,
    absence: Option<String>,
    load: Workload,
    /// The queue of this caseworker's open inquiries, to which `&frist=…` is added; `None` for
    /// the unassigned ones, which the queue lists under "all" without a caseworker filter.
    queue: Option<String>,
}

/// The dashboard's answer to "are we keeping our promises?" for the month shown.
#[derive(Debug)]
struct Overall {
    share: String,
    label: String,
    /// "The target for all deadlines is 95,0 %:" and whether it was reached.
    target: Option<(String, bool)>,
    goals_reached: Option<String>,
}

#[derive(Debug)]
struct TrendChart {
    id: String,
    label: String,
    svg: String,
}

#[derive(Debug)]
struct TrendCell {
    text: String,
    href: String,
}

#[derive(Debug)]
struct TrendRow {
    month: String,
    cells: Vec<TrendCell>,
}

#[derive(Debug)]
struct ComplianceView {
    label: String,
    detail: Option<String>,
    row: ComplianceRow,
    /// The lists behind total, met, met late, breached and pending.
    links: [String; 5],
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
    /// `None` when no deadline of the month was decided yet.
    overall: Option<Overall>,
    overall_nothing: String,
    trend_charts: Vec<TrendChart>,
    trend_goals: Vec<String>,
    trend_rows: Vec<TrendRow>,
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
        trend,
        trend_months,
    } = figures;
    let maaned = format!("{:04}-{:02}", p.year, p.month);
    let month_label = |year: i16, month: i8| format!("{} {year}", super::month_name(w, month));
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
            let queue = l.caseworker.as_ref().map(|id| {
                format!(
                    "{}?vis=alle&sagsbehandler={}",
                    crate::paths::QUEUE,
                    super::super::encode_query(id)
                )
            });
            LoadRow {
                name,
                absence,
                load: l,
                queue,
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
    let view = |t: TargetedRow, group_by: GroupBy, label: String, detail: Option<String>| {
        let links = [
            None,
            Some(Outcome::Met),
            Some(Outcome::MetLate),
            Some(Outcome::Breached),
            Some(Outcome::Pending),
        ]
        .map(|o| link(&maaned, group_by, &t.row.group, o));
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
            links,
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
            view(t, GroupBy::Goal, label, detail)
        })
        .collect();
    let by_channel = channels
        .into_iter()
        .map(|t| {
            let label = match t.row.group.parse::<Channel>() {
                Ok(c) => capitalized(c.label(lang)),
                Err(_) => t.row.group.clone(),
            };
            view(t, GroupBy::Channel, label, None)
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
                view(t, GroupBy::CaseType, label, None)
            })
            .collect()
    };
    let overall = overall(w, lang, policy, &by_goal, &month_label(p.year, p.month));
    let (trend_charts, trend_goals, trend_rows) =
        trend_view(w, lang, policy, &trend, &trend_months, &month_label);
    let table = |id, caption, first_col, rows: Vec<ComplianceView>| ComplianceTable {
        id,
        caption,
        first_col,
        any_target: rows.iter().any(|r| r.target.is_some()),
        rows,
    };
    let months = super::month_choices(w, p);
    let month_name = super::month_name(w, p.month);
    LeadPage {
        overall,
        overall_nothing: w
            .overall_nothing
            .replace("{month}", &month_label(p.year, p.month)),
        trend_charts,
        trend_goals,
        trend_rows,
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

/// The month's share on time over every goal, against the policy's overall target, and how many
/// goals with a target reached theirs.
fn overall(
    w: &LeadWords,
    lang: frist_i18n::Lang,
    policy: &Policy,
    by_goal: &[ComplianceView],
    month: &str,
) -> Option<Overall> {
    let (met, decided) = by_goal.iter().fold((0u64, 0u64), |(m, d), c| {
        (
            m + c.row.met,
            d + c.row.met + c.row.met_late + c.row.breached,
        )
    });
    if decided == 0 {
        return None;
    }
    let share = met as f64 * 100.0 / decided as f64;
    let target = policy.target.map(|t| {
        let t = t.percent();
        (
            w.overall_target
                .replace("{target}", &decimal(lang, Some(t), " %", w.not_measured)),
            share >= t,
        )
    });
    let with_target: Vec<_> = by_goal.iter().filter(|c| c.target.is_some()).collect();
    let goals_reached = (!with_target.is_empty()).then(|| {
        let reached = with_target
            .iter()
            .filter(|c| {
                policy
                    .goal_target(&c.row.group)
                    .zip(c.row.on_time_percent)
                    .is_some_and(|(t, s)| s >= t.percent())
            })
            .count();
        w.goals_reached
            .replace("{reached}", &reached.to_string())
            .replace("{total}", &with_target.len().to_string())
    });
    Some(Overall {
        share: decimal(lang, Some(share), " %", w.not_measured),
        label: w.overall_label.replace("{month}", month),
        target,
        goals_reached,
    })
}

type TrendView = (Vec<TrendChart>, Vec<String>, Vec<TrendRow>);

/// One chart per goal of the policy, and the table of the same shares (a row per month, a
/// column per goal), each share linked to the deadlines behind it.
fn trend_view(
    w: &LeadWords,
    lang: frist_i18n::Lang,
    policy: &Policy,
    trend: &[MonthRow],
    months: &[(i16, i8)],
    month_label: &dyn Fn(i16, i8) -> String,
) -> TrendView {
    let keys: Vec<String> = months
        .iter()
        .map(|(y, m)| format!("{y:04}-{m:02}"))
        .collect();
    let share = |goal: &str, key: &str| {
        trend
            .iter()
            .find(|r| r.month == key && r.row.group == goal)
            .and_then(|r| r.row.on_time_percent)
    };
    let short: Vec<String> = months
        .iter()
        .map(|(y, m)| {
            let name: String = month_label(*y, *m).chars().take(3).collect();
            if *m == 1 {
                format!("{name} {}", y % 100)
            } else {
                name
            }
        })
        .collect();
    let goals: Vec<&str> = policy
        .goals
        .iter()
        .map(|g| g.source.as_str())
        .filter(|g| trend.iter().any(|r| r.row.group == *g))
        .collect();
    let charts = goals
        .iter()
        .filter_map(|goal| {
            let shares: Vec<Option<f64>> = keys.iter().map(|k| share(goal, k)).collect();
            let id = format!("trend-{goal}");
            let series = Series {
                labels: &short,
                shares: &shares,
                target: policy.goal_target(goal).map(|t| t.percent()),
            };
            Some(TrendChart {
                svg: svg(&series, &id)?,
                label: w.trend_chart_label.replace("{goal}", goal),
                id,
            })
        })
        .collect();
    let rows = months
        .iter()
        .zip(&keys)
        .rev()
        .map(|((y, m), key)| TrendRow {
            month: month_label(*y, *m),
            cells: goals
                .iter()
                .map(|goal| TrendCell {
                    text: decimal(lang, share(goal, key), " %", w.not_measured),
                    href: link(key, GroupBy::Goal, goal, None),
                })
                .collect(),
        })
        .collect();
    (charts, goals.into_iter().map(str::to_owned).collect(), rows)
}
