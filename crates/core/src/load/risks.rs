//! Risk registers: a risk's code and title, likelihood, impact, score or rating, owner,
//! review date and controls.

use crate::problem::{quote, DateOf, ProblemKind, RiskPart};
use crate::risk::{level, Risk, RiskRating};

use super::cell::{self, Cells};
use super::columns::Col;
use super::Loader;

impl Loader<'_> {
    /// A risk; one with neither code nor title is left out with a problem, a bad cell is
    /// named and the rest of the risk still counts.
    pub(super) fn risk_row(&mut self, row: usize, c: &Cells) {
        let code = c.text(Col::Code);
        let title = c.text(Col::Title);
        if code.is_empty() && title.is_empty() {
            self.row_problem(row, ProblemKind::RiskWithoutKey);
            return;
        }
        let level_of = |expected: RiskPart| {
            move |t: &str| match level(t) {
                Some(n) => Ok(Some(n)),
                None => Err(ProblemKind::NotARiskLevel {
                    expected,
                    found: quote(t, cell::QUOTED),
                }),
            }
        };
        let likelihood = self.cell(row, c.get(Col::Likelihood), level_of(RiskPart::Likelihood));
        let impact = self.cell(row, c.get(Col::Impact), level_of(RiskPart::Impact));
        let score = self.cell(row, c.get(Col::RiskScore), |t| {
            t.trim()
                .parse::<f64>()
                .ok()
                .filter(|s| s.is_finite() && *s >= 0.0)
                .map(Some)
                .ok_or_else(|| ProblemKind::NotARiskLevel {
                    expected: RiskPart::Score,
                    found: quote(t, cell::QUOTED),
                })
        });
        let rating = self.cell(row, c.get(Col::RiskRating), |t| {
            RiskRating::parse(t)
                .map(Some)
                .ok_or_else(|| ProblemKind::NotARiskLevel {
                    expected: RiskPart::Rating,
                    found: quote(t, cell::QUOTED),
                })
        });
        let review = self.cell(row, c.get(Col::ReviewDate), |t| {
            cell::date(t, DateOf::Review)
        });
        self.ds.risks.push(Risk {
            code,
            title,
            group: c.text(Col::Group),
            likelihood,
            impact,
            score,
            rating,
            owner: c.text(Col::Owner),
            review,
            controls: c.text(Col::Controls),
        });
    }
}
