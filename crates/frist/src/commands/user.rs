//! `frist user create`: a staff account for the web pages. The password is read from standard
//! input (never from the command line, where other users could see it in the process list) and
//! stored only as an Argon2id hash.

use super::Failure;
use super::token::RoleArg;
use crate::config::{StoreArgs, runtime};
use clap::Args;
use frist_store::{Store, StoreError, User};
use std::io::{BufRead, Write};

#[derive(Debug, Args)]
pub struct UserCreateArgs {
    /// Sign-in name; also the caseworker id, e.g. "mette.hansen".
    #[arg(long)]
    pub username: String,
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// Read the password from the first line of standard input.
    #[arg(long, required = true)]
    pub password_stdin: bool,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// The shortest password accepted.
const MIN_PASSWORD: usize = 8;

pub fn create(
    args: &UserCreateArgs,
    input: &mut impl BufRead,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let username = args.username.trim();
    if username.is_empty()
        || username.len() > 100
        || !username
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'))
    {
        return Err(Failure::Input(
            "--username must be 1–100 letters, digits, '.', '-', '_' or '@'".into(),
        ));
    }
    let mut line = String::new();
    input.read_line(&mut line).map_err(|e| {
        Failure::Input(format!("cannot read the password from standard input: {e}"))
    })?;
    let password = line.trim_end_matches(['\r', '\n']);
    if password.chars().count() < MIN_PASSWORD {
        return Err(Failure::Input(format!(
            "the password must be at least {MIN_PASSWORD} characters"
        )));
    }
    let password_hash =
        frist_web::hash_password(password).map_err(|e| Failure::Input(e.to_string()))?;
    let user = User {
        username: username.to_owned(),
        role: args.role.into(),
        password_hash,
        created_at: jiff::Timestamp::now(),
    };
    runtime()?.block_on(async {
        let (store, _) = args.store.open().await?;
        store.create_user(&user).await.map_err(|e| match e {
            StoreError::Conflict(_) => {
                Failure::Input(format!("a user named \"{username}\" already exists"))
            }
            e => Failure::Input(format!("cannot store the user: {e}")),
        })
    })?;
    writeln!(
        out,
        "Created user \"{}\" with role {:?}.",
        user.username, user.role
    )?;
    Ok(())
}
