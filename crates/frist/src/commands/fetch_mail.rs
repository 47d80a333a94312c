//! `frist fetch-mail`: fetches the configured mailboxes over IMAP. With `--once` it fetches what
//! is there and exits (for tests, cron, or a first look); without, it keeps fetching until
//! Ctrl-C, as `frist serve` does beside the web service.

use super::Failure;
use crate::config::{StoreArgs, runtime};
use clap::Args;
use frist_channels::mail::{Mailbox, fetch_all_once, queue_auto_replies, spawn_fetchers};
use std::io::Write;
use std::sync::Arc;

#[derive(Debug, Args)]
#[command(
    after_help = "Mailboxes are the [[mailbox]] entries of the configuration file that \
    have a `host`. A message is marked (or moved) on the server only after its inquiry is \
    committed, so stopping at any moment loses nothing and duplicates nothing."
)]
pub struct FetchMailArgs {
    /// Fetch what is waiting in every mailbox, then exit.
    #[arg(long)]
    pub once: bool,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: &FetchMailArgs, out: &mut impl Write) -> Result<(), Failure> {
    let file = args.store.file()?;
    let mailboxes = file.mailbox.clone();
    if !mailboxes.iter().any(Mailbox::fetched) {
        return Err(Failure::Input(
            "no mailbox to fetch: add [[mailbox]] entries with `host` to the configuration \
             file (--config)"
                .into(),
        ));
    }
    runtime()?.block_on(async {
        let (store, policy) = args.store.open().await?;
        if !args.once {
            let (stop, shutdown) = tokio::sync::watch::channel(false);
            let mut tasks = spawn_fetchers(Arc::clone(&store), &policy, &mailboxes, &shutdown);
            eprintln!(
                "Frist fetches mail from {}. Stop with Ctrl-C.",
                super::serve::mailboxes_phrase(tasks.len())
            );
            super::serve::shutdown().await;
            let _ = stop.send(true);
            while tasks.join_next().await.is_some() {}
            return store
                .close()
                .await
                .map_err(|e| Failure::Input(format!("storage: {e}")));
        }
        let results = fetch_all_once(Arc::clone(&store), &policy, &mailboxes).await;
        // The absence auto-replies found due wait in the outbox (`frist outbox run` sends them).
        let domain = crate::outbox_config::mail_domain(&file, &policy.policy);
        let queued = queue_auto_replies(
            &*store,
            &policy.policy,
            &domain,
            jiff::Timestamp::now(),
            u32::MAX,
        )
        .await
        .map_err(|e| Failure::Input(format!("storage: {e}")))?;
        if queued > 0 {
            writeln!(out, "{queued} automatiske svar lagt i udbakken")?;
        }
        store
            .close()
            .await
            .map_err(|e| Failure::Input(format!("storage: {e}")))?;
        let mut failed = Vec::new();
        for (address, result) in &results {
            match result {
                Ok(s) => writeln!(
                    out,
                    "{address}: {} hentet, {} importeret, {} dubletter, {} markeret til en \
                     person, {} automatiske svar skal sendes",
                    s.read, s.imported, s.duplicates, s.flagged, s.auto_replies_due
                )?,
                Err(e) => {
                    writeln!(out, "{address}: fejl: {e}")?;
                    failed.push(address.clone());
                }
            }
        }
        if failed.is_empty() {
            Ok(())
        } else {
            Err(Failure::Partial(format!(
                "{} of {} mailboxes could not be fetched: {}",
                failed.len(),
                results.len(),
                failed.join(", ")
            )))
        }
    })
}
