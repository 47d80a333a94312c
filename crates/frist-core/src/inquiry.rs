//! An inquiry (henvendelse) and its lifecycle: the state machine that every event goes through.
//!
//! [`Inquiry::receive`] creates the projection from what arrived; [`Inquiry::apply`] checks an
//! event against the current state and applies it, or refuses it with a reason and changes
//! nothing. Replaying the events of an inquiry through these two gives back the same
//! projection ([`Inquiry::rebuild`]), which is how storage proves its projections.

use crate::event::{CloseReason, Event, EventKind};
use crate::obligation::TrackedObligation;
use crate::reference::Reference;
use crate::sender::Sender;
use frist_calendar::CalendarError;
use frist_policy::{
    Addressee, COPENHAGEN, Channel, DeadlineError, InquiryFacts, InquiryKind, Policy, Requirement,
};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// How far before the inquiry's latest event a new event may be dated; see [`Inquiry::apply`].
pub const CLOCK_TOLERANCE: jiff::SignedDuration = jiff::SignedDuration::from_secs(60);

/// The goal a promised answer date counts under when the policy has no acknowledgment goal.
pub const PROMISED_GOAL: &str = "promised";

/// Metadata of an attachment (the bytes are stored elsewhere).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub name: String,
    #[serde(default)]
    pub content_type: Option<String>,
    #[serde(default)]
    pub size: Option<u64>,
    /// Whether the attachment's text contains a CPR number (found at intake; only text
    /// attachments can be read). Absent in older records, which read as `false`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub contains_cpr: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Everything known about an inquiry when it arrives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewInquiry {
    pub channel: Channel,
    #[serde(default = "general")]
    pub to: Addressee,
    #[serde(default)]
    pub unit: Option<String>,
    /// The caseworker it goes to on arrival: the owner of the personal mailbox it was sent to,
    /// or their substitute while they are absent. Not a triage: nobody has looked at it yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caseworker: Option<String>,
    #[serde(default = "other")]
    pub kind: InquiryKind,
    #[serde(default)]
    pub case_type: Option<String>,
    pub received_at: Timestamp,
    #[serde(default)]
    pub sender: Sender,
    /// BCP 47 language tag of the inquiry, e.g. "da", "en", "de" (SKA-7).
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub subject: String,
    /// Confidential: never written to logs.
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    /// The channel's own id (Message-ID, Facebook mid, form submission id): intake is idempotent
    /// on (channel, external_id).
    #[serde(default)]
    pub external_id: Option<String>,
}

fn general() -> Addressee {
    Addressee::General
}

fn other() -> InquiryKind {
    InquiryKind::Other
}

/// Where an inquiry is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InquiryState {
    /// Received; nobody has opened it yet.
    New,
    Open,
    /// Waiting for the citizen (partshøring, information requested).
    AwaitingCitizen,
    Closed,
}

impl InquiryState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::Open => "open",
            Self::AwaitingCitizen => "awaiting_citizen",
            Self::Closed => "closed",
        }
    }
}

/// Why an event was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LifecycleError {
    #[error("the inquiry is closed; reopen it first")]
    Closed,
    #[error("the inquiry is not closed, so it cannot be reopened")]
    NotClosed,
    #[error("the inquiry is already awaiting the citizen")]
    AlreadyAwaiting,
    #[error("the inquiry is not awaiting the citizen")]
    NotAwaiting,
    #[error("an inquiry is received once; `received` cannot be appended")]
    AlreadyReceived,
    #[error("closing as answered needs a final answer or decision to have been sent first")]
    CloseWithoutAnswer,
    #[error("closing as handed over needs a hand-over to a named colleague first")]
    CloseWithoutHandOver,
    #[error("{field} must not be empty")]
    Empty { field: &'static str },
    #[error("no open obligation {requires} of goal {goal} to extend")]
    NoSuchObligation { goal: String, requires: Requirement },
    #[error("the new due date {new} is not after the current one {current}")]
    ExtensionNotLater { new: String, current: String },
    #[error("an extension must carry a notice of kind extension_notice to the citizen")]
    ExtensionWithoutNotice,
    #[error("feedback score must be 1 to 5, not {0}")]
    BadScore(u8),
    #[error(
        "events must not go back in time: {at} is before the inquiry was received ({received})"
    )]
    BeforeReceipt { at: Timestamp, received: Timestamp },
    #[error(
        "events must not go back in time: {at} is before the inquiry's latest event ({latest})"
    )]
    BeforeLatestEvent { at: Timestamp, latest: Timestamp },
    #[error("{field} {at} is in the future")]
    InFuture { field: &'static str, at: Timestamp },
    #[error(
        "the inquiry already promises an answer by {current}; to move the date, extend the \
         deadline with a notice to the citizen"
    )]
    PromiseMoved { current: String },
    #[error(
        "the expected answer date {date} is before the day the acknowledgment is sent ({sent})"
    )]
    PromiseInPast { date: String, sent: String },
    #[error("outbox row {outbox_id} is already queued for this inquiry")]
    AlreadyQueued { outbox_id: i64 },
    #[error(transparent)]
    Deadline(#[from] DeadlineError),
    #[error("{0}")]
    Calendar(#[from] CalendarError),
}

/// The current state of one inquiry: the projection of its events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inquiry {
    pub reference: Reference,
    /// As received (never changed: the record of what the citizen sent).
    pub received: NewInquiry,
    /// The current classification (reclassification changes these, not `received`).
    pub kind: InquiryKind,
    pub case_type: Option<String>,
    pub unit: Option<String>,
    pub caseworker: Option<String>,
    pub state: InquiryState,
    pub obligations: Vec<TrackedObligation>,
    /// Obligations that a reclassification made no longer apply, kept with what happened to them
    /// (an extension, time met) so that classifying back restores them as they were.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub set_aside: Vec<TrackedObligation>,
    /// Referrals to another unit or authority (SKA-3, SKA-8).
    pub transfers: u32,
    /// Whether a final answer or decision has been sent.
    pub answered: bool,
    pub handed_over_to: Option<String>,
    pub close_reason: Option<CloseReason>,
    pub awaiting_since: Option<Timestamp>,
    pub errors_registered: u32,
    pub feedback_score: Option<u8>,
    /// Whether a later message from the citizen (or its attachment) contained a CPR number.
    /// Absent in projections stored before such messages existed, which read as `false`.
    #[serde(default)]
    pub cpr_in_messages: bool,
    /// Outbox rows queued (`message_queued`) and not yet settled by `message_sent` or
    /// `message_failed`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_outbox: Vec<i64>,
    /// Number of events applied, including `received`.
    pub event_count: u32,
    pub updated_at: Timestamp,
}

impl Inquiry {
    /// The projection of a newly received inquiry, and its `received` event.
    pub fn receive(
        reference: Reference,
        new: NewInquiry,
        policy: &Policy,
    ) -> Result<(Self, Event), LifecycleError> {
        let facts = InquiryFacts {
            channel: new.channel,
            to: new.to,
            kind: new.kind,
            case_type: new.case_type.as_deref(),
            received_at: new.received_at,
        };
        let obligations = policy
            .obligations(&facts)?
            .iter()
            .map(TrackedObligation::derived)
            .collect();
        let inquiry = Self {
            reference,
            kind: new.kind,
            case_type: new.case_type.clone(),
            unit: new.unit.clone(),
            caseworker: new.caseworker.clone(),
            state: InquiryState::New,
            obligations,
            set_aside: Vec::new(),
            transfers: 0,
            answered: false,
            handed_over_to: None,
            close_reason: None,
            awaiting_since: None,
            errors_registered: 0,
            feedback_score: None,
            cpr_in_messages: false,
            in_outbox: Vec::new(),
            event_count: 1,
            updated_at: new.received_at,
            received: new.clone(),
        };
        let event = Event {
            at: new.received_at,
            actor: None,
            kind: EventKind::Received {
                inquiry: Box::new(new),
            },
        };
        Ok((inquiry, event))
    }

    /// Replays events (the first must be `received`) into the projection.
    pub fn rebuild(
        reference: Reference,
        events: &[Event],
        policy: &Policy,
    ) -> Result<Self, LifecycleError> {
        let mut iter = events.iter();
        let Some(Event {
            kind: EventKind::Received { inquiry },
            ..
        }) = iter.next()
        else {
            return Err(LifecycleError::Empty {
                field: "received event",
            });
        };
        let (mut projection, _) = Self::receive(reference, (**inquiry).clone(), policy)?;
        for event in iter {
            projection.apply(event, policy)?;
        }
        Ok(projection)
    }

    /// When the citizen can expect an answer, as far as anything was decided: the promised date
    /// (what an acknowledgment told, moved by any extension), else the policy's deadline for
    /// the answer, else for the acknowledgment (the reply that will name a date). Only what is
    /// still owed counts; `None` once the answer is sent or when the policy promises nothing.
    pub fn expected_answer_date(&self) -> Option<frist_calendar::Date> {
        let open = |requires: Requirement, promised: bool| {
            self.obligations
                .iter()
                .filter(|o| o.requires == requires && o.promised == promised && o.is_open())
                .map(|o| o.due_date)
                .min()
        };
        open(Requirement::Answer, true)
            .or_else(|| open(Requirement::Answer, false))
            .or_else(|| open(Requirement::Acknowledgment, false))
    }

    /// Whether the citizen or the reply involves a CPR number, so replies must go securely:
    /// the sender's CPR field, the subject or body, a text attachment, or a later message.
    pub fn involves_cpr(&self) -> bool {
        self.received.sender.cpr.is_some()
            || crate::cpr::contains(&self.received.body)
            || crate::cpr::contains(&self.received.subject)
            || self.received.attachments.iter().any(|a| a.contains_cpr)
            || self.cpr_in_messages
    }

    /// Refuses an inquiry said to have arrived after `now`: nothing can be received in the
    /// future, and its deadlines would be wrong.
    pub fn check_receipt(new: &NewInquiry, now: Timestamp) -> Result<(), LifecycleError> {
        if new.received_at > now {
            return Err(LifecycleError::InFuture {
                field: "received_at",
                at: new.received_at,
            });
        }
        Ok(())
    }

    /// Checks `event` against the current state and applies it; on error nothing changes.
    ///
    /// Events are in time order: one dated before receipt, or more than [`CLOCK_TOLERANCE`]
    /// before the inquiry's latest event, is refused (the tolerance absorbs two requests
    /// stamped a moment apart that commit in the other order, and clocks of two app nodes).
    pub fn apply(&mut self, event: &Event, policy: &Policy) -> Result<(), LifecycleError> {
        if event.at < self.received.received_at {
            return Err(LifecycleError::BeforeReceipt {
                at: event.at,
                received: self.received.received_at,
            });
        }
        if event
            .at
            .checked_add(CLOCK_TOLERANCE)
            .is_ok_and(|at| at < self.updated_at)
        {
            return Err(LifecycleError::BeforeLatestEvent {
                at: event.at,
                latest: self.updated_at,
            });
        }
        let closed = self.state == InquiryState::Closed;
        let allowed_when_closed = matches!(
            event.kind,
            EventKind::Reopened { .. }
                | EventKind::Opened
                | EventKind::FeedbackReceived { .. }
                | EventKind::Note { .. }
                | EventKind::ErrorRegistered { .. }
                | EventKind::MessageReceived { .. }
        ) || self.settles_queued(&event.kind)
            || event.kind.is_status_link();
        if closed && !allowed_when_closed {
            return Err(LifecycleError::Closed);
        }
        // Work on a copy so that a refusal half-way leaves the projection as it was.
        let mut next = self.clone();
        // Handling meets triage before the event's own effect, so that closing as spam counts
        // as handled rather than waiving the triage (which reopening would take back).
        if event.kind.is_handling() {
            next.meet(&[Requirement::Triage], event.at, policy)?;
        }
        next.transition(event, policy)?;
        next.event_count += 1;
        next.updated_at = event.at.max(self.updated_at);
        *self = next;
        Ok(())
    }

    fn open_if_new(&mut self) {
        if self.state == InquiryState::New {
            self.state = InquiryState::Open;
        }
    }

    /// Meets the open obligations of these requirements at `at`. One that is paused is resumed
    /// first, so it is judged against its deadline moved by the pause so far.
    fn meet(
        &mut self,
        done: &[Requirement],
        at: Timestamp,
        policy: &Policy,
    ) -> Result<(), LifecycleError> {
        let received = COPENHAGEN.to_datetime(self.received.received_at).date();
        let met = COPENHAGEN.to_datetime(at).date();
        // Out of the calendar's range only for instants the lifecycle never accepts; then the
        // obligation is still met, just without a duration.
        let working_days = policy
            .calendar
            .working_days_between(received, met)
            .ok()
            .map(|d| d.max(0));
        for o in &mut self.obligations {
            if o.is_open() && done.iter().any(|r| o.is_met_by(*r)) {
                o.resume(at, &policy.calendar)?;
                o.meet(at, working_days);
            }
        }
        Ok(())
    }

    fn transition(&mut self, event: &Event, policy: &Policy) -> Result<(), LifecycleError> {
        let at = event.at;
        match &event.kind {
            EventKind::Received { .. } => return Err(LifecycleError::AlreadyReceived),
            EventKind::Opened => self.open_if_new(),
            EventKind::Assigned { caseworker } => {
                non_empty(caseworker, "caseworker")?;
                self.caseworker = Some(caseworker.clone());
                self.open_if_new();
            }
            EventKind::MessageSent { message, outbox_id } => {
                self.message_delivered(message, *outbox_id, at, policy)?;
            }
            EventKind::MessageQueued { message, outbox_id } => {
                self.message_queued(message, *outbox_id, at, policy)?;
            }
            EventKind::MessageFailed { outbox_id } => self.message_failed(*outbox_id),
            EventKind::MessageReceived { message } => self.message_received(message, at, policy)?,
            EventKind::CallbackCompleted { .. } => {
                self.open_if_new();
                self.meet(&[Requirement::Callback], at, policy)?;
            }
            EventKind::CallbackAttempted { .. } => self.open_if_new(),
            EventKind::Note { text, .. } => non_empty(text, "text")?,
            EventKind::Referred { to_unit } => {
                non_empty(to_unit, "to_unit")?;
                self.unit = Some(to_unit.clone());
                self.caseworker = None;
                self.transfers += 1;
            }
            EventKind::HandedOver { to_caseworker } => {
                non_empty(to_caseworker, "to_caseworker")?;
                self.caseworker = Some(to_caseworker.clone());
                self.handed_over_to = Some(to_caseworker.clone());
                self.open_if_new();
            }
            EventKind::AwaitingCitizenStarted => {
                if self.state == InquiryState::AwaitingCitizen {
                    return Err(LifecycleError::AlreadyAwaiting);
                }
                self.state = InquiryState::AwaitingCitizen;
                self.awaiting_since = Some(at);
                self.obligations.iter_mut().for_each(|o| o.pause(at));
            }
            EventKind::AwaitingCitizenEnded => {
                if self.state != InquiryState::AwaitingCitizen {
                    return Err(LifecycleError::NotAwaiting);
                }
                self.state = InquiryState::Open;
                self.awaiting_since = None;
                for o in &mut self.obligations {
                    o.resume(at, &policy.calendar)?;
                }
            }
            EventKind::DeadlineExtended {
                goal,
                requires,
                new_due_date,
                reason,
                notice,
            } => {
                non_empty(reason, "reason")?;
                if notice.kind != crate::message::MessageKind::ExtensionNotice
                    || notice.body.trim().is_empty()
                {
                    return Err(LifecycleError::ExtensionWithoutNotice);
                }
                policy.calendar.is_working_day(*new_due_date)?;
                let target = self
                    .obligations
                    .iter_mut()
                    .filter(|o| &o.goal == goal && o.requires == *requires && o.is_open())
                    // A promised date and a policy deadline of one goal: the promise is what
                    // the citizen was told, so an extension moves it.
                    .max_by_key(|o| o.promised)
                    .ok_or_else(|| LifecycleError::NoSuchObligation {
                        goal: goal.clone(),
                        requires: *requires,
                    })?;
                if *new_due_date <= target.due_date {
                    return Err(LifecycleError::ExtensionNotLater {
                        new: new_due_date.to_string(),
                        current: target.due_date.to_string(),
                    });
                }
                target.extend_to(*new_due_date);
            }
            EventKind::Reclassified { kind, case_type } => {
                self.reclassify(*kind, case_type.clone(), at, policy)?
            }
            EventKind::ErrorRegistered { what } => {
                non_empty(what, "what")?;
                self.errors_registered += 1;
            }
            EventKind::FeedbackReceived { score, comment, .. } => {
                if let Some(s) = score {
                    if !(1..=5).contains(s) {
                        return Err(LifecycleError::BadScore(*s));
                    }
                    self.feedback_score = Some(*s);
                }
                if score.is_none() && comment.as_deref().is_none_or(|c| c.trim().is_empty()) {
                    return Err(LifecycleError::Empty {
                        field: "score or comment",
                    });
                }
            }
            EventKind::Closed { reason } => {
                match reason {
                    CloseReason::Answered if !self.answered => {
                        return Err(LifecycleError::CloseWithoutAnswer);
                    }
                    CloseReason::HandedOver if self.handed_over_to.is_none() => {
                        return Err(LifecycleError::CloseWithoutHandOver);
                    }
                    _ => {}
                }
                if reason.waives_obligations() {
                    let why = format!("closed as {}", serde_name(reason));
                    self.obligations.iter_mut().for_each(|o| o.waive(&why));
                }
                // Anything still paused stops pausing: the clock keeps the deadline it had.
                self.obligations
                    .iter_mut()
                    .for_each(|o| o.paused_since = None);
                self.awaiting_since = None;
                self.state = InquiryState::Closed;
                self.close_reason = Some(*reason);
            }
            EventKind::Reopened { .. } => {
                if self.state != InquiryState::Closed {
                    return Err(LifecycleError::NotClosed);
                }
                self.state = InquiryState::Open;
                self.close_reason = None;
                self.obligations
                    .iter_mut()
                    .for_each(TrackedObligation::unwaive);
            }
        }
        Ok(())
    }

    /// A message went to the citizen:
    /// - an answer or decision meets `acknowledgment` and `answer` obligations;
    /// - an acknowledgment meets `acknowledgment` obligations, and its expected answer date
    ///   becomes a promised `answer` obligation (see [`Self::promise`]);
    /// - anything said on the phone meets `callback`: the citizen was reached.
    pub(crate) fn message_sent(
        &mut self,
        message: &crate::message::OutgoingMessage,
        at: Timestamp,
        policy: &Policy,
    ) -> Result<(), LifecycleError> {
        non_empty(&message.body, "body")?;
        if !message.kind.is_handling() {
            return Ok(());
        }
        self.open_if_new();
        if message.channel == Channel::Phone {
            self.meet(&[Requirement::Callback], at, policy)?;
        }
        if message.kind.is_final() {
            self.answered = true;
            self.meet(
                &[Requirement::Acknowledgment, Requirement::Answer],
                at,
                policy,
            )?;
        } else if message.kind == crate::message::MessageKind::Acknowledgment {
            let goal = self.promise_goal(policy);
            self.meet(&[Requirement::Acknowledgment], at, policy)?;
            if let Some(date) = message.expected_answer_date {
                self.promise(goal, date, at, policy)?;
            }
        }
        Ok(())
    }

    /// The goal a promised answer date counts under: the goal of the inquiry's
    /// acknowledgment obligation (the promise made in answer to it), else the policy's goal
    /// whose rule is the acknowledgment's content, else `"promised"`.
    fn promise_goal(&self, policy: &Policy) -> String {
        self.obligations
            .iter()
            .find(|o| o.requires == Requirement::Acknowledgment && !o.promised)
            .map(|o| o.goal.clone())
            .or_else(|| {
                policy
                    .goals
                    .iter()
                    .find(|g| {
                        g.rules
                            .contains(&frist_policy::RuleKind::AcknowledgmentContent)
                    })
                    .map(|g| g.source.clone())
            })
            .unwrap_or_else(|| PROMISED_GOAL.to_owned())
    }

    /// Tracks the answer date an acknowledgment promised as an `answer` obligation. A second
    /// acknowledgment may repeat the promise, not move it: moving it is an extension, which
    /// tells the citizen the new date and why (STE-3).
    fn promise(
        &mut self,
        goal: String,
        date: frist_calendar::Date,
        at: Timestamp,
        policy: &Policy,
    ) -> Result<(), LifecycleError> {
        if let Some(current) = self.obligations.iter().find(|o| o.promised && o.is_open()) {
            if current.due_date == date {
                return Ok(());
            }
            return Err(LifecycleError::PromiseMoved {
                current: current.due_date.to_string(),
            });
        }
        let sent = COPENHAGEN.to_datetime(at).date();
        if date < sent {
            return Err(LifecycleError::PromiseInPast {
                date: date.to_string(),
                sent: sent.to_string(),
            });
        }
        let received = COPENHAGEN.to_datetime(self.received.received_at).date();
        let within = policy.calendar.working_days_between(received, date)?.max(0);
        let pausable = self
            .obligations
            .iter()
            .find(|o| o.goal == goal)
            .is_some_and(|o| o.pausable);
        let mut promised = TrackedObligation::promised(
            &goal,
            date,
            u32::try_from(within).unwrap_or(u32::MAX),
            pausable,
        );
        if let Some(since) = self.awaiting_since {
            promised.pause(since.max(at));
        }
        self.obligations.push(promised);
        Ok(())
    }

    /// The citizen wrote again. Nothing the citizen sends may go unseen, so:
    /// - awaiting the citizen: this is the citizen's answer; the wait ends and paused deadlines
    ///   resume, exactly as `awaiting_citizen_ended`;
    /// - closed: the inquiry is reopened (a "thank you" is closed again in one step; a new
    ///   question would otherwise sit unread in a closed inquiry), except when it was closed as
    ///   spam, where more of the same is only recorded;
    /// - new or open: recorded; the state stays (a new inquiry has still not been opened).
    ///
    /// Obligations are not derived again: the deadlines run from the first receipt.
    fn message_received(
        &mut self,
        message: &crate::incoming::CitizenMessage,
        at: Timestamp,
        policy: &Policy,
    ) -> Result<(), LifecycleError> {
        match self.state {
            InquiryState::AwaitingCitizen => {
                self.state = InquiryState::Open;
                self.awaiting_since = None;
                for o in &mut self.obligations {
                    o.resume(at, &policy.calendar)?;
                }
            }
            InquiryState::Closed if self.close_reason != Some(CloseReason::Spam) => {
                self.state = InquiryState::Open;
                self.close_reason = None;
                self.obligations
                    .iter_mut()
                    .for_each(TrackedObligation::unwaive);
            }
            InquiryState::New | InquiryState::Open | InquiryState::Closed => {}
        }
        self.cpr_in_messages |= message.involves_cpr();
        Ok(())
    }

    /// Derives the obligations again for a new kind or case type, from the same receipt instant;
    /// obligations that still apply keep what happened to them.
    fn reclassify(
        &mut self,
        kind: InquiryKind,
        case_type: Option<String>,
        at: Timestamp,
        policy: &Policy,
    ) -> Result<(), LifecycleError> {
        let facts = InquiryFacts {
            channel: self.received.channel,
            to: self.received.to,
            kind,
            case_type: case_type.as_deref(),
            received_at: self.received.received_at,
        };
        let derived = policy.obligations(&facts)?;
        let mut current = std::mem::take(&mut self.obligations);
        let mut next = Vec::with_capacity(derived.len());
        for o in &derived {
            let same =
                |t: &TrackedObligation| !t.promised && t.goal == o.goal && t.requires == o.requires;
            if let Some(i) = current.iter().position(same) {
                next.push(current.remove(i));
            } else if let Some(i) = self.set_aside.iter().position(same) {
                // Classified back: as it was set aside, extension and all; paused again if the
                // inquiry awaits the citizen now.
                let mut back = self.set_aside.remove(i);
                if self.awaiting_since.is_some() {
                    back.pause(at);
                }
                next.push(back);
            } else {
                let mut tracked = TrackedObligation::derived(o);
                if let Some(since) = self.awaiting_since {
                    tracked.pause(since);
                }
                next.push(tracked);
            }
        }
        for mut left in current {
            if left.promised {
                // A promise made to the citizen stands whatever the classification.
                next.push(left);
            } else {
                // No longer applies: set aside, its pause (if any) ended now.
                left.resume(at, &policy.calendar)?;
                self.set_aside
                    .retain(|t| !(t.goal == left.goal && t.requires == left.requires));
                self.set_aside.push(left);
            }
        }
        self.obligations = next;
        self.kind = kind;
        self.case_type = case_type;
        Ok(())
    }
}

fn non_empty(value: &str, field: &'static str) -> Result<(), LifecycleError> {
    if value.trim().is_empty() {
        Err(LifecycleError::Empty { field })
    } else {
        Ok(())
    }
}

fn serde_name(reason: &CloseReason) -> &'static str {
    match reason {
        CloseReason::Answered => "answered",
        CloseReason::HandedOver => "handed_over",
        CloseReason::Withdrawn => "withdrawn",
        CloseReason::Duplicate => "duplicate",
        CloseReason::Spam => "spam",
    }
}
