//! Staff accounts and sessions.

use crate::db_error::{insert_error, is_unique_violation};
use crate::directory::{UserRecord, role_name};
use crate::sql::{Conn, query};
use crate::time::{to_db, to_db_clamped};
use crate::types::{ExternalSignIn, StoreError, StoreResult, User};
use jiff::Timestamp;

pub(crate) async fn create_user(conn: Conn<'_>, user: &User) -> StoreResult<()> {
    query("INSERT INTO users (username, role, password_hash, created_at) VALUES ($1, $2, $3, $4)")
        .bind(&user.username)
        .bind(role_name(user.role))
        .bind(&user.password_hash)
        .bind(to_db(user.created_at)?)
        .execute(conn)
        .await
        .map_err(|e| {
            if is_unique_violation(&e) {
                StoreError::Conflict("a user with this username already exists".into())
            } else {
                e.into()
            }
        })?;
    Ok(())
}

pub(crate) async fn user(conn: Conn<'_>, username: &str) -> StoreResult<User> {
    let record: UserRecord =
        query("SELECT username, role, password_hash, created_at FROM users WHERE username = $1")
            .bind(username)
            .fetch_one(conn)
            .await?;
    record.into_user()
}

pub(crate) async fn create_session(
    conn: Conn<'_>,
    token_hash: &str,
    username: &str,
    expires_at: Timestamp,
) -> StoreResult<()> {
    query("INSERT INTO sessions (token_hash, username, expires_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(username)
        .bind(to_db(expires_at)?)
        .execute(conn)
        .await
        .map_err(|e| insert_error(e, "this session already exists"))?;
    Ok(())
}

pub(crate) async fn session_user(
    conn: Conn<'_>,
    token_hash: &str,
    now: Timestamp,
) -> StoreResult<User> {
    let record: UserRecord = query(
        "SELECT u.username, u.role, u.password_hash, u.created_at \
         FROM sessions s JOIN users u ON u.username = s.username \
         WHERE s.token_hash = $1 AND s.expires_at > $2",
    )
    .bind(token_hash)
    .bind(to_db_clamped(now))
    .fetch_one(conn)
    .await?;
    record.into_user()
}

pub(crate) async fn delete_session(conn: Conn<'_>, token_hash: &str) -> StoreResult<()> {
    query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(conn)
        .await?;
    Ok(())
}

pub(crate) async fn delete_expired_sessions(conn: Conn<'_>, now: Timestamp) -> StoreResult<u64> {
    let done = query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(to_db_clamped(now))
        .execute(conn)
        .await?;
    Ok(done)
}

pub(crate) async fn users(conn: Conn<'_>) -> StoreResult<Vec<User>> {
    let records: Vec<UserRecord> =
        query("SELECT username, role, password_hash, created_at FROM users ORDER BY username")
            .fetch_all(conn)
            .await?;
    records.into_iter().map(UserRecord::into_user).collect()
}

/// What a provider-linked account is read with.
const USER_COLUMNS: &str = "SELECT username, role, password_hash, created_at FROM users";

pub(crate) async fn sign_in_external(
    mut conn: Conn<'_>,
    who: &ExternalSignIn,
) -> StoreResult<User> {
    let role = role_name(who.role);
    // Inside the write's transaction: two first sign-ins of one person cannot both insert, and
    // the second finds the account the first made.
    let linked: Option<UserRecord> = query(format!(
        "{USER_COLUMNS} WHERE oidc_issuer = $1 AND oidc_subject = $2"
    ))
    .bind(&who.issuer)
    .bind(&who.subject)
    .fetch_optional(conn.re())
    .await?;
    if let Some(record) = linked {
        query("UPDATE users SET role = $1 WHERE username = $2")
            .bind(role)
            .bind(&record.username)
            .execute(conn.re())
            .await?;
        let mut user = record.into_user()?;
        user.role = who.role;
        return Ok(user);
    }
    let taken: Option<(Option<String>,)> =
        query("SELECT oidc_subject FROM users WHERE username = $1")
            .bind(&who.username)
            .fetch_optional(conn.re())
            .await?;
    match taken {
        Some((None,)) if who.link_existing => {
            query(
                "UPDATE users SET role = $1, oidc_issuer = $2, oidc_subject = $3 \
                 WHERE username = $4",
            )
            .bind(role)
            .bind(&who.issuer)
            .bind(&who.subject)
            .bind(&who.username)
            .execute(conn.re())
            .await?;
        }
        Some(_) => {
            return Err(StoreError::Conflict(
                "the username belongs to another account".into(),
            ));
        }
        None => {
            // No password: an empty hash is no PHC string, so it verifies nothing.
            query(
                "INSERT INTO users \
                 (username, role, password_hash, created_at, oidc_issuer, oidc_subject) \
                 VALUES ($1, $2, '', $3, $4, $5)",
            )
            .bind(&who.username)
            .bind(role)
            .bind(to_db(who.at)?)
            .bind(&who.issuer)
            .bind(&who.subject)
            .execute(conn.re())
            .await
            .map_err(|e| insert_error(e, "the username belongs to another account"))?;
        }
    }
    user(conn, &who.username).await
}

pub(crate) async fn policy_text(conn: Conn<'_>, id: crate::types::PolicyId) -> StoreResult<String> {
    Ok(query("SELECT text FROM policies WHERE id = $1")
        .bind(id)
        .scalar(conn)
        .await?)
}
