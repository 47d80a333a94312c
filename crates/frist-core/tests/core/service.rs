//! The service report over a handful of inquiries whose figures are counted by hand.

use crate::{at, event, new_inquiry, policy, receive};
use frist_core::service::{NO_UNIT, ServiceGroupBy, ServiceInput, service_report};
use frist_core::{EventKind, MessageKind, OutgoingMessage, SenderKind};
use frist_policy::{Addressee, Channel, InquiryKind};

fn answer(when: &str) -> frist_core::Event {
    event(
        when,
        EventKind::MessageSent {
            outbox_id: None,
            message: OutgoingMessage {
                kind: MessageKind::Answer,
                channel: Channel::Email,
                body: "Svar.".into(),
                caseworker: Some("Mette Hansen".into()),
                contact: Some("46 31 30 00".into()),
                next_step: None,
                expected_answer_date: None,
                appealable: false,
                complaint_guidance: None,
            },
        },
    )
}

fn input(inquiry: frist_core::Inquiry, waiting: &[(&str, Option<&str>)]) -> ServiceInput {
    ServiceInput {
        inquiry,
        waiting: waiting.iter().map(|(s, e)| (at(s), e.map(at))).collect(),
        final_answer_at: None,
    }
}

#[test]
fn referrals_phone_errors_feedback_and_the_time_to_the_final_answer_gross_and_net() {
    let p = policy("test-pausable");
    // A: received Monday 2 November, waits for the citizen Tuesday to Thursday, answered
    // Monday 9 November: 5 working days gross, 5 − 2 = 3 net.
    let mut a = receive(
        "test-pausable",
        new_inquiry(
            Channel::Email,
            Addressee::General,
            InquiryKind::Application,
            "2026-11-02T10:00:00+01:00",
        ),
    );
    for e in [
        event(
            "2026-11-03T10:00:00+01:00",
            EventKind::AwaitingCitizenStarted,
        ),
        event("2026-11-05T10:00:00+01:00", EventKind::AwaitingCitizenEnded),
        event(
            "2026-11-06T10:00:00+01:00",
            EventKind::ErrorRegistered {
                what: "Forkert bilag".into(),
            },
        ),
        answer("2026-11-09T10:00:00+01:00"),
        event(
            "2026-11-10T10:00:00+01:00",
            EventKind::FeedbackReceived {
                score: Some(4),
                comment: None,
                channel: None,
                complaint: false,
            },
        ),
    ] {
        a.apply(&e, p).unwrap();
    }
    // B: referred twice, handed over, not answered; from a business.
    let mut new = new_inquiry(
        Channel::Email,
        Addressee::General,
        InquiryKind::Application,
        "2026-11-03T10:00:00+01:00",
    );
    new.sender.kind = SenderKind::Business;
    new.unit = None;
    let mut b = receive("test-pausable", new);
    for e in [
        event(
            "2026-11-03T11:00:00+01:00",
            EventKind::Referred {
                to_unit: "byg".into(),
            },
        ),
        event(
            "2026-11-04T11:00:00+01:00",
            EventKind::Referred {
                to_unit: "miljo".into(),
            },
        ),
        event(
            "2026-11-04T12:00:00+01:00",
            EventKind::HandedOver {
                to_caseworker: "lars".into(),
            },
        ),
        event(
            "2026-11-05T10:00:00+01:00",
            EventKind::FeedbackReceived {
                score: Some(2),
                comment: None,
                channel: None,
                complaint: false,
            },
        ),
    ] {
        b.apply(&e, p).unwrap();
    }
    // C: a phone call handled there and then (no call-back deadline in this policy); D: a
    // Høje-Taastrup phone message, which gets a call back.
    let c = receive(
        "test-pausable",
        new_inquiry(
            Channel::Phone,
            Addressee::General,
            InquiryKind::GeneralQuestion,
            "2026-11-04T09:00:00+01:00",
        ),
    );
    let d = receive(
        "hoeje-taastrup",
        new_inquiry(
            Channel::Phone,
            Addressee::General,
            InquiryKind::Other,
            "2026-11-04T09:00:00+01:00",
        ),
    );
    let inputs = [
        input(
            a,
            &[(
                "2026-11-03T10:00:00+01:00",
                Some("2026-11-05T10:00:00+01:00"),
            )],
        ),
        input(b, &[]),
        input(c, &[]),
        input(d, &[]),
    ];
    let now = at("2026-11-30T12:00:00+01:00");
    let cal = &p.calendar;

    let all = service_report(cal, &inputs, ServiceGroupBy::Month, now);
    assert_eq!(all.len(), 1);
    let r = &all[0];
    assert_eq!(r.group, "2026-11");
    assert_eq!(r.received, 4);
    assert_eq!(
        (r.referred, r.referrals, r.referred_more_than_once),
        (1, 2, 1)
    );
    assert_eq!(r.referred_more_than_once_percent, Some(100.0));
    assert_eq!(r.handed_over, 1);
    assert_eq!((r.phone_first_contact, r.phone_messages_taken), (1, 1));
    assert_eq!((r.errors_registered, r.inquiries_with_errors), (1, 1));
    assert_eq!(r.feedback_received, 2);
    assert_eq!(r.satisfaction_mean, Some(3.0));
    assert_eq!(r.satisfaction, [0, 1, 0, 1, 0]);
    assert_eq!(r.answered, 1);
    assert_eq!(r.gross_median_working_days, Some(5.0));
    assert_eq!(r.net_median_working_days, Some(3.0));

    // Where the policy sets no answer deadline, the answer's event gives the time: C answered
    // on Wednesday 11 November is 5 working days after Wednesday 4 November.
    let mut timed = inputs.clone();
    timed[2].final_answer_at = Some(at("2026-11-11T09:00:00+01:00"));
    let by_channel = service_report(cal, &timed, ServiceGroupBy::Channel, now);
    let phone = by_channel.iter().find(|r| r.group == "phone").unwrap();
    assert_eq!(
        (phone.answered, phone.gross_median_working_days),
        (1, Some(5.0))
    );
    assert_eq!(phone.net_median_working_days, Some(5.0));

    let by_kind = service_report(cal, &inputs, ServiceGroupBy::SenderKind, now);
    let groups: Vec<(&str, u64)> = by_kind
        .iter()
        .map(|r| (r.group.as_str(), r.received))
        .collect();
    assert_eq!(groups, [("business", 1), ("person", 3)]);
    // B came in without a unit and was referred on to "miljo"; it counts where it is now.
    let by_unit = service_report(cal, &inputs, ServiceGroupBy::Unit, now);
    let units: Vec<(&str, u64)> = by_unit
        .iter()
        .map(|r| (r.group.as_str(), r.received))
        .collect();
    assert_eq!(units, [("borgerservice", 3), ("miljo", 1)]);
    assert!(!units.iter().any(|(g, _)| *g == NO_UNIT));
    let by_channel = service_report(cal, &inputs, ServiceGroupBy::Channel, now);
    let phone = by_channel.iter().find(|r| r.group == "phone").unwrap();
    assert_eq!(phone.received, 2);
}

proptest::proptest! {
    /// The tallies' quantile, from counts, is the quantile of the values written out.
    #[test]
    fn a_quantile_of_counts_is_the_quantile_of_the_values_written_out(
        counts in proptest::collection::btree_map(0i64..60, 1u64..40, 0..12),
        q in 0.0f64..=1.0,
    ) {
        let counts: Vec<(i64, u64)> = counts.into_iter().collect();
        let written: Vec<i64> = counts
            .iter()
            .flat_map(|(v, n)| std::iter::repeat_n(*v, *n as usize))
            .collect();
        proptest::prop_assert_eq!(
            frist_core::service::quantile_of_counts(&counts, q),
            frist_core::service::quantile(&written, q)
        );
    }
}
