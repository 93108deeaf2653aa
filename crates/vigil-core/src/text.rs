//! Free-text rules shared by every field a nurse types: trimmed, bounded, no control characters.

use crate::VigilError;

/// Trims `raw` and checks it is present, at most `max_chars` long and free of control
/// characters. `label` names the field for the nurse; `field` is the IPC field name.
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
    if value.chars().count() > max_chars {
        return Err(VigilError::validation(
            field,
            format!("{label} must be at most {max_chars} characters."),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(VigilError::validation(
            field,
            format!("{label} must not contain control characters (tabs, line breaks)."),
        ));
    }
    Ok(value.to_owned())
}

/// Like [`required_text`] for text of several lines (a nurse's note): at least `min_chars`
/// and at most `max_chars` characters once trimmed; line breaks and tabs allowed, other control
/// characters and text-direction controls (which can make stored text read differently from
/// what was typed) refused.
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
    let bad =
        |c: char| (c.is_control() && c != '\n' && c != '\t') || crate::checks::is_bidi_control(c);
    if value.chars().any(bad) {
        return Err(VigilError::validation(
            field,
            format!("{label} must not contain control or text-direction characters."),
        ));
    }
    Ok(value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

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
