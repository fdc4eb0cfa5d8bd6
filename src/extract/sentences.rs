//! Sentence boundaries in a folded text.
//!
//! News text is mostly well punctuated; line breaks end headlines, date lines
//! and paragraphs. A full stop ends a sentence when an upper-case letter,
//! digit or quote follows and the word before it is not a short abbreviation
//! ("Mr.", "U.S.", "Gen."; the list is data in `grammar/*.toml`).

use std::collections::HashSet;

use crate::lexicon::Folded;

/// Byte ranges (in folded text) of the sentences of `folded`.
pub fn split(folded: &Folded, abbreviations: &HashSet<String>) -> Vec<(usize, usize)> {
    let text = folded.text.as_str();
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        let seg = &text[s..e];
        let trimmed_start = s + (seg.len() - seg.trim_start().len());
        let trimmed_end = s + seg.trim_end().len();
        if trimmed_end > trimmed_start {
            out.push((trimmed_start, trimmed_end));
        }
    };
    // Only a line break or a stop can end a sentence: memchr finds them a
    // vector at a time instead of the loop looking at every byte.
    let mut lines = memchr::memchr_iter(b'\n', bytes).peekable();
    let mut stops = memchr::memchr3_iter(b'.', b'!', b'?', bytes).peekable();
    loop {
        let i = match (lines.peek(), stops.peek()) {
            (Some(&l), Some(&p)) if l < p => lines.next(),
            (_, Some(_)) => stops.next(),
            (Some(_), None) => lines.next(),
            (None, None) => None,
        };
        let Some(i) = i else { break };
        let b = bytes[i];
        if b == b'\n' {
            push(start, i, &mut out);
            start = i + 1;
        } else if i + 2 < bytes.len() && bytes[i + 1] == b' ' {
            let next_orig = folded.to_original(i + 2);
            let next = folded.original[next_orig..].chars().next().unwrap_or(' ');
            let opens = next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '\u{201C}' | '\u{AB}' | '(' | '[' | '\'');
            if opens && !(b == b'.' && is_abbreviation(&text[start..i], abbreviations)) {
                push(start, i + 1, &mut out);
                start = i + 2;
            }
        }
    }
    push(start, bytes.len(), &mut out);
    out
}

/// The last word of `before` is an initial, a dotted abbreviation ("U.S")
/// or one the grammar lexicons list ("Mr", "Gen", "Jl").
fn is_abbreviation(before: &str, abbreviations: &HashSet<String>) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    // An initial is one letter alone: "M23." and "killed 34." end sentences.
    let initial = word.chars().filter(|c| c.is_alphanumeric()).count() == 1
        && word.chars().any(|c| c.is_alphabetic());
    initial || word.contains('.') || abbreviations.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::fold;

    fn sentences(text: &str) -> Vec<String> {
        let f = fold(text);
        let abbreviations: HashSet<String> = ["mr".to_string()].into();
        split(&f, &abbreviations)
            .into_iter()
            .map(|(s, e)| f.text[s..e].to_string())
            .collect()
    }

    #[test]
    fn splits_on_stops_and_lines_not_abbreviations() {
        let s = sentences(
            "Headline here\nThe U.S. Army said so. Mr. Smith left! 3 died. it was 3.5 km away.",
        );
        assert_eq!(
            s,
            vec![
                "headline here",
                "the u.s. army said so.",
                "mr. smith left!",
                "3 died. it was 3.5 km away."
            ]
        );
    }
}
