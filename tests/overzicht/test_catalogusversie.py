"""The catalogue version on the overview: the same catalogue gives the same code anywhere;
a changed rule file gives another."""

from __future__ import annotations

import re

import pytest
from bereide_diensten import bereide_diensten
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.catalogue.models import RechtRegel
from bot.catalogue.versie import catalogusversie


def test_zelfde_catalogus_zelfde_versie_gewijzigde_regel_andere(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    with bereide_diensten(tmp_path_factory, "versie-a") as a:
        versie_a = a.versie
    with bereide_diensten(tmp_path_factory, "versie-b") as b:
        assert b.versie is not None and versie_a is not None
        assert re.fullmatch(r"[0-9a-f]{8}", b.versie.code)
        assert b.versie.code == versie_a.code
        assert b.versie.geladen_op is not None
        with Session(b.engine) as sessie:
            assert catalogusversie(sessie).code == b.versie.code
            eerste = sessie.scalars(select(RechtRegel.recht_id).limit(1)).one()
            sessie.execute(
                update(RechtRegel).where(RechtRegel.recht_id == eerste).values(inhoud_hash="0" * 64)
            )
            assert catalogusversie(sessie).code != b.versie.code
            sessie.rollback()
