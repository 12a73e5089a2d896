//! The Word document read back: its parts unzipped and its text taken from
//! `word/document.xml`, docx-rs's own reader, and LibreOffice's conversion to plain text
//! (which must not be skipped where `CI` is set). The facts an officer pastes into a
//! committee paper are there: title and period, narrative, set summaries, statuses as
//! symbol and words, action comments, risks and the key.
#![cfg(all(feature = "docx", feature = "xlsx"))]

use std::io::Read;
use std::path::PathBuf;
use std::process::Command;

use scorecard_core::export;
use scorecard_core::report::{build, Report};
use scorecard_core::{read_all, suppress, InputFile};

fn fixture(path: &str) -> InputFile {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(path);
    InputFile {
        name: full.file_name().unwrap().to_string_lossy().into_owned(),
        bytes: std::fs::read(&full).unwrap(),
    }
}

/// The committee paper's fixtures: PI sets, narrative sections, a risk register, and
/// the action plan with its comments.
fn paper_report() -> Report {
    let files = [
        fixture("paper/service-plan-pis.csv"),
        fixture("paper/commentary.csv"),
        fixture("paper/risk-register.csv"),
        fixture("samples/actions-q2-2018-19.csv"),
    ];
    build(&read_all(&files), None).unwrap()
}

/// The published complaints table and its actions at Q2 2018/19, with counts from 1 to
/// 4 withheld.
fn complaints_report() -> Report {
    let files = [
        fixture("samples/complaints-q2-2018-19.csv"),
        fixture("samples/actions-q2-2018-19.csv"),
    ];
    suppress::apply(&build(&read_all(&files), None).unwrap(), 4)
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut out).unwrap();
    out
}

/// The document's text: a line per paragraph, and a line per table row with a tab
/// after each cell.
fn text_of(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g + 1);
        let tag = &rest[lt..gt];
        if tag == "</w:p>" || tag.starts_with("<w:br") {
            out.push('\n');
        } else if tag == "</w:tc>" {
            out.push('\t');
        } else if tag == "</w:tr>" {
            out.push('\n');
        }
        rest = &rest[gt..];
    }
    // A cell's paragraph ends with its cell.
    out.replace("\n\t", "\t")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[test]
fn the_paper_holds_title_narrative_sets_statuses_risks_actions_and_key() {
    let r = paper_report();
    let bytes = export::docx(&r).unwrap();
    let xml = part(&bytes, "word/document.xml");
    let text = text_of(&xml);
    // Title and period.
    assert!(text.contains("Performance report: 2021/22\n"), "{text}");
    assert!(text.contains("Report period 2021/22: 01 Apr 2021 to 31 Mar 2022"));
    // The narrative: its heading, in Word's Heading 1, and its two paragraphs.
    assert!(xml.contains(
        "<w:pStyle w:val=\"Heading1\" /></w:pPr><w:r><w:rPr /><w:t xml:space=\"preserve\">01. Progress in delivery of strategic outcomes</w:t>"
    ) || text.contains("01. Progress in delivery of strategic outcomes\n"));
    assert!(text.contains("There has been a 45% increase in the number of referrals from Q1 20/21 (1309) to 21/22 (1893).\n"));
    assert!(text.contains(
        "The income maximisation project will continue as part of children's services.\n"
    ));
    assert!(text.contains("Workforce capacity remains the main risk to the service plan.\n"));
    // The sets: each summary line in symbols and words, and the Off Target list.
    assert!(text.contains("Service Plan PIs (latest)\n"));
    assert!(text.contains("● Off Target 3   ▲ Warning 0   ✓ On Target 0   ? Data Not Yet Available 0   📊 Data Only 1"), "{text}");
    assert!(text
        .contains("Service Plan PIs Off Target ● 3\nCLL.01 Qualifications achieved through CLL\n"));
    assert!(text.contains("Corporate PIs Off Target ● 0\nNone.\n"));
    // A PI's row: the value as shown, the target, the status as symbol + words, the note.
    assert!(
        text.contains("CLL.01\tQualifications achieved through CLL\t"),
        "{text}"
    );
    assert!(
        text.contains("\t182\t500\t● Off Target\tFewer courses could run face to face.\t"),
        "{text}"
    );
    assert!(
        text.contains("\t£410,000\t£650,000\t● Off Target\t"),
        "{text}"
    );
    // The High Risks and the register, rated as shape + words.
    assert!(
        text.contains("High Risks ▲ 3\nCS.R.01 Workforce capacity\n"),
        "{text}"
    );
    assert!(text.contains("CS.R.01\tWorkforce capacity (Children's Services)\t▲ High\t4\t4\t16\tHead of Children's Services\t31 Dec 2021\tRecruitment campaign; agency cover agreed\t"), "{text}");
    // An action with its comment, under its outcome.
    assert!(text.contains(
        "All care experienced children and young people are being provided with quality services\n"
    ));
    assert!(
        text.contains("Q2 18/19: On Target MOMO (Mind Of My Own) app is being well used."),
        "{text}"
    );
    // The key, last.
    let key = text.rfind("Key\n").unwrap();
    assert!(text[key..]
        .contains("● Off Target\tIndicator: Worse than the target by more than any tolerance."));
    assert!(text[key..].contains("★ Completed\tAction: Complete (100%)."));
    assert!(text[key..].contains("▲ High\tRisk: score 13 to 25, or rated High by the register."));
    // Every table's header row repeats on each page; headings are Word's own styles.
    assert_eq!(
        xml.matches("<w:tbl>").count(),
        xml.matches("<w:tblHeader />").count()
    );
    assert!(xml.matches("<w:tblHeader />").count() >= 6);
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains("<w:name w:val=\"heading 1\" />"),
        "{styles}"
    );
    // docx-rs's own reader takes it.
    assert!(docx_rs::read_docx(&bytes).is_ok());
}

#[test]
fn withheld_figures_read_c_and_the_key_says_why() {
    let r = complaints_report();
    let bytes = export::docx(&r).unwrap();
    let text = text_of(&part(&bytes, "word/document.xml"));
    assert!(text.contains("Performance report: Q2 2018/19\n"));
    // CMP.01 (16 complaints received) stays; CMP.03 (3 upheld) is withheld.
    let upheld = text
        .lines()
        .find(|l| l.contains("\tNumber of complaints upheld (cumulative)\t"))
        .unwrap();
    assert!(upheld.contains("\tc\t"), "{upheld}");
    assert!(!upheld.contains("\t3\t"), "{upheld}");
    assert!(text.contains("c\tWithheld: a small count"), "{text}");
    // The published stage 2 figure and its computed status.
    let stage2 = text
        .lines()
        .find(|l| {
            l.contains("\tPercentage of complaints at stage 2 complete within 20 working days\t")
        })
        .unwrap();
    assert!(
        stage2.contains("\t87.50%\t75.00%\t95%\t● Off Target\t"),
        "{stage2}"
    );
}

#[test]
fn text_a_file_could_hold_cannot_break_the_document() {
    let files = [InputFile {
        name: "odd.csv".into(),
        bytes: "code,title,period,value,note\nA1,\"Fish & <chips> \u{1}\",Q2 2018/19,3,\"two\nlines\"\n"
            .as_bytes()
            .to_vec(),
    }];
    let r = build(&read_all(&files), None).unwrap();
    let bytes = export::docx(&r).unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(!xml.contains('\u{1}'));
    let text = text_of(&xml);
    assert!(text.contains("Fish & <chips> "), "{text}");
    assert!(text.contains("two\nlines"), "{text}");
    assert!(docx_rs::read_docx(&bytes).is_ok());
}

/// LibreOffice's plain text of a `.docx`, or `None` where LibreOffice is not installed
/// (which fails the test where `CI` or `SCORECARD_REQUIRE_SOFFICE` is set: the test
/// command installs LibreOffice and must read the document back).
fn libreoffice_text(bytes: &[u8], name: &str) -> Option<String> {
    let found = Command::new("soffice").arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none()
                && std::env::var_os("SCORECARD_REQUIRE_SOFFICE").is_none(),
            "soffice (LibreOffice) is needed to read the Word document back: apt-get install libreoffice-writer-nogui"
        );
        eprintln!("soffice not found: the LibreOffice read-back is skipped outside CI");
        return None;
    }
    let dir = std::env::temp_dir().join(format!("scorecard-docx-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let doc = dir.join(format!("{name}.docx"));
    std::fs::write(&doc, bytes).unwrap();
    // A profile of its own, so that a LibreOffice already open elsewhere does not
    // swallow the conversion.
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let out = Command::new("soffice")
        .args([
            &profile,
            "--headless",
            "--convert-to",
            "txt:Text",
            "--outdir",
        ])
        .arg(&dir)
        .arg(&doc)
        .output()
        .unwrap();
    let txt = dir.join(format!("{name}.txt"));
    assert!(
        txt.exists(),
        "LibreOffice did not convert the document: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&txt).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    Some(text)
}

#[test]
fn libreoffice_opens_the_document_and_reads_the_same_facts() {
    let bytes = export::docx(&paper_report()).unwrap();
    let Some(text) = libreoffice_text(&bytes, "paper") else {
        return;
    };
    for fact in [
        "Performance report: 2021/22",
        "01. Progress in delivery of strategic outcomes",
        "There has been a 45% increase in the number of referrals",
        "Service Plan PIs (latest)",
        "● Off Target 3",
        "Qualifications achieved through CLL",
        "● Off Target",
        "Fewer courses could run face to face.",
        "▲ High",
        "MOMO (Mind Of My Own) app is being well used",
        "Key",
        "Indicator: Worse than the target by more than any tolerance.",
    ] {
        assert!(
            text.contains(fact),
            "LibreOffice's text lacks {fact:?}:\n{text}"
        );
    }
}
