//! Prints what the core reads from files: `cargo run --example dump -- FILE...`.
fn main() {
    let files: Vec<scorecard_core::InputFile> = std::env::args()
        .skip(1)
        .map(|p| scorecard_core::InputFile {
            name: std::path::Path::new(&p)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            bytes: std::fs::read(&p).unwrap_or_default(),
        })
        .collect();
    let ds = scorecard_core::read_all(&files);
    for n in &ds.notices {
        println!("notice: {n}");
    }
    for s in &ds.sources {
        println!("source: {} = {} ({} rows)", s.name, s.recognised_as, s.rows);
    }
    for p in &ds.population {
        println!("population: {p:?}");
    }
    if let Some(r) = scorecard_core::report::build(&ds, None) {
        for row in r.groups.iter().flat_map(|g| &g.rows) {
            println!(
                "row {} {}: {:?} {:?} [{}] {:?}",
                row.code, row.period, row.value, row.working, row.reason, row.checks
            );
        }
    }
    for ind in ds.indicators_in_order() {
        println!("{ind:?}");
        for (p, o) in ds.observations.get(&ind.code).into_iter().flatten() {
            println!(
                "  {p}: {:?} num={:?} den={:?} per={:?} target={:?}",
                o.value.as_ref().map(|v| v.number),
                o.numerator,
                o.denominator,
                o.per,
                o.target
            );
        }
    }
}
