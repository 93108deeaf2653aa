//! Command payloads as they arrive over IPC: JSON parsed into the input types here, so that a
//! value of the wrong type (a string where a number belongs, an object for a list), a missing
//! argument or an unknown field is a `validation` error naming its field (`vitals.systolic`,
//! `cadss.3`), like any other bad input, and never echoes the value back.
//!
//! Before any field rule runs, every string in the payload (ignored ones too: a field a form
//! does not use, a PIN, a choice from a list) must be at most [`MAX_STRING_BYTES`] long and
//! free of the characters the text rule refuses in any text ([`text::refused_in_lines`]:
//! control characters other than line breaks and tabs, invisible and text-direction
//! characters). Each field's own rule (one line, its length) still applies after this.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::{text, VigilError};

/// The longest string any payload may carry, in bytes: the largest field (a draft of a form)
/// fits; every other field has a shorter limit of its own.
pub const MAX_STRING_BYTES: usize = crate::draft::MAX_DRAFT_BYTES;

/// Parses `value` into `T`. Errors: `validation` on the path of the first value that does not
/// fit (`input` when the payload as a whole does not).
pub fn parse<T: DeserializeOwned>(value: Value) -> Result<T, VigilError> {
    parse_arg("input", Some(value))
}

/// Parses the command argument `name` (`None` when the page left it out or sent `null`) into
/// `T`. Errors: `validation` naming the path of the first value that does not fit, or `name`
/// when the argument as a whole does not (missing, `null`, or of the wrong type).
pub fn parse_arg<T: DeserializeOwned>(name: &str, value: Option<Value>) -> Result<T, VigilError> {
    let value = value.unwrap_or(Value::Null);
    check_strings(&value, &mut Vec::new(), name)?;
    let parsed = deserialize(value.clone(), name)?;
    refuse_lists_read_as_objects::<T>(&value, name)?;
    Ok(parsed)
}

/// Like [`parse_arg`] for a string kept as typed, whatever characters it holds (a form's draft,
/// so what a nurse pasted is never lost; each field's rule refuses it when the form is saved).
/// Only its size is limited. Errors: `validation` on `name` when missing, not a string, or
/// longer than [`MAX_STRING_BYTES`].
pub fn parse_verbatim_arg(name: &str, value: Option<Value>) -> Result<String, VigilError> {
    match value {
        Some(Value::String(s)) if s.len() <= MAX_STRING_BYTES => Ok(s),
        Some(Value::String(_)) => Err(VigilError::validation(name, format!("{name} is too long."))),
        _ => Err(VigilError::validation(
            name,
            format!("The value of {name} has the wrong type or shape."),
        )),
    }
}

fn deserialize<T: DeserializeOwned>(value: Value, name: &str) -> Result<T, VigilError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        // An unknown field is named by the object that holds it, never by its own name.
        let path = match e.inner().to_string().starts_with("unknown field") {
            true => path.rsplit_once('.').map_or("", |(holder, _)| holder).to_owned(),
            false => path,
        };
        let field = field_path(&path, name);
        VigilError::validation(&field, format!("The value of {field} has the wrong type or shape."))
    })
}

/// The most lists a payload may hold (the check form has three).
const MAX_LISTS: usize = 32;

/// Refuses a list sent where an object belongs, which serde would otherwise read as the
/// object's fields in order (`"vitals": []` as vitals with nothing in them). Each list is
/// put back as a string in turn: if `T` then wants an object there, the list was read as one.
fn refuse_lists_read_as_objects<T: DeserializeOwned>(
    value: &Value,
    name: &str,
) -> Result<(), VigilError> {
    let mut lists = Vec::new();
    list_pointers(value, String::new(), &mut lists);
    if lists.len() > MAX_LISTS {
        return Err(VigilError::validation(
            name,
            format!("The value of {name} has too many lists."),
        ));
    }
    for pointer in lists {
        let mut probe = value.clone();
        if let Some(list) = probe.pointer_mut(&pointer) {
            *list = Value::String(String::new());
        }
        if let Err(e) = serde_path_to_error::deserialize::<_, T>(probe) {
            if e.inner().to_string().contains("expected struct") {
                let field = field_path(&e.path().to_string(), name);
                return Err(VigilError::validation(
                    &field,
                    format!("The value of {field} has the wrong type or shape."),
                ));
            }
        }
    }
    Ok(())
}

/// The JSON pointer of every list in `value`.
fn list_pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            out.push(at.clone());
            for (i, item) in items.iter().enumerate() {
                list_pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                list_pointers(item, format!("{at}/{key}"), out);
            }
        }
        _ => {}
    }
}

/// Refuses the first string in `value` (an object's keys included) that is too long or holds a
/// character no text may hold, naming its path.
fn check_strings(value: &Value, path: &mut Vec<String>, name: &str) -> Result<(), VigilError> {
    let refused = |s: &str| s.len() > MAX_STRING_BYTES || s.chars().any(text::refused_in_lines);
    match value {
        Value::String(s) if refused(s) => {
            let field = field_path(&path.join("."), name);
            Err(VigilError::validation(
                &field,
                format!(
                    "The value of {field} is too long or holds control, invisible or \
                     text-direction characters."
                ),
            ))
        }
        Value::Array(items) => items.iter().enumerate().try_for_each(|(i, item)| {
            path.push(i.to_string());
            let checked = check_strings(item, path, name);
            path.pop();
            checked
        }),
        Value::Object(map) => map.iter().try_for_each(|(key, item)| {
            if refused(key) {
                let field = field_path(&path.join("."), name);
                return Err(VigilError::validation(
                    &field,
                    format!("The value of {field} holds a field name that is not allowed."),
                ));
            }
            path.push(key.clone());
            let checked = check_strings(item, path, name);
            path.pop();
            checked
        }),
        _ => Ok(()),
    }
}

/// `cadss[3]` → `cadss.3`; the root, or a position in a payload sent as a list, → `name`.
fn field_path(path: &str, name: &str) -> String {
    let dotted = path.replace('[', ".").replace(']', "");
    match dotted.trim_matches('.') {
        p if p.is_empty() || p.starts_with(|c: char| c.is_ascii_digit()) => name.to_owned(),
        p => p.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::CheckInput;
    use serde_json::json;

    #[test]
    fn a_wrong_type_names_its_field_without_the_value() {
        let cases = [
            (json!({"sessionId": "Testy McTestface"}), "sessionId"),
            (json!({"vitals": {"systolic": "high"}}), "vitals.systolic"),
            (json!({"cadss": [1, 2, 3, "x", 0, 0]}), "cadss.3"),
            (json!({"symptoms": "lightheaded"}), "symptoms"),
            (json!({"orthostatic": {"method": 3}}), "orthostatic.method"),
            (json!([1, 2]), "input"),
            (json!("a check"), "input"),
        ];
        for (value, field) in cases {
            let err = parse::<CheckInput>(value).expect_err(field);
            assert_eq!(err.field.as_deref(), Some(field));
            assert!(!err.message.contains("Testy") && !err.message.contains("high"), "{err:?}");
        }
        assert!(parse::<CheckInput>(json!({"sessionId": 3, "symptomGrade": 0})).is_ok());
    }

    #[test]
    fn a_missing_or_null_argument_names_the_argument() {
        let err = parse_arg::<i64>("sessionId", None).expect_err("missing");
        assert_eq!(err.field.as_deref(), Some("sessionId"));
        let err = parse_arg::<i64>("sessionId", Some(Value::Null)).expect_err("null");
        assert_eq!(err.field.as_deref(), Some("sessionId"));
        let err = parse_arg::<i64>("sessionId", Some(json!(1.5))).expect_err("fraction");
        assert_eq!(err.field.as_deref(), Some("sessionId"));
        assert_eq!(parse_arg::<i64>("sessionId", Some(json!(7))), Ok(7));
        let pasted = "{\"note\":\"soft\u{AD}hyphen and zero\u{200B}width\"}";
        assert_eq!(parse_verbatim_arg("content", Some(json!(pasted))).as_deref(), Ok(pasted));
        assert!(parse_arg::<String>("content", Some(json!(pasted))).is_err());
        let err = parse_verbatim_arg("content", Some(json!(7))).expect_err("a number");
        assert_eq!(err.field.as_deref(), Some("content"));
        let huge = "x".repeat(MAX_STRING_BYTES + 1);
        assert!(parse_verbatim_arg("content", Some(json!(huge))).is_err());
    }

    #[test]
    fn strings_too_long_or_with_hidden_characters_are_refused_wherever_they_are() {
        let long = "x".repeat(MAX_STRING_BYTES + 1);
        let cases = [
            (json!({"note": long}), "note"),
            (json!({"vitals": {"oxygen": "room\u{202E}air"}}), "vitals.oxygen"),
            (json!({"symptoms": ["nausea", "a\u{200B}b"]}), "symptoms.1"),
            (json!({"lateReason": "bell\u{7}"}), "lateReason"),
            (json!({"a\u{2066}b": 1}), "input"),
            (json!("\u{FEFF}"), "input"),
        ];
        for (value, field) in cases {
            let err = parse::<CheckInput>(value).expect_err(field);
            assert_eq!(err.field.as_deref(), Some(field));
        }
        let lines = json!({"sessionId": 3, "symptomGrade": 0, "note": "one\n\ttwo"});
        assert!(parse::<CheckInput>(lines).is_ok());
        assert!(parse::<CheckInput>(json!({"note": "x".repeat(MAX_STRING_BYTES)})).is_ok());
    }

    #[test]
    fn a_list_where_an_object_belongs_is_refused() {
        let cases = [
            (json!({"symptomGrade": 0, "vitals": []}), "vitals"),
            (json!({"symptomGrade": 0, "orthostatic": ["sit_to_stand"]}), "orthostatic"),
            (json!([]), "input"),
        ];
        for (value, field) in cases {
            let err = parse::<CheckInput>(value).expect_err(field);
            assert_eq!(err.field.as_deref(), Some(field));
        }
        let lists = json!({"symptomGrade": 1, "symptoms": ["nausea"], "cadss": [0, 0, 0, 0, 0, 0]});
        assert!(parse::<CheckInput>(lists).is_ok());
    }

    #[test]
    fn an_unknown_field_is_refused() {
        let err =
            parse::<CheckInput>(json!({"symptomGrade": 0, "isAdmin": true})).expect_err("extra");
        assert_eq!(err.code, crate::ErrorCode::Validation);
        let nested = json!({"vitals": {"systolic": 120, "extra": 1}});
        let err = parse::<CheckInput>(nested).expect_err("nested extra");
        assert_eq!(err.field.as_deref(), Some("vitals"), "{err:?}");
    }
}
