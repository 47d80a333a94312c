//! The `[oidc]` section of the configuration file: staff sign in through the municipality's
//! identity provider (OpenID Connect), e.g. Microsoft Entra ID, KOMBIT Context Handler behind
//! a broker, Keycloak or AD FS.
//!
//! ```toml
//! [oidc]
//! issuer = "https://login.microsoftonline.com/TENANT-ID/v2.0"
//! client_id = "00000000-0000-0000-0000-000000000000"
//! client_secret_file = "/etc/frist/oidc-client-secret"   # or client_secret, or FRIST_OIDC_CLIENT_SECRET
//! button_label = "Log ind med Microsoft Entra ID"
//! local_passwords = false          # default true: the password form stays beside the button
//! groups_claim = "groups"          # the default; "roles" for app roles, "realm_access.roles" …
//! username_claim = "preferred_username"
//! access_help = "Kontakt IT-servicedesk på telefon 4335 1000."
//!
//! [oidc.roles]                     # group (or role) values, as the provider sends them
//! caseworker = ["5f1c…-sagsbehandlere"]
//! lead = ["0b9e…-ledere"]
//! admin = ["77aa…-frist-admin"]
//!
//! [oidc.units]                     # optional: Frist's unit id → the groups that put staff in it
//! borgerservice = ["a1b2…-borgerservice"]
//! ```
//!
//! The client secret is read at start (from the environment variable `FRIST_OIDC_CLIENT_SECRET`
//! when set, else `client_secret_file` or `client_secret`), surrounding whitespace trimmed, and
//! never printed. The callback to register at the provider is `public_url` and
//! `/login/oidc/callback`, unless `redirect_url` says otherwise.

use crate::commands::Failure;
use frist_store::Role;
use frist_web::{ClaimMapping, OidcSettings};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The environment variable that carries the client secret (it wins over the file's).
pub const SECRET_ENV: &str = "FRIST_OIDC_CLIENT_SECRET";

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OidcSection {
    pub issuer: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub client_secret_file: Option<PathBuf>,
    pub redirect_url: Option<String>,
    pub button_label: Option<String>,
    /// Beside `openid`; default `profile` and `email`.
    pub scopes: Option<Vec<String>>,
    pub username_claim: Option<String>,
    pub groups_claim: Option<String>,
    pub unit_claim: Option<String>,
    #[serde(default)]
    pub roles: RoleGroups,
    /// Unit id → the groups that put someone in it.
    #[serde(default)]
    pub units: BTreeMap<String, Vec<String>>,
    pub local_passwords: Option<bool>,
    #[serde(default)]
    pub link_existing_users: bool,
    pub access_help: Option<String>,
}

/// `[oidc.roles]`: the groups that give each role. A misspelt role is an error.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleGroups {
    #[serde(default)]
    pub caseworker: Vec<String>,
    #[serde(default)]
    pub lead: Vec<String>,
    #[serde(default)]
    pub admin: Vec<String>,
}

impl std::fmt::Debug for OidcSection {
    /// Without the secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OidcSection")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret_file", &self.client_secret_file)
            .field("redirect_url", &self.redirect_url)
            .field("roles", &self.roles)
            .field("units", &self.units)
            .field("local_passwords", &self.local_passwords)
            .finish_non_exhaustive()
    }
}

fn bad(why: impl std::fmt::Display) -> Failure {
    Failure::Input(format!("configuration [oidc]: {why}"))
}

/// A required text setting, trimmed.
fn required(name: &str, value: &Option<String>) -> Result<String, Failure> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| bad(format!("{name} is missing")))
}

/// An http(s) URL; plain http only to this machine (a test provider), as anything else would
/// send the client secret and the codes in the clear.
fn url(name: &str, value: &str) -> Result<(), Failure> {
    let rest = if let Some(rest) = value.strip_prefix("https://") {
        rest
    } else if let Some(rest) = value.strip_prefix("http://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once(':').map_or(host, |(h, _)| h);
        if !matches!(host, "127.0.0.1" | "localhost" | "[::1]") {
            return Err(bad(format!(
                "{name} \"{value}\" must use https (plain http only to 127.0.0.1 or localhost)"
            )));
        }
        rest
    } else {
        return Err(bad(format!("{name} \"{value}\" is not an http(s) URL")));
    };
    if rest.is_empty() || rest.starts_with('/') {
        return Err(bad(format!("{name} \"{value}\" has no host")));
    }
    Ok(())
}

impl OidcSection {
    /// The settings, with the secret read; `public_url` is where Frist is reached (the
    /// callback's default start). Every gap is named.
    pub fn resolve(&self, public_url: &str) -> Result<OidcSettings, Failure> {
        self.resolve_with(public_url, std::env::var(SECRET_ENV).ok())
    }

    fn resolve_with(
        &self,
        public_url: &str,
        secret_env: Option<String>,
    ) -> Result<OidcSettings, Failure> {
        let issuer = required("issuer", &self.issuer)?;
        url("issuer", &issuer)?;
        let client_id = required("client_id", &self.client_id)?;
        let client_secret = self.secret(secret_env)?;
        let redirect_url = match &self.redirect_url {
            Some(given) => given.trim().to_owned(),
            None => format!(
                "{}{}",
                public_url.trim_end_matches('/'),
                frist_web::paths::LOGIN_OIDC_CALLBACK
            ),
        };
        url("redirect_url", &redirect_url)?;
        if !redirect_url.ends_with(frist_web::paths::LOGIN_OIDC_CALLBACK) {
            return Err(bad(format!(
                "redirect_url \"{redirect_url}\" must end with {}",
                frist_web::paths::LOGIN_OIDC_CALLBACK
            )));
        }
        let mapping = self.mapping()?;
        Ok(OidcSettings {
            issuer,
            client_id,
            client_secret,
            redirect_url,
            button_label: self
                .button_label
                .as_deref()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .unwrap_or("Log ind med din arbejdskonto")
                .to_owned(),
            scopes: self
                .scopes
                .clone()
                .unwrap_or_else(|| vec!["profile".into(), "email".into()])
                .into_iter()
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty() && s != "openid")
                .collect(),
            username_claim: self
                .username_claim
                .clone()
                .unwrap_or_else(|| "preferred_username".into()),
            mapping,
            local_passwords: self.local_passwords.unwrap_or(true),
            link_existing_users: self.link_existing_users,
            access_help: self
                .access_help
                .as_deref()
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(str::to_owned),
        })
    }

    /// From the environment, else the file: `client_secret` or `client_secret_file`, not both.
    fn secret(&self, env: Option<String>) -> Result<String, Failure> {
        let value = match (
            env.filter(|v| !v.trim().is_empty()),
            &self.client_secret,
            &self.client_secret_file,
        ) {
            (Some(value), _, _) => value,
            (None, Some(_), Some(_)) => {
                return Err(bad("give client_secret or client_secret_file, not both"));
            }
            (None, Some(value), None) => value.clone(),
            (None, None, Some(path)) => {
                std::fs::read_to_string(path).map_err(|source| Failure::Read {
                    path: path.display().to_string(),
                    source,
                })?
            }
            (None, None, None) => {
                return Err(bad(format!(
                    "client_secret (or client_secret_file, or {SECRET_ENV}) is missing"
                )));
            }
        };
        let value = value.trim();
        if value.is_empty() {
            return Err(bad("the client secret is empty"));
        }
        Ok(value.to_owned())
    }

    fn mapping(&self) -> Result<ClaimMapping, Failure> {
        let mut roles = BTreeMap::new();
        for (role, groups) in [
            (Role::Caseworker, &self.roles.caseworker),
            (Role::Lead, &self.roles.lead),
            (Role::Admin, &self.roles.admin),
        ] {
            for group in groups {
                // Listed under two roles, a group gives the higher (the later here).
                roles.insert(group.trim().to_owned(), role);
            }
        }
        if roles.is_empty() {
            return Err(bad(
                "[oidc.roles] lists no group for caseworker, lead or admin: nobody could sign in",
            ));
        }
        let mut units = BTreeMap::new();
        for (unit, groups) in &self.units {
            for group in groups {
                if let Some(other) = units.insert(group.trim().to_owned(), unit.clone()) {
                    return Err(bad(format!(
                        "[oidc.units] puts group \"{group}\" in both {other} and {unit}"
                    )));
                }
            }
        }
        Ok(ClaimMapping {
            groups_claim: self.groups_claim.clone().unwrap_or_else(|| "groups".into()),
            roles,
            units,
            unit_claim: self.unit_claim.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const PUBLIC: &str = "https://frist.htk.dk";

    fn section(text: &str) -> OidcSection {
        toml::from_str(text).unwrap()
    }

    const MINIMAL: &str = "issuer = \"https://login.example/t/v2.0\"\nclient_id = \"frist\"\n\
        client_secret = \"s\"\n[roles]\ncaseworker = [\"g1\"]\n";

    #[test]
    fn a_minimal_section_gets_the_defaults() {
        let s = section(MINIMAL).resolve_with(PUBLIC, None).unwrap();
        assert_eq!(s.redirect_url, "https://frist.htk.dk/login/oidc/callback");
        assert_eq!(s.scopes, ["profile", "email"]);
        assert_eq!(s.username_claim, "preferred_username");
        assert_eq!(s.mapping.groups_claim, "groups");
        assert_eq!(s.mapping.roles.get("g1"), Some(&Role::Caseworker));
        assert!(s.local_passwords);
        assert!(!s.link_existing_users);
        assert_eq!(s.button_label, "Log ind med din arbejdskonto");
        assert_eq!(s.client_secret, "s");
    }

    #[test]
    fn the_secret_comes_from_the_environment_first_then_a_file() {
        let s = section(MINIMAL)
            .resolve_with(PUBLIC, Some("fra-miljøet".into()))
            .unwrap();
        assert_eq!(s.client_secret, "fra-miljøet");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secret");
        std::fs::write(&path, "fra-fil\n").unwrap();
        let text = MINIMAL.replace(
            "client_secret = \"s\"",
            &format!("client_secret_file = {:?}", path.display().to_string()),
        );
        let s = section(&text).resolve_with(PUBLIC, None).unwrap();
        assert_eq!(s.client_secret, "fra-fil");
        assert!(!format!("{s:?}").contains("fra-fil"));
    }

    #[test]
    fn roles_and_units_map_groups_and_the_highest_role_wins() {
        let text = format!(
            "{MINIMAL}lead = [\"g2\", \"g1\"]\nadmin = [\"g3\"]\n[units]\nborgerservice = [\"b\"]\n"
        );
        let s = section(&text).resolve_with(PUBLIC, None).unwrap();
        assert_eq!(s.mapping.roles.get("g1"), Some(&Role::Lead));
        assert_eq!(s.mapping.roles.get("g3"), Some(&Role::Admin));
        assert_eq!(
            s.mapping.units.get("b").map(String::as_str),
            Some("borgerservice")
        );
    }

    #[test]
    fn gaps_and_mistakes_are_named() {
        let err = |text: &str| {
            section(text)
                .resolve_with(PUBLIC, None)
                .unwrap_err()
                .to_string()
        };
        assert!(err(&MINIMAL.replace("issuer", "#")).contains("issuer is missing"));
        assert!(err(&MINIMAL.replace("client_secret = \"s\"", "")).contains(SECRET_ENV));
        assert!(
            err(&MINIMAL.replace("https://login.example", "http://login.example"))
                .contains("must use https")
        );
        assert!(
            err(&MINIMAL.replace("caseworker = [\"g1\"]", "")).contains("nobody could sign in")
        );
        assert!(
            err(&format!("{MINIMAL}[units]\na = [\"x\"]\nb = [\"x\"]\n")).contains("both a and b")
        );
        assert!(
            err(&format!(
                "redirect_url = \"https://frist.htk.dk/elsewhere\"\n{MINIMAL}"
            ))
            .contains("must end with /login/oidc/callback")
        );
        // A misspelt role or key is refused when the file is read.
        assert!(
            toml::from_str::<OidcSection>(&MINIMAL.replace("caseworker", "sagsbehandler")).is_err()
        );
        assert!(toml::from_str::<OidcSection>("issuers = \"x\"").is_err());
    }

    #[test]
    fn plain_http_is_allowed_only_to_this_machine() {
        let text = MINIMAL.replace("https://login.example", "http://127.0.0.1:4000");
        let s = section(&text)
            .resolve_with("http://127.0.0.1:8080", None)
            .unwrap();
        assert_eq!(s.redirect_url, "http://127.0.0.1:8080/login/oidc/callback");
    }
}
