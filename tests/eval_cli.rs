//! `flashpoint eval` on a small corpus written here, and agreement with the
//! project's reference scorer (`../shared/tools/score.py`) when it is present.

mod common;

use std::path::Path;
use std::process::Command;

use common::flashpoint;

fn write_corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("articles")).unwrap();
    std::fs::create_dir_all(dir.join("gold")).unwrap();
    std::fs::write(
        dir.join("articles/a1.txt"),
        "Border clash\n\nMarch 03, 2021\n\nArmenian forces shelled Azerbaijani positions on Monday, killing four soldiers, officials in Baku said.\n\nAzerbaijan did not retaliate.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("gold/a1.json"),
        r#"{"id":"a1","language":"en","published":"2021-03-03","events":[
 {"date":"2021-03-01","date_tolerance_days":1,"source":"ARM","target":"AZE","type":"ASSAULT","killed":4,"factual":true},
 {"date":"2021-03-02","date_tolerance_days":1,"source":"AZE","target":"ARM","type":"ASSAULT","factual":false},
 {"date":"2021-03-02","date_tolerance_days":1,"source":"AZE","target":"ARM","type":"ACCUSE","factual":true}
]}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("articles/a2.txt"),
        "Talks\n\nMarch 04, 2021\n\nThe foreign ministers of Armenia and Azerbaijan met in Moscow on Wednesday.\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("gold/a2.json"),
        r#"{"id":"a2","language":"en","published":"2021-03-04","events":[
 {"date":"2021-03-03","date_tolerance_days":1,"source":"ARM","target":"AZE","type":"CONSULT","factual":true}
]}"#,
    )
    .unwrap();
}

fn overall(out: &str) -> String {
    out.lines()
        .find(|l| l.starts_with("overall:"))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn eval_scores_and_agrees_with_the_reference_scorer() {
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let bin = env!("CARGO_BIN_EXE_flashpoint");
    let out = flashpoint().arg("eval").arg(dir.path()).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    // The assault and the meeting are found, the accusation is missed.
    assert!(text.contains("(tp=2 fp=0 fn=1)"), "{text}");
    assert!(text.contains("fatalities: 1/1"), "{text}");

    // Below --min-f1 the exit code is 1.
    let strict = flashpoint()
        .args(["eval", "--min-f1", "0.99"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(strict.status.code(), Some(1));

    let scorer = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/score.py");
    if scorer.is_file() {
        let reference = Command::new("python3")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg(&scorer)
            .args(["--bin", bin, "--corpus"])
            .arg(dir.path())
            .output()
            .unwrap();
        let reference = String::from_utf8_lossy(&reference.stdout).to_string();
        assert_eq!(overall(&text), overall(&reference), "{reference}");
    }
}
