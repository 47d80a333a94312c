//! From a policy and the facts of one inquiry to its obligations (frister).
//!
//! The semantics are SERVICE_GOALS.md "Working-day semantics": local dates in
//! Europe/Copenhagen; N working days count from the day of receipt when that is a working
//! day, otherwise from the next working day, which itself is not counted; the deadline instant
//! is 23:59:59 local time. N hours are exactly N hours after receipt. This module does no
//! I/O; the instant of receipt is passed in.

use crate::policy::Policy;
use crate::vocabulary::{Addressee, Channel, InquiryKind, Requirement};
use crate::within::Within;
use frist_calendar::{CalendarError, Date};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};

/// The time zone every Danish deadline is computed in, embedded at compile time so results do
/// not depend on the host's time zone files.
pub static COPENHAGEN: TimeZone = jiff::tz::get!("Europe/Copenhagen");

/// What the policy needs to know about an inquiry to say what is owed.
#[derive(Debug, Clone, Copy)]
pub struct InquiryFacts<'a> {
    pub channel: Channel,
    pub to: Addressee,
    pub kind: InquiryKind,
    pub case_type: Option<&'a str>,
    pub received_at: Timestamp,
}

/// One concrete deadline for one inquiry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Obligation<'p> {
    /// The goal it derives from (its source id), or the case type's source or id.
    pub goal: &'p str,
    pub requires: Requirement,
    /// The local date the deadline falls on.
    pub due_date: Date,
    /// The instant the deadline passes.
    pub due_at: Timestamp,
    /// How long the goal allows (to move the deadline when it is paused).
    pub within: Within,
    /// Whether it stops counting while the inquiry awaits the citizen.
    pub pausable: bool,
}

impl Obligation<'_> {
    /// `due_at` as RFC 3339 with the Copenhagen offset in force then, e.g.
    /// `2026-12-29T23:59:59+01:00`.
    pub fn due_at_local(&self) -> impl std::fmt::Display + use<> {
        self.due_at
            .display_with_offset(COPENHAGEN.to_offset(self.due_at))
    }
}

/// Why obligations could not be derived.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    #[error("received_at {received_at}: {source}")]
    Calendar {
        received_at: Timestamp,
        source: CalendarError,
    },
    #[error("unknown case type \"{given}\"; this policy has: {known}")]
    UnknownCaseType { given: String, known: String },
}

impl Policy {
    /// The obligations an inquiry with these facts gets, ordered by what they require
    /// (acknowledgment, answer, callback, triage) and then by due instant.
    pub fn obligations<'p>(
        &'p self,
        facts: &InquiryFacts<'_>,
    ) -> Result<Vec<Obligation<'p>>, DeadlineError> {
        let calendar_err = |source| DeadlineError::Calendar {
            received_at: facts.received_at,
            source,
        };
        let local_date = COPENHAGEN.to_datetime(facts.received_at).date();
        // Answer "outside the calendar" for every receipt outside it, whatever the goal's unit.
        self.calendar
            .is_working_day(local_date)
            .map_err(calendar_err)?;

        let mut out = Vec::new();
        for (goal, deadline) in self.deadlines() {
            if deadline.applies(facts.channel, facts.to, facts.kind) {
                let (due_date, due_at) = self
                    .due(facts.received_at, local_date, deadline.within)
                    .map_err(calendar_err)?;
                out.push(Obligation {
                    goal: &goal.source,
                    requires: deadline.requires,
                    due_date,
                    due_at,
                    within: deadline.within,
                    pausable: deadline.pausable,
                });
            }
        }
        if let Some(id) = facts.case_type {
            let case_type = self
                .case_type(id)
                .ok_or_else(|| DeadlineError::UnknownCaseType {
                    given: id.to_owned(),
                    known: self
                        .case_types
                        .iter()
                        .map(|c| c.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                })?;
            if let Some(within) = case_type.within {
                let (due_date, due_at) = self
                    .due(facts.received_at, local_date, within)
                    .map_err(calendar_err)?;
                let goal = case_type.source.as_deref().unwrap_or(&case_type.id);
                out.push(Obligation {
                    goal,
                    requires: Requirement::Answer,
                    due_date,
                    due_at,
                    within,
                    pausable: case_type.pausable,
                });
            }
        }
        out.sort_by_key(|o| (o.requires, o.due_at));
        Ok(out)
    }

    /// The local due date and due instant of a deadline `within` after receipt.
    fn due(
        &self,
        received_at: Timestamp,
        local_date: Date,
        within: Within,
    ) -> Result<(Date, Timestamp), CalendarError> {
        let cal = &self.calendar;
        match within {
            Within::WorkingDays(n) => {
                let start = cal.working_day_on_or_after(local_date)?;
                let date = cal.add_working_days(start, n)?;
                Ok((date, end_of_day(date)))
            }
            Within::Weeks(n) => {
                let plain = local_date.saturating_add(jiff::Span::new().days(i64::from(n) * 7));
                let date = cal.working_day_on_or_after(plain)?;
                Ok((date, end_of_day(date)))
            }
            Within::Hours(n) => {
                // At most 10,000 hours after a receipt inside 1900–2200: never overflows; the
                // calendar check below still rejects a due date past the supported range.
                let due_at = received_at
                    .checked_add(SignedDuration::from_hours(i64::from(n)))
                    .unwrap_or(Timestamp::MAX);
                let date = COPENHAGEN.to_datetime(due_at).date();
                cal.is_working_day(date)?;
                Ok((date, due_at))
            }
        }
    }
}

/// 23:59:59 local time on `date`: the instant a working-day deadline on that date passes.
/// That time is never skipped or repeated by Danish DST changes (they happen at 02:00 and
/// 03:00), so the conversion is unambiguous.
pub fn end_of_day(date: Date) -> Timestamp {
    let local = date.at(23, 59, 59, 0);
    COPENHAGEN
        .to_ambiguous_timestamp(local)
        .compatible()
        .unwrap_or(Timestamp::MAX)
}
