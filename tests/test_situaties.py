"""The table of whole situations (issue 10, "Proof"): ``tests/situaties/*.yaml``.

A policy officer's view: a household, a date, and the expected status of every right that
matters for it, written from the sources in ``../shared/`` (not from the rule files). Each
file is a list of situations::

    - naam: alleenstaande gepensioneerde met een klein pensioen
      datum: 2025-06-01
      bron: [https://www.sfpd.fgov.be/nl/recht-op-pensioen/igo]
      profiel: {leeftijd: 72, gemeente: "44021", netto_maandinkomen_gezin: 1000}
      verwacht: {inkomensgarantie-ouderen: waarschijnlijk, sociaal-tarief-energie: mogelijk}
      toelichting: waarom, in een of twee zinnen

``tests/situaties/soorten.yaml`` says which rights are means-tested or depend on a care need.

What fails:

* a false "niet": expected waarschijnlijk or mogelijk, got niet (for every right);
* a false "waarschijnlijk" for a means-tested or care-need right: expected mogelijk or niet,
  got waarschijnlijk;
* an agreement share below 80 % over the whole table;
* a profile that does not validate, an unknown right id, an unknown status, or a right that
  soorten.yaml does not classify (a typo must fail, not skip).

Other differences (e.g. expected waarschijnlijk, got mogelijk) are listed in the terminal
summary with the line "situaties: N, rechtsoordelen: M, gelijk: K (x %), vals niet: a,
vals waarschijnlijk: b".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

# The catalogue and vocabulary fixtures, and the explanation of a failure, are those of the
# rule-file cases (tests/ is on sys.path: pytest's rootdir-relative import of test modules).
from test_regelcases import _datum, _melding, catalogus, vocabulaire  # noqa: F401

from bot.rules import Catalogus, RechtUitkomst, Status, evalueer
from bot.vocabulary import ProfielFout, Vocabulaire

ROOT = Path(__file__).resolve().parents[1]
SITUATIES = ROOT / "tests" / "situaties"
SOORTEN = SITUATIES / "soorten.yaml"
VELDEN = {"naam", "datum", "bron", "profiel", "verwacht"}
MIN_OVEREENSTEMMING = 0.80
STRENG = {"middelentoets", "zorgnood"}  # a false "waarschijnlijk" fails for these
_BESTANDSFOUT = "__bestandsfout__"
_GELDIG = {s.value for s in Status}


def _lees() -> list[tuple[str, int, Any]]:
    """(file, index, situation) for every situation in every table file."""
    alles = []
    for pad in sorted(SITUATIES.glob("*.yaml")):
        if pad.name == SOORTEN.name:
            continue
        try:
            inhoud = yaml.safe_load(pad.read_text(encoding="utf-8"))
        except yaml.YAMLError as fout:
            inhoud = [{_BESTANDSFOUT: f"dit is geen geldige YAML: {fout}"}]
        if not isinstance(inhoud, list):
            inhoud = [inhoud]
        alles += [(pad.name, i, s) for i, s in enumerate(inhoud)]
    return alles


def _soorten() -> dict[str, str]:
    inhoud = yaml.safe_load(SOORTEN.read_text(encoding="utf-8")) or {}
    return {r: (v or {}).get("soort", "") for r, v in (inhoud.get("rechten") or {}).items()}


def _id(bestand: str, i: int, s: Any) -> str:
    naam = s.get("naam") if isinstance(s, dict) else None
    return f"{Path(bestand).stem}::{naam or f'situatie {i + 1}'}"


_ALLE = _lees()


@dataclass
class Oordeel:
    waar: str
    situatie: dict[str, Any]
    recht: str
    verwacht: str
    gekregen: str
    soort: str
    uitkomst: RechtUitkomst

    @property
    def vals_niet(self) -> bool:
        return self.gekregen == Status.NIET and self.verwacht in (
            Status.WAARSCHIJNLIJK,
            Status.MOGELIJK,
        )

    @property
    def vals_waarschijnlijk(self) -> bool:
        return self.gekregen == Status.WAARSCHIJNLIJK and self.verwacht in (
            Status.MOGELIJK,
            Status.NIET,
        )

    @property
    def faalt(self) -> bool:
        return self.vals_niet or (self.vals_waarschijnlijk and self.soort in STRENG)


@dataclass
class Tabel:
    oordelen: list[Oordeel] = field(default_factory=list)
    profielen: dict[str, dict[str, Any]] = field(default_factory=dict)
    fouten: list[str] = field(default_factory=list)

    def samenvatting(self) -> str:
        m = len(self.oordelen)
        k = sum(o.verwacht == o.gekregen for o in self.oordelen)
        a = sum(o.vals_niet for o in self.oordelen)
        b = sum(o.vals_waarschijnlijk for o in self.oordelen)
        pct = 100 * k / m if m else 0.0
        return (
            f"situaties: {len(_ALLE)}, rechtsoordelen: {m}, gelijk: {k} ({pct:.1f} %), "
            f"vals niet: {a}, vals waarschijnlijk: {b}"
        )


def _controleer(s: Any, soorten: dict[str, str], cat: Catalogus, voc: Vocabulaire) -> list[str]:
    """Everything wrong with the situation itself (not with the rules)."""
    if not isinstance(s, dict):
        return ["een situatie moet een mapping zijn (naam, datum, bron, profiel, verwacht)"]
    if _BESTANDSFOUT in s:
        return [s[_BESTANDSFOUT]]
    fouten = [f"veld ontbreekt: {v}" for v in sorted(VELDEN - set(s))]
    try:
        _datum(s.get("datum"))
    except (TypeError, ValueError):
        fouten.append(f"ongeldige datum: {s.get('datum')!r}")
    if not s.get("bron"):
        fouten.append("geen bron")
    try:
        voc.valideer_profiel(s.get("profiel") or {})
    except ProfielFout as fout:
        fouten.append(f"het profiel klopt niet: {fout}")
    verwacht = s.get("verwacht")
    if not isinstance(verwacht, dict) or not verwacht:
        fouten.append("verwacht moet rechten met hun status geven")
        verwacht = {}
    for recht, status in verwacht.items():
        if cat.recht(recht) is None:
            fouten.append(f"onbekend recht: {recht}")
        if recht not in soorten:
            fouten.append(f"{recht} staat niet in tests/situaties/soorten.yaml")
        if status not in _GELDIG:
            fouten.append(f"{recht}: status {status!r} is geen van {sorted(_GELDIG)}")
    return fouten


class _Verslag:
    """Adds the table's summary and its differences to pytest's terminal summary."""

    def __init__(self, tabel: Tabel) -> None:
        self.tabel = tabel

    def pytest_terminal_summary(self, terminalreporter) -> None:
        tr = terminalreporter
        tr.section("situatietabel (tests/situaties)")
        anders = [o for o in self.tabel.oordelen if o.verwacht != o.gekregen]
        for titel, keuze in (
            ("vals niet", [o for o in anders if o.vals_niet]),
            ("vals waarschijnlijk", [o for o in anders if o.vals_waarschijnlijk]),
            (
                "andere verschillen",
                [o for o in anders if not o.vals_niet and not o.vals_waarschijnlijk],
            ),
        ):
            if keuze:
                tr.write_line(f"{titel} ({len(keuze)}):")
                for o in keuze:
                    streng = " [faalt]" if o.faalt else ""
                    tr.write_line(
                        f"  {o.waar} | {o.recht}: verwacht {o.verwacht}, "
                        f"gekregen {o.gekregen}{streng}"
                    )
        tr.write_line(self.tabel.samenvatting())


@pytest.fixture(scope="session")
def tabel(request, catalogus: Catalogus, vocabulaire: Vocabulaire) -> Tabel:  # noqa: F811
    """Every situation evaluated once, at its own date."""
    soorten = _soorten()
    t = Tabel()
    gezien: set[str] = set()
    for bestand, i, s in _ALLE:
        waar = _id(bestand, i, s)
        fouten = _controleer(s, soorten, catalogus, vocabulaire)
        if waar in gezien:
            fouten.append("deze naam komt twee keer voor in het bestand")
        gezien.add(waar)
        if fouten:
            t.fouten += [f"{waar}: {f}" for f in fouten]
            continue
        profiel = vocabulaire.valideer_profiel(s["profiel"] or {})
        t.profielen[waar] = profiel
        evaluatie = evalueer(profiel, catalogus, _datum(s["datum"]))
        for recht, status in s["verwacht"].items():
            uitkomst = evaluatie.uitkomst(recht)
            assert uitkomst is not None, recht
            t.oordelen.append(
                Oordeel(waar, s, recht, status, str(uitkomst.status), soorten[recht], uitkomst)
            )
    naam = "situatietabel-verslag"
    if not request.config.pluginmanager.has_plugin(naam):
        request.config.pluginmanager.register(_Verslag(t), naam)
    return t


def test_tabel_is_geldig(tabel: Tabel):
    """Every profile validates, every right exists and is classified, every status is valid."""
    if len(_ALLE) < 60:
        tabel.fouten.append(f"de tabel heeft maar {len(_ALLE)} situaties (minstens 60)")
    if tabel.fouten:
        pytest.fail("De situatietabel klopt niet:\n" + "\n".join(tabel.fouten), pytrace=False)


@pytest.mark.parametrize(
    ("bestand", "index"), [(b, i) for b, i, _ in _ALLE], ids=[_id(*x) for x in _ALLE]
)
def test_situatie(bestand: str, index: int, tabel: Tabel):
    waar = _id(bestand, index, _situatie(bestand, index))
    if waar not in tabel.profielen:
        pytest.fail(
            f"{waar}: de situatie zelf klopt niet (zie test_tabel_is_geldig)", pytrace=False
        )
    fout = [o for o in tabel.oordelen if o.waar == waar and o.faalt]
    if not fout:
        return
    s = fout[0].situatie
    datum = _datum(s["datum"])
    delen = []
    for o in fout:
        soort = "vals niet" if o.vals_niet else f"vals waarschijnlijk ({o.soort})"
        probleem = f"{o.recht}: {soort}: verwacht {o.verwacht}, gekregen {o.gekregen}"
        bron = s["bron"] if isinstance(s["bron"], str) else ", ".join(s["bron"])
        delen.append(
            _melding(
                f"tests/situaties/{bestand}",
                s,
                tabel.profielen[waar],
                datum,
                o.uitkomst,
                [probleem, f"bron: {bron}"],
            )
        )
    if s.get("toelichting"):
        delen.append(f"toelichting: {s['toelichting'].strip()}")
    pytest.fail("\n\n".join(delen), pytrace=False)


def _situatie(bestand: str, index: int) -> Any:
    return next(s for b, i, s in _ALLE if b == bestand and i == index)


def test_overeenstemming(tabel: Tabel):
    """The table keeps meaning something: at least 80 % of the judgements agree."""
    m = len(tabel.oordelen)
    k = sum(o.verwacht == o.gekregen for o in tabel.oordelen)
    assert m, "geen rechtsoordelen"
    if k / m < MIN_OVEREENSTEMMING:
        pytest.fail(
            f"Maar {k / m:.0%} van de rechtsoordelen klopt (minstens "
            f"{MIN_OVEREENSTEMMING:.0%}): {tabel.samenvatting()}",
            pytrace=False,
        )
