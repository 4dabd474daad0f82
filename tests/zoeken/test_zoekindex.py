"""The search index on small documents: stems, synonyms, typos, compounds, little words,
field weights, ties; and the word list's checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.zoeken import Zoekdocument, Zoekindex, Zoekwoorden, ZoekwoordenFout, laad_zoekwoorden
from bot.zoeken.woorden import zoekwoorden_uit_tekst

DOCUMENTEN = [
    Zoekdocument(
        id="zorg",
        naam="Zorgbudget voor mensen met een handicap",
        samenvatting="Een bedrag per maand voor wie ondersteuning nodig heeft.",
    ),
    Zoekdocument(
        id="energie",
        naam="Sociaal tarief voor elektriciteit en aardgas",
        zoektermen=("energiefactuur",),
    ),
    Zoekdocument(id="water", naam="Sociaal tarief voor water", synoniemen=("waterfactuur",)),
    Zoekdocument(id="huur", naam="Huurpremie", voor_wie=("Huurders met een laag inkomen",)),
]
WOORDEN = Zoekwoorden(
    synoniemen={"gasrekening": ("aardgas",), "vaste lijn": ("telefoon",)},
    stopwoorden=frozenset({"ik", "mijn", "te", "de", "voor", "een", "met"}),
)


@pytest.fixture(scope="module")
def index() -> Zoekindex:
    return Zoekindex(DOCUMENTEN, WOORDEN)


def _ids(index: Zoekindex, vraag: str) -> list[str]:
    return [t.id for t in index.zoek(vraag)]


@pytest.mark.parametrize(
    ("vraag", "eerst"),
    [
        ("hulp voor mijn gehandicapte zoon", "zorg"),  # stem: gehandicapte -> handicap
        ("gasrekening te hoog", "energie"),  # synonym from the word list
        ("ELEKTRICITEIT", "energie"),  # case does not matter
        ("elektriciteyt", "energie"),  # a typo
        ("huurpremeie", "huur"),  # two letters swapped
        ("watertarief", "water"),  # a compound of two known words
        ("laag inkomen en ik huur", "huur"),
    ],
)
def test_vindt_het_recht(index: Zoekindex, vraag: str, eerst: str) -> None:
    assert _ids(index, vraag)[0] == eerst


@pytest.mark.parametrize("vraag", ["", "ik", "mijn de een", "fiets", "xyz", "meter"])
def test_niets_als_geen_woord_past(index: Zoekindex, vraag: str) -> None:
    assert index.zoek(vraag) == []


def test_de_naam_weegt_meer_dan_de_samenvatting() -> None:
    index = Zoekindex(
        [
            Zoekdocument(id="b", naam="Premie", samenvatting="voor wie thuis zorgt"),
            Zoekdocument(id="a", naam="Zorgpremie thuis", samenvatting="een premie"),
        ]
    )
    assert _ids(index, "thuis")[0] == "a"


def test_gelijke_scores_op_id() -> None:
    index = Zoekindex([Zoekdocument(id=i, naam="Premie") for i in ("c", "a", "b")])
    assert _ids(index, "premie") == ["a", "b", "c"]


def test_dekking_telt_de_zinvolle_woorden(index: Zoekindex) -> None:
    treffer = index.zoek("mijn waterfactuur of de fiets")[0]
    assert treffer.id == "water"
    # "waterfactuur", "of", "fiets": "of" is no little word in this list
    assert treffer.dekking == pytest.approx(1 / 3)


def test_synoniem_van_meer_woorden(index: Zoekindex) -> None:
    gelezen = index.lees("korting op mijn vaste lijn")
    assert [w.woord for w in gelezen] == ["korting", "op", "vaste lijn"]


def test_lege_index() -> None:
    assert Zoekindex([]).zoek("huur") == []


def test_de_woordenlijst_van_het_project_is_geldig() -> None:
    woorden = laad_zoekwoorden()
    assert woorden.synoniemen["gehandicapt"] == ("handicap",)
    assert "mijn" in woorden.stopwoorden


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("synoniemen:\n  tandarts: dokter\n", "regel 2 (veld synoniemen.tandarts)"),
        ("synoniemen:\n  a: [x]\nwoorden: [b]\n", "Onbekend veld: 'woorden'"),
        ("synoniemen:\n  a: []\n", "regel 2 (veld synoniemen.a): Dit veld is leeg"),
        ("synoniemen:\n  Gas: [xx]\n  gas: [yy]\n", "regel 3: 'gas' staat er twee keer in"),
        ("synoniemen: [\n", "dit is geen geldige YAML"),
    ],
)
def test_fouten_in_de_woordenlijst_noemen_bestand_en_regel(tekst: str, melding: str) -> None:
    with pytest.raises(ZoekwoordenFout) as fout:
        zoekwoorden_uit_tekst(tekst, bron="synoniemen.yaml")
    assert str(fout.value).startswith("synoniemen.yaml")
    assert melding in str(fout.value)


def test_een_ontbrekende_woordenlijst_is_een_fout(tmp_path: Path) -> None:
    with pytest.raises(ZoekwoordenFout, match="kan niet gelezen worden"):
        laad_zoekwoorden(tmp_path / "synoniemen.yaml")
