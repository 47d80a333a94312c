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
        caseworker: None,
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
            status_token: None,
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
        Self::start_with(&[])
    }

    /// A sink that offers STARTTLS with this certificate and key, and requires it.
    pub fn start_tls(cert: &Path, key: &Path) -> Self {
        Self::start_with(&[cert, key])
    }

    fn start_with(tls: &[&Path]) -> Self {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("mail");
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/smtp_sink.py");
        let mut command = Command::new("python3");
        command.arg(&script).arg(&dir);
        if !tls.is_empty() {
            command.arg("0").args(tls);
        }
        let mut child = command
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

/// A test CA and a server certificate it signed for `localhost` and 127.0.0.1, made with the
/// `openssl` command: (CA certificate, server certificate, server key).
pub fn certificates(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let run = |args: &[&str]| {
        let status = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap_or_else(|e| panic!("the openssl command is needed for the TLS test: {e}"));
        assert!(status.success(), "openssl {args:?} failed");
    };
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
    ];
    run(&[
        &["req", "-x509"][..],
        &ec,
        &[
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=Frist test CA",
        ],
    ]
    .concat());
    run(&[
        &["req"][..],
        &ec,
        &[
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=localhost",
        ],
    ]
    .concat());
    std::fs::write(
        dir.join("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n\
         keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "server.pem",
        "-days",
        "2",
        "-extfile",
        "server.ext",
    ]);
    (
        dir.join("ca.pem"),
        dir.join("server.pem"),
        dir.join("server.key"),
    )
}

/// Where the test dispatchers' status links point.
pub fn public_url() -> frist_channels::outbox::PublicUrl {
    frist_channels::outbox::PublicUrl::parse("https://frist.roskilde.dk").unwrap()
}
