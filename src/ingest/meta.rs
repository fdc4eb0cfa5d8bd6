//! Title, publication date and source URL of an article, read from its text.
//!
//! Scraped articles carry these as loose header lines in many shapes ("March
//! 02, 2020", "Senin, 2 Maret 2020 10:15 WIB", " date 2020-02-28", a
//! breadcrumb before the headline, "Original url:" at the end). The
//! publication date matters most: every relative date in the body ("on
//! Thursday", "kemarin") is resolved against it. Month names come from the
//! lexicon's `dates/*.toml`, so a new language needs data, not code.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::lexicon::Lexicon;

/// Title and date are looked for in this many non-empty lines from the top.
const HEAD_LINES: usize = 15;

/// A date anywhere inside a line (not a date line) counts as the publication
/// date only this close to the top; further down it is an event date.
const LOOSE_DATE_LINES: usize = 5;

/// A date line may hold this many other words ("Published 20:19 IST, …",
/// "Rabu, 27 November 2024 - 13:15 WIB").
const DATE_LINE_MAX_WORDS: usize = 4;

/// A headline has at least this many words (shorter: breadcrumbs, section
/// names, "Home Global Politics") and at most this many (longer: a paragraph).
const TITLE_MIN_WORDS: usize = 4;
const TITLE_MAX_WORDS: usize = 30;

/// What the text says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The publication date names its day ("2023-07" does not: the first of
    /// the month stands in, and "Sunday" cannot be counted from it).
    pub published_exact: bool,
    pub url: Option<String>,
}

/// How much of a found date the text gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    Day,
    /// "2020-02", "February 2020": the first of the month stands in.
    Month,
}

/// A date found in a line, with its byte range.
#[derive(Debug, Clone, Copy)]
struct Found {
    start: usize,
    end: usize,
    date: NaiveDate,
    precision: Precision,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("built-in pattern compiles")
}

/// 2020-02-28 (also the date part of 2020-02-28T10:15:00Z).
static ISO: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})-(\d{2})-(\d{2})"));
/// 2020/02/28: year first is never ambiguous.
static YMD_SLASH: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b"));
/// 2020-02 (month only).
static ISO_MONTH: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})-(\d{2})\b"));
/// 21 February 2020, 1st March 2020, 1 Maret 2020, 1er mars 2020, 5. März 2020.
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th|er|\.)?\s+(?:of\s+)?(?P<m>\p{L}+)\.?,?\s+(?P<y>\d{4})\b")
});
/// February 21, 2020; March 02, 2020; March 1st 2020; Feb. 3, 2020.
static MDY: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?P<m>\p{L}+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"));
/// February 2020 (month only).
static MY: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\p{L}+)\.?,?\s+(\d{4})\b"));
/// A scraper's date marker: " date 2020-02-28".
static DATE_MARKER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\bdate\s*:?\s*(\d{4}-\d{2}-\d{2})\b"));
static URL: LazyLock<Regex> = LazyLock::new(|| re(r#"https?://[^\s<>"'()\[\]]+"#));

/// Reads title, publication date and URL from an article's reduced text.
pub fn extract(text: &str, lexicon: &Lexicon) -> Meta {
    let lines = trimmed_lines(text);
    let head = &lines[..lines.len().min(HEAD_LINES)];
    let mut date_lines = DateLines::new(head, lexicon);
    let dated = published(&mut date_lines, lexicon);
    Meta {
        title: title(&mut date_lines),
        published: dated.map(|d| d.0),
        published_exact: dated.is_some_and(|d| d.1),
        url: url(&lines),
    }
}

/// `text.lines()`, trimmed, without the empty ones. The line breaks are
/// found with the `memchr` crate: `str::lines` looks for each through
/// `core`'s slower `memchr` (≈ 150 instructions a line, most of this
/// function's cost), and every line of the article is read for the URL.
/// (Trimming drops the `\r` of a `\r\n` as `lines` does.)
fn trimmed_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        let line = text[start..end].trim();
        if !line.is_empty() {
            lines.push(line);
        }
        start = end + 1;
    }
    lines
}

/// The first date in `s` (day precision or the first of a named month), for
/// dates given in a field of their own (JSON `published`, HTML `<meta>`).
pub fn parse_date(s: &str, lexicon: &Lexicon) -> Option<NaiveDate> {
    find_dates(s, lexicon).first().map(|f| f.date)
}

/// Which head lines are date lines, each worked out once: the publication
/// date and the headline both ask (the headline skips date lines), and
/// the date patterns are the costliest part of reading the head.
struct DateLines<'a> {
    head: &'a [&'a str],
    lexicon: &'a Lexicon,
    /// Per line: not asked yet, or the answer.
    known: Vec<Option<Option<Found>>>,
}

impl<'a> DateLines<'a> {
    fn new(head: &'a [&'a str], lexicon: &'a Lexicon) -> Self {
        DateLines {
            head,
            lexicon,
            known: vec![None; head.len()],
        }
    }

    /// [`date_line_found`] of head line `i`.
    fn get(&mut self, i: usize) -> Option<Found> {
        let (head, lexicon) = (self.head, self.lexicon);
        *self.known[i].get_or_insert_with(|| date_line_found(head[i], lexicon))
    }
}

fn published(lines: &mut DateLines<'_>, lexicon: &Lexicon) -> Option<(NaiveDate, bool)> {
    let head = lines.head;
    // A line that is (nearly) only a date is the dateline.
    if let Some(f) = (0..head.len()).find_map(|i| lines.get(i)) {
        return Some((f.date, f.precision == Precision::Day));
    }
    // A scraper's "date 2020-02-28" marker, even inside a paragraph.
    let marked = head.iter().find_map(|l| {
        let caps = DATE_MARKER.captures(l)?;
        NaiveDate::parse_from_str(caps.get(1)?.as_str(), "%Y-%m-%d").ok()
    });
    if let Some(d) = marked {
        return Some((d, true));
    }
    // A full date in the opening lines ("Senin, 28 Oktober 2019." in the lede).
    head.iter().take(LOOSE_DATE_LINES).find_map(|l| {
        find_dates(l, lexicon)
            .into_iter()
            .find(|f| f.precision == Precision::Day)
            .map(|f| (f.date, true))
    })
}

/// The date of a line that holds little else than a date.
fn date_line_found(line: &str, lexicon: &Lexicon) -> Option<Found> {
    // Every date form carries a year in digits (see `find_dates`): a line
    // without a digit is no date line, and is not worth counting its words.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // A date spells at most two words with letters ("of February"): a line
    // with many more is a paragraph, not worth the date patterns.
    if words_exceed(line, DATE_LINE_MAX_WORDS + 6) {
        return None;
    }
    let found = find_dates(line, lexicon);
    let first = *found.first()?;
    let mut others = 0;
    let mut pos = 0;
    for f in &found {
        others += word_count(&line[pos..f.start.max(pos)]);
        pos = pos.max(f.end);
    }
    others += word_count(&line[pos..]);
    (others <= DATE_LINE_MAX_WORDS).then_some(first)
}

/// Words with at least one letter (times, numbers and dashes don't count).
fn word_count(s: &str) -> usize {
    lettered_words(s).count()
}

/// `word_count(s) > max`, stopping at the word past `max`: head lines that
/// are paragraphs hold a hundred words.
fn words_exceed(s: &str, max: usize) -> bool {
    lettered_words(s).nth(max).is_some()
}

fn lettered_words(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Every date in `line`, earliest first (longest first at the same start).
fn find_dates(line: &str, lexicon: &Lexicon) -> Vec<Found> {
    // Every form carries a year in digits; most lines have none.
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1900..=2100).contains(y));
    let num = |s: &str| s.parse::<u32>().ok();
    let mut add = |start, end, y: Option<i32>, m: Option<u32>, d: Option<u32>, p| {
        if let (Some(y), Some(m), Some(d)) = (y, m, d) {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                found.push(Found {
                    start,
                    end,
                    date,
                    precision: p,
                });
            }
        }
    };
    // The ISO forms need a '-', the year-first slashed form a '/': a line
    // without one (most datelines spell the month) skips their patterns.
    let dash = memchr::memchr(b'-', line.as_bytes()).is_some();
    let slash = memchr::memchr(b'/', line.as_bytes()).is_some();
    for c in dash.then(|| ISO.captures_iter(line)).into_iter().flatten() {
        let (Some(all), Some(y), Some(m), Some(d)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if line[all.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let (y, m, d) = (year(y.as_str()), num(m.as_str()), num(d.as_str()));
        add(all.start(), all.end(), y, m, d, Precision::Day);
    }
    for c in slash
        .then(|| YMD_SLASH.captures_iter(line))
        .into_iter()
        .flatten()
    {
        let (Some(all), Some(y), Some(m), Some(d)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        let (y, m, d) = (year(y.as_str()), num(m.as_str()), num(d.as_str()));
        add(all.start(), all.end(), y, m, d, Precision::Day);
    }
    for c in dash
        .then(|| ISO_MONTH.captures_iter(line))
        .into_iter()
        .flatten()
    {
        let (Some(all), Some(y), Some(m)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        // The year-month of a full ISO date was taken above.
        let rest = &line[all.end()..];
        if rest.starts_with('-') && rest[1..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        let (y, m) = (year(y.as_str()), num(m.as_str()));
        add(all.start(), all.end(), y, m, Some(1), Precision::Month);
    }
    // Day-month-year and month-day-year name their groups alike.
    for c in DMY.captures_iter(line).chain(MDY.captures_iter(line)) {
        let (Some(all), Some(d), Some(m), Some(y)) =
            (c.get(0), c.name("d"), c.name("m"), c.name("y"))
        else {
            continue;
        };
        let (y, m, d) = (
            year(y.as_str()),
            month(lexicon, m.as_str()),
            num(d.as_str()),
        );
        add(all.start(), all.end(), y, m, d, Precision::Day);
    }
    for c in MY.captures_iter(line) {
        let (Some(all), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let (y, m) = (year(y.as_str()), month(lexicon, m.as_str()));
        add(all.start(), all.end(), y, m, Some(1), Precision::Month);
    }
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    // Drop matches inside an earlier one ("February 2020" inside "21 February 2020").
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if kept.last().is_none_or(|k| f.start >= k.end) {
            kept.push(f);
        }
    }
    kept
}

/// Month number of a month name (case-sensitive names such as "May" are
/// handled by the lexicon).
fn month(lexicon: &Lexicon, word: &str) -> Option<u32> {
    lexicon.month(word)
}

/// The headline: a Markdown `# ` heading if the text has one near the top,
/// else the first line that looks like a sentence-length headline.
fn title(lines: &mut DateLines<'_>) -> Option<String> {
    let head = lines.head;
    if let Some(h) = head.iter().find_map(|l| l.strip_prefix("# ")) {
        let t = clean_title(h);
        if !t.is_empty() {
            return Some(t);
        }
    }
    for (i, line) in head.iter().enumerate() {
        if is_boilerplate(line) || lines.get(i).is_some() {
            continue;
        }
        let t = clean_title(line);
        let words = t.split_whitespace().count();
        // The body has begun: a text that opens with its lede has no headline.
        if words > TITLE_MAX_WORDS || ends_sentence(&t) {
            return None;
        }
        if words >= TITLE_MIN_WORDS {
            return Some(t);
        }
    }
    None
}

/// Whether a line ends like a sentence of running text; headlines don't
/// end with a full stop.
fn ends_sentence(line: &str) -> bool {
    let t = line.trim_end_matches(['"', '\'', '\u{201D}', '\u{2019}', ')']);
    t.ends_with('.') && !t.ends_with("...")
}

/// Strips Markdown heading marks and emphasis around a headline.
fn clean_title(line: &str) -> String {
    let t = line.trim().trim_start_matches('#').trim();
    let t = t.trim_matches(|c| c == '*' || c == '_').trim();
    t.to_string()
}

/// Lines that are never the headline: bylines, URL lines, breadcrumbs.
fn is_boilerplate(line: &str) -> bool {
    let prefixes = [
        "by ",
        "original url",
        "url:",
        "source:",
        "http://",
        "https://",
        "<http",
    ];
    if prefixes.iter().any(|p| starts_lowered(line, p)) {
        return true;
    }
    // "Home › World › Middle East": two or more breadcrumb separators.
    line.chars()
        .filter(|c| matches!(c, '›' | '»' | '>' | '|'))
        .count()
        >= 2
}

/// The article's own address: an "Original url:" / "Source:" line (the URL on
/// it or on the next line), else the first line that is only a URL.
fn url(lines: &[&str]) -> Option<String> {
    for (i, line) in lines.iter().enumerate() {
        // Every label begins with o, u or s, and no character but those
        // (either case) lower-cases to a string that does: most lines
        // are ruled out by their first byte.
        if !matches!(
            line.as_bytes().first().map(|b| b | 0x20),
            Some(b'o' | b'u' | b's')
        ) {
            continue;
        }
        let labelled = ["original url", "url:", "source:", "sumber:"]
            .iter()
            .find(|p| starts_lowered(line, p));
        let Some(label) = labelled else { continue };
        if let Some(u) = find_url(line) {
            return Some(u);
        }
        // "Original url:" alone, the address on the next line.
        if *label != "source:" && *label != "sumber:" {
            if let Some(u) = lines.get(i + 1).and_then(|l| find_url(l)) {
                return Some(u);
            }
        }
    }
    lines.iter().find_map(|l| {
        let bare = l.trim_start_matches('<').trim_end_matches('>');
        // A URL no more than two bytes shorter than the line starts in its
        // first three bytes, with "http": other lines need no regex.
        let head = &bare.as_bytes()[..bare.len().min(6)];
        if !head.windows(4).any(|w| w == b"http") {
            return None;
        }
        let u = find_url(bare)?;
        (u.len() + 2 >= bare.len()).then_some(u)
    })
}

/// `line.to_lowercase().starts_with(prefix)` for an ASCII `prefix`, lower-
/// casing only as many characters as the prefix has: the URL search asks
/// it of every line of every article. (`to_lowercase` differs from
/// lower-casing char by char only in a final sigma, never ASCII.)
fn starts_lowered(line: &str, prefix: &str) -> bool {
    debug_assert!(prefix.is_ascii());
    let mut lowered = line.chars().flat_map(char::to_lowercase);
    prefix.chars().all(|p| lowered.next() == Some(p))
}

fn find_url(s: &str) -> Option<String> {
    URL.find(s).map(|m| {
        m.as_str()
            .trim_end_matches(['.', ',', ';', ':'])
            .to_string()
    })
}

#[cfg(test)]
pub(crate) mod testutil {
    use std::path::Path;

    use crate::lexicon::Lexicon;

    /// A tiny lexicon written by the test itself, so tests don't depend on
    /// the shipped data.
    pub(crate) fn lexicon() -> Lexicon {
        let dir = tempfile::tempdir().expect("tempdir");
        let write = |rel: &str, body: &str| {
            let p = dir.path().join(rel);
            std::fs::create_dir_all(p.parent().unwrap_or(Path::new("."))).expect("mkdir");
            std::fs::write(p, body).expect("write");
        };
        write(
            "actors/x.toml",
            "[[actor]]\ncode = \"XXX\"\nname = \"Xland\"\naliases = [\"Xland\"]\n",
        );
        write(
            "dates/en.toml",
            "[months]\njanuary = 1\nfebruary = 2\nfeb = 2\nmarch = 3\n\"=May\" = 5\n\
             july = 7\nnovember = 11\n",
        );
        write(
            "dates/id.toml",
            "[months]\njanuari = 1\nfebruari = 2\nmaret = 3\nmei = 5\nnovember = 11\n\
             oktober = 10\n",
        );
        Lexicon::load(dir.path()).expect("test lexicon loads")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn published_of(text: &str) -> Option<NaiveDate> {
        extract(text, &testutil::lexicon()).published
    }

    #[test]
    fn dates_in_every_header_shape() {
        let cases = [
            ("# A headline of some length\n\nFebruary 21, 2020\n\nBody.", ymd(2020, 2, 21)),
            ("Headline here for the test\n\nMarch 02, 2020\n", ymd(2020, 3, 2)),
            (" date 2020-02-28 Xland said its forces moved on the town overnight and more words follow here.", ymd(2020, 2, 28)),
            ("A headline of four words\n2020-02-28\n\nBody text.", ymd(2020, 2, 28)),
            ("A headline of four words\n2020-02\n\nBody text.", ymd(2020, 2, 1)),
            ("A headline of four words\n21 February 2020\n", ymd(2020, 2, 21)),
            ("Judul berita yang cukup panjang\n1 Maret 2020\n", ymd(2020, 3, 1)),
            ("Judul berita yang cukup panjang\nSenin, 2 Maret 2020 10:15 WIB\n", ymd(2020, 3, 2)),
            ("Judul berita yang cukup panjang\nRabu, 27 November 2024 - 13:15 WIB\n", ymd(2024, 11, 27)),
            ("Published 20:19 IST, March 1st 2020\nA headline of four words\n", ymd(2020, 3, 1)),
            ("Headline of the story today\nBy A. Writer\nMay 20, 2021 9:52 pm(Updated May 21, 2021 12:33 am)\n", ymd(2021, 5, 20)),
            ("Headline of the story today\nFeb. 3, 2020\n", ymd(2020, 2, 3)),
            ("Headline of the story today\n2020/02/28\n", ymd(2020, 2, 28)),
            ("Judul berita yang cukup panjang\n\nKOTA - Pertandingan itu digelar di stadion, Senin, 28 Oktober 2019. Kedua tim bermain.\n", ymd(2019, 10, 28)),
        ];
        let lex = testutil::lexicon();
        for (text, want) in cases {
            assert_eq!(extract(text, &lex).published, want, "{text:?}");
        }
    }

    #[test]
    fn ambiguous_or_yearless_dates_are_skipped() {
        assert_eq!(
            published_of("Headline of the story today\n02/03/2020\n"),
            None
        );
        assert_eq!(
            published_of("Headline of the story today\nCity, Feb 27:\n"),
            None
        );
        // Unknown month word (not in the lexicon) is no date.
        assert_eq!(
            published_of("Headline of the story today\n3 Brumaire 2020\n"),
            None
        );
        // "may" the verb is no month; the lexicon lists only "=May".
        assert_eq!(
            published_of("Headline of the story today\nit may 3, 2020\n"),
            None
        );
        // 31 February does not exist.
        assert_eq!(
            published_of("Headline of the story today\nFebruary 31, 2020\n"),
            None
        );
    }

    #[test]
    fn a_date_deep_in_the_body_is_not_the_publication_date() {
        let mut text = String::from("Headline of the story today\n");
        for i in 0..6 {
            text.push_str(&format!("Paragraph {i} says nothing about dates at all.\n"));
        }
        text.push_str("The talks were held on 5 March 2020 in the capital.\n");
        assert_eq!(published_of(&text), None);
    }

    #[test]
    fn date_inside_a_headline_does_not_make_it_a_date_line() {
        let lex = testutil::lexicon();
        let m = extract(
            "Ceasefire agreed on 5 March 2020 in capital talks\n2020-03-06\n",
            &lex,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Ceasefire agreed on 5 March 2020 in capital talks")
        );
        assert_eq!(m.published, ymd(2020, 3, 6));
    }

    #[test]
    fn titles_skip_breadcrumbs_and_prefer_headings() {
        let lex = testutil::lexicon();
        let m = extract(
            "Home Global Politics\n\nXland And Yland On The Verge\n\nBody.",
            &lex,
        );
        assert_eq!(m.title.as_deref(), Some("Xland And Yland On The Verge"));
        let m = extract("\n\n# Xland Says It Will Respond\n\nBy [Agency](#)\n", &lex);
        assert_eq!(m.title.as_deref(), Some("Xland Says It Will Respond"));
        let m = extract(
            "Home › World › Region › Some longer words here\nThe real headline is this one\n",
            &lex,
        );
        assert_eq!(m.title.as_deref(), Some("The real headline is this one"));
        // A lone paragraph is no headline, nor is a lede that opens the text.
        let long = "word ".repeat(60);
        assert_eq!(extract(&long, &lex).title, None);
        let m = extract(
            "Xland said on Monday its troops had left the town.\n\nA short subhead here\n",
            &lex,
        );
        assert_eq!(m.title, None);
    }

    #[test]
    fn prefix_test_lowers_like_to_lowercase() {
        let lines = [
            "Original URL: x",
            "ORIGINAL url",
            "Source:",
            "SUMBER: a",
            "By Reuters",
            "\u{212a}x",
            "İstanbul",
            "ΣΟΥΡΣ",
            "url",
            "",
            "Ur",
            "<HTTP://x",
        ];
        for line in lines {
            for p in [
                "original url",
                "url:",
                "source:",
                "sumber:",
                "by ",
                "<http",
                "kx",
                "i",
            ] {
                let lower = line.to_lowercase();
                assert_eq!(starts_lowered(line, p), lower.starts_with(p), "{line} {p}");
            }
        }
    }

    #[test]
    fn urls_from_labels_or_bare_lines() {
        let lex = testutil::lexicon();
        let m = extract(
            "Title of the article here\n\nBody.\n\nOriginal url:\n\n<https://example.org/a/b-1>\n",
            &lex,
        );
        assert_eq!(m.url.as_deref(), Some("https://example.org/a/b-1"));
        let m = extract(
            "Title of the article here\nOriginal URL: https://example.org/x?y=1.\n",
            &lex,
        );
        assert_eq!(m.url.as_deref(), Some("https://example.org/x?y=1"));
        let m = extract(
            "Title of the article here\nSource: http://example.net/p\n",
            &lex,
        );
        assert_eq!(m.url.as_deref(), Some("http://example.net/p"));
        let m = extract("Title of the article here\nSee https://example.com/in-text for more.\nhttps://example.com/own\n", &lex);
        assert_eq!(m.url.as_deref(), Some("https://example.com/own"));
        let m = extract(
            "Title of the article here\nSee https://example.com/in-text for more.\n",
            &lex,
        );
        assert_eq!(m.url, None);
    }

    #[test]
    fn parse_date_reads_field_values() {
        let lex = testutil::lexicon();
        assert_eq!(parse_date("2020-02-28T10:15:00Z", &lex), ymd(2020, 2, 28));
        assert_eq!(parse_date("1 Maret 2020", &lex), ymd(2020, 3, 1));
        assert_eq!(parse_date("soon", &lex), None);
    }
}
