//! The information request the inquiry page's "Bed borgeren om oplysninger" sends: what is
//! needed and by when, in the citizen's language (its template, `texts.rs`), by the channel a
//! reply would take, with the caseworker's name and contact (forvaltningsloven § 19; STE-10).
//!
//! The reply-by date travels as the message's `expected_answer_date`: the date the answer it
//! asks for is expected, which the status page and the e-mail show as "svar senest".

use super::action_flow::{ActionForm, Refusal};
use super::reply::signed;
use super::signer::citizen_lang;
use super::texts::{Values, starting_text};
use crate::state::AppState;
use frist_calendar::Date;
use frist_core::rules::{Severity, check_message};
use frist_core::{MessageKind, OutgoingMessage};
use frist_policy::{COPENHAGEN, TemplateKind};
use frist_store::{OutboxStore, ScanStore, Store};

pub(super) async fn information_request<S: Store + OutboxStore + ScanStore>(
    app: &AppState<S>,
    id: i64,
    username: &str,
    form: ActionForm,
) -> Result<OutgoingMessage, Refusal> {
    let what = form.text.trim().to_owned();
    if what.is_empty() {
        return Err(Refusal::Told(|n| n.ref_request_text));
    }
    let today = app.now().to_zoned(COPENHAGEN.clone()).date();
    let date: Date = form
        .date
        .trim()
        .parse()
        .ok()
        .filter(|d| *d > today)
        .ok_or(Refusal::Told(|n| n.ref_request_date))?;
    let stored = app.store.get_inquiry(id).await?;
    let policy = app.policy_of(stored.policy_id).await?;
    let inquiry = &stored.inquiry;
    let (caseworkers, units) = tokio::try_join!(app.store.caseworkers(), app.store.units())?;
    let me = super::signer::me(&caseworkers, &units, username);
    let edited = app.store.templates().await?;
    let edited: Vec<_> = edited.into_iter().map(|t| t.template).collect();
    let t = crate::pages::i18n::Messages::of(citizen_lang(inquiry));
    let values = Values {
        date: Some(&t.date(date)),
        needed: Some(&what),
        reason: None,
    };
    let body = starting_text(
        inquiry,
        &policy.policy,
        &edited,
        &me,
        TemplateKind::InformationRequest,
        values,
    );
    let message = signed(
        inquiry,
        &policy.policy,
        &me,
        MessageKind::InformationRequest,
        body,
        date,
    );
    let blocked = check_message(inquiry, &message, &policy.policy)
        .iter()
        .any(|v| v.severity == Severity::Block);
    if blocked {
        return Err(Refusal::Told(|n| n.ref_request_rules));
    }
    Ok(message)
}
