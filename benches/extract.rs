//! Extraction throughput: parse + extract + dedup over the seed articles,
//! repeated, on one core. Prints figures; asserts nothing (speed targets live
//! here, not in tests). Run with `cargo bench --bench extract`.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use flashpoint::config::ExtractSettings;
use flashpoint::dedup::Deduper;
use flashpoint::extract::Extractor;
use flashpoint::ingest::parse::parse;
use flashpoint::lexicon::{fold, Lexicon};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let t = Instant::now();
    let lexicon = Arc::new(Lexicon::load(&root.join("config/lexicon")).expect("lexicon"));
    println!(
        "lexicon: {} phrases loaded and compiled in {:.0} ms",
        lexicon.phrase_count(),
        t.elapsed().as_secs_f64() * 1000.0
    );
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(root.join("seeds"))
        .expect("seeds")
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    files.sort();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let extractor = Extractor::new(lexicon.clone(), ExtractSettings::default());
    // `cargo bench` passes --bench; under `cargo test` one round is a smoke run.
    let rounds = if std::env::args().any(|a| a == "--bench") {
        400
    } else {
        1
    };

    // The raw automaton pass over the same bytes: the limit extraction is measured against.
    let texts: Vec<String> = files
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).to_string())
        .collect();
    let t = Instant::now();
    let mut hits = 0usize;
    for _ in 0..rounds {
        for text in &texts {
            hits += lexicon.scan(&fold(text), None).len();
        }
    }
    let scan = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let mut events = 0usize;
    for _ in 0..rounds {
        let mut dedup = Deduper::new();
        for (name, b) in &files {
            let article = parse(Path::new(name), b, &lexicon).expect("parse");
            let mentions = extractor.extract(&article);
            events += dedup.add(mentions, chrono::Utc::now()).len();
        }
    }
    let full = t.elapsed().as_secs_f64();
    let articles = (rounds * files.len()) as f64;
    let mb = (rounds * bytes) as f64 / 1e6;
    println!(
        "raw scan (fold + automaton): {:.1} MB/s, {:.0} articles/s ({hits} hits)",
        mb / scan,
        articles / scan
    );
    println!(
        "parse + extract + dedup:     {:.1} MB/s, {:.0} articles/s ({events} event revisions)",
        mb / full,
        articles / full
    );
    println!("ratio extraction / raw scan: {:.1}x", full / scan);
}
