//! Comparing the words people write in cells: one key for `Partially Upheld`,
//! `partially-upheld` and `PARTIALLY UPHELD`.

/// The text lower-cased with everything but letters and digits left out: the key that
/// settings, outcomes, stages and names written in cells are compared by.
///
/// ```
/// assert_eq!(scorecard_core::text::letters_key("Partially-Upheld (2)"), "partiallyupheld2");
/// ```
pub fn letters_key(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}
