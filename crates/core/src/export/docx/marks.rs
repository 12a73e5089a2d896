//! Statuses, action statuses and risk ratings as the paper writes them: the symbol the
//! published reports use, in its colour, then the words, so that nothing rests on colour
//! or on a symbol a reader's font may lack.

use crate::action::ActionStatus;
use crate::risk::RiskRating;
use crate::status::Status;

use super::paper::{Hue, Line, Span};

pub fn status_hue(s: Status) -> Hue {
    match s {
        Status::OffTarget => Hue::Red,
        Status::Warning => Hue::Amber,
        Status::OnTarget => Hue::Green,
        Status::DataOnly => Hue::Blue,
        Status::DataNotYetAvailable => Hue::Grey,
    }
}

fn action_hue(s: ActionStatus) -> Hue {
    match s {
        ActionStatus::Completed => Hue::Blue,
        ActionStatus::OnTarget => Hue::Green,
        ActionStatus::Warning => Hue::Amber,
        ActionStatus::Overdue | ActionStatus::OffTarget => Hue::Red,
    }
}

fn risk_hue(r: RiskRating) -> Hue {
    match r {
        RiskRating::High => Hue::Red,
        RiskRating::Medium => Hue::Amber,
        RiskRating::Low => Hue::Green,
    }
}

/// `● Off Target`, the symbol in its colour.
pub fn status(s: Status) -> Line {
    vec![
        Span::symbol(s.symbol(), status_hue(s)),
        Span::plain(format!(" {}", s.label())),
    ]
}

/// `★ Completed`.
pub fn action(s: ActionStatus) -> Line {
    vec![
        Span::symbol(s.symbol(), action_hue(s)),
        Span::plain(format!(" {}", s.label())),
    ]
}

/// `▲ High`; `-` for a risk the register gives nothing to rate by.
pub fn risk(r: Option<RiskRating>) -> Line {
    match r {
        Some(r) => vec![
            Span::symbol(r.symbol(), risk_hue(r)),
            Span::plain(format!(" {}", r.label())),
        ],
        None => vec![Span::plain("-")],
    }
}

/// A summary as a line of counts with each status's symbol and words:
/// `● Off Target 3 · ▲ Warning 0 · ✓ On Target 9 · …`, and the share on target.
pub fn summary(s: &crate::report::Summary) -> Line {
    let mut line = Vec::new();
    for (i, st) in Status::ALL.iter().enumerate() {
        if i > 0 {
            line.push(Span::plain("   "));
        }
        line.push(Span::symbol(st.symbol(), status_hue(*st)));
        line.push(Span::plain(format!(" {} ", st.label())));
        line.push(Span::strong(s.count(*st).to_string()));
    }
    if let Some(share) = s.share_on_target() {
        line.push(Span::plain(format!("   ({share:.0}% on target)")));
    }
    line
}
