//! Throughput and latency at scale, on SQLite. Ignored by default (minutes, and meaningful only
//! in release builds):
//!
//! ```text
//! cargo test -p frist-store --release --test store perf -- --ignored --nocapture --test-threads 1
//! ```
//!
//! `FRIST_PERF_ROWS` sets the number of inquiries (default 1,000,000); `FRIST_PERF_DB` a file to
//! keep the database in.

use crate::helpers::*;
use frist_core::NewInquiry;
use frist_policy::{Channel, InquiryKind};
use frist_store::{AnyStore, GroupBy, InquiryFilter, Store};
use futures_util::future::join_all;
use jiff::{SignedDuration, Timestamp};
use std::time::{Duration, Instant};

const UNITS: [&str; 10] = [
    "borgerservice",
    "byg",
    "miljo",
    "skole",
    "social",
    "sundhed",
    "teknik",
    "kultur",
    "job",
    "ejendom",
];

fn rows() -> usize {
    std::env::var("FRIST_PERF_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

/// The `i`-th of `n` inquiries, received over two years.
fn synthetic(i: usize, n: usize) -> NewInquiry {
    let start = at("2025-01-01T08:00:00+01:00");
    let span = SignedDuration::from_hours(24 * 730);
    let offset = span.as_secs() * i as i64 / n.max(1) as i64;
    let received_at = start
        .checked_add(SignedDuration::from_secs(offset))
        .unwrap();
    let channels = [
        Channel::Email,
        Channel::Letter,
        Channel::WebForm,
        Channel::Phone,
        Channel::Facebook,
        Channel::DigitalPost,
    ];
    let kinds = [
        InquiryKind::GeneralQuestion,
        InquiryKind::Application,
        InquiryKind::Other,
    ];
    NewInquiry {
        channel: channels[i % channels.len()],
        unit: (i % 11 != 0).then(|| UNITS[i % UNITS.len()].to_owned()),
        kind: kinds[i % kinds.len()],
        received_at,
        subject: format!("Henvendelse nr. {i}"),
        body: "Kære kommune. Jeg har et spørgsmål om min sag og håber på et hurtigt svar.".into(),
        external_id: (i % 2 == 0).then(|| format!("<perf-{i}@example.dk>")),
        ..email("2026-01-05T09:00:00+01:00", None)
    }
}

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort_unstable();
    let index = ((samples.len() as f64 - 1.0) * p).round() as usize;
    samples[index]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "minutes long; run in release with --ignored"]
async fn sqlite_at_scale() {
    let db = TestDb::sqlite().await;
    // FRIST_PERF_DB=/path/file.db keeps the database for a look with the sqlite3 shell.
    match std::env::var("FRIST_PERF_DB") {
        Ok(path) => {
            at_scale(
                &frist_store::open(&format!("sqlite://{path}"))
                    .await
                    .unwrap(),
            )
            .await
        }
        Err(_) => at_scale(&db.store).await,
    }
    db.finish().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "minutes long; run in release with --ignored"]
async fn postgres_at_scale() {
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    at_scale(&db.store).await;
    db.finish().await;
}

async fn at_scale(s: &AnyStore) {
    let ros = register(s, "roskilde", ROSKILDE).await;
    let n = rows();

    let started = Instant::now();
    let mut imported = 0;
    for batch_start in (0..n).step_by(10_000) {
        let batch: Vec<_> = (batch_start..(batch_start + 10_000).min(n))
            .map(|i| synthetic(i, n))
            .collect();
        imported += s.import_inquiries(batch, &ros).await.unwrap().imported;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("backend: {}", s.backend());
    println!(
        "import: {imported} inquiries in {seconds:.1} s = {:.0} inquiries/s",
        imported as f64 / seconds
    );

    // The first page of one unit's queue, and of its breached inquiries.
    let now = at("2026-06-15T12:00:00+02:00");
    for (what, filter) in [
        (
            "unit queue",
            InquiryFilter {
                unit: Some("byg".into()),
                ..Default::default()
            },
        ),
        (
            "unit breached",
            InquiryFilter {
                unit: Some("byg".into()),
                breached_at: Some(now),
                ..Default::default()
            },
        ),
        ("whole queue", InquiryFilter::default()),
        (
            "caseworker",
            InquiryFilter {
                caseworker: Some("nobody".into()),
                ..Default::default()
            },
        ),
    ] {
        let mut samples = Vec::new();
        for _ in 0..500 {
            let t = Instant::now();
            let page = s.list_inquiries(&filter, None, 50).await.unwrap();
            samples.push(t.elapsed());
            assert!(page.items.len() <= 50);
        }
        // And a page deep inside, through a cursor.
        let first = s.list_inquiries(&filter, None, 500).await.unwrap();
        let t = Instant::now();
        s.list_inquiries(&filter, first.next_cursor.as_deref(), 50)
            .await
            .unwrap();
        let next = t.elapsed();
        println!(
            "list {what}: p50 {:?}, p99 {:?}, next page {next:?}",
            percentile(&mut samples, 0.5),
            percentile(&mut samples, 0.99)
        );
    }

    for group_by in [
        GroupBy::Goal,
        GroupBy::Unit,
        GroupBy::Channel,
        GroupBy::Month,
    ] {
        let t = Instant::now();
        let rows = s
            .compliance(
                at("2026-03-01T00:00:00+01:00"),
                at("2026-04-01T00:00:00+02:00"),
                group_by,
                now,
            )
            .await
            .unwrap();
        let total: u64 = rows.iter().map(|r| r.total).sum();
        println!(
            "compliance for one month by {group_by:?}: {total} obligations in {:?}",
            t.elapsed()
        );
    }
    let t = Instant::now();
    let rows = s
        .compliance(Timestamp::MIN, Timestamp::MAX, GroupBy::Goal, now)
        .await
        .unwrap();
    let total: u64 = rows.iter().map(|r| r.total).sum();
    println!(
        "compliance for all time by goal: {total} obligations in {:?}",
        t.elapsed()
    );

    // Durable creations from 200 concurrent clients.
    let clients = 200;
    let each = 25;
    let t = Instant::now();
    join_all((0..clients).map(|c| {
        let ros = &ros;
        async move {
            for k in 0..each {
                let mut new = synthetic(c * each + k, clients * each);
                new.external_id = Some(format!("<concurrent-{c}-{k}@example.dk>"));
                s.create_inquiry(new, ros).await.unwrap();
            }
        }
    }))
    .await;
    let seconds = t.elapsed().as_secs_f64();
    println!(
        "create: {} durable creations from {clients} clients in {seconds:.2} s = {:.0}/s",
        clients * each,
        (clients * each) as f64 / seconds
    );
}
