//! Language identification with the shipped function-word lists: the fast
//! guess must name each lexicon language on a plain news paragraph, agree with
//! the trigram model, and stay silent on languages the lexicon doesn't have.

use std::path::Path;

use flashpoint::ingest::lang;
use flashpoint::lexicon::{FunctionWords, Lexicon};

fn lexicon() -> Lexicon {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("config/lexicon");
    Lexicon::load(&dir).expect("shipped lexicons load")
}

/// Paragraphs written for this test, one per lexicon language.
const PARAGRAPHS: [(&str, &str); 6] = [
    (
        "en",
        "The foreign ministry said on Tuesday that it had summoned the ambassador after a patrol \
         boat was fired on near the disputed island. Officials of the coast guard said that two \
         sailors were wounded and that the vessel had been towed back to port, where it was \
         inspected by investigators from the navy.",
    ),
    (
        "id",
        "Kementerian luar negeri mengatakan pada hari Selasa bahwa pihaknya telah memanggil duta \
         besar setelah sebuah kapal patroli ditembaki di dekat pulau yang disengketakan. Menurut \
         penjaga pantai, dua pelaut terluka dan kapal itu sudah ditarik kembali ke pelabuhan untuk \
         diperiksa oleh penyidik dari angkatan laut.",
    ),
    (
        "fr",
        "Le ministère des affaires étrangères a indiqué mardi qu'il avait convoqué l'ambassadeur \
         après des tirs sur un patrouilleur près de l'île contestée. Selon les garde-côtes, deux \
         marins ont été blessés et le navire a été remorqué jusqu'au port, où il est inspecté par \
         des enquêteurs de la marine.",
    ),
    (
        "tr",
        "Dışişleri bakanlığı salı günü yaptığı açıklamada, tartışmalı adanın yakınında bir devriye \
         botuna ateş açılması üzerine büyükelçiyi bakanlığa çağırdığını bildirdi. Sahil güvenlik \
         yetkilileri iki denizcinin yaralandığını ve geminin limana çekildiğini, burada donanma \
         müfettişleri tarafından incelendiğini söyledi. Bakanlık ayrıca olayın ciddi bir ihlal \
         olduğunu ve bu konuda gerekli adımların atılacağını belirtti, ancak daha fazla ayrıntı \
         vermedi.",
    ),
    (
        "ru",
        "Министерство иностранных дел заявило во вторник, что вызвало посла после того, как по \
         патрульному катеру был открыт огонь у спорного острова. Как сообщили в береговой охране, \
         два моряка были ранены, а судно было отбуксировано в порт, где его осматривают \
         следователи флота. Также было заявлено, что это уже не первый такой случай с начала года.",
    ),
    (
        "es",
        "El ministerio de asuntos exteriores dijo el martes que había convocado al embajador tras \
         los disparos contra una patrullera cerca de la isla disputada. Según la guardia costera, \
         dos marineros resultaron heridos y el buque fue remolcado al puerto, donde lo inspeccionan \
         los investigadores de la marina.",
    ),
];

#[test]
fn function_words_name_every_lexicon_language() {
    let lex = lexicon();
    for (want, text) in PARAGRAPHS {
        assert_eq!(lex.function_words().guess(text), Some(want), "{text}");
        // The fast guess and the trigram model agree.
        assert_eq!(
            lang::detect(text, &FunctionWords::default()),
            want,
            "{text}"
        );
        assert_eq!(lang::detect(text, lex.function_words()), want, "{text}");
    }
}

#[test]
fn other_languages_go_to_the_model() {
    let lex = lexicon();
    let others = [
        (
            "de",
            "Das Außenministerium teilte am Dienstag mit, es habe den Botschafter einbestellt, \
             nachdem in der Nähe der umstrittenen Insel auf ein Patrouillenboot geschossen worden \
             war. Nach Angaben der Küstenwache wurden zwei Seeleute verletzt und das Schiff in den \
             Hafen geschleppt, wo es von Ermittlern der Marine untersucht wird.",
        ),
        (
            "pt",
            "O ministério dos negócios estrangeiros disse na terça-feira que tinha convocado o \
             embaixador depois de disparos contra um barco de patrulha perto da ilha disputada. \
             Segundo a guarda costeira, dois marinheiros ficaram feridos e o navio foi rebocado \
             até ao porto, onde está a ser inspecionado por investigadores da marinha.",
        ),
    ];
    for (want, text) in others {
        assert_eq!(lex.function_words().guess(text), None, "{text}");
        assert_eq!(lang::detect(text, lex.function_words()), want, "{text}");
    }
}

#[test]
fn a_short_item_of_names_is_read_by_its_function_words() {
    let lex = lexicon();
    // Mostly names: trigram counts alone take it for another language.
    let text =
        "Report\n2023-08-15\n\nTurkish President Recep Tayyip Erdogan met Russian President \
                Vladimir Putin in Sochi on Monday.";
    assert_eq!(lang::detect(text, lex.function_words()), "en", "{text}");
}
