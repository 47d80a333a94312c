//! `frist import-eml`: real mail written by others (CPython's e-mail test corpus) imported
//! without a crash and without losing a byte; replies threaded; recipients routed by the
//! configuration's mailboxes; unreadable files named.

use super::{frist, stderr, stdout};
use frist_store::{InquiryFilter, MailOutcome, MailStore, Store, StoreError};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// CPython's `test_email/data` folder of the local Python. Missing is a failure, not a skip:
/// this is the acceptance test on real mail.
fn cpython_corpus() -> PathBuf {
    let out = std::process::Command::new("python3")
        .args(["-c", "import test,os;print(os.path.dirname(test.__file__))"])
        .output()
        .unwrap_or_else(|e| panic!("python3 is needed for CPython's e-mail corpus: {e}"));
    let dir = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()).join("test_email/data");
    assert!(
        out.status.success() && dir.is_dir(),
        "CPython's e-mail test corpus is missing (looked in {}): install Python's test \
         package (Debian: libpython3-testsuite; pyenv and python.org builds include it)",
        dir.display()
    );
    dir
}

fn last_json_line(out: &str) -> Value {
    let line = out.lines().last().unwrap_or_else(|| panic!("no output"));
    serde_json::from_str(line).unwrap_or_else(|e| panic!("last line {line:?}: {e}"))
}

fn files_in(dir: &Path) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// Every stored message's raw bytes (ids are handed out from 1 in a new database).
async fn stored_raw(url: &str) -> Vec<Vec<u8>> {
    let store = frist_store::open(url).await.unwrap();
    let mut all = Vec::new();
    for id in 1.. {
        match store.mail_raw(id).await {
            Ok(raw) => all.push(raw),
            Err(StoreError::NotFound) => break,
            Err(e) => panic!("{e}"),
        }
    }
    store.close().await.unwrap();
    all
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_message_of_cpythons_corpus_is_imported_or_kept_and_flagged() {
    let corpus = cpython_corpus();
    let files = files_in(&corpus);
    assert!(
        files.len() >= 60,
        "{} files in {}",
        files.len(),
        corpus.display()
    );
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("f.db").display());
    let corpus_arg = corpus.display().to_string();
    let args = [
        "import-eml",
        "--format",
        "json",
        "--database-url",
        &url,
        &corpus_arg,
    ];
    let out = frist(&args, None);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = last_json_line(&stdout(&out));
    let n = |k: &str| {
        summary[k]
            .as_u64()
            .unwrap_or_else(|| panic!("{k} in {summary}"))
    };
    assert_eq!(n("read"), files.len() as u64, "{summary}");
    assert_eq!(
        n("read"),
        n("imported") + n("duplicates") + n("flagged"),
        "{summary}"
    );
    assert!(summary.get("unreadable").is_none(), "{summary}");
    assert!(n("imported") > 0 && n("flagged") > 0, "{summary}");

    // Nothing dropped, not a byte changed: every file's bytes are stored exactly (a file
    // identical to another is stored once).
    let wanted: BTreeSet<Vec<u8>> = files.into_iter().collect();
    let stored: Vec<Vec<u8>> = stored_raw(&url).await;
    assert_eq!(stored.len(), wanted.len());
    assert_eq!(stored.into_iter().collect::<BTreeSet<_>>(), wanted);

    // What was imported is there: one inquiry per imported message that is not a reply, and
    // the flagged messages in the list for a person.
    let store = frist_store::open(&url).await.unwrap();
    let inquiries = store
        .list_inquiries(&InquiryFilter::default(), None, 500)
        .await
        .unwrap()
        .items;
    let flagged = store.flagged_mail(None, 500).await.unwrap().items;
    assert_eq!(flagged.len() as u64, n("flagged"));
    let replies: usize = {
        let mut r = 0;
        for i in &inquiries {
            r += store
                .mail_of_inquiry(i.id)
                .await
                .unwrap()
                .iter()
                .filter(|m| m.outcome == MailOutcome::Reply)
                .count();
        }
        r
    };
    assert_eq!(inquiries.len() + replies, n("imported") as usize);
    store.close().await.unwrap();

    // Again: everything is a duplicate, nothing new is stored.
    let again = frist(&args, None);
    assert!(again.status.success(), "{}", stderr(&again));
    let summary = last_json_line(&stdout(&again));
    assert_eq!(summary["duplicates"], summary["read"], "{summary}");
    assert_eq!(summary["imported"], 0);
}

const ORIGINAL: &str = "From: Karen Jensen <karen@example.dk>\r\nTo: teknik@htk.dk\r\n\
    Message-ID: <q1@example.dk>\r\nDate: Mon, 16 Nov 2026 09:00:00 +0100\r\n\
    Subject: =?utf-8?q?Vejl=C3=B8b?=\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
    Hvornår bliver vejen ryddet?\r\n";

const REPLY: &str = "From: Karen Jensen <karen@example.dk>\r\nTo: teknik@htk.dk\r\n\
    Message-ID: <q2@example.dk>\r\nIn-Reply-To: <q1@example.dk>\r\n\
    Date: Tue, 17 Nov 2026 09:00:00 +0100\r\nSubject: Re: Vejløb\r\n\r\nTak.\r\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_threads_to_its_inquiry_and_mail_is_routed_by_the_configured_mailboxes() {
    let dir = tempfile::tempdir().unwrap();
    let mail = dir.path().join("mail");
    std::fs::create_dir_all(mail.join("sub")).unwrap();
    // The reply sorts after the original, in a subfolder.
    std::fs::write(mail.join("1.eml"), ORIGINAL).unwrap();
    std::fs::write(mail.join("sub/2.eml"), REPLY).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.eml"), mail.join("3.eml")).unwrap();
    let config = dir.path().join("frist.toml");
    std::fs::write(
        &config,
        "[[mailbox]]\naddress = \"teknik@htk.dk\"\nkind = \"department\"\nunit = \"teknik\"\n",
    )
    .unwrap();
    let url = format!("sqlite://{}", dir.path().join("f.db").display());
    let (config, mail) = (config.display().to_string(), mail.display().to_string());
    let out = frist(
        &[
            "import-eml",
            "--config",
            &config,
            "--format",
            "json",
            "--database-url",
            &url,
            "--policy",
            "hoeje-taastrup",
            &mail,
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let summary = last_json_line(&stdout(&out));
    assert_eq!(
        summary,
        serde_json::json!({"read":2,"imported":2,"duplicates":0,"flagged":0,"unreadable":1})
    );
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
    assert!(stderr(&out).contains("3.eml"), "{}", stderr(&out));

    let store = frist_store::open(&url).await.unwrap();
    let items = store
        .list_inquiries(&InquiryFilter::default(), None, 10)
        .await
        .unwrap()
        .items;
    assert_eq!(items.len(), 1);
    let stored = store.get_inquiry(items[0].id).await.unwrap().inquiry;
    assert_eq!(stored.unit.as_deref(), Some("teknik"));
    assert_eq!(stored.received.subject, "Vejløb");
    assert_eq!(stored.received.to, frist_policy::Addressee::Department);
    assert_eq!(
        stored.received.received_at.to_string(),
        "2026-11-16T08:00:00Z"
    );
    let events = store.events(items[0].id).await.unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[1].kind.name(), "message_received");
    store.close().await.unwrap();
}

#[test]
fn a_bad_mailbox_entry_is_refused_with_its_address() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("frist.toml");
    std::fs::write(
        &config,
        "[[mailbox]]\naddress = \"mette@htk.dk\"\nkind = \"personal\"\n",
    )
    .unwrap();
    let config = config.display().to_string();
    let out = frist(&["import-eml", "--config", &config, "/nonexistent"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("mailbox \"mette@htk.dk\": a personal mailbox needs `caseworker`"),
        "{}",
        stderr(&out)
    );
}
