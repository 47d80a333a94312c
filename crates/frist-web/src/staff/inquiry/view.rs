//! The inquiry page's view model: what `templates/inquiry.html` shows, made from the inquiry as
//! loaded (its access already logged) and what the page needs besides. Deciding what to show
//! is here; reading from the store and answering the request are in the handlers.

use super::super::actions::{CLOSE_REASONS, close_label};
use super::super::outgoing::OutgoingRow;
use super::super::reply::{KINDS, ReplyState, kind_extras, prefill};
use super::super::signer::{self, Signer};
use super::super::texts;
use super::super::{StaffChrome, StaffMessages};
use super::Notice;
use super::labels::{
    channel_label, event_detail, event_label, message_label, obligation_label, when,
};
use super::load::Loaded;
use super::work::{Next, Work, work};
use crate::pages::visitor::Visitor;
use crate::staff::words::actions::ActionWords;
use crate::staff::words::notices::NoticeWords;
use askama::Template;
use frist_core::InquiryState;
use frist_core::ObligationState;
use frist_core::cpr::mask;
use frist_i18n::Lang;
use frist_policy::{Channel, Policy};
use frist_store::{Caseworker, OutboxSummary, ScanInfo, Unit, User};
use jiff::Timestamp;

#[derive(Debug)]
struct Choice {
    value: &'static str,
    label: &'static str,
    selected: bool,
}

/// A message kind in the reply form, with the text, next step and answer date it starts from.
#[derive(Debug)]
struct KindChoice {
    value: &'static str,
    label: &'static str,
    selected: bool,
    body: String,
    next_step: String,
    expected: String,
}

/// A caseworker who may sign the reply.
#[derive(Debug)]
struct Signing {
    value: String,
    label: String,
    selected: bool,
}

/// A choice whose value and label come from the store (a colleague, a unit).
#[derive(Debug)]
struct Picked {
    value: String,
    label: String,
}

#[derive(Debug)]
struct ObligationRow {
    goal: String,
    requirement: &'static str,
    due: String,
    state: &'static str,
    class: &'static str,
}

#[derive(Debug)]
struct EventRow {
    label: &'static str,
    when: String,
    actor: String,
    detail: String,
}

#[derive(Debug, Template)]
#[template(path = "inquiry.html")]
pub(crate) struct InquiryPage {
    chrome: StaffChrome,
    csrf: String,
    id: i64,
    reference: String,
    subject: String,
    received: String,
    state: &'static str,
    channel: &'static str,
    unit: String,
    caseworker: String,
    assigned_to_me: bool,
    sender_name: Option<String>,
    sender_email: Option<String>,
    sender_phone: Option<String>,
    cpr: Option<String>,
    revealed: bool,
    body: String,
    obligations: Vec<ObligationRow>,
    events: Vec<EventRow>,
    notice: Option<&'static str>,
    reply: ReplyState,
    kinds: Vec<KindChoice>,
    channels: Vec<Choice>,
    /// Who may sign the reply: the directory, the signed-in user first.
    signers: Vec<Signing>,
    colleagues: Vec<Picked>,
    units: Vec<Picked>,
    close_reasons: Vec<Choice>,
    /// Open deadlines that can be extended: `<goal>|<requirement>` and a label.
    extendable: Vec<Picked>,
    outgoing: Vec<OutgoingRow>,
    /// Scans of a letter received on paper: (id, file name, size, added when and by whom).
    scans: Vec<(i64, String, String, String)>,
    /// Whether the inquiry came on paper (the upload form is offered).
    on_paper: bool,
    /// Where the Messenger reply window stands (Messenger inquiries only), and whether it closed.
    messenger: Option<(String, bool)>,
    awaiting: bool,
    closed: bool,
    /// The promise actions: call back, classify, reopen, next inquiry.
    work: Work,
    /// The information request's words.
    ntc: &'static NoticeWords,
    /// Which form the refusal (if any) is shown next to, see [`Work::refusal_at`].
    refusal_at: &'static str,
}

impl InquiryPage {
    fn error(&self, field: &str) -> Option<&'static str> {
        self.reply
            .errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message)
    }
}

/// What the page shows besides the inquiry itself, read from the store.
#[derive(Debug)]
pub(crate) struct Around {
    pub units: Vec<Unit>,
    pub caseworkers: Vec<Caseworker>,
    pub outbox: Vec<OutboxSummary>,
    pub scans: Vec<ScanInfo>,
    /// The message templates administrators have edited.
    pub templates: Vec<frist_policy::Template>,
    /// The next inquiry, when the notice offers it.
    pub next: Next,
}

/// The page for `user`, at `now`, with `token` in its forms; `frame_policy` is the policy in
/// force (the frame's municipality), not necessarily the one the inquiry was received under.
#[allow(
    clippy::too_many_arguments,
    reason = "each is one thing the page shows"
)]
pub(crate) fn page(
    visitor: &Visitor,
    frame_policy: &Policy,
    now: Timestamp,
    token: &str,
    user: User,
    loaded: Loaded,
    around: Around,
    mut reply: ReplyState,
    notice: Option<Notice>,
) -> InquiryPage {
    let Around {
        units,
        caseworkers,
        outbox,
        scans,
        templates,
        next,
    } = around;
    let s = StaffMessages::of(visitor.staff_lang());
    let a = ActionWords::of(visitor.staff_lang());
    let Loaded {
        stored,
        events,
        policy,
        revealed,
    } = loaded;
    let inquiry = &stored.inquiry;
    if reply.form.body.is_empty() && reply.errors.is_empty() && reply.blocked.is_empty() {
        let me = signer::me(&caseworkers, &units, &user.username);
        reply.form = prefill(inquiry, &policy.policy, &templates, &me);
    }
    let shown = |text: &str| {
        if revealed {
            text.to_owned()
        } else {
            mask(text)
        }
    };
    let name_of = |id: &str| {
        caseworkers
            .iter()
            .find(|c| c.id == id)
            .map_or_else(|| id.to_owned(), |c| c.name.clone())
    };
    let sender = &inquiry.received.sender;
    let work = work(
        inquiry,
        &events,
        &policy.policy,
        s,
        a,
        visitor.staff_t(),
        next,
    );
    let signers = signer::signers(&caseworkers, &units, &user.username);
    // The texts each kind starts from, signed by whoever the form names (else the user), so
    // that switching the kind can replace a text nobody has edited.
    let signing = signers
        .iter()
        .find(|c| c.id == reply.form.caseworker)
        .or(signers.first());
    let kinds = KINDS
        .iter()
        .map(|(value, kind)| {
            let (next_step, expected) = kind_extras(inquiry, *kind);
            KindChoice {
                value,
                label: message_label(s, *kind),
                selected: reply.form.kind == *value,
                body: signing.map_or_else(String::new, |c| {
                    let kind = texts::template_kind(*kind);
                    let values = texts::Values::default();
                    texts::starting_text(inquiry, &policy.policy, &templates, c, kind, values)
                }),
                next_step,
                expected,
            }
        })
        .collect();
    let signers = signers
        .iter()
        .map(|c: &Signer| Signing {
            value: c.id.clone(),
            label: c
                .unit
                .as_ref()
                .map_or_else(|| c.name.clone(), |unit| format!("{} ({unit})", c.name)),
            selected: c.id == reply.form.caseworker,
        })
        .collect();
    let channels = Channel::ALL
        .iter()
        .map(|c| Choice {
            value: c.as_str(),
            label: channel_label(visitor.staff_lang(), *c),
            selected: reply.form.channel == c.as_str(),
        })
        .collect();
    InquiryPage {
        chrome: StaffChrome::new(visitor, frame_policy, Some(&user), token),
        csrf: token.to_owned(),
        id: stored.id,
        reference: inquiry.reference.to_string(),
        subject: shown(&inquiry.received.subject),
        received: when(visitor, inquiry.received.received_at),
        state: match inquiry.state {
            _ if inquiry.answered && inquiry.state != InquiryState::Closed => s.answered,
            InquiryState::New => s.state_new,
            InquiryState::Open => s.state_open,
            InquiryState::AwaitingCitizen => s.state_awaiting,
            InquiryState::Closed => s.state_closed,
        },
        channel: channel_label(visitor.staff_lang(), inquiry.received.channel),
        unit: inquiry
            .unit
            .as_ref()
            .map_or(s.no_unit_value.to_owned(), |id| {
                units
                    .iter()
                    .find(|u| &u.id == id)
                    .map_or_else(|| id.clone(), |u| u.name.clone())
            }),
        caseworker: inquiry
            .caseworker
            .as_deref()
            .map_or(s.unassigned.to_owned(), |id| {
                super::super::people::caseworker_label(
                    &caseworkers,
                    id,
                    now.to_zoned(frist_policy::COPENHAGEN.clone()).date(),
                    visitor.staff_t(),
                    s,
                )
            }),
        assigned_to_me: inquiry.caseworker.as_deref() == Some(user.username.as_str()),
        sender_name: sender.name.as_deref().map(shown),
        sender_email: sender.email.clone(),
        sender_phone: sender.phone.clone(),
        cpr: sender.cpr.as_ref().map(|c| {
            if revealed {
                c.as_str().to_owned()
            } else {
                c.masked()
            }
        }),
        revealed,
        body: shown(&inquiry.received.body),
        obligations: inquiry
            .obligations
            .iter()
            .map(|o| {
                let state = o.state(now);
                ObligationRow {
                    goal: o.goal.clone(),
                    requirement: o.requires.label(visitor.staff_lang()),
                    due: when(visitor, o.due_at),
                    state: obligation_label(s, state),
                    class: match state {
                        ObligationState::Breached => "signal signal-overdue",
                        ObligationState::Met | ObligationState::Waived => "signal signal-on-track",
                        _ => "signal signal-none",
                    },
                }
            })
            .collect(),
        events: events
            .iter()
            .map(|e| EventRow {
                label: event_label(s, &e.kind),
                when: when(visitor, e.at),
                actor: e.actor.as_deref().map_or(s.citizen.to_owned(), name_of),
                detail: shown(&event_detail(s, a, &e.kind, &name_of)),
            })
            .collect(),
        notice: notice.map(|n| n.text(s, a)),
        colleagues: caseworkers
            .iter()
            .filter(|c| c.id != user.username)
            .map(|c| Picked {
                value: c.id.clone(),
                label: c.name.clone(),
            })
            .collect(),
        units: units
            .iter()
            .filter(|u| inquiry.unit.as_deref() != Some(u.id.as_str()))
            .map(|u| Picked {
                value: u.id.clone(),
                label: u.name.clone(),
            })
            .collect(),
        close_reasons: CLOSE_REASONS
            .iter()
            .map(|(value, reason)| Choice {
                value,
                label: close_label(s, *reason),
                selected: false,
            })
            .collect(),
        extendable: inquiry
            .obligations
            .iter()
            .filter(|o| o.is_open())
            .map(|o| Picked {
                value: format!("{}|{}", o.goal, o.requires.as_str()),
                label: format!(
                    "{} – {} – {}",
                    o.goal,
                    o.requires.label(visitor.staff_lang()),
                    visitor.staff_t().date(o.due_date)
                ),
            })
            .collect(),
        outgoing: super::super::outgoing::rows(
            s,
            outbox,
            |c| channel_label(visitor.staff_lang(), c),
            |k| message_label(s, k),
            |at| when(visitor, at),
        ),
        on_paper: inquiry.received.channel == Channel::Letter || !scans.is_empty(),
        scans: scans
            .into_iter()
            .map(|scan| {
                let size = format!("{:.0} kB", scan.size.div_ceil(1000));
                let added = format!(
                    "{}, {} {}",
                    when(visitor, scan.uploaded_at),
                    s.by,
                    name_of(&scan.uploaded_by)
                );
                (scan.id, scan.filename, size, added)
            })
            .collect(),
        messenger: frist_channels::facebook::window_for(inquiry, now).map(|w| {
            let text = match visitor.staff_lang() {
                Lang::Da | Lang::De => w.describe_da(),
                Lang::En => w.describe_en(),
            };
            (text, !w.is_open())
        }),
        awaiting: inquiry.state == InquiryState::AwaitingCitizen,
        closed: inquiry.state == InquiryState::Closed,
        refusal_at: work.refusal_at(reply.refusal_at),
        work,
        ntc: NoticeWords::of(visitor.staff_lang()),
        reply,
        kinds,
        signers,
        channels,
    }
}
