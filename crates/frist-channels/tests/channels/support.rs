//! Shared fixtures: a policy, a decision with complaint guidance, a recipient.

use frist_calendar::Date;
use frist_channels::post::{Letter, Recipient};
use frist_core::cpr::Cpr;
use frist_core::{ComplaintGuidance, MessageKind, OutgoingMessage, Reference};
use frist_policy::{Channel, Policy};
use std::path::PathBuf;
use std::process::Command;

pub fn policy(name: &str) -> Policy {
    let text = match name {
        "roskilde" => include_str!("../../../../policies/roskilde.toml"),
        "hoeje-taastrup" => include_str!("../../../../policies/hoeje-taastrup.toml"),
        other => panic!("no test policy {other}"),
    };
    Policy::from_toml(name, text).unwrap()
}

pub const DANISH: &str = "Æblegrød på Ørstedsvej – «særlige» tilfælde, Åbenrå og Øresund";

pub fn decision(paragraphs: usize) -> OutgoingMessage {
    let mut body = format!("Kære Søren Ærø\n\n{DANISH}.\n\n");
    for n in 1..=paragraphs {
        body.push_str(&format!(
            "Afsnit {n}. Vi har behandlet din ansøgning om tilskud til boligindretning efter \
             servicelovens § 116. Vi har lagt vægt på lægens udtalelse, dine egne oplysninger og \
             ergoterapeutens vurdering af dine behov i hverdagen.\n\n"
        ));
    }
    OutgoingMessage {
        kind: MessageKind::Decision,
        channel: Channel::DigitalPost,
        body,
        caseworker: Some("Mette Østergård".into()),
        contact: Some("Telefon 46 31 30 00 · borgerservice@roskilde.dk".into()),
        next_step: Some("Hjælpemiddelcentret kontakter dig om installationen.".into()),
        expected_answer_date: Some(Date::constant(2027, 1, 15)),
        appealable: true,
        complaint_guidance: Some(ComplaintGuidance {
            body: "Ankestyrelsen".into(),
            how: "Skriv til os inden fristen. Vi genvurderer afgørelsen og sender klagen videre."
                .into(),
            deadline: "4 uger fra du har modtaget afgørelsen".into(),
        }),
    }
}

pub fn recipient() -> Recipient {
    Recipient {
        name: "Søren Ærø".into(),
        address: vec!["Åvej 7, 1. tv.".into(), "4000 Roskilde".into()],
        cpr: Some(Cpr::parse("010190-1234").unwrap()),
        cvr: None,
    }
}

pub fn reference() -> Reference {
    Reference::new("ROS", 2026, 123).unwrap()
}

pub fn letter<'a>(
    message: &'a OutgoingMessage,
    reference: &'a Reference,
    recipient: &'a Recipient,
    policy: &'a Policy,
) -> Letter<'a> {
    Letter {
        message,
        reference,
        recipient,
        policy,
        date: Date::constant(2026, 12, 23),
        about: Some("Ansøgning om boligindretning"),
        status_link: None,
    }
}

/// The target directory, so the lead can open the example files.
pub fn target_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR has a parent")
        .to_path_buf()
}

/// Runs a poppler tool; a missing tool fails the test loudly (CI installs poppler-utils).
pub fn poppler(tool: &str, args: &[&str]) -> std::process::Output {
    let output = Command::new(tool).args(args).output().unwrap_or_else(|e| {
        panic!("cannot run {tool} ({e}); install poppler-utils (apt-get install -y poppler-utils)")
    });
    assert!(
        output.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// One field of `pdfinfo`'s output, e.g. "Pages" → "2".
pub fn pdfinfo(path: &std::path::Path, field: &str) -> String {
    let output = poppler("pdfinfo", &[path.to_str().unwrap()]);
    let info = String::from_utf8(output.stdout).unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .unwrap_or_else(|| panic!("pdfinfo shows no {field}:\n{info}"))
        .trim()
        .to_owned()
}
