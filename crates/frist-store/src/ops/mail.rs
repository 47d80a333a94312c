//! Reading stored e-mail and recording handled auto-replies. Storing it is the backends' own
//! (`mail_plan.rs` decides, each backend's `MailTx` writes in its engine's multi-row form).

use crate::mail::{
    MAIL_COLUMNS, MAX_MAIL_PAGE, MailId, MailPage, MailRecord, StoredMail, mail_cursor, mail_page,
};
use crate::sql::{Conn, query};
use crate::types::{InquiryId, StoreError, StoreResult};

pub(crate) async fn flagged(
    conn: Conn<'_>,
    cursor: Option<&str>,
    limit: u32,
) -> StoreResult<MailPage> {
    let after = mail_cursor(cursor)?;
    let limit = limit.clamp(1, MAX_MAIL_PAGE);
    let records: Vec<MailRecord> = query(format!(
        "SELECT {MAIL_COLUMNS} FROM mail_messages WHERE outcome = 'flagged' AND id > $1 \
         ORDER BY id LIMIT $2"
    ))
    .bind(after)
    .bind(i64::from(limit) + 1)
    .fetch_all(conn)
    .await?;
    mail_page(records, limit)
}

pub(crate) async fn of_inquiry(conn: Conn<'_>, id: InquiryId) -> StoreResult<Vec<StoredMail>> {
    let records: Vec<MailRecord> = query(format!(
        "SELECT {MAIL_COLUMNS} FROM mail_messages WHERE inquiry_id = $1 ORDER BY id"
    ))
    .bind(id)
    .fetch_all(conn)
    .await?;
    records.into_iter().map(MailRecord::into_stored).collect()
}

pub(crate) async fn raw(conn: Conn<'_>, id: MailId) -> StoreResult<Vec<u8>> {
    Ok(query("SELECT raw FROM mail_messages WHERE id = $1")
        .bind(id)
        .scalar(conn)
        .await?)
}

pub(crate) async fn auto_replies_due(conn: Conn<'_>, limit: u32) -> StoreResult<Vec<StoredMail>> {
    let records: Vec<MailRecord> = query(format!(
        "SELECT {MAIL_COLUMNS} FROM mail_messages WHERE auto_reply_due = $1 ORDER BY id LIMIT $2"
    ))
    .bind(true)
    .bind(i64::from(limit.clamp(1, MAX_MAIL_PAGE)))
    .fetch_all(conn)
    .await?;
    records.into_iter().map(MailRecord::into_stored).collect()
}

pub(crate) async fn auto_reply_handled(conn: Conn<'_>, id: MailId) -> StoreResult<()> {
    let done =
        query("UPDATE mail_messages SET auto_reply_due = $1 WHERE id = $2 AND auto_reply_due = $3")
            .bind(false)
            .bind(id)
            .bind(true)
            .execute(conn)
            .await?;
    if done == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
}
