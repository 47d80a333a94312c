//! A letter received on paper: its scan uploaded on the inquiry page (multipart), kept byte for
//! byte, opened only after the view is logged; a wrong type or no file is refused in words.

use crate::helpers::{id_of, spawn_app};
use crate::pages::hidden_csrf;
use crate::staff::mette;
use frist_store::{ScanStore, Store};
use frist_web::paths;
use reqwest::StatusCode;

fn multipart(csrf: &str, filename: &str, content_type: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "frist-test-boundary-7d1f";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"scan\"; \
             filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

#[tokio::test]
async fn a_scanned_letter_is_kept_exactly_and_every_view_is_logged() {
    let app = spawn_app("roskilde").await;
    let letter = serde_json::json!({
        "channel": "letter", "received_at": "2026-12-23T10:00:00+01:00",
        "subject": "Ansøgning", "body": "", "sender": {"name": "Karen Jensen"},
    });
    let id = id_of(&app.create(&letter).await);
    let mut v = mette(&app).await;
    let page = v.get(&paths::inquiry(id)).await;
    assert!(
        page.html.contains("Tilføj en scanning af brevet"),
        "{}",
        page.html
    );
    let csrf = hidden_csrf(&page.html);
    let cookie = v
        .cookies
        .iter()
        .map(|(k, val)| format!("{k}={val}"))
        .collect::<Vec<_>>()
        .join("; ");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    // The form sends its token in the address, so it is checked before the body is read.
    let post = |token: &str, content_type: String, body: Vec<u8>| {
        client
            .post(format!(
                "{}{}?csrf={token}",
                app.address,
                paths::scan_upload(id)
            ))
            .header("cookie", cookie.clone())
            .header("content-type", content_type)
            .body(body)
            .send()
    };

    let pdf: Vec<u8> = b"%PDF-1.7\n"
        .iter()
        .copied()
        .chain((0..=255u8).cycle().take(3_000_000))
        .collect();
    let (ct, body) = multipart(&csrf, "../../brev fra Karen.pdf", "application/pdf", &pdf);
    let saved = post(&csrf, ct, body).await.unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER, "3 MB is accepted");
    let scans = app.store.scans_of_inquiry(id).await.unwrap();
    assert_eq!(scans.len(), 1);
    assert_eq!(
        scans[0].filename, "brev fra Karen.pdf",
        "no path in the name"
    );

    let (ct, body) = multipart(&csrf, "virus.exe", "application/x-msdownload", b"MZ");
    let refused = post(&csrf, ct, body).await.unwrap();
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .text()
            .await
            .unwrap()
            .contains("PDF-, JPEG-, PNG- eller TIFF-fil")
    );
    let (ct, body) = multipart("forkert", "brev.pdf", "application/pdf", &pdf);
    assert_eq!(
        post("forkert", ct, body).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    // The first bytes decide, not the declared type: a program called brev.pdf is refused,
    // and a PNG sent as a PDF is kept, and served, as the PNG it is.
    let (ct, body) = multipart(
        &csrf,
        "brev.pdf",
        "application/pdf",
        b"MZ\x90\0not a letter",
    );
    let disguised = post(&csrf, ct, body).await.unwrap();
    assert_eq!(disguised.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.store.scans_of_inquiry(id).await.unwrap().len(),
        1,
        "nothing else stored"
    );
    let png: Vec<u8> = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let (ct, body) = multipart(&csrf, "brev.pdf", "application/pdf", &png);
    assert_eq!(
        post(&csrf, ct, body).await.unwrap().status(),
        StatusCode::SEE_OTHER
    );
    let kept = app.store.scans_of_inquiry(id).await.unwrap();
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[1].content_type, "image/png");

    let before = app.store.access_log(id).await.unwrap().len();
    let opened = client
        .get(format!(
            "{}/sager/{id}/scanning/{}",
            app.address, scans[0].id
        ))
        .header("cookie", cookie.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), StatusCode::OK);
    assert_eq!(opened.headers()["content-type"], "application/pdf");
    assert_eq!(opened.bytes().await.unwrap().to_vec(), pdf, "byte for byte");
    let log = app.store.access_log(id).await.unwrap();
    assert_eq!(log.len(), before + 1);
    assert_eq!(log.last().unwrap().what, "scan");
    let other = v
        .get(&format!("/sager/{}/scanning/{}", id + 1, scans[0].id))
        .await;
    assert_eq!(other.status, StatusCode::NOT_FOUND);
}
