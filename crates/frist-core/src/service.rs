//! The service report (issue 12): what the policies promise beyond deadlines, counted over the
//! inquiries received in a period — referrals and hand-overs (SKA-3, SKA-8, HTK-10), phone
//! inquiries handled at first contact against messages taken (HTK-9), errors registered (HAL-5,
//! STE-11), feedback and satisfaction (HTK-14, SKA-9), promised answer dates kept, and the
//! working days to the final answer, gross and net of the time spent waiting for the citizen.
//! Grouped by month of receipt, unit, channel, case type or sender kind (HAL-4, HAL-6, SKA-10).
//!
//! Pure: the store hands over each inquiry's projection and its waiting periods; "now" decides
//! whether an open promised date is already broken.

use crate::inquiry::Inquiry;
use crate::sender::SenderKind;
use frist_calendar::{Calendar, Date};
use frist_policy::{COPENHAGEN, Channel, Requirement};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How the service report groups inquiries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServiceGroupBy {
    /// The month of receipt (local), `YYYY-MM`.
    Month,
    Unit,
    Channel,
    CaseType,
    /// `person` or `business`.
    SenderKind,
}

/// What a row is grouped by when an inquiry has no unit / no case type.
pub const NO_UNIT: &str = "(ingen enhed)";
pub const NO_CASE_TYPE: &str = "(ingen sagstype)";

/// One group's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceRow {
    pub group: String,
    /// Inquiries received.
    pub received: u64,
    /// Inquiries referred to another unit or authority at least once, the referrals in all, and
    /// the inquiries referred more than once (with their share of the referred).
    pub referred: u64,
    pub referrals: u64,
    pub referred_more_than_once: u64,
    pub referred_more_than_once_percent: Option<f64>,
    /// Inquiries handed over to someone else's case handling.
    pub handed_over: u64,
    /// Phone inquiries handled when the citizen called, and messages taken for a call back.
    pub phone_first_contact: u64,
    pub phone_messages_taken: u64,
    /// Errors registered, and the inquiries they concern.
    pub errors_registered: u64,
    pub inquiries_with_errors: u64,
    /// Inquiries with the citizen's satisfaction (1–5), its mean, and how many gave each score.
    pub feedback_received: u64,
    pub satisfaction_mean: Option<f64>,
    pub satisfaction: [u64; 5],
    /// Promised answer dates decided (kept, or broken: met late or passed), and kept.
    pub promised_dates: u64,
    pub promised_kept: u64,
    pub promised_kept_percent: Option<f64>,
    /// Inquiries with a final answer, and the working days from receipt to it: gross, and net of
    /// the working days spent waiting for the citizen. Median and 90th percentile.
    pub answered: u64,
    pub gross_median_working_days: Option<f64>,
    pub gross_p90_working_days: Option<f64>,
    pub net_median_working_days: Option<f64>,
    pub net_p90_working_days: Option<f64>,
}

/// One inquiry, as the report needs it: its projection, the periods it waited for the citizen
/// (start, end; an open one has no end), and when its final answer (an answer or a decision)
/// was sent, if it was: from its events, so that the time to answer is measured also where the
/// policy sets no answer deadline (Halsnæs, Skanderborg).
#[derive(Debug, Clone)]
pub struct ServiceInput {
    pub inquiry: Inquiry,
    pub waiting: Vec<(Timestamp, Option<Timestamp>)>,
    pub final_answer_at: Option<Timestamp>,
}

fn local(t: Timestamp) -> Date {
    t.to_zoned(COPENHAGEN.clone()).date()
}

fn key(input: &ServiceInput, group_by: ServiceGroupBy) -> String {
    let i = &input.inquiry;
    match group_by {
        ServiceGroupBy::Month => local(i.received.received_at).strftime("%Y-%m").to_string(),
        ServiceGroupBy::Unit => i.unit.clone().unwrap_or_else(|| NO_UNIT.to_owned()),
        ServiceGroupBy::Channel => i.received.channel.as_str().to_owned(),
        ServiceGroupBy::CaseType => i
            .case_type
            .clone()
            .unwrap_or_else(|| NO_CASE_TYPE.to_owned()),
        ServiceGroupBy::SenderKind => match i.received.sender.kind {
            SenderKind::Person => "person".to_owned(),
            SenderKind::Business => "business".to_owned(),
        },
    }
}

/// When the final answer was given, and the working days from the local day of receipt to it:
/// from the final answer's event when there is one, else from the answer obligations (all met;
/// the latest one's `met_working_days`).
fn to_final_answer(calendar: &Calendar, input: &ServiceInput) -> Option<(Timestamp, i64)> {
    let i = &input.inquiry;
    if let Some(at) = input.final_answer_at {
        let days = calendar
            .working_days_between(local(i.received.received_at), local(at))
            .ok()?
            .max(0);
        return Some((at, days));
    }
    let answers: Vec<_> = i
        .obligations
        .iter()
        .filter(|o| o.requires == Requirement::Answer && o.waived.is_none())
        .collect();
    if answers.is_empty() || answers.iter().any(|o| o.met_at.is_none()) {
        return None;
    }
    let at = answers.iter().filter_map(|o| o.met_at).max()?;
    Some((at, answers.iter().filter_map(|o| o.met_working_days).max()?))
}

/// Working days spent waiting for the citizen before `until`: the working days after each wait's
/// start day up to and including its end day (as a deadline counts them).
fn waiting_days(calendar: &Calendar, input: &ServiceInput, until: Timestamp) -> i64 {
    input
        .waiting
        .iter()
        .map(|(start, end)| {
            let end = end.unwrap_or(until).min(until);
            if end <= *start {
                return 0;
            }
            calendar
                .working_days_between(local(*start), local(end))
                .unwrap_or(0)
                .max(0)
        })
        .sum()
}

/// The `q`-quantile (0..=1) of sorted values, interpolating linearly between closest ranks
/// (the compliance report's median and 90th percentile use it too).
pub fn quantile(sorted: &[i64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let position = q.clamp(0.0, 1.0) * last as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let (a, b) = (*sorted.get(below)? as f64, *sorted.get(above)? as f64);
    Some(a + (b - a) * (position - below as f64))
}

/// [`quantile`] of the values that `counts` holds `(value, how many)`, in ascending order of
/// value: the same figure as of the values written out one by one, without writing them out (the
/// tallies count millions of obligations in a few thousand rows).
pub fn quantile_of_counts(counts: &[(i64, u64)], q: f64) -> Option<f64> {
    let total: u64 = counts.iter().map(|(_, n)| n).sum();
    let last = total.checked_sub(1)?;
    let position = q.clamp(0.0, 1.0) * last as f64;
    let at = |rank: u64| {
        let mut seen = 0u64;
        counts.iter().find_map(|(value, n)| {
            seen += n;
            (rank < seen).then_some(*value as f64)
        })
    };
    let (below, above) = (position.floor() as u64, position.ceil() as u64);
    let (a, b) = (at(below)?, at(above)?);
    Some(a + (b - a) * (position - below as f64))
}

fn percent(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| part as f64 * 100.0 / whole as f64)
}

#[derive(Default)]
struct Tally {
    row: Option<ServiceRow>,
    gross: Vec<i64>,
    net: Vec<i64>,
    scores: u64,
}

/// The report being counted: inquiries are added one by one (a store reads them a page at a
/// time), then [`ServiceReport::rows`] gives the figures.
#[derive(Default)]
pub struct ServiceReport {
    group_by: Option<ServiceGroupBy>,
    now: Option<Timestamp>,
    groups: BTreeMap<String, Tally>,
}

impl std::fmt::Debug for ServiceReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServiceReport")
            .field("group_by", &self.group_by)
            .field("groups", &self.groups.len())
            .finish()
    }
}

impl ServiceReport {
    /// A report grouped by `group_by`, judging open promised dates at `now`.
    pub fn new(group_by: ServiceGroupBy, now: Timestamp) -> Self {
        Self {
            group_by: Some(group_by),
            now: Some(now),
            groups: BTreeMap::new(),
        }
    }

    /// Counts one inquiry in.
    pub fn add(&mut self, calendar: &Calendar, input: &ServiceInput) {
        let group_by = self.group_by.unwrap_or(ServiceGroupBy::Month);
        let now = self.now.unwrap_or_else(Timestamp::now);
        let group = key(input, group_by);
        let tally = self.groups.entry(group.clone()).or_default();
        let row = tally.row.get_or_insert_with(|| empty(group));
        let i = &input.inquiry;
        row.received += 1;
        let transfers = u64::from(i.transfers);
        if transfers > 0 {
            row.referred += 1;
            row.referrals += transfers;
        }
        if transfers > 1 {
            row.referred_more_than_once += 1;
        }
        if i.handed_over_to.is_some() {
            row.handed_over += 1;
        }
        if i.received.channel == Channel::Phone {
            let callback = i
                .obligations
                .iter()
                .chain(&i.set_aside)
                .any(|o| o.requires == Requirement::Callback);
            if callback {
                row.phone_messages_taken += 1;
            } else {
                row.phone_first_contact += 1;
            }
        }
        let errors = u64::from(i.errors_registered);
        row.errors_registered += errors;
        if errors > 0 {
            row.inquiries_with_errors += 1;
        }
        if let Some(score) = i.feedback_score.filter(|s| (1..=5).contains(s)) {
            row.feedback_received += 1;
            tally.scores += u64::from(score);
            if let Some(slot) = row.satisfaction.get_mut(usize::from(score - 1)) {
                *slot += 1;
            }
        }
        for o in i
            .obligations
            .iter()
            .filter(|o| o.promised && o.waived.is_none())
        {
            match o.met_at {
                Some(met) => {
                    row.promised_dates += 1;
                    if met <= o.due_at {
                        row.promised_kept += 1;
                    }
                }
                None if now >= o.due_at && o.paused_since.is_none() => row.promised_dates += 1,
                None => {}
            }
        }
        if let Some((answered_at, gross)) = to_final_answer(calendar, input) {
            row.answered += 1;
            tally.gross.push(gross);
            let waited = waiting_days(calendar, input, answered_at);
            tally.net.push((gross - waited).max(0));
        }
    }

    /// The figures per group, in the order of the groups' names.
    pub fn rows(self) -> Vec<ServiceRow> {
        self.groups
            .into_values()
            .filter_map(|mut tally| {
                let mut row = tally.row.take()?;
                tally.gross.sort_unstable();
                tally.net.sort_unstable();
                row.referred_more_than_once_percent =
                    percent(row.referred_more_than_once, row.referred);
                row.promised_kept_percent = percent(row.promised_kept, row.promised_dates);
                row.satisfaction_mean = (row.feedback_received > 0)
                    .then(|| tally.scores as f64 / row.feedback_received as f64);
                row.gross_median_working_days = quantile(&tally.gross, 0.5);
                row.gross_p90_working_days = quantile(&tally.gross, 0.9);
                row.net_median_working_days = quantile(&tally.net, 0.5);
                row.net_p90_working_days = quantile(&tally.net, 0.9);
                Some(row)
            })
            .collect()
    }
}

/// The report over `inputs`, grouped, at `now` (all at once; see [`ServiceReport`]).
pub fn service_report(
    calendar: &Calendar,
    inputs: &[ServiceInput],
    group_by: ServiceGroupBy,
    now: Timestamp,
) -> Vec<ServiceRow> {
    let mut report = ServiceReport::new(group_by, now);
    for input in inputs {
        report.add(calendar, input);
    }
    report.rows()
}

fn empty(group: String) -> ServiceRow {
    ServiceRow {
        group,
        received: 0,
        referred: 0,
        referrals: 0,
        referred_more_than_once: 0,
        referred_more_than_once_percent: None,
        handed_over: 0,
        phone_first_contact: 0,
        phone_messages_taken: 0,
        errors_registered: 0,
        inquiries_with_errors: 0,
        feedback_received: 0,
        satisfaction_mean: None,
        satisfaction: [0; 5],
        promised_dates: 0,
        promised_kept: 0,
        promised_kept_percent: None,
        answered: 0,
        gross_median_working_days: None,
        gross_p90_working_days: None,
        net_median_working_days: None,
        net_p90_working_days: None,
    }
}
