//! The About panel and the autostart switch in the real app (issue 17). About shows what
//! `vigil --version` of the same binary prints, and this test's data directory. The app is
//! given its own `XDG_CONFIG_DIRS` (a temporary folder standing for `/etc/xdg`, so the test
//! never depends on a package installed on the machine); its `XDG_CONFIG_HOME` is the
//! desktop's. With the setting on, a start removes Vigil's leftover override and writes no
//! entry. An administrator turns autostart off (the override holds `Hidden=true`), a
//! restart keeps it and puts back an override an IT person removed, on removes the override
//! where the package's entry exists and writes a user entry starting this binary where it does
//! not; the Settings screen has no sideways scroll at 1366x768; a nurse sees no switch.

use std::path::Path;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{layout, nurse, By, Desktop, Session};

const SWITCH: &str = "Start Vigil when the workstation's desktop session starts";
const SAVE: &str = "Save start with the workstation";
const SYSTEM_ENTRY: &str = "[Desktop Entry]\nType=Application\nName=Vigil\nExec=/usr/bin/vigil\n";
const LEFTOVER_OVERRIDE: &str = "[Desktop Entry]\nType=Application\nName=Vigil\n\
    Exec=/usr/bin/vigil\nHidden=true\nX-Vigil-Override=true\n";

fn open_settings(app: &Session) {
    app.click(&app.find(&By::button("Settings")));
    app.find(&By::heading("Settings"));
    app.find(&By::heading("About Vigil"));
}

/// The About panel's definition list: each term's description.
fn about(app: &Session, term: &str) -> String {
    let dd = By::xpath(format!("//dt[normalize-space()='{term}']/following-sibling::dd[1]"));
    wait_for(&format!("About's {term}"), Duration::from_secs(10), || {
        app.try_find(&dd).map(|el| app.text(&el)).filter(|t| !t.is_empty())
    })
}

fn session_says(app: &Session, text: &str) {
    let line = By::xpath(format!(
        "//p[@id='autostart-effect'][normalize-space()='Desktop session: {text}']"
    ));
    app.find(&line);
}

fn save(app: &Session, on: bool) {
    let switch = app.find(&By::label(SWITCH));
    if app.execute_on("return arguments[0].checked;", &switch).as_bool() != Some(on) {
        app.click(&switch);
    }
    app.click(&app.find(&By::button(SAVE)));
}

fn version_lines() -> Vec<String> {
    let out = std::process::Command::new(vigil_e2e::app_binary()).arg("--version").output();
    let out = out.expect("vigil --version runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect()
}

fn read(path: &Path) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

#[test]
fn about_shows_the_versions_and_an_administrator_switches_autostart_off_and_on() {
    let mut desktop = Desktop::start_with_screen(1366, 768);
    let xdg = tempfile::Builder::new().prefix("vigil-e2e-xdg-").tempdir().expect("xdg dir");
    let xdg_dirs = xdg.path().display().to_string();
    let env = [("XDG_CONFIG_DIRS", xdg_dirs.as_str())];
    let user_file = desktop.config_home().join("autostart/vigil.desktop");
    let system_file = xdg.path().join("autostart/vigil.desktop");
    // Vigil's override left behind (a failed removal, another data directory turned it off).
    std::fs::create_dir_all(user_file.parent().expect("folder")).expect("folder");
    std::fs::write(&user_file, LEFTOVER_OVERRIDE).expect("leftover override");
    let app = desktop.launch_app_with_env(&env);
    wait_for("the leftover override to be removed", Duration::from_secs(10), || {
        (!user_file.exists()).then_some(())
    });
    let autostart = user_file.parent().expect("folder");
    let left = std::fs::read_dir(autostart).expect("folder").count();
    assert_eq!(left, 0, "on by default: no entry written at start");
    open_settings(&app);

    let lines = version_lines();
    let field = |prefix: &str| lines.iter().find_map(|l| l.strip_prefix(prefix)).map(str::to_owned);
    assert_eq!(Some(about(&app, "Version")), field("vigil "), "{lines:?}");
    assert_eq!(Some(about(&app, "Schema version")), field("schema version "), "{lines:?}");
    assert_eq!(Some(about(&app, "SQLite")), field("SQLite "), "{lines:?}");
    assert_eq!(Some(about(&app, "SQLCipher")), field("SQLCipher "), "{lines:?}");
    assert_eq!(about(&app, "Data directory"), desktop.data_dir().display().to_string());

    // No package entry in this test's XDG_CONFIG_DIRS, and nothing written at start.
    session_says(&app, "Off: no autostart entry");
    layout::resize(&app, 1366, 768);
    assert_eq!(layout::horizontal_overflow(&app), Vec::<String>::new(), "Settings at 1366x768");
    assert_eq!(layout::clipped(&app), Vec::<String>::new(), "Settings at 1366x768");
    app.execute_on("arguments[0].scrollIntoView();", &app.find(&By::heading("About Vigil")));
    desktop.screenshot("settings-about-autostart-1366x768");

    save(&app, false);
    session_says(&app, &format!("Off: {}", user_file.display()));
    let text = read(&user_file).expect("the override");
    assert!(text.contains("\nHidden=true\n") && text.contains("X-Vigil-Override=true"), "{text}");

    // A restart keeps the setting off and puts back the override an IT person removed.
    std::fs::remove_file(&user_file).expect("remove the override");
    assert_eq!(desktop.kill_app(), 1, "the app was running");
    drop(app);
    let app = desktop.launch_app_with_env(&env);
    wait_for("the override to come back", Duration::from_secs(10), || read(&user_file));
    open_settings(&app);
    let switch = app.find(&By::label(SWITCH));
    wait_for("the setting to load", Duration::from_secs(10), || {
        (app.attribute(&switch, "disabled").is_none()).then_some(())
    });
    assert_eq!(app.execute_on("return arguments[0].checked;", &switch).as_bool(), Some(false));

    // On, with the package's entry installed: Vigil's override is removed.
    std::fs::create_dir_all(system_file.parent().expect("folder")).expect("folder");
    std::fs::write(&system_file, SYSTEM_ENTRY).expect("system entry");
    save(&app, true);
    session_says(&app, &format!("On: {}", system_file.display()));
    assert!(!user_file.exists(), "the override is gone");

    // On, without the package's entry: a user entry starts this binary.
    std::fs::remove_file(&system_file).expect("remove the system entry");
    save(&app, true);
    session_says(&app, &format!("On: {}", user_file.display()));
    let text = read(&user_file).expect("the user entry");
    let exe = vigil_e2e::app_binary().canonicalize().expect("binary");
    assert!(text.contains(&format!("\nExec={}\n", exe.display())), "{text}");
    assert!(!text.contains("Hidden=true"), "{text}");

    let db = desktop.open_records();
    let changes: Vec<String> = db
        .prepare("SELECT value FROM setting_changes WHERE key = 'autostart' ORDER BY id")
        .and_then(|mut st| st.query_map([], |r| r.get(0))?.collect())
        .expect("changes");
    assert_eq!(changes, ["off", "on"], "one row per change, none for the same value again");
}

#[test]
fn a_nurse_sees_about_but_no_autostart_switch() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    app.click(&app.find(&By::button("People")));
    app.type_into(&app.find(&By::label("Name")), "Test Nurse Two");
    app.type_into(&app.find(&By::label("Credentials")), "RN");
    app.type_into(&app.find(&By::label("PIN")), "1357");
    app.type_into(&app.find(&By::label("PIN again")), "1357");
    app.click(&app.find(&By::button("Add account")));
    app.find(&By::text("Account added."));
    app.click(&app.find(&By::button("Back to the board")));
    app.click(&app.find(&By::button("Lock")));
    app.find(&By::heading("Locked"));
    nurse::sign_in(&app, "Test Nurse Two, RN", "1357");
    open_settings(&app);
    assert_eq!(about(&app, "Data directory"), desktop.data_dir().display().to_string());
    assert!(app.try_find(&By::label(SWITCH)).is_none(), "no switch for a nurse");
    assert!(app.try_find(&By::heading("Start with the workstation")).is_none());
}
