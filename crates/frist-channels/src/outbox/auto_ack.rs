//! The automatic acknowledgment: where a policy goal says `auto_acknowledgment = true` (e.g.
//! STE-2, "we acknowledge before the end of the next working day"), Frist acknowledges a new
//! inquiry itself, at once, through the outbox, on the channel the citizen can be reached by.
//!
//! A cursor walks the inquiries as they are created (ids ascending). An inquiry is acknowledged
//! when it is still untouched (`new`, nothing but its receipt recorded), recent (received within
//! [`RECENT`]), and has an open acknowledgment deadline from a goal that wants it. The message
//! passes the same rules as a caseworker's; when it cannot go (no address, a rule blocks), an
//! internal note says why, so a caseworker acknowledges by hand, and it is not tried again.
//! Its Message-ID is derived from the reference, so a restart never queues it twice.

use super::enqueue::{delivered_through_outbox, outbox_item};
use frist_core::rules::{blocking, check_message};
use frist_core::{Event, EventKind, Inquiry, InquiryState, MessageKind, OutgoingMessage};
use frist_i18n::{Arg, Audience, Lang, text};
use frist_policy::long_date;
use frist_policy::{
    Channel, Policy, Requirement, Template, TemplateKind, TemplateSource, fill, resolve,
};
use frist_store::{InquiryId, OutboxStore, Store, StoreError, StoreResult};
use jiff::{SignedDuration, Timestamp};

/// The actor of the automatic acknowledgment, in the timeline and the outbox.
pub const AUTO_ACK_ACTOR: &str = "frist-auto-acknowledgment";

/// Older inquiries are not acknowledged automatically any more (after a long stop, or those
/// imported in bulk): a late automatic receipt would mislead more than help.
pub const RECENT: SignedDuration = SignedDuration::from_hours(48);

/// How many inquiries the cursor looks back at start-up: those created while Frist was stopped.
const LOOK_BACK: InquiryId = 10_000;

/// What happened to one inquiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Queued in the outbox (or shown on the status page, for the web form without e-mail).
    Acknowledged,
    /// Could not go; a note says why.
    Noted,
    /// Nothing to do.
    Skipped,
}

/// The cursor over new inquiries.
#[derive(Debug, Clone, Copy)]
pub struct AutoAcknowledger {
    after: InquiryId,
}

impl AutoAcknowledger {
    /// Starts [`LOOK_BACK`] inquiries before the newest.
    pub async fn start<S: Store>(store: &S) -> StoreResult<Self> {
        let latest = store.latest_inquiry_id().await?.unwrap_or(0);
        Ok(Self {
            after: latest.saturating_sub(LOOK_BACK).max(0),
        })
    }

    /// Looks at every inquiry created since the last run; returns how many were acknowledged.
    pub async fn run_once<S: Store + OutboxStore>(
        &mut self,
        store: &S,
        policy: &Policy,
        domain: &str,
        now: Timestamp,
    ) -> StoreResult<u64> {
        let mut acknowledged = 0;
        loop {
            let ids = store.inquiry_ids_after(self.after, 200).await?;
            for id in &ids {
                if acknowledge(store, policy, domain, *id, now).await? == Outcome::Acknowledged {
                    acknowledged += 1;
                }
                self.after = *id;
            }
            if ids.len() < 200 {
                return Ok(acknowledged);
            }
        }
    }
}

/// Acknowledges inquiry `id` if it should be.
pub async fn acknowledge<S: Store + OutboxStore>(
    store: &S,
    policy: &Policy,
    domain: &str,
    id: InquiryId,
    now: Timestamp,
) -> StoreResult<Outcome> {
    let stored = match store.get_inquiry(id).await {
        Ok(stored) => stored,
        Err(StoreError::NotFound) => return Ok(Outcome::Skipped),
        Err(e) => return Err(e),
    };
    let inquiry = &stored.inquiry;
    let recent = now
        .checked_sub(RECENT)
        .is_ok_and(|since| inquiry.received.received_at >= since);
    if inquiry.state != InquiryState::New || inquiry.event_count != 1 || !recent {
        return Ok(Outcome::Skipped);
    }
    if !wants_it(inquiry, policy) {
        return Ok(Outcome::Skipped);
    }
    let lang = match inquiry.received.language.as_deref() {
        Some("en") => Lang::En,
        Some("de") => Lang::De,
        _ => Lang::Da,
    };
    let Some(channel) = channel_for(inquiry) else {
        return note(
            store,
            id,
            now,
            "afsenderen har hverken oplyst e-mail, CPR- eller CVR-nummer eller en postadresse",
        )
        .await;
    };
    let edited: Vec<Template> = store
        .templates()
        .await?
        .into_iter()
        .map(|t| t.template)
        .collect();
    // The acknowledgment's {caseworker}: the person intake routed it to, else the municipality.
    let signer = match &inquiry.caseworker {
        Some(id) => store
            .caseworkers()
            .await?
            .into_iter()
            .find(|c| &c.id == id)
            .map_or_else(|| id.clone(), |c| c.name),
        None => policy.municipality.name.clone(),
    };
    let message = compose(inquiry, policy, (&edited, &signer), lang, channel);
    if let Some(rule) = blocking(&check_message(inquiry, &message, policy)).next() {
        let why = format!("reglen {} ({}) blokerer den", rule.rule, rule.source);
        return note(store, id, now, &why).await;
    }
    let event = Event {
        at: now,
        actor: Some(AUTO_ACK_ACTOR.into()),
        kind: EventKind::MessageSent {
            message: message.clone(),
            outbox_id: None,
        },
    };
    if !delivered_through_outbox(channel) {
        // The web form's status page: shown there at once.
        store.append_event(id, event).await?;
        return Ok(Outcome::Acknowledged);
    }
    let Ok(mut item) = outbox_item(
        id,
        inquiry,
        message,
        domain,
        Some(AUTO_ACK_ACTOR.into()),
        now,
    ) else {
        return note(store, id, now, "der er ingen adresse til kanalen").await;
    };
    // Derived from the reference, so that a second run finds it taken instead of sending twice.
    item.message_id = format!("<{}.auto-ack@{domain}>", inquiry.reference);
    match store.enqueue(item).await {
        Ok(_) => Ok(Outcome::Acknowledged),
        // Queued before, by a run that stopped before its cursor moved on.
        Err(StoreError::Conflict(_)) => Ok(Outcome::Skipped),
        Err(e) => Err(e),
    }
}

/// Whether an open acknowledgment deadline comes from a goal that acknowledges by itself.
pub fn wants_it(inquiry: &Inquiry, policy: &Policy) -> bool {
    inquiry.obligations.iter().any(|o| {
        o.requires == Requirement::Acknowledgment
            && o.is_open()
            && policy
                .goals
                .iter()
                .any(|g| g.source == o.goal && g.auto_acknowledgment)
    })
}

/// Where the citizen can be reached in writing: Digital Post when a CPR number is involved
/// (never plain e-mail), else e-mail, Messenger, the postal address, or the status page.
fn channel_for(inquiry: &Inquiry) -> Option<Channel> {
    let sender = &inquiry.received.sender;
    let digital_post = sender.cpr.is_some() || sender.cvr.is_some();
    if inquiry.involves_cpr() {
        return digital_post.then_some(Channel::DigitalPost);
    }
    if sender.email.is_some() {
        Some(Channel::Email)
    } else if inquiry.received.channel == Channel::Facebook && sender.facebook_id.is_some() {
        Some(Channel::Facebook)
    } else if inquiry.received.channel == Channel::WebForm {
        Some(Channel::WebForm)
    } else if digital_post {
        Some(Channel::DigitalPost)
    } else if sender.postal_address.is_some() {
        Some(Channel::Letter)
    } else {
        None
    }
}

/// The acknowledgment: the reference, the answer date the policy promises (the earliest open
/// answer deadline), signed by the municipality. Its text is the acknowledgment template when
/// an administrator edited it or the policy ships one (for the case type, in the citizen's
/// language), else the built-in automatic text, written for a message no person signs.
fn compose(
    inquiry: &Inquiry,
    policy: &Policy,
    (edited, signer): (&[Template], &str),
    lang: Lang,
    channel: Channel,
) -> OutgoingMessage {
    let expected = inquiry
        .obligations
        .iter()
        .filter(|o| o.requires == Requirement::Answer && o.is_open())
        .map(|o| o.due_date)
        .min();
    let reference = inquiry.reference.to_string();
    let say = |key: &str, args: &[(&str, Arg<'_>)]| text(lang, Audience::Citizen, key, args);
    let greeting = match inquiry.received.sender.name.as_deref().map(str::trim) {
        Some(name) if !name.is_empty() => say("reply-greeting", &[("name", name.into())]),
        _ => say("reply-greeting-anonymous", &[]),
    };
    let template = resolve(
        TemplateKind::Acknowledgment,
        inquiry.case_type.as_deref(),
        lang,
        edited,
        &policy.templates,
    );
    let main = match expected {
        // The template names the answer date: without one, the built-in text that does not.
        Some(date) if template.source != TemplateSource::Standard => fill(
            &template.body,
            &[
                ("reference", &reference),
                ("date", &long_date(date, lang)),
                ("caseworker", signer),
            ],
        ),
        Some(date) => say(
            "reply-auto-acknowledgment",
            &[
                ("reference", reference.as_str().into()),
                ("date", long_date(date, lang).into()),
            ],
        ),
        None => say(
            "reply-auto-acknowledgment-no-date",
            &[("reference", reference.as_str().into())],
        ),
    };
    let body = format!(
        "{greeting}\n\n{main}\n\n{}\n{}\n\n{}",
        say("reply-sign-off", &[]),
        policy.municipality.name,
        say("reply-automatic", &[])
    );
    let contact = policy
        .municipality
        .phone
        .clone()
        .or_else(|| policy.municipality.email.clone())
        .map(|how| format!("{}, {how}", policy.municipality.name));
    OutgoingMessage {
        kind: MessageKind::Acknowledgment,
        channel,
        body,
        // Named when intake already routed it to a person (a personal mailbox).
        caseworker: inquiry.caseworker.clone(),
        contact,
        next_step: Some(say("reply-next-step", &[])),
        expected_answer_date: expected,
        appealable: false,
        complaint_guidance: None,
    }
}

/// An internal note saying why no automatic acknowledgment went; the inquiry is then touched,
/// so it is not tried again.
async fn note<S: Store>(
    store: &S,
    id: InquiryId,
    now: Timestamp,
    why: &str,
) -> StoreResult<Outcome> {
    let event = Event {
        at: now,
        actor: Some(AUTO_ACK_ACTOR.into()),
        kind: EventKind::Note {
            text: format!(
                "Frist har ikke sendt en automatisk kvittering, fordi {why}. Kvittér selv inden fristen."
            ),
            visible_to_citizen: false,
        },
    };
    store.append_event(id, event).await?;
    Ok(Outcome::Noted)
}

#[cfg(test)]
mod tests {
    use frist_core::{Inquiry, NewInquiry, Reference};
    use frist_i18n::{Audience, Lang, has};
    use frist_policy::{Channel, Policy};

    fn inquiry(policy: &Policy, language: &str) -> Inquiry {
        let new: NewInquiry = serde_json::from_value(serde_json::json!({
            "channel": "email", "to": "general", "kind": "general_question",
            "received_at": "2026-03-02T09:00:00+01:00", "language": language,
            "sender": {"name": "Karen Jensen", "email": "karen@example.dk"}
        }))
        .unwrap();
        let reference = Reference::new("ROS", 2026, 1).unwrap();
        Inquiry::receive(reference, new, policy).unwrap().0
    }

    #[test]
    fn a_policy_acknowledgment_template_is_used_in_its_language_and_the_built_in_text_otherwise() {
        let text = format!(
            "{}\n[[templates]]\nkind = \"acknowledgment\"\nlang = \"da\"\n\
             body = \"Vi har fået {{reference}}. {{caseworker}} svarer senest {{date}}.\"\n",
            include_str!("../../../../policies/roskilde.toml")
        );
        let policy = Policy::from_toml("roskilde", &text).unwrap();
        let da = super::compose(
            &inquiry(&policy, "da"),
            &policy,
            (&[], "Roskilde Kommune"),
            Lang::Da,
            Channel::Email,
        );
        assert!(
            da.body.starts_with(
                "Kære Karen Jensen\n\nVi har fået ROS-2026-000001. Roskilde Kommune svarer senest"
            ),
            "{}",
            da.body
        );
        assert!(da.body.contains("4. marts 2026"), "{}", da.body);
        assert!(da.body.ends_with("Dette er en automatisk kvittering."));
        let de = super::compose(
            &inquiry(&policy, "de"),
            &policy,
            (&[], "Roskilde Kommune"),
            Lang::De,
            Channel::Email,
        );
        assert!(
            de.body.contains("Vielen Dank für Ihre Anfrage"),
            "{}",
            de.body
        );
    }

    #[test]
    fn every_word_of_the_automatic_acknowledgment_is_in_every_language() {
        let keys = [
            "reply-greeting",
            "reply-greeting-anonymous",
            "reply-auto-acknowledgment",
            "reply-auto-acknowledgment-no-date",
            "reply-next-step",
            "reply-sign-off",
            "reply-automatic",
        ];
        for lang in Lang::ALL {
            for key in keys {
                assert!(has(lang, Audience::Citizen, key), "{lang:?} {key}");
            }
        }
    }
}
