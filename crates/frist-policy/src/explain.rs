//! What a policy promises, in words a citizen reads ("Det kan du forvente af os"). The text
//! is built from the policy file itself, so the published promise and the enforced deadline
//! cannot drift apart. `frist policy explain` prints it; the public service-goal page will
//! render the same [`Explanation`].

use crate::policy::{Deadline, Goal, Policy};
use crate::vocabulary::Channel;
use crate::within::Within;
use frist_calendar::{Recurrence, Weekday, WeeklyHours};
use frist_i18n::{Arg, Audience, Lang};
use std::fmt;

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

/// A message of the policy catalogue.
fn t(lang: Lang, key: &str) -> String {
    frist_i18n::text(lang, Audience::Policy, key, &[])
}

/// A message of the policy catalogue with arguments.
fn ta(lang: Lang, key: &str, args: &[(&str, Arg<'_>)]) -> String {
    frist_i18n::text(lang, Audience::Policy, key, args)
}

/// "e-mail", "digital-post": the catalogue's spelling of a wire name.
fn kebab(wire: &str) -> String {
    wire.replace('_', "-")
}

fn channel_phrase(c: Channel, lang: Lang) -> String {
    t(lang, &format!("how-{}", kebab(c.as_str())))
}

/// A length of time; `dative` where the sentence governs it ("innerhalb von 2 Arbeitstagen").
fn within_phrase(w: Within, lang: Lang, dative: bool) -> String {
    let (key, n) = match w {
        Within::WorkingDays(n) => ("within-working-days", n),
        Within::Hours(n) => ("within-hours", n),
        Within::Weeks(n) => ("within-weeks", n),
    };
    let case = if dative { "dative" } else { "nominative" };
    ta(lang, key, &[("n", Arg::from(n)), ("case", Arg::from(case))])
}

/// "2 arbejdsdage", "2 working days", "2 Arbeitstage": a length of time on its own.
pub fn within_text(w: Within, lang: Lang) -> String {
    within_phrase(w, lang, false)
}

/// "e-mail og brev", "e-mail, brev og telefon"; with `word` "or", "e-mail eller brev".
fn join(items: &[String], lang: Lang, word: &str) -> String {
    let word = t(lang, word);
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}

/// One sentence for deadlines that promise the same on several channels, e.g. "Skriver du
/// på e-mail med et generelt spørgsmål til kommunens fælles postkasse, får du et endeligt svar
/// inden for 2 arbejdsdage."
fn deadline_sentence(channels: &[Channel], d: &Deadline, lang: Lang) -> String {
    let mut condition = String::new();
    if let Some(kinds) = &d.kinds {
        let names: Vec<String> = kinds
            .iter()
            .map(|k| t(lang, &format!("kind-{}", kebab(k.as_str()))))
            .collect();
        let kinds = join(&names, lang, "or");
        condition.push_str(&ta(lang, "condition-kinds", &[("kinds", Arg::from(kinds))]));
    }
    if let Some(to) = &d.to {
        let names: Vec<String> = to
            .iter()
            .map(|a| t(lang, &format!("addressee-{}", kebab(a.as_str()))))
            .collect();
        let to = join(&names, lang, "or");
        condition.push_str(&ta(lang, "condition-to", &[("addressees", Arg::from(to))]));
    }
    let within = within_phrase(d.within, lang, true);
    let what = ta(
        lang,
        &format!("requires-{}", kebab(d.requires.as_str())),
        &[("within", Arg::from(within))],
    );
    if channels == [Channel::Phone] {
        return ta(
            lang,
            "sentence-phone",
            &[
                ("condition", Arg::from(condition)),
                ("what", Arg::from(what)),
            ],
        );
    }
    let written = channels
        .iter()
        .all(|c| *c != Channel::Phone && *c != Channel::InPerson);
    let how: Vec<String> = channels.iter().map(|c| channel_phrase(*c, lang)).collect();
    let key = if written {
        "sentence-written"
    } else {
        "sentence-contact"
    };
    ta(
        lang,
        key,
        &[
            ("how", Arg::from(join(&how, lang, "or"))),
            ("condition", Arg::from(condition)),
            ("what", Arg::from(what)),
        ],
    )
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

/// "Mandag", "Monday", "Montag": a weekday's name, capitalised as at the start of a line.
pub fn weekday_name(d: Weekday, lang: Lang) -> String {
    let n = d.to_monday_one_offset();
    t(lang, &format!("weekday-{n}"))
}

fn month_name(m: i8, lang: Lang) -> String {
    t(lang, &format!("month-{m}"))
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

/// "29. december 2026", "29 December 2026", "29. Dezember 2026": a date in running text.
pub fn long_date(d: frist_calendar::Date, lang: Lang) -> String {
    ta(
        lang,
        "date",
        &[
            ("day", Arg::from(i64::from(d.day()))),
            ("month", Arg::from(month_name(d.month(), lang))),
            ("year", Arg::from(i64::from(d.year()))),
        ],
    )
}

/// "29. december 2026": a date as Danish letters write it.
pub fn danish_date(d: frist_calendar::Date) -> String {
    long_date(d, Lang::Da)
}

/// "29 December 2026": a date as English letters write it.
pub fn english_date(d: frist_calendar::Date) -> String {
    long_date(d, Lang::En)
}

impl Explanation {
    /// Builds the citizen's explanation of `policy`.
    pub fn of(policy: &Policy, lang: Lang) -> Self {
        let name = policy.municipality.name.as_str();
        let mut sections = Vec::new();

        // Response times per channel.
        let items: Vec<String> = grouped_deadlines(policy)
            .iter()
            .map(|(channels, d)| deadline_sentence(channels, d, lang))
            .collect();
        let silent: Vec<String> = channel_promises(policy)
            .iter()
            .filter(|p| p.deadlines.is_empty())
            .map(|p| channel_phrase(p.channel, lang))
            .collect();
        let mut paragraphs = Vec::new();
        if items.is_empty() {
            paragraphs.push(ta(lang, "no-promises", &[("name", Arg::from(name))]));
        } else if !silent.is_empty() {
            let channels = join(&silent, lang, "or");
            paragraphs.push(ta(
                lang,
                "silent-channels",
                &[("channels", Arg::from(channels))],
            ));
        }
        sections.push(Section {
            heading: t(lang, "heading-response-times"),
            paragraphs,
            items,
        });

        // Case types with processing deadlines.
        let case_items: Vec<String> = policy
            .case_types
            .iter()
            .map(|c| match c.within {
                Some(w) => format!("{}: {}", c.name, within_phrase(w, lang, false)),
                None => format!("{}: {}", c.name, t(lang, "case-no-deadline")),
            })
            .collect();
        if !case_items.is_empty() {
            sections.push(Section {
                heading: t(lang, "heading-case-times"),
                paragraphs: vec![t(lang, "case-times-intro")],
                items: case_items,
            });
        }

        // Working days.
        let closing: Vec<String> = policy
            .calendar
            .closing_days()
            .days()
            .iter()
            .map(|c| match &c.when {
                Recurrence::Yearly { month, day } => ta(
                    lang,
                    "closing-yearly",
                    &[
                        ("name", Arg::from(c.name.as_str())),
                        ("day", Arg::from(i64::from(*day))),
                        ("month", Arg::from(month_name(*month, lang))),
                    ],
                ),
                Recurrence::Once(date) => format!("{} ({date})", c.name),
            })
            .collect();
        let mut working = vec![t(lang, "working-days-text")];
        if !closing.is_empty() {
            let days = join(&closing, lang, "and");
            working.push(ta(lang, "closed-also", &[("days", Arg::from(days))]));
        }
        sections.push(Section {
            heading: t(lang, "heading-working-days"),
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
                Some(doc) => ta(
                    lang,
                    "heading-promised-in",
                    &[("title", Arg::from(doc.title.as_str()))],
                ),
                None => t(lang, "heading-promised"),
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
                heading: t(lang, "heading-opening-hours"),
                paragraphs: vec![],
                items: opening,
            });
        }
        let phone = hours_items(&policy.phone_hours, lang);
        if !phone.is_empty() {
            sections.push(Section {
                heading: t(lang, "heading-phone-hours"),
                paragraphs: vec![],
                items: phone,
            });
        }
        let m = &policy.municipality;
        let line = |key: &str, value: &Option<String>| {
            value.as_ref().map(|v| format!("{}: {v}", t(lang, key)))
        };
        let contact: Vec<String> = [
            line("contact-address", &m.address),
            line("contact-phone", &m.phone),
            line("contact-email", &m.email),
            line("contact-website", &m.website),
        ]
        .into_iter()
        .flatten()
        .collect();
        if !contact.is_empty() {
            sections.push(Section {
                heading: t(lang, "heading-contact"),
                paragraphs: vec![],
                items: contact,
            });
        }

        Explanation {
            title: ta(lang, "title", &[("name", Arg::from(name))]),
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
