//! English breadth: verb families and constructions beyond the commonest
//! triggers, on sentences written for these tests (other conflicts than the
//! evaluation corpora's), with the shipped lexicons.

mod common;

use common::extract::{has, run};
use flashpoint::model::EventType;

#[test]
fn letting_people_or_relief_through_opens_access() {
    // Asserted: access opened (RETREAT).
    let ms = run(
        "Myanmar's junta permitted UN monitors to visit Rakhine on Monday.",
        "en",
        "2023-05-02",
    );
    assert!(
        has(&ms, EventType::Retreat, "MMR", Some("UN")).is_some(),
        "{ms:?}"
    );
    // Promised: a pledge (AGREE).
    let ms = run(
        "Chad will allow thousands of Sudanese refugees to return home.",
        "en",
        "2023-05-02",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Agree && m.source.code == "TCD"),
        "{ms:?}"
    );
    // The verb alone, with nothing let through, is no act.
    let ms = run(
        "The new law allows the army to detain suspects for a month.",
        "en",
        "2023-05-02",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Retreat),
        "{ms:?}"
    );
}

#[test]
fn an_act_after_before_is_background() {
    // "before allowing …": what the subject would do only after its demand
    // is met is no act of the day.
    let ms = run(
        "Congolese militias demanded a truce with Rwandan troops in east Congo before allowing UN aid convoys to feed civilians.",
        "en",
        "2024-06-02",
    );
    assert!(
        !ms.iter()
            .any(|m| matches!(m.event_type, EventType::Retreat | EventType::Agree)),
        "{ms:?}"
    );
}

#[test]
fn contributing_forces_is_sending_them() {
    // Promised to a state: a pledge (AGREE), like "will send".
    let ms = run(
        "Kenya will contribute 1,000 police officers to Haiti.",
        "en",
        "2023-07-30",
    );
    assert!(
        has(&ms, EventType::Agree, "KEN", Some("HTI")).is_some(),
        "{ms:?}"
    );
    // Contributing to an outcome is no deployment.
    let ms = run(
        "The drought contributed to the deaths of soldiers in Mali.",
        "en",
        "2023-07-30",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Mobilize),
        "{ms:?}"
    );
}

#[test]
fn freeing_or_handing_back_captives_is_a_release() {
    let ms = run(
        "Hamas returned the bodies of four Israeli hostages on Thursday.",
        "en",
        "2025-02-21",
    );
    assert!(
        has(&ms, EventType::Retreat, "HAMAS", Some("ISR")).is_some(),
        "{ms:?}"
    );
    // Promised: a pledge.
    let ms = run(
        "The Houthis said they will free 100 Saudi prisoners.",
        "en",
        "2023-04-10",
    );
    assert!(
        has(&ms, EventType::Agree, "HOUTHI", Some("SAU")).is_some(),
        "{ms:?}"
    );
    // Coming back is no release.
    let ms = run(
        "Families of Israeli hostages returned to Tel Aviv on Friday.",
        "en",
        "2025-02-21",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Retreat),
        "{ms:?}"
    );
}

#[test]
fn declining_or_failing_to_act_is_a_refusal() {
    // "declined to" negates the act after it: a cooperative act refused.
    let ms = run(
        "Sudan's army declined to withdraw its troops from El Obeid.",
        "en",
        "2024-03-01",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Reject && m.source.code == "SDN"),
        "{ms:?}"
    );
    // "failed to sign": the negation's last word opens the trigger ("to
    // sign"); it still negates it.
    let ms = run(
        "Azerbaijan declined to sign the peace treaty with Armenia.",
        "en",
        "2024-03-01",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Agree),
        "{ms:?}"
    );
    let ms = run(
        "Armenia failed to sign the peace treaty with Azerbaijan.",
        "en",
        "2024-03-01",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Agree),
        "{ms:?}"
    );
    // Declining to comment is reporting, and "declined" a fall in numbers.
    let ms = run(
        "Russia's oil exports declined to 3 million barrels a day.",
        "en",
        "2024-03-01",
    );
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn opening_ones_borders_opens_access() {
    let ms = run(
        "Poland opened its borders to refugees from Ukraine on Thursday.",
        "en",
        "2022-02-25",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Retreat && m.source.code == "POL"),
        "{ms:?}"
    );
    // Opening fire near a border is no opening of it.
    let ms = run(
        "Troops opened fire near the border with Sudan.",
        "en",
        "2022-02-25",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Retreat),
        "{ms:?}"
    );
}

#[test]
fn a_verb_joined_by_but_and_an_auxiliary_keeps_the_subject() {
    // "…, but was still refusing": the subject of the first verb refuses,
    // not the state named in its complement.
    let ms = run(
        "Chad opened its border to refugees fleeing Sudan, but was still refusing entry to Libyans.",
        "en",
        "2023-05-10",
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Reject && m.source.code == "TCD"),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.event_type == EventType::Reject && m.source.code == "SDN"),
        "{ms:?}"
    );
}

#[test]
fn a_vow_to_withdraw_troops_or_end_a_war_is_no_threat() {
    let ms = run(
        "Rwanda vowed to withdraw its troops from Congo.",
        "en",
        "2025-03-01",
    );
    assert!(
        has(&ms, EventType::Agree, "RWA", Some("COD")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
    let ms = run(
        "Israel vowed to end the war against Hamas.",
        "en",
        "2025-03-01",
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Threaten),
        "{ms:?}"
    );
    // A vow to withdraw from a pact is still a threat to relations.
    let ms = run(
        "Russia vowed to withdraw from the grain deal with Ukraine.",
        "en",
        "2025-03-01",
    );
    assert!(
        has(&ms, EventType::Threaten, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn paying_for_anothers_war_is_aid() {
    let ms = run("Iran funded the Houthis for years.", "en", "2024-01-15");
    assert!(
        has(&ms, EventType::Aid, "IRN", Some("HOUTHI")).is_some(),
        "{ms:?}"
    );
    // A compound adjective names no act.
    let ms = run(
        "A Russian-funded militia attacked a village in central Mali.",
        "en",
        "2024-01-15",
    );
    assert!(!ms.iter().any(|m| m.event_type == EventType::Aid), "{ms:?}");
}

#[test]
fn backing_out_of_an_agreement_discontinues_it() {
    // Reneging on, backing out of or tearing up a pact ends the cooperation
    // (SANCTION discontinue), no agreement of the day.
    for (text, s, t) in [
        (
            "Ethiopia reneged on its peace agreement with Eritrea.",
            "ETH",
            "ERI",
        ),
        (
            "Trump tore up the nuclear agreement with Iran.",
            "USA",
            "IRN",
        ),
    ] {
        let ms = run(text, "en", "2024-02-01");
        assert!(
            has(&ms, EventType::Sanction, s, Some(t)).is_some(),
            "{text}: {ms:?}"
        );
        assert!(
            !ms.iter().any(|m| m.event_type == EventType::Agree),
            "{text}: {ms:?}"
        );
    }
}

#[test]
fn leaving_a_pact_discontinues_it() {
    for (text, s, t) in [
        ("Russia quit the grain deal with Ukraine.", "RUS", "UKR"),
        (
            "The United States withdrew from the nuclear deal with Iran.",
            "USA",
            "IRN",
        ),
    ] {
        let ms = run(text, "en", "2023-07-18");
        assert!(
            has(&ms, EventType::Sanction, s, Some(t)).is_some(),
            "{text}: {ms:?}"
        );
        assert!(
            !ms.iter().any(|m| m.event_type == EventType::Retreat),
            "{text}: {ms:?}"
        );
    }
    // Troops leaving a place under a deal still withdraw.
    let ms = run(
        "Russian troops pulled out of Kherson under the deal with Ukraine.",
        "en",
        "2023-07-18",
    );
    assert!(
        has(&ms, EventType::Retreat, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
}
