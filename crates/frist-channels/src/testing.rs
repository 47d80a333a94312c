//! A real IMAP server for tests: Debian's Dovecot, started as a child process with a generated
//! configuration in a temporary folder, on a free loopback port, with passwd-file users and
//! maildirs. Stopped when dropped. A missing Dovecot fails the test (CI installs it).
//!
//! Only built with the `dovecot-tests` feature, which this crate's tests and the `frist`
//! binary's tests turn on.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)] // test support fails loudly

use crate::mail::{After, Mailbox, MailboxKind};
use async_imap::Session;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const DOVECOT: &str = "/usr/sbin/dovecot";
pub const PASSWORD: &str = "hemmeligt";

/// A running Dovecot.
#[derive(Debug)]
pub struct Dovecot {
    child: Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn id(args: &[&str]) -> Option<u32> {
    let out = Command::new("id").args(args).output().ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}

fn name(args: &[&str]) -> String {
    let out = Command::new("id").args(args).output().unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

impl Dovecot {
    /// Starts Dovecot with `users` (each with password [`PASSWORD`]). With `modern` it offers
    /// all it has (IDLE, MOVE, …); without, it announces a plain IMAP4rev1 server with UIDPLUS
    /// only, as older servers do, so clients must poll and move by copying.
    pub fn start(users: &[&str], modern: bool) -> Self {
        assert!(
            Path::new(DOVECOT).exists(),
            "Dovecot is needed for the IMAP tests: apt-get install -y dovecot-imapd"
        );
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for sub in ["run", "mail", "log"] {
            std::fs::create_dir_all(root.join(sub)).unwrap();
        }
        // Dovecot refuses to run its login processes as root, and mail as uid 0: as root, use
        // the users the Debian package made; otherwise run everything as ourselves.
        let root_user = id(&["-u"]) == Some(0);
        let (login, internal, mail_uid, mail_gid) = if root_user {
            let (uid, gid) = (
                id(&["-u", "dovecot"]).unwrap(),
                id(&["-g", "dovecot"]).unwrap(),
            );
            std::os::unix::fs::chown(root.join("mail"), Some(uid), Some(gid)).unwrap();
            ("dovenull".to_owned(), "dovecot".to_owned(), uid, gid)
        } else {
            let me = name(&["-un"]);
            (me.clone(), me, id(&["-u"]).unwrap(), id(&["-g"]).unwrap())
        };
        let internal_group = if root_user {
            "dovecot".to_owned()
        } else {
            name(&["-gn"])
        };
        let port = free_port();
        let users_file = root.join("users");
        let lines: String = users
            .iter()
            .map(|u| format!("{u}:{{PLAIN}}{PASSWORD}::::::\n"))
            .collect();
        std::fs::write(&users_file, lines).unwrap();
        let capability = if modern {
            String::new()
        } else {
            "imap_capability = IMAP4rev1 LITERAL+ SASL-IR LOGIN-REFERRALS ID ENABLE UIDPLUS\n"
                .to_owned()
        };
        let r = root.display();
        let config = format!(
            "base_dir = {r}/run\nstate_dir = {r}/run/state\ninstance_name = frist-test-{port}\n\
             listen = 127.0.0.1\nprotocols = imap\nssl = no\ndisable_plaintext_auth = no\n\
             auth_mechanisms = plain login\nlog_path = {r}/log/dovecot.log\n\
             default_internal_user = {internal}\ndefault_internal_group = {internal_group}\n\
             default_login_user = {login}\nfirst_valid_uid = 0\nfirst_valid_gid = 0\n\
             mail_location = maildir:{r}/mail/%u\n{capability}\
             passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u {users}\n}}\n\
             userdb {{\n  driver = passwd-file\n  args = username_format=%u {users}\n  \
             default_fields = uid={mail_uid} gid={mail_gid} home={r}/mail/%u\n}}\n\
             service imap-login {{\n  chroot =\n  inet_listener imap {{\n    address = 127.0.0.1\n    \
             port = {port}\n  }}\n  inet_listener imaps {{\n    port = 0\n  }}\n}}\n\
             service anvil {{\n  chroot =\n}}\n\
             service auth {{\n  unix_listener auth-userdb {{\n    mode = 0666\n  }}\n}}\n\
             service stats {{\n  unix_listener stats-writer {{\n    mode = 0666\n  }}\n}}\n\
             protocol imap {{\n  mail_max_userip_connections = 100\n}}\n",
            users = users_file.display(),
        );
        let conf = root.join("dovecot.conf");
        std::fs::write(&conf, config).unwrap();
        let child = Command::new(DOVECOT)
            .arg("-F")
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {DOVECOT}: {e}"));
        let server = Self { child, port, dir };
        server.wait_ready();
        server
    }

    fn wait_ready(&self) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if std::net::TcpStream::connect(("127.0.0.1", self.port)).is_ok() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("Dovecot did not start; its log:\n{}", self.log());
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("log/dovecot.log")).unwrap_or_default()
    }

    pub fn root(&self) -> PathBuf {
        self.dir.path().to_owned()
    }

    /// The configuration of `user`'s mailbox on this server.
    pub fn mailbox(&self, user: &str, address: &str, kind: MailboxKind) -> Mailbox {
        Mailbox {
            host: Some("127.0.0.1".into()),
            port: Some(self.port),
            tls: false,
            username: Some(user.into()),
            password: Some(PASSWORD.into()),
            after: After::Seen,
            poll_seconds: 1,
            ..Mailbox::routing(address, kind)
        }
    }

    pub async fn session(&self, user: &str) -> Session<tokio::net::TcpStream> {
        let tcp = tokio::net::TcpStream::connect(("127.0.0.1", self.port))
            .await
            .unwrap();
        let mut client = async_imap::Client::new(tcp);
        client.read_response().await.unwrap();
        client
            .login(user, PASSWORD)
            .await
            .map_err(|(e, _)| e)
            .unwrap()
    }

    /// Puts `raw` into `user`'s `folder` (IMAP APPEND), unread.
    pub async fn append(&self, user: &str, folder: &str, raw: &[u8]) {
        let mut s = self.session(user).await;
        if folder != "INBOX" {
            let _ = s.create(folder).await;
        }
        s.append(folder, None, None, raw).await.unwrap();
        s.logout().await.unwrap();
    }

    /// How many messages in `user`'s `folder` match `query` (e.g. "ALL", "UNSEEN").
    pub async fn count(&self, user: &str, folder: &str, query: &str) -> usize {
        let mut s = self.session(user).await;
        s.select(folder).await.unwrap();
        let n = s.uid_search(query).await.unwrap().len();
        s.logout().await.unwrap();
        n
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
