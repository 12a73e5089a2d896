//! The paper's tables: a group's indicators (as the published tables lay them out: the
//! earlier periods' values, the report period's value, target, status and note), the
//! risks, the actions with their comments, and the key.

use crate::action::ActionStatus;
use crate::report::{show_date, ActionRow, Group, Report, Shown};
use crate::risk::{RiskRating, RiskRow};
use crate::status::Status;

use super::marks;
use super::paper::{Align, Block, Column, Line, Span, Table, TEXT_WIDTH};

fn text(s: impl Into<String>) -> Line {
    vec![Span::plain(s)]
}

/// `-` for an empty cell, as the page shows one.
fn or_dash(s: &str) -> Line {
    text(if s.trim().is_empty() { "-" } else { s })
}

/// Fixed columns and the two that share what is left: the title gets `title_share`
/// percent of it, the last column the rest.
fn widths(fixed: &[u32], title_share: u32) -> (u32, u32) {
    let left = TEXT_WIDTH.saturating_sub(fixed.iter().sum::<u32>());
    let title = left * title_share / 100;
    (title, left - title)
}

/// A group's indicators at the report period.
pub fn indicators(report: &Report, group: &Group) -> Table {
    let rows = || report.groups.iter().flat_map(|g| &g.rows);
    let has_bench = rows().any(|r| r.benchmark.is_some());
    let has_rank = rows().any(|r| r.rank.is_some());
    const CODE: u32 = 1_250;
    const FIGURE: u32 = 1_150;
    const STATUS: u32 = 2_250;
    const BENCH: u32 = 1_700;
    const RANK: u32 = 1_700;
    let history = report.history_periods.len() as u32;
    let mut fixed = vec![CODE, FIGURE * (history + 2), STATUS];
    if has_bench {
        fixed.push(BENCH);
    }
    if has_rank {
        fixed.push(RANK);
    }
    let (title, note) = widths(&fixed, 55);
    let mut columns = vec![
        Column::new("Code", CODE, Align::Left),
        Column::new("Indicator", title, Align::Left),
    ];
    columns.extend(
        report
            .history_periods
            .iter()
            .map(|p| Column::new(p.to_string(), FIGURE, Align::Right)),
    );
    columns.push(Column::new(
        format!("Value {}", report.period),
        FIGURE,
        Align::Right,
    ));
    columns.push(Column::new("Target", FIGURE, Align::Right));
    columns.push(Column::new("Status", STATUS, Align::Left));
    if has_bench {
        columns.push(Column::new("Benchmark", BENCH, Align::Left));
    }
    if has_rank {
        columns.push(Column::new("Quartile (rank)", RANK, Align::Left));
    }
    columns.push(Column::new("Note", note, Align::Left));

    let rows = group
        .rows
        .iter()
        .map(|row| {
            // A PI keyed by its title (a table with no codes) has no code to show.
            let code = if row.code == row.title { "" } else { &row.code };
            let mut title = row.title.clone();
            if row.period != report.period {
                title.push_str(&format!(" ({})", row.period));
            }
            let mut cells = vec![or_dash(code), text(title)];
            for p in &report.history_periods {
                let shown = row
                    .history
                    .iter()
                    .find(|h| h.period == *p)
                    .map_or(Shown::Missing, |h| h.shown.clone());
                cells.push(text(shown.to_string()));
            }
            cells.push(text(row.value_shown.to_string()));
            cells.push(or_dash(row.target_shown.as_deref().unwrap_or_default()));
            let mut status = marks::status(row.status);
            if row.status_stated {
                status.push(Span::plain(" (as stated)"));
            }
            if let Some(stated) = row.stated_status.filter(|_| row.status_differs()) {
                status.push(Span::plain(format!(
                    " (the file states {})",
                    stated.label()
                )));
            }
            cells.push(status);
            if has_bench {
                cells.push(or_dash(&row.benchmark_sentence().unwrap_or_default()));
            }
            if has_rank {
                cells.push(or_dash(
                    &row.rank.map(|r| r.to_string()).unwrap_or_default(),
                ));
            }
            cells.push(text(&row.note));
            cells
        })
        .collect();
    Table { columns, rows }
}

/// The risk register, highest rated first.
pub fn risks(risks: &[RiskRow]) -> Table {
    const CODE: u32 = 1_250;
    const RATING: u32 = 1_300;
    const LIKELIHOOD: u32 = 1_350;
    const LEVEL: u32 = 950;
    const OWNER: u32 = 2_100;
    const REVIEW: u32 = 1_300;
    let (title, controls) = widths(&[CODE, RATING, LIKELIHOOD, LEVEL * 2, OWNER, REVIEW], 50);
    let level = |l: Option<u8>| text(l.map_or_else(|| "-".into(), |l| l.to_string()));
    Table {
        columns: vec![
            Column::new("Code", CODE, Align::Left),
            Column::new("Risk", title, Align::Left),
            Column::new("Rating", RATING, Align::Left),
            Column::new("Likelihood", LIKELIHOOD, Align::Right),
            Column::new("Impact", LEVEL, Align::Right),
            Column::new("Score", LEVEL, Align::Right),
            Column::new("Owner", OWNER, Align::Left),
            Column::new("Review", REVIEW, Align::Left),
            Column::new("Controls", controls, Align::Left),
        ],
        rows: risks
            .iter()
            .map(|r| {
                let mut risk = text(&r.title);
                if !r.group.is_empty() {
                    risk.push(Span::plain(format!(" ({})", r.group)));
                }
                vec![
                    or_dash(&r.code),
                    risk,
                    marks::risk(r.rating),
                    level(r.likelihood),
                    level(r.impact),
                    text(r.score.map_or_else(|| "-".into(), |s| format!("{s}"))),
                    or_dash(&r.owner),
                    or_dash(&r.review),
                    or_dash(&r.controls),
                ]
            })
            .collect(),
    }
}

/// The actions, under a heading per outcome (group) where the plan names them, as seed
/// 002 prints them: code, action, due date, progress, status, and the comment.
pub fn actions(actions: &[ActionRow], blocks: &mut Vec<Block>) {
    let mut groups: Vec<&str> = Vec::new();
    for a in actions {
        if !groups.contains(&a.group.as_str()) {
            groups.push(&a.group);
        }
    }
    for g in groups {
        if !g.trim().is_empty() {
            blocks.push(Block::Heading(2, g.to_string()));
        }
        let of_group = actions.iter().filter(|a| a.group == g);
        blocks.push(Block::Table(action_table(of_group)));
    }
}

fn action_table<'a>(actions: impl Iterator<Item = &'a ActionRow>) -> Table {
    const CODE: u32 = 1_250;
    const DUE: u32 = 1_400;
    const PROGRESS: u32 = 1_500;
    const STATUS: u32 = 1_700;
    let (title, comment) = widths(&[CODE, DUE, PROGRESS, STATUS], 45);
    Table {
        columns: vec![
            Column::new("Code", CODE, Align::Left),
            Column::new("Action", title, Align::Left),
            Column::new("Due date", DUE, Align::Left),
            Column::new("Progress (expected)", PROGRESS, Align::Right),
            Column::new("Status", STATUS, Align::Left),
            Column::new("Comment & planned improvement action", comment, Align::Left),
        ],
        rows: actions
            .map(|a| {
                vec![
                    or_dash(&a.code),
                    text(&a.title),
                    text(show_date(a.due)),
                    text(format!("{:.0}% ({:.0}%)", a.progress, a.expected)),
                    marks::action(a.status),
                    text(&a.note),
                ]
            })
            .collect(),
    }
}

/// What each symbol means: the statuses; the action statuses and risk ratings where the
/// report has actions and risks; `c` where a figure is withheld.
pub fn key(report: &Report) -> Table {
    const MARK: u32 = 2_800;
    let mut rows: Vec<Vec<Line>> = Status::ALL
        .iter()
        .map(|s| {
            let meaning = match s {
                Status::OffTarget => "Worse than the target by more than any tolerance.",
                Status::Warning => "Worse than the target, within the tolerance.",
                Status::OnTarget => "At the target or better (within the tolerance where closest to the target is best).",
                Status::DataNotYetAvailable => "No value for the period yet.",
                Status::DataOnly => "Reported for information: no target, or no better direction.",
            };
            vec![marks::status(*s), text(format!("Indicator: {meaning}"))]
        })
        .collect();
    if !report.actions.is_empty() {
        rows.extend(
            [
                (ActionStatus::Completed, "Complete (100%)."),
                (ActionStatus::Overdue, "Past its due date and not complete."),
                (
                    ActionStatus::OnTarget,
                    "At least 90% of the progress expected by now, or not started yet.",
                ),
                (
                    ActionStatus::Warning,
                    "At least 70% of the progress expected by now.",
                ),
                (
                    ActionStatus::OffTarget,
                    "Less than 70% of the progress expected by now.",
                ),
            ]
            .map(|(s, meaning)| vec![marks::action(s), text(format!("Action: {meaning}"))]),
        );
    }
    if !report.risks.is_empty() {
        rows.extend(
            [
                (
                    RiskRating::High,
                    "score 13 to 25, or rated High by the register.",
                ),
                (RiskRating::Medium, "score 6 to 12, or rated Medium."),
                (RiskRating::Low, "score 1 to 5, or rated Low."),
            ]
            .map(|(r, meaning)| vec![marks::risk(Some(r)), text(format!("Risk: {meaning}"))]),
        );
    }
    let suppressed = report
        .groups
        .iter()
        .flat_map(|g| &g.rows)
        .any(|r| r.suppressed);
    if suppressed {
        rows.push(vec![
            text(crate::value::SUPPRESSED),
            text("Withheld: a small count, or a figure worked out from one (small-number suppression)."),
        ]);
    }
    rows.push(vec![text("-"), text("No value.")]);
    Table {
        columns: vec![
            Column::new("Symbol", MARK, Align::Left),
            Column::new("Meaning", TEXT_WIDTH - MARK, Align::Left),
        ],
        rows,
    }
}
