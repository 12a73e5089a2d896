//! Files councils already have, read through the core: an LGBF all-council download with
//! its family groups, NRS mid-year population estimates and a statistics.gov.scot tidy
//! download. The expected figures were worked out on their own by
//! `tests/fixtures/other/make_other.py` (which prints them) and by hand where noted.

use scorecard_core::areas::project;
use scorecard_core::dataset::Dataset;
use scorecard_core::engine::{Data, Engine, Request, Response};
use scorecard_core::period::Period;
use scorecard_core::report::{build, Report, Row};
use scorecard_core::status::Status;
use scorecard_core::trend::{Comparison, Quartile};
use scorecard_core::{read_all, InputFile};

fn fixture(dir: &str, name: &str) -> InputFile {
    let path = format!(
        "{}/../../tests/fixtures/{dir}/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    InputFile {
        name: name.to_string(),
        bytes: std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}")),
    }
}

fn other(name: &str) -> InputFile {
    fixture("other", name)
}

fn messages(ds: &Dataset) -> Vec<String> {
    ds.notices.iter().map(|n| n.to_string()).collect()
}

fn row<'a>(r: &'a Report, code: &str) -> &'a Row {
    r.groups
        .iter()
        .flat_map(|g| &g.rows)
        .find(|row| row.code == code)
        .unwrap_or_else(|| panic!("no row {code}"))
}

fn year(label: &str) -> Period {
    Period::parse(label).unwrap()
}

fn lgbf() -> Dataset {
    read_all(&[
        other("lgbf-all-councils.csv"),
        other("lgbf-definitions.csv"),
        other("lgbf-family-groups.csv"),
    ])
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn an_lgbf_download_keeps_every_council_and_asks_which_is_ours() {
    let ds = lgbf();
    assert!(messages(&ds).is_empty(), "{:#?}", messages(&ds));
    // 32 councils × 3 PIs × 4 years, 6 of them without a value; the Scotland rows apart.
    let kept: usize = ds.areas.values["CHN4"].values().map(|m| m.len()).sum();
    assert_eq!(kept, 32 * 4);
    assert_eq!(ds.areas.scotland["CHN4"].len(), 4);
    assert!(!ds.areas.scotland.contains_key("ENV2a"));
    // Nothing is one council's series until the council is chosen.
    let p = project(&ds, None);
    assert_eq!(p.areas.len(), 32, "Scotland is not a council");
    assert_eq!(p.areas[0], "Aberdeen City");
    assert!(p.areas.contains(&"Edinburgh, City of".to_string()));
    assert_eq!(p.area, None);
    assert!(
        build(&p.dataset, None).is_none(),
        "no values before the choice"
    );
}

#[test]
fn our_councils_series_ranks_quartiles_and_averages() {
    let ds = lgbf();
    let p = project(&ds, Some("midlothian"));
    assert_eq!(p.area.as_deref(), Some("Midlothian"));
    let r = build(&p.dataset, None).unwrap();
    assert_eq!(r.period, year("2019/20"));

    // CHN4 (up, from the definitions file) in 2019-20: 56.8, rank 26 of 31 (Shetland
    // has no value), ⌈4×26/31⌉ = 4; the Scotland row says 62.6; family group 2 of the
    // children, social work and housing family averages 61.8125.
    let chn4 = row(&r, "CHN4");
    assert_eq!(chn4.value, Some(56.8));
    let rank = chn4.rank.unwrap();
    assert_eq!(
        (rank.rank, rank.of, rank.quartile()),
        (26, 31, Quartile::Bottom)
    );
    assert_eq!(chn4.benchmark, Some((62.6, Comparison::Worse)));
    let fam = chn4.family.as_ref().unwrap();
    assert_eq!((fam.group.as_str(), fam.of), ("2", 8));
    close(fam.value, 61.8125);
    assert_eq!(
        chn4.family_sentence().as_deref(),
        Some("family group 2 average 61.8 (8 councils)")
    );

    // SW1 (down): 28.65 in 2019-20, 26 councils cost less: rank 27 of 32.
    let sw1 = row(&r, "SW1");
    let rank = sw1.rank.unwrap();
    assert_eq!(
        (rank.rank, rank.of, rank.quartile()),
        (27, 32, Quartile::Bottom)
    );
    assert_eq!(sw1.benchmark, Some((26.77, Comparison::Worse)));
    close(sw1.family.as_ref().unwrap().value, 25.88375);

    // ENV2a: no Scotland row, so the Scottish average is the mean of the 31 councils
    // with a value (Glasgow has none): 67.72258064516133; the environmental family's
    // group 3 (Midlothian's by rurality) averages 68.49375.
    let env = row(&r, "ENV2a");
    let rank = env.rank.unwrap();
    assert_eq!((rank.rank, rank.of), (18, 31));
    close(env.benchmark.unwrap().0, 67.72258064516133);
    let fam = env.family.as_ref().unwrap();
    assert_eq!((fam.group.as_str(), fam.of), ("3", 8));
    close(fam.value, 68.49375);
}

#[test]
fn earlier_years_ties_share_the_better_rank_and_missing_values_are_not_ranked() {
    let ds = lgbf();
    let p = project(&ds, Some("S12000019-not-a-code-here"));
    assert_eq!(p.area, None, "an unknown council chooses nothing");
    let p = project(&ds, Some("Midlothian"));
    let obs = &p.dataset.observations["CHN4"];
    let at = |y: &str| &obs[&year(y)];
    // 2018-19: Moray has Midlothian's 69.1, the highest: both rank 1 of 32.
    assert_eq!(
        (at("2018/19").more().rank, at("2018/19").more().rank_of),
        (Some(1), Some(32))
    );
    // 2017-18: Orkney has no value: 6 of 31.
    assert_eq!(
        (at("2017/18").more().rank, at("2017/18").more().rank_of),
        (Some(6), Some(31))
    );
    assert_eq!(at("2016/17").more().rank, Some(12));
    assert_eq!(at("2016/17").more().benchmark, Some(60.2));
    // SW1 2018-19: two islands without a value: 20 of 30, Third Quartile (⌈80/30⌉ = 3).
    let sw = &p.dataset.observations["SW1"][&year("2018/19")];
    assert_eq!((sw.more().rank, sw.more().rank_of), (Some(20), Some(30)));
    // ENV2a 2016-17: Midlothian's row says `..`: no value and no rank, but the
    // Scottish average of the others still stands beside it.
    let env = &p.dataset.observations["ENV2a"][&year("2016/17")];
    assert_eq!(
        (env.value.as_ref(), env.more().rank, env.more().rank_of),
        (None, None, None)
    );
    assert!(env.more().benchmark.is_some());
}

#[test]
fn a_pi_without_polarity_is_ranked_highest_first_and_the_report_says_so() {
    let ds = lgbf();
    let p = project(&ds, Some("Midlothian"));
    let said: Vec<String> = p.dataset.notices.iter().map(|n| n.to_string()).collect();
    assert_eq!(
        said,
        ["lgbf-all-councils.csv: the councils are ranked on ENV2a with the highest value first, because no polarity is given for it; add a polarity column (up or down) or a definitions file to rank the other way"]
    );
    // Without the definitions file, CHN4 is ranked highest first too: the same ranks.
    let bare = read_all(&[other("lgbf-all-councils.csv")]);
    let p = project(&bare, Some("Midlothian"));
    assert_eq!(p.dataset.notices.len(), 3);
    // SW1 highest first: of the 32 values for 2019-20, 4 are higher than Midlothian's
    // 28.65, one other is the same and 26 lower (counted in the file): rank 5.
    let sw = &p.dataset.observations["SW1"][&year("2019/20")];
    assert_eq!((sw.more().rank, sw.more().rank_of), (Some(5), Some(32)));
}

#[test]
fn nrs_estimates_give_the_bands_a_pi_names_for_our_area() {
    let files = [
        fixture("samples", "child-protection-rates.csv"),
        other("nrs-mid-2023.csv"),
    ];
    let ds = read_all(&files);
    assert!(messages(&ds).is_empty(), "{:#?}", messages(&ds));
    assert_eq!(ds.areas.ages.len(), 9, "3 areas × persons, males, females");
    assert!(ds.areas.ages.iter().all(|r| r.year == 2023));
    let p = project(&ds, None);
    assert_eq!(p.areas, ["East Lothian", "Midlothian"]);
    assert!(
        build(&p.dataset, None).is_none(),
        "no population, so no rate, until the area is known"
    );

    let p = project(&ds, Some("S12000019"));
    assert_eq!(p.area.as_deref(), Some("Midlothian"));
    let pop = p.dataset.population_for("0-15", 2023).unwrap();
    assert_eq!((pop.population, pop.year), (19_090.0, 2023));
    let r = build(&p.dataset, None).unwrap();
    let cp = row(&r, "CP.01");
    // 42 ÷ 19,090 × 1,000 = 2.2001…: 2.2 per 1,000 against the Scottish 2.3, lower is better.
    assert_eq!(cp.value_shown.to_string(), "2.2");
    assert_eq!(cp.benchmark.unwrap().1, Comparison::Better);
    assert_eq!(
        cp.working.as_deref(),
        Some("42 ÷ 19,090 × 1,000 (population 0-15, mid-2023 estimate)")
    );
    assert_eq!(cp.status, Status::DataOnly);
}

#[test]
fn bands_are_summed_on_demand_and_males_and_females_stand_in_for_persons() {
    let text = "Area code,Area name,Sex,Year,0,1,2,3+\n\
                S12000019,Midlothian,Males,2022,10,11,12,100\n\
                S12000019,Midlothian,Females,2022,20,21,22,200\n";
    let pis = "code,period,numerator,population group,per\n\
               A,2022/23,66,aged 0 to 2,1\nB,2022/23,1,3+,1\nC,2022/23,1,All ages,1\n";
    let ds = read_all(&[
        InputFile {
            name: "pop.csv".into(),
            bytes: text.as_bytes().to_vec(),
        },
        InputFile {
            name: "pis.csv".into(),
            bytes: pis.as_bytes().to_vec(),
        },
    ]);
    assert!(messages(&ds).is_empty(), "{:#?}", messages(&ds));
    let p = project(&ds, None);
    assert_eq!(p.area.as_deref(), Some("Midlothian"), "the only area");
    // By hand: 0-2 = 10+11+12 + 20+21+22 = 96; 3+ = 300; all = 396.
    let pop = |g: &str| p.dataset.population_for(g, 2022).map(|e| e.population);
    assert_eq!(pop("aged 0 to 2"), Some(96.0));
    assert_eq!(pop("3+"), Some(300.0));
    assert_eq!(pop("All ages"), Some(396.0));
    assert_eq!(pop("0-15"), None, "not a band any PI names");
}

#[test]
fn estimates_without_a_year_are_refused_with_a_reason() {
    let ds = read_all(&[InputFile {
        name: "pop.csv".into(),
        bytes: b"Area name,Sex,All ages\nMidlothian,Persons,93000\n".to_vec(),
    }]);
    assert_eq!(
        messages(&ds),
        ["pop.csv: the population estimates say no year: add a Year column, or a title such as 'Mid-2021 population estimates' above the header; the table was left out"]
    );
    let ds = read_all(&[InputFile {
        name: "pop.csv".into(),
        bytes: b"Area name,Sex,Year,All ages\nMidlothian,Everyone,2021,93000\n".to_vec(),
    }]);
    assert_eq!(
        messages(&ds),
        ["pop.csv, row 2, column 'Sex': expected Persons (or All), Males or Females, found 'Everyone'; the row was left out"]
    );
}

#[test]
fn a_tidy_download_names_its_pis_by_dimension_and_measurement() {
    let ds = read_all(&[other("tidy-claimant-count.csv")]);
    assert!(messages(&ds).is_empty(), "{:#?}", messages(&ds));
    let codes: Vec<&str> = ds.order.iter().map(String::as_str).collect();
    assert_eq!(
        codes,
        [
            "Age 16-64, Gender All, Ratio",
            "Age 16-64, Gender All, Count"
        ]
    );
    let p = project(&ds, None);
    assert_eq!(p.areas, ["S12000010", "S12000019", "S12000036"]);
    let p = project(&ds, Some("S12000019"));
    let r = build(&p.dataset, None).unwrap();
    // 2019-Q4 is October to December 2019: Q3 2019/20.
    assert_eq!(r.period, Period::Quarter { fy: 2019, q: 3 });
    let ratio = row(&r, "Age 16-64, Gender All, Ratio");
    assert_eq!(ratio.value_shown.to_string(), "2.2%");
    // Among 2.2, 2.3 and 2.6 (highest first, no polarity): 3 of 3; Scotland says 2.9.
    let rank = ratio.rank.unwrap();
    assert_eq!((rank.rank, rank.of), (3, 3));
    assert_eq!(ratio.benchmark.unwrap().0, 2.9);
    // 2019-Q2 (Q1 2019/20): S12000036 has no value, 2 ranked.
    let q1 = &p.dataset.observations["Age 16-64, Gender All, Ratio"]
        [&Period::Quarter { fy: 2019, q: 1 }];
    assert_eq!((q1.more().rank, q1.more().rank_of), (Some(1), Some(2)));
}

fn data(r: Response) -> Data {
    match r {
        Response::Data(d) => *d,
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_engine_lists_the_councils_keeps_the_choice_across_reads_and_reports_it() {
    let mut e = Engine::default();
    let files = vec![
        other("lgbf-all-councils.csv"),
        other("lgbf-definitions.csv"),
        other("lgbf-family-groups.csv"),
    ];
    let d = data(e.handle(Request::Add(files.clone()), &mut |_| {}));
    assert_eq!(d.areas.len(), 32);
    assert_eq!(d.area, None);
    assert!(d.report.is_none());
    let d = data(e.handle(Request::ChooseArea(Some("Midlothian".into())), &mut |_| {}));
    assert_eq!(d.area.as_deref(), Some("Midlothian"));
    let r = d.report.unwrap();
    assert_eq!(row(&r, "CHN4").rank.map(|r| r.rank), Some(26));
    // The files read again (a file removed, a restart): the choice stands.
    let d = data(e.handle(
        Request::Replace {
            files,
            view: Default::default(),
        },
        &mut |_| {},
    ));
    assert_eq!(d.area.as_deref(), Some("Midlothian"));
    assert!(d.report.is_some());
    let Response::Detail(Some(detail)) =
        e.handle(Request::Detail { code: "SW1".into() }, &mut |_| {})
    else {
        panic!()
    };
    assert_eq!(detail.rank.map(|r| (r.rank, r.of)), Some((27, 32)));
    assert_eq!(detail.series.len(), 4);
}
