//! `/ledelse/frister`: the deadlines behind one number of the dashboard — a month, a group (a
//! goal, channel, case type or unit) and an outcome — in order of deadline, a page at a time,
//! each linked to its inquiry.

use super::super::words::lead::LeadWords;
use super::super::{StaffChrome, encode_query, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::paths;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_policy::COPENHAGEN;
use frist_store::{GroupBy, ObligationFilter, Outcome, Role, Store, StoreError};
use serde::Deserialize;

const PAGE_SIZE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ListQuery {
    /// `YYYY-MM`.
    maaned: Option<String>,
    /// `maal`, `kanal`, `sagstype` or `enhed`.
    gruppering: String,
    gruppe: String,
    /// `til-tiden`, `for-sent`, `overskredet`, `afventer`, `bortfaldet`; empty: all.
    udfald: String,
    /// The cursor of the next page.
    side: Option<String>,
}

/// The grouping slugs the dashboard links with.
pub(crate) fn grouping_slug(group_by: GroupBy) -> &'static str {
    match group_by {
        GroupBy::Goal => "maal",
        GroupBy::Channel => "kanal",
        GroupBy::CaseType => "sagstype",
        GroupBy::Unit => "enhed",
        GroupBy::Month => "maaned",
    }
}

fn grouping(slug: &str) -> Option<GroupBy> {
    [
        GroupBy::Goal,
        GroupBy::Channel,
        GroupBy::CaseType,
        GroupBy::Unit,
    ]
    .into_iter()
    .find(|g| grouping_slug(*g) == slug)
}

/// The outcome slugs, with the dashboard's column label for each.
pub(crate) fn outcome_slug(outcome: Option<Outcome>) -> &'static str {
    match outcome {
        None => "",
        Some(Outcome::Met) => "til-tiden",
        Some(Outcome::MetLate) => "for-sent",
        Some(Outcome::Breached) => "overskredet",
        Some(Outcome::Pending) => "afventer",
        Some(Outcome::Waived) => "bortfaldet",
    }
}

fn outcome(slug: &str) -> Option<Option<Outcome>> {
    [
        None,
        Some(Outcome::Met),
        Some(Outcome::MetLate),
        Some(Outcome::Breached),
        Some(Outcome::Pending),
        Some(Outcome::Waived),
    ]
    .into_iter()
    .find(|o| outcome_slug(*o) == slug)
}

fn outcome_label(w: &LeadWords, outcome: Option<Outcome>) -> &'static str {
    match outcome {
        None => w.list_all,
        Some(Outcome::Met) => w.col_met,
        Some(Outcome::MetLate) => w.col_met_late,
        Some(Outcome::Breached) => w.col_breached,
        Some(Outcome::Pending) => w.col_pending,
        Some(Outcome::Waived) => w.col_waived,
    }
}

/// The link to the list behind a figure of month `maaned` (`YYYY-MM`).
pub(crate) fn link(
    maaned: &str,
    group_by: GroupBy,
    group: &str,
    outcome: Option<Outcome>,
) -> String {
    format!(
        "{}?maaned={maaned}&gruppering={}&gruppe={}&udfald={}",
        paths::DASHBOARD_LIST,
        grouping_slug(group_by),
        encode_query(group),
        outcome_slug(outcome)
    )
}

#[derive(Debug)]
struct Row {
    href: String,
    reference: String,
    goal: String,
    due: String,
    met: String,
    state: &'static str,
}

#[derive(Debug, Template)]
#[template(path = "lead_list.html")]
struct ListPage {
    chrome: StaffChrome,
    w: &'static LeadWords,
    /// "ROS-1 · oktober 2026 · Overskredet".
    what: String,
    rows: Vec<Row>,
    next: Option<String>,
    back: String,
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    let user = session::require_role(&app, &visitor, &[Role::Lead, Role::Admin]).await?;
    let w = LeadWords::of(visitor.staff_lang());
    // A link Frist made never fails these; a hand-edited one gets the plain "bad request" page.
    let bad = |_what: &str| PageError::BadRequest;
    let group_by = grouping(&query.gruppering).ok_or_else(|| bad("gruppering"))?;
    let outcome = outcome(&query.udfald).ok_or_else(|| bad("udfald"))?;
    if query.gruppe.is_empty() || query.gruppe.len() > 200 {
        return Err(bad("gruppe"));
    }
    let p = super::periods_of_month(&app, query.maaned.as_deref())?;
    let filter = ObligationFilter {
        from: p.month_start,
        to: p.month_end,
        group_by,
        group: query.gruppe.clone(),
        outcome,
        now: app.now(),
    };
    let page = match app
        .store
        .obligations(&filter, query.side.as_deref(), PAGE_SIZE)
        .await
    {
        Ok(page) => page,
        Err(StoreError::Invalid(_)) => return Err(bad("side")),
        Err(e) => return Err(PageError::internal(e)),
    };
    let t = visitor.staff_t();
    let s = super::super::StaffMessages::of(visitor.staff_lang());
    let moment = |at: jiff::Timestamp| {
        let z = at.to_zoned(COPENHAGEN.clone());
        format!("{} {}", t.date(z.date()), z.strftime("%H:%M"))
    };
    let rows = page
        .items
        .into_iter()
        .map(|o| Row {
            href: paths::inquiry(o.inquiry_id),
            reference: o.reference.to_string(),
            goal: o.goal,
            due: moment(o.due_at),
            met: o.met_at.map_or_else(|| w.not_measured.to_owned(), moment),
            state: super::super::inquiry::labels::state_label(s, o.state),
        })
        .collect();
    let maaned = format!("{:04}-{:02}", p.year, p.month);
    let month_name = super::month_name(w, p.month);
    let group_label = match group_by {
        GroupBy::Channel => query.gruppe.parse::<frist_policy::Channel>().map_or_else(
            |_| query.gruppe.clone(),
            |c| c.label(visitor.staff_lang()).to_owned(),
        ),
        _ => query.gruppe.clone(),
    };
    let next = page.next_cursor.map(|cursor| {
        format!(
            "{}&side={}",
            link(&maaned, group_by, &query.gruppe, outcome),
            encode_query(&cursor)
        )
    });
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let view = ListPage {
        chrome: StaffChrome::new(&visitor, &app.policy.policy, Some(&user), &token),
        w,
        what: format!(
            "{group_label} · {month_name} {} · {}",
            p.year,
            outcome_label(w, outcome)
        ),
        rows,
        next,
        back: format!("{}?maaned={maaned}", paths::DASHBOARD),
    };
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &view,
        fresh.then_some(token.as_str()),
    ))
}
