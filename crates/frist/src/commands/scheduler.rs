//! `frist scheduler run --once [--now INSTANT]`: one pass of the scheduler, for a timer or a
//! test. It queues what is owed (warnings, escalations, digests, monthly reports) in the
//! outbox; `frist outbox run` or `frist serve` delivers it.

use super::Failure;
use crate::config::{PublicUrlArg, StoreArgs, public_url, runtime};
use crate::outbox_config;
use crate::scheduler::Scheduler;
use clap::{Args, Subcommand};
use std::io::Write;

#[derive(Debug, Subcommand)]
pub enum SchedulerCommand {
    /// Queue the notices to staff that are owed now (or at --now).
    Run(RunArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// One pass, then exit (`frist serve` runs the scheduler by itself).
    #[arg(long)]
    pub once: bool,
    /// The instant to run at, e.g. 2026-12-07T08:00:00+01:00 (default: now).
    #[arg(long)]
    pub now: Option<String>,
    #[command(flatten)]
    pub public_url: PublicUrlArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(command: &SchedulerCommand, out: &mut impl Write) -> Result<(), Failure> {
    match command {
        SchedulerCommand::Run(args) => run_pass(args, out),
    }
}

/// An instant as RFC 3339 with an offset, or a civil date-time in Copenhagen.
fn instant(text: &str) -> Result<jiff::Timestamp, Failure> {
    let text = text.trim();
    if let Ok(t) = text.parse::<jiff::Timestamp>() {
        return Ok(t);
    }
    text.parse::<jiff::civil::DateTime>()
        .ok()
        .and_then(|dt| dt.to_zoned(frist_policy::COPENHAGEN.clone()).ok())
        .map(|z| z.timestamp())
        .ok_or_else(|| {
            Failure::Input(format!(
                "--now \"{}\" is not an instant; write e.g. 2026-12-07T08:00:00+01:00 or \
                 2026-12-07T08:00 (Copenhagen time)",
                text.chars().take(40).collect::<String>()
            ))
        })
}

fn run_pass(args: &RunArgs, out: &mut impl Write) -> Result<(), Failure> {
    if !args.once {
        return Err(Failure::Input(
            "the scheduler runs inside `frist serve`; use `frist scheduler run --once` for one \
             pass"
                .into(),
        ));
    }
    let now = match &args.now {
        Some(text) => instant(text)?,
        None => jiff::Timestamp::now(),
    };
    let file = args.store.file()?;
    let listen = file
        .listen
        .as_deref()
        .unwrap_or(crate::config::DEFAULT_LISTEN);
    let (url, _) = public_url(args.public_url.public_url.as_deref(), &file, listen)?;
    let summary = runtime()?.block_on(async {
        let (store, policy) = args.store.open().await?;
        let domain = outbox_config::mail_domain(&file, &policy.policy);
        let scheduler = Scheduler::new(store, policy.policy, url.as_str(), &domain);
        scheduler
            .run_once(now)
            .await
            .map_err(|e| Failure::Input(format!("the scheduler could not finish: {e}")))
    })?;
    if !summary.working_hours {
        let local = now.to_zoned(frist_policy::COPENHAGEN.clone());
        writeln!(
            out,
            "{} (Copenhagen) is outside the opening hours of a working day: nothing is owed now",
            local.strftime("%A %Y-%m-%d %H:%M")
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "queued {} warnings, {} escalations, {} digests, {} monthly reports ({} open obligations read)",
        summary.warnings,
        summary.escalations,
        summary.digests,
        summary.monthly_reports,
        summary.obligations
    )?;
    Ok(())
}
