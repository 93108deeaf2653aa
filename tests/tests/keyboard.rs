//! The keyboard path, end to end without the mouse: every step after sign-in is a key sent
//! to whatever has the focus (WebDriver actions). Admit two patients, select a row with the
//! arrow keys, record a check with `c`, open the record with Enter, and open and close the
//! shortcuts help with `?` and Escape, the focus coming back where it was.

use chrono::{Duration as Span, Local};
use std::time::Duration;
use vigil_e2e::keys::{tab_to, type_over, ARROW_DOWN, ARROW_UP, ENTER, ESCAPE, TAB};
use vigil_e2e::process::wait_for;
use vigil_e2e::{By, Desktop, Session};

/// Types the admit form's fields in order, Tab between them, then Enter. The form opened with
/// the focus on "Patient name".
fn admit_by_keyboard(app: &Session, name: &str, bay: &str, ended_minutes_ago: i64) {
    app.find(&By::heading("Admit a patient"));
    assert_eq!(app.active_element(), app.find(&By::label("Patient name")));
    for (text, next) in [
        (name, "Chart number"),
        ("TEST-0042", "Date of birth"),
        ("1980-02-29", "Bay"),
        (bay, "Protocol"),
    ] {
        app.press_keys(text);
        app.press_keys(TAB);
        assert_eq!(app.active_element(), app.find(&By::label(next)), "Tab moves to {next}");
    }
    // The protocol stays IV ketamine (the default): Tab on.
    tab_to(app, &By::label("Dose (mg)"), 2);
    app.press_keys("35");
    tab_to(app, &By::label("Weight (kg)"), 2);
    app.press_keys("70");
    tab_to(app, &By::label("Infusion ended at"), 4);
    let ended = (Local::now() - Span::minutes(ended_minutes_ago)).format("%Y-%m-%d %H:%M");
    type_over(app, &ended.to_string());
    assert_eq!(app.value(&app.find(&By::label("Infusion ended at"))), ended.to_string());
    app.press_keys(ENTER);
    app.find(&By::row(bay));
}

/// The bay of the row that has the focus, if a board row has it.
fn focused_row(app: &Session) -> Option<String> {
    let v = app.execute(
        "const tr = document.activeElement?.closest('tr'); \
         if (!tr || tr.getAttribute('aria-selected') !== 'true') return null; \
         return tr.querySelector('th[scope=row]')?.textContent.trim() ?? null;",
    );
    v.as_str().map(str::to_owned)
}

/// Moves the selection with the arrow keys until `bay`'s row is selected and focused.
fn select_row(app: &Session, bay: &str) {
    for _ in 0..20 {
        if focused_row(app).is_some() {
            break;
        }
        app.press_keys(TAB);
    }
    assert!(focused_row(app).is_some(), "Tab never reached a selectable board row");
    for key in [ARROW_DOWN, ARROW_UP] {
        for _ in 0..4 {
            if focused_row(app).as_deref() == Some(bay) {
                return;
            }
            app.press_keys(key);
        }
    }
    panic!("the arrow keys never selected {bay}: the focused row is {:?}", focused_row(app));
}

/// Chooses an option of the focused select by typing the start of its text.
fn choose_by_typing(app: &Session, label: &str, typed: &str, value: &str) {
    let select = tab_to(app, &By::label(label), 40);
    app.press_keys(typed);
    assert_eq!(app.value(&select), value, "typing {typed:?} in {label}");
}

fn checks_recorded(desktop: &Desktop) -> i64 {
    let db = desktop.open_records();
    db.query_row("SELECT count(*) FROM checks", [], |r| r.get(0)).expect("count checks")
}

#[test]
fn admit_record_a_check_and_open_a_record_without_the_mouse() {
    let mut desktop = Desktop::start();
    let app = desktop.launch_app();

    // The empty board: Tab to "Admit patient", Enter.
    tab_to(&app, &By::button("Admit patient"), 30);
    app.press_keys(ENTER);
    // Its first vitals (15 min after the infusion) were already late at admission: shown as
    // overdue, no alert; the check moves the next one on.
    admit_by_keyboard(&app, "Testy McTestface", "Bay 4", 25);
    desktop.screenshot("keyboard-admitted");

    // From the board, `a` opens the admit form.
    select_row(&app, "Bay 4");
    app.press_keys("a");
    admit_by_keyboard(&app, "Test Patient", "Bay 9", 2);

    // Select Bay 4 with the arrow keys and record its check with `c`.
    select_row(&app, "Bay 4");
    let next_check = By::cell("Bay 4", "Next check");
    let before = app.text(&app.find(&next_check));
    assert!(before.contains("overdue"), "the first vitals are overdue: {before:?}");
    app.press_keys("c");
    app.find(&By::heading("Check for Bay 4 (Testy McTestface)"));
    choose_by_typing(&app, "Symptom grade", "0", "0");
    for (label, value) in
        [("Systolic", "124"), ("Diastolic", "80"), ("Heart rate", "72"), ("SpO2", "97")]
    {
        tab_to(&app, &By::label(label), 40);
        app.press_keys(value);
    }
    choose_by_typing(&app, "Oxygen", "r", "room_air");
    tab_to(&app, &By::label("Respiratory rate"), 3);
    app.press_keys(ENTER);
    app.find(&By::containing("Check saved for Bay 4"));
    assert_eq!(checks_recorded(&desktop), 1, "the check is in the database");
    let after = wait_for("the next check to move on", Duration::from_secs(10), || {
        let now = app.text(&app.find(&next_check));
        (now != before).then_some(now)
    });
    println!("Bay 4's next check before the check: {before:?}; after: {after:?}");
    assert!(!after.contains("overdue"), "the overdue vitals were entered: {after:?}");
    desktop.screenshot("keyboard-check-saved");

    // Enter on the selected row opens the record.
    select_row(&app, "Bay 4");
    app.press_keys(ENTER);
    app.find(&By::heading("Bay 4: Testy McTestface"));
    desktop.screenshot("keyboard-record-open");
    tab_to(&app, &By::button("Back to the board"), 40);
    app.press_keys(ENTER);

    // `?` opens the shortcuts; Escape closes them and the focus comes back.
    select_row(&app, "Bay 9");
    let focused = app.active_element();
    app.press_keys("?");
    let help = By::xpath(
        "//*[@role='dialog' or self::dialog][@aria-label='Keyboard shortcuts' or \
         @aria-labelledby=//*[normalize-space()='Keyboard shortcuts']/@id]",
    );
    app.find(&help);
    desktop.screenshot("keyboard-shortcuts");
    app.press_keys(ESCAPE);
    wait_for("the help to close", Duration::from_secs(5), || {
        app.try_find(&help).is_none().then_some(())
    });
    assert_eq!(app.active_element(), focused, "the focus is back on Bay 9's row");
}
