//! The reducer's conversation with a make-believe engine: what it queues, what it does
//! with each answer, and how it comes back when the engine dies.

use scorecard_core::engine::{Download, Engine, ExportFormat, Request, Response};
use scorecard_core::period::Period;
use scorecard_core::protocol::RequestError;
use scorecard_core::share::SharedView;
use scorecard_core::InputFile;

use crate::*;

const CSV: &str =
    "code,period,value,target,polarity\nA,Q1 2018/19,90,95,up\nA,Q2 2018/19,96,95,up\n";

/// Sends the outbox to a real engine, as the page's effect does, with these contents for
/// the files by id; returns the answers as the reducer gets them.
pub(crate) fn deliver(
    s: &mut State,
    engine: &mut Engine,
    contents: &dyn Fn(&FileEntry) -> Vec<u8>,
) {
    loop {
        let outbox = s.outbox().to_vec();
        let Some(upto) = outbox.last().map(Outgoing::id) else {
            return;
        };
        s.reduce(Action::Sent { upto });
        for o in outbox {
            match o {
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
                            let entry = s
                                .files
                                .iter()
                                .find(|e| e.id == *fid)
                                .cloned()
                                .unwrap_or_else(|| FileEntry {
                                    id: *fid,
                                    name: f.name.clone(),
                                    size: 0,
                                });
                            f.bytes = contents(&entry);
                        }
                    }
                    let response = engine.handle(request, &mut |_| {});
                    s.reduce(Action::Engine { id, response });
                }
            }
        }
    }
}

/// A fresh engine of this build, as the page's worker starts it.
pub(crate) fn engine_of(build: EngineBuild) -> Engine {
    match build {
        EngineBuild::Csv => Engine::without_workbooks(),
        EngineBuild::Full => Engine::default(),
    }
}

fn text_of(_: &FileEntry) -> Vec<u8> {
    CSV.as_bytes().to_vec()
}

pub(crate) fn sent_requests(s: &State) -> Vec<Request> {
    s.outbox()
        .iter()
        .filter_map(|o| match o {
            Outgoing::Send { request, .. } => Some(request.clone()),
            Outgoing::Restart { .. } | Outgoing::Warm { .. } => None,
        })
        .collect()
}

#[test]
fn adding_files_queues_one_read_and_the_page_is_busy_until_it_is_answered() {
    let mut s = State::default();
    let f = FileEntry::new("a.csv", CSV.len() as u64);
    s.reduce(Action::Add(vec![f.clone()]));
    assert!(s.busy());
    let [Outgoing::Send { files, request, .. }] = s.outbox() else {
        panic!("{:?}", s.outbox())
    };
    assert_eq!(files, &vec![f.id]);
    assert!(
        matches!(request, Request::Add(named) if named[0].name == "a.csv" && named[0].bytes.is_empty())
    );
    deliver(&mut s, &mut Engine::default(), &text_of);
    assert!(!s.busy());
    assert!(s.outbox().is_empty());
    assert_eq!(
        s.report.as_ref().unwrap().groups[0].rows[0].value,
        Some(96.0)
    );
}

#[test]
fn an_empty_add_asks_nothing() {
    let mut s = State::default();
    s.reduce(Action::Add(Vec::new()));
    assert!(s.outbox().is_empty());
    assert!(!s.busy());
}

#[test]
fn sent_removes_only_what_the_page_has_done() {
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    let first = s.last_queued();
    s.reduce(Action::SetPeriod(None));
    s.reduce(Action::Sent { upto: first });
    assert_eq!(sent_requests(&s), vec![Request::View(Default::default())]);
}

#[test]
fn opening_a_view_without_data_starts_no_engine_until_a_file_comes() {
    let mut s = State::default();
    let q1 = Period::Quarter { fy: 2018, q: 1 };
    s.reduce(Action::Open {
        view: SharedView {
            period: Some(q1),
            suppression: Some(5),
            ..SharedView::default()
        },
        data: None,
        origin: Origin::Storage,
    });
    s.reduce(Action::SetSuppression(Some(4)));
    assert!(s.outbox().is_empty(), "{:?}", s.outbox());
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    let requests = sent_requests(&s);
    assert!(
        matches!(&requests[0], Request::View(v) if v.period == Some(q1) && v.suppression == Some(4))
    );
    assert!(matches!(&requests[1], Request::Add(_)));
}

#[test]
fn progress_shows_only_for_a_read_in_flight() {
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 100)]));
    let id = s.outbox()[0].id();
    s.reduce(Action::Engine {
        id,
        response: Response::Progress { done: 5, total: 10 },
    });
    assert_eq!(s.progress, Some(Progress { done: 5, total: 10 }));
    s.reduce(Action::Engine {
        id: 999,
        response: Response::Progress { done: 9, total: 10 },
    });
    assert_eq!(s.progress, Some(Progress { done: 5, total: 10 }));
}

#[test]
fn an_answer_from_before_a_cancel_is_ignored() {
    let mut s = State::default();
    let keep = FileEntry::new("keep.csv", 1);
    s.reduce(Action::Add(vec![keep.clone()]));
    deliver(&mut s, &mut Engine::default(), &text_of);
    s.reduce(Action::Add(vec![FileEntry::new("huge.csv", 1 << 30)]));
    let huge_read = s.outbox()[0].id();
    s.reduce(Action::Cancel);
    assert_eq!(s.files, vec![keep.clone()]);
    assert!(matches!(s.outbox()[0], Outgoing::Restart { .. }));
    assert!(matches!(&sent_requests(&s)[0], Request::Replace { files, .. } if files.len() == 1));
    // The old engine's answer arrives late: nobody waits for it.
    s.reduce(Action::Engine {
        id: huge_read,
        response: Response::Data(Box::default()),
    });
    assert!(
        s.report.is_some(),
        "the late empty answer replaced the report"
    );
    assert!(s.busy());
}

#[test]
fn removing_a_file_replaces_the_files_with_the_rest_for_the_same_view() {
    let mut s = State::default();
    let (a, b) = (FileEntry::new("a.csv", 1), FileEntry::new("b.csv", 1));
    s.reduce(Action::Add(vec![a.clone(), b.clone()]));
    let q1 = Period::Quarter { fy: 2018, q: 1 };
    s.reduce(Action::SetPeriod(Some(q1)));
    deliver(&mut s, &mut Engine::default(), &text_of);
    s.reduce(Action::Remove(b.id));
    let [Request::Replace { files, view }] = <[Request; 1]>::try_from(sent_requests(&s)).unwrap()
    else {
        panic!()
    };
    assert_eq!(files.iter().map(|f| &f.name).collect::<Vec<_>>(), ["a.csv"]);
    assert_eq!(view.period, Some(q1));
}

#[test]
fn selecting_a_pi_asks_for_its_history_and_a_new_report_asks_again() {
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    deliver(&mut s, &mut Engine::default(), &text_of);
    s.reduce(Action::Select(Some("A".into())));
    assert_eq!(
        sent_requests(&s),
        vec![Request::Detail { code: "A".into() }]
    );
    let mut engine = Engine::default();
    engine.handle(
        Request::Add(vec![InputFile {
            name: "a.csv".into(),
            bytes: CSV.into(),
        }]),
        &mut |_| {},
    );
    deliver(&mut s, &mut engine, &text_of);
    assert_eq!(s.detail.as_ref().unwrap().code, "A");
    s.reduce(Action::SetPeriod(Some(Period::Quarter { fy: 2018, q: 1 })));
    deliver(&mut s, &mut engine, &text_of);
    let detail = s.detail.as_ref().expect("asked again after the new report");
    assert_eq!(detail.value, Some(90.0));
}

#[test]
fn suppression_is_sent_to_the_engine_within_1_to_99() {
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    s.reduce(Action::SetSuppression(Some(0)));
    assert_eq!(s.suppression, Some(1));
    s.reduce(Action::SetSuppression(Some(500)));
    assert_eq!(s.suppression, Some(99));
    assert!(
        matches!(sent_requests(&s).last(), Some(Request::View(v)) if v.suppression == Some(99))
    );
}

#[test]
fn an_export_comes_back_as_a_download_and_is_forgotten_once_handed_over() {
    let mut s = State::default();
    s.reduce(Action::Export(ExportFormat::Csv));
    let id = s.outbox()[0].id();
    let d = Download {
        name: "r.csv".into(),
        mime: "text/csv".into(),
        bytes: b"x".to_vec(),
    };
    s.reduce(Action::Engine {
        id,
        response: Response::Export(Ok(d.clone())),
    });
    assert_eq!(s.download.as_deref(), Some(&d));
    s.reduce(Action::Downloaded);
    assert_eq!(s.download, None);
}

#[test]
fn a_link_with_data_unpacks_keeps_the_contents_and_reads_them_with_its_view() {
    let mut engine = Engine::default();
    let Response::Packed(Ok(packed)) = engine.handle(
        Request::Pack(vec![InputFile {
            name: "a.csv".into(),
            bytes: CSV.into(),
        }]),
        &mut |_| {},
    ) else {
        panic!()
    };
    let mut s = State::default();
    let q1 = Period::Quarter { fy: 2018, q: 1 };
    s.reduce(Action::Open {
        view: SharedView {
            period: Some(q1),
            ..SharedView::default()
        },
        data: Some(packed),
        origin: Origin::Link,
    });
    assert!(!s.remember_data, "a link never turns on keeping data");
    assert!(s.from_link, "a link's view is not stored over the user's");
    // Answer the view and the unpack; the reducer then holds the bytes and reads them.
    let outbox = s.outbox().to_vec();
    s.reduce(Action::Sent {
        upto: s.last_queued(),
    });
    for o in outbox {
        if let Outgoing::Send { id, request, .. } = o {
            let response = engine.handle(request, &mut |_| {});
            s.reduce(Action::Engine { id, response });
        }
    }
    let held: Vec<Held> = s.held().cloned().collect();
    assert_eq!(held.len(), 1);
    assert_eq!(s.files[0].id, held[0].id);
    let contents = move |f: &FileEntry| {
        held.iter()
            .find(|h| h.id == f.id)
            .map(|h| h.bytes.to_vec())
            .unwrap_or_default()
    };
    deliver(&mut s, &mut Engine::default(), &contents);
    assert_eq!(s.report.as_ref().unwrap().period, q1);
    assert_eq!(s.held().count(), 0);
}

#[test]
fn a_damaged_link_says_so_and_leaves_everything_else() {
    let mut s = State::default();
    s.reduce(Action::Open {
        view: SharedView::default(),
        data: Some("AAAA".into()),
        origin: Origin::Link,
    });
    deliver(&mut s, &mut Engine::default(), &text_of);
    assert!(s
        .open_error
        .as_deref()
        .unwrap()
        .starts_with("This share link could not be opened"));
    assert!(s.files.is_empty());
    assert!(!s.busy());
}

#[test]
fn undamaged_stored_data_that_cannot_be_read_is_reported_not_lost() {
    let mut s = State::default();
    s.reduce(Action::Open {
        view: SharedView::default(),
        data: Some("AAAA".into()),
        origin: Origin::Storage,
    });
    deliver(&mut s, &mut Engine::default(), &text_of);
    assert!(s
        .open_error
        .as_deref()
        .unwrap()
        .contains("left as they were"));
}

#[test]
fn keeping_data_packs_the_files_once_the_report_is_settled() {
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    s.reduce(Action::RememberData(true));
    assert!(
        !sent_requests(&s)
            .iter()
            .any(|r| matches!(r, Request::Pack(_))),
        "not while reading"
    );
    deliver(&mut s, &mut Engine::default(), &text_of);
    assert!(matches!(s.packed, Some(Ok(_))));
}

#[test]
fn a_request_the_engine_could_not_decode_is_an_alert_not_silence() {
    let mut s = State::default();
    s.reduce(Action::Export(ExportFormat::Csv));
    let id = s.outbox()[0].id();
    s.reduce(Action::Engine {
        id,
        response: Response::Failed(RequestError::Undecodable),
    });
    assert!(s.engine_problem.is_some());
    assert!(!s.busy());
}

/// A fresh engine answers everything queued except the read of `unanswered` alone, which
/// stays in flight (the file the engine is about to die on).
fn answer_all_but(s: &mut State, unanswered: FileId) {
    let outbox = s.outbox().to_vec();
    s.reduce(Action::Sent {
        upto: s.last_queued(),
    });
    let mut engine = Engine::default();
    for o in outbox {
        if let Outgoing::Send {
            id,
            mut request,
            files,
        } = o
        {
            if files == [unanswered] {
                continue;
            }
            if let Some(named) = request.files_mut() {
                for f in named {
                    f.bytes = CSV.into();
                }
            }
            let response = engine.handle(request, &mut |_| {});
            s.reduce(Action::Engine { id, response });
        }
    }
}

/// The engine dies while these are in flight.
fn dies(s: &mut State) {
    s.reduce(Action::Sent {
        upto: s.last_queued(),
    });
    s.reduce(Action::EngineTrouble(EngineTrouble::Stopped(
        "RuntimeError: unreachable".into(),
    )));
}

#[test]
fn a_file_that_stops_the_engine_once_is_read_again_on_its_own() {
    let mut s = State::default();
    let good = FileEntry::new("good.csv", 1);
    s.reduce(Action::Add(vec![good.clone()]));
    deliver(&mut s, &mut Engine::default(), &text_of);
    let flaky = FileEntry::new("flaky.csv", 1);
    s.reduce(Action::Add(vec![flaky.clone()]));
    dies(&mut s);
    assert!(s.failed.is_empty(), "not blamed for one crash");
    assert!(matches!(s.outbox()[0], Outgoing::Restart { .. }));
    let requests = sent_requests(&s);
    assert!(
        matches!(&requests[0], Request::Replace { files, .. } if files.len() == 1 && files[0].name == "good.csv")
    );
    assert!(matches!(&requests[1], Request::Add(files) if files[0].name == "flaky.csv"));
    assert!(s
        .engine_problem
        .as_deref()
        .unwrap()
        .contains("being read again"));
    let mut restarted = Engine::default();
    deliver(&mut s, &mut restarted, &text_of);
    assert!(!s.busy());
    assert_eq!(s.data.sources.len(), 2, "both files count");
    assert!(s
        .engine_problem
        .as_deref()
        .unwrap()
        .contains("every file has been read again"));
}

#[test]
fn when_the_engine_dies_twice_on_one_file_that_file_is_named_and_the_others_still_count() {
    let mut s = State::default();
    let good = FileEntry::new("good.csv", 1);
    s.reduce(Action::Add(vec![good.clone()]));
    deliver(&mut s, &mut Engine::default(), &text_of);
    let bad = FileEntry::new("bad.xlsx", 1);
    s.reduce(Action::Add(vec![bad.clone()]));
    dies(&mut s);
    // The restarted engine reads good.csv, then dies on bad.xlsx alone.
    answer_all_but(&mut s, bad.id);
    dies(&mut s);
    assert!(s.failed.contains_key(&bad.id));
    assert_eq!(s.files.len(), 2, "the file stays listed");
    assert!(s
        .engine_problem
        .as_deref()
        .unwrap()
        .starts_with("bad.xlsx stopped"));
    let [Request::Replace { files, .. }] = <[Request; 1]>::try_from(sent_requests(&s)).unwrap()
    else {
        panic!()
    };
    assert_eq!(
        files.iter().map(|f| &f.name).collect::<Vec<_>>(),
        ["good.csv"]
    );
    let mut restarted = Engine::default();
    deliver(&mut s, &mut restarted, &text_of);
    assert!(!s.busy());
    assert!(s.report.is_some());
    // A good file added afterwards is read without pressing Cancel.
    s.reduce(Action::Add(vec![FileEntry::new("later.csv", 1)]));
    deliver(&mut s, &mut restarted, &text_of);
    assert!(!s.busy());
    assert_eq!(s.data.sources.len(), 2);
}

#[test]
fn when_the_engine_dies_reading_several_files_each_suspect_is_read_on_its_own() {
    let mut s = State::default();
    let files: Vec<FileEntry> = ["a.csv", "b.csv", "c.csv"]
        .iter()
        .map(|n| FileEntry::new(*n, 1))
        .collect();
    s.reduce(Action::Add(files.clone()));
    s.reduce(Action::Sent {
        upto: s.last_queued(),
    });
    s.reduce(Action::EngineTrouble(EngineTrouble::Stopped("trap".into())));
    let requests = sent_requests(&s);
    assert!(matches!(&requests[0], Request::Replace { files, .. } if files.is_empty()));
    assert_eq!(requests.len(), 4);
    // b.csv kills it again: only b is in flight with the others answered.
    answer_all_but(&mut s, files[1].id);
    s.reduce(Action::EngineTrouble(EngineTrouble::Stopped("trap".into())));
    assert_eq!(s.failed.keys().copied().collect::<Vec<_>>(), [files[1].id]);
    assert!(s.engine_problem.as_deref().unwrap().starts_with("b.csv"));
}

#[test]
fn an_engine_that_keeps_dying_is_given_up_with_a_message() {
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    for _ in 0..=MAX_RESTARTS {
        s.reduce(Action::EngineTrouble(EngineTrouble::Stopped("trap".into())));
    }
    assert!(s
        .engine_problem
        .as_deref()
        .unwrap()
        .contains("Reload the page"));
    assert!(s.outbox().is_empty());
    assert!(!s.busy());
}

#[test]
fn a_stale_engine_is_restarted_with_the_files() {
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    s.reduce(Action::EngineTrouble(EngineTrouble::Stale { protocol: 1 }));
    assert!(matches!(s.outbox()[0], Outgoing::Restart { .. }));
    assert!(matches!(&sent_requests(&s)[0], Request::Replace { files, .. } if files.len() == 1));
    assert!(s.failed.is_empty());
}

#[test]
fn clear_everything_forgets_all_and_ignores_late_answers() {
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    let id = s.outbox()[0].id();
    s.reduce(Action::ClearEverything);
    s.reduce(Action::Engine {
        id,
        response: Response::Data(Box::default()),
    });
    assert!(s.files.is_empty());
    assert!(s.report.is_none());
    assert!(!s.busy());
}

#[test]
fn storage_that_refuses_unticks_the_box_and_says_why() {
    let mut s = State::default();
    s.reduce(Action::RememberData(true));
    s.reduce(Action::StorageFailed("the storage is full".into()));
    assert!(!s.remember_data);
    assert!(s
        .storage_problem
        .as_deref()
        .unwrap()
        .contains("the storage is full"));
}

/// A case list: C1 received Mon 7 Oct 2019, answered Tue 15 Oct: 7 working days, 6 with
/// a local holiday on Mon 14 Oct.
const CASES: &str =
    "Case ref,Date received,Stage,Date closed,Outcome\nC1,07/10/2019,1,15/10/2019,Upheld\n";

fn cases_of(_: &FileEntry) -> Vec<u8> {
    CASES.as_bytes().to_vec()
}

/// CMP.06 (average working days at stage 1) as the report shows it.
fn stage_1_days(s: &State) -> String {
    s.report
        .as_ref()
        .unwrap()
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|r| r.code == "CMP.06")
        .map(|r| r.value_shown.to_string())
        .unwrap()
}

#[test]
fn holidays_typed_before_any_file_start_no_engine_and_go_before_the_first_read() {
    let mut s = State::default();
    s.reduce(Action::SetHolidays {
        text: "14/10/2019 Autumn holiday\nnot a date\n".into(),
        easter_monday: true,
    });
    assert!(s.outbox().is_empty(), "no engine for a setting alone");
    assert_eq!(
        s.holiday_problems,
        ["line 2: expected a date in UK order, day first, such as 23/09/2019, found 'not a date'"]
    );
    s.reduce(Action::Add(vec![FileEntry::new(
        "cases.csv",
        CASES.len() as u64,
    )]));
    assert!(matches!(
        sent_requests(&s).as_slice(),
        [Request::Holidays(h), Request::Add(_)] if h.local.len() == 1
    ));
    deliver(&mut s, &mut Engine::default(), &cases_of);
    // Mon 7 -> Tue 15 Oct: 7..11, (14 a holiday), 15 = 6.
    assert_eq!(stage_1_days(&s), "6.00");
}

#[test]
fn changing_the_holidays_works_the_report_out_again_and_a_restart_hears_them() {
    let mut s = State::default();
    let mut engine = Engine::default();
    s.reduce(Action::Add(vec![FileEntry::new(
        "cases.csv",
        CASES.len() as u64,
    )]));
    deliver(&mut s, &mut engine, &cases_of);
    // Mon 7 -> Tue 15 Oct: 7 working days.
    assert_eq!(stage_1_days(&s), "7.00");
    s.reduce(Action::SetHolidays {
        text: "14/10/2019".into(),
        easter_monday: true,
    });
    assert!(s.busy());
    assert!(matches!(
        sent_requests(&s).as_slice(),
        [Request::Holidays(_)]
    ));
    deliver(&mut s, &mut engine, &cases_of);
    assert_eq!(stage_1_days(&s), "6.00");
    // The same settings again: nothing to tell.
    s.reduce(Action::SetHolidays {
        text: "14/10/2019".into(),
        easter_monday: true,
    });
    assert!(s.outbox().is_empty());
    // The engine dies: the new one hears the calendar before it reads the files again.
    s.reduce(Action::EngineTrouble(EngineTrouble::Stopped("trap".into())));
    let requests = sent_requests(&s);
    assert!(
        matches!(
            requests.as_slice(),
            [Request::Holidays(_), Request::Replace { .. }]
        ),
        "{requests:?}"
    );
    deliver(&mut s, &mut engine, &cases_of);
    assert_eq!(stage_1_days(&s), "6.00");
}
