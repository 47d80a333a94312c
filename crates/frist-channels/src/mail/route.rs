//! Where a message goes: the mailbox that received it decides the addressee (general,
//! department, employee), the unit and the caseworker. A message fetched over IMAP knows its
//! mailbox; an imported file is matched by its recipients (Delivered-To, To, Cc, in that order)
//! against the configured mailboxes, then the units' and caseworkers' addresses in the store,
//! and otherwise goes to the general mailbox.
//!
//! Mail to the personal mailbox of an absent caseworker goes to their substitute (HTK-5,
//! ROS-3); without a substitute it goes to the caseworker's unit, unassigned.

use super::config::{Mailbox, MailboxKind};
use super::parse::{ParsedMail, normalise_address};
use frist_calendar::Date;
use frist_policy::Addressee;
use frist_store::{Caseworker, Unit};

/// What routing knows about the municipality: its mailboxes, units and caseworkers.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    pub mailboxes: Vec<Mailbox>,
    pub units: Vec<Unit>,
    pub caseworkers: Vec<Caseworker>,
    /// The municipality's own address from the policy, if any.
    pub municipality_email: Option<String>,
}

/// Where a message goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub to: Addressee,
    pub unit: Option<String>,
    pub caseworker: Option<String>,
    /// Set when the mailbox's owner is absent and the message went elsewhere.
    pub absence: Option<AbsentOwner>,
}

/// The absent owner of a personal mailbox, and who stands in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbsentOwner {
    pub caseworker: Caseworker,
    /// Absent to and including this day.
    pub until: Date,
    pub substitute: Option<Caseworker>,
}

impl Directory {
    pub fn caseworker(&self, id: &str) -> Option<&Caseworker> {
        self.caseworkers.iter().find(|c| c.id == id)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// Every address that is the municipality's own: mailboxes, units, caseworkers and the
    /// policy's, lower case. Mail from these is never answered automatically.
    pub fn our_addresses(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .mailboxes
            .iter()
            .map(|m| m.address.as_str())
            .chain(self.units.iter().filter_map(|u| u.email.as_deref()))
            .chain(self.caseworkers.iter().filter_map(|c| c.email.as_deref()))
            .chain(self.municipality_email.as_deref())
            .map(normalise_address)
            .filter(|a| !a.is_empty())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The route of a message received in `mailbox`, on local date `day`.
    pub fn route_mailbox(&self, mailbox: &Mailbox, day: Date) -> Route {
        match mailbox.kind {
            MailboxKind::General => Route {
                to: Addressee::General,
                unit: mailbox.unit.clone(),
                caseworker: None,
                absence: None,
            },
            MailboxKind::Department => Route {
                to: Addressee::Department,
                unit: mailbox.unit.clone(),
                caseworker: None,
                absence: None,
            },
            MailboxKind::Personal => {
                let id = mailbox.caseworker.clone().unwrap_or_default();
                let unit = mailbox
                    .unit
                    .clone()
                    .or_else(|| self.caseworker(&id).and_then(|c| c.unit.clone()));
                self.personal(&id, unit, day)
            }
        }
    }

    /// The route of an imported message, found from its recipients.
    pub fn route_recipients(&self, mail: &ParsedMail, day: Date) -> Route {
        let recipients = mail
            .delivered_to
            .iter()
            .chain(&mail.to)
            .chain(&mail.cc)
            .map(String::as_str);
        for address in recipients.clone() {
            if let Some(mailbox) = self
                .mailboxes
                .iter()
                .find(|m| normalise_address(&m.address) == address)
            {
                return self.route_mailbox(mailbox, day);
            }
        }
        for address in recipients.clone() {
            if let Some(unit) = self
                .units
                .iter()
                .find(|u| u.email.as_deref().map(normalise_address).as_deref() == Some(address))
            {
                return Route {
                    to: Addressee::Department,
                    unit: Some(unit.id.clone()),
                    caseworker: None,
                    absence: None,
                };
            }
        }
        for address in recipients {
            if let Some(c) = self
                .caseworkers
                .iter()
                .find(|c| c.email.as_deref().map(normalise_address).as_deref() == Some(address))
            {
                return self.personal(&c.id, c.unit.clone(), day);
            }
        }
        Route {
            to: Addressee::General,
            unit: None,
            caseworker: None,
            absence: None,
        }
    }

    /// Mail to caseworker `id`: to them, or, while they are absent, to their substitute.
    fn personal(&self, id: &str, unit: Option<String>, day: Date) -> Route {
        let present = Route {
            to: Addressee::Employee,
            unit: unit.clone(),
            caseworker: Some(id.to_owned()),
            absence: None,
        };
        let Some(owner) = self.caseworker(id) else {
            return present;
        };
        let Some(absent) = owner.absent.as_ref().filter(|a| day <= a.until) else {
            return present;
        };
        let substitute = absent.substitute.as_deref().filter(|s| *s != id).map(|s| {
            self.caseworker(s).cloned().unwrap_or_else(|| Caseworker {
                id: s.to_owned(),
                name: s.to_owned(),
                unit: None,
                email: None,
                phone: None,
                absent: None,
            })
        });
        Route {
            to: Addressee::Employee,
            unit: substitute.as_ref().and_then(|s| s.unit.clone()).or(unit),
            caseworker: substitute.as_ref().map(|s| s.id.clone()),
            absence: Some(AbsentOwner {
                caseworker: owner.clone(),
                until: absent.until,
                substitute,
            }),
        }
    }
}
