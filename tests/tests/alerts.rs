//! Recovery timers in the real app: the deadline fires once, in the app first and then as a
//! desktop notification through the real D-Bus session and dunst; once across a SIGKILL and
//! restart; and the in-app alert still comes when there is no notification daemon at all,
//! also with the window minimized: its sound plays on time and it brings the window back
//! (scenario 10).

use chrono::{Duration as Span, Local};
use std::time::Duration;
use vigil_e2e::display::{tones_started, FAKE_AUDIO};
use vigil_e2e::process::wait_for;
use vigil_e2e::x11::X11;
use vigil_e2e::{AdmitForm, By, Desktop, Session};

/// Admits an IV ketamine patient (60-minute minimum) whose minimum ends `ends_in` from now.
fn admit(app: &Session, bay: &str, ends_in: Span) {
    let ended = Local::now() + ends_in - Span::minutes(60);
    AdmitForm::iv(bay, &ended.format("%Y-%m-%d %H:%M:%S").to_string()).submit(app);
    app.find(&By::row(bay));
}

/// The row header of `bay` marked as having an open alert (the "!" and "alert open").
fn marked_alert(bay: &str) -> By {
    By::xpath(format!(
        "//th[@scope='row'][normalize-space()='{bay}'][@aria-describedby='board-alert-open']\
         [span[contains(@class, 'alert-mark')]]"
    ))
}

fn count(desktop: &Desktop, sql: &str) -> i64 {
    let db = desktop.open_records();
    db.query_row(sql, [], |r| r.get(0)).expect(sql)
}

fn notifications_naming(desktop: &Desktop, bay: &str) -> usize {
    desktop.notifications().iter().filter(|args| args.iter().any(|a| a.contains(bay))).count()
}

#[test]
fn the_minimum_fires_one_notification_and_an_alert_that_stays_until_acknowledged() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app, "Bay 5", Span::seconds(20));
    assert_eq!(notifications_naming(&desktop, "Bay 5"), 0, "nothing before the deadline");

    let ack = By::button("Acknowledge alert for Bay 5");
    wait_for("the in-app alert", Duration::from_secs(30), || app.try_find(&ack));
    wait_for("dunst to receive the notification", Duration::from_secs(10), || {
        (notifications_naming(&desktop, "Bay 5") > 0).then_some(())
    });
    // The row: "Reached" in place of the countdown, the bay marked, the state in its details.
    let left = app.text(&app.find(&By::cell("Bay 5", "Time left")));
    assert!(left.starts_with("Reached"), "no countdown once reached: {left:?}");
    assert_eq!(app.count(&marked_alert("Bay 5")), 1, "the bay carries the alert mark");
    assert_eq!(app.row_detail("Bay 5", "State"), "Minimum reached, alert open");
    let calls = desktop.notifications();
    assert_eq!(calls.len(), 1, "exactly one notification: {calls:?}");
    assert!(calls[0].iter().any(|a| a.contains("Bay 5 (T.M.)")), "{calls:?}");
    assert!(!calls[0].iter().any(|a| a.contains("Testy")), "no name on the shared screen");
    desktop.screenshot("alert-raised");

    app.click(&app.find(&ack));
    wait_for("the alert to go", Duration::from_secs(10), || {
        app.try_find(&ack).is_none().then_some(())
    });
    assert_eq!(app.row_detail("Bay 5", "State"), "Minimum reached");
    assert_eq!(app.count(&marked_alert("Bay 5")), 0, "the alert mark went with the alert");
    assert_eq!(count(&desktop, "SELECT count(*) FROM alert_firings"), 1);
    assert_eq!(count(&desktop, "SELECT count(*) FROM alert_acknowledgements"), 1);
    wait_for("the delivery to be recorded", Duration::from_secs(10), || {
        (count(&desktop, "SELECT count(*) FROM notification_outcomes WHERE outcome = 'delivered'")
            == 1)
            .then_some(())
    });
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(desktop.notifications().len(), 1, "and no repeat of the notification");
}

#[test]
fn a_deadline_passed_while_the_app_was_killed_fires_once_on_restart() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();
    admit(&app, "Bay 6", Span::seconds(12));
    assert_eq!(desktop.kill_app(), 1, "the app was running");
    drop(app);
    std::thread::sleep(Duration::from_secs(15));
    assert_eq!(desktop.notifications().len(), 0, "a killed app sends nothing");

    let app = desktop.launch_app();
    wait_for("the alert after restart", Duration::from_secs(30), || {
        app.try_find(&By::button("Acknowledge alert for Bay 6"))
    });
    wait_for("the notification after restart", Duration::from_secs(10), || {
        (notifications_naming(&desktop, "Bay 6") > 0).then_some(())
    });
    drop(app);

    // A second restart raises nothing new: the firing is on disk.
    let app = desktop.launch_app();
    app.find(&By::button("Acknowledge alert for Bay 6"));
    std::thread::sleep(Duration::from_secs(5));
    assert_eq!(desktop.notifications().len(), 1, "{:?}", desktop.notifications());
    assert_eq!(count(&desktop, "SELECT count(*) FROM alert_firings"), 1);
}

#[test]
fn without_a_notification_daemon_the_in_app_alert_still_comes_and_the_failure_shows() {
    let mut desktop = Desktop::start_without_notification_daemon();
    let app = desktop.launch_app();
    admit(&app, "Bay 8", Span::seconds(10));
    wait_for("the in-app alert", Duration::from_secs(30), || {
        app.try_find(&By::button("Acknowledge alert for Bay 8"))
    });
    let warning = wait_for("the failure warning", Duration::from_secs(15), || {
        app.try_find(&By::xpath(
            "//*[@role='status'][contains(., 'Desktop notifications are failing')]",
        ))
    });
    assert!(!app.text(&warning).is_empty());
    assert_eq!(
        count(&desktop, "SELECT count(*) FROM notification_outcomes WHERE outcome = 'failed'"),
        1
    );
    // Still responsive: admitting another patient works.
    admit(&app, "Bay 9", Span::minutes(10));
    desktop.screenshot("notification-failed");
}

#[test]
fn with_a_daemon_that_never_answers_the_alert_comes_on_time_and_the_app_stays_responsive() {
    let mut desktop = Desktop::start();
    desktop.freeze_notification_daemon();
    let app = desktop.launch_app();
    admit(&app, "Bay 4", Span::seconds(10));
    wait_for("the in-app alert", Duration::from_secs(30), || {
        app.try_find(&By::button("Acknowledge alert for Bay 4"))
    });
    // The app answers while the notification call hangs.
    admit(&app, "Bay 3", Span::minutes(10));
    let warning = wait_for("the failure warning", Duration::from_secs(15), || {
        app.try_find(&By::xpath(
            "//*[@role='status'][contains(., 'Desktop notifications are failing')]",
        ))
    });
    assert!(app.text(&warning).contains("no answer from the notification service within 3 s"));
    assert_eq!(desktop.notifications().len(), 1, "the call was made and went unanswered");
    let failed = "SELECT count(*) FROM notification_outcomes WHERE outcome = 'failed'";
    assert_eq!(count(&desktop, failed), 1);
    app.click(&app.find(&By::button("Acknowledge alert for Bay 4")));
    wait_for("the alert to go", Duration::from_secs(10), || {
        app.try_find(&By::button("Acknowledge alert for Bay 4")).is_none().then_some(())
    });
}

#[test]
fn minimized_without_a_notification_daemon_the_alert_sounds_on_time_and_brings_the_window_back() {
    let mut desktop = Desktop::start_without_notification_daemon();
    let app = desktop.launch_app();
    app.execute(FAKE_AUDIO);
    // The minimum ends at least this late (admit's time is given to the second).
    let alert_due = Local::now() + Span::seconds(18);
    admit(&app, "Bay 7", Span::seconds(20));
    let x = X11::connect(&desktop.display);
    let window = x.vigil_window();
    x.minimize(window);
    wait_for("the window to be minimized", Duration::from_secs(10), || {
        (!x.is_mapped(window)).then_some(())
    });
    assert!(tones_started(&app).is_empty(), "nothing sounded before the alert");

    let ack = By::button("Acknowledge alert for Bay 7");
    wait_for("the in-app alert while minimized", Duration::from_secs(60), || {
        let mapped = x.is_mapped(window);
        assert!(!mapped || Local::now() >= alert_due, "the window came back before the alert");
        app.try_find(&ack)
    });
    wait_for("the alert's sound", Duration::from_secs(10), || {
        let tones = tones_started(&app);
        (!tones.is_empty()).then_some(tones)
    });
    wait_for("the alert to bring the window back", Duration::from_secs(10), || {
        x.is_mapped(window).then_some(())
    });
    wait_for("the notification failure shown", Duration::from_secs(15), || {
        app.try_find(&By::xpath(
            "//*[@role='status'][contains(., 'Desktop notifications are failing')]",
        ))
    });
    desktop.screenshot("minimized-alert-brings-window-back");
    app.click(&app.find(&ack));
}
