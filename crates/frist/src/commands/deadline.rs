//! `frist deadline`: obligations for one case (flags) or many (`--batch` JSON lines).
//!
//! Batch mode streams: one line in, one line out, constant memory whatever the input size.
//! Each line is parsed borrowing from a reused buffer, and the answer is written straight to a
//! buffered output, so the cost per case is a JSON parse and a few table lookups.

use super::Failure;
use crate::cli::{DeadlineArgs, Format};
use crate::policy_source;
use frist_policy::{Addressee, Channel, InquiryFacts, InquiryKind, Obligation, Policy};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::io::Write;

/// One input line. Everything is optional here so that a missing field gets our own message
/// naming it, and unknown fields are ignored (producers may add their own).
#[derive(Deserialize)]
struct CaseLine<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    channel: Option<Cow<'a, str>>,
    #[serde(borrow)]
    to: Option<Cow<'a, str>>,
    #[serde(borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    received_at: Option<Cow<'a, str>>,
    #[serde(borrow)]
    case_type: Option<Cow<'a, str>>,
}

/// The fields of a case as text, from flags or a JSON line.
struct CaseText<'a> {
    channel: Option<&'a str>,
    to: Option<&'a str>,
    kind: Option<&'a str>,
    received_at: Option<&'a str>,
    case_type: Option<&'a str>,
}

/// Validates a case's fields into facts, naming the first problem.
fn facts<'a>(case: &CaseText<'a>) -> Result<InquiryFacts<'a>, String> {
    let channel: Channel = case
        .channel
        .ok_or("missing field \"channel\"")?
        .parse()
        .map_err(|e: frist_policy::UnknownWord| e.to_string())?;
    let to = match case.to {
        Some(s) => s
            .parse()
            .map_err(|e: frist_policy::UnknownWord| e.to_string())?,
        None => Addressee::General,
    };
    let kind = match case.kind {
        Some(s) => s
            .parse()
            .map_err(|e: frist_policy::UnknownWord| e.to_string())?,
        None => InquiryKind::Other,
    };
    let received_text = case.received_at.ok_or("missing field \"received_at\"")?;
    let received_at = received_text.parse::<jiff::Timestamp>().map_err(|e| {
        format!(
            "received_at \"{received_text}\" is not an RFC 3339 timestamp with an offset or Z \
             (e.g. 2026-12-23T15:00:00+01:00): {e}"
        )
    })?;
    Ok(InquiryFacts {
        channel,
        to,
        kind,
        case_type: case.case_type,
        received_at,
    })
}

fn obligations<'p>(policy: &'p Policy, case: &CaseText<'_>) -> Result<Vec<Obligation<'p>>, String> {
    let facts = facts(case)?;
    policy.obligations(&facts).map_err(|e| e.to_string())
}

pub fn run(args: &DeadlineArgs, out: &mut impl Write) -> Result<(), Failure> {
    let policy = policy_source::load(&args.policy)?;
    match &args.batch {
        Some(path) => super::batch::run(&policy, path, args.format, out),
        None => single(&policy, args, out),
    }
}

fn single(policy: &Policy, args: &DeadlineArgs, out: &mut impl Write) -> Result<(), Failure> {
    let case = CaseText {
        channel: args.channel.as_deref(),
        to: args.to.as_deref(),
        kind: args.kind.as_deref(),
        received_at: args.received_at.as_deref(),
        case_type: args.case_type.as_deref(),
    };
    let result = obligations(policy, &case).map_err(Failure::Input)?;
    let id = args
        .id
        .as_ref()
        .map(|id| serde_json::to_string(id).unwrap_or_default());
    match args.format {
        Format::Json => write_json(out, id.as_deref(), &Ok(result))?,
        Format::Text => write_text(out, args.id.as_deref(), &Ok(result))?,
    }
    out.flush()?;
    Ok(())
}

/// What became of one input line in batch mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineOutcome {
    /// A blank line: not a case, no output.
    Blank,
    Answered,
    Failed,
}

/// Answers one batch line (without its newline) into `out`. `number` is the 1-based line
/// number, for error messages; `too_long` marks a line that was cut off by the reader.
pub(crate) fn answer_line(
    policy: &Policy,
    text: &[u8],
    number: u64,
    too_long: bool,
    format: Format,
    out: &mut Vec<u8>,
) -> LineOutcome {
    if too_long {
        let error = format!(
            "line {number} is longer than {} bytes; it was skipped",
            super::batch::MAX_LINE
        );
        write_line(out, format, None, &Err(error));
        return LineOutcome::Failed;
    }
    let text = text.trim_ascii();
    if text.is_empty() {
        return LineOutcome::Blank;
    }
    let (id, result) = match serde_json::from_slice::<CaseLine>(text) {
        Ok(c) => {
            let case = CaseText {
                channel: c.channel.as_deref(),
                to: c.to.as_deref(),
                kind: c.kind.as_deref(),
                received_at: c.received_at.as_deref(),
                case_type: c.case_type.as_deref(),
            };
            let result = obligations(policy, &case);
            // Every batch answer carries an id, null when the line had none.
            let id = c.id.map_or("null", RawValue::get);
            write_line(out, format, Some(id), &result);
            return if result.is_ok() {
                LineOutcome::Answered
            } else {
                LineOutcome::Failed
            };
        }
        Err(e) => explain_bad_line(text, &e),
    };
    write_line(
        out,
        format,
        id.as_deref(),
        &Err(format!("line {number}: {result}")),
    );
    LineOutcome::Failed
}

/// A line serde refused: say which field is wrong when the line is a JSON object, and recover
/// its id so the answer can still be matched to the case.
fn explain_bad_line(text: &[u8], error: &serde_json::Error) -> (Option<String>, String) {
    let value: serde_json::Value = match serde_json::from_slice(text) {
        Ok(v) => v,
        Err(_) => return (None, format!("not valid JSON: {error}")),
    };
    let Some(object) = value.as_object() else {
        return (None, "not a JSON object; each line must be one object like {\"id\":\"c1\",\"channel\":\"email\",…}".into());
    };
    let id = object.get("id").map(|v| v.to_string());
    for field in ["channel", "to", "kind", "received_at", "case_type"] {
        if let Some(v) = object.get(field)
            && !v.is_string()
            && !v.is_null()
        {
            return (id, format!("field \"{field}\" must be a string, not {v}"));
        }
    }
    (id, error.to_string())
}

/// Writes one answer into an in-memory buffer; writing to a `Vec` cannot fail.
fn write_line(
    out: &mut Vec<u8>,
    format: Format,
    id: Option<&str>,
    result: &Result<Vec<Obligation<'_>>, String>,
) {
    let _ = match format {
        Format::Json => write_json(out, id, result),
        Format::Text => write_text(out, id, result),
    };
}

/// `{"id":…,"obligations":[…]}` or `{"id":…,"error":"…"}`. `id` is raw JSON (echoed as given).
fn write_json(
    out: &mut impl Write,
    id: Option<&str>,
    result: &Result<Vec<Obligation<'_>>, String>,
) -> std::io::Result<()> {
    out.write_all(b"{")?;
    if let Some(id) = id {
        write!(out, "\"id\":{id},")?;
    } else if result.is_err() {
        out.write_all(b"\"id\":null,")?;
    }
    match result {
        Ok(list) => {
            out.write_all(b"\"obligations\":[")?;
            for (i, o) in list.iter().enumerate() {
                if i > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(b"{\"goal\":")?;
                serde_json::to_writer(&mut *out, o.goal)?;
                write!(
                    out,
                    ",\"requires\":\"{}\",\"due_date\":\"{}\",\"due_at\":\"{}\"}}",
                    o.requires,
                    o.due_date,
                    o.due_at_local()
                )?;
            }
            out.write_all(b"]}\n")
        }
        Err(message) => {
            out.write_all(b"\"error\":")?;
            serde_json::to_writer(&mut *out, message)?;
            out.write_all(b"}\n")
        }
    }
}

fn write_text(
    out: &mut impl Write,
    id: Option<&str>,
    result: &Result<Vec<Obligation<'_>>, String>,
) -> std::io::Result<()> {
    let id = id.unwrap_or("case");
    match result {
        Err(message) => writeln!(out, "{id}: error: {message}"),
        Ok(list) if list.is_empty() => writeln!(out, "{id}: no obligations"),
        Ok(list) => {
            writeln!(out, "{id}:")?;
            for o in list {
                writeln!(
                    out,
                    "  {:<8} {:<14} due {} ({})",
                    o.goal,
                    o.requires.as_str(),
                    o.due_date,
                    o.due_at_local()
                )?;
            }
            Ok(())
        }
    }
}
