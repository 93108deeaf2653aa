//! The whole room at a glance, measured in the real window: twelve admitted patients (two with
//! an open alert) fit without scrolling at 1366x768 and 1200x800; at 1366x768 an
//! administrator's header buttons (History, Reports and Audit trail in its "Records" menu) are
//! on one line, and the open menu is inside the window; no width from 1024 px to
//! 1920 px scrolls sideways; at 200 % text nothing is cut and the alert strip stays pinned
//! while the page scrolls; screenshots of the light and dim themes (chosen in Settings) at
//! 1366x768 are kept as artifacts.

use vigil_e2e::layout;
use vigil_e2e::room::{self, NAMES};
use vigil_e2e::{display, By, Desktop, Session};

/// What a check found wrong, kept so that one run reports every size, then fails.
type Problems = Vec<String>;

/// Every row inside the viewport and clear of the pinned strip; the page not wider than the
/// window. Prints what it measured.
fn room_fits(app: &Session, size: &str, problems: &mut Problems) {
    // As the board first shows: scrolled to the top (clicks scroll their target into view).
    app.execute("window.scrollTo(0, 0);");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let (width, height) = layout::viewport(app);
    let tall = app.execute("return document.documentElement.scrollHeight;");
    let Some(strip) = layout::alert_strip(app) else {
        problems.push(format!("{size}: no alert strip (a section named \"Alerts\")"));
        return;
    };
    let rows = layout::row_rects(app);
    println!("{size}: viewport {width}x{height}, page height {tall}, alert strip {strip:?}");
    for (bay, r) in &rows {
        println!("  {bay}: x {:.1}..{:.1}, y {:.1}..{:.1}", r.left, r.right, r.top, r.bottom);
    }
    if rows.len() != NAMES.len() {
        problems.push(format!("{size}: {} rows for {} patients", rows.len(), NAMES.len()));
    }
    for (bay, r) in &rows {
        if !r.inside(width, height) || r.overlaps(&strip) {
            problems.push(format!(
                "{size}: {bay} at y {:.1}..{:.1}, x {:.1}..{:.1} is outside the {width}x{height} \
                 viewport or under the alert strip (y {:.1}..{:.1})",
                r.top, r.bottom, r.left, r.right, strip.top, strip.bottom
            ));
        }
    }
    no_sideways_scroll(app, size, problems);
}

/// The page's scroll width equals its client width and nothing reaches past the window.
fn no_sideways_scroll(app: &Session, size: &str, problems: &mut Problems) {
    let (scroll, client) = layout::scroll_width(app);
    println!("{size}: scrollWidth {scroll}, clientWidth {client}");
    if scroll != client {
        problems.push(format!("{size}: scrollWidth {scroll} != clientWidth {client}"));
    }
    problems.extend(layout::horizontal_overflow(app).into_iter().map(|p| format!("{size}: {p}")));
}

/// Nothing is cut off.
fn nothing_clipped(app: &Session, size: &str, problems: &mut Problems) {
    problems.extend(layout::clipped(app).into_iter().map(|p| format!("{size}: cut: {p}")));
}

/// Scrolls to the bottom of the page and checks the alert strip is still in view at the top.
fn strip_pinned_after_scrolling(app: &Session, size: &str, problems: &mut Problems) {
    let (_, height) = layout::viewport(app);
    let tall = app.execute("return document.documentElement.scrollHeight;");
    if tall.as_f64() <= Some(height) {
        problems.push(format!("{size}: the page ({tall} px) must be taller than the window here"));
        return;
    }
    app.execute("window.scrollTo(0, document.documentElement.scrollHeight);");
    std::thread::sleep(std::time::Duration::from_millis(300));
    let scrolled = app.execute("return window.scrollY;").as_f64().expect("scrollY");
    let strip = layout::alert_strip(app);
    println!("{size}: page height {tall}, scrolled to y {scrolled}; alert strip at {strip:?}");
    match strip {
        Some(s) if scrolled > 0.0 && s.top >= 0.0 && s.bottom <= height && s.top < height / 4.0 => {
        }
        _ => problems.push(format!(
            "{size}: after scrolling to y {scrolled} the alert strip is not in view at the top: \
             {strip:?}"
        )),
    }
    app.execute("window.scrollTo(0, 0);");
}

/// The header's buttons (an administrator's whole set: Admit patient, Forms due, Records,
/// Settings, People, Lock, Sign out) on one line; the open "Records" menu inside the window.
fn header_on_one_line(app: &Session, size: &str, problems: &mut Problems) {
    let tops = app.execute(
        "return [...document.querySelectorAll('header.top button')] \
         .filter(b => b.getClientRects().length > 0) \
         .map(b => [b.textContent.trim(), Math.round(b.getBoundingClientRect().top)]);",
    );
    println!("{size}: header buttons (name, top): {tops}");
    let tops: Vec<(String, i64)> = serde_json::from_value(tops).expect("names and tops");
    if tops.len() < 7 || tops.iter().any(|(_, top)| *top != tops[0].1) {
        problems.push(format!("{size}: the header's buttons are not on one line: {tops:?}"));
    }
    let records = app.find(&By::button("Records"));
    app.click(&records);
    app.find(&By::button("Audit trail"));
    let (width, height) = layout::viewport(app);
    let list = app.execute(
        "const r = document.getElementById(document.evaluate(\"//button[normalize-space()='Records']\", \
         document, null, 9, null).singleNodeValue.getAttribute('aria-controls')).getBoundingClientRect(); \
         return [r.left, r.top, r.right, r.bottom];",
    );
    let edges: Vec<f64> = serde_json::from_value(list).expect("the list's edges");
    if edges[0] < 0.0 || edges[1] < 0.0 || edges[2] > width || edges[3] > height {
        problems.push(format!("{size}: the open Records menu is outside the window: {edges:?}"));
    }
    app.press_keys(vigil_e2e::keys::ESCAPE);
    if app.attribute(&records, "aria-expanded").as_deref() != Some("false") {
        problems.push(format!("{size}: Escape did not close the Records menu"));
    }
}

fn assert_none(problems: &Problems) {
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn twelve_patients_fit_at_1366x768_and_1200x800_and_the_alerts_stay_pinned_at_200_percent_text() {
    let mut desktop = Desktop::start_with_screen(1920, 1080);
    let app = desktop.launch_app();
    room::admit_twelve(&app);
    let mut problems = Problems::new();
    for (w, h) in [(1366, 768), (1200, 800)] {
        let size = format!("{w}x{h}");
        layout::resize(&app, w, h);
        app.execute("window.scrollTo(0, 0);");
        let png = desktop.screenshot(&format!("board-twelve-{size}"));
        layout::crop_to_window(&app, &png);
        room_fits(&app, &size, &mut problems);
        if w == 1366 {
            header_on_one_line(&app, &size, &mut problems);
        }
        // The long check form makes the page scroll: the alerts stay in view above it.
        app.click(&app.find(&By::button("Record check for Bay 1")));
        app.find(&By::heading("Check for Bay 1 (Testy McTestface)"));
        strip_pinned_after_scrolling(&app, &format!("{size}, check form open"), &mut problems);
        app.click(&app.find(&By::button("Cancel")));
        app.find(&By::row("Bay 1"));
    }
    for (w, h) in [(1366, 768), (1200, 800), (1024, 768)] {
        let size = format!("{w}x{h} at 200 % text");
        layout::resize(&app, w, h);
        let zoom = layout::zoom_text(&app, 2.0);
        let (base, zoomed) = zoom.root;
        println!("{size}: root font {base} px -> {zoomed} px");
        assert_eq!(zoomed, base * 2.0);
        problems.extend(zoom.not_grown.iter().map(|el| format!("{size}: text not zoomed: {el}")));
        no_sideways_scroll(&app, &size, &mut problems);
        nothing_clipped(&app, &size, &mut problems);
        strip_pinned_after_scrolling(&app, &size, &mut problems);
        if w == 1366 {
            let png = desktop.screenshot("board-200-percent-text-1366x768");
            layout::crop_to_window(&app, &png);
        }
        layout::zoom_text(&app, 1.0);
    }
    assert_none(&problems);
}

#[test]
fn no_width_from_1024_to_1920_scrolls_sideways_or_cuts_text() {
    let mut desktop = Desktop::start_with_screen(1920, 1080);
    let app = desktop.launch_app();
    room::admit_twelve(&app);
    let mut problems = Problems::new();
    for (w, h) in [(1024, 768), (1280, 800), (1366, 768), (1920, 1080)] {
        let size = format!("{w}x{h}");
        let (vw, vh) = layout::resize(&app, w, h);
        println!("{size}: viewport {vw}x{vh}");
        no_sideways_scroll(&app, &size, &mut problems);
        nothing_clipped(&app, &size, &mut problems);
    }
    let png = desktop.screenshot("board-1920x1080");
    layout::crop_to_window(&app, &png);
    assert_none(&problems);
}

#[test]
fn screenshots_of_the_light_and_dim_themes_at_1366x768() {
    let mut desktop = Desktop::start_with_screen(1920, 1080);
    let app = desktop.launch_app();
    room::admit_twelve(&app);
    layout::resize(&app, 1366, 768);
    let mut problems = Problems::new();
    for (label, theme) in [("Light", "light"), ("Dim", "dim")] {
        display::choose_theme(&app, label, theme);
        app.find(&By::row("Bay 12"));
        app.execute("window.scrollTo(0, 0);");
        let png = desktop.screenshot(&format!("board-{theme}-1366x768"));
        layout::crop_to_window(&app, &png);
        println!("screenshot: {}", png.display());
        room_fits(&app, &format!("1366x768, {theme} theme"), &mut problems);
    }
    assert_none(&problems);
}
