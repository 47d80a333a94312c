//! The paths that came with the staff pages' promise actions and queues: the substitute's cover
//! in "Mine", "Ringet tilbage", classifying on the inquiry page, mail intake, and the first
//! handling of any kind meeting triage. Each is walked as a person walks it.

use crate::app::{App, email};
use crate::scenario::RECEIVED;
use frist_channels::mail::{Arrival, Directory, Intake, Mailbox, MailboxKind, WhenReceived};
use frist_store::{MailStore, Store};
use frist_web::paths;
use reqwest::StatusCode;

/// Mette's own open inquiry: an e-mail she assigned to herself on the inquiry page.
pub async fn mettes_inquiry(app: &App) -> i64 {
    let id = app
        .create(email(RECEIVED, "general", "general_question"))
        .await;
    let (status, html) = app.mette().await.act(id, "tildel", &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(app.inquiry(id).await["caseworker"], "mette");
    id
}

/// Jonas's "Mine" (`/sager`, the default tab), as he sees it.
pub async fn jonas_mine(app: &App) -> String {
    let (status, html) = app.jonas().await.get(paths::QUEUE).await;
    assert_eq!(status, StatusCode::OK, "{html}");
    html
}

/// Mette marks herself absent until `until` with Jonas as substitute on `/fravaer`.
pub async fn mette_absent(app: &App, until: &str) {
    let (code, html) = app
        .mette()
        .await
        .submit(
            paths::ABSENCE,
            paths::ABSENCE,
            &[("who", "mette"), ("until", until), ("substitute", "jonas")],
        )
        .await;
    assert_eq!(code, StatusCode::SEE_OTHER, "{html}");
}

/// Mette ends her absence on `/fravaer` ("Afslut fraværet").
pub async fn mette_back(app: &App) {
    let (code, html) = app
        .mette()
        .await
        .submit(
            paths::ABSENCE,
            paths::ABSENCE_END,
            &[("who", "mette"), ("until", ""), ("substitute", "")],
        )
        .await;
    assert_eq!(code, StatusCode::SEE_OTHER, "{html}");
    let people = app.store.caseworkers().await.unwrap();
    assert!(people.iter().all(|c| c.absent.is_none()), "{people:?}");
}

/// "Ringet tilbage" on the inquiry page with `outcome` (`reached`, `no_answer`, …).
pub async fn called_back(app: &App, id: i64, outcome: &str) {
    let (status, html) = app
        .mette()
        .await
        .act(
            id,
            "ringet",
            &[("outcome", outcome), ("summary", "Om affaldet")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
}

/// Classifies the inquiry on the inquiry page as `kind`, with `case_type` ("" for none); returns
/// the response (a refusal comes back as the page).
pub async fn classify(app: &App, id: i64, kind: &str, case_type: &str) -> (StatusCode, String) {
    app.mette()
        .await
        .act(
            id,
            "klassificer",
            &[("kind", kind), ("case_type", case_type)],
        )
        .await
}

/// An e-mail to the municipality's general mailbox (`address`) taken in by the mail intake, as
/// `frist serve` does with each fetched message, received at [`RECEIVED`]; returns its inquiry.
pub async fn mail_to_general(app: &App, address: &str) -> i64 {
    let mailbox = Mailbox::routing(address, MailboxKind::General);
    let directory = Directory {
        mailboxes: vec![mailbox.clone()],
        units: app.store.units().await.unwrap(),
        caseworkers: app.store.caseworkers().await.unwrap(),
        municipality_email: None,
    };
    let intake = Intake::new(directory, std::sync::Arc::clone(&app.version.policy));
    let raw = format!(
        "From: Karen Jensen <karen@example.dk>\r\nTo: {address}\r\n\
         Subject: Affald\r\nMessage-ID: <affald-1@example.dk>\r\n\
         Date: Tue, 1 Dec 2026 09:00:00 +0100\r\n\r\nHvornår bliver mit affald hentet?\r\n"
    );
    let now = crate::scenario::NOW.parse().unwrap();
    let arrival = Arrival {
        source: format!("imap:{address}/INBOX"),
        mailbox: Some(&mailbox),
        when: WhenReceived::At(RECEIVED.parse().unwrap()),
        now,
    };
    let mail = intake.incoming(raw.into_bytes(), arrival);
    let receipt = app.store.receive_mail(mail, &app.version).await.unwrap();
    assert!(receipt.flag_reason.is_none(), "{:?}", receipt.flag_reason);
    receipt.inquiry_id.unwrap()
}

/// The reply form on the inquiry page: a final answer given by phone (Mette rang the citizen),
/// with whom to contact. By phone because it is recorded at once; an answer by e-mail goes
/// through the outbox and is recorded when the mail server took it, and the suite runs no
/// dispatcher.
pub async fn answered_by_phone_on_the_page(app: &App, id: i64) {
    let (status, html) = app
        .mette()
        .await
        .act(
            id,
            "besked",
            &[
                ("kind", "answer"),
                ("channel", "phone"),
                ("body", "Svar: vi henter affaldet torsdag."),
                ("caseworker", "mette"),
                ("contact", "Mette Hansen, 46 31 30 00"),
                ("next_step", ""),
                ("expected", ""),
                ("complaint_body", ""),
                ("complaint_how", ""),
                ("complaint_deadline", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
}
