//! The outbox's sections of the configuration file, and the deliveries built from them:
//!
//! ```toml
//! [smtp]                       # e-mail out
//! host = "smtp.kommune.dk"
//! port = 587                   # default: 25 (none), 587 (starttls), 465 (tls)
//! security = "starttls"        # none | starttls | tls
//! username = "frist"
//! password_file = "/etc/frist/smtp-password"   # or password = "…"
//! from_address = "post@kommune.dk"             # default: the policy's municipality e-mail
//! from_name = "Kommune"                        # default: the policy's municipality name
//! ca_file = "/etc/frist/internal-ca.pem"       # optional: a CA to trust besides the system's
//!
//! [digital_post]               # picked up by the municipality's Digital Post integration
//! outbox_dir = "/var/spool/frist/digital-post"
//!
//! [print]                      # picked up by the print integration (paper letters)
//! outbox_dir = "/var/spool/frist/print"
//!
//! [outbox]
//! poll_seconds = 30            # how often `frist serve` looks for due messages
//! max_attempts = 10
//! first_retry_seconds = 60     # doubling up to max_retry_seconds
//! max_retry_seconds = 3600
//! ```
//!
//! A channel without a section has no delivery: its messages wait in the outbox (and the staff
//! page says so) until it is configured.

use crate::commands::Failure;
use crate::config::ConfigFile;
use frist_channels::outbox::{Delivery, OutboxDirectory, RetryPolicy};
use frist_channels::post::PostRender;
use frist_channels::smtp::{Security, SmtpDelivery, SmtpSettings};
use frist_policy::{Channel, Policy};
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[derive(Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmtpSection {
    pub host: String,
    #[serde(default)]
    pub port: Option<u16>,
    #[serde(default)]
    pub security: Security,
    #[serde(default)]
    pub username: Option<String>,
    #[serde(default)]
    pub password: Option<String>,
    #[serde(default)]
    pub password_file: Option<PathBuf>,
    #[serde(default)]
    pub from_address: Option<String>,
    #[serde(default)]
    pub from_name: Option<String>,
    #[serde(default)]
    pub timeout_seconds: Option<u64>,
    /// A CA certificate (PEM) to trust besides the system's, for an internal relay.
    #[serde(default)]
    pub ca_file: Option<PathBuf>,
}

impl std::fmt::Debug for SmtpSection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpSection")
            .field("host", &self.host)
            .field("port", &self.port)
            .field("security", &self.security)
            .field("username", &self.username)
            .field("password", &self.password.as_ref().map(|_| "(redacted)"))
            .field("password_file", &self.password_file)
            .field("from_address", &self.from_address)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectorySection {
    pub outbox_dir: PathBuf,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutboxSection {
    #[serde(default)]
    pub poll_seconds: Option<u64>,
    #[serde(default)]
    pub max_attempts: Option<u32>,
    #[serde(default)]
    pub first_retry_seconds: Option<u64>,
    #[serde(default)]
    pub max_retry_seconds: Option<u64>,
}

/// The deliveries the configuration sets up.
pub fn deliveries(file: &ConfigFile, policy: &Policy) -> Result<Vec<Arc<dyn Delivery>>, Failure> {
    let mut all: Vec<Arc<dyn Delivery>> = Vec::new();
    if let Some(smtp) = &file.smtp {
        all.push(Arc::new(smtp_delivery(smtp, policy)?));
    }
    for (channel, section) in [
        (Channel::DigitalPost, &file.digital_post),
        (Channel::Letter, &file.print),
    ] {
        if let Some(section) = section {
            if channel == Channel::DigitalPost && policy.municipality.cvr.is_none() {
                // Every Digital Post message would fail; say so once, at start-up.
                tracing::warn!(
                    "[digital_post] is configured, but the policy names no municipality CVR \
                     number ([municipality] cvr = \"…\"); Digital Post messages cannot be made"
                );
                eprintln!(
                    "Warning: Digital Post needs the municipality's CVR number in the policy \
                     ([municipality] cvr = \"…\"); until it is there, Digital Post replies fail."
                );
            }
            all.push(Arc::new(OutboxDirectory::new(
                channel,
                section.outbox_dir.clone(),
                Arc::new(PostRender { channel }),
            )));
        }
    }
    if let Some(section) = &file.facebook {
        let config = Arc::new(section.resolve()?);
        all.push(Arc::new(frist_channels::facebook::FacebookDelivery::new(
            config,
        )));
    }
    Ok(all)
}

fn smtp_delivery(smtp: &SmtpSection, policy: &Policy) -> Result<SmtpDelivery, Failure> {
    let bad = |what: String| Failure::Input(format!("configuration [smtp]: {what}"));
    let password = match (&smtp.password, &smtp.password_file) {
        (Some(_), Some(_)) => {
            return Err(bad("give password or password_file, not both".into()));
        }
        (Some(p), None) => Some(p.clone()),
        (None, Some(path)) => Some(
            std::fs::read_to_string(path)
                .map_err(|e| bad(format!("cannot read password_file {}: {e}", path.display())))?
                .trim_end_matches(['\r', '\n'])
                .to_owned(),
        ),
        (None, None) => None,
    };
    let ca_certificate = match &smtp.ca_file {
        Some(path) => Some(
            std::fs::read(path)
                .map_err(|e| bad(format!("cannot read ca_file {}: {e}", path.display())))?,
        ),
        None => None,
    };
    let address = smtp
        .from_address
        .clone()
        .or_else(|| policy.municipality.email.clone())
        .ok_or_else(|| {
            bad("from_address is not set and the policy names no municipality e-mail".into())
        })?;
    let name = smtp
        .from_name
        .clone()
        .unwrap_or_else(|| policy.municipality.name.clone());
    let from = format!("{name} <{address}>").parse().map_err(|_| {
        bad(format!(
            "from_address \"{address}\" is not an e-mail address"
        ))
    })?;
    SmtpDelivery::new(SmtpSettings {
        host: smtp.host.clone(),
        port: smtp.port,
        security: smtp.security,
        username: smtp.username.clone(),
        password,
        from,
        timeout: Duration::from_secs(smtp.timeout_seconds.unwrap_or(60)),
        ca_certificate,
    })
    .map_err(|e| bad(e.to_string()))
}

pub fn retry(file: &ConfigFile) -> RetryPolicy {
    let section = file.outbox.clone().unwrap_or_default();
    let default = RetryPolicy::default();
    RetryPolicy {
        first: section
            .first_retry_seconds
            .map_or(default.first, Duration::from_secs),
        max: section
            .max_retry_seconds
            .map_or(default.max, Duration::from_secs),
        max_attempts: section.max_attempts.unwrap_or(default.max_attempts).max(1),
    }
}

pub fn poll(file: &ConfigFile) -> Duration {
    Duration::from_secs(
        file.outbox
            .as_ref()
            .and_then(|o| o.poll_seconds)
            .unwrap_or(30)
            .max(1),
    )
}

/// The domain of our Message-IDs: the sender address's, else the municipality e-mail's.
pub fn mail_domain(file: &ConfigFile, policy: &Policy) -> String {
    file.smtp
        .as_ref()
        .and_then(|s| s.from_address.clone())
        .or_else(|| policy.municipality.email.clone())
        .and_then(|a| a.rsplit_once('@').map(|(_, d)| d.trim().to_owned()))
        .filter(|d| {
            !d.is_empty()
                && d.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-".contains(c))
        })
        .unwrap_or_else(|| "frist.invalid".to_owned())
}
