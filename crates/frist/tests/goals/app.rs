//! A running app per test: the real web router over a real SQLite store with a shipped policy,
//! a clock the test sets, API tokens, a signed-in caseworker for the staff pages (session
//! cookie and CSRF token, as a browser holds them), and `frist policy check` for the claims.

use frist_policy::Policy;
use frist_store::{AnyStore, Caseworker, PolicyVersion, Role, Store, Unit, User};
use frist_web::{AppState, new_token, paths, router};
use jiff::Timestamp;
use reqwest::StatusCode;
use serde_json::{Value, json};

pub use crate::browser::{Browser, csrf};
use std::sync::{Arc, Mutex};

pub struct App {
    pub(crate) base: String,
    pub store: Arc<AnyStore>,
    /// The policy registered at start, as mail intake files inquiries under it.
    pub version: PolicyVersion,
    client: reqwest::Client,
    caseworker: String,
    lead: String,
    clock: Arc<Mutex<Timestamp>>,
    _dir: tempfile::TempDir,
}

/// Mette's password hash, computed once: hashing is slow on purpose.
fn password_hash() -> String {
    static HASH: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HASH.get_or_init(|| frist_web::hash_password("korrekt hest batteri").unwrap())
        .clone()
}

pub fn policy_text(name: &str) -> String {
    std::fs::read_to_string(super::policies_dir().join(format!("{name}.toml"))).unwrap()
}

pub async fn spawn(policy: &str, now: &str) -> App {
    spawn_text(policy, &policy_text(policy), now).await
}

/// As [`spawn`], with the policy's text given (a shipped policy with something added).
pub async fn spawn_text(policy: &str, text: &str, now: &str) -> App {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("frist.db").display());
    let store = Arc::new(frist_store::open(&url).await.unwrap());
    let parsed = Arc::new(Policy::from_toml(policy, text).unwrap());
    let version = store.register_policy(policy, text, parsed).await.unwrap();
    let mut tokens = Vec::new();
    for (name, role) in [("case", Role::Caseworker), ("lead", Role::Lead)] {
        let (token, hash) = new_token();
        store.create_token(name, role, &hash).await.unwrap();
        tokens.push(token);
    }
    // Both can sign in: Jonas to see his own "Mine" while he covers for Mette.
    for username in ["mette", "jonas"] {
        let user = User {
            username: username.into(),
            role: Role::Caseworker,
            password_hash: password_hash(),
            created_at: "2026-01-01T00:00:00Z".parse().unwrap(),
        };
        store.create_user(&user).await.unwrap();
    }
    for (id, name, unit) in [
        ("mette", "Mette Hansen", "borgerservice"),
        ("jonas", "Jonas Berg", "borgerservice"),
    ] {
        store
            .put_caseworker(Caseworker {
                id: id.into(),
                name: name.into(),
                unit: Some(unit.into()),
                email: Some(format!("{id}@kommune.dk")),
                phone: Some("46 31 30 00".into()),
                absent: None,
            })
            .await
            .unwrap();
    }
    store
        .put_unit(Unit {
            id: "teknik".into(),
            name: "Teknik og Miljø".into(),
            email: None,
            phone: None,
        })
        .await
        .unwrap();
    let clock = Arc::new(Mutex::new(now.parse::<Timestamp>().unwrap()));
    let reading = Arc::clone(&clock);
    let state = AppState::new(Arc::clone(&store), version.clone())
        .with_clock(move || *reading.lock().unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let app = router(state);
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    let [caseworker, lead] = <[String; 2]>::try_from(tokens).unwrap();
    App {
        base,
        store,
        version,
        client: reqwest::Client::new(),
        caseworker,
        lead,
        clock,
        _dir: dir,
    }
}

impl App {
    pub fn set_now(&self, now: &str) {
        *self.clock.lock().unwrap() = now.parse().unwrap();
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// An API call as a caseworker: (status, body as JSON, or the text as a JSON string).
    pub async fn api(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(&self.caseworker);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// Registers an inquiry through the API; returns its id.
    pub async fn create(&self, body: Value) -> i64 {
        let (status, created) = self
            .api(reqwest::Method::POST, "/api/v1/inquiries", Some(body))
            .await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        created["id"].as_i64().unwrap()
    }

    /// Sends a message through the API (the integration's path); returns status and body.
    pub async fn send(&self, id: i64, message: Value) -> (StatusCode, Value) {
        self.api(
            reqwest::Method::POST,
            &format!("/api/v1/inquiries/{id}/messages"),
            Some(message),
        )
        .await
    }

    pub async fn event(&self, id: i64, event: Value) -> (StatusCode, Value) {
        self.api(
            reqwest::Method::POST,
            &format!("/api/v1/inquiries/{id}/events"),
            Some(event),
        )
        .await
    }

    pub async fn inquiry(&self, id: i64) -> Value {
        let (status, body) = self
            .api(
                reqwest::Method::GET,
                &format!("/api/v1/inquiries/{id}"),
                None,
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body
    }

    /// The state of the inquiry's `requires` obligation from `goal`.
    pub async fn obligation(&self, id: i64, goal: &str, requires: &str) -> Value {
        let body = self.inquiry(id).await;
        body["obligations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["goal"] == goal && o["requires"] == requires)
            .unwrap_or_else(|| panic!("no {goal} {requires} in {body}"))
            .clone()
    }

    /// The compliance report's row for `goal` over December 2026 … 2027: (total, met, breached).
    pub async fn compliance(&self, goal: &str) -> (u64, u64, u64) {
        let response = self
            .client
            .get(self.url("/api/v1/reports/compliance?from=2026-01-01&to=2027-12-31&group_by=goal"))
            .bearer_auth(&self.lead)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let report: Value = response.json().await.unwrap();
        let row = report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["group"] == goal)
            .unwrap_or_else(|| panic!("no row {goal} in {report}"))
            .clone();
        let n = |k: &str| row[k].as_u64().unwrap();
        (n("total"), n("met"), n("breached"))
    }

    /// A browser: no cookies yet.
    pub fn browser(&self) -> Browser<'_> {
        Browser {
            app: self,
            cookies: std::collections::BTreeMap::new(),
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
        }
    }

    /// Mette signed in on the staff pages.
    pub async fn mette(&self) -> Browser<'_> {
        self.signed_in("mette").await
    }

    /// Jonas, Mette's colleague, signed in on the staff pages.
    pub async fn jonas(&self) -> Browser<'_> {
        self.signed_in("jonas").await
    }

    async fn signed_in(&self, username: &str) -> Browser<'_> {
        let mut b = self.browser();
        let form = b.get(paths::LOGIN).await;
        let csrf = csrf(&form.1);
        let (status, _) = b
            .post(
                paths::LOGIN,
                &[
                    ("csrf", &csrf),
                    ("username", username),
                    ("password", "korrekt hest batteri"),
                    ("next", paths::QUEUE),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        b
    }
}

/// The only inquiry stored (after a page registered it).
pub async fn only_id(app: &App) -> i64 {
    let page = app
        .store
        .list_inquiries(&Default::default(), None, 10)
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    page.items[0].id
}

/// An e-mail of `kind` to `to`, received at `at`.
pub fn email(at: &str, to: &str, kind: &str) -> Value {
    json!({
        "channel": "email", "to": to, "kind": kind, "received_at": at,
        "subject": "Spørgsmål", "body": "Hvornår bliver mit affald hentet?",
        "sender": {"name": "Karen Jensen", "email": "karen@example.dk"}
    })
}

/// A letter or other inquiry on `channel` with no addressee restriction.
pub fn on(channel: &str, at: &str, kind: &str) -> Value {
    json!({
        "channel": channel, "to": "general", "kind": kind, "received_at": at,
        "subject": "Ansøgning", "body": "Jeg søger om tilskud.",
        "sender": {"name": "Karen Jensen", "email": "karen@example.dk", "phone": "12345678"}
    })
}

/// A complete acknowledgment promising an answer on `date`.
pub fn acknowledgment(date: &str) -> Value {
    json!({"kind": "acknowledgment", "channel": "email",
           "body": "Tak for din henvendelse. Mette Hansen behandler den.",
           "caseworker": "Mette Hansen", "contact": "Mette Hansen, 46 31 30 00",
           "next_step": "Vi læser din ansøgning.", "expected_answer_date": date})
}

/// A final answer with a contact person.
pub fn answer(channel: &str) -> Value {
    json!({"kind": "answer", "channel": channel, "body": "Svar: vi henter affaldet torsdag.",
           "caseworker": "Mette Hansen", "contact": "Mette Hansen, 46 31 30 00"})
}

/// Asserts that the message is refused by `rule` and nothing was sent.
pub async fn refused_by(app: &App, id: i64, message: Value, rule: &str) {
    let before = app.store.events(id).await.unwrap().len();
    let (status, body) = app.send(id, message).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains(rule), "{body}");
    assert_eq!(
        app.store.events(id).await.unwrap().len(),
        before,
        "nothing stored"
    );
}

/// `frist policy check <policy>` in Danish, and the lines it prints for goal `id`.
pub fn check_block(policy: &str, id: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_frist"))
        .args(["policy", "check", policy])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let head = format!("  {id}  ");
    let mut lines = text.lines().skip_while(|l| !l.starts_with(&head));
    let first = lines.next().unwrap_or_else(|| panic!("{id} not in {text}"));
    std::iter::once(first)
        .chain(lines.take_while(|l| l.starts_with("      ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Asserts `policy check` says, for goal `id`, that `name` (a rule or feature) is not supported
/// yet: the line after its description.
pub fn says_not_yet(policy: &str, id: &str, name: &str) {
    let block = check_block(policy, id);
    let mut lines = block
        .lines()
        .skip_while(|l| !l.contains(&format!(" {name}: ")));
    assert!(lines.next().is_some(), "{name} not named for {id}: {block}");
    assert_eq!(
        lines.next().map(str::trim),
        Some("Frist i dag: ikke understøttet endnu"),
        "{block}"
    );
}

/// Asserts `policy check` says, for goal `id`, what Frist does for `name`, containing `words`.
pub fn says_offered(policy: &str, id: &str, name: &str, words: &str) {
    let block = check_block(policy, id);
    let mut lines = block
        .lines()
        .skip_while(|l| !l.contains(&format!(" {name}: ")));
    assert!(lines.next().is_some(), "{name} not named for {id}: {block}");
    let today = lines.next().unwrap_or_default();
    assert!(
        today.contains("Frist i dag: ") && today.contains(words),
        "{block}"
    );
    assert!(!today.contains("ikke understøttet"), "{block}");
}
