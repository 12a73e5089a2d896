//! Writes each report-shaped TSV fixture in tests/fixtures/shaped/ as a workbook the way
//! Excel (and Pentana's export) holds it: numbers stored as numbers with the formats
//! `0.00%`, `"£"#,##0.00`, `#,##0` and `0.00`; text as text; the title row merged across
//! the table, and each header cell of a two-row header merged across the blank cells
//! beside it that the second row names (`Status`, `Note`...).
//!
//! `cargo run -p scorecard-core --example make_shaped_fixtures`

use rust_xlsxwriter::{Format, Workbook, XlsxError};
use scorecard_core::value::{parse_figure, Unit};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/shaped");

fn main() -> Result<(), XlsxError> {
    for (name, cover) in [
        ("complaints-q2-2018-19-as-published", false),
        ("illustrative-report-shaped", false),
        ("children-pi-report", true),
    ] {
        let text = std::fs::read_to_string(format!("{DIR}/{name}.tsv"))?;
        let rows: Vec<Vec<&str>> = text
            .lines()
            .map(|l| {
                if l.is_empty() {
                    Vec::new()
                } else {
                    l.split('\t').collect()
                }
            })
            .collect();
        let mut book = Workbook::new();
        if cover {
            let sheet = book.add_worksheet().set_name("Cover")?;
            sheet.write_string(0, 0, "Children's Services performance workbook")?;
            sheet.write_string(2, 0, "Prepared for the Cabinet, figures as published.")?;
        }
        let sheet = book.add_worksheet().set_name("Report")?;
        let width = rows.iter().map(Vec::len).max().unwrap_or(1) as u16;
        for (r, cells) in rows.iter().enumerate() {
            let r = r as u32;
            let next = rows.get(r as usize + 1);
            let second_header = next.is_some_and(|n| n.contains(&"Value"));
            let heading = cells.len() == 1 && !cells[0].is_empty();
            if heading && r == 0 {
                // The title, merged across the table.
                sheet.merge_range(r, 0, r, width - 1, cells[0], &Format::new().set_bold())?;
                continue;
            }
            let mut c = 0;
            while c < cells.len() {
                let text = cells[c];
                let col = c as u16;
                // A header cell above `Value`, with blank cells beside it that the
                // second row names: one merged cell, as Excel keeps it.
                let mut span = 0;
                if second_header && !text.is_empty() {
                    while cells.get(c + span + 1).is_some_and(|t| t.is_empty())
                        && next
                            .and_then(|n| n.get(c + span + 1))
                            .is_some_and(|t| !t.is_empty() && *t != "Value")
                    {
                        span += 1;
                    }
                }
                if span > 0 {
                    sheet.merge_range(r, col, r, col + span as u16, text, &Format::new())?;
                    c += span + 1;
                    continue;
                }
                write_cell(sheet, r, col, text)?;
                c += 1;
            }
        }
        book.save(format!("{DIR}/{name}.xlsx"))?;
        println!("wrote {name}.xlsx");
    }
    Ok(())
}

/// A cell as Excel holds what was typed: a figure as a number with the format that
/// shows it as written, anything else as text.
fn write_cell(
    sheet: &mut rust_xlsxwriter::Worksheet,
    r: u32,
    c: u16,
    text: &str,
) -> Result<(), XlsxError> {
    if text.is_empty() {
        return Ok(());
    }
    let figure = match parse_figure(text) {
        Ok(Some(f)) if !text.contains('/') => f,
        _ => {
            sheet.write_string(r, c, text)?;
            return Ok(());
        }
    };
    let zeros = "0".repeat(figure.decimals as usize);
    let point = if zeros.is_empty() {
        String::new()
    } else {
        format!(".{zeros}")
    };
    let (number, code) = match figure.unit {
        Some(Unit::Percent) => (figure.number / 100.0, format!("0{point}%")),
        Some(Unit::Pounds { .. }) => (figure.number, format!("\"£\"#,##0{point}")),
        _ if text.contains(',') => (figure.number, format!("#,##0{point}")),
        _ if figure.decimals > 0 => (figure.number, format!("0{point}")),
        _ => (figure.number, "General".to_string()),
    };
    if code == "General" {
        sheet.write_number(r, c, number)?;
    } else {
        sheet.write_number_with_format(r, c, number, &Format::new().set_num_format(&code))?;
    }
    Ok(())
}
