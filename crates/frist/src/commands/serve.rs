//! `frist serve`: the JSON API over HTTP, until Ctrl-C or SIGTERM.

use super::Failure;
use crate::config::{StoreArgs, runtime};
use clap::Args;
use std::sync::Arc;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "FRIST_LISTEN")]
    pub listen: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: &ServeArgs) -> Result<(), Failure> {
    let listen = match &args.listen {
        Some(l) => l.clone(),
        None => args
            .store
            .file()?
            .listen
            .unwrap_or_else(|| crate::config::DEFAULT_LISTEN.to_owned()),
    };
    let mailboxes = args.store.file()?.mailbox;
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
        let state = frist_web::AppState {
            store,
            policy,
            clock: Arc::new(jiff::Timestamp::now),
        };
        let listener = tokio::net::TcpListener::bind(&listen)
            .await
            .map_err(|e| Failure::Input(format!("cannot listen on {listen}: {e}")))?;
        let address = listener.local_addr().map_err(Failure::Write)?;
        tracing::info!(%address, %municipality, "frist is serving");
        eprintln!("Frist serves {municipality} on http://{address}/ (API under /api/v1). Stop with Ctrl-C.");
        if !fetchers.is_empty() {
            eprintln!("Frist fetches mail from {}.", mailboxes_phrase(fetchers.len()));
        }
        let served = axum::serve(listener, frist_web::router(state))
            .with_graceful_shutdown(shutdown())
            .await
            .map_err(|e| Failure::Input(format!("server error: {e}")));
        // A fetcher stopped mid-way loses nothing: what was not marked is fetched next time.
        let _ = stop_mail.send(true);
        let _ = tokio::time::timeout(std::time::Duration::from_secs(10), async {
            while fetchers.join_next().await.is_some() {}
        })
        .await;
        served
    })
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
