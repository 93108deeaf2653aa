//! Command payloads as they arrive over IPC: JSON parsed into the input types here, so that a
//! value of the wrong type (a string where a number belongs, an object for a list) is a
//! `validation` error naming its field (`vitals.systolic`, `cadss.3`), like any other bad input,
//! and never echoes the value back.

use serde::de::DeserializeOwned;

use crate::VigilError;

/// Parses `value` into `T`. Errors: `validation` on the path of the first value that does not
/// fit (`input` when the payload as a whole does not).
pub fn parse<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, VigilError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let field = field_path(&e.path().to_string());
        VigilError::validation(&field, format!("The value of {field} has the wrong type or shape."))
    })
}

/// `cadss[3]` → `cadss.3`; the root, or a position in a payload sent as a list, → `input`.
fn field_path(path: &str) -> String {
    let dotted = path.replace('[', ".").replace(']', "");
    match dotted.trim_matches('.') {
        p if p.is_empty() || p.starts_with(|c: char| c.is_ascii_digit()) => "input".to_owned(),
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
}
