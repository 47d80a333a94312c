//! `POST /sager/{id}/tjek`: the reply form's rule check while the caseworker types (the
//! script `static/frist.js`). The same parsing and `frist_core::rules::check_message` as
//! sending, answered as JSON in the caseworker's language; nothing is stored or sent, and no
//! confidential data is returned, so the view is not logged.

use super::StaffMessages;
use super::reply::{ReplyForm, RuleView, parse, rule_views};
use super::session;
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Form, Json};
use frist_core::rules::check_message;
use frist_store::{Store, StoreError};
use serde::Serialize;

#[derive(Debug, Serialize)]
struct Checked {
    errors: Vec<RuleView>,
    blocked: Vec<RuleView>,
    warnings: Vec<RuleView>,
    blocked_title: &'static str,
    warnings_title: &'static str,
    ok_text: &'static str,
}

pub(crate) async fn check<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ReplyForm>, FormRejection>,
) -> Result<Response, PageError> {
    let form = csrf::checked(&visitor, form)?;
    let user = session::require(&app, &visitor).await?;
    // The script asks; a bare 404 is all it needs for an inquiry that is not there.
    let stored = match app.store.get_inquiry(id).await {
        Ok(stored) => stored,
        Err(StoreError::NotFound) => return Ok(StatusCode::NOT_FOUND.into_response()),
        Err(e) => return Err(PageError::internal(e)),
    };
    let policy = app.policy_of(stored.policy_id).await?;
    let s = StaffMessages::of(visitor.staff_lang());
    let mut result = Checked {
        errors: Vec::new(),
        blocked: Vec::new(),
        warnings: Vec::new(),
        blocked_title: s.live_blocked_title,
        warnings_title: s.warnings_title,
        ok_text: s.live_ok,
    };
    let signers = super::reply::signers_for(&app, &user.username).await?;
    match parse(&form, s, &signers, &policy.policy) {
        Err(errors) => {
            result.errors = errors
                .into_iter()
                .map(|e| RuleView {
                    rule: e.field,
                    source: String::new(),
                    text: e.message.to_owned(),
                })
                .collect();
        }
        Ok(message) => {
            let violations = check_message(&stored.inquiry, &message, &policy.policy);
            (result.blocked, result.warnings) = rule_views(&violations, visitor.staff_lang());
        }
    }
    let mut response = Json(result).into_response();
    response.headers_mut().insert(
        axum::http::header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
