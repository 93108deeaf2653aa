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

/// Text-direction controls: embeddings and overrides (U+202A-202E), isolates (U+2066-2069)
/// and the direction marks (U+200E, U+200F, U+061C). With them a stored text can read
/// differently from what was typed ("Trojan Source").
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'
    )
}

/// Invisible or text-direction characters: Unicode category Cf (as of Unicode 15), the line
/// and paragraph separators U+2028 / U+2029, the Hangul fillers (U+115F, U+1160, U+3164,
/// U+FFA0), and the other default-ignorable marks that show nothing and would make "Bay 3" and
/// "Bay 3" differ: the combining grapheme joiner U+034F, the variation selectors U+FE00-FE0E
/// and U+E0100-E01EF (U+FE0F, which asks for an emoji's colour form, stays allowed), the
/// Mongolian ones U+180B-180D and U+180F, and the invisible Khmer vowels U+17B4-17B5.
/// Includes every [`is_bidi_control`] character.
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{3164}'
            | '\u{FFA0}'
            | '\u{034F}'
            | '\u{FE00}'..='\u{FE0E}'
            | '\u{E0100}'..='\u{E01EF}'
            | '\u{180B}'..='\u{180D}'
            | '\u{180F}'
            | '\u{17B4}'..='\u{17B5}'
    )
}

/// Whether `c` may not appear in one-line text: a control character (tab and line break
/// included) or an invisible or text-direction character.
pub fn refused_in_line(c: char) -> bool {
    c.is_control() || is_invisible_format(c)
}

/// Whether `c` may not appear in text of several lines: like [`refused_in_line`], but line
/// breaks and tabs are allowed.
pub fn refused_in_lines(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_invisible_format(c)
}

/// Trims `raw` and checks it is present, at most `max_chars` long and on one line without
/// control, invisible or text-direction characters. `label` names the field for the nurse;
/// `field` is the IPC field name.
pub fn required_text(
    raw: &str,
    field: &str,
    label: &str,
    max_chars: usize,
) -> Result<String, VigilError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(VigilError::validation(field, format!("{label} is required.")));
    }
    // Cheap guard first: more bytes than 4 per allowed character cannot fit.
    if value.len() > max_chars * 4 || value.chars().count() > max_chars {
        return Err(VigilError::validation(
            field,
            format!("{label} must be at most {max_chars} characters."),
        ));
    }
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
    let value = raw.trim();
    if value.is_empty() {
        return Err(VigilError::validation(field, format!("{label} is required.")));
    }
    // Cheap guard first: more bytes than 4 per allowed character cannot fit.
    let count = if value.len() > max_chars * 4 { usize::MAX } else { value.chars().count() };
    if count < min_chars || count > max_chars {
        return Err(VigilError::validation(
            field,
            format!("{label} must be {min_chars} to {max_chars} characters."),
        ));
    }
    refuse_in(value, field, label, refused_in_lines)?;
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
    if value.len() > max_chars * 4 || value.chars().count() > max_chars {
        return Err(VigilError::validation(
            field,
            format!("{label} must be at most {max_chars} characters."),
        ));
    }
    refuse_in(value, field, label, refused_in_lines)?;
    Ok(value.to_owned())
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
