//! Letters received on paper: the scan is uploaded on the inquiry page (`POST
//! /sager/{id}/scanning`, a multipart form) and kept exactly as uploaded; opening it
//! (`/sager/{id}/scanning/{scan}`) is logged in the access log first, like the message body.

use super::inquiry::{Notice, load, render};
use super::reply::ReplyState;
use super::{StaffMessages, see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::extract::multipart::MultipartError;
use axum::extract::{FromRequest, Multipart, Path, Query, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use frist_store::{MailStore, NewScan, OutboxStore, ScanStore, Store, StoreError};
use serde::Deserialize;

/// The largest scan accepted: a multi-page colour scan as PDF.
pub(crate) const MAX_SCAN: usize = 20 * 1024 * 1024;

/// What a scan is, by its first bytes (its "magic number"), of the formats a scanner writes:
/// PDF, JPEG, PNG or TIFF. The type the browser declares is not trusted: a file named
/// `brev.pdf` may be anything, and a scan is shown to colleagues in their browser.
pub(crate) fn sniff(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: [(&[u8], &str); 5] = [
        (b"%PDF-", "application/pdf"),
        (&[0xFF, 0xD8, 0xFF], "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n", "image/png"),
        (b"II*\0", "image/tiff"),
        (b"MM\0*", "image/tiff"),
    ];
    KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// The form's fields, as read from the multipart body.
#[derive(Debug, Default)]
struct Upload {
    filename: String,
    bytes: Vec<u8>,
}

/// Why the body could not be read.
enum Unread {
    /// Longer than [`MAX_SCAN`], found while reading (a body without a length).
    TooLarge,
    Unreadable,
}

impl From<MultipartError> for Unread {
    fn from(e: MultipartError) -> Self {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Unread::TooLarge
        } else {
            Unread::Unreadable
        }
    }
}

async fn read(mut form: Multipart) -> Result<Upload, Unread> {
    let mut upload = Upload::default();
    while let Some(field) = form.next_field().await? {
        if field.name() == Some("scan") {
            upload.filename = field.file_name().unwrap_or("scanning").to_owned();
            upload.bytes = field.bytes().await?.to_vec();
        }
    }
    Ok(upload)
}

/// The upload form's CSRF token travels in its address (`?csrf=`), not in the body, so that
/// it is checked before a byte of a 20 MB body is read.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct UploadQuery {
    csrf: String,
}

/// A file name safe to show and to put in a header: letters, digits, `.-_ ` and Danish
/// letters; at most 100 characters.
fn clean_name(name: &str) -> String {
    let cleaned: String = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .chars()
        .filter(|c| c.is_alphanumeric() || " .-_".contains(*c))
        .take(100)
        .collect();
    if cleaned.trim().is_empty() {
        "scanning".into()
    } else {
        cleaned
    }
}

/// The upload, checked in the order that matters: the CSRF token (in the address) and the
/// session before the body is touched, then the declared length, then the body itself.
pub(crate) async fn upload<S: Store + OutboxStore + MailStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    Query(query): Query<UploadQuery>,
    visitor: Visitor,
    request: Request,
) -> Result<Response, PageError> {
    // The token first: a post that did not come from our own form changes nothing.
    if !csrf::verify(visitor.csrf_cookie.as_deref(), &query.csrf) {
        return Err(PageError::Forbidden);
    }
    let user = session::require(&app, &visitor).await?;
    // A declared length too large for a number is too large for us as well.
    let too_long = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.parse::<usize>().map_or(true, |length| length > MAX_SCAN));
    if too_long {
        return Err(PageError::TooLarge);
    }
    let upload = match Multipart::from_request(request, &app).await {
        Ok(form) => read(form).await,
        Err(_) => Err(Unread::Unreadable),
    };
    let s = StaffMessages::of(visitor.staff_lang());
    let refusal = match &upload {
        Err(Unread::TooLarge) => return Err(PageError::TooLarge),
        Err(Unread::Unreadable) => Some(s.ref_scan_unreadable),
        Ok(u) if u.bytes.is_empty() => Some(s.ref_scan_missing),
        Ok(u) if sniff(&u.bytes).is_none() => Some(s.ref_scan_type),
        Ok(_) => None,
    };
    let upload = match (upload, refusal) {
        (Ok(upload), None) => upload,
        (_, refusal) => {
            let loaded = load(&app, &user, id, "body").await?;
            let reply = ReplyState {
                refusal,
                ..ReplyState::default()
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render(&app, &visitor, user, loaded, reply, None, status).await;
        }
    };
    let scan = NewScan {
        inquiry_id: id,
        filename: clean_name(&upload.filename),
        // What the bytes are, not what the browser said they were.
        content_type: sniff(&upload.bytes)
            .unwrap_or("application/octet-stream")
            .to_owned(),
        bytes: upload.bytes,
        uploaded_at: app.now(),
        uploaded_by: user.username.clone(),
    };
    app.store.add_scan(scan).await?;
    Ok(see_other(&Notice::ScanAdded.location(id), &[]))
}

/// The scan, after the view is logged.
pub(crate) async fn open<S: Store + ScanStore>(
    State(app): State<AppState<S>>,
    Path((id, scan_id)): Path<(i64, i64)>,
    visitor: Visitor,
) -> Result<Response, PageError> {
    let user = session::require(&app, &visitor).await?;
    let (info, bytes) = match app.store.scan(scan_id).await {
        Ok((info, bytes)) if info.inquiry_id == id => (info, bytes),
        Ok(_) | Err(StoreError::NotFound) => return Err(PageError::NotFound),
        Err(e) => return Err(PageError::internal(e)),
    };
    app.store
        .log_access(&user.username, id, "scan", app.now())
        .await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&info.content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{}\"", info.filename)) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}
