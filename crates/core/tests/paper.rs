//! The committee paper's parts computed in the core: PI sets with their summaries and
//! Off Target lists, action comments, and change sentences in percentage points.

use scorecard_core::report::build;
use scorecard_core::status::Status;
use scorecard_core::{read_all, InputFile};

fn file(name: &str, text: &str) -> InputFile {
    InputFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn each_pi_set_has_its_own_summary_and_names_its_off_target_pis() {
    let ds = read_all(&[file(
        "sets.csv",
        "PI Type,Code,Indicator,Period,Value,Target,Polarity\n\
         Corporate,C1,Sickness days,Q2 2021/22,4,5,down\n\
         Corporate,C2,Invoices paid on time,Q2 2021/22,97%,95%,up\n\
         Service Plan,S1,Qualifications achieved through CLL,Q2 2021/22,40,100,up\n\
         Service Plan,S2,Number of CHs deferred,Q2 2021/22,12,5,down\n\
         Service Plan,S3,Learners engaged,Q2 2021/22,300,,\n",
    )]);
    assert!(ds.notices.is_empty(), "{:?}", ds.notices);
    let r = build(&ds, None).unwrap();
    let names: Vec<_> = r.sets.iter().map(|s| s.heading()).collect();
    assert_eq!(names, ["Corporate PIs", "Service Plan PIs"]);
    let corporate = &r.sets[0];
    assert_eq!(corporate.summary.count(Status::OnTarget), 2);
    assert!(corporate.off_target.is_empty());
    let plan = &r.sets[1];
    assert_eq!(plan.summary.line(), "● 2 ▲ 0 ✓ 0 ? 0 📊 1");
    assert_eq!(
        plan.off_target,
        [
            (
                "S1".to_string(),
                "Qualifications achieved through CLL".to_string()
            ),
            ("S2".to_string(), "Number of CHs deferred".to_string()),
        ]
    );
}

#[test]
fn a_report_without_sets_has_none() {
    let ds = read_all(&[file("p.csv", "code,period,value\nA,Q1 2018/19,5\n")]);
    assert!(build(&ds, None).unwrap().sets.is_empty());
}

#[test]
fn the_action_reports_comment_column_is_read_as_each_actions_comment() {
    // The header row of seed 002's action report, as copied from it.
    let ds = read_all(&[file(
        "actions.tsv",
        "Code\tAction\tDue Date\tIcon\tProgress\tComment & Planned Improvement Action\n\
         CS.P.1.2\tImplement alternative care arrangements\t31-Mar-2019\t\t50%\tQ2 18/19: On Target We have set up a working group.\n",
    )]);
    assert!(ds.notices.is_empty(), "{:?}", ds.notices);
    let r = build(
        &ds,
        Some(scorecard_core::period::Period::parse("Q2 2018/19").unwrap()),
    )
    .unwrap();
    assert_eq!(
        r.actions[0].note,
        "Q2 18/19: On Target We have set up a working group."
    );
}

#[test]
fn narrative_sections_are_read_from_a_sheet_and_shown_for_their_period() {
    let ds = read_all(&[
        file("pis.csv", "code,period,value\nA,Q1 2021/22,5\nA,Q2 2021/22,6\n"),
        file(
            "commentary.csv",
            "Section,Period,Text\n\
             01. Progress in delivery of strategic outcomes,Q1 2021/22,\"There has been a 45% increase in referrals.\n\nThe Promise: one meeting held.\"\n\
             01. Progress in delivery of strategic outcomes,Q2 2021/22,Referrals fell back.\n\
             02. Challenges and Risks,,Workforce capacity remains the main risk.\n\
             ,Q2 2021/22,Text with no section\n",
        ),
    ]);
    let msgs: Vec<String> = ds.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        msgs,
        ["commentary.csv, row 7: this row has narrative text but no section title to put it under; it was left out"]
    );
    let q1 = build(
        &ds,
        Some(scorecard_core::period::Period::parse("Q1 2021/22").unwrap()),
    )
    .unwrap();
    assert_eq!(q1.narrative.len(), 2);
    assert_eq!(
        q1.narrative[0].title,
        "01. Progress in delivery of strategic outcomes"
    );
    assert_eq!(
        q1.narrative[0].paragraphs,
        [
            "There has been a 45% increase in referrals.",
            "The Promise: one meeting held."
        ]
    );
    assert_eq!(
        q1.narrative[1].paragraphs,
        ["Workforce capacity remains the main risk."]
    );
    let q2 = build(&ds, None).unwrap();
    assert_eq!(q2.narrative[0].paragraphs, ["Referrals fell back."]);
}

#[test]
fn a_risk_register_gives_ratings_and_names_the_high_risks() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/paper/risk-register.csv"
    );
    let ds = read_all(&[
        file("pis.csv", "code,period,value\nA,Q2 2021/22,5\n"),
        InputFile {
            name: "risk-register.csv".into(),
            bytes: std::fs::read(path).unwrap(),
        },
    ]);
    assert!(ds.notices.is_empty(), "{:?}", ds.notices);
    let r = build(&ds, None).unwrap();
    let rated: Vec<(&str, &str, Option<f64>)> = r
        .risks
        .iter()
        .map(|k| {
            (
                k.code.as_str(),
                k.rating.map_or("-", |x| x.label()),
                k.score,
            )
        })
        .collect();
    // 4 × 4 = 16 High; Likely × Major = 4 × 4 = 16 High; 3 × 5 = 15 High; 2 × 3 = 6
    // Medium; nothing given: not rated, last.
    assert_eq!(
        rated,
        [
            ("CS.R.01", "High", Some(16.0)),
            ("CS.R.02", "High", Some(16.0)),
            ("CS.R.03", "High", Some(15.0)),
            ("CS.R.04", "Medium", Some(6.0)),
            ("CS.R.05", "-", None),
        ]
    );
    assert_eq!(r.risks[0].reason, "likelihood 4 × impact 4 = 16: High");
    assert_eq!(r.risks[1].review, "30 Nov 2021");
    assert_eq!(r.risks[0].owner, "Head of Children's Services");
    assert_eq!(
        r.risks[0].controls,
        "Recruitment campaign; agency cover agreed"
    );
}

#[test]
fn a_stated_rating_wins_and_bad_cells_are_named() {
    let ds = read_all(&[file(
        "risks.csv",
        "Code,Risk,Likelihood,Impact,Rating\nR1,Budget,5,5,Amber\nR2,Flooding,often,2,\n,,1,1,\n",
    )]);
    let msgs: Vec<String> = ds.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        msgs,
        [
            "risks.csv, row 3, column 'Likelihood': expected a likelihood from 1 to 5, or Rare, Unlikely, Possible, Likely or Almost certain, found 'often'",
            "risks.csv, row 4: the risk has neither a code nor a title; it was left out",
        ]
    );
    assert_eq!(ds.risks.len(), 2);
    assert_eq!(ds.risks[0].rating().unwrap().label(), "Medium");
    assert_eq!(ds.risks[0].reason(), "Medium, as the register states");
    assert_eq!(
        ds.risks[1].rating(),
        None,
        "no likelihood: no score to rate"
    );
}
