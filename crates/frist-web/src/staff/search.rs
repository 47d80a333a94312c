//! `/soeg?q=`: search every inquiry, open and closed, by reference, citizen (name, e-mail,
//! phone, CVR) or words of the subject and body, from the field in every staff page's header.
//!
//! A reference typed exactly goes straight to its inquiry. Otherwise the results come newest
//! first (see frist-store's `fulltext`: ranking would have to score every match), a page at a
//! time, with what lists show: the subject and sender with CPR numbers masked, the state and the
//! nearest deadline. CPR numbers are never searched for: one typed is left out, and the page
//! says so.

use super::deadline::time_left;
use super::words::search::SearchWords;
use super::{StaffChrome, StaffMessages, encode_query, see_other, session};
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
use frist_core::Reference;
use frist_core::cpr::mask;
use frist_store::{Page, Store, StoreError, TextQuery};
use serde::Deserialize;

const PAGE_SIZE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct SearchQuery {
    q: String,
    efter: Option<String>,
}

#[derive(Debug)]
struct Row {
    id: i64,
    reference: String,
    subject: String,
    sender: String,
    state: &'static str,
    time_left: String,
}

#[derive(Debug, Template)]
#[template(path = "search.html")]
struct SearchPage {
    chrome: StaffChrome,
    w: &'static SearchWords,
    q: String,
    /// Whether anything was searched for (the rows may still be empty).
    searched: bool,
    rows: Vec<Row>,
    none_found: String,
    cpr_left_out: bool,
    next_href: Option<String>,
    first_href: Option<String>,
}

/// The inquiry a reference typed exactly names, if there is one.
async fn by_reference<S: Store>(app: &AppState<S>, text: &str) -> Result<Option<i64>, PageError> {
    let Ok(reference) = text.to_uppercase().parse::<Reference>() else {
        return Ok(None);
    };
    match app.store.find_by_reference(&reference).await {
        Ok(stored) => Ok(Some(stored.id)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(PageError::internal(e)),
    }
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<SearchQuery>,
) -> Result<Response, PageError> {
    let user = session::require(&app, &visitor).await?;
    let text = query.q.trim().to_owned();
    if query.efter.is_none() {
        if let Some(id) = by_reference(&app, &text).await? {
            return Ok(see_other(&paths::inquiry(id), &[]));
        }
    }
    let parsed = TextQuery::parse(&text);
    let page = if parsed.is_empty() {
        None
    } else {
        match app
            .store
            .search(&parsed, query.efter.as_deref(), PAGE_SIZE)
            .await
        {
            Ok(page) => Some(page),
            Err(StoreError::Invalid(_)) => return Err(PageError::BadRequest),
            Err(e) => return Err(PageError::internal(e)),
        }
    };
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let w = SearchWords::of(visitor.staff_lang());
    let s = StaffMessages::of(visitor.staff_lang());
    let policy = &app.policy.policy;
    let now = app.now();
    let rows = page
        .as_ref()
        .map(|p| p.items.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|item| Row {
            id: item.id,
            reference: item.reference.to_string(),
            subject: mask(&item.subject),
            sender: item.sender_name.as_deref().map(mask).unwrap_or_default(),
            state: super::inquiry::state_label(s, item.state),
            time_left: time_left(
                policy,
                item.channel,
                item.next_due_at,
                item.next_requires,
                now,
                s,
            )
            .text,
        })
        .collect();
    let href = |cursor: Option<&str>| {
        let mut href = format!("{}?q={}", paths::SEARCH, encode_query(&text));
        if let Some(cursor) = cursor {
            href.push_str(&format!("&efter={}", encode_query(cursor)));
        }
        href
    };
    let body = SearchPage {
        chrome: StaffChrome::new(&visitor, policy, Some(&user), &token),
        w,
        searched: page.is_some() || parsed.cpr_left_out,
        none_found: w.none_found.replace("{query}", &mask(&text)),
        cpr_left_out: parsed.cpr_left_out,
        next_href: page
            .as_ref()
            .and_then(|p: &Page| p.next_cursor.as_deref())
            .map(|c| href(Some(c))),
        first_href: query.efter.is_some().then(|| href(None)),
        rows,
        q: mask(&text),
    };
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &body,
        fresh.then_some(token.as_str()),
    ))
}
