//! E-mail on PostgreSQL: one transaction per batch. Two fetchers may store the same message at
//! once (it was sent to two mailboxes): the unique indexes let one win, and the other's
//! transaction is retried, when it finds the message stored and records a duplicate.

use super::PostgresStore;
use crate::db_error::conflict_if_unique;
use crate::mail::{MailId, MailReceipt};
use crate::mail_plan::{Known, MailConn, MailRow, MailTx, Prepared, Wanted};
use crate::types::{PolicyId, StoreError, StoreResult};
use sqlx::PgConnection;

/// Messages per transaction in a bulk import.
pub(super) const MAIL_CHUNK: usize = 500;
/// Attempts at a batch that clashes with a concurrent write.
const ATTEMPTS: usize = 3;

impl MailTx for MailConn<'_, PgConnection> {
    async fn lookup(&mut self, wanted: &Wanted) -> StoreResult<Known> {
        let mut known = Known::default();
        let rows: Vec<(String, i64, Option<i64>)> = sqlx::query_as(
            "SELECT sha256, id, inquiry_id FROM mail_messages WHERE sha256 = ANY($1)",
        )
        .bind(&wanted.sha256s)
        .fetch_all(&mut *self.conn)
        .await?;
        known
            .by_sha256
            .extend(rows.into_iter().map(|(sha, id, inq)| (sha, (id, inq))));
        let rows: Vec<(String, Option<i64>)> = sqlx::query_as(
            "SELECT message_id, inquiry_id FROM mail_messages \
             WHERE outcome <> 'duplicate' AND message_id = ANY($1)",
        )
        .bind(&wanted.message_ids)
        .fetch_all(&mut *self.conn)
        .await?;
        known.by_message_id.extend(rows);
        let rows: Vec<(String, i64)> = sqlx::query_as(
            "SELECT external_id, id FROM inquiries \
             WHERE channel = 'email' AND external_id = ANY($1)",
        )
        .bind(&wanted.message_ids)
        .fetch_all(&mut *self.conn)
        .await?;
        known.by_external_id.extend(rows);
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT reference, id FROM inquiries WHERE reference = ANY($1)")
                .bind(&wanted.references)
                .fetch_all(&mut *self.conn)
                .await?;
        known.by_reference.extend(rows);
        Ok(known)
    }

    async fn insert_rows(&mut self, rows: &[MailRow<'_>]) -> StoreResult<Vec<MailId>> {
        let count =
            i64::try_from(rows.len()).map_err(|_| StoreError::Other("batch too large".into()))?;
        let ids: Vec<i64> = sqlx::query_scalar(
            "SELECT nextval('mail_messages_id_seq') FROM generate_series(1, $1::bigint)",
        )
        .bind(count)
        .fetch_all(&mut *self.conn)
        .await?;
        sqlx::query(
            "INSERT INTO mail_messages (id, message_id, sha256, source, received_at, outcome, \
             inquiry_id, flag_reason, subject, from_address, absent_caseworker, auto_reply_due, \
             raw) \
             SELECT * FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], \
             $5::bigint[], $6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[], \
             $11::text[], $12::boolean[], $13::bytea[])",
        )
        .bind(&ids)
        .bind(rows.iter().map(|r| r.message_id).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.sha256).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.source).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.received_at).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.outcome).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.inquiry_id).collect::<Vec<_>>())
        .bind(
            rows.iter()
                .map(|r| r.flag_reason.as_deref())
                .collect::<Vec<_>>(),
        )
        .bind(rows.iter().map(|r| r.subject.as_str()).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.from).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.absent_caseworker).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.auto_reply_due).collect::<Vec<_>>())
        .bind(rows.iter().map(|r| r.raw).collect::<Vec<_>>())
        .execute(&mut *self.conn)
        .await
        .map_err(|e| conflict_if_unique(e, "this message was stored meanwhile; retry"))?;
        Ok(ids)
    }
}

impl PostgresStore {
    /// One batch in one transaction, retried when a concurrent write clashes with it.
    pub(super) async fn store_chunk(
        &self,
        chunk: Vec<Prepared>,
        policy_id: PolicyId,
    ) -> StoreResult<Vec<MailReceipt>> {
        let mut attempt = 1;
        loop {
            let mut tx = self.pool.begin().await?;
            let stored = crate::mail_plan::store_batch(
                &mut MailConn {
                    conn: &mut *tx,
                    policies: &self.policies,
                },
                chunk.clone(),
                policy_id,
            )
            .await;
            match stored {
                Ok(receipts) => {
                    tx.commit().await?;
                    return Ok(receipts);
                }
                Err(StoreError::Conflict(_)) if attempt < ATTEMPTS => {
                    tx.rollback().await?;
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        }
    }
}
