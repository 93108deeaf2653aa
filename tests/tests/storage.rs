//! A full disk in the real app (issue 12, item 2): the data directory on a small tmpfs that
//! this test mounts itself (it needs root, as CI runs), filled to the last byte by a filler file
//! after the app has started and the admission is written, while a minimum is due. The in-app
//! alert and the desktop notification (dunst) still come, the red "Records cannot be saved"
//! banner shows and the desktop is told once that records cannot be saved, and once the
//! filler is removed the firing is written exactly once and the banner goes.

use chrono::{Duration as Span, Local};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop};

/// A tmpfs mounted on a directory for the life of the value (unmounted lazily on drop, so a
/// failing test never leaves it behind the app's open files).
struct Tmpfs(PathBuf);

impl Tmpfs {
    /// Mounts a `size` tmpfs on `dir`. Panics when it cannot: the test needs it (and root).
    fn mount(dir: &Path, size: &str) -> Self {
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700"), "tmpfs"])
            .arg(dir)
            .status()
            .expect("run mount");
        assert!(status.success(), "mounting a tmpfs needs root (CI runs as root): {status}");
        Self(dir.to_owned())
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Writes `path` until the file system refuses (ENOSPC); returns the bytes written.
fn fill(path: &Path) -> u64 {
    let mut file = std::fs::File::create(path).expect("filler");
    let mut written = 0u64;
    for chunk in [1 << 20, 4096, 1] {
        let block = vec![0xA5u8; chunk];
        loop {
            match file.write(&block) {
                Ok(0) => break,
                Ok(n) => written += n as u64,
                Err(e) if e.raw_os_error() == Some(28) => break,
                Err(e) => panic!("filling the disk: {e}"),
            }
        }
    }
    let _ = file.sync_all();
    written
}

fn count(desktop: &Desktop, sql: &str) -> i64 {
    desktop.open_records().query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// Pages in the write-ahead log: a write fits in the log's existing space only after a
/// checkpoint reset it, which happens past 1000 pages.
fn wal_pages(db: &Path) -> u64 {
    let wal = db.with_file_name("vigil.sqlite3-wal");
    std::fs::metadata(wal).map(|m| m.len().saturating_sub(32) / (4096 + 24)).unwrap_or(0)
}

/// Desktop notifications that records cannot be saved (the disk is full, said in the body).
fn cannot_be_saved_notices(desktop: &Desktop) -> usize {
    let notices = desktop.notifications();
    let told = |args: &&Vec<String>| {
        args.iter().any(|a| a == "Vigil: records cannot be saved")
            && args.iter().any(|a| a.starts_with("The disk is full."))
    };
    notices.iter().filter(told).count()
}

const MINIMUM: &str = "SELECT count(*) FROM alert_firings WHERE kind = 'minimum_reached'";

#[test]
fn on_a_full_disk_the_alert_still_comes_and_is_written_once_when_space_returns() {
    let mut desktop = Desktop::start();
    let tmpfs = Tmpfs::mount(desktop.data_dir(), "24m");
    let db = desktop.database();
    let app = desktop.launch_app();
    let ended = Local::now() + Span::seconds(30) - Span::minutes(60);
    AdmitForm::iv("Bay 5", &ended.format("%Y-%m-%d %H:%M:%S").to_string()).submit(&app);
    app.find(&By::row("Bay 5"));
    assert_eq!(count(&desktop, "SELECT count(*) FROM recovery_sessions"), 1, "admission written");
    let pages = wal_pages(&db);
    assert!(pages < 900, "the log ({pages} pages) must grow for the next write");

    let filler = desktop.data_dir().join("filler");
    let filled = fill(&filler);
    assert!(filled > 0);
    assert_eq!(count(&desktop, MINIMUM), 0, "filled before the deadline");

    let ack = By::button("Acknowledge alert for Bay 5");
    wait_for("the in-app alert on a full disk", Duration::from_secs(60), || app.try_find(&ack));
    wait_for("the notification on a full disk", Duration::from_secs(15), || {
        desktop.notifications().into_iter().find(|args| args.iter().any(|a| a.contains("Bay 5")))
    });
    let banner =
        By::xpath("//*[@role='alert'][contains(., 'Records cannot be saved: the disk is full')]");
    wait_for("the cannot-be-saved banner", Duration::from_secs(15), || app.try_find(&banner));
    app.find(&By::xpath("//*[contains(., 'Not saved yet: the disk is full')]"));
    wait_for(
        "the desktop notification that records cannot be saved",
        Duration::from_secs(15),
        || (cannot_be_saved_notices(&desktop) == 1).then_some(()),
    );
    assert_eq!(count(&desktop, MINIMUM), 0, "nothing could be written");
    desktop.screenshot("storage-full");

    std::fs::remove_file(&filler).expect("free the space");
    wait_for("the firing to be written", Duration::from_secs(30), || {
        (count(&desktop, MINIMUM) == 1).then_some(())
    });
    wait_for("the banner to go", Duration::from_secs(15), || {
        app.try_find(&banner).is_none().then_some(())
    });
    std::thread::sleep(Duration::from_secs(5));
    assert_eq!(count(&desktop, MINIMUM), 1, "written once");
    let raised = "SELECT count(*) FROM alert_raisings g JOIN alert_firings f ON f.id = g.firing_id
                  WHERE f.kind = 'minimum_reached'";
    assert_eq!(count(&desktop, raised), 1, "written with its raising: never raised again");
    let calls = desktop.notifications();
    let bay5 = calls.iter().filter(|args| args.iter().any(|a| a.contains("Bay 5"))).count();
    assert_eq!(bay5, 1, "one notification: {calls:?}");
    assert_eq!(cannot_be_saved_notices(&desktop), 1, "told once, not at every probe: {calls:?}");
    assert!(app.try_find(&By::xpath("//*[contains(., 'Not saved yet')]")).is_none());

    app.click(&app.find(&ack));
    wait_for("the alert to go", Duration::from_secs(10), || {
        app.try_find(&ack).is_none().then_some(())
    });
    assert_eq!(count(&desktop, "SELECT count(*) FROM alert_acknowledgements"), 1);
    drop(app);
    drop(desktop);
    drop(tmpfs);
}
