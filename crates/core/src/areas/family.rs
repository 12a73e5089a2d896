//! LGBF family groups. The Improvement Service groups the 32 councils into four
//! family groups twice over: for the Children, Social Work and Housing indicators by the
//! type of population they serve (deprivation and affluence), and for the
//! Environmental, Culture and Leisure, Economic Development, Corporate, Property and
//! Climate Change indicators by the type of area (rural, semi-rural, urban). A family
//! table names a council's group, and where it has a `Family` column, which of the two.

/// Which of the two families of indicators a family group is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Children, Social Work and Housing: grouped by deprivation.
    People,
    /// Environmental, Culture and Leisure, Economic Development, Corporate, Property,
    /// Climate Change: grouped by rurality.
    Place,
}

impl Family {
    /// The family a `Family` cell names: one that mentions children, social work or
    /// housing is [`Family::People`], one that mentions environment, culture, leisure,
    /// corporate, economic, property or climate is [`Family::Place`].
    pub fn parse(text: &str) -> Option<Family> {
        let t = text.to_lowercase();
        let any = |words: &[&str]| words.iter().any(|w| t.contains(w));
        if any(&["children", "social", "housing", "people", "deprivation"]) {
            Some(Family::People)
        } else if any(&[
            "environment",
            "culture",
            "leisure",
            "corporate",
            "economic",
            "property",
            "climate",
            "place",
            "rural",
        ]) {
            Some(Family::Place)
        } else {
            None
        }
    }
}

/// The family of an LGBF indicator, from its code: `CHN`, `SW` and `HSN` (children,
/// social work, housing) are [`Family::People`], every other code (`ENV`, `C&L`,
/// `ECON`, `CORP`, `CLIM`, `FINSUS`) [`Family::Place`].
///
/// ```
/// use scorecard_core::areas::{family_of, Family};
/// assert_eq!(family_of("CHN4"), Family::People);
/// assert_eq!(family_of("ENV2a"), Family::Place);
/// ```
pub fn family_of(code: &str) -> Family {
    let c = code.trim().to_uppercase();
    if ["CHN", "SW", "HSN"].iter().any(|p| c.starts_with(p)) {
        Family::People
    } else {
        Family::Place
    }
}
