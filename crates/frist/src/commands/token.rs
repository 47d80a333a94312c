//! `frist token create`: a bearer token for the API. Only its hash is stored; the token itself
//! is printed once, alone on the last line, so scripts can capture it.

use super::Failure;
use crate::config::{StoreArgs, runtime};
use clap::{Args, ValueEnum};
use frist_store::{Role, Store};
use std::io::Write;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    Caseworker,
    Lead,
    Admin,
}

impl From<RoleArg> for Role {
    fn from(role: RoleArg) -> Self {
        match role {
            RoleArg::Caseworker => Role::Caseworker,
            RoleArg::Lead => Role::Lead,
            RoleArg::Admin => Role::Admin,
        }
    }
}

#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    /// Who or what uses the token, e.g. "digital-post-integration".
    #[arg(long)]
    pub name: String,
    #[arg(long, value_enum)]
    pub role: RoleArg,
    #[command(flatten)]
    pub store: StoreArgs,
}

pub fn create(args: &TokenCreateArgs, out: &mut impl Write) -> Result<(), Failure> {
    if args.name.trim().is_empty() {
        return Err(Failure::Input("--name must not be empty".into()));
    }
    let role = args.role.into();
    let (token, hash) = frist_web::new_token();
    let stored = runtime()?.block_on(async {
        let (store, _) = args.store.open().await?;
        store
            .create_token(args.name.trim(), role, &hash)
            .await
            .map_err(|e| Failure::Input(format!("cannot store the token: {e}")))
    })?;
    writeln!(
        out,
        "Created token {} for \"{}\" with role {:?}. Keep it secret; it is not shown again:",
        stored.id, stored.name, stored.role
    )?;
    writeln!(out, "{token}")?;
    Ok(())
}
