//! Plans one demo inquiry and a plausible history for it: opened, assigned, acknowledged and
//! answered mostly in time and sometimes late, with the occasional referral, wait for the
//! citizen, error and feedback. Every planned event goes through the real lifecycle, and only
//! the accepted ones are kept, so the demo data obeys the same rules as real data.

use super::data::{BUSINESSES, CASEWORKERS, FIRST_NAMES, LAST_NAMES, UNITS};
use super::random::Random;
use frist_core::{
    CloseReason, ComplaintGuidance, Event, EventKind, Inquiry, MessageKind, NewInquiry,
    OutgoingMessage, Reference, Sender, SenderKind,
};
use frist_policy::{Addressee, COPENHAGEN, Channel, InquiryKind, Policy, Requirement};
use jiff::{SignedDuration, Timestamp};

/// An inquiry to store and the events to append to it, oldest first.
#[derive(Debug)]
pub struct Planned {
    pub inquiry: NewInquiry,
    pub events: Vec<Event>,
}

const HOUR: i64 = 3600;

fn hours(h: i64) -> SignedDuration {
    SignedDuration::from_secs(h * HOUR)
}

fn channel(r: &mut Random) -> Channel {
    r.weighted(&[
        (Channel::Email, 35),
        (Channel::WebForm, 20),
        (Channel::Phone, 15),
        (Channel::DigitalPost, 10),
        (Channel::Letter, 7),
        (Channel::Facebook, 8),
        (Channel::InPerson, 5),
    ])
    .unwrap_or(Channel::Email)
}

fn sender(r: &mut Random, with_cpr: bool) -> Sender {
    if r.chance(10) {
        let (name, cvr) = r.pick(BUSINESSES).copied().unwrap_or(("Firma", "12345678"));
        return Sender {
            kind: SenderKind::Business,
            name: Some(name.to_owned()),
            cvr: frist_core::Cvr::parse(cvr).ok(),
            email: Some("kontakt@firma.example".to_owned()),
            ..Sender::default()
        };
    }
    let first = r.pick(FIRST_NAMES).copied().unwrap_or("Anna");
    let last = r.pick(LAST_NAMES).copied().unwrap_or("Jensen");
    Sender {
        kind: SenderKind::Person,
        name: Some(format!("{first} {last}")),
        email: Some(format!(
            "{}.{}@mail.example",
            first.to_lowercase(),
            last.to_lowercase()
        )),
        phone: Some(format!("2{:07}", r.below(10_000_000))),
        cpr: if with_cpr {
            frist_core::cpr::Cpr::parse(&synthetic_cpr(r)).ok()
        } else {
            None
        },
        ..Sender::default()
    }
}

/// A syntactically valid CPR number for a made-up person born 1940–1999.
fn synthetic_cpr(r: &mut Random) -> String {
    let day = 1 + r.below(28);
    let month = 1 + r.below(12);
    let year = 40 + r.below(60);
    format!(
        "{day:02}{month:02}{year:02}-{}{:03}",
        r.below(4),
        r.below(1000)
    )
}

/// A receipt instant in the last `days` days before `now`, mostly in office hours.
fn received_at(r: &mut Random, now: Timestamp, days: i64, channel: Channel) -> Timestamp {
    let day = now
        .checked_sub(SignedDuration::from_secs(
            86_400 * (1 + r.below(days.max(1) as u64) as i64),
        ))
        .unwrap_or(now);
    let local = COPENHAGEN.to_datetime(day).date();
    let office = matches!(channel, Channel::Phone | Channel::InPerson) || r.chance(75);
    let hour = if office { 8 + r.below(8) } else { r.below(24) };
    let minute = r.below(60);
    local
        .at(hour as i8, minute as i8, 0, 0)
        .to_zoned(COPENHAGEN.clone())
        .map(|z| z.timestamp())
        .unwrap_or(day)
        .min(now)
}

/// Plans inquiry number `i`, with its history when `with_history`.
pub fn plan(
    r: &mut Random,
    i: u64,
    seed: u64,
    policy: &Policy,
    now: Timestamp,
    days: i64,
    with_history: bool,
) -> Planned {
    let channel = channel(r);
    let (unit, unit_name, topics) =
        r.pick(UNITS)
            .copied()
            .unwrap_or(("borgerservice", "Borgerservice", &["Spørgsmål"]));
    let topic = r.pick(topics).copied().unwrap_or("Spørgsmål");
    let to = match channel {
        Channel::Email => r.weighted(&[
            (Addressee::General, 50),
            (Addressee::Department, 35),
            (Addressee::Employee, 15),
        ]),
        Channel::InPerson | Channel::Facebook => Some(Addressee::General),
        _ => r.weighted(&[(Addressee::General, 60), (Addressee::Department, 40)]),
    }
    .unwrap_or(Addressee::General);
    let kind = r
        .weighted(&[
            (InquiryKind::GeneralQuestion, 35),
            (InquiryKind::Application, 25),
            (InquiryKind::Information, 15),
            (InquiryKind::Complaint, 10),
            (InquiryKind::Other, 15),
        ])
        .unwrap_or(InquiryKind::Other);
    let with_cpr = r.chance(3);
    let sender = sender(r, with_cpr);
    let mut body = format!(
        "Hej. Jeg skriver angående: {topic}. Kan I hjælpe mig med, hvad jeg skal gøre? Venlig hilsen"
    );
    if with_cpr && let Some(cpr) = &sender.cpr {
        body.push_str(&format!(" (mit cpr-nr. er {})", cpr.as_str()));
    }
    let received = received_at(r, now, days, channel);
    let inquiry = NewInquiry {
        channel,
        to,
        unit: Some(unit.to_owned()),
        caseworker: None,
        kind,
        case_type: None,
        received_at: received,
        sender,
        language: Some(if r.chance(5) { "en" } else { "da" }.to_owned()),
        subject: format!("{topic} ({unit_name})"),
        body,
        attachments: vec![],
        external_id: Some(format!("demo-{seed}-{i}")),
    };
    let events = if with_history {
        history(r, &inquiry, unit, policy, now)
    } else {
        Vec::new()
    };
    Planned { inquiry, events }
}

fn caseworker_of(r: &mut Random, unit: &str) -> (&'static str, &'static str) {
    let staff: Vec<(&str, &str)> = CASEWORKERS
        .iter()
        .filter(|(_, _, u)| *u == unit)
        .map(|(id, name, _)| (*id, *name))
        .collect();
    r.pick(&staff)
        .copied()
        .unwrap_or(("mette.hansen", "Mette Hansen"))
}

fn reply(
    kind: MessageKind,
    channel: Channel,
    secure: bool,
    caseworker: &str,
    expected: Option<frist_calendar::Date>,
) -> OutgoingMessage {
    let channel = if secure {
        Channel::DigitalPost
    } else if matches!(
        channel,
        Channel::Phone | Channel::InPerson | Channel::WebForm
    ) {
        Channel::Email
    } else {
        channel
    };
    let decision = kind == MessageKind::Decision;
    OutgoingMessage {
        kind,
        channel,
        body: match kind {
            MessageKind::Acknowledgment => {
                "Tak for din henvendelse. Vi har modtaget den og vender tilbage.".to_owned()
            }
            MessageKind::Decision => {
                "Vi har nu truffet afgørelse i din sag. Se begrundelsen nedenfor.".to_owned()
            }
            _ => "Her er svaret på dit spørgsmål. Skriv endelig, hvis du har flere spørgsmål."
                .to_owned(),
        },
        caseworker: Some(caseworker.to_owned()),
        contact: Some(format!("{caseworker}, tlf. 43 59 10 00")),
        next_step: Some("Vi behandler din sag og skriver til dig, når vi har et svar.".to_owned()),
        expected_answer_date: expected,
        appealable: decision,
        complaint_guidance: decision.then(|| ComplaintGuidance {
            body: "Ankestyrelsen".to_owned(),
            how: "Send din klage til kommunen, som videresender den.".to_owned(),
            deadline: "4 uger fra du har modtaget afgørelsen".to_owned(),
        }),
    }
}

/// When to do something due at `due`: on time 85 % of the time, otherwise late.
fn act(r: &mut Random, received: Timestamp, due: Timestamp, on_time_percent: u64) -> Timestamp {
    let window = due.duration_since(received).as_secs().max(HOUR);
    if r.chance(on_time_percent) {
        received
            .checked_add(SignedDuration::from_secs(
                window / 10 + r.below((window * 8 / 10) as u64) as i64,
            ))
            .unwrap_or(due)
    } else {
        due.checked_add(hours(1 + r.below(72) as i64))
            .unwrap_or(due)
    }
}

fn history(
    r: &mut Random,
    new: &NewInquiry,
    unit: &str,
    policy: &Policy,
    now: Timestamp,
) -> Vec<Event> {
    let Ok(reference) = Reference::new(&policy.municipality.reference_prefix, 2026, 1) else {
        return vec![];
    };
    let Ok((mut projection, _)) = Inquiry::receive(reference, new.clone(), policy) else {
        return vec![];
    };
    let received = new.received_at;
    let (user, name) = caseworker_of(r, unit);
    let secure = projection.involves_cpr();
    let due = |req: Requirement| {
        projection
            .obligations
            .iter()
            .find(|o| o.requires == req)
            .map(|o| o.due_at)
    };
    let default_due = received.checked_add(hours(24 * 10)).unwrap_or(received);

    let mut planned: Vec<(Timestamp, EventKind)> = Vec::new();
    let opened = act(
        r,
        received,
        due(Requirement::Triage).unwrap_or(received.checked_add(hours(24)).unwrap_or(received)),
        92,
    );
    planned.push((opened, EventKind::Opened));
    planned.push((
        opened.checked_add(hours(1)).unwrap_or(opened),
        EventKind::Assigned {
            caseworker: user.to_owned(),
        },
    ));
    if r.chance(3) {
        let other = r.pick(UNITS).map_or("borgerservice", |u| u.0);
        planned.push((
            opened.checked_add(hours(2)).unwrap_or(opened),
            EventKind::Referred {
                to_unit: other.to_owned(),
            },
        ));
    }
    if new.channel == Channel::Phone {
        let when = act(
            r,
            received,
            due(Requirement::Callback).unwrap_or(default_due),
            88,
        );
        planned.push((
            when,
            EventKind::CallbackCompleted {
                summary: Some("Talt med borgeren.".to_owned()),
            },
        ));
    }
    let answer_due = due(Requirement::Answer).unwrap_or(default_due);
    if let Some(ack_due) = due(Requirement::Acknowledgment) {
        let when = act(r, received, ack_due, 85);
        let expected = Some(COPENHAGEN.to_datetime(answer_due.max(when)).date());
        planned.push((
            when,
            EventKind::MessageSent {
                outbox_id: None,
                message: reply(
                    MessageKind::Acknowledgment,
                    new.channel,
                    secure,
                    name,
                    expected,
                ),
            },
        ));
    }
    if r.chance(5) {
        let start = received.checked_add(hours(30)).unwrap_or(received);
        planned.push((start, EventKind::AwaitingCitizenStarted));
        planned.push((
            start
                .checked_add(hours(24 * (1 + r.below(6) as i64)))
                .unwrap_or(start),
            EventKind::AwaitingCitizenEnded,
        ));
    }
    if r.chance(72) {
        let earliest = received
            .checked_add(hours(24 * (2 + r.below(12) as i64)))
            .unwrap_or(received);
        let answered = act(r, received, answer_due.max(earliest), 80);
        let kind = if new.kind == InquiryKind::Application && r.chance(50) {
            MessageKind::Decision
        } else {
            MessageKind::Answer
        };
        planned.push((
            answered,
            EventKind::MessageSent {
                outbox_id: None,
                message: reply(kind, new.channel, secure, name, None),
            },
        ));
        if r.chance(90) {
            let closed = answered.checked_add(hours(1)).unwrap_or(answered);
            planned.push((
                closed,
                EventKind::Closed {
                    reason: CloseReason::Answered,
                },
            ));
            if r.chance(12) {
                let score = 1 + r.below(5) as u8;
                planned.push((
                    closed.checked_add(hours(20)).unwrap_or(closed),
                    EventKind::FeedbackReceived {
                        channel: None,
                        complaint: false,
                        score: Some(score),
                        comment: None,
                    },
                ));
            }
        }
    } else if r.chance(4) {
        planned.push((
            received.checked_add(hours(3)).unwrap_or(received),
            EventKind::Closed {
                reason: CloseReason::Duplicate,
            },
        ));
    }
    if r.chance(1) {
        planned.push((
            opened.checked_add(hours(4)).unwrap_or(opened),
            EventKind::ErrorRegistered {
                what: "Henvendelsen lå i den forkerte postkasse.".to_owned(),
            },
        ));
    }
    planned.sort_by_key(|(at, _)| *at);

    let mut events = Vec::with_capacity(planned.len());
    for (at, kind) in planned {
        if at > now {
            break; // the future has not happened yet
        }
        let event = Event {
            at,
            actor: Some(user.to_owned()),
            kind,
        };
        if projection.apply(&event, policy).is_ok() {
            events.push(event);
        }
    }
    events
}
