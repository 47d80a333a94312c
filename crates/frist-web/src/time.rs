//! Instants and dates as the API shows and reads them: RFC 3339 with the Copenhagen offset in
//! force at the instant (as `frist deadline` prints them); local dates in Europe/Copenhagen.

use frist_calendar::Date;
use frist_policy::COPENHAGEN;
use jiff::Timestamp;

/// `2026-12-29T23:59:59+01:00`.
pub fn local(at: Timestamp) -> String {
    at.display_with_offset(COPENHAGEN.to_offset(at)).to_string()
}

/// Midnight at the start of `date` in Copenhagen.
pub fn start_of_day(date: Date) -> Option<Timestamp> {
    COPENHAGEN
        .to_ambiguous_timestamp(date.at(0, 0, 0, 0))
        .compatible()
        .ok()
}

/// Reads an instant (RFC 3339 with offset or `Z`) or a local date (its start in Copenhagen).
/// A `+` that a query string turned into a space is put back.
pub fn parse_instant_or_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(at) = text.parse::<Timestamp>() {
        return Some(at);
    }
    if let Ok(at) = text.replace(' ', "+").parse::<Timestamp>() {
        return Some(at);
    }
    text.parse::<Date>().ok().and_then(start_of_day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_show_the_copenhagen_offset_of_their_season() {
        let winter: Timestamp = "2026-12-29T22:59:59Z".parse().unwrap();
        let summer: Timestamp = "2026-06-29T21:59:59Z".parse().unwrap();
        assert_eq!(local(winter), "2026-12-29T23:59:59+01:00");
        assert_eq!(local(summer), "2026-06-29T23:59:59+02:00");
    }

    #[test]
    fn dates_and_instants_with_a_lost_plus_are_read() {
        let midnight = parse_instant_or_date("2026-12-29").unwrap();
        assert_eq!(local(midnight), "2026-12-29T00:00:00+01:00");
        assert_eq!(
            parse_instant_or_date("2026-12-29T00:00:00 01:00"),
            Some(midnight)
        );
        assert_eq!(parse_instant_or_date("yesterday"), None);
    }
}
