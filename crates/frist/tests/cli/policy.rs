//! `frist policy check` and `frist policy explain`.

use super::{frist, stderr, stdout};

#[test]
fn check_lists_per_channel_what_is_promised_and_warns_where_nothing_is() {
    let out = frist(&["policy", "check", "policies/roskilde.toml"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("Politikfilen er gyldig (version 1): 15 mål, 5 frister"),
        "{text}"
    );
    assert!(text.contains("ROS-1   svar inden for 2 arbejdsdage – kun til fælles postkasse eller afdelingens postkasse; kun generelt spørgsmål"), "{text}");
    assert!(
        text.contains("  telefon:\n    advarsel: ingen målbar frist for denne kanal"),
        "{text}"
    );
    assert!(text.contains("Advarsler: 2"), "{text}");
    // Every goal of the document is listed with what Frist does.
    for i in 1..=15 {
        assert!(text.contains(&format!("  ROS-{i}  ")), "ROS-{i} in {text}");
    }
}

#[test]
fn check_of_a_policy_without_deadlines_warns_for_every_channel_in_english_too() {
    let out = frist(&["policy", "check", "halsnaes", "--lang", "en"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.matches("warning: no measurable promise on this channel")
            .count(),
        7,
        "{text}"
    );
    assert!(text.contains("Warnings: 7"));
}

#[test]
fn check_names_what_is_not_promised_on_a_partly_covered_channel() {
    // Roskilde without ROS-2: e-mail then only promises ROS-1 (general questions to shared mailboxes).
    let roskilde = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../policies/roskilde.toml"
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let start = roskilde
        .find("[[goal]]\nsource = \"ROS-2\"")
        .unwrap_or_else(|| panic!("ROS-2 not found"));
    let end = roskilde
        .find("[[goal]]\nsource = \"ROS-3\"")
        .unwrap_or_else(|| panic!("ROS-3 not found"));
    let without_ros2 = format!("{}{}", &roskilde[..start], &roskilde[end..]);
    let file = std::env::temp_dir().join(format!("frist-partial-{}.toml", std::process::id()));
    std::fs::write(&file, without_ros2).unwrap_or_else(|e| panic!("{e}"));
    let out = frist(&["policy", "check", &file.to_string_lossy()], None);
    let _ = std::fs::remove_file(&file);
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("    ikke lovet: til fælles postkasse (ansøgning, klage, oplysninger, andet); til afdelingens postkasse (ansøgning, klage, oplysninger, andet); til en medarbejder direkte (alle slags)"),
        "{text}"
    );
}

#[test]
fn check_refuses_a_bad_file_with_its_position() {
    let dir = std::env::temp_dir().join(format!("frist-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let file = dir.join("bad.toml");
    std::fs::write(
        &file,
        "version = 1\n[municipality]\nname = \"X\"\nreference_prefix = \"XX\"\nfax = \"1\"\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let path = file.to_string_lossy().into_owned();
    let out = frist(&["policy", "check", &path], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(&format!("{path}:5:1: unknown field `fax`")),
        "{}",
        stderr(&out)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_speaks_to_citizens_in_danish_english_and_german() {
    let out = frist(&["policy", "explain", "roskilde"], None);
    let text = stdout(&out);
    assert!(
        text.starts_with("# Det kan du forvente af Roskilde Kommune"),
        "{text}"
    );
    assert!(text.contains("Skriver du på Facebook med et generelt spørgsmål, får du et endeligt svar inden for 24 timer."), "{text}");
    assert!(text.contains("Vi har ikke lovet en bestemt svartid, når du henvender dig på telefon eller ved personligt fremmøde."), "{text}");
    let out = frist(
        &["policy", "explain", "hoeje-taastrup", "--lang", "en"],
        None,
    );
    let text = stdout(&out);
    assert!(
        text.contains(
            "If you call us and we take a message, we call you back within 2 working days."
        ),
        "{text}"
    );
    let out = frist(&["policy", "explain", "roskilde", "--lang", "de"], None);
    let text = stdout(&out);
    assert!(
        text.starts_with("# Was Sie von Roskilde Kommune erwarten können"),
        "{text}"
    );
    assert!(text.contains("Wenn Sie uns über Facebook mit einer allgemeinen Frage schreiben, erhalten Sie innerhalb von 24 Stunden eine abschließende Antwort."), "{text}");
    assert!(
        text.contains("Außerdem haben wir geschlossen: Grundlovsdag (5. Juni),"),
        "{text}"
    );
}

#[test]
fn every_bundled_policy_checks_clean() {
    for name in [
        "hoeje-taastrup",
        "halsnaes",
        "roskilde",
        "stevns",
        "skanderborg",
    ] {
        let out = frist(&["policy", "check", name], None);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
    }
}

/// The lines `policy check` prints for one goal: its own line and the indented ones below.
fn goal_block(text: &str, id: &str) -> String {
    let head = format!("  {id}  ");
    let mut lines = text.lines().skip_while(|l| !l.starts_with(&head));
    let first = lines.next().unwrap_or_else(|| panic!("{id} not in {text}"));
    std::iter::once(first)
        .chain(lines.take_while(|l| l.starts_with("      ")))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn check_says_where_a_feature_is_found_and_what_frist_does_not_do_yet() {
    let out = frist(&["policy", "check", "hoeje-taastrup"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let htk5 = goal_block(&text, "HTK-5");
    assert!(
        htk5.contains("Frist i dag: Fraværsmarkering på /fravaer; ny e-mail til den fraværende går til stedfortræderen, og den fraværendes åbne henvendelser står i stedfortræderens »Mine«"),
        "{htk5}"
    );
    assert!(!htk5.contains("ikke understøttet"), "{htk5}");
    // The substitute's cover is found on the queue.
    let htk8 = goal_block(&text, "HTK-8");
    assert!(
        htk8.contains("Frist i dag: »Mine« i sagslisten (/sager)"),
        "{htk8}"
    );
    // Case types: the staff pages set them, the policy has none: partly, saying what is missing.
    let htk17 = goal_block(&text, "HTK-17");
    assert!(
        htk17.contains("Delvist: sagstyperne med deres offentliggjorte frister i politikfilen"),
        "{htk17}"
    );
    // No report of phone inquiries without human contact exists: said so, not claimed.
    let htk9 = goal_block(&text, "HTK-9");
    assert!(
        htk9.contains("Frist i dag: ikke understøttet endnu"),
        "{htk9}"
    );
    assert!(
        text.contains("\n  HTK-9   human_contact_report: ikke understøttet endnu"),
        "{text}"
    );
    // A rule says where it is checked.
    let htk2 = goal_block(&text, "HTK-2");
    assert!(
        htk2.contains("svarformularen på sagssiden (/sager/{id})"),
        "{htk2}"
    );
}

#[test]
fn check_in_english_says_not_supported_yet() {
    let out = frist(&["policy", "check", "skanderborg", "--lang", "en"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let ska13 = goal_block(&text, "SKA-13");
    assert!(ska13.contains("Frist today: not supported yet"), "{ska13}");
    let ska6 = goal_block(&text, "SKA-6");
    assert!(
        ska6.contains("Frist today: E-mail from the mailboxes"),
        "{ska6}"
    );
    assert!(text.contains("Goals where Frist does not yet support everything the file names"));
}
