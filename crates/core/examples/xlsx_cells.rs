//! Prints every sheet of a workbook as tab-separated text, read with calamine:
//! `cargo run --example xlsx_cells -- report.xlsx`. The end-to-end tests read Scorecard's
//! own XLSX downloads back with it.
use calamine::{Data, Reader, Xlsx};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: xlsx_cells FILE.xlsx");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("a workbook");
    for name in book.sheet_names().to_owned() {
        println!("## {name}");
        let range = book.worksheet_range(&name).expect("a sheet");
        for row in range.rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Data::String(s) => format!("s:{s}"),
                    Data::Float(f) => format!("n:{f}"),
                    Data::Int(i) => format!("n:{i}"),
                    Data::Empty => String::new(),
                    other => format!("?:{other}"),
                })
                .collect();
            println!("{}", cells.join("\t"));
        }
    }
}
