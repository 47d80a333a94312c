//! A bad policy file is refused with file, line, column and a sentence an administrator can
//! act on; nothing panics whatever the text.

use super::POLICIES;
use frist_policy::Policy;
use proptest::prelude::*;

fn roskilde() -> &'static str {
    POLICIES
        .iter()
        .find(|(n, _)| *n == "roskilde")
        .map(|(_, t)| *t)
        .unwrap_or_default()
}

/// Replaces the first occurrence of `from` and returns the error message.
fn error_after(from: &str, to: &str) -> String {
    let text = roskilde();
    assert!(
        text.contains(from),
        "test setup: {from:?} not in the policy"
    );
    let changed = text.replacen(from, to, 1);
    match Policy::from_toml("policies/roskilde.toml", &changed) {
        Ok(_) => panic!("{from:?} → {to:?} was accepted"),
        Err(e) => e.to_string(),
    }
}

fn line_of(needle: &str) -> usize {
    roskilde()
        .lines()
        .position(|l| l.contains(needle))
        .map_or(0, |i| i + 1)
}

#[test]
fn an_unknown_key_names_the_key_the_line_and_the_allowed_keys() {
    let message = error_after(
        "name = \"Roskilde Kommune\"",
        "name = \"Roskilde Kommune\"\nborgmester = \"x\"",
    );
    let line = line_of("name = \"Roskilde Kommune\"") + 1;
    assert!(
        message.starts_with(&format!(
            "policies/roskilde.toml:{line}:1: unknown field `borgmester`"
        )),
        "{message}"
    );
    assert!(message.contains("`reference_prefix`"), "{message}");
}

#[test]
fn a_bad_duration_says_how_to_write_one() {
    let message = error_after("within = \"2 working days\"", "within = \"two days\"");
    let line = line_of("within = \"2 working days\"");
    assert!(
        message.starts_with(&format!("policies/roskilde.toml:{line}:")),
        "{message}"
    );
    assert!(
        message.contains("\"two days\" is not a duration"),
        "{message}"
    );
    assert!(message.contains("10 working days"), "{message}");
}

#[test]
fn an_unknown_channel_lists_the_channels() {
    let message = error_after("channels = [\"facebook\"]", "channels = [\"fax\"]");
    assert!(message.contains("unknown variant `fax`"), "{message}");
    assert!(message.contains("`digital_post`"), "{message}");
}

#[test]
fn another_version_is_refused_before_anything_else() {
    let message = error_after("version = 1", "version = 2");
    assert!(message.contains("version 2 is not supported"), "{message}");
    let missing = Policy::from_toml("p.toml", "[municipality]\nname = \"x\"\n")
        .err()
        .map(|e| e.to_string());
    assert_eq!(
        missing.as_deref(),
        Some("p.toml: the file has no `version`; add `version = 1` as its first line")
    );
}

#[test]
fn cross_field_mistakes_are_reported_at_their_place() {
    let dup = error_after("source = \"ROS-2\"", "source = \"ROS-1\"");
    assert!(dup.contains("goal \"ROS-1\" appears twice"), "{dup}");
    assert!(
        dup.starts_with(&format!(
            "policies/roskilde.toml:{}:",
            line_of("source = \"ROS-2\"")
        )),
        "{dup}"
    );

    let empty = error_after("channels = [\"email\"]", "channels = []");
    assert!(empty.contains("must name at least one channel"), "{empty}");

    let nothing = error_after("features = [\"case_types\"]", "");
    assert!(
        nothing.contains("goal \"ROS-7\" says nothing about what Frist does"),
        "{nothing}"
    );

    let prefix = error_after("reference_prefix = \"ROS\"", "reference_prefix = \"ros\"");
    assert!(prefix.contains("2 to 6 capital letters"), "{prefix}");

    let closing = error_after("{ yearly = \"12-24\"", "{ yearly = \"12-32\"");
    assert!(closing.contains("is not a month and day"), "{closing}");
}

proptest! {
    #[test]
    fn any_text_is_accepted_or_refused_without_panic(text in ".{0,300}") {
        let _ = Policy::from_toml("x.toml", &text);
    }

    #[test]
    fn any_single_byte_corruption_of_a_real_policy_is_handled(pos in 0usize..4000, byte in 0u8..128) {
        let mut bytes = roskilde().as_bytes().to_vec();
        if let Some(b) = bytes.get_mut(pos) { *b = byte; }
        if let Ok(text) = String::from_utf8(bytes) {
            let _ = Policy::from_toml("x.toml", &text);
        }
    }
}

#[test]
fn the_warning_share_is_read_per_policy_and_per_goal_and_a_bad_one_is_named() {
    let text = format!("{}\n[alerts]\nwarn_at = \"80 %\"\n", roskilde());
    let policy = Policy::from_toml("roskilde", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(policy.warn_at("ROS-1"), 80);
    let own = text.replacen(
        "source = \"ROS-1\"",
        "source = \"ROS-1\"\nwarn_at = \"50%\"",
        1,
    );
    let policy = Policy::from_toml("roskilde", &own).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(policy.warn_at("ROS-1"), 50);
    assert_eq!(policy.warn_at("ROS-2"), 80);
    // The default when nothing is said: three quarters.
    assert_eq!(super::shipped("roskilde").warn_at("ROS-1"), 75);
    for bad in ["100 %", "0 %", "halvvejs"] {
        let wrong = format!("{}\n[alerts]\nwarn_at = \"{bad}\"\n", roskilde());
        let message = Policy::from_toml("policies/roskilde.toml", &wrong)
            .map(|_| String::new())
            .unwrap_or_else(|e| e.to_string());
        assert!(
            message.contains("is not a share between 1 % and 99 %"),
            "{bad}: {message}"
        );
    }
}

#[test]
fn a_target_share_is_read_for_goals_and_case_types_and_a_bad_one_is_named() {
    let text = roskilde().replacen(
        "source = \"ROS-1\"",
        "source = \"ROS-1\"\ntarget = \"97,5 %\"",
        1,
    ) + "\n[[case_type]]\nid = \"byg\"\nname = \"Byg\"\nwithin = \"40 working days\"\ntarget = \"90%\"\n";
    let policy = Policy::from_toml("roskilde", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(policy.goal_target("ROS-1").map(|t| t.percent()), Some(97.5));
    assert_eq!(policy.goal_target("ROS-2"), None);
    assert_eq!(
        policy.case_type_target("byg").map(|t| t.percent()),
        Some(90.0)
    );
    for bad in ["0 %", "101 %", "95.55 %", "mange"] {
        let wrong = roskilde().replacen(
            "source = \"ROS-1\"",
            &format!("source = \"ROS-1\"\ntarget = \"{bad}\""),
            1,
        );
        let message = Policy::from_toml("policies/roskilde.toml", &wrong)
            .map(|_| String::new())
            .unwrap_or_else(|e| e.to_string());
        assert!(
            message.contains("is not a share above 0 % and at most 100 %"),
            "{bad}: {message}"
        );
        assert!(message.contains(":28:"), "names the line: {message}");
    }
}
