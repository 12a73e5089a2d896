//! The committee paper's contents, in the order the published reports print them: the
//! title and period, the narrative sections, the summaries (per group, per PI set with
//! its Off Target list, and the High Risks), each group's table, the risks, the actions
//! with their comments, and the key.

use crate::report::{show_date, Report};
use crate::risk::RiskRating;
use crate::status::Status;

use super::marks;
use super::paper::{Align, Block, Column, Paper, Span, Table, TEXT_WIDTH};
use super::tables;

/// The paper for a report, as the page shows it (suppression already applied).
pub fn paper(report: &Report) -> Paper {
    let mut blocks = Vec::new();
    for section in &report.narrative {
        blocks.push(Block::Heading(1, section.title.clone()));
        for p in &section.paragraphs {
            blocks.push(Block::Text(vec![Span::plain(p)]));
        }
    }
    summaries(report, &mut blocks);
    blocks.push(Block::Heading(1, "Performance indicators".into()));
    for group in &report.groups {
        blocks.push(Block::Heading(2, group.name.clone()));
        blocks.push(Block::Text(marks::summary(&group.summary)));
        blocks.push(Block::Text(vec![Span::plain(crate::view::narrative(
            group,
        ))]));
        blocks.push(Block::Table(tables::indicators(report, group)));
    }
    if !report.risks.is_empty() {
        blocks.push(Block::Heading(1, "Risks".into()));
        blocks.push(Block::Table(tables::risks(&report.risks)));
    }
    if !report.actions.is_empty() {
        blocks.push(Block::Heading(1, "Actions".into()));
        blocks.push(Block::Text(vec![Span::plain(format!(
            "Progress and status at the end of {}.",
            report.period
        ))]));
        tables::actions(&report.actions, &mut blocks);
    }
    blocks.push(Block::Heading(1, "Key".into()));
    blocks.push(Block::Table(tables::key(report)));
    Paper {
        title: format!("Performance report: {}", report.period),
        subtitle: format!(
            "Report period {}: {} to {}",
            report.period,
            show_date(report.period.start()),
            show_date(report.period.end())
        ),
        blocks,
    }
}

/// The summary table of groups and statuses, then each PI set's line and Off Target
/// list, then the High Risks.
fn summaries(report: &Report, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(1, "Summary".into()));
    const FIRST: u32 = 4_200;
    const SHARE: u32 = 1_400;
    let each = (TEXT_WIDTH - FIRST - SHARE) / Status::ALL.len() as u32;
    let mut columns = vec![Column::new("Group", FIRST, Align::Left)];
    columns.extend(
        Status::ALL
            .iter()
            .map(|s| Column::new(format!("{} {}", s.symbol(), s.label()), each, Align::Right)),
    );
    columns.push(Column::new("On target", SHARE, Align::Right));
    let line = |name: Span, s: &crate::report::Summary| {
        let mut cells = vec![vec![name]];
        cells.extend(
            Status::ALL
                .iter()
                .map(|st| vec![Span::plain(s.count(*st).to_string())]),
        );
        cells.push(vec![Span::plain(
            s.share_on_target()
                .map_or_else(|| "-".to_string(), |x| format!("{x:.0}%")),
        )]);
        cells
    };
    let mut rows: Vec<_> = report
        .groups
        .iter()
        .map(|g| line(Span::plain(&g.name), &g.summary))
        .collect();
    rows.push(line(Span::strong("All indicators"), &report.summary));
    blocks.push(Block::Table(Table { columns, rows }));

    for set in &report.sets {
        let heading = set.heading();
        blocks.push(Block::Heading(2, format!("{heading} (latest)")));
        blocks.push(Block::Text(marks::summary(&set.summary)));
        blocks.push(Block::Heading(
            3,
            format!(
                "{heading} Off Target {} {}",
                Status::OffTarget.symbol(),
                set.off_target.len()
            ),
        ));
        blocks.push(named_list(&set.off_target));
    }
    if !report.risks.is_empty() {
        let high: Vec<(String, String)> = report
            .risks
            .iter()
            .filter(|r| r.rating == Some(RiskRating::High))
            .map(|r| (r.code.clone(), r.title.clone()))
            .collect();
        blocks.push(Block::Heading(
            2,
            format!("High Risks {} {}", RiskRating::High.symbol(), high.len()),
        ));
        blocks.push(named_list(&high));
    }
}

/// Codes and titles as a bulleted list, or "None.".
fn named_list(items: &[(String, String)]) -> Block {
    if items.is_empty() {
        return Block::Text(vec![Span::plain("None.")]);
    }
    Block::List(
        items
            .iter()
            .map(|(code, title)| {
                if code == title {
                    vec![Span::plain(title)]
                } else {
                    vec![Span::strong(code), Span::plain(format!(" {title}"))]
                }
            })
            .collect(),
    )
}
