//! The front desk's search for a person's earlier inquiries.

use crate::helpers::*;
use frist_core::Sender;
use frist_policy::Channel;
use frist_store::{SenderQuery, Store};

conformance!(
    a_person_is_found_by_phone_email_or_the_start_of_the_name_newest_first,
    bulk_imported_inquiries_are_found_too,
);

fn from(name: &str, phone: Option<&str>, email: Option<&str>) -> Sender {
    Sender {
        name: Some(name.into()),
        phone: phone.map(str::to_owned),
        email: email.map(str::to_owned),
        ..Sender::default()
    }
}

async fn refs(db: &TestDb, text: &str) -> Vec<String> {
    let query = SenderQuery::parse(text).unwrap();
    db.store
        .find_by_sender(&query, 20)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.reference.to_string())
        .collect()
}

async fn a_person_is_found_by_phone_email_or_the_start_of_the_name_newest_first(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    for (day, sender) in [
        (2, from("Mette Hansen", Some("+45 43 59 10 00"), None)),
        (3, from("Søren Ærø", None, Some("Soren@Example.DK"))),
        (
            4,
            from("mette hansen", Some("43591000"), Some("mette@example.dk")),
        ),
        (5, from("Ole Jensen", Some("20 30 40 50"), None)),
    ] {
        let mut new = inquiry(
            Channel::Phone,
            None,
            &format!("2026-03-0{day}T09:00:00+01:00"),
        );
        new.sender = sender;
        s.create_inquiry(new, &ros).await.unwrap();
    }
    assert_eq!(
        refs(db, "0045 43 59 10 00").await,
        ["ROS-2026-000003", "ROS-2026-000001"]
    );
    assert_eq!(refs(db, "SOREN@example.dk").await, ["ROS-2026-000002"]);
    assert_eq!(
        refs(db, "Mette").await,
        ["ROS-2026-000003", "ROS-2026-000001"]
    );
    assert_eq!(refs(db, "søren æ").await, ["ROS-2026-000002"]);
    assert!(refs(db, "Mettea").await.is_empty());
    assert!(refs(db, "99 99 99 99").await.is_empty());
    assert_eq!(SenderQuery::parse(" m "), None);
}

async fn bulk_imported_inquiries_are_found_too(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let batch = (0..30u32)
        .map(|i| {
            let mut new = inquiry(Channel::Email, None, "2026-03-02T09:00:00+01:00");
            new.sender = from(
                &format!("Borger {i}"),
                None,
                Some(&format!("b{}@x.dk", i % 3)),
            );
            new
        })
        .collect();
    s.import_inquiries(batch, &ros).await.unwrap();
    assert_eq!(refs(db, "b1@x.dk").await.len(), 10);
}
