//! `frist serve`: the JSON API and the web pages over HTTP, with the outbox's dispatcher, the
//! mail fetchers and the chores beside them, until Ctrl-C or SIGTERM. The wiring itself is
//! [`crate::startup`]; this command only reads the settings and talks to the terminal.

use super::Failure;
use crate::config::{PublicUrlArg, StoreArgs, runtime};
use crate::startup::{Application, Settings};
use clap::Args;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "FRIST_LISTEN")]
    pub listen: Option<String>,
    #[command(flatten)]
    pub public_url: PublicUrlArg,
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
    // Links in messages matter only once messages leave the machine.
    let sends = file.smtp.is_some()
        || file.digital_post.is_some()
        || file.print.is_some()
        || file.facebook.is_some();
    let settings = Settings {
        listen,
        public_url: args.public_url.public_url.clone(),
        store: args.store.clone(),
        file,
        scheduler_clock: None,
    };
    runtime()?.block_on(async {
        let app = Application::build(settings).await?;
        let (address, municipality) = (app.address(), app.municipality().to_owned());
        tracing::info!(%address, %municipality, "frist is serving");
        eprintln!(
            "Frist serves {municipality} on http://{address}/ (API under /api/v1). Stop with Ctrl-C."
        );
        if let (url, false) = app.public_url()
            && sends
        {
            eprintln!(
                "Status links in messages start with {url}; set public_url (--public-url, \
                 FRIST_PUBLIC_URL) to the address citizens reach Frist at."
            );
        }
        if app.mail_fetchers() > 0 {
            eprintln!("Frist fetches mail from {}.", mailboxes_phrase(app.mail_fetchers()));
        }
        app.run_until(shutdown()).await
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
