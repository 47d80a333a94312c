//! `/ledelse/service`: the service report of a month (leads and administrators), grouped by
//! channel, unit, case type or sender kind — what the policies promise beyond deadlines. Read
//! only when asked for: it reads the month's inquiries, which the dashboard must not do on
//! every view.

use super::super::words::lead::LeadWords;
use super::super::words::service::ServiceWords;
use super::super::{StaffChrome, session};
use super::{LeadQueryWithGroup, month_choices, periods_of_month};
use crate::page_error::PageError;
use crate::pages::csrf;
use crate::pages::layout::respond;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use frist_core::service::{NO_CASE_TYPE, NO_UNIT, ServiceGroupBy, ServiceRow};
use frist_i18n::Lang;
use frist_policy::Channel;
use frist_store::{Role, Store};

/// One grouping the page offers.
#[derive(Debug)]
struct GroupChoice {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

#[derive(Debug)]
struct Line {
    label: String,
    row: ServiceRow,
    satisfaction: String,
    promised: String,
    gross: String,
    net: String,
}

#[derive(Debug, Template)]
#[template(path = "lead_service.html")]
struct ServicePage {
    chrome: StaffChrome,
    w: &'static ServiceWords,
    months: Vec<super::MonthChoice>,
    groups: Vec<GroupChoice>,
    month_label: &'static str,
    month_show: &'static str,
    caption: String,
    lines: Vec<Line>,
}

const GROUPS: [(&str, ServiceGroupBy); 5] = [
    ("kanal", ServiceGroupBy::Channel),
    ("afdeling", ServiceGroupBy::Unit),
    ("sagstype", ServiceGroupBy::CaseType),
    ("afsender", ServiceGroupBy::SenderKind),
    ("maaned", ServiceGroupBy::Month),
];

/// One decimal in the page's language, a dash for none.
fn one_decimal(lang: Lang, v: Option<f64>) -> String {
    crate::numbers::decimal(lang, v, "", "–")
}

pub(crate) async fn show<S: Store>(
    State(app): State<AppState<S>>,
    visitor: Visitor,
    Query(query): Query<LeadQueryWithGroup>,
) -> Result<Response, PageError> {
    let user = session::require_role(&app, &visitor, &[Role::Lead, Role::Admin]).await?;
    let policy = &app.policy.policy;
    let lang = visitor.staff_lang();
    let w = ServiceWords::of(lang);
    let lead = LeadWords::of(lang);
    let p = periods_of_month(&app, query.maaned.as_deref())?;
    let (slug, group_by) = GROUPS
        .iter()
        .find(|(slug, _)| Some(*slug) == query.efter.as_deref())
        .copied()
        .unwrap_or(GROUPS[0]);
    let rows = app
        .store
        .service_report(
            p.month_start,
            p.month_end,
            group_by,
            policy.calendar.clone(),
            app.now(),
        )
        .await
        .map_err(PageError::internal)?;
    let lines = rows
        .into_iter()
        .map(|row| {
            let label = match (group_by, row.group.as_str()) {
                (ServiceGroupBy::Channel, g) => g
                    .parse::<Channel>()
                    .map_or_else(|_| g.to_owned(), |c| c.label(lang).to_owned()),
                (ServiceGroupBy::SenderKind, "person") => w.person.to_owned(),
                (ServiceGroupBy::SenderKind, "business") => w.business.to_owned(),
                (ServiceGroupBy::CaseType, NO_CASE_TYPE) => lead.no_case_type.to_owned(),
                (ServiceGroupBy::CaseType, g) => policy
                    .case_types
                    .iter()
                    .find(|c| c.id == g)
                    .map_or_else(|| g.to_owned(), |c| c.name.clone()),
                (ServiceGroupBy::Unit, NO_UNIT) => lead.unassigned.to_owned(),
                (_, g) => g.to_owned(),
            };
            Line {
                satisfaction: match row.satisfaction_mean {
                    Some(mean) => format!(
                        "{} ({})",
                        one_decimal(lang, Some(mean)),
                        row.feedback_received
                    ),
                    None => "–".to_owned(),
                },
                promised: format!("{} / {}", row.promised_kept, row.promised_dates),
                gross: format!(
                    "{} / {}",
                    one_decimal(lang, row.gross_median_working_days),
                    one_decimal(lang, row.gross_p90_working_days)
                ),
                net: format!(
                    "{} / {}",
                    one_decimal(lang, row.net_median_working_days),
                    one_decimal(lang, row.net_p90_working_days)
                ),
                label,
                row,
            }
        })
        .collect();
    let month = month_choices(lead, &p)
        .into_iter()
        .find(|m| m.selected)
        .map(|m| m.label)
        .unwrap_or_default();
    let label = |g: ServiceGroupBy| match g {
        ServiceGroupBy::Channel => w.by_channel,
        ServiceGroupBy::Unit => w.by_unit,
        ServiceGroupBy::CaseType => w.by_case_type,
        ServiceGroupBy::SenderKind => w.by_sender_kind,
        ServiceGroupBy::Month => w.by_month,
    };
    let (token, fresh) = csrf::token_for(visitor.csrf_cookie.as_deref());
    let page = ServicePage {
        chrome: StaffChrome::new(&visitor, policy, Some(&user), &token),
        w,
        months: month_choices(lead, &p),
        groups: GROUPS
            .iter()
            .map(|(value, g)| GroupChoice {
                value,
                label: label(*g),
                selected: *value == slug,
            })
            .collect(),
        month_label: lead.month_label,
        month_show: w.show,
        caption: w.caption.replace("{month}", &month),
        lines,
    };
    Ok(respond(
        &visitor,
        StatusCode::OK,
        &page,
        fresh.then_some(token.as_str()),
    ))
}
