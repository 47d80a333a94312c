//! The HTTP client the OpenID Connect library talks to the provider with: the workspace's
//! reqwest behind the library's `AsyncHttpClient` trait, so Frist carries one HTTP stack.
//!
//! Redirects are not followed (a provider's endpoints answer directly; following would let a
//! redirect send the client secret or a code elsewhere), every request has a time limit, and a
//! response is read up to [`MAX_BODY`] bytes.

use openidconnect::{AsyncHttpClient, HttpRequest, HttpResponse};
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// Larger than any discovery document, key set or token response.
const MAX_BODY: usize = 1024 * 1024;

/// Why a request to the provider failed (never with a body: it may hold a token).
#[derive(Debug, thiserror::Error)]
pub(crate) enum HttpError {
    #[error("request to the identity provider failed: {0}")]
    Request(#[from] reqwest::Error),
    #[error("the identity provider's response is larger than {MAX_BODY} bytes")]
    TooLarge,
    #[error("the identity provider's response could not be read: {0}")]
    Response(String),
}

#[derive(Debug, Clone)]
pub(crate) struct HttpClient(reqwest::Client);

impl HttpClient {
    pub(crate) fn new() -> Result<Self, reqwest::Error> {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(15))
            .user_agent(concat!("frist/", env!("CARGO_PKG_VERSION")))
            .build()
            .map(Self)
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, HttpError> {
        let request = reqwest::Request::try_from(request)?;
        let mut response = self.0.execute(request).await?;
        let mut builder = openidconnect::http::Response::builder().status(response.status());
        if let Some(headers) = builder.headers_mut() {
            headers.extend(response.headers().clone());
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            if body.len() + chunk.len() > MAX_BODY {
                return Err(HttpError::TooLarge);
            }
            body.extend_from_slice(&chunk);
        }
        builder
            .body(body)
            .map_err(|e| HttpError::Response(e.to_string()))
    }
}

impl<'c> AsyncHttpClient<'c> for HttpClient {
    type Error = HttpError;
    type Future = Pin<Box<dyn Future<Output = Result<HttpResponse, HttpError>> + Send + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(self.send(request))
    }
}
