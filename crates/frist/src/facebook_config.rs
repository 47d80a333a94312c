//! The `[facebook]` section of the configuration file: Messenger's webhook and Send API.
//!
//! ```toml
//! [facebook]
//! app_secret_file = "/etc/frist/facebook-app-secret"   # or app_secret = "…"
//! verify_token = "a long random text also entered in Meta's app dashboard"
//! page_access_token_file = "/etc/frist/facebook-page-token"   # or page_access_token = "…"
//! api_base_url = "https://graph.facebook.com/v21.0"   # the default
//! ```
//!
//! Secrets may live in files of their own (read at start, surrounding whitespace trimmed) so
//! the configuration file itself can be readable by more people than the secrets.

use crate::commands::Failure;
use frist_channels::facebook::{DEFAULT_API_BASE_URL, FacebookConfig};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FacebookSection {
    pub app_secret: Option<String>,
    pub app_secret_file: Option<PathBuf>,
    pub verify_token: Option<String>,
    pub page_access_token: Option<String>,
    pub page_access_token_file: Option<PathBuf>,
    pub api_base_url: Option<String>,
}

impl std::fmt::Debug for FacebookSection {
    /// Without the secrets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FacebookSection")
            .field("app_secret_file", &self.app_secret_file)
            .field("page_access_token_file", &self.page_access_token_file)
            .field("api_base_url", &self.api_base_url)
            .finish_non_exhaustive()
    }
}

impl FacebookSection {
    /// The settings, with secrets read from their files; every gap is named.
    pub fn resolve(&self) -> Result<FacebookConfig, Failure> {
        let app_secret = secret("app_secret", &self.app_secret, &self.app_secret_file)?;
        let page_access_token = secret(
            "page_access_token",
            &self.page_access_token,
            &self.page_access_token_file,
        )?;
        let verify_token = self
            .verify_token
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                Failure::Input("configuration [facebook]: verify_token is missing".into())
            })?
            .to_owned();
        let api_base_url = self
            .api_base_url
            .as_deref()
            .unwrap_or(DEFAULT_API_BASE_URL)
            .trim_end_matches('/')
            .to_owned();
        if !(api_base_url.starts_with("https://") || api_base_url.starts_with("http://")) {
            return Err(Failure::Input(format!(
                "configuration [facebook]: api_base_url must be an http(s) URL, not \"{api_base_url}\""
            )));
        }
        Ok(FacebookConfig {
            app_secret,
            verify_token,
            page_access_token,
            api_base_url,
        })
    }
}

/// `name` given inline or as `name_file`, exactly one of them, not empty.
fn secret(name: &str, inline: &Option<String>, file: &Option<PathBuf>) -> Result<String, Failure> {
    let value = match (inline, file) {
        (Some(_), Some(_)) => {
            return Err(Failure::Input(format!(
                "configuration [facebook]: give {name} or {name}_file, not both"
            )));
        }
        (Some(value), None) => value.clone(),
        (None, Some(path)) => std::fs::read_to_string(path).map_err(|source| Failure::Read {
            path: path.display().to_string(),
            source,
        })?,
        (None, None) => {
            return Err(Failure::Input(format!(
                "configuration [facebook]: {name} (or {name}_file) is missing"
            )));
        }
    };
    let value = value.trim();
    if value.is_empty() {
        return Err(Failure::Input(format!(
            "configuration [facebook]: {name} is empty"
        )));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn section(text: &str) -> FacebookSection {
        toml::from_str(text).unwrap()
    }

    #[test]
    fn a_complete_section_resolves_with_the_default_base_url() {
        let config =
            section("app_secret = \"s\"\nverify_token = \"v\"\npage_access_token = \"t\"\n")
                .resolve()
                .unwrap();
        assert_eq!(config.api_base_url, DEFAULT_API_BASE_URL);
        assert_eq!(config.app_secret, "s");
    }

    #[test]
    fn secrets_are_read_from_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret");
        std::fs::write(&path, "fra-fil\n").unwrap();
        let text = format!(
            "app_secret_file = {:?}\nverify_token = \"v\"\npage_access_token = \"t\"\n",
            path.display().to_string()
        );
        assert_eq!(section(&text).resolve().unwrap().app_secret, "fra-fil");
    }

    #[test]
    fn gaps_and_conflicts_are_named() {
        let err = |text: &str| section(text).resolve().unwrap_err().to_string();
        assert!(err("verify_token = \"v\"\npage_access_token = \"t\"").contains("app_secret"));
        assert!(
            err("app_secret = \"s\"\napp_secret_file = \"/x\"\nverify_token = \"v\"\npage_access_token = \"t\"")
                .contains("not both")
        );
        assert!(err("app_secret = \"s\"\npage_access_token = \"t\"").contains("verify_token"));
        assert!(
            err("app_secret = \"s\"\nverify_token = \"v\"\npage_access_token = \"t\"\napi_base_url = \"ftp://x\"")
                .contains("api_base_url")
        );
        assert!(toml::from_str::<FacebookSection>("app_secrets = \"s\"").is_err());
    }
}
