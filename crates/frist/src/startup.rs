//! The production wiring of `frist serve`, as a function: [`Application::build`] opens the
//! store, binds the listener (port 0 is allowed) and starts everything that runs beside the web
//! service — the outbox's dispatcher, one mail fetcher per fetched mailbox, the absence
//! auto-replies and the hourly session sweep — so that tests start exactly what production
//! starts, in-process. [`Application::run_until`] serves until a signal and then stops each part
//! in the order that loses nothing.
//!
//! What this module must not do: print to the terminal or read flags (that is
//! `commands::serve`), or decide anything about inquiries.

use crate::commands::Failure;
use crate::config::{ConfigFile, StoreArgs};
use crate::outbox_config;
use frist_channels::outbox::{Dispatcher, PublicUrl};
use frist_store::{AnyStore, Store};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tokio::task::{JoinHandle, JoinSet};

/// What [`Application::build`] needs: where to listen, the database and policy, and the
/// configuration file's sections (outbox channels, mailboxes, Facebook).
#[derive(Debug)]
pub struct Settings {
    /// `HOST:PORT`; port 0 picks a free port (see [`Application::address`]).
    pub listen: String,
    /// `--public-url` / `FRIST_PUBLIC_URL`; else the file's `public_url`, else `http://` and
    /// the address bound (see [`crate::config::public_url`]).
    pub public_url: Option<String>,
    /// The database URL and the policy (the `config` path in it is not read again).
    pub store: StoreArgs,
    /// The configuration file's contents.
    pub file: ConfigFile,
}

/// Frist serving: the bound listener, the router, and the tasks beside it.
pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    router: axum::Router,
    municipality: String,
    /// Where the status links in messages point, and whether it was set (not derived).
    public_url: (PublicUrl, bool),
    store: Arc<AnyStore>,
    mail_fetchers: JoinSet<()>,
    stop_mail: watch::Sender<bool>,
    dispatcher: JoinHandle<()>,
    stop_dispatcher: watch::Sender<bool>,
    /// Periodic chores that hold nothing in flight; aborted at stop.
    chores: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for Application {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Application")
            .field("address", &self.address)
            .field("municipality", &self.municipality)
            .field("mail_fetchers", &self.mail_fetchers.len())
            .finish_non_exhaustive()
    }
}

impl Application {
    /// Opens the store (running migrations), binds `settings.listen` and starts the dispatcher,
    /// the mail fetchers, the auto-replies and the session sweep. Must run inside a Tokio
    /// runtime. Nothing is served until [`Application::run_until`].
    pub async fn build(settings: Settings) -> Result<Self, Failure> {
        let Settings {
            listen,
            public_url,
            store,
            file,
        } = settings;
        // Resolved before anything starts, so a bad secret file stops start-up cleanly.
        let facebook = match &file.facebook {
            Some(section) => Some(section.resolve()?),
            None => None,
        };
        let (store, policy) = store.open().await?;
        let deliveries = outbox_config::deliveries(&file, &policy.policy)?;
        let listener = TcpListener::bind(&listen)
            .await
            .map_err(|e| Failure::Input(format!("cannot listen on {listen}: {e}")))?;
        let address = listener.local_addr().map_err(Failure::Write)?;
        // Made from the address bound, so that port 0 gives links to the real port.
        let public_url =
            crate::config::public_url(public_url.as_deref(), &file, &address.to_string())?;

        let (stop_mail, mail_shutdown) = watch::channel(false);
        let mail_fetchers = frist_channels::mail::spawn_fetchers(
            Arc::clone(&store),
            &policy,
            &file.mailbox,
            &mail_shutdown,
        );
        let municipality = policy.policy.municipality.name.clone();
        let dispatcher = Dispatcher::new(
            Arc::clone(&store),
            deliveries,
            outbox_config::retry(&file),
            public_url.0.clone(),
        );
        let outbox = frist_web::OutboxWiring {
            delivering: dispatcher.channels(),
            domain: outbox_config::mail_domain(&file, &policy.policy),
            wake: Arc::new(Notify::new()),
        };
        let mut state = frist_web::AppState::new(Arc::clone(&store), policy)
            .with_public_url(public_url.0.clone());
        state.outbox = outbox.clone();
        if let Some(facebook) = facebook {
            tracing::info!("facebook messenger webhook at /webhooks/facebook");
            state = state.with_facebook(facebook);
        }
        let chores = vec![
            tokio::spawn(clean_up_sessions(Arc::clone(&store))),
            tokio::spawn(send_auto_replies(
                Arc::clone(&store),
                Arc::clone(&state.policy.policy),
                outbox.clone(),
            )),
            tokio::spawn(send_auto_acknowledgments(
                Arc::clone(&store),
                Arc::clone(&state.policy.policy),
                outbox.clone(),
            )),
        ];
        let (stop_dispatcher, stopped) = watch::channel(false);
        let dispatcher =
            tokio::spawn(
                dispatcher.run(outbox.wake, outbox_config::poll(&file), async move {
                    let mut stopped = stopped;
                    let _ = stopped.wait_for(|stop| *stop).await;
                }),
            );
        Ok(Self {
            listener,
            address,
            router: frist_web::router(state),
            municipality,
            public_url,
            store,
            mail_fetchers,
            stop_mail,
            dispatcher,
            stop_dispatcher,
            chores,
        })
    }

    /// The address actually bound (the real port when `listen` asked for port 0).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// The municipality of the policy in force.
    pub fn municipality(&self) -> &str {
        &self.municipality
    }

    /// Where the status links in messages point, and whether it was set (`false`: made from
    /// the address bound, which citizens elsewhere may not reach).
    pub fn public_url(&self) -> (&PublicUrl, bool) {
        (&self.public_url.0, self.public_url.1)
    }

    /// How many mailboxes are being fetched.
    pub fn mail_fetchers(&self) -> usize {
        self.mail_fetchers.len()
    }

    /// Serves until `shutdown` resolves, lets requests in flight finish, then stops the
    /// dispatcher (after the message in hand), the mail fetchers (a fetcher stopped mid-way
    /// loses nothing: what was not marked is fetched next time) and the chores, and closes the
    /// store.
    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> Result<(), Failure> {
        let Self {
            listener,
            router,
            store,
            mut mail_fetchers,
            stop_mail,
            dispatcher,
            stop_dispatcher,
            chores,
            ..
        } = self;
        let served = axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|e| Failure::Input(format!("server error: {e}")));
        let _ = stop_dispatcher.send(true);
        let _ = dispatcher.await;
        let _ = stop_mail.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(10), async {
            while mail_fetchers.join_next().await.is_some() {}
        })
        .await;
        for chore in chores {
            chore.abort();
        }
        let closed = store
            .close()
            .await
            .map_err(|e| Failure::Input(format!("storage: {e}")));
        served.and(closed)
    }
}

/// Removes ended staff sessions once an hour (and at start), so the table holds only live ones.
async fn clean_up_sessions(store: Arc<AnyStore>) {
    let mut every = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every.tick().await;
        match store.delete_expired_sessions(jiff::Timestamp::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "ended sessions removed"),
            Err(e) => tracing::warn!(error = %e, "ended sessions could not be removed"),
        }
    }
}

/// Acknowledges new inquiries where the policy wants it (`auto_acknowledgment`, e.g. STE-2),
/// every few seconds, and wakes the outbox.
async fn send_auto_acknowledgments(
    store: Arc<AnyStore>,
    policy: Arc<frist_policy::Policy>,
    outbox: frist_web::OutboxWiring,
) {
    use frist_channels::outbox::auto_ack::AutoAcknowledger;
    if !policy.goals.iter().any(|g| g.auto_acknowledgment) {
        return;
    }
    let mut every = tokio::time::interval(Duration::from_secs(5));
    let mut acknowledger = loop {
        every.tick().await;
        match AutoAcknowledger::start(&*store).await {
            Ok(acknowledger) => break acknowledger,
            Err(e) => tracing::warn!(error = %e, "automatic acknowledgments could not start"),
        }
    };
    loop {
        every.tick().await;
        let now = jiff::Timestamp::now();
        match acknowledger
            .run_once(&*store, &policy, &outbox.domain, now)
            .await
        {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!(acknowledgments = n, "automatic acknowledgments queued");
                outbox.wake.notify_one();
            }
            Err(e) => tracing::warn!(error = %e, "automatic acknowledgments could not be queued"),
        }
    }
}

/// Queues the absence auto-replies intake finds due, every few seconds, and wakes the outbox.
async fn send_auto_replies(
    store: Arc<AnyStore>,
    policy: Arc<frist_policy::Policy>,
    outbox: frist_web::OutboxWiring,
) {
    let mut every = tokio::time::interval(Duration::from_secs(5));
    loop {
        every.tick().await;
        let now = jiff::Timestamp::now();
        match frist_channels::mail::queue_auto_replies(&*store, &policy, &outbox.domain, now, 100)
            .await
        {
            Ok(0) => {}
            Ok(n) => {
                tracing::info!(replies = n, "absence auto-replies queued");
                outbox.wake.notify_one();
            }
            Err(e) => tracing::warn!(error = %e, "absence auto-replies could not be queued"),
        }
    }
}
