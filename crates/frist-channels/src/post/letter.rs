//! A PDF letter from an outgoing message: the municipality's letterhead (from the policy),
//! the recipient's name and address, date, reference, caseworker and contact, the message
//! wrapped over as many pages as it needs, the next step, when to expect an answer and where to
//! follow the inquiry (its status link), and the complaint guidance (klagevejledning) when the
//! message carries it.
//!
//! Pure: the date is passed in, nothing is read or written; the same input gives the same
//! bytes. Everything the citizen reads is Danish.

use super::layout::{Bar, Flow, FontError, Fonts, Ink, PAGE_HEIGHT, PAGE_WIDTH, Run, Weight};
use super::pdf;
use frist_calendar::Date;
use frist_core::cpr::Cpr;
use frist_core::{Cvr, MessageKind, OutgoingMessage, Reference, Sender};
use frist_policy::{Policy, danish_date};

const LEFT: f32 = 68.0;
const RIGHT: f32 = PAGE_WIDTH - 62.0;
/// The column with date, reference and caseworker on the first page.
const INFO_LEFT: f32 = 380.0;
const BODY_SIZE: f32 = 10.5;
const BODY_LEADING: f32 = 15.0;
/// Where text starts on pages after the first, and the lowest baseline of any page.
const CONTINUATION_TOP: f32 = 80.0;
const BOTTOM: f32 = PAGE_HEIGHT - 82.0;
const FOOTER_Y: f32 = PAGE_HEIGHT - 42.0;

/// Whom the letter is to. A letter needs a name; Digital Post needs a CPR or CVR number.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Recipient {
    pub name: String,
    /// Street, postcode and town, one line each (empty when only sent digitally).
    pub address: Vec<String>,
    pub cpr: Option<Cpr>,
    pub cvr: Option<Cvr>,
}

impl Recipient {
    /// The recipient as the inquiry's sender tells: name, postal address (if given), CPR, CVR.
    pub fn from_sender(sender: &Sender) -> Self {
        let address = sender
            .postal_address
            .iter()
            .flat_map(|a| a.lines())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        Self {
            name: sender.name.clone().unwrap_or_default(),
            address,
            cpr: sender.cpr.clone(),
            cvr: sender.cvr.clone(),
        }
    }
}

/// Everything a letter is made from.
#[derive(Debug, Clone, Copy)]
pub struct Letter<'a> {
    pub message: &'a OutgoingMessage,
    pub reference: &'a Reference,
    pub recipient: &'a Recipient,
    pub policy: &'a Policy,
    /// The letter's date (normally the day it is sent).
    pub date: Date,
    /// The inquiry's subject, shown as "Vedrørende: …" under the heading.
    pub about: Option<&'a str>,
    /// Where the citizen follows the inquiry (an acknowledgment's status link), in full.
    pub status_link: Option<&'a str>,
}

/// Why no letter was made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LetterError {
    #[error("the message has no text")]
    EmptyBody,
    #[error("the decision can be appealed but carries no complaint guidance (missing: {0})")]
    MissingComplaintGuidance(String),
    #[error(transparent)]
    Font(#[from] FontError),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// The heading a letter of this kind gets.
pub fn heading(kind: MessageKind) -> &'static str {
    match kind {
        MessageKind::Acknowledgment => "Vi har modtaget din henvendelse",
        MessageKind::Answer => "Svar på din henvendelse",
        MessageKind::Decision => "Afgørelse",
        MessageKind::ExtensionNotice => "Din sag tager længere tid",
        MessageKind::InformationRequest => "Vi har brug for flere oplysninger",
        MessageKind::StatusLink => "Link til din henvendelse",
        MessageKind::Other => "Om din henvendelse",
    }
}

/// The letter as PDF bytes (PDF 1.7, fonts embedded).
pub fn render_letter(letter: &Letter<'_>) -> Result<Vec<u8>, LetterError> {
    let message = letter.message;
    if message.body.trim().is_empty() {
        return Err(LetterError::EmptyBody);
    }
    let guidance = match (&message.complaint_guidance, message.appealable) {
        (Some(g), _) if g.missing().is_empty() => Some(g),
        (Some(g), true) => {
            return Err(LetterError::MissingComplaintGuidance(
                g.missing().join(", "),
            ));
        }
        (None, true) => {
            return Err(LetterError::MissingComplaintGuidance(
                "body, how, deadline".into(),
            ));
        }
        (_, false) => None,
    };
    let fonts = Fonts::load()?;
    let mut flow = Flow::new(&fonts, LEFT, RIGHT - LEFT, CONTINUATION_TOP, BOTTOM);
    first_page_head(&mut flow, letter);

    flow.text(heading(message.kind), Weight::Bold, 15.0, 20.0, Ink::Accent);
    if let Some(about) = letter.about.filter(|a| !a.trim().is_empty()) {
        flow.text(
            &format!("Vedrørende: {about}"),
            Weight::Regular,
            9.5,
            14.0,
            Ink::Muted,
        );
    }
    flow.space(10.0);
    flow.text(
        message.body.trim(),
        Weight::Regular,
        BODY_SIZE,
        BODY_LEADING,
        Ink::Text,
    );

    if message.next_step.is_some()
        || message.expected_answer_date.is_some()
        || letter.status_link.is_some()
    {
        section(&mut flow, "Det sker der nu");
        if let Some(step) = message
            .next_step
            .as_deref()
            .filter(|s| !s.trim().is_empty())
        {
            flow.text(
                step.trim(),
                Weight::Regular,
                BODY_SIZE,
                BODY_LEADING,
                Ink::Text,
            );
        }
        if let Some(date) = message.expected_answer_date {
            let line = format!("Du kan forvente svar senest {}.", danish_date(date));
            flow.text(&line, Weight::Regular, BODY_SIZE, BODY_LEADING, Ink::Text);
        }
        if let Some(link) = letter.status_link {
            // The link on a line of its own, so that it is read (and typed) in one piece.
            let lines = ["Følg din henvendelse her:", link];
            for line in lines {
                flow.text(line, Weight::Regular, BODY_SIZE, BODY_LEADING, Ink::Text);
            }
        }
    }

    flow.space(BODY_LEADING);
    flow.keep(4.0 * BODY_LEADING);
    flow.text(
        "Med venlig hilsen",
        Weight::Regular,
        BODY_SIZE,
        BODY_LEADING,
        Ink::Text,
    );
    flow.space(6.0);
    if let Some(caseworker) = message
        .caseworker
        .as_deref()
        .filter(|c| !c.trim().is_empty())
    {
        flow.text(
            caseworker.trim(),
            Weight::Bold,
            BODY_SIZE,
            BODY_LEADING,
            Ink::Text,
        );
    }
    let municipality = &letter.policy.municipality;
    flow.text(
        &municipality.name,
        Weight::Regular,
        BODY_SIZE,
        BODY_LEADING,
        Ink::Text,
    );

    if let Some(guidance) = guidance {
        section(&mut flow, "Klagevejledning");
        let lines = [
            format!("Du kan klage over afgørelsen til {}.", guidance.body.trim()),
            format!("Sådan klager du: {}", guidance.how.trim()),
            format!("Klagefrist: {}", guidance.deadline.trim()),
        ];
        for line in lines {
            flow.text(&line, Weight::Regular, BODY_SIZE, BODY_LEADING, Ink::Text);
            flow.space(3.0);
        }
    }

    let mut pages = flow.finish();
    let count = pages.len();
    for (n, page) in pages.iter_mut().enumerate() {
        if n > 0 {
            continuation_head(&fonts, page, letter);
        }
        footer(&fonts, page, letter, n + 1, count);
    }
    let title = format!("{} – {}", heading(message.kind), letter.reference);
    pdf::write(&pages, &title).map_err(LetterError::Pdf)
}

/// A heading with a rule above it, kept together with at least two lines of what follows.
fn section(flow: &mut Flow<'_>, title: &str) {
    flow.space(BODY_LEADING);
    flow.keep(4.0 * BODY_LEADING);
    flow.rule(Ink::Muted);
    flow.space(16.0);
    flow.text(title, Weight::Bold, 11.5, 17.0, Ink::Accent);
}

/// Letterhead, recipient and the date/reference column; leaves the flow under them.
fn first_page_head(flow: &mut Flow<'_>, letter: &Letter<'_>) {
    let fonts = flow.fonts;
    let municipality = &letter.policy.municipality;
    let page = &mut flow.current;

    // The letterhead: the name left, how to reach the municipality right-aligned.
    let name_lines = fonts.wrap(&municipality.name, Weight::Bold, 18.0, 280.0);
    let mut y = 66.0;
    for line in name_lines {
        page.runs
            .push(run(LEFT, y, 18.0, Weight::Bold, Ink::Accent, line));
        y += 22.0;
    }
    let contact: Vec<String> = [
        municipality.address.clone(),
        municipality.phone.as_ref().map(|p| format!("Telefon {p}")),
        municipality.email.clone(),
        municipality.website.clone(),
        municipality.cvr.as_ref().map(|c| format!("CVR {c}")),
    ]
    .into_iter()
    .flatten()
    .flat_map(|line| fonts.wrap(&line, Weight::Regular, 8.5, 200.0))
    .collect();
    let mut contact_y = 44.0;
    for line in contact {
        let x = RIGHT - fonts.width(&line, Weight::Regular, 8.5);
        page.runs
            .push(run(x, contact_y, 8.5, Weight::Regular, Ink::Muted, line));
        contact_y += 11.5;
    }
    let bar_y = f32::max(y - 8.0, contact_y).max(96.0);
    page.bars.push(Bar {
        x: LEFT,
        y: bar_y,
        width: RIGHT - LEFT,
        height: 2.0,
        ink: Ink::Accent,
    });

    // The recipient, where a window envelope shows it.
    let recipient = letter.recipient;
    let mut left_y = bar_y + 58.0;
    let recipient_lines = std::iter::once(recipient.name.as_str())
        .chain(recipient.address.iter().map(String::as_str))
        .filter(|l| !l.trim().is_empty());
    for line in recipient_lines {
        for wrapped in fonts.wrap(line, Weight::Regular, BODY_SIZE, INFO_LEFT - LEFT - 20.0) {
            page.runs.push(run(
                LEFT,
                left_y,
                BODY_SIZE,
                Weight::Regular,
                Ink::Text,
                wrapped,
            ));
            left_y += 14.0;
        }
    }

    // Date, reference, caseworker and contact, each under a small label.
    let message = letter.message;
    let facts = [
        ("Dato", Some(danish_date(letter.date))),
        ("Reference", Some(letter.reference.to_string())),
        ("Sagsbehandler", message.caseworker.clone()),
        ("Kontakt", message.contact.clone()),
    ];
    let mut right_y = bar_y + 30.0;
    for (label, value) in facts {
        let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        page.runs.push(run(
            INFO_LEFT,
            right_y,
            7.5,
            Weight::Bold,
            Ink::Muted,
            label.to_uppercase(),
        ));
        right_y += 12.0;
        for wrapped in fonts.wrap(value.trim(), Weight::Regular, 9.5, RIGHT - INFO_LEFT) {
            page.runs.push(run(
                INFO_LEFT,
                right_y,
                9.5,
                Weight::Regular,
                Ink::Text,
                wrapped,
            ));
            right_y += 12.5;
        }
        right_y += 6.0;
    }
    flow.y = left_y.max(right_y) + 30.0;
}

/// Pages after the first: the municipality's name small at the top, the letter's heading
/// right, so a loose page still says whose it is.
fn continuation_head(fonts: &Fonts, page: &mut super::layout::PageLayout, letter: &Letter<'_>) {
    let name = letter.policy.municipality.name.clone();
    page.runs
        .push(run(LEFT, 44.0, 9.0, Weight::Bold, Ink::Accent, name));
    let what = heading(letter.message.kind).to_owned();
    let x = RIGHT - fonts.width(&what, Weight::Regular, 8.0);
    page.runs
        .push(run(x, 44.0, 8.0, Weight::Regular, Ink::Muted, what));
    page.bars.push(Bar {
        x: LEFT,
        y: 52.0,
        width: RIGHT - LEFT,
        height: 0.4,
        ink: Ink::Muted,
    });
}

/// "Høje-Taastrup Kommune · HTK-2026-000123" left, "Side 1 af 2" right.
fn footer(
    fonts: &Fonts,
    page: &mut super::layout::PageLayout,
    letter: &Letter<'_>,
    n: usize,
    count: usize,
) {
    page.bars.push(Bar {
        x: LEFT,
        y: FOOTER_Y - 12.0,
        width: RIGHT - LEFT,
        height: 0.4,
        ink: Ink::Muted,
    });
    let left = format!("{} · {}", letter.policy.municipality.name, letter.reference);
    page.runs
        .push(run(LEFT, FOOTER_Y, 7.5, Weight::Regular, Ink::Muted, left));
    let right = format!("Side {n} af {count}");
    let x = RIGHT - fonts.width(&right, Weight::Regular, 7.5);
    page.runs
        .push(run(x, FOOTER_Y, 7.5, Weight::Regular, Ink::Muted, right));
}

fn run(x: f32, y: f32, size: f32, weight: Weight, ink: Ink, text: String) -> Run {
    Run {
        x,
        y,
        size,
        weight,
        ink,
        text,
    }
}
