//! The compliance report: obligations due in a period of local (Copenhagen) dates, grouped.

use crate::auth::Caller;
use crate::error::ApiError;
use crate::query::{Params, year_in_range};
use crate::state::AppState;
use crate::time::{local, start_of_day};
use axum::Json;
use axum::extract::State;
use frist_calendar::Date;
use frist_core::service::ServiceGroupBy;
use frist_store::{GroupBy, Store};
use serde_json::{Value, json};
use tracing::instrument;

/// `GET /api/v1/reports/compliance?from=YYYY-MM-DD&to=YYYY-MM-DD&group_by=goal|unit|channel|month|case_type`.
/// Rows by goal or case type carry the policy's target and whether it was reached.
/// `to` is inclusive: the period is [from 00:00, the day after `to` 00:00) in Copenhagen.
#[instrument(skip_all)]
pub async fn compliance<S: Store + 'static>(
    State(state): State<AppState<S>>,
    caller: Caller,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    caller.require_lead()?;
    params.only(&["from", "to", "group_by"])?;
    let (from, to, start, end) = period(&params)?;
    let group_by = params
        .parse(
            "group_by",
            "one of: goal, unit, channel, month, case_type",
            |t| serde_json::from_value::<GroupBy>(Value::String(t.to_owned())).ok(),
        )?
        .unwrap_or(GroupBy::Goal);
    let rows = state
        .store
        .compliance(start, end, group_by, state.now())
        .await?;
    let rows = frist_store::against_targets(rows, group_by, &state.policy.policy);
    Ok(Json(json!({
        "from": from.to_string(),
        "to": to.to_string(),
        "group_by": group_by,
        "period": {"start": local(start), "end": local(end)},
        "rows": rows,
    })))
}

/// `GET /api/v1/reports/service?from=YYYY-MM-DD&to=YYYY-MM-DD&group_by=month|unit|channel|case_type|sender_kind`:
/// the inquiries received in the period — referrals, phone handling, errors, feedback, promised
/// dates kept, working days to the final answer gross and net.
#[instrument(skip_all)]
pub async fn service<S: Store + 'static>(
    State(state): State<AppState<S>>,
    caller: Caller,
    params: Params,
) -> Result<Json<Value>, ApiError> {
    caller.require_lead()?;
    params.only(&["from", "to", "group_by"])?;
    let (from, to, start, end) = period(&params)?;
    let group_by = params
        .parse(
            "group_by",
            "one of: month, unit, channel, case_type, sender_kind",
            |t| serde_json::from_value::<ServiceGroupBy>(Value::String(t.to_owned())).ok(),
        )?
        .unwrap_or(ServiceGroupBy::Month);
    let calendar = state.policy.policy.calendar.clone();
    let rows = state
        .store
        .service_report(start, end, group_by, calendar, state.now())
        .await?;
    Ok(Json(json!({
        "from": from.to_string(),
        "to": to.to_string(),
        "group_by": group_by,
        "period": {"start": local(start), "end": local(end)},
        "rows": rows,
    })))
}

const DATE: &str = "a date (YYYY-MM-DD) from 1901 to 2199";

/// `from` and `to` (both required, `to` not before `from`), and the instants that bound the
/// period in Copenhagen: [from 00:00, the day after `to` 00:00).
fn period(params: &Params) -> Result<(Date, Date, jiff::Timestamp, jiff::Timestamp), ApiError> {
    let from: Date = required(params.parse("from", DATE, calendar_date)?, "from")?;
    let to: Date = required(params.parse("to", DATE, calendar_date)?, "to")?;
    if to < from {
        return Err(ApiError::invalid("to", "to must not be before from"));
    }
    let outside = || ApiError::invalid("to", "the period is outside the calendar (1900–2200)");
    let start = start_of_day(from).ok_or_else(outside)?;
    let end = to
        .tomorrow()
        .ok()
        .and_then(start_of_day)
        .ok_or_else(outside)?;
    Ok((from, to, start, end))
}

fn calendar_date(text: &str) -> Option<Date> {
    text.parse().ok().filter(|_| year_in_range(text))
}

fn required<T>(value: Option<T>, name: &str) -> Result<T, ApiError> {
    value.ok_or_else(|| {
        ApiError::invalid(
            name.to_owned(),
            format!("query parameter \"{name}\" is required (YYYY-MM-DD)"),
        )
    })
}
