//! Vigil's papers (`vigil_core::papers::Paper`) as PDF files, written with krilla.
//!
//! A crate of its own so the core stays free of a heavy PDF dependency (krilla, its font
//! parsing and subsetting). No I/O: the fonts are embedded with `include_bytes!`
//! (`fonts/README.md` says where each comes from and its licence) and the caller saves the bytes.
//! Text is real text: every name prints as typed in DejaVu Sans (Droid Sans Fallback for CJK),
//! right-to-left names in their own order and shaping, and stays extractable (copy, search,
//! `pdftotext`).

mod chart;
mod draw;
mod fonts;
mod layout;
mod text;

use krilla::geom::Size;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::{Document, SerializeSettings};
use vigil_core::papers::Paper;

/// Why a paper could not be made into a PDF. Never carries the paper's content.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded fonts could not be read")]
    Fonts,
    #[error("the PDF could not be written ({0})")]
    Write(&'static str),
}

impl From<fonts::FontsMissing> for PdfError {
    fn from(_: fonts::FontsMissing) -> Self {
        Self::Fonts
    }
}

/// The paper as a PDF file: US Letter portrait, 54 pt margins, DejaVu Sans with Droid Sans
/// Fallback (subset, embedded). Every page carries `paper.footer` and "Page N of M"; the
/// document's title is the paper's. No date or clock: the same paper gives the same bytes.
pub fn render_pdf(paper: &Paper) -> Result<Vec<u8>, PdfError> {
    let pages = layout::pages(paper)?;
    let count = pages.len();
    let settings = SerializeSettings { enable_tagging: false, ..SerializeSettings::default() };
    let mut document = Document::new_with(settings);
    let size = Size::from_wh(layout::PAGE_WIDTH, layout::PAGE_HEIGHT)
        .ok_or(PdfError::Write("page size"))?;
    for (i, strips) in pages.iter().enumerate() {
        let mut page = document.start_page_with(PageSettings::new(size));
        let mut surface = page.surface();
        draw::page(&mut surface, strips, &paper.footer, i + 1, count)?;
        surface.finish();
        page.finish();
    }
    let mut metadata = Metadata::new().producer("Vigil".into());
    if !paper.title.is_empty() {
        metadata = metadata.title(paper.title.clone());
    }
    document.set_metadata(metadata);
    document.finish().map_err(|error| {
        PdfError::Write(match error {
            krilla::error::KrillaError::Font(..) => "font",
            krilla::error::KrillaError::Limit(..) => "limit",
            _ => "other",
        })
    })
}
