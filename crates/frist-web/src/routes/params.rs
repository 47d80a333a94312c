//! Path parameters. A malformed one is answered with a problem document, never axum's plain
//! text: an id that is not a number cannot name an inquiry, so it is simply not found.

use crate::error::ApiError;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

/// The `{id}` of an inquiry.
#[derive(Debug, Clone, Copy)]
pub struct InquiryId(pub frist_store::InquiryId);

impl<S: Send + Sync> FromRequestParts<S> for InquiryId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let PathText(text) = PathText::from_request_parts(parts, state).await?;
        text.parse()
            .ok()
            .filter(|id| *id > 0)
            .map(Self)
            .ok_or_else(ApiError::no_inquiry)
    }
}

/// The route's single path parameter, as text.
#[derive(Debug, Clone)]
pub struct PathText(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathText {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<String>::from_request_parts(parts, state)
            .await
            .map(|Path(text)| Self(text))
            .map_err(|_| ApiError::NotFound("no such resource".into()))
    }
}
