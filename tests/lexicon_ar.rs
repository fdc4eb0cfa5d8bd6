//! Arabic lexicon coverage on sentences written for these tests: before the
//! Arabic files (and the Arabic fold, clitic prefixes and verb-first roles)
//! none of them gave an event.

mod common;

use common::extract::{has, run};
use flashpoint::model::EventType;

// 2023-05-10 is a Wednesday.
const PUBLISHED: &str = "2023-05-10";

#[test]
fn air_strike_with_toll_in_arabic_digits_dated_by_weekday() {
    // Verb first, its subject after it with its sector words ("الطائرات
    // الحربية الروسية"), a toll in Arabic-Indic digits, "يوم الاثنين".
    let ms = run(
        "قصفت الطائرات الحربية الروسية يوم الاثنين بلدة في ريف إدلب، ما أسفر عن مقتل ١٢ مدنيا بينهم أطفال.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "RUS", Some("SYR")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.mode.as_deref(), Some("aerial"));
    assert_eq!(m.source.sector, "MIL");
    assert_eq!(m.date.to_string(), "2023-05-08");
    assert_eq!(m.fatalities.killed, Some(12));
    assert_eq!(m.location.as_ref().map(|l| l.name.as_str()), Some("Idlib"));
}

#[test]
fn levantine_month_and_occupation_forces_after_a_clitic() {
    let ms = run(
        "وقصفت قوات الاحتلال مخيم جباليا في ٣ أيار ٢٠٢٣، ما أسفر عن مقتل ٢٥ فلسطينيا.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "ISR", Some("PSE")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.date.to_string(), "2023-05-03");
    assert_eq!(m.fatalities.killed, Some(25));
}

#[test]
fn threat_by_a_group() {
    let ms = run(
        "هدد حزب الله إسرائيل برد قاس على اغتيال أحد قادته.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Threaten, "HEZ", Some("ISR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn accusation_by_a_ministry() {
    let ms = run(
        "اتهمت وزارة الخارجية السورية تركيا بدعم الجماعات المسلحة في الشمال.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Accuse, "SYR", Some("TUR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn ceasefire_agreement() {
    let ms = run(
        "اتفقت إسرائيل وحماس على وقف إطلاق النار بوساطة مصرية وقطرية.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Agree, "ISR", Some("HAMAS")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn prisoner_release() {
    let ms = run(
        "أفرجت السلطات الإسرائيلية عن ٣٩ أسيرا فلسطينيا يوم الجمعة.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Retreat, "ISR", Some("PSE")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.mode.as_deref(), Some("release"));
    assert_eq!(m.date.to_string(), "2023-05-05");
}

#[test]
fn negated_strike_is_no_event() {
    let ms = run(
        "لم تقصف الطائرات الإسرائيلية أي موقع في لبنان أمس.",
        "ar",
        PUBLISHED,
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
    // The same sentence asserted is an event: the negation is what stops it.
    let ms = run(
        "قصفت الطائرات الإسرائيلية مواقع في جنوب لبنان أمس.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "ISR", Some("LBN")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn planned_attack_is_no_assault() {
    let ms = run(
        "تخطط إسرائيل لشن هجوم على رفح الأسبوع المقبل.",
        "ar",
        PUBLISHED,
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn victims_first_and_the_attack_launched_by_a_group() {
    // "قتل" unvowelled reads as passive here; "شنه" (that it launched)
    // names the agent after the attack noun.
    let ms = run(
        "قتل خمسة جنود عراقيين في هجوم شنه تنظيم داعش قرب الموصل.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "ISIS", Some("IRQ")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn verb_first_with_a_group_subject() {
    let ms = run(
        "هاجمت قوات الدعم السريع مدينة الفاشر في شمال دارفور.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "RSF", Some("SDN")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn crowd_counted_before_the_protesters() {
    // The crowd word makes the demonym people (CVL), not the government.
    let ms = run(
        "تظاهر آلاف السودانيين في الخرطوم ضد الحكم العسكري.",
        "ar",
        PUBLISHED,
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Protest && m.source.code == "SDNCIV"),
        "{ms:?}"
    );
}

#[test]
fn vowel_marks_and_hamza_spellings_are_folded() {
    // Fully vowelled verb, hamza-less spelling of Israel, alef maqsura.
    let ms = run(
        "قَصَفَتْ اسرائيل مواقع لحزب الله في جنوب لبنان يوم الثلاثاء.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "ISR", Some("HEZ"))
        .or_else(|| has(&ms, EventType::Assault, "ISR", Some("LBN")))
        .unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.date.to_string(), "2023-05-09");
}

#[test]
fn sanctions_and_meetings() {
    let ms = run(
        "فرضت الولايات المتحدة عقوبات جديدة على إيران.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Sanction, "USA", Some("IRN")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "التقى وزير الخارجية الروسي نظيره التركي في أنقرة.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Consult, "RUS", Some("TUR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn fighting_between_two_sides_joined_by_a_clitic_conjunction() {
    // "و" is written joined to the second side ("وقوات").
    let ms = run(
        "اندلعت اشتباكات بين الجيش السوداني وقوات الدعم السريع في أم درمان.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "SDN", Some("RSF")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn two_parties_joined_by_a_clitic_conjunction_agree() {
    let ms = run(
        "وقعت السودان وجنوب السودان اتفاقا للتعاون الأمني.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Agree, "SDN", Some("SSD")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn police_arrest_with_a_count_before_the_object() {
    // "خمسة عناصر" (five members) is the object: its sector word is not the
    // police's.
    let ms = run(
        "اعتقلت قوات الأمن العراقية خمسة عناصر من تنظيم داعش في الأنبار.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Coerce, "IRQ", Some("ISIS")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.mode.as_deref(), Some("arrest"));
}

#[test]
fn ambassador_recalled_with_the_verb_apart() {
    let ms = run("استدعت الجزائر سفيرها لدى فرنسا للتشاور.", "ar", PUBLISHED);
    assert!(
        has(&ms, EventType::Sanction, "DZA", Some("FRA")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn dateline_participle_and_a_new_subject_after_a_conjunction() {
    let text = "بيروت ـ شن الطيران الحربي الإسرائيلي، فجر الثلاثاء، سلسلة غارات على بلدات في جنوب لبنان.\n\
                وقال الجيش الإسرائيلي في بيان إنه استهدف مخازن أسلحة، متهما حزب الله بإطلاق صواريخ على شمال إسرائيل.\n\
                ودعت الأمم المتحدة الطرفين إلى ضبط النفس، فيما أدانت الحكومة اللبنانية الغارات.";
    let ms = run(text, "ar", PUBLISHED);
    // "بيروت ـ" is a dateline (the tatweel a dash), not the attacker.
    let m = has(&ms, EventType::Assault, "ISR", Some("LBN")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.date.to_string(), "2023-05-09");
    assert!(
        !ms.iter()
            .any(|m| m.event_type == EventType::Assault && m.source.code == "LBN"),
        "{ms:?}"
    );
    // "متهما" (accusing): the speaker before the comma accuses.
    assert!(
        has(&ms, EventType::Accuse, "ISR", Some("HEZ")).is_some(),
        "{ms:?}"
    );
    // "فيما أدانت الحكومة اللبنانية": a new subject after the verb.
    assert!(
        has(&ms, EventType::Accuse, "LBN", Some("ISR")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter()
            .any(|m| m.event_type == EventType::Accuse && m.source.code == "UN"),
        "{ms:?}"
    );
}

#[test]
fn leader_names_and_the_article_after_lam() {
    // A leader stands for his state; "للدعم السريع" is ل + ال + the name.
    let ms = run(
        "اتهم بوتين أوكرانيا بمهاجمة محطة زابوريجيا النووية.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Accuse, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "هاجم الجيش السوداني مواقع للدعم السريع في الخرطوم.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "SDN", Some("RSF")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn arabic_text_yields_nothing_without_an_act() {
    let ms = run(
        "قال البنك المركزي المصري يوم الخميس إن معدل التضخم تراجع خلال الشهر الماضي. \
         وفاز المنتخب السعودي على نظيره العراقي بهدفين مقابل هدف في مباراة ودية.",
        "ar",
        PUBLISHED,
    );
    assert!(ms.is_empty(), "{ms:?}");
}

#[test]
fn killed_by_a_partys_fire_names_the_agent() {
    // "بنيران" (by the fire of): the party after it killed; no auxiliary
    // marks the unvowelled passive.
    let ms = run(
        "قتل أربعة جنود أتراك بنيران حزب العمال الكردستاني في شمال العراق.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "KURD", Some("TUR")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.fatalities.killed, Some(4));
}

#[test]
fn an_attack_noun_after_in_takes_the_party_right_after_it() {
    // "في هجوم لـ…": after "in" the trigger is a noun, and the party right
    // after it is the attacker, not the victims named before. A noun in the
    // dual counts two.
    let ms = run(
        "قتل شرطيان صوماليان في هجوم لحركة الشباب في مقديشو.",
        "ar",
        PUBLISHED,
    );
    let m =
        has(&ms, EventType::Assault, "ALSHABAAB", Some("SOM")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.fatalities.killed, Some(2));
    assert!(
        has(&ms, EventType::Assault, "SOM", Some("ALSHABAAB")).is_none(),
        "{ms:?}"
    );
}

#[test]
fn shooting_down_an_aircraft_is_an_assault() {
    let ms = run(
        "أسقطت الدفاعات الجوية الإيرانية طائرة مسيرة أمريكية فوق الخليج.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "IRN", Some("USA")).is_some(),
        "{ms:?}"
    );
    // Dropping charges shoots nothing down.
    let ms = run("أسقطت المحكمة المصرية التهم عن الصحفيين.", "ar", PUBLISHED);
    assert!(
        ms.iter().all(|m| m.event_type != EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn myanmar_demonym_and_arakan_army() {
    let ms = run(
        "هاجم جيش أراكان مواقع للجيش الميانماري في ولاية راخين.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "MMRREB", Some("MMR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn fighters_of_a_named_group_are_that_group_and_the_counted_dead_its_victims() {
    // Verb first, an unnamed subject "من" a named group: the group attacks.
    // "ما أسفر عن مقتل ثلاثة جنود": the counted soldiers after the death noun
    // are its victims, not the group before it.
    let ms = run(
        "هاجم مقاتلون من هيئة تحرير الشام مواقع للجيش السوري في ريف حلب، ما أسفر عن مقتل ثلاثة جنود.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "HTS", Some("SYR")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.fatalities.killed, Some(3));
    assert!(
        ms.iter()
            .all(|m| m.target.as_ref().is_none_or(|t| t.code != "HTS")),
        "{ms:?}"
    );
}

#[test]
fn ordinal_day_word_before_the_month_dates_the_act() {
    // "الخامس من مايو": the fifth of May, the day written as an ordinal.
    let ms = run(
        "قصفت الطائرات الحربية الروسية بلدة في ريف إدلب في الخامس من مايو، ما أسفر عن مقتل ١٢ مدنيا.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "RUS", Some("SYR")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.date.to_string(), "2023-05-05");
}

#[test]
fn compound_ordinal_day_with_a_levantine_month() {
    let ms = run(
        "قصفت الطائرات الحربية الروسية بلدة في ريف إدلب يوم الحادي والعشرين من نيسان.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "RUS", Some("SYR")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.date.to_string(), "2023-04-21");
}

#[test]
fn teen_ordinal_day_with_a_two_word_month_and_year() {
    let ms = run(
        "قصفت الطائرات الحربية الروسية بلدة في ريف إدلب في الثاني عشر من تشرين الثاني ٢٠٢٢.",
        "ar",
        "2022-11-20",
    );
    let m = has(&ms, EventType::Assault, "RUS", Some("SYR")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.date.to_string(), "2022-11-12");
}

// ---- Broader trigger lists: each sentence gave no event (or another type)
// before them.

#[test]
fn ambush_laid_by_a_group_is_an_assault() {
    let ms = run(
        "نصب مسلحون من حركة الشباب كمينا لقافلة عسكرية صومالية قرب مقديشو.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "ALSHABAAB", Some("SOM")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn congratulating_a_counterpart_is_support() {
    let ms = run(
        "هنأ الرئيس المصري نظيره التونسي بنجاح الانتخابات.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Support, "EGY", Some("TUN")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn a_deadline_given_to_a_party_is_a_threat() {
    let ms = run(
        "أمهلت الحكومة السودانية قوات الدعم السريع ثلاثة أيام للانسحاب.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Threaten, "SDN", Some("RSF")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn designating_a_group_as_terrorist_is_a_sanction() {
    let ms = run(
        "صنفت الولايات المتحدة جماعة الحوثيين منظمة إرهابية.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Sanction, "USA", Some("HOUTHI")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn ruling_out_talks_is_a_rejection() {
    let ms = run("استبعدت تركيا إجراء محادثات مع سوريا.", "ar", PUBLISHED);
    assert!(
        has(&ms, EventType::Reject, "TUR", Some("SYR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn discussing_with_a_counterpart_is_a_consultation() {
    let ms = run(
        "ناقش وزير الخارجية الأردني مع نظيره العراقي الأوضاع في المنطقة.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Consult, "JOR", Some("IRQ")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn compound_numbers_with_the_conjunction_count_in_full() {
    // "وعشرين" was claimed by the conjunction: the toll read 3.
    let ms = run(
        "أسفرت غارة إسرائيلية على رفح عن مقتل ثلاثة وعشرين فلسطينيا.",
        "ar",
        PUBLISHED,
    );
    let m = has(&ms, EventType::Assault, "ISR", Some("PSE")).unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.fatalities.killed, Some(23));
    let ms = run(
        "أسفر قصف روسي على إدلب عن مقتل مئة وخمسة مدنيين.",
        "ar",
        PUBLISHED,
    );
    assert!(
        ms.iter().any(|m| m.fatalities.killed == Some(105)),
        "{ms:?}"
    );
}

#[test]
fn condemned_attack_names_its_agent_after_the_noun() {
    // "الهجوم الإسرائيلي": the adjective after the noun is the attacker.
    let ms = run(
        "أدانت قطر الهجوم الإسرائيلي على مدرسة في غزة.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Accuse, "QAT", Some("ISR")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn counted_demonym_is_people_not_government() {
    let ms = run(
        "قتلت القوات الإسرائيلية ثلاثة فلسطينيين في نابلس.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "ISR", Some("PSECIV")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn denied_accusations_are_a_rejection_of_the_accuser() {
    // "نفت" was only a negation cue: the denial gave no event, and the
    // bombing the accusation names stays denied.
    let ms = run(
        "نفت روسيا الاتهامات الأوكرانية بقصف المستشفى.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Reject, "RUS", Some("UKR")).is_some(),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn a_noun_that_counts_keeps_the_demonym_after_it_a_state() {
    // "شرطيان" (two policemen) names the people: "صوماليان" is no crowd.
    let ms = run(
        "قتل شرطيان صوماليان في هجوم لحركة الشباب في مقديشو.",
        "ar",
        PUBLISHED,
    );
    assert!(
        !ms.iter()
            .any(|m| m.target.as_ref().is_some_and(|t| t.code == "SOMCIV")),
        "{ms:?}"
    );
}

#[test]
fn civilians_in_the_accusative_after_a_number_word_are_counted() {
    // "مدنيا" (after 11–99) was no civilians word: the toll was lost.
    let ms = run(
        "قتل نحو عشرين مدنيا في هجوم لقوات الدعم السريع على قرية في دارفور.",
        "ar",
        PUBLISHED,
    );
    let m = ms
        .iter()
        .find(|m| m.event_type == EventType::Assault && m.source.code == "RSF")
        .unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.fatalities.killed, Some(20));
}

#[test]
fn ar_released_hostages_are_no_abduction() {
    // "رهائن" (hostages) alone names no taking of hostages.
    let ms = run(
        "أفرجت حركة حماس عن خمس رهائن إسرائيليين يوم السبت.",
        "ar",
        PUBLISHED,
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Assault),
        "{ms:?}"
    );
}

#[test]
fn ar_detaining_is_no_protest() {
    // "احتجز" (to detain) begins with the stem of "احتج" (to protest).
    let ms = run(
        "احتجزت قوات الأمن الإيرانية عشرات الطلاب في طهران يوم الاثنين.",
        "ar",
        PUBLISHED,
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Protest),
        "{ms:?}"
    );
}

#[test]
fn ar_verbs_apart_from_their_objects() {
    // "قطعت … علاقاتها", "سحبت … قواتها", "فرقت الشرطة … المحتجين": the date
    // or the subject between the verb and its object.
    let ms = run(
        "قطعت البحرين يوم الثلاثاء علاقاتها الدبلوماسية مع قطر.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Sanction, "BHR", Some("QAT")).is_some(),
        "{ms:?}"
    );
    let ms = run("سحبت تركيا يوم الثلاثاء قواتها من العراق.", "ar", PUBLISHED);
    assert!(
        has(&ms, EventType::Retreat, "TUR", Some("IRQ")).is_some(),
        "{ms:?}"
    );
    // The police named without a state are the forces of the place's state.
    let ms = run(
        "فرقت الشرطة يوم الثلاثاء المحتجين في الخرطوم.",
        "ar",
        PUBLISHED,
    );
    let m = ms
        .iter()
        .find(|m| m.source.code == "SDN")
        .unwrap_or_else(|| panic!("{ms:?}"));
    assert_eq!(m.event_type, EventType::Assault, "{ms:?}");
    assert_eq!(m.target.as_ref().map(|t| t.code.as_str()), Some("SDNCIV"));
}

#[test]
fn ar_malian_army_and_counted_fighters() {
    // "مالي" alone is also "financial": the army's phrase names the state,
    // and "مسلحا" after a count is the fighters struck.
    let ms = run(
        "قتل الجيش المالي يوم الثلاثاء 25 مسلحا في منطقة تمبكتو.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Assault, "MLI", Some("MLIREB")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "قدمت السعودية الدعم المالي إلى اليمن يوم الثلاثاء.",
        "ar",
        PUBLISHED,
    );
    assert!(
        !ms.iter()
            .any(|m| m.source.code == "MLI" || m.target.as_ref().is_some_and(|t| t.code == "MLI")),
        "{ms:?}"
    );
}

#[test]
fn ar_counted_protesters_arrested_are_no_protest() {
    let ms = run(
        "اعتقلت الشرطة التونسية يوم الثلاثاء 15 متظاهرا في صفاقس.",
        "ar",
        PUBLISHED,
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Coerce && m.source.code == "TUN"),
        "{ms:?}"
    );
    assert!(
        !ms.iter().any(|m| m.event_type == EventType::Protest),
        "{ms:?}"
    );
}

#[test]
fn ar_joint_exercises_and_the_veto() {
    let ms = run(
        "أجرت مصر والسعودية يوم الثلاثاء مناورات عسكرية مشتركة.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Cooperate, "EGY", Some("SAU")).is_some(),
        "{ms:?}"
    );
    let ms = run(
        "استخدمت الصين يوم الثلاثاء حق النقض ضد قرار مجلس الأمن بشأن ميانمار.",
        "ar",
        PUBLISHED,
    );
    assert!(
        has(&ms, EventType::Reject, "CHN", Some("UN")).is_some(),
        "{ms:?}"
    );
}

#[test]
fn ar_people_named_by_what_they_are_and_broken_plural_demonyms() {
    // "20 طالبا" (students) are civilians of the place's state; "آلاف
    // المغاربة" are Moroccans, not their government.
    let ms = run(
        "اختطف مسلحون 15 طالبا في شمال الكاميرون يوم الثلاثاء.",
        "ar",
        PUBLISHED,
    );
    assert!(
        ms.iter().any(|m| m.event_type == EventType::Assault
            && m.target.as_ref().is_some_and(|t| t.code == "CMRCIV")),
        "{ms:?}"
    );
    let ms = run(
        "تظاهر آلاف المغاربة في الدار البيضاء يوم الثلاثاء ضد الغلاء.",
        "ar",
        PUBLISHED,
    );
    assert!(
        ms.iter()
            .any(|m| m.event_type == EventType::Protest && m.source.code == "MARCIV"),
        "{ms:?}"
    );
}
