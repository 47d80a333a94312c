//! Danish working days for Frist.
//!
//! A [`Calendar`] answers, in constant time, the questions every deadline rests on: is this
//! date a working day, which is the N-th working day after it, and how many working days lie
//! between two dates. A working day is Monday–Friday that is neither a Danish public holiday
//! ([`holidays`]) nor one of the municipality's closing days ([`ClosingDays`]).
//!
//! This crate does no I/O and knows nothing of time zones or instants: it works on local
//! calendar dates. Turning an instant into a local date is the caller's business.

mod closing;
mod day_index;
mod easter;
mod error;
pub mod holidays;
mod hours;
mod table;

pub use closing::{ClosingDay, ClosingDays, Recurrence};
pub use easter::easter_sunday;
pub use error::CalendarError;
pub use hours::{HoursError, TimeRange, WeeklyHours};
pub use jiff::civil::{Date, Weekday};
pub use table::{Calendar, DayOff, DayOffKind};

/// The first date the calendar answers for.
pub const FIRST_DATE: Date = jiff::civil::date(1900, 1, 1);
/// The last date the calendar answers for.
pub const LAST_DATE: Date = jiff::civil::date(2200, 12, 31);
