"""Contact points in the catalogue database: loaded from the bundled file, then queried."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.catalogue import repository as repo
from bot.settings import Settings
from catalogus_loader import laad

REPO = Path(__file__).resolve().parents[2]
CONTACTBESTAND = REPO / "catalogus" / "contactpunten.yaml"


def _laad_contactpunten(engine: Engine, catalogus: Path) -> None:
    laad(engine, [CONTACTBESTAND], instellingen=Settings(catalogus_pad=catalogus))


def _controleer(sessie: Session) -> None:
    assert repo.heeft_contactpunten(sessie)
    contacten = repo.contactpunten(sessie)
    assert contacten.algemeen is not None
    assert contacten.algemeen.telefoon == "1700"
    assert contacten.algemeen.omschrijving == (
        "het gratis informatienummer van de Vlaamse overheid"
    )
    brugge = contacten.voor("31005")
    assert brugge == repo.contactpunt(sessie, "31005")
    assert brugge is not None
    assert (brugge.naam, brugge.adres, brugge.telefoon) == (
        "OCMW Brugge",
        "Hoogstraat 9, Brugge",
        None,
    )
    assert brugge.bron_url == "https://www.ocmw-brugge.be/mantelzorgpremie"
    gent = contacten.voor("44021")
    assert gent is not None and gent.naam == "OCMW Gent"
    assert gent.bron_url.startswith("https://stad.gent/")
    # a municipality without an entry, and no municipality at all
    assert contacten.voor("11001") is None and repo.contactpunt(sessie, "11001") is None
    assert contacten.voor(None) is None

    dekking = repo.contact_dekking(sessie)
    assert dekking.algemeen is not None and dekking.algemeen.naam == "1700"
    met = {g.nis: p.naam for g, p in dekking.met_contact}
    assert met == {nis: c.naam for nis, c in contacten.per_gemeente.items()}
    assert len(met) + len(dekking.zonder_contact) == 304
    assert "11001" in {g.nis for g in dekking.zonder_contact}
    assert dekking.onbekende_gemeente == []


def test_contactpunten_uit_de_databank(basis_engine: Engine, basiscatalogus: Path) -> None:
    with Session(basis_engine) as sessie:
        assert not repo.heeft_contactpunten(sessie)
        leeg = repo.contactpunten(sessie)
        assert leeg.algemeen is None and leeg.voor("31005") is None
    _laad_contactpunten(basis_engine, basiscatalogus)
    with Session(basis_engine) as sessie:
        _controleer(sessie)


@pytest.mark.postgres
def test_contactpunten_op_postgres(pg_engine: Engine, basiscatalogus: Path) -> None:
    instellingen = Settings(catalogus_pad=basiscatalogus)
    laad(pg_engine, [basiscatalogus], instellingen=instellingen)
    _laad_contactpunten(pg_engine, basiscatalogus)
    assert laad(pg_engine, [CONTACTBESTAND], instellingen=instellingen).veranderd == 0
    with Session(pg_engine) as sessie:
        _controleer(sessie)
