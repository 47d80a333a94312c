//! The outbox: a message is recorded on its inquiry once, when it was accepted; a row left
//! `sending` is never claimed again without a person deciding.

use crate::helpers::*;
use frist_core::{EventKind, MessageKind};
use frist_policy::Channel;
use frist_store::{
    AnyStore, InquiryId, NewOutboxItem, NoticeStore, OutboxState, OutboxStore, Store, StoreError,
};

conformance!(
    an_accepted_message_is_marked_sent_and_recorded_once_at_acceptance,
    only_due_rows_of_the_given_channels_are_claimed_and_each_only_once,
    a_transient_failure_waits_for_its_next_attempt,
    rows_left_sending_become_uncertain_and_wait_for_a_person,
    wrong_transitions_unknown_inquiries_and_repeated_message_ids_are_refused,
    outbox_lists_show_state_without_bodies,
);

async fn an_inquiry(s: &AnyStore) -> InquiryId {
    let ros = register(s, "roskilde", ROSKILDE).await;
    s.create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id
}

fn new_item(inquiry_id: InquiryId, message_id: &str, channel: Channel) -> NewOutboxItem {
    NewOutboxItem {
        inquiry_id,
        message: frist_core::OutgoingMessage {
            channel,
            ..message(MessageKind::Answer)
        },
        recipient: "borger@example.org".into(),
        message_id: message_id.into(),
        actor: Some("mette.hansen".into()),
        created_at: at("2026-03-02T10:00:00+01:00"),
        status_token: None,
    }
}

fn sent_events(events: &[frist_core::Event]) -> Vec<&frist_core::Event> {
    events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::MessageSent { .. }))
        .collect()
}

async fn an_accepted_message_is_marked_sent_and_recorded_once_at_acceptance(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let queued = s
        .enqueue(new_item(id, "<a@x>", Channel::Email))
        .await
        .unwrap();
    assert_eq!(queued.state, OutboxState::Queued);
    assert_eq!(queued.attempts, 0);
    assert!(sent_events(&s.events(id).await.unwrap()).is_empty());

    let claimed = s
        .claim_due(at("2026-03-02T10:00:01+01:00"), &[Channel::Email], 10)
        .await
        .unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].state, OutboxState::Sending);
    assert_eq!(claimed[0].attempts, 1);
    assert_eq!(claimed[0].message, queued.message);

    let accepted = at("2026-03-02T10:00:05+01:00");
    let sent = s.mark_sent(queued.id, accepted).await.unwrap();
    assert_eq!(sent.state, OutboxState::Sent);
    assert_eq!(sent.sent_at, Some(accepted));
    let events = s.events(id).await.unwrap();
    let recorded = sent_events(&events);
    assert_eq!(recorded.len(), 1);
    assert_eq!(recorded[0].at, accepted);
    assert_eq!(recorded[0].actor.as_deref(), Some("mette.hansen"));
    assert!(s.get_inquiry(id).await.unwrap().inquiry.answered);

    // Marking it sent again is refused and records nothing more.
    let again = s.mark_sent(queued.id, accepted).await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
    assert_eq!(sent_events(&s.events(id).await.unwrap()).len(), 1);
}

async fn only_due_rows_of_the_given_channels_are_claimed_and_each_only_once(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let mail = s
        .enqueue(new_item(id, "<m@x>", Channel::Email))
        .await
        .unwrap();
    let post = s
        .enqueue(new_item(id, "<p@x>", Channel::DigitalPost))
        .await
        .unwrap();
    let before = s
        .claim_due(at("2026-03-02T09:59:59+01:00"), &[Channel::Email], 10)
        .await
        .unwrap();
    assert!(before.is_empty(), "nothing is due before it was queued");
    let now = at("2026-03-02T10:00:00+01:00");
    let first = s.claim_due(now, &[Channel::Email], 10).await.unwrap();
    assert_eq!(
        first.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![mail.id]
    );
    let second = s
        .claim_due(now, &[Channel::Email, Channel::DigitalPost], 10)
        .await
        .unwrap();
    assert_eq!(
        second.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![post.id]
    );
    let third = s
        .claim_due(now, &[Channel::Email, Channel::DigitalPost], 10)
        .await
        .unwrap();
    assert!(third.is_empty());
}

async fn a_transient_failure_waits_for_its_next_attempt(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let item = s
        .enqueue(new_item(id, "<t@x>", Channel::Email))
        .await
        .unwrap();
    let now = at("2026-03-02T10:00:00+01:00");
    s.claim_due(now, &[Channel::Email], 1).await.unwrap();
    let later = at("2026-03-02T10:01:00+01:00");
    let waiting = s
        .retry_later(item.id, "connection refused", later)
        .await
        .unwrap();
    assert_eq!(waiting.state, OutboxState::Queued);
    assert_eq!(waiting.next_attempt_at, later);
    assert_eq!(waiting.last_error.as_deref(), Some("connection refused"));
    assert!(
        s.claim_due(now, &[Channel::Email], 1)
            .await
            .unwrap()
            .is_empty()
    );
    let retried = s.claim_due(later, &[Channel::Email], 1).await.unwrap();
    assert_eq!(retried.len(), 1);
    assert_eq!(retried[0].attempts, 2);
    let failed = s
        .mark_failed(item.id, "550 no such user", later)
        .await
        .unwrap();
    assert_eq!(failed.state, OutboxState::Failed);
    let events = s.events(id).await.unwrap();
    assert!(sent_events(&events).is_empty());
    assert!(
        events
            .iter()
            .any(|e| e.kind == frist_core::EventKind::MessageFailed { outbox_id: item.id }),
        "the failure is recorded on the inquiry: {events:?}"
    );
    assert!(
        s.get_inquiry(id)
            .await
            .unwrap()
            .inquiry
            .in_outbox
            .is_empty()
    );
}

async fn rows_left_sending_become_uncertain_and_wait_for_a_person(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let item = s
        .enqueue(new_item(id, "<u@x>", Channel::Email))
        .await
        .unwrap();
    let other = s
        .enqueue(new_item(id, "<q@x>", Channel::Email))
        .await
        .unwrap();
    let now = at("2026-03-02T10:00:00+01:00");
    s.claim_due(now, &[Channel::Email], 1).await.unwrap();
    // The process dies here; the next one starts by recovering.
    assert_eq!(s.recover_interrupted().await.unwrap(), 1);
    let uncertain = s.outbox_item(item.id).await.unwrap();
    assert_eq!(uncertain.state, OutboxState::Uncertain);
    assert!(
        uncertain
            .last_error
            .unwrap()
            .contains("may have been delivered")
    );
    assert_eq!(
        s.outbox_item(other.id).await.unwrap().state,
        OutboxState::Queued
    );
    let claimed = s
        .claim_due(at("2026-03-03T10:00:00+01:00"), &[Channel::Email], 10)
        .await
        .unwrap();
    assert_eq!(
        claimed.iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![other.id]
    );
    // A person decides: resend the one, confirm the other arrived.
    let resend_at = at("2026-03-04T09:00:00+01:00");
    let requeued = s.requeue(item.id, resend_at).await.unwrap();
    assert_eq!(requeued.state, OutboxState::Queued);
    assert_eq!(requeued.next_attempt_at, resend_at);
    assert_eq!(s.recover_interrupted().await.unwrap(), 1);
    let confirmed = s.mark_sent(other.id, resend_at).await.unwrap();
    assert_eq!(confirmed.state, OutboxState::Sent);
    assert_eq!(sent_events(&s.events(id).await.unwrap()).len(), 1);
}

async fn wrong_transitions_unknown_inquiries_and_repeated_message_ids_are_refused(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let item = s
        .enqueue(new_item(id, "<w@x>", Channel::Email))
        .await
        .unwrap();
    let twice = s.enqueue(new_item(id, "<w@x>", Channel::Email)).await;
    assert!(matches!(twice, Err(StoreError::Conflict(_))), "{twice:?}");
    let orphan = s.enqueue(new_item(id + 1, "<o@x>", Channel::Email)).await;
    assert!(matches!(orphan, Err(StoreError::NotFound)), "{orphan:?}");
    let now = at("2026-03-02T10:00:00+01:00");
    for result in [
        s.mark_sent(item.id, now).await,
        s.retry_later(item.id, "x", now).await,
        s.mark_failed(item.id, "x", now).await,
        s.requeue(item.id, now).await,
    ] {
        assert!(matches!(result, Err(StoreError::Conflict(_))), "{result:?}");
    }
    assert!(matches!(
        s.outbox_item(item.id + 100).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        s.outbox_item(item.id).await.unwrap().state,
        OutboxState::Queued
    );
}

async fn outbox_lists_show_state_without_bodies(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let a = s
        .enqueue(new_item(id, "<l1@x>", Channel::Email))
        .await
        .unwrap();
    let b = s
        .enqueue(new_item(id, "<l2@x>", Channel::Letter))
        .await
        .unwrap();
    s.claim_due(at("2026-03-02T10:00:00+01:00"), &[Channel::Email], 10)
        .await
        .unwrap();
    let mine = s.outbox_for_inquiry(id).await.unwrap();
    assert_eq!(
        mine.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![a.id, b.id]
    );
    assert_eq!(mine[0].state, OutboxState::Sending);
    assert_eq!(mine[1].channel, Channel::Letter);
    assert_eq!(mine[1].kind, MessageKind::Answer);
    assert!(!format!("{mine:?}").contains("Tak for din henvendelse"));
    let queued = s
        .list_outbox(Some(OutboxState::Queued), None, 10)
        .await
        .unwrap();
    assert_eq!(queued.iter().map(|r| r.id).collect::<Vec<_>>(), vec![b.id]);
    let all = s.list_outbox(None, Some(a.id), 10).await.unwrap();
    assert_eq!(all.iter().map(|r| r.id).collect::<Vec<_>>(), vec![b.id]);
    assert!(s.outbox_for_inquiry(id + 1).await.unwrap().is_empty());
}
