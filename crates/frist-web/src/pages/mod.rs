//! The public citizen pages: the front page, "Det kan du forvente af os", the self-service
//! form with its receipt, the status page, "Har du mistet dit link?", the accessibility
//! statement and "Privatliv og cookies". They wear Det Fælles Designsystem (DKFDS), the look of
//! Danish public self-service, vendored into `static/dkfds/` by `scripts/vendor-dkfds`.
//!
//! Server-rendered through askama (compiled, auto-escaping templates in `templates/`), one
//! template struct per page, every word from [`i18n`]. No page needs JavaScript. These pages
//! never show a CPR number unmasked and never put the status token anywhere but its own URL.

mod assets;
pub(crate) mod csrf;
pub(crate) mod fields;
pub(crate) mod form;
pub(crate) mod i18n;
pub(crate) mod layout;
mod link_mail;
pub(crate) mod link_words;
mod lost_link;
mod public;
pub(crate) mod results;
pub(crate) mod results_words;
mod status;
pub(crate) mod status_words;
pub(crate) mod visitor;

use crate::paths;
use crate::state::AppState;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use axum::routing::{get, post};
use frist_store::{OutboxStore, Store};

/// The public pages, with security headers on every response.
pub(crate) fn router<S: Store + OutboxStore + 'static>() -> Router<AppState<S>> {
    Router::new()
        .route(paths::FRONT, get(public::front::<S>))
        .route(paths::GOALS, get(public::goals::<S>))
        .route(paths::ACCESSIBILITY, get(public::accessibility::<S>))
        .route(paths::PRIVACY, get(public::privacy::<S>))
        .route(paths::RESULTS, get(results::page::<S>))
        .route(paths::RESULTS_CSV, get(results::csv_file::<S>))
        .route(paths::RESULTS_JSON, get(results::json::<S>))
        .route(paths::STYLESHEET, get(assets::stylesheet))
        .route(paths::CITIZEN_STYLESHEET, get(assets::citizen_stylesheet))
        .route(paths::DKFDS_ROUTE, get(assets::dkfds))
        .route(paths::SCRIPT, get(assets::script))
        .route(paths::WRITE, get(form::show::<S>).post(form::submit::<S>))
        .route(paths::STATUS_ROUTE, get(status::show::<S>))
        .route(
            paths::LOST_LINK,
            get(lost_link::show::<S>).post(lost_link::submit::<S>),
        )
        .route(paths::FEEDBACK_ROUTE, post(status::feedback::<S>))
        .layer(axum::middleware::map_response(security_headers))
}

/// Pages load nothing from elsewhere and run no script; the status token is in the URL, so no
/// referrer leaves the site.
pub(crate) async fn security_headers(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
        ),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}
