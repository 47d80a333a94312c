//! `cargo bench -p frist-calendar`: the cost of one calendar question.
#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)] // a test fails loudly

use criterion::{Criterion, criterion_group, criterion_main};
use frist_calendar::{Calendar, Date};
use std::hint::black_box;

fn dates() -> Vec<Date> {
    // A spread of dates across 1990–2100, including weekends and holidays.
    (0..4096)
        .map(|i| {
            jiff::civil::date(
                1990 + (i % 110) as i16,
                (i % 12 + 1) as i8,
                (i % 28 + 1) as i8,
            )
        })
        .collect()
}

fn calendar_operations(c: &mut Criterion) {
    let cal = Calendar::danish_default();
    let dates = dates();
    let mut i = 0usize;
    let mut next = move || {
        i = (i + 1) % dates.len();
        dates.get(i).copied().unwrap_or(frist_calendar::FIRST_DATE)
    };
    c.bench_function("add_working_days(date, 10)", |b| {
        b.iter(|| cal.add_working_days(black_box(next()), black_box(10)))
    });
    c.bench_function("is_working_day(date)", |b| {
        b.iter(|| cal.is_working_day(black_box(next())))
    });
    c.bench_function("working_days_between(a, b)", |b| {
        b.iter(|| cal.working_days_between(black_box(next()), black_box(next())))
    });
    c.bench_function("Calendar::new (build the 1900-2200 table)", |b| {
        b.iter(Calendar::danish_default)
    });
}

criterion_group!(benches, calendar_operations);
criterion_main!(benches);
