//! The five shipped policies encode SERVICE_GOALS.md: every goal listed, every numeric goal
//! exactly, nothing promised that the document does not promise.

use super::{POLICIES, shipped};
use frist_policy::{Channel, Requirement, Within};

/// (policy, goal-id prefix, number of goals in SERVICE_GOALS.md)
const GOAL_COUNTS: &[(&str, &str, usize)] = &[
    ("hoeje-taastrup", "HTK", 17),
    ("halsnaes", "HAL", 6),
    ("roskilde", "ROS", 15),
    ("stevns", "STE", 13),
    ("skanderborg", "SKA", 13),
];

#[test]
fn every_goal_of_every_document_is_in_its_policy_in_order() {
    for (name, prefix, count) in GOAL_COUNTS {
        let policy = shipped(name);
        let ids: Vec<&str> = policy.goals.iter().map(|g| g.source.as_str()).collect();
        let expected: Vec<String> = (1..=*count).map(|i| format!("{prefix}-{i}")).collect();
        assert_eq!(ids, expected, "{name}");
        assert_eq!(policy.municipality.reference_prefix, *prefix, "{name}");
        for g in &policy.goals {
            assert!(
                !g.promise.trim().is_empty(),
                "{name} {} has a promise",
                g.source
            );
        }
    }
}

#[test]
fn all_five_close_on_grundlovsdag_christmas_eve_and_new_years_eve() {
    for (name, _) in POLICIES {
        let policy = shipped(name);
        let mut names: Vec<&str> = policy
            .calendar
            .closing_days()
            .days()
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        names.sort_unstable();
        assert_eq!(
            names,
            ["Grundlovsdag", "Juleaftensdag", "Nytårsaftensdag"],
            "{name}"
        );
    }
}

/// (goal, requires, within, channels) for every deadline of a policy, in file order.
fn deadlines(name: &str) -> Vec<(String, Requirement, Within, Vec<Channel>)> {
    shipped(name)
        .deadlines()
        .map(|(g, d)| (g.source.clone(), d.requires, d.within, d.channels.clone()))
        .collect()
}

#[test]
fn halsnaes_and_skanderborg_promise_no_deadline() {
    assert!(deadlines("halsnaes").is_empty());
    assert!(deadlines("skanderborg").is_empty());
}

#[test]
fn numeric_goals_are_encoded_exactly_as_the_documents_state_them() {
    use Channel::*;
    use Requirement::*;
    let written = vec![Email, Letter, DigitalPost, WebForm];
    assert_eq!(
        deadlines("hoeje-taastrup"),
        vec![
            (
                "HTK-1".into(),
                Acknowledgment,
                Within::WorkingDays(10),
                written.clone()
            ),
            ("HTK-4".into(), Triage, Within::WorkingDays(1), vec![Email]),
            (
                "HTK-7".into(),
                Callback,
                Within::WorkingDays(2),
                vec![Phone]
            ),
        ]
    );
    assert_eq!(
        deadlines("roskilde"),
        vec![
            ("ROS-1".into(), Answer, Within::WorkingDays(2), vec![Email]),
            (
                "ROS-2".into(),
                Acknowledgment,
                Within::WorkingDays(10),
                vec![Email]
            ),
            (
                "ROS-6".into(),
                Acknowledgment,
                Within::WorkingDays(10),
                vec![Letter, DigitalPost, WebForm]
            ),
            ("ROS-10".into(), Answer, Within::Hours(24), vec![Facebook]),
            (
                "ROS-10".into(),
                Acknowledgment,
                Within::Hours(24),
                vec![Facebook]
            ),
        ]
    );
    let mut stevns_channels = written;
    stevns_channels.push(Facebook);
    assert_eq!(
        deadlines("stevns"),
        vec![(
            "STE-2".into(),
            Acknowledgment,
            Within::WorkingDays(1),
            stevns_channels
        )]
    );
}
