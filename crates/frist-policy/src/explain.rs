//! What a policy promises, in words a citizen reads ("Det kan du forvente af os"). The text
//! is built from the policy file itself, so the published promise and the enforced deadline
//! cannot drift apart. `frist policy explain` prints it; the public service-goal page will
//! render the same [`Explanation`].

use crate::policy::{Deadline, Goal, Policy};
use crate::vocabulary::{Addressee, Channel, InquiryKind, Requirement};
use crate::within::Within;
use frist_calendar::{Recurrence, Weekday, WeeklyHours};
use std::fmt;

/// Language of generated text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Da,
    En,
}

/// The measurable promises that apply to one channel.
#[derive(Debug)]
pub struct ChannelPromise<'p> {
    pub channel: Channel,
    pub deadlines: Vec<(&'p Goal, &'p Deadline)>,
}

/// For every channel, the deadlines that can apply to some inquiry on it (empty: no
/// measurable promise).
pub fn channel_promises(policy: &Policy) -> Vec<ChannelPromise<'_>> {
    Channel::ALL
        .iter()
        .map(|&channel| ChannelPromise {
            channel,
            deadlines: policy
                .deadlines()
                .filter(|(_, d)| d.channels.contains(&channel))
                .collect(),
        })
        .collect()
}

/// A titled piece of the explanation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: String,
    pub paragraphs: Vec<String>,
    pub items: Vec<String>,
}

/// The whole explanation of a policy for citizens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub title: String,
    pub sections: Vec<Section>,
}

fn t(lang: Lang, da: &str, en: &str) -> String {
    match lang {
        Lang::Da => da.to_owned(),
        Lang::En => en.to_owned(),
    }
}

fn channel_phrase(c: Channel, lang: Lang) -> &'static str {
    match (lang, c) {
        (Lang::Da, Channel::Email) => "på e-mail",
        (Lang::Da, Channel::Letter) => "med brev",
        (Lang::Da, Channel::DigitalPost) => "med Digital Post",
        (Lang::Da, Channel::WebForm) => "via selvbetjeningsformularen",
        (Lang::Da, Channel::Facebook) => "på Facebook",
        (Lang::Da, Channel::Phone) => "på telefon",
        (Lang::Da, Channel::InPerson) => "ved personligt fremmøde",
        (Lang::En, Channel::Email) => "by e-mail",
        (Lang::En, Channel::Letter) => "by letter",
        (Lang::En, Channel::DigitalPost) => "by Digital Post",
        (Lang::En, Channel::WebForm) => "through the self-service form",
        (Lang::En, Channel::Facebook) => "on Facebook",
        (Lang::En, Channel::Phone) => "by phone",
        (Lang::En, Channel::InPerson) => "in person",
    }
}

fn within_phrase(w: Within, lang: Lang) -> String {
    match lang {
        Lang::Da => w.danish(),
        Lang::En => w.to_string(),
    }
}

/// "e-mail og brev", "e-mail, brev og telefon".
fn join(items: &[String], lang: Lang) -> String {
    let and = t(lang, " og ", " and ");
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// One sentence for deadlines that promise the same on several channels, e.g. "Skriver du
/// på e-mail med et generelt spørgsmål til kommunens fælles postkasse, får du et endeligt svar
/// inden for 2 arbejdsdage."
fn deadline_sentence(channels: &[Channel], d: &Deadline, lang: Lang) -> String {
    let or = |items: &[String]| match lang {
        Lang::Da => join(items, lang).replace(" og ", " eller "),
        Lang::En => join(items, lang).replace(" and ", " or "),
    };
    let mut condition = String::new();
    if let Some(kinds) = &d.kinds {
        let names: Vec<String> = kinds
            .iter()
            .map(|k| kind_phrase(*k, lang).to_owned())
            .collect();
        condition.push_str(&format!(" {} {}", t(lang, "med", "with"), or(&names)));
    }
    if let Some(to) = &d.to {
        let names: Vec<String> = to
            .iter()
            .map(|a| addressee_phrase(*a, lang).to_owned())
            .collect();
        condition.push_str(&format!(" {} {}", t(lang, "til", "to"), or(&names)));
    }
    let within = within_phrase(d.within, lang);
    let what = match (lang, d.requires) {
        (Lang::Da, Requirement::Acknowledgment) => format!(
            "får du inden for {within} enten et svar eller en kvittering, der fortæller, hvem der behandler din sag, hvad der nu skal ske, og hvornår du kan forvente svar"
        ),
        (Lang::Da, Requirement::Answer) => format!("får du et endeligt svar inden for {within}"),
        (Lang::Da, Requirement::Callback) => format!("ringer vi dig op inden for {within}"),
        (Lang::Da, Requirement::Triage) => {
            format!(
                "læser vi din henvendelse og sender den til den rette medarbejder inden for {within}"
            )
        }
        (Lang::En, Requirement::Acknowledgment) => format!(
            "within {within} you get either an answer or a receipt telling you who handles your case, what happens next and when to expect an answer"
        ),
        (Lang::En, Requirement::Answer) => format!("you get a final answer within {within}"),
        (Lang::En, Requirement::Callback) => format!("we call you back within {within}"),
        (Lang::En, Requirement::Triage) => {
            format!("we read your inquiry and pass it to the right member of staff within {within}")
        }
    };
    if channels == [Channel::Phone] {
        return match lang {
            Lang::Da => format!("Ringer du{condition}, og tager vi imod en besked, {what}."),
            Lang::En => format!("If you call us{condition} and we take a message, {what}."),
        };
    }
    let written = channels
        .iter()
        .all(|c| *c != Channel::Phone && *c != Channel::InPerson);
    let how: Vec<String> = channels
        .iter()
        .map(|c| channel_phrase(*c, lang).to_owned())
        .collect();
    match lang {
        Lang::Da => {
            let verb = if written {
                "Skriver du"
            } else {
                "Henvender du dig"
            };
            format!("{verb} {}{condition}, {what}.", or(&how))
        }
        Lang::En => {
            let verb = if written {
                "If you write to us"
            } else {
                "If you contact us"
            };
            format!("{verb} {}{condition}, {what}.", or(&how))
        }
    }
}

/// Deadlines that promise the same thing, with all the channels they cover, in file order.
fn grouped_deadlines(policy: &Policy) -> Vec<(Vec<Channel>, &Deadline)> {
    let mut groups: Vec<(Vec<Channel>, &Deadline)> = Vec::new();
    for (_, d) in policy.deadlines() {
        let same = |other: &Deadline| {
            other.requires == d.requires
                && other.within == d.within
                && other.to == d.to
                && other.kinds == d.kinds
        };
        match groups.iter_mut().find(|(_, g)| same(g)) {
            Some((channels, _)) => {
                for c in &d.channels {
                    if !channels.contains(c) {
                        channels.push(*c);
                    }
                }
            }
            None => groups.push((d.channels.clone(), d)),
        }
    }
    for (channels, _) in &mut groups {
        channels.sort();
    }
    groups
}

fn kind_phrase(k: InquiryKind, lang: Lang) -> &'static str {
    match (lang, k) {
        (Lang::Da, InquiryKind::GeneralQuestion) => "et generelt spørgsmål",
        (Lang::Da, InquiryKind::Application) => "en ansøgning",
        (Lang::Da, InquiryKind::Complaint) => "en klage",
        (Lang::Da, InquiryKind::Information) => "oplysninger",
        (Lang::Da, InquiryKind::Other) => "andet",
        (Lang::En, InquiryKind::GeneralQuestion) => "a general question",
        (Lang::En, InquiryKind::Application) => "an application",
        (Lang::En, InquiryKind::Complaint) => "a complaint",
        (Lang::En, InquiryKind::Information) => "information",
        (Lang::En, InquiryKind::Other) => "anything else",
    }
}

fn addressee_phrase(a: Addressee, lang: Lang) -> &'static str {
    match (lang, a) {
        (Lang::Da, Addressee::General) => "kommunens fælles postkasse",
        (Lang::Da, Addressee::Department) => "en afdelings postkasse",
        (Lang::Da, Addressee::Employee) => "en medarbejder direkte",
        (Lang::En, Addressee::General) => "the municipality's general mailbox",
        (Lang::En, Addressee::Department) => "a department's mailbox",
        (Lang::En, Addressee::Employee) => "a member of staff directly",
    }
}

/// "Mandag", "Monday": a weekday's name, capitalised as at the start of a line.
pub fn weekday_name(d: Weekday, lang: Lang) -> &'static str {
    let i = usize::from(d.to_monday_zero_offset().unsigned_abs());
    let names: [&str; 7] = match lang {
        Lang::Da => [
            "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag",
        ],
        Lang::En => [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ],
    };
    names.get(i).copied().unwrap_or("")
}

fn hours_items(hours: &WeeklyHours, lang: Lang) -> Vec<String> {
    let mut day = Weekday::Monday;
    let mut items = Vec::new();
    for _ in 0..7 {
        let ranges = hours.on(day);
        if !ranges.is_empty() {
            let list: Vec<String> = ranges
                .iter()
                .map(|r| r.to_string().replace('-', "–"))
                .collect();
            items.push(format!("{}: {}", weekday_name(day, lang), list.join(", ")));
        }
        day = day.next();
    }
    items
}

/// "29. december 2026": a date as Danish letters write it.
pub fn danish_date(d: frist_calendar::Date) -> String {
    format!("{}. {} {}", d.day(), month_name_da(d.month()), d.year())
}

/// "29 December 2026": a date as English letters write it.
pub fn english_date(d: frist_calendar::Date) -> String {
    format!("{} {} {}", d.day(), month_name_en(d.month()), d.year())
}

fn month_name_da(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    NAMES
        .get(usize::from(m.unsigned_abs().saturating_sub(1)))
        .copied()
        .unwrap_or("")
}

fn month_name_en(m: i8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(usize::from(m.unsigned_abs().saturating_sub(1)))
        .copied()
        .unwrap_or("")
}

impl Explanation {
    /// Builds the citizen's explanation of `policy`.
    pub fn of(policy: &Policy, lang: Lang) -> Self {
        let name = &policy.municipality.name;
        let mut sections = Vec::new();

        // Response times per channel.
        let items: Vec<String> = grouped_deadlines(policy)
            .iter()
            .map(|(channels, d)| deadline_sentence(channels, d, lang))
            .collect();
        let silent: Vec<String> = channel_promises(policy)
            .iter()
            .filter(|p| p.deadlines.is_empty())
            .map(|p| channel_phrase(p.channel, lang).to_owned())
            .collect();
        let mut paragraphs = Vec::new();
        if items.is_empty() {
            paragraphs.push(match lang {
                Lang::Da => format!("{name} har ikke lovet bestemte svartider. Vi svarer så hurtigt, vi kan, og fortæller dig, hvornår du kan forvente svar."),
                Lang::En => format!("{name} has not promised specific response times. We answer as soon as we can and tell you when to expect an answer."),
            });
        } else if !silent.is_empty() {
            paragraphs.push(match lang {
                Lang::Da => format!(
                    "Vi har ikke lovet en bestemt svartid, når du henvender dig {}.",
                    join(&silent, lang).replace(" og ", " eller ")
                ),
                Lang::En => format!(
                    "We have not promised a specific response time when you contact us {}.",
                    join(&silent, lang).replace(" and ", " or ")
                ),
            });
        }
        sections.push(Section {
            heading: t(lang, "Hvornår får du svar?", "When will you hear from us?"),
            paragraphs,
            items,
        });

        // Case types with processing deadlines.
        let case_items: Vec<String> = policy
            .case_types
            .iter()
            .map(|c| match c.within {
                Some(w) => format!("{}: {}", c.name, within_phrase(w, lang)),
                None => format!(
                    "{}: {}",
                    c.name,
                    t(lang, "ingen fast frist", "no fixed deadline")
                ),
            })
            .collect();
        if !case_items.is_empty() {
            sections.push(Section {
                heading: t(lang, "Sagsbehandlingstider", "Processing times"),
                paragraphs: vec![t(lang, "Nogle sager tager længere tid, fordi de skal behandles efter særlige regler. Her er vores frister:", "Some cases take longer because special rules apply. These are our deadlines:")],
                items: case_items,
            });
        }

        // Working days.
        let closing: Vec<String> = policy
            .calendar
            .closing_days()
            .days()
            .iter()
            .map(|c| match (lang, &c.when) {
                (Lang::Da, Recurrence::Yearly { month, day }) => {
                    format!("{} ({day}. {})", c.name, month_name_da(*month))
                }
                (Lang::En, Recurrence::Yearly { month, day }) => {
                    format!("{} ({day} {})", c.name, month_name_en(*month))
                }
                (_, Recurrence::Once(date)) => format!("{} ({date})", c.name),
            })
            .collect();
        let mut working = vec![t(
            lang,
            "Arbejdsdage er mandag til fredag, undtagen helligdage. Dagen, hvor vi modtager din henvendelse, tæller ikke med. Kommer den en lørdag, søndag eller helligdag, regner vi fra den næste arbejdsdag.",
            "Working days are Monday to Friday, except public holidays. The day we receive your inquiry is not counted. If it arrives on a Saturday, Sunday or public holiday, we count from the next working day.",
        )];
        if !closing.is_empty() {
            working.push(match lang {
                Lang::Da => format!("Vi holder også lukket {}.", join(&closing, lang)),
                Lang::En => format!("We are also closed on {}.", join(&closing, lang)),
            });
        }
        sections.push(Section {
            heading: t(
                lang,
                "Sådan tæller vi arbejdsdage",
                "How we count working days",
            ),
            paragraphs: working,
            items: vec![],
        });

        // The municipality's own words for every goal.
        let goal_items: Vec<String> = policy
            .goals
            .iter()
            .filter(|g| g.out_of_scope.is_none())
            .map(|g| g.promise.clone())
            .collect();
        if !goal_items.is_empty() {
            let heading = match &policy.source_document {
                Some(doc) => match lang {
                    Lang::Da => format!("Det har vi lovet i «{}»", doc.title),
                    Lang::En => format!("What we promise in «{}» (in Danish)", doc.title),
                },
                None => t(lang, "Det har vi lovet", "What we promise (in Danish)"),
            };
            sections.push(Section {
                heading,
                paragraphs: vec![],
                items: goal_items,
            });
        }

        // Hours and contact.
        let opening = hours_items(&policy.opening_hours, lang);
        if !opening.is_empty() {
            sections.push(Section {
                heading: t(lang, "Åbningstider", "Opening hours"),
                paragraphs: vec![],
                items: opening,
            });
        }
        let phone = hours_items(&policy.phone_hours, lang);
        if !phone.is_empty() {
            sections.push(Section {
                heading: t(lang, "Telefontider", "Phone hours"),
                paragraphs: vec![],
                items: phone,
            });
        }
        let m = &policy.municipality;
        let contact: Vec<String> = [
            m.address
                .as_ref()
                .map(|a| format!("{}: {a}", t(lang, "Adresse", "Address"))),
            m.phone
                .as_ref()
                .map(|p| format!("{}: {p}", t(lang, "Telefon", "Phone"))),
            m.email
                .as_ref()
                .map(|e| format!("{}: {e}", t(lang, "E-mail", "E-mail"))),
            m.website
                .as_ref()
                .map(|w| format!("{}: {w}", t(lang, "Hjemmeside", "Website"))),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !contact.is_empty() {
            sections.push(Section {
                heading: t(lang, "Kontakt", "Contact"),
                paragraphs: vec![],
                items: contact,
            });
        }

        Explanation {
            title: match lang {
                Lang::Da => format!("Det kan du forvente af {name}"),
                Lang::En => format!("What you can expect from {name}"),
            },
            sections,
        }
    }
}

impl fmt::Display for Explanation {
    /// Plain text with Markdown-style headings and lists.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "# {}", self.title)?;
        for s in &self.sections {
            writeln!(f, "\n## {}\n", s.heading)?;
            let paragraphs = s.paragraphs.iter().map(String::as_str);
            let blocks: Vec<String> = paragraphs
                .map(str::to_owned)
                .chain((!s.items.is_empty()).then(|| {
                    s.items
                        .iter()
                        .map(|i| format!("- {i}"))
                        .collect::<Vec<_>>()
                        .join("\n")
                }))
                .collect();
            writeln!(f, "{}", blocks.join("\n\n"))?;
        }
        Ok(())
    }
}
