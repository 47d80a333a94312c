//! An event and the message about it (an extension's notice, an information request) are
//! stored together or not at all.

use crate::helpers::*;
use frist_core::{Event, EventKind, InquiryState, MessageKind};
use frist_store::{NewOutboxItem, OutboxStore, Store, StoreError};

conformance!(an_event_and_its_message_are_stored_together_or_not_at_all,);

async fn an_event_and_its_message_are_stored_together_or_not_at_all(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let id = s
        .create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id;
    let item = |message_id: &str| NewOutboxItem {
        inquiry_id: id,
        message: message(MessageKind::InformationRequest),
        recipient: "borger@example.org".into(),
        message_id: message_id.into(),
        actor: Some("mette.hansen".into()),
        created_at: at("2026-03-02T10:00:00+01:00"),
        status_token: None,
    };
    let event = |kind: EventKind| Event {
        at: at("2026-03-02T10:00:00+01:00"),
        actor: Some("mette.hansen".into()),
        kind,
    };

    let (stored, queued) = s
        .append_and_enqueue(event(EventKind::AwaitingCitizenStarted), item("<r1@x>"))
        .await
        .unwrap();
    assert_eq!(stored.inquiry.state, InquiryState::AwaitingCitizen);
    assert_eq!(queued.message.kind, MessageKind::InformationRequest);
    let events = s.events(id).await.unwrap().len();
    assert_eq!(s.outbox_for_inquiry(id).await.unwrap().len(), 1);

    // The lifecycle refuses the event: the message is not queued.
    let refused = s
        .append_and_enqueue(event(EventKind::AwaitingCitizenStarted), item("<r2@x>"))
        .await;
    assert!(
        matches!(refused, Err(StoreError::Refused(_))),
        "{refused:?}"
    );
    assert_eq!(s.outbox_for_inquiry(id).await.unwrap().len(), 1);

    // The message cannot be queued (its Message-ID is taken): the event is not kept either.
    let clash = s
        .append_and_enqueue(event(EventKind::AwaitingCitizenEnded), item("<r1@x>"))
        .await;
    assert!(matches!(clash, Err(StoreError::Conflict(_))), "{clash:?}");
    assert_eq!(s.events(id).await.unwrap().len(), events);
    assert_eq!(
        s.get_inquiry(id).await.unwrap().inquiry.state,
        InquiryState::AwaitingCitizen
    );
    assert_eq!(s.outbox_for_inquiry(id).await.unwrap().len(), 1);
}
