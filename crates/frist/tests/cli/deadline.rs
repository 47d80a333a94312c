//! `frist deadline`: the shared examples, batch robustness, single cases.

use super::{FIXTURES, frist, stderr, stdout};
use serde_json::Value;

const POLICIES: [&str; 5] = [
    "hoeje-taastrup",
    "halsnaes",
    "roskilde",
    "stevns",
    "skanderborg",
];

fn json_lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

#[test]
fn the_shared_examples_give_exactly_the_expected_obligations_for_all_five_policies() {
    let mut compared = 0;
    for name in POLICIES {
        let input = format!("{FIXTURES}/examples/{name}.jsonl");
        let out = frist(
            &[
                "deadline",
                "--policy",
                &format!("policies/{name}.toml"),
                "--batch",
                &input,
            ],
            None,
        );
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        let got = json_lines(&stdout(&out));
        let expected_text =
            std::fs::read_to_string(format!("{FIXTURES}/examples/{name}.expected.jsonl"))
                .unwrap_or_else(|e| panic!("{e}"));
        let expected = json_lines(&expected_text);
        assert_eq!(got.len(), expected.len(), "{name}");
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(g["id"], e["id"]);
            // The examples leave out which goal an obligation derives from; compare the rest.
            let mut obligations = g["obligations"].clone();
            for o in obligations.as_array_mut().into_iter().flatten() {
                assert!(o["goal"].as_str().is_some_and(|s| !s.is_empty()), "{o}");
                o.as_object_mut().map(|m| m.remove("goal"));
            }
            assert_eq!(obligations, e["obligations"], "{name} {}", e["id"]);
            compared += 1;
        }
    }
    assert_eq!(compared, 750);
}

#[test]
fn a_bad_line_gets_an_error_naming_the_problem_and_the_rest_are_still_answered() {
    let input = [
        r#"{"id":"fax","channel":"fax","received_at":"2026-12-23T15:00:00+01:00"}"#,
        r#"{"id":"no-offset","channel":"email","received_at":"2026-12-23T15:00:00"}"#,
        r#"{"id":"ok","channel":"email","to":"general","kind":"general_question","received_at":"2026-12-23T15:00:00+01:00"}"#,
        "this is not json",
        "",
        r#"{"id":"far","channel":"email","received_at":"2301-01-01T12:00:00Z"}"#,
        r#"{"id":"nochannel","received_at":"2026-12-23T15:00:00+01:00"}"#,
        r#"{"id":7,"channel":["email"],"received_at":"2026-12-23T15:00:00+01:00"}"#,
        r#"{"id":"unknown-kind","channel":"email","kind":"praise","received_at":"2026-12-23T15:00:00+01:00"}"#,
        r#"{"id":"ok2","channel":"phone","received_at":"2026-12-23T15:00:00Z"}"#,
    ]
    .join("\n");
    let out = frist(
        &["deadline", "--policy", "roskilde", "--batch", "-"],
        Some(&input),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("7 of 9 cases had errors"),
        "{}",
        stderr(&out)
    );
    let lines = json_lines(&stdout(&out));
    let ids: Vec<String> = lines.iter().map(|l| l["id"].to_string()).collect();
    assert_eq!(
        ids,
        [
            "\"fax\"",
            "\"no-offset\"",
            "\"ok\"",
            "null",
            "\"far\"",
            "\"nochannel\"",
            "7",
            "\"unknown-kind\"",
            "\"ok2\""
        ]
    );
    let error = |i: usize| {
        lines
            .get(i)
            .and_then(|l| l["error"].as_str())
            .unwrap_or("")
            .to_owned()
    };
    assert!(error(0).contains("unknown channel \"fax\""), "{}", error(0));
    assert!(error(1).contains("offset"), "{}", error(1));
    assert_eq!(
        lines
            .get(2)
            .map(|l| l["obligations"].as_array().map_or(0, Vec::len)),
        Some(2)
    );
    assert!(
        error(3).starts_with("line 4: not valid JSON"),
        "{}",
        error(3)
    );
    assert!(
        error(4).contains("outside the supported calendar range"),
        "{}",
        error(4)
    );
    assert_eq!(error(5), "missing field \"channel\"");
    assert!(
        error(6).contains("field \"channel\" must be a string"),
        "{}",
        error(6)
    );
    assert!(error(7).contains("unknown kind \"praise\""), "{}", error(7));
    assert_eq!(
        lines.get(8).map(|l| l["obligations"].clone()),
        Some(serde_json::json!([]))
    );
}

#[test]
fn batch_output_follows_input_order_for_many_lines() {
    let input: String = (0..5000)
        .map(|i| format!("{{\"id\":\"c{i}\",\"channel\":\"letter\",\"received_at\":\"2026-0{}-1{}T10:00:00Z\"}}\n", 1 + i % 9, i % 10))
        .collect();
    let out = frist(
        &["deadline", "--policy", "stevns", "--batch", "-"],
        Some(&input),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let lines = json_lines(&stdout(&out));
    assert_eq!(lines.len(), 5000);
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["id"], format!("c{i}"));
    }
}

#[test]
fn a_single_case_from_flags_in_json_and_text() {
    let args = [
        "deadline",
        "--policy",
        "policies/roskilde.toml",
        "--channel",
        "email",
        "--to",
        "general",
        "--kind",
        "general_question",
        "--received-at",
        "2026-12-23T15:00:00+01:00",
    ];
    let out = frist(&args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        r#"{"obligations":[{"goal":"ROS-2","requires":"acknowledgment","due_date":"2027-01-12","due_at":"2027-01-12T23:59:59+01:00"},{"goal":"ROS-1","requires":"answer","due_date":"2026-12-29","due_at":"2026-12-29T23:59:59+01:00"}]}"#
    );
    let mut text_args = args.to_vec();
    text_args.extend(["--format", "text", "--id", "brev-1"]);
    let out = frist(&text_args, None);
    let text = stdout(&out);
    assert!(text.starts_with("brev-1:\n"), "{text}");
    assert!(
        text.contains("ROS-1    answer         due 2026-12-29 (2026-12-29T23:59:59+01:00)"),
        "{text}"
    );
}

#[test]
fn a_single_bad_case_exits_2_with_the_reason() {
    let out = frist(
        &[
            "deadline",
            "--policy",
            "roskilde",
            "--channel",
            "pigeon",
            "--received-at",
            "2026-12-23T15:00:00Z",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown channel \"pigeon\""),
        "{}",
        stderr(&out)
    );
    let out = frist(
        &[
            "deadline",
            "--policy",
            "roskilde",
            "--channel",
            "email",
            "--received-at",
            "yesterday",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("received_at \"yesterday\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_batch_file_is_reported_by_name() {
    let out = frist(
        &[
            "deadline",
            "--policy",
            "roskilde",
            "--batch",
            "no/such/cases.jsonl",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read no/such/cases.jsonl"),
        "{}",
        stderr(&out)
    );
}
