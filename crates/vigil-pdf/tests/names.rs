//! Names in every script print as typed: the PDF read back with `pdftotext` holds them exactly.

#![allow(clippy::unwrap_used)] // test code: a failed step stops the test

mod common;

use common::{discharge_sheet, text};

fn assert_name_prints(name: &str) {
    let pdf = vigil_pdf::render_pdf(&discharge_sheet(name)).unwrap();
    let text = text(&pdf);
    assert!(text.contains(name), "{name:?} not in:\n{text}");
}

#[test]
fn vietnamese_name_prints_exactly() {
    assert_name_prints("Nguyễn Thị Ánh");
}

#[test]
fn polish_name_prints_exactly() {
    assert_name_prints("Łukasz Żółć");
}

#[test]
fn name_with_diaeresis_apostrophe_and_hyphen_prints_exactly() {
    assert_name_prints("Zoë O'Brien-Müller");
}

#[test]
fn chinese_name_prints_exactly() {
    assert_name_prints("李小龍");
}

#[test]
fn quoted_name_with_comma_prints_exactly() {
    assert_name_prints("Test, Patient \"Quoted\"");
}

/// Poppler gives right-to-left text back in logical (reading) order, wrapped in the
/// embedding marks RLE (U+202B) and PDF (U+202C): the name as typed sits between them. Were the
/// runs drawn in the wrong order or unshaped, the letters would come back reversed.
fn assert_rtl_name_prints(name: &str) {
    let pdf = vigil_pdf::render_pdf(&discharge_sheet(name)).unwrap();
    let text = text(&pdf);
    let embedded = format!("\u{202B}{name}\u{202C}");
    assert!(text.contains(&embedded), "{embedded:?} not in:\n{text}");
    let reversed: String = name.chars().rev().collect();
    assert!(!text.contains(&reversed), "{name:?} came back reversed:\n{text}");
}

#[test]
fn hebrew_name_prints_in_reading_order() {
    assert_rtl_name_prints("דוד לוי");
}

#[test]
fn arabic_name_prints_in_reading_order() {
    assert_rtl_name_prints("ليلى حداد");
}
