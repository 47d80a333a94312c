//! Open work per caseworker, for the lead dashboard; one grouped scan shared by both backends.
//!
//! Counts use each inquiry's nearest *unpaused* deadline: an inquiry waiting for the citizen is
//! neither breached nor at risk while its clock is stopped. The three deadline buckets are
//! disjoint: breached (before now), due today (now until the end of today), at risk (after today,
//! until the end of the next working day).

use crate::time::to_db_clamped;
use crate::types::{StoreError, StoreResult, Workload, WorkloadBounds};
use sqlx::{Database, Encode, QueryBuilder, Type};

/// The grouped query; rows decode as [`WorkloadRecord`].
pub(crate) fn workload_query<'a, DB>(bounds: &WorkloadBounds) -> QueryBuilder<'a, DB>
where
    DB: Database,
    i64: Encode<'a, DB> + Type<DB>,
{
    let now = to_db_clamped(bounds.now);
    let today_end = to_db_clamped(bounds.today_end);
    let risk_end = to_db_clamped(bounds.risk_end);
    let mut q = QueryBuilder::<DB>::new(
        "SELECT caseworker, COUNT(*) AS open, \
         SUM(CASE WHEN next_unpaused_due_at < ",
    );
    q.push_bind(now)
        .push(" THEN 1 ELSE 0 END) AS breached, SUM(CASE WHEN next_unpaused_due_at >= ")
        .push_bind(now)
        .push(" AND next_unpaused_due_at < ")
        .push_bind(today_end)
        .push(" THEN 1 ELSE 0 END) AS due_today, SUM(CASE WHEN next_unpaused_due_at >= ")
        .push_bind(today_end)
        .push(" AND next_unpaused_due_at < ")
        .push_bind(risk_end)
        .push(
            " THEN 1 ELSE 0 END) AS at_risk FROM inquiries WHERE state <> 'closed' \
             GROUP BY caseworker ORDER BY caseworker",
        );
    q
}

#[derive(Debug, sqlx::FromRow)]
pub(crate) struct WorkloadRecord {
    pub caseworker: Option<String>,
    pub open: i64,
    pub breached: Option<i64>,
    pub due_today: Option<i64>,
    pub at_risk: Option<i64>,
}

impl WorkloadRecord {
    pub(crate) fn into_workload(self) -> StoreResult<Workload> {
        let count = |n: Option<i64>| {
            u64::try_from(n.unwrap_or(0))
                .map_err(|_| StoreError::Other("a workload count is negative".into()))
        };
        Ok(Workload {
            caseworker: self.caseworker,
            open: count(Some(self.open))?,
            breached: count(self.breached)?,
            due_today: count(self.due_today)?,
            at_risk: count(self.at_risk)?,
        })
    }
}
