//! The compliance report, shared by both backends: one aggregate query over the obligation rows
//! due in a period, classified as the core classifies a tracked obligation at "now"
//! (`TrackedObligation::state`): waived, else met or met late, else paused (counted as pending),
//! else breached when the deadline has passed, else pending.

use crate::types::{ComplianceRow, GroupBy};

/// What a row is grouped by when an obligation's inquiry has no unit.
pub(crate) const NO_UNIT: &str = "(ingen enhed)";

/// The report's SQL for `group_by`. Parameters: `$1` = from, `$2` = to (due_at in [from, to)),
/// `$3` = now; all nanoseconds. The same text runs on SQLite and PostgreSQL.
pub(crate) fn compliance_sql(group_by: GroupBy) -> String {
    let group = match group_by {
        GroupBy::Goal => "goal".to_owned(),
        GroupBy::Unit => format!("COALESCE(unit, '{NO_UNIT}')"),
        GroupBy::Channel => "channel".to_owned(),
        // due_date is the local date in Europe/Copenhagen: its month is the report month.
        GroupBy::Month => "substr(due_date, 1, 7)".to_owned(),
    };
    format!(
        "SELECT grp, COUNT(*) AS total, \
         SUM(CASE WHEN class = 1 THEN 1 ELSE 0 END) AS met, \
         SUM(CASE WHEN class = 2 THEN 1 ELSE 0 END) AS met_late, \
         SUM(CASE WHEN class = 3 THEN 1 ELSE 0 END) AS breached, \
         SUM(CASE WHEN class = 4 THEN 1 ELSE 0 END) AS pending, \
         SUM(CASE WHEN class = 5 THEN 1 ELSE 0 END) AS waived \
         FROM (SELECT {group} AS grp, \
               CASE WHEN waived THEN 5 \
                    WHEN met_at IS NOT NULL AND met_at <= due_at THEN 1 \
                    WHEN met_at IS NOT NULL THEN 2 \
                    WHEN paused THEN 4 \
                    WHEN due_at < $3 THEN 3 \
                    ELSE 4 END AS class \
               FROM obligations WHERE due_at >= $1 AND due_at < $2) AS classified \
         GROUP BY grp"
    )
}

/// One aggregated group as read from either backend.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct ComplianceRecord {
    pub grp: String,
    pub total: i64,
    pub met: i64,
    pub met_late: i64,
    pub breached: i64,
    pub pending: i64,
    pub waived: i64,
}

/// The report rows, ordered by group (byte order, the same on every backend and collation).
pub(crate) fn rows(records: Vec<ComplianceRecord>) -> Vec<ComplianceRow> {
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    let mut rows: Vec<ComplianceRow> = records
        .into_iter()
        .map(|r| {
            let (met, met_late, breached) = (count(r.met), count(r.met_late), count(r.breached));
            let decided = met + met_late + breached;
            ComplianceRow {
                group: r.grp,
                total: count(r.total),
                met,
                met_late,
                breached,
                pending: count(r.pending),
                waived: count(r.waived),
                on_time_percent: (decided > 0).then(|| met as f64 * 100.0 / decided as f64),
            }
        })
        .collect();
    rows.sort_by(|a, b| a.group.cmp(&b.group));
    rows
}
