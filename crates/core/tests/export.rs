//! Exports read back: the CSV with the csv crate, the XLSX with calamine. Statuses
//! match the screen; a hostile title can never run as a formula.

use calamine::{Data, Reader, Xlsx};
use scorecard_core::export;
use scorecard_core::report::{build, Report};
use scorecard_core::{read_all, suppress, InputFile};

fn sample_report(extra: &str) -> Report {
    let path = format!(
        "{}/../../tests/fixtures/samples/complaints-q2-2018-19.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut files = vec![InputFile {
        name: "c.csv".into(),
        bytes: std::fs::read(path).unwrap(),
    }];
    let actions = format!(
        "{}/../../tests/fixtures/samples/actions-q2-2018-19.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    files.push(InputFile {
        name: "a.csv".into(),
        bytes: std::fs::read(actions).unwrap(),
    });
    if !extra.is_empty() {
        files.push(InputFile {
            name: "x.csv".into(),
            bytes: extra.as_bytes().to_vec(),
        });
    }
    build(&read_all(&files), None).unwrap()
}

const HOSTILE: &str = "code,title,group,period,value,target,polarity\n\
    =1+1,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",@SUM(A1),Q2 2018/19,-3,5,up\n";

#[test]
fn csv_export_reads_back_with_every_status_as_on_screen() {
    let r = sample_report("");
    let bytes = export::csv(&r);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        export::headers()
    );
    assert_eq!(export::headers().len(), 22);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let on_screen: Vec<&str> = r
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .map(|row| row.status.label())
        .collect();
    let exported: Vec<&str> = rows.iter().map(|r| r.get(8).unwrap()).collect();
    assert_eq!(exported, on_screen);
    let cmp10 = rows.iter().find(|r| &r[1] == "CMP.10").unwrap();
    assert_eq!(
        (&cmp10[4], &cmp10[5], &cmp10[7]),
        ("75.00", "75.00%", "95.00")
    );
    assert_eq!(
        &cmp10[9],
        "75.00% against a target of 95% (higher is better): Off Target"
    );
}

#[test]
fn csv_export_neutralises_formula_text() {
    let bytes = export::csv(&sample_report(HOSTILE));
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let row = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| r[1].contains("1+1"))
        .unwrap();
    assert_eq!(&row[0], "'@SUM(A1)");
    assert_eq!(&row[1], "'=1+1");
    assert_eq!(&row[2], "'=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(&row[4], "-3", "numbers stay numbers");
}

fn sheets(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names().to_owned();
    names
        .into_iter()
        .map(|n| {
            let range = book.worksheet_range(&n).unwrap();
            (n, range.rows().map(|r| r.to_vec()).collect())
        })
        .collect()
}

#[test]
fn xlsx_export_reads_back_through_calamine_with_the_same_statuses() {
    let r = sample_report("");
    let book = sheets(export::xlsx(&r).unwrap());
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        ["Summary", "Provide an efficient complaints", "Actions"]
    );
    let (_, rows) = &book[1];
    let statuses: Vec<String> = rows[4..].iter().map(|r| r[5].to_string()).collect();
    let on_screen: Vec<String> = r.groups[0]
        .rows
        .iter()
        .map(|row| format!("{} {}", row.status.symbol(), row.status.label()))
        .collect();
    assert_eq!(statuses, on_screen);
    let cmp10 = rows
        .iter()
        .find(|r| r[0] == Data::String("CMP.10".into()))
        .unwrap();
    assert_eq!(
        cmp10[3],
        Data::Float(0.75),
        "75% stored as a number, formatted as a percentage"
    );
    assert_eq!(cmp10[4], Data::Float(0.95));
    let summary = &book[0].1;
    assert!(
        summary
            .iter()
            .any(|r| r[0] == Data::String("● Off Target".into())),
        "the key"
    );
}

#[test]
fn xlsx_export_stores_formula_text_as_text() {
    let book = sheets(export::xlsx(&sample_report(HOSTILE)).unwrap());
    let (name, rows) = book.iter().find(|(n, _)| n.contains("SUM")).unwrap();
    assert_eq!(name, "@SUM(A1)");
    let row = rows
        .iter()
        .find(|r| r[0].to_string().contains("1+1"))
        .unwrap();
    assert_eq!(row[0], Data::String("'=1+1".into()));
    assert_eq!(
        row[1],
        Data::String("'=HYPERLINK(\"http://evil.example\",\"click\")".into())
    );
}

#[test]
fn suppressed_figures_stay_suppressed_in_every_export() {
    let r = suppress::apply(&sample_report(""), 4);
    let bytes = export::csv(&r);
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let cmp03 = reader
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[1] == "CMP.03")
        .unwrap();
    assert_eq!((&cmp03[4], &cmp03[5]), ("c", "c"), "3 complaints upheld");
    let book = sheets(export::xlsx(&r).unwrap());
    let row = book[1]
        .1
        .iter()
        .find(|r| r[0] == Data::String("CMP.03".into()))
        .unwrap();
    assert_eq!(row[3], Data::String("c".into()));
}
