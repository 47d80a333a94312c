//! Easter Sunday in the Gregorian calendar, from which most Danish holidays follow.

use jiff::civil::Date;

/// Easter Sunday of `year` by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
///
/// Valid for every Gregorian year; the calendar uses it for 1900–2200 only.
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction of the algorithm.
    jiff::civil::date(year, month as i8, day as i8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn known_easter_sundays() {
        // Published dates, including the extremes of the Gregorian range of Easter.
        let known = [
            (1900, date(1900, 4, 15)),
            (1913, date(1913, 3, 23)),
            (1943, date(1943, 4, 25)),
            (2000, date(2000, 4, 23)),
            (2008, date(2008, 3, 23)),
            (2019, date(2019, 4, 21)),
            (2024, date(2024, 3, 31)),
            (2025, date(2025, 4, 20)),
            (2026, date(2026, 4, 5)),
            (2038, date(2038, 4, 25)),
            (2200, date(2200, 4, 6)),
        ];
        for (year, expected) in known {
            assert_eq!(easter_sunday(year), expected, "Easter {year}");
        }
    }

    #[test]
    fn easter_is_always_a_sunday_between_march_22_and_april_25() {
        for year in 1583..=4099 {
            let e = easter_sunday(year);
            assert_eq!(e.weekday(), jiff::civil::Weekday::Sunday, "{year}");
            assert!(
                e >= date(year, 3, 22) && e <= date(year, 4, 25),
                "{year}: {e}"
            );
        }
    }
}
