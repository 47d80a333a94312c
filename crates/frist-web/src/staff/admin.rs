//! `/admin` (administrators only): departments with their mailbox and phone, staff accounts
//! with their directory entry, a link to the message templates (`admin_templates.rs`), and the
//! policy in force as read-only text.

use super::words::admin::AdminWords;
use super::{StaffChrome, see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::fields::FieldErrors;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::password::hash_password;
use crate::paths;
use crate::state::AppState;
use askama::Template;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_store::{Caseworker, Role, Store, StoreError, Unit, User};
use serde::Deserialize;

/// The shortest first password an administrator may set.
const MIN_PASSWORD: usize = 12;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct AdminQuery {
    gemt: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct UnitForm {
    csrf: String,
    id: String,
    name: String,
    email: String,
    phone: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct StaffForm {
    csrf: String,
    username: String,
    name: String,
    role: String,
    unit: String,
    email: String,
    phone: String,
    password: String,
}

impl csrf::Protected for UnitForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

impl csrf::Protected for StaffForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[derive(Debug)]
struct StaffRow {
    username: String,
    name: String,
    role: &'static str,
    unit: String,
    email: String,
    phone: String,
}

#[derive(Debug, Template)]
#[template(path = "admin.html")]
struct AdminPage {
    chrome: StaffChrome,
    w: &'static AdminWords,
    /// The link to the message templates.
    tw: &'static super::words::templates::TemplateWords,
    csrf: String,
    notice: Option<&'static str>,
    units: Vec<Unit>,
    staff: Vec<StaffRow>,
    roles: [(&'static str, &'static str); 3],
    unit_form: UnitForm,
    staff_form: StaffForm,
    errors: FieldErrors,
    policy_name: String,
    policy_text: String,
}

fn role_label(w: &AdminWords, role: Role) -> &'static str {
    match role {
        Role::Caseworker => w.role_caseworker,
        Role::Lead => w.role_lead,
        Role::Admin => w.role_admin,
    }
}

fn parse_role(s: &str) -> Option<Role> {
    match s {
        "caseworker" => Some(Role::Caseworker),
        "lead" => Some(Role::Lead),
        "admin" => Some(Role::Admin),
        _ => None,
    }
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<AdminQuery>,
) -> Result<Response, PageError> {
    let user = session::require_role(&app, &visitor, &[Role::Admin]).await?;
    let w = AdminWords::of(visitor.staff_lang());
    let notice = match query.gemt.as_str() {
        "afdeling" => Some(w.unit_saved),
        "medarbejder" => Some(w.staff_saved),
        _ => None,
    };
    let forms = (UnitForm::default(), StaffForm::default());
    render(
        &app,
        &visitor,
        &user,
        forms,
        FieldErrors::default(),
        notice,
        StatusCode::OK,
    )
    .await
}

async fn render<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: &User,
    (unit_form, mut staff_form): (UnitForm, StaffForm),
    errors: FieldErrors,
    notice: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let store = &app.store;
    let (units, users, caseworkers, policy_text) = tokio::try_join!(
        store.units(),
        store.users(),
        store.caseworkers(),
        store.policy_text(app.policy.id),
    )?;
    let w = AdminWords::of(visitor.staff_lang());
    let staff = users
        .iter()
        .map(|u| {
            let entry = caseworkers.iter().find(|c| c.id == u.username);
            let unit = entry.and_then(|c| c.unit.as_ref()).map(|id| {
                units
                    .iter()
                    .find(|x| &x.id == id)
                    .map_or_else(|| id.clone(), |x| x.name.clone())
            });
            StaffRow {
                username: u.username.clone(),
                name: entry.map(|c| c.name.clone()).unwrap_or_default(),
                role: role_label(w, u.role),
                unit: unit.unwrap_or_default(),
                email: entry.and_then(|c| c.email.clone()).unwrap_or_default(),
                phone: entry.and_then(|c| c.phone.clone()).unwrap_or_default(),
            }
        })
        .collect();
    // A password is never sent back to the browser, not even after a mistake.
    staff_form.password.clear();
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = AdminPage {
        chrome: StaffChrome::new(visitor, &app.policy.policy, Some(user), &token),
        w,
        tw: super::words::templates::TemplateWords::of(visitor.staff_lang()),
        csrf: token.clone(),
        notice,
        units,
        staff,
        roles: [
            ("caseworker", w.role_caseworker),
            ("lead", w.role_lead),
            ("admin", w.role_admin),
        ],
        unit_form,
        staff_form,
        errors,
        policy_name: app.policy.policy.municipality.name.clone(),
        policy_text,
    };
    Ok(respond(
        visitor,
        status,
        &page,
        fresh.then_some(token.as_str()),
    ))
}

fn is_unit_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 60
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn optional(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

pub(crate) async fn save_unit<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<UnitForm>, FormRejection>,
) -> Result<Response, PageError> {
    let (form, user) = session::form_post(&app, &visitor, form, &[Role::Admin]).await?;
    let w = AdminWords::of(visitor.staff_lang());
    let mut errors = FieldErrors::default();
    if !is_unit_id(form.id.trim()) {
        errors.push("unit-id", w.err_unit_id);
    }
    if form.name.trim().is_empty() {
        errors.push("unit-name", w.err_name);
    }
    if !errors.is_empty() {
        let forms = (form, StaffForm::default());
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(&app, &visitor, &user, forms, errors, None, status).await;
    }
    let unit = Unit {
        id: form.id.trim().to_owned(),
        name: form.name.trim().to_owned(),
        email: optional(&form.email),
        phone: optional(&form.phone),
    };
    app.store.put_unit(unit).await?;
    Ok(see_other(&format!("{}?gemt=afdeling", paths::ADMIN), &[]))
}

pub(crate) async fn save_staff<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<StaffForm>, FormRejection>,
) -> Result<Response, PageError> {
    let (form, user) = session::form_post(&app, &visitor, form, &[Role::Admin]).await?;
    let w = AdminWords::of(visitor.staff_lang());
    let units = app.store.units().await?;
    let mut errors = FieldErrors::default();
    let username = form.username.trim();
    if !super::is_username(username) {
        errors.push("username", w.err_username);
    }
    if form.name.trim().is_empty() {
        errors.push("staff-name", w.err_name);
    }
    let role = parse_role(&form.role);
    if role.is_none() {
        errors.push("role", w.err_role);
    }
    let unit = optional(&form.unit);
    if unit
        .as_ref()
        .is_some_and(|id| !units.iter().any(|u| &u.id == id))
    {
        errors.push("staff-unit", w.err_unit);
    }
    if form.password.chars().count() < MIN_PASSWORD {
        errors.push("password", w.err_password);
    }
    let (Some(role), true) = (role, errors.is_empty()) else {
        let forms = (UnitForm::default(), form);
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(&app, &visitor, &user, forms, errors, None, status).await;
    };
    let hash = hash_password(&form.password).map_err(PageError::internal)?;
    let account = User {
        username: username.to_owned(),
        role,
        password_hash: hash,
        created_at: app.now(),
    };
    match app.store.create_user(&account).await {
        Ok(()) => {}
        Err(StoreError::Conflict(_)) => {
            let mut errors = FieldErrors::default();
            errors.push("username", w.err_username_taken);
            let forms = (UnitForm::default(), form);
            let status = StatusCode::CONFLICT;
            return render(&app, &visitor, &user, forms, errors, None, status).await;
        }
        Err(e) => return Err(PageError::internal(e)),
    }
    let entry = Caseworker {
        id: username.to_owned(),
        name: form.name.trim().to_owned(),
        unit,
        email: optional(&form.email),
        phone: optional(&form.phone),
        absent: None,
    };
    app.store.put_caseworker(entry).await?;
    tracing::info!(by = %user.username, username = %username, "a staff account was created");
    Ok(see_other(
        &format!("{}?gemt=medarbejder", paths::ADMIN),
        &[],
    ))
}
