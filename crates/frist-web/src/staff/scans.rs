//! Letters received on paper: the scan is uploaded on the inquiry page (`POST
//! /sager/{id}/scanning`, a multipart form) and kept exactly as uploaded; opening it
//! (`/sager/{id}/scanning/{scan}`) is logged in the access log first, like the message body.

use super::inquiry::{Notice, internal, load, render};
use super::reply::ReplyState;
use super::{StaffMessages, see_other, session};
use crate::pages::csrf;
use crate::pages::layout::{Failure, failure};
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::extract::{Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use frist_store::{MailStore, NewScan, OutboxStore, ScanStore, Store, StoreError};

/// The largest scan accepted: a multi-page colour scan as PDF.
pub(crate) const MAX_SCAN: usize = 20 * 1024 * 1024;

/// What a scan may be: the formats a scanner writes.
const TYPES: [&str; 4] = ["application/pdf", "image/jpeg", "image/png", "image/tiff"];

/// The form's fields, as read from the multipart body.
#[derive(Debug, Default)]
struct Upload {
    csrf: String,
    filename: String,
    content_type: String,
    bytes: Vec<u8>,
}

async fn read(mut form: Multipart) -> Result<Upload, ()> {
    let mut upload = Upload::default();
    while let Some(field) = form.next_field().await.map_err(|_| ())? {
        match field.name() {
            Some("csrf") => upload.csrf = field.text().await.map_err(|_| ())?,
            Some("scan") => {
                upload.filename = field.file_name().unwrap_or("scanning").to_owned();
                upload.content_type = field.content_type().unwrap_or_default().to_owned();
                upload.bytes = field.bytes().await.map_err(|_| ())?.to_vec();
            }
            _ => {}
        }
    }
    Ok(upload)
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

pub(crate) async fn upload<S: Store + OutboxStore + MailStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Multipart, axum::extract::multipart::MultipartRejection>,
) -> Response {
    let policy = &app.policy.policy;
    let upload = match form {
        Ok(form) => read(form).await,
        Err(_) => Err(()),
    };
    // The token first: a post that did not come from our own form changes nothing.
    let token = upload.as_ref().map(|u| u.csrf.as_str()).unwrap_or_default();
    if !csrf::verify(visitor.csrf_cookie.as_deref(), token) {
        return failure(&visitor, policy, Failure::Forbidden);
    }
    let user = match session::require(&app, &visitor).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let s = StaffMessages::of(visitor.lang);
    let refusal = match &upload {
        Err(()) => Some(s.ref_scan_unreadable),
        Ok(u) if u.bytes.is_empty() => Some(s.ref_scan_missing),
        Ok(u) if !TYPES.contains(&u.content_type.as_str()) => Some(s.ref_scan_type),
        Ok(_) => None,
    };
    if let Some(refusal) = refusal {
        let loaded = match load(&app, &visitor, &user, id, "body").await {
            Ok(loaded) => loaded,
            Err(response) => return response,
        };
        let reply = ReplyState {
            refusal: Some(refusal),
            ..ReplyState::default()
        };
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(&app, &visitor, user, loaded, reply, None, status).await;
    }
    let Ok(upload) = upload else {
        return failure(&visitor, policy, Failure::BadRequest);
    };
    let scan = NewScan {
        inquiry_id: id,
        filename: clean_name(&upload.filename),
        content_type: upload.content_type,
        bytes: upload.bytes,
        uploaded_at: app.now(),
        uploaded_by: user.username.clone(),
    };
    match app.store.add_scan(scan).await {
        Ok(_) => see_other(
            &format!("/sager/{id}?udfoert={}", Notice::ScanAdded.key()),
            &[],
        ),
        Err(StoreError::NotFound) => failure(&visitor, policy, Failure::NotFound),
        Err(e) => internal(&visitor, &app, &e),
    }
}

/// The scan, after the view is logged.
pub(crate) async fn open<S: Store + ScanStore>(
    State(app): State<AppState<S>>,
    Path((id, scan_id)): Path<(i64, i64)>,
    visitor: Visitor,
) -> Response {
    let policy = &app.policy.policy;
    let user = match session::require(&app, &visitor).await {
        Ok(user) => user,
        Err(response) => return response,
    };
    let (info, bytes) = match app.store.scan(scan_id).await {
        Ok((info, bytes)) if info.inquiry_id == id => (info, bytes),
        Ok(_) | Err(StoreError::NotFound) => return failure(&visitor, policy, Failure::NotFound),
        Err(e) => return internal(&visitor, &app, &e),
    };
    if let Err(e) = app
        .store
        .log_access(&user.username, id, "scan", app.now())
        .await
    {
        return internal(&visitor, &app, &e);
    }
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&info.content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if let Ok(v) = HeaderValue::from_str(&format!("inline; filename=\"{}\"", info.filename)) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    response
}
