//! Extraction quality rules (dates, languages, roles) on sentences written
//! for these tests, with the shipped lexicons.

mod common;

use common::extract::{article, extractor, run};
use flashpoint::model::{EventType, Mention};

fn has(ms: &[Mention], t: EventType, s: &str, tg: Option<&str>) -> bool {
    ms.iter().any(|m| {
        m.event_type == t && m.source.code == s && m.target.as_ref().map(|x| x.code.as_str()) == tg
    })
}

#[test]
fn month_only_publication_keeps_later_days_of_that_month() {
    // Published "2021-06" (read as 2021-06-01): an attack on 14 June is news.
    let text = "Syrian forces shelled Turkish positions on 14 June 2021.";
    let ms = extractor().extract(&article(text, "en", "2021-06-01", false));
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.date.to_string() == "2021-06-14"),
        "{ms:?}"
    );
    // An exact publication date still treats a later day as a plan.
    let ms = run(text, "en", "2021-06-01");
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn turkish_possessor_of_the_fire_is_not_its_victim() {
    // "The ministry said 4 soldiers were martyred in heavy artillery fire by
    // regime forces": the regime fires; the reporting ministry's soldiers die.
    let ms = run(
        "Milli Savunma Bakanlığı, Halep yakınlarında rejim güçlerinin yoğun topçu atışı sonucu 4 askerimizin şehit olduğunu açıkladı.",
        "tr",
        "2021-03-10",
    );
    assert!(has(&ms, EventType::Assault, "SYR", Some("TUR")), "{ms:?}");
    assert!(!has(&ms, EventType::Assault, "TUR", Some("SYR")), "{ms:?}");
}

#[test]
fn turkish_agent_suffix_names_the_attacker() {
    // "On 8 March regime elements' shelling martyred 3 soldiers" after a
    // sentence that names the two sides.
    let ms = run(
        "Rejim güçleri Türk askerlerine saldırdı. 8 Mart'ta rejim unsurlarınca yapılan topçu atışı sonucu 3 asker şehit olmuştu.",
        "tr",
        "2021-03-10",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Assault
            && m.source.code == "SYR"
            && m.date.to_string() == "2021-03-08"),
        "{ms:?}"
    );
}

#[test]
fn joined_subjects_both_act() {
    let ms = run(
        "Russia and Syria bombed Turkish positions near Saraqib on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(has(&ms, EventType::Assault, "RUS", Some("TUR")), "{ms:?}");
    assert!(has(&ms, EventType::Assault, "SYR", Some("TUR")), "{ms:?}");
}

#[test]
fn a_region_word_after_a_target_marker_keeps_the_target() {
    let ms = run(
        "Hezbollah fired rockets at northern Israel on Sunday.",
        "en",
        "2021-03-10",
    );
    assert!(has(&ms, EventType::Assault, "HEZ", Some("ISR")), "{ms:?}");
    // Without a target marker the region word still makes a place.
    let ms = run(
        "Syrian troops were deployed in northern Syria on Sunday.",
        "en",
        "2021-03-10",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "SYR")),
        "{ms:?}"
    );
}

#[test]
fn stopped_cooperation_is_a_sanction() {
    let ms = run(
        "Canada suspended military aid to Mali on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(has(&ms, EventType::Sanction, "CAN", Some("MLI")), "{ms:?}");
    assert!(!ms.iter().any(|m| m.event_type == EventType::Aid), "{ms:?}");
    let ms = run(
        "La France a annulé la visite au Mali prévue lundi.",
        "fr",
        "2021-03-10",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Consult),
        "{ms:?}"
    );
    // Cooperation that is not stopped stays what it is.
    let ms = run(
        "Canada sent military aid to Mali on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(has(&ms, EventType::Aid, "CAN", Some("MLI")), "{ms:?}");
}

#[test]
fn a_lifted_curfew_is_a_concession_to_the_own_people() {
    let ms = run(
        "Kenya lifted the night curfew in Nairobi on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(has(&ms, EventType::Concede, "KEN", Some("KEN")), "{ms:?}");
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Coerce),
        "{ms:?}"
    );
}

#[test]
fn a_by_phrase_after_the_object_noun_is_not_the_verbs_agent() {
    let ms = run(
        "Austria rejected repeated calls by Serbia for a new border regime on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(has(&ms, EventType::Reject, "AUT", Some("SRB")), "{ms:?}");
    assert!(!has(&ms, EventType::Reject, "SRB", Some("AUT")), "{ms:?}");
    // After a participle the by-phrase is the trigger noun's agent.
    let ms = run(
        "Georgia received a warning issued by Russia on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(has(&ms, EventType::Threaten, "RUS", Some("GEO")), "{ms:?}");
    // The noun's own passive hands it back too: the speaker is no party.
    let ms = run(
        "Despite the Kenyan government announcing the raid was carried out by Somali forces, the border stayed open on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(!has(&ms, EventType::Assault, "KEN", Some("SOM")), "{ms:?}");
}

#[test]
fn trigger_families_match_in_every_tense() {
    let ms = run(
        "Thousands rallied in Belgrade on Tuesday.",
        "en",
        "2021-03-10",
    );
    // (Its unnamed crowd is the people of where it rallied.)
    assert!(
        has(&ms, EventType::Protest, "SRBCIV", Some("SRB")),
        "{ms:?}"
    );
    let ms = run(
        "Armenia is closing its airspace to Azerbaijani flights, the ministry said on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Coerce),
        "{ms:?}"
    );
}

#[test]
fn an_undated_protest_by_named_nationals_is_coded_against_their_state() {
    // No publication date: the event is dated by arrival and weighed down,
    // but a protest whose own state is the target is still a clear event.
    let mut a = article(
        "Moroccan teachers began a hunger strike outside parliament.",
        "en",
        "2021-03-10",
        true,
    );
    a.published = None;
    a.received = Some("2021-03-10".parse().unwrap());
    let ms = extractor().extract(&a);
    assert!(has(&ms, EventType::Protest, "MAR", Some("MAR")), "{ms:?}");
}

#[test]
fn dispersing_a_protest_is_coercion_not_a_protest() {
    let ms = run(
        "Kenyan police dispersed opposition demonstrators in Nairobi on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(has(&ms, EventType::Coerce, "KEN", Some("KEN")), "{ms:?}");
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Protest),
        "{ms:?}"
    );
    // A protest reported on its own is still one.
    let ms = run(
        "Kenyan teachers demonstrated in Nairobi on Monday.",
        "en",
        "2021-03-10",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Protest),
        "{ms:?}"
    );
}
