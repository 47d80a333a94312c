//! The error type of the HTML pages, the counterpart of the API's `ApiError`: handlers return
//! `Result<Response, PageError>` and use `?`, and every failure becomes a plain page in the
//! reader's language with the normal header and footer.
//!
//! A `PageError` cannot render itself: the page needs the reader's language and the
//! municipality, which live in the request and the state. So [`PageError::into_response`]
//! answers with the right status and a [`Failure`] marker in the response's extensions, and
//! the [`render_failures`] middleware, wrapped around every page route, replaces such a
//! response with the page. The cause of a 500 is logged here, with CPR numbers masked, and
//! never shown: the page says only that something went wrong.

use crate::pages::layout::{Failure, failure};
use crate::pages::visitor::Visitor;
use crate::staff::see_other;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use frist_core::cpr;
use frist_store::{Store, StoreError};

/// Why a page is not shown.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PageError {
    #[error("no such page")]
    NotFound,
    /// A form post without this browser's CSRF token.
    #[error("the form's CSRF token is missing or wrong")]
    Forbidden,
    /// Signed in, but the user's role does not open the page.
    #[error("the user's role does not open this page")]
    NotAllowed,
    #[error("the request could not be read")]
    BadRequest,
    /// An upload larger than the page accepts.
    #[error("the upload is too large")]
    TooLarge,
    /// No valid session: the browser is sent to sign in, then back (the sign-in path).
    #[error("sign in first")]
    SignIn(String),
    /// Anything else; the cause goes to the log (CPR numbers masked), never to the reader.
    #[error("internal error: {0}")]
    Internal(String),
}

impl PageError {
    /// An internal error with a cause for the log.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        PageError::Internal(cause.to_string())
    }
}

/// A stored thing that is not there is a missing page; any other store failure is internal.
impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => PageError::NotFound,
            other => PageError::internal(other),
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let failure = match self {
            PageError::SignIn(location) => return see_other(&location, &[]),
            PageError::NotFound => Failure::NotFound,
            PageError::Forbidden => Failure::Forbidden,
            PageError::NotAllowed => Failure::NotAllowed,
            PageError::BadRequest => Failure::BadRequest,
            PageError::TooLarge => Failure::TooLarge,
            PageError::Internal(cause) => {
                tracing::error!(cause = %cpr::mask(&cause), "a page could not be served");
                Failure::Internal
            }
        };
        // The body is replaced by `render_failures`; this one is only seen if a route were
        // ever mounted without it, and says nothing internal either.
        let status = failure.status();
        let mut response = (status, status.canonical_reason().unwrap_or("Error")).into_response();
        response.extensions_mut().insert(failure);
        response
    }
}

/// Middleware around the page routes: a response marked with a [`Failure`] becomes the plain
/// error page in the reader's language.
pub(crate) async fn render_failures<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    request: Request,
    next: Next,
) -> Response {
    let response = next.run(request).await;
    match response.extensions().get::<Failure>() {
        // A new response: the page routes' security headers are given to it again.
        Some(&kind) => {
            crate::pages::security_headers(failure(&visitor, &app.policy.policy, kind)).await
        }
        None => response,
    }
}

/// What an unknown path gets: under `/api` (and for clients that do not ask for HTML) the
/// API's problem document; for a browser, the plain 404 page.
pub(crate) async fn no_such_page<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    request: Request,
) -> Response {
    let path = request.uri().path();
    let api = path == "/api" || path.starts_with("/api/");
    let wants_html = request
        .headers()
        .get_all(axum::http::header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("text/html"));
    if api || !wants_html {
        return crate::routes::no_such_route().await.into_response();
    }
    let page = failure(&visitor, &app.policy.policy, Failure::NotFound);
    crate::pages::security_headers(page).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::StatusCode;

    #[test]
    fn store_errors_become_a_missing_page_or_an_internal_error() {
        assert!(matches!(
            PageError::from(StoreError::NotFound),
            PageError::NotFound
        ));
        assert!(matches!(
            PageError::from(StoreError::Other("disk".into())),
            PageError::Internal(_)
        ));
    }

    #[test]
    fn the_cause_of_a_500_is_logged_with_cpr_numbers_masked() {
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::<u8>::new()));
        let writer = std::sync::Arc::clone(&log);
        let subscriber = tracing_subscriber::fmt()
            .with_ansi(false)
            .with_writer(move || LogWriter(std::sync::Arc::clone(&writer)))
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            let _ = PageError::internal("the letter from 010190-1234 could not be stored")
                .into_response();
        });
        let text = String::from_utf8(log.lock().map(|l| l.clone()).unwrap_or_default())
            .unwrap_or_default();
        assert!(text.contains("010190-XXXX could not be stored"), "{text}");
        assert!(!text.contains("010190-1234"), "{text}");
        assert!(!text.contains("0101901234"), "{text}");
    }

    struct LogWriter(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for LogWriter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if let Ok(mut log) = self.0.lock() {
                log.extend_from_slice(buf);
            }
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_failure_is_marked_for_the_page_and_shows_no_cause() {
        let response = PageError::internal("0101901234 broke").into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(matches!(
            response.extensions().get::<Failure>(),
            Some(Failure::Internal)
        ));
    }
}
