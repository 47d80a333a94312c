//! `/admin/skabeloner` (administrators only): the message templates by kind, case type and
//! language, where each text comes from (standard, politik, redigeret), a form to edit one and
//! "gendan standard" to delete the edit.
//!
//! A text is checked before it is stored: an empty one, or one with a placeholder its kind does
//! not fill in, comes back in the form with the problem named, and nothing is stored.

use super::inquiry::labels::when;
use super::words::templates::TemplateWords;
use super::{StaffChrome, see_other, session};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::fields::FieldErrors;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::paths;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_i18n::Lang;
use frist_policy::{Template, TemplateError, TemplateKind, TemplateSource, check_body, resolve};
use frist_store::{Role, Store, User};
use view::{
    Cell, EditPage, Key, ListPage, Row, case_type_ref, edits, kind_label, placeholder_hints,
    source_label,
};

mod view;
use serde::Deserialize;

/// Which template: the list's query, the edit form's query and hidden fields.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct Which {
    kind: String,
    case_type: String,
    lang: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub(crate) struct TemplateForm {
    csrf: String,
    kind: String,
    case_type: String,
    lang: String,
    body: String,
}

impl csrf::Protected for TemplateForm {
    fn csrf(&self) -> &str {
        &self.csrf
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub(crate) struct ListQuery {
    gemt: String,
}

pub(crate) async fn list<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    let user = session::require_role(&app, &visitor, &[Role::Admin]).await?;
    let w = TemplateWords::of(visitor.staff_lang());
    let notice = match query.gemt.as_str() {
        "skabelon" => Some(w.saved),
        "gendannet" => Some(w.restored),
        _ => None,
    };
    let edited = edits(&app.store.templates().await?);
    let policy = &app.policy.policy;
    let case_types: Vec<Option<(&str, &str)>> = std::iter::once(None)
        .chain(
            policy
                .case_types
                .iter()
                .map(|c| Some((c.id.as_str(), c.name.as_str()))),
        )
        .collect();
    let mut rows = Vec::new();
    for kind in TemplateKind::ALL {
        for case_type in &case_types {
            let id = case_type.map(|(id, _)| id);
            let case_name = case_type.map_or(w.all_case_types, |(_, name)| name);
            let cells = Lang::ALL
                .into_iter()
                .map(|lang| {
                    let r = resolve(kind, id, lang, &edited, &policy.templates);
                    let inherited = id.is_some() && r.for_all_case_types;
                    Cell {
                        source: source_label(w, r.source, inherited),
                        edited: r.source == TemplateSource::Edited && !inherited,
                        href: paths::admin_template(kind.as_str(), id, lang.code()),
                        link_label: w
                            .edit_link
                            .replace("{kind}", kind_label(w, kind))
                            .replace("{case_type}", case_name)
                            .replace("{lang}", lang.native_name()),
                    }
                })
                .collect();
            rows.push(Row {
                kind: kind_label(w, kind),
                case_type: case_name.to_owned(),
                cells,
            });
        }
    }
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = ListPage {
        chrome: StaffChrome::new(&visitor, policy, Some(&user), &token),
        w,
        notice,
        langs: Lang::ALL.map(Lang::native_name).to_vec(),
        rows,
    };
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(token.as_str()),
    ))
}

pub(crate) async fn edit<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(which): Query<Which>,
) -> Result<Response, PageError> {
    let user = session::require_role(&app, &visitor, &[Role::Admin]).await?;
    let policy = &app.policy.policy;
    let key = Key::parse(&which.kind, &which.case_type, &which.lang, policy)
        .ok_or(PageError::NotFound)?;
    let form = (None, FieldErrors::default());
    render(&app, &visitor, &user, key, form, StatusCode::OK).await
}

/// The edit page for `key`: with `typed` (and its `errors`) after a refused save, else with
/// the text in use now.
async fn render<S: Store>(
    app: &AppState<S>,
    visitor: &Visitor,
    user: &User,
    key: Key<'_>,
    (typed, errors): (Option<String>, FieldErrors),
    status: StatusCode,
) -> Result<Response, PageError> {
    let w = TemplateWords::of(visitor.staff_lang());
    let stored = app.store.templates().await?;
    let edited = edits(&stored);
    let policy = &app.policy.policy;
    let r = resolve(
        key.kind,
        key.case_type,
        key.lang,
        &edited,
        &policy.templates,
    );
    let inherited = key.case_type.is_some() && r.for_all_case_types;
    let own = stored.iter().find(|t| {
        t.template.kind == key.kind
            && t.template.lang == key.lang
            && t.template.case_type.as_deref() == key.case_type
    });
    let changed = own.map(|t| {
        w.changed
            .replace("{by}", &t.changed_by)
            .replace("{when}", &when(visitor, t.changed_at))
    });
    let case_name = key
        .case_type
        .and_then(|id| policy.case_type(id))
        .map_or(w.all_case_types, |c| c.name.as_str());
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = EditPage {
        chrome: StaffChrome::new(visitor, policy, Some(user), &token),
        w,
        csrf: token.clone(),
        heading: format!(
            "{}: {}, {}",
            kind_label(w, key.kind),
            case_name,
            key.lang.native_name()
        ),
        source: source_label(w, r.source, inherited),
        changed,
        edited: own.is_some(),
        kind: key.kind.as_str(),
        case_type: case_type_ref(key.case_type).to_owned(),
        lang: key.lang.code(),
        body: typed.unwrap_or_else(|| r.body.into_owned()),
        placeholders: placeholder_hints(w, key.kind),
        errors,
    };
    Ok(respond(
        visitor,
        status,
        &page,
        fresh.then_some(token.as_str()),
    ))
}

pub(crate) async fn save<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<TemplateForm>, FormRejection>,
) -> Result<Response, PageError> {
    let (form, user) = session::form_post(&app, &visitor, form, &[Role::Admin]).await?;
    let policy = &app.policy.policy;
    let key =
        Key::parse(&form.kind, &form.case_type, &form.lang, policy).ok_or(PageError::BadRequest)?;
    let w = TemplateWords::of(visitor.staff_lang());
    // Browsers send CRLF line ends from a textarea; the messages are written with LF.
    let body = form.body.replace("\r\n", "\n");
    let mut errors = FieldErrors::default();
    match check_body(key.kind, &body) {
        Ok(()) => {}
        Err(TemplateError::EmptyBody) => errors.push("body", w.err_empty),
        Err(TemplateError::UnknownPlaceholder(name)) => errors.push(
            "body",
            w.err_placeholder
                .replace("{placeholder}", &format!("{{{name}}}")),
        ),
    }
    if !errors.is_empty() {
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render(&app, &visitor, &user, key, (Some(body), errors), status).await;
    }
    let template = Template {
        kind: key.kind,
        case_type: key.case_type.map(str::to_owned),
        lang: key.lang,
        body: body.trim_end().to_owned(),
    };
    app.store
        .put_template(template, &user.username, app.now())
        .await?;
    tracing::info!(by = %user.username, kind = %key.kind, "a message template was edited");
    Ok(see_other(
        &format!("{}?gemt=skabelon", paths::ADMIN_TEMPLATES),
        &[],
    ))
}

pub(crate) async fn restore<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    form: Result<Form<TemplateForm>, FormRejection>,
) -> Result<Response, PageError> {
    let (form, user) = session::form_post(&app, &visitor, form, &[Role::Admin]).await?;
    let policy = &app.policy.policy;
    let key =
        Key::parse(&form.kind, &form.case_type, &form.lang, policy).ok_or(PageError::BadRequest)?;
    app.store
        .delete_template(key.kind, key.case_type, key.lang)
        .await?;
    tracing::info!(by = %user.username, kind = %key.kind, "a message template was restored");
    Ok(see_other(
        &format!("{}?gemt=gendannet", paths::ADMIN_TEMPLATES),
        &[],
    ))
}
