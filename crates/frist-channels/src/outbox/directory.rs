//! Delivery into a directory that a municipality's existing Digital Post or print integration
//! picks up: the message's files, then one line in `manifest.jsonl` naming them. A line in the
//! manifest means its files are complete.
//!
//! Every file is written atomically (temporary file, fsync, rename, fsync of the directory), and
//! everything is named by the Message-ID, so a retry after a crash rewrites the same files and
//! does not add a second manifest line. What the files contain is up to a [`Render`]: the MeMo
//! and PDF renderers plug in with `OutboxDirectory::new(channel, dir, Arc::new(their_render))`.

use super::{BoxFuture, Delivery, OutboundItem, Outcome, text};
use frist_policy::Channel;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One file of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedFile {
    /// Ends the file's name: `<message-id>.<suffix>`, e.g. `memo.xml`, `pdf`.
    pub suffix: String,
    pub bytes: Vec<u8>,
}

/// Turns an outgoing message into the files the integration expects. The error is shown to
/// staff: no body, no CPR number.
pub trait Render: Send + Sync + std::fmt::Debug {
    fn render(&self, outbound: &OutboundItem) -> Result<Vec<RenderedFile>, String>;
}

/// The default rendering until a channel's own renderer is plugged in: the text the citizen
/// reads (`txt`) and the message with its addressing as JSON (`json`).
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonRender;

impl Render for JsonRender {
    fn render(&self, outbound: &OutboundItem) -> Result<Vec<RenderedFile>, String> {
        let item = &outbound.item;
        let json = serde_json::json!({
            "message_id": item.message_id,
            "reference": outbound.inquiry.inquiry.reference.to_string(),
            "channel": item.message.channel,
            "recipient": item.recipient,
            "subject": text::subject(outbound),
            "message": item.message,
        });
        let json = serde_json::to_vec_pretty(&json)
            .map_err(|_| "the message could not be written as JSON".to_owned())?;
        Ok(vec![
            RenderedFile {
                suffix: "txt".into(),
                bytes: text::body(outbound).into_bytes(),
            },
            RenderedFile {
                suffix: "json".into(),
                bytes: json,
            },
        ])
    }
}

/// Delivers a channel's messages into a directory.
#[derive(Debug, Clone)]
pub struct OutboxDirectory {
    channel: Channel,
    dir: PathBuf,
    render: Arc<dyn Render>,
}

impl OutboxDirectory {
    pub fn new(channel: Channel, dir: impl Into<PathBuf>, render: Arc<dyn Render>) -> Self {
        Self {
            channel,
            dir: dir.into(),
            render,
        }
    }

    fn write(&self, outbound: &OutboundItem) -> Outcome {
        let files = match self.render.render(outbound) {
            Ok(files) => files,
            Err(why) => {
                return Outcome::Permanent(format!("the message could not be rendered: {why}"));
            }
        };
        let stem = file_stem(&outbound.item.message_id);
        let mut names = Vec::with_capacity(files.len());
        for file in &files {
            let name = format!("{stem}.{}", file_stem(&file.suffix));
            if let Err(e) = write_atomically(&self.dir, &name, &file.bytes) {
                return Outcome::Transient(format!(
                    "cannot write {name} in the outbox directory: {}",
                    e.kind()
                ));
            }
            names.push(name);
        }
        let entry = serde_json::json!({
            "message_id": outbound.item.message_id,
            "reference": outbound.inquiry.inquiry.reference.to_string(),
            "channel": self.channel,
            "kind": outbound.item.message.kind,
            "recipient": outbound.item.recipient,
            "files": names,
        });
        match append_to_manifest(&self.dir, &outbound.item.message_id, &entry.to_string()) {
            Ok(()) => Outcome::Accepted,
            Err(e) => Outcome::Transient(format!(
                "cannot write the outbox directory's manifest: {}",
                e.kind()
            )),
        }
    }
}

impl Delivery for OutboxDirectory {
    fn channel(&self) -> Channel {
        self.channel
    }

    fn deliver<'a>(&'a self, outbound: &'a OutboundItem) -> BoxFuture<'a, Outcome> {
        Box::pin(async move {
            let this = self.clone();
            let outbound = outbound.clone();
            // File system calls block: keep them off the runtime's workers.
            tokio::task::spawn_blocking(move || this.write(&outbound))
                .await
                .unwrap_or_else(|_| Outcome::Transient("the writer task failed".into()))
        })
    }
}

/// A file name from a Message-ID: `<HTK-2026-000123.ab@htk.dk>` → `HTK-2026-000123.ab@htk.dk`;
/// anything but letters, digits and `.-_@` becomes `_`.
fn file_stem(id: &str) -> String {
    id.trim_matches(|c| c == '<' || c == '>')
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || ".-_@".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn write_atomically(dir: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let temp = dir.join(format!(".{name}.tmp"));
    {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    std::fs::rename(&temp, dir.join(name))?;
    sync_dir(dir)
}

/// Appends `line` unless the manifest already names `message_id`. A line torn by a crash is
/// ended first, so that it stays one unreadable line and the next one is whole.
fn append_to_manifest(dir: &Path, message_id: &str, line: &str) -> std::io::Result<()> {
    let path = dir.join("manifest.jsonl");
    let existing = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(e),
    };
    let quoted = serde_json::Value::String(message_id.to_owned()).to_string();
    let already = existing.lines().any(|l| {
        serde_json::from_str::<serde_json::Value>(l)
            .ok()
            .and_then(|v| v.get("message_id").map(|m| m.to_string()))
            .is_some_and(|m| m == quoted)
    });
    if already {
        return Ok(());
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)?;
    if !existing.is_empty() && !existing.ends_with('\n') {
        file.write_all(b"\n")?;
    }
    file.write_all(format!("{line}\n").as_bytes())?;
    file.sync_all()?;
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    // Makes the rename (or the new manifest) itself durable.
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_come_from_message_ids_without_path_characters() {
        assert_eq!(
            file_stem("<ROS-2026-000001.ab12@ros.dk>"),
            "ROS-2026-000001.ab12@ros.dk"
        );
        assert_eq!(file_stem("<../../etc/passwd>"), ".._.._etc_passwd");
    }
}
