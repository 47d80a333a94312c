//! The scheduler (issue 13): reminders that never arrive on a holiday and never twice.
//!
//! A pass at "now" reads the open obligations once, nearest deadline first, and queues in the
//! outbox what is owed at that moment: a warning once a share of a deadline's working days has
//! gone (to the owner, their substitute while they are away, or the unit's mailbox), an
//! escalation once it has passed (to the unit's lead, or its mailbox), each caseworker's daily
//! digest, and on the first working day of a month each unit's report for the month before.
//! Nothing is owed outside the opening hours of a working day: a pass then queues nothing, and
//! the next pass within the hours catches up.
//!
//! Every notice is queued under a key that names it (`warning:42:HTK-1`,
//! `digest:mette:2026-12-07`, `monthly_report:borgerservice:2026-11`), unique in the outbox, so
//! running a pass twice, after a crash, or on two nodes at once never queues anything twice;
//! the dispatcher then sends each once. The decisions are in [`plan`], without I/O.

pub mod plan;
mod texts;

use frist_calendar::Date;
use frist_core::alerts::{Alert, next_working_moment};
use frist_policy::{COPENHAGEN, Policy};
use frist_store::{
    AnyStore, GroupBy, NewNotice, NoticeKind, NoticeStore, Role, Store, StoreError, StoreResult,
};
use jiff::Timestamp;
use plan::{Addresses, Directory, Moment, Pass};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Open obligations read per page.
const PAGE: u32 = 10_000;

/// What one pass queued.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PassSummary {
    /// False when "now" is outside the opening hours of a working day: nothing is owed then.
    pub working_hours: bool,
    pub obligations: u64,
    pub warnings: u64,
    pub escalations: u64,
    pub digests: u64,
    pub monthly_reports: u64,
}

impl PassSummary {
    pub fn queued(&self) -> u64 {
        self.warnings + self.escalations + self.digests + self.monthly_reports
    }
}

/// Decides and queues notices to staff.
#[derive(Debug, Clone)]
pub struct Scheduler {
    store: Arc<AnyStore>,
    policy: Arc<Policy>,
    addresses: Addresses,
}

/// The start of `day` in Copenhagen.
fn start_of(day: Date) -> Option<Timestamp> {
    day.to_zoned(COPENHAGEN.clone()).ok().map(|z| z.timestamp())
}

/// The last working day before `day` (at most a month back; else the day before).
fn previous_working_day(policy: &Policy, day: Date) -> StoreResult<Date> {
    let mut d = day;
    for _ in 0..31 {
        d = d.yesterday().map_err(calendar_error)?;
        if policy.calendar.is_working_day(d).map_err(calendar_error)? {
            return Ok(d);
        }
    }
    day.yesterday().map_err(calendar_error)
}

fn calendar_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Other(format!("the calendar cannot place this moment: {e}"))
}

impl Scheduler {
    /// `public_url` is where links in notices point (no trailing slash); `domain` ends our
    /// Message-IDs.
    pub fn new(store: Arc<AnyStore>, policy: Arc<Policy>, public_url: &str, domain: &str) -> Self {
        Self {
            store,
            policy,
            addresses: Addresses {
                base: public_url.trim_end_matches('/').to_owned(),
                domain: domain.to_owned(),
            },
        }
    }

    fn moment(&self, now: Timestamp) -> StoreResult<Moment> {
        let cal = &self.policy.calendar;
        let today = now.to_zoned(COPENHAGEN.clone()).date();
        let tomorrow = today.tomorrow().map_err(calendar_error)?;
        let next_working = cal.next_working_day(today).map_err(calendar_error)?;
        let previous_working = previous_working_day(&self.policy, today)?;
        let edge = |d: Date| start_of(d).ok_or_else(|| calendar_error(d));
        Ok(Moment {
            now,
            today,
            today_end: edge(tomorrow)?,
            risk_end: edge(next_working.tomorrow().map_err(calendar_error)?)?,
            new_since: edge(previous_working)?,
        })
    }

    async fn directory(&self) -> StoreResult<Directory> {
        let (caseworkers, units, users, opt_outs) = tokio::try_join!(
            self.store.caseworkers(),
            self.store.units(),
            self.store.users(),
            self.store.digest_opt_outs(),
        )?;
        let mut directory = Directory {
            caseworkers: caseworkers.into_iter().map(|c| (c.id.clone(), c)).collect(),
            units: units.into_iter().map(|u| (u.id.clone(), u)).collect(),
            opt_outs: opt_outs.into_iter().collect(),
            ..Directory::default()
        };
        for user in users.iter().filter(|u| u.role == Role::Lead) {
            if let Some(unit) = directory
                .caseworkers
                .get(&user.username)
                .and_then(|c| c.unit.clone())
            {
                directory
                    .leads
                    .entry(unit)
                    .or_default()
                    .push(user.username.clone());
            }
        }
        for leads in directory.leads.values_mut() {
            leads.sort();
        }
        Ok(directory)
    }

    /// Queues what is owed at `now`, then returns what it queued. Notices are due at once
    /// (`now`, or the clock's time when `now` is later: a pass run ahead of time for a test
    /// is still delivered by a dispatcher on the real clock).
    pub async fn run_once(&self, now: Timestamp) -> StoreResult<PassSummary> {
        let due = now.min(Timestamp::now());
        let queue = |mut notices: Vec<NewNotice>| {
            for n in &mut notices {
                n.due_at = due;
            }
            self.store.queue_notices(notices)
        };
        let mut summary = PassSummary::default();
        let cal = &self.policy.calendar;
        let open =
            next_working_moment(cal, &self.policy.opening_hours, now).map_err(calendar_error)?;
        if open != Some(now) {
            return Ok(summary);
        }
        summary.working_hours = true;
        let moment = self.moment(now)?;
        let directory = self.directory().await?;
        // Read before the scan, so that "handed to you" is decided as the rows go by and
        // nothing is kept of inquiries beyond their ids.
        let mut last_mine = HashMap::new();
        for id in directory.caseworkers.keys() {
            if let Some(mine) = self.store.last_digest_mine(id).await? {
                last_mine.insert(id.clone(), mine.into_iter().collect::<HashSet<_>>());
            }
        }
        let mut pass = Pass::new(&self.policy, &directory, &self.addresses, moment, last_mine);
        let mut cursor = None;
        loop {
            let (page, next) = self.store.open_obligations(cursor, PAGE).await?;
            let notices = pass.page(&page);
            let (warnings, escalations): (Vec<NewNotice>, Vec<NewNotice>) = notices
                .into_iter()
                .partition(|n| n.kind == NoticeKind::Warning);
            summary.warnings += queue(warnings).await?;
            summary.escalations += queue(escalations).await?;
            match next {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        summary.obligations = pass.obligations;
        summary.digests = queue(pass.digests()).await?;
        summary.monthly_reports = queue(self.monthly_reports(&directory, moment).await?).await?;
        Ok(summary)
    }

    /// On the first working day of a month: each unit's report for the month before, to its
    /// lead (or its mailbox).
    async fn monthly_reports(
        &self,
        directory: &Directory,
        m: Moment,
    ) -> StoreResult<Vec<NewNotice>> {
        let cal = &self.policy.calendar;
        let first = m.today.first_of_month();
        let first_working = cal.working_day_on_or_after(first).map_err(calendar_error)?;
        if first_working != m.today {
            return Ok(Vec::new());
        }
        let Some(previous) = first.yesterday().ok().map(|d| d.first_of_month()) else {
            return Ok(Vec::new());
        };
        let (from, to) = (
            start_of(previous).ok_or_else(|| calendar_error(previous))?,
            start_of(first).ok_or_else(|| calendar_error(first))?,
        );
        let (by_goal, by_unit) = tokio::try_join!(
            self.store.compliance(from, to, GroupBy::Goal, m.now),
            self.store.compliance(from, to, GroupBy::Unit, m.now),
        )?;
        let text = texts::monthly_report(previous, &by_goal, &by_unit, &self.addresses);
        let mut notices = Vec::new();
        let mut units: Vec<&String> = directory.units.keys().collect();
        units.sort();
        for unit in units {
            let lead = directory
                .leads
                .get(unit)
                .into_iter()
                .flatten()
                .filter_map(|l| directory.caseworkers.get(l))
                .filter(|c| c.absent.as_ref().is_none_or(|a| a.until < m.today))
                .find_map(|c| c.email.clone().map(|e| (c.id.clone(), e)));
            let mailbox = directory
                .units
                .get(unit)
                .and_then(|u| u.email.clone())
                .map(|e| (format!("unit:{unit}"), e));
            let Some(to) = lead.or(mailbox) else {
                continue;
            };
            let alert = Alert::MonthlyReport {
                unit: unit.clone(),
                month: previous,
            };
            notices.push(self.addresses.notice(
                &alert,
                NoticeKind::MonthlyReport,
                to,
                None,
                text.clone(),
                m.now,
            ));
        }
        Ok(notices)
    }
}
