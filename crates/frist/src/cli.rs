//! Command-line arguments (clap) and dispatch. The contracts of `frist deadline` and
//! `frist calendar` are fixed (DESIGN.md); add options, never change existing ones.

use crate::commands::{self, Failure};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "frist",
    version,
    about = "Frist: Danish municipalities keep the service promises they publish."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compute the obligations (deadlines) an inquiry gets under a policy.
    Deadline(DeadlineArgs),
    /// List the public holidays and closing days in a date range, as JSON.
    Calendar(CalendarArgs),
    /// Check or explain a policy file.
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Run the web service (JSON API under /api/v1).
    Serve(crate::commands::serve::ServeArgs),
    /// API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Staff accounts for the web pages.
    #[command(subcommand)]
    User(UserCommand),
    /// Compliance figures: how many obligations were met in time.
    Report(crate::commands::report::ReportArgs),
    /// Fill the database with a realistic demo municipality.
    Demo(crate::demo::DemoArgs),
    /// Outgoing messages: deliver, list, resend or mark sent.
    #[command(subcommand)]
    Outbox(crate::commands::outbox::OutboxCommand),
    /// Notices to staff: digests, warnings, escalations, monthly reports.
    #[command(subcommand)]
    Scheduler(crate::commands::scheduler::SchedulerCommand),
    /// Import e-mail files (.eml) in bulk: each becomes an inquiry, a reply to one, a duplicate,
    /// or is kept for a person.
    ImportEml(crate::commands::import_eml::ImportEmlArgs),
    /// Fetch the configured mailboxes over IMAP (`--once`: what is waiting, then exit).
    FetchMail(crate::commands::fetch_mail::FetchMailArgs),
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a bearer token; it is printed once, alone on the last line.
    Create(crate::commands::token::TokenCreateArgs),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a staff account; the password is read from standard input.
    Create(crate::commands::user::UserCreateArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Language {
    #[default]
    Da,
    En,
    De,
}

#[derive(Debug, Args)]
pub struct DeadlineArgs {
    /// Policy file (TOML), or the name of a bundled policy such as `roskilde`.
    #[arg(long, env = "FRIST_POLICY")]
    pub policy: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// JSON lines, one case per line (`-` for standard input). Answers one line per case, in
    /// the same order; a bad line gets an `error` and the rest are still answered.
    #[arg(long, conflicts_with_all = ["channel", "to", "kind", "received_at", "case_type"])]
    pub batch: Option<PathBuf>,
    /// The case's id, echoed in the output.
    #[arg(long)]
    pub id: Option<String>,
    /// email, letter, digital_post, web_form, facebook, phone or in_person.
    #[arg(long, required_unless_present = "batch")]
    pub channel: Option<String>,
    /// general, department or employee.
    #[arg(long)]
    pub to: Option<String>,
    /// general_question, application, complaint, information or other.
    #[arg(long)]
    pub kind: Option<String>,
    /// When the inquiry was received: RFC 3339 with an offset or Z, e.g. 2026-12-23T15:00:00+01:00.
    #[arg(long, required_unless_present = "batch")]
    pub received_at: Option<String>,
    /// A case type of the policy, whose processing deadline then applies too.
    #[arg(long)]
    pub case_type: Option<String>,
}

#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Policy file (TOML) whose closing days apply, or the name of a bundled policy.
    #[arg(long, env = "FRIST_POLICY")]
    pub policy: String,
    /// First date, YYYY-MM-DD.
    #[arg(long)]
    pub from: String,
    /// Last date, YYYY-MM-DD (inclusive).
    #[arg(long)]
    pub to: String,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Validate a policy file and show, per channel, what it promises and what it does not.
    Check(PolicyArgs),
    /// The promises in plain language, as a citizen reads them.
    Explain(PolicyArgs),
}

#[derive(Debug, Args)]
pub struct PolicyArgs {
    /// Policy file (TOML), or the name of a bundled policy.
    pub file: String,
    /// Language of the output.
    #[arg(long, value_enum, default_value = "da")]
    pub lang: Language,
}

/// Parses the arguments, runs the command, and turns its outcome into an exit status:
/// 0 success, 1 some batch lines failed, 2 the command could not run at all.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    init_logging();
    let mut stdout = std::io::stdout().lock();
    let result = match cli.command {
        Command::Deadline(args) => commands::deadline::run(&args, &mut stdout),
        Command::Calendar(args) => commands::calendar::run(&args, &mut stdout),
        Command::Policy(PolicyCommand::Check(args)) => commands::policy::check(&args, &mut stdout),
        Command::Policy(PolicyCommand::Explain(args)) => {
            commands::policy::explain(&args, &mut stdout)
        }
        Command::Serve(args) => commands::serve::run(&args),
        Command::Token(TokenCommand::Create(args)) => commands::token::create(&args, &mut stdout),
        Command::User(UserCommand::Create(args)) => {
            commands::user::create(&args, &mut std::io::stdin().lock(), &mut stdout)
        }
        Command::Report(args) => commands::report::run(&args, &mut stdout),
        Command::Demo(args) => crate::demo::run(&args, &mut stdout),
        Command::Outbox(command) => commands::outbox::run(&command, &mut stdout),
        Command::Scheduler(command) => commands::scheduler::run(&command, &mut stdout),
        Command::ImportEml(args) => commands::import_eml::run(&args, &mut stdout),
        Command::FetchMail(args) => commands::fetch_mail::run(&args, &mut stdout),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::SomeLinesFailed { failed, total }) => {
            eprintln!("frist: {failed} of {total} cases had errors (see their \"error\" fields)");
            ExitCode::from(1)
        }
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::Partial(why)) => {
            eprintln!("frist: {why}");
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("frist: {e}");
            ExitCode::from(2)
        }
    }
}

/// Logs go to standard error, filtered by `FRIST_LOG` (e.g. `info`, `frist_store=debug`);
/// default: warnings only, so command output stays clean. Logs never contain message bodies or
/// CPR numbers: the code never passes them to `tracing`.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("FRIST_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
