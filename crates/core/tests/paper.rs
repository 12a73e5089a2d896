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
