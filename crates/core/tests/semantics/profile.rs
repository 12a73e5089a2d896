//! Cumulative from the title, and the target profile: pro rata or flat.

use super::*;

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
