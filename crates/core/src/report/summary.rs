//! Counts of PIs in each status, for a group and for the whole report.

use crate::status::Status;

use super::Row;

/// Counts of PIs in each status.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    pub off_target: usize,
    pub warning: usize,
    pub on_target: usize,
    pub data_only: usize,
    pub no_data: usize,
}

impl Summary {
    pub(super) fn add(&mut self, s: Status) {
        *self.slot(s) += 1;
    }

    fn slot(&mut self, s: Status) -> &mut usize {
        match s {
            Status::OffTarget => &mut self.off_target,
            Status::Warning => &mut self.warning,
            Status::OnTarget => &mut self.on_target,
            Status::DataOnly => &mut self.data_only,
            Status::DataNotYetAvailable => &mut self.no_data,
        }
    }

    /// How many PIs have this status.
    pub fn count(&self, s: Status) -> usize {
        match s {
            Status::OffTarget => self.off_target,
            Status::Warning => self.warning,
            Status::OnTarget => self.on_target,
            Status::DataOnly => self.data_only,
            Status::DataNotYetAvailable => self.no_data,
        }
    }

    /// On Target ÷ (On Target + Warning + Off Target), in percent; `None` when none has a target.
    pub fn share_on_target(&self) -> Option<f64> {
        let judged = self.on_target + self.warning + self.off_target;
        (judged > 0).then(|| self.on_target as f64 / judged as f64 * 100.0)
    }

    /// The line the published reports head their sections with: `● 0 ▲ 0 ✓ 10 ? 2 📊 8`.
    pub fn line(&self) -> String {
        Status::ALL
            .iter()
            .map(|s| format!("{} {}", s.symbol(), self.count(*s)))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Total PIs counted.
    pub fn total(&self) -> usize {
        Status::ALL.iter().map(|s| self.count(*s)).sum()
    }
}

/// The PIs of one group heading.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Group {
    pub name: String,
    pub rows: Vec<Row>,
    pub summary: Summary,
}
