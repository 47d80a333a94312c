//! Parsing: Danish text in every encoding it arrives in, HTML-only mail, attachments, and no
//! panic on any bytes.

use frist_channels::mail::{Unparseable, parse};
use proptest::prelude::*;

const DANISH: &str = "Hej. Jeg bor på Ærøvej 5 i Høje-Taastrup og søger om hjælp.";

#[test]
fn danish_text_reads_the_same_in_utf8_latin1_windows1252_quoted_printable_and_base64() {
    let latin1: Vec<u8> = DANISH.chars().map(|c| c as u32 as u8).collect();
    let mut messages: Vec<Vec<u8>> = Vec::new();
    messages.push(
        format!(
            "From: a@b.dk\r\nSubject: =?UTF-8?Q?S=C3=B8gning_om_hj=C3=A6lp?=\r\n\
             Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n{DANISH}\r\n"
        )
        .into_bytes(),
    );
    let mut l1 = b"From: a@b.dk\r\nSubject: =?ISO-8859-1?Q?S=F8gning_om_hj=E6lp?=\r\n\
                   Content-Type: text/plain; charset=iso-8859-1\r\n\
                   Content-Transfer-Encoding: 8bit\r\n\r\n"
        .to_vec();
    l1.extend_from_slice(&latin1);
    messages.push(l1);
    let mut w = b"From: a@b.dk\r\nSubject: =?windows-1252?B?U/hnbmluZyBvbSBoauZscA==?=\r\n\
                  Content-Type: text/plain; charset=windows-1252\r\n\r\n"
        .to_vec();
    w.extend_from_slice(&latin1);
    messages.push(w);
    let qp: String = DANISH
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b' ' || b == b'.' {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            }
        })
        .collect();
    messages.push(
        format!(
            "From: a@b.dk\r\nSubject: =?utf-8?b?U8O4Z25pbmcgb20gaGrDpmxw?=\r\n\
             Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp}\r\n"
        )
        .into_bytes(),
    );
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD.encode(DANISH);
    messages.push(
        format!(
            "From: a@b.dk\r\nSubject: =?UTF-8?Q?S=C3=B8gning_om_hj=C3=A6lp?=\r\n\
             Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n"
        )
        .into_bytes(),
    );
    for raw in messages {
        let mail = parse(&raw).unwrap();
        assert_eq!(
            mail.subject,
            "Søgning om hjælp",
            "{}",
            String::from_utf8_lossy(&raw)
        );
        assert_eq!(
            mail.text.trim(),
            DANISH,
            "{}",
            String::from_utf8_lossy(&raw)
        );
    }
}

#[test]
fn html_only_mail_becomes_text_and_text_attachments_keep_their_text() {
    let raw = "From: \"Søren Ærø\" <Soren@Example.DK>\r\nTo: Kommune <Kommune@HTK.dk>\r\n\
               Cc: borgerservice@htk.dk\r\nDelivered-To: kommune@htk.dk\r\n\
               Message-ID: <abc.123@example.dk>\r\nIn-Reply-To: <HTK-2026-000001.x@htk.dk>\r\n\
               References: <root@example.dk> <HTK-2026-000001.x@htk.dk>\r\n\
               Date: Mon, 16 Nov 2026 09:30:00 +0100\r\nSubject: Ansøgning\r\n\
               Content-Language: da\r\nMIME-Version: 1.0\r\n\
               Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
               --b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
               <html><body><p>Kære kommune,</p><p>se <b>vedhæftede</b>.</p></body></html>\r\n\
               --b1\r\nContent-Type: text/plain; charset=utf-8; name=\"oplysninger.txt\"\r\n\
               Content-Disposition: attachment; filename=\"oplysninger.txt\"\r\n\r\n\
               Mit cpr-nummer er 010190-1234.\r\n\
               --b1\r\nContent-Type: application/pdf; name=\"ansøgning.pdf\"\r\n\
               Content-Transfer-Encoding: base64\r\n\
               Content-Disposition: attachment; filename*=UTF-8''ans%C3%B8gning.pdf\r\n\r\n\
               JVBERi0xLjQK\r\n--b1--\r\n";
    let mail = parse(raw.as_bytes()).unwrap();
    assert!(mail.html_only);
    assert!(mail.text.contains("Kære kommune"), "{}", mail.text);
    assert!(!mail.text.contains('<'), "{}", mail.text);
    assert_eq!(mail.from_name.as_deref(), Some("Søren Ærø"));
    assert_eq!(mail.from_address.as_deref(), Some("soren@example.dk"));
    assert_eq!(mail.to, ["kommune@htk.dk"]);
    assert_eq!(mail.cc, ["borgerservice@htk.dk"]);
    assert_eq!(mail.delivered_to, ["kommune@htk.dk"]);
    assert_eq!(mail.message_id.as_deref(), Some("abc.123@example.dk"));
    assert_eq!(mail.in_reply_to, ["HTK-2026-000001.x@htk.dk"]);
    assert_eq!(
        mail.references,
        ["root@example.dk", "HTK-2026-000001.x@htk.dk"]
    );
    assert_eq!(mail.date.unwrap().to_string(), "2026-11-16T08:30:00Z");
    assert_eq!(mail.language.as_deref(), Some("da"));
    assert_eq!(mail.attachments.len(), 2);
    let txt = &mail.attachments[0];
    assert_eq!(txt.name, "oplysninger.txt");
    assert_eq!(txt.content_type.as_deref(), Some("text/plain"));
    assert!(txt.text.as_deref().unwrap().contains("010190-1234"));
    let pdf = &mail.attachments[1];
    assert_eq!(pdf.name, "ansøgning.pdf");
    assert_eq!(pdf.content_type.as_deref(), Some("application/pdf"));
    assert_eq!(pdf.size, 9);
    assert_eq!(pdf.text, None);
}

#[test]
fn loop_headers_are_read() {
    let raw = b"From: a@b.dk\r\nAuto-Submitted: Auto-Replied (vacation)\r\nPrecedence: Bulk\r\n\
                List-Id: <x.y>\r\nReturn-Path: <>\r\nX-Auto-Response-Suppress: OOF\r\n\
                Subject: s\r\n\r\nt\r\n";
    let h = parse(raw).unwrap().loop_headers;
    assert_eq!(h.auto_submitted.as_deref(), Some("auto-replied"));
    assert_eq!(h.precedence.as_deref(), Some("bulk"));
    assert!(h.list_id);
    assert!(!h.list_unsubscribe);
    assert_eq!(h.return_path.as_deref(), Some("<>"));
    assert_eq!(h.auto_response_suppress.as_deref(), Some("OOF"));
}

#[test]
fn what_is_not_mail_is_said_to_be_so() {
    assert_eq!(parse(b""), Err(Unparseable::Empty));
    assert_eq!(parse(b" \r\n\t"), Err(Unparseable::Empty));
    assert_eq!(
        parse(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff"),
        Err(Unparseable::NoHeaders)
    );
}

/// A real message from CPython's corpus, to corrupt.
fn real_message() -> Vec<u8> {
    let raw = "Return-Path: <bbb@zzz.org>\r\nDelivered-To: bbb@zzz.org\r\n\
               MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\
               Message-ID: <15090.61304.110929.45684@aaa.zzz.org>\r\n\
               From: \"Jørgen\" <bbb@ddd.com>\r\nTo: bbb@zzz.org\r\n\
               Subject: =?iso-8859-1?q?Hj=E6lp?=\r\nDate: Fri, 4 May 2001 14:05:44 -0400\r\n\r\n\
               --XX\r\nContent-Type: text/plain; charset=iso-8859-1\r\n\
               Content-Transfer-Encoding: quoted-printable\r\n\r\nK=E6re =\r\nkommune\r\n\
               --XX\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n\
               PGI+aGVqPC9iPg==\r\n--XX\r\nContent-Type: message/rfc822\r\n\r\n\
               From: x@y\r\nSubject: indlejret\r\n\r\nindlejret tekst\r\n--XX--\r\n";
    raw.as_bytes().to_vec()
}

#[test]
fn the_real_message_to_corrupt_reads_as_it_should() {
    let mail = parse(&real_message()).unwrap();
    assert_eq!(mail.subject, "Hjælp");
    assert_eq!(mail.text.trim(), "Kære kommune");
    assert_eq!(mail.from_name.as_deref(), Some("Jørgen"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_bytes_parse_or_are_refused_without_panicking(raw in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = parse(&raw);
    }

    #[test]
    fn a_real_message_corrupted_anywhere_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..40),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut raw = real_message();
        for (at, byte) in edits {
            let i = at.index(raw.len());
            raw[i] = byte;
        }
        let _ = parse(&raw);
        let cut = cut.index(raw.len());
        let _ = parse(&raw[..cut]);
    }

    #[test]
    fn mime_shaped_noise_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("Content-Type: multipart/mixed; boundary=\"b\"\r\n".to_owned()),
                Just("--b\r\n".to_owned()),
                Just("--b--\r\n".to_owned()),
                Just("Content-Transfer-Encoding: base64\r\n".to_owned()),
                Just("Content-Transfer-Encoding: quoted-printable\r\n".to_owned()),
                Just("Content-Type: message/rfc822\r\n".to_owned()),
                Just("Subject: =?utf-8?q?=C3=A6?=\r\n".to_owned()),
                Just("=?x?b?====?=\r\n".to_owned()),
                Just("\r\n".to_owned()),
                "[ -~]{0,40}\r\n",
            ],
            0..60,
        )
    ) {
        let raw = format!("From: a@b\r\n{}", parts.concat());
        let _ = parse(raw.as_bytes());
    }
}
