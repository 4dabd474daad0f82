"""The advice table (leefloon_gevallen.yaml): every situation gets the expected advice,
no situation with a failing condition gets "toekenning", and the share of "toekenning"
is printed (``pytest -s``) and kept in a plausible range."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.advies import Advies, AdviesRegels, geef_advies
from bot.rules import Catalogus, Status, evalueer
from bot.vocabulary import Vocabulaire

TABEL = yaml.safe_load(Path(__file__).with_name("leefloon_gevallen.yaml").read_text("utf-8"))
GEVALLEN: list[dict[str, Any]] = TABEL["gevallen"]


def _profiel(geval: dict[str, Any], vocabulaire: Vocabulaire) -> dict[str, Any]:
    ruw = {**TABEL["basis"], **geval.get("profiel", {})}
    for sleutel in geval.get("weg", ()):
        ruw.pop(sleutel, None)
    return vocabulaire.valideer_profiel(ruw)


def _datum(geval: dict[str, Any]) -> date:
    return date.fromisoformat(geval.get("datum", TABEL["datum"]))


def test_de_tabel_heeft_minstens_30_gevallen_van_elke_soort() -> None:
    assert len(GEVALLEN) >= 30
    soorten = {g["verwacht"]["advies"] for g in GEVALLEN}
    assert soorten == {a.value for a in Advies}
    assert len({g["naam"] for g in GEVALLEN}) == len(GEVALLEN), "namen zijn uniek"


@pytest.mark.parametrize("geval", GEVALLEN, ids=[g["naam"] for g in GEVALLEN])
def test_geval(
    geval: dict[str, Any], catalogus: Catalogus, regels: AdviesRegels, vocabulaire: Vocabulaire
) -> None:
    profiel = _profiel(geval, vocabulaire)
    advies = geef_advies(profiel, catalogus, regels, _datum(geval))
    verwacht = geval["verwacht"]
    punten = [p.punt for p in advies.te_onderzoeken]
    assert advies.advies.value == verwacht["advies"], (punten, advies.uitleg)
    for veld in ("categorie", "bedrag_maand", "bedrag_na_middelen"):
        if veld in verwacht:
            assert getattr(advies, veld) == pytest.approx(verwacht[veld]), veld
    for punt in verwacht.get("punten", ()):
        assert punt in punten
    if advies.advies is Advies.TOEKENNING:
        assert advies.categorie and advies.bedrag_maand and advies.bedrag_na_middelen is not None
        assert not advies.te_onderzoeken
        assert any("Bron: https://" in t for t in advies.uitleg), "het bedrag is geciteerd"
    elif advies.advies is Advies.VERDER_SOCIAAL_ONDERZOEK:
        assert advies.te_onderzoeken, "zeg wat er na te gaan is"
        assert advies.bedrag_na_middelen is None
    else:
        assert advies.categorie is None and advies.bedrag_maand is None
        tekst = " ".join(advies.uitleg)
        assert "aanvraag" in tekst and "beslissing op papier" in tekst and "beroep" in tekst
    # never against the engine
    status = evalueer(profiel, catalogus, _datum(geval), alleen=frozenset(["leefloon"]))
    status = status.uitkomst("leefloon").status  # type: ignore[union-attr]
    assert (advies.advies is Advies.GEEN_RECHT) == (status is Status.NIET)
    if advies.advies is Advies.TOEKENNING:
        assert status is Status.WAARSCHIJNLIJK


def test_geen_toekenning_als_een_voorwaarde_faalt(
    catalogus: Catalogus, regels: AdviesRegels, vocabulaire: Vocabulaire
) -> None:
    ids = {v.id for v in regels.voorwaarden}
    falend = [g for g in GEVALLEN if g.get("faalt")]
    assert len(falend) >= 5
    toegekend = []
    for geval in falend:
        assert set(geval["faalt"]) <= ids, geval["faalt"]
        advies = geef_advies(_profiel(geval, vocabulaire), catalogus, regels, _datum(geval))
        if advies.advies is Advies.TOEKENNING:
            toegekend.append(geval["naam"])
    print(
        f"\nGevallen met een voorwaarde die faalt: {len(falend)}, met toekenning: {len(toegekend)}"
    )
    assert not toegekend


def test_aandeel_toekenning(
    catalogus: Catalogus, regels: AdviesRegels, vocabulaire: Vocabulaire
) -> None:
    """The study the issue cites (KU Leuven, 12 OCMWs): about a third of the applications
    could get a "toekenning" advice at once. The table is no sample of applications, but a
    share far from that would mean the rules are too loose or too strict."""
    uitkomsten = [
        geef_advies(_profiel(g, vocabulaire), catalogus, regels, _datum(g)).advies for g in GEVALLEN
    ]
    aantal = {a: uitkomsten.count(a) for a in Advies}
    aandeel = aantal[Advies.TOEKENNING] / len(uitkomsten)
    print(
        f"\nLeefloonadvies over {len(uitkomsten)} gevallen: "
        + ", ".join(f"{a.value} {n}" for a, n in aantal.items())
        + f"; aandeel toekenning {aandeel:.0%}"
    )
    assert 0.2 <= aandeel <= 0.5
