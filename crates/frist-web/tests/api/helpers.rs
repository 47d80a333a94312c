//! A running app per test: its own SQLite file, a real policy, a clock the test sets, tokens
//! for each role, and a reqwest client against 127.0.0.1:<port 0>.

use frist_channels::outbox::{
    Delivery, Dispatcher, JsonRender, OutboxDirectory, PublicUrl, RetryPolicy, RunSummary,
};
use frist_core::{Event, Inquiry};
use frist_policy::{Channel, Policy};
use frist_store::{AnyStore, InquiryId, PolicyVersion, Role, Store};
use frist_web::{AppState, new_token, router, router_with_body_limit};
use jiff::Timestamp;
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

pub fn policy_text(name: &str) -> &'static str {
    match name {
        "roskilde" => include_str!("../../../../policies/roskilde.toml"),
        "hoeje-taastrup" => include_str!("../../../../policies/hoeje-taastrup.toml"),
        "stevns" => include_str!("../../../../policies/stevns.toml"),
        "skanderborg" => include_str!("../../../../policies/skanderborg.toml"),
        // Roskilde with a case type of its own (actions: classification tests).
        "roskilde-sagstyper" => concat!(
            include_str!("../../../../policies/roskilde.toml"),
            "\n[[case_type]]\nid = \"byggetilladelse\"\nname = \"Byggetilladelse\"\n",
            "source = \"TST-BYG\"\nwithin = \"40 working days\"\nappealable = true\n",
            "complaint_to = \"Planklagenævnet\"\n",
            "complaint_guidance = \"Klag via Klageportalen på borger.dk.\"\n",
            "complaint_deadline = \"4 uger fra du har modtaget afgørelsen\"\n"
        ),
        // The same, with a target share for ROS-1 and for the case type (reports: targets).
        "roskilde-maal" => {
            static TEXT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
                format!("{}target = \"90 %\"\n", policy_text("roskilde-sagstyper")).replacen(
                    "source = \"ROS-1\"",
                    "source = \"ROS-1\"\ntarget = \"95 %\"",
                    1,
                )
            });
            &TEXT
        }
        other => panic!("no test policy {other}"),
    }
}

/// The instant the app's clock starts at: a Wednesday afternoon before Christmas.
pub const START: &str = "2026-12-23T16:00:00+01:00";

pub struct TestApp {
    pub address: String,
    /// The app's address as its status links start with it.
    pub public_url: PublicUrl,
    pub store: Arc<AnyStore>,
    pub policy: PolicyVersion,
    pub client: reqwest::Client,
    /// Tokens by role; their names are "case", "lead" and "admin".
    pub caseworker: String,
    pub lead: String,
    pub admin: String,
    clock: Arc<Mutex<Timestamp>>,
    _dir: tempfile::TempDir,
    /// Where [`TestApp::deliver`] puts what it delivers, one directory per channel.
    pub delivered: std::path::PathBuf,
}

pub async fn spawn_app(policy: &str) -> TestApp {
    spawn(policy, None, Vec::new(), None).await
}

pub async fn spawn_app_with(policy_name: &str, body_limit: Option<usize>) -> TestApp {
    spawn(policy_name, body_limit, Vec::new(), None).await
}

/// An app whose staff sign in through the identity provider `oidc` describes.
pub async fn spawn_app_with_oidc(policy: &str, oidc: frist_web::OidcSettings) -> TestApp {
    spawn(policy, None, Vec::new(), Some(oidc)).await
}

/// An app whose outbox says e-mail, Digital Post and letters have a delivery (as
/// [`TestApp::deliver`] gives them), so pages may say a message is on its way.
pub async fn spawn_app_delivering(policy: &str) -> TestApp {
    let channels = vec![Channel::Email, Channel::DigitalPost, Channel::Letter];
    spawn(policy, None, channels, None).await
}

async fn spawn(
    policy_name: &str,
    body_limit: Option<usize>,
    delivering: Vec<Channel>,
    oidc: Option<frist_web::OidcSettings>,
) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("frist.db").display());
    let store = Arc::new(frist_store::open(&url).await.unwrap());
    let text = policy_text(policy_name);
    let parsed = Arc::new(Policy::from_toml(policy_name, text).unwrap());
    let policy = store
        .register_policy(policy_name, text, parsed)
        .await
        .unwrap();
    let mut tokens = Vec::new();
    for (name, role) in [
        ("case", Role::Caseworker),
        ("lead", Role::Lead),
        ("admin", Role::Admin),
    ] {
        let (token, hash) = new_token();
        store.create_token(name, role, &hash).await.unwrap();
        tokens.push(token);
    }
    let clock = Arc::new(Mutex::new(START.parse::<Timestamp>().unwrap()));
    let reading = Arc::clone(&clock);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let public_url = PublicUrl::parse(&address).unwrap();
    let mut state = AppState::new(Arc::clone(&store), policy.clone())
        .with_clock(move || *reading.lock().unwrap())
        .with_public_url(public_url.clone());
    state.outbox.delivering = delivering;
    if let Some(oidc) = oidc {
        state = state.with_oidc(oidc).unwrap();
    }
    let app = match body_limit {
        Some(limit) => router_with_body_limit(state, limit),
        None => router(state),
    };
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    let [caseworker, lead, admin] = <[String; 3]>::try_from(tokens).unwrap();
    TestApp {
        address,
        public_url,
        store,
        policy,
        client: reqwest::Client::new(),
        caseworker,
        lead,
        admin,
        clock,
        delivered: dir.path().join("delivered"),
        _dir: dir,
    }
}

/// What is stored about one inquiry: its events and projection, to prove a rejected request
/// changed nothing.
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    pub events: Vec<Event>,
    pub inquiry: Inquiry,
}

impl TestApp {
    /// Runs the outbox once, as `frist outbox run --once` would, with the app's clock: e-mail,
    /// Digital Post and letters are delivered into directories under `delivered` (a real
    /// delivery: the files are written, then the rows are marked sent and `message_sent`
    /// recorded).
    pub async fn deliver(&self) -> RunSummary {
        let deliveries: Vec<Arc<dyn Delivery>> =
            [Channel::Email, Channel::DigitalPost, Channel::Letter]
                .into_iter()
                .map(|channel| {
                    let dir = self.delivered.join(channel.as_str());
                    std::fs::create_dir_all(&dir).unwrap();
                    Arc::new(OutboxDirectory::new(channel, dir, Arc::new(JsonRender)))
                        as Arc<dyn Delivery>
                })
                .collect();
        let clock = Arc::clone(&self.clock);
        Dispatcher::new(
            Arc::clone(&self.store),
            deliveries,
            RetryPolicy::default(),
            self.public_url.clone(),
        )
        .with_clock(move || *clock.lock().unwrap())
        .run_once()
        .await
        .unwrap()
    }

    /// The files delivered on `channel` so far.
    pub fn delivered_files(&self, channel: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.delivered.join(channel))
            .map(|dir| {
                dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    pub fn set_now(&self, now: &str) {
        *self.clock.lock().unwrap() = now.parse().unwrap();
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// A request as the caseworker.
    pub fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.client
            .request(method, self.url(path))
            .bearer_auth(&self.caseworker)
    }

    pub async fn get(&self, path: &str) -> Response {
        self.request(Method::GET, path).send().await.unwrap()
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.request(Method::POST, path)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    /// Registers an inquiry and returns its JSON (asserting 201).
    pub async fn create(&self, body: &Value) -> Value {
        let response = self.post("/api/v1/inquiries", body).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.unwrap()
    }

    pub async fn snapshot(&self, id: InquiryId) -> Snapshot {
        Snapshot {
            events: self.store.events(id).await.unwrap(),
            inquiry: self.store.get_inquiry(id).await.unwrap().inquiry,
        }
    }

    /// How many inquiries are stored (through the store, not the API).
    pub async fn count(&self) -> usize {
        let page = self
            .store
            .list_inquiries(&Default::default(), None, 1000)
            .await
            .unwrap();
        page.items.len()
    }
}

/// An e-mail with a general question to the general address, received at `at`.
pub fn email(at: &str) -> Value {
    json!({
        "channel": "email",
        "to": "general",
        "kind": "general_question",
        "received_at": at,
        "subject": "Spørgsmål om affald",
        "body": "Hvornår bliver mit affald hentet?",
        "sender": {"name": "Karen Jensen", "email": "karen@example.dk"}
    })
}

/// Asserts a problem document with `status`, and returns it.
pub async fn problem(response: Response, status: StatusCode) -> Value {
    assert_eq!(response.status(), status);
    let content_type = response
        .headers()
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(content_type, "application/problem+json");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], status.as_u16());
    assert!(
        body["type"]
            .as_str()
            .unwrap()
            .starts_with("urn:frist:problem:")
    );
    assert!(body["title"].is_string());
    assert!(body["detail"].is_string());
    body
}

pub fn id_of(inquiry: &Value) -> i64 {
    inquiry["id"].as_i64().unwrap()
}
