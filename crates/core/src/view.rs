//! What the reader chose to see of a report: search, status and group filters, sort
//! order; and the short narrative that heads each group.

use std::cmp::Ordering;

use crate::report::{Group, Row};
use crate::status::Status;
use crate::trend::Trend;

/// A column the tables can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SortKey {
    Code,
    Title,
    Value,
    Status,
}

/// The reader's choices. The default shows everything in the file's order.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct ViewFilter {
    /// Words that must appear in the code or the title (case-insensitive).
    pub query: String,
    /// Statuses to show; empty shows all.
    pub statuses: Vec<Status>,
    /// The group to show; `None` shows all.
    pub group: Option<String>,
    /// Sort column and whether descending; `None` keeps the file's order.
    pub sort: Option<(SortKey, bool)>,
}

impl ViewFilter {
    /// Whether a row passes the search and status filter.
    ///
    /// ```
    /// use scorecard_core::view::ViewFilter;
    /// let f = ViewFilter { query: "stage 2".into(), ..ViewFilter::default() };
    /// assert!(f.query_matches("CMP.07", "Average time to respond at Stage 2"));
    /// assert!(!f.query_matches("CMP.06", "Average time to respond at stage 1"));
    /// ```
    ///
    /// Case is folded for the letters A to Z only, here and in the sort keys: full
    /// Unicode case folding would bring its tables into the page (13 KB gzipped) for
    /// capital letters with accents, which PI codes and titles hardly ever hold.
    pub fn query_matches(&self, code: &str, title: &str) -> bool {
        let q = self.query.trim().to_ascii_lowercase();
        if q.is_empty() {
            return true;
        }
        let hay = format!(
            "{} {}",
            code.to_ascii_lowercase(),
            title.to_ascii_lowercase()
        );
        q.split_whitespace().all(|w| hay.contains(w))
    }

    fn keeps(&self, row: &Row) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&row.status))
            && self.query_matches(&row.code, &row.title)
    }

    /// The groups as the reader sees them: filtered and sorted; groups left empty are dropped.
    pub fn apply<'a>(&self, groups: &'a [Group]) -> Vec<(&'a Group, Vec<&'a Row>)> {
        self.apply_indices(groups)
            .into_iter()
            .map(|(g, rows)| {
                let g = &groups[g];
                (g, rows.into_iter().map(|i| &g.rows[i]).collect())
            })
            .collect()
    }

    /// Like [`ViewFilter::apply`], as positions: each group's index with its rows' indices.
    pub fn apply_indices(&self, groups: &[Group]) -> Vec<(usize, Vec<usize>)> {
        groups
            .iter()
            .enumerate()
            .filter(|(_, g)| self.group.as_ref().is_none_or(|want| *want == g.name))
            .map(|(gi, g)| {
                let mut rows: Vec<usize> = (0..g.rows.len())
                    .filter(|&i| self.keeps(&g.rows[i]))
                    .collect();
                if let Some((key, descending)) = self.sort {
                    sort_rows(&mut rows, &g.rows, key, descending);
                }
                (gi, rows)
            })
            .filter(|(_, rows)| !rows.is_empty())
            .collect()
    }

    /// Whether any filter is set (the page then says how many rows are hidden).
    pub fn is_filtering(&self) -> bool {
        !self.query.trim().is_empty() || !self.statuses.is_empty() || self.group.is_some()
    }
}

/// Sorts rows (positions in `all`) by a column; rows that sort equal keep their order.
/// Codes and titles are sorted on keys worked out once per row, not once per comparison.
fn sort_rows(rows: &mut [usize], all: &[Row], key: SortKey, descending: bool) {
    fn by<K: Ord>(rows: &mut [usize], descending: bool, key: impl Fn(usize) -> K) {
        let keys: Vec<K> = rows.iter().map(|&i| key(i)).collect();
        let cmp = |a: &usize, b: &usize| {
            let o = keys[*a].cmp(&keys[*b]);
            if descending {
                o.reverse()
            } else {
                o
            }
        };
        let order = stable_order(rows.len(), &cmp);
        let sorted: Vec<usize> = order.iter().map(|&p| rows[p]).collect();
        rows.copy_from_slice(&sorted);
    }
    match key {
        SortKey::Code => by(rows, descending, |i| natural_key(&all[i].code)),
        SortKey::Title => by(rows, descending, |i| all[i].title.to_ascii_lowercase()),
        // Rows with no value sort as the lowest.
        SortKey::Value => by(rows, descending, |i| {
            ValueKey(all[i].value.unwrap_or(f64::NEG_INFINITY))
        }),
        SortKey::Status => by(rows, descending, |i| all[i].status),
    }
}

/// The positions `0..n` in the order `cmp` gives them, equal ones as they were. One sort
/// for every key type: the page would otherwise carry a copy of the sorting code per key
/// and direction (eight of them, about 20 KB).
fn stable_order(n: usize, cmp: &dyn Fn(&usize, &usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|a, b| cmp(a, b));
    order
}

/// A value ordered by `f64::total_cmp`.
#[derive(PartialEq)]
struct ValueKey(f64);

impl Eq for ValueKey {}

impl PartialOrd for ValueKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ValueKey {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The key that orders `CMP.2` before `CMP.10`: runs of text (lower case) and the
/// numbers after them.
fn natural_key(s: &str) -> Vec<(String, u64)> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut num: Option<u64> = None;
    for c in s.to_ascii_lowercase().chars() {
        match (c.to_digit(10), num) {
            (Some(d), Some(n)) => num = Some(n.saturating_mul(10).saturating_add(d as u64)),
            (Some(d), None) => num = Some(d as u64),
            (None, Some(n)) => {
                out.push((std::mem::take(&mut text), n));
                num = None;
                text.push(c);
            }
            (None, None) => text.push(c),
        }
    }
    out.push((text, num.unwrap_or(0)));
    out
}

/// A few sentences that say what the numbers of a group show, as the published reports
/// write by hand: how many are off target, and the largest movements since the last
/// comparison.
///
/// "3 of 12 indicators are off target, 1 at warning and 5 on target. Average time to
/// respond at stage 2 improved from 15.67 to 15.13 days."
pub fn narrative(group: &Group) -> String {
    let s = &group.summary;
    let judged = s.on_target + s.warning + s.off_target;
    let total = s.total();
    let mut out = Vec::new();
    if s.no_data == total {
        out.push(format!(
            "No indicator in this group has a value for this period yet ({total} indicator{}).",
            if total == 1 { "" } else { "s" }
        ));
        return out.join(" ");
    }
    if judged == 0 {
        out.push(format!(
            "None of the {total} indicator{} has a target for this period.",
            if total == 1 { "" } else { "s" }
        ));
    } else {
        let mut parts = vec![format!(
            "{} of {judged} indicator{} with a target {} on target",
            s.on_target,
            if judged == 1 { "" } else { "s" },
            if s.on_target == 1 { "is" } else { "are" }
        )];
        if s.warning > 0 {
            parts.push(format!("{} at warning", s.warning));
        }
        if s.off_target > 0 {
            parts.push(format!("{} off target", s.off_target));
        }
        out.push(format!("{}.", join_and(&parts)));
    }
    if s.no_data > 0 {
        out.push(format!(
            "{} {} no data yet for this period.",
            s.no_data,
            if s.no_data == 1 { "has" } else { "have" }
        ));
    }
    // A row whose value or comparator is withheld by suppression is no mover to name:
    // the sentence would state the withheld figure.
    let movement = |r: &Row| -> Option<(Trend, f64, f64)> {
        let t = r.short_trend.as_ref()?;
        let (old, new) = (t.against?, r.value?);
        let size = if old != 0.0 {
            ((new - old) / old).abs()
        } else {
            (new - old).abs()
        };
        matches!(t.trend, Trend::Improving | Trend::GettingWorse).then_some((t.trend, old, size))
    };
    for wanted in [Trend::Improving, Trend::GettingWorse] {
        let best = group
            .rows
            .iter()
            .filter_map(|r| movement(r).map(|m| (r, m)))
            .filter(|(_, (trend, _, _))| *trend == wanted)
            .max_by(|(_, a), (_, b)| a.2.total_cmp(&b.2));
        if let Some((r, (_, old, _))) = best {
            let verb = if wanted == Trend::Improving {
                "improved"
            } else {
                "worsened"
            };
            out.push(format!(
                "{} {verb} from {} to {}.",
                sentence_case(&r.title),
                r.format.show_with_word(old),
                r.format.show_with_word(r.value.unwrap_or_default())
            ));
        }
    }
    out.join(" ")
}

fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
    }
}

fn sentence_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // A capital for the letters A to Z only: the page carries no Unicode case tables.
        Some(f) => std::iter::once(f.to_ascii_uppercase()).chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::build;
    use crate::{read_all, InputFile};

    fn complaints() -> crate::report::Report {
        let bytes =
            include_bytes!("../../../tests/fixtures/samples/complaints-q2-2018-19.csv").to_vec();
        build(
            &read_all(&[InputFile {
                name: "c.csv".into(),
                bytes,
            }]),
            None,
        )
        .unwrap()
    }

    #[test]
    fn filters_by_status_and_search_and_sorts_naturally() {
        let r = complaints();
        let f = ViewFilter {
            statuses: vec![Status::OffTarget],
            ..ViewFilter::default()
        };
        let codes: Vec<&str> = f.apply(&r.groups)[0]
            .1
            .iter()
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(codes, ["CMP.10", "CMP.11"]);
        let f = ViewFilter {
            query: "upheld".into(),
            sort: Some((SortKey::Code, true)),
            ..ViewFilter::default()
        };
        let codes: Vec<&str> = f.apply(&r.groups)[0]
            .1
            .iter()
            .map(|r| r.code.as_str())
            .collect();
        assert_eq!(codes, ["CMP.05", "CMP.04", "CMP.03"]);
        let f = ViewFilter {
            query: "no such thing".into(),
            ..ViewFilter::default()
        };
        assert!(f.apply(&r.groups).is_empty());
        assert!(natural_key("CMP.2") < natural_key("CMP.10"));
    }

    #[test]
    fn rows_that_sort_equal_keep_their_order_either_way() {
        let r = complaints();
        let rows = &r.groups[0].rows;
        let statuses: Vec<Status> = rows.iter().map(|r| r.status).collect();
        for descending in [false, true] {
            // The rows as shown before, last first: the sort starts from that order.
            let mut order: Vec<usize> = (0..rows.len()).rev().collect();
            sort_rows(&mut order, rows, SortKey::Status, descending);
            // What a stable sort by status gives: equal statuses in the order they had.
            let mut expected: Vec<usize> = (0..rows.len()).rev().collect();
            expected.sort_by(|a, b| {
                let o = statuses[*a].cmp(&statuses[*b]);
                if descending {
                    o.reverse()
                } else {
                    o
                }
            });
            assert_eq!(order, expected, "descending: {descending}");
            assert!(order.windows(2).any(|w| statuses[w[0]] == statuses[w[1]]));
        }
    }

    #[test]
    fn narrative_says_what_the_numbers_show() {
        let r = complaints();
        assert_eq!(
            narrative(&r.groups[0]),
            "4 of 6 indicators with a target are on target, and 2 off target. \
             Percentage of complaints escalated and complete within 20 working days improved from 60.00% to 71.43%. \
             Percentage of complaints at stage 2 complete within 20 working days worsened from 87.50% to 75.00%."
        );
    }
}
