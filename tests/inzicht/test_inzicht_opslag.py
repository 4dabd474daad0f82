"""Counting for the city's insight, on SQLite and PostgreSQL: an atomic increment, each
conversation once, questions once per right, screening runs as totals only."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session

from bot.catalogue.db import maak_engine, migreer, migreer_terug
from bot.catalogue.models import InzichtTelling
from bot.inzicht import (
    GETELD_RESULTAAT,
    InzichtFout,
    Sleutel,
    lees,
    maand_van,
    tel,
    tel_gevraagd,
    tel_resultaat,
    tel_screening,
)
from bot.inzicht.gesprek import gevraagd_merk
from bot.inzicht.opslag import afgesloten_tot, gemeenten_met_tellingen, vorige_maand

DAG = date(2026, 3, 15)
GENT, LEUVEN = "44021", "24062"


def alles(engine: Engine) -> dict[Sleutel, int]:
    with Session(engine) as sessie:
        return lees(sessie)


def test_maand_is_het_fijnste_tijdstip() -> None:
    assert maand_van(date(2026, 3, 1)) == "2026-03"
    assert maand_van(date(987, 12, 31)) == "0987-12"


def test_de_lopende_maand_blijft_verborgen_tot_ze_voorbij_is() -> None:
    assert vorige_maand(date(2026, 1, 7)) == "2025-12"
    assert vorige_maand(date(2026, 3, 31)) == "2026-02"
    assert afgesloten_tot(None, date(2026, 3, 31)) == "2026-02"
    assert afgesloten_tot("2026-06", date(2026, 3, 1)) == "2026-02"
    assert afgesloten_tot("2025-11", date(2026, 3, 1)) == "2025-11"


def test_tellen_telt_op(engine: Engine) -> None:
    sleutel = Sleutel(GENT, "2026-03", "leefloon", "waarschijnlijk", "gesprek")
    tel(engine, {sleutel: 2})
    tel(engine, {sleutel: 3, sleutel._replace(soort="mogelijk"): 1})
    tel(engine, {})  # nothing: no statement
    assert alles(engine) == {sleutel: 5, sleutel._replace(soort="mogelijk"): 1}


def test_tellen_tegelijk_verliest_niets(engine: Engine) -> None:
    """Many writers at once on the same cells: every increment is kept (one upsert each)."""
    a = Sleutel(GENT, "2026-03", "leefloon", "waarschijnlijk", "gesprek")
    b = a._replace(recht_id="vlaamse-huurpremie")

    def schrijf(n: int) -> None:
        # half of them name the cells in the other order
        tel(engine, {a: 1, b: 2} if n % 2 else {b: 2, a: 1})

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(schrijf, range(60)))
    assert alles(engine) == {a: 60, b: 120}


def test_onbekende_soort_of_bron_wordt_geweigerd(engine: Engine) -> None:
    with pytest.raises(InzichtFout, match="onbekende soort"):
        tel(engine, {Sleutel(GENT, "2026-03", "leefloon", "niet", "gesprek"): 1})
    with pytest.raises(InzichtFout, match="onbekende soort of bron"):
        tel(engine, {Sleutel(GENT, "2026-03", "leefloon", "gevraagd", "formulier"): 1})
    assert alles(engine) == {}


def test_een_gesprek_telt_een_keer(engine: Engine) -> None:
    merk = tel_resultaat(
        engine, [], GENT, ["leefloon", "leefloon"], ["vlaamse-huurpremie"], datum=DAG
    )
    assert merk == [GETELD_RESULTAAT]
    # the same conversation shows its result again (or after a correction): nothing more
    assert tel_resultaat(engine, merk, GENT, ["leefloon", "ocmw"], [], datum=DAG) is None
    # another conversation, without a municipality
    assert tel_resultaat(engine, [], None, ["leefloon"], [], datum=DAG) == [GETELD_RESULTAAT]
    assert alles(engine) == {
        Sleutel(GENT, "2026-03", "leefloon", "waarschijnlijk", "gesprek"): 1,
        Sleutel(GENT, "2026-03", "vlaamse-huurpremie", "mogelijk", "gesprek"): 1,
        Sleutel("onbekend", "2026-03", "leefloon", "waarschijnlijk", "gesprek"): 1,
    }


def test_een_vraag_telt_een_keer_per_recht(engine: Engine) -> None:
    merk = tel_gevraagd(engine, [], GENT, ["leefloon"], DAG)
    assert merk == [gevraagd_merk("leefloon")]
    assert tel_gevraagd(engine, merk, GENT, ["leefloon"], DAG) is None
    merk2 = tel_gevraagd(engine, merk, GENT, ["leefloon", "vlaamse-huurpremie"], DAG)
    assert merk2 == [gevraagd_merk("leefloon"), gevraagd_merk("vlaamse-huurpremie")]
    # the result of that conversation still counts once
    merk3 = tel_resultaat(engine, merk2, GENT, ["leefloon"], [], datum=DAG)
    assert merk3 is not None and GETELD_RESULTAAT in merk3
    assert alles(engine) == {
        Sleutel(GENT, "2026-03", "leefloon", "gevraagd", "gesprek"): 1,
        Sleutel(GENT, "2026-03", "vlaamse-huurpremie", "gevraagd", "gesprek"): 1,
        Sleutel(GENT, "2026-03", "leefloon", "waarschijnlijk", "gesprek"): 1,
    }


def test_screening_telt_alleen_totalen(engine: Engine) -> None:
    tel_screening(
        engine,
        {
            (GENT, "leefloon", "waarschijnlijk"): 11,
            (None, "leefloon", "waarschijnlijk"): 2,
            (LEUVEN, "vlaamse-huurpremie", "mogelijk"): 4,
        },
        DAG,
    )
    tel_screening(engine, {(GENT, "leefloon", "waarschijnlijk"): 1}, DAG)
    assert alles(engine) == {
        Sleutel(GENT, "2026-03", "leefloon", "waarschijnlijk", "screening"): 12,
        Sleutel("onbekend", "2026-03", "leefloon", "waarschijnlijk", "screening"): 2,
        Sleutel(LEUVEN, "2026-03", "vlaamse-huurpremie", "mogelijk", "screening"): 4,
    }


def test_lezen_per_gemeente_en_maanden(engine: Engine) -> None:
    for maand in ("2025-12", "2026-01", "2026-02"):
        for gemeente in (GENT, LEUVEN):
            tel(engine, {Sleutel(gemeente, maand, "leefloon", "gevraagd", "gesprek"): 1})
    with Session(engine) as sessie:
        gent = lees(sessie, gemeente=GENT, van="2026-01")
        assert {(s.gemeente, s.maand) for s in gent} == {(GENT, "2026-01"), (GENT, "2026-02")}
        tot = lees(sessie, van="2025-12", tot="2026-01")
        assert {s.maand for s in tot} == {"2025-12", "2026-01"} and len(tot) == 4
        assert gemeenten_met_tellingen(sessie) == [LEUVEN, GENT]
        tel(engine, {Sleutel("11002", "2026-03", "leefloon", "gevraagd", "gesprek"): 1})
        assert gemeenten_met_tellingen(sessie, tot="2026-02") == [LEUVEN, GENT]
        assert gemeenten_met_tellingen(sessie) == ["11002", LEUVEN, GENT]


def test_de_tabel_kent_geen_persoon(engine: Engine) -> None:
    """Only the cell and its count: no session, no time, no profile, no text."""
    kolommen = {k["name"] for k in inspect(engine).get_columns("inzicht_telling")}
    assert kolommen == {"gemeente", "maand", "recht_id", "soort", "bron", "aantal"}
    tel_resultaat(engine, [], GENT, ["leefloon"], [], datum=DAG)
    with Session(engine) as sessie:
        rij = sessie.scalars(select(InzichtTelling)).one()
    assert (rij.maand, rij.aantal) == ("2026-03", 1)


def test_migratie_0005_op_een_databank_van_0003(tmp_path: Path) -> None:
    """0005 adds only the counts table to a database of 0003, and takes only it away."""
    engine = maak_engine(f"sqlite:///{tmp_path / 'oud.db'}")
    try:
        migreer(engine, "0003")
        oud = set(inspect(engine).get_table_names())
        assert "inzicht_telling" not in oud
        migreer(engine, "0005")
        assert set(inspect(engine).get_table_names()) == oud | {"inzicht_telling"}
        migreer_terug(engine, "0003")
        assert set(inspect(engine).get_table_names()) == oud
    finally:
        engine.dispose()
