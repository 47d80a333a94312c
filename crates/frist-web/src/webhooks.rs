//! Webhooks that other services call: Facebook Messenger's (`/webhooks/facebook`).
//!
//! `GET` is Meta's subscription check: the challenge is echoed when `hub.verify_token` matches
//! (403 otherwise). `POST` delivers messages: the `X-Hub-Signature-256` header is checked over
//! the raw body before anything in it is believed — missing or wrong is 401, not of the form
//! `sha256=` + 64 hex digits is 400 — and a body of the wrong shape is 400 naming the problem.
//! Nothing is stored for any refused delivery. A good delivery's messages become inquiries on
//! channel `facebook`, and 200 is answered only after they are durably stored, so Meta
//! redelivers anything we failed to keep; a redelivery is deduplicated by message id.
//!
//! When Frist has no `[facebook]` configuration, both routes answer 404.
//! Message text and PSIDs are never logged.

use crate::error::ApiError;
use crate::query::Params;
use crate::state::{AppState, BodyLimit, DEFAULT_BODY_LIMIT};
use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use frist_channels::facebook::{self, FacebookConfig, SignatureError};
use frist_store::Store;
use serde_json::json;
use std::sync::Arc;
use tracing::instrument;

/// The webhook routes, merged into the application by [`crate::router`].
pub(crate) fn router<S: Store + 'static>() -> Router<AppState<S>> {
    Router::new().route(
        "/webhooks/facebook",
        get(verify_subscription::<S>).post(receive::<S>),
    )
}

/// The configuration, or the 404 a server without Messenger answers.
fn configured<S>(state: &AppState<S>) -> Result<Arc<FacebookConfig>, ApiError> {
    state
        .facebook
        .clone()
        .ok_or_else(|| ApiError::NotFound("no such route".into()))
}

/// `GET /webhooks/facebook?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`.
#[instrument(skip_all)]
async fn verify_subscription<S: Store + 'static>(
    State(state): State<AppState<S>>,
    params: Params,
) -> Response {
    let config = match configured(&state) {
        Ok(config) => config,
        Err(not_found) => return not_found.into_response(),
    };
    let token_matches = params
        .get("hub.verify_token")
        .is_some_and(|t| same_secret(t.as_bytes(), config.verify_token.as_bytes()));
    if params.get("hub.mode") != Some("subscribe") || !token_matches {
        tracing::warn!("facebook subscription check refused: wrong mode or verify token");
        return problem(
            StatusCode::FORBIDDEN,
            "forbidden",
            "Subscription refused",
            "hub.mode must be \"subscribe\" and hub.verify_token must match the configured token",
        );
    }
    let Some(challenge) = params.get("hub.challenge") else {
        return problem(
            StatusCode::BAD_REQUEST,
            "invalid",
            "Invalid request",
            "hub.challenge is missing",
        );
    };
    tracing::info!("facebook subscription confirmed");
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        challenge.to_owned(),
    )
        .into_response()
}

/// `POST /webhooks/facebook`: a signed delivery of Messenger events.
#[instrument(skip_all, fields(events, created))]
async fn receive<S: Store + 'static>(
    State(state): State<AppState<S>>,
    request: Request,
) -> Response {
    let config = match configured(&state) {
        Ok(config) => config,
        Err(not_found) => return not_found.into_response(),
    };
    let signature = request
        .headers()
        .get(facebook::SIGNATURE_HEADER)
        .map(|v| v.as_bytes().to_vec());
    // Refuse an unsigned or malformed request before reading its body.
    if signature.is_none() {
        return refused(SignatureError::Missing);
    }
    let limit = request
        .extensions()
        .get::<BodyLimit>()
        .map_or(DEFAULT_BODY_LIMIT, |l| l.0);
    let body = match Bytes::from_request(request, &state).await {
        Ok(body) => body,
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return ApiError::PayloadTooLarge { limit }.into_response();
        }
        Err(_) => {
            return problem(
                StatusCode::BAD_REQUEST,
                "invalid",
                "Invalid request",
                "the body could not be read",
            );
        }
    };
    if let Err(e) = facebook::verify(config.app_secret.as_bytes(), signature.as_deref(), &body) {
        return refused(e);
    }
    let inquiries = match facebook::inquiries(&body) {
        Ok(found) => found,
        Err(e) => {
            // The detail may quote the body; it goes back to the sender only, never to the log.
            tracing::warn!("facebook delivery refused: not a Messenger delivery");
            return problem(
                StatusCode::BAD_REQUEST,
                "malformed_delivery",
                "Not a Messenger webhook delivery",
                &e.to_string(),
            );
        }
    };
    let events = inquiries.len();
    let mut created = 0;
    for new in inquiries {
        match state.store.create_inquiry(new, &state.policy).await {
            Ok(stored) => created += usize::from(stored.created),
            // Meta retries a failed delivery; what was stored is found again by message id.
            Err(e) => return ApiError::from(e).into_response(),
        }
    }
    tracing::Span::current().record("events", events);
    tracing::Span::current().record("created", created);
    (
        StatusCode::OK,
        Json(json!({"inquiries": events, "created": created})),
    )
        .into_response()
}

fn refused(e: SignatureError) -> Response {
    tracing::warn!(reason = %e, "facebook delivery refused: signature");
    match e {
        SignatureError::Malformed => problem(
            StatusCode::BAD_REQUEST,
            "malformed_signature",
            "Malformed signature",
            &e.to_string(),
        ),
        SignatureError::Missing | SignatureError::Mismatch => problem(
            StatusCode::UNAUTHORIZED,
            "bad_signature",
            "Signature required",
            &e.to_string(),
        ),
    }
}

/// A problem document (RFC 9457) like [`ApiError`]'s, for the webhook's own refusals.
fn problem(status: StatusCode, slug: &str, title: &str, detail: &str) -> Response {
    let body = json!({
        "type": format!("urn:frist:problem:{slug}"),
        "title": title,
        "status": status.as_u16(),
        "detail": detail,
    });
    let mut response = (status, Json(body)).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    response
}

/// Compares two secrets without an early exit on the first difference.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}
