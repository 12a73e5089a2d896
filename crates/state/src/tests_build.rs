//! The two builds of the engine: the small one (CSV only) runs until a request needs a
//! workbook, read or written; then the full one takes over, hears everything again and
//! answers what was asked.

use scorecard_core::engine::{Engine, ExportFormat, Request, Response};

use crate::tests::{deliver, engine_of};
use crate::*;

const CSV: &str = "code,period,value\nA,Q1 2018/19,90\n";

/// A workbook with one PI, B, as a council might keep it.
fn workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, (head, value)) in [("code", "B"), ("period", "Q1 2018/19"), ("value", "7")]
        .into_iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, head).unwrap();
        sheet.write_string(1, col as u16, value).unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn contents(f: &FileEntry) -> Vec<u8> {
    if f.name.ends_with(".xlsx") {
        workbook()
    } else {
        CSV.as_bytes().to_vec()
    }
}

fn restarts(s: &State) -> Vec<EngineBuild> {
    s.outbox()
        .iter()
        .filter_map(|o| match o {
            Outgoing::Restart { build, .. } => Some(*build),
            Outgoing::Warm { .. } | Outgoing::Send { .. } => None,
        })
        .collect()
}

fn codes(s: &State) -> Vec<String> {
    let mut codes: Vec<String> = s
        .report
        .as_ref()
        .unwrap()
        .groups
        .iter()
        .flat_map(|g| g.rows.iter().map(|r| r.code.clone()))
        .collect();
    codes.sort();
    codes
}

/// Delivers the outbox one message at a time, noting each restart's build.
fn deliver_noting(s: &mut State, engine: &mut Engine) -> Vec<EngineBuild> {
    let mut seen = Vec::new();
    while !s.outbox().is_empty() {
        seen.extend(restarts(s));
        deliver_once(s, engine);
    }
    seen
}

fn deliver_once(s: &mut State, engine: &mut Engine) {
    let first = s.outbox()[0].clone();
    let upto = first.id();
    s.reduce(Action::Sent { upto });
    match first {
        Outgoing::Restart { build, .. } => *engine = engine_of(build),
        // The make-believe engine is up at once.
        Outgoing::Warm { .. } => s.reduce(Action::EngineReady),
        Outgoing::Send {
            id,
            mut request,
            files,
        } => {
            if let Some(named) = request.files_mut() {
                for (f, fid) in named.iter_mut().zip(&files) {
                    let entry = s.files.iter().find(|e| e.id == *fid).unwrap().clone();
                    f.bytes = contents(&entry);
                }
            }
            let response = engine.handle(request, &mut |_| {});
            s.reduce(Action::Engine { id, response });
        }
    }
}

#[test]
fn a_csv_is_read_by_the_small_engine_alone() {
    let mut s = State::default();
    let mut engine = engine_of(EngineBuild::Csv);
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", CSV.len() as u64)]));
    assert_eq!(deliver_noting(&mut s, &mut engine), []);
    assert_eq!(codes(&s), ["A"]);
    // The CSV download too.
    s.reduce(Action::Export(ExportFormat::Csv));
    assert_eq!(deliver_noting(&mut s, &mut engine), []);
    assert!(s.download.as_ref().unwrap().name.ends_with(".csv"));
    assert!(s.engine_problem.is_none());
}

#[test]
fn a_workbook_brings_the_full_engine_which_reads_every_file_again() {
    let mut s = State::default();
    let mut engine = engine_of(EngineBuild::Csv);
    s.reduce(Action::SetSuppression(Some(3)));
    s.reduce(Action::ChooseArea(Some("Fife".into())));
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    deliver_noting(&mut s, &mut engine);
    s.reduce(Action::Add(vec![FileEntry::new("b.xlsx", 1)]));
    assert_eq!(deliver_noting(&mut s, &mut engine), [EngineBuild::Full]);
    assert_eq!(codes(&s), ["A", "B"]);
    assert!(!s.busy());
    assert!(s.engine_problem.is_none(), "{:?}", s.engine_problem);
    // The new engine was told the view and the council before it read.
    assert_eq!(s.suppression, Some(3));
    assert_eq!(s.area.as_deref(), Some("Fife"));
    // From now on it is the full engine, whatever restarts it.
    s.reduce(Action::EngineTrouble(EngineTrouble::Stopped(
        "out of memory".into(),
    )));
    assert_eq!(restarts(&s), [EngineBuild::Full]);
    deliver_noting(&mut s, &mut engine);
    assert_eq!(codes(&s), ["A", "B"]);
}

#[test]
fn the_first_file_a_workbook_is_read_once_the_full_engine_is_there() {
    let mut s = State::default();
    let mut engine = engine_of(EngineBuild::Csv);
    s.reduce(Action::Add(vec![FileEntry::new("b.xlsx", 1)]));
    assert_eq!(deliver_noting(&mut s, &mut engine), [EngineBuild::Full]);
    assert_eq!(codes(&s), ["B"]);
}

#[test]
fn download_xlsx_brings_the_full_engine_and_the_workbook_comes() {
    let mut s = State::default();
    let mut engine = engine_of(EngineBuild::Csv);
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    deliver_noting(&mut s, &mut engine);
    s.reduce(Action::Export(ExportFormat::Xlsx));
    s.reduce(Action::Export(ExportFormat::DefinitionsXlsx));
    // The small engine answers the first; the second waits and is asked again too.
    deliver_once(&mut s, &mut engine);
    assert_eq!(restarts(&s), [EngineBuild::Full]);
    let requests = crate::tests::sent_requests(&s);
    assert!(matches!(&requests[0], Request::Replace { files, .. } if files.len() == 1));
    assert_eq!(
        requests[requests.len() - 2..],
        [
            Request::Export(ExportFormat::Xlsx),
            Request::Export(ExportFormat::DefinitionsXlsx)
        ]
    );
    let mut names = Vec::new();
    while !s.outbox().is_empty() {
        deliver_once(&mut s, &mut engine);
        if let Some(d) = s.download.take() {
            assert_eq!(&d.bytes[..2], b"PK");
            names.push(d.name.clone());
        }
    }
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| n.ends_with(".xlsx")), "{names:?}");
    assert!(s.export_error.is_none(), "{:?}", s.export_error);
    assert_eq!(codes(&s), ["A"]);
}

#[test]
fn a_full_engine_that_says_it_lacks_workbooks_is_not_restarted_for_ever() {
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("b.xlsx", 1)]));
    let id = s.outbox()[0].id();
    s.reduce(Action::Sent { upto: id });
    s.reduce(Action::Engine {
        id,
        response: Response::NeedsFullEngine,
    });
    assert_eq!(restarts(&s), [EngineBuild::Full]);
    deliver(&mut s, &mut engine_of(EngineBuild::Full), &contents);
    // A stale or broken full engine says the same: the page does not loop.
    s.reduce(Action::Export(ExportFormat::Xlsx));
    let id = s.outbox()[0].id();
    s.reduce(Action::Sent { upto: id });
    s.reduce(Action::Engine {
        id,
        response: Response::NeedsFullEngine,
    });
    assert!(s.outbox().is_empty(), "{:?}", s.outbox());
    assert!(s.engine_problem.is_some());
}
