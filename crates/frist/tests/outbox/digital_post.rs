//! Digital Post under every shipped policy: each names its municipality's CVR number, so an
//! answer by Digital Post to a sender with a CPR number becomes a MeMo message in the configured
//! directory after `frist outbox run --once`.

use super::{frist, ok};
use frist_core::{MessageKind, NewInquiry, OutgoingMessage, Sender};
use frist_policy::{Addressee, Channel, InquiryKind, Policy};
use frist_store::{NewOutboxItem, OutboxStore, Store};
use std::path::Path;
use std::sync::Arc;

fn shipped_policies() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../policies");
    let mut found: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    found.sort();
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_by_digital_post_becomes_a_memo_message_under_every_shipped_policy() {
    let policies = shipped_policies();
    assert_eq!(policies.len(), 5, "the five municipalities");
    for (name, text) in policies {
        let policy = Arc::new(Policy::from_toml(&name, &text).unwrap());
        let cvr = policy.municipality.cvr.clone();
        assert!(cvr.is_some(), "{name} names no CVR number");
        let tmp = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", tmp.path().join("frist.db").display());
        let spool = tmp.path().join("digital-post");
        std::fs::create_dir_all(&spool).unwrap();
        let config = tmp.path().join("frist.toml");
        std::fs::write(
            &config,
            format!(
                "database_url = \"{url}\"\npolicy = \"{name}\"\n\n[digital_post]\noutbox_dir = \"{}\"\n",
                spool.display()
            ),
        )
        .unwrap();
        let store = frist_store::open(&url).await.unwrap();
        let version = store.register_policy(&name, &text, policy).await.unwrap();
        let inquiry = store
            .create_inquiry(
                NewInquiry {
                    channel: Channel::Email,
                    to: Addressee::General,
                    unit: None,
                    caseworker: None,
                    kind: InquiryKind::GeneralQuestion,
                    case_type: None,
                    received_at: "2026-03-02T09:00:00+01:00".parse().unwrap(),
                    sender: Sender {
                        name: Some("Karen Jensen".into()),
                        cpr: Some("0101901234".parse().unwrap()),
                        ..Sender::default()
                    },
                    language: None,
                    subject: "Boligstøtte".into(),
                    body: "Hvornår får jeg svar?".into(),
                    attachments: Vec::new(),
                    external_id: None,
                },
                &version,
            )
            .await
            .unwrap()
            .stored;
        store
            .enqueue(NewOutboxItem {
                inquiry_id: inquiry.id,
                message: OutgoingMessage {
                    kind: MessageKind::Answer,
                    channel: Channel::DigitalPost,
                    body: "Du får svar i næste uge.".into(),
                    caseworker: Some("Mette Hansen".into()),
                    contact: Some("Mette Hansen, Borgerservice".into()),
                    next_step: None,
                    expected_answer_date: None,
                    appealable: false,
                    complaint_guidance: None,
                },
                recipient: "cpr:sender".into(),
                message_id: format!("<{}.1@example.dk>", inquiry.inquiry.reference),
                actor: Some("mette".into()),
                created_at: jiff::Timestamp::now(),
                status_token: None,
            })
            .await
            .unwrap();
        store.close().await.unwrap();
        drop(store);

        ok(frist(&config, &["outbox", "run", "--once"])
            .output()
            .unwrap());
        let memos: Vec<String> = std::fs::read_dir(&spool)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".memo.xml"))
            .collect();
        assert_eq!(memos.len(), 1, "{name}: {memos:?}");
        let memo = std::fs::read_to_string(spool.join(&memos[0])).unwrap();
        let cvr = cvr.unwrap();
        assert!(
            memo.contains(&format!("<memo:senderID>{cvr}</memo:senderID>")),
            "{name}: {memo}"
        );
        assert!(memo.contains("0101901234"), "{name}: addressed by CPR");
    }
}
