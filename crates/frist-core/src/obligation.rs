//! An obligation as tracked over an inquiry's life: derived at receipt, met by what is sent or
//! done, paused while awaiting the citizen, moved by an extension, waived when there is nothing
//! to answer.
//!
//! The state is a function of the recorded facts and "now":
//! - `waived` — a reason was recorded (closed as withdrawn, duplicate or spam);
//! - `met` — met at or before `due_at`; `met_late` — met after `due_at`;
//! - `paused` — not met, and the inquiry awaits the citizen and the goal allows pausing;
//! - `breached` — not met and `now` is after `due_at`;
//! - `pending` — otherwise.
//!
//! What meets what. Every event below is also refused, and changes nothing, when it is dated
//! before receipt or more than a minute before the inquiry's latest event.
//!
//! | event | meets |
//! |---|---|
//! | `opened` (also on a closed inquiry, which stays closed) | `triage` |
//! | `assigned`, `handed_over`, `referred`, `reclassified` | `triage` |
//! | `awaiting_citizen_started`, `deadline_extended`, `closed` (any reason) | `triage` |
//! | `callback_attempted` (the citizen was not reached) | `triage` |
//! | `callback_completed` (reached; the summary is the outcome) | `triage`, `callback` |
//! | `message_sent`, kind `acknowledgment` | `triage`, `acknowledgment`; its `expected_answer_date` becomes a promised `answer` |
//! | `message_sent`, kind `answer` or `decision` | `triage`, `acknowledgment`, `answer` (promised ones too) |
//! | `message_sent`, kind `information_request`, `extension_notice`, `other` | `triage` |
//! | `message_sent`, kind `status_link` (Frist's own: the web form's confirmation, a new link) | nothing; allowed on a closed inquiry |
//! | `message_sent` on channel `phone`, any kind | `callback` as well: the citizen was reached |
//! | `message_queued` (a message put in the outbox) | as `message_sent` of the same message, at the time it was queued |
//! | `message_sent` with the `outbox_id` of a queued message (its delivery) | nothing more |
//! | `message_failed` (the outbox gave up) | takes back what its `message_queued` met, except `triage`; withdraws a promise only it made |
//! | `note`, `error_registered`, `feedback_received`, `message_received` | nothing |
//!
//! Decided open points:
//! - **Promised dates.** An acknowledgment's expected answer date D becomes an `answer`
//!   obligation due D at 23:59:59, `promised`, under the goal of the inquiry's acknowledgment
//!   obligation (else the policy's goal with the acknowledgment-content rule, else
//!   `"promised"`). A later acknowledgment may repeat D but not change it: moving a promise is an
//!   extension, which carries a notice to the citizen and a later date (STE-3). A promise
//!   before the day it is made is refused. Reclassifying never drops a promise.
//! - **Queued messages count.** A message through the outbox meets its obligations when it is
//!   queued, not when delivered: the caseworker's part is done then, and delivery follows within
//!   seconds. The timeline says queued, then sent; a message the outbox gives up on is undone
//!   (see the `delivery` module), so a failed delivery never counts as a kept promise.
//! - **Met while paused.** An obligation met while the inquiry awaits the citizen is first
//!   resumed, so it is judged against its deadline moved by the pause so far.
//! - **Reclassifying away and back.** An obligation that no longer applies is set aside with
//!   what happened to it (extension, pause so far); classifying back restores it.
//! - **Reopening** takes back the waivers that closing (withdrawn, duplicate, spam) made: what
//!   was owed is owed again, from its own due date.
//! - **Time order.** An inquiry received after "now" is refused; so is an event dated before
//!   the latest one by more than a minute (two requests stamped a moment apart may commit in
//!   the other order, and two app nodes' clocks differ slightly).
//!
//! Pausing moves the deadline by what was paused: for working-day and week deadlines, by the
//! number of working days `d` with `start < d <= end` (local dates of the pause's start and
//! end); for hour deadlines, by the exact duration of the pause. An extension sets a new due
//! date (never earlier) and always comes with a notice to the citizen.

use frist_calendar::{Calendar, CalendarError, Date};
use frist_policy::{COPENHAGEN, Obligation, Requirement, Within, end_of_day};
use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

/// Where an obligation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObligationState {
    Pending,
    Met,
    MetLate,
    Breached,
    Paused,
    Waived,
}

impl ObligationState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Met => "met",
            Self::MetLate => "met_late",
            Self::Breached => "breached",
            Self::Paused => "paused",
            Self::Waived => "waived",
        }
    }

    /// Whether the obligation is settled (counts in compliance whatever happens later).
    pub fn is_settled(self) -> bool {
        matches!(self, Self::Met | Self::MetLate | Self::Waived)
    }
}

/// One obligation of one inquiry, with what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackedObligation {
    /// The goal's source id, e.g. "ROS-1".
    pub goal: String,
    pub requires: Requirement,
    pub within: Within,
    pub pausable: bool,
    /// The due instant when derived at receipt.
    pub original_due_at: Timestamp,
    /// The due instant now, after pauses and extensions.
    pub due_at: Timestamp,
    /// The local date of `due_at`.
    pub due_date: Date,
    pub met_at: Option<Timestamp>,
    /// Time to meet in working days: the working days after the local date of receipt up to
    /// and including the local date it was met (0 when met before the next working day).
    #[serde(default)]
    pub met_working_days: Option<i64>,
    pub waived: Option<String>,
    /// When the current pause started, if paused.
    pub paused_since: Option<Timestamp>,
    /// Whether the due date was moved by an extension.
    pub extended: bool,
    /// Whether this is a promised answer date: the date an acknowledgment told the citizen,
    /// tracked as an `answer` obligation from then on (not derived from the policy).
    #[serde(default, skip_serializing_if = "is_false")]
    pub promised: bool,
    /// The outbox row whose queued message met it, or, for an open promise, made it: should
    /// that message fail for good, this is taken back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbox: Option<i64>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl TrackedObligation {
    /// Starts tracking an obligation derived from the policy.
    pub fn derived(o: &Obligation<'_>) -> Self {
        Self {
            goal: o.goal.to_owned(),
            requires: o.requires,
            within: o.within,
            pausable: o.pausable,
            original_due_at: o.due_at,
            due_at: o.due_at,
            due_date: o.due_date,
            met_at: None,
            met_working_days: None,
            waived: None,
            paused_since: None,
            extended: false,
            promised: false,
            outbox: None,
        }
    }

    /// Starts tracking the answer date an acknowledgment promised: an `answer` obligation of
    /// `goal` due at the end of `date`. `within` is the working days from receipt to that date,
    /// so a pause moves it like any working-day deadline.
    pub fn promised(goal: &str, date: Date, within_working_days: u32, pausable: bool) -> Self {
        let due_at = end_of_day(date);
        Self {
            goal: goal.to_owned(),
            requires: Requirement::Answer,
            within: Within::WorkingDays(within_working_days),
            pausable,
            original_due_at: due_at,
            due_at,
            due_date: date,
            met_at: None,
            met_working_days: None,
            waived: None,
            paused_since: None,
            extended: false,
            promised: true,
            outbox: None,
        }
    }

    /// The state at `now`; see the module documentation for the definitions.
    pub fn state(&self, now: Timestamp) -> ObligationState {
        if self.waived.is_some() {
            ObligationState::Waived
        } else if let Some(met) = self.met_at {
            if met <= self.due_at {
                ObligationState::Met
            } else {
                ObligationState::MetLate
            }
        } else if self.paused_since.is_some() {
            ObligationState::Paused
        } else if now > self.due_at {
            ObligationState::Breached
        } else {
            ObligationState::Pending
        }
    }

    /// Whether something still has to be done for it.
    pub fn is_open(&self) -> bool {
        self.met_at.is_none() && self.waived.is_none()
    }

    /// Whether a message or action of this requirement settles it.
    pub fn is_met_by(&self, done: Requirement) -> bool {
        self.requires == done
    }

    /// Records that it was met at `at` (the first time only), `working_days` after receipt.
    pub fn meet(&mut self, at: Timestamp, working_days: Option<i64>) {
        if self.is_open() {
            self.met_at = Some(at);
            self.met_working_days = working_days;
            self.paused_since = None;
        }
    }

    /// Starts a pause at `at`, if the goal allows pausing and it is still open.
    pub fn pause(&mut self, at: Timestamp) {
        if self.pausable && self.is_open() && self.paused_since.is_none() {
            self.paused_since = Some(at);
        }
    }

    /// Ends a pause at `at`, moving the deadline by what was paused.
    pub fn resume(&mut self, at: Timestamp, calendar: &Calendar) -> Result<(), CalendarError> {
        let Some(start) = self.paused_since.take() else {
            return Ok(());
        };
        if at <= start {
            return Ok(());
        }
        match self.within {
            Within::Hours(_) => {
                let paused = at.duration_since(start);
                self.due_at = self.due_at.checked_add(paused).unwrap_or(self.due_at);
                self.due_date = COPENHAGEN.to_datetime(self.due_at).date();
            }
            Within::WorkingDays(_) | Within::Weeks(_) => {
                let from = COPENHAGEN.to_datetime(start).date();
                let to = COPENHAGEN.to_datetime(at).date();
                let days = calendar.working_days_between(from, to)?.max(0);
                let moved = calendar
                    .add_working_days(self.due_date, u32::try_from(days).unwrap_or(u32::MAX))?;
                self.due_date = moved;
                self.due_at = end_of_day(moved);
            }
        }
        Ok(())
    }

    /// Moves the due date to `date` (23:59:59 local).
    pub fn extend_to(&mut self, date: Date) {
        self.due_date = date;
        self.due_at = end_of_day(date);
        self.extended = true;
    }

    /// Takes back a waiver made when the inquiry was closed: reopening means there is something
    /// to answer again, so what was owed is owed again, from its own due date.
    pub fn unwaive(&mut self) {
        self.waived = None;
    }

    /// Waives it with a reason, if still open.
    pub fn waive(&mut self, reason: &str) {
        if self.is_open() {
            self.waived = Some(reason.to_owned());
            self.paused_since = None;
        }
    }

    /// How long is left at `now` (negative when overdue).
    pub fn time_left(&self, now: Timestamp) -> SignedDuration {
        self.due_at.duration_since(now)
    }
}
