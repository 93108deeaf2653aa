//! The layout read back with poppler: pages numbered on each, every word of wrapped text
//! extracted once, the title and fonts in the file, the same bytes for the same paper.

#![allow(clippy::unwrap_used)] // test code: a failed step stops the test

mod common;

use common::{info, page_text, poppler, text};
use vigil_core::papers::Paper;
use vigil_pdf::render_pdf;

fn long_paper(rows: usize) -> Paper {
    let mut paper = Paper::new("Discharge sheet", "Ward 3");
    paper.footer = "Łukasz Żółć · session 17".into();
    let section = paper.section("Checks");
    for i in 0..rows {
        section.row(format!("Check {i}"), format!("BP 120/80, HR {i}"));
    }
    paper
}

#[test]
fn a_long_paper_runs_over_pages_numbered_on_each() {
    let pdf = render_pdf(&long_paper(200)).unwrap();
    let pages: usize = info(&pdf, "Pages").parse().unwrap();
    assert!(pages > 3, "{pages} pages");
    let mut rows = 0;
    for n in 1..=pages {
        let text = page_text(&pdf, n);
        assert!(text.contains(&format!("Page {n} of {pages}")), "page {n}:\n{text}");
        assert!(text.contains("Łukasz Żółć · session 17"), "page {n}");
        rows += text.matches("BP 120/80").count();
    }
    assert_eq!(rows, 200);
}

#[test]
fn every_word_of_a_wrapped_value_is_extracted_once() {
    let value: String = (0..400).map(|i| format!("word{i} ")).collect();
    let mut paper = Paper::new("T", "");
    paper.section("S").row("Notes", value.as_str()).line(value.as_str());
    let pdf = render_pdf(&paper).unwrap();
    let text = text(&pdf);
    let words: Vec<&str> = text.split_whitespace().filter(|w| w.starts_with("word")).collect();
    let want: Vec<&str> = value.split_whitespace().collect();
    assert_eq!(words, [want.clone(), want].concat());
    assert!(text.lines().filter(|l| l.contains("word")).count() > 40, "wrapped into many lines");
}

#[test]
fn newlines_and_parentheses_and_backslashes_print_as_typed() {
    let mut paper = Paper::new("Title (draft)", "");
    paper.section("S").row("Escort", "Bob (brother) C:\\home\nsecond line");
    let pdf = render_pdf(&paper).unwrap();
    let text = text(&pdf);
    assert!(text.contains("Bob (brother) C:\\home\nsecond line"), "{text}");
    assert_eq!(info(&pdf, "Title"), "Title (draft)");
}

#[test]
fn the_title_is_the_documents_and_the_page_count_is_right() {
    let mut paper = long_paper(120);
    paper.title = "Fiche de sortie – Nguyễn Thị Ánh".into();
    let pdf = render_pdf(&paper).unwrap();
    assert_eq!(info(&pdf, "Title"), "Fiche de sortie – Nguyễn Thị Ánh");
    let pages: usize = info(&pdf, "Pages").parse().unwrap();
    assert!(page_text(&pdf, pages).contains(&format!("Page {pages} of {pages}")));
    assert_eq!(info(&pdf, "Page size"), "612 x 792 pts (letter)");
}

#[test]
fn the_fonts_are_embedded_as_subsets() {
    let mut paper = common::discharge_sheet("李小龍");
    paper.title = "Discharge sheet".into();
    let pdf = render_pdf(&paper).unwrap();
    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    for name in ["DejaVuSans-Bold", "DejaVuSans", "DroidSansFallback"] {
        let row = rows
            .iter()
            .find(|r| r.split_whitespace().next().unwrap().ends_with(&format!("+{name}")));
        let row = row.unwrap_or_else(|| panic!("{name} not in:\n{fonts}"));
        // emb, sub, uni: embedded, subset, with a ToUnicode map (text extractable).
        let flags: Vec<&str> = row.split_whitespace().rev().skip(2).take(3).collect();
        assert_eq!(flags, ["yes", "yes", "yes"], "{row}");
    }
}

#[test]
fn the_same_paper_gives_the_same_bytes() {
    let mut paper = long_paper(80);
    paper.section("Vital signs").chart = Some(common::chart());
    assert_eq!(render_pdf(&paper).unwrap(), render_pdf(&paper).unwrap());
}

#[test]
fn a_chart_section_draws_its_panels_labels_and_legend() {
    let mut paper = common::discharge_sheet("Zoë O'Brien-Müller");
    paper.section("Vital signs").chart = Some(common::chart());
    let pdf = render_pdf(&paper).unwrap();
    let text = text(&pdf);
    for label in [
        "Blood pressure (mmHg)",
        "Oxygen saturation (%)",
        "Systolic alert 180",
        "SpO2 alert 92",
        "Minutes after the clock start",
        "Systolic",
        "Diastolic",
        "Alert threshold",
    ] {
        assert!(text.contains(label), "{label:?} not in:\n{text}");
    }
    // The drawn lines: the page has more ink than the same paper without its chart.
    let mut plain = common::discharge_sheet("Zoë O'Brien-Müller");
    plain.section("Vital signs");
    assert!(pdf.len() > render_pdf(&plain).unwrap().len() + 1000);
}

#[test]
fn a_chart_panel_is_never_split_across_pages() {
    // Enough rows that the chart falls near a page's end at some count.
    for rows in (30..60).step_by(3) {
        let mut paper = long_paper(rows);
        paper.section("Vital signs").chart = Some(common::chart());
        let pdf = render_pdf(&paper).unwrap();
        let pages: usize = info(&pdf, "Pages").parse().unwrap();
        for n in 1..=pages {
            let text = page_text(&pdf, n);
            // A panel's title, its caption and its legend are always on the same page.
            for title in ["Blood pressure (mmHg)", "Oxygen saturation (%)"] {
                if text.contains(title) {
                    let after = &text[text.find(title).unwrap()..];
                    assert!(
                        after.contains("Minutes after the clock start"),
                        "{rows} rows, page {n}"
                    );
                    assert!(after.contains("Alert threshold"), "{rows} rows, page {n}");
                }
            }
        }
    }
}
