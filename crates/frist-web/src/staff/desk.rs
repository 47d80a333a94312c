//! `/skranke`, the front desk: register a phone message or a visit in a few fields, and find the
//! same person's earlier inquiries by phone number, e-mail address or name.
//!
//! A registration carries a one-time submission id from the page it was typed on, stored as the
//! inquiry's external id: posting the same form twice (a double click, a reload) makes one
//! inquiry.

use super::inquiry::Notice;
use super::words::desk::DeskWords;
use super::{StaffChrome, see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::fields::{Choice, FieldErrors};
use crate::pages::form::{KINDS, kind_label};
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::paths;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_core::cpr::mask;
use frist_core::{Event, EventKind, NewInquiry, Sender};
use frist_policy::{Addressee, Channel, InquiryKind, Policy};
use frist_store::{InquirySummary, SenderQuery, Store, StoreError, Unit, User};
use serde::Deserialize;

const RESULTS: u32 = 20;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DeskQuery {
    q: String,
    registreret: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct DeskForm {
    csrf: String,
    submission: String,
    how: String,
    name: String,
    phone: String,
    email: String,
    /// Where a letter reaches the sender, one line each; asked so that an answer by letter
    /// can be sent.
    postal_address: String,
    subject: String,
    body: String,
    unit: String,
    kind: String,
    /// One of the policy's case types, or empty for none.
    case_type: String,
    handled: Option<String>,
}

impl csrf::Protected for DeskForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[derive(Debug)]
struct Found {
    id: i64,
    reference: String,
    received: String,
    subject: String,
    channel: &'static str,
    state: &'static str,
}

#[derive(Debug, Template)]
#[template(path = "desk.html")]
struct DeskPage {
    chrome: StaffChrome,
    w: &'static DeskWords,
    csrf: String,
    q: String,
    search_error: Option<&'static str>,
    found: Option<Vec<Found>>,
    found_text: String,
    registered: Option<(i64, String)>,
    form: DeskForm,
    errors: FieldErrors,
    units: Vec<Choice>,
    kinds: Vec<Choice>,
    /// The policy's case types after "none"; empty when the policy has none.
    case_types: Vec<Choice>,
}

/// A fresh form: a phone message (the most common case) with a new submission id.
fn blank_form() -> DeskForm {
    DeskForm {
        submission: csrf::new_token(),
        how: "phone".into(),
        kind: "general_question".into(),
        ..DeskForm::default()
    }
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<DeskQuery>,
) -> Result<Response, PageError> {
    let user = session::require(&app, &visitor).await?;
    let registered = match query.registreret {
        Some(id) => match app.store.get_inquiry(id).await {
            Ok(stored) => Some((id, stored.inquiry.reference.to_string())),
            Err(StoreError::NotFound) => None,
            Err(e) => return Err(PageError::internal(e)),
        },
        None => None,
    };
    let mut form = blank_form();
    let w = DeskWords::of(visitor.staff_lang());
    let mut search_error = None;
    let mut found = None;
    if !query.q.trim().is_empty() {
        match SenderQuery::parse(&query.q) {
            None => search_error = Some(w.search_too_short),
            Some(sender) => match app.store.find_by_sender(&sender, RESULTS).await {
                Ok(items) => {
                    // What was searched for is likely what the next registration needs.
                    match &sender {
                        SenderQuery::Phone(_) => form.phone = query.q.trim().to_owned(),
                        SenderQuery::Email(key) => form.email = key.clone(),
                        SenderQuery::NamePrefix(_) => {}
                    }
                    if let Some(name) = items.first().and_then(|i| i.sender_name.clone()) {
                        form.name = name;
                    }
                    found = Some(items);
                }
                Err(e) => return Err(PageError::internal(e)),
            },
        }
    }
    render(
        &app,
        &visitor,
        &user,
        Rendered {
            q: query.q,
            search_error,
            found,
            registered,
            form,
            errors: FieldErrors::default(),
        },
        StatusCode::OK,
    )
    .await
}

/// What varies between the page's uses.
#[derive(Debug)]
struct Rendered {
    q: String,
    search_error: Option<&'static str>,
    found: Option<Vec<InquirySummary>>,
    registered: Option<(i64, String)>,
    form: DeskForm,
    errors: FieldErrors,
}

async fn render<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: &User,
    r: Rendered,
    status: StatusCode,
) -> Result<Response, PageError> {
    let units = app.store.units().await?;
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let w = DeskWords::of(visitor.staff_lang());
    let s = super::StaffMessages::of(visitor.staff_lang());
    let t = visitor.staff_t();
    let found_text = r
        .found
        .as_ref()
        .map(|f| w.found(i64::try_from(f.len()).unwrap_or(i64::MAX)))
        .unwrap_or_default();
    let found = r.found.map(|items| {
        items
            .into_iter()
            .map(|i| Found {
                id: i.id,
                reference: i.reference.to_string(),
                received: t.date(
                    i.received_at
                        .to_zoned(frist_policy::COPENHAGEN.clone())
                        .date(),
                ),
                subject: mask(&i.subject),
                channel: i.channel.label(visitor.staff_lang()),
                state: super::inquiry::state_label(s, i.state),
            })
            .collect()
    });
    let page = DeskPage {
        chrome: StaffChrome::new(visitor, &app.policy.policy, Some(user), &token),
        w,
        csrf: token.clone(),
        q: r.q,
        search_error: r.search_error,
        found,
        found_text,
        registered: r.registered,
        units: std::iter::once(Choice {
            value: String::new(),
            label: w.unit_none.into(),
            selected: r.form.unit.is_empty(),
        })
        .chain(units.iter().map(|u| Choice {
            value: u.id.clone(),
            label: u.name.clone(),
            selected: u.id == r.form.unit,
        }))
        .collect(),
        kinds: KINDS
            .iter()
            .map(|(value, _)| Choice {
                value: (*value).into(),
                label: kind_label(t, value).into(),
                selected: *value == r.form.kind,
            })
            .collect(),
        case_types: case_type_choices(&app.policy.policy, w, &r.form.case_type),
        form: r.form,
        errors: r.errors,
    };
    Ok(respond(
        visitor,
        status,
        &page,
        fresh.then_some(token.as_str()),
    ))
}

/// The case type field's choices: none, then the policy's; nothing when it has none.
fn case_type_choices(policy: &Policy, w: &DeskWords, chosen: &str) -> Vec<Choice> {
    if policy.case_types.is_empty() {
        return Vec::new();
    }
    std::iter::once(Choice {
        value: String::new(),
        label: w.case_type_none.into(),
        selected: chosen.is_empty(),
    })
    .chain(policy.case_types.iter().map(|c| Choice {
        value: c.id.clone(),
        label: c.name.clone(),
        selected: c.id == chosen,
    }))
    .collect()
}

/// The inquiry the form describes, or what is wrong with it.
fn parse(
    form: &DeskForm,
    units: &[Unit],
    policy: &Policy,
    w: &DeskWords,
    now: jiff::Timestamp,
) -> Result<NewInquiry, FieldErrors> {
    let mut errors = FieldErrors::default();
    let channel = match form.how.as_str() {
        "phone" => Some(Channel::Phone),
        "visit" => Some(Channel::InPerson),
        "letter" => Some(Channel::Letter),
        _ => {
            errors.push("how-phone", w.err_how);
            None
        }
    };
    if form.subject.trim().is_empty() {
        errors.push("subject", w.err_subject);
    }
    let phone = frist_core::phone_key(&form.phone);
    let handled = form.handled.is_some();
    if channel == Some(Channel::Phone) && !handled && phone.is_none() {
        errors.push("phone", w.err_phone);
    }
    let unit = match form.unit.trim() {
        "" => None,
        id => match units.iter().find(|u| u.id == id) {
            Some(u) => Some(u.id.clone()),
            None => {
                errors.push("unit", w.err_unit);
                None
            }
        },
    };
    let kind: Option<InquiryKind> = KINDS
        .iter()
        .find(|(value, _)| *value == form.kind)
        .map(|(_, k)| *k);
    if kind.is_none() {
        errors.push("kind", w.err_kind);
    }
    let case_type = match form.case_type.trim() {
        "" => None,
        id => match policy.case_type(id) {
            Some(c) => Some(c.id.clone()),
            None => {
                errors.push("case_type", w.err_case_type);
                None
            }
        },
    };
    let (Some(channel), Some(kind), true) = (channel, kind, errors.is_empty()) else {
        return Err(errors);
    };
    let text = |v: &str| (!v.trim().is_empty()).then(|| v.trim().to_owned());
    // The submission id is ours only if it has our shape; anything else registers without one.
    let external_id =
        csrf::well_formed(&form.submission).then(|| format!("desk:{}", form.submission));
    Ok(NewInquiry {
        channel,
        to: if unit.is_some() {
            Addressee::Department
        } else {
            Addressee::General
        },
        unit,
        caseworker: None,
        kind,
        case_type,
        received_at: now,
        sender: Sender {
            name: text(&form.name),
            phone: text(&form.phone),
            email: text(&form.email),
            postal_address: text(&form.postal_address),
            ..Sender::default()
        },
        language: None,
        subject: form.subject.trim().to_owned(),
        body: form.body.trim().to_owned(),
        attachments: Vec::new(),
        external_id,
    })
}

pub(crate) async fn submit<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<DeskForm>, FormRejection>,
) -> Result<Response, PageError> {
    let (form, user) = session::form_post(&app, &visitor, form, &[]).await?;
    let units = app.store.units().await?;
    let w = DeskWords::of(visitor.staff_lang());
    let now = app.now();
    let new = match parse(&form, &units, &app.policy.policy, w, now) {
        Ok(new) => new,
        Err(errors) => {
            let rendered = Rendered {
                q: String::new(),
                search_error: None,
                found: None,
                registered: None,
                form,
                errors,
            };
            return render(
                &app,
                &visitor,
                &user,
                rendered,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let channel = new.channel;
    let created = app.store.create_inquiry(new, &app.policy).await?;
    let id = created.stored.id;
    if created.created && form.handled.is_some() {
        let kind = if channel == Channel::Phone {
            EventKind::CallbackCompleted {
                summary: Some(w.handled_note.into()),
            }
        } else {
            EventKind::Note {
                text: w.handled_note.into(),
                visible_to_citizen: false,
            }
        };
        let event = Event {
            at: now,
            actor: Some(user.username.clone()),
            kind,
        };
        app.store.append_event(id, event).await?;
    }
    if channel == Channel::Letter {
        // The scan comes next, on the inquiry's page.
        let page = Notice::LetterRegistered.location(id);
        return Ok(see_other(&format!("{page}#scanning"), &[]));
    }
    Ok(see_other(&format!("{}?registreret={id}", paths::DESK), &[]))
}
