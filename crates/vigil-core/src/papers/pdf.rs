//! A paper as a PDF 1.4 file, written by hand (no PDF crate): the paper is cut into strips of
//! text, the strips are laid on US Letter pages, then the objects, the cross-reference table and
//! the trailer are written. Content streams are left uncompressed; the output holds no clock, so
//! the same paper always gives the same bytes.

use super::fonts::{self, Font};
use super::paper::{Paper, PaperRow};

const PAGE_WIDTH: f32 = 612.0;
const PAGE_HEIGHT: f32 = 792.0;
const MARGIN: f32 = 54.0;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// Width of the label column; the value column takes the rest.
const LABEL_COLUMN: f32 = 170.0;
const COLUMN_GAP: f32 = 10.0;
const FOOTER_SIZE: f32 = 8.0;
/// The footer sits on the bottom margin; the body stays this high above the page's bottom edge.
const BODY_BOTTOM: f32 = MARGIN + 18.0;
const ROW_SIZE: f32 = 10.0;
const ROW_LEADING: f32 = 13.0;

/// Text at an x position, on the baseline `size` below the top of its strip.
#[derive(Debug)]
struct Run {
    font: Font,
    size: f32,
    x: f32,
    text: Vec<u8>,
}

/// A strip of the page that is never split: one line of text, or the rule under the title.
#[derive(Debug)]
struct Strip {
    /// Space above the strip, dropped at the top of a page.
    gap: f32,
    height: f32,
    runs: Vec<Run>,
    rule: bool,
    /// Goes to the next page with the strip after it rather than end a page: a heading line,
    /// or a row's line that is not its last.
    keep_with_next: bool,
}

/// Lines of `text` wrapped to the full width, each a strip of `leading` kept with the next;
/// `gap` above the first.
fn lines(text: &str, font: Font, size: f32, leading: f32, gap: f32) -> Vec<Strip> {
    let wrapped = fonts::wrap(text, font, size, CONTENT_WIDTH);
    let last = wrapped.len().saturating_sub(1);
    wrapped
        .into_iter()
        .enumerate()
        .map(|(i, text)| Strip {
            gap: if i == 0 { gap } else { 0.0 },
            height: leading,
            runs: vec![Run { font, size, x: MARGIN, text }],
            rule: false,
            keep_with_next: i < last,
        })
        .collect()
}

/// A row's strips: the bold label beside its value, or a free line across the width.
fn row_strips(row: &PaperRow, gap: f32) -> Vec<Strip> {
    if row.label.is_empty() {
        return lines(&row.value, Font::Regular, ROW_SIZE, ROW_LEADING, gap);
    }
    let labels = fonts::wrap(&row.label, Font::Bold, ROW_SIZE, LABEL_COLUMN - COLUMN_GAP);
    let values = fonts::wrap(&row.value, Font::Regular, ROW_SIZE, CONTENT_WIDTH - LABEL_COLUMN);
    let (mut labels, mut values) = (labels.into_iter(), values.into_iter());
    let mut strips = Vec::new();
    loop {
        let label =
            labels.next().map(|text| Run { font: Font::Bold, size: ROW_SIZE, x: MARGIN, text });
        let value = values.next().map(|text| Run {
            font: Font::Regular,
            size: ROW_SIZE,
            x: MARGIN + LABEL_COLUMN,
            text,
        });
        if label.is_none() && value.is_none() {
            return strips;
        }
        let gap = if strips.is_empty() { gap } else { 0.0 };
        if let Some(previous) = strips.last_mut() {
            previous.keep_with_next = true;
        }
        let runs = label.into_iter().chain(value).collect();
        strips.push(Strip { gap, height: ROW_LEADING, runs, rule: false, keep_with_next: false });
    }
}

/// The whole paper as strips, top to bottom.
fn strips(paper: &Paper) -> Vec<Strip> {
    let mut out = Vec::new();
    if !paper.title.is_empty() {
        out.extend(lines(&paper.title, Font::Bold, 16.0, 20.0, 0.0));
    }
    if !paper.subtitle.is_empty() {
        out.extend(lines(&paper.subtitle, Font::Regular, 10.0, 14.0, 2.0));
    }
    out.push(Strip { gap: 0.0, height: 10.0, runs: Vec::new(), rule: true, keep_with_next: false });
    for section in &paper.sections {
        if !section.heading.is_empty() {
            let mut heading = lines(&section.heading, Font::Bold, 12.0, 16.0, 12.0);
            if let Some(last) = heading.last_mut() {
                last.keep_with_next = !section.rows.is_empty();
            }
            out.extend(heading);
        }
        for (i, row) in section.rows.iter().enumerate() {
            out.extend(row_strips(row, if i == 0 { 2.0 } else { 3.0 }));
        }
    }
    out
}

/// A strip placed on a page, with the y of its top.
type Page = Vec<(f32, Strip)>;

/// Lays the strips on pages: a new page when the next strip (with the strips it keeps with)
/// would cross the body's bottom, unless the page is still empty.
fn paginate(strips: Vec<Strip>) -> Vec<Page> {
    let mut needs = vec![0.0; strips.len()];
    for i in (0..strips.len()).rev() {
        let next =
            if strips[i].keep_with_next { needs.get(i + 1).copied().unwrap_or(0.0) } else { 0.0 };
        needs[i] = strips[i].gap + strips[i].height + next;
    }
    let top = PAGE_HEIGHT - MARGIN;
    let mut pages: Vec<Page> = vec![Vec::new()];
    let mut y = top;
    for (strip, need) in strips.into_iter().zip(needs) {
        // What cannot fit on any page is not kept together.
        let need = if need > top - BODY_BOTTOM { strip.gap + strip.height } else { need };
        if y < top && y - need < BODY_BOTTOM {
            pages.push(Vec::new());
            y = top;
        }
        if y < top {
            y -= strip.gap;
        }
        let height = strip.height;
        if let Some(page) = pages.last_mut() {
            page.push((y, strip));
        }
        y -= height;
    }
    pages
}

/// A number as PDF writes it: at most two decimals, no trailing zeros.
fn num(value: f32) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Bytes as a PDF literal string, `(`, `)` and `\` escaped.
fn literal(bytes: &[u8], out: &mut Vec<u8>) {
    out.push(b'(');
    for &byte in bytes {
        if matches!(byte, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(byte);
    }
    out.push(b')');
}

fn show(run: &Run, baseline: f32, out: &mut Vec<u8>) {
    let (font, size, x) = (run.font.resource(), num(run.size), num(run.x));
    out.extend_from_slice(format!("BT /{font} {size} Tf {x} {} Td ", num(baseline)).as_bytes());
    literal(&run.text, out);
    out.extend_from_slice(b" Tj ET\n");
}

/// The content stream of page `number` (from 1) of `count`.
fn content(page: &Page, footer: &str, number: usize, count: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for (top, strip) in page {
        if strip.rule {
            let y = num(top - strip.height / 2.0);
            let (left, right) = (num(MARGIN), num(PAGE_WIDTH - MARGIN));
            out.extend_from_slice(format!("0.5 w {left} {y} m {right} {y} l S\n").as_bytes());
        }
        for run in strip.runs.iter().filter(|run| !run.text.is_empty()) {
            show(run, top - run.size, &mut out);
        }
    }
    let label = fonts::encode(&format!("Page {number} of {count}"));
    let label_width = Font::Regular.width(&label, FOOTER_SIZE);
    let left =
        fonts::truncate(footer, Font::Regular, FOOTER_SIZE, CONTENT_WIDTH - label_width - 12.0);
    let right_x = PAGE_WIDTH - MARGIN - label_width;
    for (x, text) in [(MARGIN, left), (right_x, label)].into_iter().filter(|(_, t)| !t.is_empty()) {
        show(&Run { font: Font::Regular, size: FOOTER_SIZE, x, text }, MARGIN, &mut out);
    }
    out
}

/// The Info dictionary's title: a literal string when plain ASCII, else UTF-16BE with its mark.
fn text_string(text: &str, out: &mut Vec<u8>) {
    if text.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        literal(text.as_bytes(), out);
        return;
    }
    out.extend_from_slice(b"<FEFF");
    for unit in text.encode_utf16() {
        out.extend_from_slice(format!("{unit:04X}").as_bytes());
    }
    out.push(b'>');
}

/// A PDF file being written: objects numbered from 1 in the order written, and their offsets.
#[derive(Debug)]
struct PdfFile {
    bytes: Vec<u8>,
    offsets: Vec<usize>,
}

impl PdfFile {
    fn new() -> Self {
        // The comment of high bytes marks the file as binary for transfer tools.
        Self { bytes: b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec(), offsets: Vec::new() }
    }

    fn object(&mut self, body: &[u8]) {
        self.offsets.push(self.bytes.len());
        self.bytes.extend_from_slice(format!("{} 0 obj\n", self.offsets.len()).as_bytes());
        self.bytes.extend_from_slice(body);
        self.bytes.extend_from_slice(b"\nendobj\n");
    }

    fn stream(&mut self, content: &[u8]) {
        let mut body = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        body.extend_from_slice(content);
        body.extend_from_slice(b"\nendstream");
        self.object(&body);
    }

    /// The cross-reference table (20-byte entries) and the trailer; the Info is object 5.
    fn finish(mut self) -> Vec<u8> {
        let xref = self.bytes.len();
        let size = self.offsets.len() + 1;
        self.bytes.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
        for offset in &self.offsets {
            self.bytes.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
        }
        let trailer = format!(
            "trailer\n<< /Size {size} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n"
        );
        self.bytes.extend_from_slice(trailer.as_bytes());
        self.bytes
    }
}

/// The paper as a PDF 1.4 file: US Letter portrait, 54 pt margins, Helvetica and Helvetica-Bold
/// (standard fonts, not embedded) in WinAnsi encoding, so characters outside Windows-1252
/// print as `?`. Every page carries `paper.footer` and "Page N of M". Deterministic.
pub fn render_pdf(paper: &Paper) -> Vec<u8> {
    let pages = paginate(strips(paper));
    let count = pages.len();
    let mut file = PdfFile::new();
    file.object(b"<< /Type /Catalog /Pages 2 0 R >>");
    let kids: Vec<String> = (0..count).map(|i| format!("{} 0 R", 6 + 2 * i)).collect();
    file.object(format!("<< /Type /Pages /Kids [{}] /Count {count} >>", kids.join(" ")).as_bytes());
    let fonts = [Font::Regular, Font::Bold];
    for font in fonts {
        let base = font.base_font();
        let dict = format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{base} /Encoding /WinAnsiEncoding >>"
        );
        file.object(dict.as_bytes());
    }
    let mut info = b"<< /Title ".to_vec();
    text_string(&paper.title, &mut info);
    info.extend_from_slice(b" /Producer (Vigil) >>");
    file.object(&info);
    let resources: Vec<String> = fonts
        .iter()
        .enumerate()
        .map(|(i, font)| format!("/{} {} 0 R", font.resource(), 3 + i))
        .collect();
    for (i, page) in pages.iter().enumerate() {
        let (width, height, contents) = (num(PAGE_WIDTH), num(PAGE_HEIGHT), 7 + 2 * i);
        let dict = format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] \
             /Resources << /Font << {} >> >> /Contents {contents} 0 R >>",
            resources.join(" ")
        );
        file.object(dict.as_bytes());
        file.stream(&content(page, &paper.footer, i + 1, count));
    }
    file.finish()
}
