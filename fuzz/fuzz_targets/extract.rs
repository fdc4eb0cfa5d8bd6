//! Any text, any publication date from year 1 to 9999, any language code:
//! the extractor returns mentions or none, never panics.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use flashpoint::config::ExtractSettings;
use flashpoint::extract::Extractor;
use flashpoint::lexicon::Lexicon;
use flashpoint::model::{Article, OffsetMap};
use libfuzzer_sys::fuzz_target;

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../config/lexicon");
        let lex = Lexicon::load(&dir).expect("shipped lexicons load");
        Extractor::new(Arc::new(lex), ExtractSettings::default())
    })
}

const LANGS: [&str; 6] = ["en", "id", "fr", "ar", "und", ""];

fuzz_target!(|data: &[u8]| {
    // Three bytes pick the date and language; the rest is the text.
    if data.len() < 3 {
        return;
    }
    let day = u32::from(u16::from_le_bytes([data[0], data[1]])) * 56; // spans years 1..9999
    let published = NaiveDate::from_ymd_opt(1, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(day))));
    let language = LANGS[usize::from(data[2]) % LANGS.len()];
    let text = String::from_utf8_lossy(&data[3..]).into_owned();
    let article = Article {
        id: "fuzz".into(),
        file: "fuzz.txt".into(),
        path: PathBuf::from("fuzz.txt"),
        title: None,
        published,
        published_exact: published.is_some(),
        received: published,
        url: None,
        language: language.into(),
        text,
        offsets: OffsetMap::identity(),
    };
    let _ = extractor().extract(&article);
});
