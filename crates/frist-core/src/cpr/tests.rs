//! The CPR detector against a corpus of real-looking positives and negatives, and properties.

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
