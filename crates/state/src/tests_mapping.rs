//! The column mapping step through the reducer, against a real engine: opening it for a
//! table that was not read, choosing roles, the reasons a choice cannot be used yet, the
//! read with the mapping, the mapping used again for later files, and forgetting it.

use scorecard_core::engine::{Engine, Request};
use scorecard_core::load::mapping::{ColumnMapping, Role, TablePlace};

use crate::tests::{deliver, sent_requests};
use crate::*;

const ODD: &str = "Quarterly return from the old system,,,,\n\
Ref no,Measure,Qtr,Figure,Goal\n\
CMP.01,Complaints received,Q1 2018/19,120,100\n\
CMP.01,Complaints received,Q2 2018/19,95,100\n\
CMP.07,Average working days to respond,Q2 2018/19,15.13,20\n";

fn odd(_: &FileEntry) -> Vec<u8> {
    ODD.as_bytes().to_vec()
}

fn place() -> TablePlace {
    TablePlace {
        file: "odd.csv".into(),
        sheet: None,
        first_row: 1,
    }
}

fn choose(s: &mut State, column: usize, key: &str) {
    s.reduce(Action::ChooseRole {
        place: place(),
        column,
        key: key.into(),
        period: String::new(),
    });
}

/// A page with odd.csv read and not placed.
fn read_odd(engine: &mut Engine) -> State {
    let mut s = State::default();
    s.reduce(Action::LoadMappings(Vec::new()));
    s.reduce(Action::Add(vec![FileEntry::new(
        "odd.csv",
        ODD.len() as u64,
    )]));
    deliver(&mut s, engine, &odd);
    s
}

fn report_codes(s: &State) -> Vec<String> {
    s.report
        .as_ref()
        .map(|r| {
            r.groups
                .iter()
                .flat_map(|g| &g.rows)
                .map(|r| r.code.clone())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_table_not_read_is_mapped_column_by_column_and_then_read() {
    let mut engine = Engine::default();
    let mut s = read_odd(&mut engine);
    assert!(s.report.is_none());
    assert_eq!(s.data.unplaced.len(), 1);
    s.reduce(Action::OpenMapping(place()));
    let draft = &s.drafts[&place()];
    // The title row is shown too; the header is the row under it.
    assert_eq!(draft.header, 1);
    assert_eq!(draft.columns.len(), 5);
    assert!(draft.columns.iter().all(|c| c.key == "ignore"));
    // A period and a value, but nothing naming the indicator.
    choose(&mut s, 2, "period");
    choose(&mut s, 3, "value");
    s.reduce(Action::ApplyMapping(place()));
    assert_eq!(
        s.drafts[&place()].problem.as_deref(),
        Some("Choose the column that holds each indicator's code or its title: every row must say which indicator it is.")
    );
    assert!(sent_requests(&s).is_empty(), "nothing is read yet");
    choose(&mut s, 0, "code");
    assert_eq!(
        s.drafts[&place()].problem,
        None,
        "a new choice clears the reason"
    );
    choose(&mut s, 1, "title");
    choose(&mut s, 4, "target");
    s.reduce(Action::ApplyMapping(place()));
    assert!(s.drafts.is_empty());
    let kept = ColumnMapping {
        signature: "refno|measure|qtr|figure|goal".into(),
        headers: ["Ref no", "Measure", "Qtr", "Figure", "Goal"]
            .map(String::from)
            .to_vec(),
        roles: vec![
            Role::Code,
            Role::Title,
            Role::Period,
            Role::Value,
            Role::Target,
        ],
    };
    assert_eq!(s.mappings, vec![kept.clone()]);
    let sent = sent_requests(&s);
    assert_eq!(sent[0], Request::Mappings(vec![kept]));
    assert!(matches!(&sent[1], Request::Replace { files, .. } if files[0].name == "odd.csv"));
    deliver(&mut s, &mut engine, &odd);
    assert_eq!(report_codes(&s), ["CMP.01", "CMP.07"]);
    assert!(s.data.unplaced.is_empty());
    assert!(
        s.data.notices[0]
            .text
            .contains("with the column mapping you chose"),
        "{:?}",
        s.data.notices
    );
}

#[test]
fn a_kept_mapping_is_given_to_the_engine_before_the_first_file_and_can_be_forgotten() {
    let kept = ColumnMapping {
        signature: "refno|measure|qtr|figure|goal".into(),
        headers: Vec::new(),
        roles: vec![Role::Code, Role::Title, Role::Period, Role::Value],
    };
    let mut engine = Engine::default();
    let mut s = State::default();
    s.reduce(Action::LoadMappings(vec![kept.clone()]));
    assert!(
        sent_requests(&s).is_empty(),
        "no engine is started for them"
    );
    s.reduce(Action::Add(vec![FileEntry::new("odd.csv", 1)]));
    let sent = sent_requests(&s);
    assert_eq!(sent[0], Request::Mappings(vec![kept.clone()]));
    assert!(matches!(sent[1], Request::Add(_)));
    deliver(&mut s, &mut engine, &odd);
    assert_eq!(report_codes(&s), ["CMP.01", "CMP.07"]);
    // The engine has them: a second file is sent alone.
    s.reduce(Action::Add(vec![FileEntry::new("odd.csv", 1)]));
    assert!(matches!(sent_requests(&s)[..], [Request::Add(_)]));
    deliver(&mut s, &mut engine, &odd);
    // Forgotten: the engine is told, the files are read again, the table offered again.
    s.reduce(Action::ForgetMapping(kept.signature.clone()));
    assert!(s.mappings.is_empty());
    let sent = sent_requests(&s);
    assert_eq!(sent[0], Request::Mappings(Vec::new()));
    assert!(matches!(sent[1], Request::Replace { .. }));
    deliver(&mut s, &mut engine, &odd);
    assert!(s.report.is_none());
    assert_eq!(s.data.unplaced.len(), 2, "one for each file");
}

#[test]
fn a_restarted_engine_is_given_the_mappings_again_before_it_reads() {
    let kept = ColumnMapping {
        signature: "refno|measure|qtr|figure|goal".into(),
        headers: Vec::new(),
        roles: vec![Role::Code, Role::Title, Role::Period, Role::Value],
    };
    let mut engine = Engine::default();
    let mut s = State::default();
    s.reduce(Action::LoadMappings(vec![kept.clone()]));
    s.reduce(Action::Add(vec![FileEntry::new("odd.csv", 1)]));
    deliver(&mut s, &mut engine, &odd);
    s.reduce(Action::SetPeriod(None));
    s.reduce(Action::EngineTrouble(EngineTrouble::Stopped("trap".into())));
    let sent = sent_requests(&s);
    assert_eq!(sent[0], Request::Mappings(vec![kept]));
    assert!(matches!(sent[1], Request::Replace { .. }));
    deliver(&mut s, &mut engine, &odd);
    assert_eq!(report_codes(&s), ["CMP.01", "CMP.07"]);
}

#[test]
fn another_header_row_offers_its_own_roles_and_not_now_closes_the_step() {
    let mut engine = Engine::default();
    let mut s = State::default();
    s.reduce(Action::Add(vec![FileEntry::new("k.csv", 1)]));
    deliver(&mut s, &mut engine, &|_| {
        b"Return,,\nKennung,period,value\nA,Q1 2018/19,4\n".to_vec()
    });
    let place = TablePlace {
        file: "k.csv".into(),
        sheet: None,
        first_row: 1,
    };
    s.reduce(Action::OpenMapping(place.clone()));
    let keys = |s: &State| -> Vec<String> {
        s.drafts[&place]
            .columns
            .iter()
            .map(|c| c.key.clone())
            .collect()
    };
    // The recognised headers' row is taken as the header, their roles offered.
    assert_eq!(s.drafts[&place].header, 1);
    assert_eq!(keys(&s), ["ignore", "period", "value"]);
    s.reduce(Action::ChooseHeaderRow {
        place: place.clone(),
        row: 0,
    });
    assert_eq!(keys(&s), ["ignore", "ignore", "ignore"]);
    // A role that needs a period says so, naming the column.
    s.reduce(Action::ChooseRole {
        place: place.clone(),
        column: 2,
        key: "value-of".into(),
        period: "later".into(),
    });
    s.reduce(Action::ApplyMapping(place.clone()));
    assert_eq!(
        s.drafts[&place].problem.as_deref(),
        Some("Column C '': 'Value of one period (wide layout)' needs a period such as Q2 2018/19 or 2018/19; 'later' is not one.")
    );
    s.reduce(Action::CloseMapping(place.clone()));
    assert!(s.drafts.is_empty());
    assert_eq!(s.data.unplaced.len(), 1, "still offered");
}
