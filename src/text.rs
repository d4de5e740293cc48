//! Text normalisation shared by the pillars.
//!
//! People type full-width characters on Chinese IMEs (`１３８`, `．`, `，`, `￥`); where a person would expect them to
//! mean their ASCII twins, mallcare folds them. Nothing else is changed.

/// Folds one full-width ASCII variant (U+FF01..U+FF5E) to ASCII, the ideographic space (U+3000) to a space,
/// and `￥` to `¥`. Other characters are returned unchanged.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// use mallcare::text::fold_fullwidth;
/// assert_eq!(fold_fullwidth('１'), '1');
/// assert_eq!(fold_fullwidth('Ｘ'), 'X');
/// assert_eq!(fold_fullwidth('\u{3000}'), ' ');
/// assert_eq!(fold_fullwidth('星'), '星');
/// ```
pub fn fold_fullwidth(c: char) -> char {
    match c {
        '\u{FFE5}' => '¥',
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// [`fold_fullwidth`] over a whole string, then trims surrounding whitespace.
///
/// # Errors
/// None.
///
/// # Example
/// ```
/// assert_eq!(mallcare::text::normalize(" １３８ "), "138");
/// ```
pub fn normalize(s: &str) -> String {
    let folded: String = s.chars().map(fold_fullwidth).collect();
    folded.trim().to_string()
}
