//! Writing the workbook: one cell at a time, each written or skipped on its own.

use rust_xlsxwriter::{Color, Format as Style, FormatBorder, Worksheet, XlsxError};

use super::{fit_cell, neutralise};
use crate::status::Status;

/// Colours of each status, for the workbook: (text, fill).
fn status_colours(s: Status) -> (u32, u32) {
    match s {
        Status::OffTarget => (0xB4231C, 0xFBE9E7),
        Status::Warning => (0x8A5A00, 0xFFF3D6),
        Status::OnTarget => (0x1F6F3A, 0xE5F4EA),
        Status::DataOnly => (0x3A4A5C, 0xEEF1F5),
        Status::DataNotYetAvailable => (0x5B5F66, 0xF1F1F1),
    }
}

/// The cell styles of the workbook, made once.
pub struct Styles {
    pub bold: Style,
    pub head: Style,
    pub wrap: Style,
    pub title: Style,
    pub percent: Style,
    pub date: Style,
    status: Vec<(Status, Style)>,
}

impl Styles {
    pub fn new() -> Styles {
        Styles {
            bold: Style::new().set_bold(),
            head: Style::new()
                .set_bold()
                .set_background_color(Color::RGB(0xEEF2F7))
                .set_border(FormatBorder::Thin)
                .set_text_wrap(),
            wrap: Style::new().set_text_wrap(),
            title: Style::new().set_bold().set_font_size(16),
            percent: Style::new().set_num_format("0%"),
            date: Style::new().set_num_format("dd mmm yyyy"),
            status: Status::ALL
                .iter()
                .map(|s| {
                    let (fg, bg) = status_colours(*s);
                    let style = Style::new()
                        .set_bold()
                        .set_font_color(Color::RGB(fg))
                        .set_background_color(Color::RGB(bg));
                    (*s, style)
                })
                .collect(),
        }
    }

    pub fn status(&self, s: Status) -> &Style {
        self.status
            .iter()
            .find(|(x, _)| *x == s)
            .map_or(&self.bold, |(_, style)| style)
    }
}

/// A worksheet being written, counting the cells it had to leave empty.
pub struct Sheet<'a> {
    pub ws: &'a mut Worksheet,
    pub skipped: &'a mut usize,
}

impl Sheet<'_> {
    fn done<T>(&mut self, written: Result<T, XlsxError>) {
        if written.is_err() {
            *self.skipped += 1;
        }
    }

    /// Text, neutralised and cut to fit a cell; always stored as text, never a formula.
    pub fn text(&mut self, row: u32, col: u16, text: &str, style: Option<&Style>) {
        if text.is_empty() {
            return;
        }
        let safe = neutralise(text);
        let fitted = fit_cell(&safe);
        let written = match style {
            Some(s) => self
                .ws
                .write_string_with_format(row, col, fitted.as_ref(), s)
                .map(|_| ()),
            None => self.ws.write_string(row, col, fitted.as_ref()).map(|_| ()),
        };
        self.done(written);
    }

    pub fn number(&mut self, row: u32, col: u16, x: f64, style: Option<&Style>) {
        let written = match style {
            Some(s) => self.ws.write_number_with_format(row, col, x, s).map(|_| ()),
            None => self.ws.write_number(row, col, x).map(|_| ()),
        };
        self.done(written);
    }
}
