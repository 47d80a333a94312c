//! `/ledelse`, the lead dashboard (leads and administrators): what is overdue, due today and at
//! risk right now, the load per caseworker, and this month's compliance per goal and channel.

use super::words::lead::LeadWords;
use super::{StaffChrome, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use frist_policy::{COPENHAGEN, Channel, Lang, Policy};
use frist_store::{ComplianceRow, GroupBy, Role, Store, Workload, WorkloadBounds};
use jiff::Timestamp;
use jiff::civil::Date;

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
struct LeadPage {
    chrome: StaffChrome,
    w: &'static LeadWords,
    totals: Workload,
    load: Vec<LoadRow>,
    compliance_intro: String,
    tables: Vec<ComplianceTable>,
}

/// The instants of "today" and "the next working day" in Copenhagen, and the month's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Periods {
    pub bounds: WorkloadBounds,
    pub month_start: Timestamp,
    pub month_end: Timestamp,
    pub month: i8,
    pub year: i16,
}

/// Pure: the periods the dashboard counts in, for `now`. `None` only outside the calendar's
/// range.
pub(crate) fn periods(policy: &Policy, now: Timestamp) -> Option<Periods> {
    let start_of = |d: Date| d.to_zoned(COPENHAGEN.clone()).ok().map(|z| z.timestamp());
    let today = now.to_zoned(COPENHAGEN.clone()).date();
    let tomorrow = today.tomorrow().ok()?;
    let next_working = policy.calendar.next_working_day(today).ok()?;
    let month_first = today.first_of_month();
    let next_month = month_first.last_of_month().tomorrow().ok()?;
    Some(Periods {
        bounds: WorkloadBounds {
            now,
            today_end: start_of(tomorrow)?,
            risk_end: start_of(next_working.tomorrow().ok()?)?,
        },
        month_start: start_of(month_first)?,
        month_end: start_of(next_month)?,
        month: today.month(),
        year: today.year(),
    })
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

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
) -> Result<Response, PageError> {
    let user = session::require_role(&app, &visitor, &[Role::Lead, Role::Admin]).await?;
    let policy = &app.policy.policy;
    let w = LeadWords::of(visitor.lang);
    let now = app.now();
    let Some(p) = periods(policy, now) else {
        return Err(PageError::internal("now is outside the calendar"));
    };
    let store = &app.store;
    let (load, caseworkers, goals, channels) = tokio::try_join!(
        store.workload(p.bounds),
        store.caseworkers(),
        store.compliance(p.month_start, p.month_end, GroupBy::Goal, now),
        store.compliance(p.month_start, p.month_end, GroupBy::Channel, now),
    )
    .map_err(PageError::internal)?;
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
    let t = visitor.t();
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
        on_time: decimal(visitor.lang, row.on_time_percent, " %", w.not_measured),
        median: decimal(visitor.lang, row.median_working_days, "", w.not_measured),
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
                Ok(c) if visitor.lang == Lang::Da => capitalized(c.label_da()),
                Ok(c) => capitalized(c.label_en()),
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
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = LeadPage {
        chrome: StaffChrome::new(&visitor, policy, Some(&user), &token),
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
    };
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(token.as_str()),
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn at_risk_ends_with_the_next_working_day_and_months_follow_copenhagen() {
        let policy = Policy::from_toml(
            "roskilde",
            include_str!("../../../../policies/roskilde.toml"),
        )
        .unwrap();
        // Friday 30 October 2026, 23:30 in Copenhagen (22:30 UTC): the next working day is
        // Monday 2 November, and the month is still October.
        let p = periods(&policy, at("2026-10-30T22:30:00Z")).unwrap();
        assert_eq!(p.bounds.today_end, at("2026-10-30T23:00:00Z"));
        assert_eq!(p.bounds.risk_end, at("2026-11-02T23:00:00Z"));
        assert_eq!((p.month, p.year), (10, 2026));
        assert_eq!(p.month_start, at("2026-09-30T22:00:00Z"));
        assert_eq!(p.month_end, at("2026-10-31T23:00:00Z"));
        // 23 December 2026: the 24th is a closing day in Roskilde, 25–27 are holidays and a
        // weekend, so "at risk" runs to the end of Monday 28 December.
        let p = periods(&policy, at("2026-12-23T10:00:00Z")).unwrap();
        assert_eq!(p.bounds.risk_end, at("2026-12-28T23:00:00Z"));
    }
}
