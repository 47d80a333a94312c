//! HTK-5 end to end: mail to an absent caseworker's personal mailbox (Dovecot on loopback) goes
//! to the substitute and is answered automatically, once, through the outbox and SMTP (the
//! aiosmtpd sink) — with `Auto-Submitted: auto-replied` so that no auto-reply loop starts.

use super::{Sink, frist, ok};
use frist_channels::testing::{Dovecot, PASSWORD};
use frist_store::{Absence, Caseworker, Store};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_absent_caseworkers_mail_goes_to_the_substitute_and_is_answered_once() {
    let server = Dovecot::start(&["mette"], true);
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("f.db").display());
    let store = frist_store::open(&url).await.unwrap();
    let until = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .checked_add(jiff::Span::new().days(7))
        .unwrap();
    for (id, name, absent) in [
        (
            "mette",
            "Mette Hansen",
            Some(Absence {
                until,
                substitute: Some("ole".into()),
            }),
        ),
        ("ole", "Ole Jensen", None),
    ] {
        store
            .put_caseworker(Caseworker {
                id: id.into(),
                name: name.into(),
                unit: None,
                email: Some(format!("{id}@htk.dk")),
                phone: Some("43 59 10 00".into()),
                absent,
            })
            .await
            .unwrap();
    }
    store.close().await.unwrap();
    server
        .append(
            "mette",
            "INBOX",
            b"From: Karen Jensen <karen@example.dk>\r\nTo: mette@htk.dk\r\n\
              Message-ID: <absent-1@example.dk>\r\nSubject: Min byggesag\r\n\r\nHvornaar?\r\n",
        )
        .await;
    let sink_dir = dir.path().join("smtp");
    std::fs::create_dir_all(&sink_dir).unwrap();
    let sink = Sink::start(&sink_dir);
    let password = dir.path().join("mette.password");
    std::fs::write(&password, format!("{PASSWORD}\n")).unwrap();
    let config = dir.path().join("frist.toml");
    std::fs::write(
        &config,
        format!(
            "policy = \"hoeje-taastrup\"\ndatabase_url = \"{url}\"\n\
             [[mailbox]]\naddress = \"mette@htk.dk\"\nkind = \"personal\"\ncaseworker = \"mette\"\n\
             host = \"127.0.0.1\"\nport = {}\ntls = false\nusername = \"mette\"\n\
             password_file = \"{}\"\n\
             [smtp]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\n",
            server.port,
            password.display(),
            sink.port
        ),
    )
    .unwrap();

    for round in 0..2 {
        let fetched = ok(frist(&config, &["fetch-mail", "--once"]).output().unwrap());
        if round == 0 {
            assert!(
                fetched.contains("1 automatiske svar lagt i udbakken"),
                "{fetched}"
            );
        } else {
            assert!(!fetched.contains("lagt i udbakken"), "{fetched}");
        }
        ok(frist(&config, &["outbox", "run", "--once"])
            .output()
            .unwrap());
        assert_eq!(sink.received(), 1, "answered once, in round {round}");
    }

    let reply = std::fs::read_dir(&sink_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "eml"))
        .unwrap();
    let reply = String::from_utf8_lossy(&std::fs::read(reply).unwrap()).into_owned();
    assert!(reply.contains("Auto-Submitted: auto-replied"), "{reply}");
    assert!(reply.contains("karen@example.dk"), "{reply}");
    assert!(
        reply.contains("In-Reply-To: <absent-1@example.dk>"),
        "{reply}"
    );

    // The only inquiry in this database.
    let store = frist_store::open(&url).await.unwrap();
    let inquiry = store.get_inquiry(1).await.unwrap();
    assert_eq!(
        inquiry.inquiry.caseworker.as_deref(),
        Some("ole"),
        "routed to the substitute"
    );
    store.close().await.unwrap();
}
