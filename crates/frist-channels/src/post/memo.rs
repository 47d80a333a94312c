//! Digital Post: a letter wrapped in a MeMo 1.1 message (Digitaliseringsstyrelsen's message
//! model), as in the published minimum example: namespace `https://DigitalPost.dk/MeMo-1`,
//! a `MessageHeader` naming the municipality by CVR and the recipient by CPR (or CVR for a
//! business), and a `MessageBody` whose `MainDocument` is the PDF letter, base64-encoded.
//!
//! Written with a real XML writer, so every text is escaped. Pure: the creation time and the
//! message's UUID are passed in ([`new_message_uuid`] makes a random one).

use super::letter::{Letter, LetterError, heading, render_letter};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use frist_core::Cvr;
use jiff::Timestamp;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use std::io::Cursor;
use uuid::Uuid;

/// The MeMo namespace (MeMo 1.x).
pub const MEMO_NAMESPACE: &str = "https://DigitalPost.dk/MeMo-1";
pub const MEMO_VERSION: &str = "1.1";
pub const MEMO_SCHEMA_VERSION: &str = "1.1.0";

/// Why no MeMo message was made.
#[derive(Debug, thiserror::Error)]
pub enum MemoError {
    #[error(
        "the policy names no CVR number for the municipality; Digital Post needs the sender's CVR"
    )]
    NoSenderCvr,
    #[error("the municipality's CVR number in the policy is not valid: {0}")]
    BadSenderCvr(frist_core::CvrError),
    #[error("the recipient has neither a CPR nor a CVR number; Digital Post needs one of them")]
    NoRecipientId,
    #[error(transparent)]
    Letter(#[from] LetterError),
    #[error("the MeMo XML could not be written: {0}")]
    Xml(String),
}

/// A Digital Post message ready for the outbox: the MeMo XML and, for the record, its parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoMessage {
    pub message_uuid: Uuid,
    /// The subject shown in the citizen's Digital Post inbox.
    pub label: String,
    /// The PDF file's name inside the message.
    pub filename: String,
    pub pdf: Vec<u8>,
    /// The complete MeMo document (UTF-8).
    pub xml: Vec<u8>,
}

/// A random (version 4) UUID for `messageUUID`.
pub fn new_message_uuid() -> Uuid {
    Uuid::new_v4()
}

/// Renders the letter as PDF and wraps it in a MeMo message created at `created_at`.
pub fn render_memo(
    letter: &Letter<'_>,
    created_at: Timestamp,
    message_uuid: Uuid,
) -> Result<MemoMessage, MemoError> {
    let municipality = &letter.policy.municipality;
    let sender_cvr = municipality.cvr.as_deref().ok_or(MemoError::NoSenderCvr)?;
    let sender_cvr = Cvr::parse(sender_cvr).map_err(MemoError::BadSenderCvr)?;
    // A person is addressed by CPR; a business, which has no CPR, by CVR.
    let (recipient_id, id_type) = match (&letter.recipient.cpr, &letter.recipient.cvr) {
        (Some(cpr), _) => (cpr.as_str().replace('-', ""), "CPR"),
        (None, Some(cvr)) => (cvr.as_str().to_owned(), "CVR"),
        (None, None) => return Err(MemoError::NoRecipientId),
    };
    let pdf = render_letter(letter)?;
    let label = format!("{} ({})", heading(letter.message.kind), letter.reference);
    let filename = format!("{}.pdf", letter.reference);
    let header = Header {
        message_uuid,
        label: &label,
        sender_cvr: sender_cvr.as_str(),
        sender_label: &municipality.name,
        recipient_id: &recipient_id,
        recipient_id_type: id_type,
        recipient_label: Some(letter.recipient.name.trim()).filter(|n| !n.is_empty()),
    };
    let document = Document {
        created_at,
        // One document per message: the document id is the message's own, for tracing.
        document_id: &message_uuid.to_string(),
        label: &label,
        filename: &filename,
        pdf: &pdf,
    };
    let xml = write_xml(&header, &document).map_err(|e| MemoError::Xml(e.to_string()))?;
    Ok(MemoMessage {
        message_uuid,
        label,
        filename,
        pdf,
        xml,
    })
}

struct Header<'a> {
    message_uuid: Uuid,
    label: &'a str,
    sender_cvr: &'a str,
    sender_label: &'a str,
    recipient_id: &'a str,
    recipient_id_type: &'static str,
    recipient_label: Option<&'a str>,
}

struct Document<'a> {
    created_at: Timestamp,
    document_id: &'a str,
    label: &'a str,
    filename: &'a str,
    pdf: &'a [u8],
}

type XmlWriter = Writer<Cursor<Vec<u8>>>;

fn write_xml(header: &Header<'_>, document: &Document<'_>) -> std::io::Result<Vec<u8>> {
    let mut writer = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer
        .create_element("memo:Message")
        .with_attribute(("xmlns:memo", MEMO_NAMESPACE))
        .with_attribute(("memoVersion", MEMO_VERSION))
        .with_attribute(("memoSchVersion", MEMO_SCHEMA_VERSION))
        .write_inner_content(|w| {
            w.create_element("memo:MessageHeader")
                .write_inner_content(|w| write_header(w, header))?;
            w.create_element("memo:MessageBody")
                .write_inner_content(|w| write_body(w, document))?;
            Ok(())
        })?;
    Ok(writer.into_inner().into_inner())
}

fn write_header(w: &mut XmlWriter, header: &Header<'_>) -> std::io::Result<()> {
    leaf(w, "memo:messageType", "DIGITALPOST")?;
    leaf(w, "memo:messageUUID", &header.message_uuid.to_string())?;
    leaf(w, "memo:label", header.label)?;
    leaf(w, "memo:mandatory", "false")?;
    leaf(w, "memo:legalNotification", "false")?;
    w.create_element("memo:Sender").write_inner_content(|w| {
        leaf(w, "memo:senderID", header.sender_cvr)?;
        leaf(w, "memo:idType", "CVR")?;
        leaf(w, "memo:label", header.sender_label)
    })?;
    w.create_element("memo:Recipient")
        .write_inner_content(|w| {
            leaf(w, "memo:recipientID", header.recipient_id)?;
            leaf(w, "memo:idType", header.recipient_id_type)?;
            match header.recipient_label {
                Some(label) => leaf(w, "memo:label", label),
                None => Ok(()),
            }
        })?;
    Ok(())
}

fn write_body(w: &mut XmlWriter, document: &Document<'_>) -> std::io::Result<()> {
    // Whole seconds in UTC, as in the published examples ("2018-05-03T12:00:00Z").
    let created = document
        .created_at
        .round(jiff::Unit::Second)
        .unwrap_or(document.created_at);
    leaf(w, "memo:createdDateTime", &created.to_string())?;
    w.create_element("memo:MainDocument")
        .write_inner_content(|w| {
            leaf(w, "memo:mainDocumentID", document.document_id)?;
            leaf(w, "memo:label", document.label)?;
            w.create_element("memo:File").write_inner_content(|w| {
                leaf(w, "memo:encodingFormat", "application/pdf")?;
                leaf(w, "memo:filename", document.filename)?;
                leaf(w, "memo:language", "da")?;
                leaf(w, "memo:content", &STANDARD.encode(document.pdf))
            })?;
            Ok(())
        })?;
    Ok(())
}

/// `<name>text</name>`, the text escaped.
fn leaf(w: &mut XmlWriter, name: &str, text: &str) -> std::io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(text))?;
    Ok(())
}
