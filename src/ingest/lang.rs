//! Language identification: which language an article is written in.
//!
//! The extractor keeps only lexicon meanings of the article's language, so a
//! wrong guess loses events; "und" (undetermined) is safer than a guess, since
//! the extractor then matches every language.

use whatlang::Lang;

use crate::lexicon::FunctionWords;

/// Detection reads at most this many bytes: a news article's language is
/// clear long before that, and trigram counting is linear in the text.
const SAMPLE_BYTES: usize = 1024;

/// Fewer letters than this tell whatlang too little to be trusted.
const MIN_LETTERS: usize = 20;

/// In a text this short (a wire alert, a headline with its dateline),
/// function words of one lexicon language (and none of another) overrule a
/// trigram guess of a language the lexicon does not have.
const SHORT_TEXT_BYTES: usize = 300;
const SHORT_TEXT_HITS: usize = 2;

/// Below this confidence an unreliable answer is not worth giving.
const MIN_CONFIDENCE: f64 = 0.5;

/// The ISO 639-1 code of `text`'s language, or `und` when it can't be told:
/// a clear count of a lexicon language's function words settles it, else the
/// trigram model decides.
pub fn detect(text: &str, function_words: &FunctionWords) -> String {
    let sample = prefix(text, SAMPLE_BYTES);
    if let Some(lang) = function_words.guess(sample) {
        return lang.to_string();
    }
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return "und".into();
    }
    match whatlang::detect(sample) {
        Some(info) if info.is_reliable() || info.confidence() >= MIN_CONFIDENCE => {
            let code = iso639_1(info.lang());
            // A one-line item of a lexicon language that is mostly names
            // can look like another language to trigram counts ("Turkish
            // President Recep Tayyip Erdogan met … in Sochi on Monday" as
            // Uzbek), and a language without a lexicon codes nothing: two
            // function words of one lexicon language, and none of any
            // other, say which it is.
            let short = sample.len() <= SHORT_TEXT_BYTES;
            match function_words.leading(sample, SHORT_TEXT_HITS, 0) {
                Some(lang) if short && !function_words.knows(code) => lang.to_string(),
                _ => code.to_string(),
            }
        }
        // A short text in Arabic script that the trigram model cannot place
        // (it often guesses Urdu for a one-line Arabic item): without any
        // of the letters Persian and Urdu write and Arabic does not, it is
        // Arabic.
        Some(info) if info.script() == whatlang::Script::Arabic && !persian_letters(sample) => {
            "ar".into()
        }
        _ => "und".into(),
    }
}

/// Whether `text` has a letter of the Persian or Urdu alphabets that Arabic
/// does not use (پ چ ژ گ ک ی ے ٹ ڈ ڑ ں ھ).
fn persian_letters(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(
            c,
            '\u{067E}'
                | '\u{0686}'
                | '\u{0698}'
                | '\u{06AF}'
                | '\u{06A9}'
                | '\u{06CC}'
                | '\u{06D2}'
                | '\u{0679}'
                | '\u{0688}'
                | '\u{0691}'
                | '\u{06BA}'
                | '\u{06BE}'
        )
    })
}

/// Normalises a language tag given by the input itself (the JSON format's
/// `language`): `EN-us` → `en`, `ind` → `id`. `None` when empty.
pub fn normalize(tag: &str) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    if primary.is_empty() || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    if primary.len() == 3 {
        if let Some(lang) = Lang::from_code(primary.as_str()) {
            return Some(iso639_1(lang).to_string());
        }
    }
    Some(primary)
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// ISO 639-1 code of a whatlang language (its own codes are ISO 639-3).
///
/// whatlang has no Malay model today, but Malay and Indonesian are written
/// nearly alike and the articles we see are Indonesian: `ms` is folded into
/// `id` should a later whatlang add it. Languages without a two-letter code
/// keep their three-letter one.
fn iso639_1(lang: Lang) -> &'static str {
    match lang.code() {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "cym" => "cy",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" | "msa" | "zsm" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_whatlang_language_has_a_short_code() {
        for &lang in Lang::all() {
            assert_eq!(iso639_1(lang).len(), 2, "{lang:?}");
        }
    }

    #[test]
    fn detects_common_news_languages() {
        let cases = [
            (
                "en",
                "The defence ministry said on Tuesday that the convoy had been attacked near the \
                 border town and that several soldiers were wounded in the exchange of fire.",
            ),
            (
                "id",
                "Kementerian pertahanan mengatakan pada hari Selasa bahwa iring-iringan kendaraan \
                 itu diserang di dekat kota perbatasan dan beberapa tentara terluka dalam baku tembak.",
            ),
            (
                "fr",
                "Le ministère de la défense a déclaré mardi que le convoi avait été attaqué près de \
                 la ville frontalière et que plusieurs soldats avaient été blessés.",
            ),
            (
                "tr",
                "Savunma bakanlığı salı günü yaptığı açıklamada, konvoyun sınır kasabası yakınında \
                 saldırıya uğradığını ve çatışmada birkaç askerin yaralandığını söyledi.",
            ),
            (
                "ru",
                "Министерство обороны заявило во вторник, что колонна была атакована возле \
                 приграничного города и что несколько солдат были ранены в перестрелке.",
            ),
        ];
        for (want, text) in cases {
            assert_eq!(detect(text, &FunctionWords::default()), want, "{text}");
        }
    }

    #[test]
    fn arabic_news_is_arabic() {
        let long = "قالت وزارة الدفاع في بيان يوم الثلاثاء إن القافلة تعرضت لهجوم قرب البلدة \
                    الحدودية وإن عددا من الجنود أصيبوا في تبادل لإطلاق النار مع المسلحين.";
        assert_eq!(detect(long, &FunctionWords::default()), "ar");
        for short in [
            "هاجمت حماس مدينة سديروت.",
            "x\n\nهاجمت قوات الدعم السريع مدينة الفاشر.",
            "قصفت الطائرات الإسرائيلية مدينة غزة.",
        ] {
            assert_eq!(detect(short, &FunctionWords::default()), "ar", "{short}");
        }
    }

    #[test]
    fn persian_is_not_taken_for_arabic() {
        assert!(persian_letters("این یک متن فارسی است"));
        assert!(!persian_letters("هذا نص عربي"));
    }

    #[test]
    fn short_or_empty_text_is_undetermined() {
        let none = FunctionWords::default();
        assert_eq!(detect("", &none), "und");
        assert_eq!(detect("2020-02-28", &none), "und");
        assert_eq!(detect("Idlib", &none), "und");
    }

    #[test]
    fn given_tags_are_normalised() {
        assert_eq!(normalize("EN-us").as_deref(), Some("en"));
        assert_eq!(normalize("ind").as_deref(), Some("id"));
        assert_eq!(normalize("fr").as_deref(), Some("fr"));
        assert_eq!(normalize(" "), None);
        assert_eq!(normalize("12"), None);
    }

    #[test]
    fn long_text_is_sampled_on_a_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert!(prefix(&text, SAMPLE_BYTES + 1).len() <= SAMPLE_BYTES + 1);
        let _ = detect(&text, &FunctionWords::default());
    }
}
