//! The HTTP layer's errors and the one place they become responses: `application/problem+json`
//! documents (RFC 9457) `{type, title, status, detail, field?, reason?, violations?}`.
//!
//! A 500 says nothing about its cause to the client; the cause is logged here, with any CPR
//! number in it masked.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use frist_core::rules::Violation;
use frist_core::{LifecycleError, cpr};
use frist_policy::DeadlineError;
use frist_store::StoreError;
use serde::Serialize;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No bearer token, or one that is not known.
    #[error("a valid bearer token is required")]
    Unauthenticated { presented: bool },
    #[error("this needs the role {needed}")]
    Forbidden { needed: &'static str },
    #[error("{0}")]
    NotFound(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    /// A path parameter that cannot name anything (`/inquiries/abc`). The detail names the
    /// parameter and never repeats the value, which may be personal data typed in a URL.
    #[error("{detail}")]
    BadPathParameter {
        name: &'static str,
        detail: &'static str,
    },
    /// The body is not JSON at all.
    #[error("{0}")]
    MalformedJson(String),
    /// The request is well-formed but a field (or parameter) is wrong.
    #[error("{detail}")]
    Invalid {
        field: Option<String>,
        detail: String,
    },
    /// The lifecycle refused the change; nothing was stored.
    #[error("{0}")]
    Refused(#[from] LifecycleError),
    /// A message or notice breaks rules that block it; nothing was stored.
    #[error("the message breaks {} rule(s)", violations.len())]
    RulesBroken { violations: Vec<Violation> },
    #[error("the body must be JSON (Content-Type: application/json)")]
    UnsupportedMediaType,
    #[error("the body is larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("the inquiry was changed by someone else at the same time; try again")]
    Conflict,
    /// Anything else; the text is for the log only.
    #[error("internal error: {0}")]
    Internal(String),
}

impl ApiError {
    pub(crate) fn invalid(field: impl Into<String>, detail: impl Into<String>) -> Self {
        Self::Invalid {
            field: Some(field.into()),
            detail: detail.into(),
        }
    }

    pub(crate) fn no_inquiry() -> Self {
        Self::NotFound("no inquiry with that id".into())
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Self::NotFound("not found".into()),
            StoreError::Conflict(_) => Self::Conflict,
            StoreError::Refused(refusal) => Self::Refused(refusal),
            StoreError::Invalid(detail) => Self::Invalid {
                field: None,
                detail,
            },
            StoreError::Other(cause) => Self::Internal(cause),
        }
    }
}

/// The problem document.
#[derive(Debug, Serialize)]
struct Problem<'a> {
    #[serde(rename = "type")]
    kind: String,
    title: &'static str,
    status: u16,
    detail: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
    /// For lifecycle refusals: a stable code, e.g. `close_without_answer`.
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    violations: Option<&'a [Violation]>,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, slug, title) = match &self {
            Self::Unauthenticated { .. } => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
            ),
            Self::Forbidden { .. } => (
                StatusCode::FORBIDDEN,
                "forbidden",
                "Not allowed for this role",
            ),
            Self::NotFound(_) => (StatusCode::NOT_FOUND, "not_found", "Not found"),
            Self::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "Method not allowed",
            ),
            Self::BadPathParameter { .. } => (
                StatusCode::BAD_REQUEST,
                "bad_path_parameter",
                "Bad path parameter",
            ),
            Self::MalformedJson(_) => (
                StatusCode::BAD_REQUEST,
                "malformed_json",
                "The body is not valid JSON",
            ),
            Self::Invalid { .. } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                "Invalid request",
            ),
            Self::Refused(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "refused",
                "Refused by the inquiry's lifecycle",
            ),
            Self::RulesBroken { .. } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "rule_violation",
                "The message breaks the rules",
            ),
            Self::UnsupportedMediaType => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Unsupported media type",
            ),
            Self::PayloadTooLarge { .. } => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "Request body too large",
            ),
            Self::Conflict => (StatusCode::CONFLICT, "conflict", "Conflicting change"),
            Self::Internal(cause) => {
                tracing::error!(cause = %cpr::mask(cause), "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Internal error",
                )
            }
        };
        let detail = match &self {
            Self::Internal(_) => "something went wrong on our side; it has been logged".to_owned(),
            other => other.to_string(),
        };
        let (field, reason, violations) = match &self {
            Self::Invalid { field, .. } => (field.as_deref(), None, None),
            Self::BadPathParameter { name, .. } => (Some(*name), None, None),
            Self::Refused(refusal) => {
                let (reason, field) = refusal_code(refusal);
                (field, Some(reason), None)
            }
            Self::RulesBroken { violations } => (None, None, Some(violations.as_slice())),
            _ => (None, None, None),
        };
        let problem = Problem {
            kind: format!("urn:frist:problem:{slug}"),
            title,
            status: status.as_u16(),
            detail,
            field,
            reason,
            violations,
        };
        let mut response = (status, Json(problem)).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/problem+json"),
        );
        if let Self::Unauthenticated { presented } = self {
            let challenge = if presented {
                "Bearer realm=\"frist\", error=\"invalid_token\""
            } else {
                "Bearer realm=\"frist\""
            };
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}

/// A stable code for a lifecycle refusal, and the request field it concerns, if one.
pub(crate) fn refusal_code(e: &LifecycleError) -> (&'static str, Option<&'static str>) {
    match e {
        LifecycleError::Closed => ("closed", None),
        LifecycleError::NotClosed => ("not_closed", None),
        LifecycleError::AlreadyAwaiting => ("already_awaiting", None),
        LifecycleError::NotAwaiting => ("not_awaiting", None),
        LifecycleError::AlreadyReceived => ("already_received", Some("type")),
        LifecycleError::CloseWithoutAnswer => ("close_without_answer", Some("reason")),
        LifecycleError::CloseWithoutHandOver => ("close_without_hand_over", Some("reason")),
        LifecycleError::Empty { field } => ("empty", Some(field)),
        LifecycleError::NoSuchObligation { .. } => ("no_such_obligation", Some("goal")),
        LifecycleError::ExtensionNotLater { .. } => ("extension_not_later", Some("new_due_date")),
        LifecycleError::ExtensionWithoutNotice => ("extension_without_notice", Some("notice")),
        LifecycleError::BadScore(_) => ("bad_score", Some("score")),
        LifecycleError::BeforeReceipt { .. } => ("before_receipt", Some("at")),
        LifecycleError::BeforeLatestEvent { .. } => ("before_latest_event", Some("at")),
        LifecycleError::InFuture { field, .. } => ("in_future", Some(field)),
        LifecycleError::PromiseMoved { .. } => ("promise_moved", Some("expected_answer_date")),
        LifecycleError::PromiseInPast { .. } => ("promise_in_past", Some("expected_answer_date")),
        LifecycleError::AlreadyQueued { .. } => ("already_queued", None),
        LifecycleError::Deadline(DeadlineError::UnknownCaseType { .. }) => {
            ("unknown_case_type", Some("case_type"))
        }
        LifecycleError::Deadline(DeadlineError::Calendar { .. }) => {
            ("outside_calendar", Some("received_at"))
        }
        LifecycleError::Calendar(_) => ("outside_calendar", None),
    }
}
