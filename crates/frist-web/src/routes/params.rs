//! Path parameters. A malformed one is answered with a 400 problem document naming the
//! parameter, never axum's plain text, and never with the value itself: a path is easily typed
//! by hand, and may hold what should not be repeated back (or logged).

use crate::error::ApiError;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;

/// The `{id}` of an inquiry: a whole number from 1 to 2^63 − 1.
#[derive(Debug, Clone, Copy)]
pub struct InquiryId(pub frist_store::InquiryId);

impl<S: Send + Sync> FromRequestParts<S> for InquiryId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        // Text that is not even UTF-8 is no id either.
        let text = PathText::from_request_parts(parts, state)
            .await
            .map(|PathText(text)| text)
            .unwrap_or_default();
        text.parse()
            .ok()
            .filter(|id| *id > 0)
            .map(Self)
            .ok_or(ApiError::BadPathParameter {
                name: "id",
                detail: "the path parameter \"id\" must be a whole number from 1 to 9223372036854775807",
            })
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
            // Every route here has one parameter, so the only failure is its encoding.
            .map_err(|_| ApiError::BadPathParameter {
                name: "path",
                detail: "the path parameter is not valid percent-encoded UTF-8",
            })
    }
}
