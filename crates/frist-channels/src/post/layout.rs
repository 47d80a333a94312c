//! Placing text on A4 pages: measuring with the embedded fonts' real advance widths, wrapping
//! at words, and flowing onto new pages when one is full. Pure and independent of the PDF
//! library, so the wrapping and page breaks are tested on plain values.
//!
//! Coordinates are PDF points (1/72 inch) from the page's top-left corner; `y` is a baseline.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, GlyphId, MetadataProvider};

/// DejaVu Sans (see `fonts/README.md`): every Danish letter and punctuation mark.
pub const REGULAR_FONT: &[u8] = include_bytes!("../../fonts/DejaVuSans.ttf");
pub const BOLD_FONT: &[u8] = include_bytes!("../../fonts/DejaVuSans-Bold.ttf");

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// Greys and the municipality's accent, as RGB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    Text,
    Muted,
    Accent,
}

/// One line of text at its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub weight: Weight,
    pub ink: Ink,
    pub text: String,
}

/// A filled rectangle (rules and bars).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub ink: Ink,
}

/// What goes on one page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageLayout {
    pub runs: Vec<Run>,
    pub bars: Vec<Bar>,
}

/// The two faces, parsed once per letter.
#[derive(Clone)]
pub struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

/// The embedded font files could not be read (a build defect, not bad input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the embedded letter font cannot be read")]
pub struct FontError;

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fonts(DejaVu Sans, DejaVu Sans Bold)")
    }
}

impl Fonts {
    pub fn load() -> Result<Self, FontError> {
        Ok(Self {
            regular: FontRef::new(REGULAR_FONT).map_err(|_| FontError)?,
            bold: FontRef::new(BOLD_FONT).map_err(|_| FontError)?,
        })
    }

    /// The advance width of `text` set in `weight` at `size` points (no kerning, so a little
    /// generous: wrapped lines never overrun).
    pub fn width(&self, text: &str, weight: Weight, size: f32) -> f32 {
        let font = match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                let glyph = charmap.map(c).unwrap_or(GlyphId::NOTDEF);
                metrics.advance_width(glyph).unwrap_or(0.0)
            })
            .sum()
    }

    /// `text` broken into lines no wider than `width`: at its own line breaks, then between
    /// words, and inside a word only when the word alone is too wide.
    pub fn wrap(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for hard_line in clean(text).split('\n') {
            let mut line = String::new();
            for word in hard_line.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, weight, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line (a long URL): cut it at characters.
                for c in word.chars() {
                    line.push(c);
                    if self.width(&line, weight, size) > width && line.chars().count() > 1 {
                        line.pop();
                        lines.push(std::mem::replace(&mut line, c.to_string()));
                    }
                }
            }
            lines.push(line);
        }
        lines
    }
}

/// Tabs and other control characters would print as boxes: tabs become spaces, the rest go;
/// Windows line ends become plain ones.
fn clean(text: &str) -> String {
    text.replace("\r\n", "\n")
        .chars()
        .filter_map(|c| match c {
            '\t' => Some(' '),
            '\n' => Some('\n'),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

/// Text flowing down pages between a top and a bottom line.
#[derive(Debug)]
pub struct Flow<'f> {
    pub fonts: &'f Fonts,
    /// Full pages.
    finished: Vec<PageLayout>,
    /// The page being filled.
    pub current: PageLayout,
    /// The next baseline on the current page.
    pub y: f32,
    pub left: f32,
    pub width: f32,
    /// Where text starts on pages after the first.
    pub top: f32,
    /// No baseline below this.
    pub bottom: f32,
}

impl<'f> Flow<'f> {
    pub fn new(fonts: &'f Fonts, left: f32, width: f32, top: f32, bottom: f32) -> Self {
        Self {
            fonts,
            finished: Vec::new(),
            current: PageLayout::default(),
            y: top,
            left,
            width,
            top,
            bottom,
        }
    }

    pub fn new_page(&mut self) {
        self.finished.push(std::mem::take(&mut self.current));
        self.y = self.top;
    }

    /// Every page, the current one last.
    pub fn finish(mut self) -> Vec<PageLayout> {
        self.finished.push(self.current);
        self.finished
    }

    /// Starts a new page unless `height` more points fit on this one (keeps a heading with
    /// the first lines under it).
    pub fn keep(&mut self, height: f32) {
        if self.y + height > self.bottom {
            self.new_page();
        }
    }

    pub fn space(&mut self, height: f32) {
        self.y += height;
    }

    /// Wrapped text at the flow's left edge plus `indent`; `leading` is the distance between
    /// baselines.
    pub fn text(&mut self, text: &str, weight: Weight, size: f32, leading: f32, ink: Ink) {
        let lines = self.fonts.wrap(text, weight, size, self.width);
        for line in lines {
            if self.y > self.bottom {
                self.new_page();
            }
            let (x, y) = (self.left, self.y);
            if !line.is_empty() {
                self.current.runs.push(Run {
                    x,
                    y,
                    size,
                    weight,
                    ink,
                    text: line,
                });
            }
            self.y += leading;
        }
    }

    /// A thin rule across the flow's width.
    pub fn rule(&mut self, ink: Ink) {
        let (x, y, width) = (self.left, self.y, self.width);
        self.current.bars.push(Bar {
            x,
            y,
            width,
            height: 0.6,
            ink,
        });
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn danish_letters_have_real_glyphs_and_widths() {
        let fonts = Fonts::load().unwrap();
        for c in "æøåÆØÅ«»–é".chars() {
            let glyph = fonts.regular.charmap().map(c);
            assert!(glyph.is_some_and(|g| g != GlyphId::NOTDEF), "{c}");
        }
        let narrow = fonts.width("iiii", Weight::Regular, 10.0);
        let wide = fonts.width("MMMM", Weight::Regular, 10.0);
        assert!(narrow > 0.0 && wide > 2.0 * narrow, "{narrow} {wide}");
        assert!(
            fonts.width("Æble", Weight::Bold, 10.0) > fonts.width("Æble", Weight::Regular, 10.0)
        );
    }

    #[test]
    fn text_wraps_at_words_and_keeps_its_line_breaks() {
        let fonts = Fonts::load().unwrap();
        let lines = fonts.wrap(
            "Kære Jens\n\nTak for din henvendelse om boligstøtte.",
            Weight::Regular,
            10.0,
            100.0,
        );
        assert_eq!(lines[0], "Kære Jens");
        assert_eq!(lines[1], "");
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(fonts.width(line, Weight::Regular, 10.0) <= 100.0, "{line}");
        }
    }

    #[test]
    fn long_text_flows_onto_new_pages() {
        let fonts = Fonts::load().unwrap();
        let mut flow = Flow::new(&fonts, 70.0, 450.0, 80.0, 760.0);
        flow.text(
            &"Et afsnit om sagen. ".repeat(600),
            Weight::Regular,
            10.5,
            15.0,
            Ink::Text,
        );
        let pages = flow.finish();
        assert!(pages.len() >= 3, "{}", pages.len());
        for page in &pages {
            for run in &page.runs {
                assert!((80.0..=760.0).contains(&run.y), "{}", run.y);
            }
        }
    }

    proptest! {
        #[test]
        fn wrapped_lines_fit_and_keep_every_character(
            text in "[a-zæøåA-Z .,\n\t«»–]{0,400}",
            width in 20.0f32..400.0,
        ) {
            let fonts = Fonts::load().unwrap();
            let lines = fonts.wrap(&text, Weight::Regular, 10.0, width);
            for line in &lines {
                prop_assert!(line.chars().count() == 1 || fonts.width(line, Weight::Regular, 10.0) <= width);
            }
            let kept: String = lines.concat().chars().filter(|c| !c.is_whitespace()).collect();
            let given: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            prop_assert_eq!(kept, given);
        }
    }
}
