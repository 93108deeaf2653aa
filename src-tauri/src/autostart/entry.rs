//! One autostart desktop entry: what Vigil needs to know of a file it finds (is it hidden or
//! disabled, did Vigil write it) and the two files it writes (the `Hidden=true` override and a
//! user entry that starts the running executable), written atomically with mode 0644.

use std::io::ErrorKind;
use std::path::Path;

/// The key that marks a user file as written by Vigil's Settings (it may be replaced or
/// removed by Vigil; any other file is left as it is).
pub const MARK: &str = "X-Vigil-Override";

/// What an autostart file says, as far as Vigil cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// `Hidden=true` or `X-GNOME-Autostart-enabled=false`: the session does not start it.
    pub off: bool,
    /// Written by Vigil (carries [`MARK`]`=true`).
    pub ours: bool,
}

/// Reads `path`: `Ok(None)` when there is no such file.
/// Errors: the file exists and cannot be read.
pub fn read(path: &Path) -> std::io::Result<Option<Found>> {
    match std::fs::read_to_string(path) {
        Ok(text) => Ok(Some(parse(&text))),
        // No such file, or no such folder (a file stands where a folder of the path should).
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The keys of the `[Desktop Entry]` group that decide [`Found`].
pub fn parse(text: &str) -> Found {
    let mut group = "";
    let mut found = Found { off: false, ours: false };
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') && line.ends_with(']') {
            group = &line[1..line.len() - 1];
            continue;
        }
        let Some((key, value)) = line.split_once('=') else { continue };
        if group != "Desktop Entry" || line.starts_with('#') {
            continue;
        }
        match (key.trim(), value.trim()) {
            ("Hidden", "true") | ("X-GNOME-Autostart-enabled", "false") => found.off = true,
            (MARK, "true") => found.ours = true,
            _ => {}
        }
    }
    found
}

/// The override that turns the package's entry off for this user's sessions.
pub fn hidden(exec: &str) -> String {
    format!(
        "[Desktop Entry]\nType=Application\nName=Vigil\n\
         Comment=Not started with the desktop session: turned off in Vigil's Settings\n\
         Exec={exec}\nTerminal=false\nHidden=true\n{MARK}=true\n"
    )
}

/// A user entry that starts `exec` with the desktop session.
pub fn starting(exec: &str) -> String {
    format!(
        "[Desktop Entry]\nType=Application\nName=Vigil\n\
         Comment=Started with the desktop session: turned on in Vigil's Settings\n\
         Exec={exec}\nTerminal=false\nX-GNOME-Autostart-enabled=true\n{MARK}=true\n"
    )
}

/// `path` as the `Exec=` value of a desktop entry: quoted when it holds a reserved character
/// (the Desktop Entry Specification's rules), `%` doubled, then escaped as a string value.
/// Errors: a path with a line break or that is not UTF-8 cannot be written in an entry.
pub fn exec_of(path: &Path) -> Result<String, String> {
    let text = path
        .to_str()
        .filter(|t| !t.contains(['\n', '\r']))
        .ok_or_else(|| format!("{} cannot be written in a desktop entry", path.display()))?;
    const RESERVED: &[char] = &[
        ' ', '\t', '"', '\'', '\\', '>', '<', '~', '|', '&', ';', '$', '*', '?', '#', '(', ')', '`',
    ];
    let arg = if text.contains(RESERVED) {
        let mut quoted = String::from('"');
        for c in text.chars() {
            if matches!(c, '"' | '`' | '$' | '\\') {
                quoted.push('\\');
            }
            quoted.push(c);
        }
        quoted.push('"');
        quoted
    } else {
        text.to_owned()
    };
    Ok(arg.replace('%', "%%").replace('\\', "\\\\"))
}

/// Writes `text` to `path` atomically (`vigil_store::file_modes::replace_atomically`),
/// readable by all (0644, whatever the umask), creating the folder when missing.
pub fn write(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(path.parent().unwrap_or(Path::new(".")))?;
    vigil_store::file_modes::replace_atomically(path, text.as_bytes(), 0o644)
}
