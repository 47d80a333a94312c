//! `frist report`: compliance per goal, unit, channel, month or case type, as a table, CSV or
//! JSON; by goal or case type with the policy's target and whether it was reached.

use super::Failure;
use crate::config::{StoreArgs, runtime};
use clap::{Args, Subcommand, ValueEnum};
use frist_calendar::Date;
use frist_policy::COPENHAGEN;
use frist_store::{GroupBy, Store, TargetedRow, against_targets};
use std::io::Write;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum GroupByArg {
    Goal,
    Unit,
    Channel,
    Month,
    /// The inquiry's case type.
    CaseType,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Table,
    Csv,
    Json,
}

/// `frist report --from … --to …` is the compliance report; `frist report service …` the
/// service report.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct ReportArgs {
    #[command(subcommand)]
    pub kind: Option<ReportKind>,
    /// First day (local date), inclusive.
    #[arg(long, required = true)]
    pub from: Option<String>,
    /// Last day (local date), inclusive.
    #[arg(long, required = true)]
    pub to: Option<String>,
    #[arg(long, value_enum, default_value = "goal")]
    pub group_by: GroupByArg,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Subcommand)]
pub enum ReportKind {
    /// The service report: inquiries received, referrals, phone handling, errors, feedback,
    /// promised dates kept, and the working days to the final answer, gross and net.
    Service(super::service_report::ServiceArgs),
}

/// `--from` and `--to` as dates, and as the instants that bound the period in Copenhagen.
pub(crate) fn period(
    from: &str,
    to: &str,
) -> Result<(Date, Date, jiff::Timestamp, jiff::Timestamp), Failure> {
    let from = date("from", from)?;
    let to = date("to", to)?;
    if to < from {
        return Err(Failure::Input(format!("--to {to} is before --from {from}")));
    }
    let start = from
        .to_zoned(COPENHAGEN.clone())
        .map_err(|e| Failure::Input(e.to_string()))?
        .timestamp();
    let end = to
        .tomorrow()
        .and_then(|d| d.to_zoned(COPENHAGEN.clone()))
        .map_err(|e| Failure::Input(e.to_string()))?
        .timestamp();
    Ok((from, to, start, end))
}

fn date(flag: &str, value: &str) -> Result<Date, Failure> {
    value.parse::<Date>().map_err(|e| {
        Failure::Input(format!(
            "--{flag} \"{value}\" is not a date (YYYY-MM-DD): {e}"
        ))
    })
}

pub fn run(args: &ReportArgs, out: &mut impl Write) -> Result<(), Failure> {
    if let Some(ReportKind::Service(service)) = &args.kind {
        return super::service_report::run(service, out);
    }
    let needed = |v: &Option<String>, flag: &str| {
        v.clone()
            .ok_or_else(|| Failure::Input(format!("--{flag} is required (YYYY-MM-DD)")))
    };
    let (from, to, start, end) = period(&needed(&args.from, "from")?, &needed(&args.to, "to")?)?;
    let group_by = match args.group_by {
        GroupByArg::Goal => GroupBy::Goal,
        GroupByArg::Unit => GroupBy::Unit,
        GroupByArg::Channel => GroupBy::Channel,
        GroupByArg::Month => GroupBy::Month,
        GroupByArg::CaseType => GroupBy::CaseType,
    };
    let rows = runtime()?.block_on(async {
        let (store, policy) = args.store.open().await?;
        let rows = store
            .compliance(start, end, group_by, jiff::Timestamp::now())
            .await
            .map_err(|e| Failure::Input(format!("cannot compute the report: {e}")))?;
        Ok::<_, Failure>(against_targets(rows, group_by, &policy.policy))
    })?;
    match args.format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        ReportFormat::Csv => {
            writeln!(
                out,
                "group,total,met,met_late,breached,pending,waived,on_time_percent,median_working_days,p90_working_days,target_percent,target_reached"
            )?;
            for t in &rows {
                let r = &t.row;
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},{},{},{}",
                    csv_field(&r.group),
                    r.total,
                    r.met,
                    r.met_late,
                    r.breached,
                    r.pending,
                    r.waived,
                    percent(r),
                    days(r.median_working_days),
                    days(r.p90_working_days),
                    days(t.target_percent),
                    t.target_reached.map_or_else(String::new, |b| b.to_string())
                )?;
            }
        }
        ReportFormat::Table => table(&rows, from, to, out)?,
    }
    Ok(())
}

fn days(d: Option<f64>) -> String {
    d.map_or_else(String::new, |d| format!("{d:.1}"))
}

fn percent(r: &frist_store::ComplianceRow) -> String {
    r.on_time_percent
        .map_or_else(String::new, |p| format!("{p:.1}"))
}

/// A CSV field, quoted when it holds a comma, quote or newline.
pub(crate) fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn table(rows: &[TargetedRow], from: Date, to: Date, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "Overholdelse af frister, forfaldne {from} – {to}")?;
    writeln!(
        out,
        "(tid til opfyldelse i arbejdsdage efter modtagelsen: median og 90 %-fraktil)"
    )?;
    let width = rows
        .iter()
        .map(|r| r.row.group.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    writeln!(
        out,
        "{:<width$}  {:>6}  {:>6}  {:>8}  {:>11}  {:>8}  {:>8}  {:>9}  {:>6}  {:>6}",
        "gruppe",
        "i alt",
        "rettid",
        "for sent",
        "overskredet",
        "afventer",
        "bortfald",
        "til tiden",
        "median",
        "90 %"
    )?;
    let targets = rows.iter().any(|r| r.target_percent.is_some());
    for t in rows {
        let r = &t.row;
        let pct = r
            .on_time_percent
            .map_or_else(|| "–".to_owned(), |p| format!("{p:.1} %"));
        let d = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
        writeln!(
            out,
            "{:<width$}  {:>6}  {:>6}  {:>8}  {:>11}  {:>8}  {:>8}  {:>9}  {:>6}  {:>6}",
            r.group,
            r.total,
            r.met,
            r.met_late,
            r.breached,
            r.pending,
            r.waived,
            pct,
            d(r.median_working_days),
            d(r.p90_working_days)
        )?;
        if targets && let Some(target) = t.target_percent {
            let verdict = match t.target_reached {
                Some(true) => "nået",
                Some(false) => "ikke nået",
                None => "intet afgjort endnu",
            };
            writeln!(out, "{:<width$}  mål {target:.1} %: {verdict}", "")?;
        }
    }
    if rows.is_empty() {
        writeln!(out, "(ingen frister forfaldt i perioden)")?;
    }
    Ok(())
}
