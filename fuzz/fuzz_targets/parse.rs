//! Any bytes, as any accepted file type: the parser refuses or reads, never
//! panics, and every span it maps lies inside the file.
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use flashpoint::ingest::parse::parse;
use flashpoint::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../config/lexicon");
        Lexicon::load(&dir).expect("shipped lexicons load")
    })
}

const NAMES: [&str; 6] = ["f.txt", "f.md", "f.html", "f.htm", "f.json", "f"];

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file type; the rest is the file.
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    if let Ok(article) = parse(Path::new(name), bytes, lexicon()) {
        for (i, _) in article.text.char_indices() {
            assert!(article.offsets.to_original(i) <= bytes.len());
        }
    }
});
