//! The smoke test of the installed package: scripts/test.sh runs it after
//! `apt-get install ./vigil_*.deb`, as
//! `VIGIL_E2E_APP=/usr/bin/vigil cargo test -p vigil-e2e --test installed`; a plain
//! `cargo test` never builds it (`test = false` in Cargo.toml). Every test first makes sure it
//! is driving the package's own `/usr/bin/vigil` (owned by the `vigil` package, says dpkg) and
//! fails otherwise: it never passes against a development build.

use chrono::{Duration as Span, Local};
use std::path::Path;
use std::process::Command;
use std::time::Duration;
use vigil_e2e::process::wait_for;
use vigil_e2e::{AdmitForm, By, Desktop};

const INSTALLED: &str = "/usr/bin/vigil";

/// Fails unless `VIGIL_E2E_APP` is `/usr/bin/vigil` and dpkg says the `vigil` package owns it.
fn require_the_installed_app() {
    let app = std::env::var("VIGIL_E2E_APP").unwrap_or_default();
    assert_eq!(
        app, INSTALLED,
        "run with VIGIL_E2E_APP={INSTALLED} after `apt-get install ./vigil_*.deb` \
         (scripts/test.sh does both)"
    );
    let owner = run("dpkg", &["-S", INSTALLED]);
    assert_eq!(owner.trim(), format!("vigil: {INSTALLED}"), "dpkg -S {INSTALLED}");
}

/// The standard output of `program args`, which must succeed.
fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().expect(program);
    assert!(
        out.status.success(),
        "{program} {args:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The key=value lines of a desktop entry, as `key=value` strings.
fn entry_lines(path: &str) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines().map(str::to_owned).collect()
}

#[test]
fn the_installed_binary_is_the_packages_and_says_its_versions() {
    require_the_installed_app();
    let version = run(INSTALLED, &["--version"]);
    let mut lines = version.lines();
    assert_eq!(lines.next(), Some(format!("vigil {}", env!("CARGO_PKG_VERSION")).as_str()));
    assert!(version.contains("\nschema version "), "{version}");
    assert!(version.contains("\nSQLite 3."), "{version}");
    let package = run("dpkg-query", &["-W", "-f", "${Version} ${Status}", "vigil"]);
    assert_eq!(package, format!("{} install ok installed", env!("CARGO_PKG_VERSION")));
}

#[test]
fn the_package_installs_its_desktop_entry_icons_autostart_entry_and_documents() {
    require_the_installed_app();
    let files = run("dpkg", &["-L", "vigil"]);
    let listed = |path: &str| files.lines().any(|l| l == path);
    let desktop = files
        .lines()
        .find(|l| l.starts_with("/usr/share/applications/") && l.ends_with(".desktop"))
        .expect("a desktop entry in /usr/share/applications");
    let entry = entry_lines(desktop);
    for line in ["Name=Vigil", "GenericName=Recovery monitor", "Exec=vigil", "Icon=vigil"] {
        assert!(entry.iter().any(|l| l == line), "{desktop} lacks {line}: {entry:?}");
    }
    assert!(entry.iter().any(|l| l == "StartupWMClass=Vigil"), "{entry:?}");
    assert!(entry.iter().any(|l| l.starts_with("Categories=") && l.contains("MedicalSoftware;")));
    run("desktop-file-validate", &[desktop]);

    let autostart = "/etc/xdg/autostart/vigil.desktop";
    assert!(listed(autostart), "the package installs {autostart}");
    assert!(entry_lines(autostart).iter().any(|l| l == "Exec=/usr/bin/vigil"));
    run("desktop-file-validate", &[autostart]);
    let conffiles = run("dpkg-query", &["-W", "-f", "${Conffiles}", "vigil"]);
    assert!(conffiles.contains(autostart), "{autostart} is a conffile: {conffiles:?}");

    for size in ["32x32", "64x64", "128x128", "256x256", "512x512"] {
        let icon = format!("/usr/share/icons/hicolor/{size}/apps/vigil.png");
        assert!(listed(&icon) && Path::new(&icon).is_file(), "{icon}");
    }
    for doc in ["copyright", "changelog.gz"] {
        let path = format!("/usr/share/doc/vigil/{doc}");
        assert!(Path::new(&path).is_file(), "{path}");
    }
    assert!(Path::new("/usr/share/man/man1/vigil.1.gz").is_file(), "the manual page");
}

#[test]
fn the_installed_app_starts_admits_and_the_minimum_reaches_dunst() {
    require_the_installed_app();
    let mut desktop = Desktop::start();
    // The first start: new records and the first administrator, then signed in.
    let app = desktop.launch_app();
    let ended = Local::now() + Span::seconds(20) - Span::minutes(60);
    AdmitForm::iv("Bay 5", &ended.format("%Y-%m-%d %H:%M:%S").to_string()).submit(&app);
    app.find(&By::row("Bay 5"));

    let ack = By::button("Acknowledge alert for Bay 5");
    wait_for("the in-app alert", Duration::from_secs(40), || app.try_find(&ack));
    wait_for("dunst to receive the notification", Duration::from_secs(10), || {
        let calls = desktop.notifications();
        calls.iter().any(|args| args.iter().any(|a| a.contains("Bay 5 (T.M.)"))).then_some(())
    });
    desktop.screenshot("installed-alert");
}
