//! MeMo messages: well-formed XML in the MeMo namespace with the header fields, carrying the
//! letter as a PDF that decodes and opens.

use crate::support::*;
use base64::Engine;
use frist_channels::post::{MEMO_NAMESPACE, MemoError, Recipient, new_message_uuid, render_memo};
use frist_core::Cvr;
use jiff::Timestamp;

fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> roxmltree::Node<'a, 'a> {
    node.children()
        .find(|c| c.is_element() && c.tag_name().name() == name)
        .unwrap_or_else(|| panic!("no <{name}> in <{}>", node.tag_name().name()))
}

fn text<'a>(node: roxmltree::Node<'a, 'a>, path: &[&str]) -> &'a str {
    let mut node = node;
    for name in path {
        node = child(node, name);
    }
    assert_eq!(
        node.tag_name().namespace(),
        Some(MEMO_NAMESPACE),
        "{path:?}"
    );
    node.text().unwrap_or("")
}

#[test]
fn a_memo_message_is_well_formed_with_the_header_and_a_pdf_that_opens() {
    let policy = policy("roskilde");
    let message = decision(2);
    let (reference, recipient) = (reference(), recipient());
    let uuid = new_message_uuid();
    let created: Timestamp = "2026-12-23T14:05:09.5Z".parse().unwrap();
    let memo = render_memo(
        &letter(&message, &reference, &recipient, &policy),
        created,
        uuid,
    )
    .unwrap();
    let xml = std::str::from_utf8(&memo.xml).unwrap();
    std::fs::write(target_dir().join("memo-example.xml"), xml).unwrap();

    let doc = roxmltree::Document::parse(xml).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(MEMO_NAMESPACE));
    assert_eq!(root.tag_name().name(), "Message");
    assert_eq!(root.attribute("memoVersion"), Some("1.1"));
    assert_eq!(uuid.get_version_num(), 4);

    let header = child(root, "MessageHeader");
    assert_eq!(text(header, &["messageType"]), "DIGITALPOST");
    assert_eq!(text(header, &["messageUUID"]), uuid.to_string());
    assert_eq!(text(header, &["label"]), "Afgørelse (ROS-2026-000123)");
    assert_eq!(text(header, &["Sender", "senderID"]), "29189404");
    assert_eq!(text(header, &["Sender", "idType"]), "CVR");
    assert_eq!(text(header, &["Sender", "label"]), "Roskilde Kommune");
    assert_eq!(text(header, &["Recipient", "recipientID"]), "0101901234");
    assert_eq!(text(header, &["Recipient", "idType"]), "CPR");

    let body = child(root, "MessageBody");
    assert_eq!(text(body, &["createdDateTime"]), "2026-12-23T14:05:10Z");
    let file = &["MainDocument", "File"];
    let at = |leaf: &str| text(body, &[file[0], file[1], leaf]);
    assert_eq!(at("encodingFormat"), "application/pdf");
    assert_eq!(at("filename"), "ROS-2026-000123.pdf");
    assert_eq!(at("language"), "da");
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(at("content"))
        .unwrap();
    assert_eq!(pdf, memo.pdf);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.pdf");
    std::fs::write(&path, &pdf).unwrap();
    assert_eq!(pdfinfo(&path, "Pages"), "1");
    assert_eq!(pdfinfo(&path, "Page size"), "595.28 x 841.89 pts (A4)");
    assert_eq!(pdfinfo(&path, "Title"), "Afgørelse – ROS-2026-000123");
}

#[test]
fn businesses_are_addressed_by_cvr_and_names_are_escaped() {
    let policy = policy("roskilde");
    let mut message = decision(1);
    message.appealable = false;
    message.complaint_guidance = None;
    let reference = reference();
    let recipient = Recipient {
        name: "Smith & Søn <ApS>".into(),
        address: vec![],
        cpr: None,
        cvr: Some(Cvr::parse("12345678").unwrap()),
    };
    let memo = render_memo(
        &letter(&message, &reference, &recipient, &policy),
        Timestamp::UNIX_EPOCH,
        new_message_uuid(),
    )
    .unwrap();
    let xml = std::str::from_utf8(&memo.xml).unwrap();
    assert!(xml.contains("Smith &amp; Søn &lt;ApS&gt;"), "{xml}");
    let doc = roxmltree::Document::parse(xml).unwrap();
    let header = child(doc.root_element(), "MessageHeader");
    assert_eq!(text(header, &["Recipient", "recipientID"]), "12345678");
    assert_eq!(text(header, &["Recipient", "idType"]), "CVR");
    assert_eq!(text(header, &["Recipient", "label"]), "Smith & Søn <ApS>");
}

#[test]
fn no_memo_without_the_municipality_cvr_or_a_recipient_id() {
    let message = decision(1);
    let reference = reference();
    let recipient = recipient();
    let mut without_cvr = policy("hoeje-taastrup");
    without_cvr.municipality.cvr = None;
    let err = render_memo(
        &letter(&message, &reference, &recipient, &without_cvr),
        Timestamp::UNIX_EPOCH,
        new_message_uuid(),
    )
    .unwrap_err();
    assert!(matches!(err, MemoError::NoSenderCvr), "{err}");
    assert!(err.to_string().contains("CVR"));

    let anonymous = Recipient {
        name: "Søren".into(),
        ..Recipient::default()
    };
    let policy = policy("roskilde");
    let err = render_memo(
        &letter(&message, &reference, &anonymous, &policy),
        Timestamp::UNIX_EPOCH,
        new_message_uuid(),
    )
    .unwrap_err();
    assert!(matches!(err, MemoError::NoRecipientId), "{err}");
}
