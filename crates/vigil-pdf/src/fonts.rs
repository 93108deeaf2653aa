//! The embedded fonts and shaping: DejaVu Sans (regular and bold) first, Droid Sans Fallback for
//! what DejaVu lacks (CJK). Text is cut into runs of one font per grapheme (a grapheme never
//! changes font midway), each run shaped with rustybuzz in its direction; the shaped glyphs are
//! both what is measured for wrapping and what krilla draws, so widths are the font's own.

use std::ops::Range;
use std::sync::LazyLock;

use krilla::text::{Font as PdfFont, GlyphId, KrillaGlyph};
use rustybuzz::{Direction, Face, UnicodeBuffer};
use unicode_segmentation::UnicodeSegmentation;

static DEJAVU: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static DEJAVU_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");
static DROID: &[u8] = include_bytes!("../fonts/DroidSansFallbackFull.ttf");

/// The weight text is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Regular,
    Bold,
}

/// One font file: krilla's handle (to draw and embed) and rustybuzz's face (to shape).
struct Loaded {
    pdf: PdfFont,
    face: Face<'static>,
}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Loaded")
    }
}

impl Loaded {
    fn new(data: &'static [u8]) -> Option<Self> {
        let pdf = PdfFont::new(data.into(), 0)?;
        let face = Face::from_slice(data, 0)?;
        Some(Self { pdf, face })
    }

    fn covers(&self, grapheme: &str) -> bool {
        grapheme.chars().all(|c| c.is_control() || self.face.glyph_index(c).is_some())
    }
}

#[derive(Debug)]
struct Fonts {
    regular: Loaded,
    bold: Loaded,
    fallback: Loaded,
}

static FONTS: LazyLock<Option<Fonts>> = LazyLock::new(|| {
    Some(Fonts {
        regular: Loaded::new(DEJAVU)?,
        bold: Loaded::new(DEJAVU_BOLD)?,
        fallback: Loaded::new(DROID)?,
    })
});

/// The embedded fonts could not be read (a broken build, never the paper's content).
#[derive(Debug, Clone, Copy)]
pub(crate) struct FontsMissing;

fn fonts() -> Result<&'static Fonts, FontsMissing> {
    FONTS.as_ref().ok_or(FontsMissing)
}

/// A run of text shaped in one font: its glyphs in visual order (ranges into `text`).
#[derive(Debug, Clone)]
pub(crate) struct Shaped {
    pub font: PdfFont,
    pub text: String,
    pub glyphs: Vec<KrillaGlyph>,
    /// Advance of the whole run in em (multiply by the size for points).
    pub advance: f32,
}

/// Which font draws `grapheme` in `style`: the primary if it has every glyph, else the fallback
/// if it does, else the primary (its missing-glyph box).
fn pick(fonts: &Fonts, style: Style, grapheme: &str) -> bool {
    let primary = match style {
        Style::Regular => &fonts.regular,
        Style::Bold => &fonts.bold,
    };
    !primary.covers(grapheme) && fonts.fallback.covers(grapheme)
}

/// `text` cut into byte ranges of one font each, in logical order; `true` marks the fallback.
fn font_runs(fonts: &Fonts, style: Style, text: &str) -> Vec<(Range<usize>, bool)> {
    let mut runs: Vec<(Range<usize>, bool)> = Vec::new();
    for (start, grapheme) in text.grapheme_indices(true) {
        let fallback = pick(fonts, style, grapheme);
        let end = start + grapheme.len();
        match runs.last_mut() {
            Some((range, f)) if *f == fallback => range.end = end,
            _ => runs.push((start..end, fallback)),
        }
    }
    runs
}

fn shape_one(font: &Loaded, text: &str, rtl: bool) -> Shaped {
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
    let output = rustybuzz::shape(&font.face, &[], buffer);
    let upem = font.face.units_per_em() as f32;
    let mut starts: Vec<usize> = output.glyph_infos().iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut advance = 0.0;
    let glyphs = output
        .glyph_infos()
        .iter()
        .zip(output.glyph_positions())
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let end = starts.iter().copied().find(|&s| s > start).unwrap_or(text.len());
            advance += pos.x_advance as f32 / upem;
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / upem,
                pos.x_offset as f32 / upem,
                pos.y_offset as f32 / upem,
                pos.y_advance as f32 / upem,
                start..end,
                None,
            )
        })
        .collect();
    Shaped { font: font.pdf.clone(), text: text.to_string(), glyphs, advance }
}

/// `text` (one bidi level: all left-to-right or all right-to-left) shaped with font fallback,
/// its runs in visual order.
pub(crate) fn shape(text: &str, style: Style, rtl: bool) -> Result<Vec<Shaped>, FontsMissing> {
    let fonts = fonts()?;
    let primary = match style {
        Style::Regular => &fonts.regular,
        Style::Bold => &fonts.bold,
    };
    let mut runs: Vec<Shaped> = font_runs(fonts, style, text)
        .into_iter()
        .map(|(range, fallback)| {
            let font = if fallback { &fonts.fallback } else { primary };
            shape_one(font, &text[range], rtl)
        })
        .collect();
    if rtl {
        runs.reverse();
    }
    Ok(runs)
}

/// The advance of `text` at `size`, in points.
pub(crate) fn width(text: &str, style: Style, rtl: bool, size: f32) -> Result<f32, FontsMissing> {
    Ok(shape(text, style, rtl)?.iter().map(|s| s.advance).sum::<f32>() * size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_falls_back_and_latin_stays_on_dejavu() {
        let fonts = fonts().unwrap();
        let runs = font_runs(fonts, Style::Regular, "Ánh 李小龍 Ż");
        let kinds: Vec<bool> = runs.iter().map(|(_, f)| *f).collect();
        assert_eq!(kinds, [false, true, false]);
        assert_eq!(&"Ánh 李小龍 Ż"[runs[1].0.clone()], "李小龍");
    }

    #[test]
    fn widths_come_from_the_font() {
        let narrow = width("iiii", Style::Regular, false, 10.0).unwrap();
        let wide = width("WWWW", Style::Regular, false, 10.0).unwrap();
        let bold = width("iiii", Style::Bold, false, 10.0).unwrap();
        assert!(wide > 2.0 * narrow, "{wide} vs {narrow}");
        assert!(bold > narrow);
    }

    #[test]
    fn arabic_is_joined_into_fewer_distinct_forms() {
        // Joined Arabic letters take contextual forms: the glyph of lam at the start of a word
        // differs from lam alone.
        let alone = shape("ل", Style::Regular, true).unwrap();
        let joined = shape("لي", Style::Regular, true).unwrap();
        let lam_alone = alone[0].glyphs[0].glyph_id;
        let lam_joined = joined[0].glyphs.iter().find(|g| g.text_range.start == 0).unwrap();
        assert_ne!(lam_alone, lam_joined.glyph_id);
    }
}
