//! Reading the recovery key at a terminal: one line from standard input, never from the command
//! line (its arguments are visible to every user in `ps` and stay in the shell's history). At a
//! terminal a prompt goes to stderr and the typing is not shown (like a password: the key opens
//! the records, and a terminal's scrollback keeps what it shows); piped in, the first line is
//! read as it is. The line is wiped from memory once read; it is never printed nor logged.

use nix::sys::termios::{tcgetattr, tcsetattr, LocalFlags, SetArg, Termios};
use std::io::{BufRead, IsTerminal, Read, Write};
use std::os::fd::{AsFd, BorrowedFd};
use zeroize::Zeroizing;

/// The most read from one line: a recovery key with generous spacing fits many times over.
const MAX_LINE: u64 = 1024;

/// The recovery key typed on standard input (a prompt and no echo at a terminal).
pub fn from_stdin() -> Result<Zeroizing<String>, String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return read_line(&mut stdin.lock());
    }
    let mut stderr = std::io::stderr();
    let _ = write!(stderr, "Recovery key: ");
    let _ = stderr.flush();
    let typed = {
        let _hidden = Hidden::on(&stdin);
        read_line(&mut stdin.lock())
    };
    let _ = writeln!(stderr);
    typed
}

/// The first line of `input` (at most [`MAX_LINE`] bytes), without its line end.
pub fn read_line(input: &mut impl BufRead) -> Result<Zeroizing<String>, String> {
    let mut line = Zeroizing::new(Vec::new());
    input
        .take(MAX_LINE)
        .read_until(b'\n', &mut line)
        .map_err(|e| format!("the recovery key could not be read: {e}"))?;
    if line.last() == Some(&b'\n') {
        line.pop();
    } else if line.len() as u64 == MAX_LINE {
        return Err("what was typed is far longer than a recovery key; nothing was changed".into());
    }
    let text = std::str::from_utf8(&line)
        .map_err(|_| "the recovery key holds characters that are not text; nothing was changed")?;
    if text.trim().is_empty() {
        return Err("no recovery key was typed; nothing was changed".into());
    }
    Ok(Zeroizing::new(text.to_owned()))
}

/// The terminal's echo turned off while it lives (restored when dropped).
struct Hidden<'a> {
    fd: BorrowedFd<'a>,
    was: Option<Termios>,
}

impl<'a> Hidden<'a> {
    fn on(stdin: &'a std::io::Stdin) -> Self {
        let fd = stdin.as_fd();
        let was = tcgetattr(fd).ok();
        if let Some(was) = &was {
            let mut quiet = was.clone();
            quiet.local_flags.remove(LocalFlags::ECHO);
            let _ = tcsetattr(fd, SetArg::TCSAFLUSH, &quiet);
        }
        Self { fd, was }
    }
}

impl Drop for Hidden<'_> {
    fn drop(&mut self) {
        if let Some(was) = &self.was {
            let _ = tcsetattr(self.fd, SetArg::TCSANOW, was);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<String, String> {
        read_line(&mut std::io::Cursor::new(bytes)).map(|s| s.as_str().to_owned())
    }

    #[test]
    fn the_first_line_is_read_without_its_end() {
        assert_eq!(read(b"ABCD-EFGH\nsecond line\n"), Ok("ABCD-EFGH".into()));
        assert_eq!(read(b"ABCD EFGH"), Ok("ABCD EFGH".into()), "no line end at the end");
    }

    #[test]
    fn nothing_typed_a_flood_and_non_text_are_refused() {
        assert!(read(b"").expect_err("empty").contains("no recovery key was typed"));
        assert!(read(b"  \n").expect_err("blank").contains("no recovery key was typed"));
        let flood = vec![b'A'; 5000];
        assert!(read(&flood).expect_err("flood").contains("far longer"));
        assert!(read(b"\xff\xfe\n").expect_err("bytes").contains("not text"));
    }
}
