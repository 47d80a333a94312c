//! `/sager`, the queue: mine / my unit / all, nearest deadline first, a page at a time.
//!
//! What the query asks for is decided in [`decide`], the page of inquiries read in `list`, and
//! what the page shows is made in `view`.

mod view;

use super::words::queues::QueuesWords;
use super::{StaffMessages, encode_query, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_core::InquiryState;
use frist_policy::Policy;
use frist_store::{Caseworker, InquiryFilter, Page, Store, StoreError, Unit, User};
use jiff::Timestamp;
use serde::Deserialize;

const PAGE_SIZE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct QueueQuery {
    pub(crate) vis: String,
    pub(crate) efter: Option<String>,
    /// Deadline filter: `overskredet`, `idag`, `fare` (by the end of the next working day).
    pub(crate) frist: String,
    /// State filter: `ny`, `aaben`, `afventer`, `lukket`; none: every open state.
    pub(crate) status: String,
    /// A unit id (tab "all" only).
    pub(crate) enhed: String,
    /// A caseworker's user name (tab "all" only): a colleague's inquiries, e.g. while they are
    /// away.
    pub(crate) sagsbehandler: String,
}

/// The deadline filter's choices: (slug, label).
pub(crate) fn deadline_choices(s: &super::StaffMessages) -> [(&'static str, &'static str); 4] {
    [
        ("", s.deadline_any),
        ("overskredet", s.deadline_breached),
        ("idag", s.deadline_today),
        ("fare", s.deadline_risk),
    ]
}

/// The state filter's choices: (slug, state, label). No state means every open one; closed
/// inquiries are shown only when asked for.
pub(crate) fn state_choices(
    s: &super::StaffMessages,
    w: &QueuesWords,
) -> [(&'static str, Option<InquiryState>, &'static str); 5] {
    [
        ("", None, w.state_all_open),
        ("ny", Some(InquiryState::New), s.state_new),
        ("aaben", Some(InquiryState::Open), s.state_open),
        (
            "afventer",
            Some(InquiryState::AwaitingCitizen),
            s.state_awaiting,
        ),
        ("lukket", Some(InquiryState::Closed), w.state_closed),
    ]
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tab {
    Mine,
    Unit,
    All,
}

impl Tab {
    fn parse(s: &str) -> Self {
        match s {
            "enhed" => Tab::Unit,
            "alle" => Tab::All,
            _ => Tab::Mine,
        }
    }

    pub(crate) fn slug(self) -> &'static str {
        match self {
            Tab::Mine => "mine",
            Tab::Unit => "enhed",
            Tab::All => "alle",
        }
    }
}

/// What the query asks for, once checked: the tab, the store's filter (none when "my unit" is
/// asked by someone without one), and the filters again as query parameters for the links.
#[derive(Debug)]
pub(crate) struct Wanted {
    pub tab: Tab,
    pub filter: Option<InquiryFilter>,
    pub filters: String,
    /// Whose queue this is when it includes the cover of a substitute (the user's on "mine", the
    /// colleague's on "all"): rows of anyone else are marked as cover.
    pub covering: Option<String>,
}

/// Decides [`Wanted`] from the query, clearing what does not apply (an unknown deadline or state
/// slug; a unit or colleague outside the "all" tab), so the page shows only what was used.
#[allow(
    clippy::too_many_arguments,
    reason = "each is one thing the decision reads"
)]
pub(crate) fn decide(
    query: &mut QueueQuery,
    policy: &Policy,
    user: &User,
    units: &[Unit],
    caseworkers: &[Caseworker],
    now: Timestamp,
    s: &StaffMessages,
    w: &QueuesWords,
) -> Result<Wanted, PageError> {
    let tab = Tab::parse(&query.vis);
    let my_unit = caseworkers
        .iter()
        .find(|c| c.id == user.username)
        .and_then(|c| c.unit.clone());
    let mut base = InquiryFilter::default();
    match query.frist.as_str() {
        "overskredet" => base.breached_at = Some(now),
        "idag" | "fare" => {
            let Some(p) = super::lead::periods(policy, now) else {
                return Err(PageError::BadRequest);
            };
            base.due_before = Some(if query.frist == "idag" {
                p.bounds.today_end
            } else {
                p.bounds.risk_end
            });
        }
        _ => query.frist.clear(),
    }
    let state = match state_choices(s, w)
        .iter()
        .find(|(slug, ..)| *slug == query.status)
    {
        Some((_, state, _)) => *state,
        None => {
            query.status.clear();
            None
        }
    };
    match state {
        Some(InquiryState::Closed) => base.open = Some(false),
        Some(state) => {
            base.state = Some(state);
            base.open = Some(true);
        }
        None => base.open = Some(true),
    }
    // A substitute covers open inquiries only: the closed ones stay their caseworker's.
    let today = now.to_zoned(frist_policy::COPENHAGEN.clone()).date();
    let cover_on = (base.open == Some(true)).then_some(today);
    if tab != Tab::All || !units.iter().any(|u| u.id == query.enhed) {
        query.enhed.clear();
    }
    if tab != Tab::All {
        query.sagsbehandler.clear();
    }
    let covering = match tab {
        Tab::Mine => Some(user.username.clone()),
        Tab::All if !query.sagsbehandler.is_empty() => Some(query.sagsbehandler.clone()),
        _ => None,
    }
    .filter(|_| cover_on.is_some());
    let filter = match tab {
        Tab::Mine => Some(InquiryFilter {
            caseworker: Some(user.username.clone()),
            cover_on,
            ..base
        }),
        Tab::Unit => my_unit.map(|unit| InquiryFilter {
            unit: Some(unit),
            ..base
        }),
        Tab::All => Some(InquiryFilter {
            unit: (!query.enhed.is_empty()).then(|| query.enhed.clone()),
            caseworker: (!query.sagsbehandler.is_empty()).then(|| query.sagsbehandler.clone()),
            cover_on,
            ..base
        }),
    };
    // The filters, to carry into the pagination links.
    let mut filters = String::new();
    for (key, value) in [
        ("frist", &query.frist),
        ("status", &query.status),
        ("enhed", &query.enhed),
        ("sagsbehandler", &query.sagsbehandler),
    ] {
        if !value.is_empty() {
            filters.push_str(&format!("&{key}={}", encode_query(value)));
        }
    }
    Ok(Wanted {
        tab,
        filter,
        filters,
        covering,
    })
}

/// Reads the page of inquiries the filter asks for; a cursor the store did not issue is a bad
/// request, not a fault.
async fn list<S: Store>(
    app: &AppState<S>,
    filter: Option<&InquiryFilter>,
    after: Option<&str>,
) -> Result<Option<Page>, PageError> {
    let Some(filter) = filter else {
        return Ok(None);
    };
    match app.store.list_inquiries(filter, after, PAGE_SIZE).await {
        Ok(page) => Ok(Some(page)),
        Err(StoreError::Invalid(_)) => Err(PageError::BadRequest),
        Err(e) => Err(PageError::internal(e)),
    }
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(mut query): Query<QueueQuery>,
) -> Result<Response, PageError> {
    let policy = &app.policy.policy;
    let user = session::require(&app, &visitor).await?;
    let s = StaffMessages::of(visitor.staff_lang());
    let w = QueuesWords::of(visitor.staff_lang());
    let (units, caseworkers) = (app.store.units().await?, app.store.caseworkers().await?);
    let now = app.now();
    let wanted = decide(&mut query, policy, &user, &units, &caseworkers, now, s, w)?;
    let page = list(&app, wanted.filter.as_ref(), query.efter.as_deref()).await?;
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let body = view::page(
        &visitor,
        policy,
        &user,
        &token,
        now,
        &query,
        wanted,
        page,
        &units,
        &caseworkers,
    );
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &body,
        fresh.then_some(token.as_str()),
    ))
}
