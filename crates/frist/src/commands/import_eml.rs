//! `frist import-eml FILE|DIR…`: e-mail files (`.eml`, one message per file) in bulk.
//!
//! A walker lists the files (folders recursively, in name order); a parser thread reads and
//! parses a chunk of them on every core (intake is pure: routing uses the directory loaded
//! once), and hands the chunk over a bounded channel to the store, which imports it through its
//! bulk path (the SQLite group-commit writer) while the next chunk is parsed. Memory holds a few
//! chunks, whatever the number of files. Order is kept, so a reply stored after its original
//! threads to it.
//!
//! Every file read is counted once: imported (a new inquiry, or a reply added to one),
//! duplicate, or flagged (kept raw for a person): read = imported + duplicates + flagged. A
//! file that cannot be read at all is named on standard error and counted apart.

use super::Failure;
use crate::cli::Format;
use crate::config::{StoreArgs, runtime};
use clap::Args;
use frist_channels::mail::{Arrival, Directory, Intake, WhenReceived};
use frist_store::{
    AnyStore, IncomingMail, MailCounts, MailOutcome, MailReceipt, MailStore, PolicyVersion, Store,
};
use jiff::Timestamp;
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Files per chunk: enough for every core and for the writer's batches, few enough that a few
/// chunks in memory stay small.
const CHUNK: usize = 1000;
/// Flagged files named in the summary.
const SHOWN: usize = 20;

#[derive(Debug, Args)]
#[command(
    after_help = "Every file read counts once: imported (a new inquiry, or a reply added to \
    an inquiry already stored, which counts as imported), duplicate (a message already stored), \
    or flagged (kept raw for a person: not a message, no sender, or refused). Files that cannot \
    be read are named on standard error. Running the same import again imports nothing twice. \
    Mail is routed by its recipients (Delivered-To, To, Cc) to the [[mailbox]] entries of the \
    configuration file, then to the units' and caseworkers' addresses, else the general mailbox."
)]
pub struct ImportEmlArgs {
    /// Message files, or folders of them (read recursively; every regular file is a message).
    #[arg(required = true, value_name = "FILE|DIR")]
    pub paths: Vec<PathBuf>,
    /// `text`: a summary on standard error. `json`: also the summary
    /// {"read":N,"imported":I,"duplicates":D,"flagged":F} as the last line of standard output.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// What an import came to: the counts of what was read, and the files that could not be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    #[serde(flatten)]
    pub counts: MailCounts,
    /// Files that could not be read (not in `read`); only shown when there are any.
    #[serde(skip_serializing_if = "is_zero")]
    pub unreadable: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A chunk of files, read and parsed.
struct Parsed {
    mails: Vec<IncomingMail>,
    /// The source of each mail, to name flagged files.
    sources: Vec<String>,
    unreadable: Vec<(String, String)>,
}

pub fn run(args: &ImportEmlArgs, out: &mut impl Write) -> Result<(), Failure> {
    let mailboxes = args.store.file()?.mailbox;
    let started = Instant::now();
    let summary = runtime()?.block_on(async {
        let (store, policy) = args.store.open().await?;
        let directory = Directory {
            mailboxes,
            units: store.units().await.map_err(storage)?,
            caseworkers: store.caseworkers().await.map_err(storage)?,
            municipality_email: None,
        };
        let intake = Arc::new(Intake::new(directory, Arc::clone(&policy.policy)));
        let summary = import(&args.paths, intake, &store, &policy).await;
        store.close().await.map_err(storage)?;
        summary
    })?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "frist import-eml: {} filer læst på {seconds:.1} s ({:.0} pr. s): {} importeret (heraf {} \
         svar på henvendelser), {} dubletter, {} markeret til en person{}.",
        summary.counts.read,
        summary.counts.read as f64 / seconds.max(1e-9),
        summary.counts.imported,
        summary.counts.replies,
        summary.counts.duplicates,
        summary.counts.flagged,
        if summary.unreadable > 0 {
            format!("; {} filer kunne ikke læses", summary.unreadable)
        } else {
            String::new()
        }
    );
    if args.format == Format::Json {
        serde_json::to_writer(&mut *out, &summary).map_err(std::io::Error::from)?;
        writeln!(out)?;
    }
    Ok(())
}

fn storage(e: frist_store::StoreError) -> Failure {
    Failure::Input(format!("storage: {e}"))
}

async fn import(
    paths: &[PathBuf],
    intake: Arc<Intake>,
    store: &Arc<AnyStore>,
    policy: &PolicyVersion,
) -> Result<Summary, Failure> {
    let bar = progress_bar(paths);
    let (chunks, mut parsed) = tokio::sync::mpsc::channel::<Parsed>(1);
    let walk: Vec<PathBuf> = paths.to_vec();
    let parser = std::thread::spawn(move || {
        let mut files = Walk::new(walk);
        loop {
            let batch: Vec<Result<PathBuf, (PathBuf, std::io::Error)>> =
                files.by_ref().take(CHUNK).collect();
            if batch.is_empty() {
                return;
            }
            if chunks.blocking_send(parse_chunk(batch, &intake)).is_err() {
                return; // the importer stopped
            }
        }
    });
    let mut summary = Summary::default();
    let mut flagged_shown = Vec::new();
    type Importing = tokio::task::JoinHandle<frist_store::StoreResult<Vec<MailReceipt>>>;
    let mut previous: Option<(Vec<String>, Importing)> = None;
    loop {
        let next = parsed.recv().await.map(|chunk| {
            for (path, error) in &chunk.unreadable {
                bar.suspend(|| eprintln!("frist import-eml: cannot read {path}: {error}"));
            }
            summary.unreadable += chunk.unreadable.len() as u64;
            bar.inc(chunk.unreadable.len() as u64);
            let (store, policy) = (Arc::clone(store), policy.clone());
            let task = tokio::spawn(async move { store.import_mail(chunk.mails, &policy).await });
            (chunk.sources, task)
        });
        if let Some((sources, task)) = previous.take() {
            let receipts: Vec<MailReceipt> = task
                .await
                .map_err(|e| Failure::Input(format!("import task failed: {e}")))?
                .map_err(storage)?;
            bar.inc(receipts.len() as u64);
            count(&mut summary, &receipts, &sources, &mut flagged_shown);
        }
        match next {
            Some(task) => previous = Some(task),
            None => break,
        }
    }
    parser
        .join()
        .map_err(|_| Failure::Input("the file reader failed".into()))?;
    bar.finish_and_clear();
    if !flagged_shown.is_empty() {
        eprintln!(
            "Markeret til en person{}:",
            if summary.counts.flagged > SHOWN as u64 {
                format!(" (de første {SHOWN} af {})", summary.counts.flagged)
            } else {
                String::new()
            }
        );
        for (source, reason) in &flagged_shown {
            eprintln!("  {source}: {reason}");
        }
    }
    Ok(summary)
}

fn count(
    summary: &mut Summary,
    receipts: &[MailReceipt],
    sources: &[String],
    shown: &mut Vec<(String, String)>,
) {
    for (receipt, source) in receipts.iter().zip(sources) {
        summary.counts.count(receipt);
        if receipt.outcome == MailOutcome::Flagged && shown.len() < SHOWN {
            let name = source.strip_prefix("file:").unwrap_or(source);
            shown.push((
                name.to_owned(),
                receipt.flag_reason.clone().unwrap_or_default(),
            ));
        }
    }
}

/// Reads and parses `batch` on every core, in order.
fn parse_chunk(batch: Vec<Result<PathBuf, (PathBuf, std::io::Error)>>, intake: &Intake) -> Parsed {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    let per_worker = batch.len().div_ceil(workers).max(1);
    let now = Timestamp::now();
    let results: Vec<Vec<Result<IncomingMail, (String, String)>>> = std::thread::scope(|scope| {
        let handles: Vec<_> = batch
            .chunks(per_worker)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|item| read_one(item, intake, now))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut parsed = Parsed {
        mails: Vec::with_capacity(batch.len()),
        sources: Vec::with_capacity(batch.len()),
        unreadable: Vec::new(),
    };
    for result in results.into_iter().flatten() {
        match result {
            Ok(mail) => {
                parsed.sources.push(mail.source.clone());
                parsed.mails.push(mail);
            }
            Err(unreadable) => parsed.unreadable.push(unreadable),
        }
    }
    parsed
}

fn read_one(
    item: &Result<PathBuf, (PathBuf, std::io::Error)>,
    intake: &Intake,
    now: Timestamp,
) -> Result<IncomingMail, (String, String)> {
    let path = match item {
        Ok(path) => path,
        Err((path, e)) => return Err((path.display().to_string(), e.to_string())),
    };
    let raw = std::fs::read(path).map_err(|e| (path.display().to_string(), e.to_string()))?;
    Ok(intake.incoming(
        raw,
        Arrival {
            source: format!("file:{}", path.display()),
            mailbox: None,
            when: WhenReceived::FromHeaders,
            now,
        },
    ))
}

/// A progress bar on standard error when it is a terminal (counting the files first);
/// otherwise nothing.
fn progress_bar(paths: &[PathBuf]) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let total = Walk::new(paths.to_vec()).count() as u64;
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{wide_bar} {pos}/{len} filer ({per_sec}, {eta} tilbage)",
    ) {
        bar.set_style(style);
    }
    bar
}

/// The files under `paths`, folders recursively in name order; a path that cannot be listed or
/// read is an `Err`. Symbolic links to files are followed, links to folders are not (no loops).
struct Walk {
    /// Paths still to visit, the next one last; `true` for one the user named.
    stack: Vec<(PathBuf, bool)>,
}

impl Walk {
    fn new(paths: Vec<PathBuf>) -> Self {
        Self {
            stack: paths.into_iter().rev().map(|p| (p, true)).collect(),
        }
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf, (PathBuf, std::io::Error)>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some((path, named)) = self.stack.pop() {
            let link = !named
                && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
            match std::fs::metadata(&path) {
                Err(e) => return Some(Err((path, e))),
                Ok(m) if m.is_dir() && !link => {
                    if let Err(e) = self.push_entries(&path) {
                        return Some(Err((path, e)));
                    }
                }
                Ok(m) if m.is_file() => return Some(Ok(path)),
                Ok(_) => {} // sockets, devices, links to folders: not messages
            }
        }
        None
    }
}

impl Walk {
    fn push_entries(&mut self, dir: &Path) -> std::io::Result<()> {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<std::io::Result<_>>()?;
        entries.sort_unstable();
        self.stack
            .extend(entries.into_iter().rev().map(|p| (p, false)));
        Ok(())
    }
}
