//! Appending an event: the lifecycle applies it to the stored projection with the inquiry's own
//! policy version, and the event, the new projection and its obligation rows are stored in the
//! caller's transaction. A refusal returns before anything is written.

use super::read;
use crate::policies::PolicyCache;
use crate::rows::{EventRow, InquiryRow, ObligationRow, obligation_rows, parse_projection};
use crate::sql::{Conn, JsonColumn, JsonText, query};
use crate::types::{InquiryId, StoreResult, StoredInquiry};
use frist_core::Event;

pub(crate) async fn append(
    mut conn: Conn<'_>,
    policies: &PolicyCache,
    id: InquiryId,
    event: Event,
) -> StoreResult<StoredInquiry> {
    // PostgreSQL runs writes side by side: the row lock orders appends to one inquiry. SQLite's
    // single writer orders them already.
    let select = conn.pick(
        "SELECT policy_id, projection, version FROM inquiries WHERE id = $1",
        "SELECT policy_id, projection, version FROM inquiries WHERE id = $1 FOR UPDATE",
    );
    let (policy_id, projection, version): (i64, JsonColumn, i64) =
        query(select).bind(id).fetch_one(conn.re()).await?;
    let policy = match policies.get(policy_id) {
        Some(policy) => policy,
        None => {
            let policy = read::load_policy(conn.re(), policy_id).await?;
            policies.insert(policy_id, policy.clone());
            policy
        }
    };
    let mut inquiry = parse_projection(id, projection.as_str())?;
    inquiry.apply(&event, &policy)?;
    let seq = version + 1;
    let row = InquiryRow::of(&inquiry, seq)?;
    query(
        "UPDATE inquiries SET state = $1, unit = $2, caseworker = $3, kind = $4, next_due_at = $5, \
         next_requires = $6, next_unpaused_due_at = $7, queue_key = $8, projection = $9, \
         version = $10 WHERE id = $11",
    )
    .bind(row.state)
    .bind(&row.unit)
    .bind(&row.caseworker)
    .bind(row.kind)
    .bind(row.next_due_at)
    .bind(row.next_requires)
    .bind(row.next_unpaused_due_at)
    .bind(row.queue_key)
    .bind(JsonText::new(&row.projection))
    .bind(seq)
    .bind(id)
    .execute(conn.re())
    .await?;
    query("DELETE FROM obligations WHERE inquiry_id = $1")
        .bind(id)
        .execute(conn.re())
        .await?;
    let obligations = obligation_rows(&inquiry)?;
    let pairs: Vec<(InquiryId, &ObligationRow)> = obligations.iter().map(|o| (id, o)).collect();
    insert_history(conn, &[(id, &EventRow::of(seq, &event)?)], &pairs).await?;
    Ok(StoredInquiry {
        id,
        policy_id,
        inquiry,
    })
}

/// Events and obligation rows in few statements, each backend its own way (multi-row VALUES,
/// UNNEST).
pub(crate) async fn insert_history(
    conn: Conn<'_>,
    events: &[(InquiryId, &EventRow)],
    obligations: &[(InquiryId, &ObligationRow)],
) -> StoreResult<()> {
    match conn {
        Conn::Sqlite(c) => {
            crate::sqlite::insert_events(&mut *c, events).await?;
            crate::sqlite::insert_obligations(c, obligations).await
        }
        Conn::Postgres(c) => crate::postgres::insert_history(c, events, obligations).await,
    }
}
