//! Status links queued with a message: the link is stored with the row, its token stays in the
//! row only until the message is sent or failed, and never reaches the event log.

use crate::helpers::*;
use frist_core::MessageKind;
use frist_store::{
    AnyStore, InquiryId, NewOutboxItem, OutboxStore, Store, StoreError, new_status_token,
    status_token_hash,
};

conformance!(
    a_queued_link_opens_the_inquiry_and_its_token_leaves_the_row_when_sent,
    a_failed_message_drops_its_token_and_a_resend_makes_a_new_link,
    replacing_the_links_revokes_the_old_ones_and_the_tokens_of_waiting_messages,
    a_message_that_cannot_be_queued_leaves_no_link,
);

async fn an_inquiry(s: &AnyStore) -> InquiryId {
    let ros = register(s, "roskilde", ROSKILDE).await;
    s.create_inquiry(email("2026-03-02T09:00:00+01:00", None), &ros)
        .await
        .unwrap()
        .stored
        .id
}

fn with_link(id: InquiryId, kind: MessageKind, message_id: &str, token: &str) -> NewOutboxItem {
    NewOutboxItem {
        inquiry_id: id,
        message: message(kind),
        recipient: "borger@example.org".into(),
        message_id: message_id.into(),
        actor: Some("mette.hansen".into()),
        created_at: at("2026-03-02T10:00:00+01:00"),
        status_token: Some(token.into()),
    }
}

async fn opens(s: &AnyStore, token: &str) -> Option<InquiryId> {
    match s.status_link(&status_token_hash(token)).await {
        Ok(id) => Some(id),
        Err(StoreError::NotFound) => None,
        Err(e) => panic!("{e}"),
    }
}

/// Sends (or fails) every due e-mail at `when`.
async fn claim(s: &AnyStore, when: &str) -> Vec<frist_store::OutboxItem> {
    s.claim_due(at(when), &[frist_policy::Channel::Email], 10)
        .await
        .unwrap()
}

async fn a_queued_link_opens_the_inquiry_and_its_token_leaves_the_row_when_sent(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let token = new_status_token();
    let queued = s
        .enqueue(with_link(id, MessageKind::Acknowledgment, "<a@x>", &token))
        .await
        .unwrap();
    assert_eq!(queued.status_token.as_deref(), Some(token.as_str()));
    assert_eq!(opens(s, &token).await, Some(id));
    let claimed = claim(s, "2026-03-02T10:00:01+01:00").await;
    assert_eq!(
        claimed[0].status_token.as_deref(),
        Some(token.as_str()),
        "the dispatcher composes the text with it"
    );
    let sent = s
        .mark_sent(queued.id, at("2026-03-02T10:00:02+01:00"))
        .await
        .unwrap();
    assert_eq!(sent.status_token, None);
    assert_eq!(s.outbox_item(queued.id).await.unwrap().status_token, None);
    assert_eq!(opens(s, &token).await, Some(id), "the link still works");
    let log = serde_json::to_string(&s.events(id).await.unwrap()).unwrap();
    assert!(!log.contains(&token), "the token is in an event");
}

async fn a_failed_message_drops_its_token_and_a_resend_makes_a_new_link(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let first = new_status_token();
    let queued = s
        .enqueue(with_link(id, MessageKind::Acknowledgment, "<f@x>", &first))
        .await
        .unwrap();
    claim(s, "2026-03-02T10:00:01+01:00").await;
    let failed = s
        .mark_failed(queued.id, "refused", at("2026-03-02T10:00:02+01:00"))
        .await
        .unwrap();
    assert_eq!(failed.status_token, None);
    let again = s
        .requeue(queued.id, at("2026-03-02T11:00:00+01:00"))
        .await
        .unwrap();
    let second = again
        .status_token
        .expect("a new link for the resent message");
    assert_ne!(second, first);
    assert_eq!(opens(s, &second).await, Some(id));

    // A message whose kind carries no link gets none when it is sent again.
    let mut answer = with_link(id, MessageKind::Answer, "<g@x>", "unused");
    answer.status_token = None;
    answer.created_at = at("2026-03-02T11:00:00+01:00");
    let answer = s.enqueue(answer).await.unwrap();
    claim(s, "2026-03-02T11:00:01+01:00").await;
    s.mark_failed(answer.id, "refused", at("2026-03-02T11:00:02+01:00"))
        .await
        .unwrap();
    let resent = s
        .requeue(answer.id, at("2026-03-02T11:10:00+01:00"))
        .await
        .unwrap();
    assert_eq!(resent.status_token, None);
}

async fn replacing_the_links_revokes_the_old_ones_and_the_tokens_of_waiting_messages(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let other = an_inquiry(s).await;
    let (waiting, shown, elsewhere, new) = (
        new_status_token(),
        new_status_token(),
        new_status_token(),
        new_status_token(),
    );
    let queued = s
        .enqueue(with_link(
            id,
            MessageKind::Acknowledgment,
            "<w@x>",
            &waiting,
        ))
        .await
        .unwrap();
    s.create_status_link(
        &status_token_hash(&shown),
        id,
        at("2026-03-02T09:00:00+01:00"),
    )
    .await
    .unwrap();
    s.create_status_link(
        &status_token_hash(&elsewhere),
        other,
        at("2026-03-02T09:00:00+01:00"),
    )
    .await
    .unwrap();

    let item = s
        .replace_status_links(with_link(id, MessageKind::StatusLink, "<n@x>", &new))
        .await
        .unwrap();
    assert_eq!(item.status_token.as_deref(), Some(new.as_str()));
    assert_eq!(opens(s, &new).await, Some(id));
    assert_eq!(opens(s, &shown).await, None);
    assert_eq!(opens(s, &waiting).await, None);
    assert_eq!(
        s.outbox_item(queued.id).await.unwrap().status_token,
        None,
        "a waiting message would carry a revoked link"
    );
    assert_eq!(
        opens(s, &elsewhere).await,
        Some(other),
        "other inquiries keep theirs"
    );
}

async fn a_message_that_cannot_be_queued_leaves_no_link(db: &TestDb) {
    let s = &db.store;
    let id = an_inquiry(s).await;
    let (first, second) = (new_status_token(), new_status_token());
    s.enqueue(with_link(id, MessageKind::Acknowledgment, "<d@x>", &first))
        .await
        .unwrap();
    let again = s
        .enqueue(with_link(id, MessageKind::Acknowledgment, "<d@x>", &second))
        .await;
    assert!(matches!(again, Err(StoreError::Conflict(_))), "{again:?}");
    assert_eq!(opens(s, &second).await, None);
    let replaced = s
        .replace_status_links(with_link(
            id + 100,
            MessageKind::StatusLink,
            "<e@x>",
            &second,
        ))
        .await;
    assert!(
        matches!(replaced, Err(StoreError::NotFound)),
        "{replaced:?}"
    );
    assert_eq!(opens(s, &first).await, Some(id), "nothing was revoked");
}
