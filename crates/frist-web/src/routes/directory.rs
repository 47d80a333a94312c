//! Units and caseworkers (with absence and substitute). Anyone signed in may read them; only an
//! admin may create or change them.

use super::params::PathText;
use crate::auth::Caller;
use crate::body::{JsonBytes, from_json, from_value};
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use frist_store::{Caseworker, Store, Unit};
use serde_json::{Value, json};
use tracing::instrument;

#[instrument(skip_all)]
pub async fn list_units<S: Store + 'static>(
    State(state): State<AppState<S>>,
    _caller: Caller,
) -> Result<Json<Value>, ApiError> {
    let units = state.store.units().await?;
    Ok(Json(json!({ "items": units })))
}

#[instrument(skip_all)]
pub async fn show_unit<S: Store + 'static>(
    State(state): State<AppState<S>>,
    _caller: Caller,
    PathText(id): PathText,
) -> Result<Json<Unit>, ApiError> {
    valid_id(&id)?;
    state
        .store
        .units()
        .await?
        .into_iter()
        .find(|u| u.id == id)
        .map(Json)
        .ok_or_else(|| ApiError::NotFound("no unit with that id".into()))
}

/// `PUT /api/v1/units/{id}`: 201 when new, 200 when replaced.
#[instrument(skip_all)]
pub async fn put_unit<S: Store + 'static>(
    State(state): State<AppState<S>>,
    caller: Caller,
    PathText(id): PathText,
    JsonBytes(bytes): JsonBytes,
) -> Result<(StatusCode, Json<Unit>), ApiError> {
    caller.require_admin()?;
    let unit: Unit = from_value(with_path_id(&bytes, &id)?, "")?;
    non_empty(&unit.name, "name")?;
    let existed = state.store.units().await?.iter().any(|u| u.id == id);
    state.store.put_unit(unit.clone()).await?;
    Ok((created_or_ok(existed), Json(unit)))
}

#[instrument(skip_all)]
pub async fn list_caseworkers<S: Store + 'static>(
    State(state): State<AppState<S>>,
    _caller: Caller,
) -> Result<Json<Value>, ApiError> {
    let caseworkers = state.store.caseworkers().await?;
    Ok(Json(json!({ "items": caseworkers })))
}

#[instrument(skip_all)]
pub async fn show_caseworker<S: Store + 'static>(
    State(state): State<AppState<S>>,
    _caller: Caller,
    PathText(id): PathText,
) -> Result<Json<Caseworker>, ApiError> {
    valid_id(&id)?;
    state
        .store
        .caseworkers()
        .await?
        .into_iter()
        .find(|c| c.id == id)
        .map(Json)
        .ok_or_else(|| ApiError::NotFound("no caseworker with that id".into()))
}

/// `PUT /api/v1/caseworkers/{id}`: 201 when new, 200 when replaced. The unit and the
/// substitute must exist, so a queue never points at nobody.
#[instrument(skip_all)]
pub async fn put_caseworker<S: Store + 'static>(
    State(state): State<AppState<S>>,
    caller: Caller,
    PathText(id): PathText,
    JsonBytes(bytes): JsonBytes,
) -> Result<(StatusCode, Json<Caseworker>), ApiError> {
    caller.require_admin()?;
    let caseworker: Caseworker = from_value(with_path_id(&bytes, &id)?, "")?;
    non_empty(&caseworker.name, "name")?;
    if let Some(unit) = &caseworker.unit
        && !state.store.units().await?.iter().any(|u| &u.id == unit)
    {
        return Err(ApiError::invalid(
            "unit",
            format!("no unit \"{unit}\"; create it first with PUT /api/v1/units/{{id}}"),
        ));
    }
    let all = state.store.caseworkers().await?;
    if let Some(substitute) = caseworker
        .absent
        .as_ref()
        .and_then(|a| a.substitute.as_ref())
    {
        if substitute == &id {
            return Err(ApiError::invalid(
                "absent.substitute",
                "a caseworker cannot stand in for themselves",
            ));
        }
        if !all.iter().any(|c| &c.id == substitute) {
            return Err(ApiError::invalid(
                "absent.substitute",
                format!("no caseworker \"{substitute}\""),
            ));
        }
    }
    let existed = all.iter().any(|c| c.id == id);
    state.store.put_caseworker(caseworker.clone()).await?;
    Ok((created_or_ok(existed), Json(caseworker)))
}

/// The body as an object whose `id` is the path's: taken from the path when absent, refused
/// when different.
fn with_path_id(bytes: &[u8], id: &str) -> Result<Value, ApiError> {
    valid_id(id)?;
    let Value::Object(mut object) = from_json::<Value>(bytes)? else {
        return Err(ApiError::Invalid {
            field: None,
            detail: "the body must be a JSON object".into(),
        });
    };
    match object.get("id") {
        None => {
            object.insert("id".into(), Value::String(id.to_owned()));
        }
        Some(Value::String(given)) if given == id => {}
        Some(_) => {
            return Err(ApiError::invalid(
                "id",
                format!("id must be \"{id}\" as in the path, or left out"),
            ));
        }
    }
    Ok(Value::Object(object))
}

/// Ids are short and URL-safe: 1–64 of a–z, A–Z, 0–9, `.`, `_`, `-`.
fn valid_id(id: &str) -> Result<(), ApiError> {
    let ok = (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(ApiError::BadPathParameter {
            name: "id",
            detail: "the path parameter \"id\" must be 1 to 64 letters, digits, '.', '_' or '-'",
        })
    }
}

fn non_empty(value: &str, field: &str) -> Result<(), ApiError> {
    if value.trim().is_empty() {
        Err(ApiError::invalid(
            field,
            format!("{field} must not be empty"),
        ))
    } else {
        Ok(())
    }
}

fn created_or_ok(existed: bool) -> StatusCode {
    if existed {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    }
}
