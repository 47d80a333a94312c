//! `frist serve`: the JSON API and the web pages over HTTP, with the outbox's dispatcher beside
//! them, until Ctrl-C or SIGTERM.

use super::Failure;
use crate::config::{StoreArgs, runtime};
use crate::outbox_config;
use clap::Args;
use frist_channels::outbox::Dispatcher;
use frist_store::Store;
use std::sync::Arc;
use tokio::sync::Notify;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "FRIST_LISTEN")]
    pub listen: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: &ServeArgs) -> Result<(), Failure> {
    let file = args.store.file()?;
    let listen = match &args.listen {
        Some(l) => l.clone(),
        None => file
            .listen
            .clone()
            .unwrap_or_else(|| crate::config::DEFAULT_LISTEN.to_owned()),
    };
    let facebook = match &file.facebook {
        Some(section) => Some(section.resolve()?),
        None => None,
    };
    let mailboxes = file.mailbox.clone();
    runtime()?.block_on(async {
        let (store, policy) = args.store.open().await?;
        // Mail in, beside the web service: one task per fetched mailbox.
        let (stop_mail, mail_shutdown) = tokio::sync::watch::channel(false);
        let mut fetchers = frist_channels::mail::spawn_fetchers(
            Arc::clone(&store),
            &policy,
            &mailboxes,
            &mail_shutdown,
        );
        let municipality = policy.policy.municipality.name.clone();
        let deliveries = outbox_config::deliveries(&file, &policy.policy)?;
        let dispatcher = Dispatcher::new(
            Arc::clone(&store),
            deliveries,
            outbox_config::retry(&file),
        );
        let outbox = frist_web::OutboxWiring {
            delivering: dispatcher.channels(),
            domain: outbox_config::mail_domain(&file, &policy.policy),
            wake: Arc::new(Notify::new()),
        };
        let mut state = frist_web::AppState::new(store, policy);
        state.outbox = outbox.clone();
        if let Some(facebook) = facebook {
            tracing::info!("facebook messenger webhook at /webhooks/facebook");
            state = state.with_facebook(facebook);
        }
        tokio::spawn(clean_up_sessions(state.store.clone()));
        tokio::spawn(send_auto_replies(
            state.store.clone(),
            Arc::clone(&state.policy.policy),
            outbox.clone(),
        ));
        let listener = tokio::net::TcpListener::bind(&listen)
            .await
            .map_err(|e| Failure::Input(format!("cannot listen on {listen}: {e}")))?;
        let address = listener.local_addr().map_err(Failure::Write)?;
        // The dispatcher finishes the message in hand before it stops, after the server.
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let delivering = tokio::spawn(dispatcher.run(
            outbox.wake,
            outbox_config::poll(&file),
            async move {
                let mut stopped = stopped;
                let _ = stopped.wait_for(|stop| *stop).await;
            },
        ));
        tracing::info!(%address, %municipality, "frist is serving");
        eprintln!("Frist serves {municipality} on http://{address}/ (API under /api/v1). Stop with Ctrl-C.");
        if !fetchers.is_empty() {
            eprintln!("Frist fetches mail from {}.", mailboxes_phrase(fetchers.len()));
        }
        let served = axum::serve(listener, frist_web::router(state))
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| Failure::Input(format!("server error: {e}")));
        let _ = stop.send(true);
        let _ = delivering.await;
        // A fetcher stopped mid-way loses nothing: what was not marked is fetched next time.
        let _ = stop_mail.send(true);
        let _ = tokio::time::timeout(std::time::Duration::from_secs(10), async {
            while fetchers.join_next().await.is_some() {}
        })
        .await;
        served
    })
}

/// Removes ended staff sessions once an hour (and at start), so the table holds only live ones.
async fn clean_up_sessions(store: Arc<frist_store::AnyStore>) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every.tick().await;
        match store.delete_expired_sessions(jiff::Timestamp::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "ended sessions removed"),
            Err(e) => tracing::warn!(error = %e, "ended sessions could not be removed"),
        }
    }
}

/// Queues the absence auto-replies intake finds due, every few seconds, and wakes the outbox.
async fn send_auto_replies(
    store: Arc<frist_store::AnyStore>,
    policy: Arc<frist_policy::Policy>,
    outbox: frist_web::OutboxWiring,
) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
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

/// "1 mailbox", "3 mailboxes".
pub(crate) fn mailboxes_phrase(n: usize) -> String {
    if n == 1 {
        "1 mailbox".to_owned()
    } else {
        format!("{n} mailboxes")
    }
}

/// Resolves on Ctrl-C or SIGTERM, so requests in flight finish before exit.
pub(crate) async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
