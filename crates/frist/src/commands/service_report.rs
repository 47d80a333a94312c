//! `frist report service`: the service report — what the policies promise beyond deadlines —
//! over the inquiries received in a period, as a table, CSV or JSON.

use super::Failure;
use super::report::{ReportFormat, period};
use crate::config::{StoreArgs, runtime};
use clap::{Args, ValueEnum};
use frist_core::service::{ServiceGroupBy, ServiceRow};
use frist_store::Store;
use std::io::Write;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ServiceGroupByArg {
    Month,
    Unit,
    Channel,
    CaseType,
    SenderKind,
}

#[derive(Debug, Args)]
pub struct ServiceArgs {
    /// First day of receipt (local date), inclusive.
    #[arg(long)]
    pub from: String,
    /// Last day of receipt (local date), inclusive.
    #[arg(long)]
    pub to: String,
    #[arg(long, value_enum, default_value = "month")]
    pub group_by: ServiceGroupByArg,
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn run(args: &ServiceArgs, out: &mut impl Write) -> Result<(), Failure> {
    let (from, to, start, end) = period(&args.from, &args.to)?;
    let group_by = match args.group_by {
        ServiceGroupByArg::Month => ServiceGroupBy::Month,
        ServiceGroupByArg::Unit => ServiceGroupBy::Unit,
        ServiceGroupByArg::Channel => ServiceGroupBy::Channel,
        ServiceGroupByArg::CaseType => ServiceGroupBy::CaseType,
        ServiceGroupByArg::SenderKind => ServiceGroupBy::SenderKind,
    };
    let rows = runtime()?.block_on(async {
        let (store, policy) = args.store.open().await?;
        let calendar = policy.policy.calendar.clone();
        store
            .service_report(start, end, group_by, calendar, jiff::Timestamp::now())
            .await
            .map_err(|e| Failure::Input(format!("cannot compute the report: {e}")))
    })?;
    match args.format {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &rows).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        ReportFormat::Csv => csv(&rows, out)?,
        ReportFormat::Table => table(&rows, from, to, out)?,
    }
    Ok(())
}

fn number(v: Option<f64>) -> String {
    v.map_or_else(String::new, |v| format!("{v:.1}"))
}

fn csv(rows: &[ServiceRow], out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "group,received,referred,referrals,referred_more_than_once,handed_over,\
         phone_first_contact,phone_messages_taken,errors_registered,inquiries_with_errors,\
         feedback_received,satisfaction_mean,satisfaction_1,satisfaction_2,satisfaction_3,\
         satisfaction_4,satisfaction_5,promised_dates,promised_kept,answered,\
         gross_median_working_days,gross_p90_working_days,net_median_working_days,\
         net_p90_working_days"
    )?;
    for r in rows {
        let group = super::report::csv_field(&r.group);
        let [s1, s2, s3, s4, s5] = r.satisfaction;
        writeln!(
            out,
            "{group},{},{},{},{},{},{},{},{},{},{},{},{s1},{s2},{s3},{s4},{s5},{},{},{},{},{},{},{}",
            r.received,
            r.referred,
            r.referrals,
            r.referred_more_than_once,
            r.handed_over,
            r.phone_first_contact,
            r.phone_messages_taken,
            r.errors_registered,
            r.inquiries_with_errors,
            r.feedback_received,
            number(r.satisfaction_mean),
            r.promised_dates,
            r.promised_kept,
            r.answered,
            number(r.gross_median_working_days),
            number(r.gross_p90_working_days),
            number(r.net_median_working_days),
            number(r.net_p90_working_days),
        )?;
    }
    Ok(())
}

fn table(
    rows: &[ServiceRow],
    from: frist_calendar::Date,
    to: frist_calendar::Date,
    out: &mut impl Write,
) -> std::io::Result<()> {
    writeln!(out, "Service: henvendelser modtaget {from} – {to}")?;
    writeln!(
        out,
        "(videresendt: mindst én gang / mere end én gang; telefon: løst ved første kontakt / \
         besked taget; tid til endeligt svar i arbejdsdage, median / 90 %-fraktil, brutto og \
         netto af ventetid på borgeren)"
    )?;
    let width = rows
        .iter()
        .map(|r| r.group.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    writeln!(
        out,
        "{:<width$}  {:>8}  {:>11}  {:>10}  {:>11}  {:>5}  {:>12}  {:>12}  {:>11}  {:>11}",
        "gruppe",
        "modtaget",
        "videresendt",
        "overdraget",
        "telefon",
        "fejl",
        "tilfredshed",
        "løfter holdt",
        "brutto",
        "netto"
    )?;
    let d = |v: Option<f64>| v.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"));
    for r in rows {
        let satisfaction = match r.satisfaction_mean {
            Some(mean) => format!("{mean:.1} ({})", r.feedback_received),
            None => "–".to_owned(),
        };
        writeln!(
            out,
            "{:<width$}  {:>8}  {:>11}  {:>10}  {:>11}  {:>5}  {:>12}  {:>12}  {:>11}  {:>11}",
            r.group,
            r.received,
            format!("{} / {}", r.referred, r.referred_more_than_once),
            r.handed_over,
            format!("{} / {}", r.phone_first_contact, r.phone_messages_taken),
            r.errors_registered,
            satisfaction,
            format!("{} / {}", r.promised_kept, r.promised_dates),
            format!(
                "{} / {}",
                d(r.gross_median_working_days),
                d(r.gross_p90_working_days)
            ),
            format!(
                "{} / {}",
                d(r.net_median_working_days),
                d(r.net_p90_working_days)
            ),
        )?;
    }
    if rows.is_empty() {
        writeln!(out, "(ingen henvendelser modtaget i perioden)")?;
    }
    Ok(())
}
