//! A deterministic synthetic corpus for the benchmarks, derived from `seeds/`.
//!
//! Five real articles are too few to measure anything at scale, and a file
//! repeated verbatim is skipped by the reader (content identity) and merged
//! by dedup, so it would measure the cheap path. Each generated article is a
//! seed article (English or the Indonesian one) with its three parties
//! (Russia, Turkey, Syria in the seeds) swapped for states or groups drawn
//! from the shipped lexicon, its places swapped for lexicon places, its
//! publication and in-text dates shifted by whole weeks (so weekday words
//! stay true), its tolls changed and its body paragraphs and sentences
//! shuffled. The same `(seed, i)` always gives the same bytes.
//!
//! Shared by the bench binaries through `#[path = "support/corpus.rs"] mod corpus;`.
#![allow(dead_code)] // each bench uses a different part

use std::path::Path;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate};
use regex::{Captures, Regex};

/// SplitMix64: tiny, fast, and the same on every machine (no `rand` needed).
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// One party as the text names it.
#[derive(Clone, Debug)]
pub struct Actor {
    pub name: String,
    /// "Belgian": seeds say "Turkish forces", "Syrian troops".
    pub adj: String,
    /// "Brussels": seeds use capitals as metonyms ("Moscow and Ankara").
    pub capital: String,
}

/// A seed article with the publication date it carries (or is given).
struct Seed {
    text: String,
    published: NaiveDate,
    /// The seed has no date line of its own: one is written on top.
    add_date_line: bool,
    indonesian: bool,
}

/// The generator: seeds plus the lexicon's actors and places.
pub struct Corpus {
    seeds: Vec<Seed>,
    states: Vec<Actor>,
    groups: Vec<Actor>,
    places: Vec<String>,
}

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

fn re(p: &str) -> Regex {
    Regex::new(p).expect("corpus regex")
}

/// The seeds' three parties, longest alternatives first; group 1..=3 = role A/B/C.
static PARTIES: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"\b(?:(?P<a_leader>President Vladimir Putin|Vladimir Putin|Putin)|(?P<a_adj>Russians|Russian)|(?P<a_name>Russia|Rusia)|(?P<a_cap>Moscow|the Kremlin|Kremlin)",
        r"|(?P<b_leader>Turkish President Recep Tayyip Erdogan|Recep Tayyip Erdogan|Tayyip Erdogan|Erdogan)|(?P<b_adj>Turkish|Turks)|(?P<b_name>Turkey|Turki)|(?P<b_cap>Ankara)",
        r"|(?P<c_leader>President Bashar al-Assad|Bashar al-Assad|Assad)|(?P<c_adj>Syrians|Syrian)|(?P<c_name>Syria|Suriah)|(?P<c_cap>Damascus|Damaskus))\b",
    ))
});
/// Places the seeds name, swapped for lexicon places.
static PLACES: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:Idlib|Sarakib|Saraqib|Nayrab|Istanbul)\b"));
/// Tolls and counts before a noun or demonym; group 1 is the character
/// before, so the day of an ISO date ("2020-02-28 Russian") is left alone.
static NUMBERS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(^|[^-0-9])([1-9][0-9]{0,2})( (?:Turkish|Syrian|Russian|soldiers|troops|tentara|orang|lebih|people|civilians))\b",
    )
});
/// English "March 02, 2020" / "February 27", ISO, Indonesian "8 Januari (2020)".
static DATES: LazyLock<Regex> = LazyLock::new(|| {
    re(concat!(
        r"\b(?:(?P<em>January|February|March|April|May|June|July|August|September|October|November|December) (?P<ed>[0-9]{1,2})\b(?:, (?P<ey>[0-9]{4}))?",
        r"|(?P<iy>[0-9]{4})-(?P<im>[0-9]{2})-(?P<id>[0-9]{2})",
        r"|(?P<dd>[0-9]{1,2}) (?P<dm>Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\b(?: (?P<dy>[0-9]{4}))?)",
    ))
});

impl Corpus {
    /// Loads the seeds and the lexicon's states, groups and places from the crate root.
    pub fn load(root: &Path) -> Corpus {
        let seed = |file: &str, published: (i32, u32, u32), add: bool, id: bool| Seed {
            text: std::fs::read_to_string(root.join("seeds").join(file)).expect("reading a seed"),
            published: NaiveDate::from_ymd_opt(published.0, published.1, published.2).unwrap(),
            add_date_line: add,
            indonesian: id,
        };
        // Dates as in the seeds' own header lines; the two without one get one.
        let seeds = vec![
            seed("000_f98d4e3fbfcb024d.txt", (2020, 3, 3), true, true),
            seed("001_c19f09e04d04bbc0.txt", (2020, 2, 21), false, false),
            seed("002_70623a27b97a395d.txt", (2020, 2, 28), false, false),
            seed("003_f99509bd8a7b837a.txt", (2020, 3, 2), false, false),
            seed("004_1b79ea2a5a35e33b.txt", (2020, 2, 20), true, false),
        ];
        let lex = root.join("config/lexicon");
        let states = actors(&lex.join("actors/states.toml"), "GOV");
        let groups = actors(&lex.join("actors/groups.toml"), "REB");
        let mut places = names(&lex.join("places/conflict-zones.toml"));
        places.extend(names(&lex.join("places/capitals.toml")));
        assert!(states.len() > 20 && groups.len() > 3 && places.len() > 50);
        Corpus {
            seeds,
            states,
            groups,
            places,
        }
    }

    /// Article `i` of the corpus `seed`: `(file name, text)`. File names sort
    /// in generation order, as `replay` and the catch-up scan read them.
    pub fn article(&self, seed: u64, i: u64) -> (String, String) {
        let mut rng = Rng::new(seed.wrapping_mul(0x1000_0000_01B3) ^ i);
        let s = &self.seeds[rng.below(self.seeds.len())];
        let parties = self.parties(&mut rng);
        let shift = Duration::days(7 * rng.below(260) as i64);

        let text = NUMBERS.replace_all(&s.text, |c: &Captures| {
            format!("{}{}{}", &c[1], 2 + rng.below(148), &c[3])
        });
        let text = DATES.replace_all(&text, |c: &Captures| shift_date(c, s.published, shift));
        let text = PARTIES.replace_all(&text, |c: &Captures| party(c, &parties));
        let text = PLACES.replace_all(&text, |_: &Captures| {
            self.places[rng.below(self.places.len())].clone()
        });
        let mut body = shuffle_body(&text, &mut rng);
        if s.add_date_line {
            let d = s.published + shift;
            let line = if s.indonesian {
                format!(
                    "{} {} {}",
                    d.day(),
                    MONTHS_ID[d.month0() as usize],
                    d.year()
                )
            } else {
                format!(
                    "{} {}, {}",
                    MONTHS_EN[d.month0() as usize],
                    d.day(),
                    d.year()
                )
            };
            body = format!("{line}\n\n{body}");
        }
        // A unique closing line, so no two articles share content identity.
        body.push_str(&format!("\n\nArchive reference fp{seed:x}x{i:x}.\n"));
        (format!("{i:08}_{seed:x}.txt"), body)
    }

    /// A short one-event article (live-latency drops): one attack between two
    /// states on its own date, so each file yields a new event, not a merge.
    pub fn short_article(&self, seed: u64, i: u64) -> (String, String) {
        let mut rng = Rng::new(seed.wrapping_mul(0x5851_F42D_4C95_7F2D) ^ i);
        let [a, b, _] = self.parties(&mut rng);
        let place = &self.places[rng.below(self.places.len())];
        // Two days apart each: beyond dedup's one-day tolerance.
        let d = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap() + Duration::days(2 * i as i64);
        let month = MONTHS_EN[d.month0() as usize];
        let killed = 2 + rng.below(60);
        let text = format!(
            "{} forces shell {} positions near {place}\n\n{month} {}, {}\n\n\
             {} forces shelled {} army positions near {place} on {month} {}, killing {killed} soldiers, officials said.\n\n\
             Archive reference lat{seed:x}x{i:x}.\n",
            a.adj,
            b.adj,
            d.day(),
            d.year(),
            a.adj,
            b.adj,
            d.day(),
        );
        (format!("lat{i:06}_{seed:x}.txt"), text)
    }

    /// Writes articles `from..to` into `dir`; returns the bytes written.
    pub fn write(&self, dir: &Path, seed: u64, from: u64, to: u64) -> u64 {
        std::fs::create_dir_all(dir).expect("creating the corpus folder");
        let mut bytes = 0;
        for i in from..to {
            let (name, text) = self.article(seed, i);
            std::fs::write(dir.join(name), &text).expect("writing an article");
            bytes += text.len() as u64;
        }
        bytes
    }

    /// Three distinct parties: two states, the third a state or (one in
    /// four) an armed group.
    fn parties(&self, rng: &mut Rng) -> [Actor; 3] {
        let a = rng.below(self.states.len());
        let mut b = rng.below(self.states.len());
        while b == a {
            b = rng.below(self.states.len());
        }
        let c = if rng.below(4) == 0 {
            self.groups[rng.below(self.groups.len())].clone()
        } else {
            let mut c = rng.below(self.states.len());
            while c == a || c == b {
                c = rng.below(self.states.len());
            }
            self.states[c].clone()
        };
        [self.states[a].clone(), self.states[b].clone(), c]
    }
}

fn party(c: &Captures, p: &[Actor; 3]) -> String {
    for (i, role) in ["a", "b", "c"].iter().enumerate() {
        let a = &p[i];
        if c.name(&format!("{role}_leader")).is_some() {
            return format!("the {} president", a.adj);
        }
        if c.name(&format!("{role}_adj")).is_some() {
            return a.adj.clone();
        }
        if c.name(&format!("{role}_name")).is_some() {
            return a.name.clone();
        }
        if c.name(&format!("{role}_cap")).is_some() {
            return a.capital.clone();
        }
    }
    c[0].to_string()
}

/// The matched date moved by `shift`, written in the shape it was found in.
/// A yearless date takes the seed's publication year.
fn shift_date(c: &Captures, published: NaiveDate, shift: Duration) -> String {
    let num = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let year = |n: &str| num(n).map_or(published.year(), |y| y as i32);
    let (date, shape) = if let Some(m) = c.name("em") {
        let month = MONTHS_EN.iter().position(|x| *x == m.as_str()).unwrap() as u32 + 1;
        (
            NaiveDate::from_ymd_opt(year("ey"), month, num("ed").unwrap_or(1)),
            if c.name("ey").is_some() { 0 } else { 1 },
        )
    } else if c.name("iy").is_some() {
        (
            NaiveDate::from_ymd_opt(year("iy"), num("im").unwrap(), num("id").unwrap()),
            2,
        )
    } else {
        let m = c.name("dm").unwrap().as_str();
        let month = MONTHS_ID.iter().position(|x| *x == m).unwrap() as u32 + 1;
        (
            NaiveDate::from_ymd_opt(year("dy"), month, num("dd").unwrap_or(1)),
            if c.name("dy").is_some() { 3 } else { 4 },
        )
    };
    let Some(d) = date.map(|d| d + shift) else {
        return c[0].to_string();
    };
    let (en, id) = (
        MONTHS_EN[d.month0() as usize],
        MONTHS_ID[d.month0() as usize],
    );
    match shape {
        0 => format!("{en} {:02}, {}", d.day(), d.year()),
        1 => format!("{en} {}", d.day()),
        2 => d.format("%Y-%m-%d").to_string(),
        3 => format!("{} {id} {}", d.day(), d.year()),
        _ => format!("{} {id}", d.day()),
    }
}

/// Keeps the head (title and date lines, up to the first long paragraph) in
/// place; shuffles the body's paragraphs, and the sentences of some.
fn shuffle_body(text: &str, rng: &mut Rng) -> String {
    let paras: Vec<&str> = text
        .split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let head = paras
        .iter()
        .position(|p| p.split_whitespace().count() >= 12)
        .map_or(paras.len(), |i| i + 1);
    let mut body: Vec<String> = paras[head..].iter().map(|p| p.to_string()).collect();
    rng.shuffle(&mut body);
    for p in body.iter_mut() {
        if rng.below(3) == 0 {
            let mut s: Vec<&str> = p.split(". ").collect();
            if s.len() > 1 {
                rng.shuffle(&mut s);
                *p = s.join(". ");
            }
        }
    }
    let mut out: Vec<String> = paras[..head].iter().map(|p| p.to_string()).collect();
    out.extend(body);
    out.join("\n\n")
}

/// Actors of one sector from a lexicon file, with an adjective and a capital
/// found among their aliases (actors without a usable adjective are skipped).
fn actors(file: &Path, sector: &str) -> Vec<Actor> {
    let text = std::fs::read_to_string(file).expect("reading an actor file");
    let doc: toml::Table = toml::from_str(&text).expect("actor file is TOML");
    let mut out = Vec::new();
    let mut codes = std::collections::HashSet::new();
    for a in doc["actor"].as_array().into_iter().flatten() {
        // The first entry per code is the state or group itself; later ones are organs.
        let code = a.get("code").and_then(|c| c.as_str()).unwrap_or_default();
        if a.get("sector").and_then(|s| s.as_str()) != Some(sector) || !codes.insert(code) {
            continue;
        }
        let name = a["name"].as_str().unwrap_or_default().to_string();
        let aliases: Vec<&str> = a["aliases"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
            .filter(|s| !s.starts_with('=') && s.is_ascii())
            .collect();
        if sector != "GOV" {
            // Groups: the name serves for every form ("Hamas forces").
            if aliases.contains(&name.as_str()) {
                out.push(Actor {
                    adj: name.clone(),
                    capital: name.clone(),
                    name,
                });
            }
            continue;
        }
        let stem: String = name.chars().take(4).collect();
        let adj = aliases.iter().find(|s| {
            **s != name
                && !s.contains(' ')
                && s.starts_with(&stem)
                && !s.ends_with('s')
                && (s.ends_with('n')
                    || s.ends_with("ish")
                    || s.ends_with("ese")
                    || s.ends_with('i'))
        });
        let capital = aliases.iter().take(8).find(|s| {
            !s.starts_with(&stem)
                && !s.contains(" of ")
                && !s.starts_with("Republic")
                && !s.starts_with("Kingdom")
                && s.chars().next().is_some_and(char::is_uppercase)
        });
        if let Some(adj) = adj {
            out.push(Actor {
                adj: adj.to_string(),
                capital: capital.map_or(name.clone(), |c| c.to_string()),
                name,
            });
        }
    }
    out
}

/// Place names from a lexicon places file.
fn names(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).expect("reading a places file");
    let doc: toml::Table = toml::from_str(&text).expect("places file is TOML");
    doc["place"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p.get("name").and_then(|n| n.as_str()))
        .filter(|n| n.is_ascii())
        .map(str::to_string)
        .collect()
}
