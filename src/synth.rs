//! Deterministic synthetic articles, for durability tests and benchmarks.
//!
//! `article(i)` is a pure function of `i` (and a seed): the same number always
//! gives the same file name and bytes, so a test can regenerate its inputs and
//! a benchmark is repeatable. Every article states an exact publication date
//! and one dated act between two actors of the shipped lexicon, in English or
//! Indonesian, so it yields at least one event under the default settings.
//! Dates, places, tolls and actor pairs vary so most articles tell distinct
//! events; every 50th repeats an earlier one in the other language, so dedup
//! has merges to do.

use chrono::{Datelike, Duration, NaiveDate};

/// (English adjective, Indonesian name) of actors in the shipped lexicon.
const ACTORS: [(&str, &str); 8] = [
    ("Turkish", "Turki"),
    ("Syrian", "Suriah"),
    ("Russian", "Rusia"),
    ("Iranian", "Iran"),
    ("Israeli", "Israel"),
    ("Ukrainian", "Ukraina"),
    ("Lebanese", "Lebanon"),
    ("Iraqi", "Irak"),
];

const PLACES: [&str; 8] = [
    "Aleppo", "Homs", "Latakia", "Mosul", "Beirut", "Baghdad", "Damascus", "Kherson",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// SplitMix64: a tiny, well-mixed hash of the article number.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What one article tells.
struct Story {
    source: usize,
    target: usize,
    place: usize,
    killed: u64,
    date: NaiveDate,
}

fn story(i: u64, seed: u64) -> Story {
    let h = mix(i ^ mix(seed));
    let source = (h % ACTORS.len() as u64) as usize;
    let target = (source + 1 + ((h >> 8) % (ACTORS.len() as u64 - 1)) as usize) % ACTORS.len();
    let start = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default();
    Story {
        source,
        target,
        place: ((h >> 16) % PLACES.len() as u64) as usize,
        // 2..=400, with successive values more than 25 % apart often enough
        // that equal pairs on near dates still mostly stay distinct events.
        killed: 2 + (h >> 24) % 399,
        date: start + Duration::days(((h >> 40) % 1460) as i64),
    }
}

/// Article `i` with the default seed: `(file name, text)`.
pub fn article(i: u64) -> (String, String) {
    article_seeded(i, 0)
}

/// Article `i` for `seed`: `(file name, text)`.
pub fn article_seeded(i: u64, seed: u64) -> (String, String) {
    // Every 50th article retells article i - 7 in the other language.
    let in_indonesian = |j: u64| mix(j ^ 0x5eed ^ seed) % 3 == 0;
    let (s, indonesian) = if i >= 7 && i % 50 == 49 {
        (story(i - 7, seed), !in_indonesian(i - 7))
    } else {
        (story(i, seed), in_indonesian(i))
    };
    // Published a day or two after the act.
    let published = s.date + Duration::days(1 + (mix(i ^ seed ^ 0xd1) % 2) as i64);
    let (src, tgt) = (ACTORS[s.source], ACTORS[s.target]);
    let place = PLACES[s.place];
    let m = s.date.month0() as usize;
    let text = if indonesian {
        format!(
            "Laporan garis depan\nDiterbitkan {} {} {}\n\n\
             Pasukan {} menyerang tentara {} di {place} pada {} {}, menewaskan {} orang.\n",
            published.day(),
            MONTHS_ID[published.month0() as usize],
            published.year(),
            src.1,
            tgt.1,
            s.date.day(),
            MONTHS_ID[m],
            s.killed,
        )
    } else {
        format!(
            "Frontline report\nPublished {} {}, {}\n\n\
             {} forces attacked {} troops near {place} on {} {}, killing {} soldiers.\n",
            MONTHS_EN[published.month0() as usize],
            published.day(),
            published.year(),
            src.0,
            tgt.0,
            MONTHS_EN[m],
            s.date.day(),
            s.killed,
        )
    };
    let lang = if indonesian { "id" } else { "en" };
    (format!("synth-{i:06}-{lang}.txt"), text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        assert_eq!(article(5), article(5));
        assert_ne!(article(5).1, article(6).1);
        assert_ne!(article_seeded(5, 1), article(5));
        let names: std::collections::BTreeSet<String> = (0..500).map(|i| article(i).0).collect();
        assert_eq!(names.len(), 500);
    }
}
