use proptest::prelude::*;

use super::*;
use crate::ErrorCode;

fn plain(recovery_key: &str) -> Vec<char> {
    recovery_key.chars().filter(|c| *c != '-').collect()
}

fn message_of(typed: &str) -> String {
    let e = parse(typed).expect_err("refused");
    assert_eq!((e.code, e.field.as_deref()), (ErrorCode::Validation, Some(FIELD)));
    e.message
}

/// `key`'s recovery key with the character at `at` (separators aside) replaced by `by`.
fn substituted(key: &[u8; 32], at: usize, by: char) -> String {
    let mut chars = plain(&encode(key));
    chars[at] = by;
    chars.into_iter().collect()
}

#[test]
fn a_key_of_zeros_reads_as_zeros_then_its_weighted_sum_and_15_bits_of_its_sha256() {
    // The weighted sum of zeros is 0; SHA-256 of 32 zero bytes begins 6668: its first 15 bits
    // 01100 11001 10100 = 12 25 20 = C S M.
    let expected = format!("{}0CSM", "0000-".repeat(13));
    assert_eq!(encode(&[0; 32]), expected);
    assert_eq!(parse(&expected), Ok([0; 32]));
}

#[test]
fn the_last_key_bit_sits_on_top_of_the_52nd_character() {
    let recovery_key = plain(&encode(&[0xFF; 32]));
    assert!(recovery_key[..51].iter().all(|c| *c == 'Z'));
    assert_eq!(recovery_key[51], 'G', "1 key bit then 4 zero bits: 10000");
}

#[test]
fn nonzero_padding_bits_are_a_mistype() {
    let mut chars = plain(&encode(&[0; 32]));
    chars[51] = '1';
    let typed: String = chars.into_iter().collect();
    assert!(message_of(&typed).contains("a character was mistyped"));
}

#[test]
fn a_wrong_length_says_how_many_characters_it_has_and_how_many_it_needs() {
    let short = &encode(&[7; 32])[..67]; // the last two characters missing
    let message = message_of(short);
    assert!(message.contains("has 54 letters and digits"), "{message}");
    assert!(message.contains("56, in 14 groups of 4"), "{message}");
    assert!(message_of(&format!("{}-X", encode(&[7; 32]))).contains("has 57"));
    assert!(message_of("").contains("has 0"));
}

#[test]
fn a_character_not_in_recovery_keys_is_named_with_its_group() {
    let message = message_of(&substituted(&[9; 32], 9, 'U'));
    assert!(message.starts_with("\"U\" in group 3 is not in recovery keys"), "{message}");
    assert!(message_of(&substituted(&[9; 32], 0, '*')).starts_with("\"*\" in group 1 "));
    let invisible = message_of(&substituted(&[9; 32], 55, '\u{200B}'));
    assert!(invisible.starts_with("The character U+200B in group 14 "), "{invisible}");
}

#[test]
fn a_check_group_that_does_not_match_says_a_character_was_mistyped() {
    let key = [0x42; 32];
    let chars = plain(&encode(&key));
    let other = if chars[20] == 'A' { 'B' } else { 'A' };
    let message = message_of(&substituted(&key, 20, other));
    assert_eq!(
        message,
        "This recovery key does not add up: a character was mistyped; check each group against \
         the paper."
    );
}

#[test]
fn every_single_substitution_in_these_keys_is_refused() {
    for key in [[0u8; 32], [0xFF; 32], [0x5A; 32], std::array::from_fn(|i| i as u8)] {
        for at in 0..CHARS {
            let original = plain(&encode(&key))[at];
            for by in ALPHABET.iter().copied().map(char::from) {
                if by != original {
                    assert!(parse(&substituted(&key, at, by)).is_err(), "{at} -> {by}");
                }
            }
        }
    }
}

/// A key and a variant of its recovery key as someone might type it.
fn typed_variant() -> impl Strategy<Value = ([u8; 32], String)> {
    let separator = prop::sample::select(vec!["", " ", "-", "\n", "  ", " - ", "\r\n", "\t"]);
    (any::<[u8; 32]>(), prop::collection::vec((separator, any::<bool>(), any::<bool>()), CHARS))
        .prop_map(|(key, how)| {
            let mut typed = String::new();
            for (c, (sep, lower, lookalike)) in plain(&encode(&key)).into_iter().zip(how) {
                typed.push_str(sep);
                let c = match (c, lookalike) {
                    ('1', true) => 'l',
                    ('0', true) => 'O',
                    (c, _) => c,
                };
                typed.push(if lower { c.to_ascii_lowercase() } else { c });
            }
            (key, typed)
        })
}

proptest! {
    #[test]
    fn any_key_round_trips_in_14_groups_of_4(key in any::<[u8; 32]>()) {
        let recovery_key = encode(&key);
        let groups: Vec<&str> = recovery_key.split('-').collect();
        prop_assert_eq!(groups.len(), GROUPS);
        prop_assert!(groups.iter().all(|g| g.len() == GROUP && g.bytes().all(|b| ALPHABET.contains(&b))));
        prop_assert_eq!(parse(&recovery_key), Ok(key));
    }

    #[test]
    fn case_separators_and_lookalikes_do_not_matter((key, typed) in typed_variant()) {
        prop_assert_eq!(parse(&typed), Ok(key));
    }

    /// A substituted character is always refused: in the padding, in the check group, and in
    /// the key's 52 characters (the weighted check symbol changes with any one of them).
    #[test]
    fn a_single_substitution_is_always_refused(
        key in any::<[u8; 32]>(),
        at in 0..CHARS,
        by in prop::sample::select(ALPHABET.to_vec()),
    ) {
        let by = char::from(by);
        prop_assume!(plain(&encode(&key))[at] != by);
        let refused = parse(&substituted(&key, at, by));
        prop_assert_eq!(refused.map_err(|e| e.field), Err(Some(FIELD.to_owned())));
    }
}
