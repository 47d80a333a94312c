//! Danish public holidays (helligdage), by year.
//!
//! The list follows SERVICE_GOALS.md "Working-day semantics": Nytårsdag, Skærtorsdag,
//! Langfredag, Påskedag, Anden påskedag, Store bededag (up to and including 2023; abolished by
//! law from 2024), Kristi himmelfartsdag, Pinsedag, Anden pinsedag, Juledag, Anden juledag.
//! Names are the Danish ones used by the Python `holidays` package, which the tests compare
//! against. Grundlovsdag, Juleaftensdag and Nytårsaftensdag are not public holidays; a
//! municipality closes on them through its closing days.

use crate::easter::easter_sunday;
use jiff::civil::Date;

/// The last year in which Store bededag was a public holiday.
pub const LAST_STORE_BEDEDAG_YEAR: i16 = 2023;

/// One public holiday in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicHoliday {
    pub date: Date,
    /// The Danish name, e.g. "Kristi himmelfartsdag".
    pub name: &'static str,
}

/// The public holidays of `year`, in date order.
pub fn public_holidays(year: i16) -> Vec<PublicHoliday> {
    let easter = easter_sunday(year);
    let after_easter = |days: i64, name: &'static str| PublicHoliday {
        // Easter ± 50 days never leaves the year, so this cannot fail for supported years.
        date: easter.saturating_add(jiff::Span::new().days(days)),
        name,
    };
    let fixed = |month: i8, day: i8, name: &'static str| PublicHoliday {
        date: jiff::civil::date(year, month, day),
        name,
    };
    let mut list = vec![
        fixed(1, 1, "Nytårsdag"),
        after_easter(-3, "Skærtorsdag"),
        after_easter(-2, "Langfredag"),
        after_easter(0, "Påskedag"),
        after_easter(1, "Anden påskedag"),
    ];
    if year <= LAST_STORE_BEDEDAG_YEAR {
        list.push(after_easter(26, "Store bededag"));
    }
    list.extend([
        after_easter(39, "Kristi himmelfartsdag"),
        after_easter(49, "Pinsedag"),
        after_easter(50, "Anden pinsedag"),
        fixed(12, 25, "Juledag"),
        fixed(12, 26, "Anden juledag"),
    ]);
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn dates(year: i16) -> Vec<Date> {
        public_holidays(year).into_iter().map(|h| h.date).collect()
    }

    #[test]
    fn store_bededag_is_a_holiday_up_to_2023_and_not_from_2024() {
        assert!(dates(2023).contains(&date(2023, 5, 5)));
        assert_eq!(public_holidays(2023).len(), 11);
        assert!(!dates(2024).contains(&date(2024, 4, 26)));
        assert_eq!(public_holidays(2024).len(), 10);
    }

    #[test]
    fn holidays_of_2026_are_the_published_ones() {
        assert_eq!(
            dates(2026),
            vec![
                date(2026, 1, 1),
                date(2026, 4, 2),
                date(2026, 4, 3),
                date(2026, 4, 5),
                date(2026, 4, 6),
                date(2026, 5, 14),
                date(2026, 5, 24),
                date(2026, 5, 25),
                date(2026, 12, 25),
                date(2026, 12, 26),
            ]
        );
    }
}
