//! The words of notices to staff, from the staff catalogue (Danish: the municipality's working
//! language). Subjects carry references, never a CPR number: subjects of inquiries are stored
//! masked.

use super::plan::{Addresses, Item, Section, Work};
use frist_calendar::Date;
use frist_i18n::{Arg, Audience, Lang, text};
use frist_store::{Caseworker, ComplianceRow, NoticeText, OpenObligation};
use frist_web::paths;

const LANG: Lang = Lang::Da;

fn t(key: &str, args: &[(&str, Arg<'_>)]) -> String {
    text(LANG, Audience::Staff, key, args)
}

/// "7. december 2026".
pub fn day(date: Date) -> String {
    frist_policy::danish_date(date)
}

pub fn warning(
    o: &OpenObligation,
    share: u8,
    to_unit: Option<&str>,
    addresses: &Addresses,
) -> NoticeText {
    let mut body = t(
        "notice-warning-body",
        &[
            ("reference", o.reference.as_str().into()),
            ("subject", o.subject.as_str().into()),
            ("goal", o.goal.as_str().into()),
            ("date", day(o.due_date).into()),
            ("share", Arg::Number(i64::from(share))),
        ],
    );
    if let Some(unit) = to_unit {
        body.push_str("\n\n");
        body.push_str(&t("notice-warning-to-unit", &[("unit", unit.into())]));
    }
    NoticeText {
        subject: t(
            "notice-warning-subject",
            &[("reference", o.reference.as_str().into())],
        ),
        body,
        link: Some(addresses.link(&paths::inquiry(o.inquiry_id))),
        mine: Vec::new(),
    }
}

pub fn escalation(o: &OpenObligation, owner: Option<&str>, addresses: &Addresses) -> NoticeText {
    let nobody = t("notice-nobody", &[]);
    NoticeText {
        subject: t(
            "notice-escalation-subject",
            &[("reference", o.reference.as_str().into())],
        ),
        body: t(
            "notice-escalation-body",
            &[
                ("reference", o.reference.as_str().into()),
                ("subject", o.subject.as_str().into()),
                ("goal", o.goal.as_str().into()),
                ("date", day(o.due_date).into()),
                ("caseworker", owner.unwrap_or(&nobody).into()),
            ],
        ),
        link: Some(addresses.link(&paths::inquiry(o.inquiry_id))),
        mine: Vec::new(),
    }
}

fn section(out: &mut String, key: &str, s: &Section, addresses: &Addresses) {
    if s.count == 0 {
        return;
    }
    out.push_str("\n\n");
    out.push_str(&t(key, &[("count", count(s.count))]));
    out.push(':');
    for item in &s.examples {
        out.push_str("\n- ");
        out.push_str(&line(item, addresses));
    }
    if s.count > s.examples.len() {
        out.push_str("\n  ");
        out.push_str(&t(
            "notice-digest-more",
            &[("count", count(s.count - s.examples.len()))],
        ));
    }
}

fn line(item: &Item, addresses: &Addresses) -> String {
    format!(
        "{}\n  {}",
        t(
            "notice-digest-item",
            &[
                ("reference", item.reference.as_str().into()),
                ("subject", item.subject.as_str().into()),
                ("date", day(item.due_date).into()),
            ],
        ),
        addresses.link(&paths::inquiry(item.id))
    )
}

fn count(n: usize) -> Arg<'static> {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

pub fn digest(
    person: &Caseworker,
    today: Date,
    work: &Work,
    covering: &[(&Caseworker, Date, Work)],
    addresses: &Addresses,
) -> NoticeText {
    let mut body = t(
        "notice-digest-greeting",
        &[
            ("name", person.name.as_str().into()),
            ("date", day(today).into()),
        ],
    );
    let before = body.len();
    section(&mut body, "notice-digest-overdue", &work.overdue, addresses);
    section(
        &mut body,
        "notice-digest-due-today",
        &work.due_today,
        addresses,
    );
    section(&mut body, "notice-digest-at-risk", &work.at_risk, addresses);
    if body.len() == before {
        body.push_str("\n\n");
        body.push_str(&t("notice-digest-nothing", &[]));
    }
    section(&mut body, "notice-digest-new", &work.new, addresses);
    section(&mut body, "notice-digest-handed", &work.handed, addresses);
    for (colleague, until, theirs) in covering {
        body.push_str("\n\n");
        body.push_str(&t(
            "notice-digest-covering",
            &[
                ("name", colleague.name.as_str().into()),
                ("until", day(*until).into()),
                ("overdue", count(theirs.overdue.count)),
                ("due_today", count(theirs.due_today.count)),
            ],
        ));
    }
    body.push_str("\n\n");
    body.push_str(&t("notice-digest-off", &[]));
    NoticeText {
        subject: t(
            "notice-digest-subject",
            &[
                ("date", day(today).into()),
                ("due_today", count(work.due_today.count)),
                ("overdue", count(work.overdue.count)),
            ],
        ),
        body,
        link: Some(addresses.link(paths::QUEUE)),
        mine: Vec::new(),
    }
}

/// "92 %", or a dash when nothing fell due.
fn share(row: &ComplianceRow) -> String {
    row.on_time_percent
        .map_or_else(|| t("notice-share-none", &[]), |p| format!("{p:.0} %"))
}

fn rows(out: &mut String, heading: &str, rows: &[ComplianceRow]) {
    out.push_str("\n\n");
    out.push_str(&t(heading, &[]));
    if rows.is_empty() {
        out.push_str("\n- ");
        out.push_str(&t("notice-report-none", &[]));
    }
    for r in rows {
        let due = r.met + r.met_late + r.breached;
        out.push_str("\n- ");
        out.push_str(&t(
            "notice-report-row",
            &[
                ("group", r.group.as_str().into()),
                ("on_time", count_u(r.met)),
                ("due", count_u(due)),
                ("share", share(r).into()),
                ("late", count_u(r.met_late)),
                ("breached", count_u(r.breached)),
                ("pending", count_u(r.pending)),
            ],
        ));
    }
}

fn count_u(n: u64) -> Arg<'static> {
    Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A month as "november 2026".
pub fn month(first: Date) -> String {
    let date = frist_policy::danish_date(first.first_of_month());
    date.strip_prefix("1. ")
        .map_or_else(|| date.clone(), str::to_owned)
}

pub fn monthly_report(
    month_first: Date,
    by_goal: &[ComplianceRow],
    by_unit: &[ComplianceRow],
    addresses: &Addresses,
) -> NoticeText {
    let (met, due) = by_goal.iter().fold((0, 0), |(m, d), r| {
        (m + r.met, d + r.met + r.met_late + r.breached)
    });
    let name = month(month_first);
    let subject = if due == 0 {
        t(
            "notice-report-subject-none",
            &[("month", name.as_str().into())],
        )
    } else {
        let percent = format!("{:.0} %", met as f64 * 100.0 / due as f64);
        t(
            "notice-report-subject",
            &[("month", name.as_str().into()), ("share", percent.into())],
        )
    };
    let mut body = t("notice-report-intro", &[("month", name.as_str().into())]);
    rows(&mut body, "notice-report-goals", by_goal);
    rows(&mut body, "notice-report-units", by_unit);
    NoticeText {
        subject,
        body,
        link: Some(addresses.link(paths::DASHBOARD)),
        mine: Vec::new(),
    }
}
