//! Stated statuses where no polarity is given, and polarity inferred from them.

use super::*;

#[test]
fn complaints_without_polarity_or_cumulative_columns_give_the_twelve_published_statuses() {
    let (ds, r) = report_of(&[complaints_without(&["Polarity", "Cumulative"])]);
    assert_eq!(r.period.to_string(), "Q2 2018/19");
    let rows: Vec<&Row> = r.groups.iter().flat_map(|g| &g.rows).collect();
    assert_eq!(rows.len(), 12);
    for row in &rows {
        assert_eq!(Some(row.status), row.stated_status, "{}", row.reason);
        assert!(!row.status_differs(), "{}", row.code);
    }
    assert_eq!(r.summary.line(), "● 2 ▲ 0 ✓ 4 ? 0 📊 6");
    // Where the notes leave one polarity, it is inferred and the status computed.
    let inferred = |code: &str| {
        let ind = &ds.indicators[code];
        (ind.polarity, ind.polarity_source.clone())
    };
    let from_q2 = PolaritySource::Inferred {
        from: vec![q("Q2 2018/19")],
    };
    for code in ["CMP.06", "CMP.07", "CMP.08"] {
        assert_eq!(inferred(code), (Polarity::Down, from_q2.clone()), "{code}");
    }
    for code in ["CMP.09", "CMP.10", "CMP.11"] {
        assert_eq!(inferred(code), (Polarity::Up, from_q2.clone()), "{code}");
    }
    let cmp07 = row(&r, "CMP.07");
    assert!(!cmp07.status_stated);
    assert_eq!(
        cmp07.reason,
        "15.13 against a target of 20 (lower is better, inferred from the status published for Q2 2018/19): On Target"
    );
    assert_eq!(
        row(&r, "CMP.10").reason,
        "75.00% against a target of 95% (higher is better, inferred from the status published for Q2 2018/19): Off Target"
    );
    // Data Only statements are no evidence: those six stay as stated.
    for code in ["CMP.01", "CMP.02", "CMP.03", "CMP.04", "CMP.05", "CMP.12"] {
        let row = row(&r, code);
        assert_eq!(inferred(code), (Polarity::None, PolaritySource::NotGiven));
        assert!(row.status_stated, "{code}");
        assert_eq!(row.status_label(), "Data Only (as stated)");
    }
    assert_eq!(
        row(&r, "CMP.01").reason,
        "16 (status as published in the file; no polarity given): Data Only"
    );
    // No cumulative column: the titles ending "(cumulative)" say it.
    let cmp01 = &ds.indicators["CMP.01"];
    assert!(cmp01.cumulative);
    assert_eq!(cmp01.cumulative_source, CumulativeSource::Title);
    assert!(!ds.indicators["CMP.02"].cumulative);
    let short = row(&r, "CMP.01").short_trend.as_ref().unwrap();
    assert_eq!(short.from[0].period.to_string(), "Q2 2017/18");
}

#[test]
fn the_complaints_sample_with_its_polarity_column_is_unchanged() {
    let (ds, r) = report_of(&[file(
        "complaints-q2-2018-19.csv",
        fixture_bytes("samples/complaints-q2-2018-19.csv"),
    )]);
    assert_eq!(r.summary.line(), "● 2 ▲ 0 ✓ 4 ? 0 📊 6");
    assert_eq!(
        ds.indicators["CMP.07"].polarity_source,
        PolaritySource::File
    );
    assert_eq!(
        row(&r, "CMP.07").reason,
        "15.13 against a target of 20 (lower is better): On Target"
    );
    // "None" said in the file is data only, not "not given": nothing is shown as stated.
    assert!(r
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .all(|r| !r.status_stated));
    assert_eq!(
        ds.indicators["CMP.01"].cumulative_source,
        CumulativeSource::File
    );
}

#[test]
fn illustrative_tables_give_the_statuses_the_samples_readme_expects() {
    let (ds, r) = report_of(&[illustrative()]);
    assert_eq!(r.period, q("Q3 2023/24"));
    let two = row(&r, "02");
    assert_eq!(two.status, Status::OffTarget);
    assert_eq!(
        two.reason,
        "7.45 against 6.75, three quarters of the annual 9.00 at Q3 (lower is better, inferred from the status published for Q3 2023/24): Off Target"
    );
    assert_eq!(two.target.map(|t| t.value), Some(6.75));
    let three = row(&r, "03");
    assert_eq!(three.status, Status::OffTarget);
    assert_eq!(three.target.map(|t| t.value), Some(95.0));
    assert_eq!(
        three.reason,
        "92% against the annual target of 95%, flat through the year (higher is better, inferred from the status published for Q3 2023/24): Off Target"
    );
    let pothole = row(&r, "RD.1.1");
    assert_eq!(
        (pothole.status, pothole.status_stated),
        (Status::Warning, true)
    );
    assert_eq!(pothole.status_label(), "Warning (as stated)");
    assert_eq!(
        pothole.reason,
        "86% against a target of 90% (status as published in the file; no polarity given): Warning"
    );
    assert!(pothole.checks.is_empty(), "{:?}", pothole.checks);
    assert_eq!(row(&r, "RD.1.3").status, Status::DataNotYetAvailable);
    let salt = &ds.indicators["RD.2.2"];
    assert_eq!(
        (salt.cumulative, salt.cumulative_source),
        (true, CumulativeSource::Title)
    );
    assert_eq!(
        (row(&r, "RD.2.2").status, row(&r, "RD.2.2").status_stated),
        (Status::DataOnly, true)
    );
    let polarities: Vec<(&str, Polarity)> = ["01", "02", "03", "RD.1.1", "RD.1.2", "RD.2.1"]
        .into_iter()
        .map(|c| (c, ds.indicators[c].polarity))
        .collect();
    assert_eq!(
        polarities,
        [
            ("01", Polarity::Down),
            ("02", Polarity::Down),
            ("03", Polarity::Up),
            ("RD.1.1", Polarity::None),
            ("RD.1.2", Polarity::Up),
            ("RD.2.1", Polarity::Up),
        ]
    );
    assert_eq!(r.summary.line(), "● 2 ▲ 1 ✓ 3 ? 1 📊 1");
}

#[test]
fn polarity_none_in_the_file_is_data_only_and_no_polarity_column_keeps_the_stated_status() {
    let given = report_of(&[text(
        "given.csv",
        "code,period,value,polarity,note\nA,Q2 2018/19,5,none,Q2 18/19: On Target\n",
    )])
    .1;
    let a = row(&given, "A");
    assert_eq!((a.status, a.status_stated), (Status::DataOnly, false));
    assert_eq!(
        a.checks,
        [DataCheck::StatusDiffers {
            period: q("Q2 2018/19"),
            stated: Status::OnTarget,
            computed: Status::DataOnly,
            reason: "5 is reported for information (no polarity): Data Only".into(),
        }]
    );
    let not_given = report_of(&[text(
        "not-given.csv",
        "code,period,value,note\nA,Q2 2018/19,5,Q2 18/19: On Target\n",
    )])
    .1;
    let a = row(&not_given, "A");
    assert_eq!((a.status, a.status_stated), (Status::OnTarget, true));
    assert_eq!(
        a.reason,
        "5 (status as published in the file; no polarity given): On Target"
    );
    assert!(a.checks.is_empty());
    // An empty polarity cell is not given either.
    let empty = report_of(&[text(
        "empty.csv",
        "code,period,value,polarity,status\nA,Q2 2018/19,5,,Warning\n",
    )])
    .1;
    assert_eq!(row(&empty, "A").status_label(), "Warning (as stated)");
}

#[test]
fn without_polarity_or_stated_status_a_value_is_data_only_as_before() {
    let (_, r) = report_of(&[text(
        "plain.csv",
        "code,period,value,target\nA,Q1 2018/19,4,5\nA,Q2 2018/19,6,5\n",
    )]);
    let a = row(&r, "A");
    assert_eq!((a.status, a.status_stated), (Status::DataOnly, false));
    assert_eq!(
        a.reason,
        "6 is reported for information (no polarity): Data Only"
    );
}

#[test]
fn a_stated_status_without_a_value_leaves_the_period_without_data() {
    let (_, r) = report_of(&[text(
        "t.csv",
        "code,period,value,status\nA,Q1 2018/19,4,On Target\nA,Q2 2018/19,,On Target\nB,Q2 2018/19,7,\n",
    )]);
    let a = row(&r, "A");
    assert_eq!(a.period, q("Q2 2018/19"));
    assert_eq!(
        (a.status, a.status_stated),
        (Status::DataNotYetAvailable, false)
    );
    assert!(a.status_differs());
    // The earlier period's value keeps its stated status in the series.
    assert_eq!(a.series[0].status, Status::OnTarget);
}

#[test]
fn polarity_is_inferred_only_where_exactly_one_fits_every_statement() {
    // On the target exactly: up and down both give On Target.
    let (ds, r) = report_of(&[text(
        "tie.csv",
        "code,period,value,target,status\nA,Q2 2018/19,95,95,On Target\n",
    )]);
    assert_eq!(ds.indicators["A"].polarity_source, PolaritySource::NotGiven);
    assert_eq!(row(&r, "A").status_label(), "On Target (as stated)");
    // Two periods that need opposite polarities: neither fits both.
    let (ds, r) = report_of(&[text(
        "clash.csv",
        "code,period,value,target,status\nA,Q1 2018/19,90,95,On Target\nA,Q2 2018/19,96,95,On Target\n",
    )]);
    assert_eq!(ds.indicators["A"].polarity, Polarity::None);
    let a = row(&r, "A");
    assert_eq!((a.status, a.status_stated), (Status::OnTarget, true));
    assert_eq!(
        a.series.iter().map(|s| s.status).collect::<Vec<_>>(),
        [Status::OnTarget, Status::OnTarget]
    );
    // Two periods that agree: inferred from both, and the reason names them.
    let (ds, r) = report_of(&[text(
        "agree.csv",
        "code,period,value,target,status\nA,Q1 2018/19,90,95,Off Target\nA,Q2 2018/19,96,95,On Target\nA,Q3 2018/19,93,95,\n",
    )]);
    assert_eq!(
        ds.indicators["A"].polarity_source,
        PolaritySource::Inferred {
            from: vec![q("Q1 2018/19"), q("Q2 2018/19")]
        }
    );
    assert_eq!(
        row(&r, "A").reason,
        "93 against a target of 95 (higher is better, inferred from the statuses published for Q1 2018/19 and Q2 2018/19): Off Target"
    );
}

#[test]
fn a_warning_is_evidence_only_where_the_file_gives_a_tolerance() {
    let without = report_of(&[text(
        "w.csv",
        "code,period,value,target,status\nA,Q2 2018/19,86%,90%,Warning\n",
    )]);
    assert_eq!(without.0.indicators["A"].polarity, Polarity::None);
    assert_eq!(row(&without.1, "A").status_label(), "Warning (as stated)");
    let with = report_of(&[text(
        "w.csv",
        "code,period,value,target,tolerance,status\nA,Q2 2018/19,86%,90%,5,Warning\n",
    )]);
    assert_eq!(with.0.indicators["A"].polarity, Polarity::Up);
    let a = row(&with.1, "A");
    assert_eq!((a.status, a.status_stated), (Status::Warning, false));
    assert_eq!(
        a.reason,
        "86% against a target of 90% (higher is better, inferred from the status published for Q2 2018/19, Warning within 5%): Warning"
    );
}

#[test]
fn a_data_only_statement_is_no_evidence() {
    let (ds, r) = report_of(&[text(
        "t.csv",
        "code,period,value,target,status\nA,Q2 2018/19,80,95,Data Only\n",
    )]);
    assert_eq!(ds.indicators["A"].polarity_source, PolaritySource::NotGiven);
    assert_eq!(row(&r, "A").status_label(), "Data Only (as stated)");
}

#[test]
fn inference_is_redone_when_more_files_arrive() {
    let mut engine = Engine::default();
    let first = text(
        "q1.csv",
        "code,period,value,target,status\nA,Q1 2018/19,96,95,On Target\n",
    );
    let second = text(
        "q2.csv",
        "code,period,value,target,status\nA,Q2 2018/19,90,95,On Target\n",
    );
    let status = |r: Response| match r {
        Response::Data(d) => {
            let row = d.report.unwrap().groups[0].rows[0].clone();
            (row.status, row.status_stated, row.reason)
        }
        other => panic!("{other:?}"),
    };
    let after_first = status(engine.handle(Request::Add(vec![first.clone()]), &mut |_| {}));
    assert_eq!(
        after_first,
        (
            Status::OnTarget,
            false,
            "96 against a target of 95 (higher is better, inferred from the status published for Q1 2018/19): On Target".into()
        )
    );
    // Q2's statement needs lower-is-better: no polarity fits both any more.
    let after_second = status(engine.handle(Request::Add(vec![second.clone()]), &mut |_| {}));
    assert_eq!(
        after_second,
        (
            Status::OnTarget,
            true,
            "90 against a target of 95 (status as published in the file; no polarity given): On Target".into()
        )
    );
    // The same files read again from scratch give the same.
    let again = status(engine.handle(
        Request::Replace {
            files: vec![first, second],
            view: Default::default(),
        },
        &mut |_| {},
    ));
    assert_eq!(again, after_second);
}
