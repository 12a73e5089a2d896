//! What the Word document holds, before it is written: headings, paragraphs, lists and
//! tables of short runs of text, some of them a status's symbol in its colour. Made from
//! the report by [`super::contents`], written by [`super::write`].

/// A colour for a symbol. Never the only sign: the words always stand beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hue {
    Red,
    Amber,
    Green,
    Blue,
    Grey,
}

/// A run of text: plain, bold, or a symbol in its colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub strong: bool,
    pub hue: Option<Hue>,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Span {
        Span {
            text: text.into(),
            strong: false,
            hue: None,
        }
    }

    pub fn strong(text: impl Into<String>) -> Span {
        Span {
            strong: true,
            ..Span::plain(text)
        }
    }

    pub fn symbol(text: impl Into<String>, hue: Hue) -> Span {
        Span {
            hue: Some(hue),
            ..Span::strong(text)
        }
    }
}

/// A paragraph's (or a cell's) runs.
pub type Line = Vec<Span>;

/// How a column's cells are aligned: figures to the right, as the published tables do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A table's column: its header and its width in twentieths of a point.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: u32,
    pub align: Align,
}

impl Column {
    pub fn new(header: impl Into<String>, width: u32, align: Align) -> Column {
        Column {
            header: header.into(),
            width,
            align,
        }
    }
}

/// A table with a header row (repeated at the top of each page) and a line per cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Line>>,
}

/// One block of the document, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading: level 1 to 3 (Word's "Heading 1" to "Heading 3").
    Heading(u8, String),
    Text(Line),
    /// A bulleted list, one line an item.
    List(Vec<Line>),
    Table(Table),
}

/// The whole document: its title, the period line under it, and the blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    pub title: String,
    pub subtitle: String,
    pub blocks: Vec<Block>,
}

/// The width the tables share on an A4 landscape page with the margins of
/// [`super::write`], in twentieths of a point.
pub const TEXT_WIDTH: u32 = 16_838 - 2 * super::write::MARGIN;
