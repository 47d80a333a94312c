//! `frist demo`: a realistic municipality (units, caseworkers, a few thousand inquiries over
//! the last 90 days across all channels, with plausible and sometimes late outcomes), so a
//! newcomer sees real figures. Deterministic per `--seed`; running it again adds nothing
//! (every demo inquiry has an external id).
//!
//! `--without-history` stores inquiries only, through the bulk import path: that is how the
//! benchmarks load a million inquiries.

mod data;
mod plan;
mod random;

use crate::commands::Failure;
use crate::config::{StoreArgs, runtime};
use clap::Args;
use frist_store::{AnyStore, PolicyVersion, Store};
use jiff::Timestamp;
use random::Random;
use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// How many inquiries.
    #[arg(long, default_value_t = 3000)]
    pub inquiries: u64,
    /// Spread over the last this many days.
    #[arg(long, default_value_t = 90)]
    pub days: i64,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Store inquiries only (no events after receipt), through the bulk import path.
    #[arg(long)]
    pub without_history: bool,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Inquiries stored at once in bulk mode.
const BATCH: usize = 10_000;
/// Inquiries written concurrently with their history (lets group commit batch them).
const IN_FLIGHT: usize = 64;

pub fn run(args: &DemoArgs, out: &mut impl Write) -> Result<(), Failure> {
    if args.inquiries == 0 || args.days <= 0 {
        return Err(Failure::Input(
            "--inquiries and --days must be at least 1".into(),
        ));
    }
    runtime()?.block_on(async {
        let (store, policy) = args.store.open().await?;
        let now = Timestamp::now();
        let absent_until = frist_policy::COPENHAGEN.to_datetime(now).date().saturating_add(jiff::Span::new().days(10));
        for unit in data::units() {
            store.put_unit(unit).await.map_err(storage)?;
        }
        for caseworker in data::caseworkers(absent_until) {
            store.put_caseworker(caseworker).await.map_err(storage)?;
        }
        let started = Instant::now();
        let (stored, events) = if args.without_history {
            bulk(args, &store, &policy, now).await?
        } else {
            with_history(args, &store, &policy, now).await?
        };
        // Closing finishes what a bulk import deferred (the search indexes): part of the time.
        store.close().await.map_err(storage)?;
        let seconds = started.elapsed().as_secs_f64();
        writeln!(
            out,
            "Demo: {stored} henvendelser og {events} hændelser gemt på {seconds:.1} s ({:.0} henvendelser/s) i {}.",
            stored as f64 / seconds.max(1e-9),
            crate::config::redact(&args.store.database_url()?)
        )?;
        Ok(())
    })
}

fn storage(e: frist_store::StoreError) -> Failure {
    Failure::Input(format!("storage: {e}"))
}

/// Progress on standard error every 5 %: one updating line on a terminal, one line per step in
/// a log.
fn progress(done: u64, total: u64) {
    use std::io::IsTerminal;
    if total >= 20 && done % (total / 20).max(1) == 0 || done == total {
        let line = format!(
            "Demo: {done}/{total} henvendelser ({}%)",
            done * 100 / total.max(1)
        );
        if std::io::stderr().is_terminal() {
            eprint!("\r{line}");
            if done == total {
                eprintln!();
            }
        } else {
            eprintln!("{line}");
        }
    }
}

async fn bulk(
    args: &DemoArgs,
    store: &Arc<AnyStore>,
    policy: &PolicyVersion,
    now: Timestamp,
) -> Result<(u64, u64), Failure> {
    // Plan on a thread of its own while the store imports the previous batch.
    let (batches, mut planned) = tokio::sync::mpsc::channel::<Vec<frist_core::NewInquiry>>(2);
    let (total, seed, days) = (args.inquiries, args.seed, args.days);
    let plan_policy = Arc::clone(&policy.policy);
    let planner = std::thread::spawn(move || {
        let mut r = Random::new(seed);
        let mut batch = Vec::with_capacity(BATCH);
        for i in 0..total {
            batch.push(plan::plan(&mut r, i, seed, &plan_policy, now, days, false).inquiry);
            let full = batch.len() == BATCH || i + 1 == total;
            if full && batches.blocking_send(std::mem::take(&mut batch)).is_err() {
                return; // the importer stopped
            }
        }
    });
    // Two imports in flight: one is prepared (obligations, JSON) while the other is written.
    let (mut imported, mut done) = (0, 0);
    let mut previous: Option<
        tokio::task::JoinHandle<(u64, frist_store::StoreResult<frist_store::ImportSummary>)>,
    > = None;
    loop {
        let next = planned.recv().await.map(|batch| {
            let (store, policy) = (Arc::clone(store), policy.clone());
            tokio::spawn(async move {
                let count = batch.len() as u64;
                (count, store.import_inquiries(batch, &policy).await)
            })
        });
        if let Some(task) = previous.take() {
            let (count, summary) = task
                .await
                .map_err(|e| Failure::Input(format!("import task failed: {e}")))?;
            imported += summary.map_err(storage)?.imported;
            done += count;
            progress(done, args.inquiries);
        }
        match next {
            Some(task) => previous = Some(task),
            None => break,
        }
    }
    planner
        .join()
        .map_err(|_| Failure::Input("the demo planner failed".into()))?;
    Ok((imported, 0))
}

async fn with_history(
    args: &DemoArgs,
    store: &Arc<AnyStore>,
    policy: &PolicyVersion,
    now: Timestamp,
) -> Result<(u64, u64), Failure> {
    let mut r = Random::new(args.seed);
    let mut tasks = tokio::task::JoinSet::new();
    let (mut stored, mut events, mut done) = (0u64, 0u64, 0u64);
    for i in 0..args.inquiries {
        let planned = plan::plan(&mut r, i, args.seed, &policy.policy, now, args.days, true);
        let (store, policy) = (Arc::clone(store), policy.clone());
        tasks.spawn(async move {
            let created = store.create_inquiry(planned.inquiry, &policy).await?;
            if !created.created {
                return Ok::<_, frist_store::StoreError>((0, 0)); // already there from an earlier run
            }
            let mut appended = 0;
            for event in planned.events {
                store.append_event(created.stored.id, event).await?;
                appended += 1;
            }
            Ok((1, appended))
        });
        while tasks.len() >= IN_FLIGHT {
            collect(
                &mut tasks,
                &mut stored,
                &mut events,
                &mut done,
                args.inquiries,
            )
            .await?;
        }
    }
    while !tasks.is_empty() {
        collect(
            &mut tasks,
            &mut stored,
            &mut events,
            &mut done,
            args.inquiries,
        )
        .await?;
    }
    Ok((stored, events))
}

async fn collect(
    tasks: &mut tokio::task::JoinSet<Result<(u64, u64), frist_store::StoreError>>,
    stored: &mut u64,
    events: &mut u64,
    done: &mut u64,
    total: u64,
) -> Result<(), Failure> {
    if let Some(joined) = tasks.join_next().await {
        let (s, e) = joined
            .map_err(|e| Failure::Input(format!("demo task failed: {e}")))?
            .map_err(storage)?;
        *stored += s;
        *events += e;
        *done += 1;
        progress(*done, total);
    }
    Ok(())
}
