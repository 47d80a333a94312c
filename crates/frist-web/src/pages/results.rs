//! `/resultater`: how well the municipality kept its published promises over the last twelve
//! full months — per service goal (with the promise's own words and its target), per channel,
//! month by month, and per case type with processing times — for anyone, without sign-in
//! (retssikkerhedsloven § 3, stk. 2; HAL-1, SKA-1, SKA-2). The same figures as open data at
//! `/resultater.csv` and `/resultater.json` (schema in the README, "Results as open data").
//!
//! The figures are the compliance report's (`frist report`), computed by the same store query
//! for the same period, so the page, the files and the report agree. They are kept for ten
//! minutes: a public page must not let every visitor start four reports.

use super::layout::{Chrome, respond};
use super::results_words::ResultsWords;
use super::visitor::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use frist_calendar::Date;
use frist_i18n::Lang;
use frist_policy::{COPENHAGEN, Channel, Policy};
use frist_store::{GroupBy, NO_CASE_TYPE, Store, StoreResult, TargetedRow, against_targets};
use jiff::{SignedDuration, Timestamp, ToSpan};
use serde::Serialize;
use std::str::FromStr;
use std::sync::{Arc, Mutex};

/// How long computed results are served before they are computed again.
const FRESH_FOR: SignedDuration = SignedDuration::from_mins(10);

/// The version of the files' schema; it changes only when a field changes meaning or goes.
pub(crate) const SCHEMA_VERSION: u32 = 1;

/// The results of one period, as the files give them.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Results {
    pub schema_version: u32,
    pub municipality: String,
    /// The first day of the period (local), inclusive.
    pub from: Date,
    /// The last day of the period (local), inclusive.
    pub to: Date,
    pub generated_at: Timestamp,
    pub goals: Vec<GoalResult>,
    pub channels: Vec<TargetedRow>,
    pub months: Vec<TargetedRow>,
    pub case_types: Vec<CaseTypeResult>,
}

/// A goal's row, with the promise as the policy words it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct GoalResult {
    #[serde(flatten)]
    pub row: TargetedRow,
    pub promise: Option<String>,
}

/// A case type's row, with its name from the policy.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct CaseTypeResult {
    #[serde(flatten)]
    pub row: TargetedRow,
    pub name: Option<String>,
}

/// The last computed results, with when they were computed.
#[derive(Debug, Default)]
pub(crate) struct ResultsCache(Mutex<Option<(Timestamp, Arc<Results>)>>);

/// The last twelve full months before the month of `now` (Copenhagen): its first and last day.
fn period(now: Timestamp) -> Option<(Date, Date)> {
    let this_month = now.to_zoned(COPENHAGEN.clone()).date().first_of_month();
    let from = this_month.checked_sub(12.months()).ok()?;
    Some((from, this_month.yesterday().ok()?))
}

fn start_of(day: Date) -> Option<Timestamp> {
    day.to_zoned(COPENHAGEN.clone()).ok().map(|z| z.timestamp())
}

async fn compute<S: Store>(store: &S, policy: &Policy, now: Timestamp) -> StoreResult<Results> {
    let bad = || frist_store::StoreError::Other("now is outside the calendar".into());
    let (from, to) = period(now).ok_or_else(bad)?;
    let start = start_of(from).ok_or_else(bad)?;
    let end = to.tomorrow().ok().and_then(start_of).ok_or_else(bad)?;
    let (goals, channels, months, case_types) = tokio::try_join!(
        store.compliance(start, end, GroupBy::Goal, now),
        store.compliance(start, end, GroupBy::Channel, now),
        store.compliance(start, end, GroupBy::Month, now),
        store.compliance(start, end, GroupBy::CaseType, now),
    )?;
    let goals = against_targets(goals, GroupBy::Goal, policy)
        .into_iter()
        .map(|row| GoalResult {
            promise: policy
                .goals
                .iter()
                .find(|g| g.source == row.row.group)
                .map(|g| g.promise.clone()),
            row,
        })
        .collect();
    let case_types = against_targets(case_types, GroupBy::CaseType, policy)
        .into_iter()
        .filter(|r| r.row.group != NO_CASE_TYPE)
        .map(|row| CaseTypeResult {
            name: policy
                .case_types
                .iter()
                .find(|c| c.id == row.row.group)
                .map(|c| c.name.clone()),
            row,
        })
        .collect();
    let months = every_month(from, against_targets(months, GroupBy::Month, policy));
    Ok(Results {
        schema_version: SCHEMA_VERSION,
        municipality: policy.municipality.name.clone(),
        from,
        to,
        generated_at: now,
        goals,
        channels: against_targets(channels, GroupBy::Channel, policy),
        months,
        case_types,
    })
}

/// The twelve months from `from`, each with its row or a row of zeros: a month in which no
/// deadline ran out is shown as such, not left out.
fn every_month(from: Date, rows: Vec<TargetedRow>) -> Vec<TargetedRow> {
    let mut rows = rows.into_iter().peekable();
    let mut out = Vec::with_capacity(12);
    let mut month = from;
    for _ in 0..12 {
        let key = month.strftime("%Y-%m").to_string();
        match rows.next_if(|r| r.row.group == key) {
            Some(row) => out.push(row),
            None => out.push(TargetedRow {
                row: frist_store::ComplianceRow {
                    group: key,
                    total: 0,
                    met: 0,
                    met_late: 0,
                    breached: 0,
                    pending: 0,
                    waived: 0,
                    on_time_percent: None,
                    median_working_days: None,
                    p90_working_days: None,
                },
                target_percent: None,
                target_reached: None,
            }),
        }
        let Ok(next) = month.checked_add(1.month()) else {
            break;
        };
        month = next;
    }
    out
}

/// The results for `app`'s "now": the kept ones while fresh and of the same period.
async fn results<S: Store>(app: &AppState<S>) -> StoreResult<Arc<Results>> {
    let now = app.now();
    let kept = app.results.0.lock().map_or(None, |guard| guard.clone());
    if let Some((at, results)) = kept {
        let fresh = now.duration_since(at) < FRESH_FOR && now >= at;
        if fresh && period(now) == Some((results.from, results.to)) {
            return Ok(results);
        }
    }
    let results = Arc::new(compute(&*app.store, &app.policy.policy, now).await?);
    if let Ok(mut guard) = app.results.0.lock() {
        *guard = Some((now, Arc::clone(&results)));
    }
    Ok(results)
}

/// A share as the language writes it: "92,5 %" / "92.5 %".
fn share(lang: Lang, value: Option<f64>) -> String {
    crate::numbers::decimal(lang, value, " %", "–")
}

fn days(lang: Lang, value: Option<f64>) -> String {
    crate::numbers::decimal(lang, value, "", "–")
}

/// "e-mail" → "E-mail" at the start of a table row.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// One row of a table on the page.
#[derive(Debug)]
struct Line {
    /// The group in words (a goal's id, a channel, a month, a case type).
    label: String,
    /// More words under the label (a goal's promise).
    detail: Option<String>,
    due: u64,
    on_time: u64,
    late: u64,
    missed: u64,
    share: String,
    target: Option<String>,
    median: String,
    p90: String,
}

fn line(lang: Lang, w: &ResultsWords, r: &TargetedRow, label: String) -> Line {
    let row = &r.row;
    let target = r.target_percent.map(|t| {
        let verdict = match r.target_reached {
            Some(true) => w.target_reached,
            Some(false) => w.target_missed,
            None => w.target_open,
        };
        format!("{} ({verdict})", share(lang, Some(t)))
    });
    Line {
        label,
        detail: None,
        due: row.met + row.met_late + row.breached,
        on_time: row.met,
        late: row.met_late,
        missed: row.breached,
        share: share(lang, row.on_time_percent),
        target,
        median: days(lang, row.median_working_days),
        p90: days(lang, row.p90_working_days),
    }
}

#[derive(Debug, Template)]
#[template(path = "results.html")]
struct ResultsPage {
    chrome: Chrome,
    w: &'static ResultsWords,
    period: String,
    updated: String,
    goals: Vec<Line>,
    channels: Vec<Line>,
    months: Vec<Line>,
    case_types: Vec<Line>,
    any_target: bool,
}

pub(crate) async fn page<S: Store>(State(app): State<AppState<S>>, visitor: Visitor) -> Response {
    let results = match results(&app).await {
        Ok(r) => r,
        Err(e) => {
            tracing::error!(error = %e, "the results could not be computed");
            return (StatusCode::SERVICE_UNAVAILABLE, "Try again in a minute.").into_response();
        }
    };
    let lang = visitor.lang;
    let w = ResultsWords::of(lang);
    let t = visitor.t();
    let goals: Vec<Line> = results
        .goals
        .iter()
        .map(|g| Line {
            detail: g.promise.clone(),
            ..line(lang, w, &g.row, g.row.row.group.clone())
        })
        .collect();
    let channels = results
        .channels
        .iter()
        .map(|r| {
            let label = Channel::from_str(&r.row.group)
                .map_or_else(|_| r.row.group.clone(), |c| capitalised(c.label(lang)));
            line(lang, w, r, label)
        })
        .collect();
    let months = results
        .months
        .iter()
        .map(|r| {
            let label = format!("{}-01", r.row.group)
                .parse::<Date>()
                .map_or_else(|_| r.row.group.clone(), |d| t.month(d));
            line(lang, w, r, label)
        })
        .collect();
    let case_types: Vec<Line> = results
        .case_types
        .iter()
        .map(|c| {
            let label = c.name.clone().unwrap_or_else(|| c.row.row.group.clone());
            line(lang, w, &c.row, label)
        })
        .collect();
    let any_target = goals.iter().chain(&case_types).any(|l| l.target.is_some());
    let updated = results.generated_at.to_zoned(COPENHAGEN.clone());
    let page = ResultsPage {
        chrome: Chrome::new(&visitor, &app.policy.policy),
        w,
        period: format!("{} – {}", t.date(results.from), t.date(results.to)),
        updated: format!(
            "{} {}",
            t.date(updated.date()),
            updated.time().strftime("%H:%M")
        ),
        goals,
        channels,
        months,
        case_types,
        any_target,
    };
    respond(&visitor, StatusCode::OK, &page, None)
}

/// A file of open data: cacheable for the minutes the figures are kept, for anyone.
fn file(content_type: &'static str, name: String, body: String) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=600"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("inline; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

fn unavailable(e: &frist_store::StoreError) -> Response {
    tracing::error!(error = %e, "the results could not be computed");
    (StatusCode::SERVICE_UNAVAILABLE, "Try again in a minute.").into_response()
}

pub(crate) async fn json<S: Store>(State(app): State<AppState<S>>) -> Response {
    match results(&app).await {
        Ok(r) => match serde_json::to_string_pretty(&*r) {
            Ok(body) => file(
                "application/json",
                format!("resultater-{}-{}.json", r.from, r.to),
                body,
            ),
            Err(e) => {
                tracing::error!(error = %e, "the results could not be written as JSON");
                (StatusCode::INTERNAL_SERVER_ERROR, "Internal error").into_response()
            }
        },
        Err(e) => unavailable(&e),
    }
}

/// A CSV field, quoted when it holds a comma, quote or newline (also the dashboard's CSV).
pub(crate) fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn number(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| format!("{v}"))
}

/// The CSV: one row per group, `section` saying which table it belongs to.
pub(crate) fn csv(r: &Results) -> String {
    let mut out = String::from(
        "section,group,name,total,met,met_late,breached,pending,waived,on_time_percent,\
         median_working_days,p90_working_days,target_percent,target_reached\r\n",
    );
    let mut push = |section: &str, t: &TargetedRow, name: Option<&str>| {
        let row = &t.row;
        out.push_str(&format!(
            "{section},{},{},{},{},{},{},{},{},{},{},{},{},{}\r\n",
            field(&row.group),
            field(name.unwrap_or("")),
            row.total,
            row.met,
            row.met_late,
            row.breached,
            row.pending,
            row.waived,
            number(row.on_time_percent),
            number(row.median_working_days),
            number(row.p90_working_days),
            number(t.target_percent),
            t.target_reached.map_or_else(String::new, |b| b.to_string()),
        ));
    };
    for g in &r.goals {
        push("goal", &g.row, g.promise.as_deref());
    }
    for c in &r.channels {
        push("channel", c, None);
    }
    for m in &r.months {
        push("month", m, None);
    }
    for c in &r.case_types {
        push("case_type", &c.row, c.name.as_deref());
    }
    out
}

pub(crate) async fn csv_file<S: Store>(State(app): State<AppState<S>>) -> Response {
    match results(&app).await {
        Ok(r) => file(
            "text/csv; charset=utf-8",
            format!("resultater-{}-{}.csv", r.from, r.to),
            csv(&r),
        ),
        Err(e) => unavailable(&e),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use jiff::civil::date;

    #[test]
    fn the_period_is_the_twelve_full_months_before_this_one() {
        let now: Timestamp = "2026-11-30T10:00:00Z".parse().unwrap();
        assert_eq!(period(now), Some((date(2025, 11, 1), date(2026, 10, 31))));
        // Just after midnight on the 1st, local time: the month just ended is included.
        let first: Timestamp = "2026-11-30T23:30:00Z".parse().unwrap();
        assert_eq!(period(first), Some((date(2025, 12, 1), date(2026, 11, 30))));
    }

    #[test]
    fn every_month_of_the_period_has_a_row_in_order() {
        let row = |group: &str| TargetedRow {
            row: frist_store::ComplianceRow {
                group: group.into(),
                total: 3,
                met: 3,
                met_late: 0,
                breached: 0,
                pending: 0,
                waived: 0,
                on_time_percent: Some(100.0),
                median_working_days: None,
                p90_working_days: None,
            },
            target_percent: None,
            target_reached: None,
        };
        let months = every_month(date(2025, 11, 1), vec![row("2026-02"), row("2026-10")]);
        let groups: Vec<&str> = months.iter().map(|m| m.row.group.as_str()).collect();
        assert_eq!(groups.len(), 12);
        assert_eq!(groups[0], "2025-11");
        assert_eq!(groups[11], "2026-10");
        assert_eq!(months[3].row.total, 3, "February");
        assert_eq!(months[4].row.total, 0, "March");
        assert_eq!(capitalised("e-mail"), "E-mail");
    }

    #[test]
    fn shares_are_written_the_way_each_language_writes_them() {
        assert_eq!(share(Lang::Da, Some(92.54)), "92,5 %");
        assert_eq!(share(Lang::En, Some(92.54)), "92.5 %");
        assert_eq!(share(Lang::De, None), "–");
        assert_eq!(field("Vi svarer, hurtigt"), "\"Vi svarer, hurtigt\"");
    }
}
