//! Writes the report of some data files as Scorecard's Word document, to look at it
//! (convert it to PDF with LibreOffice) or to try it in Word:
//! `cargo run --example docx_paper -- OUT.docx FILE...`; `SUPPRESS=4` withholds counts
//! from 1 to 4 as the page's setting does.
use scorecard_core::{export, read_all, report, suppress, InputFile};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, paths)) = args.split_first().filter(|(_, p)| !p.is_empty()) else {
        eprintln!("usage: docx_paper OUT.docx FILE...");
        std::process::exit(2);
    };
    let files: Vec<InputFile> = paths
        .iter()
        .map(|p| InputFile {
            name: p.rsplit('/').next().unwrap_or(p).to_string(),
            bytes: std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}")),
        })
        .collect();
    let Some(mut r) = report::build(&read_all(&files), None) else {
        eprintln!("no report: the files hold no values");
        std::process::exit(1);
    };
    if let Some(t) = std::env::var("SUPPRESS").ok().and_then(|s| s.parse().ok()) {
        r = suppress::apply(&r, t);
    }
    let started = std::time::Instant::now();
    let bytes = export::docx(&r).unwrap_or_else(|e| panic!("{e}"));
    eprintln!("{} bytes written in {:?}", bytes.len(), started.elapsed());
    std::fs::write(out, bytes).unwrap_or_else(|e| panic!("{out}: {e}"));
}
