//! Reports read from the tallies (migration 0017) rather than from every row: the compliance of
//! whole months in Copenhagen, and the dashboard's workload. What they read does not grow with
//! the number of inquiries kept, only with the months, hours and groups asked for, plus the
//! current hour's rows, which are counted exactly.
//!
//! On PostgreSQL, writers add change rows; [`fold`] moves them into the tallies, and every read
//! sums tallies and changes together, so a count never depends on whether a fold has run.
//!
//! The row-by-row reports in `report.rs` and `workload.rs` stay: they answer periods that are not
//! whole months, and a test holds the two equal on both backends.

use crate::report::{Grouping, NO_CASE_TYPE, NO_UNIT};
use crate::sql::{Conn, query};
use crate::time::to_db_clamped;
use crate::types::{ComplianceRow, GroupBy, StoreError, StoreResult, Workload, WorkloadBounds};
use frist_core::service::quantile_of_counts;
use frist_policy::COPENHAGEN;
use jiff::Timestamp;
use std::collections::{BTreeMap, HashMap};

/// The width of the open-work tallies' time buckets, in nanoseconds. Copenhagen's offsets are
/// whole hours, so every local midnight, and with it every day and month boundary, starts one.
const HOUR_NS: i64 = 3_600_000_000_000;

/// The hour tallies' bucket for "no deadline": after every real one.
const NO_DEADLINE: i64 = i64::MAX;

/// `YYYY-MM` of the month `t` starts, when `t` is the first instant of a month in Copenhagen.
fn month_start(t: Timestamp) -> Option<String> {
    let z = t.to_zoned(COPENHAGEN.clone());
    let midnight =
        z.hour() == 0 && z.minute() == 0 && z.second() == 0 && z.subsec_nanosecond() == 0;
    (z.day() == 1 && midnight).then(|| z.strftime("%Y-%m").to_string())
}

/// The months `[first, end)` that `[from, to)` covers, when both are month starts in Copenhagen
/// and the period is not empty: the periods the tallies answer.
pub(crate) fn whole_months(from: Timestamp, to: Timestamp) -> Option<(String, String)> {
    (from < to).then_some((month_start(from)?, month_start(to)?))
}

fn group_column(grouping: Grouping) -> String {
    match grouping {
        Grouping::By(GroupBy::Goal) => "goal".to_owned(),
        Grouping::By(GroupBy::Unit) => {
            format!("CASE WHEN unit = '' THEN '{NO_UNIT}' ELSE unit END")
        }
        Grouping::By(GroupBy::Channel) => "channel".to_owned(),
        Grouping::By(GroupBy::Month) => "month".to_owned(),
        Grouping::GoalByMonth => "month || goal".to_owned(),
        Grouping::By(GroupBy::CaseType) => {
            format!("CASE WHEN case_type = '' THEN '{NO_CASE_TYPE}' ELSE case_type END")
        }
    }
}

/// The obligations of months `$1 <= month < $2` by group, class and time to meet.
fn counts_sql(grouping: Grouping) -> String {
    let columns = "month, goal, channel, unit, case_type, class, met_working_days, n";
    format!(
        "SELECT {} AS grp, class, met_working_days, CAST(SUM(n) AS BIGINT) AS n \
         FROM (SELECT {columns} FROM obligation_tally WHERE month >= $1 AND month < $2 \
               UNION ALL \
               SELECT {columns} FROM obligation_tally_changes WHERE month >= $1 AND month < $2) AS t \
         GROUP BY 1, 2, 3",
        group_column(grouping)
    )
}

/// The open obligations due in the hours `$1 <= hour < $2`, by group (months are not a
/// column here: a month's hours are a range; by month, only the month of now is asked for,
/// see `open_breached`, and the group is what follows the month).
fn open_hours_sql(grouping: Grouping) -> String {
    let columns = "hour, goal, channel, unit, case_type, n";
    let group = match grouping {
        Grouping::By(GroupBy::Month) => "''".to_owned(),
        Grouping::GoalByMonth => "goal".to_owned(),
        other => group_column(other),
    };
    format!(
        "SELECT {group} AS grp, CAST(SUM(n) AS BIGINT) AS n \
         FROM (SELECT {columns} FROM open_obligation_tally WHERE hour >= $1 AND hour < $2 \
               UNION ALL \
               SELECT {columns} FROM open_obligation_tally_changes WHERE hour >= $1 AND hour < $2) AS t \
         GROUP BY 1"
    )
}

/// The open obligations due in `$1 <= due_at < $2`, counted from the rows (one hour at most).
fn open_rows_sql(grouping: Grouping) -> String {
    let group = match grouping {
        Grouping::By(GroupBy::Goal) | Grouping::GoalByMonth => "goal".to_owned(),
        Grouping::By(GroupBy::Unit) => format!("COALESCE(unit, '{NO_UNIT}')"),
        Grouping::By(GroupBy::Channel) => "channel".to_owned(),
        Grouping::By(GroupBy::Month) => "''".to_owned(),
        Grouping::By(GroupBy::CaseType) => format!("COALESCE(case_type, '{NO_CASE_TYPE}')"),
    };
    format!(
        "SELECT {group} AS grp, COUNT(*) AS n FROM obligations \
         WHERE due_at >= $1 AND due_at < $2 AND met_at IS NULL AND NOT waived AND NOT paused \
         GROUP BY 1"
    )
}

#[derive(Debug, sqlx::FromRow)]
struct CountRecord {
    grp: String,
    class: i32,
    met_working_days: i64,
    n: i64,
}

#[derive(Debug, sqlx::FromRow)]
struct GroupCount {
    grp: String,
    n: i64,
}

/// What a group's counts add up to while they are read.
#[derive(Debug, Default)]
struct Group {
    met: i64,
    met_late: i64,
    open: i64,
    paused: i64,
    waived: i64,
    /// Time to meet → how many, of the obligations that are not waived.
    durations: BTreeMap<i64, i64>,
}

const OPEN: i32 = 0;
const MET: i32 = 1;
const MET_LATE: i32 = 2;
const PAUSED: i32 = 4;
const WAIVED: i32 = 5;

/// The compliance report of the whole months `months` (`[from, to)`, see [`whole_months`]),
/// with open obligations breached when due before `now`. Same rows as `report.rs` gives.
pub(crate) async fn compliance(
    mut conn: Conn<'_>,
    months: &(String, String),
    (from, to): (Timestamp, Timestamp),
    grouping: Grouping,
    now: Timestamp,
) -> StoreResult<Vec<ComplianceRow>> {
    let counts: Vec<CountRecord> = query(counts_sql(grouping))
        .bind(months.0.as_str())
        .bind(months.1.as_str())
        .fetch_all(conn.re())
        .await?;
    let mut groups: HashMap<String, Group> = HashMap::new();
    for c in counts {
        let g = groups.entry(c.grp).or_default();
        match c.class {
            MET => g.met += c.n,
            MET_LATE => g.met_late += c.n,
            OPEN => g.open += c.n,
            PAUSED => g.paused += c.n,
            WAIVED => g.waived += c.n,
            other => return Err(StoreError::Other(format!("unknown tally class {other}"))),
        }
        if c.class != WAIVED && c.met_working_days >= 0 {
            *g.durations.entry(c.met_working_days).or_default() += c.n;
        }
    }
    let breached = open_breached(conn, grouping, (from, to), now, &groups).await?;
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    let mut rows: Vec<ComplianceRow> = groups
        .into_iter()
        .filter_map(|(grp, g)| {
            let total = g.met + g.met_late + g.open + g.paused + g.waived;
            if total <= 0 {
                return None; // every obligation counted here has since gone
            }
            let breached = breached.get(&grp).copied().unwrap_or(0).min(g.open);
            let (met, met_late) = (count(g.met), count(g.met_late));
            let decided = met + met_late + count(breached);
            let durations: Vec<(i64, u64)> = g
                .durations
                .iter()
                .filter(|(_, n)| **n > 0)
                .map(|(days, n)| (*days, count(*n)))
                .collect();
            Some(ComplianceRow {
                total: count(total),
                met,
                met_late,
                breached: count(breached),
                pending: count(g.paused + g.open - breached),
                waived: count(g.waived),
                on_time_percent: (decided > 0).then(|| met as f64 * 100.0 / decided as f64),
                median_working_days: quantile_of_counts(&durations, 0.5),
                p90_working_days: quantile_of_counts(&durations, 0.9),
                group: grp,
            })
        })
        .collect();
    rows.sort_by(|a, b| a.group.cmp(&b.group));
    Ok(rows)
}

/// How many of each group's open obligations were due before `now`: all of them for a period
/// that has passed, none for one to come, and for the current one the tally's whole hours
/// before now plus the rows due in this hour so far.
async fn open_breached(
    mut conn: Conn<'_>,
    grouping: Grouping,
    (from, to): (Timestamp, Timestamp),
    now: Timestamp,
    groups: &HashMap<String, Group>,
) -> StoreResult<HashMap<String, i64>> {
    if now >= to {
        return Ok(groups.iter().map(|(k, g)| (k.clone(), g.open)).collect());
    }
    if now <= from {
        return Ok(HashMap::new());
    }
    // By month, only the month `now` is in is split; those before it have passed, those after
    // it are to come.
    let this_month = if grouping.by_month() {
        let first = now.to_zoned(COPENHAGEN.clone()).date().first_of_month();
        let start = first
            .to_zoned(COPENHAGEN.clone())
            .map_err(|e| StoreError::Other(format!("the month of now: {e}")))?
            .timestamp();
        Some((first.strftime("%Y-%m").to_string(), start))
    } else {
        None
    };
    let start = this_month
        .as_ref()
        .map_or(from, |(_, start)| (*start).max(from));
    let (start, now_ns) = (to_db_clamped(start), to_db_clamped(now));
    let this_hour = now_ns.div_euclid(HOUR_NS).saturating_mul(HOUR_NS);
    let hours: Vec<GroupCount> = query(open_hours_sql(grouping))
        .bind(start.div_euclid(HOUR_NS))
        .bind(now_ns.div_euclid(HOUR_NS))
        .fetch_all(conn.re())
        .await?;
    let rows: Vec<GroupCount> = query(open_rows_sql(grouping))
        .bind(this_hour.max(start))
        .bind(now_ns)
        .fetch_all(conn)
        .await?;
    let mut breached: HashMap<String, i64> = HashMap::new();
    for c in hours.into_iter().chain(rows) {
        *breached.entry(c.grp).or_default() += c.n;
    }
    let Some((this_month, _)) = this_month else {
        return Ok(breached);
    };
    // The group is the month, then what follows it (nothing, or the goal).
    Ok(groups
        .iter()
        .filter_map(|(group, g)| {
            let (month, rest) = group.split_at_checked(7)?;
            match month.cmp(this_month.as_str()) {
                std::cmp::Ordering::Less => Some((group.clone(), g.open)),
                std::cmp::Ordering::Equal => {
                    Some((group.clone(), breached.get(rest).copied().unwrap_or(0)))
                }
                std::cmp::Ordering::Greater => None,
            }
        })
        .collect())
}

/// Open inquiries per caseworker by the hour of their nearest unpaused deadline: the count
/// below each of `$1`, `$2`, `$3` (hours), and all of them.
const WORKLOAD_SQL: &str = "SELECT caseworker, CAST(SUM(n) AS BIGINT) AS open, \
     CAST(SUM(CASE WHEN hour < $1 THEN n ELSE 0 END) AS BIGINT) AS below_now, \
     CAST(SUM(CASE WHEN hour < $2 THEN n ELSE 0 END) AS BIGINT) AS below_today_end, \
     CAST(SUM(CASE WHEN hour < $3 THEN n ELSE 0 END) AS BIGINT) AS below_risk_end \
     FROM (SELECT caseworker, hour, n FROM open_inquiry_tally \
           UNION ALL SELECT caseworker, hour, n FROM open_inquiry_tally_changes) AS t \
     GROUP BY caseworker HAVING SUM(n) <> 0 ORDER BY caseworker";

/// Open inquiries whose nearest unpaused deadline is in `$1 <= at < $2`, per caseworker.
const OPEN_DUE_SQL: &str = "SELECT COALESCE(caseworker, '') AS grp, COUNT(*) AS n FROM inquiries \
     WHERE state <> 'closed' AND next_unpaused_due_at >= $1 AND next_unpaused_due_at < $2 \
     GROUP BY 1";

#[derive(Debug, sqlx::FromRow)]
struct WorkloadTally {
    caseworker: String,
    open: i64,
    below_now: i64,
    below_today_end: i64,
    below_risk_end: i64,
}

/// The dashboard's workload (see `workload.rs` for what each count means), from the tally.
pub(crate) async fn workload(
    mut conn: Conn<'_>,
    bounds: &WorkloadBounds,
) -> StoreResult<Vec<Workload>> {
    let at = [bounds.now, bounds.today_end, bounds.risk_end].map(to_db_clamped);
    let hour = at.map(|t| t.div_euclid(HOUR_NS));
    let tallies: Vec<WorkloadTally> = query(WORKLOAD_SQL)
        .bind(hour[0])
        .bind(hour[1])
        .bind(hour[2])
        .fetch_all(conn.re())
        .await?;
    // Each bound's own hour, up to the bound, from the rows: nothing when it starts an hour.
    let mut partial: [HashMap<String, i64>; 3] = Default::default();
    for (i, (t, h)) in at.iter().zip(hour).enumerate() {
        let start = h.saturating_mul(HOUR_NS);
        if start == *t || h == NO_DEADLINE {
            continue;
        }
        let rows: Vec<GroupCount> = query(OPEN_DUE_SQL)
            .bind(start)
            .bind(*t)
            .fetch_all(conn.re())
            .await?;
        if let Some(map) = partial.get_mut(i) {
            map.extend(rows.into_iter().map(|r| (r.grp, r.n)));
        }
    }
    let count = |n: i64| {
        u64::try_from(n).map_err(|_| StoreError::Other("a workload count is negative".into()))
    };
    tallies
        .into_iter()
        .map(|t| {
            let below = |i: usize, tally: i64| {
                tally
                    + partial
                        .get(i)
                        .and_then(|m| m.get(&t.caseworker))
                        .copied()
                        .unwrap_or(0)
            };
            let (now, today_end, risk_end) = (
                below(0, t.below_now),
                below(1, t.below_today_end),
                below(2, t.below_risk_end),
            );
            Ok(Workload {
                open: count(t.open)?,
                breached: count(now)?,
                due_today: count(today_end - now)?,
                at_risk: count(risk_end - today_end)?,
                caseworker: (!t.caseworker.is_empty()).then_some(t.caseworker),
            })
        })
        .collect()
}

/// PostgreSQL: moves the change rows into the tallies, when no other session is doing so (an
/// advisory lock; whoever holds it folds what was committed before it started). SQLite keeps
/// no change rows.
pub(crate) async fn fold(conn: &mut sqlx::PgConnection) -> StoreResult<()> {
    use sqlx::Connection;
    let mut tx = conn.begin().await?;
    let ours: bool = sqlx::query_scalar("SELECT pg_try_advisory_xact_lock($1)")
        .bind(FOLD_LOCK)
        .fetch_one(&mut *tx)
        .await?;
    if ours {
        for sql in FOLD_SQL {
            sqlx::query(sql).execute(&mut *tx).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// The advisory lock of [`fold`] ("tally" in ASCII).
const FOLD_LOCK: i64 = 0x0074_616c_6c79;

const FOLD_SQL: [&str; 3] = [
    "WITH moved AS (DELETE FROM obligation_tally_changes RETURNING *) \
     INSERT INTO obligation_tally \
     SELECT month, goal, channel, unit, case_type, class, met_working_days, SUM(n) FROM moved \
     GROUP BY 1, 2, 3, 4, 5, 6, 7 \
     ON CONFLICT (month, goal, channel, unit, case_type, class, met_working_days) \
     DO UPDATE SET n = obligation_tally.n + EXCLUDED.n",
    "WITH moved AS (DELETE FROM open_obligation_tally_changes RETURNING *) \
     INSERT INTO open_obligation_tally \
     SELECT hour, goal, channel, unit, case_type, SUM(n) FROM moved GROUP BY 1, 2, 3, 4, 5 \
     ON CONFLICT (hour, goal, channel, unit, case_type) \
     DO UPDATE SET n = open_obligation_tally.n + EXCLUDED.n",
    "WITH moved AS (DELETE FROM open_inquiry_tally_changes RETURNING *) \
     INSERT INTO open_inquiry_tally SELECT caseworker, hour, SUM(n) FROM moved GROUP BY 1, 2 \
     ON CONFLICT (caseworker, hour) DO UPDATE SET n = open_inquiry_tally.n + EXCLUDED.n",
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn only_copenhagen_month_starts_make_whole_months() {
        // 1 October 2026 00:00 in Copenhagen is 30 September 22:00 UTC (summer time); 1 November
        // is 31 October 23:00 UTC (winter time).
        assert_eq!(
            whole_months(at("2026-09-30T22:00:00Z"), at("2026-10-31T23:00:00Z")),
            Some(("2026-10".to_owned(), "2026-11".to_owned()))
        );
        assert_eq!(
            whole_months(at("2026-10-01T00:00:00Z"), at("2026-10-31T23:00:00Z")),
            None
        );
        assert_eq!(
            whole_months(at("2026-09-30T22:00:00Z"), at("2026-10-15T22:00:00Z")),
            None
        );
        assert_eq!(
            whole_months(at("2026-10-31T23:00:00Z"), at("2026-09-30T22:00:00Z")),
            None
        );
        assert_eq!(
            whole_months(at("2026-09-30T22:00:00Z"), at("2026-09-30T22:00:00Z")),
            None
        );
    }
}
