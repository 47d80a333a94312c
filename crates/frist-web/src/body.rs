//! Reading JSON request bodies: the media type (415), the size limit (413), and serde errors
//! turned into problems that name the field ("unknown channel \"fax\"; expected one of: …" at
//! `channel`).

use crate::error::ApiError;
use crate::state::{AppState, BodyLimit, DEFAULT_BODY_LIMIT};
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::error::Category;

/// A JSON body of type `T`, read within the body limit and deserialized with named fields.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S, T> FromRequest<AppState<S>> for JsonBody<T>
where
    S: frist_store::Store + 'static,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState<S>) -> Result<Self, Self::Rejection> {
        let bytes = read_json_bytes(req, state).await?;
        from_json(&bytes).map(Self)
    }
}

/// The raw bytes of a JSON body, for handlers that look at the JSON before deserializing it.
#[derive(Debug)]
pub struct JsonBytes(pub Bytes);

impl<S: frist_store::Store + 'static> FromRequest<AppState<S>> for JsonBytes {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState<S>) -> Result<Self, Self::Rejection> {
        read_json_bytes(req, state).await.map(Self)
    }
}

async fn read_json_bytes<S: frist_store::Store + 'static>(
    req: Request,
    state: &AppState<S>,
) -> Result<Bytes, ApiError> {
    let is_json = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_json_media_type);
    if !is_json {
        return Err(ApiError::UnsupportedMediaType);
    }
    let limit = req
        .extensions()
        .get::<BodyLimit>()
        .map_or(DEFAULT_BODY_LIMIT, |l| l.0);
    // `Bytes` honours the router's `DefaultBodyLimit`, including a too-large Content-Length.
    Bytes::from_request(req, state).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge { limit }
        } else {
            ApiError::MalformedJson("the body could not be read".into())
        }
    })
}

/// `application/json`, or `application/<something>+json`, with any parameters.
fn is_json_media_type(value: &str) -> bool {
    let essence = value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
}

/// Deserializes `bytes` as one JSON value of type `T`; errors name the field.
pub fn from_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_json::Value::deserialize(&mut de).map_err(|e| malformed(&e))?;
    de.end().map_err(|e| malformed(&e))?;
    from_value(whole_numbers(value), "")
}

/// JSON does not tell `5` from `5.0`, and neither does JSON Schema's `integer`; serde's integer
/// types do. Numbers with no fraction (within 64 bits) are made integers, so every integer the
/// document allows is read as one.
fn whole_numbers(value: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    // 2^63 and 2^64, the first floats past i64 and u64.
    const I64_END: f64 = 9_223_372_036_854_775_808.0;
    const U64_END: f64 = 18_446_744_073_709_551_616.0;
    match value {
        Value::Number(n) if n.is_f64() => match n.as_f64() {
            // Whole and in range, so the casts are exact.
            Some(f) if f.fract() == 0.0 && (-I64_END..I64_END).contains(&f) => {
                Value::from(f as i64)
            }
            Some(f) if f.fract() == 0.0 && (0.0..U64_END).contains(&f) => Value::from(f as u64),
            _ => Value::Number(n),
        },
        Value::Array(items) => Value::Array(items.into_iter().map(whole_numbers).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(k, v)| (k, whole_numbers(v)))
                .collect(),
        ),
        other => other,
    }
}

/// Deserializes an already parsed value as `T`; errors name the field below `prefix`.
pub fn from_value<T: DeserializeOwned>(
    value: serde_json::Value,
    prefix: &str,
) -> Result<T, ApiError> {
    serde_path_to_error::deserialize(value)
        .map_err(|e| explain(&join(prefix, &path_of(e.path())), e.inner()))
}

fn path_of(path: &serde_path_to_error::Path) -> String {
    let text = path.to_string();
    if text == "." { String::new() } else { text }
}

pub(crate) fn join(parent: &str, child: &str) -> String {
    match (parent.is_empty(), child.is_empty()) {
        (true, _) => child.to_owned(),
        (false, true) => parent.to_owned(),
        (false, false) => format!("{parent}.{child}"),
    }
}

/// Turns a serde error at `path` into a problem naming the field.
pub(crate) fn explain(path: &str, error: &serde_json::Error) -> ApiError {
    match error.classify() {
        Category::Syntax | Category::Eof | Category::Io => malformed(error),
        Category::Data => describe(path, &message(error)),
    }
}

fn malformed(error: &serde_json::Error) -> ApiError {
    ApiError::MalformedJson(format!(
        "the body is not valid JSON: {} (line {}, column {})",
        message(error),
        error.line(),
        error.column()
    ))
}

/// serde_json's message without its " at line L column C" suffix.
pub(crate) fn message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(i) => text.get(..i).unwrap_or(&text).to_owned(),
        None => text,
    }
}

/// A data error message at `path` as a problem: the field, and a sentence a person can act on.
pub(crate) fn describe(path: &str, message: &str) -> ApiError {
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (given, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let noun = noun(path.rsplit('.').next().unwrap_or(path));
        return invalid(
            path,
            format!(
                "unknown {noun} \"{given}\"; expected one of: {}",
                backticked(expected).join(", ")
            ),
        );
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        let field = join(path, name);
        return invalid(&field, format!("missing field \"{field}\""));
    }
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let field = if path.is_empty() || !path.ends_with(name) {
            join(path, name)
        } else {
            path.to_owned()
        };
        let expected = backticked(expected);
        let hint = if expected.is_empty() {
            "there are no fields here".to_owned()
        } else {
            format!("expected one of: {}", expected.join(", "))
        };
        return invalid(&field, format!("unknown field \"{field}\"; {hint}"));
    }
    if path.is_empty() {
        ApiError::Invalid {
            field: None,
            detail: message.to_owned(),
        }
    } else {
        invalid(path, format!("{path}: {message}"))
    }
}

fn invalid(field: &str, detail: String) -> ApiError {
    ApiError::Invalid {
        field: (!field.is_empty()).then(|| field.to_owned()),
        detail,
    }
}

/// The words between backticks: "expected one of `a`, `b`" → [a, b].
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// What a field holds, for "unknown X \"…\"".
fn noun(field: &str) -> String {
    match field {
        "to" => "addressee".to_owned(),
        "type" => "event type".to_owned(),
        "requires" => "requirement".to_owned(),
        "reason" => "close reason".to_owned(),
        other => other.replace('_', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use frist_core::NewInquiry;

    fn problem(json: &str) -> (Option<String>, String) {
        match from_json::<NewInquiry>(json.as_bytes()) {
            Err(ApiError::Invalid { field, detail }) => (field, detail),
            other => panic!("expected a field error, got {other:?}"),
        }
    }

    #[test]
    fn an_unknown_channel_is_named_with_the_choices() {
        let (field, detail) =
            problem(r#"{"channel":"fax","received_at":"2026-12-23T15:00:00+01:00"}"#);
        assert_eq!(field.as_deref(), Some("channel"));
        assert!(
            detail.starts_with("unknown channel \"fax\"; expected one of: email, letter"),
            "{detail}"
        );
    }

    #[test]
    fn a_missing_field_is_named() {
        let (field, detail) = problem(r#"{"channel":"email"}"#);
        assert_eq!(field.as_deref(), Some("received_at"));
        assert_eq!(detail, "missing field \"received_at\"");
    }

    #[test]
    fn a_nested_field_is_named_by_its_path() {
        let (field, detail) = problem(
            r#"{"channel":"email","received_at":"2026-12-23T15:00:00+01:00","sender":{"cpr":"not a cpr"}}"#,
        );
        assert_eq!(field.as_deref(), Some("sender.cpr"));
        assert!(detail.starts_with("sender.cpr: "), "{detail}");
        let (field, detail) = problem(
            r#"{"channel":"email","received_at":"2026-12-23T15:00:00+01:00","sender":{"fax":"1"}}"#,
        );
        assert_eq!(field.as_deref(), Some("sender.fax"));
        assert!(
            detail.starts_with("unknown field \"sender.fax\""),
            "{detail}"
        );
    }

    #[test]
    fn broken_json_is_malformed_not_a_field_error() {
        assert!(matches!(
            from_json::<NewInquiry>(b"{\"channel\":"),
            Err(ApiError::MalformedJson(_))
        ));
        assert!(matches!(
            from_json::<serde_json::Value>(b"{} {}"),
            Err(ApiError::MalformedJson(_))
        ));
    }

    #[test]
    fn whole_numbers_written_with_a_fraction_are_integers() {
        let read: frist_core::Attachment =
            from_json(br#"{"name":"a.pdf","size":1048576.0}"#).unwrap();
        assert_eq!(read.size, Some(1_048_576));
        let (field, _) = match from_json::<frist_core::Attachment>(br#"{"name":"a","size":1.5}"#) {
            Err(ApiError::Invalid { field, detail }) => (field, detail),
            other => panic!("expected a field error, got {other:?}"),
        };
        assert_eq!(field.as_deref(), Some("size"));
        assert!(from_json::<frist_core::Attachment>(br#"{"name":"a","size":1e20}"#).is_err());
    }

    #[test]
    fn json_media_types_are_recognised() {
        assert!(is_json_media_type("application/json"));
        assert!(is_json_media_type("Application/JSON; charset=utf-8"));
        assert!(is_json_media_type("application/merge-patch+json"));
        assert!(!is_json_media_type("text/plain"));
        assert!(!is_json_media_type("application/x-www-form-urlencoded"));
    }
}
