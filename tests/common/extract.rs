//! Extraction on sentences written for the tests, with the shipped lexicons
//! (one extractor per test binary: the automaton takes a while to build).

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use flashpoint::config::ExtractSettings;
use flashpoint::extract::Extractor;
use flashpoint::lexicon::Lexicon;
use flashpoint::model::{Article, EventType, Mention, OffsetMap};

pub fn extractor() -> &'static Extractor {
    static EX: OnceLock<Extractor> = OnceLock::new();
    EX.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/lexicon");
        let lex = Lexicon::load(&dir).expect("shipped lexicons load");
        Extractor::new(Arc::new(lex), ExtractSettings::default())
    })
}

/// An article of `text` published on `published` (exactly, or only to the
/// precision the date line gave when `exact` is false).
pub fn article(text: &str, lang: &str, published: &str, exact: bool) -> Article {
    Article {
        id: "t".into(),
        file: "t.txt".into(),
        path: PathBuf::from("t.txt"),
        title: None,
        published: Some(published.parse().unwrap()),
        published_exact: exact,
        received: None,
        url: None,
        language: lang.into(),
        text: text.into(),
        offsets: OffsetMap::identity(),
    }
}

/// The mentions of `text`, published exactly on `published`.
pub fn run(text: &str, lang: &str, published: &str) -> Vec<Mention> {
    extractor().extract(&article(text, lang, published, true))
}

/// The mention of type `t` from `s` to `tg` (a code, or no target), if any.
pub fn has(ms: &[Mention], t: EventType, s: &str, tg: Option<&str>) -> Option<Mention> {
    ms.iter()
        .find(|m| {
            m.event_type == t
                && m.source.code == s
                && m.target.as_ref().map(|x| x.code.as_str()) == tg
        })
        .cloned()
}
