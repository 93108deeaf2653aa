//! Papers (issue 6): the discharge sheet and the Spravato REMS form as one model, a [`Paper`]
//! of titled sections of label/value rows. The UI renders it as HTML to print; [`render_pdf`]
//! turns it into the bytes of a PDF file the shell saves. The PDF writer is hand-made, with the
//! standard Helvetica fonts, so the core takes no new dependency.

mod fonts;
mod paper;
mod pdf;
pub mod rems;
pub mod sheets;

pub use paper::{Paper, PaperRow, PaperSection};
pub use pdf::render_pdf;

#[cfg(test)]
mod tests {
    //! `render_pdf` read back from its bytes: the file's structure and the text it shows.

    use super::*;

    fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
        haystack[from..].windows(needle.len()).position(|w| w == needle).map(|i| i + from)
    }

    fn count(haystack: &[u8], needle: &[u8]) -> usize {
        haystack.windows(needle.len()).filter(|w| *w == needle).count()
    }

    /// The content streams, in page order.
    fn streams(pdf: &[u8]) -> Vec<&[u8]> {
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(start) = find(pdf, b"stream\n", at) {
            let end = find(pdf, b"\nendstream", start).unwrap();
            out.push(&pdf[start + 7..end]);
            at = end + 10;
        }
        out
    }

    /// The strings shown with `Tj` in a content stream, unescaped.
    fn shown(stream: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut bytes = stream.iter().copied();
        while let Some(byte) = bytes.next() {
            if byte != b'(' {
                continue;
            }
            let mut text = Vec::new();
            while let Some(byte) = bytes.next() {
                match byte {
                    b'\\' => text.push(bytes.next().unwrap()),
                    b')' => break,
                    _ => text.push(byte),
                }
            }
            out.push(text);
        }
        out
    }

    fn all_shown(pdf: &[u8]) -> Vec<Vec<u8>> {
        streams(pdf).into_iter().flat_map(shown).collect()
    }

    fn long_paper(rows: usize) -> Paper {
        let mut paper = Paper::new("Discharge sheet", "Ward 3");
        paper.footer = "A. Patient".into();
        let section = paper.section("Checks");
        for i in 0..rows {
            section.row(format!("Check {i}"), format!("BP 120/80, HR {i}"));
        }
        paper
    }

    #[test]
    fn xref_offsets_point_at_their_objects() {
        let pdf = render_pdf(&long_paper(120));
        assert!(pdf.starts_with(b"%PDF-1.4\n"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        let tail = std::str::from_utf8(&pdf[find(&pdf, b"startxref\n", 0).unwrap()..]).unwrap();
        let xref: usize = tail.lines().nth(1).unwrap().parse().unwrap();
        assert!(pdf[xref..].starts_with(b"xref\n0 "));
        let header_end = find(&pdf, b"\n", xref + 5).unwrap() + 1;
        let size: usize =
            std::str::from_utf8(&pdf[xref + 7..header_end - 1]).unwrap().parse().unwrap();
        assert_eq!(&pdf[header_end..header_end + 20], b"0000000000 65535 f \n");
        for object in 1..size {
            let entry = &pdf[header_end + 20 * object..header_end + 20 * (object + 1)];
            assert!(entry.ends_with(b" 00000 n \n"), "entry {object}");
            let offset: usize = std::str::from_utf8(&entry[..10]).unwrap().parse().unwrap();
            assert!(pdf[offset..].starts_with(format!("{object} 0 obj\n").as_bytes()));
        }
        let trailer = format!("trailer\n<< /Size {size} /Root 1 0 R /Info 5 0 R >>");
        assert_eq!(find(&pdf, trailer.as_bytes(), 0), Some(header_end + 20 * size));
        assert!(find(&pdf, b"/Title (Discharge sheet) /Producer (Vigil)", 0).is_some());
    }

    #[test]
    fn stream_lengths_are_exact() {
        let pdf = render_pdf(&long_paper(120));
        let mut at = 0;
        let mut checked = 0;
        while let Some(length) = find(&pdf, b"/Length ", at) {
            let digits_end = find(&pdf, b" >>\nstream\n", length).unwrap();
            let declared: usize =
                std::str::from_utf8(&pdf[length + 8..digits_end]).unwrap().parse().unwrap();
            let start = digits_end + 11;
            assert!(pdf[start + declared..].starts_with(b"\nendstream\nendobj\n"));
            at = start + declared;
            checked += 1;
        }
        assert_eq!(checked, streams(&pdf).len());
        assert!(checked > 1);
    }

    #[test]
    fn a_long_paper_runs_over_pages_numbered_on_each() {
        let pdf = render_pdf(&long_paper(200));
        let pages = streams(&pdf).len();
        assert!(pages > 1);
        assert_eq!(count(&pdf, b"/Type /Page /Parent"), pages);
        assert!(find(&pdf, format!("/Count {pages} >>").as_bytes(), 0).is_some());
        for (i, stream) in streams(&pdf).into_iter().enumerate() {
            let texts = shown(stream);
            assert!(texts.contains(&format!("Page {} of {pages}", i + 1).into_bytes()));
            assert!(texts.contains(&b"A. Patient".to_vec()));
        }
        let rows = all_shown(&pdf).iter().filter(|t| t.starts_with(b"BP 120/80")).count();
        assert_eq!(rows, 200);
    }

    #[test]
    fn escapes_parentheses_and_backslashes() {
        let mut paper = Paper::new("Title (draft)", "");
        paper.section("S").row("Escort", r"Bob (brother) C:\home");
        let pdf = render_pdf(&paper);
        assert!(find(&pdf, br"(Bob \(brother\) C:\\home) Tj", 0).is_some());
        assert!(find(&pdf, br"/Title (Title \(draft\))", 0).is_some());
        assert!(all_shown(&pdf).contains(&br"Bob (brother) C:\home".to_vec()));
    }

    #[test]
    fn shows_text_in_winansi_and_titles_in_utf_16() {
        let mut paper = Paper::new("Fiche – 漢", "");
        paper.section("S").line("é–漢");
        let pdf = render_pdf(&paper);
        assert!(find(&pdf, b"(\xE9\x96?) Tj", 0).is_some());
        assert!(find(&pdf, b"/Title <FEFF004600690063006800650020201300206F22>", 0).is_some());
        assert_eq!(count(&pdf, b"/Encoding /WinAnsiEncoding"), 2);
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let value: String = (0..400).map(|i| format!("word{i} ")).collect();
        let mut paper = Paper::new("T", "");
        paper.section("S").row("Notes", value.as_str()).line(value.as_str());
        let pdf = render_pdf(&paper);
        let texts = all_shown(&pdf);
        let words: Vec<String> = texts
            .iter()
            .flat_map(|t| {
                String::from_utf8_lossy(t).split_whitespace().map(String::from).collect::<Vec<_>>()
            })
            .filter(|w| w.starts_with("word"))
            .collect();
        let want: Vec<&str> = value.split_whitespace().collect();
        assert_eq!(words, [want.clone(), want].concat());
        assert!(texts.len() > 60, "wrapped into many lines");
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        for rows in 30..70 {
            let mut paper = long_paper(rows);
            paper.section("Escort").row("Name", "B. Escort");
            for stream in streams(&render_pdf(&paper)) {
                let text = std::str::from_utf8(stream).unwrap_or_default().to_string();
                let body: Vec<&str> = text.lines().filter(|l| !l.contains(" 8 Tf ")).collect();
                assert!(!body.last().unwrap().starts_with("BT /F2 12 Tf"), "{rows} rows");
            }
        }
    }

    #[test]
    fn the_same_paper_gives_the_same_bytes() {
        assert_eq!(render_pdf(&long_paper(80)), render_pdf(&long_paper(80)));
    }
}
