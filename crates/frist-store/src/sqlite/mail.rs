//! E-mail on SQLite: each batch of messages is one request to the writer, so it commits in the
//! writer's next group commit together with whatever else is waiting, and a bulk import queues
//! several batches before waiting for the first.

use crate::db_error::conflict_if_unique;
use crate::mail::MailId;
use crate::mail_plan::{Known, MailConn, MailRow, MailTx, Wanted};
use crate::types::StoreResult;
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

/// Messages per writer request. Raw bytes make rows large; this keeps one request to a few MB.
pub(super) const MAIL_CHUNK: usize = 500;
/// Values per `IN (…)` list or multi-row INSERT (SQLite allows 32,766 bound parameters).
const PER_STATEMENT: usize = 900;
/// Rows per multi-row INSERT of mail (12 columns).
const ROWS_PER_INSERT: usize = 250;

impl MailTx for MailConn<'_, SqliteConnection> {
    async fn lookup(&mut self, wanted: &Wanted) -> StoreResult<Known> {
        let mut known = Known::default();
        for part in wanted.sha256s.chunks(PER_STATEMENT) {
            let rows: Vec<(String, i64, Option<i64>)> = select_in(
                self.conn,
                "SELECT sha256, id, inquiry_id FROM mail_messages WHERE sha256 IN (",
                part,
            )
            .await?;
            known
                .by_sha256
                .extend(rows.into_iter().map(|(sha, id, inq)| (sha, (id, inq))));
        }
        for part in wanted.message_ids.chunks(PER_STATEMENT) {
            let rows: Vec<(String, Option<i64>)> = select_in(
                self.conn,
                "SELECT message_id, inquiry_id FROM mail_messages \
                 WHERE outcome <> 'duplicate' AND message_id IN (",
                part,
            )
            .await?;
            known.by_message_id.extend(rows);
            let rows: Vec<(String, i64)> = select_in(
                self.conn,
                "SELECT external_id, id FROM inquiries WHERE channel = 'email' AND external_id IN (",
                part,
            )
            .await?;
            known.by_external_id.extend(rows);
        }
        for part in wanted.references.chunks(PER_STATEMENT) {
            let rows: Vec<(String, i64)> = select_in(
                self.conn,
                "SELECT reference, id FROM inquiries WHERE reference IN (",
                part,
            )
            .await?;
            known.by_reference.extend(rows);
        }
        Ok(known)
    }

    async fn insert_rows(&mut self, rows: &[MailRow<'_>]) -> StoreResult<Vec<MailId>> {
        // The writer is this process's only writer, and another process's write waits for our
        // transaction (BEGIN IMMEDIATE): ids can be handed out here.
        let last: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM mail_messages")
            .fetch_one(&mut *self.conn)
            .await?;
        let ids: Vec<MailId> = (last + 1..).take(rows.len()).collect();
        for (part, part_ids) in rows
            .chunks(ROWS_PER_INSERT)
            .zip(ids.chunks(ROWS_PER_INSERT))
        {
            let mut q = QueryBuilder::<Sqlite>::new(
                "INSERT INTO mail_messages (id, message_id, sha256, source, received_at, outcome, \
                 inquiry_id, flag_reason, subject, from_address, absent_caseworker, \
                 auto_reply_due, raw) ",
            );
            q.push_values(part.iter().zip(part_ids), |mut b, (r, id)| {
                b.push_bind(*id)
                    .push_bind(r.message_id)
                    .push_bind(r.sha256)
                    .push_bind(r.source)
                    .push_bind(r.received_at)
                    .push_bind(r.outcome)
                    .push_bind(r.inquiry_id)
                    .push_bind(r.flag_reason.as_deref())
                    .push_bind(r.subject.as_str())
                    .push_bind(r.from)
                    .push_bind(r.absent_caseworker)
                    .push_bind(r.auto_reply_due)
                    .push_bind(r.raw);
            });
            // Only full-size statements are cached (see `write.rs`).
            q.build()
                .persistent(part.len() == ROWS_PER_INSERT)
                .execute(&mut *self.conn)
                .await
                .map_err(|e| conflict_if_unique(e, "this message was stored meanwhile; retry"))?;
        }
        Ok(ids)
    }
}

/// `prefix` followed by a bound list of `values` and `)`.
async fn select_in<T>(
    conn: &mut SqliteConnection,
    prefix: &str,
    values: &[String],
) -> StoreResult<Vec<T>>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow> + Send + Unpin,
{
    let mut q = QueryBuilder::<Sqlite>::new(prefix);
    let mut list = q.separated(", ");
    for v in values {
        list.push_bind(v.as_str());
    }
    q.push(")");
    // Only full-size lists are cached (see `write.rs`).
    Ok(q.build_query_as()
        .persistent(values.len() == PER_STATEMENT)
        .fetch_all(&mut *conn)
        .await?)
}
