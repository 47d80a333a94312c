//! Meta's messaging window: a page may answer a citizen normally for 24 hours after the
//! citizen's last message, and with the `HUMAN_AGENT` tag (a person answering, not a bot) for
//! 7 days. After that Messenger refuses the reply, and the citizen must be answered on another
//! channel. Pure: the caller passes "now".
//!
//! The boundaries are inclusive: a reply exactly 24 hours after the message is still a normal
//! reply, one exactly 7 days after still a `HUMAN_AGENT` reply.

use frist_core::Inquiry;
use frist_policy::{COPENHAGEN, Channel, danish_date};
use jiff::{SignedDuration, Timestamp};

/// How long normal replies are allowed after the citizen's last message.
pub const STANDARD_WINDOW: SignedDuration = SignedDuration::from_hours(24);
/// How long `HUMAN_AGENT`-tagged replies are allowed after the citizen's last message.
pub const HUMAN_AGENT_WINDOW: SignedDuration = SignedDuration::from_hours(7 * 24);

/// Whether and how a reply may go out on Messenger now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyWindow {
    /// A normal reply (`messaging_type: RESPONSE`), allowed until `until`; after that only
    /// tagged replies.
    Open { until: Timestamp },
    /// Only a reply tagged `HUMAN_AGENT` (`messaging_type: MESSAGE_TAG`), allowed until `until`.
    HumanAgent { until: Timestamp },
    /// Messenger will refuse the reply; it closed at `closed_at`. Use another channel.
    Closed { closed_at: Timestamp },
}

/// The last instant a normal reply is allowed.
pub fn standard_reply_until(last_citizen_message: Timestamp) -> Timestamp {
    last_citizen_message
        .saturating_add(STANDARD_WINDOW)
        .unwrap_or(Timestamp::MAX)
}

/// The last instant a `HUMAN_AGENT` reply is allowed: when the window closes for good.
pub fn human_agent_until(last_citizen_message: Timestamp) -> Timestamp {
    last_citizen_message
        .saturating_add(HUMAN_AGENT_WINDOW)
        .unwrap_or(Timestamp::MAX)
}

/// The window at `now` for a citizen whose last message arrived at `last_citizen_message`.
pub fn reply_window(last_citizen_message: Timestamp, now: Timestamp) -> ReplyWindow {
    let standard = standard_reply_until(last_citizen_message);
    let human_agent = human_agent_until(last_citizen_message);
    if now <= standard {
        ReplyWindow::Open { until: standard }
    } else if now <= human_agent {
        ReplyWindow::HumanAgent { until: human_agent }
    } else {
        ReplyWindow::Closed {
            closed_at: human_agent,
        }
    }
}

/// The window for replying to `inquiry` on Messenger at `now`; `None` unless it came in on
/// Messenger from a known PSID.
///
/// Every Messenger message is an inquiry of its own, so the inquiry's receipt is the
/// citizen's message it answers. That is conservative: if the citizen wrote again later, the
/// newer inquiry (same `sender.facebook_id`) has a later, wider window.
pub fn window_for(inquiry: &Inquiry, now: Timestamp) -> Option<ReplyWindow> {
    let received = &inquiry.received;
    if received.channel != Channel::Facebook || received.sender.facebook_id.is_none() {
        return None;
    }
    Some(reply_window(received.received_at, now))
}

impl ReplyWindow {
    /// Whether Messenger still takes a reply.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Closed { .. })
    }

    /// What the inquiry page tells the caseworker, in Danish, with times in Danish time.
    pub fn describe_da(self) -> String {
        match self {
            Self::Open { until } => format!(
                "Du kan svare på Messenger indtil {}.",
                danish_instant(until)
            ),
            Self::HumanAgent { until } => format!(
                "Borgerens sidste besked er over et døgn gammel. Du kan stadig svare personligt \
                 på Messenger indtil {} (svaret markeres som sendt af en medarbejder).",
                danish_instant(until)
            ),
            Self::Closed { closed_at } => format!(
                "Messenger tager ikke længere imod svar på denne henvendelse (lukket {}). \
                 Svar borgeren på en anden kanal: e-mail, Digital Post, brev eller telefon.",
                danish_instant(closed_at)
            ),
        }
    }
}

impl ReplyWindow {
    /// [`Self::describe_da`] in English, for staff who chose English.
    pub fn describe_en(self) -> String {
        let when = |at: Timestamp| {
            at.to_zoned(COPENHAGEN.clone())
                .strftime("%-d %B %Y at %H:%M")
                .to_string()
        };
        match self {
            Self::Open { until } => format!("You can reply on Messenger until {}.", when(until)),
            Self::HumanAgent { until } => format!(
                "The citizen's last message is more than a day old. You can still reply in \
                 person on Messenger until {} (the reply is marked as sent by a member of staff).",
                when(until)
            ),
            Self::Closed { closed_at } => format!(
                "Messenger no longer accepts replies to this inquiry (closed {}). Reply on \
                 another channel: e-mail, Digital Post, letter or phone.",
                when(closed_at)
            ),
        }
    }
}

/// "30. december 2026 kl. 14.05" in Copenhagen time.
fn danish_instant(at: Timestamp) -> String {
    let local = at.to_zoned(COPENHAGEN.clone()).datetime();
    format!(
        "{} kl. {:02}.{:02}",
        danish_date(local.date()),
        local.hour(),
        local.minute()
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    const LAST: &str = "2026-12-23T10:00:00Z";

    #[test]
    fn a_normal_reply_is_allowed_up_to_and_including_24_hours() {
        let until = at("2026-12-24T10:00:00Z");
        assert_eq!(
            reply_window(at(LAST), at(LAST)),
            ReplyWindow::Open { until }
        );
        assert_eq!(reply_window(at(LAST), until), ReplyWindow::Open { until });
    }

    #[test]
    fn after_24_hours_only_human_agent_replies_up_to_and_including_7_days() {
        let until = at("2026-12-30T10:00:00Z");
        let just_after = at("2026-12-24T10:00:00.000000001Z");
        assert_eq!(
            reply_window(at(LAST), just_after),
            ReplyWindow::HumanAgent { until }
        );
        assert_eq!(
            reply_window(at(LAST), until),
            ReplyWindow::HumanAgent { until }
        );
    }

    #[test]
    fn after_7_days_the_window_is_closed() {
        let closed_at = at("2026-12-30T10:00:00Z");
        let window = reply_window(at(LAST), at("2026-12-30T10:00:00.000000001Z"));
        assert_eq!(window, ReplyWindow::Closed { closed_at });
        assert!(!window.is_open());
    }

    #[test]
    fn a_clock_behind_the_message_still_allows_a_normal_reply() {
        assert!(matches!(
            reply_window(at(LAST), at("2026-12-23T09:59:00Z")),
            ReplyWindow::Open { .. }
        ));
    }

    #[test]
    fn the_page_text_names_the_closing_time_in_danish_time() {
        let closed = reply_window(at(LAST), at("2027-01-10T10:00:00Z"));
        let text = closed.describe_da();
        assert!(text.contains("30. december 2026 kl. 11.00"), "{text}");
        assert!(text.contains("anden kanal"), "{text}");
        let open = reply_window(at(LAST), at(LAST)).describe_da();
        assert!(open.contains("24. december 2026 kl. 11.00"), "{open}");
        let english = closed.describe_en();
        assert!(english.contains("30 December 2026 at 11:00"), "{english}");
        assert!(english.contains("another channel"), "{english}");
    }

    #[test]
    fn messenger_inquiries_have_a_window_and_others_none() {
        let policy = frist_policy::Policy::from_toml(
            "roskilde",
            include_str!("../../../../policies/roskilde.toml"),
        )
        .unwrap();
        let body = serde_json::json!({"object": "page", "entry": [{"messaging": [{
            "sender": {"id": "PSID"}, "timestamp": at(LAST).as_millisecond(),
            "message": {"mid": "m", "text": "Hej"}}]}]});
        let mut new = super::super::inquiries(body.to_string().as_bytes()).unwrap();
        let new = new.pop().unwrap();
        let reference = frist_core::Reference::new("ROS", 2026, 1).unwrap();
        let (inquiry, _) = Inquiry::receive(reference.clone(), new.clone(), &policy).unwrap();
        assert_eq!(
            window_for(&inquiry, at("2026-12-31T00:00:00Z")),
            Some(ReplyWindow::Closed {
                closed_at: at("2026-12-30T10:00:00Z")
            })
        );
        let mut email = new;
        email.channel = Channel::Email;
        let (inquiry, _) = Inquiry::receive(reference, email, &policy).unwrap();
        assert_eq!(window_for(&inquiry, at(LAST)), None);
    }

    #[test]
    fn the_extremes_of_time_do_not_overflow() {
        assert_eq!(standard_reply_until(Timestamp::MAX), Timestamp::MAX);
        assert!(
            reply_window(Timestamp::MIN, Timestamp::MAX)
                != reply_window(Timestamp::MAX, Timestamp::MIN)
        );
    }
}
