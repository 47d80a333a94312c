//! The HTTP face of Frist: the JSON API under `/api/v1`, its OpenAPI document, bearer-token
//! authentication and the problem documents every error is answered with; and the public
//! citizen pages (module `pages`) and the staff pages behind a sign-in (module `staff`).
//!
//! [`router`] builds the whole application from an [`AppState`], so tests and the `frist serve`
//! binary drive exactly the same thing. Handlers decide nothing about inquiries: the lifecycle
//! and the rules in `frist-core` do, and the [`Store`] makes every change atomic and durable.
//!
//! What this crate must not do: log message bodies or CPR numbers, send internal error text to
//! clients, or answer anything that includes an inquiry's body or a revealed CPR number without
//! recording that view in the store's access log.

#![forbid(unsafe_code)]

mod auth;
mod body;
mod error;
mod numbers;
mod openapi;
mod outgoing;
mod page_error;
mod pages;
mod password;
pub mod paths;
mod query;
mod routes;
mod staff;
mod state;
mod time;
mod views;
mod webhooks;

pub use auth::{hash_token, new_token};
pub use error::ApiError;
pub use password::{PasswordError, hash_password, verify_password};
pub use staff::oidc::{ClaimMapping, OidcSettings, OidcSetupError};
pub use state::{AppState, Clock, DEFAULT_BODY_LIMIT, OutboxWiring};

use axum::extract::{DefaultBodyLimit, MatchedPath};
use axum::http::Method;
use axum::response::IntoResponse;
use axum::{Extension, Router};
use frist_store::{MailStore, OutboxStore, ScanStore, Store};
use state::BodyLimit;
use std::any::Any;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

/// The application: every route of [`route_table`], request bodies up to
/// [`DEFAULT_BODY_LIMIT`], tracing; unknown routes get problem documents under `/api` and an
/// HTML page for browsers elsewhere, unknown methods a problem document.
pub fn router<
    S: Store + OutboxStore + MailStore + ScanStore + frist_store::NoticeStore + 'static,
>(
    state: AppState<S>,
) -> Router {
    router_with_body_limit(state, DEFAULT_BODY_LIMIT)
}

/// [`router`] with another limit on request bodies, in bytes; larger bodies get 413.
pub fn router_with_body_limit<
    S: Store + OutboxStore + MailStore + ScanStore + frist_store::NoticeStore + 'static,
>(
    state: AppState<S>,
    limit: usize,
) -> Router {
    let mut app = Router::new();
    for route in routes::all::<S>() {
        app = app.route(route.path, route.handler);
    }
    // Page handlers answer failures with a marker; this turns it into the page in the
    // reader's language (see `page_error`).
    let pages = pages::router::<S>().merge(staff::router::<S>()).layer(
        axum::middleware::from_fn_with_state(state.clone(), page_error::render_failures::<S>),
    );
    app.merge(pages)
        .merge(webhooks::router::<S>())
        .fallback(page_error::no_such_page::<S>)
        .method_not_allowed_fallback(routes::method_not_allowed)
        .layer(DefaultBodyLimit::max(limit))
        .layer(Extension(BodyLimit(limit)))
        // A panic is a bug; the client still gets an opaque problem document, not a reset.
        .layer(CatchPanicLayer::custom(|_: Box<dyn Any + Send>| {
            ApiError::Internal("a handler panicked".into()).into_response()
        }))
        .layer(axum::middleware::from_fn(transport_headers))
        .layer(TraceLayer::new_for_http().make_span_with(request_span))
        .with_state(state)
}

/// Headers every response gets from how it was asked for: an API answer is never kept by a
/// cache (one with `?reveal=cpr` carries a whole CPR number, every one carries personal data);
/// behind a TLS-terminating proxy that says the browser used HTTPS, HSTS tells the browser to
/// use nothing else for a year.
async fn transport_headers(
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::http::{HeaderValue, header};
    let api = request.uri().path().starts_with("/api/");
    let https = pages::visitor::came_over_https(request.headers());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if https {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

/// A span per request naming the route's template (`/api/v1/inquiries/{id}`), never the
/// concrete URI: query strings and path values may hold personal data.
fn request_span(request: &axum::http::Request<axum::body::Body>) -> tracing::Span {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str);
    tracing::info_span!("request", method = %request.method(), route)
}

/// Every (method, path) the router answers, in the router's path syntax (`/api/v1/units/{id}`).
/// The OpenAPI document is checked against this list.
pub fn route_table<S: Store + OutboxStore + 'static>() -> Vec<(Method, &'static str)> {
    routes::all::<S>()
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect()
}

/// The OpenAPI 3.1 document served at `/api/v1/openapi.json`.
pub fn openapi_document() -> serde_json::Value {
    openapi::document()
}
