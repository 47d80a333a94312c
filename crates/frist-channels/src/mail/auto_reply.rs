//! The automatic reply to mail for an absent caseworker (HTK-5, ROS-3): when they are back, who
//! handles the inquiry meanwhile and how to reach them, and the inquiry's reference. It is sent
//! through the outbox (mail out) when [`super::loops::auto_reply_allowed`] says a reply may go.

use frist_calendar::{Calendar, Date};
use frist_core::Reference;
use frist_i18n::Lang;
use frist_policy::weekday_name;
use frist_store::{Caseworker, Unit};

/// What the reply says, and to whom it refers.
#[derive(Debug, Clone, Copy)]
pub struct AbsenceNotice<'a> {
    /// The municipality's name, signing the reply.
    pub municipality: &'a str,
    pub absent: &'a Caseworker,
    /// The first working day they are back.
    pub back_on: Date,
    /// Who handles the inquiry meanwhile.
    pub substitute: Option<&'a Caseworker>,
    /// Whom to contact when there is no substitute.
    pub unit: Option<&'a Unit>,
    pub reference: Option<&'a Reference>,
    /// The subject of the message answered.
    pub subject: &'a str,
}

/// An automatic reply: subject and plain-text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutoReply {
    pub subject: String,
    pub body: String,
}

/// The first working day after an absence that lasts to and including `until`.
pub fn return_date(until: Date, calendar: &Calendar) -> Date {
    calendar
        .next_working_day(until)
        .or_else(|_| until.tomorrow())
        .unwrap_or(until)
}

/// The reply in Danish or English.
pub fn absence_reply(notice: &AbsenceNotice<'_>, lang: Lang) -> AutoReply {
    match lang {
        Lang::Da | Lang::De => danish(notice),
        Lang::En => english(notice),
    }
}

fn danish(n: &AbsenceNotice<'_>) -> AutoReply {
    let mut body = format!(
        "Tak for din e-mail.\n\n{} er fraværende og er tilbage {}.\n",
        n.absent.name,
        danish_day(n.back_on)
    );
    match (n.substitute, n.unit) {
        (Some(s), _) => {
            body.push_str(&format!(
                "Din henvendelse er givet videre til {}, som tager sig af den imens.",
                s.name
            ));
            if let Some(contact) = contact(s.email.as_deref(), s.phone.as_deref(), "eller") {
                body.push_str(&format!(" Du kan kontakte {} på {contact}.", s.name));
            }
            body.push('\n');
        }
        (None, Some(u)) => {
            body.push_str(&format!(
                "Din henvendelse er givet videre til {}, som tager sig af den imens.",
                u.name
            ));
            if let Some(contact) = contact(u.email.as_deref(), u.phone.as_deref(), "eller") {
                body.push_str(&format!(" Du kan kontakte {} på {contact}.", u.name));
            }
            body.push('\n');
        }
        (None, None) => {
            body.push_str("Din henvendelse er modtaget og bliver behandlet.\n");
        }
    }
    if let Some(r) = n.reference {
        body.push_str(&format!(
            "\nDin henvendelse har referencen {r}. Skriv den gerne, hvis du kontakter os om sagen.\n"
        ));
    }
    body.push_str(&format!(
        "\nMed venlig hilsen\n{}\n\nDette er et automatisk svar.\n",
        n.municipality
    ));
    AutoReply {
        subject: format!("Automatisk svar: {}", n.subject),
        body,
    }
}

fn english(n: &AbsenceNotice<'_>) -> AutoReply {
    let mut body = format!(
        "Thank you for your e-mail.\n\n{} is away and will be back on {}.\n",
        n.absent.name,
        english_day(n.back_on)
    );
    let handler = n
        .substitute
        .map(|s| (s.name.as_str(), s.email.as_deref(), s.phone.as_deref()))
        .or_else(|| {
            n.unit
                .map(|u| (u.name.as_str(), u.email.as_deref(), u.phone.as_deref()))
        });
    match handler {
        Some((name, email, phone)) => {
            body.push_str(&format!(
                "Your inquiry has been passed on to {name}, who will handle it meanwhile."
            ));
            if let Some(contact) = contact(email, phone, "or") {
                body.push_str(&format!(" You can contact {name} at {contact}."));
            }
            body.push('\n');
        }
        None => body.push_str("Your inquiry has been received and will be handled.\n"),
    }
    if let Some(r) = n.reference {
        body.push_str(&format!(
            "\nYour inquiry has the reference {r}. Please quote it if you contact us about it.\n"
        ));
    }
    body.push_str(&format!(
        "\nKind regards\n{}\n\nThis is an automatic reply.\n",
        n.municipality
    ));
    AutoReply {
        subject: format!("Automatic reply: {}", n.subject),
        body,
    }
}

fn contact(email: Option<&str>, phone: Option<&str>, or: &str) -> Option<String> {
    match (email, phone) {
        (Some(e), Some(p)) => Some(format!("{e} {or} {p}")),
        (Some(x), None) | (None, Some(x)) => Some(x.to_owned()),
        (None, None) => None,
    }
}

/// "mandag den 7. december 2026".
pub fn danish_day(d: Date) -> String {
    format!(
        "{} den {}",
        weekday_name(d.weekday(), Lang::Da).to_lowercase(),
        frist_policy::danish_date(d)
    )
}

/// "Monday 7 December 2026".
pub fn english_day(d: Date) -> String {
    format!(
        "{} {}",
        weekday_name(d.weekday(), Lang::En),
        frist_policy::english_date(d)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use frist_calendar::ClosingDays;

    fn person(id: &str, name: &str, email: Option<&str>, phone: Option<&str>) -> Caseworker {
        Caseworker {
            id: id.into(),
            name: name.into(),
            unit: Some("borgerservice".into()),
            email: email.map(str::to_owned),
            phone: phone.map(str::to_owned),
            absent: None,
        }
    }

    #[test]
    fn the_return_date_is_the_first_working_day_after_the_absence() {
        let plain = Calendar::new(ClosingDays::new(vec![]));
        // Absent to Friday 18 December 2026: back Monday 21 December.
        assert_eq!(
            return_date(jiff::civil::date(2026, 12, 18), &plain).to_string(),
            "2026-12-21"
        );
        // Absent to 23 December: the 24th is closed, the 25th and 26th are holidays, then a
        // Sunday: back Monday 28 December.
        assert_eq!(
            return_date(jiff::civil::date(2026, 12, 23), &Calendar::danish_default()).to_string(),
            "2026-12-28"
        );
    }

    #[test]
    fn the_danish_reply_names_the_return_date_the_substitute_and_the_reference() {
        let mette = person("mette", "Mette Hansen", Some("mette@htk.dk"), None);
        let jonas = person(
            "jonas",
            "Jonas Berg",
            Some("jonas@htk.dk"),
            Some("43 59 10 00"),
        );
        let reference: Reference = "HTK-2026-000123".parse().unwrap();
        let reply = absence_reply(
            &AbsenceNotice {
                municipality: "Høje-Taastrup Kommune",
                absent: &mette,
                back_on: jiff::civil::date(2026, 12, 7),
                substitute: Some(&jonas),
                unit: None,
                reference: Some(&reference),
                subject: "Spørgsmål om affald",
            },
            Lang::Da,
        );
        assert_eq!(reply.subject, "Automatisk svar: Spørgsmål om affald");
        assert_eq!(
            reply.body,
            "Tak for din e-mail.\n\n\
             Mette Hansen er fraværende og er tilbage mandag den 7. december 2026.\n\
             Din henvendelse er givet videre til Jonas Berg, som tager sig af den imens. \
             Du kan kontakte Jonas Berg på jonas@htk.dk eller 43 59 10 00.\n\n\
             Din henvendelse har referencen HTK-2026-000123. \
             Skriv den gerne, hvis du kontakter os om sagen.\n\n\
             Med venlig hilsen\nHøje-Taastrup Kommune\n\nDette er et automatisk svar.\n"
        );
    }

    #[test]
    fn the_english_reply_falls_back_to_the_unit_without_a_substitute() {
        let mette = person("mette", "Mette Hansen", None, None);
        let unit = Unit {
            id: "borgerservice".into(),
            name: "Borgerservice".into(),
            email: Some("borgerservice@htk.dk".into()),
            phone: None,
        };
        let reply = absence_reply(
            &AbsenceNotice {
                municipality: "Høje-Taastrup Kommune",
                absent: &mette,
                back_on: jiff::civil::date(2026, 12, 7),
                substitute: None,
                unit: Some(&unit),
                reference: None,
                subject: "Waste",
            },
            Lang::En,
        );
        assert_eq!(reply.subject, "Automatic reply: Waste");
        assert!(
            reply
                .body
                .contains("Mette Hansen is away and will be back on Monday 7 December 2026."),
            "{}",
            reply.body
        );
        assert!(
            reply.body.contains(
                "passed on to Borgerservice, who will handle it meanwhile. \
                 You can contact Borgerservice at borgerservice@htk.dk."
            ),
            "{}",
            reply.body
        );
        assert!(!reply.body.contains("reference"));
    }
}
