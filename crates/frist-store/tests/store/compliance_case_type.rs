//! Compliance by case type: each obligation row carries its inquiry's case type, set at
//! creation and changed by a reclassification, on both backends (SQLite's writer and
//! PostgreSQL's array insert).

use crate::helpers::*;
use frist_core::EventKind;
use frist_policy::{Channel, InquiryKind};
use frist_store::{GroupBy, NO_CASE_TYPE, Store};

conformance!(obligations_are_grouped_by_their_inquirys_case_type,);

async fn obligations_are_grouped_by_their_inquirys_case_type(db: &TestDb) {
    let s = &db.store;
    let tst = register(s, "test", TEST_POLICY).await;
    let t0 = "2026-03-02T09:00:00+01:00";
    let mut building = inquiry(Channel::Email, None, t0);
    building.case_type = Some("byggetilladelse".into());
    s.create_inquiry(building, &tst).await.unwrap();
    s.create_inquiry(inquiry(Channel::Email, None, t0), &tst)
        .await
        .unwrap();
    // Classified afterwards: its rows are rewritten with the case type.
    let later = s
        .create_inquiry(inquiry(Channel::Letter, None, t0), &tst)
        .await
        .unwrap()
        .stored
        .id;
    s.append_event(
        later,
        event(
            "2026-03-02T10:00:00+01:00",
            EventKind::Reclassified {
                kind: InquiryKind::Application,
                case_type: Some("byggetilladelse".into()),
            },
        ),
    )
    .await
    .unwrap();

    // The whole year: every obligation of the three inquiries.
    let rows = s
        .compliance(
            at("2026-01-01T00:00:00+01:00"),
            at("2027-01-01T00:00:00+01:00"),
            GroupBy::CaseType,
            at("2026-03-03T12:00:00+01:00"),
        )
        .await
        .unwrap();
    let groups: Vec<(&str, u64)> = rows.iter().map(|r| (r.group.as_str(), r.total)).collect();
    // TST-1 and TST-2 for each, and TST-3's 40 working days for the two of the case type.
    assert_eq!(groups, [("(ingen sagstype)", 2), ("byggetilladelse", 6)]);
    assert_eq!(rows[0].group, NO_CASE_TYPE);
}
