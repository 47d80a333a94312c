//! What ties a message to an inquiry already stored: the ids it answers (In-Reply-To and
//! References) and inquiry references such as `HTK-2026-000123`, typed in the subject or found
//! inside the Message-IDs of our own outgoing mail (`<HTK-2026-000123.4f2a@htk.dk>`).

use super::parse::ParsedMail;
use frist_core::Reference;
use frist_store::ThreadKeys;

/// The thread keys of `mail`, most specific first: In-Reply-To, then References from the newest;
/// references from the subject, then from those ids.
pub fn thread_keys(mail: &ParsedMail) -> ThreadKeys {
    let mut message_ids: Vec<String> = Vec::new();
    for id in mail.in_reply_to.iter().chain(mail.references.iter().rev()) {
        if Some(id) != mail.message_id.as_ref() && !message_ids.contains(id) {
            message_ids.push(id.clone());
        }
    }
    let mut references: Vec<Reference> = Vec::new();
    for text in std::iter::once(mail.subject.as_str()).chain(message_ids.iter().map(String::as_str))
    {
        for r in references_in(text) {
            if !references.contains(&r) {
                references.push(r);
            }
        }
    }
    ThreadKeys {
        message_ids,
        references,
    }
}

/// Every inquiry reference in `text`: 2–6 letters, a hyphen, four digits, a hyphen, six or more
/// digits, not part of a longer word or number ("ROS-2026-000123", "sv: ros-2026-000123").
pub fn references_in(text: &str) -> Vec<Reference> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !bytes.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
        if starts_word
            && bytes.get(i).is_some_and(u8::is_ascii_alphabetic)
            && let Some(end) = reference_end(bytes, i)
            && let Some(r) = text.get(i..end).and_then(|s| s.parse::<Reference>().ok())
        {
            found.push(r);
            i = end;
            continue;
        }
        i += 1;
    }
    found
}

/// Where a reference starting at `start` ends, if one does.
fn reference_end(bytes: &[u8], start: usize) -> Option<usize> {
    let run = |from: usize, pred: fn(&u8) -> bool| {
        bytes
            .get(from..)
            .map_or(0, |rest| rest.iter().take_while(|b| pred(b)).count())
    };
    let letters = run(start, u8::is_ascii_alphabetic);
    if !(2..=6).contains(&letters) {
        return None;
    }
    let mut at = start + letters;
    if bytes.get(at) != Some(&b'-') || run(at + 1, u8::is_ascii_digit) != 4 {
        return None;
    }
    at += 5;
    if bytes.get(at) != Some(&b'-') {
        return None;
    }
    let digits = run(at + 1, u8::is_ascii_digit);
    if !(6..=9).contains(&digits) {
        return None;
    }
    at += 1 + digits;
    if bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(text: &str) -> Vec<String> {
        references_in(text)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn references_are_found_in_subjects_and_our_own_message_ids() {
        assert_eq!(
            refs("Sv: Din henvendelse HTK-2026-000123"),
            ["HTK-2026-000123"]
        );
        assert_eq!(refs("[ros-2026-000042] tak"), ["ROS-2026-000042"]);
        assert_eq!(refs("HTK-2026-000123.4f2a@htk.dk"), ["HTK-2026-000123"]);
        assert_eq!(
            refs("HTK-2026-000001 og STE-2025-123456"),
            ["HTK-2026-000001", "STE-2025-123456"]
        );
    }

    #[test]
    fn look_alikes_are_not_references() {
        for text in [
            "XHTKLMNO-2026-000123",
            "HTK-2026-00012",
            "HTK-26-000123",
            "HTK-2026-000123X",
            "9HTK-2026-000123",
            "H-2026-000123",
            "HTK-2026-000000",
            "",
        ] {
            assert!(refs(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn thread_keys_put_in_reply_to_first_and_references_newest_first() {
        let mail = ParsedMail {
            message_id: Some("me@x".into()),
            subject: "Sv: HTK-2026-000007".into(),
            in_reply_to: vec!["parent@x".into()],
            references: vec![
                "root@x".into(),
                "HTK-2026-000005.1@htk.dk".into(),
                "parent@x".into(),
                "me@x".into(),
            ],
            ..ParsedMail::default()
        };
        let keys = thread_keys(&mail);
        assert_eq!(
            keys.message_ids,
            ["parent@x", "HTK-2026-000005.1@htk.dk", "root@x"]
        );
        assert_eq!(
            keys.references
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["HTK-2026-000007", "HTK-2026-000005"]
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_scanned_without_panicking(s in "\\PC{0,60}") {
            let _ = references_in(&s);
        }
    }
}
