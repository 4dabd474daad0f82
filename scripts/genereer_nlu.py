"""Genereer Rasa-trainingsdata (NLU, formaat 3.1) uit de bronnen van waarheid.

Bronnen:
- ``bot/vocabulary/attributen.yaml``: de keuzes en hun knopteksten;
- ``actions/normaliseren/trefwoorden.yaml``: trefwoorden per keuze en korte antwoorden;
- ``catalogus/gemeenten/*.csv``: gemeenten, Franse namen, vroegere gemeenten en
  deelgemeenten.

Eerst controleert het script dat de trefwoorden bij de woordenlijst passen: elke keuze
van een keuze-attribuut (enum) heeft trefwoorden, elk ja/nee-attribuut (bool) staat in
het trefwoordenbestand, en er staat niets in dat de woordenlijst niet kent. Zo niet, dan
stopt het met een melding die het bestand en de sleutels noemt.

Uitvoer (in ``--uit``, standaard ``nlu_data/gegenereerd/``), elk bestand met de kopregel
"gegenereerd door scripts/genereer_nlu.py — niet met de hand bewerken":
- ``gemeenten.yml``: opzoektabel ``gemeente`` en voorbeelden "ik woon in [Gent](gemeente)";
- ``keuzes.yml``: per keuze-attribuut een opzoektabel, synoniemen (trefwoord -> waarde)
  en voorbeelden met de trefwoorden en de knopteksten;
- ``antwoorden.yml``: voorbeelden voor ja, nee en "weet ik niet", ook de knopteksten van
  de ja/nee-vragen.

Daarnaast schrijft het in ``domain.yml`` (``--domein``) de blokken tussen de
markeringen ``# >>> <naam>: gegenereerd ...`` en ``# <<< <naam>``: de entiteiten die uit
de woordenlijst volgen (``entiteiten``), de profielslots (``profielslots``) en de
gevraagde slots van het formulier (``formulierslots``), en in ``config.yml`` (``--config``)
de labels die ``SpacyEntityExtractor`` doorgeeft (``dimensies``). Een attribuut toevoegen
is zo één wijziging in ``attributen.yaml`` plus zijn trefwoorden. Met ``--controleer``
schrijft het niets en stopt het met een fout als ``domain.yml`` of ``config.yml`` niet bij
is.

De uitvoer is gesorteerd en hangt alleen af van de bronnen: twee keer draaien geeft
dezelfde bestanden. Oude gegenereerde bestanden in de map (met de kopregel) die niet meer
gemaakt worden, verdwijnen; andere bestanden blijven staan.

    .venv/bin/python scripts/genereer_nlu.py [--uit MAP] [--domein domain.yml] [--controleer]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from actions.normaliseren.trefwoorden import STANDAARD_PAD as TREFWOORDEN_PAD
from actions.normaliseren.trefwoorden import Trefwoorden, laad_trefwoorden
from bot.gemeenten import sleutel
from bot.vocabulary import STANDAARD_PAD as VOCABULAIRE_PAD
from bot.vocabulary import AttribuutType, GroepSoort, Vocabulaire, laad_vocabulaire

REPO = Path(__file__).resolve().parents[1]
STANDAARD_UIT = REPO / "nlu_data" / "gegenereerd"
STANDAARD_GEMEENTEN = REPO / "catalogus" / "gemeenten"
STANDAARD_DOMEIN = REPO / "domain.yml"
STANDAARD_CONFIG = REPO / "config.yml"

KOPREGEL = "# gegenereerd door scripts/genereer_nlu.py — niet met de hand bewerken"
VERSIE = "3.1"

INTENT_INFORM = "inform"
INTENT_JA = "affirm"
INTENT_NEE = "deny"
INTENT_WEET_NIET = "dont_know"
_INTENT_PER_ANTWOORD = {"ja": INTENT_JA, "nee": INTENT_NEE, "weet_niet": INTENT_WEET_NIET}

ENTITEIT_GEMEENTE = "gemeente"
GEMEENTE_ZINNEN = (
    "{}",
    "ik woon in {}",
    "in {}",
    "'k woon in {}",
    "ik woon te {}",
    "mijn gemeente is {}",
    "wij wonen in {}",
    "ik ben van {}",
    "woonachtig te {}",
    "we wonen in {} met de kinderen",
    "ik woon sinds kort in {}",
)
"""Zinnen voor de gemeentevoorbeelden; elke gemeente krijgt er één, op volgorde."""
DEELGEMEENTE_STAP = 7
"""Van de andere plaatsnamen (deelgemeenten enz.) wordt elke zevende een voorbeeld."""


# -- bronnen -------------------------------------------------------------------------------


class BronFout(ValueError):
    """Een bronbestand ontbreekt of klopt niet; de melding noemt het bestand."""


def lees_gemeentenamen(map_: Path) -> tuple[list[str], list[str]]:
    """(huidige officiële namen, alle andere plaatsnamen) uit de CSV-bestanden."""
    gemeenten = _lees_csv(map_ / "gemeenten-2025.csv", {"nis", "naam", "naam_fr"})
    deelgemeenten = _lees_csv(map_ / "deelgemeenten.csv", {"naam", "gemeente_nis"})
    officieel = [r["naam"] for r in sorted(gemeenten, key=lambda r: r["nis"])]
    andere: set[str] = set()
    for rij in gemeenten:
        if rij.get("naam_fr"):
            andere.add(rij["naam_fr"])
        for deel in filter(None, (rij.get("vroegere_gemeenten") or "").split("|")):
            andere.add(deel.rpartition(":")[0].strip())
    andere |= {r["naam"] for r in deelgemeenten if r["naam"]}
    andere -= set(officieel)
    return officieel, _gesorteerd(andere)


def _lees_csv(pad: Path, kolommen: set[str]) -> list[dict[str, str]]:
    try:
        with pad.open(encoding="utf-8-sig", newline="") as bestand:
            lezer = csv.DictReader(bestand)
            ontbreekt = kolommen - set(lezer.fieldnames or [])
            if ontbreekt:
                raise BronFout(f"{pad}: de kolommen {', '.join(sorted(ontbreekt))} ontbreken.")
            return [{k: (v or "").strip() for k, v in rij.items() if k} for rij in lezer]
    except OSError as fout:
        raise BronFout(f"{pad}: kan het bestand niet lezen ({fout}).") from None


def _gesorteerd(namen: Iterable[str]) -> list[str]:
    return sorted(set(namen), key=lambda n: (sleutel(n), n))


def controleer_trefwoorden(
    vocabulaire: Vocabulaire, trefwoorden: Trefwoorden, bron: Path | str
) -> None:
    """De sleutels van het trefwoordenbestand passen bij de woordenlijst.

    Elke keuze van een keuze-attribuut heeft trefwoorden, elk ja/nee-attribuut staat erin
    (met trefwoorden voor ja of nee), en het bestand noemt geen onbekende attributen.
    Een fout noemt het bestand en alle ontbrekende of onbekende sleutels.
    """
    problemen: list[str] = []
    for naam, attribuut in vocabulaire.attributen.items():
        if attribuut.type not in (AttribuutType.ENUM, AttribuutType.BOOL):
            continue
        keuzes = trefwoorden.attributen.get(naam)
        if keuzes is None:
            problemen.append(f"'{naam}' ontbreekt in 'attributen'")
            continue
        if attribuut.type is AttribuutType.ENUM:
            zonder = [
                w
                for w in (attribuut.opties or {})
                if w not in keuzes or not (keuzes[w].trefwoorden or keuzes[w].als_antwoord)
            ]
            if zonder:
                problemen.append(f"'{naam}' heeft geen trefwoorden voor {', '.join(zonder)}")
    for naam in trefwoorden.attributen:
        attribuut = vocabulaire.attributen.get(naam)
        if attribuut is None or attribuut.type not in (AttribuutType.ENUM, AttribuutType.BOOL):
            problemen.append(f"'{naam}' is geen keuze- of ja/nee-attribuut van de woordenlijst")
    for naam in trefwoorden.aankruisen:
        if naam not in vocabulaire.attributen:
            problemen.append(f"'aankruisen: {naam}' staat niet in de woordenlijst")
    if problemen:
        raise BronFout(
            f"{bron}: de trefwoorden passen niet bij de woordenlijst: " + "; ".join(problemen) + "."
        )


# -- opbouw --------------------------------------------------------------------------------


def _entiteit(tekst: str, entiteit: str, waarde: str | None = None) -> str:
    if waarde is None or waarde == tekst:
        return f"[{tekst}]({entiteit})"
    return f'[{tekst}]{{"entity": "{entiteit}", "value": "{waarde}"}}'


def _blok(soort: str, naam: str, voorbeelden: Iterable[str]) -> dict[str, str]:
    uniek = list(dict.fromkeys(" ".join(v.split()) for v in voorbeelden))
    return {soort: naam, "examples": "".join(f"- {v}\n" for v in uniek)}


def gemeenten_nlu(officieel: Sequence[str], andere: Sequence[str]) -> list[dict[str, str]]:
    voorbeelden = [
        GEMEENTE_ZINNEN[i % len(GEMEENTE_ZINNEN)].format(_entiteit(naam, ENTITEIT_GEMEENTE))
        for i, naam in enumerate(officieel)
    ]
    voorbeelden += [
        GEMEENTE_ZINNEN[i % len(GEMEENTE_ZINNEN)].format(_entiteit(naam, ENTITEIT_GEMEENTE))
        for i, naam in enumerate(andere[::DEELGEMEENTE_STAP])
    ]
    return [
        _blok("lookup", ENTITEIT_GEMEENTE, _gesorteerd([*officieel, *andere])),
        _blok("intent", INTENT_INFORM, voorbeelden),
    ]


def _keuze_attributen(vocabulaire: Vocabulaire) -> list[str]:
    return sorted(
        naam
        for naam, attribuut in vocabulaire.attributen.items()
        if attribuut.type is AttribuutType.ENUM
    )


def keuzes_nlu(vocabulaire: Vocabulaire, trefwoorden: Trefwoorden) -> list[dict[str, str]]:
    """Opzoektabellen, synoniemen en voorbeelden voor elk keuze-attribuut (enum).

    Rasa kent één synoniemenlijst (zonder hoofdletters): een knoptekst die als trefwoord
    al naar een andere waarde wijst ("Pensioen" als soort inkomen, "pensioen" als
    werksituatie), krijgt geen synoniem en geen voorbeeld; de knop zelf stuurt de waarde
    mee en de code leest het getypte antwoord.
    """
    attributen = _keuze_attributen(vocabulaire)
    bezet: dict[str, str] = {}
    for attribuut in attributen:
        for waarde, keuze in trefwoorden.attributen.get(attribuut, {}).items():
            for woord in keuze.trefwoorden:
                bezet.setdefault(woord.casefold(), waarde)
    lookups: list[dict[str, str]] = []
    synoniemen: list[dict[str, str]] = []
    voorbeelden: list[str] = []
    for attribuut in attributen:
        opties: Mapping[str, str] = vocabulaire.attributen[attribuut].opties or {}
        keuzes = trefwoorden.attributen.get(attribuut, {})
        alle_woorden: list[str] = []
        for waarde in sorted(opties):
            woorden = sorted(keuzes[waarde].trefwoorden) if waarde in keuzes else []
            knop = opties[waarde]
            knoppen = [knop] if bezet.get(knop.casefold(), waarde) == waarde else []
            alle_woorden += woorden
            if woorden or knoppen:
                synoniemen.append(_blok("synonym", waarde, [*woorden, *knoppen]))
            voorbeelden += [_entiteit(w, attribuut, waarde) for w in [*woorden, *knoppen]]
        if alle_woorden:
            lookups.append(_blok("lookup", attribuut, sorted(set(alle_woorden))))
    return [*lookups, *synoniemen, _blok("intent", INTENT_INFORM, voorbeelden)]


def antwoorden_nlu(vocabulaire: Vocabulaire, trefwoorden: Trefwoorden) -> list[dict[str, str]]:
    """Ja, nee en "weet ik niet", met de knopteksten van de ja/nee-vragen."""
    knoppen: dict[str, set[str]] = {"ja": set(), "nee": set()}
    for attribuut in vocabulaire.attributen.values():
        if attribuut.type is AttribuutType.BOOL and attribuut.opties:
            knoppen["ja"].add(attribuut.opties["true"])
            knoppen["nee"].add(attribuut.opties["false"])
    blokken = []
    for soort, intent in _INTENT_PER_ANTWOORD.items():
        woorden = [*sorted(trefwoorden.antwoorden[soort]), *sorted(knoppen.get(soort, ()))]
        blokken.append(_blok("intent", intent, woorden))
    return blokken


def vraaggroepen_nlu(vocabulaire: Vocabulaire, trefwoorden: Trefwoorden) -> list[dict[str, str]]:
    """Antwoorden op de vraaggroepen zijn ``inform``: de knopteksten (ook getypt), de
    voorbeelden in de vraag zelf ('Bijvoorbeeld "82, niet bij mij"'), de situaties van een
    aankruisvraag alleen en twee aan twee ("leefloon en mantelzorg")."""
    voorbeelden: list[str] = []
    for groep in vocabulaire.vraaggroepen.values():
        voorbeelden += [k.titel for k in groep.knoppen]
        voorbeelden += _VOORBEELD_IN_VRAAG.findall(groep.vraag)
        voorbeelden += [groep.labels[a] for a in groep.leden if a in groep.labels]
        woorden = [trefwoorden.aankruisen.get(a, ())[:1] for a in groep.leden]
        eerste = [w[0] for w in woorden if w]
        voorbeelden += eerste
        voorbeelden += [f"{a} en {b}" for a, b in zip(eerste, eerste[1:], strict=False)]
    return [_blok("intent", INTENT_INFORM, voorbeelden)] if voorbeelden else []


_VOORBEELD_IN_VRAAG = re.compile(r'"([^"]+)"')


def genereer(vocabulaire: Vocabulaire, trefwoorden: Trefwoorden, gemeenten: Path) -> dict[str, str]:
    """Bestandsnaam -> inhoud van alle gegenereerde bestanden."""
    officieel, andere = lees_gemeentenamen(gemeenten)
    return {
        "gemeenten.yml": _yaml(gemeenten_nlu(officieel, andere)),
        "keuzes.yml": _yaml(keuzes_nlu(vocabulaire, trefwoorden)),
        "antwoorden.yml": _yaml(antwoorden_nlu(vocabulaire, trefwoorden)),
        "vraaggroepen.yml": _yaml(vraaggroepen_nlu(vocabulaire, trefwoorden)),
    }


# -- domain.yml ----------------------------------------------------------------------------

DOMEIN_BEGIN = (
    "# >>> {}: gegenereerd door scripts/genereer_nlu.py uit attributen.yaml, niet bewerken"
)
DOMEIN_EINDE = "# <<< {}"


def domein_blokken(vocabulaire: Vocabulaire) -> dict[str, list[str]]:
    """Naam van het blok -> regels (zonder inspringing van het blok) in ``domain.yml``.

    - ``entiteiten``: de gemeente, de keuze-attributen (knoppen ``/inform{"woonsituatie":
      ...}`` en de NLU) en de attributen die knoppen van vraaggroepen invullen;
    - ``profielslots``: één slot per attribuut, in de volgorde van de woordenlijst;
    - ``formulierslots``: dezelfde sleutels, de gevraagde slots van ``profiel_form``.
    """
    attributen = vocabulaire.attributen
    entiteiten = [
        n for n, a in attributen.items() if a.type in (AttribuutType.GEMEENTE, AttribuutType.ENUM)
    ]
    uit_knoppen: list[str] = []
    for groep in vocabulaire.vraaggroepen.values():
        if groep.soort is GroepSoort.AANKRUISEN:
            uit_knoppen += groep.leden
        for knop in groep.knoppen:
            uit_knoppen += knop.waarden
    knopentiteiten = [n for n in attributen if n in uit_knoppen and n not in entiteiten]
    regels_entiteiten = [f"- {n}" for n in entiteiten]
    if knopentiteiten:
        regels_entiteiten.append(
            '# uit knoppen van vraaggroepen: /inform{"mantelzorger": true, ...}'
        )
        regels_entiteiten += [f"- {n}" for n in knopentiteiten]
    slots: list[str] = []
    for naam, attribuut in attributen.items():
        soort = "text" if attribuut.type is AttribuutType.GEMEENTE else "any"
        slots += [
            f"{naam}:",
            f"  type: {soort}",
            "  influence_conversation: false",
            "  mappings: [{type: custom}]",
        ]
    return {
        "entiteiten": regels_entiteiten,
        "profielslots": slots,
        "formulierslots": [f"- {n}" for n in attributen],
    }


def config_blokken(vocabulaire: Vocabulaire) -> dict[str, list[str]]:
    """Het blok ``dimensies`` in ``config.yml``: de labels van de entity_ruler die
    ``SpacyEntityExtractor`` doorgeeft (naast ``recht``): de gemeente en de keuzes."""
    namen = [
        n
        for n, a in vocabulaire.attributen.items()
        if a.type in (AttribuutType.GEMEENTE, AttribuutType.ENUM)
    ]
    return {"dimensies": [f"- {n}" for n in namen]}


def werk_domein_bij(tekst: str, vocabulaire: Vocabulaire, bron: Path | str) -> str:
    """``tekst`` (de inhoud van domain.yml) met de gegenereerde blokken vervangen."""
    return werk_blokken_bij(tekst, domein_blokken(vocabulaire), bron)


def werk_config_bij(tekst: str, vocabulaire: Vocabulaire, bron: Path | str) -> str:
    """``tekst`` (de inhoud van config.yml) met de gegenereerde blokken vervangen."""
    return werk_blokken_bij(tekst, config_blokken(vocabulaire), bron)


def werk_blokken_bij(tekst: str, blokken: Mapping[str, list[str]], bron: Path | str) -> str:
    """``tekst`` met elk blok tussen zijn markeringen vervangen (met hun inspringing)."""
    regels = tekst.splitlines()
    for naam, inhoud in blokken.items():
        begin_tekst, einde_tekst = DOMEIN_BEGIN.format(naam), DOMEIN_EINDE.format(naam)
        begin = [i for i, r in enumerate(regels) if r.strip() == begin_tekst]
        einde = [i for i, r in enumerate(regels) if r.strip() == einde_tekst]
        if len(begin) != 1 or len(einde) != 1 or einde[0] < begin[0]:
            raise BronFout(
                f"{bron}: de markeringen van het blok '{naam}' ontbreken of staan er meer dan "
                f"één keer; zet '{begin_tekst}' en '{einde_tekst}' rond het blok."
            )
        inspringing = regels[begin[0]][: len(regels[begin[0]]) - len(regels[begin[0]].lstrip())]
        regels[begin[0] + 1 : einde[0]] = [inspringing + r for r in inhoud]
    return "\n".join(regels) + "\n"


class _Dumper(yaml.SafeDumper):
    pass


def _tekst(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    stijl = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=stijl)


_Dumper.add_representer(str, _tekst)


def _yaml(nlu: list[dict[str, Any]]) -> str:
    lichaam = yaml.dump(
        {"nlu": nlu},
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=10_000,
        default_flow_style=False,
    )
    return f'{KOPREGEL}\nversion: "{VERSIE}"\n{lichaam}'


def schrijf(uit: Path, bestanden: Mapping[str, str]) -> list[Path]:
    """Schrijf de bestanden; ruim vroeger gegenereerde bestanden op die niet meer bestaan."""
    uit.mkdir(parents=True, exist_ok=True)
    for oud in sorted(uit.glob("*.yml")):
        if oud.name not in bestanden and _is_gegenereerd(oud):
            oud.unlink()
    geschreven = []
    for naam, inhoud in sorted(bestanden.items()):
        pad = uit / naam
        if not pad.exists() or pad.read_text(encoding="utf-8") != inhoud:
            pad.write_text(inhoud, encoding="utf-8")
        geschreven.append(pad)
    return geschreven


def _is_gegenereerd(pad: Path) -> bool:
    with pad.open(encoding="utf-8", errors="replace") as bestand:
        return bestand.readline().rstrip("\n") == KOPREGEL


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uit", type=Path, default=STANDAARD_UIT, help="uitvoermap")
    parser.add_argument("--gemeenten", type=Path, default=STANDAARD_GEMEENTEN)
    parser.add_argument("--vocabulaire", type=Path, default=VOCABULAIRE_PAD)
    parser.add_argument("--trefwoorden", type=Path, default=TREFWOORDEN_PAD)
    parser.add_argument("--domein", type=Path, default=STANDAARD_DOMEIN, help="domain.yml")
    parser.add_argument("--config", type=Path, default=STANDAARD_CONFIG, help="config.yml")
    parser.add_argument(
        "--controleer",
        action="store_true",
        help="niets schrijven; fout als domain.yml niet bij is met de woordenlijst",
    )
    args = parser.parse_args(argv)
    try:
        vocabulaire = laad_vocabulaire(args.vocabulaire)
        trefwoorden = laad_trefwoorden(args.trefwoorden, vocabulaire)
        controleer_trefwoorden(vocabulaire, trefwoorden, args.trefwoorden)
        bestanden = genereer(vocabulaire, trefwoorden, args.gemeenten)
        bijwerken = {}  # pad -> (oud, nieuw)
        for pad, werk_bij in ((args.domein, werk_domein_bij), (args.config, werk_config_bij)):
            try:
                oud = pad.read_text(encoding="utf-8")
            except OSError as fout:
                raise BronFout(f"{pad}: kan het bestand niet lezen ({fout}).") from None
            bijwerken[pad] = (oud, werk_bij(oud, vocabulaire, pad))
    except (OSError, ValueError) as fout:  # VocabulaireFout, TrefwoordenFout, BronFout
        print(f"FOUT: {fout}", file=sys.stderr)
        return 1
    if args.controleer:
        oud_bestanden = [pad for pad, (oud, nieuw) in bijwerken.items() if oud != nieuw]
        for pad in oud_bestanden:
            print(
                f"FOUT: {pad} is niet bij met de woordenlijst: "
                "voer .venv/bin/python scripts/genereer_nlu.py uit.",
                file=sys.stderr,
            )
        return 1 if oud_bestanden else 0
    for pad in schrijf(args.uit, bestanden):
        print(f"geschreven: {pad}")
    for pad, (oud, nieuw) in bijwerken.items():
        if nieuw != oud:
            pad.write_text(nieuw, encoding="utf-8")
            print(f"bijgewerkt: {pad}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
