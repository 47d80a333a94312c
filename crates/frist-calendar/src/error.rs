use jiff::civil::Date;

/// What a calendar question can go wrong with. Never a panic: every date from outside is
/// checked against the supported range first.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// The date, or the answer to the question, lies outside 1900-01-01..=2200-12-31.
    #[error("{date} is outside the supported calendar range {first} to {last}")]
    OutOfRange { date: Date, first: Date, last: Date },
    /// The N-th working day after a date would lie beyond the end of the supported range.
    #[error(
        "{n} working days after {date} lies beyond the supported calendar range (last date {last})"
    )]
    BeyondRange { date: Date, n: u32, last: Date },
}
