"""The test cases of the rule files: ``tests/regels/<id>.yaml`` against ``catalogus/regels/``.

Each case file is a list of cases for the right ``<id>``::

    - naam: alleenstaande met een laag inkomen
      datum: 2025-06-01
      profiel: {leeftijd: 30, gemeente: "44021", netto_maandinkomen_gezin: 900}
      verwacht: {status: waarschijnlijk, bedrag: 1288.46}

Optional expectations besides ``status`` and ``bedrag``:

* ``reden``: a piece of the one-line reason (``RechtUitkomst.reden``), e.g. "inkomen";
* ``opmerking``: a piece of a note on a condition or on the amount, e.g. "dicht bij de
  grens" or "het kan intussen hoger zijn";
* ``via``: the rights it holds through, e.g. ``[inkomensgarantie-ouderen]`` (``[]``: none);
* ``vraagt``: attributes that must be among those still open (what would decide it);
* ``vraagt_niet``: attributes that must not be open (e.g. the income, asked again).

One pytest case per case (id ``<file>::<naam>``). A failure explains, in the words of
the rule file, which conditions held, failed or stayed unknown.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.rules import Catalogus, RechtUitkomst, Status, VoorwaardeUitkomst, bouw_catalogus, evalueer
from bot.vocabulary import ProfielFout, Vocabulaire, laad_vocabulaire
from catalogus_loader.regels import lees_regelbestand

ROOT = Path(__file__).resolve().parents[1]
REGELS = ROOT / "catalogus" / "regels"
GEVALLEN = ROOT / "tests" / "regels"
GEMEENTEN_CSV = ROOT / "catalogus" / "gemeenten" / "gemeenten-2025.csv"
BEDRAG_MARGE = 0.01
VELDEN = {"naam", "datum", "profiel", "verwacht"}


def _gevallen() -> list[Any]:
    """Every case of every case file, as pytest parameters; a broken file is one failing case."""
    params = []
    for pad in sorted(GEVALLEN.glob("*.yaml")):
        try:
            inhoud = yaml.safe_load(pad.read_text(encoding="utf-8"))
        except yaml.YAMLError as fout:
            params.append(pytest.param(pad, None, f"Dit is geen geldige YAML: {fout}", id=pad.stem))
            continue
        if not isinstance(inhoud, list) or not inhoud:
            fout = "Het bestand moet een lijst van testgevallen zijn (- naam: …)."
            params.append(pytest.param(pad, None, fout, id=pad.stem))
            continue
        for i, geval in enumerate(inhoud):
            naam = geval.get("naam") if isinstance(geval, dict) else None
            params.append(
                pytest.param(pad, geval, None, id=f"{pad.stem}::{naam or f'geval {i + 1}'}")
            )
    if not params:
        params.append(
            pytest.param(None, None, None, marks=pytest.mark.skip(reason="tests/regels/ is leeg"))
        )
    return params


@pytest.fixture(scope="session")
def vocabulaire() -> Vocabulaire:
    return laad_vocabulaire()


@pytest.fixture(scope="session")
def catalogus(vocabulaire: Vocabulaire) -> Catalogus:
    """The bundled rules, read like the catalogue loader reads them (with line numbers)."""
    regelbestanden = []
    problemen = []
    for pad in sorted(REGELS.glob("*.yaml")):
        bron = str(pad.relative_to(ROOT))
        record, fouten, _ = lees_regelbestand(pad.read_text(encoding="utf-8"), bron)
        problemen += [str(f) for f in fouten]
        if record is not None:
            regelbestanden.append(record.definitie)
    if problemen:
        pytest.fail("De regelbestanden kloppen niet:\n" + "\n".join(problemen), pytrace=False)
    return bouw_catalogus(regelbestanden, vocabulaire, gemeentenamen=_gemeentenamen())


def _gemeentenamen() -> dict[str, str]:
    if not GEMEENTEN_CSV.is_file():
        return {}
    with GEMEENTEN_CSV.open(encoding="utf-8", newline="") as bestand:
        return {rij["nis"]: rij["naam"] for rij in csv.DictReader(bestand)}


def _datum(waarde: Any) -> date:
    if isinstance(waarde, date):
        return waarde
    return date.fromisoformat(str(waarde))


@pytest.mark.parametrize(("bestand", "geval", "bestandsfout"), _gevallen())
def test_regelgeval(bestand: Path, geval: Any, bestandsfout: str | None, catalogus, vocabulaire):
    waar = str(bestand.relative_to(ROOT))
    if bestandsfout:
        pytest.fail(f"{waar}: {bestandsfout}", pytrace=False)
    if not isinstance(geval, dict) or not set(geval) >= VELDEN:
        ontbreekt = sorted(VELDEN - set(geval)) if isinstance(geval, dict) else sorted(VELDEN)
        pytest.fail(f"{waar}: een testgeval mist {', '.join(ontbreekt)}.", pytrace=False)
    recht_id = bestand.stem
    if catalogus.recht(recht_id) is None:
        pytest.fail(
            f"{waar}: er is geen recht '{recht_id}' (catalogus/regels/{recht_id}.yaml).",
            pytrace=False,
        )
    verwacht = geval["verwacht"] or {}
    geldig = {s.value for s in Status}
    if verwacht.get("status") not in geldig:
        pytest.fail(
            f"{waar}, '{geval['naam']}': verwacht.status moet een van {sorted(geldig)} zijn.",
            pytrace=False,
        )
    try:
        profiel = vocabulaire.valideer_profiel(geval["profiel"] or {})
        profielfout = None
    except ProfielFout as fout:
        profiel, profielfout = {}, str(fout)
    if profielfout:
        pytest.fail(
            f"{waar}, '{geval['naam']}': het profiel klopt niet: {profielfout}", pytrace=False
        )
    datum = _datum(geval["datum"])

    evaluatie = evalueer(profiel, catalogus, datum, alleen=frozenset({recht_id}))
    uitkomst = evaluatie.uitkomst(recht_id)
    assert uitkomst is not None

    problemen = []
    if uitkomst.status != verwacht["status"]:
        problemen.append(f"status: verwacht {verwacht['status']}, gekregen {uitkomst.status}")
    if "bedrag" in verwacht:
        gewenst = verwacht["bedrag"]
        if gewenst is None:
            if uitkomst.bedrag is not None:
                problemen.append(f"bedrag: verwacht geen bedrag, gekregen {uitkomst.bedrag}")
        elif uitkomst.bedrag is None or abs(uitkomst.bedrag - gewenst) > BEDRAG_MARGE:
            problemen.append(f"bedrag: verwacht {gewenst}, gekregen {uitkomst.bedrag}")
    problemen += _extra(verwacht, uitkomst)
    if problemen:
        pytest.fail(_melding(waar, geval, profiel, datum, uitkomst, problemen), pytrace=False)


def _extra(verwacht: dict[str, Any], uitkomst: RechtUitkomst) -> list[str]:
    """The optional expectations: reden, opmerking, via, vraagt, vraagt_niet."""
    problemen = []
    if "reden" in verwacht:
        reden = uitkomst.reden.tekst if uitkomst.reden else ""
        if str(verwacht["reden"]).lower() not in reden.lower():
            problemen.append(f"reden: verwacht '{verwacht['reden']}' in '{reden}'")
    if "opmerking" in verwacht:
        alle = [o for v in uitkomst.voorwaarden for o in v.alle_opmerkingen()]
        alle.append(uitkomst.bedrag_tekst or "")
        if not any(str(verwacht["opmerking"]).lower() in o.lower() for o in alle):
            problemen.append(f"opmerking: verwacht '{verwacht['opmerking']}' in {alle}")
    if "via" in verwacht and list(uitkomst.via_rechten) != list(verwacht["via"] or []):
        problemen.append(f"via: verwacht {verwacht['via']}, gekregen {list(uitkomst.via_rechten)}")
    for a in verwacht.get("vraagt") or []:
        if a not in uitkomst.open_attributen:
            problemen.append(f"vraagt: '{a}' is niet open ({sorted(uitkomst.open_attributen)})")
    for a in verwacht.get("vraagt_niet") or []:
        if a in uitkomst.open_attributen:
            problemen.append(f"vraagt_niet: '{a}' is nog open")
    return problemen


_TEKEN = {"voldaan": "✔", "niet_voldaan": "✘", "onbekend": "?"}


def _melding(
    waar: str,
    geval: dict[str, Any],
    profiel: dict[str, Any],
    datum: date,
    uitkomst: RechtUitkomst,
    problemen: list[str],
) -> str:
    """What a policy officer needs to see why the case fails."""
    regels = [
        f"{waar}: testgeval '{geval['naam']}' klopt niet.",
        *(f"  {p}" for p in problemen),
        f"  peildatum: {datum.isoformat()}",
        f"  profiel: {profiel}",
        f"Uitleg bij '{uitkomst.recht.naam}' ({uitkomst.status}):",
    ]
    for v in uitkomst.voorwaarden:
        regels += _voorwaarde(v, "  ")
    if uitkomst.bedrag_tekst:
        regels.append(f"  bedrag: {uitkomst.bedrag_tekst}")
    if uitkomst.via_rechten:
        regels.append(f"  via: {', '.join(uitkomst.via_rechten)}")
    if uitkomst.reden:
        regels.append(f"  reden: {uitkomst.reden.tekst}")
    if uitkomst.open_attributen:
        regels.append(f"  nog te vragen: {', '.join(sorted(uitkomst.open_attributen))}")
    return "\n".join(regels)


def _voorwaarde(v: VoorwaardeUitkomst, inspringing: str) -> list[str]:
    regels = [f"{inspringing}{_TEKEN.get(v.status, '?')} [{v.status}] {v.id}: {v.tekst}"]
    regels += [f"{inspringing}    (benadering) {b}" for b in v.benaderingen]
    regels += [f"{inspringing}    (opmerking) {o}" for o in v.opmerkingen]
    for onderdeel in v.onderdelen:
        regels += _voorwaarde(onderdeel, inspringing + "    ")
    return regels
