//! The engine behind the page: it holds the dataset read from the user's files and the
//! view it reports on (period, small-number suppression), and answers the page's
//! requests with what the page shows. In the browser it runs in a Web Worker (the
//! `scorecard-engine` crate), so reading a large file never blocks the page, and the code
//! that reads and writes workbooks is loaded only once a file arrives. Here it is plain
//! Rust, tested natively. The messages' bytes are in [`crate::protocol`].
//!
//! ```
//! use scorecard_core::engine::{Engine, Request, Response};
//! use scorecard_core::InputFile;
//! let mut engine = Engine::default();
//! let file = InputFile { name: "pis.csv".into(), bytes: b"code,period,value,target,polarity\nA,Q1 2018/19,96%,95%,up\n".to_vec() };
//! let out = engine.handle(Request::Add(vec![file]), &mut |_| {});
//! let Response::Data(data) = out else { panic!() };
//! assert_eq!(data.report.unwrap().groups[0].rows[0].status.label(), "On Target");
//! ```

use crate::complaints::{self, calendar::HolidaySettings};
use crate::dataset::Dataset;
use crate::load;
use crate::load::mapping::ColumnMapping;
use crate::period::Period;
// The messages are the protocol's; they are named here too, where they are answered.
pub use crate::protocol::{Data, Download, EngineView, ExportFormat, Request, Response};
use crate::report::{self, Report};
use crate::share;
use crate::suppress;
use crate::InputFile;

/// What was read from the files. The files themselves are not kept: the page holds
/// them (as the browser's Blobs) and sends them again when they must be read again.
#[derive(Debug)]
pub struct Engine {
    /// Whether this engine reads and writes workbooks. The page first starts a small
    /// engine built without them (CSV only); it answers a workbook, or a workbook
    /// download, with [`Response::NeedsFullEngine`], and the page starts the full one.
    workbooks: bool,
    dataset: Dataset,
    /// The dataset with the indicators worked out from complaints case lists, where
    /// there are any: what the report is made from.
    derived: Option<Dataset>,
    /// The calendar for complaints' working days.
    holidays: HolidaySettings,
    view: EngineView,
    /// The period the last report was for.
    reported: Option<Period>,
    /// The user's council, for files of many areas' figures.
    area: Option<String>,
    /// The dataset as reported for that council ([`crate::areas::project`]), where the
    /// files hold many areas' figures; worked out once per read or choice.
    projected: Option<Projected>,
    /// The column mappings the user chose, for every read.
    mappings: Vec<ColumnMapping>,
}

/// The dataset as reported, and the choice of areas that goes with it.
#[derive(Debug)]
struct Projected {
    dataset: Dataset,
    areas: Vec<String>,
    area: Option<String>,
}

impl Default for Engine {
    /// An engine that reads and writes workbooks when it is built with them.
    fn default() -> Engine {
        Engine {
            workbooks: cfg!(feature = "xlsx"),
            dataset: Dataset::default(),
            derived: None,
            holidays: HolidaySettings::default(),
            view: EngineView::default(),
            reported: None,
            area: None,
            projected: None,
            mappings: Vec::new(),
        }
    }
}

impl Engine {
    /// An engine that answers as the small (CSV-only) build does, whatever this build
    /// holds: how the page's state is tested natively against both.
    pub fn without_workbooks() -> Engine {
        Engine {
            workbooks: false,
            ..Engine::default()
        }
    }

    /// Whether this request needs what only the full engine has: a workbook to read, or
    /// a workbook or Word document to write. Nothing of it has been done when the answer is yes.
    fn needs_full_engine(&self, request: &Request) -> bool {
        if self.workbooks {
            return false;
        }
        match request {
            Request::Add(files) | Request::Replace { files, .. } => {
                files.iter().any(|f| crate::read::is_workbook(&f.bytes))
            }
            Request::Export(format) => {
                matches!(
                    format,
                    ExportFormat::Xlsx | ExportFormat::DefinitionsXlsx | ExportFormat::Docx
                )
            }
            _ => false,
        }
    }

    /// Answers one request. `progress` hears how far a long read has got.
    pub fn handle(&mut self, request: Request, progress: &mut dyn FnMut(Response)) -> Response {
        if self.needs_full_engine(&request) {
            return Response::NeedsFullEngine;
        }
        match request {
            Request::Add(files) => {
                self.read(files, progress);
                self.project();
                self.data()
            }
            Request::Replace { files, view } => {
                self.view = view;
                self.dataset = Dataset {
                    mappings: self.mappings.clone(),
                    ..Dataset::default()
                };
                self.read(files, progress);
                self.project();
                self.data()
            }
            Request::ChooseArea(area) => {
                self.area = area;
                self.project();
                self.data()
            }
            Request::Holidays(settings) => {
                self.holidays = settings;
                self.derive();
                self.data()
            }
            Request::View(view) => {
                self.view = view;
                self.data()
            }
            Request::Export(format) => Response::Export(self.export(format)),
            Request::Pack(files) => Response::Packed(if files.is_empty() {
                Err("there are no files to put in the link".into())
            } else {
                share::pack_files(&files).map_err(|e| e.to_string())
            }),
            Request::Unpack(data) => {
                Response::Unpacked(share::unpack_files(&data).map_err(|e| e.to_string()))
            }
            Request::Detail { code } => Response::Detail(
                self.reported
                    .and_then(|p| report::row_for(self.shown(), &code, p))
                    .map(|mut row| {
                        if let Some(t) = self.view.suppression {
                            suppress::apply_row(&mut row, t);
                        }
                        Box::new(row)
                    }),
            ),
            Request::Mappings(mappings) => {
                self.dataset.mappings.clone_from(&mappings);
                self.mappings = mappings;
                Response::MappingsSet
            }
        }
    }

    /// Reads the files into the dataset, each dropped once read.
    fn read(&mut self, files: Vec<InputFile>, progress: &mut dyn FnMut(Response)) {
        let total: u64 = files.iter().map(|f| f.bytes.len() as u64).sum();
        let mut before = 0;
        for f in files {
            let mut on_step = |done: u64| {
                progress(Response::Progress {
                    done: before + done,
                    total,
                })
            };
            load::load_file_with_progress(&mut self.dataset, &f.name, &f.bytes, &mut on_step);
            before += f.bytes.len() as u64;
            drop(f);
        }
        // Once the dataset is complete: what the files together say about each PI.
        crate::settle::settle(&mut self.dataset);
    }

    /// Works out the dataset for the user's council, where the files hold many areas'.
    fn project(&mut self) {
        self.projected = None;
        let p = crate::areas::project(&self.dataset, self.area.as_deref());
        if let std::borrow::Cow::Owned(dataset) = p.dataset {
            self.projected = Some(Projected {
                dataset,
                areas: p.areas,
                area: p.area,
            });
        }
        self.derive();
    }

    /// The dataset for the user's council, before case lists are worked out.
    fn projected(&self) -> &Dataset {
        self.projected
            .as_ref()
            .map_or(&self.dataset, |p| &p.dataset)
    }

    /// Works the complaints case lists (if any) into their indicators, once every file
    /// of a request is read, or the calendar changed.
    fn derive(&mut self) {
        self.derived = complaints::derive(self.projected(), &self.holidays);
    }

    /// The dataset the report is made from: the user's council's, with the case lists
    /// worked into indicators.
    fn shown(&self) -> &Dataset {
        self.derived.as_ref().unwrap_or_else(|| self.projected())
    }

    /// The report as shown, for the chosen period; a chosen period the data no longer
    /// have falls back to the latest.
    fn report(&mut self) -> Option<Report> {
        let mut report = report::build(self.shown(), self.view.period);
        match (self.view.period, &report) {
            // The report lists the periods with data: one look, not a second pass. With
            // no data at all yet, the chosen period waits for the files (a link's view
            // arrives before its data).
            (Some(p), Some(r)) if !r.periods.is_empty() && !r.periods.contains(&p) => {
                self.view.period = None;
                report = report::build(self.shown(), None);
            }
            _ => {}
        }
        match self.view.suppression {
            Some(t) => report.map(|r| suppress::apply(&r, t)),
            None => report,
        }
    }

    fn data(&mut self) -> Response {
        let report = self.report();
        self.reported = report.as_ref().map(|r| r.period);
        let (areas, area) = self
            .projected
            .as_ref()
            .map(|p| (p.areas.clone(), p.area.clone()))
            .unwrap_or_default();
        Response::Data(Box::new(Data {
            sources: self.shown().sources.clone(),
            notices: self.shown().notices.iter().map(Into::into).collect(),
            period: self.view.period,
            report: report.map(report::for_page),
            areas,
            area,
            unplaced: self.dataset.unplaced.clone(),
        }))
    }

    fn export(&mut self, format: ExportFormat) -> Result<Download, String> {
        if matches!(
            format,
            ExportFormat::DefinitionsCsv | ExportFormat::DefinitionsXlsx
        ) {
            return self.definitions(format);
        }
        let report = self.report().ok_or("there is no report to export")?;
        let (extension, mime, bytes) = match format {
            ExportFormat::Csv => ("csv", "text/csv;charset=utf-8", crate::export::csv(&report)),
            ExportFormat::Xlsx => ("xlsx", XLSX_MIME, xlsx(&report)?),
            ExportFormat::Docx => ("docx", DOCX_MIME, docx(&report)?),
            ExportFormat::DefinitionsCsv | ExportFormat::DefinitionsXlsx => {
                return self.definitions(format)
            }
        };
        Ok(Download {
            name: crate::export::file_name(&report, extension),
            mime: mime.into(),
            bytes,
        })
    }
}

impl Engine {
    /// Every PI's settings as a definitions file; it holds no figures, so suppression
    /// has nothing to withhold in it.
    fn definitions(&self, format: ExportFormat) -> Result<Download, String> {
        if self.dataset.indicators.is_empty() {
            return Err("there are no indicators to describe".into());
        }
        let (extension, mime, bytes) = match format {
            ExportFormat::DefinitionsXlsx => ("xlsx", XLSX_MIME, definitions_xlsx(&self.dataset)?),
            _ => (
                "csv",
                "text/csv;charset=utf-8",
                crate::export::definitions_csv(&self.dataset),
            ),
        };
        Ok(Download {
            name: crate::export::definitions_file_name(extension),
            mime: mime.into(),
            bytes,
        })
    }
}

const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

#[cfg(feature = "docx")]
fn docx(report: &Report) -> Result<Vec<u8>, String> {
    crate::export::docx(report).map_err(|e| e.to_string())
}

#[cfg(not(feature = "docx"))]
fn docx(_report: &Report) -> Result<Vec<u8>, String> {
    Err("Word documents are not supported in this build".into())
}

#[cfg(feature = "xlsx")]
fn xlsx(report: &Report) -> Result<Vec<u8>, String> {
    crate::export::xlsx(report).map_err(|e| e.to_string())
}

#[cfg(feature = "xlsx")]
fn definitions_xlsx(ds: &Dataset) -> Result<Vec<u8>, String> {
    crate::export::definitions_xlsx(ds).map_err(|e| e.to_string())
}

#[cfg(not(feature = "xlsx"))]
fn definitions_xlsx(_ds: &Dataset) -> Result<Vec<u8>, String> {
    Err("workbooks are not supported in this build".into())
}

#[cfg(not(feature = "xlsx"))]
fn xlsx(_report: &Report) -> Result<Vec<u8>, String> {
    Err("workbooks are not supported in this build".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> InputFile {
        InputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn data(r: Response) -> Data {
        match r {
            Response::Data(d) => *d,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_small_engine_reads_csv_and_sends_workbooks_to_the_full_one() {
        let mut e = Engine::without_workbooks();
        let csv = file("a.csv", "code,period,value\nA,Q1 2018/19,3\n");
        let d = data(e.handle(Request::Add(vec![csv.clone()]), &mut |_| {}));
        assert_eq!(d.report.unwrap().groups[0].rows[0].value, Some(3.0));
        // A workbook, even one named .csv, among other files: nothing of the request is
        // read, so the full engine can be given all of it.
        let book = InputFile {
            name: "b.csv".into(),
            bytes: b"PK\x03\x04rest of a zip".to_vec(),
        };
        let other = file("c.csv", "code,period,value\nC,Q1 2018/19,5\n");
        let view = EngineView::default();
        for request in [
            Request::Add(vec![other.clone(), book.clone()]),
            Request::Replace {
                files: vec![csv, book],
                view,
            },
            Request::Export(ExportFormat::Xlsx),
            Request::Export(ExportFormat::DefinitionsXlsx),
            Request::Export(ExportFormat::Docx),
        ] {
            assert_eq!(e.handle(request, &mut |_| {}), Response::NeedsFullEngine);
        }
        let d = data(e.handle(Request::View(view), &mut |_| {}));
        let codes: Vec<_> = d.report.unwrap().groups[0]
            .rows
            .iter()
            .map(|r| r.code.clone())
            .collect();
        assert_eq!(codes, ["A"]);
        // What it can do, it does: the CSV download, and old Excel files are refused
        // with their name as in every build (the full engine cannot read them either).
        assert!(matches!(
            e.handle(Request::Export(ExportFormat::Csv), &mut |_| {}),
            Response::Export(Ok(_))
        ));
        let old = InputFile {
            name: "old.xls".into(),
            bytes: b"\xd0\xcf\x11\xe0....".to_vec(),
        };
        let d = data(e.handle(Request::Add(vec![old]), &mut |_| {}));
        assert!(
            d.notices.iter().any(|n| n.to_string().contains("old.xls")),
            "{:?}",
            d.notices
        );
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn the_full_engine_reads_what_the_small_one_sends_on() {
        let mut e = Engine::default();
        let book = InputFile {
            name: "b.xlsx".into(),
            bytes: b"PK\x03\x04rest of a zip".to_vec(),
        };
        assert!(matches!(
            e.handle(Request::Add(vec![book]), &mut |_| {}),
            Response::Data(_)
        ));
        assert!(matches!(
            e.handle(Request::Export(ExportFormat::DefinitionsXlsx), &mut |_| {}),
            Response::Export(_)
        ));
    }

    #[test]
    fn adding_reading_removing_and_choosing_a_period() {
        let mut e = Engine::default();
        let a = file(
            "a.csv",
            "code,period,value,target,polarity\nA,Q1 2018/19,90,95,up\nA,Q2 2018/19,96,95,up\n",
        );
        let b = file("b.csv", "code,period,value\nA,Q2 2018/19,80\n");
        let d = data(e.handle(Request::Add(vec![a.clone()]), &mut |_| {}));
        assert_eq!(d.report.unwrap().groups[0].rows[0].value, Some(96.0));
        let d = data(e.handle(Request::Add(vec![b]), &mut |_| {}));
        assert_eq!(d.sources.len(), 2);
        assert_eq!(d.report.unwrap().groups[0].rows[0].value, Some(80.0));
        let q1 = Period::Quarter { fy: 2018, q: 1 };
        let d = data(e.handle(
            Request::View(EngineView {
                period: Some(q1),
                suppression: None,
            }),
            &mut |_| {},
        ));
        assert_eq!((d.period, d.report.unwrap().period), (Some(q1), q1));
        // b removed: the page sends the files left.
        let d = data(e.handle(
            Request::Replace {
                files: vec![a],
                view: EngineView {
                    period: Some(q1),
                    suppression: None,
                },
            },
            &mut |_| {},
        ));
        assert_eq!(d.sources.len(), 1);
        assert_eq!(d.report.unwrap().groups[0].rows[0].value, Some(90.0));
        // A period the data no longer have falls back to the latest.
        let d = data(e.handle(
            Request::Replace {
                files: vec![file("c.csv", "code,period,value\nA,Q3 2018/19,1\n")],
                view: EngineView {
                    period: Some(q1),
                    suppression: None,
                },
            },
            &mut |_| {},
        ));
        assert_eq!(d.period, None);
        assert_eq!(d.report.unwrap().period, Period::Quarter { fy: 2018, q: 3 });
    }

    #[test]
    fn the_page_gets_recent_points_and_asks_for_a_pis_whole_history() {
        let mut text = String::from("code,period,value\n");
        for fy in 2010..2020 {
            for q in 1..=4 {
                text.push_str(&format!(
                    "A,Q{q} {fy}/{:02},{}\n",
                    (fy + 1) % 100,
                    fy * 10 + q
                ));
            }
        }
        let mut e = Engine::default();
        let d = data(e.handle(Request::Add(vec![file("a.csv", &text)]), &mut |_| {}));
        let row = &d.report.unwrap().groups[0].rows[0];
        assert_eq!(row.series.len(), report::SPARK_POINTS);
        assert_eq!(row.series.last().map(|s| s.value), Some(20194.0));
        let Response::Detail(Some(full)) =
            e.handle(Request::Detail { code: "A".into() }, &mut |_| {})
        else {
            panic!()
        };
        assert_eq!(full.series.len(), 40);
        assert_eq!((full.status, full.value), (row.status, row.value));
        assert_eq!(
            e.handle(Request::Detail { code: "B".into() }, &mut |_| {}),
            Response::Detail(None)
        );
    }

    #[test]
    fn a_large_file_reports_progress_up_to_its_size() {
        let mut text = String::from("code,period,value\n");
        for i in 0..60_000 {
            text.push_str(&format!("PI{i:05},Q1 2018/19,{i}\n"));
        }
        let total = text.len() as u64;
        let mut seen = Vec::new();
        let mut e = Engine::default();
        e.handle(Request::Add(vec![file("big.csv", &text)]), &mut |r| {
            if let Response::Progress { done, total } = r {
                seen.push((done, total));
            }
        });
        assert!(seen.len() >= 2, "{seen:?}");
        assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
        assert!(seen.iter().all(|(d, t)| *t == total && *d <= total));
    }

    #[test]
    fn packing_and_unpacking_round_trips_and_bad_data_is_an_error() {
        let mut e = Engine::default();
        let a = file("a.csv", "code,period,value\nA,Q1 2018/19,1\n");
        assert!(matches!(
            e.handle(Request::Pack(Vec::new()), &mut |_| {}),
            Response::Packed(Err(_))
        ));
        let Response::Packed(Ok(packed)) = e.handle(Request::Pack(vec![a.clone()]), &mut |_| {})
        else {
            panic!()
        };
        assert_eq!(
            e.handle(Request::Unpack(packed), &mut |_| {}),
            Response::Unpacked(Ok(vec![a]))
        );
        assert!(matches!(
            e.handle(Request::Unpack("AAAA".into()), &mut |_| {}),
            Response::Unpacked(Err(_))
        ));
    }

    #[test]
    fn messages_survive_their_bytes() {
        use crate::protocol::FromEngine;
        use crate::protocol::{decode_reply, decode_request, encode_reply, encode_request};
        let mut e = Engine::default();
        let request = Request::Add(vec![file(
            "a.csv",
            "code,period,value,target,polarity\nA,Q1 2018/19,96%,95%,up\n",
        )]);
        assert_eq!(
            decode_request(&encode_request(9, &request)),
            (Some(9), Ok(request.clone()))
        );
        let reply = FromEngine::Reply {
            id: 9,
            response: e.handle(request, &mut |_| {}),
        };
        assert_eq!(decode_reply(&encode_reply(&reply)), Some(reply));
    }

    #[test]
    fn suppression_is_applied_by_the_engine_to_the_report_the_detail_and_downloads() {
        let mut e = Engine::default();
        e.handle(
            Request::Add(vec![file(
                "a.csv",
                "code,period,value\nA,Q1 2018/19,3\nA,Q2 2018/19,2\nB,Q2 2018/19,12\n",
            )]),
            &mut |_| {},
        );
        let view = EngineView {
            period: None,
            suppression: Some(4),
        };
        let d = data(e.handle(Request::View(view), &mut |_| {}));
        let rows = &d.report.unwrap().groups[0].rows;
        assert_eq!(rows[0].value, None, "A's 2 is withheld");
        assert_eq!(rows[1].value, Some(12.0));
        let Response::Detail(Some(detail)) =
            e.handle(Request::Detail { code: "A".into() }, &mut |_| {})
        else {
            panic!()
        };
        assert_eq!(detail.value, None);
        let Response::Export(Ok(csv)) = e.handle(Request::Export(ExportFormat::Csv), &mut |_| {})
        else {
            panic!()
        };
        let text = String::from_utf8(csv.bytes).unwrap();
        assert!(csv.name.ends_with(".csv"), "{}", csv.name);
        let a_row = text.lines().find(|l| l.contains(",A,")).unwrap();
        assert!(a_row.contains(",c,") && !a_row.contains(",2,"), "{a_row}");
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn the_workbook_is_made_from_the_current_report() {
        let mut e = Engine::default();
        assert!(matches!(
            e.handle(Request::Export(ExportFormat::Xlsx), &mut |_| {}),
            Response::Export(Err(_))
        ));
        e.handle(
            Request::Add(vec![file("a.csv", "code,period,value\nA,Q1 2018/19,3\n")]),
            &mut |_| {},
        );
        let Response::Export(Ok(book)) = e.handle(Request::Export(ExportFormat::Xlsx), &mut |_| {})
        else {
            panic!()
        };
        assert_eq!(&book.bytes[..2], b"PK");
        assert!(book.name.ends_with(".xlsx"), "{}", book.name);
    }

    #[cfg(feature = "docx")]
    #[test]
    fn the_word_document_is_made_from_the_current_report() {
        let mut e = Engine::default();
        assert!(matches!(
            e.handle(Request::Export(ExportFormat::Docx), &mut |_| {}),
            Response::Export(Err(_))
        ));
        e.handle(
            Request::Add(vec![file("a.csv", "code,period,value\nA,Q1 2018/19,3\n")]),
            &mut |_| {},
        );
        let Response::Export(Ok(doc)) = e.handle(Request::Export(ExportFormat::Docx), &mut |_| {})
        else {
            panic!()
        };
        assert_eq!(&doc.bytes[..2], b"PK");
        assert!(doc.name.ends_with(".docx"), "{}", doc.name);
        assert_eq!(doc.mime, DOCX_MIME);
    }
}
