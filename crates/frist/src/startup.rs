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
use crate::scheduler::Scheduler;
use frist_channels::outbox::{Delivery, Dispatcher, PublicUrl, RetryPolicy};
use frist_store::{AnyStore, PolicyVersion, Store};
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{Notify, watch};
use tokio::task::{JoinHandle, JoinSet};

/// "Now", as the scheduler asks for it.
pub type SchedulerClock = Arc<dyn Fn() -> jiff::Timestamp + Send + Sync>;

/// What [`Application::build`] needs: where to listen, the database and policy, and the
/// configuration file's sections (outbox channels, mailboxes, Facebook, the identity provider).
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
    /// "Now" for the scheduler's passes; `None` is the system clock. A test sets it to a
    /// working morning to see `frist serve` send a digest whatever the hour it runs at.
    pub scheduler_clock: Option<SchedulerClock>,
}

impl std::fmt::Debug for Settings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Settings")
            .field("listen", &self.listen)
            .field("public_url", &self.public_url)
            .field("store", &self.store)
            .field("file", &self.file)
            .field("scheduler_clock", &self.scheduler_clock.is_some())
            .finish()
    }
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
    /// How many mailboxes are fetched (by whichever node holds the background lease).
    mail_fetchers: usize,
    /// Takes the background lease and runs the background work while it holds it.
    background: JoinHandle<()>,
    stop_background: watch::Sender<bool>,
    /// Periodic chores that hold nothing in flight and may run on every node; aborted at stop.
    chores: Vec<JoinHandle<()>>,
}

impl std::fmt::Debug for Application {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Application")
            .field("address", &self.address)
            .field("municipality", &self.municipality)
            .field("mail_fetchers", &self.mail_fetchers)
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
            scheduler_clock,
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

        let mail_fetchers = file.mailbox.iter().filter(|m| m.fetched()).count();
        let municipality = policy.policy.municipality.name.clone();
        let channels: Vec<_> = deliveries.iter().map(|d| d.channel()).collect();
        let outbox = frist_web::OutboxWiring {
            delivering: channels,
            domain: outbox_config::mail_domain(&file, &policy.policy),
            wake: Arc::new(Notify::new()),
        };
        let mut state = frist_web::AppState::new(Arc::clone(&store), policy.clone())
            .with_public_url(public_url.0.clone());
        state.outbox = outbox.clone();
        if let Some(facebook) = facebook {
            tracing::info!("facebook messenger webhook at /webhooks/facebook");
            state = state.with_facebook(facebook);
        }
        if let Some(section) = &file.oidc {
            let settings = section.resolve(public_url.0.as_str())?;
            tracing::info!(
                issuer = %settings.issuer,
                local_passwords = settings.local_passwords,
                "staff sign in through the identity provider"
            );
            state = state
                .with_oidc(settings)
                .map_err(|e| Failure::Input(e.to_string()))?;
        }
        let domain = outbox.domain.clone();
        let work = BackgroundWork {
            scheduler: file.runs_scheduler().then(|| {
                Scheduler::new(
                    Arc::clone(&store),
                    Arc::clone(&policy.policy),
                    public_url.0.as_str(),
                    &domain,
                )
            }),
            store: Arc::clone(&store),
            policy,
            mailboxes: file.mailbox.clone(),
            deliveries,
            retry: outbox_config::retry(&file),
            poll: outbox_config::poll(&file),
            public_url: public_url.0.clone(),
            outbox: outbox.clone(),
            clock: scheduler_clock.unwrap_or_else(|| Arc::new(jiff::Timestamp::now)),
        };
        let (stop_background, stopped) = watch::channel(false);
        let background = tokio::spawn(work.lead(stopped));
        let chores = vec![tokio::spawn(clean_up_sessions(Arc::clone(&store)))];
        Ok(Self {
            listener,
            address,
            router: frist_web::router(state),
            municipality,
            public_url,
            store,
            mail_fetchers,
            background,
            stop_background,
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
        self.mail_fetchers
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
            background,
            stop_background,
            chores,
            ..
        } = self;
        let served = axum::serve(listener, router)
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(|e| Failure::Input(format!("server error: {e}")));
        let _ = stop_background.send(true);
        let _ = background.await;
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

/// The lease that names the work only one node may do at a time.
const BACKGROUND_LEASE: &str = "frist-background";
/// How often a node without the lease asks for it, and the holder checks it still has it.
const LEASE_EVERY: Duration = Duration::from_secs(2);
/// How often the scheduler makes a pass.
const SCHEDULER_EVERY: Duration = Duration::from_secs(60);

/// The work one node at a time does for a database: the outbox's dispatcher, the mail
/// fetchers, the automatic acknowledgments and absence replies, and the scheduler. Two nodes
/// doing it at once would send twice (a second dispatcher would also take the first one's
/// messages in flight for interrupted ones).
#[derive(Clone)]
struct BackgroundWork {
    store: Arc<AnyStore>,
    policy: PolicyVersion,
    mailboxes: Vec<frist_channels::mail::Mailbox>,
    deliveries: Vec<Arc<dyn Delivery>>,
    retry: RetryPolicy,
    poll: Duration,
    public_url: PublicUrl,
    outbox: frist_web::OutboxWiring,
    /// `None` when `[scheduler] enabled = false`.
    scheduler: Option<Scheduler>,
    /// "Now" for the scheduler.
    clock: SchedulerClock,
}

/// The background work while it runs.
struct Running {
    dispatcher: JoinHandle<()>,
    stop_dispatcher: watch::Sender<bool>,
    mail: JoinSet<()>,
    stop_mail: watch::Sender<bool>,
    chores: Vec<JoinHandle<()>>,
}

impl BackgroundWork {
    fn start(&self) -> Running {
        let (stop_mail, mail_shutdown) = watch::channel(false);
        let mail = frist_channels::mail::spawn_fetchers(
            Arc::clone(&self.store),
            &self.policy,
            &self.mailboxes,
            &mail_shutdown,
        );
        let dispatcher = Dispatcher::new(
            Arc::clone(&self.store),
            self.deliveries.clone(),
            self.retry,
            self.public_url.clone(),
        );
        let (stop_dispatcher, stopped) = watch::channel(false);
        let dispatcher =
            tokio::spawn(
                dispatcher.run(Arc::clone(&self.outbox.wake), self.poll, async move {
                    let mut stopped = stopped;
                    let _ = stopped.wait_for(|stop| *stop).await;
                }),
            );
        let policy = Arc::clone(&self.policy.policy);
        let mut chores = vec![
            tokio::spawn(send_auto_replies(
                Arc::clone(&self.store),
                Arc::clone(&policy),
                self.outbox.clone(),
            )),
            tokio::spawn(send_auto_acknowledgments(
                Arc::clone(&self.store),
                policy,
                self.outbox.clone(),
            )),
        ];
        if let Some(scheduler) = &self.scheduler {
            chores.push(tokio::spawn(run_scheduler(
                scheduler.clone(),
                Arc::clone(&self.clock),
                Arc::clone(&self.outbox.wake),
            )));
        }
        Running {
            dispatcher,
            stop_dispatcher,
            mail,
            stop_mail,
            chores,
        }
    }

    /// Takes the lease when it is free, runs the work while the lease holds, and starts over
    /// when it is lost (on PostgreSQL: the lease's connection ended), until `stop`.
    async fn lead(self, mut stop: watch::Receiver<bool>) {
        loop {
            let mut lease = loop {
                match self.store.try_lease(BACKGROUND_LEASE).await {
                    Ok(Some(lease)) => break lease,
                    Ok(None) => tracing::debug!("another node does the background work"),
                    Err(e) => {
                        tracing::warn!(error = %e, "the background lease could not be asked for")
                    }
                }
                tokio::select! {
                    () = tokio::time::sleep(LEASE_EVERY) => {}
                    () = stopped(&mut stop) => return,
                }
            };
            tracing::info!("this node delivers the outbox, fetches mail and runs the scheduler");
            let running = self.start();
            let lost = loop {
                tokio::select! {
                    () = tokio::time::sleep(LEASE_EVERY) => {
                        if let Err(e) = lease.check().await {
                            tracing::warn!(error = %e, "the background lease was lost; stopping the background work");
                            break true;
                        }
                    }
                    () = stopped(&mut stop) => break false,
                }
            };
            running.stop().await;
            lease.release().await;
            if !lost {
                return;
            }
        }
    }
}

impl Running {
    /// The dispatcher after the message in hand, the mail fetchers (a fetcher stopped mid-way
    /// loses nothing: what was not marked is fetched next time), then the chores.
    async fn stop(self) {
        let Self {
            dispatcher,
            stop_dispatcher,
            mut mail,
            stop_mail,
            chores,
        } = self;
        let _ = stop_dispatcher.send(true);
        let _ = dispatcher.await;
        let _ = stop_mail.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(10), async {
            while mail.join_next().await.is_some() {}
        })
        .await;
        for chore in chores {
            chore.abort();
        }
    }
}

/// Resolves once `stop` says so (or its sender is gone).
async fn stopped(stop: &mut watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// A scheduler pass every minute; wakes the outbox when it queued something.
async fn run_scheduler(scheduler: Scheduler, clock: SchedulerClock, wake: Arc<Notify>) {
    let mut every = tokio::time::interval(SCHEDULER_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    loop {
        every.tick().await;
        match scheduler.run_once(clock()).await {
            Ok(pass) if pass.queued() > 0 => {
                tracing::info!(
                    warnings = pass.warnings,
                    escalations = pass.escalations,
                    digests = pass.digests,
                    monthly_reports = pass.monthly_reports,
                    "notices to staff queued"
                );
                wake.notify_one();
            }
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "the scheduler's pass failed; trying again later"),
        }
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
