//! Improvement-plan actions: expected progress by the report date and the action's status.

use chrono::NaiveDate;

/// The status of an action at the end of the report period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum ActionStatus {
    Completed,
    Overdue,
    OnTarget,
    Warning,
    OffTarget,
}

impl ActionStatus {
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Completed => "Completed",
            ActionStatus::Overdue => "Overdue",
            ActionStatus::OnTarget => "On Target",
            ActionStatus::Warning => "Warning",
            ActionStatus::OffTarget => "Off Target",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            ActionStatus::Completed => "★",
            ActionStatus::Overdue => "⏰",
            ActionStatus::OnTarget => "✓",
            ActionStatus::Warning => "▲",
            ActionStatus::OffTarget => "●",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Completed => "completed",
            ActionStatus::Overdue => "overdue",
            ActionStatus::OnTarget => "on-target",
            ActionStatus::Warning => "warning",
            ActionStatus::OffTarget => "off-target",
        }
    }
}

/// An action from an improvement plan.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Action {
    pub code: String,
    pub title: String,
    pub group: String,
    /// Where absent: the start of the financial year of the report period.
    pub start: Option<NaiveDate>,
    pub due: NaiveDate,
    /// Progress in percent, 0 to 100.
    pub progress: f64,
    pub note: String,
    /// Where it was read from, for messages.
    pub source: String,
}

/// Expected progress in percent at `at`: the days elapsed since `start` over the days
/// from `start` to `due`, both counted inclusive of their first and last day, between
/// 0 and 100.
///
/// ```
/// use chrono::NaiveDate;
/// use scorecard_core::action::expected_progress;
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// // Due 31 Mar 2019, started 1 Apr 2018, reported at 30 Sep 2018: 183 of 365 days.
/// let e = expected_progress(d(2018, 4, 1), d(2019, 3, 31), d(2018, 9, 30));
/// assert_eq!((e * 10.0).round() / 10.0, 50.1);
/// ```
pub fn expected_progress(start: NaiveDate, due: NaiveDate, at: NaiveDate) -> f64 {
    let total = (due - start).num_days() + 1;
    let elapsed = (at - start).num_days() + 1;
    if total <= 0 {
        return if at >= due { 100.0 } else { 0.0 };
    }
    (elapsed as f64 / total as f64 * 100.0).clamp(0.0, 100.0)
}

/// The status of an action at `at` (the end of the report period).
///
/// Completed at 100%; Overdue when past due and not complete; On Target when not
/// started yet, or when progress is at least 90% of expected; Warning at 70%; else
/// Off Target.
///
/// ```
/// use chrono::NaiveDate;
/// use scorecard_core::action::{action_status, ActionStatus};
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let s = action_status(50.0, d(2018, 4, 1), d(2019, 3, 31), d(2018, 9, 30));
/// assert_eq!(s, ActionStatus::OnTarget);
/// ```
pub fn action_status(
    progress: f64,
    start: NaiveDate,
    due: NaiveDate,
    at: NaiveDate,
) -> ActionStatus {
    if progress >= 100.0 {
        return ActionStatus::Completed;
    }
    if at > due {
        return ActionStatus::Overdue;
    }
    if start > at {
        return ActionStatus::OnTarget;
    }
    let expected = expected_progress(start, due, at);
    if progress >= 0.9 * expected {
        ActionStatus::OnTarget
    } else if progress >= 0.7 * expected {
        ActionStatus::Warning
    } else {
        ActionStatus::OffTarget
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn each_action_status() {
        let (s, due) = (d(2018, 4, 1), d(2019, 3, 31));
        let at = d(2018, 9, 30);
        assert_eq!(action_status(100.0, s, due, at), ActionStatus::Completed);
        assert_eq!(
            action_status(99.0, s, due, d(2019, 4, 1)),
            ActionStatus::Overdue
        );
        assert_eq!(
            action_status(0.0, d(2019, 1, 1), due, at),
            ActionStatus::OnTarget
        );
        assert_eq!(action_status(40.0, s, due, at), ActionStatus::Warning);
        assert_eq!(action_status(30.0, s, due, at), ActionStatus::OffTarget);
    }

    #[test]
    fn due_on_the_report_date_is_not_yet_overdue() {
        let due = d(2019, 3, 31);
        assert_eq!(
            action_status(95.0, d(2018, 4, 1), due, due),
            ActionStatus::OnTarget
        );
    }
}
