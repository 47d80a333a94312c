//! Reading an inquiry for the page: the access log entry first, then the inquiry, its events
//! and the policy version it was received under.

use crate::page_error::PageError;
use crate::state::AppState;
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
    user: &User,
    id: i64,
    what: &str,
) -> Result<Loaded, PageError> {
    let stored = app.store.get_inquiry(id).await?;
    // Once the inquiry exists, anything missing behind it is a fault, not a missing page.
    let read = async {
        app.store
            .log_access(&user.username, id, what, app.now())
            .await?;
        let events = app.store.events(id).await?;
        let policy = app.policy_of(stored.policy_id).await?;
        Ok::<_, StoreError>((events, policy))
    };
    let (events, policy) = read.await.map_err(PageError::internal)?;
    Ok(Loaded {
        stored,
        events,
        policy,
        revealed: what == "cpr",
    })
}
