"""The loader's entry points: load, validate, init and report.

A load is one database transaction: every problem raises :class:`LaadFout` (Dutch, with
file, line and field) and nothing changes. Reloading the same data changes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from bot.catalogue import repository
from bot.catalogue.db import maak_engine, migreer
from bot.catalogue.fouten import CatalogusFout
from bot.rules import Recht, Veroudering, bouw_catalogus, verouderde_parameters
from bot.settings import Settings
from bot.vocabulary import laad_vocabulaire
from catalogus_loader.bronnen import HttpInstellingen, Voortgang, lees_bronnen
from catalogus_loader.fouten import LaadFout
from catalogus_loader.records import Bundel
from catalogus_loader.synchroniseren import LaadResultaat, synchroniseer


def http_instellingen(instellingen: Settings) -> HttpInstellingen:
    return HttpInstellingen(api_url=instellingen.ipdc_api_url, api_key=instellingen.ipdc_api_key)


def _lees(
    bronnen: Sequence[str | Path] | None,
    instellingen: Settings,
    voortgang: Voortgang | None,
    client: httpx.Client | None,
) -> Bundel:
    """Read the sources (default: the bundled catalogue); raise when any file is wrong."""
    lijst = list(bronnen) if bronnen else [instellingen.catalogus_pad]
    bundel = lees_bronnen(
        lijst, http=http_instellingen(instellingen), voortgang=voortgang, client=client
    )
    if bundel.problemen:
        raise LaadFout(bundel.problemen)
    return bundel


def laad(
    engine: Engine,
    bronnen: Sequence[str | Path] | None = None,
    *,
    instellingen: Settings | None = None,
    volledig: bool = False,
    voortgang: Voortgang | None = None,
    client: httpx.Client | None = None,
) -> LaadResultaat:
    """Load files, folders or URLs (default: the bundled ``catalogus/``) into the database.

    Migrates the schema first. ``volledig``: the sources are the whole catalogue, so
    products and rule files that are not in them are removed. Raises :class:`LaadFout`.
    """
    instellingen = instellingen or Settings()
    bundel = _lees(bronnen, instellingen, voortgang, client)
    try:
        migreer(engine)
        with Session(engine, expire_on_commit=False) as sessie, sessie.begin():
            return synchroniseer(
                sessie, bundel, catalogus_pad=instellingen.catalogus_pad, volledig=volledig
            )
    except SQLAlchemyError as fout:
        oorzaak = getattr(fout, "orig", None) or fout
        raise CatalogusFout(f"De databank gaf een fout; er is niets gewijzigd. {oorzaak}") from fout


def valideer(
    bronnen: Sequence[str | Path] | None = None,
    *,
    instellingen: Settings | None = None,
    voortgang: Voortgang | None = None,
    client: httpx.Client | None = None,
) -> LaadResultaat:
    """Check sources without touching the real database: they are loaded into an empty
    in-memory database (with the bundled code lists and municipalities) and thrown away."""
    instellingen = instellingen or Settings()
    bundel = _lees(bronnen, instellingen, voortgang, client)
    engine = maak_engine("sqlite://", poolclass=StaticPool)
    try:
        migreer(engine)
        with Session(engine) as sessie:
            sessie.begin()
            try:
                return synchroniseer(sessie, bundel, catalogus_pad=instellingen.catalogus_pad)
            finally:
                sessie.rollback()
    finally:
        engine.dispose()


def rapport(engine: Engine) -> repository.Dekking:
    """Coverage: products with rules, products without rules, rules for unknown products."""
    with Session(engine) as sessie:
        return repository.dekking(sessie)


def verouderd_rapport(engine: Engine, peildatum: date) -> list[tuple[Recht, Veroudering]]:
    """Indexed amounts and limits whose newest value is over a year old (or past a known
    indexation) on ``peildatum``, per right: they need a newer, sourced value."""
    with Session(engine) as sessie:
        invoer = repository.motor_invoer(sessie)
    catalogus = bouw_catalogus(invoer.regelbestanden, laad_vocabulaire())
    return verouderde_parameters(catalogus, peildatum)


def contact_rapport(engine: Engine) -> repository.ContactDekking:
    """Contact points: the general line, municipalities with and without their own contact."""
    with Session(engine) as sessie:
        return repository.contact_dekking(sessie)
