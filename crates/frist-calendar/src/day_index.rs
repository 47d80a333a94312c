//! Dates as day numbers since [`FIRST_DATE`](crate::FIRST_DATE), in constant time.
//!
//! The table in [`crate::table`] is indexed by these numbers. The conversion is Howard
//! Hinnant's `days_from_civil` / `civil_from_days`, which is exact for the proleptic Gregorian
//! calendar and costs a handful of integer operations.

use crate::{CalendarError, FIRST_DATE, LAST_DATE};
use jiff::civil::Date;

/// Days from 1970-01-01 to the given civil date (negative before).
fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count from 1970-01-01.
fn civil_from_days(z: i32) -> (i32, i32, i32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

fn epoch_days(date: Date) -> i32 {
    days_from_civil(
        i32::from(date.year()),
        i32::from(date.month()),
        i32::from(date.day()),
    )
}

/// Number of days in the supported range.
pub(crate) fn day_count() -> usize {
    (epoch_days(LAST_DATE) - epoch_days(FIRST_DATE) + 1) as usize
}

/// The index of `date`, or an error when it lies outside the supported range.
pub(crate) fn index_of(date: Date) -> Result<usize, CalendarError> {
    if date < FIRST_DATE || date > LAST_DATE {
        return Err(CalendarError::OutOfRange {
            date,
            first: FIRST_DATE,
            last: LAST_DATE,
        });
    }
    Ok((epoch_days(date) - epoch_days(FIRST_DATE)) as usize)
}

/// The date at `index`; `index` must come from this module (it is below [`day_count`]).
pub(crate) fn date_at(index: usize) -> Date {
    let (y, m, d) = civil_from_days(epoch_days(FIRST_DATE) + index as i32);
    // In range by construction: y is 1900..=2200, m 1..=12, d a valid day of that month.
    Date::new(y as i16, m as i8, d as i8).unwrap_or(LAST_DATE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_index_round_trips_and_follows_jiff() {
        let mut expected = FIRST_DATE;
        for i in 0..day_count() {
            assert_eq!(date_at(i), expected);
            assert_eq!(index_of(expected), Ok(i));
            expected = expected.tomorrow().unwrap_or(LAST_DATE);
        }
        assert_eq!(date_at(day_count() - 1), LAST_DATE);
    }

    #[test]
    fn dates_outside_the_range_are_errors() {
        assert!(index_of(jiff::civil::date(1899, 12, 31)).is_err());
        assert!(index_of(jiff::civil::date(2201, 1, 1)).is_err());
    }
}
