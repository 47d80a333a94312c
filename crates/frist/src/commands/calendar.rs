//! `frist calendar`: every public holiday and closing day in a range, as a JSON array.

use super::Failure;
use crate::cli::CalendarArgs;
use crate::policy_source;
use frist_calendar::Date;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Entry<'a> {
    date: String,
    name: &'a str,
    kind: &'static str,
}

fn parse_date(flag: &str, value: &str) -> Result<Date, Failure> {
    value.parse::<Date>().map_err(|e| {
        Failure::Input(format!(
            "--{flag} \"{value}\" is not a date (YYYY-MM-DD): {e}"
        ))
    })
}

pub fn run(args: &CalendarArgs, out: &mut impl Write) -> Result<(), Failure> {
    let policy = policy_source::load(&args.policy)?;
    let from = parse_date("from", &args.from)?;
    let to = parse_date("to", &args.to)?;
    if to < from {
        return Err(Failure::Input(format!("--to {to} is before --from {from}")));
    }
    let days = policy
        .calendar
        .days_off(from, to)
        .map_err(|e| Failure::Input(e.to_string()))?;
    let mut out = std::io::BufWriter::new(out);
    out.write_all(b"[")?;
    for (i, d) in days.iter().enumerate() {
        out.write_all(if i == 0 { b"\n  " } else { b",\n  " })?;
        let entry = Entry {
            date: d.date.to_string(),
            name: d.name,
            kind: d.kind.as_str(),
        };
        serde_json::to_writer(&mut out, &entry).map_err(std::io::Error::from)?;
    }
    out.write_all(if days.is_empty() { b"]\n" } else { b"\n]\n" })?;
    out.flush()?;
    Ok(())
}
