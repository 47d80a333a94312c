//! Fetching from a real IMAP server (Dovecot on loopback): one inquiry per message with the
//! mailbox's routing; a fetcher stopped after the commit and before the mark neither loses nor
//! duplicates; replies thread; mail for an absent caseworker goes to the substitute; IDLE and
//! polling pick up new mail; `move` moves.

use frist_channels::mail::{After, Fetcher, Mailbox, MailboxKind, fetch_all_once, spawn_fetchers};
use frist_channels::testing::Dovecot;
use frist_policy::{Addressee, Channel, Policy};
use frist_store::{
    Absence, AnyStore, Caseworker, InquiryFilter, InquirySummary, MailOutcome, MailStore,
    PolicyVersion, Store, Unit,
};
use std::sync::Arc;
use std::time::{Duration, Instant};

const HTK: &str = include_str!("../../../../policies/hoeje-taastrup.toml");

struct Db {
    store: Arc<AnyStore>,
    policy: PolicyVersion,
    _dir: tempfile::TempDir,
}

async fn db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("frist.db").display());
    let store = frist_store::open(&url).await.unwrap();
    let policy = store
        .register_policy(
            "hoeje-taastrup",
            HTK,
            Arc::new(Policy::from_toml("hoeje-taastrup", HTK).unwrap()),
        )
        .await
        .unwrap();
    store
        .put_unit(Unit {
            id: "teknik".into(),
            name: "Teknik og Miljø".into(),
            email: Some("teknik@htk.dk".into()),
            phone: None,
        })
        .await
        .unwrap();
    for (id, name, unit) in [
        ("mette.hansen", "Mette Hansen", "borgerservice"),
        ("jonas.berg", "Jonas Berg", "social"),
    ] {
        store
            .put_caseworker(Caseworker {
                id: id.into(),
                name: name.into(),
                unit: Some(unit.into()),
                email: Some(format!("{id}@htk.dk")),
                phone: None,
                absent: None,
            })
            .await
            .unwrap();
    }
    Db {
        store: Arc::new(store),
        policy,
        _dir: dir,
    }
}

fn message(n: u32, to: &str, extra: &str) -> Vec<u8> {
    format!(
        "From: Karen Jensen <karen@example.dk>\r\nTo: {to}\r\nMessage-ID: <m{n}@example.dk>\r\n\
         Date: Mon, 16 Nov 2026 09:00:00 +0100\r\nSubject: =?utf-8?q?Sp=C3=B8rgsm=C3=A5l_{n}?=\r\n\
         {extra}Content-Type: text/plain; charset=utf-8\r\n\r\nHvornår bliver affaldet hentet? ({n})\r\n"
    )
    .into_bytes()
}

async fn inquiries(store: &AnyStore) -> Vec<InquirySummary> {
    store
        .list_inquiries(&InquiryFilter::default(), None, 500)
        .await
        .unwrap()
        .items
}

/// The three mailboxes of these tests: the general one, a department's and Mette's own.
fn mailboxes(server: &Dovecot) -> Vec<Mailbox> {
    vec![
        server.mailbox("kommune", "kommune@htk.dk", MailboxKind::General),
        Mailbox {
            unit: Some("teknik".into()),
            ..server.mailbox("teknik", "teknik@htk.dk", MailboxKind::Department)
        },
        Mailbox {
            caseworker: Some("mette.hansen".into()),
            ..server.mailbox("mette", "mette.hansen@htk.dk", MailboxKind::Personal)
        },
    ]
}

const USERS: &[&str] = &["kommune", "teknik", "mette"];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_message_in_every_mailbox_becomes_one_inquiry_routed_by_its_mailbox() {
    let server = Dovecot::start(USERS, true);
    let db = db().await;
    server
        .append("kommune", "INBOX", &message(1, "kommune@htk.dk", ""))
        .await;
    server
        .append("kommune", "INBOX", &message(2, "kommune@htk.dk", ""))
        .await;
    server
        .append("teknik", "INBOX", &message(3, "teknik@htk.dk", ""))
        .await;
    server
        .append("mette", "INBOX", &message(4, "mette.hansen@htk.dk", ""))
        .await;
    let boxes = mailboxes(&server);

    let results = fetch_all_once(Arc::clone(&db.store), &db.policy, &boxes).await;
    let fetched: Vec<u64> = results
        .iter()
        .map(|(a, r)| {
            r.as_ref()
                .unwrap_or_else(|e| panic!("{a}: {e}\n{}", server.log()))
                .read
        })
        .collect();
    assert_eq!(fetched, [2, 1, 1]);

    let mut found: Vec<(String, Addressee, Option<String>, Option<String>)> = Vec::new();
    for item in inquiries(&db.store).await {
        let i = db.store.get_inquiry(item.id).await.unwrap().inquiry;
        assert_eq!(i.received.channel, Channel::Email);
        assert!(
            i.received.subject.starts_with("Spørgsmål"),
            "{}",
            i.received.subject
        );
        found.push((
            i.received.external_id.clone().unwrap(),
            i.received.to,
            i.unit.clone(),
            i.caseworker.clone(),
        ));
    }
    found.sort();
    assert_eq!(
        found,
        [
            ("m1@example.dk".into(), Addressee::General, None, None),
            ("m2@example.dk".into(), Addressee::General, None, None),
            (
                "m3@example.dk".into(),
                Addressee::Department,
                Some("teknik".into()),
                None
            ),
            (
                "m4@example.dk".into(),
                Addressee::Employee,
                Some("borgerservice".into()),
                Some("mette.hansen".into())
            ),
        ]
    );
    // Marked on the server only now; a second pass finds nothing to fetch.
    for user in USERS {
        assert_eq!(server.count(user, "INBOX", "UNSEEN").await, 0, "{user}");
        assert!(
            server.count(user, "INBOX", "ALL").await > 0,
            "{user}: seen, not deleted"
        );
    }
    let again = fetch_all_once(Arc::clone(&db.store), &db.policy, &boxes).await;
    assert!(again.iter().all(|(_, r)| r.as_ref().unwrap().read == 0));
    assert_eq!(inquiries(&db.store).await.len(), 4);
    // The raw bytes are what the server had.
    let first = &inquiries(&db.store).await[0];
    let stored = db.store.mail_of_inquiry(first.id).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert!(
        stored[0].source.starts_with("imap:"),
        "{}",
        stored[0].source
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_message_in_two_mailboxes_makes_one_inquiry() {
    let server = Dovecot::start(USERS, true);
    let db = db().await;
    let both = message(5, "kommune@htk.dk", "Cc: teknik@htk.dk\r\n");
    server.append("kommune", "INBOX", &both).await;
    server.append("teknik", "INBOX", &both).await;
    let results = fetch_all_once(Arc::clone(&db.store), &db.policy, &mailboxes(&server)).await;
    let total: u64 = results.iter().map(|(_, r)| r.as_ref().unwrap().read).sum();
    let duplicates: u64 = results
        .iter()
        .map(|(_, r)| r.as_ref().unwrap().duplicates)
        .sum();
    assert_eq!((total, duplicates), (2, 1));
    assert_eq!(inquiries(&db.store).await.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fetcher_stopped_after_the_commit_and_before_the_mark_neither_loses_nor_duplicates() {
    let server = Dovecot::start(&["kommune"], true);
    let db = db().await;
    for n in 1..=3 {
        server
            .append("kommune", "INBOX", &message(n, "kommune@htk.dk", ""))
            .await;
    }
    let general = server.mailbox("kommune", "kommune@htk.dk", MailboxKind::General);
    let all = Arc::new(vec![general.clone()]);

    // Exactly the state a crash between commit and mark leaves: committed, not marked.
    let mut committed_only = Fetcher::new(
        Arc::clone(&db.store),
        db.policy.clone(),
        Mailbox {
            after: After::Keep,
            ..general.clone()
        },
        Arc::clone(&all),
    );
    let first = committed_only.fetch_once().await.unwrap();
    assert_eq!((first.read, first.imported), (3, 3));
    assert_eq!(server.count("kommune", "INBOX", "UNSEEN").await, 3);

    // The restarted fetcher finds them again: duplicates, now marked.
    let mut restarted = Fetcher::new(
        Arc::clone(&db.store),
        db.policy.clone(),
        general.clone(),
        Arc::clone(&all),
    );
    let second = restarted.fetch_once().await.unwrap();
    assert_eq!((second.read, second.imported, second.duplicates), (3, 0, 3));
    assert_eq!(server.count("kommune", "INBOX", "UNSEEN").await, 0);
    assert_eq!(inquiries(&db.store).await.len(), 3);

    // A real stop in the middle of fetching many: the task is aborted as soon as the first
    // inquiries are committed, wherever it is.
    for n in 100..160 {
        server
            .append("kommune", "INBOX", &message(n, "kommune@htk.dk", ""))
            .await;
    }
    let (_stop, shutdown) = tokio::sync::watch::channel(false);
    let mut tasks = spawn_fetchers(Arc::clone(&db.store), &db.policy, &all, &shutdown);
    let deadline = Instant::now() + Duration::from_secs(30);
    while inquiries(&db.store).await.len() <= 3 {
        assert!(
            Instant::now() < deadline,
            "nothing fetched:\n{}",
            server.log()
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    tasks.abort_all();
    while tasks.join_next().await.is_some() {}
    let stopped_at = inquiries(&db.store).await.len();
    let unseen = server.count("kommune", "INBOX", "UNSEEN").await;
    assert!(
        stopped_at < 63,
        "stopped too late to test anything: {stopped_at}"
    );
    assert!(unseen > 0, "everything was marked before the stop");
    eprintln!("stopped with {stopped_at} inquiries stored and {unseen} messages unmarked");

    let mut after_restart = Fetcher::new(
        Arc::clone(&db.store),
        db.policy.clone(),
        general,
        Arc::clone(&all),
    );
    let third = after_restart.fetch_once().await.unwrap();
    let items = inquiries(&db.store).await;
    assert_eq!(
        items.len(),
        63,
        "lost or duplicated after a stop at {stopped_at}: {third:?}"
    );
    let mut ids: Vec<String> = Vec::new();
    for item in &items {
        let i = db.store.get_inquiry(item.id).await.unwrap().inquiry;
        ids.push(i.received.external_id.unwrap());
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 63);
    assert_eq!(server.count("kommune", "INBOX", "UNSEEN").await, 0);
    assert_eq!(third.read, unseen as u64);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_threads_to_its_inquiry_by_the_reference_in_its_subject_and_by_in_reply_to() {
    let server = Dovecot::start(&["kommune"], true);
    let db = db().await;
    let general = vec![server.mailbox("kommune", "kommune@htk.dk", MailboxKind::General)];
    server
        .append("kommune", "INBOX", &message(1, "kommune@htk.dk", ""))
        .await;
    fetch_all_once(Arc::clone(&db.store), &db.policy, &general).await;
    let [first] = inquiries(&db.store).await.try_into().unwrap();
    let reference = first.reference.to_string();
    assert!(reference.starts_with("HTK-"), "{reference}");

    let by_subject = format!(
        "From: karen@example.dk\r\nTo: kommune@htk.dk\r\nMessage-ID: <r1@example.dk>\r\n\
         Subject: Sv: Din henvendelse {reference}\r\n\r\nHer er billederne.\r\n"
    );
    let by_header = "From: karen@example.dk\r\nTo: kommune@htk.dk\r\nMessage-ID: <r2@example.dk>\r\n\
                     In-Reply-To: <m1@example.dk>\r\nSubject: Sv: noget andet\r\n\r\nOg en ting mere.\r\n";
    server
        .append("kommune", "INBOX", by_subject.as_bytes())
        .await;
    server
        .append("kommune", "INBOX", by_header.as_bytes())
        .await;
    let results = fetch_all_once(Arc::clone(&db.store), &db.policy, &general).await;
    assert_eq!(results[0].1.as_ref().unwrap().imported, 2);

    assert_eq!(
        inquiries(&db.store).await.len(),
        1,
        "no new inquiry for a reply"
    );
    let events = db.store.events(first.id).await.unwrap();
    assert_eq!(
        events.iter().map(|e| e.kind.name()).collect::<Vec<_>>(),
        ["received", "message_received", "message_received"]
    );
    let outcomes: Vec<MailOutcome> = db
        .store
        .mail_of_inquiry(first.id)
        .await
        .unwrap()
        .iter()
        .map(|m| m.outcome)
        .collect();
    assert_eq!(
        outcomes,
        [MailOutcome::Inquiry, MailOutcome::Reply, MailOutcome::Reply]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_to_an_absent_caseworkers_personal_mailbox_goes_to_the_substitute() {
    let server = Dovecot::start(USERS, true);
    let db = db().await;
    db.store
        .put_caseworker(Caseworker {
            id: "mette.hansen".into(),
            name: "Mette Hansen".into(),
            unit: Some("borgerservice".into()),
            email: Some("mette.hansen@htk.dk".into()),
            phone: None,
            absent: Some(Absence {
                until: jiff::civil::date(2199, 12, 31),
                substitute: Some("jonas.berg".into()),
            }),
        })
        .await
        .unwrap();
    server
        .append("mette", "INBOX", &message(7, "mette.hansen@htk.dk", ""))
        .await;
    server
        .append(
            "mette",
            "INBOX",
            &message(8, "mette.hansen@htk.dk", "Auto-Submitted: auto-replied\r\n"),
        )
        .await;
    fetch_all_once(Arc::clone(&db.store), &db.policy, &mailboxes(&server)).await;

    let items = inquiries(&db.store).await;
    assert_eq!(items.len(), 2);
    let mut auto_replies = Vec::new();
    for item in &items {
        let i = db.store.get_inquiry(item.id).await.unwrap().inquiry;
        assert_eq!(i.received.to, Addressee::Employee);
        assert_eq!(
            i.caseworker.as_deref(),
            Some("jonas.berg"),
            "the substitute"
        );
        assert_eq!(i.unit.as_deref(), Some("social"));
        let events = db.store.events(item.id).await.unwrap();
        assert_eq!(events[1].kind.name(), "note");
        let [mail] = db
            .store
            .mail_of_inquiry(item.id)
            .await
            .unwrap()
            .try_into()
            .unwrap();
        assert_eq!(mail.absent_caseworker.as_deref(), Some("mette.hansen"));
        auto_replies.push((i.received.external_id.unwrap(), mail.auto_reply_due));
    }
    auto_replies.sort();
    assert_eq!(
        auto_replies,
        [
            ("m7@example.dk".into(), true),
            ("m8@example.dk".into(), false)
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_mail_is_picked_up_by_idle_and_by_polling_when_the_server_has_no_idle() {
    for idle in [true, false] {
        // The plain server offers no IDLE.
        let server = Dovecot::start(&["kommune"], idle);
        let db = db().await;
        let general = vec![Mailbox {
            poll_seconds: if idle { 600 } else { 1 },
            ..server.mailbox("kommune", "kommune@htk.dk", MailboxKind::General)
        }];
        let (stop, shutdown) = tokio::sync::watch::channel(false);
        let mut tasks = spawn_fetchers(Arc::clone(&db.store), &db.policy, &general, &shutdown);
        // Let it connect and wait (with IDLE, a wait of ten minutes: only IDLE can wake it).
        tokio::time::sleep(Duration::from_millis(500)).await;
        server
            .append("kommune", "INBOX", &message(9, "kommune@htk.dk", ""))
            .await;
        let deadline = Instant::now() + Duration::from_secs(15);
        while inquiries(&db.store).await.is_empty() {
            assert!(
                Instant::now() < deadline,
                "idle={idle}: not picked up\n{}",
                server.log()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        stop.send(true).unwrap();
        let stopped = tokio::time::timeout(Duration::from_secs(10), async {
            while tasks.join_next().await.is_some() {}
        })
        .await;
        assert!(stopped.is_ok(), "idle={idle}: the fetcher did not stop");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn after_move_the_message_is_moved_once_committed_with_move_or_by_copying() {
    for modern in [true, false] {
        let server = Dovecot::start(&["kommune"], modern);
        let db = db().await;
        server
            .append("kommune", "INBOX", &message(1, "kommune@htk.dk", ""))
            .await;
        server
            .append("kommune", "INBOX", &message(2, "kommune@htk.dk", ""))
            .await;
        let general = vec![Mailbox {
            after: After::Move,
            move_to: Some("Frist".into()),
            ..server.mailbox("kommune", "kommune@htk.dk", MailboxKind::General)
        }];
        let results = fetch_all_once(Arc::clone(&db.store), &db.policy, &general).await;
        assert_eq!(
            results[0].1.as_ref().unwrap().imported,
            2,
            "modern={modern}"
        );
        assert_eq!(
            server.count("kommune", "INBOX", "ALL").await,
            0,
            "modern={modern}"
        );
        assert_eq!(
            server.count("kommune", "Frist", "ALL").await,
            2,
            "modern={modern}"
        );
        assert_eq!(inquiries(&db.store).await.len(), 2);
    }
}
