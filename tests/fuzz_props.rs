//! Property tests: no input makes the article parser or the extractor panic.
//!
//! A daemon that reads whatever lands in a folder must refuse bad input, never
//! die on it. These run a moderate number of cases so `cargo test` stays
//! quick; raise it with `FLASHPOINT_PROPTEST_CASES=10000 cargo test --test
//! fuzz_props`. For coverage-guided fuzzing see `docs/FUZZING.md` (`fuzz/`).

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use proptest::prelude::*;

use flashpoint::config::ExtractSettings;
use flashpoint::extract::Extractor;
use flashpoint::ingest::parse::parse;
use flashpoint::lexicon::Lexicon;
use flashpoint::model::{Article, OffsetMap};

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/lexicon");
        let lex = Lexicon::load(&dir).expect("shipped lexicons load");
        Extractor::new(Arc::new(lex), ExtractSettings::default())
    })
}

fn cases() -> u32 {
    std::env::var("FLASHPOINT_PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(128)
}

const EXTENSIONS: &[&str] = &["txt", "md", "html", "htm", "json", "pdf", ""];

/// Pieces that steer random input into the parsers' interesting branches.
const BYTE_PIECES: &[&[u8]] = &[
    b"<p>",
    b"</p>",
    b"<html lang=\"fr\">",
    b"<meta charset=\"windows-1252\">",
    b"<meta http-equiv=Content-Type content='text/html; charset=shift_jis'>",
    b"<meta charset=utf-16>",
    b"<title>",
    b"</title>",
    b"<script>",
    b"</script>",
    b"<style",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"&amp;",
    b"&#x",
    b"&#99999999;",
    b"&",
    b"<",
    b">",
    b"{\"title\":\"",
    b"\",\"text\":\"",
    b"\"published\":\"2020-02-31\"",
    b"\\u",
    b"\\ud800",
    b"\\",
    b"\"",
    b"}",
    b"# ",
    b"\n\n",
    b"```",
    b"[a](",
    b"* ",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\xe9",
    b"\x93\x8c",
    b"\0",
    b"\x81",
    b"Syrian troops shelled Idlib on 27 February 2020, killing 33 Turkish soldiers.",
    b"Published: 31 February 2020",
    b"2020-13-45",
    b"\xd8\xb3\xd9\x88\xd8\xb1\xd9\x8a\xd8\xa7",
];

fn byte_soup() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(BYTE_PIECES).prop_map(<[u8]>::to_vec),
            prop::collection::vec(any::<u8>(), 0..8),
        ],
        0..64,
    )
    .prop_map(|parts| parts.concat())
}

/// Words that steer random text into the extractor's rules: actors,
/// triggers, numbers, dates (valid and not), RTL, combining marks, controls.
const WORDS: &[&str] = &[
    "Syria",
    "Turkey",
    "Russia",
    "Erdogan",
    "the Kremlin",
    "Hamas",
    "Israel",
    "Idlib",
    "killed",
    "were killed",
    "shelled",
    "attacked",
    "threatened to",
    "did not",
    "denied",
    "agreed",
    "ceasefire",
    "by",
    "in",
    "and",
    "who",
    "which",
    "tewas",
    "menewaskan",
    "Suriah",
    "Turki",
    "33",
    "0",
    "-1",
    "0/0",
    "1/0",
    "99999999999999999999999999",
    "18446744073709551616",
    "1e309",
    "NaN",
    "3.5",
    "1,000,000",
    "thirty-three",
    "tiga puluh tiga",
    "31 February",
    "February 31, 2020",
    "2020-02-31",
    "0000-00-00",
    "9999-12-31",
    "on Thursday",
    "yesterday",
    "last year",
    "in 1",
    "in 99999",
    "سوريا",
    "تركيا",
    "ישראל",
    "\u{202E}",
    "\u{200F}",
    "e\u{301}\u{301}\u{301}",
    "\u{FEFF}",
    "\u{0}",
    "\u{7}",
    "İ",
    "ß",
    "ﬁ",
    "\u{10FFFF}",
    "😀",
    ".",
    ",",
    "?",
    "!",
    "\"",
    "'",
    "’",
    "(",
    ")",
    "\n",
    "\n\n",
    "…",
];

fn word_soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(WORDS).prop_map(str::to_string),
            1 => prop::collection::vec(any::<char>(), 0..6).prop_map(|c| c.into_iter().collect()),
        ],
        0..80,
    )
    .prop_map(|w| w.join(" "))
}

fn article(text: String, published: Option<NaiveDate>, lang: &str) -> Article {
    Article {
        id: "p".into(),
        file: "p.txt".into(),
        path: PathBuf::from("p.txt"),
        title: None,
        published,
        published_exact: published.is_some(),
        received: published,
        url: None,
        language: lang.into(),
        text,
        offsets: OffsetMap::identity(),
    }
}

/// Any day from year 1 to 9999 (what a file's date line can say), or none.
fn published() -> impl Strategy<Value = Option<NaiveDate>> {
    let first = NaiveDate::from_ymd_opt(1, 1, 1).expect("date");
    prop::option::of((0i64..3_652_059).prop_map(move |d| first + chrono::Duration::days(d)))
}

fn lang() -> impl Strategy<Value = &'static str> {
    prop::sample::select(&["en", "id", "fr", "ar", "ru", "und", ""][..])
}

/// Parses and, when it is an article, checks its spans lie in the file and
/// runs the extractor over it too.
fn parse_and_extract(ext: &str, bytes: &[u8]) {
    let name = if ext.is_empty() {
        "noext".to_string()
    } else {
        format!("f.{ext}")
    };
    let lex = extractor().lexicon();
    if let Ok(a) = parse(Path::new(&name), bytes, lex) {
        for (i, _) in a.text.char_indices() {
            let o = a.offsets.to_original(i);
            assert!(
                o <= bytes.len(),
                "offset {o} past the file ({})",
                bytes.len()
            );
        }
        let _ = extractor().extract(&a);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn parser_survives_arbitrary_bytes(
        ext in prop::sample::select(EXTENSIONS),
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        parse_and_extract(ext, &bytes);
    }

    #[test]
    fn parser_survives_format_shaped_bytes(
        ext in prop::sample::select(EXTENSIONS),
        bytes in byte_soup(),
    ) {
        parse_and_extract(ext, &bytes);
    }

    #[test]
    fn extractor_survives_arbitrary_unicode(
        text in prop::collection::vec(any::<char>(), 0..512).prop_map(|c| c.into_iter().collect::<String>()),
        published in published(),
        lang in lang(),
    ) {
        let _ = extractor().extract(&article(text, published, lang));
    }

    #[test]
    fn extractor_survives_news_shaped_text(
        text in word_soup(),
        published in published(),
        lang in lang(),
    ) {
        let _ = extractor().extract(&article(text, published, lang));
    }
}

proptest! {
    // Each case is thousands of words: fewer of them.
    #![proptest_config(ProptestConfig::with_cases((cases() / 16).max(4)))]

    #[test]
    fn extractor_survives_one_very_long_sentence(
        words in prop::collection::vec(prop::sample::select(WORDS), 300..1500),
        published in published(),
    ) {
        // No full stop anywhere: one sentence thousands of words long.
        let text = words.iter().filter(|w| !matches!(**w, "." | "?" | "!" | "\n\n")).copied().collect::<Vec<_>>().join(" ");
        let _ = extractor().extract(&article(text, published, "en"));
    }
}

/// Inputs that once panicked (or nearly): kept as plain regression tests.
#[test]
fn regressions_do_not_panic() {
    for (ext, bytes) in [
        ("html", &b"<meta charset=shift_jis>\x93"[..]),
        ("txt", &b"\xFF\xFE\x00"[..]),
        ("txt", &b"\xFE\xFF\xD8\x00"[..]),
        ("json", &b"{\"text\":\"\\ud800\\u"[..]),
    ] {
        parse_and_extract(ext, bytes);
    }
    for text in [
        "0/0 31 February 1e309",
        "\u{202E}سوريا killed 0 in 99999",
        // Joined counts that overflow when summed.
        "Israel said 18446744073709551615 soldiers and 18446744073709551615 civilians were killed in Syria.",
    ] {
        let _ = extractor().extract(&article(
            text.into(),
            NaiveDate::from_ymd_opt(9999, 12, 31),
            "en",
        ));
        let _ = extractor().extract(&article(
            text.into(),
            NaiveDate::from_ymd_opt(1, 1, 1),
            "en",
        ));
    }
}
