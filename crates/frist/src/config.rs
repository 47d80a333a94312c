//! Options shared by the commands that use the database: where it is and which policy applies.
//! Each is also an environment variable, so a service manager can configure Frist without
//! flags.

use crate::commands::Failure;
use crate::policy_source::{self, DEFAULT};
use clap::Args;
use frist_channels::outbox::PublicUrl;
use frist_store::{AnyStore, PolicyVersion, Store};
use serde::Deserialize;
use std::path::PathBuf;
use std::sync::Arc;

/// The default database: a SQLite file in the working directory, created on first use.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://frist.db";
/// The default listening address.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// `--config`, `--database-url` and `--policy`. Each setting comes from the flag, else its
/// environment variable, else the configuration file, else the default.
#[derive(Clone, Args)]
pub struct StoreArgs {
    /// Configuration file (TOML) with `listen`, `database_url`, `policy` and `[[mailbox]]` entries.
    #[arg(long, env = "FRIST_CONFIG")]
    pub config: Option<PathBuf>,
    /// Database: `sqlite://FILE` (created on first use) or `postgres://USER@HOST/DB`
    /// [default: sqlite://frist.db].
    #[arg(long, env = "FRIST_DATABASE_URL")]
    pub database_url: Option<String>,
    /// Policy file (TOML) or the name of a bundled policy; new inquiries are received under it
    /// [default: hoeje-taastrup].
    #[arg(long, env = "FRIST_POLICY")]
    pub policy: Option<String>,
}

impl std::fmt::Debug for StoreArgs {
    /// Without the database password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreArgs")
            .field("config", &self.config)
            .field("database_url", &self.database_url.as_deref().map(redact))
            .field("policy", &self.policy)
            .finish()
    }
}

/// The configuration file. Unknown keys are errors, so a misspelt setting is not ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub listen: Option<String>,
    /// Where citizens reach Frist (see [`PublicUrlArg`]).
    pub public_url: Option<String>,
    pub database_url: Option<String>,
    pub policy: Option<String>,
    /// Facebook Messenger (see [`crate::facebook_config`]); absent: no Messenger.
    pub facebook: Option<crate::facebook_config::FacebookSection>,
    /// Staff sign-in through an identity provider (see [`crate::oidc_config`]); absent:
    /// passwords only.
    pub oidc: Option<crate::oidc_config::OidcSection>,
    pub smtp: Option<crate::outbox_config::SmtpSection>,
    pub digital_post: Option<crate::outbox_config::DirectorySection>,
    pub print: Option<crate::outbox_config::DirectorySection>,
    pub outbox: Option<crate::outbox_config::OutboxSection>,
    /// `[scheduler]`: whether `frist serve` runs the scheduler (default: yes).
    pub scheduler: Option<SchedulerSection>,
    /// The municipality's mailboxes (`[[mailbox]]`): whose each is, and how to fetch it.
    #[serde(default)]
    pub mailbox: Vec<frist_channels::mail::Mailbox>,
}

impl StoreArgs {
    /// The configuration file's settings (empty when none is given).
    pub fn file(&self) -> Result<ConfigFile, Failure> {
        let Some(path) = &self.config else {
            return Ok(ConfigFile::default());
        };
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| Failure::Read {
            path: shown.clone(),
            source,
        })?;
        let file: ConfigFile = toml::from_str(&text).map_err(|e| {
            Failure::Input(format!(
                "configuration file {shown}: {}",
                e.message().trim_end()
            ))
        })?;
        let problems: Vec<String> = file.mailbox.iter().flat_map(|m| m.problems()).collect();
        if !problems.is_empty() {
            return Err(Failure::Input(format!(
                "configuration file {shown}: {}",
                problems.join("; ")
            )));
        }
        Ok(file)
    }

    /// The database URL in force.
    pub fn database_url(&self) -> Result<String, Failure> {
        Ok(match &self.database_url {
            Some(url) => url.clone(),
            None => self
                .file()?
                .database_url
                .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_owned()),
        })
    }

    /// The policy in force.
    pub fn policy(&self) -> Result<String, Failure> {
        Ok(match &self.policy {
            Some(p) => p.clone(),
            None => self.file()?.policy.unwrap_or_else(|| DEFAULT.to_owned()),
        })
    }

    /// Opens the database (running migrations) and registers the policy's current version.
    pub async fn open(&self) -> Result<(Arc<AnyStore>, PolicyVersion), Failure> {
        let loaded = policy_source::load_with_text(&self.policy()?)?;
        let url = self.database_url()?;
        let store = frist_store::open(&url)
            .await
            .map_err(|e| Failure::Input(format!("cannot open database {}: {e}", redact(&url))))?;
        let version = store
            .register_policy(&loaded.name, &loaded.text, Arc::new(loaded.policy))
            .await
            .map_err(|e| Failure::Input(format!("cannot register policy: {e}")))?;
        Ok((Arc::new(store), version))
    }
}

/// `--public-url` (`FRIST_PUBLIC_URL`), for the commands that send messages to citizens.
#[derive(Debug, Clone, Default, Args)]
pub struct PublicUrlArg {
    /// Where citizens reach Frist, e.g. https://frist.kommune.dk: status links in messages
    /// start with it [default: the configuration file's public_url, else http:// and the
    /// listen address].
    #[arg(long = "public-url", env = "FRIST_PUBLIC_URL")]
    pub public_url: Option<String>,
}

/// The public URL in force and whether it was set (`false`: made from `listen`). Each comes
/// from the flag, else the environment, else the configuration file; a bad one is an error
/// naming what is wrong.
pub fn public_url(
    flag: Option<&str>,
    file: &ConfigFile,
    listen: &str,
) -> Result<(PublicUrl, bool), Failure> {
    let bad = |e: frist_channels::outbox::PublicUrlError| Failure::Input(e.to_string());
    match flag.or(file.public_url.as_deref()) {
        Some(given) => Ok((PublicUrl::parse(given).map_err(bad)?, true)),
        None => Ok((PublicUrl::from_listen(listen).map_err(bad)?, false)),
    }
}

/// The URL without a password, for messages.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = url.get(scheme_end + 3..at).unwrap_or("");
            let user = userinfo.split(':').next().unwrap_or("");
            format!(
                "{}{user}:***{}",
                url.get(..scheme_end + 3).unwrap_or(""),
                url.get(at..).unwrap_or("")
            )
        }
        _ => url.to_owned(),
    }
}

/// A multi-threaded runtime for the commands that talk to the database or the network.
pub fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Failure::Input(format!("cannot start the async runtime: {e}")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;

    #[test]
    fn the_public_url_comes_from_the_flag_then_the_file_then_the_listen_address() {
        let file = ConfigFile {
            public_url: Some("https://frist.htk.dk/".into()),
            ..ConfigFile::default()
        };
        let (url, set) = public_url(Some("https://borger.htk.dk"), &file, "0.0.0.0:80").unwrap();
        assert_eq!((url.as_str(), set), ("https://borger.htk.dk", true));
        let (url, set) = public_url(None, &file, "0.0.0.0:80").unwrap();
        assert_eq!((url.as_str(), set), ("https://frist.htk.dk", true));
        let (url, set) = public_url(None, &ConfigFile::default(), "127.0.0.1:8080").unwrap();
        assert_eq!((url.as_str(), set), ("http://127.0.0.1:8080", false));
        let Err(Failure::Input(why)) = public_url(Some("frist.htk.dk"), &file, "x") else {
            panic!("a URL without a scheme is refused");
        };
        assert!(
            why.contains("public_url \"frist.htk.dk\" is not a URL"),
            "{why}"
        );
    }

    #[test]
    fn passwords_are_not_shown() {
        assert_eq!(
            redact("postgres://frist:hemmelig@db/frist"),
            "postgres://frist:***@db/frist"
        );
        assert_eq!(redact("sqlite://frist.db"), "sqlite://frist.db");
    }
}

/// `[scheduler]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchedulerSection {
    /// `false`: `frist serve` makes no scheduler passes (for an installation that runs
    /// `frist scheduler run --once` from a timer instead, or a test that counts the e-mails
    /// something else sends).
    #[serde(default = "enabled")]
    pub enabled: bool,
}

fn enabled() -> bool {
    true
}

impl ConfigFile {
    /// Whether `frist serve` runs the scheduler.
    pub fn runs_scheduler(&self) -> bool {
        self.scheduler.as_ref().is_none_or(|s| s.enabled)
    }
}
