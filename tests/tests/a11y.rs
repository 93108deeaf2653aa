//! Accessibility inside the real window: axe-core (pinned in ui/package.json) injected through
//! WebDriver and run on the board with twelve patients and two open alerts, on the check form
//! and on the discharge dialog, in the light and the dim theme (chosen in Settings). Any
//! serious or critical violation fails the test; every run's counts are printed.

use vigil_e2e::axe::{self, Report};
use vigil_e2e::room;
use vigil_e2e::{display, By, Desktop, Session};

/// Runs axe on what is shown now and prints its report under `screen`.
fn check(app: &Session, screen: &str, reports: &mut Vec<(String, Report)>) {
    let report = axe::run(app);
    println!("{screen}: {report}");
    reports.push((screen.to_owned(), report));
}

/// The check can fail: a nameless button and grey-on-grey text planted in the page are found
/// (serious or critical, with the contrast figures), then removed.
fn assert_axe_sees_planted_faults(app: &Session) {
    app.execute(
        "const box = document.createElement('div'); box.id = 'planted-faults'; \
         const b = document.createElement('button'); box.append(b); \
         const p = document.createElement('p'); p.textContent = 'Faint text'; \
         p.style.color = '#999'; p.style.background = '#aaa'; box.append(p); \
         document.querySelector('main').append(box);",
    );
    let report = axe::run(app);
    println!("planted faults: {report}");
    app.execute("document.getElementById('planted-faults').remove();");
    let serious: Vec<&str> =
        report.violations.iter().filter(|v| v.is_serious()).map(|v| v.rule.as_str()).collect();
    assert!(
        serious.contains(&"button-name") && serious.contains(&"color-contrast"),
        "axe missed the planted faults: {serious:?}"
    );
}

#[test]
fn axe_finds_nothing_serious_on_the_board_check_form_and_discharge_dialog_in_both_themes() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    room::admit_twelve(&app);
    assert_axe_sees_planted_faults(&app);
    let mut reports = Vec::new();
    for (label, theme) in [("Light", "light"), ("Dim", "dim")] {
        display::choose_theme(&app, label, theme);
        app.find(&By::row("Bay 12"));
        check(&app, &format!("board, {theme}"), &mut reports);

        app.row_action("Bay 1", "Record check for Bay 1");
        app.find(&By::heading("Check for Bay 1 (Testy McTestface)"));
        check(&app, &format!("check form, {theme}"), &mut reports);
        desktop.screenshot(&format!("a11y-check-form-{theme}"));
        app.click(&app.find(&By::button("Cancel")));
        app.find(&By::row("Bay 1"));

        app.row_action("Bay 2", "Discharge Bay 2");
        app.find(&By::heading("Discharge Bay 2"));
        check(&app, &format!("discharge dialog, {theme}"), &mut reports);
        desktop.screenshot(&format!("a11y-discharge-{theme}"));
        app.click(&app.find(&By::button("Cancel")));
        app.find(&By::row("Bay 2"));
    }
    println!("summary (violated rules, of which serious or critical):");
    for (screen, r) in &reports {
        let serious = r.violations.iter().filter(|v| v.is_serious()).count();
        println!("  {screen}: {} violated, {serious} serious or critical", r.violations.len());
    }
    let failing: Vec<String> = reports
        .iter()
        .flat_map(|(screen, r)| {
            r.violations.iter().filter(|v| v.is_serious()).map(move |v| {
                let targets: Vec<String> = v
                    .nodes
                    .iter()
                    .map(|n| match &n.contrast {
                        Some(c) => format!("{} ({c})", n.target),
                        None => n.target.clone(),
                    })
                    .collect();
                format!("{screen}: [{}] {}: {}", v.impact, v.rule, targets.join("; "))
            })
        })
        .collect();
    assert!(failing.is_empty(), "serious or critical violations:\n{}", failing.join("\n"));
}
