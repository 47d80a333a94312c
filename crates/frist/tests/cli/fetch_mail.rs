//! `frist fetch-mail --once` against a real IMAP server (Dovecot on loopback), configured by
//! `[[mailbox]]` entries with a password file.

use super::{frist, stderr, stdout};
use frist_channels::testing::{Dovecot, PASSWORD};

fn message(n: u32) -> Vec<u8> {
    format!(
        "From: karen@example.dk\r\nTo: kommune@htk.dk\r\nMessage-ID: <f{n}@example.dk>\r\n\
         Subject: Affald {n}\r\n\r\nHvornår?\r\n"
    )
    .into_bytes()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetch_mail_once_fetches_every_configured_mailbox_and_then_exits() {
    let server = Dovecot::start(&["kommune", "teknik"], true);
    server.append("kommune", "INBOX", &message(1)).await;
    server.append("kommune", "INBOX", &message(2)).await;
    let dir = tempfile::tempdir().unwrap();
    let password = dir.path().join("kommune.password");
    std::fs::write(&password, format!("{PASSWORD}\n")).unwrap();
    let config = dir.path().join("frist.toml");
    let port = server.port;
    std::fs::write(
        &config,
        format!(
            "policy = \"hoeje-taastrup\"\n\
             [[mailbox]]\naddress = \"kommune@htk.dk\"\nkind = \"general\"\n\
             host = \"127.0.0.1\"\nport = {port}\ntls = false\nusername = \"kommune\"\n\
             password_file = \"{}\"\n\
             [[mailbox]]\naddress = \"teknik@htk.dk\"\nkind = \"department\"\nunit = \"teknik\"\n",
            password.display()
        ),
    )
    .unwrap();
    let url = format!("sqlite://{}", dir.path().join("f.db").display());
    let config = config.display().to_string();
    let args = [
        "fetch-mail",
        "--once",
        "--config",
        &config,
        "--database-url",
        &url,
    ];

    let out = frist(&args, None);
    assert!(out.status.success(), "{}\n{}", stderr(&out), server.log());
    assert_eq!(
        stdout(&out),
        "kommune@htk.dk: 2 hentet, 2 importeret, 0 dubletter, 0 markeret til en person, \
         0 automatiske svar skal sendes\n"
    );
    assert_eq!(server.count("kommune", "INBOX", "UNSEEN").await, 0);
    let again = frist(&args, None);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).starts_with("kommune@htk.dk: 0 hentet"),
        "{}",
        stdout(&again)
    );

    // A wrong password: that mailbox fails, the command says so and exits 1.
    std::fs::write(&password, "forkert\n").unwrap();
    let refused = frist(&args, None);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert!(
        stdout(&refused).contains("kommune@htk.dk: fejl:"),
        "{}",
        stdout(&refused)
    );
    assert!(
        stderr(&refused).contains("1 of 1 mailboxes could not be fetched: kommune@htk.dk"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn fetch_mail_without_a_mailbox_to_fetch_cannot_run() {
    let out = frist(&["fetch-mail", "--once"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no mailbox to fetch"),
        "{}",
        stderr(&out)
    );
}
