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
    fn counts_characters_not_bytes() {
        assert!(required_text("ÉÉÉÉÉÉÉÉÉÉ", "bay", "Bay", 10).is_ok());
    }
}
