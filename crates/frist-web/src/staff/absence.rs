//! `/fravaer`: mark yourself or a colleague absent until a date, with a substitute; end an
//! absence. Any member of staff may do it: a team covers for each other, and the lead is not
//! always in when someone calls in sick.

use super::words::absence::AbsenceWords;
use super::{StaffChrome, see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::fields::{Choice, FieldErrors};
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
use frist_calendar::Date;
use frist_policy::COPENHAGEN;
use frist_store::{Absence, Caseworker, Store, User};
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct AbsenceQuery {
    gemt: Option<String>,
    afsluttet: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct AbsenceForm {
    csrf: String,
    who: String,
    until: String,
    substitute: String,
}

impl csrf::Protected for AbsenceForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[derive(Debug)]
struct Absent {
    id: String,
    name: String,
    until: String,
    substitute: String,
}

#[derive(Debug, Template)]
#[template(path = "absence.html")]
struct AbsencePage {
    chrome: StaffChrome,
    w: &'static AbsenceWords,
    csrf: String,
    notice: Option<&'static str>,
    errors: FieldErrors,
    who: Vec<Choice>,
    substitutes: Vec<Choice>,
    until: String,
    absent: Vec<Absent>,
}

/// Everyone who can be absent: the directory, and the signed-in user even without an entry.
fn people(caseworkers: &[Caseworker], user: &User) -> Vec<(String, String)> {
    let mut people: Vec<(String, String)> = caseworkers
        .iter()
        .map(|c| (c.id.clone(), c.name.clone()))
        .collect();
    if !people.iter().any(|(id, _)| *id == user.username) {
        people.push((user.username.clone(), user.username.clone()));
    }
    people.sort_by(|a, b| a.1.cmp(&b.1));
    people
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<AbsenceQuery>,
) -> Result<Response, PageError> {
    let user = session::require(&app, &visitor).await?;
    let w = AbsenceWords::of(visitor.staff_lang());
    let notice = if query.gemt.is_some() {
        Some(w.saved)
    } else if query.afsluttet.is_some() {
        Some(w.ended)
    } else {
        None
    };
    let form = AbsenceForm {
        who: user.username.clone(),
        ..AbsenceForm::default()
    };
    render(
        &app,
        &visitor,
        &user,
        form,
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
    form: AbsenceForm,
    errors: FieldErrors,
    notice: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let caseworkers = app.store.caseworkers().await?;
    let w = AbsenceWords::of(visitor.staff_lang());
    let t = visitor.staff_t();
    let today = app.now().to_zoned(COPENHAGEN.clone()).date();
    let people = people(&caseworkers, user);
    let name_of = |id: &str| {
        people
            .iter()
            .find(|(p, _)| p == id)
            .map_or_else(|| id.to_owned(), |(_, n)| n.clone())
    };
    let who = people
        .iter()
        .map(|(id, name)| Choice {
            value: id.clone(),
            label: if *id == user.username {
                format!("{name} ({})", w.me)
            } else {
                name.clone()
            },
            selected: *id == form.who,
        })
        .collect();
    let substitutes = std::iter::once(Choice {
        value: String::new(),
        label: w.no_substitute.into(),
        selected: form.substitute.is_empty(),
    })
    .chain(people.iter().map(|(id, name)| Choice {
        value: id.clone(),
        label: name.clone(),
        selected: *id == form.substitute,
    }))
    .collect();
    let mut absent: Vec<Absent> = caseworkers
        .iter()
        .filter_map(|c| {
            let a = c.absent.as_ref().filter(|a| a.until >= today)?;
            Some(Absent {
                id: c.id.clone(),
                name: c.name.clone(),
                until: t.date(a.until),
                substitute: a.substitute.as_deref().map(name_of).unwrap_or_default(),
            })
        })
        .collect();
    absent.sort_by(|a, b| a.name.cmp(&b.name));
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = AbsencePage {
        chrome: StaffChrome::new(visitor, &app.policy.policy, Some(user), &token),
        w,
        csrf: token.clone(),
        notice,
        errors,
        who,
        substitutes,
        until: form.until,
        absent,
    };
    Ok(respond(
        visitor,
        status,
        &page,
        fresh.then_some(token.as_str()),
    ))
}

/// The absence the form describes for one of `people`, or what is wrong.
fn parse(
    form: &AbsenceForm,
    people: &[(String, String)],
    today: Date,
    w: &AbsenceWords,
) -> Result<(String, Absence), FieldErrors> {
    let mut errors = FieldErrors::default();
    let known = |id: &str| people.iter().any(|(p, _)| p == id);
    if !known(&form.who) {
        errors.push("who", w.err_who);
    }
    let until = match form.until.trim().parse::<Date>() {
        Ok(d) if d < today => {
            errors.push("until", w.err_until_past);
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            errors.push("until", w.err_until);
            None
        }
    };
    let substitute = match form.substitute.as_str() {
        "" => None,
        id if id == form.who => {
            errors.push("substitute", w.err_substitute_self);
            None
        }
        id if known(id) => Some(id.to_owned()),
        _ => {
            errors.push("substitute", w.err_substitute);
            None
        }
    };
    match (until, errors.is_empty()) {
        (Some(until), true) => Ok((form.who.clone(), Absence { until, substitute })),
        _ => Err(errors),
    }
}

/// The directory entry for `id`, created from the account when there is none yet.
fn entry(caseworkers: &[Caseworker], id: &str) -> Caseworker {
    caseworkers
        .iter()
        .find(|c| c.id == id)
        .cloned()
        .unwrap_or_else(|| Caseworker {
            id: id.to_owned(),
            name: id.to_owned(),
            unit: None,
            email: None,
            phone: None,
            absent: None,
        })
}

pub(crate) async fn submit<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<AbsenceForm>, FormRejection>,
) -> Result<Response, PageError> {
    let (form, user) = session::form_post(&app, &visitor, form, &[]).await?;
    let caseworkers = app.store.caseworkers().await?;
    let today = app.now().to_zoned(COPENHAGEN.clone()).date();
    let w = AbsenceWords::of(visitor.staff_lang());
    let (who, absence) = match parse(&form, &people(&caseworkers, &user), today, w) {
        Ok(parsed) => parsed,
        Err(errors) => {
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return render(&app, &visitor, &user, form, errors, None, status).await;
        }
    };
    let mut caseworker = entry(&caseworkers, &who);
    caseworker.absent = Some(absence);
    app.store.put_caseworker(caseworker).await?;
    tracing::info!(by = %user.username, caseworker = %who, "an absence was reported");
    Ok(see_other(&format!("{}?gemt=1", paths::ABSENCE), &[]))
}

pub(crate) async fn end<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<AbsenceForm>, FormRejection>,
) -> Result<Response, PageError> {
    let (form, user) = session::form_post(&app, &visitor, form, &[]).await?;
    let caseworkers = app.store.caseworkers().await?;
    if let Some(c) = caseworkers.iter().find(|c| c.id == form.who) {
        let mut c = c.clone();
        c.absent = None;
        app.store.put_caseworker(c).await?;
        tracing::info!(by = %user.username, caseworker = %form.who, "an absence was ended");
    }
    Ok(see_other(&format!("{}?afsluttet=1", paths::ABSENCE), &[]))
}
