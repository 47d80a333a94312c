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
    /// What each person's previous digest counted as theirs (no entry: no previous digest).
    last_mine: HashMap<String, HashSet<InquiryId>>,
    pub obligations: u64,
}

impl<'a> Pass<'a> {
    /// `last_mine` answers which inquiries a person's previous digest counted as theirs, so
    /// that the new one can say which were handed to them since.
    pub fn new(
        policy: &'a Policy,
        directory: &'a Directory,
        addresses: &'a Addresses,
        moment: Moment,
        last_mine: HashMap<String, HashSet<InquiryId>>,
    ) -> Self {
        Self {
            last_mine,
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
        } else if self
            .last_mine
            .get(owner)
            .is_some_and(|before| !before.contains(&item.id))
        {
            work.handed.add(&item);
        }
        work.mine.push(item.id);
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

    /// The digests of today for every present caseworker with an address who wants one.
    pub fn digests(mut self) -> Vec<NewNotice> {
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use frist_store::Absence;
    use jiff::civil::date;

    fn policy() -> Policy {
        Policy::from_toml(
            "hoeje-taastrup",
            include_str!("../../../../policies/hoeje-taastrup.toml"),
        )
        .unwrap()
    }

    fn person(id: &str, unit: &str, absent: Option<(Date, &str)>) -> Caseworker {
        Caseworker {
            id: id.into(),
            name: id.to_uppercase(),
            unit: Some(unit.into()),
            email: Some(format!("{id}@kommune.example")),
            phone: None,
            absent: absent.map(|(until, s)| Absence {
                until,
                substitute: Some(s.into()),
            }),
        }
    }

    fn directory(people: Vec<Caseworker>, leads: &[(&str, &str)]) -> Directory {
        let mut d = Directory {
            caseworkers: people.into_iter().map(|c| (c.id.clone(), c)).collect(),
            ..Directory::default()
        };
        d.units.insert(
            "bs".into(),
            Unit {
                id: "bs".into(),
                name: "Borgerservice".into(),
                email: Some("bs@kommune.example".into()),
                phone: None,
            },
        );
        for (unit, lead) in leads {
            d.leads
                .entry((*unit).into())
                .or_default()
                .push((*lead).into());
        }
        d
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    /// Tuesday 15 December 2026, 09:00 local.
    fn moment() -> Moment {
        Moment {
            now: at("2026-12-15T08:00:00Z"),
            today: date(2026, 12, 15),
            today_end: at("2026-12-15T23:00:00Z"),
            risk_end: at("2026-12-16T23:00:00Z"),
            new_since: at("2026-12-13T23:00:00Z"),
        }
    }

    fn addresses() -> Addresses {
        Addresses {
            base: "https://frist.example".into(),
            domain: "htk.dk".into(),
        }
    }

    /// Received `received`, due at the end of `due` (local), owned by `owner`.
    fn open(id: i64, received: &str, due: Date, owner: Option<&str>) -> OpenObligation {
        let due_at = due
            .tomorrow()
            .unwrap()
            .to_zoned(frist_policy::COPENHAGEN.clone())
            .unwrap()
            .timestamp()
            .checked_sub(SignedDuration::from_secs(1))
            .unwrap();
        OpenObligation {
            inquiry_id: id,
            policy_id: 1,
            reference: format!("HTK-2026-{id:06}"),
            subject: "Flytning".into(),
            unit: Some("bs".into()),
            caseworker: owner.map(str::to_owned),
            received_at: at(received),
            goal: "HTK-1".into(),
            due_at,
            due_date: due,
        }
    }

    #[test]
    fn a_warning_goes_to_the_owner_their_substitute_or_the_unit() {
        let p = policy();
        let d = directory(
            vec![
                person("mette", "bs", None),
                person("lars", "bs", Some((date(2026, 12, 20), "mette"))),
            ],
            &[],
        );
        let a = addresses();
        let mut pass = Pass::new(&p, &d, &a, moment(), HashMap::new());
        // Received 1 December, due 17 December: well past three quarters on the 15th.
        let page = [
            open(1, "2026-12-01T09:00:00Z", date(2026, 12, 17), Some("mette")),
            open(2, "2026-12-01T09:00:00Z", date(2026, 12, 17), Some("lars")),
            open(3, "2026-12-01T09:00:00Z", date(2026, 12, 17), None),
            // Received yesterday, due in a month: too early to warn.
            open(4, "2026-12-14T09:00:00Z", date(2027, 1, 15), Some("mette")),
        ];
        let notices = pass.page(&page);
        let to: Vec<(&str, &str)> = notices
            .iter()
            .map(|n| (n.key.as_str(), n.person.as_str()))
            .collect();
        assert_eq!(
            to,
            [
                ("warning:1:HTK-1", "mette"),
                ("warning:2:HTK-1", "mette"),
                ("warning:3:HTK-1", "unit:bs"),
            ]
        );
        assert!(notices.iter().all(|n| n.kind == NoticeKind::Warning));
        assert!(notices[2].text.body.contains("Borgerservice"));
        assert_eq!(
            notices[0].text.link.as_deref(),
            Some("https://frist.example/sager/1")
        );
        assert_eq!(
            notices[0].message_id,
            "<frist.notice.warning-1-HTK-1@htk.dk>"
        );
    }

    #[test]
    fn an_escalation_goes_to_the_lead_and_only_for_a_recent_breach() {
        let p = policy();
        let d = directory(
            vec![person("mette", "bs", None), person("bo", "bs", None)],
            &[("bs", "bo")],
        );
        let a = addresses();
        let mut pass = Pass::new(&p, &d, &a, moment(), HashMap::new());
        let page = [
            // Passed a month ago: on the lead's page already, not mailed now.
            open(1, "2026-10-01T09:00:00Z", date(2026, 11, 13), Some("mette")),
            open(2, "2026-11-20T09:00:00Z", date(2026, 12, 14), Some("mette")),
        ];
        let notices = pass.page(&page);
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].key, "escalation:2:HTK-1");
        assert_eq!(notices[0].kind, NoticeKind::Escalation);
        assert_eq!(notices[0].person, "bo");
        assert!(notices[0].text.body.contains("METTE"));
        // Without a lead: the unit's mailbox.
        let d = directory(vec![person("mette", "bs", None)], &[]);
        let mut pass = Pass::new(&p, &d, &a, moment(), HashMap::new());
        assert_eq!(pass.page(&page)[0].person, "unit:bs");
    }

    #[test]
    fn digests_go_to_present_people_who_want_them_with_their_work_by_nearest_deadline() {
        let p = policy();
        let mut d = directory(
            vec![
                person("mette", "bs", None),
                person("lars", "bs", Some((date(2026, 12, 20), "mette"))),
                person("bo", "bs", None),
            ],
            &[],
        );
        d.opt_outs.insert("bo".into());
        let a = addresses();
        // Mette's last digest knew inquiry 1 only: 2 was handed to her since, 3 is new.
        let memory = HashMap::from([("mette".to_owned(), HashSet::from([1]))]);
        let mut pass = Pass::new(&p, &d, &a, moment(), memory);
        pass.page(&[
            open(1, "2026-12-01T09:00:00Z", date(2026, 12, 14), Some("mette")),
            open(2, "2026-12-01T09:00:00Z", date(2026, 12, 15), Some("mette")),
            // The same inquiry's later deadline: counted once, by its nearest.
            open(2, "2026-12-01T09:00:00Z", date(2026, 12, 22), Some("mette")),
            open(3, "2026-12-14T09:00:00Z", date(2026, 12, 16), Some("mette")),
            open(4, "2026-12-01T09:00:00Z", date(2026, 12, 15), Some("lars")),
        ]);
        let digests = pass.digests();
        assert_eq!(digests.len(), 1, "lars is away and bo turned it off");
        let mette = &digests[0];
        assert_eq!(mette.key, "digest:mette:2026-12-15");
        assert_eq!(mette.person, "mette");
        let body = &mette.text.body;
        for expected in [
            "1 sag har overskredet fristen",
            "1 sag forfalder i dag",
            "1 sag forfalder næste arbejdsdag",
            "1 ny henvendelse siden sidst",
            "1 sag er givet til dig siden sidst",
            "Du dækker for LARS",
        ] {
            assert!(body.contains(expected), "{expected} in {body}");
        }
        assert!(body.contains("HTK-2026-000002"), "{body}");
        let mut mine = mette.text.mine.clone();
        mine.sort_unstable();
        assert_eq!(mine, [1, 2, 3]);
    }
}
