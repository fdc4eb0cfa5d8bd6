//! When a sentence says its event happened, resolved against the article's
//! publication date: "on 1 March", "pada 1 Maret", "March 02, 2020",
//! "Thursday night", "yesterday", "last week", "2020-02-27", "in 2015".

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::Regex;

use super::numbers::Number;
use super::sentence::gap;
use crate::model::DatePrecision;

/// A resolved event date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateCue {
    pub date: NaiveDate,
    pub precision: DatePrecision,
    /// Stated in full ("1 March 2020", "2020-02-27"), not counted from the
    /// anchor ("Thursday", "last week", a yearless "1 March"): good whatever
    /// the anchor was.
    pub absolute: bool,
    /// A day and month were named and only the year was counted ("Feb 27",
    /// "1 Maret"): a better anchor than a weekday counted from the file's
    /// arrival, and one whose year a weekday can pin.
    pub day_month: bool,
}

/// The date words of one sentence (folded offsets).
#[derive(Debug, Default, Clone)]
pub struct DateWords {
    pub months: Vec<(usize, usize, u32)>,
    pub weekdays: Vec<(usize, u32)>,
    pub relative: Vec<(usize, i64)>,
    /// "last", "dernier": words that put a weekday next to them in a past
    /// week (spans; the dates files' `past_week`).
    pub past: Vec<(usize, usize)>,
}

impl DateWords {
    /// Where each date word starts.
    pub fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.months
            .iter()
            .map(|m| m.0)
            .chain(self.weekdays.iter().map(|w| w.0))
            .chain(self.relative.iter().map(|r| r.0))
    }

    /// The date words that start after `pos`.
    pub fn from(&self, pos: usize) -> DateWords {
        DateWords {
            months: self.months.iter().copied().filter(|m| m.0 > pos).collect(),
            weekdays: self
                .weekdays
                .iter()
                .copied()
                .filter(|w| w.0 > pos)
                .collect(),
            relative: self
                .relative
                .iter()
                .copied()
                .filter(|r| r.0 > pos)
                .collect(),
            past: self.past.clone(),
        }
    }

    /// The date words that start before `pos`.
    pub fn before(&self, pos: usize) -> DateWords {
        DateWords {
            months: self.months.iter().copied().filter(|m| m.0 < pos).collect(),
            weekdays: self
                .weekdays
                .iter()
                .copied()
                .filter(|w| w.0 < pos)
                .collect(),
            relative: self
                .relative
                .iter()
                .copied()
                .filter(|r| r.0 < pos)
                .collect(),
            past: self.past.clone(),
        }
    }
}

static ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(19\d\d|20\d\d)-(\d{1,2})-(\d{1,2})\b").expect("static regex"));

/// Whether a '-' stands between two characters that may be digits (an
/// ASCII digit, or any non-ASCII character: `\d` is Unicode), as in every
/// [`ISO`] match. Most hyphens join words ("so-called", "Moscow-backed"):
/// the regex ran on one sentence in two, ≈ 1,200 instructions each.
fn digit_dash_digit(sentence: &[u8]) -> bool {
    let digit = |b: &u8| b.is_ascii_digit() || !b.is_ascii();
    memchr::memchr_iter(b'-', sentence)
        .any(|i| i > 0 && digit(&sentence[i - 1]) && sentence.get(i + 1).is_some_and(digit))
}

/// "Selasa (5/3)", "Rabu (27/11/2024)": the day-first numeric date news in
/// many languages puts after the weekday.
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((\d{1,2})/(\d{1,2})(?:/((?:19|20)\d\d))?\)").expect("static regex")
});

/// The latest year, not after `base`, in which `month`/`day` falls on
/// `weekday` (0 = Monday): a weekday pins a yearless date's year.
pub fn year_by_weekday(month: u32, day: u32, weekday: u32, base: NaiveDate) -> Option<NaiveDate> {
    (0..30).find_map(|back| {
        let d = NaiveDate::from_ymd_opt(base.year() - back, month, day)?;
        (d <= base + Duration::days(7) && d.weekday().num_days_from_monday() == weekday)
            .then_some(d)
    })
}

fn is_day(n: &Number) -> bool {
    n.digits && (1..=31).contains(&n.value) && n.end - n.start <= 2
}

/// A listed number word that starts with a digit: an ordinal ("1er").
fn digit_ordinal(text: &str, n: &Number) -> bool {
    is_day_word(n) && text.as_bytes().get(n.start).is_some_and(u8::is_ascii_digit)
}

/// A day of the month written as a word ("الخامس", the fifth).
fn is_day_word(n: &Number) -> bool {
    !n.digits && (1..=31).contains(&n.value)
}

/// Resolves a month and day without a year to the nearest such date not
/// well after publication (articles report the past).
fn infer_year(month: u32, day: u32, published: NaiveDate) -> Option<NaiveDate> {
    let this = NaiveDate::from_ymd_opt(published.year(), month, day)?;
    if this > published + Duration::days(7) {
        NaiveDate::from_ymd_opt(published.year() - 1, month, day)
    } else {
        Some(this)
    }
}

/// A past-week word right before the weekday at `at` ("last Tuesday",
/// "в прошлую среду") or within two words after its start ("mardi
/// dernier", "el martes pasado", "Selasa lalu").
fn marked_past(text: &str, words: &DateWords, at: usize) -> bool {
    words.past.iter().any(|&(ps, pe)| {
        (pe <= at && gap(text, pe, at) == 0) || (ps > at && gap(text, at, ps) <= 2)
    })
}

/// The date a sentence gives, if any. `text` is the folded sentence's
/// article text and offsets are into it.
pub fn resolve(
    text: &str,
    span: (usize, usize),
    words: &DateWords,
    numbers: &[Number],
    published: NaiveDate,
) -> Option<DateCue> {
    let sentence = &text[span.0..span.1];
    // Both patterns need a byte few sentences hold ('-' or '/'): looked
    // for with memchr before running the regexes on every sentence.
    let iso = digit_dash_digit(sentence.as_bytes())
        .then(|| ISO.captures(sentence))
        .flatten();
    if let Some(c) = iso {
        let y = c[1].parse().ok()?;
        let m = c[2].parse().ok()?;
        let d = c[3].parse().ok()?;
        if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
            return Some(DateCue {
                date,
                precision: DatePrecision::Day,
                absolute: true,
                day_month: false,
            });
        }
    }
    let day_month =
        memchr::memchr(b'/', sentence.as_bytes()).and_then(|_| DAY_MONTH.captures(sentence));
    if let Some(c) = day_month {
        let d: u32 = c[1].parse().ok()?;
        let m: u32 = c[2].parse().ok()?;
        let stated_year = c.get(3).and_then(|y| y.as_str().parse::<i32>().ok());
        let by_weekday = words
            .weekdays
            .first()
            .and_then(|&(_, wd)| year_by_weekday(m, d, wd, published));
        let date = match stated_year {
            Some(y) => NaiveDate::from_ymd_opt(y, m, d),
            None => by_weekday.or_else(|| infer_year(m, d, published)),
        };
        if let Some(date) = date {
            return Some(DateCue {
                date,
                precision: DatePrecision::Day,
                absolute: stated_year.is_some() || by_weekday.is_some(),
                day_month: true,
            });
        }
    }
    for &(ms, me, month) in &words.months {
        // (A day written as a word is an ordinal with "of" before the
        // month, "الخامس من مارس"; a count word right before a month is
        // no day: "two March rallies".)
        // (An ordinal written with a digit, "1er mai", "1º de mayo", is a
        // day as the digits are.)
        let day_before = numbers.iter().rev().find(|n| {
            n.end <= ms
                && match is_day(n) || digit_ordinal(text, n) {
                    true => gap(text, n.end, ms) <= 1,
                    false => is_day_word(n) && gap(text, n.end, ms) == 1,
                }
        });
        let day_after = numbers.iter().find(|n| {
            // ("Feb. 27": an abbreviated month's stop is no word.)
            n.start >= me
                && is_day(n)
                && (gap(text, me, n.start) == 0 || text[me..n.start].trim() == ".")
        });
        let day = day_before.or(day_after);
        let after_day = day.map_or(me, |d| d.end.max(me));
        let mut pinned_year = false;
        let year = numbers
            .iter()
            .find(|n| n.start >= after_day && n.is_year() && gap(text, after_day, n.start) <= 1);
        let date = match (day, year) {
            (Some(d), Some(y)) => NaiveDate::from_ymd_opt(y.value as i32, month, d.value as u32),
            // "Wednesday, Feb 27": a weekday next to the date names its year.
            (Some(d), None) => {
                let next_to = |&&(at, _): &&(usize, u32)| {
                    gap(text, at, ms.min(d.start)) <= 2 || gap(text, after_day, at) <= 2
                };
                let pinned = words
                    .weekdays
                    .iter()
                    .find(next_to)
                    .and_then(|&(_, wd)| year_by_weekday(month, d.value as u32, wd, published));
                pinned_year = pinned.is_some();
                pinned.or_else(|| infer_year(month, d.value as u32, published))
            }
            (None, Some(y)) => {
                return NaiveDate::from_ymd_opt(y.value as i32, month, 1).map(|date| DateCue {
                    date,
                    precision: DatePrecision::Month,
                    absolute: true,
                    day_month: false,
                })
            }
            // "in early October": a month alone dates to that month, the
            // latest one not after the anchor (unless it is the anchor's own).
            (None, None) if month != published.month() => {
                let year = if month > published.month() {
                    published.year() - 1
                } else {
                    published.year()
                };
                return NaiveDate::from_ymd_opt(year, month, 1).map(|date| DateCue {
                    date,
                    precision: DatePrecision::Month,
                    absolute: false,
                    day_month: false,
                });
            }
            (None, None) => None,
        };
        if let Some(date) = date {
            return Some(DateCue {
                date,
                precision: DatePrecision::Day,
                // A yearless "1 March" needs the anchor for its year.
                absolute: year.is_some() || pinned_year,
                day_month: true,
            });
        }
    }
    if let Some(&(_, days)) = words.relative.first() {
        return Some(DateCue {
            date: published + Duration::days(days),
            precision: if days.abs() >= 7 {
                DatePrecision::Week
            } else {
                DatePrecision::Day
            },
            absolute: false,
            day_month: false,
        });
    }
    if let Some(&(at, wd)) = words.weekdays.first() {
        let mut back = (published.weekday().num_days_from_monday() + 7 - wd) % 7;
        // "last Tuesday" in a Tuesday's paper is a week back, not today.
        if back == 0 && marked_past(text, words, at) {
            back = 7;
        }
        return Some(DateCue {
            date: published - Duration::days(i64::from(back)),
            precision: DatePrecision::Day,
            absolute: false,
            day_month: false,
        });
    }
    // A bare year other than the publication's marks history ("in 2015").
    let month_spans: Vec<(usize, usize)> = words.months.iter().map(|m| (m.0, m.1)).collect();
    for n in numbers.iter().filter(|n| n.is_year()) {
        let near_month = month_spans
            .iter()
            .any(|&(s, e)| gap(text, e, n.start) <= 2 || gap(text, n.end, s) <= 2);
        if !near_month && n.value as i32 != published.year() {
            return NaiveDate::from_ymd_opt(n.value as i32, 1, 1).map(|date| DateCue {
                date,
                precision: DatePrecision::Month,
                absolute: true,
                day_month: false,
            });
        }
    }
    None
}

/// Under a month-only dateline ("2023-07", read as the month's first day),
/// the day a sentence names (to the day, within the dateline's month or the
/// week before it) is the story's: the undated sentences after it are of it.
pub fn story_day(
    cue: Option<(NaiveDate, DatePrecision)>,
    anchor: NaiveDate,
    horizon: NaiveDate,
) -> Option<NaiveDate> {
    cue.filter(|&(d, p)| p == DatePrecision::Day && d >= anchor - Duration::days(7) && d <= horizon)
        .map(|(d, _)| d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numbers::digit_numbers;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn iso_prefilter_passes_every_iso_match() {
        for (text, iso) in [
            ("on 2020-02-27 the army", true),
            ("(2019-1-5)", true),
            ("in 19\u{661}\u{662}-\u{663}-\u{664}", true),
            ("so-called Moscow-backed forces", false),
            ("a 10-year-old", false),
            ("-2020-", false),
            ("", false),
        ] {
            assert_eq!(ISO.is_match(text), iso, "{text}");
            assert!(!iso || digit_dash_digit(text.as_bytes()), "{text}");
        }
        assert!(!digit_dash_digit(b"so-called"));
    }

    fn run(text: &str, words: DateWords) -> Option<DateCue> {
        let nums = digit_numbers(text, 0, text.len());
        resolve(text, (0, text.len()), &words, &nums, d("2020-02-28"))
    }

    #[test]
    fn day_month_and_month_day() {
        let t = "pada 1 maret lalu";
        let w = DateWords {
            months: vec![(7, 12, 3)],
            ..Default::default()
        };
        assert_eq!(run(t, w).unwrap().date, d("2020-03-01"));
        let t = "march 02, 2019 it said";
        let w = DateWords {
            months: vec![(0, 5, 3)],
            ..Default::default()
        };
        assert_eq!(run(t, w).unwrap().date, d("2019-03-02"));
    }

    #[test]
    fn day_first_numeric_dates_and_weekday_years() {
        let w = DateWords {
            weekdays: vec![(0, 1)], // selasa = Tuesday
            ..Default::default()
        };
        let base = d("2026-11-22");
        let t = "selasa (5/3) kemarin";
        let nums = digit_numbers(t, 0, t.len());
        let c = resolve(t, (0, t.len()), &w, &nums, base).unwrap();
        // 5 March was last a Tuesday in 2024.
        assert_eq!((c.date, c.absolute), (d("2024-03-05"), true));
        let t = "rabu (27/11/2024) pagi";
        let nums = digit_numbers(t, 0, t.len());
        let c = resolve(t, (0, t.len()), &DateWords::default(), &nums, base).unwrap();
        assert_eq!((c.date, c.absolute), (d("2024-11-27"), true));
    }

    #[test]
    fn weekday_relative_iso_and_history() {
        // 2020-02-28 is a Friday; Thursday is the day before.
        let w = DateWords {
            weekdays: vec![(3, 3)],
            ..Default::default()
        };
        assert_eq!(run("on thursday night", w).unwrap().date, d("2020-02-27"));
        let w = DateWords {
            relative: vec![(0, -7)],
            ..Default::default()
        };
        let c = run("last week", w).unwrap();
        assert_eq!(
            (c.date, c.precision),
            (d("2020-02-21"), DatePrecision::Week)
        );
        assert_eq!(
            run("date 2020-02-27 x", DateWords::default()).unwrap().date,
            d("2020-02-27")
        );
        assert_eq!(
            run("in 2015 it began", DateWords::default()).unwrap().date,
            d("2015-01-01")
        );
        assert!(run("no date here", DateWords::default()).is_none());
    }
}
