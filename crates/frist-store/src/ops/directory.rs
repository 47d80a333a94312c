//! Writes of the directory and the records beside inquiries: policy versions, units,
//! caseworkers, API tokens, the access log and status links.

use crate::db_error::{insert_error, is_unique_violation, not_found_if_missing};
use crate::sql::{Conn, query};
use crate::time::to_db;
use crate::types::{
    ApiToken, Caseworker, InquiryId, PolicyId, Role, StoreError, StoreResult, Unit,
};
use jiff::Timestamp;

pub(crate) async fn register_policy(
    mut conn: Conn<'_>,
    name: &str,
    text: &str,
    sha256: &str,
) -> StoreResult<PolicyId> {
    query(
        "INSERT INTO policies (name, sha256, text, registered_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (sha256) DO NOTHING",
    )
    .bind(name)
    .bind(sha256)
    .bind(text)
    .bind(to_db(Timestamp::now())?)
    .execute(conn.re())
    .await?;
    Ok(query("SELECT id FROM policies WHERE sha256 = $1")
        .bind(sha256)
        .scalar(conn)
        .await?)
}

pub(crate) async fn put_unit(conn: Conn<'_>, unit: &Unit) -> StoreResult<()> {
    query(
        "INSERT INTO units (id, name, email, phone) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (id) DO UPDATE \
         SET name = excluded.name, email = excluded.email, phone = excluded.phone",
    )
    .bind(&unit.id)
    .bind(&unit.name)
    .bind(&unit.email)
    .bind(&unit.phone)
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn put_caseworker(conn: Conn<'_>, c: &Caseworker) -> StoreResult<()> {
    query(
        "INSERT INTO caseworkers (id, name, unit, email, phone, absent_until, absent_substitute) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (id) DO UPDATE \
         SET name = excluded.name, unit = excluded.unit, email = excluded.email, \
         phone = excluded.phone, absent_until = excluded.absent_until, \
         absent_substitute = excluded.absent_substitute",
    )
    .bind(&c.id)
    .bind(&c.name)
    .bind(&c.unit)
    .bind(&c.email)
    .bind(&c.phone)
    .bind(c.absent.as_ref().map(|a| a.until.to_string()))
    .bind(c.absent.as_ref().and_then(|a| a.substitute.clone()))
    .execute(conn)
    .await?;
    Ok(())
}

pub(crate) async fn create_token(
    conn: Conn<'_>,
    name: &str,
    role: Role,
    token_hash: &str,
) -> StoreResult<ApiToken> {
    let id: i64 = query(
        "INSERT INTO api_tokens (name, role, token_hash, created_at) \
         VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(name)
    .bind(crate::directory::role_name(role))
    .bind(token_hash)
    .bind(to_db(Timestamp::now())?)
    .scalar(conn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::Conflict("a token with this hash already exists".into())
        } else {
            e.into()
        }
    })?;
    Ok(ApiToken {
        id,
        name: name.to_owned(),
        role,
    })
}

pub(crate) async fn log_access(
    conn: Conn<'_>,
    viewer: &str,
    id: InquiryId,
    what: &str,
    at: Timestamp,
) -> StoreResult<()> {
    query("INSERT INTO access_log (viewer, inquiry_id, what, at) VALUES ($1, $2, $3, $4)")
        .bind(viewer)
        .bind(id)
        .bind(what)
        .bind(to_db(at)?)
        .execute(conn)
        .await
        .map_err(not_found_if_missing)?;
    Ok(())
}

pub(crate) async fn create_status_link(
    conn: Conn<'_>,
    token_hash: &str,
    id: InquiryId,
    at: Timestamp,
) -> StoreResult<()> {
    query("INSERT INTO status_links (token_hash, inquiry_id, created_at) VALUES ($1, $2, $3)")
        .bind(token_hash)
        .bind(id)
        .bind(to_db(at)?)
        .execute(conn)
        .await
        .map_err(|e| insert_error(e, "this status link already exists"))?;
    Ok(())
}
