//! Caseworkers as the staff pages name them: by name, and with their absence and substitute
//! while they are away, so that whoever covers open deadlines can see it (HTK-8, STE-5).

use super::StaffMessages;
use crate::pages::i18n::Messages;
use frist_calendar::Date;
use frist_store::Caseworker;

/// The caseworker's name (the id when unknown), with "absent until …; substitute: …" when an
/// absence covers `today`.
pub(crate) fn caseworker_label(
    caseworkers: &[Caseworker],
    id: &str,
    today: Date,
    t: &Messages,
    s: &StaffMessages,
) -> String {
    let Some(c) = caseworkers.iter().find(|c| c.id == id) else {
        return id.to_owned();
    };
    match &c.absent {
        Some(absence) if absence.until >= today => {
            let date = t.date(absence.until);
            match &absence.substitute {
                Some(sub) => {
                    let sub_name = caseworkers
                        .iter()
                        .find(|c| &c.id == sub)
                        .map_or(sub.as_str(), |c| c.name.as_str());
                    s.absent_with_substitute
                        .replace("{name}", &c.name)
                        .replace("{date}", &date)
                        .replace("{substitute}", sub_name)
                }
                None => s
                    .absent_without_substitute
                    .replace("{name}", &c.name)
                    .replace("{date}", &date),
            }
        }
        _ => c.name.clone(),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use frist_store::Absence;

    #[test]
    fn an_absence_shows_until_its_last_day_with_the_substitute() {
        let people = vec![
            Caseworker {
                id: "mette".into(),
                name: "Mette Hansen".into(),
                unit: None,
                email: None,
                phone: None,
                absent: Some(Absence {
                    until: "2026-11-27".parse().unwrap(),
                    substitute: Some("ole".into()),
                }),
            },
            Caseworker {
                id: "ole".into(),
                name: "Ole Jensen".into(),
                unit: None,
                email: None,
                phone: None,
                absent: None,
            },
        ];
        let t = Messages::of(frist_i18n::Lang::Da);
        let s = StaffMessages::of(frist_i18n::Lang::Da);
        let day = |d: &str| d.parse().unwrap();
        assert_eq!(
            caseworker_label(&people, "mette", day("2026-11-27"), t, s),
            "Mette Hansen (fraværende til og med 27. november 2026; stedfortræder: Ole Jensen)"
        );
        assert_eq!(
            caseworker_label(&people, "mette", day("2026-11-28"), t, s),
            "Mette Hansen"
        );
        assert_eq!(
            caseworker_label(&people, "ukendt", day("2026-11-20"), t, s),
            "ukendt"
        );
    }
}
