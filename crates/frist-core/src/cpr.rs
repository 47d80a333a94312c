//! Finding CPR numbers (personnummer) in free text, masking them, and a validated [`Cpr`] type.
//!
//! Why it exists: a municipality must never send a CPR number by plain e-mail (Datatilsynet's
//! practice; service goals HTK-6 and ROS-4). If an inquiry or a reply contains one, the reply
//! has to go by Digital Post or letter, and in lists and logs the number must be masked. The
//! rules on outgoing messages ask this module "is there a CPR number in this text, and where?",
//! so it has to catch the ways people really write one without raising false alarms on phone
//! numbers, dates, amounts and case numbers.
//!
//! What counts as a CPR number:
//! - Ten ASCII digits `DDMMYYSSSS`, or `DDMMYY` and `SSSS` with exactly one separator between
//!   them: a hyphen `-`, an en dash `–` (U+2013, which word processors substitute for the
//!   hyphen) or a single ASCII space. Not `/` or `.`: those are how dates ("01/01/90") and case
//!   numbers are written, and nobody writes a CPR number that way. Two spaces, a non-breaking
//!   space or digits other than ASCII are not recognised either; that is a deliberate limit,
//!   not an oversight.
//! - `DD-MM-YY` is a real date in the century the seventh digit gives (the CPR office's rule,
//!   see [`birth_date`]), so "310290-1234" (31 February) is not one. There is no modulus-11
//!   check: numbers issued since 2007 need not pass it.
//! - It is not part of a longer number. No digit may touch it, and neither may a digit group
//!   joined to it by `-`, `–`, `.` or `/` ("2024-0101901234", "0101901234.56"), nor a `+`
//!   ("+0101901234" is a phone number). The forms without a hyphen or en dash are weaker
//!   evidence, so for them a digit group joined by a single space counts as well: "1234
//!   0101901234 56" is an account number, "12 010190 1234" a grouped number. A neighbouring
//!   group that is itself shaped like a CPR number does not count, so lists such as
//!   "0101901234 0202905678" or "010190-1234/020290-5678" are found in full. A hyphenated
//!   number next to a space-separated digit group ("1234 010190-1234") is still found: the
//!   hyphen after six digits is how CPR numbers are written.
//!
//! What it must not do: panic on any text (it runs on every inbound mail), allocate in
//! [`contains`], or let a full CPR number out through `Debug`, `Display` or an error message
//! (personal data must not leak into logs). It does not decide which channel a reply takes;
//! that belongs to the rules on outgoing messages. It is a detector, not proof of identity: a
//! ten-digit order number with a date-shaped start ("0101901234") is reported, by design.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A CPR number found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CprMatch {
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
    /// Birth date per the century rule.
    pub birth_date: Date,
}

/// Every CPR number in `text`, in order, non-overlapping.
pub fn find_all(text: &str) -> Vec<CprMatch> {
    Scanner::new(text.as_bytes()).collect()
}

/// Whether `text` contains a CPR number (fast path; no allocation needed).
pub fn contains(text: &str) -> bool {
    Scanner::new(text.as_bytes()).next().is_some()
}

/// `text` with the last four digits of every CPR number replaced by "XXXX" and the separator
/// normalised to "-": "010190-1234" → "010190-XXXX". Used for lists and logs.
pub fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len().saturating_add(8));
    let mut copied = 0;
    for found in Scanner::new(text.as_bytes()) {
        // Match boundaries sit next to ASCII digits, so they are char boundaries and `get`
        // always succeeds; the fallback only keeps this function free of panics.
        out.push_str(text.get(copied..found.start).unwrap_or_default());
        out.push_str(
            text.get(found.start..found.start.saturating_add(6))
                .unwrap_or_default(),
        );
        out.push_str("-XXXX");
        copied = found.end;
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out
}

/// A validated CPR number, e.g. for a sender's CPR field.
///
/// It has no `Display` on purpose: printing one should be a visible decision ([`Cpr::as_str`]
/// or [`Cpr::masked`]), and `Debug` shows only the masked form.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Cpr {
    /// Normalised "DDMMYY-SSSS".
    text: String,
    /// Follows from `text`; kept so that reading it needs no re-parsing and no fallback.
    birth_date: Date,
}

impl Cpr {
    /// Reads a CPR number written `DDMMYY-SSSS`, `DDMMYY–SSSS` (en dash), `DDMMYY SSSS` or
    /// `DDMMYYSSSS`, ignoring whitespace around it (it usually comes from a form field).
    pub fn parse(s: &str) -> Result<Cpr, CprError> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(CprError::Empty);
        }
        let bytes = trimmed.as_bytes();
        let layout = match layout_at(bytes, 0) {
            Some(layout) if layout.end == bytes.len() => layout,
            _ => {
                return Err(CprError::Shape {
                    digits: bytes.iter().filter(|b| b.is_ascii_digit()).count(),
                    chars: trimmed.chars().count(),
                });
            }
        };
        let text = normalised(&layout.digits);
        match birth_date(&layout.digits) {
            Some(birth_date) => Ok(Cpr { text, birth_date }),
            None => {
                let [d1, d2, m1, m2, y1, y2, seventh, ..] = layout.digits;
                let yy = y1 * 10 + y2;
                Err(CprError::NotADate {
                    masked: masked(&text),
                    day: d1 * 10 + d2,
                    month: m1 * 10 + m2,
                    year: century(seventh, yy).saturating_add(i16::from(yy)),
                })
            }
        }
    }

    /// The full number, normalised to "DDMMYY-SSSS". Personal data: not for logs.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// "DDMMYY-XXXX", for lists and logs.
    pub fn masked(&self) -> String {
        masked(&self.text)
    }

    /// Birth date per the century rule.
    pub fn birth_date(&self) -> Date {
        self.birth_date
    }
}

impl FromStr for Cpr {
    type Err = CprError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Cpr::parse(s)
    }
}

impl fmt::Debug for Cpr {
    // Masked, because `Debug` ends up in logs and panic messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Cpr").field(&self.masked()).finish()
    }
}

impl Serialize for Cpr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Cpr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Cpr::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// Why a text is not a CPR number. The messages never repeat the input's last four digits,
/// since the input may be somebody's CPR number with a typo.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CprError {
    /// Nothing but whitespace.
    #[error("no CPR number given: the text is empty")]
    Empty,
    /// Not ten digits laid out as a CPR number.
    #[error(
        "not a CPR number: expected ten digits written DDMMYY-SSSS, DDMMYYSSSS or DDMMYY SSSS, but the text has {digits} digits in {chars} characters"
    )]
    Shape {
        /// ASCII digits in the (trimmed) text.
        digits: usize,
        /// Characters in the (trimmed) text.
        chars: usize,
    },
    /// `DD-MM-YY` is not a date in the century the seventh digit gives.
    #[error(
        "\"{masked}\" is not a CPR number: {day:02}-{month:02}-{year} is not a date (the century follows from the seventh digit)"
    )]
    NotADate {
        /// The number as "DDMMYY-XXXX".
        masked: String,
        day: u8,
        month: u8,
        /// The year the century rule gives.
        year: i16,
    },
}

const EN_DASH: [u8; 3] = [0xE2, 0x80, 0x93];

/// Where a CPR-like digit layout ends, its ten digit values, and whether `-` or `–` separates
/// them (the strong form).
#[derive(Debug, Clone, Copy)]
struct Layout {
    end: usize,
    digits: [u8; 10],
    hyphenated: bool,
}

/// A layout whose date is valid: a CPR number unless its surroundings say otherwise.
#[derive(Debug, Clone, Copy)]
struct Shape {
    end: usize,
    birth_date: Date,
    hyphenated: bool,
}

/// Scans left to right from digit run to digit run; never goes back, so the work is linear.
#[derive(Debug)]
struct Scanner<'a> {
    bytes: &'a [u8],
    /// Always 0 or the end of a digit run, so the next digit found starts a run.
    pos: usize,
    /// End of the last CPR-shaped number seen, found or not, so that a list of CPR numbers is
    /// not mistaken for one long grouped number.
    last_shape_end: Option<usize>,
}

impl<'a> Scanner<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Scanner {
            bytes,
            pos: 0,
            last_shape_end: None,
        }
    }
}

impl Iterator for Scanner<'_> {
    type Item = CprMatch;

    fn next(&mut self) -> Option<CprMatch> {
        loop {
            let rest = self.bytes.get(self.pos..)?;
            let start = self
                .pos
                .saturating_add(rest.iter().position(u8::is_ascii_digit)?);
            let Some(shape) = shape_at(self.bytes, start) else {
                self.pos = run_end(self.bytes, start);
                continue;
            };
            let glued = glued_left(self.bytes, start, shape.hyphenated, self.last_shape_end)
                || glued_right(self.bytes, shape.end, shape.hyphenated);
            self.last_shape_end = Some(shape.end);
            self.pos = shape.end;
            if !glued {
                return Some(CprMatch {
                    start,
                    end: shape.end,
                    birth_date: shape.birth_date,
                });
            }
        }
    }
}

fn is_digit_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i).is_some_and(u8::is_ascii_digit)
}

fn is_en_dash_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i..i.saturating_add(3)) == Some(&EN_DASH[..])
}

/// End of the run of ASCII digits starting at `start` (`start` itself if there is none).
fn run_end(bytes: &[u8], start: usize) -> usize {
    let len = bytes.get(start..).map_or(0, |rest| {
        rest.iter().take_while(|b| b.is_ascii_digit()).count()
    });
    start.saturating_add(len)
}

/// The CPR layout starting at `start`: exactly ten digits, or exactly six, one separator and
/// exactly four. Exact run lengths mean no digit touches it.
fn layout_at(bytes: &[u8], start: usize) -> Option<Layout> {
    let first_end = run_end(bytes, start);
    let first = bytes.get(start..first_end)?;
    let (second, end, hyphenated) = match first.len() {
        10 => (&[][..], first_end, false),
        6 => {
            let (separator_len, hyphenated) = match bytes.get(first_end)? {
                b'-' => (1, true),
                b' ' => (1, false),
                _ if is_en_dash_at(bytes, first_end) => (3, true),
                _ => return None,
            };
            let second_start = first_end.saturating_add(separator_len);
            let second_end = run_end(bytes, second_start);
            let second = bytes.get(second_start..second_end)?;
            if second.len() != 4 {
                return None;
            }
            (second, second_end, hyphenated)
        }
        _ => return None,
    };
    let mut digits = [0u8; 10];
    for (slot, byte) in digits.iter_mut().zip(first.iter().chain(second)) {
        *slot = byte.saturating_sub(b'0');
    }
    Some(Layout {
        end,
        digits,
        hyphenated,
    })
}

fn shape_at(bytes: &[u8], start: usize) -> Option<Shape> {
    let layout = layout_at(bytes, start)?;
    Some(Shape {
        end: layout.end,
        birth_date: birth_date(&layout.digits)?,
        hyphenated: layout.hyphenated,
    })
}

/// The century of the birth year, from the seventh digit and the two-digit year (the CPR
/// office's rule): 0–3 → 1900s; 4 or 9 → 2000s up to 36, else 1900s; 5–8 → 2000s up to 57,
/// else 1800s.
fn century(seventh: u8, yy: u8) -> i16 {
    match (seventh, yy) {
        (0..=3, _) => 1900,
        (4 | 9, 0..=36) => 2000,
        (4 | 9, _) => 1900,
        (_, 0..=57) => 2000,
        _ => 1800,
    }
}

/// The birth date the ten digit values stand for, if `DD-MM-YY` is a date in that century.
fn birth_date(digits: &[u8; 10]) -> Option<Date> {
    let [d1, d2, m1, m2, y1, y2, seventh, ..] = *digits;
    // Digit values are 0–9, so none of this can overflow.
    let day = i8::try_from(d1 * 10 + d2).ok()?;
    let month = i8::try_from(m1 * 10 + m2).ok()?;
    let yy = y1 * 10 + y2;
    let year = century(seventh, yy).saturating_add(i16::from(yy));
    Date::new(year, month, day).ok()
}

/// Whether the number starting at `start` continues a longer number to its left.
fn glued_left(bytes: &[u8], start: usize, hyphenated: bool, last_shape_end: Option<usize>) -> bool {
    let Some(before) = start.checked_sub(1) else {
        return false;
    };
    let joiner = match bytes.get(before) {
        // A country code: "+4512345678" style phone numbers.
        Some(b'+') => return true,
        Some(b'-' | b'.' | b'/') => before,
        Some(b' ') if !hyphenated => before,
        _ => match start.checked_sub(3) {
            Some(dash) if is_en_dash_at(bytes, dash) => dash,
            _ => return false,
        },
    };
    let digit_before = joiner.checked_sub(1).is_some_and(|i| is_digit_at(bytes, i));
    digit_before && last_shape_end != Some(joiner)
}

/// Whether the number ending at `end` continues into a longer number to its right.
fn glued_right(bytes: &[u8], end: usize, hyphenated: bool) -> bool {
    let next = match bytes.get(end) {
        Some(b'-' | b'.' | b'/') => end.saturating_add(1),
        Some(b' ') if !hyphenated => end.saturating_add(1),
        _ if is_en_dash_at(bytes, end) => end.saturating_add(3),
        _ => return false,
    };
    is_digit_at(bytes, next) && shape_at(bytes, next).is_none()
}

/// "DDMMYY-SSSS" from ten digit values.
fn normalised(digits: &[u8; 10]) -> String {
    let mut text = String::with_capacity(11);
    for (i, digit) in digits.iter().enumerate() {
        if i == 6 {
            text.push('-');
        }
        text.push(char::from(b'0'.saturating_add(*digit)));
    }
    text
}

/// "DDMMYY-XXXX" from a normalised "DDMMYY-SSSS".
fn masked(normalised: &str) -> String {
    let mut text = String::with_capacity(11);
    text.push_str(normalised.get(..6).unwrap_or_default());
    text.push_str("-XXXX");
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    /// Texts with CPR numbers, and the numbers that must be found in them, in order.
    const POSITIVES: &[(&str, &[&str])] = &[
        ("010190-1234", &["010190-1234"]),
        ("0101901234", &["0101901234"]),
        ("010190 1234", &["010190 1234"]),
        ("010190–1234", &["010190–1234"]),
        ("Mit cpr er 311299-4321.", &["311299-4321"]),
        ("CPR:010101-0101", &["010101-0101"]),
        ("010190-1234 er mit nummer", &["010190-1234"]),
        ("Mit nummer er 010190-1234", &["010190-1234"]),
        ("cpr.nr.:010190-1234,", &["010190-1234"]),
        (
            "Hej\nMit CPR-nummer er\n010190-1234\nHilsen Anna",
            &["010190-1234"],
        ),
        ("Hej\r\n0101901234\r\n", &["0101901234"]),
        ("290296-1234", &["290296-1234"]),
        ("290200-4321", &["290200-4321"]),
        ("290204-4000", &["290204-4000"]),
        ("ordrenr. 0101901234", &["0101901234"]),
        ("(010190-1234)", &["010190-1234"]),
        ("\"0101901234\"", &["0101901234"]),
        ("cpr=0101901234&x=1", &["0101901234"]),
        ("a0101901234b", &["0101901234"]),
        ("-0101901234", &["0101901234"]),
        ("010190 1234.", &["010190 1234"]),
        ("æøå010190-1234ÆØÅ", &["010190-1234"]),
        ("Emne: Ansøgning – 010190–1234", &["010190–1234"]),
        (
            "Anna 010190-1234, Bo 020290-5678",
            &["010190-1234", "020290-5678"],
        ),
        ("010190-1234 0202905678", &["010190-1234", "0202905678"]),
        ("0101901234 0202905678", &["0101901234", "0202905678"]),
        ("010190 1234 020290 5678", &["010190 1234", "020290 5678"]),
        ("010190-1234/020290-5678", &["010190-1234", "020290-5678"]),
        ("010190-1234;020290-5678", &["010190-1234", "020290-5678"]),
        ("1234 010190-1234", &["010190-1234"]),
        ("010190-1234 56", &["010190-1234"]),
        ("Født 24-12-1985, cpr 241285-2345", &["241285-2345"]),
        ("tlf. 43 59 10 00, cpr 010190-1234", &["010190-1234"]),
        ("Sag 2024-123456 vedr. 150562-3017", &["150562-3017"]),
        ("CPR 311257-5000", &["311257-5000"]),
        ("CPR 010158-5000", &["010158-5000"]),
        ("CPR 010137-4000", &["010137-4000"]),
        ("CPR 010136-9000", &["010136-9000"]),
        ("reg.nr. 1234 kontonr. 0101901234", &["0101901234"]),
        (
            "id;cpr\n17;0101901234\n18;0202905678",
            &["0101901234", "0202905678"],
        ),
    ];

    /// Texts that must not raise an alarm.
    const NEGATIVES: &[&str] = &[
        "",
        "Ingen tal her.",
        "43 59 10 00",
        "4359 1000",
        "+45 43591000",
        "+4543591000",
        "Tlf. +45 43 59 10 00, fax 4359 1001",
        "01-01-2020",
        "01.01.1990",
        "2020-01-01",
        "01/01/90",
        "Sag 2024-123456",
        "ordrenr. 1234567890",
        "ref 310290-1234",
        "10:00-12:00",
        "kl. 10.00–12.00",
        "1.234.567,00 kr.",
        "CVR 29189404",
        "12 34 56 78 90",
        "1234 0101901234 56",
        "1234 0101901234",
        "0101901234 56",
        "12 010190 1234",
        "010190 1234 5678",
        "+45 010190 1234",
        "290200-1234",
        "290201-4000",
        "01019012345",
        "10101901234",
        "010190-12345",
        "0101901-1234",
        "010190/1234",
        "010190.1234",
        "010190  1234",
        "320190-1234",
        "011390-1234",
        "000190-1234",
        "010090-1234",
        "+0101901234",
        "2024-0101901234",
        "Konto 1234-0101901234",
        "0101901234.56",
        "0101901234-5",
        "0101901234/2",
        "12-010190-1234",
        "010190-1234-5",
        "DK50 0040 0440 1162 43",
        "EAN 5798000123456",
        "20240101123456",
        "010190",
        "1234",
    ];

    fn found(text: &str) -> Vec<&str> {
        find_all(text)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect()
    }

    #[test]
    fn the_corpus_is_big_enough_to_mean_something() {
        assert!(POSITIVES.len() >= 30, "{}", POSITIVES.len());
        assert!(NEGATIVES.len() >= 30, "{}", NEGATIVES.len());
    }

    #[test]
    fn every_cpr_number_in_the_positive_corpus_is_found() {
        for (text, expected) in POSITIVES {
            assert_eq!(found(text), *expected, "{text:?}");
            assert!(contains(text), "{text:?}");
        }
    }

    #[test]
    fn nothing_in_the_negative_corpus_is_found() {
        for text in NEGATIVES {
            assert_eq!(found(text), Vec::<&str>::new(), "{text:?}");
            assert!(!contains(text), "{text:?}");
            assert_eq!(mask(text), *text);
        }
    }

    #[test]
    fn matches_carry_byte_ranges_and_birth_dates() {
        let at = |text: &str| find_all(text);
        assert_eq!(
            at("Mit cpr er 311299-4321."),
            vec![CprMatch {
                start: 11,
                end: 22,
                birth_date: date(1999, 12, 31)
            }]
        );
        assert_eq!(
            at("æøå010190-1234ÆØÅ"),
            vec![CprMatch {
                start: 6,
                end: 17,
                birth_date: date(1990, 1, 1)
            }]
        );
        assert_eq!(
            at("010190–1234"),
            vec![CprMatch {
                start: 0,
                end: 13,
                birth_date: date(1990, 1, 1)
            }]
        );
        assert_eq!(
            at("0101901234"),
            vec![CprMatch {
                start: 0,
                end: 10,
                birth_date: date(1990, 1, 1)
            }]
        );
    }

    #[test]
    fn the_seventh_digit_chooses_the_century() {
        let birth = |text: &str| find_all(text).first().map(|m| m.birth_date);
        assert_eq!(birth("290200-4321"), Some(date(2000, 2, 29)));
        assert_eq!(birth("290296-1234"), Some(date(1996, 2, 29)));
        assert_eq!(birth("010158-5000"), Some(date(1858, 1, 1)));
        assert_eq!(birth("311257-5000"), Some(date(2057, 12, 31)));
        assert_eq!(birth("010137-4000"), Some(date(1937, 1, 1)));
        assert_eq!(birth("010136-9000"), Some(date(2036, 1, 1)));
        assert_eq!(birth("010137-9000"), Some(date(1937, 1, 1)));
        assert_eq!(birth("010100-0000"), Some(date(1900, 1, 1)));
        assert_eq!(birth("311299-3999"), Some(date(1999, 12, 31)));
    }

    #[test]
    fn mask_hides_the_last_four_digits_and_normalises_the_separator() {
        assert_eq!(mask("010190-1234"), "010190-XXXX");
        assert_eq!(
            mask("Anna 010190-1234, Bo 0202905678 og 030390–9999 / 040490 1111."),
            "Anna 010190-XXXX, Bo 020290-XXXX og 030390-XXXX / 040490-XXXX."
        );
        assert_eq!(mask("ref 310290-1234"), "ref 310290-1234");
    }

    #[test]
    fn parse_accepts_the_usual_spellings_and_normalises_them() {
        for text in [
            "010190-1234",
            "0101901234",
            "010190 1234",
            "010190–1234",
            " 010190-1234\n",
        ] {
            let cpr = Cpr::parse(text).unwrap();
            assert_eq!(cpr.as_str(), "010190-1234");
            assert_eq!(cpr.masked(), "010190-XXXX");
            assert_eq!(cpr.birth_date(), date(1990, 1, 1));
            assert_eq!(text.parse::<Cpr>(), Ok(cpr));
        }
    }

    #[test]
    fn parse_refuses_what_is_not_exactly_one_cpr_number() {
        assert_eq!(Cpr::parse("  "), Err(CprError::Empty));
        assert_eq!(
            Cpr::parse("010190-12345"),
            Err(CprError::Shape {
                digits: 11,
                chars: 12
            })
        );
        for bad in [
            "cpr 010190-1234",
            "010190/1234",
            "01019-01234",
            "abc",
            "010190--1234",
        ] {
            assert!(
                matches!(Cpr::parse(bad), Err(CprError::Shape { .. })),
                "{bad:?}"
            );
        }
        assert_eq!(
            Cpr::parse("3102901234"),
            Err(CprError::NotADate {
                masked: "310290-XXXX".to_owned(),
                day: 31,
                month: 2,
                year: 1990
            })
        );
        assert_eq!(
            Cpr::parse("3102901234").unwrap_err().to_string(),
            "\"310290-XXXX\" is not a CPR number: 31-02-1990 is not a date (the century follows from the seventh digit)"
        );
        assert!(matches!(
            Cpr::parse("290200-1234"),
            Err(CprError::NotADate { year: 1900, .. })
        ));
    }

    #[test]
    fn debug_of_a_cpr_shows_only_the_masked_number() {
        let cpr = Cpr::parse("010190-5678").unwrap();
        let debug = format!("{cpr:?}");
        assert_eq!(debug, "Cpr(\"010190-XXXX\")");
        assert!(!debug.contains("5678"));
        assert!(!format!("{:?}", Some(&cpr)).contains("5678"));
    }

    #[test]
    fn error_messages_do_not_repeat_the_last_four_digits() {
        for (text, secret) in [
            ("310290-5678", "5678"),
            ("3102905678", "5678"),
            ("290200-1357", "1357"),
            ("010190-56789", "5678"),
            ("cpr 010190-5678", "5678"),
            ("991399 4862", "4862"),
        ] {
            let error = Cpr::parse(text).unwrap_err();
            assert!(!error.to_string().contains(secret), "{error}");
            assert!(!format!("{error:?}").contains(secret), "{error:?}");
        }
    }

    #[test]
    fn serde_writes_the_normalised_number_and_reads_through_parse() {
        let cpr = Cpr::parse("0101901234").unwrap();
        assert_eq!(serde_json::to_string(&cpr).unwrap(), "\"010190-1234\"");
        let back: Cpr = serde_json::from_str("\"010190 1234\"").unwrap();
        assert_eq!(back, cpr);
        let error = serde_json::from_str::<Cpr>("\"310290-5678\"").unwrap_err();
        assert!(error.to_string().contains("310290-XXXX"), "{error}");
        assert!(!error.to_string().contains("5678"), "{error}");
        assert!(serde_json::from_str::<Cpr>("12").is_err());
    }

    #[test]
    fn the_generator_range_spans_1858_to_2057() {
        use jiff::ToSpan;
        assert_eq!(
            date(1858, 1, 1).checked_add(DAYS_IN_RANGE.days()).unwrap(),
            date(2058, 1, 1)
        );
    }

    /// Days from 1858-01-01 to 2057-12-31 inclusive: the birth dates the CPR rule can express.
    const DAYS_IN_RANGE: i32 = 73_049;

    /// The seventh digits the CPR office's rule allows for a birth year; written as year
    /// ranges so that it checks `century` rather than repeating it.
    fn sevenths_for(year: i16) -> &'static [u8] {
        match year {
            1858..=1899 => &[5, 6, 7, 8],
            1900..=1936 => &[0, 1, 2, 3],
            1937..=1999 => &[0, 1, 2, 3, 4, 9],
            2000..=2036 => &[4, 5, 6, 7, 8, 9],
            2037..=2057 => &[5, 6, 7, 8],
            _ => &[],
        }
    }

    /// A valid CPR number as ten digits, and its birth date.
    fn valid_cpr() -> impl Strategy<Value = (String, Date)> {
        (0..DAYS_IN_RANGE, any::<prop::sample::Index>(), 0u16..1000).prop_map(
            |(offset, pick, serial)| {
                use jiff::ToSpan;
                let birth = date(1858, 1, 1).checked_add(offset.days()).unwrap();
                let sevenths = sevenths_for(birth.year());
                let seventh = sevenths[pick.index(sevenths.len())];
                let digits = format!(
                    "{:02}{:02}{:02}{seventh}{serial:03}",
                    birth.day(),
                    birth.month(),
                    birth.year() % 100
                );
                (digits, birth)
            },
        )
    }

    /// Independent of `birth_date`: every (century, seventh digit) pair the rule allows, and
    /// whether DD-MM-YY is a date there.
    fn is_valid_cpr_date(digits: &str) -> bool {
        let n = |range: std::ops::Range<usize>| digits[range].parse::<i16>().unwrap();
        let (day, month, yy, seventh) = (n(0..2), n(2..4), n(4..6), n(6..7));
        [1800, 1900, 2000].iter().any(|century| {
            let year = century + yy;
            sevenths_for(year).contains(&(seventh as u8))
                && Date::new(year, month as i8, day as i8).is_ok()
        })
    }

    /// Text without ASCII digits that does not end in `+` (a `+` before digits marks a phone
    /// number).
    fn plain_text() -> impl Strategy<Value = String> {
        "[^0-9]{0,12}".prop_filter("no trailing +", |s| !s.ends_with('+'))
    }

    /// Text built from CPR numbers, digit groups and separators, to exercise the boundaries.
    fn digit_heavy_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            valid_cpr().prop_map(|(d, _)| d),
            valid_cpr().prop_map(|(d, _)| format!("{}-{}", &d[..6], &d[6..])),
            valid_cpr().prop_map(|(d, _)| format!("{} {}", &d[..6], &d[6..])),
            valid_cpr().prop_map(|(d, _)| format!("{}–{}", &d[..6], &d[6..])),
            "[0-9]{1,12}",
            prop::sample::select(vec![" ", "-", "–", ".", "/", "+", ",", "a", "\n", "X", "æ"])
                .prop_map(str::to_owned),
        ];
        prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #[test]
        fn any_valid_cpr_between_plain_text_is_found_exactly(
            (digits, birth) in valid_cpr(),
            before in plain_text(),
            after in "[^0-9]{0,12}",
            form in 0usize..4,
        ) {
            let number = match form {
                0 => digits.clone(),
                1 => format!("{}-{}", &digits[..6], &digits[6..]),
                2 => format!("{}–{}", &digits[..6], &digits[6..]),
                _ => format!("{} {}", &digits[..6], &digits[6..]),
            };
            let text = format!("{before}{number}{after}");
            let expected = CprMatch {
                start: before.len(),
                end: before.len() + number.len(),
                birth_date: birth,
            };
            prop_assert_eq!(find_all(&text), vec![expected]);
            prop_assert!(contains(&text));
            let cpr = Cpr::parse(&number).unwrap();
            prop_assert_eq!(cpr.birth_date(), birth);
            prop_assert_eq!(cpr.as_str(), format!("{}-{}", &digits[..6], &digits[6..]));
        }

        #[test]
        fn ten_digits_without_a_valid_date_are_never_found(
            digits in "[0-9]{10}".prop_filter("invalid date", |d| !is_valid_cpr_date(d)),
            before in plain_text(),
            after in "[^0-9]{0,12}",
        ) {
            let dashed = format!("{}-{}", &digits[..6], &digits[6..]);
            for number in [&digits, &dashed] {
                let text = format!("{before}{number}{after}");
                prop_assert!(find_all(&text).is_empty(), "{:?}", text);
                prop_assert!(!contains(&text));
                prop_assert!(Cpr::parse(number).is_err());
            }
        }

        #[test]
        fn valid_dates_agree_with_the_independent_rule(digits in "[0-9]{10}") {
            prop_assert_eq!(Cpr::parse(&digits).is_ok(), is_valid_cpr_date(&digits));
        }

        #[test]
        fn arbitrary_text_never_panics_and_contains_agrees_with_find_all(
            text in prop_oneof![any::<String>(), digit_heavy_text()],
        ) {
            let all = find_all(&text);
            prop_assert_eq!(contains(&text), !all.is_empty());
            let _ = mask(&text);
            let mut previous_end = 0;
            for m in &all {
                prop_assert!(previous_end <= m.start && m.start < m.end);
                let found = text.get(m.start..m.end);
                prop_assert!(found.is_some());
                let cpr = Cpr::parse(found.unwrap_or_default());
                prop_assert_eq!(cpr.map(|c| c.birth_date()), Ok(m.birth_date));
                previous_end = m.end;
            }
        }

        #[test]
        fn masked_text_has_no_cpr_number_and_text_without_one_is_unchanged(
            text in prop_oneof![any::<String>(), digit_heavy_text()],
        ) {
            let masked = mask(&text);
            prop_assert!(!contains(&masked), "{:?} → {:?}", text, masked);
            if !contains(&text) {
                prop_assert_eq!(masked, text);
            } else {
                prop_assert_eq!(masked.matches("-XXXX").count() - text.matches("-XXXX").count(), find_all(&text).len());
            }
        }

        #[test]
        fn phone_numbers_are_never_found(
            groups in "[0-9]{2} [0-9]{2} [0-9]{2} [0-9]{2}",
            eight in "[0-9]{8}",
            before in "[^0-9]{0,12}",
            after in "[^0-9]{0,12}",
        ) {
            for phone in [
                groups.clone(),
                format!("+45 {groups}"),
                format!("+45 {eight}"),
                format!("+45{eight}"),
                format!("{} {}", &eight[..4], &eight[4..]),
            ] {
                let text = format!("{before}{phone}{after}");
                prop_assert!(!contains(&text), "{:?}", text);
            }
        }
    }
}
