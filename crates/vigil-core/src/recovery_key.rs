//! The recovery key: the database key (32 random bytes) written for humans, to print on paper
//! and type back when the key home is lost. Crockford base32 (`0-9`, `A-Z` without I, L, O, U)
//! of the 32 bytes, most significant bit first (52 characters: 256 bits and 4 zero padding bits,
//! the low bits of the 52nd character), then a check group of 4 characters (a weighted sum of
//! the 52 characters, then the first 15 bits of SHA-256 of the 32 bytes); shown as 14 groups of
//! 4 joined by `-`.
//!
//! Reading back forgives what paper invites: any case, I and L read as 1, O as 0, spaces,
//! dashes and line breaks ignored. What it refuses, it names: the wrong number of characters,
//! a character that is not in recovery keys (and its group), and a mistype the check reveals.
//! Every single mistyped character is caught (the weighted sum); other mistakes are caught
//! by the hash part too, except about one in 32768, and such a key then simply does not open
//! the records.

use sha2::{Digest, Sha256};

use crate::VigilError;

/// The IPC field a recovery key is typed in.
pub const FIELD: &str = "recoveryKey";
/// Characters in a recovery key (separators aside): 52 for the key, 4 for the check.
pub const CHARS: usize = 56;
/// Characters per group, and groups in a key.
pub const GROUP: usize = 4;
pub const GROUPS: usize = CHARS / GROUP;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const KEY_CHARS: usize = 52;
/// The bits of the 52nd character that carry no key bit (it holds the key's last bit on top).
const PADDING_MASK: u8 = 0b01111;

const MISTYPED: &str = "a character was mistyped; check each group against the paper";

/// The recovery key of `key`: 14 groups of 4 characters joined by `-`.
pub fn encode(key: &[u8; 32]) -> String {
    let mut symbols = to_symbols(key);
    symbols.extend(check_symbols(key));
    let chars: Vec<char> = symbols.iter().map(|&s| char::from(ALPHABET[usize::from(s)])).collect();
    let groups: Vec<String> = chars.chunks(GROUP).map(|g| g.iter().collect()).collect();
    groups.join("-")
}

/// The 32 key bytes a typed recovery key stands for. Errors (validation, field `recoveryKey`):
/// a character that is not in recovery keys, the wrong number of characters, a mistype that
/// the padding or the check group reveals.
pub fn parse(typed: &str) -> Result<[u8; 32], VigilError> {
    let symbols = symbols_of(typed)?;
    if symbols.len() != CHARS {
        return Err(VigilError::validation(
            FIELD,
            format!(
                "This recovery key has {} letters and digits; a recovery key has {CHARS}, in \
                 {GROUPS} groups of {GROUP}. Check it against the paper.",
                symbols.len()
            ),
        ));
    }
    let (data, check) = symbols.split_at(KEY_CHARS);
    if data[KEY_CHARS - 1] & PADDING_MASK != 0 {
        return Err(mistyped());
    }
    let key = from_symbols(data);
    if check != check_symbols(&key) {
        return Err(mistyped());
    }
    Ok(key)
}

fn mistyped() -> VigilError {
    VigilError::validation(FIELD, format!("This recovery key does not add up: {MISTYPED}."))
}

/// The 5-bit values of the typed characters, separators dropped.
fn symbols_of(typed: &str) -> Result<Vec<u8>, VigilError> {
    let mut symbols = Vec::with_capacity(CHARS);
    for c in typed.chars().filter(|c| !c.is_whitespace() && *c != '-') {
        match symbol(c) {
            Some(s) => symbols.push(s),
            None => {
                let group = symbols.len() / GROUP + 1;
                return Err(VigilError::validation(
                    FIELD,
                    format!(
                        "{} in group {group} is not in recovery keys: they use only the digits \
                         0 to 9 and the letters A to Z without U.",
                        describe(c)
                    ),
                ));
            }
        }
    }
    Ok(symbols)
}

/// The value of one typed character: any case, I and L as 1, O as 0.
fn symbol(c: char) -> Option<u8> {
    let upper = match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    };
    let byte = u8::try_from(upper).ok()?;
    ALPHABET.iter().position(|&a| a == byte).and_then(|p| u8::try_from(p).ok())
}

/// A character as the message names it: itself in quotes when it is visible, else its code.
fn describe(c: char) -> String {
    if c.is_control() || crate::text::is_invisible_format(c) {
        format!("The character U+{:04X}", u32::from(c))
    } else {
        format!("\"{c}\"")
    }
}

/// The 52 five-bit symbols of the key, most significant bit first, zero padded.
fn to_symbols(key: &[u8; 32]) -> Vec<u8> {
    let mut symbols = Vec::with_capacity(CHARS);
    let (mut acc, mut bits) = (0u16, 0u32);
    for &byte in key {
        acc = (acc << 8) | u16::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            symbols.push(((acc >> bits) & 31) as u8);
        }
    }
    symbols.push(((acc << (5 - bits)) & 31) as u8);
    symbols
}

/// The key of 52 symbols whose padding bits are zero.
fn from_symbols(symbols: &[u8]) -> [u8; 32] {
    let mut key = [0u8; 32];
    let (mut acc, mut bits, mut at) = (0u16, 0u32, 0usize);
    for &s in symbols {
        acc = (acc << 5) | u16::from(s);
        bits += 5;
        if bits >= 8 && at < key.len() {
            bits -= 8;
            key[at] = (acc >> bits) as u8;
            at += 1;
        }
    }
    key
}

/// The check group. Its first symbol is the sum of the 52 key symbols weighted by the odd
/// numbers 1, 3, 5, ... (mod 32): an odd weight is invertible mod 32, so changing any one symbol
/// always changes the sum, and every single mistype is caught. The other three are the first
/// 15 bits of SHA-256 of the key, which catch most other mistakes (about 32767 in 32768).
fn check_symbols(key: &[u8; 32]) -> [u8; 4] {
    let weighted = to_symbols(key)
        .iter()
        .enumerate()
        .fold(0u32, |sum, (i, &s)| (sum + (2 * i as u32 + 1) * u32::from(s)) % 32);
    let digest = Sha256::digest(key);
    let bits = (u32::from(digest[0]) << 7) | (u32::from(digest[1]) >> 1);
    [weighted as u8, (bits >> 10) as u8 & 31, (bits >> 5) as u8 & 31, bits as u8 & 31]
}

#[cfg(test)]
#[path = "recovery_key/tests.rs"]
mod tests;
