//! The help page: every rule the calculator applies, in plain words, with an example.
//! Rules the specification leaves open are marked "Scorecard's rule".

use yew::prelude::*;

struct Rule {
    name: &'static str,
    text: &'static str,
    example: &'static str,
    /// A rule the specification leaves open, decided by Scorecard.
    ours: bool,
}

const RULES: &[Rule] = &[
    Rule {
        name: "Periods",
        text: "Years run from 1 April to 31 March. Quarters: Q1 April–June, Q2 July–September, Q3 October–December, Q4 January–March. Labels are read in any usual form: 2018/19, 2018-19, FY 2018/19, Q2 2018/19, Q2 18/19, 2018/19 Q2, Sep 2018, 2018-09, and dates (30/09/2018, 30-Sep-2018), which stand for the quarter that contains them.",
        example: "The previous period of Q1 2018/19 is Q4 2017/18; the same period last year of Q2 2018/19 is Q2 2017/18.",
        ours: false,
    },
    Rule {
        name: "2011-12 is a year, not December",
        text: "Where the second number is the year after the first, the label is read as a financial year.",
        example: "2011-12 is the year 2011/12; 2011-10 is October 2011.",
        ours: true,
    },
    Rule {
        name: "Report period",
        text: "The latest period in which any indicator has a value, unless you choose another. An indicator reported only at another frequency (a yearly one in a quarterly report) shows its latest period that ends by the report period's end, named beside its title.",
        example: "Complaints data up to Q2 2018/19 give a Q2 2018/19 report; a yearly indicator in it shows 2017/18.",
        ours: true,
    },
    Rule {
        name: "Values",
        text: "The value as written (1,309, 98%, £15.846m, 18.33). Empty, N/A, -, n/a and .. mean no value, never zero. Where there is no value but a numerator and denominator, the value is numerator ÷ denominator × per (per is 100 for a percentage, 1,000 for a rate per 1,000). A zero denominator gives no value and a data-check message. Where both a value and its feeder data are given and they differ, the stated value is used and the difference is shown.",
        example: "42 names on the register ÷ 19,090 children aged 0–15 × 1,000 = 2.2 per 1,000.",
        ours: false,
    },
    Rule {
        name: "Population",
        text: "A rate whose denominator is empty and which names a population group takes that group's mid-year estimate for the calendar year in which the period's financial year starts, else the latest earlier estimate. The detail view says which year was used.",
        example: "Any period of 2023/24 uses the mid-2023 estimate.",
        ours: false,
    },
    Rule {
        name: "Decimals and rounding",
        text: "Figures are shown with the indicator's decimals: as stated in a decimals column, else the most that its own values show. A value worked out from feeder data of an indicator with no decimals given and no written values shows one decimal. Rounding is half away from zero, as Excel rounds, after cutting binary noise at 15 significant digits. Targets are shown without trailing zeros.",
        example: "An indicator whose values include 70.37% shows 75% as 75.00%; 2.675 at two decimals is 2.68.",
        ours: true,
    },
    Rule {
        name: "Effective target",
        text: "A period's own target; else, for a cumulative (year-to-date) indicator, the annual target times the share of the financial year elapsed at the period's end (Q1 a quarter, Q2 half, Q3 three quarters, Q4 all; a month its months ÷ 12); else the annual target.",
        example: "A cumulative indicator with an annual target of 100 is judged against 50 at the end of Q2.",
        ours: false,
    },
    Rule {
        name: "Status",
        text: "Compared on the value as shown. Higher is better: at or above the target On Target; within the tolerance below it Warning; else Off Target. Lower is better: the mirror. Closest to target: within ± tolerance On Target, within ± twice the tolerance Warning, else Off Target. A value exactly on a boundary gets the better status. No tolerance means no Warning. No value: Data Not Yet Available. No polarity or no target: Data Only.",
        example: "15.13 days against a target of 20 (lower is better): On Target. 75% against 95% (higher is better): Off Target.",
        ours: false,
    },
    Rule {
        name: "Closest-to-target with no tolerance",
        text: "Only a value exactly on the target (as shown) is On Target; any other is Off Target.",
        example: "Target 100, value 100.0: On Target; value 101: Off Target.",
        ours: true,
    },
    Rule {
        name: "Published status in a note",
        text: "A note that begins with a status, after an optional period and colon, is read as the status the file states; a Status column does the same. Scorecard still computes the status itself, and shows both where they differ. In the wide layout a note belongs to the period it names, else to the row's latest period with a value.",
        example: "“Q2 18/19: Off Target 2 of 8 stage 2 complaints off target.” states Off Target for Q2 2018/19.",
        ours: true,
    },
    Rule {
        name: "Short trend",
        text: "The value against the previous period of the same frequency; for a cumulative indicator, against the same period last year, since year-to-date figures only compare across years. Improving, No Change or Getting Worse by polarity (closest-to-target: nearer the target is better); for a data-only indicator, Up, No Change or Down. Nothing to compare with: -.",
        example: "Stage 2 response time 15.13 days in Q2 against 15.67 in Q1, lower is better: Improving.",
        ours: false,
    },
    Rule {
        name: "Long trend",
        text: "The value against the mean of the values of the four periods before it, of the same frequency, using those of the four that have a value (for a cumulative indicator, the same period in each of the four years before). The mean is rounded as the indicator is shown before comparing.",
        example: "Stage 2 response time 15.13 in Q2 2018/19 against the mean of Q1 2018/19 (15.67) and Q2 2017/18 (13.23), 14.45: Getting Worse.",
        ours: true,
    },
    Rule {
        name: "Change",
        text: "(new − old) ÷ old × 100, rounded to a whole percentage, against the same period last year, else the previous period. For a percentage indicator the difference in percentage points leads, as councils write it (\"a 7 percentage point decrease (16% decrease) from 45% to 38%\"). From zero there is no percentage.",
        example: "From 1,309 in Q1 2020/21 to 1,893 in Q1 2021/22 is a 45% increase.",
        ours: true,
    },
    Rule {
        name: "Benchmark",
        text: "The value against the benchmark (such as the Scottish average) for the same period, both as shown: Better, Same or Worse by polarity; Higher or Lower for a data-only indicator.",
        example: "2.2 per 1,000 against a Scottish average of 2.3, lower is better: Better.",
        ours: false,
    },
    Rule {
        name: "Rank and quartile",
        text: "Rank r of n gives quartile ⌈4r ÷ n⌉: 1 Top, 2 Second, 3 Third, 4 Bottom. Where the number ranked is not given, 32 councils.",
        example: "8th of 32: Top Quartile; 9th: Second Quartile.",
        ours: false,
    },
    Rule {
        name: "Summary",
        text: "For each group and for the whole report, the count of indicators in each status at the report period, and the share On Target = On Target ÷ (On Target + Warning + Off Target).",
        example: "● 2 ▲ 0 ✓ 4 ? 0 📊 6: 67% on target.",
        ours: false,
    },
    Rule {
        name: "Actions",
        text: "Expected progress at the end of the report period = days from the start to then ÷ days from the start to the due date, both counted including their first and last day, between 0 and 100%. The start is the financial year's first day where not given. Complete at 100%; Overdue when past due and not complete; not started yet: On Target; progress at least 90% of expected: On Target; at least 70%: Warning; else Off Target.",
        example: "Started 1 Apr 2018, due 31 Mar 2019, 50% done at 30 Sep 2018: 183 of 365 days, 50.1% expected, On Target.",
        ours: false,
    },
    Rule {
        name: "Definitions sheets",
        text: "A sheet or file with indicator columns but no periods defines indicators for the value files: title, group, polarity, tolerance, cumulative, unit, decimals, population group, and also the multiplier (Per) and a Target that stands for every period with no target or annual target of its own.",
        example: "A definitions row “CP.01, per 1,000, population group 0-15” turns a register count of 42 into 2.2 per 1,000.",
        ours: true,
    },
    Rule {
        name: "Spreadsheet formats",
        text: "A workbook cell formatted as a percentage is read as the percentage Excel shows, with the format's decimals (at most 10). Dates are read as dates, in workbooks on the 1900 and the 1904 date systems alike; a date serial outside the years 1900 to 9999 is not a date, and is named in a message. In a semicolon-separated CSV (what Excel writes in a continental locale) a number with a comma is read the continental way; a number with a point and no comma is an ordinary decimal, unless it has two or more points, which then separate thousands.",
        example: "0.875 formatted 0.0% is 87.5%; in a semicolon file 5,5 is 5.5, 1.309,25 is 1,309.25, 0.125 is 0.125 and 1.234.567 is 1,234,567.",
        ours: true,
    },
    Rule {
        name: "Several files",
        text: "Files are read in the order given and merged by indicator code and period. A later value for the same code and period replaces the earlier one, with a notice. Settings (title, polarity, tolerance, unit...) may stand on any row: the latest non-empty one wins.",
        example: "Dropping a corrected Q2 file after the original shows the corrected values and says which were replaced.",
        ours: false,
    },
    Rule {
        name: "Bad rows",
        text: "A cell that cannot be read is named by file, row (as your spreadsheet numbers it) and column, and left out; the rest of the file still counts. A row with more or fewer fields than the header (often an unquoted comma in a title) is left out whole. After five of the same problem in a column, the rest are counted, not listed.",
        example: "“broken.csv, row 3, column 'value': expected a number such as 1,309, 98% or £15.8m, found 'twelve'”.",
        ours: true,
    },
    Rule {
        name: "Large files",
        text: "Files are read on a thread of their own, so the page keeps working meanwhile. A file over about 1 MB shows how far reading has got: reading the text takes the bar to half way, loading its rows the rest. Cancel stops at once and goes back to the files you had before.",
        example: "A 90 MB file of 1,000,000 rows shows “Reading your data: 45% of 89 MB” with a Cancel button.",
        ours: true,
    },
    Rule {
        name: "Limits",
        text: "So that no file can stop the page, Scorecard refuses, with a message naming the file, what no real report needs: a file over 536 MB (512 MiB); a workbook that unpacks to more than 1,074 MB (1 GiB), or one of its parts to more than 536 MB, counted as it unpacks rather than as the file claims, more than 200 times its own size, more than 1,000 sheets, 50 million cells in a sheet or 100 million in the workbook, or 268 MB (256 MiB) of cell text (a text repeated in many cells counts each time); a cell reference beyond XFD1048576. A cell over 100,000 characters and a row beyond column 16,384 are left out with a message; the rest of the file counts. Empty cells cost nothing. A quote opened and never closed is named with the row it opened in. Long column names are cut to 60 characters in messages.",
        example: "“q2.xlsx › Values: the sheet has a cell reference 'ABENCHMARK2', beyond XFD1048576, the last cell a sheet can have; the workbook is damaged and was refused”.",
        ours: true,
    },
    Rule {
        name: "If the engine stops",
        text: "The engine that reads and computes runs apart from the page. If it stops (a file it cannot cope with, or the browser running short of memory), the page says so and restarts it with your files: the files that were not being read go first, then each file that was, on its own. A file that stops the engine twice, the second time alone, is left out and named; every other file still counts, and the page is never left on “Reading…”. If the engine cannot start at all, or stops five times in a row, the page asks you to reload it.",
        example: "“big.xlsx stopped Scorecard's engine twice, so it was left out; every other file still counts.”",
        ours: true,
    },
    Rule {
        name: "Share links and kept data",
        text: "A link carries a format number, so a link made by another version of Scorecard is refused with that reason rather than misread. Everything a link sets is checked before it is used: periods (months 1–12, quarters 1–4, years 1990–2100), the suppression threshold (1–99), the length of a search or code, and, where it carries data, at most 50 files, names of at most 255 characters and 64 MB unpacked. Opening a link never changes the view or data this browser keeps for you. If the browser will not keep your data (its storage is full), the page says so and unticks the box.",
        example: "A link whose view names month 13 opens an empty, working page with “the month is 13; a month is 1 to 12”.",
        ours: true,
    },
    Rule {
        name: "Small-number suppression",
        text: "With suppression on, a count from 1 to the threshold (4 unless you choose another) is shown as c, and so is a rate or percentage worked out from such a count: in the table, the history, the chart, the trend and change sentences, the group's summary sentence, the benchmark comparison, the data checks, print, and both downloads. Statuses and counts of statuses stay, as they do not disclose the figure.",
        example: "3 complaints escalated shows as c, and “improved from 2 to 9” is not written.",
        ours: true,
    },
    Rule {
        name: "Sparklines",
        text: "The small line beside each value shows the indicator's last 8 periods up to the report period. Opening the indicator shows every period, in a chart and a table.",
        example: "A quarterly indicator with ten years of data: the sparkline covers the last two years; its details list all 40 quarters.",
        ours: true,
    },
    Rule {
        name: "PI sets",
        text: "A set column (also PI set, PI type, type or plan) puts each PI in a set such as Corporate or Service Plan. Each set gets its own summary line at the head of the report and a list naming its PIs that are Off Target, as the published reports head a service. The groups (headings) stay as they are: a set runs across them.",
        example: "Type = Corporate on ten rows and Service Plan on twenty: \"Corporate PIs (latest) ● 0 ✓ 10\" and \"Service Plan PIs Off Target ● 3\" with the three named.",
        ours: true,
    },
    Rule {
        name: "Commentary",
        text: "Narrative sections come from a sheet or file with a section (or heading, or title) column and a text column, and optionally a period column: the report shows each section's text written for the report period, else its text written for no period. Rows of one section join as paragraphs; a line break in a cell starts a new paragraph. Sections written with \"Write commentary\" are kept as a small file in your file list, so they travel with your data in links and kept data; remove that file to take the section out. An action's comment column (Comment, Comment & Planned Improvement Action) is shown beside the action and exported with it.",
        example: "Section = 02. Challenges and Risks, Period = Q2 2021/22, Text = Workforce capacity remains the main risk.",
        ours: true,
    },
    Rule {
        name: "Risks",
        text: "A risk register (columns such as Risk Code, Risk Title, Likelihood, Impact, Current Risk Score or Risk Rating, Risk Owner, Next Review Date, Internal Controls) is read like the other files. Likelihood and impact are 1 to 5, or their usual names (Rare, Unlikely, Possible, Likely, Almost certain; Insignificant, Minor, Moderate, Major, Catastrophic). The score is as stated, else likelihood × impact; the rating is as stated (High, Medium, Low, or Red, Amber, Green), else from the score on the usual 5 × 5 matrix: 15 to 25 High, 6 to 12 Medium, 1 to 5 Low. The report heads with \"High Risks ▲\" naming them, and lists the register highest rated first: High ▲, Medium △, Low ○, always with the word.",
        example: "Likelihood 4 (Likely) × impact 4 (Major) = 16: High.",
        ours: true,
    },
];

#[function_component(Help)]
pub fn help() -> Html {
    html! {
        <details class="help no-print" id="help">
            <summary>{ "How Scorecard works out each figure" }</summary>
            <p>{ "Every rule the calculator applies. Rules marked " }<em>{ "Scorecard's rule" }</em>
               { " settle questions the usual practice leaves open." }</p>
            <dl class="rules">
            { for RULES.iter().map(|r| html! {
                <>
                <dt>{ r.name }if r.ours { <span class="ours">{ " Scorecard's rule" }</span> }</dt>
                <dd><p>{ r.text }</p><p class="example"><strong>{ "Example: " }</strong>{ r.example }</p></dd>
                </>
            }) }
            </dl>
        </details>
    }
}
