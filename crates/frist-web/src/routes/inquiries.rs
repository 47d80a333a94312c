//! Inquiries: receive one, list the queue, show one (its body and any revealed CPR number are
//! logged as viewed before the response leaves).

use super::params::{InquiryId, PathText};
use crate::auth::Caller;
use crate::body::JsonBody;
use crate::error::ApiError;
use crate::query::{Params, year_in_range};
use crate::state::AppState;
use crate::time::parse_instant_or_date;
use crate::views::{self, Detail};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use frist_core::{InquiryState, NewInquiry, Reference};
use frist_store::{InquiryFilter, OutboxStore, Store, StoreError, StoredInquiry};
use serde_json::{Value, json};
use tracing::{Span, instrument};

/// The most rows one page may hold, and the default.
const MAX_LIMIT: u32 = 500;
const DEFAULT_LIMIT: u32 = 50;

/// `POST /api/v1/inquiries`: 201 after the durable commit, or 200 with the inquiry already
/// stored under the same channel and external id.
#[instrument(skip_all, fields(inquiry, created))]
pub async fn create<S: Store + 'static>(
    State(state): State<AppState<S>>,
    _caller: Caller,
    JsonBody(new): JsonBody<NewInquiry>,
) -> Result<Response, ApiError> {
    // Nothing arrives in the future: its deadlines would be wrong from the start.
    frist_core::Inquiry::check_receipt(&new, state.now())
        .map_err(|e| ApiError::from(StoreError::Refused(e)))?;
    let created = state.store.create_inquiry(new, &state.policy).await?;
    let id = created.stored.id;
    Span::current().record("inquiry", id);
    Span::current().record("created", created.created);
    let status = if created.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    // The caller sent the body; it is not echoed, so nothing is viewed here.
    let view = views::inquiry(&created.stored, None, Detail::default(), state.now());
    let mut response = (status, Json(view)).into_response();
    if let Ok(location) = HeaderValue::from_str(&format!("/api/v1/inquiries/{id}")) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    Ok(response)
}

/// `GET /api/v1/inquiries`: the queue, nearest deadline first, without bodies.
#[instrument(skip_all)]
pub async fn list<S: Store + 'static>(
    State(state): State<AppState<S>>,
    _caller: Caller,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let now = state.now();
    params.only(&[
        "unit",
        "caseworker",
        "state",
        "due_before",
        "breached",
        "cursor",
        "limit",
    ])?;
    let filter = InquiryFilter {
        unit: params.get("unit").map(str::to_owned),
        caseworker: params.get("caseworker").map(str::to_owned),
        state: params.parse(
            "state",
            "one of: new, open, awaiting_citizen, closed",
            parse_state,
        )?,
        due_before: params.parse(
            "due_before",
            "an instant (RFC 3339, e.g. 2026-12-29T23:59:59+01:00) or a date (YYYY-MM-DD), from 1901 to 2199",
            |text| parse_instant_or_date(text).filter(|_| year_in_range(text)),
        )?,
        breached_at: params
            .parse_str::<bool>("breached", "true or false")?
            .filter(|b| *b)
            .map(|_| now),
        // The API lists every state unless `state` asks for one, as it always has: its clients
        // page through everything (exports, reports), and `state=closed` already exists.
        ..InquiryFilter::default()
    };
    let limit = params
        .parse(
            "limit",
            &format!("a whole number from 1 to {MAX_LIMIT}"),
            |t| {
                t.parse::<u32>()
                    .ok()
                    .filter(|n| (1..=MAX_LIMIT).contains(n))
            },
        )?
        .unwrap_or(DEFAULT_LIMIT);
    let page = state
        .store
        .list_inquiries(&filter, params.get("cursor"), limit)
        .await
        .map_err(|e| match e {
            // The only request-shaped input a listing hands the store as-is is the cursor.
            StoreError::Invalid(_) => ApiError::invalid(
                "cursor",
                "the cursor is not one this API gave out; start again without it",
            ),
            other => other.into(),
        })?;
    let items: Vec<Value> = page.items.iter().map(|s| views::summary(s, now)).collect();
    Ok(Json(
        json!({"items": items, "next_cursor": page.next_cursor}),
    ))
}

fn parse_state(text: &str) -> Option<InquiryState> {
    serde_json::from_value(Value::String(text.to_owned())).ok()
}

/// `GET /api/v1/inquiries/{id}`.
#[instrument(skip_all, fields(inquiry = id.0))]
pub async fn show<S: Store + OutboxStore + 'static>(
    State(state): State<AppState<S>>,
    caller: Caller,
    id: InquiryId,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let reveal = reveal(&params)?;
    let stored = state.store.get_inquiry(id.0).await.map_err(not_found)?;
    detail(&state, &caller, stored, reveal).await
}

/// `GET /api/v1/inquiries/by-reference/{reference}`.
#[instrument(skip_all)]
pub async fn show_by_reference<S: Store + OutboxStore + 'static>(
    State(state): State<AppState<S>>,
    caller: Caller,
    PathText(text): PathText,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    let reveal = reveal(&params)?;
    let reference: Reference = text.parse().map_err(|_| ApiError::BadPathParameter {
        name: "reference",
        detail: "the path parameter \"reference\" must be a reference like ROS-2026-000123",
    })?;
    let stored = state
        .store
        .find_by_reference(&reference)
        .await
        .map_err(|e| match e {
            StoreError::NotFound => ApiError::NotFound("no inquiry with that reference".into()),
            other => other.into(),
        })?;
    Span::current().record("inquiry", stored.id);
    detail(&state, &caller, stored, reveal).await
}

/// `?reveal=cpr` or nothing.
fn reveal(params: &Params) -> Result<bool, ApiError> {
    params.only(&["reveal"])?;
    params
        .parse("reveal", "\"cpr\"", |t| (t == "cpr").then_some(true))
        .map(|r| r.unwrap_or(false))
}

/// The full view of one inquiry, after logging what it shows.
async fn detail<S: Store + OutboxStore + 'static>(
    state: &AppState<S>,
    caller: &Caller,
    stored: StoredInquiry,
    reveal_cpr: bool,
) -> Result<Json<Value>, ApiError> {
    let now = state.now();
    let events = state.store.events(stored.id).await?;
    // Logged before the data leaves: a view that cannot be logged is not shown.
    state
        .store
        .log_access(&caller.name, stored.id, "body", now)
        .await?;
    if reveal_cpr {
        state
            .store
            .log_access(&caller.name, stored.id, "cpr", now)
            .await?;
    }
    let detail = Detail {
        body: true,
        reveal_cpr,
    };
    let outgoing = state.store.outbox_for_inquiry(stored.id).await?;
    let mut view = views::inquiry(&stored, Some(&events), detail, now);
    if let Some(object) = view.as_object_mut() {
        object.insert("outgoing".into(), crate::outgoing::list(&outgoing));
    }
    Ok(Json(view))
}

pub(crate) fn not_found(e: StoreError) -> ApiError {
    match e {
        StoreError::NotFound => ApiError::no_inquiry(),
        other => other.into(),
    }
}
