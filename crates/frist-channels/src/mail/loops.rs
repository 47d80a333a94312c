//! Whether a message may get an automatic reply. Two automatic responders answering each other
//! forever is the classic mail loop; RFC 3834 says what a responder must not answer, and
//! practice adds mailing lists, Microsoft's suppression header and bounces.

use super::parse::{ParsedMail, normalise_address};

/// Local parts of addresses that are machines, not people (RFC 3834 § 2 and practice).
const MACHINE_LOCAL_PARTS: &[&str] = &[
    "mailer-daemon",
    "postmaster",
    "noreply",
    "no-reply",
    "do-not-reply",
    "donotreply",
    "bounce",
    "bounces",
];

/// Whether an automatic reply to `mail` is allowed. `our_addresses` are the municipality's own
/// (lower case); mail from them, or carrying a Message-ID from their domains (which our own
/// outgoing mail has), is never answered automatically. No reply when:
/// - `Auto-Submitted` is anything but `no` (it is itself automatic);
/// - `Precedence` is `bulk`, `list` or `junk`;
/// - it comes from a mailing list (`List-Id`, `List-Unsubscribe`);
/// - the sender asked for none (`X-Auto-Response-Suppress`, unless `None`);
/// - `Return-Path` is empty (`<>`: a bounce or another automatic message);
/// - there is no sender address, or it is a machine's (mailer-daemon, no-reply, owner-…,
///   …-request);
/// - it is from us.
pub fn auto_reply_allowed(mail: &ParsedMail, our_addresses: &[String]) -> bool {
    let h = &mail.loop_headers;
    if h.auto_submitted.as_deref().is_some_and(|v| v != "no") {
        return false;
    }
    if h.precedence
        .as_deref()
        .is_some_and(|p| matches!(p, "bulk" | "list" | "junk"))
    {
        return false;
    }
    if h.list_id || h.list_unsubscribe {
        return false;
    }
    if h.auto_response_suppress
        .as_deref()
        .is_some_and(|v| !v.is_empty() && !v.eq_ignore_ascii_case("none"))
    {
        return false;
    }
    if h.return_path.as_deref().is_some_and(|r| {
        r.trim_matches(|c: char| c == '<' || c == '>' || c.is_whitespace())
            .is_empty()
    }) {
        return false;
    }
    let Some(from) = mail.from_address.as_deref().map(normalise_address) else {
        return false;
    };
    let local = from
        .rsplit_once('@')
        .map_or(from.as_str(), |(local, _)| local);
    if MACHINE_LOCAL_PARTS.contains(&local)
        || local.starts_with("owner-")
        || local.ends_with("-request")
    {
        return false;
    }
    if our_addresses.contains(&from) {
        return false;
    }
    let our_domains: Vec<&str> = our_addresses
        .iter()
        .filter_map(|a| a.rsplit_once('@').map(|(_, d)| d))
        .collect();
    if let Some(id) = &mail.message_id
        && let Some((_, id_domain)) = id.rsplit_once('@')
        && our_domains
            .iter()
            .any(|d| d.eq_ignore_ascii_case(id_domain))
    {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::parse::parse;

    fn mail(headers: &str) -> ParsedMail {
        let raw = format!(
            "From: Karen Jensen <karen@example.dk>\r\nTo: mette.hansen@htk.dk\r\n\
             Message-ID: <abc@example.dk>\r\nSubject: Hej\r\n{headers}\r\nTekst\r\n"
        );
        parse(raw.as_bytes()).expect("a message")
    }

    fn ours() -> Vec<String> {
        vec!["kommune@htk.dk".into(), "mette.hansen@htk.dk".into()]
    }

    #[test]
    fn an_ordinary_message_from_a_citizen_may_be_answered() {
        assert!(auto_reply_allowed(&mail(""), &ours()));
        assert!(auto_reply_allowed(&mail("Auto-Submitted: no\r\n"), &ours()));
        assert!(auto_reply_allowed(
            &mail("X-Auto-Response-Suppress: None\r\n"),
            &ours()
        ));
        assert!(auto_reply_allowed(
            &mail("Return-Path: <karen@example.dk>\r\n"),
            &ours()
        ));
    }

    #[test]
    fn automatic_messages_lists_and_bounces_are_never_answered() {
        for headers in [
            "Auto-Submitted: auto-replied\r\n",
            "Auto-Submitted: auto-generated; comment\r\n",
            "Precedence: bulk\r\n",
            "Precedence: list\r\n",
            "Precedence: junk\r\n",
            "List-Id: <nyheder.example.dk>\r\n",
            "List-Unsubscribe: <mailto:leave@example.dk>\r\n",
            "X-Auto-Response-Suppress: OOF, AutoReply\r\n",
            "X-Auto-Response-Suppress: All\r\n",
            "Return-Path: <>\r\n",
        ] {
            assert!(!auto_reply_allowed(&mail(headers), &ours()), "{headers}");
        }
    }

    #[test]
    fn machines_ourselves_and_our_own_message_ids_are_never_answered() {
        for from in [
            "MAILER-DAEMON@example.dk",
            "postmaster@example.dk",
            "no-reply@example.dk",
            "owner-nyheder@example.dk",
            "nyheder-request@example.dk",
            "Kommune@HTK.dk",
        ] {
            let raw = format!("From: {from}\r\nSubject: x\r\n\r\ny\r\n");
            let m = parse(raw.as_bytes()).unwrap();
            assert!(!auto_reply_allowed(&m, &ours()), "{from}");
        }
        let raw = "From: karen@example.dk\r\nMessage-ID: <HTK-2026-000123.4f2a@htk.dk>\r\n\
                   Subject: x\r\n\r\ny\r\n";
        assert!(!auto_reply_allowed(
            &parse(raw.as_bytes()).unwrap(),
            &ours()
        ));
        let no_sender = parse(b"Subject: x\r\n\r\ny\r\n").unwrap();
        assert!(!auto_reply_allowed(&no_sender, &ours()));
    }
}
