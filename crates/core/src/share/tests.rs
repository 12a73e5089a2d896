//! Tests of whole links: made, opened, and refused when damaged, truncated, tampered
//! with, too large or made by another version.

use super::*;
use crate::status::Status;
use crate::view::SortKey;

fn sample() -> String {
    let view = SharedView {
        period: Period::parse("Q2 2018/19"),
        selected: Some("CMP.07".into()),
        ..SharedView::default()
    };
    let file = InputFile {
        name: "complaints.csv".into(),
        bytes: include_bytes!("../../../../tests/fixtures/samples/complaints-q2-2018-19.csv")
            .to_vec(),
    };
    encode(&view, Some(&[file])).unwrap()
}

#[test]
fn a_link_round_trips_its_view_and_files() {
    let view = SharedView {
        period: Some(Period::Month {
            year: 2019,
            month: 9,
        }),
        filter: ViewFilter {
            query: "stage 2".into(),
            statuses: vec![Status::OffTarget, Status::DataNotYetAvailable],
            group: Some("Complaints".into()),
            sort: Some((SortKey::Status, true)),
        },
        selected: Some("CMP.07".into()),
        suppression: Some(4),
    };
    let files = vec![
        InputFile {
            name: "a.csv".into(),
            bytes: b"x".to_vec(),
        },
        InputFile {
            name: "empty.csv".into(),
            bytes: Vec::new(),
        },
    ];
    let back = decode(&format!("#{}", encode(&view, Some(&files)).unwrap())).unwrap();
    assert_eq!(back, Shared { view, files });
}

#[test]
fn an_unversioned_link_says_made_by_another_version() {
    // Made by the Scorecard before links carried a format number (bincode 1): the
    // view Q2 2018/19 with CMP.07 open (tests/fixtures/hostile/classes/link-unversioned.txt).
    let old = "v=AQEAAADiBwAAAgAAAAAAAAAAAAAAAAAAAAAAAAEGAAAAAAAAAENNUC4wNwA";
    let err = decode(old).unwrap_err();
    assert_eq!(
        err,
        ShareError::OtherVersion {
            made_by: MadeBy::Earlier
        }
    );
    assert_eq!(
            err.to_string(),
            "it was made by another version of Scorecard (an earlier one), which this one cannot open; ask for a new link"
        );
    // With its data, still the version that is named, not damage.
    assert!(matches!(
        decode(&format!(
            "{old}&d=eNpjZWBgSNRLLi5TBDKS81NSdQpSizLzU3TKEnNKU7kcdQINFYwMDC30DS11TLkADJ4LfQ"
        )),
        Err(ShareError::OtherVersion { .. })
    ));
    // An old data part kept in this browser's storage.
    assert!(matches!(
        unpack_files("eNpjZWBgSNRLLi5TBDKS81NSdQpSizLzU3TKEnNKU7kcdQINFYwMDC30DS11TLkADJ4LfQ"),
        Err(ShareError::OtherVersion { .. })
    ));
}

#[test]
fn a_link_from_a_later_format_says_made_by_another_version() {
    let err = decode("v=3.AAAAAAAAAA").unwrap_err();
    assert_eq!(
        err,
        ShareError::OtherVersion {
            made_by: MadeBy::Format(3)
        }
    );
    assert!(err
        .to_string()
        .contains("made by another version of Scorecard (link format 3"));
}

#[test]
fn a_truncated_link_is_damaged_not_a_panic() {
    let link = sample();
    for cut in [link.len() - 1, link.len() - 10, link.len() / 2, 4, 3, 1] {
        let got = decode(&link[..cut]);
        assert!(
            matches!(
                got,
                Err(ShareError::DataUnreadable
                    | ShareError::ViewUnreadable
                    | ShareError::BadCharacters
                    | ShareError::NotALink { .. })
            ),
            "cut at {cut}: {got:?}"
        );
    }
}

#[test]
fn a_tampered_link_is_caught_by_the_checksum() {
    let link = sample();
    let at = link.find("&d=").unwrap() + 40;
    let mut bytes = link.into_bytes();
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    let got = decode(&String::from_utf8(bytes).unwrap());
    assert_eq!(got, Err(ShareError::DataUnreadable));
}

#[test]
fn nonsense_fragments_are_refused() {
    for f in [
        "#hello",
        "#v=!!!",
        "#x=abc",
        "#v=2.&d=",
        "#v=2.AAAAAAA&d=2.",
        "#v=2.bm90IGpzb24",
        "#v=2.AAAAAAA&d=2.!!",
        "#v=2.AAAAAAA&d=2.AAAA",
        "#v=2.2.2",
    ] {
        assert!(decode(f).is_err(), "{f}");
    }
    assert_eq!(decode("").unwrap(), Shared::default());
    assert_eq!(
        decode("#section-2"),
        Err(ShareError::NotALink {
            part: "section-2".into()
        })
    );
}

#[test]
fn a_link_over_the_limit_is_refused_with_its_size() {
    // Incompressible bytes: the high bits of a 64-bit linear congruential sequence.
    let mut x: u64 = 1;
    let noise: Vec<u8> = (0..400_000)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 56) as u8
        })
        .collect();
    let file = InputFile {
        name: "big.csv".into(),
        bytes: noise,
    };
    let err = encode(&SharedView::default(), Some(&[file])).unwrap_err();
    assert!(
        err.to_string().starts_with("the data make a link of "),
        "{err}"
    );
}
