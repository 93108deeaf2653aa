//! Prints the size and render time (p50, p99) of a typical discharge sheet (with its vital
//! signs chart) and of a ten-page paper (`make bench-pdf`). Fictional names only.

use std::time::Instant;

use vigil_core::papers::Paper;
use vigil_core::trends::{TrendChart, TrendLimit, TrendPanel, TrendPoint, TrendSeries};

fn series(name: &str, base: i32) -> TrendSeries {
    let points = (0..9).map(|i| TrendPoint { minute: i * 15 - 10, value: base + (i * 7) % 13 });
    TrendSeries { name: name.into(), points: points.collect() }
}

fn panel(title: &str, unit: &str, series: Vec<TrendSeries>, limit: i32) -> TrendPanel {
    let limits = vec![TrendLimit { label: format!("{title} alert {limit}"), value: limit }];
    TrendPanel { title: title.into(), unit: unit.into(), series, limits }
}

fn discharge_sheet() -> Paper {
    let mut paper = Paper::new("Discharge sheet for Bay 3", "Vigil test clinic");
    paper.footer = "Nguyễn Thị Ánh · chart 40123 · session 17".into();
    paper.section("Patient").row("Name", "Nguyễn Thị Ánh").row("Chart number", "40123");
    paper.section("Recovery").row("Clock start", "2026-07-01 09:12").row("Ready", "11:20");
    let checks = paper.section("Checks");
    for i in 0..9 {
        checks.row(format!("Check {} min", i * 15), "BP 128/82, HR 74, SpO2 98 %, alert, calm");
    }
    paper.section("Escort").row("Name", "Zoë O'Brien-Müller (sister)").row("Phone", "555-0100");
    paper.section("Instructions").line("Do not drive until the next day after a restful sleep.");
    paper.section("Vital signs").chart = Some(TrendChart {
        panels: vec![
            panel(
                "Blood pressure",
                "mmHg",
                vec![series("Systolic", 125), series("Diastolic", 80)],
                180,
            ),
            panel("Heart rate", "beats/min", vec![series("Heart rate", 70)], 120),
            panel("Oxygen saturation", "%", vec![series("SpO2", 94)], 92),
        ],
    });
    paper
}

fn ten_pages() -> Paper {
    let mut paper = Paper::new("Day report 2026-07-01", "Vigil test clinic");
    paper.footer = "Day report".into();
    let names = ["Nguyễn Thị Ánh", "Łukasz Żółć", "Zoë O'Brien-Müller", "李小龍", "דוד לוי"];
    let section = paper.section("Patients");
    for i in 0..400 {
        section
            .row(names[i % names.len()], format!("Session {i}: ready after 118 min, discharged"));
    }
    paper
}

fn measure(name: &str, paper: &Paper, runs: usize) {
    let mut times = Vec::with_capacity(runs);
    let mut size = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let Ok(pdf) = vigil_pdf::render_pdf(paper) else { panic!("{name}: render failed") };
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        size = pdf.len();
    }
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name}: {size} bytes, render p50 {:.1} ms, p99 {:.1} ms ({runs} runs)",
        at(0.5),
        at(0.99)
    );
}

fn main() {
    // The first render reads the embedded fonts once; it is timed apart.
    let start = Instant::now();
    let Ok(_) = vigil_pdf::render_pdf(&discharge_sheet()) else { panic!("first render failed") };
    println!("first render (fonts parsed): {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    measure("discharge sheet (1 page + chart)", &discharge_sheet(), 100);
    measure("ten-page paper (400 rows)", &ten_pages(), 30);
}
