//! Worksheet names Excel accepts, made from group names.

/// A sheet name Excel accepts, made from a group's: none of `[]:*?/\\` (each becomes a
/// space), at most 31 characters (UTF-16 units, as Excel counts), not starting or
/// ending with an apostrophe, not blank, and not one of `used` (lower case, which it
/// joins; put "history", Excel's reserved name, in it first).
pub(super) fn sheet_name(group: &str, used: &mut Vec<String>) -> String {
    /// At most `units` UTF-16 units of `s`, with no apostrophe or space at either end.
    fn fit(s: &str, units: usize) -> String {
        let mut n = 0;
        let cut: String = s
            .chars()
            .take_while(|c| {
                n += c.len_utf16();
                n <= units
            })
            .collect();
        cut.trim_matches(|c: char| c == '\'' || c.is_whitespace())
            .to_string()
    }
    let clean: String = group
        .chars()
        .map(|c| {
            if "[]:*?/\\".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut base = fit(&clean, 31);
    if base.is_empty() {
        base = "Indicators".into();
    }
    let mut name = base.clone();
    let mut n = 2;
    while used.contains(&name.to_lowercase()) {
        let tail = format!(" ({n})");
        name = fit(&base, 31 - tail.len()) + &tail;
        n += 1;
    }
    used.push(name.to_lowercase());
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_legal_and_unique() {
        let mut used = vec!["history".to_string(), "summary".to_string()];
        assert_eq!(
            sheet_name("Provide an efficient complaints service", &mut used),
            "Provide an efficient complaints"
        );
        assert_eq!(
            sheet_name("Provide an efficient complaints service!", &mut used),
            "Provide an efficient compla (2)"
        );
        assert_eq!(sheet_name("Q1/Q2: [draft]", &mut used), "Q1 Q2   draft");
        assert_eq!(sheet_name("Summary", &mut used), "Summary (2)");
        assert_eq!(sheet_name("History", &mut used), "History (2)");
        assert_eq!(sheet_name("'Quoted'", &mut used), "Quoted");
        assert_eq!(sheet_name("[]:*?", &mut used), "Indicators");
        let ends = format!("{}' and more", "a".repeat(30));
        assert_eq!(sheet_name(&ends, &mut used), "a".repeat(30));
        let wide = "📊".repeat(20);
        assert_eq!(sheet_name(&wide, &mut used).encode_utf16().count(), 30);
    }
}
