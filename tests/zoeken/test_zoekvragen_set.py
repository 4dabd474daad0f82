"""The everyday test queries for plain-language search (tests/zoeken/zoekvragen.yaml) are fair:
enough of them, each expects a right that exists, and none names its right."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from zoekvragenset import zoekvragen

from bot.catalogue.tekst import zoeksleutel

MAP = Path(__file__).parent
REGELS = MAP.parents[1] / "catalogus" / "regels"
# little words a right's name shares with any sentence; they name nothing
_KLEINE_WOORDEN = frozenset(
    ["de", "het", "een", "en", "van", "voor", "met", "in", "op", "bij", "aan", "uit", "of", "te"]
)


def _rechten() -> dict[str, dict]:
    rechten = {}
    for pad in sorted(REGELS.glob("*.yaml")):
        with pad.open(encoding="utf-8") as f:
            definitie = yaml.safe_load(f)
        rechten[definitie["id"]] = definitie
    return rechten


def naamwoorden(recht_id: str, naam: str) -> set[str]:
    """The words of a right's name and id that a fair query may not contain."""
    woorden = set(zoeksleutel(naam).split()) | set(zoeksleutel(recht_id.replace("-", " ")).split())
    return {w for w in woorden if w not in _KLEINE_WOORDEN}


def noemt_naam(vraag: str, woorden: set[str]) -> set[str]:
    """Name words in the query: the same word, or a compound that starts with it
    ("leefloonaanvraag" names "leefloon")."""
    return {n for w in zoeksleutel(vraag).split() for n in woorden if w.startswith(n)}


def test_genoeg_vragen_en_elk_recht_bestaat() -> None:
    vragen = zoekvragen()
    rechten = _rechten()
    assert len(vragen) >= 60
    assert len({v["vraag"] for v in vragen}) == len(vragen), "dubbele vraag"
    onbekend = [v["verwacht"] for v in vragen if v["verwacht"] not in rechten]
    assert not onbekend
    # the queries spread over the catalogue (new rule files may come without queries)
    assert len({v["verwacht"] for v in vragen}) >= 25


def test_geen_vraag_noemt_de_naam_van_haar_recht() -> None:
    rechten = _rechten()
    fout = {
        v["vraag"]: sorted(gevonden)
        for v in zoekvragen()
        if (
            gevonden := noemt_naam(
                v["vraag"], naamwoorden(v["verwacht"], rechten[v["verwacht"]]["naam"])
            )
        )
    }
    assert not fout, f"vragen die de naam of id van hun recht noemen: {fout}"


@pytest.mark.parametrize(
    ("vraag", "woorden", "verwacht"),
    [
        ("leefloonaanvraag indienen", {"leefloon"}, {"leefloon"}),
        ("geen geld voor de huur", {"huurpremie", "vlaamse"}, set()),
        ("Vlaamse premie", {"huurpremie", "vlaamse"}, {"vlaamse"}),
    ],
)
def test_de_controle_zelf(vraag: str, woorden: set[str], verwacht: set[str]) -> None:
    assert noemt_naam(vraag, woorden) == verwacht
