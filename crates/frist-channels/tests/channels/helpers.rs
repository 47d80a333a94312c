//! A store with one inquiry, and the SMTP sink (`scripts/smtp_sink.py`) as a child process.

use frist_core::{MessageKind, NewInquiry, OutgoingMessage, Sender};
use frist_policy::{Addressee, Channel, InquiryKind, Policy};
use frist_store::{AnyStore, InquiryId, NewOutboxItem, OutboxItem, OutboxStore, Store};
use jiff::Timestamp;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;

pub const ROSKILDE: &str = include_str!("../../../../policies/roskilde.toml");

pub fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

pub struct Fixture {
    pub store: Arc<AnyStore>,
    pub inquiry: InquiryId,
    pub reference: String,
    _dir: tempfile::TempDir,
}

/// A fresh SQLite store with one inquiry from `sender` on `channel`.
pub async fn fixture(channel: Channel, sender: Sender, external_id: Option<&str>) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("frist.db").display());
    let store = frist_store::open(&url).await.unwrap();
    let policy = Arc::new(Policy::from_toml("roskilde", ROSKILDE).unwrap());
    let version = store
        .register_policy("roskilde", ROSKILDE, policy)
        .await
        .unwrap();
    let new = NewInquiry {
        channel,
        to: Addressee::General,
        unit: None,
        kind: InquiryKind::GeneralQuestion,
        case_type: None,
        received_at: at("2026-03-02T09:00:00+01:00"),
        sender,
        language: None,
        subject: "Spørgsmål om affald".into(),
        body: "Hvornår bliver mit affald hentet?".into(),
        attachments: Vec::new(),
        external_id: external_id.map(str::to_owned),
    };
    let created = store.create_inquiry(new, &version).await.unwrap().stored;
    Fixture {
        store: Arc::new(store),
        inquiry: created.id,
        reference: created.inquiry.reference.to_string(),
        _dir: dir,
    }
}

pub const BODY: &str = "Vi henter dit affald på torsdag. Hilsen fra Søren i Ærøskøbing – æøå ÆØÅ.";

pub fn answer(channel: Channel) -> OutgoingMessage {
    OutgoingMessage {
        kind: MessageKind::Answer,
        channel,
        body: BODY.into(),
        caseworker: Some("Mette Hansen".into()),
        contact: Some("Mette Hansen, 46 31 30 00".into()),
        next_step: Some("Vi henter affaldet.".into()),
        expected_answer_date: Some("2026-03-05".parse().unwrap()),
        appealable: false,
        complaint_guidance: None,
    }
}

pub async fn enqueue(f: &Fixture, channel: Channel, recipient: &str) -> OutboxItem {
    f.store
        .enqueue(NewOutboxItem {
            inquiry_id: f.inquiry,
            message: answer(channel),
            recipient: recipient.into(),
            message_id: frist_channels::outbox::message_id(&f.reference, "roskilde.dk"),
            actor: Some("mette.hansen".into()),
            created_at: at("2026-03-02T10:00:00+01:00"),
        })
        .await
        .unwrap()
}

/// The SMTP sink, killed when dropped.
pub struct Sink {
    pub port: u16,
    pub dir: PathBuf,
    child: Child,
    _tmp: tempfile::TempDir,
}

impl Sink {
    pub fn start() -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("mail");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/smtp_sink.py");
        let mut child = Command::new("python3")
            .arg(&script)
            .arg(&dir)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("python3 is needed for the SMTP sink: {e}"));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line.trim().parse().unwrap_or_else(|_| {
            panic!(
                "the SMTP sink did not start (is aiosmtpd installed? pip install aiosmtpd); \
                 it said {line:?}"
            )
        });
        Self {
            port,
            dir,
            child,
            _tmp: tmp,
        }
    }

    /// The messages received so far, in order.
    pub fn received(&self) -> Vec<Vec<u8>> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        names.sort();
        names.iter().map(|p| std::fs::read(p).unwrap()).collect()
    }

    pub fn reply_with(&self, line: Option<&str>) {
        let path = self.dir.join("reply");
        match line {
            Some(line) => std::fs::write(path, line).unwrap(),
            None => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
