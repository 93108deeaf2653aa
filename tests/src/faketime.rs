//! Debian's libfaketime for the tests that start the app on another day: where the
//! `libfaketime` package put its library on this machine (x86_64 or aarch64), found once.

use std::path::{Path, PathBuf};

/// The paths the `libfaketime` package installs to on the architectures the tests run on.
const KNOWN: [&str; 2] = [
    "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
    "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
];

/// The library to put in `LD_PRELOAD`. Panics with what to install when it is not there.
pub fn library() -> PathBuf {
    if let Some(found) = KNOWN.iter().map(Path::new).find(|p| p.is_file()) {
        return found.to_path_buf();
    }
    if let Some(found) = from_dpkg() {
        return found;
    }
    panic!(
        "libfaketime.so.1 not found (looked in {} and `dpkg -L libfaketime`): install the \
         libfaketime package (make setup)",
        KNOWN.join(", ")
    );
}

/// The `libfaketime.so.1` that `dpkg -L libfaketime` lists, if dpkg knows the package.
fn from_dpkg() -> Option<PathBuf> {
    let out = std::process::Command::new("dpkg").args(["-L", "libfaketime"]).output().ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(PathBuf::from)
        .find(|p| p.file_name().is_some_and(|n| n == "libfaketime.so.1") && p.is_file())
}
