//! The view as a link carries it: the wire types of link format 2, their checks
//! ([`ViewProblem`]) and their conversion to and from [`SharedView`].

use crate::period::Period;
use crate::status::Status;
use crate::view::{SortKey, ViewFilter};

use super::{SharedView, MAX_NAME_IN_VIEW_CHARS, MAX_QUERY_CHARS, THRESHOLDS, YEARS};

/// What is wrong with a link's view settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ViewProblem {
    #[error("the month is {month}; a month is 1 to 12")]
    Month { month: u8 },
    #[error("the quarter is Q{quarter}; a quarter is Q1 to Q4")]
    Quarter { quarter: u8 },
    #[error("the year is {year}; Scorecard reports on years {} to {}", YEARS.start(), YEARS.end())]
    Year { year: i32 },
    #[error("the suppression threshold is {threshold}; it is from {} to {}", THRESHOLDS.start(), THRESHOLDS.end())]
    Threshold { threshold: u32 },
    #[error("the {field} is {chars} characters long; it is at most {limit}")]
    TooLong {
        field: &'static str,
        chars: usize,
        limit: usize,
    },
    #[error("it chooses {count} statuses; there are {}", Status::ALL.len())]
    TooManyStatuses { count: usize },
    #[error("status number {0} is not one Scorecard knows")]
    UnknownStatus(u8),
    #[error("sort column number {0} is not one Scorecard knows")]
    UnknownSort(u8),
}

// The wire types of link format 2. Their fields' order and the numbers below are the
// format: change them only with a new FORMAT.

#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct ViewWire {
    period: Option<PeriodWire>,
    query: String,
    statuses: Vec<u8>,
    group: Option<String>,
    sort: Option<(u8, bool)>,
    selected: Option<String>,
    suppression: Option<u32>,
}

#[derive(serde::Serialize, serde::Deserialize)]
enum PeriodWire {
    Year { fy: i32 },
    Quarter { fy: i32, q: u8 },
    Month { year: i32, month: u8 },
}

fn status_number(s: Status) -> u8 {
    match s {
        Status::OffTarget => 0,
        Status::Warning => 1,
        Status::OnTarget => 2,
        Status::DataOnly => 3,
        Status::DataNotYetAvailable => 4,
    }
}

fn status_of(n: u8) -> Option<Status> {
    Status::ALL.into_iter().find(|s| status_number(*s) == n)
}

fn sort_number(k: SortKey) -> u8 {
    match k {
        SortKey::Code => 0,
        SortKey::Title => 1,
        SortKey::Value => 2,
        SortKey::Status => 3,
    }
}

fn sort_of(n: u8) -> Option<SortKey> {
    [
        SortKey::Code,
        SortKey::Title,
        SortKey::Value,
        SortKey::Status,
    ]
    .into_iter()
    .find(|k| sort_number(*k) == n)
}

fn check_period(p: Period) -> Result<Period, ViewProblem> {
    let year = match p {
        Period::Year { fy } => fy,
        Period::Quarter { fy, q } => {
            if !(1..=4).contains(&q) {
                return Err(ViewProblem::Quarter { quarter: q });
            }
            fy
        }
        Period::Month { year, month } => {
            if !(1..=12).contains(&month) {
                return Err(ViewProblem::Month { month });
            }
            year
        }
    };
    if YEARS.contains(&year) {
        Ok(p)
    } else {
        Err(ViewProblem::Year { year })
    }
}

fn check_len(field: &'static str, text: &str, limit: usize) -> Result<(), ViewProblem> {
    // More bytes than four per character allowed cannot be within the limit.
    if text.len() <= limit {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars > limit {
        return Err(ViewProblem::TooLong {
            field,
            chars,
            limit,
        });
    }
    Ok(())
}

impl ViewWire {
    /// The view as a link carries it. A setting no link may carry is left out (a period
    /// or threshold out of range, a name too long) or cut (the search text, the
    /// statuses), so every link Scorecard makes opens again.
    pub(super) fn from_view(view: &SharedView) -> ViewWire {
        let f = &view.filter;
        let mut statuses: Vec<u8> = Vec::new();
        for s in &f.statuses {
            let n = status_number(*s);
            if !statuses.contains(&n) {
                statuses.push(n);
            }
        }
        let fits = |s: &String| check_len("", s, MAX_NAME_IN_VIEW_CHARS).is_ok();
        ViewWire {
            period: view
                .period
                .and_then(|p| check_period(p).ok())
                .map(|p| match p {
                    Period::Year { fy } => PeriodWire::Year { fy },
                    Period::Quarter { fy, q } => PeriodWire::Quarter { fy, q },
                    Period::Month { year, month } => PeriodWire::Month { year, month },
                }),
            query: f.query.chars().take(MAX_QUERY_CHARS).collect(),
            statuses,
            group: f.group.clone().filter(fits),
            sort: f.sort.map(|(k, d)| (sort_number(k), d)),
            selected: view.selected.clone().filter(fits),
            suppression: view
                .suppression
                .map(|t| t.clamp(*THRESHOLDS.start(), *THRESHOLDS.end())),
        }
    }

    /// The view, once every setting is checked.
    pub(super) fn into_view(self) -> Result<SharedView, ViewProblem> {
        let period = self
            .period
            .map(|p| {
                check_period(match p {
                    PeriodWire::Year { fy } => Period::Year { fy },
                    PeriodWire::Quarter { fy, q } => Period::Quarter { fy, q },
                    PeriodWire::Month { year, month } => Period::Month { year, month },
                })
            })
            .transpose()?;
        if let Some(t) = self.suppression {
            if !THRESHOLDS.contains(&t) {
                return Err(ViewProblem::Threshold { threshold: t });
            }
        }
        check_len("search text", &self.query, MAX_QUERY_CHARS)?;
        for (field, text) in [("group", &self.group), ("selected PI", &self.selected)] {
            if let Some(t) = text {
                check_len(field, t, MAX_NAME_IN_VIEW_CHARS)?;
            }
        }
        if self.statuses.len() > Status::ALL.len() {
            return Err(ViewProblem::TooManyStatuses {
                count: self.statuses.len(),
            });
        }
        let mut statuses = Vec::new();
        for &n in &self.statuses {
            let s = status_of(n).ok_or(ViewProblem::UnknownStatus(n))?;
            // A status chosen twice is chosen once, as the page would make it.
            if !statuses.contains(&s) {
                statuses.push(s);
            }
        }
        let sort = match self.sort {
            Some((n, descending)) => {
                Some((sort_of(n).ok_or(ViewProblem::UnknownSort(n))?, descending))
            }
            None => None,
        };
        Ok(SharedView {
            period,
            filter: ViewFilter {
                query: self.query,
                statuses,
                group: self.group,
                sort,
            },
            selected: self.selected,
            suppression: self.suppression,
        })
    }
}

#[cfg(test)]
mod tests {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    use super::*;
    use crate::share::{decode, decode_view, encode_view, ShareError};

    /// A view part as a hostile link would carry it: any wire values, unchecked.
    fn raw_view(wire: &ViewWire) -> String {
        format!(
            "v=2.{}",
            URL_SAFE_NO_PAD.encode(postcard::to_allocvec(wire).unwrap())
        )
    }

    fn empty_wire() -> ViewWire {
        ViewWire::from_view(&SharedView::default())
    }

    fn invalid(fragment: &str) -> ViewProblem {
        match decode_view(fragment) {
            Err(ShareError::InvalidView(p)) => p,
            other => panic!("{fragment}: {other:?}"),
        }
    }

    #[test]
    fn a_link_whose_view_names_month_13_is_refused() {
        let mut wire = empty_wire();
        wire.period = Some(PeriodWire::Month {
            year: 2019,
            month: 13,
        });
        let err = decode(&raw_view(&wire)).unwrap_err();
        assert_eq!(
            err,
            ShareError::InvalidView(ViewProblem::Month { month: 13 })
        );
        assert_eq!(
            err.to_string(),
            "the link's view settings are not valid: the month is 13; a month is 1 to 12"
        );
        wire.period = Some(PeriodWire::Month {
            year: 2019,
            month: 0,
        });
        assert_eq!(invalid(&raw_view(&wire)), ViewProblem::Month { month: 0 });
    }

    #[test]
    fn a_link_whose_view_names_quarter_5_or_the_year_20000_is_refused() {
        let mut wire = empty_wire();
        wire.period = Some(PeriodWire::Quarter { fy: 2018, q: 5 });
        assert_eq!(
            invalid(&raw_view(&wire)),
            ViewProblem::Quarter { quarter: 5 }
        );
        for year in [20_000, 1989, 2101, i32::MIN, i32::MAX] {
            wire.period = Some(PeriodWire::Year { fy: year });
            assert_eq!(invalid(&raw_view(&wire)), ViewProblem::Year { year });
        }
        wire.period = Some(PeriodWire::Year { fy: 2100 });
        assert!(decode_view(&raw_view(&wire)).is_ok());
    }

    #[test]
    fn a_threshold_of_0_is_refused() {
        let mut wire = empty_wire();
        for threshold in [0, 100, u32::MAX] {
            wire.suppression = Some(threshold);
            let err = decode_view(&raw_view(&wire)).unwrap_err();
            assert_eq!(
                err,
                ShareError::InvalidView(ViewProblem::Threshold { threshold })
            );
            assert!(err.to_string().contains("threshold"), "{err}");
        }
        for threshold in [1, 4, 99] {
            wire.suppression = Some(threshold);
            let (view, _) = decode_view(&raw_view(&wire)).unwrap();
            assert_eq!(view.suppression, Some(threshold));
        }
    }

    #[test]
    fn overlong_texts_and_lists_in_a_view_are_refused() {
        let mut wire = empty_wire();
        wire.query = "a".repeat(MAX_QUERY_CHARS + 1);
        assert!(matches!(
            invalid(&raw_view(&wire)),
            ViewProblem::TooLong {
                field: "search text",
                ..
            }
        ));
        let mut wire = empty_wire();
        wire.selected = Some("é".repeat(MAX_NAME_IN_VIEW_CHARS + 1));
        assert!(matches!(
            invalid(&raw_view(&wire)),
            ViewProblem::TooLong {
                field: "selected PI",
                ..
            }
        ));
        // Within the limit in characters, though more bytes than characters.
        wire.selected = Some("é".repeat(MAX_NAME_IN_VIEW_CHARS));
        assert!(decode_view(&raw_view(&wire)).is_ok());
        let mut wire = empty_wire();
        wire.statuses = vec![0; 6];
        assert_eq!(
            invalid(&raw_view(&wire)),
            ViewProblem::TooManyStatuses { count: 6 }
        );
        wire.statuses = vec![9];
        assert_eq!(invalid(&raw_view(&wire)), ViewProblem::UnknownStatus(9));
        let mut wire = empty_wire();
        wire.sort = Some((4, false));
        assert_eq!(invalid(&raw_view(&wire)), ViewProblem::UnknownSort(4));
    }

    #[test]
    fn a_status_chosen_twice_opens_as_chosen_once() {
        // So that a view that opens makes a link that opens to the same view (fuzzed).
        let mut wire = empty_wire();
        wire.statuses = vec![2, 0, 2];
        let (view, _) = decode_view(&raw_view(&wire)).unwrap();
        assert_eq!(view.filter.statuses, [Status::OnTarget, Status::OffTarget]);
        assert_eq!(decode_view(&encode_view(&view)).unwrap().0, view);
    }

    #[test]
    fn a_view_part_too_long_for_any_view_is_refused_before_it_is_read() {
        let long = format!("v=2.{}", "A".repeat(20_000));
        assert_eq!(decode_view(&long), Err(ShareError::ViewUnreadable));
    }

    #[test]
    fn every_view_the_page_can_hold_makes_a_link_that_opens() {
        let odd = SharedView {
            period: Some(Period::Month {
                year: 2019,
                month: 13,
            }),
            filter: ViewFilter {
                query: "q".repeat(5_000),
                statuses: [Status::ALL, Status::ALL].concat(),
                group: Some("g".repeat(5_000)),
                sort: Some((SortKey::Value, false)),
            },
            selected: Some("s".repeat(5_000)),
            suppression: Some(0),
        };
        let (view, _) = decode_view(&encode_view(&odd)).unwrap();
        assert_eq!(view.period, None);
        assert_eq!(view.filter.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(view.filter.statuses, Status::ALL);
        assert_eq!((view.filter.group, view.selected), (None, None));
        assert_eq!(view.suppression, Some(1));
    }
}
