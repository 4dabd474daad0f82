"""The same load and queries on a real PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from bot.catalogue import repository as repo
from bot.catalogue.db import (
    huidige_revisie,
    migreer,
    migreer_terug,
    nieuwste_revisie,
)
from bot.settings import Settings
from catalogus_loader import LaadFout, laad

pytestmark = pytest.mark.postgres


def test_laden_en_zoeken_op_postgres(pg_engine, testcatalogus: Path) -> None:
    instellingen = Settings(catalogus_pad=testcatalogus)
    eerste = laad(pg_engine, [testcatalogus], instellingen=instellingen)
    assert huidige_revisie(pg_engine) == nieuwste_revisie()
    assert eerste.producten.nieuw == 4 and eerste.regels.nieuw == 2
    assert eerste.gemeenten.nieuw == 304
    assert laad(pg_engine, [testcatalogus], instellingen=instellingen).veranderd == 0

    with Session(pg_engine) as sessie:
        assert {
            p.productnummer
            for p in repo.zoek_producten(sessie, q="VLOERisolatie", alleen_aangeboden=False)
        } == {"99"}
        assert {p.productnummer for p in repo.zoek_producten(sessie, q="financiele")} == {"10092"}
        leuven = repo.zoek_producten(sessie, gemeente="24062", alleen_aangeboden=False)
        assert {p.productnummer for p in leuven} == {"9", "99", "1502", "10092"}
        gent = repo.zoek_producten(sessie, gemeente="44021", alleen_aangeboden=False)
        assert "9" not in {p.productnummer for p in gent}
        assert [r.recht_id for r in repo.zoek_rechten(sessie, q="testvergoeding")] == [
            "proefpremie-leuven"
        ]
        info = repo.recht(sessie, "proefpremie-leuven")
        assert info.product is not None and info.product.productnummer == "9"
        p = repo.product(sessie, "99")
        assert p.laatst_gewijzigd is not None and p.laatst_gewijzigd.tzinfo is not None
        assert len(p.geografisch_nis) == 285
        register = repo.gemeente_register(sessie)
        assert register.resolve("Sint-Amandsberg").nis == "44021"
        assert register.resolve("Borsbeek").nis == "11002"
        invoer = repo.motor_invoer(sessie)
        assert len(invoer.regelbestanden) == 2


def _productnummers(engine) -> set[str]:
    with Session(engine) as sessie:
        return {p.productnummer for p in repo.zoek_producten(sessie, alleen_aangeboden=False)}


def test_rollback_op_postgres(pg_engine, basiscatalogus: Path, tmp_path: Path) -> None:
    instellingen = Settings(catalogus_pad=basiscatalogus)
    laad(pg_engine, [basiscatalogus], instellingen=instellingen)
    voor = _productnummers(pg_engine)
    assert len(voor) == len(list((basiscatalogus / "producten").glob("*.json")))
    kapot = tmp_path / "kapot.json"
    kapot.write_text('{"productnummer": "7", "naam": ', "utf-8")
    goed = tmp_path / "goed.json"
    goed.write_text('{"productnummer": "8", "naam": {"nl": "Goed product"}}', "utf-8")
    with pytest.raises(LaadFout, match="geen geldige JSON"):
        laad(pg_engine, [goed, kapot], instellingen=instellingen)
    assert _productnummers(pg_engine) == voor  # "8" did not go in either
    # An unusable product is skipped, not a reason to fail: the good one goes in.
    kapot.write_text('{"productnummer": "7", "naam": {"nl": "X"}, "type": "Onbestaand"}', "utf-8")
    resultaat = laad(pg_engine, [goed, kapot], instellingen=instellingen)
    assert [o.sleutel for o in resultaat.overgeslagen] == ["7"]
    assert _productnummers(pg_engine) == voor | {"8"}


def test_migratie_op_postgres(pg_engine) -> None:
    migreer(pg_engine)
    migreer_terug(pg_engine)
    migreer(pg_engine)
    assert huidige_revisie(pg_engine) == nieuwste_revisie()
