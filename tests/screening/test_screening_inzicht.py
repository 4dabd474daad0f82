"""A screening run adds its totals per municipality to the city's anonymous insight: once
per run, never a row (command line, one process and several)."""

from __future__ import annotations

from pathlib import Path

import pytest
from huishoudens import (
    ALLEEN_LAAG,
    HOOG_INKOMEN,
    KRIJGT_LEEFLOON,
    PEILDATUM,
    SLECHTE_CEL,
    schrijf_csv,
)
from sqlalchemy.orm import Session

from bot.__main__ import main
from bot.diensten import Diensten
from bot.inzicht import Sleutel, lees
from bot.tijd import vandaag

GENT, BRUGGE = "44021", "31005"


@pytest.fixture(autouse=True)
def databank(databank_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", databank_url)
    monkeypatch.delenv("PEILDATUM", raising=False)


def screening_tellingen(diensten: Diensten) -> dict[Sleutel, int]:
    with Session(diensten.engine) as sessie:
        return {s: n for s, n in lees(sessie).items() if s.bron == "screening"}


@pytest.mark.parametrize("werkers", ["1", "2"])
def test_een_run_telt_per_gemeente(
    werkers: str, diensten: Diensten, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    voor = screening_tellingen(diensten)
    rijen = [ALLEEN_LAAG] * 3 + [KRIJGT_LEEFLOON, SLECHTE_CEL, HOOG_INKOMEN]
    bestand = schrijf_csv(tmp_path / "in.csv", rijen)
    assert main(["screen", str(bestand), "--datum", PEILDATUM, "--werkers", werkers]) == 0
    capsys.readouterr()
    na = screening_tellingen(diensten)
    maand = vandaag().strftime("%Y-%m")  # the month of the run, not the peildatum
    verschil = {s: n - voor.get(s, 0) for s, n in na.items() if n != voor.get(s, 0)}
    leefloon = Sleutel(GENT, maand, "leefloon", "waarschijnlijk", "screening")
    assert verschil[leefloon] == 3  # three rows alone on a low income; not the one who has it
    assert {s.gemeente for s in verschil} <= {GENT, BRUGGE}
    assert {s.maand for s in verschil} == {maand}
    assert {s.soort for s in verschil} <= {"waarschijnlijk", "mogelijk"}
