//! `frist outbox`: deliver what is due (`run`), see where messages are (`list`), and decide
//! about a message that may or may not have arrived (`resend`, `mark-sent`).

use super::Failure;
use crate::config::{PublicUrlArg, StoreArgs, public_url, runtime};
use crate::outbox_config;
use clap::{Args, Subcommand, ValueEnum};
use frist_channels::outbox::Dispatcher;
use frist_store::{NoticeStore, OutboxState, OutboxStore, StoreError};
use std::io::Write;
use std::sync::Arc;
use tokio::sync::Notify;

#[derive(Debug, Subcommand)]
pub enum OutboxCommand {
    /// Deliver due messages through the configured channels (until Ctrl-C, or once).
    Run(RunArgs),
    /// The outbox's messages: state, attempts, last error (never a body or a recipient).
    List(ListArgs),
    /// Send an `uncertain` or `failed` message again.
    Resend(IdArgs),
    /// Record an `uncertain` message as sent (it did arrive), on the inquiry too.
    MarkSent(IdArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Deliver what is due now, then exit.
    #[arg(long)]
    pub once: bool,
    #[command(flatten)]
    pub public_url: PublicUrlArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StateArg {
    Queued,
    Sending,
    Sent,
    Failed,
    Uncertain,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long, value_enum)]
    pub state: Option<StateArg>,
    /// Only messages with an id above this (the next page).
    #[arg(long)]
    pub after: Option<i64>,
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ListFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct IdArgs {
    /// The message's id in the outbox (see `frist outbox list`).
    pub id: i64,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(command: &OutboxCommand, out: &mut impl Write) -> Result<(), Failure> {
    match command {
        OutboxCommand::Run(args) => deliver(args, out),
        OutboxCommand::List(args) => list(args, out),
        OutboxCommand::Resend(args) => decide(args, out, false),
        OutboxCommand::MarkSent(args) => decide(args, out, true),
    }
}

fn storage(e: StoreError) -> Failure {
    match e {
        StoreError::NotFound => Failure::Input("no message in the outbox has this id".into()),
        e => Failure::Input(e.to_string()),
    }
}

fn deliver(args: &RunArgs, out: &mut impl Write) -> Result<(), Failure> {
    let file = args.store.file()?;
    let listen = file
        .listen
        .as_deref()
        .unwrap_or(crate::config::DEFAULT_LISTEN);
    let (public_url, _) = public_url(args.public_url.public_url.as_deref(), &file, listen)?;
    runtime()?.block_on(async {
        let (store, policy) = args.store.open().await?;
        let deliveries = outbox_config::deliveries(&file, &policy.policy)?;
        if deliveries.is_empty() {
            return Err(Failure::Input(
                "no delivery is configured: add [smtp], [digital_post] or [print] to the \
                 configuration file"
                    .into(),
            ));
        }
        let dispatcher =
            Dispatcher::new(store, deliveries, outbox_config::retry(&file), public_url);
        if args.once {
            let recovered = dispatcher.recover().await.map_err(storage)?;
            let run = dispatcher.run_once().await.map_err(storage)?;
            writeln!(
                out,
                "sent {}, retrying {}, failed {}, uncertain (interrupted earlier) {recovered}",
                run.sent, run.retrying, run.failed
            )?;
            return Ok(());
        }
        eprintln!("Delivering the outbox. Stop with Ctrl-C.");
        dispatcher
            .run(
                Arc::new(Notify::new()),
                outbox_config::poll(&file),
                super::serve::shutdown(),
            )
            .await;
        Ok(())
    })
}

fn list(args: &ListArgs, out: &mut impl Write) -> Result<(), Failure> {
    let state = args.state.map(|s| match s {
        StateArg::Queued => OutboxState::Queued,
        StateArg::Sending => OutboxState::Sending,
        StateArg::Sent => OutboxState::Sent,
        StateArg::Failed => OutboxState::Failed,
        StateArg::Uncertain => OutboxState::Uncertain,
    });
    let rows = runtime()?.block_on(async {
        let (store, _) = args.store.open().await?;
        store
            .list_outbox(state, args.after, args.limit.clamp(1, 1000))
            .await
            .map_err(storage)
    })?;
    match args.format {
        ListFormat::Json => {
            for row in &rows {
                let line = serde_json::to_string(row)
                    .map_err(|e| Failure::Input(format!("cannot write JSON: {e}")))?;
                writeln!(out, "{line}")?;
            }
        }
        ListFormat::Table => {
            writeln!(
                out,
                "{:>6}  {:>8}  {:<16}  {:<12}  {:<15}  {:<10}  {:>8}  last error",
                "id", "inquiry", "to staff", "channel", "kind", "state", "attempts"
            )?;
            for r in &rows {
                writeln!(
                    out,
                    "{:>6}  {:>8}  {:<16}  {:<12}  {:<15}  {:<10}  {:>8}  {}",
                    r.id,
                    r.inquiry_id.map(|i| i.to_string()).unwrap_or_default(),
                    r.person.as_deref().unwrap_or(""),
                    r.channel.as_str(),
                    r.kind,
                    r.state.as_str(),
                    r.attempts,
                    r.last_error.as_deref().unwrap_or("")
                )?;
            }
        }
    }
    Ok(())
}

fn decide(args: &IdArgs, out: &mut impl Write, sent: bool) -> Result<(), Failure> {
    let row = runtime()?.block_on(async {
        let (store, _) = args.store.open().await?;
        let now = jiff::Timestamp::now();
        let entry = store.outbox_entry(args.id).await.map_err(storage)?;
        // A notice to staff appends no event; a message to a citizen does.
        match (entry.person.is_some(), sent) {
            (true, true) => store.notice_sent(args.id, now).await,
            (true, false) => store.requeue_notice(args.id, now).await,
            (false, true) => store.mark_sent(args.id, now).await.map(drop),
            (false, false) => store.requeue(args.id, now).await.map(drop),
        }
        .map_err(storage)?;
        store.outbox_entry(args.id).await.map_err(storage)
    })?;
    writeln!(out, "message {} is now {}", row.id, row.state.as_str())?;
    Ok(())
}
