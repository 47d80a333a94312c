//! Queues of open inquiries: the open/closed filter and a substitute's cover (HTK-8).

use crate::helpers::*;
use frist_core::{CloseReason, EventKind};
use frist_policy::Channel;
use frist_store::{Absence, AnyStore, Caseworker, InquiryFilter, InquiryId, Store};
use std::collections::HashSet;

conformance!(
    open_and_closed_are_filters_and_closed_ones_come_last,
    a_substitute_sees_the_open_inquiries_of_whom_they_cover_while_the_absence_lasts,
    pages_of_a_substitutes_queue_visit_every_inquiry_exactly_once,
);

async fn ids(s: &AnyStore, filter: &InquiryFilter) -> Vec<InquiryId> {
    let page = s.list_inquiries(filter, None, 500).await.unwrap();
    assert_eq!(page.next_cursor, None);
    page.items.iter().map(|i| i.id).collect()
}

async fn assign(s: &AnyStore, id: InquiryId, to: &str) {
    s.append_event(
        id,
        event(
            "2026-03-02T10:00:00+01:00",
            EventKind::Assigned {
                caseworker: to.into(),
            },
        ),
    )
    .await
    .unwrap();
}

/// A letter (acknowledgment due 16 March), a phone call (no deadline), an e-mail (answer due
/// 4 March) and one closed e-mail; returns (letter, phone, email, closed).
async fn four(s: &AnyStore, caseworker: &str) -> [InquiryId; 4] {
    let ros = register(s, "roskilde", ROSKILDE).await;
    let t0 = "2026-03-02T09:00:00+01:00";
    let mut ids = Vec::new();
    for channel in [
        Channel::Letter,
        Channel::Phone,
        Channel::Email,
        Channel::Email,
    ] {
        let id = s
            .create_inquiry(inquiry(channel, Some("byg"), t0), &ros)
            .await
            .unwrap()
            .stored
            .id;
        assign(s, id, caseworker).await;
        ids.push(id);
    }
    s.append_event(
        ids[3],
        close("2026-03-02T11:00:00+01:00", CloseReason::Duplicate),
    )
    .await
    .unwrap();
    [ids[0], ids[1], ids[2], ids[3]]
}

async fn open_and_closed_are_filters_and_closed_ones_come_last(db: &TestDb) {
    let s = &db.store;
    let [letter, phone, email, closed] = four(s, "mette.hansen").await;
    // All of them: the closed one after the open one without a deadline.
    assert_eq!(
        ids(s, &InquiryFilter::default()).await,
        [email, letter, phone, closed]
    );
    let open = InquiryFilter {
        open: Some(true),
        ..Default::default()
    };
    assert_eq!(ids(s, &open).await, [email, letter, phone]);
    let only_closed = InquiryFilter {
        open: Some(false),
        ..Default::default()
    };
    assert_eq!(ids(s, &only_closed).await, [closed]);
    let mine_open = InquiryFilter {
        caseworker: Some("mette.hansen".into()),
        ..open.clone()
    };
    assert_eq!(ids(s, &mine_open).await, [email, letter, phone]);
    let unit_closed = InquiryFilter {
        unit: Some("byg".into()),
        ..only_closed
    };
    assert_eq!(ids(s, &unit_closed).await, [closed]);
    // Reopened, it is open again and back among the deadlines.
    s.append_event(
        closed,
        event(
            "2026-03-02T12:00:00+01:00",
            EventKind::Reopened {
                reason: Some("Borgeren skrev igen".into()),
            },
        ),
    )
    .await
    .unwrap();
    assert_eq!(ids(s, &open).await.len(), 4);
}

fn caseworker(id: &str, absent: Option<(&str, &str)>) -> Caseworker {
    Caseworker {
        id: id.into(),
        name: id.into(),
        unit: Some("byg".into()),
        email: None,
        phone: None,
        absent: absent.map(|(until, substitute)| Absence {
            until: until.parse().unwrap(),
            substitute: Some(substitute.into()),
        }),
    }
}

async fn a_substitute_sees_the_open_inquiries_of_whom_they_cover_while_the_absence_lasts(
    db: &TestDb,
) {
    let s = &db.store;
    let [m_letter, m_phone, m_email, _m_closed] = four(s, "mette.hansen").await;
    let [j_letter, j_phone, j_email, _j_closed] = four(s, "jonas.berg").await;
    s.put_caseworker(caseworker("jonas.berg", None))
        .await
        .unwrap();
    s.put_caseworker(caseworker(
        "mette.hansen",
        Some(("2026-03-10", "jonas.berg")),
    ))
    .await
    .unwrap();
    // Someone else away with another substitute is not Jonas's cover.
    s.put_caseworker(caseworker("anne.lund", Some(("2026-03-10", "ida.holm"))))
        .await
        .unwrap();
    let [a_letter, ..] = four(s, "anne.lund").await;
    let jonas = |day: &str| InquiryFilter {
        caseworker: Some("jonas.berg".into()),
        open: Some(true),
        cover_on: Some(day.parse().unwrap()),
        ..Default::default()
    };
    // While Mette is away (to the last day), both sets, nearest deadline first.
    for day in ["2026-03-05", "2026-03-10"] {
        assert_eq!(
            ids(s, &jonas(day)).await,
            [m_email, j_email, m_letter, j_letter, m_phone, j_phone],
            "{day}"
        );
    }
    // The day after, Jonas's own again.
    assert_eq!(
        ids(s, &jonas("2026-03-11")).await,
        [j_email, j_letter, j_phone]
    );
    // Ending the absence ends the cover.
    s.put_caseworker(caseworker("mette.hansen", None))
        .await
        .unwrap();
    assert_eq!(
        ids(s, &jonas("2026-03-05")).await,
        [j_email, j_letter, j_phone]
    );
    let ida = InquiryFilter {
        caseworker: Some("ida.holm".into()),
        open: Some(true),
        cover_on: Some("2026-03-05".parse().unwrap()),
        ..Default::default()
    };
    assert_eq!(ids(s, &ida).await[1], a_letter);
}

async fn pages_of_a_substitutes_queue_visit_every_inquiry_exactly_once(db: &TestDb) {
    let s = &db.store;
    for who in ["mette.hansen", "jonas.berg", "anne.lund"] {
        four(s, who).await;
        four(s, who).await;
    }
    s.put_caseworker(caseworker(
        "mette.hansen",
        Some(("2026-03-10", "jonas.berg")),
    ))
    .await
    .unwrap();
    let filter = InquiryFilter {
        caseworker: Some("jonas.berg".into()),
        open: Some(true),
        cover_on: Some("2026-03-05".parse().unwrap()),
        ..Default::default()
    };
    let all = ids(s, &filter).await;
    assert_eq!(all.len(), 12);
    for limit in [1, 5, 11, 12] {
        let (mut seen, mut cursor) = (Vec::new(), None);
        loop {
            let page = s
                .list_inquiries(&filter, cursor.as_deref(), limit)
                .await
                .unwrap();
            seen.extend(page.items.iter().map(|i| i.id));
            match page.next_cursor {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
        assert_eq!(seen, all, "limit {limit}");
        assert_eq!(seen.iter().collect::<HashSet<_>>().len(), seen.len());
    }
}
