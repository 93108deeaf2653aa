//! The command names of the registry read from its source text, for `build.rs` (which runs
//! before the crate compiles, so it cannot use `COMMANDS`); the registry's tests check that
//! this reading gives exactly `COMMANDS`' names.

/// The names of the commands in `source`, the text of `src/registry/table.rs`: every entry line
/// (`name(args) -> result;`) inside `macro_rules! registry { ... }`, in order.
pub fn command_names(source: &str) -> Vec<String> {
    let table = source
        .split_once("macro_rules! registry {")
        .and_then(|(_, rest)| rest.split_once("\n}\n"))
        .map(|(table, _)| table)
        .unwrap_or_default();
    table.lines().filter_map(entry_name).collect()
}

/// The command's name when `line` is an entry.
fn entry_name(line: &str) -> Option<String> {
    let line = line.trim();
    let (name, rest) = line.split_once('(')?;
    let is_name = !name.is_empty()
        && name.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit());
    (is_name && rest.contains(") -> ") && line.ends_with(';')).then(|| name.to_owned())
}
