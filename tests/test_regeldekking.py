"""Do the test cases of each right cover what a policy officer would check?

For every rule file in ``catalogus/regels/`` its cases in ``tests/regels/<id>.yaml``
must together: make every condition hold and fail (both sides of every limit), make
every route of an ``een_van`` hold (routes only a service can check excepted), leave
the right unknown at least once, try a Brussels address, and, when the right has
indexed amounts, evaluate on a date where one is stale. A failure names the right and
what no case reaches yet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_regelcases import catalogus, vocabulaire  # noqa: F401  (the shared fixtures)

from bot.rules import Catalogus, Status, VoorwaardeStatus, VoorwaardeUitkomst, evalueer
from bot.vocabulary import Vocabulaire

ROOT = Path(__file__).resolve().parents[1]
REGELS = ROOT / "catalogus" / "regels"
GEVALLEN = ROOT / "tests" / "regels"
BRUSSEL = {f"210{i:02d}" for i in range(1, 20)}

IDS = sorted(p.stem for p in REGELS.glob("*.yaml"))


def _gevallen(recht_id: str) -> list[dict[str, Any]]:
    pad = GEVALLEN / f"{recht_id}.yaml"
    if not pad.is_file():
        pytest.fail(f"{recht_id}: er is geen bestand tests/regels/{recht_id}.yaml", pytrace=False)
    return yaml.safe_load(pad.read_text(encoding="utf-8")) or []


def _datum(waarde: Any) -> date:
    return waarde if isinstance(waarde, date) else date.fromisoformat(str(waarde))


def _noteer(v: VoorwaardeUitkomst, pad: str, gezien: dict[str, set[VoorwaardeStatus]]) -> None:
    gezien.setdefault(pad, set()).add(v.status)
    for o in v.onderdelen:
        _noteer(o, f"{pad}/{o.id}", gezien)


def _verwacht(v, pad: str, route: bool) -> list[tuple[str, set[VoorwaardeStatus], bool]]:
    """(path, statuses it must reach, is a route) for a condition and its parts.

    A condition with a part only a service can check (``na_te_gaan``) is skipped where
    that part keeps it from ever holding or failing: a group with such a route never
    fails, and an expression with it is not required either way.
    """
    if v.na_te_gaan:
        return []
    if v.regel is not None and not v.attributen and not v.dynamisch:
        return []  # reads no answer and no right: nothing a case can change
    nodig = set()
    if not v.een_van or not all(o.na_te_gaan for o in v.een_van):
        nodig.add(VoorwaardeStatus.VOLDAAN)
    if not route and not any(o.na_te_gaan for o in v.een_van):
        nodig.add(VoorwaardeStatus.NIET_VOLDAAN)
    uit = [(pad, nodig, route)]
    for o in v.een_van:
        uit += _verwacht(o, f"{pad}/{o.id}", True)
    return uit


@pytest.mark.parametrize("recht_id", IDS)
def test_de_testgevallen_dekken_het_recht(
    recht_id: str,
    catalogus: Catalogus,  # noqa: F811 (the fixture)
    vocabulaire: Vocabulaire,  # noqa: F811 (the fixture)
):
    recht = catalogus.recht(recht_id)
    assert recht is not None
    gevallen = _gevallen(recht_id)
    gezien: dict[str, set[VoorwaardeStatus]] = {}
    statussen: set[Status] = set()
    brussel = oud = False
    for geval in gevallen:
        profiel = vocabulaire.valideer_profiel(geval.get("profiel") or {})
        datum = _datum(geval["datum"])
        uitkomst = evalueer(profiel, catalogus, datum, alleen=frozenset({recht_id})).uitkomst(
            recht_id
        )
        assert uitkomst is not None
        statussen.add(uitkomst.status)
        brussel |= profiel.get("gemeente") in BRUSSEL
        oud |= bool(uitkomst.verouderd)
        for v in uitkomst.voorwaarden:
            _noteer(v, v.id, gezien)

    ontbreekt = []
    for v in recht.voorwaarden:
        for pad, nodig, route in _verwacht(v, v.id, False):
            mist = nodig - gezien.get(pad, set())
            for status in sorted(mist):
                wat = "klopt" if status is VoorwaardeStatus.VOLDAAN else "klopt niet"
                soort = "route" if route else "voorwaarde"
                ontbreekt.append(f"geen geval waarin {soort} '{pad}' {wat}")
    if Status.MOGELIJK not in statussen:
        ontbreekt.append("geen geval met een onbekend antwoord (mogelijk)")
    if not brussel:
        ontbreekt.append("geen geval met een adres in Brussel")
    geindexeerd = any(p.indexering for p in recht.parameters.values())
    if geindexeerd and not oud:
        ontbreekt.append("geen geval op een datum waarop een bedrag oud is")
    assert not ontbreekt, f"tests/regels/{recht_id}.yaml:\n  " + "\n  ".join(ontbreekt)
