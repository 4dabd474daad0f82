"""Bouw de Nederlandse spaCy-pijplijn van de NLU: de map ``models/spacy_nl/`` (niet in git).

``config.yml`` laadt die map met ``SpacyNLP``. spaCy's volledige Nederlandse pijplijn
``nl_core_news_sm`` staat niet op PyPI en we downloaden niets tijdens het draaien. Daarom:

- Is ``nl_core_news_sm`` toch geïnstalleerd (als pakket, in ``.venv-rasa``), dan begint
  de map daarmee (woordsoorten, lemmatizer, statistische entiteiten).
- Anders begint ze met spaCy's Nederlandse taalklasse (``spacy.blank("nl")``: tokenizer,
  stopwoorden, getalwoorden) en een opzoek-lemmatizer met de Nederlandse tabellen van
  ``spacy-lookups-data``: de opzoektabel plus de uitzonderingslijsten per woordsoort
  ("kinderen" -> "kind", "ben" -> "zijn"). Zonder woordsoorten kan spaCy's eigen
  regel-lemmatizer niet werken; de uitzonderingen zijn het deel dat er zonder kan.
- In beide gevallen komt er een ``entity_ruler`` bij met patronen uit de bronnen van
  waarheid: ``gemeente`` (``catalogus/gemeenten/``: gemeenten, Franse namen, vroegere
  gemeenten, deelgemeenten), ``recht`` (namen en synoniemen uit ``catalogus/regels/``) en
  elk keuze-attribuut van ``bot/vocabulary/attributen.yaml`` (trefwoorden uit
  ``actions/normaliseren/trefwoorden.yaml`` en de knopteksten; het ``id`` is de waarde).
  Een ontkend trefwoord ("niet werkloos", "ik huur niet") krijgt het label ``ontkend``,
  dat ``config.yml`` niet doorgeeft: zo telt het niet, net als in de trefwoordenlezer.

De bronnen lezen we met de code van het project (Python 3.11, ``.venv``); spaCy 3.4
draait in ``.venv-rasa`` (Python 3.10). Daarom twee stappen, zoals
``scripts/train_bot.sh`` ze uitvoert:

    .venv/bin/python scripts/bouw_spacy_nl.py patronen   # bronnen -> models/spacy_nl.bronnen.json
    .venv-rasa/bin/python scripts/bouw_spacy_nl.py bouw  # -> models/spacy_nl/

``bouw`` doet niets als de map al gebouwd is uit dezelfde invoer (bronnen, dit script,
de versies van spaCy, spacy-lookups-data en nl_core_news_sm): de hash staat in
``models/spacy_nl/bouw.stamp``. ``--forceer`` bouwt toch.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from importlib import metadata, util
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
STANDAARD_BRONNEN = REPO / "models" / "spacy_nl.bronnen.json"
STANDAARD_DOEL = REPO / "models" / "spacy_nl"
STAMP = "bouw.stamp"

VOLLEDIG_MODEL = "nl_core_news_sm"
LABEL_GEMEENTE = "gemeente"
LABEL_RECHT = "recht"
LABEL_ONTKEND = "ontkend"
"""Een ontkend trefwoord: de ruler vindt het, maar ``config.yml`` laat het label weg."""
ONTKENNING_VOOR = ("niet", "geen", "nooit")
ONTKENNING_NA = ("niet", "nooit")
"""Zoals de trefwoordenlezer (``actions/normaliseren/trefwoorden.py``)."""
WOORDSOORTEN = ("noun", "verb", "adj", "adv", "adp", "det", "pron")
"""Volgorde waarin de uitzonderingslijsten van spacy-lookups-data voorgaan."""
_AFKORTING = re.compile(r"[A-Z0-9]{2,5}")


class BronFout(ValueError):
    """Een bron klopt niet; de melding noemt het bestand en het probleem."""


# -- stap 1: bronnen (Python 3.11, met de code van het project) ------------------------------


def lees_bronnen(repo: Path = REPO) -> dict[str, Any]:
    """Alle namen en trefwoorden voor de entity_ruler, met wat de bouwstap erover moet weten.

    ``namen``: lijst van ``{"label", "tekst", "id", "eigennaam", "vast"}``. ``eigennaam``:
    een plaatsnaam of afkorting (mag hoofdlettergevoelig zijn als ze ook een gewoon woord
    is); ``vast``: altijd hoofdletterongevoelig (centrumsteden). ``id`` is leeg als dezelfde
    tekst naar meer dan één waarde wijst.
    """
    namen: list[dict[str, Any]] = []
    namen += _gemeenten(repo / "catalogus" / "gemeenten")
    namen += _rechten(repo / "catalogus" / "regels")
    namen += _keuzes(
        repo / "bot" / "vocabulary" / "attributen.yaml",
        repo / "actions" / "normaliseren" / "trefwoorden.yaml",
    )
    return {"namen": _zonder_dubbele(namen)}


def _gemeenten(map_: Path) -> list[dict[str, Any]]:
    from catalogus_loader.gemeenten import bouw_gemeenten, lees_csv

    bestanden = [map_ / "gemeenten-2025.csv", map_ / "deelgemeenten.csv"]
    try:
        (_, gemeenten), (_, deelgemeenten) = (lees_csv(p.read_text("utf-8")) for p in bestanden)
    except OSError as fout:
        raise BronFout(f"{map_}: kan de gemeentelijsten niet lezen ({fout}).") from None
    data = bouw_gemeenten(gemeenten, str(bestanden[0]), deelgemeenten, str(bestanden[1]), None)
    if data.problemen:
        raise BronFout("; ".join(str(p) for p in data.problemen[:5]))
    naam_van = {g.nis: g.naam for g in data.gemeenten}
    steden = {n for g in data.gemeenten if g.centrumstad for n in (g.naam, g.naam_fr) if n}
    return [
        {
            "label": LABEL_GEMEENTE,
            "tekst": alias.naam,
            "id": naam_van[alias.nis],
            "eigennaam": True,
            "vast": alias.naam in steden,
            "voorrang": 0 if alias.type == "officieel" else 1,
        }
        for alias in data.aliassen
    ]


def _rechten(map_: Path) -> list[dict[str, Any]]:
    from catalogus_loader.regels import lees_regelbestand

    uit: list[dict[str, Any]] = []
    for pad in sorted(map_.glob("*.yaml")):
        record, problemen, _ = lees_regelbestand(pad.read_text("utf-8"), str(pad))
        if record is None:
            raise BronFout("; ".join(str(p) for p in problemen[:5]))
        kort = re.sub(r"\s*\([^)]*\)\s*$", "", record.naam)  # "Leefloon (Gent)" -> "Leefloon"
        for tekst in dict.fromkeys([record.naam, kort, *record.synoniemen]):
            afkorting = bool(_AFKORTING.fullmatch(tekst))
            uit.append(
                {
                    "label": LABEL_RECHT,
                    "tekst": tekst,
                    "id": record.recht_id,
                    "eigennaam": afkorting,
                    "vast": False,
                }
            )
    return uit


def _keuzes(vocabulaire_pad: Path, trefwoorden_pad: Path) -> list[dict[str, Any]]:
    from actions.normaliseren.trefwoorden import laad_trefwoorden
    from bot.vocabulary import AttribuutType, laad_vocabulaire

    vocabulaire = laad_vocabulaire(vocabulaire_pad)
    trefwoorden = laad_trefwoorden(trefwoorden_pad, vocabulaire)
    # Een knoptekst die als trefwoord al naar een andere keuze wijst ("Pensioen" als soort
    # inkomen, "pensioen" als werksituatie), laten we weg: zoals in scripts/genereer_nlu.py.
    bezet: dict[str, tuple[str, str]] = {}
    for naam, attribuut in sorted(vocabulaire.attributen.items()):
        if attribuut.type is AttribuutType.ENUM:
            for waarde, keuze in trefwoorden.attributen.get(naam, {}).items():
                for woord in keuze.trefwoorden:
                    bezet.setdefault(woord.casefold(), (naam, waarde))
    uit: list[dict[str, Any]] = []
    for naam, attribuut in sorted(vocabulaire.attributen.items()):
        if attribuut.type is not AttribuutType.ENUM:
            continue
        keuzes = trefwoorden.attributen.get(naam, {})
        for waarde, knop in sorted((attribuut.opties or {}).items()):
            woorden = keuzes[waarde].trefwoorden if waarde in keuzes else ()
            knoppen = [knop] if bezet.get(knop.casefold(), (naam, waarde)) == (naam, waarde) else []
            for tekst in [*woorden, *knoppen]:
                uit.append(
                    {"label": naam, "tekst": tekst, "id": waarde, "eigennaam": False, "vast": False}
                )
    return uit


def _zonder_dubbele(namen: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Eén naam per (label, tekst). Wijst dezelfde tekst naar meer waarden, dan wint de
    laagste ``voorrang`` (de officiële gemeentenaam); bij gelijke voorrang geen id."""
    per_sleutel: dict[tuple[str, str], dict[str, Any]] = {}
    for naam in namen:
        sleutel = (naam["label"], naam["tekst"])
        eerder = per_sleutel.get(sleutel)
        if eerder is None:
            per_sleutel[sleutel] = dict(naam)
            continue
        vast = eerder["vast"] or naam["vast"]
        voorrang = (naam.get("voorrang", 0), eerder.get("voorrang", 0))
        if voorrang[0] < voorrang[1]:
            per_sleutel[sleutel] = eerder = dict(naam)
        elif voorrang[0] == voorrang[1] and eerder["id"] != naam["id"]:
            eerder["id"] = ""
        eerder["vast"] = vast
    return sorted(
        ({k: v for k, v in n.items() if k != "voorrang"} for n in per_sleutel.values()),
        key=lambda n: (n["label"], n["tekst"]),
    )


def schrijf_bronnen(doel: Path, repo: Path = REPO) -> bool:
    """Schrijf de bronnen als JSON; ``False`` als het bestand al zo was (dan onaangeroerd)."""
    inhoud = json.dumps(lees_bronnen(repo), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if doel.exists() and doel.read_text("utf-8") == inhoud:
        return False
    doel.parent.mkdir(parents=True, exist_ok=True)
    tijdelijk = doel.with_suffix(".tmp")
    tijdelijk.write_text(inhoud, "utf-8")
    tijdelijk.replace(doel)
    return True


# -- stap 2: de pijplijn bouwen (Python 3.10, spaCy 3.4 in .venv-rasa) -----------------------


def _versie(pakket: str) -> str:
    try:
        return metadata.version(pakket)
    except metadata.PackageNotFoundError:
        return "-"


def heeft_volledig_model() -> bool:
    return util.find_spec(VOLLEDIG_MODEL) is not None


def bouw_hash(bronnen: Path) -> str:
    h = hashlib.sha256()
    h.update(bronnen.read_bytes())
    h.update(Path(__file__).read_bytes())
    for pakket in ("spacy", "spacy-lookups-data", VOLLEDIG_MODEL):
        h.update(f"{pakket}={_versie(pakket)}\n".encode())
    return h.hexdigest()


def zonder_accenten(tekst: str) -> str:
    ontleed = unicodedata.normalize("NFKD", tekst)
    return "".join(t for t in ontleed if not unicodedata.combining(t))


def varianten(tekst: str) -> list[str]:
    """De tekst, zonder accenten en met spaties voor koppeltekens ("Sint Amandsberg")."""
    uit = [" ".join(tekst.split())]
    uit.append(zonder_accenten(uit[0]))
    uit += [re.sub(r"\s*-\s*", " ", v).strip() for v in list(uit)]
    return list(dict.fromkeys(v for v in uit if v))


def gewone_woorden(tabellen: dict[str, Any]) -> set[str]:
    """Alle woorden uit de lemmatabellen en de stopwoorden: een plaatsnaam die ook zo'n
    woord is ("Meer", "Werken", "Peer", "As") telt alleen zoals geschreven (met hoofdletter)."""
    from spacy.lang.nl.stop_words import STOP_WORDS

    woorden = (
        set(STOP_WORDS) | set(tabellen["lemma_lookup"]) | set(tabellen["lemma_lookup"].values())
    )
    for naam in ("lemma_exc", "lemma_index"):
        for per_woordsoort in tabellen[naam].values():
            woorden.update(per_woordsoort)
    return woorden


def patronen(
    namen: list[dict[str, Any]], tokens: Any, gewoon: set[str]
) -> Iterator[dict[str, Any]]:
    """spaCy-patronen: zinnen op kleine letters; gewone woorden als plaatsnaam of afkorting
    alleen zoals geschreven; ontkende trefwoorden van een keuze met het label ``ontkend``."""
    for naam in namen:
        label, id_ = naam["label"], naam["id"]
        extra = {"id": id_} if id_ else {}
        for tekst in varianten(naam["tekst"]):
            woorden = [t.text for t in tokens(tekst)]
            exact = (
                naam["eigennaam"]
                and not naam["vast"]
                and (_AFKORTING.fullmatch(tekst) or (len(woorden) == 1 and tekst.lower() in gewoon))
            )
            if exact:
                yield {"label": label, "pattern": [{"ORTH": w} for w in woorden], **extra}
            else:
                yield {"label": label, "pattern": tekst, **extra}
            if label in (LABEL_GEMEENTE, LABEL_RECHT):
                continue
            kern = [{"LOWER": w.lower()} for w in woorden]
            yield {"label": LABEL_ONTKEND, "pattern": [{"LOWER": {"IN": ONTKENNING_VOOR}}, *kern]}
            yield {"label": LABEL_ONTKEND, "pattern": [*kern, {"LOWER": {"IN": ONTKENNING_NA}}]}


def lemmatabellen() -> dict[str, Any]:
    """De Nederlandse tabellen van spacy-lookups-data, als gewone dicts."""
    import spacy_lookups_data
    from spacy.util import load_language_data

    return {
        naam: load_language_data(spacy_lookups_data.nl[naam])
        for naam in ("lemma_lookup", "lemma_exc", "lemma_index")
    }


def opzoektabel(tabellen: dict[str, Any]) -> dict[str, str]:
    """Vorm -> lemma, zonder woordsoort (daarvoor is een getraind model nodig).

    De opzoektabel van spacy-lookups-data mist net de onregelmatige vormen ("kinderen",
    "gingen"): die staan in de uitzonderingen per woordsoort. Zonder woordsoort zijn die
    soms fout ("in" -> "innen", "school" -> "schuilen"), dus:

    - stopwoorden blijven zoals ze zijn ("in", "het", "en", "niet", "meer");
    - een uitzondering als zelfstandig naamwoord gaat voor ("kinderen" -> "kind");
    - een woord dat zelf een zelfstandig naamwoord of bijvoeglijk naamwoord is, blijft
      ("school", "recht", "gescheiden");
    - anders de opzoektabel ("woont" -> "wonen"), dan de andere uitzonderingen
      ("gingen" -> "gaan").
    """
    from spacy.lang.nl.stop_words import STOP_WORDS

    opzoek: dict[str, str] = tabellen["lemma_lookup"]
    uitzonderingen: dict[str, dict[str, list[str]]] = tabellen["lemma_exc"]
    index: dict[str, list[str]] = tabellen["lemma_index"]
    naamwoorden = set(index.get("noun", ())) | set(index.get("adj", ()))
    zelfstandig = uitzonderingen.get("noun", {})
    tabel: dict[str, str] = {}
    vormen = set(opzoek).union(*(set(u) for u in uitzonderingen.values()))
    for vorm in sorted(vormen):
        if vorm in STOP_WORDS:
            continue
        if zelfstandig.get(vorm):
            tabel[vorm] = zelfstandig[vorm][0]
        elif vorm in naamwoorden:
            continue
        elif vorm in opzoek:
            tabel[vorm] = opzoek[vorm]
        else:
            for woordsoort in WOORDSOORTEN:
                lemmas = uitzonderingen.get(woordsoort, {}).get(vorm)
                if lemmas:
                    tabel[vorm] = lemmas[0]
                    break
    return {vorm: lemma for vorm, lemma in tabel.items() if lemma != vorm}


def bouw(bronnen: Path, doel: Path) -> str:
    """Bouw de pijplijn in ``doel``; geeft een korte beschrijving terug."""
    # thinc laadt TensorFlow als het geïnstalleerd is (Rasa heeft het nodig); deze bouw
    # niet, en zonder is ze ~10 s sneller.
    sys.modules.setdefault("tensorflow", None)  # type: ignore[arg-type]
    import spacy
    from spacy.lookups import Lookups

    namen = json.loads(bronnen.read_text("utf-8"))["namen"]
    tabellen = lemmatabellen()
    if heeft_volledig_model():
        nlp = spacy.load(VOLLEDIG_MODEL)
        basis = f"{VOLLEDIG_MODEL} {_versie(VOLLEDIG_MODEL)}"
    else:
        nlp = spacy.blank("nl")
        lookups = Lookups()
        lookups.add_table("lemma_lookup", opzoektabel(tabellen))
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).initialize(lookups=lookups)
        tabellen_versie = _versie("spacy-lookups-data")
        basis = f'spacy.blank("nl") + opzoek-lemmatizer (spacy-lookups-data {tabellen_versie})'
    ruler = nlp.add_pipe(
        "entity_ruler",
        first=True,  # vóór "ner": die respecteert dan de gevonden namen
        config={"phrase_matcher_attr": "LOWER", "validate": True, "overwrite_ents": True},
    )
    lijst = list(patronen(namen, nlp.make_doc, gewone_woorden(tabellen)))
    ruler.add_patterns(lijst)  # type: ignore[attr-defined]
    nlp.meta["name"] = "rechtenverkenner_nl"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = (
        f"Gebouwd door scripts/bouw_spacy_nl.py: {basis} + entity_ruler ({len(lijst)} patronen)."
    )
    tijdelijk = doel.with_name(doel.name + ".tmp")
    shutil.rmtree(tijdelijk, ignore_errors=True)
    nlp.to_disk(tijdelijk)
    (tijdelijk / STAMP).write_text(bouw_hash(bronnen) + "\n")
    shutil.rmtree(doel, ignore_errors=True)
    tijdelijk.rename(doel)
    return nlp.meta["description"]


def is_actueel(bronnen: Path, doel: Path) -> bool:
    stamp = doel / STAMP
    return stamp.exists() and stamp.read_text().strip() == bouw_hash(bronnen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("stap", choices=["patronen", "bouw"])
    parser.add_argument("--bronnen", type=Path, default=STANDAARD_BRONNEN)
    parser.add_argument("--doel", type=Path, default=STANDAARD_DOEL)
    parser.add_argument("--forceer", action="store_true", help="bouw ook als alles actueel is")
    args = parser.parse_args(argv)
    try:
        if args.stap == "patronen":
            veranderd = schrijf_bronnen(args.bronnen)
            print(f"{args.bronnen}: {'geschreven' if veranderd else 'ongewijzigd'}")
            return 0
        if not args.bronnen.exists():
            raise BronFout(f"{args.bronnen} ontbreekt: voer eerst de stap 'patronen' uit.")
        if not args.forceer and is_actueel(args.bronnen, args.doel):
            print(f"{args.doel}: actueel")
            return 0
        print(f"{args.doel}: {bouw(args.bronnen, args.doel)}")
    except (OSError, ValueError) as fout:  # BronFout, VocabulaireFout, TrefwoordenFout
        print(f"FOUT: {fout}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
