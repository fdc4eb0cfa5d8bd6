//! The bytes of one file → an [`Article`]: plain text plus a map back into the file.
//!
//! The format is told by the extension. Markdown and HTML are reduced to plain
//! text and JSON's `text` is unescaped, but evidence spans must point at the
//! bytes the user dropped, so every copied run records where it came from in
//! an [`OffsetMap`]. Block boundaries become blank lines so that sentences of
//! different paragraphs, headings or list items never run together.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{decode, lang, meta};
use crate::lexicon::Lexicon;
use crate::model::{Article, OffsetMap};

/// Identity of a file's content: the first 16 hex digits of its blake3 hash.
pub fn content_id(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex()[..16].to_string()
}

/// `text` → `decoded` offsets (`inner`) → file offsets (`outer`), as one map.
/// Re-encoded characters change width, so runs are re-cut at every character
/// (consecutive ones merge again when widths agree, as ASCII's do).
fn compose(text: &str, inner: &OffsetMap, outer: &OffsetMap) -> OffsetMap {
    let mut map = OffsetMap::default();
    for (i, _) in text.char_indices() {
        map.push(i, outer.to_original(inner.to_original(i)));
    }
    map
}

/// Parses one file. `Err` carries the reason it is refused (not text, no
/// text, a format we don't read). [`prepare`] then [`Draft::finish`].
pub fn parse(path: &Path, bytes: &[u8], lexicon: &Lexicon) -> Result<Article, String> {
    prepare(path, bytes, lexicon).map(|d| d.finish(lexicon))
}

/// A file decoded and reduced to text, not yet looked at for its
/// publication date, title and language: everything that can refuse a file
/// is done, what is left ([`finish`](Draft::finish)) always succeeds and
/// depends only on the text, so the daemon's reader (one thread, which must
/// decide refusals in order) hands it to the extract workers.
#[derive(Debug)]
pub struct Draft {
    pub id: String,
    path: std::path::PathBuf,
    reduced: Reduced,
    /// When the file arrived (see [`Article::received`]).
    pub received: Option<NaiveDate>,
}

/// The refusing half of [`parse`]: type, decoding, reduction to text.
pub fn prepare(path: &Path, bytes: &[u8], lexicon: &Lexicon) -> Result<Draft, String> {
    let id = content_id(bytes);
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    // The type first: "unsupported .pdf" says more than "binary".
    let reduce: fn(&str, usize, &Lexicon) -> Result<Reduced, String> = match ext.as_str() {
        "txt" | "text" => |s, b, _| Ok(plain(s, b)),
        "md" | "markdown" => |s, b, _| Ok(markdown(s, b)),
        "html" | "htm" => html,
        "json" => json,
        "" => return Err("no file extension: expected .txt, .md, .html or .json".into()),
        other => {
            return Err(format!(
                "unsupported file type .{other}: expected .txt, .md, .html or .json"
            ))
        }
    };
    let declared = match ext.as_str() {
        "html" | "htm" => decode::html_charset(bytes),
        _ => None,
    };
    let decoded = decode::decode(bytes, declared)?;
    let reduced = match &decoded.map {
        None => reduce(&decoded.text, decoded.base, lexicon)?,
        Some(file_map) => {
            // Reduce the re-encoded text, then carry its offsets on into the file.
            let mut r = reduce(&decoded.text, 0, lexicon)?;
            r.offsets = compose(&r.text, &r.offsets, file_map);
            r
        }
    };
    if decoded.encoding != encoding_rs::UTF_8 {
        tracing::debug!(file = %path.display(), encoding = decoded.encoding.name(), "decoded legacy encoding");
    }
    if reduced.text.trim().is_empty() {
        return Err("no text".into());
    }
    Ok(Draft {
        id,
        path: path.to_path_buf(),
        reduced,
        received: None,
    })
}

impl Draft {
    /// The half of [`parse`] that cannot refuse: title, publication date
    /// and URL found in the text ([`meta`]) and the language ([`lang`]).
    pub fn finish(self, lexicon: &Lexicon) -> Article {
        let Draft {
            id,
            path,
            reduced,
            received,
        } = self;
        let found = meta::extract(&reduced.text, lexicon);
        let language = match reduced.language {
            Some(l) => l,
            None => {
                let detected = lang::detect(&reduced.text, lexicon.function_words());
                match reduced.lang_hint {
                    Some(hint) if detected == "und" => hint,
                    _ => detected,
                }
            }
        };
        let file = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        Article {
            id,
            file,
            title: reduced.title.or(found.title),
            published_exact: if reduced.published.is_some() {
                true
            } else {
                found.published_exact
            },
            published: reduced.published.or(found.published),
            received,
            url: reduced.url.or(found.url),
            language,
            text: reduced.text,
            offsets: reduced.offsets,
            path,
        }
    }
}

/// Reduced text and what the format itself says about the article; header
/// fields found here win over those [`meta`] guesses from the text.
#[derive(Debug, Default)]
struct Reduced {
    text: String,
    offsets: OffsetMap,
    title: Option<String>,
    published: Option<NaiveDate>,
    url: Option<String>,
    /// Declared by the input (JSON `language`): wins over detection.
    language: Option<String>,
    /// Declared by the page (`<html lang>`): used only when detection can't tell.
    lang_hint: Option<String>,
}

/// Builds reduced text and its offset map together.
///
/// Breaks and spaces between runs are requested, not written, and only
/// materialise before the next text, so there are no leading, trailing or
/// doubled separators however the blocks nest.
struct Out {
    text: String,
    offsets: OffsetMap,
    /// Added to every original offset (the BOM, when stripped).
    base: usize,
    pending: Sep,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    None,
    Space,
    Line,
    Para,
}

impl Out {
    fn new(base: usize) -> Self {
        Out {
            text: String::new(),
            offsets: OffsetMap::default(),
            base,
            pending: Sep::None,
        }
    }

    fn want(&mut self, sep: Sep) {
        self.pending = self.pending.max(sep);
    }

    /// Writes the pending separator, mapped to `orig` (where the next text is).
    fn flush(&mut self, orig: usize) {
        let sep = std::mem::replace(&mut self.pending, Sep::None);
        let s = match sep {
            _ if self.text.is_empty() => return,
            Sep::None => return,
            Sep::Space if self.text.ends_with(char::is_whitespace) => return,
            Sep::Space => " ",
            Sep::Line if self.text.ends_with('\n') => return,
            Sep::Line => "\n",
            Sep::Para if self.text.ends_with("\n\n") => return,
            Sep::Para if self.text.ends_with('\n') => "\n",
            Sep::Para => "\n\n",
        };
        self.offsets.push(self.text.len(), self.base + orig);
        self.text.push_str(s);
    }

    /// Appends `s`, copied from original offset `orig` on.
    fn push_str(&mut self, s: &str, orig: usize) {
        if s.is_empty() {
            return;
        }
        self.flush(orig);
        self.offsets.push(self.text.len(), self.base + orig);
        self.text.push_str(s);
    }

    fn push_char(&mut self, c: char, orig: usize) {
        self.flush(orig);
        self.offsets.push(self.text.len(), self.base + orig);
        self.text.push(c);
    }

    /// Appends HTML character data starting at `orig`: entities decoded,
    /// white space runs collapsed to one space (as a browser renders it).
    fn push_html(&mut self, s: &str, orig: usize) {
        let mut i = 0;
        while let Some(c) = s[i..].chars().next() {
            if c.is_whitespace() {
                self.want(Sep::Space);
                i += c.len_utf8();
                continue;
            }
            if c == '&' {
                if let Some((decoded, len)) = decode_entity(&s[i..]) {
                    if decoded.is_empty() {
                        // A soft hyphen or joiner: nothing to show.
                    } else if decoded.chars().all(char::is_whitespace) {
                        self.want(Sep::Space);
                    } else {
                        self.push_str(decoded.as_ref(), orig + i);
                    }
                    i += len;
                    continue;
                }
            }
            self.push_char(c, orig + i);
            i += c.len_utf8();
        }
    }

    fn finish(self) -> (String, OffsetMap) {
        (self.text, self.offsets)
    }
}

/// Plain text is its own reduced text.
fn plain(src: &str, base: usize) -> Reduced {
    let mut offsets = OffsetMap::identity();
    if base > 0 {
        offsets = OffsetMap::default();
        offsets.push(0, base);
    }
    Reduced {
        text: src.to_string(),
        offsets,
        ..Reduced::default()
    }
}

/// Where in `src[range]` the text of an event starts: the text itself when
/// it was copied verbatim, else the start of its source range (escapes and
/// entities make the two differ).
fn locate(src: &str, range: &std::ops::Range<usize>, text: &str) -> usize {
    src.get(range.clone())
        .and_then(|s| s.find(text))
        .map_or(range.start, |k| range.start + k)
}

/// Markdown → text: keeps the words, drops the markup, link targets and images.
fn markdown(src: &str, base: usize) -> Reduced {
    let mut out = Out::new(base);
    let mut title: Option<String> = None;
    let mut capturing: Option<String> = None;
    let mut in_image = 0usize;
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Start(Tag::Heading { level, .. }) => {
                out.want(Sep::Para);
                if level == HeadingLevel::H1 && title.is_none() {
                    capturing = Some(String::new());
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(t) = capturing.take() {
                    let t = t.trim();
                    if !t.is_empty() {
                        title = Some(t.to_string());
                    }
                }
                out.want(Sep::Para);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Item
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::List(_)
                | Tag::Table(_)
                | Tag::TableHead
                | Tag::TableRow
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition
                | Tag::HtmlBlock,
            ) => out.want(Sep::Para),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionList
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition
                | TagEnd::HtmlBlock,
            ) => out.want(Sep::Para),
            Event::Start(Tag::TableCell) | Event::End(TagEnd::TableCell) => out.want(Sep::Space),
            Event::Text(t) | Event::Code(t) if in_image == 0 => {
                out.push_str(&t, locate(src, &range, &t));
                if let Some(c) = capturing.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::SoftBreak => {
                // A wrapped line: the sentence goes on.
                out.want(Sep::Space);
                if let Some(c) = capturing.as_mut() {
                    c.push(' ');
                }
            }
            Event::HardBreak => out.want(Sep::Line),
            Event::Rule => out.want(Sep::Para),
            _ => {}
        }
    }
    let (text, offsets) = out.finish();
    Reduced {
        text,
        offsets,
        title,
        ..Reduced::default()
    }
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "noscript", "head", "template", "svg",
    "iframe", "form", "button", "select", "object", "canvas",
];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tr",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "caption",
    "body",
    "center",
];

/// Blanks the content of `<script>` and `<style>` (keeping every byte
/// offset), since their `<` and `>` would otherwise be read as markup.
fn blank_raw_text(src: &str) -> Result<String, String> {
    let mut bytes = src.as_bytes().to_vec();
    let lower = src.to_ascii_lowercase();
    for name in ["script", "style"] {
        let open = format!("<{name}");
        let close = format!("</{name}");
        let mut from = 0;
        while let Some(k) = lower[from..].find(&open) {
            let tag = from + k;
            let after = tag + open.len();
            // `<scripts>` or `<styled>` are other elements.
            if !lower[after..].starts_with(|c: char| c == '>' || c == '/' || c.is_whitespace()) {
                from = after;
                continue;
            }
            let Some(gt) = lower[after..].find('>') else {
                break;
            };
            let content = after + gt + 1;
            let end = lower[content..]
                .find(&close)
                .map_or(lower.len(), |e| content + e);
            // Between an ASCII `>` and `<`: whole characters only, so spaces keep it UTF-8.
            bytes[content..end].fill(b' ');
            from = end;
        }
    }
    String::from_utf8(bytes).map_err(|e| format!("HTML: {e}"))
}

/// Text of `node` and its descendants, entities decoded, white space collapsed.
fn inner_text(node: &tl::Node<'_>, parser: &tl::Parser<'_>) -> String {
    let mut out = Out::new(0);
    out.push_html(&node.inner_text(parser), 0);
    out.text.trim().to_string()
}

/// What a `<meta>` element says, if anything we use.
fn meta_tag(tag: &tl::HTMLTag<'_>, r: &mut Reduced, lexicon: &Lexicon) {
    let attr = |k: &str| {
        tag.attributes()
            .get(k)
            .flatten()
            .map(|v| v.as_utf8_str().into_owned())
    };
    let Some(content) = attr("content") else {
        return;
    };
    let key = attr("property")
        .or_else(|| attr("name"))
        .or_else(|| attr("itemprop"))
        .unwrap_or_default()
        .to_ascii_lowercase();
    match key.as_str() {
        "article:published_time"
        | "datepublished"
        | "date"
        | "pubdate"
        | "publish-date"
        | "dc.date"
        | "dc.date.issued"
            if r.published.is_none() =>
        {
            r.published = meta::parse_date(&content, lexicon);
        }
        "og:url" if r.url.is_none() && content.starts_with("http") => r.url = Some(content),
        _ => {}
    }
}

/// HTML → text: the readable content, without navigation, scripts and chrome.
fn html(src: &str, base: usize, lexicon: &Lexicon) -> Result<Reduced, String> {
    let blanked = blank_raw_text(src)?;
    let dom =
        tl::parse(&blanked, tl::ParserOptions::default()).map_err(|e| format!("HTML: {e}"))?;
    let parser = dom.parser();
    let origin = blanked.as_ptr() as usize;
    let mut r = Reduced::default();
    let mut out = Out::new(base);
    let mut first_h1: Option<String> = None;

    enum Step {
        Visit(tl::NodeHandle),
        Leave { block: bool, skipped: bool },
    }
    let mut stack: Vec<Step> = dom
        .children()
        .iter()
        .rev()
        .map(|&h| Step::Visit(h))
        .collect();
    let mut skip_depth = 0usize;
    while let Some(step) = stack.pop() {
        let handle = match step {
            Step::Visit(h) => h,
            Step::Leave { block, skipped } => {
                if skipped {
                    skip_depth = skip_depth.saturating_sub(1);
                }
                if block {
                    out.want(Sep::Para);
                }
                continue;
            }
        };
        let Some(node) = handle.get(parser) else {
            continue;
        };
        match node {
            tl::Node::Raw(bytes) => {
                if skip_depth > 0 {
                    continue;
                }
                let Some(raw) = bytes.as_bytes_borrowed() else {
                    continue;
                };
                let Ok(text) = std::str::from_utf8(raw) else {
                    continue;
                };
                // Text nodes borrow from the input: their address gives their offset.
                let orig = (raw.as_ptr() as usize)
                    .checked_sub(origin)
                    .filter(|&o| o <= blanked.len())
                    .unwrap_or(0);
                out.push_html(text, orig);
            }
            tl::Node::Comment(_) => {}
            tl::Node::Tag(tag) => {
                let name = tag.name().as_utf8_str().to_ascii_lowercase();
                match name.as_str() {
                    "title" => {
                        if r.title.is_none() {
                            let t = inner_text(node, parser);
                            if !t.is_empty() {
                                r.title = Some(t);
                            }
                        }
                        continue;
                    }
                    "meta" => {
                        meta_tag(tag, &mut r, lexicon);
                        continue;
                    }
                    "link" => {
                        let attrs = tag.attributes();
                        let rel = attrs.get("rel").flatten().map(|v| v.as_utf8_str());
                        if r.url.is_none()
                            && rel.is_some_and(|v| v.eq_ignore_ascii_case("canonical"))
                        {
                            r.url = attrs
                                .get("href")
                                .flatten()
                                .map(|v| v.as_utf8_str().into_owned())
                                .filter(|u| u.starts_with("http"));
                        }
                        continue;
                    }
                    "html" => {
                        if let Some(l) = tag.attributes().get("lang").flatten() {
                            r.lang_hint = lang::normalize(&l.as_utf8_str());
                        }
                    }
                    "time" if skip_depth == 0 && r.published.is_none() => {
                        if let Some(dt) = tag.attributes().get("datetime").flatten() {
                            r.published = meta::parse_date(&dt.as_utf8_str(), lexicon);
                        }
                    }
                    "h1" if skip_depth == 0 && first_h1.is_none() => {
                        let t = inner_text(node, parser);
                        if !t.is_empty() {
                            first_h1 = Some(t);
                        }
                    }
                    "br" => {
                        out.want(Sep::Line);
                        continue;
                    }
                    "img" | "input" => continue,
                    _ => {}
                }
                let skipped = SKIPPED.contains(&name.as_str());
                let block = BLOCKS.contains(&name.as_str()) || matches!(name.as_str(), "td" | "th");
                if skipped {
                    skip_depth += 1;
                }
                if block {
                    out.want(if matches!(name.as_str(), "td" | "th") {
                        Sep::Space
                    } else {
                        Sep::Para
                    });
                }
                stack.push(Step::Leave { block, skipped });
                for &child in tag.children().top().as_slice().iter().rev() {
                    stack.push(Step::Visit(child));
                }
            }
        }
    }
    let (text, offsets) = out.finish();
    r.text = text;
    r.offsets = offsets;
    r.title = r.title.or(first_h1);
    Ok(r)
}

/// Decodes the entity at the start of `s` (which starts with `&`): the text
/// and how many bytes of `s` it took. `None`: not an entity, keep the `&`.
fn decode_entity(s: &str) -> Option<(std::borrow::Cow<'static, str>, usize)> {
    // Entity names are short ASCII: look for the `;` in the first bytes only.
    let semi = s.bytes().take(34).position(|b| b == b';')?;
    let name = s.get(1..semi)?;
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'#') {
        return None;
    }
    let len = semi + 1;
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        let c = match code {
            0 => '\u{FFFD}',
            c => char::from_u32(c).unwrap_or('\u{FFFD}'),
        };
        return Some((c.to_string().into(), len));
    }
    // Named entities: the full HTML5 table, from html-escape.
    let raw = &s[..len];
    match html_escape::decode_html_entities(raw) {
        std::borrow::Cow::Owned(text) => Some((text.into(), len)),
        std::borrow::Cow::Borrowed(_) => None,
    }
}

/// Positions of the string values of a JSON object's top-level keys: key →
/// offset of the value's opening quote. Scans by hand, since serde_json does
/// not tell where a value was.
fn top_level_strings(src: &str) -> HashMap<String, usize> {
    let b = src.as_bytes();
    let mut found = HashMap::new();
    let ws = |mut i: usize| {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    };
    let mut i = ws(0);
    if b.get(i) != Some(&b'{') {
        return found;
    }
    i += 1;
    loop {
        i = ws(i);
        if b.get(i) != Some(&b'"') {
            return found;
        }
        let mut key = String::new();
        let Some(after_key) = json_string(src, i, |c, _| key.push(c)) else {
            return found;
        };
        i = ws(after_key);
        if b.get(i) != Some(&b':') {
            return found;
        }
        i = ws(i + 1);
        let Some(end) = skip_json_value(src, i) else {
            return found;
        };
        if b.get(i) == Some(&b'"') {
            // The last of duplicate keys wins, as in serde_json.
            found.insert(key, i);
        }
        i = ws(end);
        match b.get(i) {
            Some(b',') => i += 1,
            _ => return found,
        }
    }
}

/// Decodes the JSON string whose opening quote is at `start`, calling `emit`
/// with each char and the offset of the source text it came from. Returns
/// the offset just past the closing quote.
fn json_string(src: &str, start: usize, mut emit: impl FnMut(char, usize)) -> Option<usize> {
    let b = src.as_bytes();
    if b.get(start) != Some(&b'"') {
        return None;
    }
    let mut i = start + 1;
    loop {
        let c = src.get(i..)?.chars().next()?;
        match c {
            '"' => return Some(i + 1),
            '\\' => {
                let esc = *b.get(i + 1)?;
                let (ch, len) = match esc {
                    b'"' => ('"', 2),
                    b'\\' => ('\\', 2),
                    b'/' => ('/', 2),
                    b'b' => ('\u{8}', 2),
                    b'f' => ('\u{c}', 2),
                    b'n' => ('\n', 2),
                    b'r' => ('\r', 2),
                    b't' => ('\t', 2),
                    b'u' => {
                        let hi = u32::from_str_radix(src.get(i + 2..i + 6)?, 16).ok()?;
                        let lo = src
                            .get(i + 6..i + 12)
                            .and_then(|s| s.strip_prefix("\\u"))
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .filter(|lo| (0xDC00..0xE000).contains(lo));
                        match lo {
                            Some(lo) if (0xD800..0xDC00).contains(&hi) => {
                                let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                                (char::from_u32(code).unwrap_or('\u{FFFD}'), 12)
                            }
                            _ => (char::from_u32(hi).unwrap_or('\u{FFFD}'), 6),
                        }
                    }
                    _ => return None,
                };
                emit(ch, i);
                i += len;
            }
            c => {
                emit(c, i);
                i += c.len_utf8();
            }
        }
    }
}

/// The offset just past the JSON value starting at `start`.
fn skip_json_value(src: &str, start: usize) -> Option<usize> {
    let b = src.as_bytes();
    match *b.get(start)? {
        b'"' => json_string(src, start, |_, _| {}),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = start;
            while i < b.len() {
                match b[i] {
                    b'"' => {
                        i = json_string(src, i, |_, _| {})?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let mut i = start;
            while i < b.len() && !matches!(b[i], b',' | b'}' | b']') && !b[i].is_ascii_whitespace()
            {
                i += 1;
            }
            Some(i)
        }
    }
}

/// `{"title","published","url","language","text"}` → text (title, then body).
fn json(src: &str, base: usize, lexicon: &Lexicon) -> Result<Reduced, String> {
    let value: serde_json::Value =
        serde_json::from_str(src).map_err(|e| format!("invalid JSON: {e}"))?;
    let obj = value
        .as_object()
        .ok_or("JSON is not an object with a \"text\" field")?;
    let field = |k: &str| {
        obj.get(k)
            .and_then(|v| v.as_str())
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    if obj.get("text").and_then(|v| v.as_str()).is_none() {
        return Err("JSON has no \"text\" string".into());
    }
    let positions = top_level_strings(src);
    let mut out = Out::new(base);
    let copy = |key: &str, out: &mut Out| {
        match positions.get(key) {
            Some(&pos) => {
                let _ = json_string(src, pos, |c, at| out.push_char(c, at));
            }
            // Not found by the scanner (never expected): map the whole value to the start.
            None => {
                if let Some(s) = obj.get(key).and_then(|v| v.as_str()) {
                    out.push_str(s, 0);
                }
            }
        }
    };
    if field("title").is_some() {
        copy("title", &mut out);
        out.want(Sep::Para);
    }
    copy("text", &mut out);
    let (text, offsets) = out.finish();
    Ok(Reduced {
        text,
        offsets,
        title: field("title").map(str::to_string),
        published: field("published").and_then(|p| meta::parse_date(p, lexicon)),
        url: field("url").map(str::to_string),
        language: field("language").and_then(lang::normalize),
        lang_hint: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::meta::testutil;

    const BOM: &[u8] = b"\xEF\xBB\xBF";

    fn parse_as(name: &str, body: &str) -> Article {
        parse(Path::new(name), body.as_bytes(), &testutil::lexicon()).expect("parses")
    }

    /// The bytes of the original file that reduced text `needle` maps to.
    fn original_of<'a>(a: &Article, file: &'a str, needle: &str) -> &'a str {
        let start = a.text.find(needle).expect("needle in reduced text");
        let o = a.offsets.to_original(start);
        &file[o..o + needle.len()]
    }

    #[test]
    fn txt_is_its_own_text() {
        let body =
            "Xland troops shelled the border town\n\nMarch 02, 2020\n\nThe shelling began at dawn.";
        let a = parse_as("a.txt", body);
        assert_eq!(a.text, body);
        assert_eq!(a.file, "a.txt");
        assert_eq!(a.id.len(), 16);
        assert_eq!(a.id, content_id(body.as_bytes()));
        assert_eq!(
            a.title.as_deref(),
            Some("Xland troops shelled the border town")
        );
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 3, 2));
        assert_eq!(original_of(&a, body, "The shelling"), "The shelling");
    }

    #[test]
    fn bom_is_stripped_and_offsets_still_point_into_the_file() {
        let mut bytes = BOM.to_vec();
        bytes.extend_from_slice("Some words written here.".as_bytes());
        let a = parse(Path::new("b.txt"), &bytes, &testutil::lexicon()).expect("parses");
        assert_eq!(a.text, "Some words written here.");
        let at = a
            .offsets
            .to_original(a.text.find("written").expect("in text"));
        assert_eq!(&bytes[at..at + 7], b"written");
    }

    #[test]
    fn md_offsets_map_back_to_the_original_sentence_bytes() {
        let md = "# Xland Says It Will *Respond* Soon\n\nBy [Agency](https://agency.example/x)\n\n\
                  February 21, 2020\n\n![a photo](img.jpg)\n\n\
                  Xland's army said **on Tuesday** that it had\nshelled the [border town](https://t.example).\n\n\
                  - first item here\n- second item here\n\n> Quoted &amp; noted.\n";
        let a = parse_as("a.md", md);
        assert_eq!(a.title.as_deref(), Some("Xland Says It Will Respond Soon"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 2, 21));
        assert!(!a.text.contains("https://"), "{}", a.text);
        assert!(!a.text.contains("a photo"), "{}", a.text);
        assert!(!a.text.contains("**"), "{}", a.text);
        assert!(
            a.text.contains("first item here\n\nsecond item here"),
            "{}",
            a.text
        );
        assert!(
            a.text.contains("it had shelled the border town."),
            "{}",
            a.text
        );
        // Every run of reduced text maps back to the same bytes in the file.
        for needle in [
            "Xland's army said ",
            "on Tuesday",
            "border town",
            "first item",
            "Quoted ",
            "Agency",
        ] {
            assert_eq!(original_of(&a, md, needle), needle);
        }
        // Each reduced byte maps to its own byte, char by char.
        let start = a.text.find("shelled").expect("in text");
        for (k, c) in "shelled the ".char_indices() {
            let o = a.offsets.to_original(start + k);
            assert_eq!(md[o..].chars().next(), Some(c));
        }
    }

    #[test]
    fn every_html5_entity_is_decoded() {
        let a = parse_as(
            "e.html",
            "<html><body><p>Caf&eacute; in Bogot&aacute; &amp; &frac12; &#x41;&#66; &bogus; ok</p></body></html>",
        );
        assert!(
            a.text.contains("Café in Bogotá & ½ AB &bogus; ok"),
            "{}",
            a.text
        );
    }

    #[test]
    fn html_title_text_and_offsets() {
        let html = "<!doctype html><html lang=\"en\"><head><title>Xland &amp; Yland clash</title>\
            <style>p { color: red }</style><script>if (a < b) { x = '<p>nope</p>'; }</script></head>\
            <body><nav><a href=\"/\">Home</a> <a href=\"/w\">World</a></nav>\
            <header>Site banner</header>\
            <article><h1>Xland and Yland troops clash at the border</h1>\
            <p>Xland&#8217;s army said\n   on Tuesday that it had <b>shelled</b> the town.</p>\
            <p>Second&nbsp;paragraph&hellip; here.<br>New line.</p></article>\
            <aside>Related stories</aside><footer>Copyright</footer></body></html>";
        let a = parse_as("page.html", html);
        assert_eq!(a.title.as_deref(), Some("Xland & Yland clash"));
        assert!(
            a.text
                .starts_with("Xland and Yland troops clash at the border\n\n"),
            "{:?}",
            a.text
        );
        assert!(a.text.contains("Xland\u{2019}s army said on Tuesday that it had shelled the town.\n\nSecond paragraph\u{2026} here.\nNew line."), "{:?}", a.text);
        for gone in [
            "Home",
            "Site banner",
            "Related",
            "Copyright",
            "nope",
            "color",
        ] {
            assert!(!a.text.contains(gone), "{gone} in {:?}", a.text);
        }
        assert_eq!(original_of(&a, html, "army said"), "army said");
        assert_eq!(original_of(&a, html, "the town."), "the town.");
        // The decoded apostrophe maps to its entity.
        let at = a
            .offsets
            .to_original(a.text.find('\u{2019}').expect("in text"));
        assert!(html[at..].starts_with("&#8217;"));
        assert_eq!(a.language, "en");
    }

    #[test]
    fn html_title_falls_back_to_first_h1_and_reads_meta() {
        let html = "<html><head><meta property=\"article:published_time\" content=\"2020-03-02T10:00:00Z\">\
            <link rel=\"canonical\" href=\"https://news.example/a\"></head>\
            <body><h1>Headline &quot;quoted&quot;</h1><p>Body text of the page.</p></body></html>";
        let a = parse_as("p.htm", html);
        assert_eq!(a.title.as_deref(), Some("Headline \"quoted\""));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 3, 2));
        assert_eq!(a.url.as_deref(), Some("https://news.example/a"));
    }

    #[test]
    fn json_fields_and_offsets() {
        let json = r#"{"url": "https://x.example/1", "title": "Xland \"strikes\" back",
            "published": "2020-02-28", "language": "id",
            "text": "Line one says \u00e9t\u00e9.\nXland struck the town."}"#;
        let a = parse_as("a.json", json);
        assert_eq!(a.title.as_deref(), Some("Xland \"strikes\" back"));
        assert_eq!(a.published, NaiveDate::from_ymd_opt(2020, 2, 28));
        assert_eq!(a.url.as_deref(), Some("https://x.example/1"));
        assert_eq!(a.language, "id");
        assert_eq!(
            a.text,
            "Xland \"strikes\" back\n\nLine one says été.\nXland struck the town."
        );
        assert_eq!(
            original_of(&a, json, "Xland struck the town."),
            "Xland struck the town."
        );
        assert_eq!(original_of(&a, json, "Line one"), "Line one");
        let at = a.offsets.to_original(a.text.find('é').expect("in text"));
        assert!(json[at..].starts_with("\\u00e9"));
    }

    #[test]
    fn json_without_text_is_refused() {
        let lex = testutil::lexicon();
        let e = parse(Path::new("a.json"), br#"{"title": "x"}"#, &lex).unwrap_err();
        assert!(e.contains("text"), "{e}");
        let e = parse(Path::new("a.json"), b"[1, 2]", &lex).unwrap_err();
        assert!(e.contains("text"), "{e}");
        let e = parse(Path::new("a.json"), b"{\"text\": ", &lex).unwrap_err();
        assert!(e.contains("invalid JSON"), "{e}");
    }

    #[test]
    fn windows_1252_article_is_read_and_spans_point_into_the_file() {
        let file: &[u8] = b"Fran\xe7ois Hollande met Angela Merkel\n\nParis \x96 Fran\xe7ois Hollande and Angela Merkel met in Par\xeds.";
        let a = parse(Path::new("w.txt"), file, &testutil::lexicon()).expect("1252 text");
        assert!(a.text.contains("François Hollande"), "{}", a.text);
        assert!(a.text.contains("Paris \u{2013} Fran"), "{}", a.text);
        let at = a.text.rfind("Angela").expect("name");
        let o = a.offsets.to_original(at);
        assert_eq!(&file[o..o + 6], b"Angela");
        // A declared charset in a page is honoured; the span still maps.
        let page: &[u8] = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><title>G\xf6rlitz</title></head><body><p>Stra\xdfe in G\xf6rlitz.</p></body></html>";
        let a = parse(Path::new("p.html"), page, &testutil::lexicon()).expect("latin-1 page");
        assert_eq!(a.title.as_deref(), Some("Görlitz"));
        let at = a.text.find("Straße").expect("body");
        let o = a.offsets.to_original(at);
        assert_eq!(&page[o..o + 4], b"Stra");
    }

    #[test]
    fn refusals_say_why() {
        let lex = testutil::lexicon();
        let e = parse(Path::new("a.txt"), b"abc\0def", &lex).unwrap_err();
        assert_eq!(e, "binary: NUL byte at byte 3");
        let e = parse(Path::new("a.txt"), b"abc \x81\x8d", &lex).unwrap_err();
        assert_eq!(
            e,
            "undecodable: invalid UTF-8 at byte 4, and not Windows-1252 text"
        );
        let e = parse(Path::new("a.txt"), b"  \n\n ", &lex).unwrap_err();
        assert_eq!(e, "no text");
        let e = parse(
            Path::new("a.html"),
            b"<html><script>x()</script></html>",
            &lex,
        )
        .unwrap_err();
        assert_eq!(e, "no text");
        let e = parse(Path::new("a.pdf"), b"%PDF-1.4", &lex).unwrap_err();
        assert!(e.contains("unsupported file type .pdf"), "{e}");
    }

    #[test]
    fn no_panic_on_odd_input() {
        let lex = testutil::lexicon();
        let odd = [
            "<",
            "<<<>>>",
            "&",
            "&#;",
            "&#xZZ;",
            "&#99999999;",
            "<p>&am",
            "<a <b",
            "</p></p>",
            "<script>",
            "<style x",
            "<div><div><div>text",
            "&#xD800;",
        ];
        for s in odd {
            let _ = parse(Path::new("x.html"), s.as_bytes(), &lex);
            let _ = parse(Path::new("x.md"), s.as_bytes(), &lex);
        }
        for s in [
            r#"{"text": "\ud800"}"#,
            r#"{"text": "\u12"}"#,
            r#"{"text": "a\\"}"#,
            "{\"text\":\"\\uD83D\\uDE00\"}",
        ] {
            let _ = parse(Path::new("x.json"), s.as_bytes(), &lex);
        }
        // An entity right before multi-byte text is still decoded.
        let a = parse(
            Path::new("e.html"),
            "<p>a &amp; ééééééééééééééééééé</p>".as_bytes(),
            &lex,
        )
        .expect("parses");
        assert_eq!(a.text, "a & ééééééééééééééééééé");
        let deep = "<div>".repeat(50_000) + "deep text";
        let a = parse(Path::new("deep.html"), deep.as_bytes(), &lex).expect("parses");
        assert_eq!(a.text, "deep text");
    }
}
