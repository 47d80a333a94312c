//! "Skriv til kommunen": the self-service form, its validation, and the receipt.
//!
//! A valid post becomes an inquiry on the `web_form` channel under the policy in force, and a
//! status link whose token is shown once on the receipt; only the token's hash is stored. When
//! the citizen gave an e-mail address, the same link goes out in a confirmation e-mail (queued
//! in the outbox, so the receipt says it is on its way, never that it was sent). The receipt
//! says when to expect an answer. An invalid post shows the form again with everything typed
//! kept and each problem named at its field.

use super::csrf;
use super::i18n::Messages;
use super::layout::{Chrome, respond};
use super::link_mail::{LinkMail, link_mail};
use super::link_words::LinkWords;
use super::status::new_status_link;
use super::visitor::Visitor;
use crate::page_error::PageError;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::extract::rejection::FormRejection;
use axum::http::StatusCode;
use axum::response::Response;
use frist_core::cpr::Cpr;
use frist_core::{MessageKind, NewInquiry, Sender};
use frist_policy::{Addressee, Channel, InquiryKind};
use frist_store::{OutboxStore, Store, StoreError, StoredInquiry, Unit};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// What the form sends; every field may be missing or empty.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct WriteForm {
    csrf: String,
    unit: String,
    kind: String,
    subject: String,
    message: String,
    name: String,
    email: String,
    phone: String,
    cpr: String,
}

/// One problem, at one field (the field's `id`, which the summary links to).
#[derive(Debug, Clone)]
pub(crate) struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

/// An option of a `<select>`.
#[derive(Debug)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Debug, Template)]
#[template(path = "write.html")]
struct WritePage {
    chrome: Chrome,
    csrf: String,
    form: WriteForm,
    units: Vec<Choice>,
    kinds: Vec<Choice>,
    errors: Vec<FieldError>,
}

impl WritePage {
    fn error(&self, field: &str) -> Option<&'static str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message)
    }

    /// The ids an input is described by: its hint (if any) and its error (if any).
    fn described_by(&self, field: &str, hint: Option<&str>) -> String {
        let mut ids: Vec<String> = hint.map(str::to_owned).into_iter().collect();
        if self.error(field).is_some() {
            ids.push(format!("{field}-error"));
        }
        ids.join(" ")
    }
}

#[derive(Debug, Template)]
#[template(path = "receipt.html")]
struct ReceiptPage {
    chrome: Chrome,
    reference: String,
    status_href: String,
    status_text: String,
    /// "Du kan forvente svar senest …", when the policy sets a deadline.
    expected: Option<String>,
    /// "Vi sender også linket til …", only when the confirmation e-mail is in the outbox and
    /// e-mail has a delivery.
    emailed: Option<String>,
}

pub(crate) const KINDS: [(&str, InquiryKind); 5] = [
    ("general_question", InquiryKind::GeneralQuestion),
    ("application", InquiryKind::Application),
    ("complaint", InquiryKind::Complaint),
    ("information", InquiryKind::Information),
    ("other", InquiryKind::Other),
];

pub(crate) fn kind_label(t: &Messages, value: &str) -> &'static str {
    match value {
        "application" => t.kind_application,
        "complaint" => t.kind_complaint,
        "information" => t.kind_information,
        "other" => t.kind_other,
        _ => t.kind_general_question,
    }
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
) -> Result<Response, PageError> {
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let form = WriteForm {
        kind: "general_question".into(),
        ..WriteForm::default()
    };
    render_form(
        &app,
        &visitor,
        token,
        fresh,
        form,
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn submit<S: Store + OutboxStore>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<WriteForm>, FormRejection>,
) -> Result<Response, PageError> {
    let policy = &app.policy.policy;
    // Before anything else: a post that did not come from our own form changes nothing.
    let form = csrf::checked(&visitor, form)?;
    let units = match app.store.units().await {
        Ok(units) => units,
        Err(e) => {
            return Err(PageError::internal(format_args!(
                "units could not be read for the form: {}",
                e
            )));
        }
    };
    let t = visitor.t();
    let (mut new, errors) = validate(&form, &units, t);
    if !errors.is_empty() {
        let token = form.csrf.clone();
        return render_form(
            &app,
            &visitor,
            token,
            false,
            form,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    new.received_at = app.now();
    new.language = Some(t.code.to_owned());
    // A second post of the same form (a double click, a reload of the receipt) finds the
    // inquiry already stored instead of making another.
    new.external_id = Some(submission_id(&form));
    let created = match app.store.create_inquiry(new, &app.policy).await {
        Ok(created) => created,
        Err(e) => {
            return Err(PageError::internal(format_args!(
                "a form inquiry could not be stored: {}",
                e
            )));
        }
    };
    let (stored, now) = (created.stored, app.now());
    let confirmed = match (created.created, &stored.inquiry.received.sender.email) {
        (true, Some(_)) => match confirm(&app, &stored, now).await {
            Ok(token) => Some(token),
            Err(e) => {
                // The inquiry is stored: the receipt still shows its link, and says no e-mail.
                tracing::error!(error = %e, "the confirmation e-mail could not be queued");
                None
            }
        },
        // No address, or a second post of the same form, whose e-mail went the first time.
        _ => None,
    };
    let queued = confirmed.is_some();
    let token = match confirmed {
        Some(token) => token,
        None => new_status_link(app.store.as_ref(), stored.id, now)
            .await
            .map_err(|e| {
                PageError::internal(format_args!("a status link could not be stored: {e}"))
            })?,
    };
    let emailed = queued || (!created.created && confirmation_queued(&app, stored.id).await?);
    let words = LinkWords::of(visitor.lang);
    let status_href = crate::paths::status(&token);
    let page = ReceiptPage {
        chrome: Chrome::new(&visitor, policy),
        reference: stored.inquiry.reference.to_string(),
        status_text: app.public_url.status_link(&token),
        status_href,
        expected: stored
            .inquiry
            .expected_answer_date()
            .map(|d| words.receipt_expected.replace("{date}", &t.date(d))),
        emailed: stored
            .inquiry
            .received
            .sender
            .email
            .as_deref()
            .filter(|_| emailed && app.outbox.delivering.contains(&Channel::Email))
            .map(|email| words.receipt_email.replace("{email}", email)),
    };
    Ok(respond(&visitor, StatusCode::OK, &page, None))
}

/// Queues the confirmation e-mail with a new status link (stored with it, in one
/// transaction); returns the link's token.
async fn confirm<S: Store + OutboxStore>(
    app: &AppState<S>,
    stored: &StoredInquiry,
    now: jiff::Timestamp,
) -> Result<String, StoreError> {
    let item = link_mail(app, stored.id, &stored.inquiry, LinkMail::Confirmation, now)
        .map_err(|e| StoreError::Other(e.to_string()))?;
    let token = item
        .status_token
        .clone()
        .ok_or_else(|| StoreError::Other("a confirmation without a status link".into()))?;
    app.store.enqueue(item).await?;
    app.outbox.wake.notify_one();
    Ok(token)
}

/// Whether the inquiry's confirmation e-mail is in the outbox (queued by an earlier post of
/// the same form).
async fn confirmation_queued<S: Store + OutboxStore>(
    app: &AppState<S>,
    id: frist_store::InquiryId,
) -> Result<bool, PageError> {
    let outbox = app
        .store
        .outbox_for_inquiry(id)
        .await
        .map_err(|e| PageError::internal(format_args!("the outbox could not be read: {e}")))?;
    Ok(outbox
        .iter()
        .any(|o| o.kind == MessageKind::StatusLink && o.channel == Channel::Email))
}

async fn render_form<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    csrf: String,
    fresh: bool,
    form: WriteForm,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let policy = &app.policy.policy;
    let units = match app.store.units().await {
        Ok(units) => units,
        Err(e) => {
            return Err(PageError::internal(format_args!(
                "units could not be read for the form: {}",
                e
            )));
        }
    };
    let t = visitor.t();
    let units = units
        .into_iter()
        .map(|u| Choice {
            selected: u.id == form.unit,
            value: u.id,
            label: u.name,
        })
        .collect();
    let kinds = KINDS
        .iter()
        .map(|(value, _)| Choice {
            value: (*value).to_owned(),
            label: kind_label(t, value).to_owned(),
            selected: *value == form.kind,
        })
        .collect();
    let page = WritePage {
        chrome: Chrome::new(visitor, policy),
        csrf: csrf.clone(),
        form,
        units,
        kinds,
        errors,
    };
    Ok(respond(
        visitor,
        status,
        &page,
        fresh.then_some(csrf.as_str()),
    ))
}

/// Checks the form: the inquiry it describes (to store only when there are no problems; its
/// time and id are set by the caller) and the problems, in the form's order.
fn validate(
    form: &WriteForm,
    units: &[Unit],
    t: &'static Messages,
) -> (NewInquiry, Vec<FieldError>) {
    let mut errors = Vec::new();
    let mut problem = |field: &'static str, message: &'static str| {
        errors.push(FieldError { field, message });
    };
    let unit = form.unit.trim();
    if !unit.is_empty() && !units.iter().any(|u| u.id == unit) {
        problem("unit", t.err_unit_unknown);
    }
    let kind = KINDS
        .iter()
        .find(|(value, _)| *value == form.kind.trim())
        .map(|(_, kind)| *kind);
    if kind.is_none() && !form.kind.trim().is_empty() {
        problem("kind", t.err_kind_unknown);
    }
    let subject = form.subject.trim();
    if subject.is_empty() {
        problem("subject", t.err_subject_missing);
    } else if subject.chars().count() > 200 {
        problem("subject", t.err_subject_too_long);
    }
    let message = form.message.trim();
    if message.is_empty() {
        problem("message", t.err_message_missing);
    } else if message.chars().count() > 20_000 {
        problem("message", t.err_message_too_long);
    }
    let name = form.name.trim();
    if name.is_empty() {
        problem("name", t.err_name_missing);
    } else if name.chars().count() > 200 {
        problem("name", t.err_name_too_long);
    }
    let (email, phone) = (form.email.trim(), form.phone.trim());
    if email.is_empty() && phone.is_empty() {
        problem("email", t.err_contact_missing);
    }
    if !email.is_empty() && !plausible_email(email) {
        problem("email", t.err_email_invalid);
    }
    if !phone.is_empty() && !plausible_phone(phone) {
        problem("phone", t.err_phone_invalid);
    }
    let cpr = match form.cpr.trim() {
        "" => None,
        text => match Cpr::parse(text) {
            Ok(cpr) => Some(cpr),
            Err(_) => {
                problem("cpr", t.err_cpr_invalid);
                None
            }
        },
    };
    let non_empty = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    let new = NewInquiry {
        channel: Channel::WebForm,
        to: Addressee::General,
        unit: non_empty(unit),
        caseworker: None,
        kind: kind.unwrap_or(InquiryKind::GeneralQuestion),
        case_type: None,
        received_at: jiff::Timestamp::UNIX_EPOCH,
        sender: Sender {
            name: non_empty(name),
            cpr,
            email: non_empty(email),
            phone: non_empty(phone),
            ..Sender::default()
        },
        language: None,
        subject: subject.to_owned(),
        body: message.to_owned(),
        attachments: Vec::new(),
        external_id: None,
    };
    (new, errors)
}

pub(crate) fn plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    s.len() <= 254
        && !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !s.chars().any(char::is_whitespace)
        && !domain.contains('@')
}

fn plausible_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (8..=15).contains(&digits)
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
}

/// The same form posted twice (same browser token, same words) gets the same id.
fn submission_id(form: &WriteForm) -> String {
    let mut hash = Sha256::new();
    for part in [
        &form.csrf,
        &form.unit,
        &form.kind,
        &form.subject,
        &form.message,
        &form.name,
        &form.email,
        &form.phone,
        &form.cpr,
    ] {
        hash.update(part.as_bytes());
        hash.update([0]);
    }
    format!("form-{}", hex::encode(hash.finalize()))
}

impl csrf::Protected for WriteForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_are_checked_for_plausibility_only() {
        assert!(plausible_email("borger@example.dk"));
        assert!(!plausible_email("borger@example"));
        assert!(!plausible_email("borger example.dk"));
        assert!(plausible_phone("+45 12 34 56 78"));
        assert!(!plausible_phone("1234"));
        assert!(!plausible_phone("12345678x"));
    }
}
