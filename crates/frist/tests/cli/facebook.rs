//! `frist serve` with a `[facebook]` section: the configuration reaches the webhook, and a bad
//! section stops the server at start with the setting named.

use crate::frist;
use frist_channels::facebook::{SIGNATURE_HEADER, sign};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn serve_answers_the_messenger_webhook_configured_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let secret_file = dir.path().join("app-secret");
    std::fs::write(&secret_file, "secret-from-a-file\n").unwrap();
    let port = free_port();
    let config = dir.path().join("frist.toml");
    std::fs::write(
        &config,
        format!(
            "listen = \"127.0.0.1:{port}\"\n\
             database_url = \"sqlite://{}\"\n\
             policy = \"roskilde\"\n\n\
             [facebook]\n\
             app_secret_file = {:?}\n\
             verify_token = \"verify-me\"\n\
             page_access_token = \"page-token\"\n",
            dir.path().join("frist.db").display(),
            secret_file.display().to_string(),
        ),
    )
    .unwrap();
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_frist"))
            .args(["serve", "--config", config.to_str().unwrap()])
            .env_remove("FRIST_POLICY")
            .env_remove("FRIST_DATABASE_URL")
            .env_remove("FRIST_LISTEN")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(r) = client.get(format!("{base}/health")).send().await
            && r.status().is_success()
        {
            break;
        }
        assert!(Instant::now() < deadline, "frist serve did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    let check = client
        .get(format!(
            "{base}/webhooks/facebook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42"
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(check.status(), 200);
    assert_eq!(check.text().await.unwrap(), "42");

    let body = br#"{"object":"page","entry":[{"messaging":[{"sender":{"id":"PSID"},
        "recipient":{"id":"PAGE"},"timestamp":1798030000000,
        "message":{"mid":"m_serve","text":"Hej"}}]}]}"#;
    let deliver = |signature: String| {
        client
            .post(format!("{base}/webhooks/facebook"))
            .header("content-type", "application/json")
            .header(SIGNATURE_HEADER, signature)
            .body(body.to_vec())
            .send()
    };
    let wrong = deliver(sign(b"not-the-secret", body)).await.unwrap();
    assert_eq!(wrong.status(), 401);
    let right = deliver(sign(b"secret-from-a-file", body)).await.unwrap();
    assert_eq!(right.status(), 200);
    let answer: serde_json::Value = right.json().await.unwrap();
    assert_eq!(answer["created"], 1);
}

#[test]
fn an_incomplete_facebook_section_stops_serve_naming_the_setting() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("frist.toml");
    std::fs::write(
        &config,
        "[facebook]\napp_secret = \"s\"\npage_access_token = \"t\"\n",
    )
    .unwrap();
    let output = frist(&["serve", "--config", config.to_str().unwrap()], None);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("verify_token"), "{stderr}");
}
