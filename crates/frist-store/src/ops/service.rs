//! The service report's reading: the inquiries received in a period, a page at a time by id,
//! each with the periods it waited for the citizen (from its events), counted into a
//! [`ServiceReport`] as they come so that a long period never sits in memory at once.

use crate::rows::parse_projection;
use crate::sql::{Conn, JsonColumn, query};
use crate::time::{from_db, to_db_clamped};
use crate::types::StoreResult;
use frist_calendar::Calendar;
use frist_core::service::{ServiceGroupBy, ServiceInput, ServiceReport, ServiceRow};
use frist_core::{Event, EventKind, MessageKind};
use jiff::Timestamp;
use std::collections::HashMap;

/// Inquiries read per page.
const PAGE: i64 = 2_000;

/// Whether a `message_sent` event's message is a final answer (an answer or a decision).
fn final_answer(data: &str) -> bool {
    match serde_json::from_str::<Event>(data) {
        Ok(Event {
            kind: EventKind::MessageSent { message, .. },
            ..
        }) => matches!(message.kind, MessageKind::Answer | MessageKind::Decision),
        _ => false,
    }
}

pub(crate) async fn report(
    mut conn: Conn<'_>,
    calendar: &Calendar,
    (from, to): (Timestamp, Timestamp),
    group_by: ServiceGroupBy,
    now: Timestamp,
) -> StoreResult<Vec<ServiceRow>> {
    let (from, to) = (to_db_clamped(from), to_db_clamped(to));
    let mut report = ServiceReport::new(group_by, now);
    let mut after = 0_i64;
    loop {
        let rows: Vec<(i64, JsonColumn)> = query(
            "SELECT id, projection FROM inquiries WHERE received_at >= $1 AND received_at < $2 \
             AND id > $3 ORDER BY id LIMIT $4",
        )
        .bind(from)
        .bind(to)
        .bind(after)
        .bind(PAGE)
        .fetch_all(conn.re())
        .await?;
        let (Some(first), Some(last)) = (rows.first().map(|r| r.0), rows.last().map(|r| r.0))
        else {
            return Ok(report.rows());
        };
        let events: Vec<(i64, i64, String, JsonColumn)> = query(
            "SELECT inquiry_id, at, type, data FROM events WHERE inquiry_id >= $1 \
             AND inquiry_id <= $2 \
             AND type IN ('awaiting_citizen_started', 'awaiting_citizen_ended', 'message_sent') \
             ORDER BY inquiry_id, seq",
        )
        .bind(first)
        .bind(last)
        .fetch_all(conn.re())
        .await?;
        let mut waiting: HashMap<i64, Vec<(Timestamp, Option<Timestamp>)>> = HashMap::new();
        let mut answered: HashMap<i64, Timestamp> = HashMap::new();
        for (id, at, kind, data) in events {
            let at = from_db(at)?;
            match kind.as_str() {
                "awaiting_citizen_started" => waiting.entry(id).or_default().push((at, None)),
                "awaiting_citizen_ended" => {
                    if let Some(open) = waiting
                        .entry(id)
                        .or_default()
                        .last_mut()
                        .filter(|p| p.1.is_none())
                    {
                        open.1 = Some(at);
                    }
                }
                _ if final_answer(data.as_str()) => {
                    answered.entry(id).or_insert(at);
                }
                _ => {}
            }
        }
        for (id, projection) in &rows {
            let input = ServiceInput {
                inquiry: parse_projection(*id, projection.as_str())?,
                waiting: waiting.remove(id).unwrap_or_default(),
                final_answer_at: answered.remove(id),
            };
            report.add(calendar, &input);
        }
        after = last;
    }
}
