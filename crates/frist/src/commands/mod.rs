//! The CLI's commands. Each takes its arguments and an output stream, so tests can run them
//! without a process.

mod batch;
pub mod calendar;
pub mod deadline;
pub mod fetch_mail;
pub mod import_eml;
pub mod outbox;
pub mod policy;
pub mod report;
pub mod scheduler;
pub mod serve;
pub mod service_report;
pub mod token;
pub mod user;

use crate::policy_source::LoadError;

/// Why a command did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error(transparent)]
    Policy(#[from] LoadError),
    #[error("{0}")]
    Input(String),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("cannot write output: {0}")]
    Write(std::io::Error),
    /// The reader of our output went away (e.g. `| head`): not an error worth reporting.
    #[error("output closed")]
    BrokenPipe,
    /// Batch mode answered every line, but some answers are errors.
    #[error("{failed} of {total} cases had errors")]
    SomeLinesFailed { failed: u64, total: u64 },
    /// The command ran, but part of its work failed (e.g. one mailbox of several).
    #[error("{0}")]
    Partial(String),
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Write(e)
        }
    }
}
