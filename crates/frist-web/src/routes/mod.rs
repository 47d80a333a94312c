//! The route table: one list of (method, path, handler) that builds the router and that the
//! OpenAPI document is checked against, so the two cannot drift apart unnoticed.

mod changes;
mod directory;
mod inquiries;
mod messages;
mod meta;
mod params;
mod reports;

use crate::state::AppState;
use axum::http::Method;
use axum::routing::{MethodRouter, get, post, put};
use frist_store::{OutboxStore, Store};

#[cfg(test)]
pub use changes::EVENT_TYPES;
pub use meta::{method_not_allowed, no_such_route};

/// One route.
pub struct Route<S> {
    pub method: Method,
    pub path: &'static str,
    pub handler: MethodRouter<AppState<S>>,
}

fn route<S>(method: Method, path: &'static str, handler: MethodRouter<AppState<S>>) -> Route<S> {
    Route {
        method,
        path,
        handler,
    }
}

/// Every route of the application.
pub fn all<S: Store + OutboxStore + 'static>() -> Vec<Route<S>> {
    use Method as M;
    vec![
        route(M::GET, "/health", get(meta::health::<S>)),
        route(M::GET, "/api/v1/openapi.json", get(meta::openapi::<S>)),
        route(M::POST, "/api/v1/inquiries", post(inquiries::create::<S>)),
        route(M::GET, "/api/v1/inquiries", get(inquiries::list::<S>)),
        route(M::GET, "/api/v1/inquiries/{id}", get(inquiries::show::<S>)),
        route(
            M::GET,
            "/api/v1/inquiries/by-reference/{reference}",
            get(inquiries::show_by_reference::<S>),
        ),
        route(
            M::POST,
            "/api/v1/inquiries/{id}/events",
            post(changes::append_event::<S>),
        ),
        route(
            M::POST,
            "/api/v1/inquiries/{id}/messages",
            post(messages::send_message::<S>),
        ),
        route(M::GET, "/api/v1/units", get(directory::list_units::<S>)),
        route(M::GET, "/api/v1/units/{id}", get(directory::show_unit::<S>)),
        route(M::PUT, "/api/v1/units/{id}", put(directory::put_unit::<S>)),
        route(
            M::GET,
            "/api/v1/caseworkers",
            get(directory::list_caseworkers::<S>),
        ),
        route(
            M::GET,
            "/api/v1/caseworkers/{id}",
            get(directory::show_caseworker::<S>),
        ),
        route(
            M::PUT,
            "/api/v1/caseworkers/{id}",
            put(directory::put_caseworker::<S>),
        ),
        route(
            M::GET,
            "/api/v1/reports/compliance",
            get(reports::compliance::<S>),
        ),
        route(
            M::GET,
            "/api/v1/reports/service",
            get(reports::service::<S>),
        ),
    ]
}
