//! The extractor's rules on sentences written for these tests, with the
//! shipped lexicons.

mod common;

use common::extract::{article, extractor, has, run};
use flashpoint::model::EventType;

#[test]
fn active_strike_with_weekday_date_and_toll() {
    // 2020-02-28 is a Friday: "on Thursday" is the 27th.
    let ms = run(
        "Syrian government forces killed two Turkish soldiers in an air strike on Thursday.",
        "en",
        "2020-02-28",
    );
    let m = has(&ms, EventType::Assault, "SYR", Some("TUR")).expect("SYR→TUR assault");
    assert_eq!(m.date.to_string(), "2020-02-27");
    assert_eq!(m.fatalities.killed, Some(2));
}

#[test]
fn passive_victims_are_the_target() {
    let ms = run(
        "Three Turkish soldiers were killed by Syrian artillery fire, officials said.",
        "en",
        "2020-02-28",
    );
    let m = has(&ms, EventType::Assault, "SYR", Some("TUR")).expect("SYR→TUR assault");
    assert_eq!(m.fatalities.killed, Some(3));
}

#[test]
fn negated_modal_and_historical_acts_are_not_events() {
    for text in [
        "Russia did not carry out air strikes on Turkish positions.",
        "Turkey could launch an offensive against Syria.",
        "In 2015, Turkey shot down a Russian warplane near the border.",
    ] {
        let ms = run(text, "en", "2020-02-28");
        assert!(
            !ms.iter().any(|m| m.event_type == EventType::Assault),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn a_threat_is_a_threaten_event_not_an_assault() {
    let ms = run(
        "Turkey threatened to strike Syrian forces anywhere in the country.",
        "en",
        "2020-02-28",
    );
    assert!(
        has(&ms, EventType::Threaten, "TUR", Some("SYR")).is_some(),
        "{ms:?}"
    );
    assert!(!ms.iter().any(|m| m.event_type == EventType::Assault));
}

#[test]
fn indonesian_attack_with_explicit_date() {
    let ms = run(
        "Pasukan Turki menyerang tentara Suriah di Idlib pada 1 Maret.",
        "id",
        "2020-03-02",
    );
    let m = has(&ms, EventType::Assault, "TUR", Some("SYR")).expect("TUR→SYR assault");
    assert_eq!(m.date.to_string(), "2020-03-01");
}

#[test]
fn evidence_span_is_the_sentence() {
    let text = "Headline\n\nTurkish troops shelled Syrian army positions on Sunday. Nothing else.";
    let ms = run(text, "en", "2020-03-02");
    let m = has(&ms, EventType::Assault, "TUR", Some("SYR")).expect("TUR→SYR assault");
    let [s, e] = m.evidence.span;
    assert_eq!(
        &text[s..e],
        "Turkish troops shelled Syrian army positions on Sunday."
    );
}

#[test]
fn a_relative_clause_keeps_its_own_roles() {
    // The bombing's victims are militants (the rebels of Syria, where the
    // sentence is set); the Syrian posts are theirs, not Russia's.
    let ms = run(
        "Moscow said its jets had bombed militants who attacked Syrian army posts near Saraqib on Tuesday.",
        "en",
        "2020-02-19",
    );
    assert!(
        has(&ms, EventType::Assault, "RUS", Some("SYRREB")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "SYRREB", Some("SYR")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "RUS", Some("SYR")).is_none(),
        "{ms:?}"
    );
    // Both acts, each with its own parties and the by-phrase to its verb.
    let ms = run(
        "Syrian soldiers who shelled Turkish positions were bombed by Russian aircraft on Tuesday.",
        "en",
        "2020-02-19",
    );
    assert!(
        has(&ms, EventType::Assault, "SYR", Some("TUR")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "RUS", Some("SYR")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "RUS", Some("TUR")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn ceasefire_talks_are_not_a_ceasefire() {
    let ms = run(
        "Fighting near Idlib held up ceasefire talks between Turkey and Russia on Monday.",
        "en",
        "2020-02-18",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Agree),
        "{ms:?}"
    );
}

#[test]
fn a_promised_helping_act_is_a_pledge_and_a_promised_blow_a_threat() {
    let ms = run(
        "Norway is ready to send medical teams to Jordan, its foreign minister said on Monday.",
        "en",
        "2021-03-01",
    );
    assert!(
        has(&ms, EventType::Agree, "NOR", Some("JOR")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Armenia will strike Azerbaijani positions if the shelling goes on, its defence ministry warned.",
        "en",
        "2021-03-01",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
    // A possibility is neither.
    let ms = run(
        "Analysts said Norway could send medical teams to Jordan.",
        "en",
        "2021-03-01",
    );
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn a_protest_or_crackdown_naming_no_one_else_is_domestic() {
    let ms = run(
        "Thousands of Kenyan demonstrators rallied in Nairobi on Tuesday against the new tax law.",
        "en",
        "2024-06-26",
    );
    assert!(
        has(&ms, EventType::Protest, "KENCIV", Some("KEN")).is_some(),
        "{ms:?}"
    );
    // An army sealing airspace acts outward: no self-target.
    let ms = run(
        "The Syrian military closed the airspace over Idlib on Sunday.",
        "en",
        "2020-03-02",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "SYR")),
        "{ms:?}"
    );
}

#[test]
fn a_ministry_reporting_unnamed_dead_reports_its_own() {
    let ms = run(
        "The Armenian defence ministry said three of its soldiers were killed in Azerbaijani drone strikes near Lachin.",
        "en",
        "2020-10-05",
    );
    let m = has(&ms, EventType::Assault, "AZE", Some("ARM")).expect("AZE→ARM");
    assert_eq!(m.fatalities.killed, Some(3));
}

#[test]
fn turkish_subject_object_verb() {
    // Subject, object (dative), verb.
    let ms = run(
        "Ermeni güçleri Azerbaycan mevzilerine saldırdı.",
        "tr",
        "2020-10-05",
    );
    assert!(
        has(&ms, EventType::Assault, "ARM", Some("AZE")).is_some(),
        "{ms:?}"
    );
    // A reporter set apart by a comma, the agent in the genitive.
    let ms = run(
        "Savunma Bakanlığı, Ermeni güçlerinin topçu atışı sonucu 4 askerin şehit olduğunu bildirdi.",
        "tr",
        "2020-10-05",
    );
    assert!(
        !ms.iter()
            .any(|m| m.source.code == "AZE" && m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn an_indonesian_noun_trigger_takes_its_agent_from_after_it() {
    // "Residents of Armenia fled because of Azerbaijani artillery fire":
    // the residents are not the shooters.
    let ms = run(
        "Warga Armenia melarikan diri karena tembakan artileri Azerbaijan pada Senin.",
        "id",
        "2020-10-06",
    );
    assert!(
        !ms.iter().any(|m| m.source.code.starts_with("ARM")),
        "{ms:?}"
    );
}

#[test]
fn a_struck_place_stands_for_its_state() {
    let ms = run(
        "Russian missiles hit Kharkiv overnight, killing four people.",
        "en",
        "2024-05-03",
    );
    assert!(
        has(&ms, EventType::Assault, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Israeli warplanes struck southern Lebanon on Friday.",
        "en",
        "2024-05-03",
    );
    assert!(
        has(&ms, EventType::Assault, "ISR", Some("LBN")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_place_talked_about_or_at_home_is_no_party() {
    // Words about a place: the meeting's other party is the target.
    let ms = run(
        "The US president discussed Gaza with the Egyptian president on Monday.",
        "en",
        "2024-05-03",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "PSE")),
        "{ms:?}"
    );
    // A place in the source's own country says where, not whom: the
    // protesters' own state stays the addressee.
    let ms = run(
        "Thousands of Iraqis demonstrated in the northern city of Kirkuk on Sunday.",
        "en",
        "2024-05-03",
    );
    assert!(
        has(&ms, EventType::Protest, "IRQCIV", Some("IRQ")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn headlines_in_the_present_tense_are_read() {
    for (text, lang, t, s, tg) in [
        (
            "Ucrania derriba treinta drones rusos.",
            "es",
            EventType::Assault,
            "UKR",
            "RUS",
        ),
        (
            "China advierte a Taiwán contra la independencia.",
            "es",
            EventType::Threaten,
            "CHN",
            "TWN",
        ),
        (
            "Venezuela expulsa al embajador de Argentina.",
            "es",
            EventType::Sanction,
            "VEN",
            "ARG",
        ),
        (
            "La Russie bombarde Kiev.",
            "fr",
            EventType::Assault,
            "RUS",
            "UKR",
        ),
        (
            "Le Mali expulse l'ambassadeur de France.",
            "fr",
            EventType::Sanction,
            "MLI",
            "FRA",
        ),
    ] {
        let ms = run(text, lang, "2024-03-05");
        assert!(has(&ms, t, s, Some(tg)).is_some(), "{text}: {ms:?}");
    }
}

#[test]
fn a_second_joined_verb_is_an_act_of_its_own() {
    let ms = run(
        "El presidente francés condena el ataque y pide a Rusia que cese las hostilidades.",
        "es",
        "2024-03-05",
    );
    assert!(
        has(&ms, EventType::Request, "FRA", Some("RUS")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "La France condamne ces frappes et annonce de nouvelles sanctions contre Moscou.",
        "fr",
        "2024-03-05",
    );
    assert!(
        has(&ms, EventType::Sanction, "FRA", Some("RUS")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn two_sides_that_clash_strike_each_other() {
    let ms = run(
        "Armenian and Azerbaijani troops clashed on the border on Tuesday.",
        "en",
        "2022-09-14",
    );
    assert!(
        has(&ms, EventType::Assault, "ARM", Some("AZE")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "AZE", Some("ARM")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_compound_number_is_no_toll() {
    let ms = run(
        "Turkish drones struck Syrian troops during a three-day offensive that killed soldiers.",
        "en",
        "2020-03-02",
    );
    let m = has(&ms, EventType::Assault, "TUR", Some("SYR")).expect("TUR→SYR");
    assert_eq!(m.fatalities.killed, None, "{ms:?}");
}

#[test]
fn a_joined_verb_shares_the_first_verbs_subject() {
    let ms = run(
        "Iran condemned the Israeli strikes and urged the UN Security Council to act.",
        "en",
        "2024-09-23",
    );
    assert!(
        has(&ms, EventType::Request, "IRN", Some("UN")).is_some(),
        "{ms:?}"
    );
    assert!(!ms.iter().any(|m| m.source.code == "ISR"), "{ms:?}");
}

#[test]
fn a_refused_cooperative_act_is_a_rejection_aimed_at_its_complement() {
    // Written for this test: a refusal names whom it touches after the
    // refused verb; a negated pledge is a refusal too.
    let ms = run(
        "Kenya has refused to send police officers to Haiti this year.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Reject, "KEN", Some("HTI")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Hungary said it would not deliver weapons to Ukraine.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Reject, "HUN", Some("UKR")).is_some(),
        "{ms:?}"
    );
    // A denial's object is its topic, not its target.
    let ms = run(
        "Moscow dismissed claims of Russian troops in Moldova.",
        "en",
        "2024-05-10",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Reject
            && m.target.as_ref().is_some_and(|t| t.code == "MDA")),
        "{ms:?}"
    );
}

#[test]
fn a_promise_carried_by_a_verb_of_giving_is_a_pledge() {
    let ms = run(
        "Japan will provide 30 million dollars of humanitarian aid to Sudan, the foreign ministry said.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Agree, "JPN", Some("SDN")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_planned_acts_date_does_not_date_the_speech_act() {
    // 2024-05-10 is a Friday: "on Wednesday" is the 8th; the talks in
    // September are the plan's date.
    let ms = run(
        "Serbia on Wednesday rejected a Kosovo offer to hold talks in September.",
        "en",
        "2024-05-10",
    );
    let m = has(&ms, EventType::Reject, "SRB", Some("XKX")).expect("a rejection");
    assert_eq!(m.date.to_string(), "2024-05-08");
}

#[test]
fn government_forces_named_without_their_state_are_the_host_states() {
    // Written for this test. Goma lies in the DR Congo.
    let ms = run(
        "Government troops attacked Rwandan soldiers near Goma on Sunday.",
        "en",
        "2024-05-10",
    );
    let m = has(&ms, EventType::Assault, "COD", Some("RWA")).expect("COD→RWA");
    assert_eq!(m.source.sector, "MIL");
    // Written right after a state, the words only give its sector.
    let ms = run(
        "Sudanese government forces shelled positions of Chadian troops near El Geneina.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Assault, "SDN", Some("TCD")).is_some(),
        "{ms:?}"
    );
    // With no place to set them in, they are no one.
    let ms = run(
        "Government troops attacked Rwandan soldiers on Sunday.",
        "en",
        "2024-05-10",
    );
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn a_verb_of_giving_names_its_recipient_right_after_it() {
    // Written for this test.
    let ms = run(
        "Norway gave Malawi a grant of 40 million dollars on Monday.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Aid, "NOR", Some("MWI")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_progressive_verb_after_an_auxiliary_is_active() {
    let ms = run(
        "The United States has been carrying out air strikes against the Houthis, officials said on Monday.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Assault, "USA", Some("HOUTHI")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn an_actor_after_anti_or_pro_qualifies_a_noun() {
    let ms = run(
        "Iran backs anti-Israel militias in Syria, officials said on Monday.",
        "en",
        "2024-05-10",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "ISR")),
        "{ms:?}"
    );
}

#[test]
fn a_subject_pronoun_stands_for_the_previous_sentences_subject() {
    // Written for this test.
    let ms = run(
        "Erdogan met Putin in Moscow on Monday.\nHe threatened a military operation against Syria on Tuesday.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Threaten, "TUR", Some("SYR")).is_some(),
        "{ms:?}"
    );
    // "He" is a person: a state before it stands for no "he".
    let ms = run(
        "Turkey met Russia in Moscow on Monday.\nHe threatened a military operation against Syria on Tuesday.",
        "en",
        "2024-05-10",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
}

#[test]
fn every_pair_of_a_longer_list_meets() {
    // Written for this test.
    let ms = run(
        "Russia, Turkey and Iran met in Tehran on Monday.",
        "en",
        "2024-05-10",
    );
    for (a, b) in [("RUS", "TUR"), ("RUS", "IRN"), ("TUR", "IRN")] {
        assert!(
            has(&ms, EventType::Consult, a, Some(b)).is_some()
                || has(&ms, EventType::Consult, b, Some(a)).is_some(),
            "{a}–{b}: {ms:?}"
        );
    }
    assert_eq!(
        ms.iter()
            .filter(|m| m.event_type == EventType::Consult)
            .count(),
        3,
        "{ms:?}"
    );
}

#[test]
fn two_sides_striking_each_other_in_one_sentence_are_two_assaults() {
    // Same type, reversed parties: not one event with combined roles.
    let ms = run(
        "Ethiopian artillery has pounded Eritrean positions, and 14 Ethiopian soldiers were killed in a raid by Eritrea.",
        "en",
        "2021-06-10",
    );
    assert!(
        has(&ms, EventType::Assault, "ETH", Some("ERI")).is_some(),
        "{ms:?}"
    );
    let back = has(&ms, EventType::Assault, "ERI", Some("ETH")).expect("ERI→ETH assault");
    assert_eq!(back.fatalities.killed, Some(14));
}

#[test]
fn a_by_phrase_that_opens_with_a_verb_names_no_agent() {
    // "retaliated by shelling X": X is the target, the subject the source.
    let ms = run(
        "Armenia retaliated on Tuesday by shelling Azerbaijani villages near the border.",
        "en",
        "2022-09-14",
    );
    assert!(
        has(&ms, EventType::Assault, "ARM", Some("AZE")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "AZE", Some("ARM")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn a_threat_of_force_that_names_no_one_is_aimed_at_the_other_side() {
    let ms = run(
        "Eritrean troops shelled Ethiopian border posts on Monday. Eritrea warned on Tuesday that it would shoot down any aircraft entering Eritrea's airspace.",
        "en",
        "2021-06-10",
    );
    assert!(
        has(&ms, EventType::Threaten, "ERI", Some("ETH")).is_some(),
        "{ms:?}"
    );
    // A warning with no force in it, in an article with no fighting, has no
    // side to aim at.
    let ms = run(
        "Kenya warned on Tuesday that drought would spread across the north.",
        "en",
        "2021-06-10",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
}

#[test]
fn a_thousands_separator_does_not_break_a_clause() {
    // The comma of "12,000" sits between the verb of giving and the aid.
    let ms = run(
        "Japan will provide 12,000 tonnes of food aid to Sudan, the foreign ministry said on Monday.",
        "en",
        "2023-05-09",
    );
    assert!(
        has(&ms, EventType::Agree, "JPN", Some("SDN")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_conditional_clause_is_no_event_however_long() {
    // The "if" stands six words before the act, beyond a modal verb's reach;
    // the negation inside it is no refusal either.
    for (text, lang) in [
        (
            "If Armenia and Azerbaijan finally succeed in negotiations with Russia then new borders will be drawn.",
            "en",
        ),
        (
            "If Kenya's government does not withdraw its troops from Somalia, the talks will fail.",
            "en",
        ),
        (
            "Jika Kenya dan Somalia akhirnya berhasil dalam perundingan itu, perbatasan baru akan ditarik.",
            "id",
        ),
    ] {
        let ms = run(text, lang, "2021-06-01");
        assert!(ms.is_empty(), "{text}: {ms:?}");
    }
    // Its clause ends at the comma: the act after it stands.
    let ms = run(
        "If the talks fail, nobody knows; Ethiopian troops attacked Eritrean positions on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "ETH", Some("ERI")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn since_a_day_starts_a_period_and_dates_only_its_when_clause() {
    // 2021-06-04 is a Friday: "since Monday" starts on the 31st of May.
    let ms = run(
        "Ethiopia has stepped up its shelling of Eritrean towns since Monday, when 12 Ethiopian soldiers were killed in an attack by Eritrea.",
        "en",
        "2021-06-04",
    );
    let ongoing = has(&ms, EventType::Assault, "ETH", Some("ERI")).expect("ETH→ERI assault");
    assert_eq!(ongoing.date.to_string(), "2021-06-04", "{ms:?}");
    let start = has(&ms, EventType::Assault, "ERI", Some("ETH")).expect("ERI→ETH assault");
    assert_eq!(start.date.to_string(), "2021-05-31", "{ms:?}");
}

#[test]
fn a_year_in_a_gerund_complement_does_not_make_the_sentence_history() {
    let ms = run(
        "Kenya has offered to hand over to Uganda two of its citizens suspected of bombing a bus in Kampala in 2010.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Agree, "KEN", Some("UGA")).is_some(),
        "{ms:?}"
    );
    // A year that dates the sentence's own act still makes it history.
    let ms = run(
        "Kenya handed over to Uganda two citizens in 2010.",
        "en",
        "2021-06-01",
    );
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn a_promise_of_support_is_a_pledge_despite_the_weak_verb() {
    let ms = run(
        "Japan will support Kenya's bid for a seat on the council, the foreign minister said on Monday.",
        "en",
        "2021-06-01",
    );
    let m = has(&ms, EventType::Agree, "JPN", Some("KEN")).expect("JPN→KEN pledge");
    assert_eq!(m.mode.as_deref(), Some("pledge"));
    // Support as a standing alignment stays below the threshold.
    let ms = run("Japan supports Kenya.", "en", "2021-06-01");
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn protesters_blocking_a_road_protest_rather_than_coerce() {
    let ms = run(
        "Protesters in Nairobi blocked a highway on Monday to denounce Uganda's border policy.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter().all(|m| m.event_type != EventType::Coerce),
        "{ms:?}"
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Protest)
        .expect("a protest");
    assert_eq!(m.mode.as_deref(), Some("obstruct"), "{ms:?}");
}

#[test]
fn a_states_rebels_are_their_own_party() {
    let ms = run(
        "Sudanese rebels shelled government positions near Khartoum on Sunday, killing five Sudanese soldiers.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "SDNREB"),
        "{ms:?}"
    );
}

#[test]
fn detainees_and_hostages_are_the_held_not_the_holders() {
    let ms = run(
        "Ethiopian police beat Eritrean detainees in Addis Ababa on Sunday.",
        "en",
        "2021-06-01",
    );
    assert!(
        !ms.iter().any(|m| m.source.code.starts_with("ERI")),
        "{ms:?}"
    );
    let ms = run(
        "Sudanese rebels took hostages in a raid on a Chadian border town on Sunday.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "SDNREB"),
        "{ms:?}"
    );
}

#[test]
fn a_refused_support_is_a_rejection() {
    let ms = run(
        "Japan said on Monday it would not provide support to Myanmar's military government.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Reject, "JPN", Some("MMR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn protesters_abroad_protest_against_the_state_they_rally_in() {
    let ms = run(
        "Kenyan activists staged a protest in Kampala on Monday.",
        "en",
        "2021-06-01",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Protest)
        .expect("a protest");
    assert_eq!(
        m.target.as_ref().map(|t| t.code.as_str()),
        Some("UGA"),
        "{ms:?}"
    );
}

#[test]
fn a_promise_on_a_condition_is_an_ultimatum_and_a_promised_boycott_a_threat() {
    let ms = run(
        "Kenya announced on Monday that it will withdraw its peacekeepers from Somalia unless the fighting stops.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Threaten, "KEN", Some("SOM")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Agree, "KEN", Some("SOM")).is_none(),
        "{ms:?}"
    );
    let ms = run(
        "Kenyan leaders said on Monday they would boycott all official contact with Uganda.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Threaten, "KEN", Some("UGA")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_speaker_saying_another_party_must_act_demands_it() {
    for text in [
        "Japan said on Monday that China must withdraw its ships from the disputed waters.",
        "China should withdraw its ships from the disputed waters, Japan said on Monday.",
    ] {
        let ms = run(text, "en", "2021-06-01");
        assert!(
            has(&ms, EventType::Request, "JPN", Some("CHN")).is_some(),
            "{text}: {ms:?}"
        );
    }
    // One's own duty is no demand.
    let ms = run(
        "Japan said on Monday that Japan must defend its islands.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter().all(|m| m.event_type != EventType::Request),
        "{ms:?}"
    );
}

#[test]
fn tolls_in_spanish_and_russian_and_not_the_reporters_side() {
    let ms = run(
        "Rusia lanzó el martes un ataque con misiles contra Ucrania, matando a al menos 12 civiles, según las autoridades ucranianas.",
        "es",
        "2024-03-13",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault && m.source.code == "RUS")
        .expect("RUS assault");
    assert_eq!(m.fatalities.killed, Some(12), "{ms:?}");
    // "five people, Lebanese officials said": Lebanon reports the dead, it
    // does not name them.
    let ms = run(
        "Израильская армия во вторник нанесла авиаудары по позициям «Хезболлы», погибли по меньшей мере пять человек, сообщили ливанские власти.",
        "ru",
        "2024-03-13",
    );
    let m = has(&ms, EventType::Assault, "ISR", Some("HEZ")).expect("ISR→HEZ assault");
    assert_eq!(m.fatalities.killed, Some(5), "{ms:?}");
}

#[test]
fn condemning_the_attack_accuses_the_attacker() {
    let ms = run(
        "Ethiopian jets bombed Eritrean positions on Monday. Kenya condemned the strikes on Tuesday.",
        "en",
        "2021-06-02",
    );
    assert!(
        has(&ms, EventType::Accuse, "KEN", Some("ETH")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn joined_objects_are_each_a_target() {
    let ms = run(
        "France called on Ethiopia and Eritrea to show restraint on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Request, "FRA", Some("ETH")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Request, "FRA", Some("ERI")).is_some(),
        "{ms:?}"
    );
    // A place joined to a state is where, not a second party.
    let ms = run(
        "Ethiopian troops attacked Eritrean positions in Assab and Massawa on Monday.",
        "en",
        "2021-06-01",
    );
    assert_eq!(
        ms.iter()
            .filter(|m| m.event_type == EventType::Assault)
            .count(),
        1,
        "{ms:?}"
    );
}

#[test]
fn unnamed_rebels_belong_to_the_state_the_sentence_is_set_in() {
    let ms = run(
        "Kenyan troops attacked the militants in southern Somalia on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "KEN", Some("SOMREB")).is_some(),
        "{ms:?}"
    );
    // A group named before is the one meant.
    let ms = run(
        "Kenyan troops attacked al-Shabaab in southern Somalia on Monday, the militant group that raided a Kenyan base in January.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter()
            .all(|m| m.source.code != "SOMREB"
                && m.target.as_ref().is_none_or(|t| t.code != "SOMREB")),
        "{ms:?}"
    );
}

#[test]
fn a_state_after_in_is_where_even_before_a_verb() {
    // "in western Sudan had asked": Sudan is where the rebels are, not who asked.
    let ms = run(
        "The rebels in western Sudan had asked Chad for military help against Khartoum.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Request, "SDNREB", Some("TCD")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Request, "SDN", Some("TCD")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn unnamed_forces_belong_to_a_state_named_as_where() {
    let ms = run(
        "Security forces in Kenya have beaten dozens of Somali refugees, a rights group said.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "KEN", Some("SOMCIV")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_spoken_threat_naming_no_one_aims_at_the_other_side() {
    let ms = run(
        "Ethiopian troops shelled Eritrean positions near Badme on Monday, killing 12 soldiers.\n\
         Prime Minister Abiy said Ethiopia would take whatever action was necessary to defend its borders.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Threaten, "ETH", Some("ERI")).is_some(),
        "{ms:?}"
    );
    // With no one fought in the article, the threat has no one to aim at.
    let ms = run(
        "Prime Minister Abiy said Ethiopia would take whatever action was necessary to defend its borders.",
        "en",
        "2021-06-01",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
}

#[test]
fn an_operation_in_a_state_strikes_that_state() {
    let ms = run(
        "Kenya said on Monday that it was carrying out a military operation in southern Somalia.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "KEN", Some("SOM")).is_some(),
        "{ms:?}"
    );
    // Not for a verb whose subject is another verb's object.
    let ms = run(
        "Serb forces killed three ethnic Albanians in a gunbattle in southeastern Serbia on Friday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "ALB", Some("SRB")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn rights_groups_and_lenders_are_parties_of_their_own() {
    let ms = run(
        "Amnesty International accused Ethiopia of killing civilians in Tigray.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Accuse, "AMNESTY", Some("ETH")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "The International Monetary Fund agreed to lend Pakistan 3 billion dollars.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Agree, "IMF", Some("PAK")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_yearless_dateline_takes_its_year_from_the_ledes_weekday() {
    // An old file without a year: 27 February was last a Wednesday in 2019,
    // so "on Wednesday" pins the dateline to 2019.
    let text = "Border clash reported\nNew Delhi, Feb 27:\n\n\
                India on Wednesday said its troops shelled Pakistani posts.";
    let mut a = article(text, "en", "2026-11-20", true);
    a.published = None;
    a.received = Some("2026-11-20".parse().unwrap());
    let ms = extractor().extract(&a);
    let m = has(&ms, EventType::Assault, "IND", Some("PAK")).expect("IND→PAK assault");
    assert_eq!(m.date.to_string(), "2019-02-27");

    // Arriving days after its dateline, a file is of the arrival's year.
    a.received = Some("2019-03-04".parse().unwrap());
    let ms = extractor().extract(&a);
    let m = has(&ms, EventType::Assault, "IND", Some("PAK")).expect("IND→PAK assault");
    assert_eq!(m.date.to_string(), "2019-02-27");

    // A weekday next to a yearless date names its year in any sentence.
    a.text =
        "India said on Wednesday, February 27, that its troops shelled Pakistani posts.".into();
    a.received = Some("2026-11-20".parse().unwrap());
    let ms = extractor().extract(&a);
    let m = has(&ms, EventType::Assault, "IND", Some("PAK")).expect("IND→PAK assault");
    assert_eq!(m.date.to_string(), "2019-02-27");
}

#[test]
fn an_undated_file_naming_office_holders_is_dated_within_their_terms() {
    // Pompeo was Secretary of State until 2021-01-20, Akar Turkey's defence
    // minister until 2023: a file with no date that names both is from
    // before 20 January 2021 (a Wednesday), whenever it arrives.
    let text = "Pompeo calls Akar\n\n\
                Secretary of State Mike Pompeo held talks with Turkish Defence \
                Minister Hulusi Akar on Tuesday.";
    let mut a = article(text, "en", "2026-11-20", true);
    a.published = None;
    a.received = Some("2026-11-20".parse().unwrap());
    let ms = extractor().extract(&a);
    let m = has(&ms, EventType::Consult, "USA", Some("TUR")).expect("USA–TUR talks");
    assert_eq!(m.date.to_string(), "2021-01-19");

    // Arriving while both were in office, it is dated from its arrival.
    a.received = Some("2020-06-05".parse().unwrap());
    let ms = extractor().extract(&a);
    let m = has(&ms, EventType::Consult, "USA", Some("TUR")).expect("USA–TUR talks");
    assert_eq!(m.date.to_string(), "2020-06-02");

    // One office-holder alone, or two whose terms only touch at a
    // handover, date nothing: the arrival stands.
    for text in [
        "Secretary of State Mike Pompeo held talks with Turkish officials on Tuesday.",
        "Donald Trump and Joe Biden held talks with Turkish officials on Tuesday.",
    ] {
        a.text = text.into();
        a.received = Some("2026-11-20".parse().unwrap());
        let ms = extractor().extract(&a);
        let m = has(&ms, EventType::Consult, "USA", Some("TUR")).expect("USA–TUR talks");
        assert_eq!(m.date.to_string(), "2026-11-17", "{text}");
    }
}

#[test]
fn an_undated_file_telling_an_office_holders_death_is_from_after_it() {
    // Nasrallah led Hezbollah until he was killed on 2024-09-27; Netanyahu
    // was in office then. A file with no date that tells the death is from
    // the week after it: "on Wednesday" is 2 October, not the Wednesday
    // before the death (25 September) that the two terms' overlap gave.
    for (text, lang) in [
        (
            "Israel strikes Beirut\n\nIsraeli jets struck Hezbollah positions in Beirut on \
             Wednesday, days after Hassan Nasrallah's death, Prime Minister Benjamin \
             Netanyahu said.",
            "en",
        ),
        (
            "Israel serang Lebanon\n\nJet tempur Israel menyerang posisi Hizbullah di Beirut \
             pada hari Rabu, beberapa hari setelah kematian Hassan Nasrallah, kata Perdana \
             Menteri Benjamin Netanyahu.",
            "id",
        ),
    ] {
        let mut a = article(text, lang, "2026-11-20", true);
        a.published = None;
        a.received = Some("2026-11-20".parse().unwrap());
        let ms = extractor().extract(&a);
        let m = has(&ms, EventType::Assault, "ISR", Some("HEZ")).expect("ISR→HEZ strike");
        assert_eq!(m.date.to_string(), "2024-10-02", "{text}");
    }
    // Named alive, the same two bound the article to their overlap.
    let mut a = article(
        "Israel strikes Beirut\n\nIsraeli jets struck Hezbollah positions in Beirut on \
         Wednesday, Hassan Nasrallah said, according to Prime Minister Benjamin Netanyahu.",
        "en",
        "2026-11-20",
        true,
    );
    a.published = None;
    a.received = Some("2026-11-20".parse().unwrap());
    let ms = extractor().extract(&a);
    let m = has(&ms, EventType::Assault, "ISR", Some("HEZ")).expect("ISR→HEZ strike");
    assert_eq!(m.date.to_string(), "2024-09-25");
}

#[test]
fn a_misdeed_nouns_by_phrase_is_the_accused_not_the_accuser() {
    for (text, accuser, accused) in [
        (
            "Seoul called the missile launch a grave provocation by North Korea.",
            "KOR",
            "PRK",
        ),
        (
            "The Lithuanian president said the incursion was an unprovoked act of aggression by Belarus.",
            "LTU",
            "BLR",
        ),
    ] {
        let ms = run(text, "en", "2024-05-10");
        assert!(
            has(&ms, EventType::Accuse, accuser, Some(accused)).is_some(),
            "{text}: {ms:?}"
        );
        assert!(
            has(&ms, EventType::Accuse, accused, Some(accuser)).is_none(),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn an_attack_the_speaker_reports_is_not_the_speakers_own() {
    // The victim's state tells of the attack: it is no attacker.
    let ms = run(
        "Kenya said the attack killed 12 police officers near Mandera.",
        "en",
        "2024-05-10",
    );
    assert!(
        !ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "KEN"),
        "{ms:?}"
    );
}

#[test]
fn turkish_case_endings_mark_the_object_and_the_setting() {
    // A comma after the subject, the object in the accusative.
    let ms = run(
        "Rusya, Ukrayna'yı ateşkesi ihlal etmekle suçladı.",
        "tr",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Accuse, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
    // "Lübnan'daki" (in Lebanon) says where; the object's ending is on the
    // noun the actor qualifies ("Hizbullah mevzilerini").
    let ms = run(
        "İsrail ordusu, Lübnan'daki Hizbullah mevzilerini bombaladı.",
        "tr",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "ISR", Some("HEZ")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "LBN", Some("HEZ")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn an_armed_party_after_a_noun_trigger_and_of_is_its_agent() {
    // Spanish: the victims named before the noun are the target.
    let ms = run(
        "Cuatro policías peruanos murieron en una emboscada de Sendero Luminoso en el VRAEM.",
        "es",
        "2021-06-01",
    );
    let m = has(&ms, EventType::Assault, "PERREB", Some("PER")).expect("PERREB→PER");
    assert_eq!(m.fatalities.killed, Some(4));
    // French: with no one before the noun, the target is the one it is aimed at.
    let ms = run(
        "Les frappes de l'armée israélienne sur la Syrie ont fait six morts.",
        "fr",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "ISR", Some("SYR")).is_some(),
        "{ms:?}"
    );
    // A plain state after "de" suffers the act: no agent is made of it.
    let ms = run(
        "La invasión de Ucrania comenzó al amanecer.",
        "es",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "UKR", None).is_none(),
        "{ms:?}"
    );
}

#[test]
fn a_gazetteer_name_that_is_a_common_word_matches_only_capitalised() {
    // "lima" is five in Indonesian; Lima, Peru is written with a capital.
    let ms = run(
        "Pasukan Rusia menembaki kota Kharkiv dan menewaskan lima warga sipil.",
        "id",
        "2021-06-01",
    );
    // (The civilians killed, or the state struck.)
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Assault
            && m.source.code == "RUS"
            && m.target.as_ref().is_some_and(|t| t.code.starts_with("UKR"))),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code.starts_with("PER"))),
        "{ms:?}"
    );
}

#[test]
fn a_former_head_of_government_codes_to_his_country_as_its_elite() {
    // Obama's office ended in 2017: in 2021 he is still an American
    // actor, one of its elite rather than its government.
    let ms = run(
        "Barack Obama met Xi Jinping in Beijing on Tuesday.",
        "en",
        "2021-06-01",
    );
    let m = has(&ms, EventType::Consult, "USA", Some("CHN")).expect("USA→CHN consult");
    assert_eq!(m.source.sector, "ELI");
    // In office, the same name is the government.
    let ms = run(
        "Barack Obama met Xi Jinping in Beijing on Tuesday.",
        "en",
        "2015-06-01",
    );
    let m = has(&ms, EventType::Consult, "USA", Some("CHN")).expect("USA→CHN consult");
    assert_eq!(m.source.sector, "GOV");
}

#[test]
fn civilians_a_foreign_force_strikes_in_a_place_are_that_states_civilians() {
    for (text, lang) in [
        (
            "Israeli troops killed 12 civilians in Gaza on Tuesday.",
            "en",
        ),
        (
            "Pasukan Israel menewaskan 12 warga sipil di Gaza pada Selasa.",
            "id",
        ),
    ] {
        let ms = run(text, lang, "2021-06-01");
        let m = has(&ms, EventType::Assault, "ISR", Some("PSECIV")).expect(text);
        assert_eq!(m.fatalities.killed, Some(12), "{text}");
    }
    // An act that kills them right before them makes them the place's
    // people, whoever strikes.
    let ms = run(
        "Government forces killed 12 civilians in Idlib on Tuesday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "SYR", Some("SYRCIV")).is_some(),
        "{ms:?}"
    );
    // Neither: whose people they are is not guessed from the place.
    let ms = run(
        "Seven soldiers and one civilian employee were killed in shelling by government forces in Idlib.",
        "en",
        "2021-06-01",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "SYRCIV")),
        "{ms:?}"
    );
}

#[test]
fn in_a_verb_final_language_the_place_before_the_verb_is_struck() {
    // "The Israeli army hit a school in Gaza": the place stands between
    // the subject and the verb.
    let ms = run(
        "İsrail ordusu Gazze'de bir okulu vurdu.",
        "tr",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "ISR", Some("PSE")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_common_verb_is_a_trigger_only_with_its_object_near() {
    // "shut" counts with "airspace" five words on, in any phrase.
    let ms = run(
        "Syria's army shut the country's northern airspace on Monday.",
        "en",
        "2021-06-01",
    );
    let m = has(&ms, EventType::Coerce, "SYR", None).expect("SYR coerce");
    assert_eq!(m.mode.as_deref(), Some("restrict"));
    // The object before the verb, as a verb-final language writes it.
    let ms = run("Suriye ordusu hava sahasını kapattı.", "tr", "2021-06-01");
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Coerce),
        "{ms:?}"
    );
    // Without its object the verb is no act.
    let ms = run(
        "Syria's army shut the school in Idlib on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Coerce),
        "{ms:?}"
    );
}

#[test]
fn the_object_that_fits_one_sense_of_a_word_rules_out_the_others() {
    // "seized the town": ground taken, not goods confiscated.
    let ms = run(
        "M23 rebels seized the town of Bunagana in eastern Congo on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.mode.as_deref() == Some("territory")),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Coerce),
        "{ms:?}"
    );
    // With no such object the other sense stands.
    let ms = run(
        "Iranian forces seized an oil tanker flying the flag of Britain.",
        "en",
        "2021-06-01",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn a_state_named_with_a_border_is_a_neighbour_not_the_place() {
    // Shelling near the Finnish border strikes no Finland.
    let ms = run(
        "Russian forces shelled villages near the Finnish border on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "FIN")),
        "{ms:?}"
    );
    // Named as where, without a border, the state holds the place.
    let ms = run(
        "Russian forces shelled villages in Finland on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "RUS", Some("FIN")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_sea_locates_an_act_but_stands_for_no_state() {
    // The Red Sea's coast is Yemen's, but a ship struck there is not Yemen.
    let ms = run(
        "Houthi rebels attacked a merchant ship in the Red Sea on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "YEM")),
        "{ms:?}"
    );
    // A land place of the same gazetteer still does.
    let ms = run(
        "Saudi jets struck Houthi positions in Saada on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Assault
            && m.location.as_ref().is_some_and(|l| l.name == "Saada")),
        "{ms:?}"
    );
}

#[test]
fn police_named_alone_are_the_police_of_the_place() {
    let ms = run(
        "Police arrested dozens of opposition supporters in Kampala on Monday.",
        "en",
        "2021-06-01",
    );
    let m = has(&ms, EventType::Coerce, "UGA", Some("UGA")).expect("UGA arrests");
    assert_eq!(m.source.sector, "COP");
}

#[test]
fn police_striking_people_they_do_not_name_strike_their_own_civilians() {
    let ms = run(
        "Iranian security forces killed five protesters in Zahedan on Saturday.",
        "en",
        "2021-06-01",
    );
    let m = has(&ms, EventType::Assault, "IRN", Some("IRNCIV")).expect("IRN→IRNCIV");
    assert_eq!(m.fatalities.killed, Some(5));
    // An army is no police: its unnamed victims wait for the article.
    let ms = run(
        "Iranian troops killed five people in Zahedan on Saturday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "IRN", Some("IRNCIV")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn a_visit_reaches_the_state_of_the_place_it_arrives_in() {
    let ms = run(
        "The Iranian foreign minister arrived in Moscow on Tuesday for talks.",
        "en",
        "2021-06-02",
    );
    has(&ms, EventType::Consult, "IRN", Some("RUS")).expect("IRN→RUS visit");
    // Troops that arrive are deployed, not visiting.
    let ms = run(
        "Kenyan peacekeeping troops arrived in Somalia on Tuesday.",
        "en",
        "2021-06-02",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Consult),
        "{ms:?}"
    );
}

#[test]
fn closing_its_own_airspace_targets_no_one() {
    for text in [
        "Iraq closed its airspace on Monday.",
        "Baghdad said on Monday it was closing Iraqi air space over the border region.",
    ] {
        let ms = run(text, "en", "2021-06-02");
        assert!(
            has(&ms, EventType::Coerce, "IRQ", None).is_some(),
            "{text}: {ms:?}"
        );
        assert!(
            has(&ms, EventType::Coerce, "IRQ", Some("IRQ")).is_none(),
            "{text}: {ms:?}"
        );
    }
    // A domestic measure still falls on the country's own people.
    let ms = run(
        "Egyptian authorities imposed a curfew on Egyptian towns.",
        "en",
        "2021-06-02",
    );
    has(&ms, EventType::Coerce, "EGY", Some("EGY")).expect("EGY curfew");
}

#[test]
fn an_envoy_recalled_to_a_capital_is_recalled_from_its_state() {
    let ms = run(
        "Le Niger a rappelé son ambassadeur à Paris mercredi.",
        "fr",
        "2023-05-10",
    );
    has(&ms, EventType::Sanction, "NER", Some("FRA")).expect("NER→FRA recall");
}

#[test]
fn protesters_in_a_capital_protest_at_home() {
    let ms = run(
        "Ribuan demonstran berunjuk rasa di Jakarta menolak kenaikan harga BBM.",
        "id",
        "2023-05-10",
    );
    has(&ms, EventType::Protest, "IDN", Some("IDN")).expect("IDN protest");
}

#[test]
fn turkish_subject_is_the_party_without_a_case_ending() {
    // Two objects before the verb: the accusative one is the accused.
    let ms = run(
        "Rusya, Ukrayna'yı Kremlin'e saldırmakla suçladı.",
        "tr",
        "2023-05-10",
    );
    has(&ms, EventType::Accuse, "RUS", Some("UKR")).expect("RUS→UKR");
    assert!(
        has(&ms, EventType::Accuse, "UKR", Some("RUS")).is_none(),
        "{ms:?}"
    );
    // A possessor before an object noun is part of the object; summoning
    // an ambassador is a protest to his state.
    let ms = run(
        "Türkiye, İsveç'in büyükelçisini Dışişleri Bakanlığına çağırdı.",
        "tr",
        "2023-05-10",
    );
    has(&ms, EventType::Accuse, "TUR", Some("SWE")).expect("TUR→SWE summons");
    // A person and, past a comma, the place he is in are two mentions;
    // the party before a postposition is the other side.
    let ms = run(
        "Cumhurbaşkanı Erdoğan, Ankara'da Azerbaycan Cumhurbaşkanı Aliyev ile görüştü.",
        "tr",
        "2023-05-10",
    );
    has(&ms, EventType::Consult, "TUR", Some("AZE")).expect("TUR–AZE meeting");
}

#[test]
fn a_threat_of_force_in_a_place_threatens_its_state() {
    for (text, lang, src, tgt) in [
        (
            "Hamas threatened on Monday to resume attacks in Israel.",
            "en",
            "HAMAS",
            "ISR",
        ),
        (
            "Президент Сербии пригрозил ввести войска в Косово.",
            "ru",
            "SRB",
            "XKX",
        ),
    ] {
        let ms = run(text, lang, "2023-05-10");
        assert!(
            has(&ms, EventType::Threaten, src, Some(tgt)).is_some(),
            "{text}: {ms:?}"
        );
    }
    // Fighting only called possible threatens no one.
    let ms = run(
        "The Kremlin said it did not want to see possible Russian-Turkish fighting in Idlib.",
        "en",
        "2020-02-21",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
}

#[test]
fn russian_gaza_in_the_dative_is_a_place() {
    let ms = run(
        "Израиль нанес авиаудар по сектору Газа, погибли 12 человек.",
        "ru",
        "2023-05-10",
    );
    has(&ms, EventType::Assault, "ISR", Some("PSE")).expect("ISR→PSE strike");
}

#[test]
fn the_speakers_own_side_in_a_threat_is_not_its_target() {
    let ms = run(
        "Erdogan warned that Turkey reserves the right to respond to attacks from Syria.",
        "en",
        "2020-03-05",
    );
    has(&ms, EventType::Threaten, "TUR", Some("SYR")).expect("TUR→SYR threat");
    // Another side of his country still is.
    let ms = run(
        "President Museveni has threatened to ban Ugandan opposition candidates from the election.",
        "en",
        "2021-01-05",
    );
    has(&ms, EventType::Threaten, "UGA", Some("UGA")).expect("UGA→UGA threat");
}

#[test]
fn a_junta_named_alone_rules_the_state_the_sentence_is_set_in() {
    let ms = run(
        "ECOWAS imposed sanctions on the military rulers in Niger.",
        "en",
        "2023-07-30",
    );
    has(&ms, EventType::Sanction, "ECOWAS", Some("NER")).expect("ECOWAS→NER");
}

#[test]
fn joined_parties_with_a_possessive_sector_word_agree_together() {
    let ms = run(
        "Sudan's army and the RSF agreed to a seven-day ceasefire.",
        "en",
        "2023-05-10",
    );
    has(&ms, EventType::Agree, "SDN", Some("RSF")).expect("SDN–RSF agreement");
}

#[test]
fn unnamed_rulers_after_a_location_marker_still_take_a_role() {
    // "aux" is both "to the" and "in the": the junta is the addressee.
    let ms = run(
        "La CEDEAO a lancé dimanche un ultimatum d'une semaine aux militaires au pouvoir au Niger.",
        "fr",
        "2023-07-30",
    );
    assert!(
        ms.iter().any(
            |m| m.source.code == "ECOWAS" && m.target.as_ref().is_some_and(|t| t.code == "NER")
        ),
        "{ms:?}"
    );
}

#[test]
fn troops_sent_into_a_place_are_sent_against_its_state() {
    let ms = run("Россия ввела войска в Абхазию.", "ru", "2023-05-10");
    has(&ms, EventType::Mobilize, "RUS", Some("GEO")).expect("RUS→GEO deployment");
}

#[test]
fn courts_parliaments_and_opposition_named_alone_are_the_countrys_own() {
    // Set in a named country: its opposition demands of its president.
    let ms = run(
        "Opposition parties in Kenya demanded that President William Ruto dissolve his cabinet.",
        "en",
        "2023-05-10",
    );
    let m = has(&ms, EventType::Request, "KEN", Some("KEN")).expect("KEN opposition → KEN");
    assert_eq!(m.source.sector, "PTY");
    // The one state the sentence names; a verb between keeps the two apart.
    let ms = run(
        "Ethiopia accused the opposition of plotting a coup.",
        "en",
        "2023-05-10",
    );
    let m = has(&ms, EventType::Accuse, "ETH", Some("ETH")).expect("ETH → ETH opposition");
    assert_eq!(m.target.as_ref().map(|t| t.sector.as_str()), Some("PTY"));
}

#[test]
fn protesters_set_in_a_country_keep_the_leader_they_name() {
    let ms = run(
        "Thousands of students across Bangladesh demonstrated on Sunday against Prime Minister Sheikh Hasina.",
        "en",
        "2023-05-10",
    );
    assert!(
        has(&ms, EventType::Protest, "BGD", Some("BGD")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_resignation_yields_to_the_own_country_but_a_treaty_quit_does_not() {
    let ms = run(
        "Peru's President Pedro Castillo resigned on Tuesday.",
        "en",
        "2023-05-10",
    );
    assert!(
        has(&ms, EventType::Retreat, "PER", Some("PER")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Russia quit the Open Skies treaty on Friday.",
        "en",
        "2023-05-10",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "RUS")),
        "{ms:?}"
    );
}

#[test]
fn a_subordinate_clause_dated_apart_tells_its_own_act() {
    // Sunday is 2020-03-01, the Thursday before it 2020-02-27.
    let ms = run(
        "India struck targets in Pakistan on Tuesday after a suicide bombing killed 40 Indian police officers in Kashmir on February 14.",
        "en",
        "2020-02-27",
    );
    let main = has(&ms, EventType::Assault, "IND", Some("PAK")).expect("IND→PAK strike");
    assert_eq!(main.date.to_string(), "2020-02-25");
    assert_eq!(
        main.fatalities.killed, None,
        "the bombing's dead are not the strike's"
    );
    // India did not bomb its own police: the bombing waits for the other side.
    let sub = has(&ms, EventType::Assault, "PAK", Some("IND")).expect("the bombing, PAK→IND");
    assert_eq!(sub.date.to_string(), "2020-02-14");
    assert_eq!(sub.fatalities.killed, Some(40));
}

#[test]
fn joined_counts_of_one_sides_dead_add_up() {
    let ms = run(
        "Seven Turkish soldiers and one civilian employee were killed in Syrian shelling on Monday.",
        "en",
        "2020-03-02",
    );
    // "in Syrian shelling" says whose shelling, not where: the civilian
    // joined to the Turkish soldiers is one of theirs.
    let m = has(&ms, EventType::Assault, "SYR", Some("TUR")).expect("SYR→TUR shelling");
    assert_eq!(m.fatalities.killed, Some(8));
}

#[test]
fn a_weak_mention_completes_a_confident_one_of_the_same_act() {
    // Far into the article the toll's own mention (no attacker named, a
    // pronoun for the reporter) is too weak to stand alone.
    let text = "Fighting in northwest Syria intensified this week. Aid agencies said the \
        humanitarian situation was dire. Roads out of the province were crowded. Markets in \
        several towns were closed. Schools have not opened for weeks. Hospitals reported \
        shortages of fuel. Diplomats met in Geneva without result. Prices of bread have \
        doubled. Turkish warplanes struck Syrian army positions in Idlib on Thursday, the \
        Turkish defence ministry said. It said more than 50 Syrian soldiers were killed in \
        retaliation.";
    let ms = run(text, "en", "2020-02-21");
    let strikes: Vec<_> = ms
        .iter()
        .filter(|m| m.event_type == EventType::Assault)
        .collect();
    assert_eq!(
        strikes.len(),
        1,
        "one strike, no weak event of its own: {ms:?}"
    );
    assert_eq!(strikes[0].source.code, "TUR");
    assert_eq!(strikes[0].fatalities.killed, Some(50));
}

#[test]
fn a_countrys_rebels_strike_its_own_unnamed_soldiers() {
    for (text, lang) in [
        (
            "In Burkina Faso, jihadists killed 12 soldiers on Monday.",
            "en",
        ),
        (
            "В Буркина-Фасо джихадисты убили 12 военных в понедельник.",
            "ru",
        ),
    ] {
        let ms = run(text, lang, "2023-05-10");
        let m = has(&ms, EventType::Assault, "BFAREB", Some("BFA"))
            .unwrap_or_else(|| panic!("{text}: {ms:?}"));
        assert_eq!(m.fatalities.killed, Some(12), "{text}");
    }
}

#[test]
fn a_number_in_a_name_is_no_date_day_and_no_toll() {
    let ms = run(
        "Malaysian forces shelled Andorran army positions near Tower 22 on Monday, killing 6 soldiers, officials said.",
        "en",
        "2022-05-04",
    );
    let m = has(&ms, EventType::Assault, "MYS", Some("AND")).expect("MYS→AND shelling");
    assert_eq!(m.fatalities.killed, Some(6));
    let ms = run(
        "Malaysian forces shelled Andorran army positions near Tower 22 on May 4, killing 6 soldiers, officials said.",
        "en",
        "2022-05-04",
    );
    let m = has(&ms, EventType::Assault, "MYS", Some("AND")).expect("dated May 4, not May 22");
    assert_eq!(m.date.to_string(), "2022-05-04");
}

#[test]
fn rebels_with_no_setting_are_those_of_the_one_state_named() {
    // No place, and the only other state is a border: the militants a
    // state's forces strike are its own insurgents.
    let ms = run(
        "Bolivian forces killed six militants in a raid near the Peruvian border on Monday.",
        "en",
        "2022-05-04",
    );
    let m = has(&ms, EventType::Assault, "BOL", Some("BOLREB")).expect("BOL→BOLREB raid");
    assert_eq!(m.fatalities.killed, Some(6));
    // Civilians with no setting stay unresolved rather than the attacker's own.
    let ms = run(
        "Bolivian troops killed 12 civilians on Monday.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Assault, "BOL", Some("BOLCIV")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn fighting_between_two_actors_has_them_as_its_sides() {
    let ms = run(
        "Heavy fighting between Chad and Niger continued on Monday.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Assault, "TCD", Some("NER")).is_some(),
        "{ms:?}"
    );
    // No one is its author: each side strikes the other.
    assert!(
        has(&ms, EventType::Assault, "NER", Some("TCD")).is_some(),
        "{ms:?}"
    );
    // A mediator is not one of the sides.
    let ms = run(
        "Kenya mediated talks between Chad and Niger on Monday.",
        "en",
        "2022-05-04",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Consult && m.source.code == "KEN"),
        "{ms:?}"
    );
    // The risk of a clash between two states is neither one's threat.
    let ms = run(
        "The risk of a direct clash between Chad and Niger remains high.",
        "en",
        "2022-05-04",
    );
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn a_weapon_in_a_passive_by_phrase_does_not_make_the_victims_attackers() {
    // The device is how the soldiers died, not an act of theirs against
    // the state named as where.
    let ms = run(
        "Three Belgian soldiers were killed by an improvised explosive device outside the Nigerien town of Agadez on Sunday.",
        "en",
        "2022-05-04",
    );
    assert!(
        !ms.iter().any(|m| m.source.code == "BEL"),
        "victims made attackers: {ms:?}"
    );
}

#[test]
fn hit_is_an_assault_only_with_a_weapon_or_target_near() {
    let ms = run(
        "Moldovan drones hit an oil depot in the Romanian region of Iasi overnight.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Assault, "MDA", Some("ROU")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "The Moldovan economy was hit hard by Romanian tariffs last year.",
        "en",
        "2022-05-04",
    );
    assert!(
        ms.iter().all(|m| m.event_type != EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn gunmen_are_the_rebels_of_the_country_they_strike_in() {
    let ms = run(
        "Gunmen killed 15 villagers in the Nigerian state of Zamfara on Saturday.",
        "en",
        "2022-05-04",
    );
    let m = has(&ms, EventType::Assault, "NGAREB", Some("NGACIV")).expect("NGAREB→NGACIV");
    assert_eq!(m.fatalities.killed, Some(15));
}

#[test]
fn an_actor_in_a_participle_by_phrase_before_the_verb_is_not_its_subject() {
    let ms = run(
        "Malian forces backed by Russian airstrikes killed 30 jihadists near Gao on Monday.",
        "en",
        "2022-05-04",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "MLI"),
        "{ms:?}"
    );
    assert!(!ms.iter().any(|m| m.source.code == "RUS"), "{ms:?}");
}

#[test]
fn a_mobilisation_needs_no_target() {
    let ms = run(
        "Serbia put its troops on high alert near the Kosovo border on Monday.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Mobilize, "SRB", None).is_some(),
        "{ms:?}"
    );
}

#[test]
fn sending_weapons_is_aid_only_with_the_goods_named() {
    let ms = run(
        "Poland sent 14 tanks to Moldova on Monday.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Aid, "POL", Some("MDA")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Poland sent a delegation to Moldova on Monday.",
        "en",
        "2022-05-04",
    );
    assert!(ms.iter().all(|m| m.event_type != EventType::Aid), "{ms:?}");
}

#[test]
fn two_sides_swapping_prisoners_release_each_others() {
    let ms = run(
        "Armenia and Azerbaijan exchanged 32 prisoners of war on Monday.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Retreat, "ARM", Some("AZE")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Retreat, "AZE", Some("ARM")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_threat_to_act_in_a_place_threatens_its_state() {
    let ms = run(
        "Rwanda threatened on Tuesday to launch a new military operation in eastern Congo.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Threaten, "RWA", Some("COD")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_negation_set_off_by_a_comma_negates_nothing_after_it() {
    let ms = run(
        "Not long after, Russia delivered S-400 missile systems to Belarus.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Aid, "RUS", Some("BLR")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Reject, "RUS", Some("BLR")).is_none(),
        "{ms:?}"
    );
    let ms = run(
        "Russia did not deliver S-400 missile systems to Belarus.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Aid, "RUS", Some("BLR")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn recognising_a_state_is_support_and_every_joined_subject_acts() {
    let ms = run(
        "Spain, Ireland and Norway recognised the State of Palestine on Tuesday.",
        "en",
        "2022-05-04",
    );
    for code in ["ESP", "IRL", "NOR"] {
        assert!(
            has(&ms, EventType::Support, code, Some("PSE")).is_some(),
            "{code}: {ms:?}"
        );
    }
    let ms = run(
        "The ministry's work was widely recognised in Kenya.",
        "en",
        "2022-05-04",
    );
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn a_state_right_after_the_act_that_killed_is_its_agent_in_french() {
    let ms = run(
        "Huit civils ont péri dans un bombardement russe sur Kherson lundi, selon les autorités ukrainiennes.",
        "fr",
        "2022-05-04",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault && m.source.code == "RUS")
        .unwrap_or_else(|| panic!("RUS assault: {ms:?}"));
    assert_eq!(m.fatalities.killed, Some(8));
}

#[test]
fn unnamed_civilians_before_an_attack_noun_are_its_victims_in_spanish() {
    let ms = run(
        "Ocho civiles murieron en un bombardeo ruso sobre Jersón el lunes.",
        "es",
        "2022-05-04",
    );
    let m = has(&ms, EventType::Assault, "RUS", Some("UKRCIV")).expect("RUS→UKRCIV");
    assert_eq!(m.fatalities.killed, Some(8));
}

#[test]
fn a_possessor_before_an_object_noun_is_the_target_in_turkish() {
    // "Kiev's ultimatum" is the object: the possessor is its target, not
    // the subject.
    for (text, src, tg, t) in [
        (
            "Kremlin Kiev'in ültimatomunu reddetti.",
            "RUS",
            "UKR",
            EventType::Reject,
        ),
        (
            "Türkiye İsveç'in büyükelçisini çağırdı.",
            "TUR",
            "SWE",
            EventType::Accuse,
        ),
        (
            "İsrail savaş uçakları Lübnan'ın güneyini bombaladı.",
            "ISR",
            "LBN",
            EventType::Assault,
        ),
    ] {
        let ms = run(text, "tr", "2022-05-04");
        assert!(has(&ms, t, src, Some(tg)).is_some(), "{text}: {ms:?}");
    }
}

#[test]
fn an_actor_and_a_place_after_it_are_two_mentions() {
    // "Kolombiya ordusu Arauca'da" was one actor, and the place's locative
    // ending made the whole of it a setting: the army lost its act.
    let ms = run(
        "Kolombiya ordusu Arauca'da beş ELN gerillasını öldürdü.",
        "tr",
        "2022-05-04",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault && m.source.code == "COL")
        .unwrap_or_else(|| panic!("COL assault: {ms:?}"));
    assert_eq!(m.fatalities.killed, Some(5));
}

#[test]
fn a_target_marker_does_not_reach_past_a_comma() {
    let ms = run(
        "North Korea fired two ballistic missiles on Wednesday, South Korea said.",
        "en",
        "2022-05-04",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "KOR")),
        "the reporter made the target: {ms:?}"
    );
}

#[test]
fn sending_forces_is_a_mobilisation_with_a_count_between() {
    let ms = run(
        "Kenya sent 400 police officers to Haiti on Tuesday.",
        "en",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Mobilize, "KEN", Some("HTI")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "The president sent his condolences to the families of the soldiers.",
        "en",
        "2022-05-04",
    );
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn joined_subjects_acting_on_each_other_act_both_ways() {
    for (text, lang) in [
        (
            "Chad and Sudan accused each other of backing rebels on Monday.",
            "en",
        ),
        ("Chad dan Sudan saling tuduh atas serangan itu.", "id"),
        ("Çad ve Sudan birbirini suçladı.", "tr"),
    ] {
        let ms = run(text, lang, "2022-05-04");
        assert!(
            has(&ms, EventType::Accuse, "TCD", Some("SDN")).is_some(),
            "{text}: {ms:?}"
        );
        assert!(
            has(&ms, EventType::Accuse, "SDN", Some("TCD")).is_some(),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn a_marker_of_both_place_and_target_right_after_an_act_marks_whom_it_reaches() {
    let ms = run(
        "Ankara a exprimé son soutien à Bakou mardi.",
        "fr",
        "2022-05-04",
    );
    assert!(
        has(&ms, EventType::Support, "TUR", Some("AZE")).is_some(),
        "{ms:?}"
    );
    // Protesters in a city still protest where they are (its people).
    let ms = run(
        "Des milliers de personnes ont manifesté à Paris samedi contre la réforme.",
        "fr",
        "2022-05-04",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Protest && m.source.code == "FRACIV"),
        "{ms:?}"
    );
}

#[test]
fn an_act_before_a_period_start_is_not_history_but_a_toll_since_then_is() {
    // Published in June: "since January" is months back, but the release
    // is the day's.
    let ms = run(
        "Mali released three Ivorian soldiers held since January.",
        "en",
        "2022-06-04",
    );
    let m = has(&ms, EventType::Retreat, "MLI", Some("CIV")).expect("MLI→CIV release");
    assert_eq!(m.date.to_string(), "2022-06-04");
    // A count of the dead since then is cumulative, no act of the day.
    let ms = run(
        "More than 300 Ivorian soldiers have been killed by Malian troops since January.",
        "en",
        "2022-06-04",
    );
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn fighting_between_two_actors_in_french_and_indonesian() {
    for (text, lang) in [
        (
            "De violents combats entre le Tchad et le Niger ont eu lieu mardi.",
            "fr",
        ),
        (
            "Pertempuran antara Chad dan Niger terus berlanjut pada hari Senin.",
            "id",
        ),
    ] {
        let ms = run(text, lang, "2022-05-04");
        assert!(
            has(&ms, EventType::Assault, "TCD", Some("NER")).is_some(),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn a_refusal_needs_no_named_object() {
    let ms = run(
        "Lebanon said on Monday it would not accept any more refugees.",
        "en",
        "2023-03-07",
    );
    assert!(has(&ms, EventType::Reject, "LBN", None).is_some(), "{ms:?}");
}

#[test]
fn protesters_in_a_state_named_as_the_setting_protest_against_it() {
    let ms = run(
        "Hundreds of Armenians demonstrated on Sunday in Georgia.",
        "en",
        "2023-03-07",
    );
    assert!(
        has(&ms, EventType::Protest, "ARMCIV", Some("GEO")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn an_actor_inside_an_apposition_is_no_party() {
    for (text, src, tgt) in [
        (
            "Pakistan, a close ally of China, has refused to send troops to Yemen.",
            "PAK",
            Some("YEM"),
        ),
        (
            "Egypt, Israel's southern neighbour, warned Hamas against attacking the crossing.",
            "EGY",
            Some("HAMAS"),
        ),
    ] {
        let ms = run(text, "en", "2023-03-07");
        assert!(!ms.is_empty(), "{text}");
        assert!(
            ms.iter()
                .all(|m| m.source.code == src && m.target.as_ref().map(|t| t.code.as_str()) == tgt),
            "{text}: {ms:?}"
        );
    }
    // A list is no apposition: every state in it acts.
    let ms = run(
        "Spain, Ireland, and Norway recognised the State of Palestine on Tuesday.",
        "en",
        "2024-05-29",
    );
    for c in ["ESP", "IRL", "NOR"] {
        assert!(ms.iter().any(|m| m.source.code == c), "{c} missing: {ms:?}");
    }
}

#[test]
fn a_month_abbreviation_does_not_end_the_sentence() {
    let ms = run(
        "Turkey said the operation began after the attack on Turkish troops by Syrian forces on Feb. 27 near Saraqib.",
        "en",
        "2020-03-02",
    );
    let m = has(&ms, EventType::Assault, "SYR", Some("TUR")).expect("SYR→TUR");
    assert_eq!(m.date.to_string(), "2020-02-27");
}

#[test]
fn a_complaint_to_a_body_about_an_act_accuses_who_acted() {
    let ms = run(
        "Armenia lodged a complaint with the UN Security Council over Azerbaijani shelling of its border villages.",
        "en",
        "2023-03-07",
    );
    assert!(
        has(&ms, EventType::Accuse, "ARM", Some("AZE")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "UN")),
        "{ms:?}"
    );
}

#[test]
fn a_kill_verb_with_an_object_is_active() {
    let ms = run(
        "FARC dissidents killed a community leader in Cauca on Sunday.",
        "en",
        "2024-02-20",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault)
        .expect("an assault");
    assert_eq!(m.source.code, "COLREB", "{ms:?}");
    // A headline's victims before the verb still make it passive.
    let ms = run("Three Turkish soldiers killed in Idlib", "en", "2020-02-20");
    assert!(!ms.iter().any(|m| m.source.code == "TUR"), "{ms:?}");
}

#[test]
fn a_sentence_ends_after_a_name_or_number_with_digits() {
    let ms = run(
        "Rwanda denies supporting the M23. Ethiopia accused Eritrea of preparing for war.",
        "en",
        "2024-02-20",
    );
    assert!(
        has(&ms, EventType::Accuse, "ETH", Some("ERI")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_denial_does_not_reach_the_verb_joined_after_its_complement() {
    let ms = run(
        "Azerbaijan denied opening fire and accused Armenia of provocations.",
        "en",
        "2024-02-20",
    );
    assert!(
        has(&ms, EventType::Accuse, "AZE", Some("ARM")).is_some(),
        "{ms:?}"
    );
    // A bare negation still covers both joined verbs.
    let ms = run(
        "Russia did not attack and kill civilians in Kharkiv.",
        "en",
        "2024-02-20",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn a_withdrawal_needs_no_other_side() {
    let ms = run(
        "Ukrainian forces withdrew from Avdiivka on Saturday.",
        "en",
        "2024-02-20",
    );
    let m = has(&ms, EventType::Retreat, "UKR", None).expect("UKR withdrawal");
    assert_eq!(m.date.to_string(), "2024-02-17");
}

#[test]
fn civilians_named_before_their_death_are_the_setting_state_s() {
    let ms = run(
        "At least 30 civilians died on Sunday in an attack by jihadists in northern Burkina Faso.",
        "en",
        "2024-02-20",
    );
    let m = has(&ms, EventType::Assault, "BFAREB", Some("BFACIV")).expect("BFAREB→BFACIV");
    assert_eq!(m.fatalities.killed, Some(30));
}

#[test]
fn a_count_right_after_the_death_word_is_the_toll() {
    let ms = run(
        "Pandilleros incendiaron una comisaría y mataron a tres policías en Puerto Príncipe el lunes.",
        "es",
        "2024-03-06",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault)
        .expect("an assault");
    assert_eq!(m.fatalities.killed, Some(3), "{ms:?}");
}

#[test]
fn a_treaty_that_a_planned_verb_governs_is_no_agreement() {
    let ms = run(
        "Armenian and Azerbaijani diplomats met in Almaty to negotiate a peace treaty.",
        "en",
        "2024-03-06",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Consult),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Agree),
        "{ms:?}"
    );
    // Agreeing to sign one is an agreement.
    let ms = run(
        "Armenia and Azerbaijan agreed to sign a peace treaty.",
        "en",
        "2024-03-06",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Agree),
        "{ms:?}"
    );
}

#[test]
fn an_undetermined_text_is_read_with_its_likeliest_grammar() {
    // Too short for a language verdict: its one "by" still makes the
    // English suffixes apply ("by neutralising" says how, not who).
    let ms = run(
        "Ankara retaliated by neutralising 309 Syrian troops.",
        "und",
        "2020-03-01",
    );
    assert!(
        has(&ms, EventType::Assault, "TUR", Some("SYR")).is_some(),
        "{ms:?}"
    );
    assert!(!ms.iter().any(|m| m.source.code == "SYR"), "{ms:?}");
}

#[test]
fn a_participle_s_agent_after_a_swap_is_no_party_of_it() {
    let ms = run(
        "Russia and Ukraine exchanged 95 prisoners of war in a swap mediated by the United Arab Emirates.",
        "en",
        "2024-03-06",
    );
    assert!(
        has(&ms, EventType::Retreat, "RUS", Some("UKR")).is_some()
            && has(&ms, EventType::Retreat, "UKR", Some("RUS")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Retreat
            && m.target.as_ref().is_some_and(|t| t.code == "ARE")),
        "{ms:?}"
    );
}

#[test]
fn a_casualty_monitor_s_name_is_no_party() {
    // The "Syrian" in the monitor's name is not Syria.
    let ms = run(
        "According to the Syrian Observatory for Human Rights, Turkish drones killed 19 soldiers near Saraqeb.",
        "en",
        "2020-03-01",
    );
    assert!(!ms.iter().any(|m| m.source.code == "SYR"), "{ms:?}");
    let ms = run(
        "Menurut Syrian Observatory for Human Rights, 19 tentara tewas dalam serangan drone terhadap konvoi militer di Idlib.",
        "id",
        "2020-03-01",
    );
    assert!(!ms.iter().any(|m| m.source.code == "SYR"), "{ms:?}");
}

#[test]
fn a_toll_counted_up_to_a_date_is_a_running_total() {
    for (text, lang) in [
        ("As of March 2, the clashes between Turkey and Syria had killed more than 500 people.", "en"),
        ("Hingga 2 Maret, bentrokan antara Turki dan Suriah telah menewaskan lebih dari 500 orang.", "id"),
        ("2 Mart'a kadar Türkiye ile Suriye arasındaki çatışmalarda 500'den fazla kişi hayatını kaybetti.", "tr"),
    ] {
        let ms = run(text, lang, "2020-03-03");
        assert!(ms.iter().all(|m| m.fatalities.killed.is_none()), "{text}: {ms:?}");
    }
    // A date with no 'until' word keeps the act's own toll.
    let ms = run(
        "On March 1, Turkish drones killed 26 Syrian soldiers.",
        "en",
        "2020-03-03",
    );
    let m = has(&ms, EventType::Assault, "TUR", Some("SYR")).expect("TUR→SYR assault");
    assert_eq!(m.fatalities.killed, Some(26));
}

#[test]
fn a_convoy_that_is_hit_or_travelled_in_is_no_deployment() {
    for text in [
        "A drone strike on a Turkish military convoy killed three soldiers near Idlib.",
        "Militants ambushed an army patrol in Borno state, killing 12 soldiers.",
        "The commander was killed as he left the airport in a convoy with Iraqi militia leaders.",
    ] {
        let ms = run(text, "en", "2021-06-01");
        assert!(
            !ms.iter().any(|m| m.event_type == EventType::Mobilize),
            "{text}: {ms:?}"
        );
    }
    // Two acts joined by "and" stay two.
    let ms = run(
        "Russia attacked Ukraine and deployed troops along the border.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Mobilize, "RUS", None).is_some(),
        "{ms:?}"
    );
}

#[test]
fn who_will_pay_a_price_is_threatened_by_the_speaker() {
    for (text, src, tgt) in [
        ("Erdogan vowed that Syria will pay a heavy price for the attack.", "TUR", "SYR"),
        ("Israel will pay a heavy price, Hezbollah said.", "HEZ", "ISR"),
        // A promise whose content is a threat is a threat, not a pledge.
        ("US President Donald Trump promised on Tuesday that Iran would pay a big price for the attack on the embassy.", "USA", "IRN"),
    ] {
        let ms = run(text, "en", "2020-01-01");
        assert!(has(&ms, EventType::Threaten, src, Some(tgt)).is_some(), "{text}: {ms:?}");
        assert!(!ms.iter().any(|m| m.event_type == EventType::Agree), "{text}: {ms:?}");
    }
}

#[test]
fn forces_killing_unnamed_people_at_home_strike_their_own_civilians() {
    let ms = run(
        "Myanmar's military junta bombed a village in Sagaing region, killing 17 people.",
        "en",
        "2024-05-10",
    );
    let m = has(&ms, EventType::Assault, "MMR", Some("MMRCIV")).expect("MMR→MMRCIV assault");
    assert_eq!(m.fatalities.killed, Some(17));
    // Abroad, the victims' side is left for the article to name.
    let ms = run(
        "Russian forces shelled a village near Kupiansk, killing 3 people.",
        "en",
        "2024-05-10",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "RUSCIV")),
        "{ms:?}"
    );
}

#[test]
fn the_source_of_an_attribution_only_reports() {
    for (text, lang) in [
        (
            "According to the UN, drones struck a market in Nyala, killing eight people.",
            "en",
        ),
        (
            "Selon l'ONU, des drones ont frappé un marché à Nyala, faisant huit morts.",
            "fr",
        ),
    ] {
        let ms = run(text, lang, "2024-05-10");
        assert!(!ms.iter().any(|m| m.source.code == "UN"), "{text}: {ms:?}");
    }
    // The reported clause after it keeps its subject (no apposition).
    let ms = run(
        "According to Ukraine, Russian drones struck a market in Kharkiv, killing eight people.",
        "en",
        "2024-05-10",
    );
    let m = has(&ms, EventType::Assault, "RUS", Some("UKR")).expect("RUS→UKR");
    assert_eq!(m.fatalities.killed, Some(8));
}

#[test]
fn aid_an_agreement_provides_is_its_content() {
    let ms = run(
        "The European Union agreed on Saturday to provide about 70 million dollars of aid for Romania.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Agree, "EU", Some("ROU")).is_some(),
        "{ms:?}"
    );
    assert!(!ms.iter().any(|m| m.event_type == EventType::Aid), "{ms:?}");
}

#[test]
fn gangs_and_cartels_are_armed_groups_of_the_setting() {
    let ms = run(
        "Gangs attacked a police station in Port-au-Prince, killing three officers.",
        "en",
        "2024-05-10",
    );
    let m = has(&ms, EventType::Assault, "HTIREB", Some("HTI")).expect("HTIREB→HTI");
    assert_eq!(m.fatalities.killed, Some(3));
    let ms = run(
        "Cartel gunmen ambushed a police convoy in Michoacan, killing 13 officers.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Assault, "MEXREB", Some("MEX")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn an_order_to_leave_is_an_expulsion() {
    for (text, src, tgt) in [
        (
            "Mali's junta ordered French troops to leave the country.",
            "MLI",
            "FRA",
        ),
        (
            "Niger gave the French ambassador 48 hours to leave.",
            "NER",
            "FRA",
        ),
    ] {
        let ms = run(text, "en", "2023-08-01");
        let m = has(&ms, EventType::Sanction, src, Some(tgt)).expect("expulsion");
        assert_eq!(m.mode.as_deref(), Some("expel"), "{text}");
    }
}

#[test]
fn the_owner_in_a_flagged_or_linked_compound_is_a_party() {
    let ms = run(
        "Iran seized a British-flagged oil tanker in the Strait of Hormuz on Friday.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Coerce, "IRN", Some("GBR")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Houthi rebels attacked an Israel-linked cargo ship in the Red Sea.",
        "en",
        "2024-05-10",
    );
    assert!(
        has(&ms, EventType::Assault, "HOUTHI", Some("ISR")).is_some(),
        "{ms:?}"
    );
    // A maker or backer stays a modifier.
    let ms = run(
        "Russia launched Iranian-made drones at Kyiv.",
        "en",
        "2024-05-10",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "IRN")),
        "{ms:?}"
    );
}

#[test]
fn suspending_a_member_is_a_sanction() {
    for (text, src, tgt) in [
        (
            "The African Union suspended Niger's membership after the coup.",
            "AU",
            "NER",
        ),
        ("ECOWAS suspended Guinea from the bloc.", "ECOWAS", "GIN"),
    ] {
        let ms = run(text, "en", "2023-08-01");
        assert!(
            has(&ms, EventType::Sanction, src, Some(tgt)).is_some(),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn joined_mediators_each_act_on_a_side_and_the_truce_has_its_own() {
    let ms = run(
        "Qatar and Egypt brokered a truce between Israel and Hamas on Friday.",
        "en",
        "2023-11-25",
    );
    for mediator in ["QAT", "EGY"] {
        assert!(
            has(&ms, EventType::Consult, mediator, Some("ISR")).is_some(),
            "{mediator}: {ms:?}"
        );
    }
    // The mediators are not each other's counterparts, nor the truce's parties.
    assert!(
        ms.iter().all(|m| m
            .target
            .as_ref()
            .is_none_or(|t| !["QAT", "EGY"].contains(&t.code.as_str()))),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Agree, "ISR", Some("HAMAS")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn extending_a_ceasefire_is_an_agreement_of_both_sides() {
    let ms = run(
        "The Colombian government and the ELN extended their ceasefire by six months.",
        "en",
        "2023-11-25",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Agree)
        .expect("an agreement");
    let mut codes = [
        m.source.code.as_str(),
        m.target.as_ref().map_or("", |t| t.code.as_str()),
    ];
    codes.sort();
    assert_eq!(codes, ["COL", "COLREB"], "{ms:?}");
}

#[test]
fn condemning_a_coup_or_crackdown_in_a_state_accuses_that_state() {
    for (text, src, tgt) in [
        ("France condemned the coup in Niger.", "FRA", "NER"),
        (
            "The EU condemned the crackdown in Georgia on Monday.",
            "EU",
            "GEO",
        ),
    ] {
        let ms = run(text, "en", "2024-12-04");
        assert!(
            has(&ms, EventType::Accuse, src, Some(tgt)).is_some(),
            "{text}: {ms:?}"
        );
    }
    // An attack condemned accuses its attacker, not the state it struck.
    let ms = run("Iran condemned the strikes in Syria.", "en", "2024-12-04");
    assert!(
        has(&ms, EventType::Accuse, "IRN", Some("SYR")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn a_ship_seized_at_sea_is_not_the_seizers_own() {
    let ms = run(
        "Iran seized an oil tanker in the Gulf of Oman on Thursday.",
        "en",
        "2024-01-12",
    );
    assert!(has(&ms, EventType::Coerce, "IRN", None).is_some(), "{ms:?}");
    assert!(has(&ms, EventType::Coerce, "IRN", Some("IRN")).is_none());
    // Seizing goods at home still acts on one's own country.
    let ms = run(
        "Nigerian police seized weapons in a raid in Lagos.",
        "en",
        "2024-01-12",
    );
    assert!(
        has(&ms, EventType::Coerce, "NGA", Some("NGA")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn forces_promised_to_a_state_are_pledged_not_threatened() {
    let ms = run(
        "Kenya will send 1,000 police officers to Haiti to fight the gangs, its president said.",
        "en",
        "2023-07-30",
    );
    assert!(
        has(&ms, EventType::Agree, "KEN", Some("HTI")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
    // Aimed at a state, or on a condition, they are a threat.
    for text in [
        "Russia will send troops into Ukraine, the Kremlin said.",
        "Russia will send troops to Ukraine if Kyiv attacks the Donbas.",
    ] {
        let ms = run(text, "en", "2022-02-20");
        assert!(
            has(&ms, EventType::Threaten, "RUS", Some("UKR")).is_some(),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn trading_accusations_or_fire_acts_both_ways() {
    for (text, t, a, b) in [
        (
            "Serbia and Kosovo traded accusations after the shootout.",
            EventType::Accuse,
            "SRB",
            "XKX",
        ),
        (
            "India and Pakistan exchanged threats over the dam.",
            EventType::Threaten,
            "IND",
            "PAK",
        ),
        (
            "Indian and Pakistani troops traded fire along the Line of Control.",
            EventType::Assault,
            "IND",
            "PAK",
        ),
    ] {
        let ms = run(text, "en", "2024-06-05");
        assert!(has(&ms, t, a, Some(b)).is_some(), "{text}: {ms:?}");
        assert!(has(&ms, t, b, Some(a)).is_some(), "{text}: {ms:?}");
    }
}

#[test]
fn blocking_a_decision_is_a_rejection_and_not_the_decision() {
    let ms = run(
        "Hungary blocked a new EU sanctions package against Russia on Wednesday.",
        "en",
        "2024-06-05",
    );
    assert!(
        has(&ms, EventType::Reject, "HUN", Some("EU")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| matches!(m.event_type, EventType::Sanction | EventType::Coerce)),
        "{ms:?}"
    );
    // Warships sent somewhere are a deployment.
    let ms = run(
        "Russia sent three warships to the Baltic Sea on Monday.",
        "en",
        "2024-06-05",
    );
    assert!(
        has(&ms, EventType::Mobilize, "RUS", None).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_coercive_order_for_another_states_places_is_imposed_on_that_state() {
    let ms = run(
        "Israel issued evacuation orders for 20 villages in southern Lebanon.",
        "en",
        "2024-10-01",
    );
    assert!(
        has(&ms, EventType::Coerce, "ISR", Some("LBN")).is_some(),
        "{ms:?}"
    );
    // At home it stays the actor's own.
    let ms = run(
        "Turkish authorities imposed a curfew in Diyarbakir.",
        "en",
        "2024-10-01",
    );
    assert!(
        has(&ms, EventType::Coerce, "TUR", Some("TUR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn every_joined_subject_acts_on_every_joined_object() {
    let ms = run(
        "Britain and France imposed sanctions on Russia and Belarus.",
        "en",
        "2024-06-05",
    );
    for (a, b) in [
        ("GBR", "RUS"),
        ("FRA", "RUS"),
        ("GBR", "BLR"),
        ("FRA", "BLR"),
    ] {
        assert!(
            has(&ms, EventType::Sanction, a, Some(b)).is_some(),
            "{a}→{b}: {ms:?}"
        );
    }
}

#[test]
fn an_attack_no_side_claims_strikes_the_state_where_it_fell() {
    for (text, src, tgt, killed) in [
        (
            "Islamic State militants killed 15 soldiers in Syria on Tuesday.",
            "ISIS",
            "SYR",
            15,
        ),
        (
            "Gangs in Haiti killed more than 70 people in a rural town on Thursday.",
            "HTIREB",
            "HTI",
            70,
        ),
    ] {
        let ms = run(text, "en", "2024-10-05");
        let m = has(&ms, EventType::Assault, src, Some(tgt))
            .unwrap_or_else(|| panic!("{text}: {ms:?}"));
        assert_eq!(m.fatalities.killed, Some(killed), "{text}");
    }
}

#[test]
fn a_party_named_twice_in_apposition_is_one_party() {
    let ms = run(
        "The president of France, Emmanuel Macron, met Chinese leader Xi Jinping in Paris.",
        "en",
        "2024-05-06",
    );
    assert!(
        has(&ms, EventType::Consult, "FRA", Some("CHN")).is_some()
            || has(&ms, EventType::Consult, "CHN", Some("FRA")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn retaking_ground_and_an_armed_group_attacking_are_assaults() {
    let ms = run(
        "Somalia's government said its troops had retaken the town of Harardhere from al-Shabaab.",
        "en",
        "2024-06-05",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Assault
            && m.target.as_ref().is_some_and(|t| t.code == "ALSHABAAB")),
        "{ms:?}"
    );
    // The armed-group words are the attacker, not part of the verb.
    let ms = run(
        "Kelompok bersenjata menyerang desa di Nduga, menewaskan lima warga.",
        "id",
        "2024-06-05",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "IDNREB"),
        "{ms:?}"
    );
}

#[test]
fn missiles_fired_into_the_sea_are_a_show_of_force() {
    let ms = run(
        "North Korea fired two ballistic missiles into the sea off its east coast on Thursday.",
        "en",
        "2024-06-05",
    );
    assert!(
        has(&ms, EventType::Mobilize, "PRK", None).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn a_participle_after_a_comma_shares_the_clause_subject() {
    let ms = run(
        "Rwanda denied backing the M23 rebels, accusing Congo of collaborating with Hutu militias.",
        "en",
        "2024-06-05",
    );
    assert!(
        has(&ms, EventType::Accuse, "RWA", Some("COD")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.event_type == EventType::Accuse && m.source.code == "CODREB"),
        "{ms:?}"
    );
}

#[test]
fn an_actor_with_its_own_verb_after_and_is_no_joined_object() {
    let ms = run(
        "Turkish forces and Syrian rebels fought government troops in Idlib on Thursday and Russian warplanes struck back.",
        "en",
        "2020-02-21",
    );
    assert!(
        has(&ms, EventType::Assault, "TUR", Some("SYR")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault
            && m.target.as_ref().is_some_and(|t| t.code == "RUS")),
        "{ms:?}"
    );
}

#[test]
fn a_verb_joined_past_one_word_keeps_the_subject() {
    let ms = run(
        "France withdrew its ambassador from Niger and began pulling out its troops.",
        "en",
        "2023-09-25",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Retreat && m.source.code == "FRA"),
        "{ms:?}"
    );
    assert!(!ms.iter().any(|m| m.source.code == "NER"), "{ms:?}");
}

#[test]
fn an_act_in_a_phrase_after_the_object_is_the_subjects() {
    let ms = run(
        "Chinese warships and aircraft encircled Taiwan in large-scale drills on Monday, Taipei's defence ministry said.",
        "en",
        "2024-06-05",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Mobilize && m.source.code == "CHN"),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.event_type == EventType::Mobilize && m.source.code == "TWN"),
        "{ms:?}"
    );
}

#[test]
fn weapons_promised_past_the_recipient_are_a_pledge() {
    let ms = run(
        "Germany will supply Ukraine with four more IRIS-T air defence systems, the chancellor said.",
        "en",
        "2024-06-05",
    );
    assert!(
        has(&ms, EventType::Agree, "DEU", Some("UKR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn pupils_worshippers_and_suicide_bombers_are_sides() {
    // Victims named by what they were doing are civilians of the place;
    // a suicide bomber is an armed group of it, like gunmen.
    for (text, source, target) in [
        (
            "Armed men abducted 20 students from a boarding school in Kaduna state on Monday.",
            "NGAREB",
            "NGACIV",
        ),
        (
            "A suicide bomber killed 13 worshippers at a mosque in Maiduguri.",
            "NGAREB",
            "NGACIV",
        ),
    ] {
        let ms = run(text, "en", "2021-06-02");
        assert!(
            has(&ms, EventType::Assault, source, Some(target)).is_some(),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn bystanders_named_without_a_state_count_for_the_strike() {
    // The strike's target is an armed group; the dead it names are
    // civilians of no stated side: its toll all the same.
    let ms = run(
        "Sudanese troops shelled positions held by RSF fighters near El Obeid, killing nine civilians.",
        "en",
        "2023-08-02",
    );
    let m = has(&ms, EventType::Assault, "SDN", Some("RSF")).expect("SDN→RSF");
    assert_eq!(m.fatalities.killed, Some(9), "{ms:?}");
    // Victims of a named side still count only for strikes on that side.
    let ms = run(
        "Hamas fired rockets at Israel on Monday; Israeli strikes killed 20 Palestinian civilians in Gaza.",
        "en",
        "2023-08-02",
    );
    let m = has(&ms, EventType::Assault, "HAMAS", Some("ISR")).expect("HAMAS→ISR");
    assert_eq!(m.fatalities.killed, None, "{ms:?}");
}

#[test]
fn a_participle_right_after_an_unnamed_group_is_the_groups_act() {
    // The demand is the protesters', not the police's.
    let ms = run(
        "Riot police in Lima fired tear gas at demonstrators demanding early elections on Saturday.",
        "en",
        "2023-01-15",
    );
    assert!(
        has(&ms, EventType::Assault, "PER", Some("PERCIV")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.event_type == EventType::Request && m.source.code == "PER"),
        "{ms:?}"
    );
}

#[test]
fn a_rally_outside_a_states_mission_is_addressed_to_that_state() {
    let ms = run(
        "Several hundred people rallied outside the Chinese embassy in Manila on Sunday.",
        "en",
        "2024-06-17",
    );
    assert!(
        has(&ms, EventType::Protest, "PHLCIV", Some("CHN")).is_some(),
        "{ms:?}"
    );
    // A rally with no mission named stays addressed to its own state.
    let ms = run(
        "Several hundred people rallied in Manila on Sunday.",
        "en",
        "2024-06-17",
    );
    assert!(
        has(&ms, EventType::Protest, "PHLCIV", Some("PHL")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn an_international_body_accusing_what_happened_in_a_state_names_it() {
    let ms = run(
        "The International Criminal Court opened an investigation into alleged crimes against humanity in the Philippines.",
        "en",
        "2021-09-16",
    );
    assert!(
        has(&ms, EventType::Accuse, "ICC", Some("PHL")).is_some(),
        "{ms:?}"
    );
    // An attack condemned still waits for its attacker.
    let ms = run(
        "The UN Security Council condemned the attack on peacekeepers in Mali.",
        "en",
        "2021-09-16",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "MLI")),
        "{ms:?}"
    );
}

#[test]
fn a_body_a_complaint_is_lodged_with_is_the_forum_not_the_target() {
    let ms = run(
        "Cyprus lodged a complaint with the European Union over Turkish drilling off its coast.",
        "en",
        "2021-09-16",
    );
    assert!(
        has(&ms, EventType::Accuse, "CYP", Some("TUR")).is_some(),
        "{ms:?}"
    );
    // A body accused directly stays the target.
    let ms = run(
        "Ethiopia accused the African Union of ignoring Egyptian threats.",
        "en",
        "2021-09-16",
    );
    assert!(
        has(&ms, EventType::Accuse, "ETH", Some("AU")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_standing_taken_back_is_a_sanction_and_no_fight() {
    let ms = run(
        "Washington revoked the trade preferences it had granted to Ethiopia on Monday.",
        "en",
        "2021-11-03",
    );
    assert!(
        has(&ms, EventType::Sanction, "USA", Some("ETH")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Retreat),
        "{ms:?}"
    );
    // A sanction says nothing of who fights whom: an attack no one
    // claims does not fall on the sanctioning state's side.
    let ms = run(
        "Washington revoked the trade preferences it had granted to Ethiopia on Monday. \
         A bomb killed 12 soldiers in Ethiopia on Tuesday.",
        "en",
        "2021-11-03",
    );
    assert!(
        !ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "USA"),
        "{ms:?}"
    );
}

#[test]
fn a_warning_of_harm_that_is_no_act_of_force_is_no_threat() {
    for text in [
        "The World Food Programme warned of famine in northern Gaza.",
        "Aid agencies warned of a cholera outbreak in Khartoum.",
    ] {
        let ms = run(text, "en", "2024-03-05");
        assert!(
            !ms.iter().any(|m| m.event_type == EventType::Threaten),
            "{text}: {ms:?}"
        );
    }
    let ms = run(
        "North Korea warned of war with the United States on Tuesday.",
        "en",
        "2024-03-05",
    );
    assert!(
        has(&ms, EventType::Threaten, "PRK", Some("USA")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn those_who_hold_a_helping_acts_object_are_not_helped() {
    let ms = run(
        "Cameroonian troops freed 12 hostages held by separatists in the Northwest region.",
        "en",
        "2022-04-11",
    );
    assert!(
        !ms.iter().any(|m| matches!(
            m.event_type,
            EventType::Aid | EventType::Retreat | EventType::Cooperate
        ) && m.target.as_ref().is_some_and(|t| t.code == "CMRREB")),
        "{ms:?}"
    );
    // An attack on positions they hold still strikes them.
    let ms = run(
        "Cameroonian troops shelled positions held by separatists in the Northwest region.",
        "en",
        "2022-04-11",
    );
    assert!(
        has(&ms, EventType::Assault, "CMR", Some("CMRREB")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_host_receiving_a_visitor_consults() {
    let ms = run(
        "Kenya's president received his Ugandan counterpart in Nairobi on Monday.",
        "en",
        "2022-05-10",
    );
    assert!(
        has(&ms, EventType::Consult, "KEN", Some("UGA")).is_some(),
        "{ms:?}"
    );
    // What is received is no visit.
    let ms = run(
        "Ukraine received a letter from the Russian foreign minister.",
        "en",
        "2022-05-10",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Consult),
        "{ms:?}"
    );
}

#[test]
fn an_alleged_act_is_kept_as_a_claim_at_lower_confidence() {
    let ms = run(
        "Ethiopian troops allegedly shelled Eritrean border posts on Friday.",
        "en",
        "2024-05-20",
    );
    let m = has(&ms, EventType::Assault, "ETH", Some("ERI")).expect("ETH→ERI");
    let plain = run(
        "Ethiopian troops shelled Eritrean border posts on Friday.",
        "en",
        "2024-05-20",
    );
    let p = has(&plain, EventType::Assault, "ETH", Some("ERI")).expect("ETH→ERI");
    assert!(m.confidence < p.confidence, "{ms:?} {plain:?}");
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
}

#[test]
fn a_state_named_as_where_a_party_stands_is_not_the_subject() {
    let ms = run(
        "UN peacekeepers in Lebanon accused Hezbollah of blocking their patrols.",
        "en",
        "2022-05-10",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Accuse && m.source.code == "UN"),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.source.code == "LBN" && m.event_type == EventType::Accuse),
        "{ms:?}"
    );
    // Attackers named as standing in a state strike it when they name no one else.
    let ms = run(
        "Russian forces in Ukraine launched air strikes overnight.",
        "en",
        "2022-05-10",
    );
    assert!(
        has(&ms, EventType::Assault, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_toll_told_in_the_next_sentence_is_the_strikes() {
    // (The toll of any RUS→UKR mention: dedup merges them into one event.)
    let toll = |text: &str| {
        let ms = run(text, "en", "2023-05-03");
        has(&ms, EventType::Assault, "RUS", Some("UKR"))
            .unwrap_or_else(|| panic!("RUS→UKR assault: {ms:?}"));
        ms.iter()
            .filter(|m| m.event_type == EventType::Assault && m.source.code == "RUS")
            .map(|m| m.fatalities)
            .find(|f| f.killed.is_some())
            .unwrap_or_default()
    };
    let f = toll("Russian forces shelled the city of Kherson on Monday. Five people were killed and nine wounded, the governor said.");
    assert_eq!((f.killed, f.wounded), (Some(5), Some(9)));
    // Each toll word counts its own number, whatever follows it.
    let f = toll("Five people were killed and nine wounded when Russian forces shelled the city of Kherson on Monday.");
    assert_eq!((f.killed, f.wounded), (Some(5), Some(9)));
    // The struck side's own dead count too.
    let f = toll("Russian forces shelled the city of Kherson on Monday. Two Ukrainian soldiers were killed, officials said.");
    assert_eq!(f.killed, Some(2));
    // Not a denial, a running total, another place or another day.
    for text in [
        "Russian forces shelled the city of Kherson on Monday. No one was killed, the governor said.",
        "Russian forces shelled the city of Kherson on Monday. Since February, 300 people have been killed in the region.",
        "Russian forces shelled the city of Kherson on Monday. On Sunday, five people were killed in Odesa.",
        "Russian forces shelled the city of Kherson on Monday. Two Russian soldiers were killed, officials said.",
    ] {
        assert_eq!(toll(text).killed, None, "{text}");
    }
}

#[test]
fn a_toll_of_other_victims_adds_to_the_strike_it_names() {
    let toll = |text: &str| {
        let ms = run(text, "en", "2023-05-03");
        ms.iter()
            .filter(|m| m.event_type == EventType::Assault && m.source.code == "RUS")
            .find_map(|m| m.fatalities.killed)
    };
    // "other" adds to the count told before, or to the one victim it implies.
    assert_eq!(
        toll("A Russian missile killed three Ukrainian officers in Kharkiv on Monday. Two other people were killed, police said."),
        Some(5)
    );
    assert_eq!(
        toll("A Russian missile killed a Ukrainian general in Kharkiv on Monday. Four others were killed."),
        Some(5)
    );
    let ms = run(
        "Un missile russe a tué trois officiers ukrainiens à Kharkiv lundi. Deux autres personnes ont été tuées, selon la police.",
        "fr",
        "2023-05-03",
    );
    assert_eq!(
        ms.iter()
            .filter(|m| m.event_type == EventType::Assault && m.source.code == "RUS")
            .find_map(|m| m.fatalities.killed),
        Some(5),
        "{ms:?}"
    );
    // Naming "the strike", a toll reaches back past sentences without an act.
    assert_eq!(
        toll("A Russian missile killed a Ukrainian general in Kharkiv on Monday. The general had led the defence of the city. He was 54. At least four other people are believed to have been killed in the strike."),
        Some(5)
    );
    // Without "the strike" it does not.
    assert_eq!(
        toll("A Russian missile killed a Ukrainian general in Kharkiv on Monday. The general had led the defence of the city. He was 54. At least four other people are believed to have been killed."),
        None
    );
}

#[test]
fn a_count_after_including_is_part_of_the_toll_not_the_toll() {
    for (text, lang, killed) in [
        ("Ethiopian troops shelled the town of Lalibela on Monday, killing at least 31 people, including four children.", "en", 31),
        ("At least 31 people, including four children, were killed when Ethiopian troops shelled the town of Lalibela on Monday.", "en", 31),
        ("L'armée éthiopienne a bombardé la ville de Lalibela lundi, tuant 31 personnes, dont quatre enfants.", "fr", 31),
    ] {
        let ms = run(text, lang, "2023-05-03");
        let m = ms
            .iter()
            .find(|m| m.event_type == EventType::Assault && m.source.code == "ETH")
            .unwrap_or_else(|| panic!("{text}: {ms:?}"));
        assert_eq!(m.fatalities.killed, Some(killed), "{text}");
    }
}

#[test]
fn people_killed_when_forces_shelled_their_own_town_are_its_civilians() {
    let ms = run(
        "At least 12 people were killed when Myanmar troops shelled a village in Sagaing region on Monday.",
        "en",
        "2023-05-03",
    );
    let m = has(&ms, EventType::Assault, "MMR", Some("MMRCIV")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.fatalities.killed, Some(12));
    // Soldiers killed wait for the article to name their side.
    let ms = run(
        "At least 12 soldiers were killed when Myanmar troops shelled a village in Sagaing region on Monday.",
        "en",
        "2023-05-03",
    );
    assert!(
        has(&ms, EventType::Assault, "MMR", Some("MMRCIV")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn joined_subjects_each_condemn_the_other_side_told_before() {
    let ms = run(
        "Azerbaijan launched an offensive against Armenian separatists in Nagorno-Karabakh on Tuesday. The European Union and France condemned the offensive.",
        "en",
        "2023-09-19",
    );
    for src in ["EU", "FRA"] {
        assert!(
            has(&ms, EventType::Accuse, src, Some("AZE")).is_some(),
            "{src}: {ms:?}"
        );
    }
}

#[test]
fn talks_that_are_set_to_take_place_have_not_happened() {
    for text in [
        "Talks between Azerbaijani officials and Armenian representatives are set to take place in Yevlakh on Thursday.",
        "The meeting between Russia and Turkey will be held in Sochi next week.",
    ] {
        let ms = run(text, "en", "2023-09-19");
        assert!(!ms.iter().any(|m| m.event_type == EventType::Consult), "{text}: {ms:?}");
    }
    let ms = run(
        "Talks between Azerbaijani officials and Armenian representatives took place in Yevlakh on Thursday.",
        "en",
        "2023-09-19",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Consult),
        "{ms:?}"
    );
}

#[test]
fn a_verb_joined_after_a_comma_is_no_part_of_the_plan_before() {
    let ms = run(
        "Sudan's army chief Abdel Fattah al-Burhan vowed to keep fighting until the RSF is defeated, and rejected calls for talks with the RSF.",
        "en",
        "2024-05-12",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Reject && m.source.code == "SDN"),
        "{ms:?}"
    );
    // Joined without a comma, both verbs are threatened.
    let ms = run(
        "Iran threatened to close the Strait of Hormuz and expel UN inspectors.",
        "en",
        "2024-05-12",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Coerce),
        "{ms:?}"
    );
}

#[test]
fn police_named_without_a_state_are_those_of_the_sentence_before() {
    // The article's places lie mostly in Azerbaijan; the protest is in Yerevan.
    let ms = run(
        "Azerbaijan shelled Stepanakert and Shusha on Tuesday, and its troops entered Khankendi. Protesters rallied outside the government building in Yerevan on Tuesday evening. Police detained dozens of demonstrators.",
        "en",
        "2023-09-20",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Coerce && m.source.code == "ARM"),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.event_type == EventType::Coerce && m.source.code == "AZE"),
        "{ms:?}"
    );
    // The protesters no state names are the people of the place they rally in.
    assert!(
        has(&ms, EventType::Protest, "ARMCIV", Some("ARM")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_counted_crowd_of_a_state_is_its_people_not_its_government() {
    let ms = run(
        "Thousands of Georgians protested outside parliament in Tbilisi on Sunday.",
        "en",
        "2024-12-02",
    );
    assert!(
        has(&ms, EventType::Protest, "GEOCIV", Some("GEO")).is_some(),
        "{ms:?}"
    );
    // The state itself still protests as the state.
    let ms = run("Georgia protested to Russia on Sunday.", "en", "2024-12-02");
    assert!(
        has(&ms, EventType::Protest, "GEO", Some("RUS")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_party_a_prefix_makes_an_adjective_takes_no_role() {
    // ("terrorist" alone is an unnamed armed group of the host state.)
    let ms = run(
        "Azerbaijan launched what it called \"anti-terrorist\" operations in Nagorno-Karabakh on Tuesday, pounding Armenian separatist positions with artillery.",
        "en",
        "2023-09-19",
    );
    assert!(
        has(&ms, EventType::Assault, "AZE", Some("ARMREB")).is_some(),
        "{ms:?}"
    );
    assert!(!ms.iter().any(|m| m.source.code == "AZEREB"), "{ms:?}");
}

#[test]
fn the_army_or_the_group_is_the_party_named_before() {
    let ms = run(
        "Sudan's army carried out air strikes on RSF positions in Khartoum. The army accused the RSF of looting hospitals.",
        "en",
        "2023-05-03",
    );
    assert!(
        has(&ms, EventType::Accuse, "SDN", Some("RSF")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Hamas fighters fired rockets at Tel Aviv. The group accused Israel of killing civilians in Gaza.",
        "en",
        "2023-05-03",
    );
    assert!(
        has(&ms, EventType::Accuse, "HAMAS", Some("ISR")).is_some(),
        "{ms:?}"
    );
    // Named by no sentence before, or only long before, it is no one.
    for text in [
        "The army accused the RSF of looting hospitals.",
        "Sudan's army carried out air strikes on RSF positions in Khartoum. The talks stalled. Aid agencies left. The city ran out of water. The army accused the RSF of looting hospitals.",
    ] {
        let ms = run(text, "en", "2023-05-03");
        assert!(
            !ms.iter().any(|m| m.event_type == EventType::Accuse),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn the_victim_of_a_condemned_attack_is_not_the_accused() {
    let ms = run(
        "France condemned the attack on Ukraine.",
        "en",
        "2022-05-10",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Accuse
            && m.target.as_ref().is_some_and(|t| t.code == "UKR")),
        "{ms:?}"
    );
    // The attacker, named in the sentence or the one before, is.
    let ms = run(
        "France condemned the Russian attack on Ukraine.",
        "en",
        "2022-05-10",
    );
    assert!(
        has(&ms, EventType::Accuse, "FRA", Some("RUS")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn an_attempted_act_is_coded_as_done() {
    // CAMEO and PLOVER code attempts ("tried to", "attempted to") as the
    // act; an infinitive alone would make it a plan, a hostile one a threat.
    let ms = run(
        "Iran tried to hack into the networks of Albanian ministries last week, officials said.",
        "en",
        "2022-09-12",
    );
    assert!(
        has(&ms, EventType::Coerce, "IRN", Some("ALB")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
}

#[test]
fn the_purpose_of_an_act_is_no_threat() {
    // "in a bid to kill": the aim of the strike, not a second act, nor a
    // threat of one.
    let ms = run(
        "Russian drones struck Kharkiv on Friday in a bid to kill Ukrainian commanders.",
        "en",
        "2023-10-25",
    );
    assert!(
        has(&ms, EventType::Assault, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
    // A threat stays a threat.
    let ms = run(
        "Azerbaijan vowed to storm the Armenian positions near the border.",
        "en",
        "2021-10-25",
    );
    assert!(
        has(&ms, EventType::Threaten, "AZE", Some("ARM")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_state_against_its_own_press_is_an_event() {
    // The army and the same country's journalists are two sides, as the
    // police and its civilians are.
    let ms = run(
        "Myanmar's junta arrested three journalists in Yangon on Monday.",
        "en",
        "2023-08-15",
    );
    let m = has(&ms, EventType::Coerce, "MMR", Some("MMR")).expect("MMR→MMR arrest");
    assert_eq!(m.target.as_ref().map(|t| t.sector.as_str()), Some("MED"));
}

#[test]
fn a_protest_broken_up_is_coercion_of_its_people() {
    // The protest is the object of its suppression: no protest event, and
    // the by-phrase names the protesters, the target, not the agent.
    let ms = run(
        "Kenyan police broke up a protest by opposition supporters in Nairobi on Monday.",
        "en",
        "2024-07-10",
    );
    let m = has(&ms, EventType::Coerce, "KEN", Some("KEN")).expect("KEN→KEN coercion");
    assert_eq!(m.source.sector, "COP");
    assert_eq!(m.target.as_ref().map(|t| t.sector.as_str()), Some("PTY"));
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Protest),
        "{ms:?}"
    );
}

#[test]
fn a_bare_infinitive_after_a_material_act_is_its_aim() {
    // "opened fire to disperse": the dispersal is the shooting's aim, no
    // threat beside the assault; after a speech act the infinitive is what
    // was asked for.
    let ms = run(
        "Bolivian police opened fire to disperse protesters in La Paz on Monday, killing two.",
        "en",
        "2024-05-08",
    );
    let m = has(&ms, EventType::Assault, "BOL", Some("BOLCIV")).expect("BOL→BOLCIV assault");
    assert_eq!(m.fatalities.killed, Some(2));
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
    let ms = run(
        "The UN called on Israel to stop attacks on Gaza.",
        "en",
        "2024-05-08",
    );
    assert!(
        has(&ms, EventType::Request, "UN", Some("ISR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn unnamed_working_people_are_civilians() {
    // Miners, herders, medics …: unnamed people struck at home are the
    // state's civilians, and counted.
    let ms = run(
        "Nigerian troops killed 12 herders in Benue state on Sunday.",
        "en",
        "2024-05-08",
    );
    let m = has(&ms, EventType::Assault, "NGA", Some("NGACIV")).expect("NGA→NGACIV");
    assert_eq!(m.fatalities.killed, Some(12));
}

#[test]
fn alerts_patrols_and_evidence_presented() {
    let ms = run(
        "Indian troops stepped up patrols along the border with Pakistan on Monday.",
        "en",
        "2019-02-27",
    );
    assert!(
        has(&ms, EventType::Mobilize, "IND", Some("PAK")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Britain presented evidence against Iran at the Security Council on Monday.",
        "en",
        "2019-02-27",
    );
    assert!(
        has(&ms, EventType::Accuse, "GBR", Some("IRN")).is_some(),
        "{ms:?}"
    );
    // Evidence denied accuses no one.
    let ms = run(
        "Ukraine said it had no evidence against Belarus.",
        "en",
        "2019-02-27",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Accuse),
        "{ms:?}"
    );
}

#[test]
fn a_subordinate_clause_tells_an_act_of_its_own() {
    // The warning is not the content of the strike, nor the strike the
    // content of the warning: two events, each with its own sides.
    let ms = run(
        "Russia warned Ankara after Turkish jets shot down two Syrian war planes.",
        "en",
        "2020-03-02",
    );
    assert!(
        has(&ms, EventType::Threaten, "RUS", Some("TUR")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "TUR", Some("SYR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_period_of_fighting_is_background() {
    // "three days of fighting" sums up a period: the truce is the news.
    let ms = run(
        "Armenia and Azerbaijan agreed to a ceasefire, ending three days of heavy fighting.",
        "en",
        "2020-10-12",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Agree),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn an_attack_named_by_its_agent_alone_strikes_the_other_side() {
    // "attacks by Hamas" names no victim: the foe the article shows Hamas
    // fighting is struck.
    let ms = run(
        "Israeli jets struck Hamas positions in Gaza on Wednesday. Rocket attacks by Hamas resumed on Thursday.",
        "en",
        "2021-05-21",
    );
    let m = has(&ms, EventType::Assault, "HAMAS", Some("ISR")).expect("HAMAS→ISR");
    assert_eq!(m.date.to_string(), "2021-05-20");
}

#[test]
fn rebels_in_a_region_of_a_state_are_its_rebels() {
    // "in eastern Georgia": a direction word between the marker and the
    // state; and the speaker before "said" does not qualify the rebels.
    for text in [
        "Russia said rebel leaders in eastern Georgia had asked Moscow for military help.",
        "Rebels in northern Georgia asked Russia for weapons on Monday.",
    ] {
        let ms = run(text, "en", "2021-06-01");
        assert!(
            has(&ms, EventType::Request, "GEOREB", Some("RUS")).is_some(),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn a_besieged_town_and_a_frontier_are_no_parties() {
    // "the besieged town": a participle after an article describes a noun.
    let ms = run(
        "UN helicopters evacuated the wounded from the besieged Bosnian town of Gorazde on Friday.",
        "en",
        "1994-04-16",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
    // "on the Thai border" says where the rebels' camp stood.
    let ms = run(
        "Burmese troops captured a rebel stronghold on the Thai border on Sunday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "MMR", Some("MMRREB")).is_some(),
        "{ms:?}"
    );
    assert!(!ms
        .iter()
        .any(|m| m.target.as_ref().is_some_and(|t| t.code == "THA")));
}

#[test]
fn fired_batteries_and_one_named_civilian() {
    let ms = run(
        "The Indian army fired anti-aircraft batteries at Pakistani drones on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "IND", Some("PAK")).is_some(),
        "{ms:?}"
    );
    // One person named by a trade is the press (or a civilian), as many are.
    let ms = run(
        "Russian police detained an American journalist in Moscow on Friday.",
        "en",
        "2021-06-01",
    );
    let m = has(&ms, EventType::Coerce, "RUS", Some("USA")).expect("RUS→USA arrest");
    assert_eq!(m.target.map(|t| t.sector).as_deref(), Some("MED"));
}

#[test]
fn engaging_someone_in_a_firefight_is_an_assault_on_them() {
    let ms = run(
        "Malian soldiers engaged jihadists in a gunbattle near Gao on Sunday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "MLI", Some("MLIREB")).is_some(),
        "{ms:?}"
    );
    // Without a fight after it, "engaged" is no act.
    let ms = run(
        "Mali engaged Russian instructors to train its army.",
        "en",
        "2021-06-01",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn an_act_that_goes_on_and_joint_drills() {
    // "continued to send arms": the infinitive is the act itself, done.
    let ms = run(
        "The United States continued to send arms to Pakistan on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Aid, "USA", Some("PAK")).is_some(),
        "{ms:?}"
    );
    // "ten days of war games" is one exercise, no period's sum; held
    // jointly it is cooperation between the two.
    let ms = run(
        "French and Egyptian warships on Monday began ten days of joint naval exercises in the Mediterranean.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Cooperate),
        "{ms:?}"
    );
}

#[test]
fn the_leader_of_led_forces_acts() {
    // "Vietnamese-led forces": the hyphen makes a compound whose first
    // part leads (no dateline, no mere modifier as in "Moscow-backed").
    let ms = run(
        "Vietnamese-led forces retook a village in Cambodia on Monday.",
        "en",
        "1985-01-08",
    );
    assert!(
        has(&ms, EventType::Assault, "VNM", Some("KHM")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_denial_rejects_and_the_act_denied_stays_negated() {
    let ms = run(
        "Rwanda denied any involvement in the attack on Goma on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Reject, "RWA", Some("COD")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn defending_a_party_against_criticism_supports_it() {
    let ms = run(
        "China defended Russia against Western criticism on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Support, "CHN", Some("RUS")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Accuse),
        "{ms:?}"
    );
}

#[test]
fn a_rejection_answers_the_accuser_before_it() {
    let ms = run(
        "Ukraine accused Russia of shelling the power plant. Moscow denied the accusations on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Reject, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_title_alone_is_the_person_named_before_when_unambiguous() {
    let ms = run(
        "Armenian Defence Minister Suren Papikyan said Armenian troops repelled 40 attackers. \
         The defence minister has accused Azerbaijani forces of shelling Armenian villages.",
        "en",
        "2023-09-01",
    );
    assert!(
        has(&ms, EventType::Accuse, "ARM", Some("AZE")).is_some(),
        "{ms:?}"
    );
    // With people of two states named before, "the president" is either.
    let ms = run(
        "Putin met Erdogan in Sochi on Monday. The president accused Greece of provocations.",
        "en",
        "2021-06-01",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Accuse),
        "{ms:?}"
    );
}

#[test]
fn parties_in_brackets_are_an_aside() {
    let ms = run(
        "Beijing remains committed to the 2018 accords (signed by Ethiopia and Eritrea in Jeddah) and supports the territorial integrity of Somalia, a spokesman said on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Support, "CHN", Some("SOM")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.source.code == "ETH" || m.source.code == "ERI"),
        "{ms:?}"
    );
}

#[test]
fn a_state_and_its_leader_merged_are_the_leader_for_a_later_pronoun() {
    let ms = run(
        "Ethiopian Prime Minister Abiy Ahmed visited Asmara on Monday. He warned Egypt against any strike on the dam.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Threaten, "ETH", Some("EGY")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_measure_after_a_number_is_no_toll() {
    let ms = run(
        "Al-Shabaab fighters attacked a base 40 km north of Mogadishu on Saturday, killing at least nine soldiers, officials said.",
        "en",
        "2021-06-01",
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault)
        .expect("an assault");
    assert_eq!(m.fatalities.killed, Some(9), "{ms:?}");
}

#[test]
fn two_names_qualifying_another_noun_are_no_sides() {
    let ms = run(
        "The militia said all French and German interests in the region were now legitimate targets.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "FRA", Some("DEU")).is_none()
            && has(&ms, EventType::Assault, "DEU", Some("FRA")).is_none(),
        "{ms:?}"
    );
    let ms = run(
        "Kenyan and Somali troops clashed near the border town of Mandera on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "KEN", Some("SOM")).is_some()
            || has(&ms, EventType::Assault, "SOM", Some("KEN")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_by_phrase_after_a_participle_far_from_the_verb_is_the_participles() {
    let ms = run(
        "France struck several depots used by the Wagner Group in Mali on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "FRA"),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault
            && m.target.as_ref().is_some_and(|t| t.code == "FRA")),
        "{ms:?}"
    );
}

#[test]
fn a_condemned_attack_accuses_the_attacker_not_the_state_whose_rights_it_broke() {
    let ms = run(
        "Turkish jets struck Kurdish militant positions in northern Iraq on Monday. \
         Iran condemned the strikes as a violation of Iraq's sovereignty.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Accuse, "IRN", Some("IRQ")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn a_news_agency_dateline_names_no_party() {
    let ms = run(
        "GOMA, Democratic Republic of Congo, Feb 3 (Reuters) - Rebels shelled the village of Kibati, 10 km north of Goma, on Saturday, killing at least five people, local officials said.",
        "en",
        "2024-02-03",
    );
    assert!(!ms.iter().any(|m| m.source.code == "COD"), "{ms:?}");
}

#[test]
fn a_fronted_subordinate_clause_counts_its_own_dead() {
    let ms = run(
        "After 12 soldiers were killed in an ambush near Bunia on Monday, the Congolese army launched air strikes on ADF positions, killing 40 fighters.",
        "en",
        "2021-06-01",
    );
    let m = has(&ms, EventType::Assault, "COD", Some("CODREB")).expect("the army's strikes");
    assert_eq!(m.fatalities.killed, Some(40), "{ms:?}");
}

#[test]
fn a_named_victim_is_the_target_before_the_place_struck() {
    let ms = run(
        "An Israeli drone strike on a car in southern Lebanon killed two Hezbollah members on Thursday.",
        "en",
        "2024-06-14",
    );
    let m = has(&ms, EventType::Assault, "ISR", Some("HEZ")).expect("ISR→HEZ assault");
    assert_eq!(m.fatalities.killed, Some(2), "{ms:?}");
}

#[test]
fn the_two_sides_are_the_pair_named_before() {
    let ms = run(
        "Sudan's army and the Rapid Support Forces fought for control of the city on Monday. \
         The two sides agreed to a week-long truce on Tuesday.",
        "en",
        "2024-06-13",
    );
    assert!(
        has(&ms, EventType::Agree, "SDN", Some("RSF")).is_some()
            || has(&ms, EventType::Agree, "RSF", Some("SDN")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Israeli jets struck Hamas positions in Gaza on Monday. \
         Egypt urged both sides to show restraint.",
        "en",
        "2024-06-13",
    );
    for side in ["ISR", "HAMAS"] {
        assert!(
            has(&ms, EventType::Request, "EGY", Some(side)).is_some(),
            "{side}: {ms:?}"
        );
    }
}

#[test]
fn the_two_sides_after_three_parties_are_no_one() {
    let ms = run(
        "Armenia and Azerbaijan traded fire on their border on Sunday. \
         Russia, Iran and Turkey held talks on the region in Tehran on Monday. \
         The two sides agreed to exchange prisoners.",
        "en",
        "2024-06-13",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Agree),
        "{ms:?}"
    );
}

#[test]
fn a_dateline_sets_off_no_apposition() {
    let ms = run(
        "NAIROBI, March 4 (Reuters) - Kenyan police fired tear gas at protesters in Nairobi on Sunday, detaining at least 30 people.",
        "en",
        "2024-03-04",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "KEN"),
        "{ms:?}"
    );
}

#[test]
fn police_arresting_people_they_do_not_name_arrest_civilians() {
    let ms = run(
        "Bangladeshi police arrested dozens of demonstrators in Dhaka on Tuesday.",
        "en",
        "2024-03-06",
    );
    assert!(
        has(&ms, EventType::Coerce, "BGD", Some("BGDCIV")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn where_a_sentence_is_set_heads_no_apposition() {
    let ms = run(
        "In Sudan, the paramilitary RSF shelled a market in Omdurman on Sunday, killing 15 civilians, medics said.",
        "en",
        "2024-03-04",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "RSF"),
        "{ms:?}"
    );
}

#[test]
fn a_vow_to_retaliate_answers_whoever_acted_against_the_speaker() {
    let ms = run(
        "The Czech government expelled three Russian diplomats on Thursday. Moscow vowed to retaliate.",
        "en",
        "2024-03-08",
    );
    assert!(
        has(&ms, EventType::Threaten, "RUS", Some("CZE")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn an_armed_group_killing_people_it_does_not_name_kills_civilians() {
    let ms = run(
        "ISWAP fighters raided a market in Borno on Friday, killing 14 people.",
        "en",
        "2024-03-09",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Assault
            && m.target.as_ref().is_some_and(|t| t.code == "NGACIV")),
        "{ms:?}"
    );
    // (Soldiers killed are the state's, not civilians.)
    let ms = run(
        "ISWAP fighters raided an army base in Borno on Friday, killing 14 soldiers.",
        "en",
        "2024-03-09",
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "NGACIV")),
        "{ms:?}"
    );
}

#[test]
fn an_act_named_as_the_topic_of_talks_is_no_act() {
    let ms = run(
        "Armenian and Azerbaijani officials held talks in Brussels on Tuesday on the withdrawal of troops from the border.",
        "en",
        "2024-03-06",
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Consult),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Retreat),
        "{ms:?}"
    );
}

#[test]
fn an_undated_articles_body_date_puts_its_weekdays_in_the_week_after() {
    // No date of its own; Johnson and Raab held office together from July
    // 2019 to September 2021, so "March 3" is 2021's. The date is told in
    // the body ("on March 3"), not as a dateline: the attack "on Thursday"
    // came after it (4 March 2021), not on a Thursday 3 March of 2016.
    let text = "Convoy attack near Jalalabad\nAid agencies had been warned.\n\n\
                British officials warned aid agencies on March 3 that militants planned \
                attacks on the Jalalabad road. The warning came days before Taliban fighters \
                attacked an Afghan army convoy near Jalalabad on Thursday, killing four \
                soldiers. Prime Minister Boris Johnson condemned the attack, and Foreign \
                Secretary Dominic Raab said Britain would review its aid programme.";
    let mut a = article(text, "en", "2026-11-20", true);
    a.published = None;
    a.received = Some("2026-11-20".parse().unwrap());
    let ms = extractor().extract(&a);
    let m = has(&ms, EventType::Assault, "TALIBAN", Some("AFG")).expect("TALIBAN→AFG assault");
    assert_eq!(m.date.to_string(), "2021-03-04", "{ms:?}");
}

#[test]
fn an_act_days_before_another_is_no_content_of_it() {
    // "The warning came days before rebels attacked": the attack is told as
    // a happening, not as what the warning said.
    let ms = run(
        "The warning came days before Boko Haram fighters attacked a police post in \
         Borno on Tuesday, killing two officers.",
        "en",
        "2021-06-03",
    );
    assert!(
        has(&ms, EventType::Assault, "BOKOHARAM", Some("NGA")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn who_claims_an_attack_with_an_unnamed_attacker_is_its_attacker() {
    // The attack is told first with a bomber no one names; the group that
    // claims it, in the sentence after, struck.
    let ms = run(
        "At least 12 soldiers were killed when a suicide bomber rammed a truck into a \
         checkpoint in Maiduguri on Thursday. Boko Haram claimed responsibility for the attack.",
        "en",
        "2021-06-01",
    );
    let m = has(&ms, EventType::Assault, "BOKOHARAM", Some("NGA")).expect("claimed assault");
    assert_eq!(m.fatalities.killed, Some(12));
    assert!(
        has(&ms, EventType::Assault, "NGAREB", Some("NGA")).is_none(),
        "{ms:?}"
    );

    // A bare claim, in a sentence with no act of its own, names the last one.
    let ms = run(
        "Gunmen killed nine villagers in the Kidal region on Sunday. In a statement on \
         Monday, JNIM claimed responsibility.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "ALQAEDA", Some("MLICIV")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "MLIREB", Some("MLICIV")).is_none(),
        "{ms:?}"
    );

    // An attack told with its attacker keeps it: the claim is of another.
    let ms = run(
        "Israeli aircraft struck a house in Rafah on Monday, killing six people. Hamas \
         claimed responsibility for a rocket attack on Sderot hours later.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "ISR", Some("PSE")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "HAMAS", Some("PSE")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn a_divisions_bare_name_that_means_something_else_names_no_place() {
    // Papua New Guinea's Gulf province is "Gulf Province", not "the Gulf";
    // Uruguay's Rivera department is not a judge's surname.
    let ms = run(
        "Iran seized a tanker in the Gulf on Friday. Judge Alejandro Rivera opened an \
         investigation into 28 Chilean officials on Friday.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter()
            .all(|m| m.target.as_ref().is_none_or(|t| t.code != "PNG")
                && m.source.code != "URY"
                && m.location.as_ref().is_none_or(|l| l.country != "PNG")),
        "{ms:?}"
    );
    // The qualified form still names it.
    let ms = run(
        "Tribal fighters attacked a police post in Gulf Province on Friday, killing two officers.",
        "en",
        "2021-06-01",
    );
    assert!(
        ms.iter()
            .any(|m| m.location.as_ref().is_some_and(|l| l.country == "PNG")),
        "{ms:?}"
    );
}

#[test]
fn it_also_stands_for_the_sentence_befores_subject() {
    // "It also urged …": the party that acted in the sentence before.
    let ms = run(
        "India demanded on Friday that Pakistan act against militant groups. It also urged \
         the United Nations to list the group's leader as a terrorist.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Request, "IND", Some("UN")).is_some(),
        "{ms:?}"
    );
    // A bare "it" is no party: "It was the deadliest attack", "It said the
    // barrage answered raids" name no attacker.
    let ms = run(
        "Russian missiles struck Kyiv on Monday, killing 12 people. It was the deadliest attack \
         on the capital this year. Hamas fired rockets at Israel on Tuesday. It said the \
         barrage answered raids in Jenin.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "UKR", Some("RUS")).is_none(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Assault, "HAMAS", Some("PSE")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn under_a_month_only_dateline_an_undated_sentence_is_of_the_storys_last_day() {
    // Published "2021-06": the second act names no day of its own; it is of
    // 14 June, the day the story named, not of the month's first.
    let a = article(
        "M23 rebels attacked an army base near Goma on June 14, killing five soldiers. \
         Congolese troops then shelled M23 positions in Rutshuru.",
        "en",
        "2021-06-01",
        false,
    );
    let ms = extractor().extract(&a);
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault && m.source.code == "COD")
        .expect("COD assault");
    assert_eq!(m.date.to_string(), "2021-06-14", "{ms:?}");
}

#[test]
fn aid_for_people_of_a_place_reaches_the_places_state() {
    let ms = run(
        "Japan sent food aid to refugees in Chad on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Aid, "JPN", Some("TCD")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "Turkey sent humanitarian aid to displaced people in northern Syria on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Aid, "TUR", Some("SYR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn what_follows_despite_is_background() {
    // The ceasefire "agreed with Ukraine" is the setting of the shelling,
    // no agreement of the day.
    let ms = run(
        "Russia shelled Kharkiv despite a ceasefire agreed with Ukraine on Monday.",
        "en",
        "2021-06-01",
    );
    assert!(
        has(&ms, EventType::Assault, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
    assert!(
        has(&ms, EventType::Agree, "RUS", Some("UKR")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn the_army_of_an_article_naming_no_states_forces_is_its_setting_states() {
    // Sudan's places (Darfur, Nyala) set the article; no state's forces
    // are named before "the army", so it is Sudan's, even beside a
    // Sudanese place ("near Nyala" is where, not a party).
    let ms = run(
        "Fighting raged across Darfur. Drone strikes by the army hit RSF positions near \
         Nyala on Sunday, a military source said. The RSF accused the army of shelling \
         markets in El Fasher.",
        "en",
        "2024-05-14",
    );
    let m = has(&ms, EventType::Assault, "SDN", Some("RSF")).expect("SDN→RSF drone strike");
    assert_eq!(m.date.to_string(), "2024-05-12");
    assert!(
        has(&ms, EventType::Accuse, "RSF", Some("SDN")).is_some(),
        "{ms:?}"
    );
    // Another state's forces named before: "the army" is no longer the
    // setting's by default (three sentences on, it is no one's).
    let ms = run(
        "Ethiopian troops shelled farms in Sudan's al-Fashaga region. Farmers fled the area. \
         Markets closed. Residents waited for news. Drone strikes by the army hit RSF \
         positions near Nyala on Sunday.",
        "en",
        "2024-05-14",
    );
    assert!(
        has(&ms, EventType::Assault, "SDN", Some("RSF")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn a_datelines_place_is_not_where_the_lede_happened() {
    let ms = run(
        "PORT SUDAN, Sudan, June 3 (Reuters) - The Rapid Support Forces shelled a market in \
         Omdurman on Monday, killing 12 people, medics said.",
        "en",
        "2024-06-03",
    );
    let m = has(&ms, EventType::Assault, "RSF", Some("SDNCIV")).expect("RSF strike");
    assert_eq!(
        m.location.as_ref().map(|l| l.name.as_str()),
        Some("Omdurman")
    );
    // The dateline's place stands when the lede names no other.
    let ms = run(
        "GOMA, Congo (AP) - M23 rebels attacked an army base on Monday, killing 12 soldiers.",
        "en",
        "2024-06-03",
    );
    assert!(
        ms.iter()
            .any(|m| m.location.as_ref().is_some_and(|l| l.name == "Goma")),
        "{ms:?}"
    );
}

#[test]
fn a_coercive_measure_to_be_eased_is_no_threat() {
    for text in [
        "Israel will ease the blockade of Gaza, officials said.",
        "Ethiopia would lift the ban on the TPLF if talks succeed.",
    ] {
        let ms = run(text, "en", "2023-03-01");
        assert!(
            !ms.iter().any(|m| m.event_type == EventType::Threaten),
            "{text}: {ms:?}"
        );
    }
    // Done, it is a retreat.
    let ms = run(
        "Ethiopia lifted the ban on the TPLF on Monday.",
        "en",
        "2023-03-01",
    );
    assert!(
        has(&ms, EventType::Retreat, "ETH", Some("ETHREB")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn victims_of_a_passive_kill_verb_are_not_the_agents_of_its_means() {
    // "in the attack" tells how the civilians died: they did not attack.
    let ms = run(
        "At least 40 civilians were killed on Monday in the attack on two villages in central \
         Mali by gunmen.",
        "en",
        "2024-03-12",
    );
    assert!(!ms.iter().any(|m| m.source.code == "MLICIV"), "{ms:?}");
}
