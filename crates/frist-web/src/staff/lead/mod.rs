//! `/ledelse`, the lead dashboard (leads and administrators): what is overdue, due today and at
//! risk right now, the load per caseworker, and a month's compliance (this month, or one chosen
//! with `?maaned=YYYY-MM`) per goal with its target, per channel and per case type, also as CSV
//! (`/ledelse/overholdelse.csv`). The periods and the reading are here; what the page shows is
//! made in `view`.

pub(crate) mod list;
mod service;
mod trend;
mod view;

pub(crate) use service::show as service;

use super::session;
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use frist_policy::{COPENHAGEN, Policy};
use frist_store::{GroupBy, Role, Store, TargetedRow, WorkloadBounds, against_targets};
use jiff::Timestamp;
use jiff::civil::Date;
use serde::Deserialize;

use view::Figures;

/// The instants of "today" and "the next working day" in Copenhagen, and the month's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Periods {
    pub bounds: WorkloadBounds,
    pub month_start: Timestamp,
    pub month_end: Timestamp,
    pub month: i8,
    pub year: i16,
}

/// How many months back the month chooser offers.
pub(crate) const MONTHS_BACK: i32 = 24;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct LeadQuery {
    /// The month whose compliance is shown, `YYYY-MM`; this month when absent or not offered.
    maaned: Option<String>,
}

/// The service report's query: the month, and how to group (`kanal`, `afdeling`, `sagstype`,
/// `afsender`, `maaned`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct LeadQueryWithGroup {
    pub maaned: Option<String>,
    pub efter: Option<String>,
}

/// A month the chooser offers.
#[derive(Debug)]
pub(crate) struct MonthChoice {
    /// `YYYY-MM`.
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// This month and the [`MONTHS_BACK`] before it, newest first, the one of `p` selected.
pub(crate) fn month_choices(w: &super::words::lead::LeadWords, p: &Periods) -> Vec<MonthChoice> {
    let this_month = p
        .bounds
        .now
        .to_zoned(COPENHAGEN.clone())
        .date()
        .first_of_month();
    (0..=MONTHS_BACK)
        .filter_map(|back| {
            let first = this_month
                .checked_sub(jiff::Span::new().months(back))
                .ok()?;
            let name = month_name(w, first.month());
            Some(MonthChoice {
                value: first.strftime("%Y-%m").to_string(),
                label: format!("{name} {}", first.year()),
                selected: first.month() == p.month && first.year() == p.year,
            })
        })
        .collect()
}

/// The name of `month` (1–12) in the page's language.
pub(crate) fn month_name(w: &super::words::lead::LeadWords, month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| w.months.get(i))
        .copied()
        .unwrap_or_default()
}

/// The first day of the month `YYYY-MM` names, when it is this month or one of the
/// [`MONTHS_BACK`] before it.
pub(crate) fn chosen_month(text: Option<&str>, today: Date) -> Option<Date> {
    let first = format!("{}-01", text?.trim()).parse::<Date>().ok()?;
    let this = today.first_of_month();
    let earliest = this
        .checked_sub(jiff::Span::new().months(MONTHS_BACK))
        .ok()?;
    (first.day() == 1 && first <= this && first >= earliest).then_some(first)
}

/// Pure: the periods the dashboard counts in, for `now`. `None` only outside the calendar's
/// range.
pub(crate) fn periods(policy: &Policy, now: Timestamp) -> Option<Periods> {
    periods_for(policy, now, None)
}

/// [`periods`], with the compliance month `month` (its first day) instead of this month.
pub(crate) fn periods_for(policy: &Policy, now: Timestamp, month: Option<Date>) -> Option<Periods> {
    let start_of = |d: Date| d.to_zoned(COPENHAGEN.clone()).ok().map(|z| z.timestamp());
    let today = now.to_zoned(COPENHAGEN.clone()).date();
    let tomorrow = today.tomorrow().ok()?;
    let next_working = policy.calendar.next_working_day(today).ok()?;
    let month_first = month.unwrap_or_else(|| today.first_of_month());
    let next_month = month_first.last_of_month().tomorrow().ok()?;
    Some(Periods {
        bounds: WorkloadBounds {
            now,
            today_end: start_of(tomorrow)?,
            risk_end: start_of(next_working.tomorrow().ok()?)?,
        },
        month_start: start_of(month_first)?,
        month_end: start_of(next_month)?,
        month: month_first.month(),
        year: month_first.year(),
    })
}

/// The month's compliance by goal, channel and case type, each row with its target.
async fn compliance<S: Store>(
    store: &S,
    policy: &Policy,
    p: &Periods,
    now: Timestamp,
) -> Result<[Vec<TargetedRow>; 3], PageError> {
    let (goals, channels, case_types) = tokio::try_join!(
        store.compliance(p.month_start, p.month_end, GroupBy::Goal, now),
        store.compliance(p.month_start, p.month_end, GroupBy::Channel, now),
        store.compliance(p.month_start, p.month_end, GroupBy::CaseType, now),
    )
    .map_err(PageError::internal)?;
    Ok([
        against_targets(goals, GroupBy::Goal, policy),
        against_targets(channels, GroupBy::Channel, policy),
        against_targets(case_types, GroupBy::CaseType, policy),
    ])
}

/// How many months the trend shows, the one chosen included.
const TREND_MONTHS: i32 = 12;

/// The first instant of the trend, and its months (year, month) oldest first.
fn trend_months(p: &Periods) -> Result<(Timestamp, Vec<(i16, i8)>), PageError> {
    let last = jiff::civil::date(p.year, p.month, 1);
    let first = last
        .checked_sub(jiff::Span::new().months(TREND_MONTHS - 1))
        .map_err(PageError::internal)?;
    let start = crate::time::start_of_day(first)
        .ok_or_else(|| PageError::internal("the trend's first day is outside time"))?;
    let months = (0..TREND_MONTHS)
        .filter_map(|i| first.checked_add(jiff::Span::new().months(i)).ok())
        .map(|d| (d.year(), d.month()))
        .collect();
    Ok((start, months))
}

fn periods_of<S>(app: &AppState<S>, query: &LeadQuery) -> Result<Periods, PageError> {
    periods_of_month(app, query.maaned.as_deref())
}

/// The periods for the month `maaned` names (this month when it names none on offer).
pub(crate) fn periods_of_month<S>(
    app: &AppState<S>,
    maaned: Option<&str>,
) -> Result<Periods, PageError> {
    let now = app.now();
    let today = now.to_zoned(COPENHAGEN.clone()).date();
    let month = chosen_month(maaned, today);
    periods_for(&app.policy.policy, now, month)
        .ok_or_else(|| PageError::internal("now is outside the calendar"))
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<LeadQuery>,
) -> Result<Response, PageError> {
    let user = session::require_role(&app, &visitor, &[Role::Lead, Role::Admin]).await?;
    let policy = &app.policy.policy;
    let now = app.now();
    let p = periods_of(&app, &query)?;
    let store = &app.store;
    let (load, caseworkers) = tokio::try_join!(store.workload(p.bounds), store.caseworkers())
        .map_err(PageError::internal)?;
    let [goals, channels, case_types] = compliance(&**store, policy, &p, now).await?;
    let (trend_from, trend_months) = trend_months(&p)?;
    let trend = store
        .goal_trend(trend_from, p.month_end, now)
        .await
        .map_err(PageError::internal)?;
    let figures = Figures {
        load,
        caseworkers,
        goals,
        channels,
        case_types,
        trend,
        trend_months,
    };
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = view::page(&visitor, policy, &user, &token, &p, figures);
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(token.as_str()),
    ))
}

/// `/ledelse/overholdelse.csv?maaned=YYYY-MM`: the month's compliance tables as one CSV, a
/// `section` column (`goal`, `channel`, `case_type`) before the report's columns.
pub(crate) async fn csv<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<LeadQuery>,
) -> Result<Response, PageError> {
    session::require_role(&app, &visitor, &[Role::Lead, Role::Admin]).await?;
    let p = periods_of(&app, &query)?;
    let tables = compliance(&*app.store, &app.policy.policy, &p, app.now()).await?;
    let mut out = String::from(
        "section,group,total,met,met_late,breached,pending,waived,on_time_percent,\
         median_working_days,p90_working_days,target_percent,target_reached\r\n",
    );
    let number = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v}"));
    for (section, rows) in ["goal", "channel", "case_type"].into_iter().zip(&tables) {
        for t in rows {
            let r = &t.row;
            let group = crate::pages::results::field(&r.group);
            out.push_str(&format!(
                "{section},{group},{},{},{},{},{},{},{},{},{},{},{}\r\n",
                r.total,
                r.met,
                r.met_late,
                r.breached,
                r.pending,
                r.waived,
                number(r.on_time_percent),
                number(r.median_working_days),
                number(r.p90_working_days),
                number(t.target_percent),
                t.target_reached.map_or_else(String::new, |b| b.to_string()),
            ));
        }
    }
    let mut response = (StatusCode::OK, out).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    let name = format!(
        "attachment; filename=\"overholdelse-{:04}-{:02}.csv\"",
        p.year, p.month
    );
    if let Ok(value) = HeaderValue::from_str(&name) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
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
            include_str!("../../../../../policies/roskilde.toml"),
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

    #[test]
    fn a_chosen_month_is_this_one_or_one_of_the_two_years_before() {
        use jiff::civil::date;
        let today = date(2026, 11, 30);
        assert_eq!(
            chosen_month(Some("2026-10"), today),
            Some(date(2026, 10, 1))
        );
        assert_eq!(
            chosen_month(Some("2026-11"), today),
            Some(date(2026, 11, 1))
        );
        assert_eq!(
            chosen_month(Some("2024-11"), today),
            Some(date(2024, 11, 1))
        );
        for bad in ["2026-12", "2024-10", "2026-13", "oktober", ""] {
            assert_eq!(chosen_month(Some(bad), today), None, "{bad}");
        }
        let policy = Policy::from_toml(
            "roskilde",
            include_str!("../../../../../policies/roskilde.toml"),
        )
        .unwrap();
        let p = periods_for(&policy, at("2026-11-30T10:00:00Z"), Some(date(2026, 2, 1))).unwrap();
        assert_eq!((p.month, p.year), (2, 2026));
        assert_eq!(p.month_start, at("2026-01-31T23:00:00Z"));
        assert_eq!(p.month_end, at("2026-02-28T23:00:00Z"));
    }
}
