//! `frist deadline --batch`: streaming JSON lines through all cores, in order.
//!
//! A reader thread cuts the input into chunks of lines; workers answer chunks (chunk i goes to
//! worker i mod W); this thread writes the answers back in chunk order, so output order equals
//! input order. Channels are bounded, so memory stays constant whatever the input size, and a
//! closed output (`| head`) stops the whole pipeline.

use super::Failure;
use super::deadline::{LineOutcome, answer_line};
use crate::cli::Format;
use frist_policy::Policy;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// The longest input line answered; a longer one gets an error and is skipped, so memory stays
/// bounded whatever the input.
pub(crate) const MAX_LINE: usize = 1 << 20;

/// Lines per chunk: large enough to amortise channel hand-offs, small enough for low latency.
const CHUNK_LINES: usize = 2048;

/// Chunks waiting per worker, each way.
const QUEUE: usize = 2;

struct Line {
    start: usize,
    end: usize,
    number: u64,
    too_long: bool,
}

#[derive(Default)]
struct Chunk {
    data: Vec<u8>,
    lines: Vec<Line>,
}

struct Answers {
    out: Vec<u8>,
    total: u64,
    failed: u64,
}

pub(crate) fn run(
    policy: &Policy,
    path: &Path,
    format: Format,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let shown = path.display().to_string();
    let input: Box<dyn Read + Send> = if shown == "-" {
        Box::new(std::io::stdin())
    } else {
        let file = std::fs::File::open(path).map_err(|source| Failure::Read {
            path: shown.clone(),
            source,
        })?;
        Box::new(file)
    };
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8);

    std::thread::scope(|scope| {
        let mut to_workers: Vec<SyncSender<Chunk>> = Vec::with_capacity(workers);
        let mut from_workers: Vec<Receiver<Answers>> = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (chunk_tx, chunk_rx) = sync_channel::<Chunk>(QUEUE);
            let (answer_tx, answer_rx) = sync_channel::<Answers>(QUEUE);
            scope.spawn(move || {
                for chunk in chunk_rx {
                    if answer_tx.send(answer(policy, &chunk, format)).is_err() {
                        break; // the writer stopped
                    }
                }
            });
            to_workers.push(chunk_tx);
            from_workers.push(answer_rx);
        }
        let reader = scope.spawn(move || read_chunks(input, &to_workers));

        let written = write_in_order(&from_workers, out);
        drop(from_workers); // unblocks workers (and so the reader) if writing stopped early
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the reader thread failed")));
        let (total, failed) = written?;
        read.map_err(|source| Failure::Read {
            path: shown.clone(),
            source,
        })?;
        if failed > 0 {
            return Err(Failure::SomeLinesFailed { failed, total });
        }
        Ok(())
    })
}

fn answer(policy: &Policy, chunk: &Chunk, format: Format) -> Answers {
    let mut answers = Answers {
        out: Vec::with_capacity(chunk.lines.len() * 160),
        total: 0,
        failed: 0,
    };
    for line in &chunk.lines {
        let text = chunk.data.get(line.start..line.end).unwrap_or_default();
        match answer_line(
            policy,
            text,
            line.number,
            line.too_long,
            format,
            &mut answers.out,
        ) {
            LineOutcome::Blank => {}
            LineOutcome::Answered => answers.total += 1,
            LineOutcome::Failed => {
                answers.total += 1;
                answers.failed += 1;
            }
        }
    }
    answers
}

/// Writes the answers of chunk 0, 1, 2, … (from worker 0, 1, …, 0, 1, …) until all are done.
fn write_in_order(
    from_workers: &[Receiver<Answers>],
    out: &mut impl Write,
) -> Result<(u64, u64), Failure> {
    let (mut total, mut failed) = (0, 0);
    // Chunks are dealt out in turn, so when the worker due next has nothing more, no chunk is left.
    for receiver in from_workers.iter().cycle() {
        let Ok(answers) = receiver.recv() else { break };
        out.write_all(&answers.out)?;
        total += answers.total;
        failed += answers.failed;
    }
    out.flush()?;
    Ok((total, failed))
}

/// Reads lines into chunks and deals them to the workers in turn.
fn read_chunks(
    input: Box<dyn Read + Send>,
    to_workers: &[SyncSender<Chunk>],
) -> std::io::Result<()> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut number = 0u64;
    let mut chunk = Chunk::default();
    let mut next = 0usize;
    let mut send = |chunk: Chunk| -> bool {
        let target = to_workers.get(next % to_workers.len().max(1));
        next += 1;
        target.is_some_and(|t| t.send(chunk).is_ok())
    };
    loop {
        let start = chunk.data.len();
        let Some(too_long) = read_bounded_line(&mut input, &mut chunk.data)? else {
            break;
        };
        number += 1;
        chunk.lines.push(Line {
            start,
            end: chunk.data.len(),
            number,
            too_long,
        });
        if chunk.lines.len() == CHUNK_LINES && !send(std::mem::take(&mut chunk)) {
            return Ok(()); // the writer stopped; nothing more to do
        }
    }
    if !chunk.lines.is_empty() {
        send(chunk);
    }
    Ok(())
}

/// Appends one line (without its newline) to `data`, keeping at most [`MAX_LINE`] bytes of it.
/// `None` at end of input, otherwise whether the line was too long (then nothing is kept).
fn read_bounded_line(
    input: &mut impl BufRead,
    data: &mut Vec<u8>,
) -> std::io::Result<Option<bool>> {
    let start = data.len();
    let mut too_long = false;
    let mut read_any = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(read_any.then_some(too_long));
        }
        read_any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (chunk.get(..i).unwrap_or_default(), Some(i + 1)),
            None => (chunk, None),
        };
        if data.len() - start + part.len() > MAX_LINE {
            too_long = true;
            data.truncate(start);
        } else if !too_long {
            data.extend_from_slice(part);
        }
        let consumed = done.unwrap_or(chunk.len());
        input.consume(consumed);
        if done.is_some() {
            return Ok(Some(too_long));
        }
    }
}
