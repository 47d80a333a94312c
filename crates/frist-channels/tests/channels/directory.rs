//! The directory outboxes (Digital Post, print): files plus a manifest line, once per message.

use crate::helpers::*;
use frist_channels::outbox::{
    Delivery, Dispatcher, JsonRender, OutboundItem, OutboxDirectory, Outcome, RetryPolicy,
};
use frist_core::Sender;
use frist_policy::Channel;
use frist_store::{OutboxState, OutboxStore, Store};
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_digital_post_message_becomes_files_and_one_manifest_line_even_when_retried() {
    let sender = Sender {
        name: Some("Søren Ærø".into()),
        cpr: Some("070761-4285".parse().unwrap()),
        ..Sender::default()
    };
    let f = fixture(Channel::Email, sender, None).await;
    let item = enqueue(&f, Channel::DigitalPost, "cpr:sender").await;
    let out = tempfile::tempdir().unwrap();
    let directory = OutboxDirectory::new(Channel::DigitalPost, out.path(), Arc::new(JsonRender));
    let dispatcher = Dispatcher::new(
        Arc::clone(&f.store),
        vec![Arc::new(directory.clone()) as Arc<dyn Delivery>],
        RetryPolicy::default(),
        public_url(),
    );
    assert_eq!(dispatcher.run_once().await.unwrap().sent, 1);
    assert_eq!(
        f.store.outbox_item(item.id).await.unwrap().state,
        OutboxState::Sent
    );

    let stem = item.message_id.trim_matches(|c| c == '<' || c == '>');
    let text = std::fs::read_to_string(out.path().join(format!("{stem}.txt"))).unwrap();
    assert!(text.contains(BODY), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.path().join(format!("{stem}.json"))).unwrap())
            .unwrap();
    assert_eq!(json["message_id"], item.message_id.as_str());
    assert_eq!(json["recipient"], "cpr:sender");
    assert!(
        !json.to_string().contains("070761"),
        "no CPR number in the files"
    );

    // The same message again, as after a crash before the row was marked sent.
    let outbound = OutboundItem {
        item: f.store.outbox_item(item.id).await.unwrap(),
        inquiry: f.store.get_inquiry(f.inquiry).await.unwrap(),
        policy: f.store.policy(1).await.unwrap().policy,
        status_link: None,
    };
    assert_eq!(directory.deliver(&outbound).await, Outcome::Accepted);
    let manifest = std::fs::read_to_string(out.path().join("manifest.jsonl")).unwrap();
    assert_eq!(manifest.lines().count(), 1, "{manifest}");
    let entry: serde_json::Value = serde_json::from_str(manifest.trim()).unwrap();
    assert_eq!(entry["message_id"], item.message_id.as_str());
    assert_eq!(entry["files"].as_array().unwrap().len(), 2);
    let files = std::fs::read_dir(out.path()).unwrap().count();
    assert_eq!(
        files, 3,
        "two files and the manifest, no temporary files left"
    );
}
