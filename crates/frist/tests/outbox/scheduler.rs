//! The scheduler end to end, through the real binary, the outbox and the SMTP sink: a month of
//! daily digests that arrive only on working days, once each, also across a SIGKILL; and two
//! `frist serve` on one PostgreSQL that share the outbox without sending anything twice.

use super::{FRIST, Sink, frist, ok};
use frist_calendar::Date;
use frist_core::{MessageKind, NewInquiry, OutgoingMessage, Sender};
use frist_policy::{Addressee, Channel, InquiryKind};
use frist_store::{NewOutboxItem, NoticeStore, OutboxState, OutboxStore, Store};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// (Message-ID, the X-Frist-Notice kind or "" for a message to a citizen) of every e-mail the
/// sink received.
fn received(sink: &Sink) -> Vec<(String, String)> {
    std::fs::read_dir(&sink.dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            let m = mail_parser::MessageParser::default().parse(&bytes).unwrap();
            let kind = m
                .header_raw("X-Frist-Notice")
                .map(|v| v.trim().to_owned())
                .unwrap_or_default();
            let id = m.message_id().unwrap_or_default();
            (id.trim_matches(['<', '>']).to_owned(), kind)
        })
        .collect()
}

/// Every Message-ID at most once: nothing was sent twice.
fn assert_each_once(mail: &[(String, String)]) {
    let mut seen = HashSet::new();
    for (id, _) in mail {
        assert!(seen.insert(id.clone()), "{id} was sent twice");
    }
}

/// 08:00 in Copenhagen on `day`, as RFC 3339.
fn morning(day: Date) -> String {
    day.at(8, 0, 0, 0)
        .to_zoned(frist_policy::COPENHAGEN.clone())
        .unwrap()
        .timestamp()
        .to_string()
}

fn config(dir: &Path, database_url: &str, sink: &Sink) -> std::path::PathBuf {
    let path = dir.join("frist.toml");
    std::fs::write(
        &path,
        format!(
            "database_url = \"{database_url}\"\npolicy = \"hoeje-taastrup\"\n\
             public_url = \"https://frist.htk.dk\"\n\n[smtp]\nhost = \"127.0.0.1\"\n\
             port = {}\nsecurity = \"none\"\nfrom_address = \"frist@htk.dk\"\n\n\
             [outbox]\npoll_seconds = 1\n",
            sink.port
        ),
    )
    .unwrap();
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_december_of_digests_comes_on_working_days_at_opening_once_each_across_a_kill() {
    let tmp = tempfile::tempdir().unwrap();
    let sink = Sink::start(&tmp.path().join("mail"));
    let url = format!("sqlite://{}", tmp.path().join("frist.db").display());
    let config = config(tmp.path(), &url, &sink);
    ok(frist(
        &config,
        &["demo", "--inquiries", "400", "--days", "60", "--seed", "3"],
    )
    .output()
    .unwrap());
    let store = frist_store::open(&url).await.unwrap();
    let caseworkers = store.caseworkers().await.unwrap();
    store.close().await.unwrap();
    let calendar = frist_calendar::Calendar::danish_default();

    let mut expected: BTreeMap<Date, usize> = BTreeMap::new();
    for d in 1..=31 {
        let day = jiff::civil::date(2026, 12, d);
        let at = morning(day);
        // Before opening nothing is owed.
        let early = day
            .at(6, 30, 0, 0)
            .to_zoned(frist_policy::COPENHAGEN.clone())
            .unwrap()
            .timestamp()
            .to_string();
        let said = ok(
            frist(&config, &["scheduler", "run", "--once", "--now", &early])
                .output()
                .unwrap(),
        );
        assert!(said.contains("outside the opening hours"), "{day}: {said}");
        if d == 2 {
            // Killed mid-pass, then run again: each notice is queued once.
            let mut child = frist(&config, &["scheduler", "run", "--once", "--now", &at])
                .stdout(Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_millis(150));
            let _ = child.kill();
            let _ = child.wait();
        }
        let first = ok(
            frist(&config, &["scheduler", "run", "--once", "--now", &at])
                .output()
                .unwrap(),
        );
        let again = ok(
            frist(&config, &["scheduler", "run", "--once", "--now", &at])
                .output()
                .unwrap(),
        );
        let working = calendar.is_working_day(day).unwrap();
        if working {
            assert!(
                again.starts_with("queued 0 warnings, 0 escalations, 0 digests, 0 monthly"),
                "{day}: {again}"
            );
            let present = caseworkers
                .iter()
                .filter(|c| c.email.is_some())
                .filter(|c| c.absent.as_ref().is_none_or(|a| a.until < day))
                .count();
            expected.insert(day, present);
        } else {
            assert!(
                first.contains("outside the opening hours"),
                "{day}: {first}"
            );
        }
        if d == 9 {
            // The dispatcher killed mid-run: what it had in hand becomes uncertain, nothing
            // is sent again.
            let mut child = frist(&config, &["outbox", "run", "--once"])
                .stdout(Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_millis(200));
            let _ = child.kill();
            let _ = child.wait();
        }
        ok(frist(&config, &["outbox", "run", "--once"])
            .output()
            .unwrap());
    }
    // The JSON list names each notice's kind and never a body or an address.
    let list = ok(frist(
        &config,
        &["outbox", "list", "--format", "json", "--limit", "1000"],
    )
    .output()
    .unwrap());
    let kinds: HashSet<String> = list
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    for kind in ["digest", "warning", "escalation", "monthly_report"] {
        assert!(kinds.contains(kind), "{kind} missing from {kinds:?}");
    }
    assert!(
        !list.contains("Godmorgen") && !list.contains("@kommune.example"),
        "{list}"
    );

    let mail = received(&sink);
    assert_each_once(&mail);
    // Delivered, or held as uncertain by the kill on the 9th (it may have arrived too): each
    // digest once, by its Message-ID.
    let store = frist_store::open(&url).await.unwrap();
    let uncertain = store
        .list_outbox(Some(OutboxState::Uncertain), None, 1000)
        .await
        .unwrap();
    store.close().await.unwrap();
    let ids: HashSet<String> = mail
        .iter()
        .filter(|(_, kind)| kind == "digest")
        .map(|(id, _)| id.clone())
        .chain(
            uncertain
                .iter()
                .filter(|u| u.kind == "digest")
                .map(|u| u.message_id.trim_matches(['<', '>']).to_owned()),
        )
        .collect();
    let mut digests: BTreeMap<Date, usize> = BTreeMap::new();
    for id in &ids {
        // <frist.notice.digest-PERSON-YYYY-MM-DD@…>
        let at = id.rfind('@').unwrap();
        let day: Date = id[at - 10..at].parse().unwrap();
        *digests.entry(day).or_default() += 1;
    }
    for (day, n) in &expected {
        assert_eq!(
            digests.get(day).copied().unwrap_or(0),
            *n,
            "digests on {day}"
        );
    }
    for day in digests.keys() {
        assert!(
            expected.contains_key(day),
            "a digest came on {day}, not a working day"
        );
    }
    for off in [24, 25, 26, 31, 5, 6] {
        assert!(
            !digests.contains_key(&jiff::civil::date(2026, 12, off)),
            "{off} December"
        );
    }
}

/// `frist serve` as a process; its address from what it says on start.
struct Node {
    child: Child,
    log: std::path::PathBuf,
}

impl Node {
    fn start(config: &Path, log: std::path::PathBuf) -> Self {
        let err = std::fs::File::create(&log).unwrap();
        let mut child = Command::new(FRIST)
            .args(["serve", "--listen", "127.0.0.1:0", "--config"])
            .arg(config)
            .env("FRIST_LOG", "info")
            .env_remove("FRIST_DATABASE_URL")
            .env_remove("FRIST_POLICY")
            .stdout(Stdio::null())
            .stderr(err)
            .spawn()
            .unwrap();
        let started = Instant::now();
        while !std::fs::read_to_string(&log)
            .unwrap()
            .contains("Frist serves")
        {
            assert!(child.try_wait().unwrap().is_none(), "frist serve stopped");
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "frist serve did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        Self { child, log }
    }

    fn leads(&self) -> bool {
        std::fs::read_to_string(&self.log)
            .unwrap()
            .contains("this node delivers the outbox")
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Waits until the outbox holds nothing queued or sending.
async fn drained(url: &str) {
    let store = frist_store::open(url).await.unwrap();
    let started = Instant::now();
    loop {
        let waiting = store
            .list_outbox(Some(OutboxState::Queued), None, 10)
            .await
            .unwrap()
            .len()
            + store
                .list_outbox(Some(OutboxState::Sending), None, 10)
                .await
                .unwrap()
                .len();
        if waiting == 0 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "the outbox was not delivered"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    store.close().await.unwrap();
}

async fn queue_reply(url: &str, n: u32) {
    let store = frist_store::open(url).await.unwrap();
    let policy = std::sync::Arc::new(
        frist_policy::Policy::from_toml(
            "hoeje-taastrup",
            include_str!("../../../../policies/hoeje-taastrup.toml"),
        )
        .unwrap(),
    );
    let version = store
        .register_policy(
            "hoeje-taastrup",
            include_str!("../../../../policies/hoeje-taastrup.toml"),
            policy,
        )
        .await
        .unwrap();
    let inquiry = store
        .create_inquiry(
            NewInquiry {
                channel: Channel::Email,
                to: Addressee::General,
                unit: None,
                caseworker: None,
                kind: InquiryKind::GeneralQuestion,
                case_type: None,
                received_at: jiff::Timestamp::now(),
                sender: Sender {
                    email: Some(format!("borger{n}@example.org")),
                    ..Sender::default()
                },
                language: None,
                subject: "Affald".into(),
                body: "Hvornår?".into(),
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
                channel: Channel::Email,
                body: "Torsdag. Venlig hilsen Åse".into(),
                caseworker: Some("Åse Ørsted".into()),
                contact: None,
                next_step: None,
                expected_answer_date: None,
                appealable: false,
                complaint_guidance: None,
            },
            recipient: format!("borger{n}@example.org"),
            message_id: format!("<{}.{n}@htk.dk>", inquiry.inquiry.reference),
            actor: Some("aase".into()),
            created_at: jiff::Timestamp::now(),
            status_token: None,
        })
        .await
        .unwrap();
    store.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_on_one_postgresql_send_each_notice_and_reply_once_and_one_takes_over() {
    let Ok(admin) = std::env::var("FRIST_TEST_DATABASE_URL") else {
        panic!("FRIST_TEST_DATABASE_URL must name a PostgreSQL server (scripts/test sets it)");
    };
    use sqlx::Connection;
    let name = format!("frist_nodes_{}", std::process::id());
    let mut conn = sqlx::PgConnection::connect(&admin).await.unwrap();
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await
        .unwrap();
    let (base, _) = admin.rsplit_once('/').unwrap();
    let url = format!("{base}/{name}");

    let tmp = tempfile::tempdir().unwrap();
    let sink = Sink::start(&tmp.path().join("mail"));
    let config = config(tmp.path(), &url, &sink);
    ok(frist(
        &config,
        &["demo", "--inquiries", "300", "--days", "60", "--seed", "5"],
    )
    .output()
    .unwrap());
    let a = Node::start(&config, tmp.path().join("a.log"));
    let b = Node::start(&config, tmp.path().join("b.log"));

    // Warnings, escalations and digests of a working morning, and a reply, for both nodes.
    let tuesday = morning(jiff::civil::date(2026, 12, 1));
    ok(
        frist(&config, &["scheduler", "run", "--once", "--now", &tuesday])
            .output()
            .unwrap(),
    );
    queue_reply(&url, 1).await;
    drained(&url).await;
    let first = received(&sink);
    assert!(first.iter().any(|(_, k)| k == "warning"), "{first:?}");
    assert!(
        first.iter().any(|(_, k)| k.is_empty()),
        "the reply: {first:?}"
    );
    assert_each_once(&first);
    assert!(
        a.leads() != b.leads(),
        "exactly one node does the background work"
    );

    // The node doing the work is killed; the other takes over and sends what comes next.
    let (mut leader, survivor) = if a.leads() { (a, b) } else { (b, a) };
    leader.child.kill().unwrap();
    leader.child.wait().unwrap();
    let wednesday = morning(jiff::civil::date(2026, 12, 2));
    ok(frist(
        &config,
        &["scheduler", "run", "--once", "--now", &wednesday],
    )
    .output()
    .unwrap());
    queue_reply(&url, 2).await;
    drained(&url).await;
    assert!(survivor.leads(), "the surviving node took the work over");
    let all = received(&sink);
    assert_each_once(&all);
    assert!(all.len() > first.len());
    let store = frist_store::open(&url).await.unwrap();
    let listed = store.list_outbox(None, None, 1000).await.unwrap();
    assert!(
        listed.iter().all(|r| r.state == OutboxState::Sent),
        "{listed:?}"
    );
    assert_eq!(
        listed.len(),
        all.len(),
        "every queued message arrived, once"
    );
    let _ = store.wants_digest("nobody").await.unwrap();
    store.close().await.unwrap();
    drop(survivor);
    drop(leader);
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await
        .unwrap();
}

/// `frist serve`'s own scheduler: the production wiring, in-process, with the scheduler's clock
/// set to a working morning, sends a caseworker's digest through the outbox to the SMTP server
/// without anyone running a pass by hand.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn frist_serve_makes_the_scheduler_pass_by_itself() {
    let tmp = tempfile::tempdir().unwrap();
    let sink = Sink::start(&tmp.path().join("mail"));
    let url = format!("sqlite://{}", tmp.path().join("frist.db").display());
    let store = frist_store::open(&url).await.unwrap();
    store
        .put_caseworker(frist_store::Caseworker {
            id: "mette".into(),
            name: "Mette Hansen".into(),
            unit: None,
            email: Some("mette@roskilde.example".into()),
            phone: None,
            absent: None,
        })
        .await
        .unwrap();
    store.close().await.unwrap();
    let file: frist::config::ConfigFile = toml::from_str(&format!(
        "[smtp]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\n\
         from_address = \"post@roskilde.dk\"\n\n[outbox]\npoll_seconds = 1\n",
        sink.port
    ))
    .unwrap();
    // Tuesday 1 December 2026, 08:30 in Copenhagen, whenever the test runs.
    let morning: jiff::Timestamp = "2026-12-01T08:30:00+01:00".parse().unwrap();
    let app = frist::startup::Application::build(frist::startup::Settings {
        listen: "127.0.0.1:0".into(),
        public_url: Some("https://frist.roskilde.dk".into()),
        store: frist::config::StoreArgs {
            config: None,
            database_url: Some(url.clone()),
            policy: Some("roskilde".into()),
        },
        file,
        scheduler_clock: Some(std::sync::Arc::new(move || morning)),
    })
    .await
    .unwrap();
    let serving = super::serve(app);
    let started = Instant::now();
    while !received(&sink).iter().any(|(_, kind)| kind == "digest") {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no digest from frist serve's scheduler"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    serving.stop().await;
    let texts = super::received_texts(&sink);
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Dagens overblik 1. december 2026")),
        "{texts:?}"
    );
    let mail = received(&sink);
    assert_each_once(&mail);
}
