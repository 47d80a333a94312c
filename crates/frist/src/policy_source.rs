//! Where a policy comes from: a file on disk, or one of the five policies bundled in the
//! binary (so `--policy roskilde` works on a machine with nothing but the binary).

use frist_policy::{Policy, PolicyError};
use std::path::Path;

/// The policies compiled into the binary, by name.
pub const BUNDLED: &[(&str, &str)] = &[
    (
        "hoeje-taastrup",
        include_str!("../../../policies/hoeje-taastrup.toml"),
    ),
    ("halsnaes", include_str!("../../../policies/halsnaes.toml")),
    ("roskilde", include_str!("../../../policies/roskilde.toml")),
    ("stevns", include_str!("../../../policies/stevns.toml")),
    (
        "skanderborg",
        include_str!("../../../policies/skanderborg.toml"),
    ),
];

/// Why a policy could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read policy file {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("policy \"{0}\" is neither a file nor a bundled policy (bundled: {1})")]
    NotFound(String, String),
    #[error("{0}")]
    Invalid(#[from] PolicyError),
}

/// Loads the policy named by `arg`: a path if such a file exists, else a bundled name.
pub fn load(arg: &str) -> Result<Policy, LoadError> {
    let path = Path::new(arg);
    if path.exists() {
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
            path: arg.to_owned(),
            source,
        })?;
        return Ok(Policy::from_toml(arg, &text)?);
    }
    match BUNDLED.iter().find(|(name, _)| *name == arg) {
        Some((name, text)) => Ok(Policy::from_toml(&format!("{name} (bundled)"), text)?),
        None => Err(LoadError::NotFound(
            arg.to_owned(),
            BUNDLED
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(", "),
        )),
    }
}
