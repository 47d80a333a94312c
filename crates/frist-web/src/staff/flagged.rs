//! `/post/markeret`: e-mail Frist kept but could not make an inquiry of (not a mail, no sender,
//! empty, or refused), for a person to look at. Nothing is dropped: the exact bytes can be
//! downloaded (`/post/markeret/{id}.eml`) by leads and administrators, and each download is
//! logged with who took it.

use super::{StaffChrome, encode_query, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::paths;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use frist_core::cpr::mask;
use frist_i18n::Lang;
use frist_store::{MailStore, Role, Store, StoreError, StoredMail};
use serde::Deserialize;

const PAGE_SIZE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct FlaggedQuery {
    efter: Option<String>,
}

#[derive(Debug)]
struct Row {
    id: i64,
    received: String,
    source: String,
    from: String,
    subject: String,
    reason: String,
    size: String,
}

#[derive(Debug, Template)]
#[template(path = "flagged.html")]
struct FlaggedPage {
    chrome: StaffChrome,
    da: bool,
    rows: Vec<Row>,
    may_download: bool,
    next_href: Option<String>,
}

fn row(m: StoredMail, lang: Lang, t: &crate::pages::i18n::Messages) -> Row {
    let local = m.received_at.to_zoned(frist_policy::COPENHAGEN.clone());
    Row {
        id: m.id,
        received: format!(
            "{} {}",
            t.date(local.date()),
            local.time().strftime("%H:%M")
        ),
        source: m.source,
        from: m.from.unwrap_or_default(),
        subject: mask(&m.subject),
        reason: m.flag_reason.unwrap_or_default(),
        size: match lang {
            Lang::Da | Lang::De => format!("{:.1} kB", m.size as f64 / 1000.0).replace('.', ","),
            Lang::En => format!("{:.1} kB", m.size as f64 / 1000.0),
        },
    }
}

pub(crate) async fn show<S: Store + MailStore>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<FlaggedQuery>,
) -> Result<Response, PageError> {
    let user = session::require(&app, &visitor).await?;
    let page = match app
        .store
        .flagged_mail(query.efter.as_deref(), PAGE_SIZE)
        .await
    {
        Ok(page) => page,
        Err(StoreError::Invalid(_)) => {
            return Err(PageError::BadRequest);
        }
        Err(e) => return Err(PageError::internal(e)),
    };
    let t = visitor.staff_t();
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let body = FlaggedPage {
        chrome: StaffChrome::new(&visitor, &app.policy.policy, Some(&user), &token),
        da: visitor.staff_lang() == Lang::Da,
        rows: page
            .items
            .into_iter()
            .map(|m| row(m, visitor.staff_lang(), t))
            .collect(),
        may_download: matches!(user.role, Role::Lead | Role::Admin),
        next_href: page
            .next_cursor
            .map(|c| format!("{}?efter={}", paths::FLAGGED, encode_query(&c))),
    };
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &body,
        fresh.then_some(token.as_str()),
    ))
}

/// The exact bytes of a flagged message, as `message/rfc822`, for leads and administrators.
pub(crate) async fn download<S: Store + MailStore>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Path(file): Path<String>,
) -> Result<Response, PageError> {
    let user = session::require_role(&app, &visitor, &[Role::Lead, Role::Admin]).await?;
    let Some(id) = file
        .strip_suffix(".eml")
        .and_then(|n| n.parse::<i64>().ok())
    else {
        return Err(PageError::NotFound);
    };
    // Only flagged mail is offered here: mail that made an inquiry is read on its page.
    let flagged = async {
        let mut cursor: Option<String> = None;
        loop {
            let page = app.store.flagged_mail(cursor.as_deref(), 500).await?;
            if page.items.iter().any(|m| m.id == id) {
                return Ok::<_, StoreError>(true);
            }
            match page.next_cursor {
                Some(next) => cursor = Some(next),
                None => return Ok(false),
            }
        }
    };
    match flagged.await {
        Ok(true) => {}
        Ok(false) => return Err(PageError::NotFound),
        Err(e) => return Err(PageError::internal(e)),
    }
    match app.store.mail_raw(id).await {
        Ok(bytes) => {
            tracing::info!(by = %user.username, mail = id, "a flagged message was downloaded");
            let mut response = bytes.into_response();
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("message/rfc822"),
            );
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{id}.eml\"")) {
                headers.insert(header::CONTENT_DISPOSITION, v);
            }
            Ok(response)
        }
        Err(e) => Err(e.into()),
    }
}
