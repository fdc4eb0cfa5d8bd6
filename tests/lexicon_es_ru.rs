//! Spanish and Russian lexicon coverage on sentences written for these tests:
//! each one gave no event, or the wrong one, before the es/ru lexicon additions
//! (verb paradigms, demonym forms, number and date words, commitment cues).

mod common;

use common::extract::{has, run};
use flashpoint::model::EventType;

// 2023-05-10 is a Wednesday.
const PUBLISHED: &str = "2023-05-10";

#[test]
fn es_feminine_plural_demonym_is_the_state() {
    // "venezolanas" was not an alias of Venezuela.
    let ms = run(
        "Las autoridades venezolanas arrestaron a dos dirigentes opositores el miércoles.",
        "es",
        PUBLISHED,
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Coerce && m.source.code == "VEN"),
        "{ms:?}"
    );
}

#[test]
fn es_golpearon_is_an_assault_dated_by_el_pasado_lunes() {
    let ms = run(
        "Drones rusos golpearon infraestructuras energéticas de Odesa el pasado lunes.",
        "es",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "RUS", Some("UKR")).expect("RUS→UKR assault");
    assert_eq!(m.date.to_string(), "2023-05-08");
}

#[test]
fn es_excarcelo_is_a_release() {
    let ms = run(
        "Israel excarceló a 39 prisioneros palestinos el sábado.",
        "es",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Retreat, "ISR", Some("PSE")).expect("ISR→PSE release");
    assert_eq!(m.mode.as_deref(), Some("release"));
}

#[test]
fn es_delivery_verb_with_weapons_is_aid() {
    let ms = run(
        "Washington entregó a Kiev nuevos sistemas de defensa aérea.",
        "es",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Aid, "USA", Some("UKR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn es_approved_sanctions_are_a_sanction_not_an_agreement() {
    let ms = run(
        "La Unión Europea aprobó nuevas sanciones contra Irán por el suministro de drones a Rusia.",
        "es",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Sanction, "EU", Some("IRN")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Agree),
        "{ms:?}"
    );
}

#[test]
fn es_intelligence_sharing_is_cooperation() {
    let ms = run(
        "Colombia y Ecuador intercambiaron información de inteligencia sobre los grupos armados.",
        "es",
        PUBLISHED,
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Cooperate && m.source.code == "COL"),
        "{ms:?}"
    );
}

#[test]
fn es_compound_number_word_gives_the_toll() {
    let ms = run(
        "Murieron veinticinco militares colombianos en un ataque del ELN en Arauca.",
        "es",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "COLREB", Some("COL")).expect("COLREB→COL assault");
    assert_eq!(m.fatalities.killed, Some(25));
}

#[test]
fn ru_feminine_release_of_prisoners_is_a_release() {
    // "освободила" + prisoners: a release, not the capture of a town.
    let ms = run(
        "Россия освободила 50 украинских военнопленных.",
        "ru",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Retreat, "RUS", Some("UKR")).expect("RUS→UKR release");
    assert_eq!(m.mode.as_deref(), Some("release"));
}

#[test]
fn ru_delivery_verb_puts_the_giver_first_not_the_dative() {
    for (text, s) in [
        ("Германия передала Украине танки Leopard.", "DEU"),
        ("США выделили Украине новый пакет военной помощи.", "USA"),
    ] {
        let ms = run(text, "ru", PUBLISHED);
        assert!(
            has(&ms, EventType::Aid, s, Some("UKR")).is_some(),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn ru_promised_strike_is_a_threat_not_an_assault() {
    let ms = run(
        "Иран пообещал нанести ответный удар по Израилю.",
        "ru",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Threaten, "IRN", Some("ISR")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn ru_udarili_po_is_an_assault_with_its_toll() {
    let ms = run(
        "Российские ракеты ударили по жилым домам в Днепре, погибли 23 человека.",
        "ru",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "RUS", Some("UKR")).expect("RUS→UKR assault");
    assert_eq!(m.fatalities.killed, Some(23));
}

#[test]
fn ru_dnem_ranee_is_the_day_before() {
    let ms = run("Днем ранее ВСУ атаковали Белгород.", "ru", PUBLISHED);
    let m = has(&ms, EventType::Assault, "UKR", Some("RUS")).expect("UKR→RUS assault");
    assert_eq!(m.date.to_string(), "2023-05-09");
}

#[test]
fn future_strikes_and_sanctions_are_threats_not_facts() {
    for (text, lang, s, tg) in [
        ("Израиль нанесет удар по Ирану.", "ru", "ISR", "IRN"),
        (
            "США введут новые санкции против России.",
            "ru",
            "USA",
            "RUS",
        ),
        (
            "Rusia lanzará una ofensiva contra Járkov.",
            "es",
            "RUS",
            "UKR",
        ),
        (
            "Estados Unidos impondrá nuevas sanciones a Rusia.",
            "es",
            "USA",
            "RUS",
        ),
    ] {
        let ms = run(text, lang, PUBLISHED);
        assert!(
            has(&ms, EventType::Threaten, s, Some(tg)).is_some(),
            "{text}: {ms:?}"
        );
        assert!(
            !ms.iter()
                .any(|m| matches!(m.event_type, EventType::Assault | EventType::Sanction)),
            "{text}: {ms:?}"
        );
    }
}
