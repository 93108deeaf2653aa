//! The dim theme in the real window: with `data-theme="dim"` on `<html>`, no visible element of
//! the board (with open alerts), the admit form, the check form or the settings screen has a
//! pure white background or pure white text. Screenshots of each screen in dim are saved.

use vigil_e2e::{room, By, Desktop, Session};

/// Visible elements whose computed background or text colour is opaque pure white, described as
/// `tag.class "text"`.
const WHITE_ELEMENTS: &str = r#"
const white = 'rgb(255, 255, 255)';
const found = [];
for (const el of [document.documentElement, ...document.querySelectorAll('body *')]) {
  if (el.getClientRects().length === 0) continue;
  const style = getComputedStyle(el);
  if (style.visibility !== 'visible') continue;
  const which = [];
  if (style.backgroundColor === white) which.push('background');
  if (style.color === white && (el.innerText ?? '').trim() !== '') which.push('text');
  if (which.length === 0) continue;
  const name = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ').join('.') : '');
  found.push(`${which.join('+')}: ${name} "${(el.innerText ?? '').trim().slice(0, 30)}"`);
}
return found;
"#;

fn white_elements(app: &Session) -> Vec<String> {
    let found = app.execute(WHITE_ELEMENTS);
    serde_json::from_value(found).expect("a list of strings")
}

/// Sets `data-theme` directly (the choice in Settings is tested in display.rs) and scrolls to
/// the top for the screenshot.
fn set_theme(app: &Session, theme: &str) {
    app.execute(&format!(
        "document.documentElement.dataset.theme = '{theme}'; window.scrollTo(0, 0); return null;"
    ));
}

fn theme_is(app: &Session, theme: &str) -> bool {
    app.execute("return document.documentElement.dataset.theme;").as_str() == Some(theme)
}

/// Switches to dim, checks the screen for white, and saves its screenshot as `theme-dim-<name>`.
/// The app re-applies its own (light) setting on each minute boundary; a scan or screenshot
/// that straddled one is taken again.
fn assert_dim_without_white(desktop: &Desktop, app: &Session, name: &str) {
    for _ in 0..3 {
        set_theme(app, "dim");
        let found = white_elements(app);
        desktop.screenshot(&format!("theme-dim-{name}"));
        if theme_is(app, "dim") {
            assert!(found.is_empty(), "white in the dim theme on the {name} screen: {found:#?}");
            return;
        }
    }
    panic!("the dim theme did not stay applied on the {name} screen");
}

#[test]
fn the_dim_theme_has_no_white_area_on_the_board_forms_and_settings() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    room::admit_twelve(&app);

    // The scan sees white where there is some: the light board's table is white.
    set_theme(&app, "light");
    let light = white_elements(&app);
    assert!(theme_is(&app, "light"));
    assert!(
        light.iter().any(|e| e.starts_with("background")),
        "light has white surfaces: {light:?}"
    );
    desktop.screenshot("theme-light-board");

    assert_dim_without_white(&desktop, &app, "board");

    app.click(&app.find(&By::button("Admit patient")));
    app.find(&By::label("Bay"));
    assert_dim_without_white(&desktop, &app, "admit-form");
    app.click(&app.find(&By::button("Close")));

    app.click(&app.find(&By::button(&format!("Record check for {}", room::bay(0)))));
    app.find(&By::button("Save check"));
    assert_dim_without_white(&desktop, &app, "check-form");
    app.click(&app.find(&By::button("Cancel")));

    app.click(&app.find(&By::button("Settings")));
    app.find(&By::heading("Settings"));
    assert_dim_without_white(&desktop, &app, "settings");
}
