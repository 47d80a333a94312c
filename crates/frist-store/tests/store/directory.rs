//! Units, caseworkers, API tokens and the access log.

use crate::helpers::*;
use frist_store::{Absence, AccessEntry, Caseworker, Role, Store, StoreError, Unit};

conformance!(
    units_and_caseworkers_round_trip_and_are_updated_in_place,
    tokens_are_found_by_their_hash_only,
    every_view_of_personal_data_is_logged,
);

async fn units_and_caseworkers_round_trip_and_are_updated_in_place(db: &TestDb) {
    let s = &db.store;
    assert!(s.units().await.unwrap().is_empty());
    let byg = Unit {
        id: "byg".into(),
        name: "Byg og Miljø".into(),
        email: Some("byg@roskilde.dk".into()),
        phone: None,
    };
    let bs = Unit {
        id: "borgerservice".into(),
        name: "Borgerservice".into(),
        email: None,
        phone: Some("46 31 30 00".into()),
    };
    s.put_unit(byg.clone()).await.unwrap();
    s.put_unit(bs.clone()).await.unwrap();
    assert_eq!(s.units().await.unwrap(), [bs.clone(), byg.clone()]);
    let renamed = Unit {
        name: "Byg, Plan og Miljø".into(),
        ..byg
    };
    s.put_unit(renamed.clone()).await.unwrap();
    assert_eq!(s.units().await.unwrap(), [bs, renamed]);

    let mette = Caseworker {
        id: "mette.hansen".into(),
        name: "Mette Hansen".into(),
        unit: Some("byg".into()),
        email: Some("meha@roskilde.dk".into()),
        phone: None,
        absent: None,
    };
    let ole = Caseworker {
        id: "ole.berg".into(),
        name: "Ole Berg".into(),
        unit: None,
        email: None,
        phone: Some("46 31 30 01".into()),
        absent: Some(Absence {
            until: "2026-03-20".parse().unwrap(),
            substitute: Some("mette.hansen".into()),
        }),
    };
    s.put_caseworker(ole.clone()).await.unwrap();
    s.put_caseworker(mette.clone()).await.unwrap();
    assert_eq!(s.caseworkers().await.unwrap(), [mette.clone(), ole.clone()]);
    let away = Caseworker {
        absent: Some(Absence {
            until: "2026-04-01".parse().unwrap(),
            substitute: None,
        }),
        ..mette
    };
    let back = Caseworker {
        absent: None,
        ..ole
    };
    s.put_caseworker(away.clone()).await.unwrap();
    s.put_caseworker(back.clone()).await.unwrap();
    assert_eq!(s.caseworkers().await.unwrap(), [away, back]);
}

async fn tokens_are_found_by_their_hash_only(db: &TestDb) {
    let s = &db.store;
    let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    let token = s
        .create_token("integration", Role::Lead, hash)
        .await
        .unwrap();
    assert_eq!(token.name, "integration");
    assert_eq!(token.role, Role::Lead);
    assert_eq!(s.token_by_hash(hash).await.unwrap(), token);
    let admin = s.create_token("ops", Role::Admin, "00").await.unwrap();
    assert_ne!(admin.id, token.id);
    assert_eq!(s.token_by_hash("00").await.unwrap().role, Role::Admin);
    assert!(matches!(
        s.token_by_hash("ff").await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        s.create_token("again", Role::Caseworker, hash).await,
        Err(StoreError::Conflict(_))
    ));
}

async fn every_view_of_personal_data_is_logged(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let id = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id;
    s.log_access("mette.hansen", id, "cpr", at("2026-03-02T10:00:00+01:00"))
        .await
        .unwrap();
    s.log_access("ole.berg", id, "body", at("2026-03-02T09:30:00+01:00"))
        .await
        .unwrap();
    assert_eq!(
        s.access_log(id).await.unwrap(),
        [
            AccessEntry {
                viewer: "ole.berg".into(),
                inquiry_id: id,
                what: "body".into(),
                at: at("2026-03-02T09:30:00+01:00")
            },
            AccessEntry {
                viewer: "mette.hansen".into(),
                inquiry_id: id,
                what: "cpr".into(),
                at: at("2026-03-02T10:00:00+01:00")
            },
        ]
    );
    assert!(matches!(
        s.log_access("x", id + 1, "cpr", at("2026-03-02T10:00:00+01:00"))
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(s.access_log(id + 1).await.unwrap().is_empty());
}
