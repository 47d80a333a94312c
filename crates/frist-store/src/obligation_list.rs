//! The obligations behind one figure of a compliance report: those due in a period, in one
//! group, with one outcome at "now", a page at a time in order of deadline. The lead dashboard
//! links each of its numbers here, so a lead can see which inquiries make up a figure.

use crate::report::{Grouping, OUTCOME_SQL, group_expression};
use crate::sql::{Conn, query};
use crate::time::{from_db, to_db_clamped};
use crate::types::{GroupBy, InquiryId, StoreError, StoreResult};
use frist_core::{InquiryState, Reference};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// What became of an obligation, as a compliance report counts it at "now".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Met,
    MetLate,
    Breached,
    Pending,
    Waived,
}

impl Outcome {
    /// Its number in the report's classification (`report::OUTCOME_SQL`).
    fn class(self) -> u8 {
        match self {
            Self::Met => 1,
            Self::MetLate => 2,
            Self::Breached => 3,
            Self::Pending => 4,
            Self::Waived => 5,
        }
    }
}

/// Which figure: the period, the grouping and its group, and the outcome (`None`: all of them).
#[derive(Debug, Clone, PartialEq)]
pub struct ObligationFilter {
    pub from: Timestamp,
    pub to: Timestamp,
    pub group_by: GroupBy,
    pub group: String,
    pub outcome: Option<Outcome>,
    pub now: Timestamp,
}

/// One obligation of the list, with its inquiry's reference and state (nothing confidential).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedObligation {
    pub inquiry_id: InquiryId,
    pub reference: Reference,
    pub state: InquiryState,
    pub goal: String,
    pub due_at: Timestamp,
    pub met_at: Option<Timestamp>,
}

/// A page of obligations; `next_cursor` is opaque and `None` on the last page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObligationPage {
    pub items: Vec<ListedObligation>,
    pub next_cursor: Option<String>,
}

#[derive(Debug, sqlx::FromRow)]
struct Record {
    due_at: i64,
    inquiry_id: i64,
    position: i32,
    goal: String,
    met_at: Option<i64>,
    reference: String,
    state: String,
}

/// The sort key of a row: due instant, inquiry, position.
fn cursor_of(r: &Record) -> String {
    format!("{}.{}.{}", r.due_at, r.inquiry_id, r.position)
}

fn parse_cursor(text: &str) -> StoreResult<(i64, i64, i32)> {
    let bad = || StoreError::Invalid("the cursor is not one this store issued".into());
    let mut parts = text.split('.');
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    Ok((
        a.parse().map_err(|_| bad())?,
        b.parse().map_err(|_| bad())?,
        c.parse().map_err(|_| bad())?,
    ))
}

pub(crate) async fn page(
    conn: Conn<'_>,
    filter: &ObligationFilter,
    cursor: Option<&str>,
    limit: u32,
) -> StoreResult<ObligationPage> {
    let limit = limit.clamp(1, 200);
    let after = cursor.map(parse_cursor).transpose()?;
    // `$3` ("now") is in the statement either way.
    let outcome = filter.outcome.map_or_else(
        || "$3 = $3".to_owned(),
        |o| format!("({OUTCOME_SQL}) = {}", o.class()),
    );
    let group = group_expression(Grouping::By(filter.group_by));
    let after_sql = if after.is_some() {
        "AND (o.due_at > $5 OR (o.due_at = $5 AND (o.inquiry_id > $6 \
         OR (o.inquiry_id = $6 AND o.position > $7))))"
    } else {
        ""
    };
    let sql = format!(
        "SELECT o.due_at, o.inquiry_id, o.position, o.goal, o.met_at, i.reference, i.state \
         FROM (SELECT *, {group} AS grp FROM obligations \
               WHERE due_at >= $1 AND due_at < $2 AND {outcome}) AS o \
         JOIN inquiries i ON i.id = o.inquiry_id \
         WHERE o.grp = $4 {after_sql} \
         ORDER BY o.due_at, o.inquiry_id, o.position LIMIT {}",
        limit + 1
    );
    let mut q = query(sql)
        .bind(to_db_clamped(filter.from))
        .bind(to_db_clamped(filter.to))
        .bind(to_db_clamped(filter.now))
        .bind(filter.group.clone());
    if let Some((due, id, position)) = after {
        q = q.bind(due).bind(id).bind(position);
    }
    let mut records: Vec<Record> = q.fetch_all(conn).await?;
    let more = records.len() > limit as usize;
    records.truncate(limit as usize);
    let next_cursor = more.then(|| records.last().map(cursor_of)).flatten();
    let items = records
        .into_iter()
        .map(|r| {
            Ok(ListedObligation {
                inquiry_id: r.inquiry_id,
                reference: r
                    .reference
                    .parse()
                    .map_err(|_| StoreError::Other(format!("stored reference {}", r.reference)))?,
                state: crate::rows::parse_state(&r.state)
                    .ok_or_else(|| StoreError::Other(format!("stored state {}", r.state)))?,
                goal: r.goal,
                due_at: from_db(r.due_at)?,
                met_at: r.met_at.map(from_db).transpose()?,
            })
        })
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(ObligationPage { items, next_cursor })
}
