//! Health, the OpenAPI document, and problems for unknown routes and methods.

use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use frist_store::Store;
use serde_json::{Value, json};
use tracing::instrument;

/// `GET /health`: answers only after a cheap call to the store succeeds. No authentication.
#[instrument(skip_all)]
pub async fn health<S: Store + 'static>(
    State(state): State<AppState<S>>,
) -> Result<Json<Value>, ApiError> {
    state.store.units().await?;
    Ok(Json(json!({"status": "ok"})))
}

/// `GET /api/v1/openapi.json`. No authentication: it describes, it does not reveal.
pub async fn openapi<S: Store + 'static>(State(state): State<AppState<S>>) -> Json<Value> {
    Json(crate::openapi::document_for(&state.policy.policy))
}

pub async fn no_such_route() -> ApiError {
    ApiError::NotFound("no such route".into())
}

pub async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}
