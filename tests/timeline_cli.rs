//! `flashpoint timeline` on the seed articles: the picture's formats, its
//! content, and usage errors (exit 2, one line naming the problem).

mod common;

use std::path::Path;
use std::process::Output;

use common::flashpoint;

fn timeline(args: &[&str], out: &Path) -> Output {
    flashpoint()
        .arg("timeline")
        .args(args)
        .arg("--out")
        .arg(out)
        .arg("seeds")
        .output()
        .unwrap()
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    assert_eq!(&bytes[12..16], b"IHDR");
    (be(&bytes[16..20]), be(&bytes[20..24]))
}

#[test]
fn svg_names_the_dyads_and_the_whole_ladder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seeds.svg");
    let out = timeline(&[], &path);
    ok(&out);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("seeds.svg"), "names the output: {said}");
    let svg = std::fs::read_to_string(&path).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(80)]);
    // The seeds' four dyads, the most escalated first.
    let at = |s: &str| svg.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at("SYR-TUR") < at("RUS-TUR"));
    for label in [
        "calm",
        "friction",
        "confrontation",
        "coercion",
        "lethal clashes",
        "open war",
    ] {
        assert!(svg.contains(label), "ladder label {label} missing");
    }
    // The 33 soldiers killed on 27/28 February are annotated.
    assert!(svg.contains("33 killed"), "no toll annotation");
}

#[test]
fn png_is_a_png_with_one_panel_per_dyad() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.png");
    ok(&timeline(&["--dyad", "tur-rus"], &one));
    let two = dir.path().join("two.PNG");
    ok(&timeline(&["--dyad", "RUS-TUR", "--dyad", "SYR-TUR"], &two));
    let (a, b) = (std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());
    for bytes in [&a, &b] {
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        assert!(
            (20_000..2_000_000).contains(&bytes.len()),
            "{} bytes",
            bytes.len()
        );
    }
    let ((w1, h1), (w2, h2)) = (png_size(&a), png_size(&b));
    assert_eq!((w1, w2), (1400, 1400));
    assert!(h1 > 500 && h2 > h1 + 300, "heights {h1} and {h2}");
}

#[test]
fn usage_errors_exit_2_with_one_line_naming_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str, &str); 3] = [
        (&["--dyad", "USA-CAN"], "x.svg", "CAN-USA"),
        (&["--dyad", "RUSTUR"], "x.svg", "RUSTUR"),
        (&[], "x.jpg", "x.jpg"),
    ];
    for (args, file, named) in cases {
        let path = dir.path().join(file);
        let out = timeline(args, &path);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?} {file}: {err}");
        assert!(err.contains(named), "{err}");
        assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
        assert!(!path.exists(), "nothing written for {args:?} {file}");
    }
}
