//! The towns tier of the gazetteer (`config/lexicon/places/towns.toml`, made by
//! `scripts/gen-towns.py`): sentences written for these tests that name only a
//! town or a division of that file, and checks of the file itself.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::extract::{has, run};
use flashpoint::model::{EventType, Mention};

/// The location of `m`: (name, country).
fn place(m: &Mention) -> (String, String) {
    let l = m.location.as_ref().expect("a location");
    (l.name.clone(), l.country.clone())
}

#[test]
fn a_sudanese_town_locates_the_event_and_resolves_unnamed_forces() {
    // Only the town says where: "government troops" and "civilians" are Sudan's through Dilling.
    let ms = run(
        "Government troops shelled the town of Dilling on Thursday, killing 12 civilians.",
        "en",
        "2024-06-05",
    );
    let m = has(&ms, EventType::Assault, "SDN", Some("SDNCIV")).expect("SDN→SDNCIV assault");
    assert_eq!(place(&m), ("Dilling".into(), "SDN".into()));
    assert_eq!(m.fatalities.killed, Some(12));
}

#[test]
fn another_spelling_of_a_town_finds_it() {
    // GeoNames calls it Zalinjay; the news writes Zalingei.
    let ms = run(
        "Gunmen attacked a market in Zalingei on Tuesday, killing 15 civilians.",
        "en",
        "2024-06-05",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault)
        .expect("an assault");
    assert_eq!(place(m), ("Zalinjay".into(), "SDN".into()));
    assert_eq!(m.target.as_ref().map(|t| t.code.as_str()), Some("SDNCIV"));
}

#[test]
fn towns_of_the_sahel_lake_chad_and_myanmar_give_their_state() {
    for (text, src, tgt, town, country) in [
        (
            "Jihadists attacked an army post near Boulsa, killing 11 soldiers.",
            "BFAREB",
            "BFA",
            "Boulsa",
            "BFA",
        ),
        (
            "Insurgents attacked Gwoza overnight, killing 13 civilians.",
            "NGAREB",
            "NGACIV",
            "Gwoza",
            "NGA",
        ),
        (
            "Government troops bombed Falam, killing 9 civilians, residents said.",
            "MMR",
            "MMRCIV",
            "Falam",
            "MMR",
        ),
        (
            "Gangs attacked Mirebalais overnight and killed 10 civilians.",
            "HTIREB",
            "HTICIV",
            "Mirebalais",
            "HTI",
        ),
    ] {
        let ms = run(text, "en", "2024-06-05");
        let m = has(&ms, EventType::Assault, src, Some(tgt))
            .unwrap_or_else(|| panic!("{text}: {src}→{tgt} in {ms:?}"));
        assert_eq!(place(&m), (town.into(), country.into()), "{text}");
    }
}

#[test]
fn french_and_russian_sentences_find_the_towns() {
    let ms = run(
        "Les forces gouvernementales ont bombardé Djenné mardi, tuant 12 civils.",
        "fr",
        "2024-06-05",
    );
    let m = has(&ms, EventType::Assault, "MLI", Some("MLICIV")).expect("MLI→MLICIV");
    assert_eq!(place(&m).1, "MLI");
    // A Russian stem: "Валуйк*" finds Валуйки.
    let ms = run(
        "Украинские беспилотники атаковали Валуйки, погибли два мирных жителя.",
        "ru",
        "2024-06-05",
    );
    let m = has(&ms, EventType::Assault, "UKR", Some("RUS")).expect("UKR→RUS");
    assert_eq!(place(&m), ("Valuyki".into(), "RUS".into()));
}

#[test]
fn divisions_regions_toml_lacks_are_places() {
    let ms = run(
        "Government troops shelled villages in Gezira State on Saturday, killing 7 civilians.",
        "en",
        "2024-06-05",
    );
    let m = has(&ms, EventType::Assault, "SDN", Some("SDNCIV")).expect("SDN→SDNCIV");
    assert_eq!(place(&m).1, "SDN");
    let ms = run(
        "Security forces detained 14 activists in Red Sea State on Monday.",
        "en",
        "2024-06-05",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Coerce)
        .expect("an arrest");
    assert_eq!(m.source.code, "SDN");
    assert_eq!(place(m), ("Red Sea State".into(), "SDN".into()));
}

#[test]
fn a_bare_state_name_is_no_division() {
    // "Niger" is Nigeria's Niger State only with "State".
    let ms = run(
        "ECOWAS gave the soldiers who seized power in Niger one week to restore the president.",
        "en",
        "2023-07-30",
    );
    assert!(
        ms.iter()
            .all(|m| m.location.as_ref().is_none_or(|l| l.country != "NGA")),
        "{ms:?}"
    );
}

/// The aliases of every place and actor of the lexicon, lower case without `=` and `*`,
/// by file.
fn aliases_by_file() -> HashMap<String, Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/lexicon");
    let mut out = HashMap::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "toml") {
                continue;
            }
            let v: toml::Value = toml::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
            let mut all = Vec::new();
            for key in ["place", "actor"] {
                for e in v.get(key).and_then(|x| x.as_array()).into_iter().flatten() {
                    for a in e
                        .get("aliases")
                        .and_then(|x| x.as_array())
                        .into_iter()
                        .flatten()
                    {
                        all.push(a.as_str().unwrap().to_string());
                    }
                }
            }
            out.insert(p.file_name().unwrap().to_string_lossy().into_owned(), all);
        }
    }
    out
}

#[test]
fn towns_toml_aliases_are_case_sensitive_long_and_new() {
    let by_file = aliases_by_file();
    let towns = &by_file["towns.toml"];
    assert!(towns.len() > 5000, "{} aliases", towns.len());
    let key = |a: &str| {
        a.trim_start_matches('=')
            .trim_end_matches('*')
            .to_lowercase()
    };
    let mut others = HashMap::new();
    for (f, list) in &by_file {
        if f != "towns.toml" {
            for a in list {
                others.insert(key(a), f.clone());
            }
        }
    }
    for a in towns {
        assert!(a.starts_with('='), "{a}: not case-sensitive");
        let k = key(a);
        assert!(
            k.chars().filter(|c| c.is_alphabetic()).count() >= 4,
            "{a}: short"
        );
        assert!(!others.contains_key(&k), "{a}: already in {}", others[&k]);
    }
}
