//! What the figures mean where the file does not say: statuses stated in notes, polarity
//! inferred from them, cumulative from a title, the target profile, and the definitions
//! file that carries all of it to next quarter.

use scorecard_core::dataset::Dataset;
use scorecard_core::engine::{Engine, ExportFormat, Request, Response};
use scorecard_core::export::{definitions_csv, DEFINITION_HEADERS};
use scorecard_core::indicator::{CumulativeSource, Polarity, PolaritySource};
use scorecard_core::period::Period;
use scorecard_core::report::{build, DataCheck, Report, Row};
use scorecard_core::status::Status;
use scorecard_core::{read_all, InputFile};

fn fixture_bytes(path: &str) -> Vec<u8> {
    let path = format!("{}/../../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn file(name: &str, bytes: Vec<u8>) -> InputFile {
    InputFile {
        name: name.into(),
        bytes,
    }
}

fn text(name: &str, text: &str) -> InputFile {
    file(name, text.as_bytes().to_vec())
}

/// The complaints sample with some columns taken out, as a table that does not state them.
fn complaints_without(columns: &[&str]) -> InputFile {
    let bytes = fixture_bytes("samples/complaints-q2-2018-19.csv");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.headers().unwrap().clone();
    let keep: Vec<usize> = (0..headers.len())
        .filter(|i| !columns.contains(&&headers[*i]))
        .collect();
    assert_eq!(keep.len(), headers.len() - columns.len(), "{headers:?}");
    let mut out = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(keep.iter().map(|i| &headers[*i])).unwrap();
        for record in reader.records() {
            let record = record.unwrap();
            w.write_record(keep.iter().map(|i| &record[*i])).unwrap();
        }
    }
    file("complaints-no-polarity.csv", out)
}

fn illustrative() -> InputFile {
    file(
        "illustrative-tidy.csv",
        fixture_bytes("semantics/illustrative-tidy.csv"),
    )
}

fn quiet(ds: &Dataset) {
    assert!(
        ds.notices.is_empty(),
        "unexpected notices: {:#?}",
        ds.notices.iter().map(|n| n.to_string()).collect::<Vec<_>>()
    );
}

fn report_of(files: &[InputFile]) -> (Dataset, Report) {
    let ds = read_all(files);
    quiet(&ds);
    let r = build(&ds, None).expect("a report");
    (ds, r)
}

fn row<'a>(r: &'a Report, code: &str) -> &'a Row {
    r.groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|row| row.code == code)
        .unwrap_or_else(|| panic!("no row {code}"))
}

fn q(label: &str) -> Period {
    Period::parse(label).unwrap()
}

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

#[test]
fn a_cumulative_column_outranks_the_title() {
    let (ds, _) = report_of(&[text(
        "t.csv",
        "code,title,period,value,cumulative\nA,Complaints received (cumulative),Q1 2018/19,4,no\nB,Complaints received (Cumulative),Q1 2018/19,4,\n",
    )]);
    assert_eq!(
        (
            ds.indicators["A"].cumulative,
            ds.indicators["A"].cumulative_source
        ),
        (false, CumulativeSource::File)
    );
    assert_eq!(
        (
            ds.indicators["B"].cumulative,
            ds.indicators["B"].cumulative_source
        ),
        (true, CumulativeSource::Title)
    );
}

#[test]
fn a_cumulative_percentage_is_judged_against_the_flat_annual_target() {
    let data = "code,title,period,value,annual target,polarity,cumulative\nINV,% of invoices paid within 30 days (cumulative),Q2 2018/19,60%,95%,up,yes\n";
    let (_, r) = report_of(&[text("inv.csv", data)]);
    let inv = row(&r, "INV");
    assert_eq!(inv.status, Status::OffTarget);
    assert_eq!(
        inv.reason,
        "60% against the annual target of 95%, flat through the year (higher is better): Off Target"
    );
    // A target profile column says otherwise: half of 95% at Q2.
    let pro_rata = data
        .replace(",cumulative\n", ",cumulative,target profile\n")
        .replace(",up,yes\n", ",up,yes,Pro-rata\n");
    let (_, r) = report_of(&[text("inv.csv", &pro_rata)]);
    let inv = row(&r, "INV");
    assert_eq!(inv.status, Status::OnTarget);
    assert_eq!(
        inv.reason,
        "60% against 47.5%, half of the annual 95% at Q2 (higher is better): On Target"
    );
}

#[test]
fn a_cumulative_count_is_pro_rated_unless_its_profile_is_flat() {
    let data = "code,title,period,value,unit,annual target,polarity,cumulative,profile\nSA,Days lost per FTE,Q2 2018/19,6.05,days,9.00,down,yes,\n";
    let (_, r) = report_of(&[text("sa.csv", data)]);
    assert_eq!(
        row(&r, "SA").reason,
        "6.05 days against 4.5, half of the annual 9.00 at Q2 (lower is better): Off Target"
    );
    let flat = data.replace(",yes,\n", ",yes,flat\n");
    let (_, r) = report_of(&[text("sa.csv", &flat)]);
    let sa = row(&r, "SA");
    assert_eq!(sa.status, Status::OnTarget);
    assert_eq!(
        sa.reason,
        "6.05 days against the annual target of 9, flat through the year (lower is better): On Target"
    );
    // Not cumulative and nothing said: the annual target as it stands, as before.
    let plain = data.replace(",yes,\n", ",no,\n");
    let (_, r) = report_of(&[text("sa.csv", &plain)]);
    assert_eq!(
        row(&r, "SA").reason,
        "6.05 days against a target of 9 (lower is better): On Target"
    );
}

#[test]
fn an_unknown_target_profile_names_the_cell() {
    let ds = read_all(&[text(
        "p.csv",
        "code,period,value,target profile\nA,Q1 2018/19,4,sometimes\n",
    )]);
    let msgs: Vec<String> = ds.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        msgs,
        ["p.csv, row 2, column 'target profile': expected a target profile, pro rata (the annual target shared over the year) or flat (the annual target every period), found 'sometimes'"]
    );
    assert_eq!(ds.observations["A"].len(), 1);
}

/// The definitions CSV as rows of text, header first.
fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn write_csv(rows: &[Vec<String>]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut out);
        for r in rows {
            w.write_record(r).unwrap();
        }
    }
    out
}

#[test]
fn the_definitions_file_says_what_was_read_and_inferred_and_where_from() {
    let ds = read_all(&[illustrative()]);
    let rows = csv_rows(&definitions_csv(&ds));
    assert_eq!(rows[0], DEFINITION_HEADERS);
    assert_eq!(rows.len(), 1 + 8);
    let by_code = |code: &str| -> Vec<&str> {
        rows.iter()
            .find(|r| r[0] == code)
            .unwrap()
            .iter()
            .map(String::as_str)
            .collect()
    };
    assert_eq!(
        by_code("02"),
        [
            "02",
            "Average number of working days lost due to sickness absence (cumulative)",
            "Keeping our roads and homes safe",
            "",
            "down",
            "inferred from Q3 2023/24",
            "yes",
            "title",
            "pro rata",
            "default: cumulative, not a percentage",
            "",
            "not given",
            "2",
            "values",
            "",
            "",
            "",
            "",
        ]
    );
    let three = by_code("03");
    assert_eq!(
        three[4..12],
        [
            "up",
            "inferred from Q3 2023/24",
            "yes",
            "title",
            "flat",
            "default: cumulative percentage",
            "%",
            "values"
        ]
    );
    let pothole = by_code("RD.1.1");
    assert_eq!(pothole[4..8], ["", "not given", "no", "not given"]);
    assert_eq!(pothole[8..10], ["flat", "default: not cumulative"]);
}

#[test]
fn corrected_definitions_dropped_with_the_data_change_the_statuses() {
    let ds = read_all(&[illustrative()]);
    let mut rows = csv_rows(&definitions_csv(&ds));
    let col = |name: &str| DEFINITION_HEADERS.iter().position(|h| *h == name).unwrap();
    let edit = |rows: &mut Vec<Vec<String>>, code: &str, column: &str, value: &str| {
        let r = rows.iter_mut().find(|r| r[0] == code).unwrap();
        r[col(column)] = value.to_string();
    };
    // The officer knows better: 01 is higher-is-better after all (it is not, but the
    // file must win), RD.1.1 is up with a Warning band of 5 points, and 03's target
    // is pro-rated.
    edit(&mut rows, "01", "Polarity", "up");
    edit(&mut rows, "RD.1.1", "Polarity", "Aim to Maximise");
    edit(&mut rows, "RD.1.1", "Tolerance", "5");
    edit(&mut rows, "03", "Target profile", "pro rata");
    let corrected = file("definitions.csv", write_csv(&rows));
    for files in [
        vec![illustrative(), corrected.clone()],
        vec![corrected.clone(), illustrative()],
    ] {
        let (ds, r) = report_of(&files);
        assert_eq!(
            ds.sources[0].recognised_as.contains("definitions"),
            files[0].name == "definitions.csv"
        );
        let one = row(&r, "01");
        assert_eq!(one.status, Status::OffTarget);
        assert_eq!(
            one.reason,
            "9.3 against a target of 10 (higher is better): Off Target"
        );
        assert!(matches!(
            one.checks[..],
            [DataCheck::StatusDiffers {
                stated: Status::OnTarget,
                computed: Status::OffTarget,
                ..
            }]
        ));
        let pothole = row(&r, "RD.1.1");
        assert_eq!(
            (pothole.status, pothole.status_stated),
            (Status::Warning, false)
        );
        assert_eq!(
            pothole.reason,
            "86% against a target of 90% (higher is better, Warning within 5%): Warning"
        );
        let three = row(&r, "03");
        assert_eq!(three.target.map(|t| t.value), Some(71.25));
        assert_eq!(three.status, Status::OnTarget);
        assert!(three.status_differs());
        // What was inferred and written back is now the file's, with the same result.
        assert_eq!(ds.indicators["02"].polarity_source, PolaritySource::File);
        assert_eq!(row(&r, "02").status, Status::OffTarget);
        // Titles and groups come back as they were.
        assert_eq!(
            row(&r, "RD.2.2").title,
            "Tonnes of salt used (cumulative) - for information."
        );
        assert_eq!(row(&r, "RD.2.2").group, "Winter service is reliable");
    }
}

#[test]
fn an_unchanged_definitions_file_changes_no_status() {
    let (ds, before) = report_of(&[illustrative()]);
    let defs = file("definitions.csv", definitions_csv(&ds));
    let (_, after) = report_of(&[illustrative(), defs]);
    let statuses = |r: &Report| -> Vec<(String, Status)> {
        r.groups
            .iter()
            .flat_map(|g| &g.rows)
            .map(|row| (row.code.clone(), row.status))
            .collect()
    };
    assert_eq!(statuses(&before), statuses(&after));
}

#[cfg(feature = "xlsx")]
#[test]
fn the_engine_downloads_the_definitions_as_csv_and_as_a_workbook() {
    let mut engine = Engine::default();
    assert!(matches!(
        engine.handle(Request::Export(ExportFormat::DefinitionsCsv), &mut |_| {}),
        Response::Export(Err(_))
    ));
    engine.handle(Request::Add(vec![illustrative()]), &mut |_| {});
    let Response::Export(Ok(csv)) =
        engine.handle(Request::Export(ExportFormat::DefinitionsCsv), &mut |_| {})
    else {
        panic!()
    };
    assert_eq!(csv.name, "scorecard-definitions.csv");
    assert_eq!(csv_rows(&csv.bytes)[0], DEFINITION_HEADERS);
    let Response::Export(Ok(book)) =
        engine.handle(Request::Export(ExportFormat::DefinitionsXlsx), &mut |_| {})
    else {
        panic!()
    };
    assert_eq!(book.name, "scorecard-definitions.xlsx");
    assert_eq!(&book.bytes[..2], b"PK");
}

#[cfg(feature = "xlsx")]
#[test]
fn the_definitions_workbook_reads_back_with_calamine_and_as_definitions() {
    use calamine::{Data, Reader, Xlsx};
    let ds = read_all(&[illustrative()]);
    let bytes = scorecard_core::export::definitions_xlsx(&ds).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["Definitions"]);
    let range = book.worksheet_range("Definitions").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, DEFINITION_HEADERS);
    let two = range
        .rows()
        .find(|r| r[0] == Data::String("02".into()))
        .unwrap();
    assert_eq!(two[4], Data::String("down".into()));
    assert_eq!(two[12], Data::Float(2.0));
    // Read back by Scorecard: a definitions table, and the same settings as the CSV gives.
    let from_book = read_all(&[illustrative(), file("definitions.xlsx", bytes)]);
    quiet(&from_book);
    assert_eq!(from_book.sources[1].recognised_as, "indicator definitions");
    let from_csv = read_all(&[
        illustrative(),
        file("definitions.csv", definitions_csv(&ds)),
    ]);
    for code in &ds.order {
        let (a, b) = (&from_book.indicators[code], &from_csv.indicators[code]);
        assert_eq!(a, b, "{code}");
    }
}

#[test]
fn the_report_download_shows_a_stated_status_as_stated() {
    let mut engine = Engine::default();
    engine.handle(Request::Add(vec![illustrative()]), &mut |_| {});
    let Response::Export(Ok(csv)) = engine.handle(Request::Export(ExportFormat::Csv), &mut |_| {})
    else {
        panic!()
    };
    let rows = csv_rows(&csv.bytes);
    let status = rows[0].iter().position(|h| h == "Status").unwrap();
    let pothole = rows
        .iter()
        .find(|r| r.contains(&"RD.1.1".to_string()))
        .unwrap();
    assert_eq!(pothole[status], "Warning (as stated)");
    let two = rows.iter().find(|r| r.contains(&"02".to_string())).unwrap();
    assert_eq!(two[status], "Off Target");
}
