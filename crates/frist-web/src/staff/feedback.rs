//! "Ros, ris eller klage over servicen": feedback a citizen gives a member of staff on the phone,
//! by mail or at the counter, recorded on the inquiry with the channel it came by (HTK-14,
//! STE-12, ROS-11). It is the same `feedback_received` the status page records, so satisfaction
//! and complaints are counted together whichever way they came. Also on a closed inquiry:
//! feedback usually comes after the answer.

use super::action_flow::{ActionForm, Refusal, act_at};
use super::inquiry::Notice;
use crate::page_error::PageError;
use crate::pages::visitor::Visitor;
use crate::state::AppState;
use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::response::Response;
use frist_core::EventKind;
use frist_policy::Channel;
use frist_store::{OutboxStore, ScanStore, Store};

/// The channels feedback told to staff comes by, in the order the form offers them.
pub(crate) const CHANNELS: [Channel; 4] = [
    Channel::Phone,
    Channel::InPerson,
    Channel::Letter,
    Channel::Email,
];

/// The form value of a complaint about the service; anything else offered is a comment.
pub(crate) const COMPLAINT: &str = "complaint";
pub(crate) const COMMENT: &str = "comment";

pub(crate) async fn record<S: Store + OutboxStore + ScanStore>(
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
        "feedback",
        |_| Notice::FeedbackRecorded,
        |form, _| async move {
            let channel = CHANNELS
                .into_iter()
                .find(|c| c.as_str() == form.channel)
                .ok_or(Refusal::Said(|a| a.ref_feedback_channel))?;
            let complaint = match form.feedback.as_str() {
                COMPLAINT => true,
                COMMENT => false,
                _ => return Err(Refusal::Said(|a| a.ref_feedback_kind)),
            };
            let text = form.text.trim();
            if text.is_empty() {
                return Err(Refusal::Said(|a| a.ref_feedback_text));
            }
            let score = match form.score.trim() {
                "" => None,
                n => match n.parse::<u8>() {
                    Ok(n) if (1..=5).contains(&n) => Some(n),
                    _ => return Err(Refusal::Said(|a| a.ref_feedback_score)),
                },
            };
            Ok(EventKind::FeedbackReceived {
                score,
                comment: Some(text.to_owned()),
                channel: Some(channel),
                complaint,
            })
        },
    )
    .await
}
