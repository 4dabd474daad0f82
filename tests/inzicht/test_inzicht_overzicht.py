"""What the city sees: counts under 10 hidden, and never added to a sum that could give
them away (two month ranges, one municipality against all)."""

from __future__ import annotations

from bot.inzicht import Sleutel
from bot.inzicht.overzicht import DREMPEL, Cel, getal_tekst, per_recht


def naam(recht_id: str) -> str:
    return {"leefloon": "Leefloon", "vlaamse-huurpremie": "Vlaamse huurpremie"}.get(
        recht_id, recht_id
    )


def w(gemeente: str, maand: str, recht: str = "leefloon", aantal: int = 0) -> tuple[Sleutel, int]:
    return Sleutel(gemeente, maand, recht, "waarschijnlijk", "gesprek"), aantal


def test_een_aantal_onder_10_is_verborgen() -> None:
    assert DREMPEL == 10
    assert [getal_tekst(n) for n in (0, 1, 9, 10, 11)] == ["< 10"] * 3 + ["10", "11"]


def test_een_som_telt_alleen_wat_getoond_mag_worden() -> None:
    cel = Cel()
    assert cel.tekst == "< 10"
    for n in (3, 0):
        cel.voeg_toe(n)
    assert cel.tekst == "< 10"  # 3 stays hidden, also as a sum
    cel.voeg_toe(12)
    assert cel.tekst == "minstens 12"  # not 15: that would give away the 3
    alleen_groot = Cel()
    for n in (10, 25):
        alleen_groot.voeg_toe(n)
    assert alleen_groot.tekst == "35"
    kleintjes = Cel()
    for n in (4, 5, 6):  # 15 together, but each under 10
        kleintjes.voeg_toe(n)
    assert kleintjes.tekst == "< 10"


def test_twee_periodes_verraden_geen_kleine_maand() -> None:
    """Jan-Feb minus Jan must not reveal February's 3."""
    jan, feb = w("44021", "2026-01", aantal=40), w("44021", "2026-02", aantal=3)
    een = per_recht(dict([jan]), naam)[0].cellen[("gesprek", "waarschijnlijk")]
    twee = per_recht(dict([jan, feb]), naam)[0].cellen[("gesprek", "waarschijnlijk")]
    assert (een.tekst, twee.tekst) == ("40", "minstens 40")


def test_rijen_per_recht_meest_waarschijnlijk_eerst() -> None:
    tellingen = dict(
        [
            w("44021", "2026-01", "vlaamse-huurpremie", 30),
            w("44021", "2026-01", "leefloon", 12),
            w("24062", "2026-01", "leefloon", 4),
            (Sleutel("44021", "2026-01", "leefloon", "gevraagd", "gesprek"), 10),
            (Sleutel("44021", "2026-01", "leefloon", "mogelijk", "screening"), 9),
        ]
    )
    rijen = per_recht(tellingen, naam)
    assert [r.naam for r in rijen] == ["Vlaamse huurpremie", "Leefloon"]
    leefloon = {k: c.tekst for k, c in rijen[1].cellen.items()}
    assert leefloon == {
        ("gesprek", "waarschijnlijk"): "minstens 12",
        ("gesprek", "mogelijk"): "< 10",
        ("gesprek", "gevraagd"): "10",
        ("screening", "waarschijnlijk"): "< 10",
        ("screening", "mogelijk"): "< 10",
    }
