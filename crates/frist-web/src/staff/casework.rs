//! The promise actions on the inquiry page: "Ringet tilbage" (the citizen reached, or an attempt
//! that did not reach them), classifying (kind and case type), and reopening a closed inquiry
//! with a reason.
//!
//! Same flow as the other actions (`actions::act_at`): CSRF, session, the signed-in user as
//! actor, the lifecycle decides, a refusal comes back next to the form that was used.

use super::action_flow::{ActionForm, Refusal, act_at};
use super::inquiry::Notice;
use crate::page_error::PageError;
use crate::pages::form::KINDS;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use frist_core::EventKind;
use frist_store::{OutboxStore, ScanStore, Store};

/// The outcomes of a call back that did not reach the citizen, by their form value. The value
/// is what is stored (`callback_attempted.outcome`), so the timeline can word it in the
/// reader's language.
pub(crate) const NOT_REACHED: [&str; 3] = ["no_answer", "busy", "voicemail"];

/// The form value of a call back that reached the citizen.
pub(crate) const REACHED: &str = "reached";

/// `outcome` and `summary` as stored on an attempt: the outcome's value, then what was typed.
fn attempt_outcome(outcome: &str, summary: &str) -> String {
    match summary.trim() {
        "" => outcome.to_owned(),
        summary => format!("{outcome}: {summary}"),
    }
}

/// "Ringet tilbage": reached records `callback_completed` (meets the callback), anything else
/// `callback_attempted` (the callback stays open).
pub(crate) async fn callback<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    let notice = |kind: &EventKind| match kind {
        EventKind::CallbackCompleted { .. } => Notice::CallbackCompleted,
        _ => Notice::CallbackAttempted,
    };
    act_at(
        &app,
        &visitor,
        id,
        form,
        "callback",
        notice,
        |form, _| async move {
            let summary = form.summary.trim();
            if form.outcome == REACHED {
                return Ok(EventKind::CallbackCompleted {
                    summary: (!summary.is_empty()).then(|| summary.to_owned()),
                });
            }
            if NOT_REACHED.contains(&form.outcome.as_str()) {
                return Ok(EventKind::CallbackAttempted {
                    outcome: Some(attempt_outcome(&form.outcome, summary)),
                });
            }
            Err(Refusal::Said(|a| a.ref_callback_outcome))
        },
    )
    .await
}

/// Classifying: the kind and the case type (one of the policy's, or none). The case type is
/// checked against the policy the inquiry was received under, the one its obligations come
/// from; the lifecycle derives the obligations again.
pub(crate) async fn reclassify<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    let app2 = app.clone();
    act_at(
        &app,
        &visitor,
        id,
        form,
        "classify",
        |_| Notice::Reclassified,
        |form, _| async move {
            let kind = KINDS
                .iter()
                .find(|(value, _)| *value == form.kind.trim())
                .map(|(_, kind)| *kind)
                .ok_or(Refusal::Said(|a| a.ref_unknown_kind))?;
            let case_type = match form.case_type.trim() {
                "" => None,
                wanted => {
                    let stored = app2.store.get_inquiry(id).await?;
                    let policy = app2.policy_of(stored.policy_id).await?;
                    let known = policy.policy.case_type(wanted).is_some();
                    if !known {
                        return Err(Refusal::Said(|a| a.ref_unknown_case_type));
                    }
                    Some(wanted.to_owned())
                }
            };
            Ok(EventKind::Reclassified { kind, case_type })
        },
    )
    .await
}

/// "Genåbn": a closed inquiry opened again, with the reason (required) in the timeline.
pub(crate) async fn reopen<S: Store + OutboxStore + ScanStore>(
    State(app): State<AppState<S>>,
    Path(id): Path<i64>,
    visitor: Visitor,
    form: Result<Form<ActionForm>, FormRejection>,
) -> Result<Response, PageError> {
    act_at(
        &app,
        &visitor,
        id,
        form,
        "reopen",
        |_| Notice::Reopened,
        |form, _| async move {
            let reason = form.reason.trim();
            if reason.is_empty() {
                return Err(Refusal::Said(|a| a.ref_reopen_reason));
            }
            Ok(EventKind::Reopened {
                reason: Some(reason.to_owned()),
            })
        },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attempt_keeps_its_outcome_first_and_what_was_typed_after() {
        assert_eq!(attempt_outcome("busy", "  "), "busy");
        assert_eq!(
            attempt_outcome("voicemail", "Bedt om at ringe igen"),
            "voicemail: Bedt om at ringe igen"
        );
    }
}
