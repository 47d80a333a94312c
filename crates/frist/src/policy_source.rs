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

/// The policy used when none is given: Høje-Taastrup's, the bundled policy with the most
/// measurable promises (acknowledgment, triage and call-back deadlines).
pub const DEFAULT: &str = "hoeje-taastrup";

/// A loaded policy with the text it came from (stored with every inquiry's policy version).
#[derive(Debug)]
pub struct Loaded {
    /// The file path or bundled name it was loaded from.
    pub name: String,
    pub text: String,
    pub policy: Policy,
}

/// Loads the policy named by `arg`: a path if such a file exists, else a bundled name.
pub fn load(arg: &str) -> Result<Policy, LoadError> {
    load_with_text(arg).map(|l| l.policy)
}

/// Like [`load`], keeping the text.
pub fn load_with_text(arg: &str) -> Result<Loaded, LoadError> {
    let path = Path::new(arg);
    if path.exists() {
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Read {
            path: arg.to_owned(),
            source,
        })?;
        let policy = Policy::from_toml(arg, &text)?;
        return Ok(Loaded {
            name: arg.to_owned(),
            text,
            policy,
        });
    }
    match BUNDLED.iter().find(|(name, _)| *name == arg) {
        Some((name, text)) => Ok(Loaded {
            name: (*name).to_owned(),
            text: (*text).to_owned(),
            policy: Policy::from_toml(&format!("{name} (bundled)"), text)?,
        }),
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
