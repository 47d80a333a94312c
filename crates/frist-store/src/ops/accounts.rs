//! Staff accounts and sessions.

use crate::db_error::{insert_error, is_unique_violation};
use crate::directory::{UserRecord, role_name};
use crate::sql::{Conn, query};
use crate::time::{to_db, to_db_clamped};
use crate::types::{StoreError, StoreResult, User};
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

pub(crate) async fn policy_text(conn: Conn<'_>, id: crate::types::PolicyId) -> StoreResult<String> {
    Ok(query("SELECT text FROM policies WHERE id = $1")
        .bind(id)
        .scalar(conn)
        .await?)
}
