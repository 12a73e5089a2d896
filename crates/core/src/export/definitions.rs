//! The definitions file: every PI with the settings read from the files or worked out
//! (polarity, cumulative, target profile, unit, decimals...) and where each came from.
//! It reads back as a PI definitions table (code and settings, no period), so the user
//! corrects it and drops it with next quarter's data, and the corrected settings win.

use crate::dataset::Dataset;
use crate::indicator::{Indicator, Polarity, PolaritySource, TargetProfile, Tolerance};

use super::neutralise;

/// The definitions file's columns, in order. The settings' headers are the column
/// names Scorecard reads; the `… source` columns are for the user and are not read back.
pub const DEFINITION_HEADERS: [&str; 18] = [
    "Code",
    "Title",
    "Group",
    "Priority",
    "Polarity",
    "Polarity source",
    "Cumulative",
    "Cumulative source",
    "Target profile",
    "Target profile source",
    "Unit",
    "Unit source",
    "Decimals",
    "Decimals source",
    "Tolerance",
    "Per",
    "Population group",
    "Target",
];

/// A cell of the definitions file: text, or a number (a workbook stores it as one).
#[derive(Debug, Clone, PartialEq)]
pub enum DefinitionCell {
    Text(String),
    Number(f64),
    Empty,
}

impl DefinitionCell {
    fn text(s: impl Into<String>) -> DefinitionCell {
        let s = s.into();
        if s.is_empty() {
            DefinitionCell::Empty
        } else {
            DefinitionCell::Text(s)
        }
    }

    fn number(x: Option<f64>) -> DefinitionCell {
        x.map_or(DefinitionCell::Empty, DefinitionCell::Number)
    }

    /// As CSV text: numbers in plain digits (`4.5`, `95`), formula-like text neutralised.
    pub fn csv_text(&self) -> String {
        match self {
            DefinitionCell::Text(s) => neutralise(s),
            DefinitionCell::Number(x) => format!("{x}"),
            DefinitionCell::Empty => String::new(),
        }
    }
}

/// Polarity as the definitions file writes it: empty where none was given or inferred,
/// so that reading the file back leaves it not given (`none` would say "data only").
fn polarity_text(ind: &Indicator) -> &'static str {
    if ind.polarity_source == PolaritySource::NotGiven {
        return "";
    }
    match ind.polarity {
        Polarity::Up => "up",
        Polarity::Down => "down",
        Polarity::Band => "band",
        Polarity::None => "none",
    }
}

/// Where the target profile came from: the file, or the default and why.
fn profile_source(ind: &Indicator) -> &'static str {
    if ind.target_profile_given.is_some() {
        "file"
    } else if ind.target_profile() == TargetProfile::ProRata {
        "default: cumulative, not a percentage"
    } else if ind.cumulative {
        "default: cumulative percentage"
    } else {
        "default: not cumulative"
    }
}

fn tolerance_text(t: Option<Tolerance>) -> DefinitionCell {
    match t {
        None => DefinitionCell::Empty,
        Some(Tolerance::Absolute(w)) => DefinitionCell::Number(w),
        Some(Tolerance::PercentOfTarget(p)) => DefinitionCell::Text(format!("{p}%")),
    }
}

/// One PI's row of the definitions file, in the order of [`DEFINITION_HEADERS`].
pub fn definition_row(ind: &Indicator) -> Vec<DefinitionCell> {
    use DefinitionCell as C;
    let (unit, unit_source) = match (&ind.unit, &ind.unit_seen) {
        (Some(u), _) => (u.to_string(), "file"),
        (None, Some(u)) => (u.to_string(), "values"),
        (None, None) => (String::new(), "not given"),
    };
    let (decimals, decimals_source) = match (ind.decimals, ind.decimals_seen) {
        (Some(d), _) => (Some(d), "file"),
        (None, Some(d)) => (Some(d), "values"),
        (None, None) => (None, "not given"),
    };
    vec![
        C::text(&ind.code),
        C::text(&ind.title),
        C::text(&ind.group),
        C::text(&ind.priority),
        C::text(polarity_text(ind)),
        C::text(ind.polarity_source.describe()),
        C::text(if ind.cumulative { "yes" } else { "no" }),
        C::text(ind.cumulative_source.describe()),
        C::text(ind.target_profile().label()),
        C::text(profile_source(ind)),
        C::text(unit),
        C::text(unit_source),
        C::number(decimals.map(f64::from)),
        C::text(decimals_source),
        tolerance_text(ind.tolerance),
        C::number(ind.per),
        C::text(ind.population_group.clone().unwrap_or_default()),
        C::number(ind.standing_target),
    ]
}

/// The definitions file as CSV (UTF-8 with a BOM, as the report's CSV): a header row,
/// then a row per PI in the order the report lists them.
pub fn definitions_csv(ds: &Dataset) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = ::csv::Writer::from_writer(&mut out);
        // Writing to a Vec cannot fail; a failure would only drop the row.
        let _ = w.write_record(DEFINITION_HEADERS);
        for ind in ds.indicators_in_order() {
            let _ = w.write_record(definition_row(ind).iter().map(DefinitionCell::csv_text));
        }
        let _ = w.flush();
    }
    out
}

/// The definitions file as an XLSX workbook: one sheet, `Definitions`, with the same
/// columns; numbers stored as numbers, text as text (never a formula).
#[cfg(feature = "xlsx")]
pub fn definitions_xlsx(ds: &Dataset) -> Result<Vec<u8>, super::ExportError> {
    use super::book::{Sheet, Styles};
    use super::ExportError;

    let rows = ds.indicators.len();
    if rows >= super::SHEET_ROWS {
        return Err(ExportError::TooManyRows {
            group: "Definitions".into(),
            rows,
        });
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    let styles = Styles::new();
    let mut skipped = 0;
    let ws = book.add_worksheet();
    ws.set_name("Definitions")
        .map_err(|e| ExportError::SheetName {
            name: "Definitions".into(),
            reason: e.to_string(),
        })?;
    let mut sheet = Sheet {
        ws,
        skipped: &mut skipped,
    };
    for (c, h) in DEFINITION_HEADERS.iter().enumerate() {
        sheet.text(0, c as u16, h, Some(&styles.head));
        let width = if c == 1 { 48.0 } else { 16.0 };
        let _ = sheet.ws.set_column_width(c as u16, width);
    }
    let _ = sheet.ws.set_freeze_panes(1, 2);
    for (i, ind) in ds.indicators_in_order().enumerate() {
        let r = 1 + i as u32;
        for (c, cell) in definition_row(ind).into_iter().enumerate() {
            match cell {
                DefinitionCell::Text(t) => sheet.text(r, c as u16, &t, None),
                DefinitionCell::Number(x) => sheet.number(r, c as u16, x, None),
                DefinitionCell::Empty => {}
            }
        }
    }
    book.save_to_buffer()
        .map_err(|e| ExportError::Workbook(e.to_string()))
}
