//! `/ledelse`, the lead dashboard (leads and administrators): what is overdue, due today and at
//! risk right now, the load per caseworker, and this month's compliance per goal and channel.
//! The periods and the reading are here; what the page shows is made in `view`.

mod view;

use super::session;
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use frist_policy::{COPENHAGEN, Policy};
use frist_store::{GroupBy, Role, Store, WorkloadBounds};
use jiff::Timestamp;
use jiff::civil::Date;

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

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
) -> Result<Response, PageError> {
    let user = session::require_role(&app, &visitor, &[Role::Lead, Role::Admin]).await?;
    let policy = &app.policy.policy;
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
    let figures = Figures {
        load,
        caseworkers,
        goals,
        channels,
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
}
