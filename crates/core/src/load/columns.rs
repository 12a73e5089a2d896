//! Recognising a table from its headers: the aliases of each column, the header row
//! (below any title rows), and what kind of table the columns make.

use crate::period::Period;
use crate::problem::quote;
use crate::read::limits::COLUMN_NAME_CHARS;
use crate::read::Table;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Col {
    Code,
    Title,
    Group,
    Period,
    Value,
    Numerator,
    Denominator,
    Per,
    Target,
    AnnualTarget,
    Polarity,
    Tolerance,
    Cumulative,
    Unit,
    Decimals,
    Benchmark,
    Rank,
    RankOf,
    Note,
    Status,
    PopulationGroup,
    Area,
    StartDate,
    DueDate,
    Progress,
    /// The PI set a PI is reported in (Corporate, Service Plan).
    Set,
    /// Narrative text written for a section.
    Text,
    /// A risk register's columns.
    Likelihood,
    Impact,
    RiskScore,
    RiskRating,
    Owner,
    ReviewDate,
    Controls,
    /// Wide layout: the value of one period.
    ValueOf(Period),
    /// Wide layout: the target of one period.
    TargetOf(Period),
    /// The annual target of one financial year (`Annual Target 2018/19`).
    AnnualTargetOf(i32),
    /// Wide layout: the benchmark of one period.
    BenchmarkOf(Period),
    /// How the annual target stands through the year: `pro rata` or `flat`.
    TargetProfile,
    /// An area's code (`Area code`, `FeatureCode`), where the area is named by code.
    AreaCode,
    /// A council's LGBF family group (`Family Group`).
    FamilyGroup,
    /// The indicator family a family group is for (`Family`, `Indicator family`).
    Family,
    /// `Sex`: `Persons`/`All`, `Males`, `Females`.
    Sex,
    /// A tidy download's `Measurement` (`Count`, `Ratio`, `Mean`).
    Measurement,
    /// The population of one single year of age (`0`, `1`, … `89`).
    Age(u8),
    /// The population of an open-ended age band (`90+`).
    AgeAndOver(u8),
    /// `All ages`: the total population.
    AllAges,
}

/// Header aliases from the spec, compared with case, spaces, `_` and `-` removed.
pub(super) const ALIASES: &[(&str, Col)] = &[
    ("code", Col::Code),
    ("picode", Col::Code),
    ("indicatorcode", Col::Code),
    ("ref", Col::Code),
    ("title", Col::Title),
    ("indicator", Col::Title),
    ("pi", Col::Title),
    ("name", Col::Title),
    ("action", Col::Title),
    ("description", Col::Title),
    ("group", Col::Group),
    ("priority", Col::Group),
    ("outcome", Col::Group),
    ("section", Col::Group),
    ("service", Col::Group),
    ("period", Col::Period),
    ("quarter", Col::Period),
    ("year", Col::Period),
    ("value", Col::Value),
    ("actual", Col::Value),
    ("result", Col::Value),
    ("numerator", Col::Numerator),
    ("count", Col::Numerator),
    ("denominator", Col::Denominator),
    ("population", Col::Denominator),
    ("base", Col::Denominator),
    ("per", Col::Per),
    ("scale", Col::Per),
    ("multiplier", Col::Per),
    ("target", Col::Target),
    ("periodtarget", Col::Target),
    ("annualtarget", Col::AnnualTarget),
    ("polarity", Col::Polarity),
    ("aim", Col::Polarity),
    ("direction", Col::Polarity),
    ("tolerance", Col::Tolerance),
    ("warning", Col::Tolerance),
    ("threshold", Col::Tolerance),
    ("cumulative", Col::Cumulative),
    ("ytd", Col::Cumulative),
    ("yeartodate", Col::Cumulative),
    ("unit", Col::Unit),
    ("units", Col::Unit),
    ("decimals", Col::Decimals),
    ("dp", Col::Decimals),
    ("benchmark", Col::Benchmark),
    ("scotland", Col::Benchmark),
    ("national", Col::Benchmark),
    ("comparator", Col::Benchmark),
    ("scottishaverage", Col::Benchmark),
    ("rank", Col::Rank),
    ("lgbfrank", Col::Rank),
    ("rankof", Col::RankOf),
    ("outof", Col::RankOf),
    ("note", Col::Note),
    ("notes", Col::Note),
    ("comment", Col::Note),
    ("comments", Col::Note),
    ("commentary", Col::Note),
    // The action reports' comment column.
    ("comment&plannedimprovementaction", Col::Note),
    ("commentandplannedimprovementaction", Col::Note),
    ("plannedimprovementaction", Col::Note),
    ("latestnote", Col::Note),
    ("progresscomment", Col::Note),
    ("latestcomment", Col::Note),
    ("status", Col::Status),
    ("populationgroup", Col::PopulationGroup),
    ("agegroup", Col::PopulationGroup),
    ("area", Col::Area),
    ("startdate", Col::StartDate),
    ("start", Col::StartDate),
    ("duedate", Col::DueDate),
    ("due", Col::DueDate),
    ("progress", Col::Progress),
    ("progress%", Col::Progress),
    ("percentcomplete", Col::Progress),
    ("targetprofile", Col::TargetProfile),
    ("profile", Col::TargetProfile),
    ("targettype", Col::TargetProfile),
    ("localauthority", Col::Area),
    ("council", Col::Area),
    ("la", Col::Area),
    ("councilarea", Col::Area),
    ("areaname", Col::Area),
    ("featurename", Col::Area),
    ("areacode", Col::AreaCode),
    ("featurecode", Col::AreaCode),
    ("geographycode", Col::AreaCode),
    ("lacode", Col::AreaCode),
    ("councilcode", Col::AreaCode),
    ("familygroup", Col::FamilyGroup),
    ("family", Col::Family),
    ("indicatorfamily", Col::Family),
    ("sex", Col::Sex),
    ("gender", Col::Sex),
    ("measurement", Col::Measurement),
    ("datecode", Col::Period),
    ("allages", Col::AllAges),
    ("set", Col::Set),
    ("piset", Col::Set),
    ("indicatorset", Col::Set),
    ("type", Col::Set),
    ("pitype", Col::Set),
    ("plan", Col::Set),
    ("text", Col::Text),
    ("narrative", Col::Text),
    ("sectiontext", Col::Text),
    ("heading", Col::Group),
    ("risk", Col::Title),
    ("risktitle", Col::Title),
    ("riskdescription", Col::Title),
    ("riskcode", Col::Code),
    ("riskref", Col::Code),
    ("riskid", Col::Code),
    ("likelihood", Col::Likelihood),
    ("probability", Col::Likelihood),
    ("currentlikelihood", Col::Likelihood),
    ("impact", Col::Impact),
    ("severity", Col::Impact),
    ("currentimpact", Col::Impact),
    ("score", Col::RiskScore),
    ("riskscore", Col::RiskScore),
    ("currentriskscore", Col::RiskScore),
    ("currentscore", Col::RiskScore),
    ("rating", Col::RiskRating),
    ("riskrating", Col::RiskRating),
    ("currentriskrating", Col::RiskRating),
    ("risklevel", Col::RiskRating),
    ("owner", Col::Owner),
    ("riskowner", Col::Owner),
    ("managedby", Col::Owner),
    ("assignedto", Col::Owner),
    ("reviewdate", Col::ReviewDate),
    ("nextreview", Col::ReviewDate),
    ("nextreviewdate", Col::ReviewDate),
    ("lastreviewed", Col::ReviewDate),
    ("controls", Col::Controls),
    ("internalcontrols", Col::Controls),
    ("currentcontrols", Col::Controls),
    ("mitigation", Col::Controls),
    ("mitigatingactions", Col::Controls),
    ("controlsinplace", Col::Controls),
];

/// A header without spaces, `_` and `-`, in lower case. Every alias is ASCII, so ASCII
/// case is the only case that matters; folding it alone keeps Unicode's case tables out
/// of the page, which works out mapping signatures with this too.
pub(super) fn squash(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What a header names: an alias, or a period label with `value`/`target` around it.
pub(super) fn classify_header(header: &str) -> Option<Col> {
    let key = squash(header);
    if let Some((_, col)) = ALIASES.iter().find(|(a, _)| *a == key) {
        return Some(*col);
    }
    if let Some(age) = age_header(&key) {
        return Some(age);
    }
    let (period, rest) = Period::find_in(header)?;
    match squash(&rest).as_str() {
        "" | "value" | "values" | "actual" | "result" => Some(Col::ValueOf(period)),
        "target" | "periodtarget" => Some(Col::TargetOf(period)),
        "annualtarget" | "target(annual)" => Some(Col::AnnualTargetOf(period.financial_year())),
        "benchmark" | "scotland" | "scottishaverage" | "national" | "comparator" => {
            Some(Col::BenchmarkOf(period))
        }
        _ => None,
    }
}

/// A single year of age (`0` to `120`, `Age 5`) or an open-ended band (`90+`, `90 and
/// over`), as population estimates head their columns; `key` is [`squash`]ed.
fn age_header(key: &str) -> Option<Col> {
    let key = key.strip_prefix("age").unwrap_or(key);
    let (digits, open) = match key.find(|c: char| !c.is_ascii_digit()) {
        None => (key, false),
        Some(i) => match &key[i..] {
            "+" | "andover" | "plus" | "andolder" => (&key[..i], true),
            _ => return None,
        },
    };
    let age: u8 = digits.parse().ok().filter(|a| *a <= 120)?;
    Some(if open {
        Col::AgeAndOver(age)
    } else {
        Col::Age(age)
    })
}

/// What a table was recognised as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Long,
    Wide,
    Metadata,
    Population,
    Actions,
    /// Values of many areas (councils) per indicator and period: an LGBF all-council
    /// download, or a tidy statistical download (`FeatureCode`, `DateCode`, `Measurement`).
    AreaValues,
    /// Councils and their LGBF family groups.
    FamilyGroups,
    /// Mid-year population estimates by single year of age (NRS shape).
    PopulationByAge,
    /// A complaints case list: one row per complaint (or per stage of one).
    CaseList,
    /// A list of the council's local holidays.
    Holidays,
    Narrative,
    Risks,
}

impl Kind {
    pub(super) fn describe(self) -> &'static str {
        match self {
            Kind::Long => "indicator values (long layout)",
            Kind::Wide => "indicator values (wide layout)",
            Kind::Metadata => "indicator definitions",
            Kind::Population => "population table",
            Kind::Actions => "actions",
            Kind::AreaValues => "values of every council (LGBF or statistics download)",
            Kind::FamilyGroups => "LGBF family groups",
            Kind::PopulationByAge => "population estimates by single year of age",
            Kind::CaseList => "complaints case list",
            Kind::Holidays => "local holidays",
            Kind::Narrative => "narrative sections",
            Kind::Risks => "risk register",
        }
    }
}

/// The header row and what each column holds.
pub(super) struct Columns {
    pub(super) header_row: usize,
    /// Each column's name as messages quote it (cut to [`COLUMN_NAME_CHARS`]).
    pub(super) names: Vec<String>,
    /// How many columns at the end have no name: a row may leave them out. Counted once
    /// here, not for each short row (a header may end in a million empty columns).
    pub(super) unnamed_at_end: usize,
    pub(super) cols: Vec<Option<Col>>,
    /// For each plain column kind (see [`slot`]), the first column that holds it.
    pub(super) first: [Option<usize>; SLOTS],
    /// For a table read with a column mapping: each column's canonical header, which a
    /// case list is recognised by (its columns are found by name, not by [`Col`]). Empty
    /// where the names are the headers as written.
    pub(super) canonical: Vec<String>,
}

/// How many column kinds [`slot`] numbers.
pub(super) const SLOTS: usize = 41;

/// A number for each column kind that names no period, to look columns up by. Inlined:
/// at a call with a constant column it folds to a constant.
#[inline(always)]
pub(super) fn slot(c: Col) -> Option<usize> {
    Some(match c {
        Col::Code => 0,
        Col::Title => 1,
        Col::Group => 2,
        Col::Period => 3,
        Col::Value => 4,
        Col::Numerator => 5,
        Col::Denominator => 6,
        Col::Per => 7,
        Col::Target => 8,
        Col::AnnualTarget => 9,
        Col::Polarity => 10,
        Col::Tolerance => 11,
        Col::Cumulative => 12,
        Col::Unit => 13,
        Col::Decimals => 14,
        Col::Benchmark => 15,
        Col::Rank => 16,
        Col::RankOf => 17,
        Col::Note => 18,
        Col::Status => 19,
        Col::PopulationGroup => 20,
        Col::Area => 21,
        Col::StartDate => 22,
        Col::DueDate => 23,
        Col::Progress => 24,
        Col::TargetProfile => 25,
        Col::AreaCode => 26,
        Col::FamilyGroup => 27,
        Col::Family => 28,
        Col::Sex => 29,
        Col::Measurement => 30,
        Col::AllAges => 31,
        Col::Set => 32,
        Col::Text => 33,
        Col::Likelihood => 34,
        Col::Impact => 35,
        Col::RiskScore => 36,
        Col::RiskRating => 37,
        Col::Owner => 38,
        Col::ReviewDate => 39,
        Col::Controls => 40,
        Col::ValueOf(_)
        | Col::TargetOf(_)
        | Col::AnnualTargetOf(_)
        | Col::BenchmarkOf(_)
        | Col::Age(_)
        | Col::AgeAndOver(_) => return None,
    })
}

impl Columns {
    pub(super) fn has(&self, c: Col) -> bool {
        self.cols.contains(&Some(c))
    }

    /// The headers a case list's columns are found by: the canonical ones of a mapped
    /// table, else the names as written.
    pub(super) fn headers(&self) -> impl Iterator<Item = &str> {
        if self.canonical.is_empty() {
            &self.names
        } else {
            &self.canonical
        }
        .iter()
        .map(String::as_str)
    }
}

/// Finds the header: the first of the first 20 rows in which at least two cells are
/// recognised (reports often carry a title row or two above their table).
pub(super) fn find_header(table: &Table) -> Option<Columns> {
    for (i, cells) in table.rows().enumerate().take(20) {
        let cols: Vec<Option<Col>> = cells.cells().map(classify_header).collect();
        // Ages (`0`, `1`, `90+`) alone do not make a header: a row of numbers is data.
        let named = cols
            .iter()
            .filter(|c| c.is_some_and(|c| !matches!(c, Col::Age(_) | Col::AgeAndOver(_))))
            .count();
        if named >= 2
            || super::case_list::kind_of_header(&cells.cells().collect::<Vec<_>>()).is_some()
        {
            let mut first = [None; SLOTS];
            for (i, c) in cols.iter().enumerate() {
                if let Some(s) = c.and_then(slot) {
                    first[s].get_or_insert(i);
                }
            }
            // Cut once here: a message names the column for each bad row.
            let names: Vec<String> = cells
                .cells()
                .map(|h| quote(h.trim(), COLUMN_NAME_CHARS))
                .collect();
            let unnamed_at_end = names.iter().rev().take_while(|n| n.is_empty()).count();
            return Some(Columns {
                header_row: i,
                names,
                unnamed_at_end,
                cols,
                first,
                canonical: Vec::new(),
            });
        }
    }
    None
}

pub(super) fn kind_of(cols: &Columns) -> Option<Kind> {
    let has = |c| cols.has(c);
    let wide = cols.cols.iter().any(|c| matches!(c, Some(Col::ValueOf(_))));
    let ages = cols
        .cols
        .iter()
        .any(|c| matches!(c, Some(Col::Age(_) | Col::AgeAndOver(_) | Col::AllAges)));
    let area = has(Col::Area) || has(Col::AreaCode);
    let values = has(Col::Value) || has(Col::Numerator);
    if let Some(kind) = super::case_list::kind_of_header(&cols.headers().collect::<Vec<_>>()) {
        Some(kind)
    } else if area && has(Col::Sex) && ages && !values {
        Some(Kind::PopulationByAge)
    } else if has(Col::Area) && has(Col::FamilyGroup) && !has(Col::Period) && !values {
        Some(Kind::FamilyGroups)
    } else if area
        && has(Col::Period)
        && values
        && (has(Col::Measurement) || has(Col::Code) || has(Col::Title))
    {
        Some(Kind::AreaValues)
    } else if has(Col::DueDate) && has(Col::Progress) {
        Some(Kind::Actions)
    } else if has(Col::PopulationGroup)
        && has(Col::Denominator)
        && has(Col::Period)
        && !has(Col::Code)
        && !has(Col::Title)
        && !has(Col::Value)
        && !has(Col::Numerator)
    {
        Some(Kind::Population)
    } else if (has(Col::Likelihood) && has(Col::Impact))
        || ((has(Col::RiskScore) || has(Col::RiskRating)) && !has(Col::Value) && !wide)
    {
        Some(Kind::Risks)
    } else if has(Col::Text) && (has(Col::Group) || has(Col::Title)) && !has(Col::Value) && !wide {
        Some(Kind::Narrative)
    } else if !(has(Col::Code) || has(Col::Title)) {
        None
    } else if has(Col::Period) {
        Some(Kind::Long)
    } else if wide {
        Some(Kind::Wide)
    } else {
        Some(Kind::Metadata)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_header_aliases_case_and_spacing_insensitively() {
        assert_eq!(classify_header("PI Code"), Some(Col::Code));
        assert_eq!(classify_header("pi_code"), Some(Col::Code));
        assert_eq!(classify_header("Year-To-Date"), Some(Col::Cumulative));
        assert_eq!(
            classify_header("Annual Target 2018/19"),
            Some(Col::AnnualTargetOf(2018))
        );
        assert_eq!(
            classify_header("Q2 2018/19 Value"),
            Some(Col::ValueOf(Period::Quarter { fy: 2018, q: 2 }))
        );
        assert_eq!(classify_header("Favourite colour"), None);
        assert_eq!(classify_header("Target profile"), Some(Col::TargetProfile));
        assert_eq!(classify_header("Target Type"), Some(Col::TargetProfile));
    }
}
