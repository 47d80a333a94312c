//! Fetching mailboxes over IMAP: one task per mailbox, all concurrently; IDLE where the server
//! offers it, polling otherwise; reconnecting with back-off.
//!
//! The order is what makes it safe: fetch by UID without marking (`BODY.PEEK[]`), store and
//! commit (the raw bytes with the inquiry, in one transaction), and only then mark the messages
//! `\Seen` or move them. A fetcher stopped anywhere — even between the commit and the mark — loses
//! nothing (unmarked mail is fetched again) and duplicates nothing (the store knows the bytes and
//! the Message-ID, and answers "duplicate"; the message is then marked).
//!
//! IMAP is driven by `async-imap` (maintained by the Delta Chat developers, on tokio) over
//! `tokio-rustls` with the operating system's certificate verifier.

use super::config::{After, Mailbox};
use super::intake::{Arrival, Intake, WhenReceived};
use super::route::Directory;
use async_imap::Session;
use frist_store::{MailCounts, MailStore, PolicyVersion, Store, StoreError};
use futures_util::TryStreamExt;
use jiff::Timestamp;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::watch;

/// Messages fetched and committed at a time: a small transaction, a bounded amount in memory.
const FETCH_CHUNK: usize = 25;
/// How long connecting and logging in may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest wait between reconnection attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(300);

/// A byte stream IMAP can run over: plain TCP (loopback only) or TLS.
pub trait Io: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + fmt::Debug> Io for T {}

type ImapSession = Session<Box<dyn Io>>;

/// Why fetching a mailbox failed. Nothing fetched is lost: unmarked mail is fetched again.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("mailbox {0} has no IMAP server (`host`)")]
    NotFetched(String),
    #[error("cannot connect to {host}:{port}: {source}")]
    Connect {
        host: String,
        port: u16,
        source: std::io::Error,
    },
    #[error("TLS with {host}: {why}")]
    Tls { host: String, why: String },
    #[error("cannot read the password of {mailbox}: {source}")]
    Password {
        mailbox: String,
        source: std::io::Error,
    },
    #[error("{mailbox}: the server refused the login: {why}")]
    Login { mailbox: String, why: String },
    #[error("{mailbox}: IMAP: {source}")]
    Imap {
        mailbox: String,
        source: async_imap::error::Error,
    },
    #[error("{mailbox}: {what} timed out")]
    Timeout { mailbox: String, what: &'static str },
    #[error("{mailbox}: storing mail: {source}")]
    Store { mailbox: String, source: StoreError },
}

/// Fetches one mailbox into a store.
pub struct Fetcher<S> {
    store: Arc<S>,
    policy: PolicyVersion,
    mailbox: Mailbox,
    /// Every configured mailbox, for routing and for knowing our own addresses.
    mailboxes: Arc<Vec<Mailbox>>,
    /// In `keep` mode, the highest UID handled on this connection (and its UIDVALIDITY).
    kept: Option<(u32, u32)>,
}

impl<S> fmt::Debug for Fetcher<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Fetcher")
            .field("mailbox", &self.mailbox)
            .finish_non_exhaustive()
    }
}

impl<S: Store + MailStore + 'static> Fetcher<S> {
    pub fn new(
        store: Arc<S>,
        policy: PolicyVersion,
        mailbox: Mailbox,
        mailboxes: Arc<Vec<Mailbox>>,
    ) -> Self {
        Self {
            store,
            policy,
            mailbox,
            mailboxes,
            kept: None,
        }
    }

    /// Connects, fetches everything waiting, marks it, and logs out.
    pub async fn fetch_once(&mut self) -> Result<MailCounts, FetchError> {
        let mut session = self.connect().await?;
        let summary = self.fetch_pending(&mut session).await;
        let _ = session.logout().await;
        summary
    }

    /// Fetches until `shutdown` turns true: everything waiting, then whatever arrives (IDLE, or
    /// a look every `poll_seconds`). Connection failures are logged and retried with back-off
    /// (1 s doubling to 5 minutes); they never end the task.
    pub async fn run(mut self, mut shutdown: watch::Receiver<bool>) {
        let mut backoff = Duration::from_secs(1);
        loop {
            if *shutdown.borrow() {
                return;
            }
            match self.session(&mut shutdown, &mut backoff).await {
                Ok(()) => return,
                Err(e) => {
                    tracing::warn!(mailbox = %self.mailbox.address, error = %e, retry_in = ?backoff, "mail fetch failed");
                }
            }
            tokio::select! {
                () = tokio::time::sleep(backoff) => {}
                _ = shutdown.changed() => return,
            }
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
    }

    /// One connection: fetch, wait, fetch… until shutdown (`Ok`) or a failure (`Err`).
    async fn session(
        &mut self,
        shutdown: &mut watch::Receiver<bool>,
        backoff: &mut Duration,
    ) -> Result<(), FetchError> {
        let mut session = self.connect().await?;
        *backoff = Duration::from_secs(1);
        let idle = self.mailbox.idle
            && session
                .capabilities()
                .await
                .map_err(|e| self.imap(e))?
                .has_str("IDLE");
        let wait = Duration::from_secs(self.mailbox.poll_seconds.max(1));
        tracing::info!(mailbox = %self.mailbox.address, idle, "fetching mail");
        loop {
            let summary = self.fetch_pending(&mut session).await?;
            if summary.read > 0 {
                tracing::info!(
                    mailbox = %self.mailbox.address,
                    fetched = summary.read,
                    imported = summary.imported,
                    duplicates = summary.duplicates,
                    flagged = summary.flagged,
                    "mail fetched"
                );
            }
            if idle {
                let mut handle = session.idle();
                handle.init().await.map_err(|e| self.imap(e))?;
                let stopped = {
                    let (idling, _stop) = handle.wait_with_timeout(wait);
                    tokio::select! {
                        r = idling => { r.map_err(|e| self.imap(e))?; false }
                        _ = shutdown.changed() => true,
                    }
                };
                if stopped {
                    return Ok(());
                }
                session = handle.done().await.map_err(|e| self.imap(e))?;
            } else {
                tokio::select! {
                    () = tokio::time::sleep(wait) => {}
                    _ = shutdown.changed() => {
                        let _ = session.logout().await;
                        return Ok(());
                    }
                }
                // Lets the server report what arrived meanwhile.
                session.noop().await.map_err(|e| self.imap(e))?;
            }
        }
    }

    async fn connect(&self) -> Result<ImapSession, FetchError> {
        let m = &self.mailbox;
        let host = m
            .host
            .clone()
            .ok_or_else(|| FetchError::NotFetched(m.address.clone()))?;
        let port = m.port();
        let password = m.password().map_err(|source| FetchError::Password {
            mailbox: m.address.clone(),
            source,
        })?;
        let connecting = async {
            let tcp = tokio::net::TcpStream::connect((host.as_str(), port))
                .await
                .map_err(|source| FetchError::Connect {
                    host: host.clone(),
                    port,
                    source,
                })?;
            let stream: Box<dyn Io> = if m.tls {
                Box::new(tls(tcp, &host).await?)
            } else {
                Box::new(tcp)
            };
            let mut client = async_imap::Client::new(stream);
            // The server speaks first: its greeting.
            client
                .read_response()
                .await
                .map_err(|e| self.imap(e.into()))?;
            let mut session = client
                .login(m.username(), &password)
                .await
                .map_err(|(e, _)| FetchError::Login {
                    mailbox: m.address.clone(),
                    why: e.to_string(),
                })?;
            session.select(&m.folder).await.map_err(|e| self.imap(e))?;
            if m.after == After::Move
                && let Some(folder) = &m.move_to
            {
                // Already there is the usual case; a real failure shows at the first move.
                let _ = session.create(folder).await;
            }
            Ok(session)
        };
        tokio::time::timeout(CONNECT_TIMEOUT, connecting)
            .await
            .map_err(|_| FetchError::Timeout {
                mailbox: m.address.clone(),
                what: "connecting",
            })?
    }

    /// Fetches every waiting message, commits it, then marks it; in chunks.
    async fn fetch_pending(&mut self, session: &mut ImapSession) -> Result<MailCounts, FetchError> {
        let m = self.mailbox.clone();
        let selected = session.select(&m.folder).await.map_err(|e| self.imap(e))?;
        let query = match m.after {
            After::Seen => "UNSEEN",
            After::Move | After::Keep => "ALL",
        };
        let mut uids: Vec<u32> = session
            .uid_search(query)
            .await
            .map_err(|e| self.imap(e))?
            .into_iter()
            .collect();
        uids.sort_unstable();
        if m.after == After::Keep {
            // UIDs only mean the same while UIDVALIDITY does; otherwise start over.
            let validity = selected.uid_validity.unwrap_or_default();
            let last = match self.kept {
                Some((v, last)) if v == validity => last,
                _ => 0,
            };
            uids.retain(|u| *u > last);
            self.kept = Some((validity, uids.last().copied().unwrap_or(last)));
        }
        let mut summary = MailCounts::default();
        if uids.is_empty() {
            return Ok(summary);
        }
        let intake = self.intake().await?;
        for chunk in uids.chunks(FETCH_CHUNK) {
            summary.add(self.fetch_chunk(session, &intake, chunk).await?);
        }
        Ok(summary)
    }

    /// The intake with the directory as it is now (absences change).
    async fn intake(&self) -> Result<Intake, FetchError> {
        let store = |source| FetchError::Store {
            mailbox: self.mailbox.address.clone(),
            source,
        };
        let directory = Directory {
            mailboxes: self.mailboxes.as_ref().clone(),
            units: self.store.units().await.map_err(store)?,
            caseworkers: self.store.caseworkers().await.map_err(store)?,
            municipality_email: None,
        };
        Ok(Intake::new(directory, Arc::clone(&self.policy.policy)))
    }

    async fn fetch_chunk(
        &self,
        session: &mut ImapSession,
        intake: &Intake,
        uids: &[u32],
    ) -> Result<MailCounts, FetchError> {
        let set = uid_set(uids);
        let fetched: Vec<async_imap::types::Fetch> = session
            .uid_fetch(&set, "(UID INTERNALDATE BODY.PEEK[])")
            .await
            .map_err(|e| self.imap(e))?
            .try_collect()
            .await
            .map_err(|e| self.imap(e))?;
        let now = Timestamp::now();
        let mut mails = Vec::with_capacity(fetched.len());
        let mut handled = Vec::with_capacity(fetched.len());
        for f in &fetched {
            // Unsolicited FETCH responses (flag changes by others) carry no body.
            let (Some(uid), Some(body)) = (f.uid, f.body()) else {
                continue;
            };
            if !uids.contains(&uid) {
                continue;
            }
            let arrived = f
                .internal_date()
                .and_then(|d| Timestamp::from_second(d.timestamp()).ok())
                .filter(|t| *t <= now)
                .unwrap_or(now);
            mails.push(intake.incoming(
                body.to_vec(),
                Arrival {
                    source: self.mailbox.source(),
                    mailbox: Some(&self.mailbox),
                    when: WhenReceived::At(arrived),
                    now,
                },
            ));
            handled.push(uid);
        }
        drop(fetched);
        let receipts = self
            .store
            .import_mail(mails, &self.policy)
            .await
            .map_err(|source| FetchError::Store {
                mailbox: self.mailbox.address.clone(),
                source,
            })?;
        // Committed: only now may the server forget them.
        self.mark(session, &handled).await?;
        let mut summary = MailCounts::default();
        receipts.iter().for_each(|r| summary.count(r));
        Ok(summary)
    }

    async fn mark(&self, session: &mut ImapSession, uids: &[u32]) -> Result<(), FetchError> {
        if uids.is_empty() {
            return Ok(());
        }
        let set = uid_set(uids);
        let marked: async_imap::error::Result<()> = async {
            match (self.mailbox.after, &self.mailbox.move_to) {
                (After::Keep, _) => {}
                (After::Seen, _) | (After::Move, None) => {
                    discard(session.uid_store(&set, "+FLAGS.SILENT (\\Seen)").await?).await?;
                }
                (After::Move, Some(folder)) => {
                    let caps = session.capabilities().await?;
                    if caps.has_str("MOVE") {
                        session.uid_mv(&set, folder).await?;
                    } else {
                        // Without MOVE: copy, mark deleted, expunge (only these, with UIDPLUS).
                        session.uid_copy(&set, folder).await?;
                        discard(
                            session
                                .uid_store(&set, "+FLAGS.SILENT (\\Seen \\Deleted)")
                                .await?,
                        )
                        .await?;
                        if caps.has_str("UIDPLUS") {
                            discard(session.uid_expunge(&set).await?).await?;
                        } else {
                            discard(session.expunge().await?).await?;
                        }
                    }
                }
            }
            Ok(())
        }
        .await;
        marked.map_err(|e| self.imap(e))
    }

    fn imap(&self, source: async_imap::error::Error) -> FetchError {
        FetchError::Imap {
            mailbox: self.mailbox.address.clone(),
            source,
        }
    }
}

/// Reads a command's untagged answers to the end, keeping none.
async fn discard<T>(
    answers: impl futures_util::Stream<Item = async_imap::error::Result<T>>,
) -> async_imap::error::Result<()> {
    let mut answers = std::pin::pin!(answers);
    while answers.try_next().await?.is_some() {}
    Ok(())
}

/// "1,2,5" for UIDs 1, 2 and 5.
fn uid_set(uids: &[u32]) -> String {
    uids.iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

async fn tls(
    tcp: tokio::net::TcpStream,
    host: &str,
) -> Result<tokio_rustls::client::TlsStream<tokio::net::TcpStream>, FetchError> {
    use rustls_platform_verifier::ConfigVerifierExt;
    let err = |why: String| FetchError::Tls {
        host: host.to_owned(),
        why,
    };
    let config = tokio_rustls::rustls::ClientConfig::with_platform_verifier()
        .map_err(|e| err(e.to_string()))?;
    let name = tokio_rustls::rustls::pki_types::ServerName::try_from(host.to_owned())
        .map_err(|e| err(e.to_string()))?;
    tokio_rustls::TlsConnector::from(Arc::new(config))
        .connect(name, tcp)
        .await
        .map_err(|e| err(e.to_string()))
}

/// Fetches every fetched mailbox once, all concurrently; one result per mailbox, in order.
pub async fn fetch_all_once<S: Store + MailStore + 'static>(
    store: Arc<S>,
    policy: &PolicyVersion,
    mailboxes: &[Mailbox],
) -> Vec<(String, Result<MailCounts, FetchError>)> {
    let all = Arc::new(mailboxes.to_vec());
    let fetches = mailboxes.iter().filter(|m| m.fetched()).map(|m| {
        let mut fetcher = Fetcher::new(
            Arc::clone(&store),
            policy.clone(),
            m.clone(),
            Arc::clone(&all),
        );
        async move { (fetcher.mailbox.address.clone(), fetcher.fetch_once().await) }
    });
    futures_util::future::join_all(fetches).await
}

/// Starts one fetching task per fetched mailbox; they stop when `shutdown` turns true.
pub fn spawn_fetchers<S: Store + MailStore + 'static>(
    store: Arc<S>,
    policy: &PolicyVersion,
    mailboxes: &[Mailbox],
    shutdown: &watch::Receiver<bool>,
) -> tokio::task::JoinSet<()> {
    let all = Arc::new(mailboxes.to_vec());
    let mut tasks = tokio::task::JoinSet::new();
    for m in mailboxes.iter().filter(|m| m.fetched()) {
        let fetcher = Fetcher::new(
            Arc::clone(&store),
            policy.clone(),
            m.clone(),
            Arc::clone(&all),
        );
        tasks.spawn(fetcher.run(shutdown.clone()));
    }
    tasks
}
