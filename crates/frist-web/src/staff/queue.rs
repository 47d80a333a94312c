//! `/sager`, the queue: mine / my unit / all, nearest deadline first, a page at a time.

use super::deadline::{Signal, time_left};
use super::{StaffChrome, encode_query, session};
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
use frist_core::InquiryState;
use frist_core::cpr::mask;
use frist_policy::Lang;
use frist_store::{InquiryFilter, Store, StoreError};
use serde::Deserialize;

const PAGE_SIZE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct QueueQuery {
    vis: String,
    efter: Option<String>,
    /// Deadline filter: `overskredet`, `idag`, `fare` (by the end of the next working day).
    frist: String,
    /// State filter: `ny`, `aaben`, `afventer`.
    status: String,
    /// A unit id (tab "all" only).
    enhed: String,
    /// A caseworker's user name (tab "all" only): a colleague's inquiries, e.g. while they are
    /// away.
    sagsbehandler: String,
}

/// The deadline filter's choices: (slug, label).
fn deadline_choices(s: &super::StaffMessages) -> [(&'static str, &'static str); 4] {
    [
        ("", s.deadline_any),
        ("overskredet", s.deadline_breached),
        ("idag", s.deadline_today),
        ("fare", s.deadline_risk),
    ]
}

/// The state filter's choices: (slug, state, label).
fn state_choices(
    s: &super::StaffMessages,
) -> [(&'static str, Option<InquiryState>, &'static str); 4] {
    [
        ("", None, s.state_any),
        ("ny", Some(InquiryState::New), s.state_new),
        ("aaben", Some(InquiryState::Open), s.state_open),
        (
            "afventer",
            Some(InquiryState::AwaitingCitizen),
            s.state_awaiting,
        ),
    ]
}

#[derive(Debug)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
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

    fn slug(self) -> &'static str {
        match self {
            Tab::Mine => "mine",
            Tab::Unit => "enhed",
            Tab::All => "alle",
        }
    }
}

#[derive(Debug)]
struct TabLink {
    href: String,
    label: &'static str,
    current: bool,
}

#[derive(Debug)]
struct Row {
    id: i64,
    reference: String,
    subject: String,
    channel: &'static str,
    unit: String,
    caseworker: String,
    time_left: String,
    label: &'static str,
    class: &'static str,
}

#[derive(Debug, Template)]
#[template(path = "queue.html")]
struct QueuePage {
    chrome: StaffChrome,
    tabs: Vec<TabLink>,
    caption: &'static str,
    rows: Vec<Row>,
    no_unit: bool,
    tab: &'static str,
    deadlines: Vec<Choice>,
    states: Vec<Choice>,
    /// Empty unless the tab is "all".
    units: Vec<Choice>,
    filtered: bool,
    /// A colleague whose inquiries are shown (kept through the filter form).
    colleague: String,
    next_href: Option<String>,
    first_href: Option<String>,
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(mut query): Query<QueueQuery>,
) -> Result<Response, PageError> {
    let policy = &app.policy.policy;
    let user = session::require(&app, &visitor).await?;
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let s = super::StaffMessages::of(visitor.lang);
    let tab = Tab::parse(&query.vis);
    let (units, caseworkers) = (app.store.units().await?, app.store.caseworkers().await?);
    let my_unit = caseworkers
        .iter()
        .find(|c| c.id == user.username)
        .and_then(|c| c.unit.clone());
    let now = app.now();
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
    match state_choices(s)
        .iter()
        .find(|(slug, ..)| *slug == query.status)
    {
        Some((_, state, _)) => base.state = *state,
        None => query.status.clear(),
    }
    if tab != Tab::All || !units.iter().any(|u| u.id == query.enhed) {
        query.enhed.clear();
    }
    if tab != Tab::All {
        query.sagsbehandler.clear();
    }
    let filter = match tab {
        Tab::Mine => Some(InquiryFilter {
            caseworker: Some(user.username.clone()),
            ..base
        }),
        Tab::Unit => my_unit.map(|unit| InquiryFilter {
            unit: Some(unit),
            ..base
        }),
        Tab::All => Some(InquiryFilter {
            unit: (!query.enhed.is_empty()).then(|| query.enhed.clone()),
            caseworker: (!query.sagsbehandler.is_empty()).then(|| query.sagsbehandler.clone()),
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
    let page = match &filter {
        Some(filter) => {
            match app
                .store
                .list_inquiries(filter, query.efter.as_deref(), PAGE_SIZE)
                .await
            {
                Ok(page) => Some(page),
                Err(StoreError::Invalid(_)) => return Err(PageError::BadRequest),
                Err(e) => return Err(PageError::internal(e)),
            }
        }
        None => None,
    };
    let today = now.to_zoned(frist_policy::COPENHAGEN.clone()).date();
    let rows = page
        .as_ref()
        .map(|p| p.items.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|item| {
            let left = time_left(
                policy,
                item.channel,
                item.next_due_at,
                item.next_requires,
                now,
                s,
            );
            let unit = item.unit.as_ref().map_or(s.no_unit_value.to_owned(), |id| {
                units
                    .iter()
                    .find(|u| &u.id == id)
                    .map_or_else(|| id.clone(), |u| u.name.clone())
            });
            let caseworker = item
                .caseworker
                .as_ref()
                .map_or(s.unassigned.to_owned(), |id| {
                    super::people::caseworker_label(&caseworkers, id, today, visitor.t(), s)
                });
            Row {
                id: item.id,
                reference: item.reference.to_string(),
                subject: mask(&item.subject),
                channel: match visitor.lang {
                    Lang::Da => item.channel.label_da(),
                    Lang::En => item.channel.label_en(),
                },
                unit,
                caseworker,
                time_left: left.text,
                label: left.signal.label(s),
                class: if left.signal == Signal::None {
                    ""
                } else {
                    left.signal.class()
                },
            }
        })
        .collect();
    let tabs = [
        (Tab::Mine, s.tab_mine),
        (Tab::Unit, s.tab_unit),
        (Tab::All, s.tab_all),
    ]
    .into_iter()
    .map(|(t, label)| TabLink {
        href: format!("{}?vis={}", paths::QUEUE, t.slug()),
        label,
        current: t == tab,
    })
    .collect();
    let next_href = page
        .as_ref()
        .and_then(|p| p.next_cursor.as_ref())
        .map(|cursor| {
            format!(
                "{}?vis={}{filters}&efter={}",
                paths::QUEUE,
                tab.slug(),
                encode_query(cursor)
            )
        });
    let deadlines = deadline_choices(s)
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.into(),
            label: label.into(),
            selected: value == query.frist,
        })
        .collect();
    let states = state_choices(s)
        .into_iter()
        .map(|(value, _, label)| Choice {
            value: value.into(),
            label: label.into(),
            selected: value == query.status,
        })
        .collect();
    let unit_choices = if tab == Tab::All {
        std::iter::once(Choice {
            value: String::new(),
            label: s.unit_any.into(),
            selected: query.enhed.is_empty(),
        })
        .chain(units.iter().map(|u| Choice {
            value: u.id.clone(),
            label: u.name.clone(),
            selected: u.id == query.enhed,
        }))
        .collect()
    } else {
        Vec::new()
    };
    let page = QueuePage {
        chrome: StaffChrome::new(&visitor, policy, Some(&user), &token),
        tabs,
        caption: match tab {
            Tab::Mine => s.caption_mine,
            Tab::Unit => s.caption_unit,
            Tab::All => s.caption_all,
        },
        rows,
        no_unit: filter.is_none(),
        tab: tab.slug(),
        deadlines,
        states,
        units: unit_choices,
        filtered: !filters.is_empty(),
        colleague: query.sagsbehandler.clone(),
        next_href,
        first_href: query
            .efter
            .is_some()
            .then(|| format!("{}?vis={}{filters}", paths::QUEUE, tab.slug())),
    };
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(token.as_str()),
    ))
}
