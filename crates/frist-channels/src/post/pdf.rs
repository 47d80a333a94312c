//! Laid-out pages written as PDF with `krilla`, which embeds subsets of the fonts with their
//! Unicode mapping, so text can be searched, copied and read aloud from the letter.

use super::layout::{BOLD_FONT, Ink, PAGE_HEIGHT, PAGE_WIDTH, PageLayout, REGULAR_FONT, Weight};
use krilla::Document;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};

/// The pages as a PDF document titled `title`, in Danish.
pub fn write(pages: &[PageLayout], title: &str) -> Result<Vec<u8>, String> {
    let regular = Font::new(REGULAR_FONT.into(), 0).ok_or("the regular font cannot be read")?;
    let bold = Font::new(BOLD_FONT.into(), 0).ok_or("the bold font cannot be read")?;
    let settings =
        PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("the page size is not valid")?;
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language("da".to_owned())
            .creator("Frist".to_owned()),
    );
    for layout in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for bar in &layout.bars {
            if let Some(rect) = Rect::from_xywh(bar.x, bar.y, bar.width, bar.height) {
                let mut path = PathBuilder::new();
                path.push_rect(rect);
                if let Some(path) = path.finish() {
                    surface.set_fill(Some(fill(bar.ink)));
                    surface.draw_path(&path);
                }
            }
        }
        for run in &layout.runs {
            let font = match run.weight {
                Weight::Regular => regular.clone(),
                Weight::Bold => bold.clone(),
            };
            surface.set_fill(Some(fill(run.ink)));
            surface.draw_text(
                Point::from_xy(run.x, run.y),
                font,
                run.size,
                &run.text,
                false,
                TextDirection::LeftToRight,
            );
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}

fn fill(ink: Ink) -> Fill {
    let (r, g, b) = match ink {
        Ink::Text => (0x1f, 0x23, 0x28),
        Ink::Muted => (0x5a, 0x62, 0x6b),
        Ink::Accent => (0x0b, 0x3d, 0x6e),
    };
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}
