//! A municipality's own closing days (lukkedage): recurring month-days and one-off dates.

use jiff::civil::Date;

/// When a closing day occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Recurrence {
    /// Every year on this month and day, e.g. 24 December. 29 February only in leap years.
    Yearly { month: i8, day: i8 },
    /// Once, on this date, e.g. the Friday after Ascension Day one particular year.
    Once(Date),
}

/// One closing day with its Danish name, e.g. "Juleaftensdag".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClosingDay {
    pub when: Recurrence,
    pub name: String,
}

/// All of a municipality's closing days.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClosingDays {
    days: Vec<ClosingDay>,
}

impl ClosingDays {
    pub fn new(days: Vec<ClosingDay>) -> Self {
        Self { days }
    }

    /// Closing days shipped with every bundled policy: Grundlovsdag, Juleaftensdag and
    /// Nytårsaftensdag.
    pub fn danish_default() -> Self {
        let yearly = |month, day, name: &str| ClosingDay {
            when: Recurrence::Yearly { month, day },
            name: name.to_owned(),
        };
        Self::new(vec![
            yearly(6, 5, "Grundlovsdag"),
            yearly(12, 24, "Juleaftensdag"),
            yearly(12, 31, "Nytårsaftensdag"),
        ])
    }

    pub fn days(&self) -> &[ClosingDay] {
        &self.days
    }

    /// The closing days that fall in `year`, with their names.
    pub fn in_year(&self, year: i16) -> impl Iterator<Item = (Date, &str)> + '_ {
        self.days.iter().filter_map(move |c| {
            let date = match c.when {
                Recurrence::Yearly { month, day } => Date::new(year, month, day).ok()?,
                Recurrence::Once(date) if date.year() == year => date,
                Recurrence::Once(_) => return None,
            };
            Some((date, c.name.as_str()))
        })
    }
}
