//! The queue page's view model: the rows with the time left on each, the tabs, the filter
//! form and the page links, from what the handler decided and read.

use super::super::deadline::{Signal, time_left};
use super::super::words::queues::QueuesWords;
use super::super::{StaffChrome, StaffMessages, encode_query};
use super::{QueueQuery, Tab, Wanted, deadline_choices, state_choices};
use crate::pages::visitor::Visitor;
use crate::paths;
use askama::Template;
use frist_core::cpr::mask;
use frist_policy::Policy;
use frist_store::{Caseworker, Page, Unit, User};
use jiff::Timestamp;

#[derive(Debug)]
struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Debug)]
struct TabLink {
    href: String,
    label: &'static str,
    current: bool,
}

#[derive(Debug)]
struct Row {
    id: i64,
    reference: String,
    subject: String,
    channel: &'static str,
    unit: String,
    caseworker: String,
    time_left: String,
    label: &'static str,
    class: &'static str,
    /// "Covering for …" when the row is an absent colleague's, shown to their substitute.
    cover: Option<String>,
}

#[derive(Debug, Template)]
#[template(path = "queue.html")]
pub(crate) struct QueuePage {
    chrome: StaffChrome,
    tabs: Vec<TabLink>,
    caption: &'static str,
    rows: Vec<Row>,
    no_unit: bool,
    tab: &'static str,
    deadlines: Vec<Choice>,
    states: Vec<Choice>,
    /// Empty unless the tab is "all".
    units: Vec<Choice>,
    filtered: bool,
    /// A colleague whose inquiries are shown (kept through the filter form).
    colleague: String,
    next_href: Option<String>,
    first_href: Option<String>,
}

/// The page: rows with the time left on each, the tabs, the filter form and the page links.
#[allow(
    clippy::too_many_arguments,
    reason = "each is one thing the page shows"
)]
pub(crate) fn page(
    visitor: &Visitor,
    policy: &Policy,
    user: &User,
    token: &str,
    now: Timestamp,
    query: &QueueQuery,
    wanted: Wanted,
    page: Option<Page>,
    units: &[Unit],
    caseworkers: &[Caseworker],
) -> QueuePage {
    let s = StaffMessages::of(visitor.staff_lang());
    let w = QueuesWords::of(visitor.staff_lang());
    let Wanted {
        tab,
        filter,
        filters,
        covering,
    } = wanted;
    let today = now.to_zoned(frist_policy::COPENHAGEN.clone()).date();
    let rows = page
        .as_ref()
        .map(|p| p.items.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|item| {
            let left = time_left(
                policy,
                item.channel,
                item.next_due_at,
                item.next_requires,
                now,
                s,
            );
            let unit = item.unit.as_ref().map_or(s.no_unit_value.to_owned(), |id| {
                units
                    .iter()
                    .find(|u| &u.id == id)
                    .map_or_else(|| id.clone(), |u| u.name.clone())
            });
            let caseworker = item
                .caseworker
                .as_ref()
                .map_or(s.unassigned.to_owned(), |id| {
                    super::super::people::caseworker_label(
                        caseworkers,
                        id,
                        today,
                        visitor.staff_t(),
                        s,
                    )
                });
            let cover = match (&covering, &item.caseworker) {
                (Some(whose), Some(id)) if whose != id => Some(
                    w.cover_for.replace(
                        "{name}",
                        caseworkers
                            .iter()
                            .find(|c| &c.id == id)
                            .map_or(id.as_str(), |c| c.name.as_str()),
                    ),
                ),
                _ => None,
            };
            Row {
                cover,
                id: item.id,
                reference: item.reference.to_string(),
                subject: mask(&item.subject),
                channel: item.channel.label(visitor.staff_lang()),
                unit,
                caseworker,
                time_left: left.text,
                label: left.signal.label(s),
                class: if left.signal == Signal::None {
                    ""
                } else {
                    left.signal.class()
                },
            }
        })
        .collect();
    let tabs = [
        (Tab::Mine, s.tab_mine),
        (Tab::Unit, s.tab_unit),
        (Tab::All, s.tab_all),
    ]
    .into_iter()
    .map(|(t, label)| TabLink {
        href: format!("{}?vis={}", paths::QUEUE, t.slug()),
        label,
        current: t == tab,
    })
    .collect();
    let next_href = page
        .as_ref()
        .and_then(|p| p.next_cursor.as_ref())
        .map(|cursor| {
            format!(
                "{}?vis={}{filters}&efter={}",
                paths::QUEUE,
                tab.slug(),
                encode_query(cursor)
            )
        });
    let deadlines = deadline_choices(s)
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.into(),
            label: label.into(),
            selected: value == query.frist,
        })
        .collect();
    let states = state_choices(s, w)
        .into_iter()
        .map(|(value, _, label)| Choice {
            value: value.into(),
            label: label.into(),
            selected: value == query.status,
        })
        .collect();
    let unit_choices = if tab == Tab::All {
        std::iter::once(Choice {
            value: String::new(),
            label: s.unit_any.into(),
            selected: query.enhed.is_empty(),
        })
        .chain(units.iter().map(|u| Choice {
            value: u.id.clone(),
            label: u.name.clone(),
            selected: u.id == query.enhed,
        }))
        .collect()
    } else {
        Vec::new()
    };
    QueuePage {
        chrome: StaffChrome::new(visitor, policy, Some(user), token),
        tabs,
        caption: match tab {
            Tab::Mine => s.caption_mine,
            Tab::Unit => s.caption_unit,
            Tab::All => s.caption_all,
        },
        rows,
        no_unit: filter.is_none(),
        tab: tab.slug(),
        deadlines,
        states,
        units: unit_choices,
        filtered: !filters.is_empty(),
        colleague: query.sagsbehandler.clone(),
        next_href,
        first_href: query
            .efter
            .is_some()
            .then(|| format!("{}?vis={}{filters}", paths::QUEUE, tab.slug())),
    }
}
