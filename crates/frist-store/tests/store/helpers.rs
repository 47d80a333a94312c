//! Fresh databases per test, the policies and inquiries tests are built from, and the
//! `conformance!` macro that runs one test function on every backend.

use frist_core::{CloseReason, Event, EventKind, MessageKind, NewInquiry, OutgoingMessage};
use frist_policy::{Addressee, Channel, InquiryKind, Policy};
use frist_store::{AnyStore, PolicyVersion, Store};
use jiff::Timestamp;
use sqlx::Connection;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

pub const ROSKILDE: &str = include_str!("../../../../policies/roskilde.toml");
pub const STEVNS: &str = include_str!("../../../../policies/stevns.toml");

/// A small policy with what the real ones lack: pausable deadlines and a case type.
pub const TEST_POLICY: &str = r#"
version = 1

[municipality]
name = "Testrup Kommune"
reference_prefix = "TST"

[[goal]]
source = "TST-1"
promise = "Vi kvitterer inden for 2 arbejdsdage."

  [[goal.deadline]]
  requires = "acknowledgment"
  within = "2 working days"
  channels = ["email", "letter", "web_form"]

[[goal]]
source = "TST-2"
promise = "Vi svarer inden for 10 arbejdsdage; fristen står stille, mens vi venter på dig."

  [[goal.deadline]]
  requires = "answer"
  within = "10 working days"
  channels = ["email", "letter", "web_form"]
  pausable = true

[[case_type]]
id = "byggetilladelse"
name = "Byggetilladelse"
source = "TST-3"
within = "40 working days"
pausable = true
"#;

pub const ENV: &str = "FRIST_TEST_DATABASE_URL";

/// A store on a database of its own, removed when this is dropped.
pub struct TestDb {
    pub store: AnyStore,
    /// The URL the store was opened with, to open it again.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    _postgres: Option<DropDatabase>,
}

impl TestDb {
    pub async fn sqlite() -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let url = format!("sqlite://{}", dir.path().join("frist.db").display());
        let store = frist_store::open(&url)
            .await
            .expect("open a new SQLite database");
        Self {
            store,
            url,
            _dir: Some(dir),
            _postgres: None,
        }
    }

    /// `None` when `FRIST_TEST_DATABASE_URL` is not set; panics when it is set but the server
    /// cannot be reached, so that CI never passes without having run the tests.
    pub async fn postgres() -> Option<Self> {
        let Ok(admin) = std::env::var(ENV) else {
            eprintln!("skipped: {ENV} not set");
            return None;
        };
        let name = fresh_name();
        let mut conn = sqlx::PgConnection::connect(&admin)
            .await
            .unwrap_or_else(|e| panic!("{ENV} is set, but PostgreSQL cannot be reached: {e}"));
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .unwrap_or_else(|e| panic!("cannot create test database {name}: {e}"));
        let _ = conn.close().await;
        let guard = DropDatabase {
            admin: admin.clone(),
            name: name.clone(),
        };
        let url = with_database(&admin, &name);
        let store = frist_store::open(&url)
            .await
            .expect("open the new PostgreSQL database");
        Some(Self {
            store,
            url,
            _dir: None,
            _postgres: Some(guard),
        })
    }

    pub async fn finish(self) {
        self.store.close().await.expect("close the store");
    }
}

fn fresh_name() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = Timestamp::now().subsec_nanosecond();
    format!(
        "frist_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        nanos.unsigned_abs()
    )
}

/// `admin` with its database name replaced by `name` (query parameters kept).
fn with_database(admin: &str, name: &str) -> String {
    let (base, query) = admin
        .split_once('?')
        .map_or((admin, None), |(b, q)| (b, Some(q)));
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let path_start = base[authority_start..]
        .find('/')
        .map_or(base.len(), |i| authority_start + i);
    let mut url = format!("{}/{name}", &base[..path_start]);
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

/// Drops the test database, also when the test panicked.
struct DropDatabase {
    admin: String,
    name: String,
}

impl Drop for DropDatabase {
    fn drop(&mut self) {
        let (admin, name) = (self.admin.clone(), self.name.clone());
        // Drop runs inside the test's runtime, which cannot block on async work: use a thread.
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            rt.block_on(async {
                let mut conn = sqlx::PgConnection::connect(&admin).await?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await?;
                conn.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop test database {}", self.name);
        }
    }
}

/// Makes `…::sqlite` and `…::postgres` test cases of each listed `async fn(&AnyStore)`.
macro_rules! conformance {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    let db = crate::helpers::TestDb::sqlite().await;
                    super::$name(&db).await;
                    db.finish().await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    let Some(db) = crate::helpers::TestDb::postgres().await else { return };
                    super::$name(&db).await;
                    db.finish().await;
                }
            }
        )+
    };
}

pub async fn register(store: &AnyStore, name: &str, text: &str) -> PolicyVersion {
    let policy = Policy::from_toml(name, text).expect("a valid policy");
    store
        .register_policy(name, text, Arc::new(policy))
        .await
        .expect("register the policy")
}

pub fn at(s: &str) -> Timestamp {
    s.parse().expect("an RFC 3339 instant")
}

/// An e-mail with a general question to the general mailbox.
pub fn email(received_at: &str, external_id: Option<&str>) -> NewInquiry {
    NewInquiry {
        channel: Channel::Email,
        to: Addressee::General,
        unit: None,
        caseworker: None,
        kind: InquiryKind::GeneralQuestion,
        case_type: None,
        received_at: at(received_at),
        sender: Default::default(),
        language: None,
        subject: "Spørgsmål om affald".into(),
        body: "Hvornår bliver mit affald hentet?".into(),
        attachments: Vec::new(),
        external_id: external_id.map(str::to_owned),
    }
}

pub fn inquiry(channel: Channel, unit: Option<&str>, received_at: &str) -> NewInquiry {
    NewInquiry {
        channel,
        unit: unit.map(str::to_owned),
        ..email(received_at, None)
    }
}

pub fn event(at_: &str, kind: EventKind) -> Event {
    Event {
        at: at(at_),
        actor: Some("mette.hansen".into()),
        kind,
    }
}

pub fn message(kind: MessageKind) -> OutgoingMessage {
    OutgoingMessage {
        kind,
        channel: Channel::Email,
        body: "Tak for din henvendelse.".into(),
        caseworker: Some("Mette Hansen".into()),
        contact: None,
        next_step: None,
        expected_answer_date: None,
        appealable: false,
        complaint_guidance: None,
    }
}

pub fn answer(at_: &str) -> Event {
    event(
        at_,
        EventKind::MessageSent {
            outbox_id: None,
            message: message(MessageKind::Answer),
        },
    )
}

pub fn close(at_: &str, reason: CloseReason) -> Event {
    event(at_, EventKind::Closed { reason })
}

/// Runs SQL on the test's database directly, around the store (to check what the schema itself
/// refuses).
pub async fn execute_directly(db: &TestDb, sql: &str) -> Result<u64, sqlx::Error> {
    if db.url.starts_with("sqlite:") {
        let mut conn = sqlx::SqliteConnection::connect(&db.url).await?;
        Ok(sqlx::query(sql).execute(&mut conn).await?.rows_affected())
    } else {
        let mut conn = sqlx::PgConnection::connect(&db.url).await?;
        Ok(sqlx::query(sql).execute(&mut conn).await?.rows_affected())
    }
}
