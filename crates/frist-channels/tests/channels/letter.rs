//! PDF letters: they open, render, carry the Danish text intact and flow over pages.

use crate::support::*;
use frist_channels::post::{Letter, LetterError, render_letter};

/// Pixels darker than near-white in a binary PPM (P6) image, and its size.
fn ink_in_ppm(ppm: &[u8]) -> (usize, usize, usize) {
    // Header: "P6", width, height, maxval, each after whitespace; then RGB bytes.
    let mut fields = Vec::new();
    let mut i = 0;
    while fields.len() < 4 {
        while ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        let start = i;
        while !ppm[i].is_ascii_whitespace() {
            i += 1;
        }
        fields.push(std::str::from_utf8(&ppm[start..i]).unwrap().to_owned());
    }
    assert_eq!(fields[0], "P6");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = &ppm[i + 1..];
    assert_eq!(pixels.len(), w * h * 3);
    let dark = pixels
        .chunks(3)
        .filter(|p| p.iter().any(|&c| c < 200))
        .count();
    (w, h, dark)
}

#[test]
fn a_letter_opens_and_renders_to_page_images_with_ink_on_them() {
    let policy = policy("roskilde");
    let message = decision(12);
    let (reference, recipient) = (reference(), recipient());
    let pdf = render_letter(&letter(&message, &reference, &recipient, &policy)).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("letter.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let file = file.to_str().unwrap();
    let prefix = dir.path().join("page");
    poppler("pdftoppm", &["-r", "40", file, prefix.to_str().unwrap()]);
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ppm"))
        .collect();
    pages.sort();
    assert_eq!(
        pages.len(),
        2,
        "twelve paragraphs and the guidance fill two pages"
    );
    for page in &pages {
        let (w, h, dark) = ink_in_ppm(&std::fs::read(page).unwrap());
        // A4 at 40 dpi is 331 × 468 pixels.
        assert_eq!((w, h), (331, 468));
        assert!(dark > 500, "{} has only {dark} dark pixels", page.display());
    }
}

#[test]
fn the_letter_text_reads_back_with_its_danish_letters_and_every_part() {
    let policy = policy("roskilde");
    let message = decision(12);
    let (reference, recipient) = (reference(), recipient());
    let link = "https://frist.roskilde.dk/status/mFzv0S8bXH2UJQ0cSGEkwN5fKmY7rVp3Xq1LhZcTdeg";
    let pdf = render_letter(&Letter {
        status_link: Some(link),
        ..letter(&message, &reference, &recipient, &policy)
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("letter.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let output = poppler("pdftotext", &["-layout", file.to_str().unwrap(), "-"]);
    let text = String::from_utf8(output.stdout).unwrap();
    let follow = format!("Følg din henvendelse her:\n{link}\n");
    for expected in [
        follow.as_str(),
        "Roskilde Kommune",
        "CVR 29189404",
        "Søren Ærø",
        "Åvej 7, 1. tv.",
        "23. december 2026",
        "ROS-2026-000123",
        "Mette Østergård",
        "Afgørelse",
        "Vedrørende: Ansøgning om boligindretning",
        DANISH,
        "Afsnit 12.",
        "Du kan forvente svar senest 15. januar 2027.",
        "Klagevejledning",
        "Du kan klage over afgørelsen til Ankestyrelsen.",
        "Klagefrist: 4 uger fra du har modtaget afgørelsen",
        "Side 1 af 2",
        "Side 2 af 2",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn an_example_letter_is_written_for_people_to_look_at() {
    let policy = policy("roskilde");
    let message = decision(12);
    let (reference, recipient) = (reference(), recipient());
    let pdf = render_letter(&letter(&message, &reference, &recipient, &policy)).unwrap();
    let path = target_dir().join("letter-example.pdf");
    std::fs::write(&path, &pdf).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() > 1000);
}

#[test]
fn a_short_letter_is_one_page_and_small() {
    let policy = policy("hoeje-taastrup");
    let mut message = decision(1);
    message.appealable = false;
    message.complaint_guidance = None;
    let (reference, recipient) = (reference(), recipient());
    let pdf = render_letter(&letter(&message, &reference, &recipient, &policy)).unwrap();
    // Fonts are subset: a letter is tens of kilobytes, not the fonts' 1.4 MB.
    assert!(pdf.len() < 150_000, "{} bytes", pdf.len());
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("short.pdf");
    std::fs::write(&file, &pdf).unwrap();
    assert_eq!(pdfinfo(&file, "Pages"), "1");
}

#[test]
fn letters_without_text_or_with_incomplete_guidance_are_refused() {
    let policy = policy("roskilde");
    let (reference, recipient) = (reference(), recipient());
    let mut empty = decision(1);
    empty.body = "  \n ".into();
    assert!(matches!(
        render_letter(&letter(&empty, &reference, &recipient, &policy)),
        Err(LetterError::EmptyBody)
    ));
    let mut unguided = decision(1);
    unguided
        .complaint_guidance
        .as_mut()
        .unwrap()
        .deadline
        .clear();
    let err = render_letter(&letter(&unguided, &reference, &recipient, &policy)).unwrap_err();
    assert!(err.to_string().contains("deadline"), "{err}");
    unguided.complaint_guidance = None;
    assert!(matches!(
        render_letter(&letter(&unguided, &reference, &recipient, &policy)),
        Err(LetterError::MissingComplaintGuidance(_))
    ));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 24, ..Default::default() })]
    /// Any text a caseworker can type — emoji the font lacks, control characters, endless
    /// words — gives a PDF or a clear refusal, never a panic.
    #[test]
    fn any_text_gives_a_pdf_or_a_refusal(
        body in "\\PC{0,1500}",
        name in "\\PC{0,80}",
        caseworker in proptest::option::of("\\PC{0,60}"),
    ) {
        let policy = policy("roskilde");
        let mut message = decision(0);
        message.body = body;
        message.caseworker = caseworker;
        let (reference, mut recipient) = (reference(), recipient());
        recipient.name = name;
        match render_letter(&letter(&message, &reference, &recipient, &policy)) {
            Ok(pdf) => proptest::prop_assert!(pdf.starts_with(b"%PDF-")),
            Err(e) => proptest::prop_assert!(matches!(e, LetterError::EmptyBody), "{e}"),
        }
    }
}
