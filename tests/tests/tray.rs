//! Never closed by accident (issue 17), in the real app: a window manager's close request
//! (`WM_DELETE_WINDOW`) while a patient is in recovery asks first; kept running, the window is
//! unmapped and Vigil still runs, the patient's minimum still gives the in-app alert and the
//! desktop notification (dunst), and the alert brings the window back; hidden again with the
//! alert still open, the window comes back at the clinic's repeat interval. With nobody in
//! recovery the same request closes Vigil, recorded in the audit trail. With a panel that
//! hosts status icons (a stand-in StatusNotifierWatcher on the test's bus) the tray item shows
//! the counts, and its menu locks, shows the window kept running in the tray, and quits after
//! asking again (audited).

use chrono::{Duration as Span, Local};
use std::time::Duration;
use vigil_e2e::nurse::{sign_in, ADMIN_LABEL, ADMIN_PIN};
use vigil_e2e::process::wait_for;
use vigil_e2e::tray_host::{MenuEntry, TrayHost};
use vigil_e2e::x11::X11;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

/// Admits an IV ketamine patient (60-minute minimum) whose minimum ends `ends_in` from now.
fn admit(app: &Session, bay: &str, ends_in: Span) {
    let ended = Local::now() + ends_in - Span::minutes(60);
    AdmitForm::iv(bay, &ended.format("%Y-%m-%d %H:%M:%S").to_string()).submit(app);
    app.find(&By::row(bay));
}

fn notifications_naming(desktop: &Desktop, bay: &str) -> usize {
    desktop.notifications().iter().filter(|args| args.iter().any(|a| a.contains(bay))).count()
}

#[test]
fn closed_with_a_patient_in_recovery_it_asks_keeps_running_hidden_and_an_alert_brings_it_back() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    // The minimum ends at least this late (admit's time is given to the second).
    let alert_due = Local::now() + Span::seconds(43);
    admit(&app, "Bay 5", Span::seconds(45));
    let x = X11::connect(&desktop.display);
    let window = x.vigil_window();
    assert!(x.is_mapped(window), "shown at first");

    x.ask_to_close(window);
    let dialog = wait_for("the question", Duration::from_secs(10), || {
        app.try_find(&By::xpath(
            "//*[@role='alertdialog'][.//h2[normalize-space()='Close Vigil?']]",
        ))
    });
    let text = app.text(&dialog);
    assert!(text.contains("1 patient in recovery"), "{text}");
    assert!(text.contains("No open alert"), "{text}");
    desktop.screenshot("close-asks");
    // The test's session has no panel that shows status icons: no tray to keep running in.
    app.click(&app.find(&By::button("Keep running in the background")));
    wait_for("the window to be unmapped", Duration::from_secs(10), || {
        (!x.is_mapped(window)).then_some(())
    });
    assert_eq!(desktop.app_pids().len(), 1, "Vigil still runs");
    assert!(app.try_find(&By::xpath("//*[@role='alertdialog']")).is_none(), "the dialog went");

    let ack = By::button("Acknowledge alert for Bay 5");
    wait_for("the in-app alert", Duration::from_secs(60), || {
        // Hidden until the alert: mapped earlier, "keep running" did not really hide it.
        let mapped = x.is_mapped(window);
        assert!(!mapped || Local::now() >= alert_due, "the window was shown before the alert");
        app.try_find(&ack)
    });
    wait_for("dunst to receive the notification", Duration::from_secs(10), || {
        (notifications_naming(&desktop, "Bay 5") > 0).then_some(())
    });
    wait_for("the alert to bring the window back", Duration::from_secs(10), || {
        x.is_mapped(window).then_some(())
    });
    desktop.screenshot("alert-brings-window-back");
    app.click(&app.find(&ack));
}

#[test]
fn an_alert_left_open_while_hidden_brings_the_window_back_again_at_the_clinics_repeat() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    // The clinic repeats an unacknowledged alert every minute (the shortest it may choose).
    app.click(&app.find(&By::button("Settings")));
    app.find(&By::heading("Settings"));
    app.type_into(&app.find(&By::label("Repeat an unacknowledged alert every (minutes)")), "1");
    app.click(&app.find(&By::button("Save alert repeat")));
    wait_for("the repeat saved", Duration::from_secs(10), || {
        app.try_find(&By::xpath("//form[.//*[@id='setting-alertRepeat']]//*[@role='status']"))
    });
    app.click(&app.find(&By::button("Back to the board")));

    admit(&app, "Bay 2", Span::seconds(20));
    let ack = By::button("Acknowledge alert for Bay 2");
    wait_for("the in-app alert", Duration::from_secs(40), || app.try_find(&ack));
    let raised = Local::now();
    let x = X11::connect(&desktop.display);
    let window = x.vigil_window();

    // Hidden again with the alert still open.
    x.ask_to_close(window);
    let dialog = wait_for("the question", Duration::from_secs(10), || {
        app.try_find(&By::xpath(
            "//*[@role='alertdialog'][.//h2[normalize-space()='Close Vigil?']]",
        ))
    });
    assert!(app.text(&dialog).contains("1 open alert"), "{}", app.text(&dialog));
    app.click(&app.find(&By::button("Keep running in the background")));
    wait_for("the window to be unmapped", Duration::from_secs(10), || {
        (!x.is_mapped(window)).then_some(())
    });

    // Back about a minute after the alert (read every 5 s), not before.
    wait_for("the open alert to bring the window back", Duration::from_secs(90), || {
        let mapped = x.is_mapped(window);
        let early = Local::now() < raised + Span::seconds(50);
        assert!(!(mapped && early), "shown again before the repeat interval");
        mapped.then_some(())
    });
    assert!(app.try_find(&ack).is_some(), "the alert is still open");
    app.click(&app.find(&ack));
}

#[test]
fn closed_with_nobody_in_recovery_it_closes_and_the_close_is_recorded() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    let x = X11::connect(&desktop.display);
    let window = x.vigil_window();
    x.ask_to_close(window);
    wait_for("Vigil to exit", Duration::from_secs(20), || {
        desktop.app_pids().is_empty().then_some(())
    });
    drop(app);
    let db = desktop.open_records();
    let (nurse, detail): (Option<i64>, String) = db
        .query_row("SELECT nurse_id, detail FROM audit_events WHERE action = 'app_quit'", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("one app_quit entry");
    assert_eq!(detail, "window closed; patients on the board: 0");
    assert!(nurse.is_some(), "by the nurse signed in");
}

/// The entry of `menu` labelled `label`.
fn entry<'a>(menu: &'a [MenuEntry], label: &str) -> &'a MenuEntry {
    menu.iter().find(|e| e.label == label).unwrap_or_else(|| panic!("no {label} in {menu:?}"))
}

#[test]
fn the_tray_shows_the_counts_and_its_menu_locks_shows_and_quits_after_asking_again() {
    let mut desktop = Desktop::start();
    let host = TrayHost::start(&desktop.bus_address);
    let app = desktop.launch_app();
    admit(&app, "Bay 3", Span::minutes(30));
    let item = wait_for("Vigil's tray item", Duration::from_secs(15), || host.item());
    wait_for("the counts beside the icon", Duration::from_secs(10), || {
        (host.label(&item) == "1 in recovery").then_some(())
    });
    let menu = wait_for("the menu with the counts", Duration::from_secs(10), || {
        let menu = host.menu(&item);
        menu.iter().any(|e| e.label == "1 patient in recovery, 0 open alerts").then_some(menu)
    });
    let labels: Vec<&str> = menu.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(labels, ["1 patient in recovery, 0 open alerts", "Show", "Lock", "Quit"]);
    assert!(!menu[0].enabled, "the counts are not a choice");

    host.click(&item, entry(&menu, "Lock").id);
    app.find(&By::heading("Locked"));
    sign_in(&app, ADMIN_LABEL, ADMIN_PIN);

    // Kept running in the tray, the menu's Show brings the window back.
    let x = X11::connect(&desktop.display);
    let window = x.vigil_window();
    x.ask_to_close(window);
    wait_for("the question", Duration::from_secs(10), || {
        app.try_find(&By::xpath(
            "//*[@role='alertdialog'][.//h2[normalize-space()='Close Vigil?']]",
        ))
    });
    app.click(&app.find(&By::button("Keep running in the tray")));
    wait_for("the window to be unmapped", Duration::from_secs(10), || {
        (!x.is_mapped(window)).then_some(())
    });
    host.click(&item, entry(&menu, "Show").id);
    wait_for("Show to bring the window back", Duration::from_secs(10), || {
        x.is_mapped(window).then_some(())
    });

    host.click(&item, entry(&menu, "Quit").id);
    let dialog = wait_for("the question", Duration::from_secs(10), || {
        app.try_find(&By::xpath("//*[@role='alertdialog'][.//h2[normalize-space()='Quit Vigil?']]"))
    });
    assert!(app.text(&dialog).contains("1 patient in recovery"));
    assert!(app.try_find(&By::button("Keep running in the tray")).is_some(), "a tray is shown");
    desktop.screenshot("tray-quit-asks");
    // The app may be gone before the driver's reply to the click: proven by what follows.
    if let Err(e) = app.try_click(&app.find(&By::button("Quit Vigil"))) {
        eprintln!("the click on Quit Vigil got no reply (the app quits): {e}");
    }
    wait_for("Vigil to exit", Duration::from_secs(20), || {
        desktop.app_pids().is_empty().then_some(())
    });
    drop(app);
    let db = desktop.open_records();
    let details: Vec<String> = db
        .prepare("SELECT detail FROM audit_events WHERE action = 'app_quit'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("the app_quit entries");
    assert_eq!(details, ["quit; patients left on the board: 1; open alerts: 0"]);
}
