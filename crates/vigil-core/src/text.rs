//! Free-text rules shared by every field a nurse types: trimmed, bounded, and free of
//! characters that make stored text read differently from what was typed.
//!
//! Refused everywhere: control characters (one-line text also refuses line breaks and tabs),
//! and every invisible or text-direction character ([`is_invisible_format`]): the whole of
//! Unicode general category Cf (format: bidi embeddings, overrides, isolates and marks, the
//! zero-width space, joiners and non-joiner, word joiner, invisible operators, the byte-order
//! mark, soft hyphen, Mongolian vowel separator, interlinear annotation, tag characters ...),
//! the line and paragraph separators (Zl, Zp) and the Hangul fillers that render as nothing.
//! The cost: a name that really uses a joiner (Persian with ZWNJ, emoji sequences with ZWJ)
//! must be typed without it; a clinical record prefers text that reads the same everywhere
//! (on screen, on paper, in an export) to a rarely needed ligature.

use crate::VigilError;

pub use chars::{is_bidi_control, is_invisible_format, refused_in_line, refused_in_lines};

/// Trims `raw` and checks it is present, at most `max_chars` long and on one line without
/// control, invisible or text-direction characters. `label` names the field for the nurse;
/// `field` is the IPC field name.
pub fn required_text(
    raw: &str,
    field: &str,
    label: &str,
    max_chars: usize,
) -> Result<String, VigilError> {
    let value = present(raw, field, label)?;
    at_most(value, field, label, max_chars)?;
    refuse_in(value, field, label, refused_in_line)?;
    Ok(value.to_owned())
}

/// Like [`required_text`], for text of several lines (a nurse's note): at least `min_chars`
/// and at most `max_chars` characters once trimmed; line breaks and tabs allowed, other control
/// characters and invisible or text-direction characters refused.
pub fn required_multiline_text(
    raw: &str,
    field: &str,
    label: &str,
    min_chars: usize,
    max_chars: usize,
) -> Result<String, VigilError> {
    required_text_between(raw, field, label, (min_chars, max_chars), refused_in_lines)
}

/// Trimmed text that is present, of `min` to `max` characters, without a character `refused`
/// refuses (see [`refused_in_line`] and [`refused_in_lines`]).
pub(crate) fn required_text_between(
    raw: &str,
    field: &str,
    label: &str,
    (min, max): (usize, usize),
    refused: fn(char) -> bool,
) -> Result<String, VigilError> {
    let value = present(raw, field, label)?;
    let count = char_count(value, max);
    if count < min || count > max {
        return Err(VigilError::validation(
            field,
            format!("{label} must be {min} to {max} characters."),
        ));
    }
    refuse_in(value, field, label, refused)?;
    Ok(value.to_owned())
}

/// Text of several lines that may be empty (an optional note): at most `max_chars` once
/// trimmed, with the characters of [`required_multiline_text`].
pub fn optional_multiline_text(
    raw: &str,
    field: &str,
    label: &str,
    max_chars: usize,
) -> Result<String, VigilError> {
    let value = raw.trim();
    at_most(value, field, label, max_chars)?;
    refuse_in(value, field, label, refused_in_lines)?;
    Ok(value.to_owned())
}

/// `raw` trimmed; errors: `validation` on `field` when that leaves nothing.
fn present<'a>(raw: &'a str, field: &str, label: &str) -> Result<&'a str, VigilError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(VigilError::validation(field, format!("{label} is required.")));
    }
    Ok(value)
}

/// Errors: `validation` on `field` when `value` is longer than `max_chars` characters.
fn at_most(value: &str, field: &str, label: &str, max_chars: usize) -> Result<(), VigilError> {
    if char_count(value, max_chars) > max_chars {
        return Err(VigilError::validation(
            field,
            format!("{label} must be at most {max_chars} characters."),
        ));
    }
    Ok(())
}

/// The characters in `value`; `usize::MAX` without counting when it has more bytes than
/// `max_chars` characters of 4 bytes each could take (a cheap guard first).
fn char_count(value: &str, max_chars: usize) -> usize {
    if value.len() > max_chars * 4 {
        usize::MAX
    } else {
        value.chars().count()
    }
}

/// Errors: `validation` on `field` when `value` holds a character `refused` refuses.
pub fn refuse_in(
    value: &str,
    field: &str,
    label: &str,
    refused: fn(char) -> bool,
) -> Result<(), VigilError> {
    if value.chars().any(refused) {
        let what = if refused('\n') { "one line without control" } else { "free of control" };
        return Err(VigilError::validation(
            field,
            format!("{label} must be {what}, invisible or text-direction characters."),
        ));
    }
    Ok(())
}

mod chars;
#[cfg(test)]
mod every_field;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Characters every free-text field refuses, none of them trimmed as white space: the
    /// bidi controls and marks, the zero-width and invisible format characters named in the
    /// issue, and a few more of category Cf and the Hangul filler.
    pub(crate) const REFUSED_SAMPLES: &[char] = &[
        '\u{034F}',
        '\u{FE00}',
        '\u{FE0E}',
        '\u{E0100}',
        '\u{180B}',
        '\u{180F}',
        '\u{17B4}',
        '\u{202A}',
        '\u{202B}',
        '\u{202C}',
        '\u{202D}',
        '\u{202E}',
        '\u{2066}',
        '\u{2067}',
        '\u{2068}',
        '\u{2069}',
        '\u{200E}',
        '\u{200F}',
        '\u{061C}',
        '\u{200B}',
        '\u{200C}',
        '\u{200D}',
        '\u{2060}',
        '\u{2061}',
        '\u{2062}',
        '\u{2063}',
        '\u{2064}',
        '\u{FEFF}',
        '\u{180E}',
        '\u{00AD}',
        '\u{0600}',
        '\u{FFF9}',
        '\u{E0001}',
        '\u{E0041}',
        '\u{3164}',
    ];

    /// `valid` with `c` inserted before the character `at` picks (or at the end).
    pub(crate) fn insert_at(valid: &str, c: char, at: proptest::sample::Index) -> String {
        let mut chars: Vec<char> = valid.chars().collect();
        chars.insert(at.index(chars.len() + 1), c);
        chars.into_iter().collect()
    }

    #[test]
    fn every_sample_is_refused_and_none_is_white_space() {
        for &c in REFUSED_SAMPLES {
            assert!(is_invisible_format(c) && !c.is_whitespace(), "U+{:04X}", c as u32);
            let text = format!("a{c}b");
            assert!(required_text(&text, "f", "F", 10).is_err(), "U+{:04X}", c as u32);
            assert!(required_multiline_text(&text, "f", "F", 1, 10).is_err());
            assert!(optional_multiline_text(&text, "f", "F", 10).is_err());
        }
        for ok in [
            "Zoë",
            "Łukasz",
            "李小龙",
            "Ana-María",
            "O'Brien",
            "שלום",
            "محمد",
            "ok \u{2764}\u{FE0F}",
        ] {
            assert!(required_text(ok, "f", "F", 20).is_ok(), "{ok}");
        }
    }

    #[test]
    fn separators_count_as_line_breaks() {
        assert!(required_multiline_text("a\u{2028}b", "f", "F", 1, 10).is_err());
        assert!(required_text("a\u{2029}b", "f", "F", 10).is_err());
    }

    #[test]
    fn trims_and_accepts() {
        assert_eq!(required_text("  Bay 3 ", "bay", "Bay", 10).as_deref(), Ok("Bay 3"));
    }

    #[test]
    fn rejects_empty_long_and_control() {
        for bad in ["", "   ", "abcdefghijk", "a\u{7}b", "a\nb"] {
            let err = required_text(bad, "bay", "Bay", 10).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("bay"), "{bad:?}");
        }
    }

    #[test]
    fn multiline_text_keeps_lines_and_refuses_the_rest() {
        let ok = required_multiline_text(" Line one\n\tline two ", "text", "The note", 1, 20);
        assert_eq!(ok.as_deref(), Ok("Line one\n\tline two"));
        assert!(required_multiline_text("ÉÉÉ", "text", "The note", 1, 3).is_ok());
        for bad in ["", "  \n ", "abcd", "a\u{7}b", "a\u{202E}b", "a\rb"] {
            let err = required_multiline_text(bad, "text", "The note", 1, 3).unwrap_err();
            assert_eq!(err.field.as_deref(), Some("text"), "{bad:?}");
        }
    }

    #[test]
    fn counts_characters_not_bytes() {
        assert!(required_text("ÉÉÉÉÉÉÉÉÉÉ", "bay", "Bay", 10).is_ok());
    }
}
