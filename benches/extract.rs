//! Extraction speed on one core, over the synthetic corpus (`support/corpus.rs`).
//!
//! Two parts:
//! - a whole-corpus run: parse + extract + dedup of every article, once, in
//!   one thread, printed as MB/s and articles/s, beside one raw pass of the
//!   lexicon automaton (fold + scan) over the same texts — the floor no
//!   extractor built on that automaton can beat; the ratio says how far off it is;
//! - criterion benchmarks of the same per article (English and Indonesian
//!   sets), for regressions.
//!
//! Figures are printed, never asserted. `cargo bench --bench extract`;
//! `FP_BENCH_EXTRACT_N` articles (default 3,000); `FP_BENCH_ONLY=corpus`
//! skips criterion (for profiling); `FP_BENCH_DUMP=DIR` writes the articles. Under `cargo test` (no `--bench`) a few
//! articles run once, as a smoke test.

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use flashpoint::config::ExtractSettings;
use flashpoint::dedup::Deduper;
use flashpoint::extract::Extractor;
use flashpoint::ingest::parse::parse;
use flashpoint::lexicon::{fold, Lexicon};

/// The allocator the `flashpoint` binary runs with (`src/main.rs`; its
/// option defaults are not copied): under glibc's malloc this bench paid
/// ≈ 13 % of its instructions in malloc/free, a cost no shipped binary has.
#[global_allocator]
static ALLOCATOR: flashpoint::allocator::MiMalloc = flashpoint::allocator::MiMalloc;

/// Target per core (the issue): 10,000 articles/s, within 10× of the raw scan.
const TARGET_ARTICLES_S: f64 = 10_000.0;
const TARGET_RATIO: f64 = 10.0;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bench = std::env::args().any(|a| a == "--bench");
    let t = Instant::now();
    let lexicon = Arc::new(Lexicon::load(&root.join("config/lexicon")).expect("lexicon"));
    println!(
        "lexicon: {} phrases loaded and compiled in {:.0} ms; automaton {:.1} MB",
        lexicon.phrase_count(),
        t.elapsed().as_secs_f64() * 1000.0,
        lexicon.automaton_memory() as f64 / 1e6
    );
    let n: u64 = std::env::var("FP_BENCH_EXTRACT_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if bench { 3_000 } else { 5 });
    let gen = corpus::Corpus::load(root);
    let files: Vec<(String, Vec<u8>)> = (0..n)
        .map(|i| {
            let (name, text) = gen.article(1, i);
            (name, text.into_bytes())
        })
        .collect();
    // `FP_BENCH_DUMP=DIR` writes the generated articles there, so a change's
    // output can be diffed on this corpus with `flashpoint extract DIR/*`.
    if let Some(dir) = std::env::var_os("FP_BENCH_DUMP") {
        let dir = Path::new(&dir);
        std::fs::create_dir_all(dir).expect("dump dir");
        for (name, bytes) in &files {
            std::fs::write(dir.join(name), bytes).expect("dump");
        }
    }
    let extractor = Extractor::new(lexicon.clone(), ExtractSettings::default());

    whole_corpus(&files, &lexicon, &extractor, bench);
    if std::env::var("FP_BENCH_ONLY").as_deref() == Ok("corpus") {
        return;
    }

    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .configure_from_args();
    // Small fixed sets per language; a fresh dedup index each iteration so
    // iterations stay alike.
    let indonesian = |f: &&(String, Vec<u8>)| f.1.windows(8).any(|w| w == b"bahwa pe");
    let sets = [
        (
            "en",
            files
                .iter()
                .filter(|f| !indonesian(f))
                .take(40)
                .collect::<Vec<_>>(),
        ),
        (
            "id",
            files.iter().filter(indonesian).take(10).collect::<Vec<_>>(),
        ),
    ];
    let mut g = c.benchmark_group("per_article");
    for (lang, set) in &sets {
        if set.is_empty() {
            continue;
        }
        g.throughput(Throughput::Elements(set.len() as u64));
        g.bench_function(format!("parse_extract_dedup/{lang}"), |b| {
            b.iter(|| {
                let mut dedup = Deduper::new();
                let now = chrono::Utc::now();
                for (name, bytes) in set {
                    let article = parse(Path::new(name), bytes, &lexicon).expect("parse");
                    black_box(dedup.add_indexed(extractor.extract(&article), now));
                }
            })
        });
        let texts: Vec<String> = set
            .iter()
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .collect();
        g.bench_function(format!("raw_scan/{lang}"), |b| {
            b.iter(|| {
                for t in &texts {
                    black_box(lexicon.scan(&fold(t), None));
                }
            })
        });
    }
    g.finish();
    c.final_summary();
}

/// Every article once through parse + extract + dedup (one index, as the
/// daemon keeps it), then the raw automaton pass over the same texts.
fn whole_corpus(
    files: &[(String, Vec<u8>)],
    lexicon: &Lexicon,
    extractor: &Extractor,
    bench: bool,
) {
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let texts: Vec<String> = files
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    let t = Instant::now();
    let cpu = cpu_seconds();
    let mut hits = 0usize;
    for text in &texts {
        hits += lexicon.scan(&fold(text), None).len();
    }
    let scan = t.elapsed().as_secs_f64();
    let scan_cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);

    let t = Instant::now();
    let cpu = cpu_seconds();
    // `add_indexed`, as the daemon's merge stage calls it: `add` also
    // cloned every changed event for its caller (≈ 4 % of the run, the
    // bench's own), and callgrind's `Deduper::add*` toggle, switched off
    // on entering the nested `add_indexed`, counted only those clones.
    let mut dedup = Deduper::new();
    let mut mentions = 0usize;
    let mut revisions = 0usize;
    let now = chrono::Utc::now();
    for (name, b) in files {
        let article = parse(Path::new(name), b, lexicon).expect("parse");
        let m = extractor.extract(&article);
        mentions += m.len();
        revisions += dedup.add_indexed(m, now).len();
    }
    let full = t.elapsed().as_secs_f64();
    let full_cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
    let articles = files.len() as f64;
    let mb = bytes as f64 / 1e6;
    println!(
        "corpus: {} articles, {:.1} MB (avg {:.0} B), {} events after dedup",
        files.len(),
        mb,
        bytes as f64 / articles,
        dedup.events().len()
    );
    println!(
        "raw scan (fold + automaton): {:.1} MB/s, {:.0} articles/s ({hits} hits)",
        mb / scan,
        articles / scan
    );
    println!(
        "parse + extract + dedup:     {:.1} MB/s, {:.0} articles/s ({mentions} mentions, {revisions} event revisions)",
        mb / full,
        articles / full
    );
    // On a loaded machine the wall rates undercount: the thread's own CPU
    // time says what it would do on a core of its own.
    if let (Some(s), Some(f)) = (scan_cpu, full_cpu) {
        println!(
            "per CPU second of this thread: raw scan {:.0} articles/s, extraction {:.0} articles/s",
            articles / s,
            articles / f
        );
    }
    let ratio = full / scan;
    println!("ratio extraction / raw scan: {ratio:.1}x");
    if !bench {
        return; // a smoke run's figures are a debug build's: no table row
    }
    let met = articles / full >= TARGET_ARTICLES_S && ratio <= TARGET_RATIO;
    println!(
        "TABLE | extraction, 1 core (parse+extract+dedup) | {:.0} articles/s, {:.1} MB/s; raw scan {:.1} MB/s; ratio {ratio:.1}x | ≥ 10,000 articles/s (≈30 MB/s), ≤ 10x raw | {} |",
        articles / full,
        mb / full,
        mb / scan,
        if met { "met" } else { "not met" }
    );
}

/// CPU time this thread has run, from `/proc/thread-self/schedstat`
/// (Linux; `None` elsewhere).
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}
