//! Integration tests of the domain core: lifecycle and rules, with the shipped policies.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

mod citizen_messages;
mod lifecycle;
mod outbox_messages;
mod promises;
mod rules;
mod service;

use frist_core::{Event, EventKind, Inquiry, NewInquiry, Reference, Sender};
use frist_policy::{Addressee, Channel, InquiryKind, Policy};
use jiff::Timestamp;
use std::sync::LazyLock;

pub fn policy(name: &str) -> &'static Policy {
    static POLICIES: LazyLock<Vec<(&str, Policy)>> = LazyLock::new(|| {
        [
            (
                "hoeje-taastrup",
                include_str!("../../../../policies/hoeje-taastrup.toml"),
            ),
            (
                "roskilde",
                include_str!("../../../../policies/roskilde.toml"),
            ),
            ("stevns", include_str!("../../../../policies/stevns.toml")),
            (
                "halsnaes",
                include_str!("../../../../policies/halsnaes.toml"),
            ),
            ("test-pausable", PAUSABLE),
        ]
        .into_iter()
        .map(|(n, t)| (n, Policy::from_toml(n, t).unwrap()))
        .collect()
    });
    POLICIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, p)| p)
        .unwrap()
}

/// A small policy whose answer deadlines pause while awaiting the citizen.
const PAUSABLE: &str = r#"
version = 1
[municipality]
name = "Testkommune"
reference_prefix = "TST"
[calendar]
closing_days = [{ yearly = "12-24", name = "Juleaftensdag" }]
[[goal]]
source = "TST-1"
promise = "Svar inden for 10 arbejdsdage."
rules = ["close_requires_completion", "extension_notice"]
  [[goal.deadline]]
  requires = "answer"
  within = "10 working days"
  channels = ["email"]
  pausable = true
  [[goal.deadline]]
  requires = "acknowledgment"
  within = "48 hours"
  channels = ["email"]
  pausable = true
[[case_type]]
id = "byggesag"
name = "Byggetilladelse"
within = "8 weeks"
pausable = true
notices = ["Husk at fortælle os, hvis dine forhold ændrer sig."]
"#;

pub fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

pub fn new_inquiry(
    channel: Channel,
    to: Addressee,
    kind: InquiryKind,
    received: &str,
) -> NewInquiry {
    NewInquiry {
        channel,
        to,
        unit: Some("borgerservice".into()),
        caseworker: None,
        kind,
        case_type: None,
        received_at: at(received),
        sender: Sender {
            name: Some("Karen Jensen".into()),
            email: Some("karen@example.dk".into()),
            ..Sender::default()
        },
        language: Some("da".into()),
        subject: "Spørgsmål om affald".into(),
        body: "Hvornår bliver mit affald hentet?".into(),
        attachments: vec![],
        external_id: None,
    }
}

pub fn receive(policy_name: &str, new: NewInquiry) -> Inquiry {
    let p = policy(policy_name);
    let reference = Reference::new(&p.municipality.reference_prefix, 2026, 1).unwrap();
    Inquiry::receive(reference, new, p).unwrap().0
}

pub fn event(when: &str, kind: EventKind) -> Event {
    Event {
        at: at(when),
        actor: Some("mette".into()),
        kind,
    }
}
