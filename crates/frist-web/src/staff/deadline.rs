//! Time left on an inquiry's nearest deadline, as the queue shows it: a text and a signal
//! (overdue / due today / at risk: due by the end of the next working day / on track) that is
//! written out, never colour alone. "At risk" is what the queue's "I fare" filter and the
//! dashboard count, so a row listed there never says "on track".
//!
//! Working days are counted with the policy's calendar; deadlines the policy states in hours
//! are shown in hours. Pure: the caller passes "now".

use super::StaffMessages;
use frist_policy::{COPENHAGEN, Channel, Policy, Requirement, Within};
use jiff::Timestamp;

/// The signal, which also names the row's CSS class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signal {
    Overdue,
    DueToday,
    AtRisk,
    OnTrack,
    None,
}

impl Signal {
    pub fn label(self, s: &StaffMessages) -> &'static str {
        match self {
            Signal::Overdue => s.label_overdue,
            Signal::DueToday => s.label_due_today,
            Signal::AtRisk => s.label_at_risk,
            Signal::OnTrack => s.label_on_track,
            Signal::None => s.label_none,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Signal::Overdue => "signal-overdue",
            Signal::DueToday => "signal-today",
            Signal::AtRisk => "signal-risk",
            Signal::OnTrack => "signal-on-track",
            Signal::None => "signal-none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TimeLeft {
    pub signal: Signal,
    pub text: String,
}

/// Whether the policy states this requirement's deadline for this channel in hours.
fn in_hours(policy: &Policy, channel: Channel, requires: Requirement) -> bool {
    policy.deadlines().any(|(_, d)| {
        d.requires == requires
            && d.channels.contains(&channel)
            && matches!(d.within, Within::Hours(_))
    })
}

pub(crate) fn time_left(
    policy: &Policy,
    channel: Channel,
    due_at: Option<Timestamp>,
    requires: Option<Requirement>,
    now: Timestamp,
    s: &StaffMessages,
) -> TimeLeft {
    let Some(due_at) = due_at else {
        return TimeLeft {
            signal: Signal::None,
            text: "–".into(),
        };
    };
    let hourly = requires.is_some_and(|r| in_hours(policy, channel, r));
    let today = now.to_zoned(COPENHAGEN.clone()).date();
    let due = due_at.to_zoned(COPENHAGEN.clone());
    let left = due_at.duration_since(now);
    let hours = |forms: fn(&StaffMessages, i64) -> String, secs: i64| {
        forms(s, secs.div_euclid(3600).max(1))
    };
    let calendar = &policy.calendar;
    if left.as_secs() <= 0 {
        let over = calendar
            .working_days_between(due.date(), today)
            .unwrap_or(0);
        let text = if hourly || over <= 0 {
            hours(StaffMessages::hours_over, -left.as_secs())
        } else {
            s.days_over(over)
        };
        return TimeLeft {
            signal: Signal::Overdue,
            text,
        };
    }
    if due.date() == today {
        let text = if hourly {
            hours(StaffMessages::hours_left, left.as_secs())
        } else {
            s.due_today_at
                .replace("{time}", &due.time().strftime("%H:%M").to_string())
        };
        return TimeLeft {
            signal: Signal::DueToday,
            text,
        };
    }
    let text = match calendar.working_days_between(today, due.date()) {
        Ok(days) if !hourly => s.days_left(days.max(1)),
        _ => hours(StaffMessages::hours_left, left.as_secs()),
    };
    let at_risk = calendar
        .next_working_day(today)
        .is_ok_and(|next| due.date() <= next);
    TimeLeft {
        signal: if at_risk {
            Signal::AtRisk
        } else {
            Signal::OnTrack
        },
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roskilde() -> Policy {
        Policy::from_toml(
            "roskilde",
            include_str!("../../../../policies/roskilde.toml"),
        )
        .unwrap()
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn working_days_skip_the_christmas_holidays() {
        let p = roskilde();
        // Wednesday 23 December; the 24th–26th are days off, Monday the 28th is a working day.
        let left = time_left(
            &p,
            Channel::Email,
            Some(at("2026-12-28T23:59:59+01:00")),
            Some(Requirement::Answer),
            at("2026-12-23T16:00:00+01:00"),
            StaffMessages::of(frist_i18n::Lang::Da),
        );
        // Due by the end of the next working day: at risk, as the "I fare" filter counts it.
        assert_eq!(left.signal, Signal::AtRisk);
        assert_eq!(left.text, "1 arbejdsdag tilbage");
        assert_eq!(
            left.signal.label(StaffMessages::of(frist_i18n::Lang::Da)),
            "I fare"
        );
        // A working day later than that: on track.
        let later = time_left(
            &p,
            Channel::Email,
            Some(at("2026-12-29T23:59:59+01:00")),
            Some(Requirement::Answer),
            at("2026-12-23T16:00:00+01:00"),
            StaffMessages::of(frist_i18n::Lang::Da),
        );
        assert_eq!(later.signal, Signal::OnTrack);
        assert_eq!(later.text, "2 arbejdsdage tilbage");
    }

    #[test]
    fn due_today_and_overdue_are_said_in_words() {
        let p = roskilde();
        let now = at("2026-12-23T16:00:00+01:00");
        let today = time_left(
            &p,
            Channel::Email,
            Some(at("2026-12-23T23:59:00+01:00")),
            Some(Requirement::Answer),
            now,
            StaffMessages::of(frist_i18n::Lang::Da),
        );
        assert_eq!(today.signal, Signal::DueToday);
        assert_eq!(today.text, "Frist i dag kl. 23:59");
        let late = time_left(
            &p,
            Channel::Email,
            Some(at("2026-12-21T23:59:00+01:00")),
            Some(Requirement::Answer),
            now,
            StaffMessages::of(frist_i18n::Lang::Da),
        );
        assert_eq!(late.signal, Signal::Overdue);
        assert_eq!(late.text, "2 arbejdsdage over fristen");
        assert_eq!(
            late.signal.label(StaffMessages::of(frist_i18n::Lang::Da)),
            "Overskredet"
        );
    }
}
