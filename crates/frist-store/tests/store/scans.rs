//! Scans of letters received on paper: kept exactly as uploaded, with their inquiry.

use crate::helpers::*;
use frist_policy::Channel;
use frist_store::{NewScan, ScanStore, Store, StoreError};

conformance!(a_scan_is_kept_byte_for_byte_with_its_inquiry,);

async fn a_scan_is_kept_byte_for_byte_with_its_inquiry(db: &TestDb) {
    let s = &db.store;
    let ros = register(s, "roskilde", ROSKILDE).await;
    let id = s
        .create_inquiry(
            inquiry(Channel::Letter, None, "2026-03-02T09:00:00+01:00"),
            &ros,
        )
        .await
        .unwrap()
        .stored
        .id;
    let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
    let scan = |name: &str, inquiry_id| NewScan {
        inquiry_id,
        filename: name.into(),
        content_type: "application/pdf".into(),
        bytes: bytes.clone(),
        uploaded_at: at("2026-03-02T10:00:00+01:00"),
        uploaded_by: "mette".into(),
    };
    let first = s.add_scan(scan("brev.pdf", id)).await.unwrap();
    s.add_scan(scan("bilag.pdf", id)).await.unwrap();
    assert_eq!(first.size, 70_000);
    let listed: Vec<_> = s
        .scans_of_inquiry(id)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.filename)
        .collect();
    assert_eq!(listed, ["brev.pdf", "bilag.pdf"]);
    let (info, stored) = s.scan(first.id).await.unwrap();
    assert_eq!(info, first);
    assert_eq!(stored, bytes);
    assert!(matches!(
        s.scan(first.id + 100).await,
        Err(StoreError::NotFound)
    ));
    let orphan = s.add_scan(scan("x.pdf", id + 100)).await;
    assert!(matches!(orphan, Err(StoreError::NotFound)), "{orphan:?}");
    let changed = execute_directly(db, "UPDATE scans SET filename = 'y'").await;
    assert!(changed.is_err(), "scans are kept as uploaded");
}
