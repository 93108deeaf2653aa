//! Folding for the name search. SQLite's `unicode61` tokenizer (with `remove_diacritics 2`)
//! already ignores case and strips the accents of letters that decompose (é, ễ, ñ, ż, ó, ü).
//! Letters that do not decompose (Ł, Ø, Đ, ß, Æ ...) it keeps as they are, so "lukasz" would
//! not find "Łukasz". [`FOLDS`] lists those letters with what they fold to; the migration
//! `0017_session_search.sql` applies the same replacements (both cases) to the indexed name,
//! and [`terms`] applies them to what the nurse typed. A store test checks every entry.

/// Letters `unicode61` keeps that a search should treat as plain Latin, in both cases.
pub const FOLDS: &[(char, &str)] = &[
    ('Ł', "L"),
    ('ł', "l"),
    ('Ø', "O"),
    ('ø', "o"),
    ('Đ', "D"),
    ('đ', "d"),
    ('Ð', "D"),
    ('ð', "d"),
    ('Ħ', "H"),
    ('ħ', "h"),
    ('Ŧ', "T"),
    ('ŧ', "t"),
    ('ı', "i"),
    ('ß', "ss"),
    ('ẞ', "SS"),
    ('Æ', "AE"),
    ('æ', "ae"),
    ('Œ', "OE"),
    ('œ', "oe"),
    ('Þ', "TH"),
    ('þ', "th"),
];

/// `text` with every letter of [`FOLDS`] replaced and combining marks dropped (the tokenizer
/// removes accents itself; a mark typed apart from its letter would otherwise split a word).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_combining_mark(c) {
            continue;
        }
        match FOLDS.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => out.push_str(to),
            None => out.push(c),
        }
    }
    out
}

/// The words of `text` after [`fold`]: runs of letters and digits, every other character
/// (quotes, `*`, `-`, parentheses, spaces) a separator. Each word is matched as a prefix, so
/// the terms never carry FTS5 syntax: `AND`, `NEAR` or `"` are plain words or nothing.
pub fn terms(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}
