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
mod tests;
