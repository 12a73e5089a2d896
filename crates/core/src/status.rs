//! Targets and the five statuses of a PI in a period, with the reason for each.

use crate::indicator::{Indicator, Polarity, PolaritySource, TargetProfile, Tolerance};
use crate::period::Period;
use crate::value::Format;

/// The status of an indicator in a period, as the published reports show it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Status {
    OffTarget,
    Warning,
    OnTarget,
    DataOnly,
    DataNotYetAvailable,
}

impl Status {
    /// Every status, in the order the summary line lists them.
    pub const ALL: [Status; 5] = [
        Status::OffTarget,
        Status::Warning,
        Status::OnTarget,
        Status::DataNotYetAvailable,
        Status::DataOnly,
    ];

    /// The words, for the eye and for screen readers.
    pub fn label(self) -> &'static str {
        match self {
            Status::OffTarget => "Off Target",
            Status::Warning => "Warning",
            Status::OnTarget => "On Target",
            Status::DataOnly => "Data Only",
            Status::DataNotYetAvailable => "Data Not Yet Available",
        }
    }

    /// The symbol the published reports use; never shown without its words.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::OffTarget => "●",
            Status::Warning => "▲",
            Status::OnTarget => "✓",
            Status::DataOnly => "📊",
            Status::DataNotYetAvailable => "?",
        }
    }

    /// A stable identifier for styles and exports: `off-target`.
    pub fn key(self) -> &'static str {
        match self {
            Status::OffTarget => "off-target",
            Status::Warning => "warning",
            Status::OnTarget => "on-target",
            Status::DataOnly => "data-only",
            Status::DataNotYetAvailable => "no-data",
        }
    }

    /// Finds a status named in a text such as a published note
    /// (`Q2 18/19: Off Target 2 of 8 stage 2 complaints off target.`): the first status
    /// words in it, after an optional leading period label and colon.
    ///
    /// ```
    /// use scorecard_core::status::Status;
    /// assert_eq!(Status::stated_in("Q2 18/19: Off Target 2 of 8"), Some(Status::OffTarget));
    /// assert_eq!(Status::stated_in("Data Only"), Some(Status::DataOnly));
    /// assert_eq!(Status::stated_in("Improving steadily"), None);
    /// ```
    pub fn stated_in(text: &str) -> Option<Status> {
        let t = text.trim();
        if t.is_empty() {
            return None;
        }
        let body = match t.split_once(':') {
            Some((head, rest)) if head.len() <= 24 => rest,
            _ => t,
        };
        let lower = body.trim_start().to_lowercase();
        [
            ("off target", Status::OffTarget),
            ("warning", Status::Warning),
            ("on target", Status::OnTarget),
            ("data only", Status::DataOnly),
            ("data not yet available", Status::DataNotYetAvailable),
            ("red", Status::OffTarget),
            ("amber", Status::Warning),
            ("green", Status::OnTarget),
        ]
        .into_iter()
        .find(|(words, _)| {
            lower.starts_with(words)
                && !lower[words.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .map(|(_, s)| s)
    }
}

/// Where a period's target came from.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum TargetSource {
    /// The period's own target.
    Period,
    /// A share of the annual target for a cumulative PI: `months` of 12 elapsed.
    ProRata { annual: f64, months: u32 },
    /// The annual target of the financial year.
    Annual,
    /// The annual target of a cumulative PI, not pro-rated: its target profile is flat
    /// (a percentage of a year-to-date base, say).
    AnnualFlat,
}

/// The target a period is judged against, and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct EffectiveTarget {
    pub value: f64,
    pub source: TargetSource,
}

/// The effective target of a period: its own target; else, where the target is
/// pro-rated (`pro_rata`: see [`indicator_target`] for which PIs), the annual target
/// times the share of the financial year elapsed at the period's end; else the annual
/// target.
///
/// ```
/// use scorecard_core::period::Period;
/// use scorecard_core::status::effective_target;
/// let q2 = Period::parse("Q2 2018/19").unwrap();
/// // A cumulative PI with an annual target of 100 is due 50 by the end of Q2.
/// assert_eq!(effective_target(q2, None, Some(100.0), true).unwrap().value, 50.0);
/// assert_eq!(effective_target(q2, None, Some(100.0), false).unwrap().value, 100.0);
/// assert_eq!(effective_target(q2, Some(20.0), Some(100.0), true).unwrap().value, 20.0);
/// ```
pub fn effective_target(
    period: Period,
    target: Option<f64>,
    annual: Option<f64>,
    pro_rata: bool,
) -> Option<EffectiveTarget> {
    if let Some(value) = target {
        return Some(EffectiveTarget {
            value,
            source: TargetSource::Period,
        });
    }
    let annual = annual?;
    if pro_rata {
        let months = period.year_elapsed_months();
        Some(EffectiveTarget {
            value: annual * months as f64 / 12.0,
            source: TargetSource::ProRata { annual, months },
        })
    } else {
        Some(EffectiveTarget {
            value: annual,
            source: TargetSource::Annual,
        })
    }
}

/// The effective target of an indicator in a period: the period's own target; else the
/// annual target, pro-rated or flat by the PI's [`TargetProfile`]; else a target a
/// definitions table sets for every period.
///
/// ```
/// use scorecard_core::indicator::Indicator;
/// use scorecard_core::period::Period;
/// use scorecard_core::status::{indicator_target, TargetSource};
/// use scorecard_core::value::Unit;
/// let q2 = Period::parse("Q2 2018/19").unwrap();
/// let mut paid = Indicator { cumulative: true, unit: Some(Unit::Percent), ..Indicator::default() };
/// // 60% of invoices paid so far is judged against the whole 95%, not 47.5%.
/// assert_eq!(indicator_target(&paid, q2, None, Some(95.0)).unwrap().value, 95.0);
/// paid.unit = None;
/// assert_eq!(indicator_target(&paid, q2, None, Some(9.0)).unwrap().value, 4.5);
/// ```
pub fn indicator_target(
    ind: &Indicator,
    period: Period,
    own: Option<f64>,
    annual: Option<f64>,
) -> Option<EffectiveTarget> {
    let pro_rata = ind.target_profile() == TargetProfile::ProRata;
    let found = effective_target(period, own, annual, pro_rata).map(|mut t| {
        if t.source == TargetSource::Annual && ind.cumulative {
            t.source = TargetSource::AnnualFlat;
        }
        t
    });
    found.or(ind.standing_target.map(|value| EffectiveTarget {
        value,
        source: TargetSource::Period,
    }))
}

/// The status of a value (already rounded as shown) against a target.
///
/// A value exactly on a boundary gets the better status.
///
/// ```
/// use scorecard_core::indicator::{Polarity, Tolerance};
/// use scorecard_core::status::{judge, Status};
/// assert_eq!(judge(Some(15.13), Some(20.0), Polarity::Down, None), Status::OnTarget);
/// assert_eq!(judge(Some(75.0), Some(95.0), Polarity::Up, None), Status::OffTarget);
/// let five = Some(Tolerance::Absolute(5.0));
/// assert_eq!(judge(Some(90.0), Some(95.0), Polarity::Up, five), Status::Warning);
/// assert_eq!(judge(None, Some(95.0), Polarity::Up, None), Status::DataNotYetAvailable);
/// assert_eq!(judge(Some(9.0), None, Polarity::Up, None), Status::DataOnly);
/// ```
pub fn judge(
    value: Option<f64>,
    target: Option<f64>,
    polarity: Polarity,
    tolerance: Option<Tolerance>,
) -> Status {
    let Some(v) = value else {
        return Status::DataNotYetAvailable;
    };
    let Some(t) = target else {
        return Status::DataOnly;
    };
    let w = tolerance.map(|tol| tol.width(t));
    // Compare with a tolerance of float noise so `95.0 - 5.0` still reaches 90.
    let le = |a: f64, b: f64| a <= b + 1e-9 * (1.0 + b.abs());
    match polarity {
        Polarity::None => Status::DataOnly,
        Polarity::Up => {
            if le(t, v) {
                Status::OnTarget
            } else if w.is_some_and(|w| le(t - w, v)) {
                Status::Warning
            } else {
                Status::OffTarget
            }
        }
        Polarity::Down => {
            if le(v, t) {
                Status::OnTarget
            } else if w.is_some_and(|w| le(v, t + w)) {
                Status::Warning
            } else {
                Status::OffTarget
            }
        }
        Polarity::Band => {
            let d = (v - t).abs();
            let w = w.unwrap_or(0.0);
            if le(d, w) {
                Status::OnTarget
            } else if w > 0.0 && le(d, 2.0 * w) {
                Status::Warning
            } else {
                Status::OffTarget
            }
        }
    }
}

/// The sentence that says why a PI has its status:
/// "15.13 days against a target of 20 (lower is better): On Target".
#[allow(clippy::too_many_arguments)]
pub fn reason(
    status: Status,
    period: Period,
    value: Option<f64>,
    target: Option<EffectiveTarget>,
    polarity: Polarity,
    tolerance: Option<Tolerance>,
    format: &Format,
) -> String {
    Why {
        status,
        period,
        value,
        target,
        polarity,
        source: &PolaritySource::File,
        tolerance,
        format,
        stated: false,
    }
    .sentence()
}

/// Everything the reason for a status is made from.
pub struct Why<'a> {
    pub status: Status,
    pub period: Period,
    pub value: Option<f64>,
    pub target: Option<EffectiveTarget>,
    pub polarity: Polarity,
    /// Where the polarity came from: an inferred one says so.
    pub source: &'a PolaritySource,
    pub tolerance: Option<Tolerance>,
    pub format: &'a Format,
    /// The status is the one the file states (no polarity was given).
    pub stated: bool,
}

impl Why<'_> {
    /// "6.05 days against 4.5, half of the annual 9.00 at Q2 (lower is better): Off
    /// Target"; "86% against a target of 90% (status as published in the file; no
    /// polarity given): Warning".
    pub fn sentence(&self) -> String {
        let Why {
            status,
            period,
            value,
            target,
            polarity,
            source,
            tolerance,
            format,
            stated,
        } = *self;
        let Some(v) = value else {
            return format!("No value for {period} yet: {}", status.label());
        };
        let shown = format.show_with_word(v);
        if stated {
            let against = target
                .map(|t| format!(" against {}", target_words(t, period, format)))
                .unwrap_or_default();
            return format!(
                "{shown}{against} (status as published in the file; no polarity given): {}",
                status.label()
            );
        }
        if polarity == Polarity::None {
            return format!("{shown} is reported for information (no polarity): Data Only");
        }
        let Some(t) = target else {
            return format!("{shown} with no target set for {period}: Data Only");
        };
        let band = tolerance
            .map(|tol| {
                let w = format.show_trimmed(tol.width(t.value));
                match polarity {
                    Polarity::Band => format!(
                        ", On Target within ±{w}, Warning within ±{}",
                        format.show_trimmed(2.0 * tol.width(t.value))
                    ),
                    _ => format!(", Warning within {w}"),
                }
            })
            .unwrap_or_default();
        let inferred = source
            .inferred_phrase()
            .map(|p| format!(", {p}"))
            .unwrap_or_default();
        format!(
            "{shown} against {} ({}{inferred}{band}): {}",
            target_words(t, period, format),
            polarity.phrase(),
            status.label()
        )
    }
}

/// The target in words: "a target of 20"; "4.5, half of the annual 9.00 at Q2"; "the
/// annual target of 95%, flat through the year".
fn target_words(t: EffectiveTarget, period: Period, format: &Format) -> String {
    match t.source {
        TargetSource::ProRata { annual, months: 12 } => {
            format!("the annual target of {}", format.show_trimmed(annual))
        }
        TargetSource::ProRata { annual, months } => format!(
            "{}, {} of the annual {} at {}",
            show_target(&t, format),
            share_words(months),
            format.show(annual),
            period_short(period)
        ),
        TargetSource::AnnualFlat => format!(
            "the annual target of {}, flat through the year",
            format.show_trimmed(t.value)
        ),
        TargetSource::Annual | TargetSource::Period => {
            format!("a target of {}", format.show_trimmed(t.value))
        }
    }
}

/// A target as the report shows it: trimmed of trailing zeros (`20`, `95%`); a pro-rated
/// one with up to two more decimals than the PI's values, so that the share of 95% at
/// Q2 reads 47.5%, not 48%.
pub fn show_target(t: &EffectiveTarget, format: &Format) -> String {
    match t.source {
        TargetSource::ProRata { .. } => Format {
            unit: format.unit.clone(),
            decimals: format.decimals.saturating_add(2).min(6),
        }
        .show_trimmed(t.value),
        _ => format.show_trimmed(t.value),
    }
}

/// A quarter without its year ("Q2": the year is the report's); other periods in full.
fn period_short(period: Period) -> String {
    match period {
        Period::Quarter { q, .. } => format!("Q{q}"),
        other => other.to_string(),
    }
}

fn share_words(months: u32) -> String {
    match months {
        3 => "a quarter".into(),
        6 => "half".into(),
        9 => "three quarters".into(),
        12 => "all".into(),
        m => format!("{m}/12"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_belong_to_the_better_status() {
        let tol = Some(Tolerance::Absolute(5.0));
        assert_eq!(
            judge(Some(95.0), Some(95.0), Polarity::Up, tol),
            Status::OnTarget
        );
        assert_eq!(
            judge(Some(90.0), Some(95.0), Polarity::Up, tol),
            Status::Warning
        );
        assert_eq!(
            judge(Some(89.99), Some(95.0), Polarity::Up, tol),
            Status::OffTarget
        );
        assert_eq!(
            judge(Some(20.0), Some(20.0), Polarity::Down, tol),
            Status::OnTarget
        );
        assert_eq!(
            judge(Some(25.0), Some(20.0), Polarity::Down, tol),
            Status::Warning
        );
        assert_eq!(
            judge(Some(25.01), Some(20.0), Polarity::Down, tol),
            Status::OffTarget
        );
    }

    #[test]
    fn band_polarity_uses_one_and_two_tolerances() {
        let tol = Some(Tolerance::PercentOfTarget(10.0));
        assert_eq!(
            judge(Some(110.0), Some(100.0), Polarity::Band, tol),
            Status::OnTarget
        );
        assert_eq!(
            judge(Some(80.0), Some(100.0), Polarity::Band, tol),
            Status::Warning
        );
        assert_eq!(
            judge(Some(121.0), Some(100.0), Polarity::Band, tol),
            Status::OffTarget
        );
        assert_eq!(
            judge(Some(100.0), Some(100.0), Polarity::Band, None),
            Status::OnTarget
        );
        assert_eq!(
            judge(Some(101.0), Some(100.0), Polarity::Band, None),
            Status::OffTarget
        );
    }

    #[test]
    fn without_tolerance_there_is_no_warning() {
        assert_eq!(
            judge(Some(94.9), Some(95.0), Polarity::Up, None),
            Status::OffTarget
        );
    }

    #[test]
    fn reason_reads_as_the_spec_writes_it() {
        let q2 = Period::parse("Q2 2018/19").unwrap();
        let t = effective_target(q2, None, Some(20.0), false);
        let f = Format {
            unit: crate::value::Unit::Named("days".into()),
            decimals: 2,
        };
        let r = reason(
            Status::OnTarget,
            q2,
            Some(15.13),
            t,
            Polarity::Down,
            None,
            &f,
        );
        assert_eq!(
            r,
            "15.13 days against a target of 20 (lower is better): On Target"
        );
    }

    #[test]
    fn stated_status_is_found_after_a_period_prefix_only_as_whole_words() {
        assert_eq!(
            Status::stated_in("Q2 18/19: On Target"),
            Some(Status::OnTarget)
        );
        assert_eq!(Status::stated_in("Redesign under way"), None);
        assert_eq!(Status::stated_in(""), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    fn rank(s: Status) -> u8 {
        match s {
            Status::OnTarget => 2,
            Status::Warning => 1,
            _ => 0,
        }
    }

    proptest! {
        #[test]
        fn a_better_value_never_gives_a_worse_status(
            a in -1000.0f64..1000.0, b in -1000.0f64..1000.0, t in -1000.0f64..1000.0,
            tol in proptest::option::of(0.0f64..50.0), up in any::<bool>()
        ) {
            let (pol, better, worse) = if up {
                (Polarity::Up, a.max(b), a.min(b))
            } else {
                (Polarity::Down, a.min(b), a.max(b))
            };
            let tol = tol.map(Tolerance::Absolute);
            prop_assert!(rank(judge(Some(better), Some(t), pol, tol)) >= rank(judge(Some(worse), Some(t), pol, tol)));
        }

        #[test]
        fn band_a_value_nearer_the_target_is_never_worse(
            a in -1000.0f64..1000.0, b in -1000.0f64..1000.0, t in -1000.0f64..1000.0, tol in 0.0f64..50.0
        ) {
            let (near, far) = if (a - t).abs() <= (b - t).abs() { (a, b) } else { (b, a) };
            let tol = Some(Tolerance::Absolute(tol));
            prop_assert!(rank(judge(Some(near), Some(t), Polarity::Band, tol)) >= rank(judge(Some(far), Some(t), Polarity::Band, tol)));
        }
    }
}
