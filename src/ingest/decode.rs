//! A file's bytes → UTF-8 text, or the reason they are not text.
//!
//! Scrapers save what servers send, and old newsroom systems still write
//! Windows-1252, so invalid UTF-8 is not refused out of hand. The rule, in
//! order (simple on purpose, so a user can predict it):
//!
//! 1. a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE), strictly;
//! 2. a NUL byte anywhere else means binary;
//! 3. valid UTF-8 is UTF-8 — even when an HTML page declares another charset,
//!    because re-saved pages keep their old `<meta charset>` far more often
//!    than a legacy page happens to be valid UTF-8;
//! 4. a charset the caller found declared (HTML `<meta charset>`) is used when
//!    the bytes decode in it without error;
//! 5. bytes that decode as Windows-1252 without C1 controls and look like text
//!    (few non-ASCII letters) are Windows-1252;
//! 6. anything else is refused as undecodable.
//!
//! After decoding, text with many control characters is refused as binary.
//! Re-encoded text comes with an [`OffsetMap`] from its offsets to the file's,
//! so evidence spans still point at the bytes the user dropped.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::model::OffsetMap;

/// Decoded text and how it maps back into the file.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// Bytes before the text (a UTF-8 byte-order mark): text offset + `base`
    /// is the file offset. Used only when `map` is `None`.
    pub base: usize,
    /// Text offset → file offset, for text that was re-encoded.
    pub map: Option<OffsetMap>,
    /// The encoding the bytes were read as.
    pub encoding: &'static Encoding,
}

/// More than one control character in this many is binary, not text.
const CONTROL_RATIO: usize = 100;
/// Windows-1252 text has at most this share (in percent) of non-ASCII characters.
const MAX_LEGACY_NON_ASCII_PERCENT: usize = 30;

/// Decodes `bytes` by the rule above; `declared` is a charset the file
/// itself names (HTML `<meta charset>`), if any.
pub fn decode<'a>(
    bytes: &'a [u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded<'a>, String> {
    let decoded = decode_inner(bytes, declared)?;
    check_text(&decoded.text, &decoded)?;
    Ok(decoded)
}

fn decode_inner<'a>(
    bytes: &'a [u8],
    declared: Option<&'static Encoding>,
) -> Result<Decoded<'a>, String> {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        if enc == UTF_8 {
            let body = &bytes[bom..];
            return match std::str::from_utf8(body) {
                Ok(text) => Ok(utf8(text, bom)),
                Err(e) => Err(format!(
                    "undecodable: invalid UTF-8 at byte {} after a UTF-8 byte-order mark",
                    e.valid_up_to() + bom
                )),
            };
        }
        return decode_mapped(enc, &bytes[bom..], bom).ok_or_else(|| {
            format!(
                "undecodable: invalid {} after its byte-order mark",
                enc.name()
            )
        });
    }
    // The memchr crate's search (vector registers), not `contains`: the
    // slice's own memchr reads a word at a time, ≈ 1 instruction a byte.
    if let Some(pos) = memchr::memchr(0, bytes) {
        return Err(format!("binary: NUL byte at byte {pos}"));
    }
    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => return Ok(utf8(text, 0)),
        Err(e) => e.valid_up_to(),
    };
    if let Some(enc) = declared.filter(|&e| e != UTF_8 && e != UTF_16LE && e != UTF_16BE) {
        if enc != WINDOWS_1252 {
            if let Some(d) = decode_mapped(enc, bytes, 0) {
                return Ok(d);
            }
        }
    }
    if let Some(d) = decode_mapped(WINDOWS_1252, bytes, 0) {
        if looks_like_legacy_text(&d.text) {
            return Ok(d);
        }
    }
    let declared = declared
        .filter(|&e| e != UTF_8 && e != WINDOWS_1252)
        .map(|e| format!(", nor {} as declared", e.name()))
        .unwrap_or_default();
    Err(format!(
        "undecodable: invalid UTF-8 at byte {utf8_error}, and not Windows-1252 text{declared}"
    ))
}

fn utf8(text: &str, base: usize) -> Decoded<'_> {
    Decoded {
        text: Cow::Borrowed(text),
        base,
        map: None,
        encoding: UTF_8,
    }
}

/// Decodes `bytes` (which start at file offset `base`) in `enc`, recording
/// where each decoded character came from; `None` if they are malformed.
///
/// The decoder is fed one byte at a time: whatever text a byte completes
/// began at the first byte not yet accounted for. That is slower than one
/// call, but legacy files are rare and small, and it is right for every
/// encoding `encoding_rs` knows, multi-byte ones included.
fn decode_mapped(enc: &'static Encoding, bytes: &[u8], base: usize) -> Option<Decoded<'static>> {
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut map = OffsetMap::default();
    let mut start = 0;
    for i in 0..bytes.len() {
        let last = i + 1 == bytes.len();
        let before = text.len();
        // Room for what one more byte (plus any held back) can complete.
        text.reserve(32);
        let (result, _read) =
            decoder.decode_to_string_without_replacement(&bytes[i..=i], &mut text, last);
        match result {
            encoding_rs::DecoderResult::Malformed(..) => return None,
            encoding_rs::DecoderResult::OutputFull => return None,
            encoding_rs::DecoderResult::InputEmpty => {}
        }
        if text.len() > before {
            // Each character completed here maps to where its bytes began.
            for (off, _) in text[before..].char_indices() {
                map.push(before + off, base + start);
            }
            start = i + 1;
        }
    }
    if bytes.is_empty() {
        map.push(0, base);
    }
    Some(Decoded {
        text: Cow::Owned(text),
        base,
        map: Some(map),
        encoding: enc,
    })
}

/// Windows-1252 reading of bytes that were not UTF-8: text if it has no C1
/// controls (bytes 1252 leaves undefined) and only a minority of non-ASCII
/// characters, as Western European prose does; binary does not.
fn looks_like_legacy_text(text: &str) -> bool {
    let mut chars = 0usize;
    let mut non_ascii = 0usize;
    for c in text.chars() {
        chars += 1;
        if ('\u{80}'..='\u{9f}').contains(&c) {
            return false;
        }
        if !c.is_ascii() {
            non_ascii += 1;
        }
    }
    non_ascii * 100 <= chars * MAX_LEGACY_NON_ASCII_PERCENT
}

/// Refuses decoded text that is binary in disguise: NULs (from UTF-16) or
/// many control characters.
fn check_text(text: &str, d: &Decoded<'_>) -> Result<(), String> {
    let (chars, controls) = match memchr::memchr(0, text.as_bytes()).is_some() {
        false => count_controls(text.as_bytes()),
        true => count_controls_by_char(text, d)?,
    };
    if controls > 0 && controls * CONTROL_RATIO > chars {
        return Err(format!(
            "binary: {controls} control characters in {chars} characters"
        ));
    }
    Ok(())
}

/// Characters and control characters (Unicode Cc, that is U+0000–U+001F and
/// U+007F–U+009F, but not tab, line and form feed or carriage return) of
/// valid UTF-8 holding no NUL, counted on its bytes: a character begins at
/// every byte that is not a continuation byte, and U+0080–U+009F are the
/// only two-byte sequences C2 80–C2 9F. Without a branch per byte the
/// loops vectorise; decoding a file char by char cost more than a tenth of
/// parsing it.
fn count_controls(bytes: &[u8]) -> (usize, usize) {
    // Runs of at most 255 bytes are summed in a byte: vector lanes stay
    // bytes instead of being widened to `usize`.
    let (mut chars, mut controls) = (0usize, 0usize);
    for run in bytes.chunks(255) {
        let starts = run.iter().fold(0u8, |n, &b| n + u8::from(b & 0xc0 != 0x80));
        let c0 = run.iter().fold(0u8, |n, &b| {
            let low = (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c);
            n + u8::from(low | (b == 0x7f))
        });
        chars += usize::from(starts);
        controls += usize::from(c0);
    }
    let next = bytes.get(1..).unwrap_or_default();
    for (lead, next) in bytes.chunks(255).zip(next.chunks(255)) {
        let c1 = lead.iter().zip(next).fold(0u8, |n, (&l, &x)| {
            n + u8::from((l == 0xc2) & (0x80..=0x9f).contains(&x))
        });
        controls += usize::from(c1);
    }
    (chars, controls)
}

/// [`count_controls`] char by char, for text with a NUL: refused, with
/// where the NUL was in the file.
fn count_controls_by_char(text: &str, d: &Decoded<'_>) -> Result<(usize, usize), String> {
    let mut chars = 0usize;
    let mut controls = 0usize;
    for (i, c) in text.char_indices() {
        chars += 1;
        if c == '\0' {
            let at = match &d.map {
                Some(m) => m.to_original(i),
                None => i + d.base,
            };
            return Err(format!("binary: NUL character at byte {at}"));
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            controls += 1;
        }
    }
    Ok((chars, controls))
}

/// The charset an HTML page declares in a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` within its
/// first 4 KiB (browsers look at the first 1 KiB; pages with long heads put
/// it later). Labels are WHATWG's (`latin1` is Windows-1252).
pub fn html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&head[from..], b"<meta") {
        let tag_start = from + i;
        let tag_end = head[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| tag_start + e);
        let tag = &head[tag_start..tag_end];
        if let Some(enc) = find(tag, b"charset").and_then(|j| charset_value(&tag[j + 7..])) {
            return Some(enc);
        }
        from = tag_end;
    }
    None
}

/// `= "label"` (quotes and spaces optional) → the encoding it names.
fn charset_value(rest: &[u8]) -> Option<&'static Encoding> {
    let rest = trim_start(rest).strip_prefix(b"=")?;
    let rest = trim_start(rest);
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_count_on_bytes_is_the_char_count() {
        let mut all: String = (1u32..0x800).filter_map(char::from_u32).collect();
        all.push_str("Ankara \u{85}\u{9f}\u{a0}\u{7f} 🚀 \r\n\t\u{c}\u{b} İ ß");
        let d = utf8("", 0);
        for text in [all.as_str(), "", "a", "\u{c2}\u{80}", "plain text\n"] {
            assert_eq!(
                count_controls(text.as_bytes()),
                count_controls_by_char(text, &d).unwrap(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn utf8_is_borrowed_and_bom_is_the_base() {
        let d = decode("Zürich".as_bytes(), None).expect("text");
        assert_eq!(d.text, "Zürich");
        assert!(d.map.is_none() && d.base == 0);
        let d = decode(b"\xEF\xBB\xBFhi", None).expect("text");
        assert_eq!((d.text.as_ref(), d.base), ("hi", 3));
    }

    #[test]
    fn windows_1252_text_is_decoded_with_offsets_into_the_file() {
        // "Président Müller a déclaré" in Windows-1252.
        let bytes = b"Pr\xe9sident M\xfcller a d\xe9clar\xe9 \x93non\x94.";
        let d = decode(bytes, None).expect("1252 text");
        assert_eq!(d.encoding, WINDOWS_1252);
        assert_eq!(d.text, "Président Müller a déclaré \u{201c}non\u{201d}.");
        let map = d.map.expect("re-encoded text is mapped");
        let at = d.text.find("Müller").expect("name");
        assert_eq!(map.to_original(at), 10);
        let at = d.text.find("non").expect("word");
        assert_eq!(&bytes[map.to_original(at)..map.to_original(at) + 3], b"non");
    }

    #[test]
    fn declared_charset_is_honoured_when_bytes_are_not_utf8() {
        // "東京" in Shift_JIS.
        let page = b"<meta charset=\"shift_jis\"><p>\x93\x8c\x8b\x9e</p>";
        let enc = html_charset(page).expect("declared");
        assert_eq!(enc.name(), "Shift_JIS");
        let d = decode(page, Some(enc)).expect("decodes");
        assert!(d.text.contains("東京"), "{}", d.text);
        let map = d.map.expect("mapped");
        assert_eq!(map.to_original(d.text.find("京").expect("kyo")), 31);
        // Valid UTF-8 wins over a stale declaration.
        let d = decode(
            "<meta charset=latin1>é".as_bytes(),
            html_charset(b"<meta charset=latin1>"),
        )
        .expect("utf-8");
        assert!(d.text.ends_with('é'));
    }

    #[test]
    fn http_equiv_content_type_is_read() {
        let page = b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-1'>";
        assert_eq!(html_charset(page), Some(WINDOWS_1252));
        assert_eq!(html_charset(b"<meta name=x><p>charset=utf-8"), None);
    }

    #[test]
    fn utf16_with_bom_is_decoded_and_mapped() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Kyiv é".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, None).expect("utf-16");
        assert_eq!(d.text, "Kyiv é");
        let map = d.map.expect("mapped");
        assert_eq!(map.to_original(d.text.find('é').expect("e")), 12);
    }

    #[test]
    fn binary_and_undecodable_are_refused_with_reasons() {
        let e = decode(b"GIF89a\0\x01", None).unwrap_err();
        assert!(e.starts_with("binary: NUL byte at byte 6"), "{e}");
        // Undefined in Windows-1252 (C1 controls).
        let e = decode(b"abc \x81\x8d\x90\x9d", None).unwrap_err();
        assert!(e.starts_with("undecodable: invalid UTF-8 at byte 4"), "{e}");
        // Mostly high bytes: not Western prose.
        let e = decode(b"\xe9\xe8\xe0\xf9\xfc\xe4 ab", None).unwrap_err();
        assert!(e.starts_with("undecodable"), "{e}");
        // Valid UTF-8, but control characters throughout.
        let e = decode(b"\x01\x02\x03\x04abc\x05\x06", None).unwrap_err();
        assert!(e.starts_with("binary: 6 control characters"), "{e}");
        // UTF-16 holding NULs is binary too.
        let e = decode(b"\xFF\xFEa\0\0\0", None).unwrap_err();
        assert!(e.starts_with("binary: NUL character at byte 4"), "{e}");
        // A lone stray control character in real text is tolerated.
        let text = format!("{}\x07{}", "word ".repeat(40), "end");
        assert!(decode(text.as_bytes(), None).is_ok());
    }
}
