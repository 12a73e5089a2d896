//! The paper written as a Word document with docx-rs: A4 landscape (the indicator tables
//! are wide), Word's own heading styles (so the text takes a committee template's look
//! when pasted into it), tables whose header row repeats at the top of each page, and
//! page numbers in the footer.

use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, IndentLevel, Level, LevelJc,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, PageNum,
    PageOrientationType, Paragraph, Run, RunFonts, Shading, ShdType, SpecialIndentType, Start,
    Style, StyleType, Table as DocTable, TableCell, TableCellMargins, TableLayoutType, TableRow,
    WidthType,
};

use super::paper::{Align, Block, Hue, Line, Paper, Table};

/// A4, in twentieths of a point, turned to landscape.
const PAGE_WIDTH: u32 = 16_838;
const PAGE_HEIGHT: u32 = 11_906;

/// Each page margin: 1.5 cm.
pub const MARGIN: u32 = 850;

/// The bullet list's numbering (docx-rs writes a numbered list of its own as 1).
const BULLETS: usize = 2;

/// Text size in half-points: 10 pt for tables, 11 pt for the rest.
const TABLE_SIZE: usize = 18;
const BODY_SIZE: usize = 22;

/// The header rows' height (twentieths of a point, at least).
const HEADER_HEIGHT: u32 = 397;

/// The document, laid out; [`super::repeat_header`] marks its header rows once built.
pub fn document(paper: &Paper) -> Docx {
    let mut doc = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(
            PageMargin::new()
                .top(MARGIN as i32)
                .bottom(MARGIN as i32)
                .left(MARGIN as i32)
                .right(MARGIN as i32)
                .header(425)
                .footer(425),
        )
        .default_fonts(RunFonts::new().ascii("Arial").hi_ansi("Arial").cs("Arial"))
        .default_size(BODY_SIZE)
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Right)
                    .add_run(
                        Run::new()
                            .add_text(format!("{}   Page ", clean(&paper.title)))
                            .size(16),
                    )
                    .add_page_num(PageNum::new()),
            ),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(360),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    for style in styles() {
        doc = doc.add_style(style);
    }
    doc = doc
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(clean(&paper.title))),
        )
        .add_paragraph(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(clean(&paper.subtitle))),
        );
    for block in &paper.blocks {
        doc = match block {
            Block::Heading(level, text) => doc.add_paragraph(
                Paragraph::new()
                    .style(&format!("Heading{}", level.clamp(&1, &3)))
                    .keep_next(true)
                    .add_run(Run::new().add_text(clean(text))),
            ),
            Block::Text(line) => doc.add_paragraph(
                runs(Paragraph::new(), line, None)
                    .line_spacing(LineSpacing::new().before(0).after(120)),
            ),
            Block::List(items) => items.iter().fold(doc, |doc, item| {
                doc.add_paragraph(
                    runs(Paragraph::new(), item, None)
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                )
            }),
            // An empty paragraph after each table keeps two tables from running together.
            Block::Table(t) => doc.add_table(table(t)).add_paragraph(Paragraph::new()),
        };
    }
    doc
}

/// Word's built-in styles by their built-in names, so Word and LibreOffice take them as
/// their own Title, Subtitle and Heading 1 to 3 (and a template's look replaces ours).
fn styles() -> Vec<Style> {
    let heading = |level: usize, size: usize| {
        Style::new(format!("Heading{level}"), StyleType::Paragraph)
            .name(format!("heading {level}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .outline_lvl(level - 1)
            .bold()
            .size(size)
            .color("1F3864")
            .line_spacing(LineSpacing::new().before(240).after(80))
    };
    vec![
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(40)
            .color("1F3864")
            .line_spacing(LineSpacing::new().after(80)),
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(24)
            .color("404040")
            .line_spacing(LineSpacing::new().after(240)),
        heading(1, 32),
        heading(2, 26),
        heading(3, 22),
    ]
}

fn hex(h: Hue) -> &'static str {
    match h {
        Hue::Red => "C00000",
        Hue::Amber => "B35900",
        Hue::Green => "2E7D32",
        Hue::Blue => "1F5FAD",
        Hue::Grey => "595959",
    }
}

/// Text as XML 1.0 allows it: a control character other than a tab or a line break
/// (which a data file may hold) would make Word refuse the whole document.
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\t' | '\n'))
        .collect()
}

/// A text as a run, a line break for each new line in it (a note of several lines).
fn text_run(text: &str) -> Run {
    let text = clean(&text.replace("\r\n", "\n"));
    let mut run = Run::new();
    for (i, part) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(part);
    }
    run
}

/// The font for a status symbol: Arial has none of 📊 ⏰ ✓ ★, so they are asked of
/// Windows's symbol and emoji fonts (Word and LibreOffice fall back to what the reader's
/// machine has where these are missing).
fn symbol_font(symbol: &str) -> RunFonts {
    let emoji = symbol.chars().any(|c| c >= '\u{1F000}' || c == '⏰');
    let name = if emoji {
        "Segoe UI Emoji"
    } else {
        "Segoe UI Symbol"
    };
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
        .east_asia(name)
}

/// The spans as runs; `size` for table text.
fn runs(mut p: Paragraph, line: &Line, size: Option<usize>) -> Paragraph {
    for span in line {
        let mut run = text_run(&span.text);
        if span.strong {
            run = run.bold();
        }
        if let Some(h) = span.hue {
            run = run.color(hex(h)).fonts(symbol_font(&span.text));
        }
        if let Some(s) = size {
            run = run.size(s);
        }
        p = p.add_run(run);
    }
    p
}

fn table(t: &Table) -> DocTable {
    let cell = |line: &Line, width: u32, align: Align, header: bool| {
        let mut p = runs(Paragraph::new(), line, Some(TABLE_SIZE))
            .line_spacing(LineSpacing::new().before(0).after(0));
        if align == Align::Right {
            p = p.align(AlignmentType::Right);
        }
        let c = TableCell::new()
            .add_paragraph(p)
            .width(width as usize, WidthType::Dxa);
        if header {
            c.shading(Shading::new().shd_type(ShdType::Clear).fill("D9E2F3"))
        } else {
            c
        }
    };
    let header = TableRow::new(
        t.columns
            .iter()
            .map(|c| {
                let line = vec![super::paper::Span::strong(&c.header)];
                cell(&line, c.width, c.align, true)
            })
            .collect(),
    )
    .row_height(HEADER_HEIGHT as f32)
    .cant_split();
    let mut rows = vec![header];
    rows.extend(t.rows.iter().map(|r| {
        TableRow::new(
            r.iter()
                .zip(&t.columns)
                .map(|(line, c)| cell(line, c.width, c.align, false))
                .collect(),
        )
        .cant_split()
    }));
    DocTable::new(rows)
        .set_grid(t.columns.iter().map(|c| c.width as usize).collect())
        .layout(TableLayoutType::Fixed)
        .width(
            t.columns.iter().map(|c| c.width as usize).sum(),
            WidthType::Dxa,
        )
        .margins(TableCellMargins::new().margin(40, 80, 40, 80))
}
