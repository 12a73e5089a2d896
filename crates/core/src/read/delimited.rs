//! Delimited text (CSV, semicolon-separated, or tab-separated text pasted from a
//! spreadsheet) read into a [`Table`].

use crate::problem::{Position, Problem, ProblemKind, ProblemLog};
use crate::value::strip_money_suffix;

use super::limits::{MAX_CELL_CHARS, MAX_COLUMNS};
use super::records::Records;
use super::{too_much_text, Table, TableFull};

/// Reads CSV (or pasted tab-separated) text into a table.
pub fn read_delimited(name: &str, text: &str, log: &mut ProblemLog) -> Result<Table, Problem> {
    read_delimited_with_progress(name, text, log, &mut |_| {})
}

pub(super) fn read_delimited_with_progress(
    name: &str,
    text: &str,
    log: &mut ProblemLog,
    progress: &mut dyn FnMut(u64),
) -> Result<Table, Problem> {
    let mut table = Table::new(name.to_string(), None);
    let mut records = Records::new(name, text);
    while records
        .next_into(&mut table, log, progress)
        .map_err(|_| too_much_text(name))?
    {}
    records.finish(log);
    Ok(table)
}

/// Where the quote opening a field that runs to the end of `record` is, if one does:
/// `record` is the text from the last record's start to the end of the file, read as
/// csv reads it (a quote opens a field only at the field's start; `""` inside is a quote).
pub(super) fn unclosed_quote(record: &str, delimiter: u8) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let mut opened = 0;
    for (i, b) in record.bytes().enumerate() {
        let ends_field = b == delimiter || b == b'\n' || b == b'\r';
        state = match state {
            State::FieldStart if b == b'"' => {
                opened = i;
                State::Quoted
            }
            State::FieldStart | State::Unquoted | State::QuoteInQuoted if ends_field => {
                State::FieldStart
            }
            State::FieldStart | State::Unquoted => State::Unquoted,
            State::Quoted if b == b'"' => State::QuoteInQuoted,
            State::Quoted => State::Quoted,
            State::QuoteInQuoted if b == b'"' => State::Quoted,
            State::QuoteInQuoted => State::Unquoted,
        };
    }
    (state == State::Quoted).then_some(opened)
}

/// How many line ends `text` has (`\n`, or a lone `\r`).
pub(super) fn count_lines(text: &str) -> usize {
    let b = text.as_bytes();
    b.iter()
        .enumerate()
        .filter(|(i, c)| **c == b'\n' || (**c == b'\r' && b.get(i + 1) != Some(&b'\n')))
        .count()
}

/// Adds a record's cells to the table as a new row.
#[inline(never)]
pub(super) fn push_record(
    table: &mut Table,
    record: &csv::StringRecord,
    line: usize,
    delimiter: u8,
    name: &str,
    log: &mut ProblemLog,
) -> Result<(), TableFull> {
    // Cells beyond the last column are not kept: empty ones are dropped, and text there
    // leaves the row out (only rows that long pay for the look).
    if record.len() > MAX_COLUMNS && record.iter().skip(MAX_COLUMNS).any(|f| !f.is_empty()) {
        log.push(Problem::new(
            Position::file(name).at_row(line),
            ProblemKind::TooManyColumns { limit: MAX_COLUMNS },
        ));
        return Ok(());
    }
    table.start_row(line);
    for field in record.iter().take(MAX_COLUMNS) {
        let pushed = if field.len() > MAX_CELL_CHARS && field.chars().count() > MAX_CELL_CHARS {
            log.push(Problem::new(
                Position::file(name).at_row(line),
                ProblemKind::CellTooLong {
                    limit: MAX_CELL_CHARS,
                },
            ));
            table.push_cell("")
        } else if delimiter == b';' {
            match continental_number(field) {
                Some(n) => table.push_cell(&n),
                None => table.push_cell(field),
            }
        } else {
            table.push_cell(field)
        };
        pushed?;
    }
    Ok(())
}

/// A semicolon-separated file comes from a continental-locale Excel, where `5,5` is
/// five and a half and `1.309,25` is one thousand three hundred and nine and a quarter.
/// A cell that is wholly such a number is rewritten the UK way; any other cell is left
/// alone.
///
/// The rule for a point: a number with a comma is continental (its points group
/// thousands); a number with a point and no comma is a plain decimal (`0.125`, and
/// `1.309` too, which is ambiguous), unless it has more than one point (`1.234.567`),
/// which only a thousands separator can make.
///
/// ```
/// use scorecard_core::read::continental_number;
/// assert_eq!(continental_number("5,5").as_deref(), Some("5.5"));
/// assert_eq!(continental_number("1.309,25 %").as_deref(), Some("1309.25 %"));
/// assert_eq!(continental_number("1.234.567").as_deref(), Some("1234567"));
/// assert_eq!(continental_number("0.125"), None);
/// assert_eq!(continental_number("1.309"), None);
/// assert_eq!(continental_number("Engage children, young people"), None);
/// ```
pub fn continental_number(cell: &str) -> Option<String> {
    let t = cell.trim();
    let body = t
        .trim_start_matches(['-', '£', '€', ' '])
        .trim_end_matches(['%', ' ']);
    let body = strip_money_suffix(body).map_or(body, |(b, _)| b);
    let (int, frac) = match body.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int.split('.').collect();
    let int_ok = !int.is_empty()
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && (groups.len() == 1
            || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    // With no comma, one point is a decimal point: the cell is left as written.
    if !int_ok || !frac_ok || (frac.is_none() && groups.len() <= 2) {
        return None;
    }
    let start = t.find(body)?;
    let number = match frac {
        Some(f) => format!("{}.{f}", groups.concat()),
        None => groups.concat(),
    };
    Some(format!(
        "{}{number}{}",
        &t[..start],
        &t[start + body.len()..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_a_semicolon_file_a_point_decimal_stays_a_decimal() {
        let mut log = ProblemLog::default();
        let t = read_delimited(
            "s.csv",
            "code;value\nA;0.125\nB;5,5\nC;1.234.567\n",
            &mut log,
        )
        .unwrap();
        let cells: Vec<&str> = t.rows().skip(1).map(|r| r.get(1).unwrap()).collect();
        assert_eq!(cells, ["0.125", "5.5", "1234567"]);
    }

    #[test]
    fn an_unclosed_quote_at_the_end_is_named_with_the_lines_it_took_in() {
        let mut log = ProblemLog::default();
        let text =
            "code,period,value,note\nA,Q1 2018/19,5,\"checked\nB,Q1 2018/19,6,\nC,Q1 2018/19,7,\n";
        read_delimited("q.csv", text, &mut log).unwrap();
        let notices: Vec<String> = log.finish().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            notices,
            ["q.csv, row 2: a quote (\") opened in this row is never closed, so the row runs on to the file's last line (4) as one cell; close the quote, or remove it"]
        );
    }

    #[test]
    fn quotes_that_close_and_quotes_inside_a_field_are_not_unclosed() {
        assert_eq!(
            unclosed_quote("A,\"a \"\"b\"\" c\"\nB,5 \"inch\n", b','),
            None
        );
        assert_eq!(unclosed_quote("A,5\"\n", b','), None);
        assert_eq!(unclosed_quote("A,\"x\ny", b','), Some(2));
    }
}
