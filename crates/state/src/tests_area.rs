//! The user's council for files of many areas' figures: chosen once, told to the engine
//! now or with its first read, and again whenever the engine restarts.

use scorecard_core::engine::{Engine, Request};

use crate::tests::{deliver, sent_requests};
use crate::*;

fn lgbf(_: &FileEntry) -> Vec<u8> {
    let path = format!(
        "{}/../../tests/fixtures/other/lgbf-all-councils.csv",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// CHN4's rank in the report, with nothing else in the file to rank it by: highest first.
fn chn4_rank(s: &State) -> Option<(u32, u32)> {
    let report = s.report.as_ref()?;
    let row = report
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|r| r.code == "CHN4")?;
    row.rank.map(|r| (r.rank, r.of))
}

#[test]
fn a_council_remembered_before_any_file_is_told_with_the_first_read() {
    let mut s = State::default();
    s.reduce(Action::ChooseArea(Some("Midlothian".into())));
    assert!(s.outbox().is_empty(), "no engine is started for a setting");
    assert_eq!(s.area.as_deref(), Some("Midlothian"));
    s.reduce(Action::Add(vec![FileEntry::new("lgbf.csv", 1)]));
    let requests = sent_requests(&s);
    assert_eq!(requests[0], Request::ChooseArea(Some("Midlothian".into())));
    assert!(matches!(&requests[1], Request::Add(_)));
    deliver(&mut s, &mut Engine::default(), &lgbf);
    assert_eq!(s.data.area.as_deref(), Some("Midlothian"));
    assert_eq!(s.data.areas.len(), 32);
    // 2019-20, 56.8 among 31 councils with a value, highest first (make_other.py).
    assert_eq!(chn4_rank(&s), Some((26, 31)));
}

#[test]
fn choosing_after_the_files_are_read_asks_the_engine_at_once_and_only_once() {
    let mut s = State::default();
    let mut engine = Engine::default();
    s.reduce(Action::Add(vec![FileEntry::new("lgbf.csv", 1)]));
    deliver(&mut s, &mut engine, &lgbf);
    assert_eq!((s.data.areas.len(), s.data.area.clone()), (32, None));
    assert!(
        s.report.is_none(),
        "nothing to report until the council is known"
    );

    s.reduce(Action::ChooseArea(Some(" Midlothian ".into())));
    assert_eq!(
        sent_requests(&s),
        [Request::ChooseArea(Some("Midlothian".into()))]
    );
    assert!(s.busy());
    deliver(&mut s, &mut engine, &lgbf);
    assert_eq!(chn4_rank(&s), Some((26, 31)));
    s.reduce(Action::ChooseArea(Some("Midlothian".into())));
    assert!(s.outbox().is_empty(), "the same choice asks nothing");
    s.reduce(Action::ChooseArea(None));
    assert_eq!(sent_requests(&s), [Request::ChooseArea(None)]);
    deliver(&mut s, &mut engine, &lgbf);
    assert_eq!(s.data.area, None);
}

#[test]
fn a_restarted_engine_is_told_the_council_before_it_reads_the_files_again() {
    let mut s = State::default();
    s.reduce(Action::ChooseArea(Some("Midlothian".into())));
    s.reduce(Action::Add(vec![FileEntry::new("lgbf.csv", 1)]));
    deliver(&mut s, &mut Engine::default(), &lgbf);
    s.reduce(Action::EngineTrouble(EngineTrouble::Stale { protocol: 1 }));
    assert!(matches!(s.outbox()[0], Outgoing::Restart { .. }));
    let requests = sent_requests(&s);
    assert_eq!(requests[0], Request::ChooseArea(Some("Midlothian".into())));
    assert!(matches!(&requests[1], Request::Replace { files, .. } if files.len() == 1));
    let mut fresh = Engine::default();
    deliver(&mut s, &mut fresh, &lgbf);
    assert_eq!(s.data.area.as_deref(), Some("Midlothian"));
    assert_eq!(chn4_rank(&s), Some((26, 31)));
}
