//! `/notifikationer`: what Frist has told a member of staff — their daily digests, warnings
//! before a deadline, escalations and monthly reports, and those sent to their unit's mailbox —
//! newest first, each with a link to what it is about; and the switch for the daily digest.

use super::inquiry::labels::when;
use super::words::notifications::NotificationWords;
use super::{StaffChrome, see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::paths;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_store::{Notice, NoticeKind, NoticeStore, OutboxState, Role, Store};
use serde::Deserialize;

/// Notices per page.
const PAGE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct NotificationsQuery {
    /// Show notices with an id below this (the next page).
    foer: Option<i64>,
    /// The digest setting was just saved: "til" or "fra".
    gemt: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DigestForm {
    csrf: String,
    /// "on" when the box is ticked; absent otherwise.
    digest: Option<String>,
}

impl csrf::Protected for DigestForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[derive(Debug)]
struct Row {
    when: String,
    kind: &'static str,
    subject: String,
    /// A path on this site (the notice's link without the public URL), if it has one.
    link: Option<String>,
    state: &'static str,
    /// The unit mailbox it went to, when it was not to the person themself.
    to_unit: Option<String>,
}

#[derive(Debug, Template)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    chrome: StaffChrome,
    w: &'static NotificationWords,
    csrf: String,
    notice: Option<&'static str>,
    rows: Vec<Row>,
    older: Option<String>,
    digest: bool,
    has_email: bool,
}

fn kind_label(w: &NotificationWords, kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Digest => w.kind_digest,
        NoticeKind::Warning => w.kind_warning,
        NoticeKind::Escalation => w.kind_escalation,
        NoticeKind::MonthlyReport => w.kind_monthly_report,
    }
}

fn state_label(w: &NotificationWords, state: OutboxState) -> &'static str {
    match state {
        OutboxState::Queued => w.state_queued,
        OutboxState::Sending => w.state_sending,
        OutboxState::Sent => w.state_sent,
        OutboxState::Failed => w.state_failed,
        OutboxState::Uncertain => w.state_uncertain,
    }
}

/// The path of an absolute link to one of our pages: the part from the first `/` after the
/// host. Links are made from the public URL, which the browser may reach by another name.
fn local_path(link: &str) -> Option<String> {
    let rest = link.split_once("://").map_or(link, |(_, rest)| rest);
    let path = &rest[rest.find('/')?..];
    path.starts_with('/').then(|| path.to_owned())
}

pub(crate) async fn show<S: Store + NoticeStore>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<NotificationsQuery>,
) -> Result<Response, PageError> {
    let user = session::require(&app, &visitor).await?;
    let w = NotificationWords::of(visitor.staff_lang());
    let me = app
        .store
        .caseworkers()
        .await
        .map_err(PageError::internal)?
        .into_iter()
        .find(|c| c.id == user.username);
    let unit = me.as_ref().and_then(|c| c.unit.clone());
    let has_email = me
        .as_ref()
        .and_then(|c| c.email.as_deref())
        .is_some_and(|e| !e.trim().is_empty());
    let mut notices: Vec<Notice> = app
        .store
        .notices_for(&user.username, query.foer, PAGE)
        .await
        .map_err(PageError::internal)?;
    if let Some(unit) = &unit {
        let theirs = app
            .store
            .notices_for(&format!("unit:{unit}"), query.foer, PAGE)
            .await
            .map_err(PageError::internal)?;
        notices.extend(theirs);
        notices.sort_by_key(|n| std::cmp::Reverse(n.id));
        notices.truncate(PAGE as usize);
    }
    let older = (notices.len() == PAGE as usize)
        .then(|| {
            notices
                .last()
                .map(|n| format!("{}?foer={}", paths::NOTIFICATIONS, n.id))
        })
        .flatten();
    let digest = app
        .store
        .wants_digest(&user.username)
        .await
        .map_err(PageError::internal)?;
    let units = app.store.units().await.map_err(PageError::internal)?;
    let rows =
        notices
            .iter()
            .map(|n| Row {
                when: when(&visitor, n.created_at),
                kind: kind_label(w, n.kind),
                subject: n.text.subject.clone(),
                // A monthly report links to the dashboard, which only leads and administrators
                // open: a caseworker who sees their unit's copy gets the subject without a link
                // that would answer 403.
                link: n.text.link.as_deref().and_then(local_path).filter(|_| {
                    n.kind != NoticeKind::MonthlyReport || user.role != Role::Caseworker
                }),
                state: state_label(w, n.state),
                to_unit: n.person.strip_prefix("unit:").map(|id| {
                    units
                        .iter()
                        .find(|u| u.id == id)
                        .map_or_else(|| id.to_owned(), |u| u.name.clone())
                }),
            })
            .collect();
    let notice = match query.gemt.as_deref() {
        Some("til") => Some(w.saved_on),
        Some("fra") => Some(w.saved_off),
        _ => None,
    };
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = NotificationsPage {
        chrome: StaffChrome::new(&visitor, &app.policy.policy, Some(&user), &token),
        w,
        csrf: token.clone(),
        notice,
        rows,
        older,
        digest,
        has_email,
    };
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(token.as_str()),
    ))
}

pub(crate) async fn save<S: Store + NoticeStore>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<DigestForm>, FormRejection>,
) -> Result<Response, PageError> {
    let (form, user) = session::form_post(&app, &visitor, form, &[]).await?;
    let on = form.digest.is_some();
    app.store
        .set_wants_digest(&user.username, on)
        .await
        .map_err(PageError::internal)?;
    let saved = if on { "til" } else { "fra" };
    Ok(see_other(
        &format!("{}?gemt={saved}", paths::NOTIFICATIONS),
        &[],
    ))
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn a_link_becomes_a_path_on_this_site() {
        assert_eq!(
            local_path("https://frist.kommune.dk/sager/42").as_deref(),
            Some("/sager/42")
        );
        assert_eq!(
            local_path("http://127.0.0.1:8080/sager").as_deref(),
            Some("/sager")
        );
        assert_eq!(local_path("https://frist.kommune.dk"), None);
    }
}
