//! The automatic acknowledgment through `frist serve`'s production wiring, under a municipality
//! that wants it for its acknowledgment goal (Stevns' STE-2, with `auto_acknowledgment = true`
//! and without the acknowledgment-content rule of STE-5 and STE-7, which an automatic receipt
//! cannot meet before a caseworker is named): a new e-mail inquiry is acknowledged by itself and
//! the acknowledgment reaches the SMTP sink once; one with no address gets an internal note
//! instead; one received days ago is left to a caseworker.

use super::Sink;
use frist::config::{ConfigFile, StoreArgs};
use frist::startup::{Application, Settings};
use frist_core::EventKind;
use frist_store::{Role, Store};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

async fn create(client: &reqwest::Client, base: &str, token: &str, body: Value) -> i64 {
    let created = client
        .post(format!("{base}/api/v1/inquiries"))
        .bearer_auth(token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    created.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_inquiry_is_acknowledged_by_itself_where_the_policy_wants_it() {
    let tmp = tempfile::tempdir().unwrap();
    let sink = Sink::start(&tmp.path().join("mail"));
    let url = format!("sqlite://{}", tmp.path().join("frist.db").display());
    let stevns = include_str!("../../../../policies/stevns.toml");
    let policy = stevns
        .replace(
            "promise = \"Vi kvitterer for din henvendelse inden næste arbejdsdags ophør.\"",
            "promise = \"Vi kvitterer for din henvendelse inden næste arbejdsdags ophør.\"\n\
             auto_acknowledgment = true",
        )
        .replace(
            "rules = [\"acknowledgment_content\"]\n\n",
            "out_of_scope = \"Ikke i denne test.\"\n\n",
        )
        .replace("rules = [\"acknowledgment_content\"]\n", "");
    assert!(policy.contains("auto_acknowledgment = true"));
    let policy_file = tmp.path().join("stevns-auto.toml");
    std::fs::write(&policy_file, policy).unwrap();
    let file: ConfigFile = toml::from_str(&format!(
        "[smtp]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\n\
         from_address = \"post@stevns.dk\"\n\n[outbox]\npoll_seconds = 1\n\n\
         [scheduler]\nenabled = false\n",
        sink.port
    ))
    .unwrap();
    // The token is made before the server starts: two writers on one SQLite file at once may
    // meet a lock, and this test is about the acknowledgment, not about that.
    let store = frist_store::open(&url).await.unwrap();
    let (token, hash) = frist_web::new_token();
    store
        .create_token("auto", Role::Admin, &hash)
        .await
        .unwrap();
    let app = Application::build(Settings {
        listen: "127.0.0.1:0".into(),
        public_url: None,
        store: StoreArgs {
            config: None,
            database_url: Some(url.clone()),
            policy: Some(policy_file.display().to_string()),
        },
        file,
        scheduler_clock: None,
    })
    .await
    .unwrap();
    let base = format!("http://{}", app.address());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let serving = tokio::spawn(app.run_until(async {
        let _ = stopped.await;
    }));
    let client = reqwest::Client::new();
    let now = jiff::Timestamp::now();
    let recently = now
        .checked_sub(jiff::SignedDuration::from_mins(5))
        .unwrap()
        .to_string();
    let long_ago = now
        .checked_sub(jiff::SignedDuration::from_hours(24 * 5))
        .unwrap()
        .to_string();
    let email = |at: &str| {
        json!({"channel": "email", "kind": "general_question", "received_at": at,
            "subject": "Vejbump", "body": "Hvornår kommer vejbumpet?",
            "sender": {"name": "Karen Jensen", "email": "karen@example.dk"}})
    };
    let acknowledged = create(&client, &base, &token, email(&recently)).await;
    let old = create(&client, &base, &token, email(&long_ago)).await;
    let unreachable = create(
        &client,
        &base,
        &token,
        json!({"channel": "letter", "kind": "general_question", "received_at": recently,
            "subject": "Brev", "body": "Et brev uden adresse.", "sender": {"name": "Ole"}}),
    )
    .await;

    let deadline = Instant::now() + Duration::from_secs(60);
    while sink.received() == 0 {
        if Instant::now() > deadline {
            let events = store.events(acknowledged).await.unwrap();
            let outbox = frist_store::OutboxStore::outbox_for_inquiry(&store, acknowledged)
                .await
                .unwrap();
            panic!("no acknowledgment reached the sink: {events:?} {outbox:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mail = std::fs::read_dir(&sink.dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "eml"))
        .unwrap();
    let raw = std::fs::read(&mail).unwrap();
    let parsed = mail_parser::MessageParser::default().parse(&raw).unwrap();
    let text = parsed.body_text(0).unwrap().into_owned();
    assert!(text.starts_with("Kære Karen Jensen"), "{text}");
    assert!(text.contains("sagsnummer STE-"), "{text}");
    assert!(
        text.contains("Dette er en automatisk kvittering."),
        "{text}"
    );
    assert!(text.contains("Stevns Kommune"), "{text}");

    // Wait until the loop has looked at all three (the note comes in the same pass).
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let events = store.events(unreachable).await.unwrap();
        if events.len() > 1 {
            let EventKind::Note {
                text,
                visible_to_citizen,
            } = &events[1].kind
            else {
                panic!("{events:?}");
            };
            assert!(!visible_to_citizen);
            assert!(
                text.contains("ikke sendt en automatisk kvittering"),
                "{text}"
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "no note on the unreachable inquiry"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let inquiry = store.get_inquiry(acknowledged).await.unwrap().inquiry;
    let ack = inquiry
        .obligations
        .iter()
        .find(|o| o.goal == "STE-2")
        .unwrap();
    assert!(
        ack.met_at.is_some(),
        "STE-2 met by the automatic acknowledgment"
    );
    assert_eq!(
        store.events(old).await.unwrap().len(),
        1,
        "an inquiry received days ago is left to a caseworker"
    );
    assert_eq!(sink.received(), 1, "one acknowledgment, sent once");
    let _ = stop.send(());
    serving.await.unwrap().unwrap();
}
