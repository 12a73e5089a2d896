//! Risks from a risk register: likelihood × impact gives a score, the score (or the
//! rating the register states) a rating, and the report's "High Risks" lists the High
//! ones, as seed 001 heads a service with "Service High Risks ▲ 3".

use chrono::NaiveDate;

/// A risk's rating, shown as shape + words + colour.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum RiskRating {
    High,
    Medium,
    Low,
}

impl RiskRating {
    pub fn label(self) -> &'static str {
        match self {
            RiskRating::High => "High",
            RiskRating::Medium => "Medium",
            RiskRating::Low => "Low",
        }
    }

    /// A shape for each, so a rating never rests on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            RiskRating::High => "▲",
            RiskRating::Medium => "△",
            RiskRating::Low => "○",
        }
    }

    /// For styles: `risk-high`.
    pub fn key(self) -> &'static str {
        match self {
            RiskRating::High => "risk-high",
            RiskRating::Medium => "risk-medium",
            RiskRating::Low => "risk-low",
        }
    }

    /// The rating of a score on the usual 5 × 5 matrix: 15 to 25 High, 6 to 12
    /// Medium, 1 to 5 Low (a score between the bands goes to the higher one).
    ///
    /// ```
    /// use scorecard_core::risk::RiskRating;
    /// assert_eq!(RiskRating::of_score(16.0), RiskRating::High);
    /// assert_eq!(RiskRating::of_score(12.0), RiskRating::Medium);
    /// assert_eq!(RiskRating::of_score(13.0), RiskRating::High);
    /// assert_eq!(RiskRating::of_score(5.0), RiskRating::Low);
    /// ```
    pub fn of_score(score: f64) -> RiskRating {
        if score > 12.0 {
            RiskRating::High
        } else if score > 5.0 {
            RiskRating::Medium
        } else {
            RiskRating::Low
        }
    }

    /// A rating as registers write it: `High`, `Red`, `Very high`, `Critical`, `Amber`,
    /// `Medium`, `Moderate`, `Low`, `Green`.
    pub fn parse(text: &str) -> Option<RiskRating> {
        let t = text.trim().to_lowercase();
        let t = t.trim_end_matches(" risk");
        Some(match t {
            "high" | "very high" | "red" | "critical" | "severe" | "extreme" | "h" | "r" => {
                RiskRating::High
            }
            "medium" | "amber" | "moderate" | "med" | "m" | "a" => RiskRating::Medium,
            "low" | "green" | "very low" | "minor" | "l" | "g" => RiskRating::Low,
            _ => return None,
        })
    }
}

/// A level from 1 to 5, as a number or as registers name the levels of likelihood
/// (Rare … Almost certain) and impact (Insignificant … Catastrophic).
///
/// ```
/// use scorecard_core::risk::level;
/// assert_eq!(level("4"), Some(4));
/// assert_eq!(level("Almost certain"), Some(5));
/// assert_eq!(level("Moderate"), Some(3));
/// assert_eq!(level("7"), None);
/// ```
pub fn level(text: &str) -> Option<u8> {
    let t = text.trim().to_lowercase();
    if let Ok(n) = t.parse::<u8>() {
        return (1..=5).contains(&n).then_some(n);
    }
    let t = t.split(['(', '-', '–']).next().unwrap_or_default().trim();
    Some(match t {
        "rare" | "very unlikely" | "insignificant" | "negligible" | "very low" => 1,
        "unlikely" | "minor" | "low" => 2,
        "possible" | "moderate" | "medium" => 3,
        "likely" | "major" | "significant" | "high" => 4,
        "almost certain" | "very likely" | "certain" | "catastrophic" | "extreme" | "critical"
        | "severe" | "very high" => 5,
        _ => return None,
    })
}

/// A risk as read from a register.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Risk {
    pub code: String,
    pub title: String,
    pub group: String,
    pub likelihood: Option<u8>,
    pub impact: Option<u8>,
    /// The score as stated, else likelihood × impact.
    pub score: Option<f64>,
    /// The rating as stated, else from the score.
    pub rating: Option<RiskRating>,
    pub owner: String,
    pub review: Option<NaiveDate>,
    pub controls: String,
}

impl Risk {
    /// The rating: as stated, else from the score, else none to give.
    pub fn rating(&self) -> Option<RiskRating> {
        self.rating
            .or_else(|| self.score().map(RiskRating::of_score))
    }

    /// The score: as stated, else likelihood × impact.
    pub fn score(&self) -> Option<f64> {
        self.score
            .or_else(|| Some(f64::from(self.likelihood?) * f64::from(self.impact?)))
    }

    /// "likelihood 4 × impact 4 = 16: High", the reason for the rating.
    pub fn reason(&self) -> String {
        let rating = self.rating().map_or("not rated", RiskRating::label);
        match (self.likelihood, self.impact, self.score) {
            _ if self.rating.is_some() => format!("{rating}, as the register states"),
            (_, _, Some(s)) => format!("score {s} as stated: {rating}"),
            (Some(l), Some(i), None) => {
                format!("likelihood {l} × impact {i} = {}: {rating}", l * i)
            }
            _ => "no likelihood and impact, score or rating given".to_string(),
        }
    }
}

/// A risk as the report shows it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RiskRow {
    pub code: String,
    pub title: String,
    pub group: String,
    pub likelihood: Option<u8>,
    pub impact: Option<u8>,
    pub score: Option<f64>,
    pub rating: Option<RiskRating>,
    pub reason: String,
    pub owner: String,
    /// `31 Mar 2019`, or empty.
    pub review: String,
    pub controls: String,
}

/// The register's risks as the report shows them, highest rated first, then in the
/// register's order.
pub fn risk_rows(risks: &[Risk]) -> Vec<RiskRow> {
    let mut rows: Vec<RiskRow> = risks
        .iter()
        .map(|r| RiskRow {
            code: r.code.clone(),
            title: r.title.clone(),
            group: r.group.clone(),
            likelihood: r.likelihood,
            impact: r.impact,
            score: r.score(),
            rating: r.rating(),
            reason: r.reason(),
            owner: r.owner.clone(),
            review: r.review.map(crate::report::show_date).unwrap_or_default(),
            controls: r.controls.clone(),
        })
        .collect();
    // Stable: the register's order within a rating. Unrated risks come last.
    rows.sort_by_key(|r| r.rating.map_or(3, |x| x as u8));
    rows
}
