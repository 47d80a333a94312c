//! Reading an inquiry for the page: the access log entry first, then the inquiry, its events
//! and the policy version it was received under.

use crate::pages::layout::{Failure, failure};
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::response::Response;
use frist_core::Event;
use frist_store::{PolicyVersion, Store, StoreError, StoredInquiry, User};

/// An inquiry as read for the page, its access already logged.
#[derive(Debug)]
pub(crate) struct Loaded {
    pub stored: StoredInquiry,
    pub events: Vec<Event>,
    pub policy: PolicyVersion,
    pub revealed: bool,
}

/// Reads the inquiry and logs that `user` sees `what` ("body" or "cpr") before returning it.
pub(crate) async fn load<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: &User,
    id: i64,
    what: &str,
) -> Result<Loaded, Response> {
    let stored = match app.store.get_inquiry(id).await {
        Ok(stored) => stored,
        Err(StoreError::NotFound) => {
            return Err(failure(visitor, &app.policy.policy, Failure::NotFound));
        }
        Err(e) => return Err(internal(visitor, app, &e)),
    };
    let read = async {
        app.store
            .log_access(&user.username, id, what, app.now())
            .await?;
        let events = app.store.events(id).await?;
        let policy = app.policy_of(stored.policy_id).await?;
        Ok::<_, StoreError>((events, policy))
    };
    match read.await {
        Ok((events, policy)) => Ok(Loaded {
            stored,
            events,
            policy,
            revealed: what == "cpr",
        }),
        Err(e) => Err(internal(visitor, app, &e)),
    }
}

pub(crate) fn internal<S>(visitor: &Visitor, app: &AppState<S>, e: &StoreError) -> Response {
    tracing::error!(error = %e, "a staff page could not be read or written");
    failure(visitor, &app.policy.policy, Failure::Internal)
}
