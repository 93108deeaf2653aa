//! Reading a PDF back with poppler's tools (`poppler-utils`, installed by `scripts/setup.sh`):
//! a test fails, never skips, when they are missing.

#![allow(dead_code)] // each test file uses some of the helpers

use std::io::Write;
use std::process::Command;

use vigil_core::papers::Paper;
use vigil_core::trends::{TrendChart, TrendLimit, TrendPanel, TrendPoint, TrendSeries};

/// Runs a poppler tool on `pdf` (written to a temp file) with `args` before the file name.
pub fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let mut file = tempfile::Builder::new().suffix(".pdf").tempfile().unwrap();
    file.write_all(pdf).unwrap();
    file.flush().unwrap();
    let mut command = Command::new(tool);
    command.args(args).arg(file.path());
    if tool == "pdftotext" {
        command.arg("-");
    }
    let output = command.output().unwrap_or_else(|error| {
        panic!("{tool} could not run ({error}): install poppler-utils (scripts/setup.sh)")
    });
    assert!(output.status.success(), "{tool}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

/// The text of the whole file.
pub fn text(pdf: &[u8]) -> String {
    poppler("pdftotext", &["-enc", "UTF-8"], pdf)
}

/// The text of page `n` (from 1).
pub fn page_text(pdf: &[u8], n: usize) -> String {
    let n = n.to_string();
    poppler("pdftotext", &["-enc", "UTF-8", "-f", &n, "-l", &n], pdf)
}

/// `pdfinfo`'s value for `key` ("Title", "Pages").
pub fn info(pdf: &[u8], key: &str) -> String {
    let out = poppler("pdfinfo", &["-enc", "UTF-8"], pdf);
    let line = out.lines().find(|l| l.starts_with(&format!("{key}:"))).unwrap_or_default();
    line[key.len() + 1..].trim().to_string()
}

/// A discharge-sheet-like paper for `name`.
pub fn discharge_sheet(name: &str) -> Paper {
    let mut paper = Paper::new("Discharge sheet", "Vigil test clinic · Room 3");
    paper.footer = format!("{name} · chart 40123 · session 17");
    paper
        .section("Patient")
        .row("Name", name)
        .row("Chart number", "40123")
        .row("Protocol", "Esketamine 84 mg (Spravato)");
    paper
        .section("Recovery")
        .row("Clock start", "09:12")
        .row("Ready to leave", "11:20")
        .row("Left", "11:31, discharged home");
    paper
        .section("Escort")
        .row("Name", "Testy McTestface")
        .line("Do not drive or operate machinery until the next day after a restful sleep.");
    paper
}

/// A chart of two panels with limits.
pub fn chart() -> TrendChart {
    let points = |values: &[i32]| {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| TrendPoint { minute: i as i32 * 20 - 10, value: *v })
            .collect::<Vec<_>>()
    };
    TrendChart {
        panels: vec![
            TrendPanel {
                title: "Blood pressure".into(),
                unit: "mmHg".into(),
                series: vec![
                    TrendSeries {
                        name: "Systolic".into(),
                        points: points(&[128, 151, 162, 140, 131]),
                    },
                    TrendSeries { name: "Diastolic".into(), points: points(&[82, 90, 96, 88, 80]) },
                ],
                limits: vec![TrendLimit { label: "Systolic alert 180".into(), value: 180 }],
            },
            TrendPanel {
                title: "Oxygen saturation".into(),
                unit: "%".into(),
                series: vec![TrendSeries {
                    name: "SpO2".into(),
                    points: points(&[98, 96, 95, 97, 98]),
                }],
                limits: vec![TrendLimit { label: "SpO2 alert 92".into(), value: 92 }],
            },
        ],
    }
}
