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
        text: "A period's own target; else the annual target, pro-rated or flat by the indicator's target profile (see Target profile): pro rata is the annual target times the share of the financial year elapsed at the period's end (Q1 a quarter, Q2 half, Q3 three quarters, Q4 all; a month its months ÷ 12); flat is the annual target as it stands.",
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
        text: "A note that begins with a status, after an optional period and colon, is read as the status the file states; a Status column does the same. Where the indicator has a polarity (given, or inferred: see below), Scorecard computes the status itself, and shows both where they differ. In the wide layout a note belongs to the period it names, else to the row's latest period with a value.",
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
        name: "Report-shaped tables",
        text: "Tables copied from a published report or exported from Pentana are read as they stand: several tables on one sheet or in one pasted text, each under a section heading (a row whose only text is in its first cell; a title above a table counts too); one or two header rows (periods and fixed columns such as PI Code, PI, Priority, Annual Target 2018/19, Benchmark, Feeder Data, External Comparison; then Value under each period, Status, Note and Short Trend beside the last); PIs keyed by code, or by title where the table has no code. Status, Note and Benchmark belong to the table's latest period; N/A, an empty cell and “New for 2019/20” mean no value. The status a note states (“Q2 18/19: Off Target …”) is kept as the status the file states. External Comparison text gives a rank per year, of 32 where it does not say.",
        example: "“Q3 2023/24” above Value, Status, Note and Short Trend, with its cell merged across them: the value is Q3 2023/24's, and so are the status and note beside it.",
        ours: false,
    },
    Rule {
        name: "Headings, priorities and continuation rows",
        text: "The latest section heading above a PI is its group; where the table also has a Priority column, the priority is shown with the PI instead of being its group (without a heading, the priority is the group). A row with no code and no period values continues the PI above it (for a table keyed by title, any row with no period values does): text under Feeder Data and Value adds a feeder item, other text continues the title or note, joined with one space. Where two feeder items give the value as a ratio (either way round, × 1, 100 or 1,000) within a tenth of it, the ratio is shown, and a difference from the stated value as shown is a data check; otherwise the items are only shown. A stated quartile that the rank does not give (rank r of n is quartile ⌈4r/n⌉) is named in a notice, and the rank's quartile is shown.",
        example: "Number paid within 30 days 11,500 and Number received 12,500 under a PI showing 92%: “11,500 of 12,500 is 92%”. A title ending “(cumulative) -” followed by a row reading “for information.” becomes “… (cumulative) - for information.”",
        ours: true,
    },
    Rule {
        name: "Sheets and rows passed over",
        text: "A sheet of a workbook that holds no table Scorecard recognises (a cover sheet, a chart's data) is named in a notice saying why, and the other sheets still count. Rows with text that stand under no table header (a note between tables) are counted in a notice. Workbook numbers are read as Excel shows them: 0.9 formatted 0% is 90%, 9812 formatted \"£\"#,##0.00 is £9,812.00, 11.2 formatted 0.00 is 11.20.",
        example: "“council.xlsx › Cover: this sheet was passed over: no header row found …”.",
        ours: true,
    },
    Rule {
        name: "Stated statuses where no polarity is given",
        text: "A table copied from a published report states each status in its notes but rarely says which way is better. Where no file gives an indicator a polarity (no polarity column, or an empty cell: not the same as “none”, which means data only) and none can be inferred, the status the file states for a period with a value is the status, shown “(as stated)”; Scorecard never makes one up. A period with no value is Data Not Yet Available whatever the note says, and a period with no stated status is Data Only.",
        example: "“Q3 23/24: Warning” for 86% against 90% with no polarity and no tolerance: Warning (as stated), “86% against a target of 90% (status as published in the file; no polarity given): Warning”.",
        ours: true,
    },
    Rule {
        name: "Polarity inferred from stated statuses",
        text: "Where no polarity is given, Scorecard tries higher-is-better and lower-is-better against every period whose stated status is On Target, Warning or Off Target and that has a value and a target. A polarity is inferred only where exactly one of the two gives every stated status; Data Only and N/A statements are no evidence, closest-to-target is never inferred (it needs a tolerance), and a Warning with no tolerance fits neither, so it stays as stated. The status is then computed and checked against the stated one, and the reason says where the polarity came from. Inference is redone from scratch whenever files are added or removed; a polarity in any file always wins.",
        example: "7.45 days lost stated Off Target against 6.75: “7.45 against 6.75, three quarters of the annual 9.00 at Q3 (lower is better, inferred from the status published for Q3 2023/24): Off Target”.",
        ours: true,
    },
    Rule {
        name: "Cumulative from the title",
        text: "Where no cumulative column gives a value for an indicator, a title containing “(cumulative)”, “(year to date)” or “(YTD)”, in any case and anywhere (at the end, or before a remark such as “- for information.”), makes it cumulative. A cumulative column saying “no” wins over the title.",
        example: "“Tonnes of salt used (cumulative) - for information.” is cumulative; “Cumulative effect of delays” is not.",
        ours: true,
    },
    Rule {
        name: "Target profile",
        text: "How an annual target stands in a period with no target of its own. Pro rata: the share of the year elapsed, for values that accumulate (a year-to-date count, days lost per FTE so far). Flat: the whole annual target every period, for values that do not grow through the year even when year to date (a percentage of a year-to-date base, an average, a ratio). Default: pro rata for a cumulative indicator whose unit is not %, flat otherwise. A “target profile” column (also “profile”, “target type”) overrides it: pro rata, pro-rata, prorata, profiled or phased; flat, annual, fixed or constant. A pro-rated target is shown with up to two more decimals than the values.",
        example: "“% of invoices paid within 30 days (cumulative)” at 60% in Q2 against an annual 95% is Off Target (“60% against the annual target of 95%, flat through the year”), not On Target against 47.5%. Days lost per FTE: “6.05 days against 4.5, half of the annual 9.00 at Q2 (lower is better): Off Target”.",
        ours: false,
    },
    Rule {
        name: "The definitions file",
        text: "“Download definitions” (CSV, or “Definitions XLSX”) lists every indicator with what was read or worked out: code, title, group, priority, polarity, cumulative, target profile, unit, decimals, tolerance, per, population group and a standing target, and beside polarity, cumulative, target profile, unit and decimals a column saying where each came from (file, title, values, default, “inferred from Q2 2018/19”, not given). Correct it and drop it beside next quarter's data: it is read as a definitions table and its settings win, since settings from a file always outrank inferred ones. A polarity that was neither given nor inferred is left empty, so it stays not given.",
        example: "Change 01's polarity from “down” to “up” and drop the file with the data: 01 is computed higher-is-better and the stated On Target is shown as differing.",
        ours: true,
    },
    Rule {
        name: "The Word document",
        text: "“Download Word (.docx)” writes the report as it is shown (the report period, and suppression if it is on) as a Word document for a committee paper: the title and period, the commentary's sections, the summary of statuses by group, each PI set's line with its Off Target list, each group's table with the status as symbol and words, the risks, the actions with their comments, and a key to the symbols. Headings use Word's own Heading 1 to 3 styles, so pasted into a committee template they take its look; the pages are A4 landscape, and each table's header row repeats at the top of every page it runs onto. It opens in Word and LibreOffice, and is made in this browser like every other download.",
        example: "A status cell reads “● Off Target”, never a colour alone; a withheld count reads c, as on screen.",
        ours: true,
    },
    Rule {
        name: "LGBF all-council downloads",
        text: "A table with a council column (Local Authority, Council, LA or Area), an indicator code or title, a year (2016-17, 2016/17) and a value (or numerator and denominator) holds every council's figures. Scorecard keeps them all and asks once which council is yours; the choice is kept in this browser and applied next time (not put in share links: whoever opens one sees the council they chose). The report then shows your council's series with each year's rank, quartile, the Scottish average and, where a family-group table is given, your family group's average. A row for Scotland (or S92000003) is the Scottish figure, never a council.",
        example: "Local Authority,Indicator Code,Indicator,Year,Value / Midlothian,CHN4,% of pupils gaining 5+ awards at level 5,2019-20,56.8 / Scotland,CHN4,…,2019-20,62.6.",
        ours: true,
    },
    Rule {
        name: "LGBF ranks",
        text: "Each year the councils with a value are ranked on the values as the file gives them (not rounded): rank 1 is the best by the indicator's polarity, from a polarity column or a definitions file. Councils with the same value share the better rank (1, 2, 2, 4). Councils without a value are not ranked and do not count in n. An indicator with no polarity (or closest-to-target) is ranked highest first, and a notice says so. The quartile is ⌈4r/n⌉. A rank given in your council's own file stands.",
        example: "56.8 is 26th of the 31 councils with a value (higher is better): ⌈4 × 26 ÷ 31⌉ = 4, Bottom Quartile.",
        ours: true,
    },
    Rule {
        name: "Scottish average and family groups",
        text: "The Scottish average is the file's Scotland row where it has one, else the plain mean of the councils with a value. A family-group table has columns Local Authority and Family Group, and optionally Family: the Improvement Service groups councils once for the Children, Social Work and Housing indicators (by deprivation) and once for the Environmental, Culture and Leisure, Economic Development, Corporate, Property and Climate Change indicators (by rurality). Indicator codes starting CHN, SW or HSN belong to the first family, every other code to the second; a table with no Family column applies to every indicator. The family average is the mean of the group's councils with a value, yours included, shown under the benchmark.",
        example: "Midlothian is in family group 2 for children's indicators: the mean of the 8 councils of that group, 61.8, is shown beside the Scottish 62.6.",
        ours: true,
    },
    Rule {
        name: "Mid-year population estimates (NRS)",
        text: "A table with Area code and/or Area name, Sex (Persons or All, Males, Females) and a column per single year of age (0, 1, … 89, 90+) and/or All ages. The year is a Year column, else the title above the header (Mid-2021 population estimates), else the sheet's name, else the file's name. The single years are kept, and each population group a PI names is summed from them when needed: 0-15, 0 to 15, aged 16-64, 16+, 65 and over, under 18, all ages. Persons rows are used, else Males plus Females. A band that would cut through a column (0-95 where the file has 90+) gives no population. Of several areas, your council's rows are used; a file of one area uses it; a file of only Scotland uses Scotland.",
        example: "Midlothian's persons aged 0 to 15 in the mid-2023 estimates add up to 19,090: 42 children on the register is 2.2 per 1,000.",
        ours: true,
    },
    Rule {
        name: "Statistics downloads (statistics.gov.scot)",
        text: "A tidy table with FeatureCode (the area), DateCode (the period), Measurement, Units, Value and a column per dimension. Each combination of the dimensions and the measurement is one indicator, named by them. DateCode 2019 (a calendar year) is read as the financial year that starts in it, 2019/20; 2019-Q1 (January to March 2019) as Q4 2018/19; 2019M08 as August 2019; 2019/2020 as 2019/20; ranges of years (2005-2007) are not read. Units Percent shows values as %; money as £; other units (People, Ratio) are named in the indicator instead. Areas are shown as the file names them: by code (S12000019) where there is no name column. With several areas, the council choice above applies.",
        example: "FeatureCode S12000019, DateCode 2019-Q4, Measurement Ratio, Units Percent, Value 2.2, Age 16-64, Gender All: the indicator 'Age 16-64, Gender All, Ratio' is 2.2% in Q3 2019/20.",
        ours: true,
    },
    Rule {
        name: "Column mapping",
        text: "A sheet or table whose headers Scorecard cannot place is never dropped silently: a message names it with what was found, and the Column mapping section shows its first rows with a list for each column: PI code, indicator title, group, period, value, numerator, denominator, per, target, annual target, polarity, tolerance, cumulative, unit, decimal places, benchmark, rank, number ranked, note, status, age group, population, area, start and due dates, progress, or not used. In a wide table each column of values is given as “Value of one period” with its period written beside it (and an annual target column as “Annual target of one year”). The table is then read exactly as if its headers had been the ones named, and its messages name the columns as you wrote them. The choice needs a column for the code or the title, and a period for any values; a role may be given to one column only. It is kept in this browser for the header row it was made for (compared as headers are: case, spaces, _ and - ignored) and used for every later table with those headers, found in its first 20 rows, with a message saying so; Forget removes it and the table is offered again. A header row is needed: rows above it are not read. Only a table's first 60 columns can be given a role. A sheet with no row of two cells or more (a cover page) is named as having no table, and an empty sheet as empty; neither is offered. Clear everything forgets the mappings too.",
        example: "A file with columns Ref no, Measure, Qtr, Figure, Goal, Better when: choose PI code, Indicator title, Period, Value, Target for the period, Polarity, and it gives the same report as a file headed code, title, period, value, target, polarity. Next quarter's file with the same headers is read at once, with “odd.csv: read as indicator values (long layout) with the column mapping you chose for these headers”.",
        ours: true,
    },
    Rule {
        name: "Complaints: working days",
        text: "Complaints are timed in working days, as the SPSO model complaints handling procedure sets: Monday to Friday, less Scotland's public holidays and your council's local holidays. The day a complaint is received is day 1; one received on a weekend or a holiday starts on the next working day. The day of the response is counted. So a stage 1 response is within 5 working days when it is given on day 5 or before, and a stage 2 response within 20 when on day 20 or before. For an escalated complaint the count starts again on the day the request to escalate was received. An extension does not change the count: a complaint answered on day 8 after an extension is not within 5 days, and is counted among those with an extension.",
        example: "Received Friday 29 November 2019, answered Friday 6 December: day 1 is Friday 29 November; Monday 2 December is the St Andrew's Day holiday (30 November fell on a Saturday); Tuesday 3 to Friday 6 December are days 2 to 5. 5 working days: within the stage 1 target. A complaint received on Saturday 5 October 2019 has Monday 7 October as day 1.",
        ours: false,
    },
    Rule {
        name: "Complaints: public and local holidays",
        text: "Scotland's public holidays are worked out for each year: 1 and 2 January, Good Friday, Easter Monday (most councils keep it; untick it under “Holidays for complaints' working days” if yours does not), the first and last Mondays of May, the first Monday of August, St Andrew's Day (30 November, or the Monday after when it falls on a weekend), Christmas Day and Boxing Day. A New Year or Christmas holiday on a weekend moves to the next weekday that is not already a holiday; the days changed by proclamation (the 2020 VE Day move, the 2002, 2012 and 2022 jubilees, 19 September 2022, 8 May 2023) are included. Local holidays come from a holiday list among your files (a Date column, and a Holiday or Name column if you like) and from the dates typed under “Holidays for complaints' working days”, which this browser keeps.",
        example: "Christmas 2021 fell on a Saturday: Monday 27 and Tuesday 28 December were the holidays.",
        ours: true,
    },
    Rule {
        name: "Complaints: reading a case list",
        text: "A table with a date received (Date received, Received, Opened, Date logged) and a stage (Stage, Complaint stage) or a date closed (Date closed, Closed, Response date, Date responded) is a complaints case list; a reference (Case ref, Complaint ID, Reference, Case Number), an outcome (Outcome, Decision), an extension (Extension, Extension authorised, Extended) and a service are read where present. Dates are read day first, with any time of day dropped. Stages: 1, Stage 1 or Frontline; 2, Stage 2 or Investigation; Escalated. An escalation is read either way CRM systems show it: a second row with the same reference and the stage Escalated (or 2, after a stage 1 row of that reference), its date received being the day the escalation was asked for; or on the complaint's own row, in Escalated (yes/no), Escalation date, Stage 2 response date, Stage 2 outcome and Stage 2 extension columns. A list with no stage column is a list of stage 1 complaints. A row with no date received, or a stage that is not one of these, is left out and named; a date closed before the date received is left out (the complaint counts as received and open); the same reference at the same stage twice: the later row counts. A CMP figure your files also state for the same period is replaced by the case list's, with a notice where they differ; periods the case list has no figure for keep yours. A case list whose headers Scorecard does not know is offered in the column mapping step, whose list has the case list's roles (complaint reference, date received, stage, date closed, outcome, extension authorised, service, escalated, date escalated); read with them, it gives the same indicators as under known headers.",
        example: "“cases.csv, row 13, column 'Date received': expected the date the complaint was received in UK order, day first, such as 25/12/2019, found '13/25/2019', which looks written month first (US order)”.",
        ours: true,
    },
    Rule {
        name: "Complaints: the indicators",
        text: "CMP.01 to CMP.12 are the published table's indicators, with its titles; CMP.13 to CMP.29 add the rest of the procedure's: resolved, received per 1,000 population (where a population table with an all-ages group is given), closed at each stage, and the share of each outcome at each stage. Counts are year to date from 1 April, as the published titles say “(cumulative)”: received counts new complaints by their date received (an escalation is the same complaint, not a new one); closed, outcomes and extensions count responses by their date, so a complaint answered at stage 1 and again after escalation counts twice. Averages and percentages are over the complaints closed in the quarter itself, and for a year over the whole year (given once the list runs past 31 March). Each figure shows the counts behind it as feeder data. A quarter in which no complaint of a stage was closed has no figure for that stage, and says so. Averages aim low and percentages within the target aim high; targets are only those you give, in a file with the CMP codes (Code, Target or Annual Target, and Polarity to change the aim).",
        example: "Stage 2 in Q3 2019/20: 2 complaints closed, in 21 and 18 working days: average 19.50, and 1 of 2 (50.00%) within 20 working days.",
        ours: true,
    },
    Rule {
        name: "Working offline",
        text: "After your first visit this browser keeps Scorecard's own files (the page, the engine, the workbook reader and writer), fetched once the first screen is up, so later visits work with no network: reading files, the report, downloads and printing all happen here anyway. It keeps only the site's own files, only for the folder the site is published in, and never asks any other site for anything. When a new version has been published, the next visit fetches it quietly and says “A new version of Scorecard is ready” with a Reload button; the page you are using is never changed under you. Reloading starts the new version afresh, so files you added need adding again unless this browser keeps your data. The browser may also offer to install Scorecard as an app; it is the same page.",
        example: "A laptop that opened Scorecard in the office opens it on the train with no signal, reads a workbook, exports a CSV and prints the report.",
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
