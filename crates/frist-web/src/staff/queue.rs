//! `/sager`, the queue: mine / my unit / all, nearest deadline first, a page at a time.

use super::deadline::{Signal, time_left};
use super::{StaffChrome, encode_query, session};
use crate::pages::csrf;
use crate::pages::layout::{Failure, failure, respond};
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
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
    next_href: Option<String>,
    first_href: Option<String>,
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<QueueQuery>,
) -> Response {
    let policy = &app.policy.policy;
    let user = match session::require(&app, &visitor).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let s = super::StaffMessages::of(visitor.lang);
    let tab = Tab::parse(&query.vis);
    let (units, caseworkers) = match (app.store.units().await, app.store.caseworkers().await) {
        (Ok(u), Ok(c)) => (u, c),
        (Err(e), _) | (_, Err(e)) => return internal(&visitor, &app, &e),
    };
    let my_unit = caseworkers
        .iter()
        .find(|c| c.id == user.username)
        .and_then(|c| c.unit.clone());
    let filter = match tab {
        Tab::Mine => Some(InquiryFilter {
            caseworker: Some(user.username.clone()),
            ..InquiryFilter::default()
        }),
        Tab::Unit => my_unit.map(|unit| InquiryFilter {
            unit: Some(unit),
            ..InquiryFilter::default()
        }),
        Tab::All => Some(InquiryFilter::default()),
    };
    let page = match &filter {
        Some(filter) => {
            match app
                .store
                .list_inquiries(filter, query.efter.as_deref(), PAGE_SIZE)
                .await
            {
                Ok(page) => Some(page),
                Err(StoreError::Invalid(_)) => {
                    return failure(&visitor, policy, Failure::BadRequest);
                }
                Err(e) => return internal(&visitor, &app, &e),
            }
        }
        None => None,
    };
    let now = app.now();
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
                    caseworkers
                        .iter()
                        .find(|c| &c.id == id)
                        .map_or_else(|| id.clone(), |c| c.name.clone())
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
        href: format!("/sager?vis={}", t.slug()),
        label,
        current: t == tab,
    })
    .collect();
    let next_href = page
        .as_ref()
        .and_then(|p| p.next_cursor.as_ref())
        .map(|cursor| format!("/sager?vis={}&efter={}", tab.slug(), encode_query(cursor)));
    let page = QueuePage {
        chrome: StaffChrome::new(&visitor, policy, Some(user.username), &token),
        tabs,
        caption: match tab {
            Tab::Mine => s.caption_mine,
            Tab::Unit => s.caption_unit,
            Tab::All => s.caption_all,
        },
        rows,
        no_unit: filter.is_none(),
        next_href,
        first_href: query
            .efter
            .is_some()
            .then(|| format!("/sager?vis={}", tab.slug())),
    };
    respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(token.as_str()),
    )
}

fn internal<S>(visitor: &Visitor, app: &AppState<S>, e: &StoreError) -> Response {
    tracing::error!(error = %e, "a staff page could not be read");
    failure(visitor, &app.policy.policy, Failure::Internal)
}
