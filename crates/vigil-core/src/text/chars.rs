//! The characters free text refuses: text-direction controls, invisible characters, and
//! control characters (line breaks and tabs allowed only in text of several lines).

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
