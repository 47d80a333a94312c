//! The compliance report, shared by both backends: one aggregate query over the obligation rows
//! due in a period, classified as the core classifies a tracked obligation at "now"
//! (`TrackedObligation::state`): waived, else met or met late, else paused (counted as pending),
//! else breached when the deadline has passed, else pending.

use crate::types::{ComplianceRow, GroupBy};

/// What report rows are grouped by: a [`GroupBy`] of the API, or, for the dashboard's trend,
/// goal within month (the group is `YYYY-MM` followed by the goal).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Grouping {
    By(GroupBy),
    GoalByMonth,
}

impl Grouping {
    /// Whether the group starts with the month the obligations fall due in.
    pub(crate) fn by_month(self) -> bool {
        matches!(self, Self::By(GroupBy::Month) | Self::GoalByMonth)
    }
}
use frist_core::service::quantile;

/// What a row is grouped by when an obligation's inquiry has no unit.
pub(crate) const NO_UNIT: &str = "(ingen enhed)";
/// What a row is grouped by when an obligation's inquiry has no case type.
pub const NO_CASE_TYPE: &str = "(ingen sagstype)";

/// The report's SQL for `group_by`. Parameters: `$1` = from, `$2` = to (due_at in [from, to)),
/// `$3` = now; all nanoseconds. The same text runs on SQLite and PostgreSQL.
pub(crate) fn group_expression(grouping: Grouping) -> String {
    match grouping {
        Grouping::By(GroupBy::Goal) => "goal".to_owned(),
        Grouping::By(GroupBy::Unit) => format!("COALESCE(unit, '{NO_UNIT}')"),
        Grouping::By(GroupBy::Channel) => "channel".to_owned(),
        // due_date is the local date in Europe/Copenhagen: its month is the report month.
        Grouping::By(GroupBy::Month) => "substr(due_date, 1, 7)".to_owned(),
        Grouping::By(GroupBy::CaseType) => format!("COALESCE(case_type, '{NO_CASE_TYPE}')"),
        Grouping::GoalByMonth => "substr(due_date, 1, 7) || goal".to_owned(),
    }
}

/// An obligation row's outcome at "now" (`$3`): 1 met, 2 met late, 3 breached, 4 pending
/// (paused, or not yet due), 5 waived. The report counts by it and the list behind a figure
/// (`obligation_list.rs`) filters by it.
pub(crate) const OUTCOME_SQL: &str = "CASE WHEN waived THEN 5 \
     WHEN met_at IS NOT NULL AND met_at <= due_at THEN 1 \
     WHEN met_at IS NOT NULL THEN 2 \
     WHEN paused THEN 4 \
     WHEN due_at < $3 THEN 3 \
     ELSE 4 END";

pub(crate) fn compliance_sql(grouping: Grouping) -> String {
    let group = group_expression(grouping);
    format!(
        "SELECT grp, COUNT(*) AS total, \
         SUM(CASE WHEN class = 1 THEN 1 ELSE 0 END) AS met, \
         SUM(CASE WHEN class = 2 THEN 1 ELSE 0 END) AS met_late, \
         SUM(CASE WHEN class = 3 THEN 1 ELSE 0 END) AS breached, \
         SUM(CASE WHEN class = 4 THEN 1 ELSE 0 END) AS pending, \
         SUM(CASE WHEN class = 5 THEN 1 ELSE 0 END) AS waived \
         FROM (SELECT {group} AS grp, {OUTCOME_SQL} AS class \
               FROM obligations WHERE due_at >= $1 AND due_at < $2) AS classified \
         GROUP BY grp"
    )
}

/// The SQL reading the time to meet of every obligation met in the period, by group:
/// `(grp, met_working_days)`. Same parameters as [`compliance_sql`] (`$3` unused).
pub(crate) fn durations_sql(grouping: Grouping) -> String {
    format!(
        "SELECT {} AS grp, met_working_days FROM obligations \
         WHERE due_at >= $1 AND due_at < $2 AND met_working_days IS NOT NULL AND NOT waived",
        group_expression(grouping)
    )
}

/// One obligation's time to meet, by group.
#[derive(Debug, sqlx::FromRow)]
pub(crate) struct DurationRecord {
    pub grp: String,
    pub met_working_days: i64,
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
pub(crate) fn rows(
    records: Vec<ComplianceRecord>,
    durations: Vec<DurationRecord>,
) -> Vec<ComplianceRow> {
    let mut by_group: std::collections::HashMap<String, Vec<i64>> =
        std::collections::HashMap::new();
    for d in durations {
        by_group.entry(d.grp).or_default().push(d.met_working_days);
    }
    for values in by_group.values_mut() {
        values.sort_unstable();
    }
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    let mut rows: Vec<ComplianceRow> = records
        .into_iter()
        .map(|r| {
            let (met, met_late, breached) = (count(r.met), count(r.met_late), count(r.breached));
            let decided = met + met_late + breached;
            ComplianceRow {
                total: count(r.total),
                met,
                met_late,
                breached,
                pending: count(r.pending),
                waived: count(r.waived),
                on_time_percent: (decided > 0).then(|| met as f64 * 100.0 / decided as f64),
                median_working_days: by_group.get(&r.grp).and_then(|v| quantile(v, 0.5)),
                p90_working_days: by_group.get(&r.grp).and_then(|v| quantile(v, 0.9)),
                group: r.grp,
            }
        })
        .collect();
    rows.sort_by(|a, b| a.group.cmp(&b.group));
    rows
}

#[cfg(test)]
mod tests {
    use super::quantile;

    #[test]
    fn quantiles_interpolate_between_closest_ranks() {
        assert_eq!(quantile(&[], 0.5), None);
        assert_eq!(quantile(&[3], 0.9), Some(3.0));
        assert_eq!(quantile(&[1, 2, 3, 4], 0.5), Some(2.5));
        assert_eq!(
            quantile(&[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9),
            Some(9.0)
        );
        assert_eq!(quantile(&[1, 10], 0.9), Some(9.1));
    }
}

/// A compliance row with the policy's target for its group, when there is one: the API's and the
/// CLI's rows (`target_percent`, `target_reached` beside the figures).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TargetedRow {
    #[serde(flatten)]
    pub row: ComplianceRow,
    /// The share the policy means to keep for this goal or case type, in percent.
    pub target_percent: Option<f64>,
    /// Whether `on_time_percent` reached it; `None` without a target or without a decided
    /// obligation.
    pub target_reached: Option<bool>,
}

/// Rows grouped by goal or by case type, each with its target from `policy` (targets belong
/// to goals and case types; other groupings have none).
pub fn against_targets(
    rows: Vec<ComplianceRow>,
    group_by: GroupBy,
    policy: &frist_policy::Policy,
) -> Vec<TargetedRow> {
    rows.into_iter()
        .map(|row| {
            let target = match group_by {
                GroupBy::Goal => policy.goal_target(&row.group),
                GroupBy::CaseType => policy.case_type_target(&row.group),
                GroupBy::Unit | GroupBy::Channel | GroupBy::Month => None,
            }
            .map(frist_policy::TargetShare::percent);
            let target_reached = target
                .zip(row.on_time_percent)
                .map(|(target, share)| share >= target);
            TargetedRow {
                row,
                target_percent: target,
                target_reached,
            }
        })
        .collect()
}
