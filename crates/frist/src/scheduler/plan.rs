//! What one pass of the scheduler owes, decided without I/O: it is fed the open obligations
//! page by page (nearest deadline first) and the staff directory, and answers with the notices
//! to queue. The store makes each notice happen once (its key is unique); this module only has
//! to give the same key to the same notice on every pass.

use super::texts;
use frist_calendar::Date;
use frist_core::alerts::{self, Alert, Level, WarnShare};
use frist_policy::Policy;
use frist_store::{Caseworker, InquiryId, NewNotice, NoticeKind, NoticeText, OpenObligation, Unit};
use jiff::{SignedDuration, Timestamp};
use std::collections::{BTreeMap, HashMap, HashSet};

/// An escalation is owed only for a deadline that passed within this long before the pass: one
/// that passed long before the scheduler first ran (or while it was stopped for weeks) is on the
/// lead's page and in the monthly report already, and a lead is not sent hundreds of mails at
/// once.
pub const ESCALATION_CATCH_UP: SignedDuration = SignedDuration::from_hours(7 * 24);

/// Examples listed per section of a digest; the rest are counted.
const EXAMPLES: usize = 10;

/// Who works here, as the scheduler needs it.
#[derive(Debug, Default)]
pub struct Directory {
    pub caseworkers: BTreeMap<String, Caseworker>,
    pub units: HashMap<String, Unit>,
    /// The leads of each unit (user names with the lead role), in order.
    pub leads: HashMap<String, Vec<String>>,
    /// Who turned the daily digest off.
    pub opt_outs: HashSet<String>,
}

impl Directory {
    /// Present on `day`: not registered as away, or back before it.
    fn present(&self, person: &str, day: Date) -> Option<&Caseworker> {
        self.caseworkers
            .get(person)
            .filter(|c| c.absent.as_ref().is_none_or(|a| a.until < day))
    }

    /// A present person's work address.
    fn reachable(&self, person: &str, day: Date) -> Option<(String, String)> {
        let c = self.present(person, day)?;
        let email = c.email.as_ref().filter(|e| !e.trim().is_empty())?;
        Some((c.id.clone(), email.clone()))
    }

    /// A unit's shared mailbox, as the notice's person `unit:ID`.
    fn unit_mailbox(&self, unit: &str) -> Option<(String, String)> {
        let email = self.units.get(unit)?.email.as_ref()?;
        Some((format!("unit:{unit}"), email.clone()))
    }

    fn unit_name(&self, unit: &str) -> String {
        self.units
            .get(unit)
            .map_or_else(|| unit.to_owned(), |u| u.name.clone())
    }
}

/// The instants a pass measures against.
#[derive(Debug, Clone, Copy)]
pub struct Moment {
    pub now: Timestamp,
    pub today: Date,
    /// The end of today (local), exclusive.
    pub today_end: Timestamp,
    /// The end of the next working day, exclusive.
    pub risk_end: Timestamp,
    /// Inquiries received since this instant are "new" in the digest: the start of the
    /// previous working day.
    pub new_since: Timestamp,
}

/// Where notices link to and what their Message-IDs end with.
#[derive(Debug, Clone)]
pub struct Addresses {
    /// The public URL without a trailing slash.
    pub base: String,
    /// The domain of our Message-IDs.
    pub domain: String,
}

impl Addresses {
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn message_id(&self, key: &str) -> String {
        let safe: String = key
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        format!("<frist.notice.{safe}@{}>", self.domain)
    }

    pub fn notice(
        &self,
        alert: &Alert,
        kind: NoticeKind,
        to: (String, String),
        inquiry_id: Option<InquiryId>,
        text: NoticeText,
        now: Timestamp,
    ) -> NewNotice {
        let key = alert.key();
        NewNotice {
            message_id: self.message_id(&key),
            key,
            kind,
            person: to.0,
            recipient: to.1,
            inquiry_id,
            text,
            created_at: now,
            due_at: now,
        }
    }
}

/// An inquiry as a digest lists it.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: InquiryId,
    pub reference: String,
    pub subject: String,
    pub due_date: Date,
}

/// A section of a digest: how many, and the first few.
#[derive(Debug, Clone, Default)]
pub struct Section {
    pub count: usize,
    pub examples: Vec<Item>,
}

impl Section {
    fn add(&mut self, item: &Item) {
        self.count += 1;
        if self.examples.len() < EXAMPLES {
            self.examples.push(item.clone());
        }
    }
}

/// One person's open work, by its nearest deadline.
#[derive(Debug, Clone, Default)]
pub struct Work {
    pub overdue: Section,
    pub due_today: Section,
    pub at_risk: Section,
    pub new: Section,
    pub handed: Section,
    /// Every open inquiry with a deadline that is theirs now (the digest's memory).
    pub mine: Vec<InquiryId>,
    /// Their items received since `new_since`, to tell "new" from "handed to me".
    new_ids: HashSet<InquiryId>,
    /// Every item, for "handed to me" (only kept until the digest is made).
    all: Vec<Item>,
}

/// One pass: feed it pages, then ask for the digests.
#[derive(Debug)]
pub struct Pass<'a> {
    policy: &'a Policy,
    directory: &'a Directory,
    addresses: &'a Addresses,
    moment: Moment,
    seen: HashSet<InquiryId>,
    work: HashMap<String, Work>,
    /// New inquiries nobody owns yet, per unit.
    unassigned_new: HashMap<String, Section>,
    pub obligations: u64,
}

impl<'a> Pass<'a> {
    pub fn new(
        policy: &'a Policy,
        directory: &'a Directory,
        addresses: &'a Addresses,
        moment: Moment,
    ) -> Self {
        Self {
            policy,
            directory,
            addresses,
            moment,
            seen: HashSet::new(),
            work: HashMap::new(),
            unassigned_new: HashMap::new(),
            obligations: 0,
        }
    }

    /// The warnings and escalations a page of open obligations owes now; the page also counts
    /// towards the digests.
    pub fn page(&mut self, page: &[OpenObligation]) -> Vec<NewNotice> {
        let mut notices = Vec::new();
        for o in page {
            self.obligations += 1;
            self.count(o);
            if let Some(n) = self.alert(o) {
                notices.push(n);
            }
        }
        notices
    }

    fn count(&mut self, o: &OpenObligation) {
        // Pages come nearest deadline first: an inquiry's first row is its nearest deadline.
        if !self.seen.insert(o.inquiry_id) {
            return;
        }
        let m = self.moment;
        let item = Item {
            id: o.inquiry_id,
            reference: o.reference.clone(),
            subject: o.subject.clone(),
            due_date: o.due_date,
        };
        let is_new = o.received_at >= m.new_since;
        let Some(owner) = &o.caseworker else {
            if let (true, Some(unit)) = (is_new, &o.unit) {
                self.unassigned_new
                    .entry(unit.clone())
                    .or_default()
                    .add(&item);
            }
            return;
        };
        let work = self.work.entry(owner.clone()).or_default();
        if o.due_at < m.now {
            work.overdue.add(&item);
        } else if o.due_at < m.today_end {
            work.due_today.add(&item);
        } else if o.due_at < m.risk_end {
            work.at_risk.add(&item);
        }
        if is_new {
            work.new.add(&item);
            work.new_ids.insert(item.id);
        }
        work.mine.push(item.id);
        work.all.push(item);
    }

    fn alert(&self, o: &OpenObligation) -> Option<NewNotice> {
        let m = self.moment;
        let share = WarnShare::new(self.policy.warn_at(&o.goal))?;
        let start = o
            .received_at
            .to_zoned(frist_policy::COPENHAGEN.clone())
            .date();
        let calendar = &self.policy.calendar;
        let level = alerts::level(calendar, start, o.due_date, o.due_at, share, m.now).ok()??;
        if level == Level::Escalation && o.due_at < m.now.checked_sub(ESCALATION_CATCH_UP).ok()? {
            return None;
        }
        let alert = Alert::Obligation {
            inquiry: o.inquiry_id,
            goal: o.goal.clone(),
            level,
        };
        let d = self.directory;
        let (kind, to, text) = match level {
            Level::Warning => {
                let owner = o.caseworker.as_deref();
                let substitute = owner
                    .and_then(|c| d.caseworkers.get(c))
                    .and_then(|c| c.absent.as_ref())
                    .filter(|a| a.until >= m.today)
                    .and_then(|a| a.substitute.as_deref());
                let to = owner
                    .and_then(|c| d.reachable(c, m.today))
                    .or_else(|| substitute.and_then(|s| d.reachable(s, m.today)))
                    .or_else(|| o.unit.as_deref().and_then(|u| d.unit_mailbox(u)))?;
                let unit = o
                    .unit
                    .as_deref()
                    .map(|u| d.unit_name(u))
                    .filter(|_| to.0.starts_with("unit:"));
                let text = texts::warning(o, share.percent(), unit.as_deref(), self.addresses);
                (NoticeKind::Warning, to, text)
            }
            Level::Escalation => {
                let unit = o.unit.as_deref();
                let to = unit
                    .and_then(|u| d.leads.get(u))
                    .into_iter()
                    .flatten()
                    .find_map(|lead| d.reachable(lead, m.today))
                    .or_else(|| unit.and_then(|u| d.unit_mailbox(u)))?;
                let owner = o
                    .caseworker
                    .as_deref()
                    .and_then(|c| d.caseworkers.get(c))
                    .map(|c| c.name.clone());
                let text = texts::escalation(o, owner.as_deref(), self.addresses);
                (NoticeKind::Escalation, to, text)
            }
        };
        Some(
            self.addresses
                .notice(&alert, kind, to, Some(o.inquiry_id), text, m.now),
        )
    }

    /// The digests of `day` for every present caseworker with an address who wants one;
    /// `last_mine` answers which inquiries a person's previous digest counted as theirs.
    pub fn digests(mut self, last_mine: &HashMap<String, Vec<InquiryId>>) -> Vec<NewNotice> {
        let (d, m) = (self.directory, self.moment);
        let mut out = Vec::new();
        for (id, person) in &d.caseworkers {
            if d.opt_outs.contains(id) {
                continue;
            }
            let Some(to) = d.reachable(id, m.today) else {
                continue;
            };
            let mut work = self.work.remove(id).unwrap_or_default();
            if let Some(before) = last_mine.get(id) {
                let before: HashSet<InquiryId> = before.iter().copied().collect();
                for item in &work.all {
                    if !before.contains(&item.id) && !work.new_ids.contains(&item.id) {
                        work.handed.add(item);
                    }
                }
            }
            if let Some(unit) = &person.unit
                && let Some(unassigned) = self.unassigned_new.get(unit)
            {
                work.new.count += unassigned.count;
                for item in &unassigned.examples {
                    if work.new.examples.len() < EXAMPLES {
                        work.new.examples.push(item.clone());
                    }
                }
            }
            let covering: Vec<(&Caseworker, Date, Work)> =
                d.caseworkers
                    .values()
                    .filter_map(|c| {
                        let away = c.absent.as_ref()?;
                        (away.until >= m.today && away.substitute.as_deref() == Some(id.as_str()))
                            .then(|| {
                                (
                                    c,
                                    away.until,
                                    self.work.get(&c.id).cloned().unwrap_or_default(),
                                )
                            })
                    })
                    .collect();
            let alert = Alert::Digest {
                person: id.clone(),
                day: m.today,
            };
            let mut text = texts::digest(person, m.today, &work, &covering, self.addresses);
            text.mine = std::mem::take(&mut work.mine);
            out.push(
                self.addresses
                    .notice(&alert, NoticeKind::Digest, to, None, text, m.now),
            );
        }
        out
    }
}
