"""The insight page as HTML (a table and a bar chart in SVG) and the CSV export.

No script and no inline style (the page lives under a strict Content-Security-Policy): the
look comes from ``stijl.css``; the bars are SVG rectangles whose size is an attribute.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urlencode

from bot.inzicht.opslag import ONBEKEND, Sleutel
from bot.inzicht.overzicht import DREMPEL, KOLOMMEN, RechtRij, getal_tekst

STIJL = Path(__file__).with_name("stijl.css")
STIJL_URL = "/beheer/inzicht/stijl.css"

KOPPEN = {
    ("gesprek", "waarschijnlijk"): "waarschijnlijk recht",
    ("gesprek", "mogelijk"): "mogelijk recht",
    ("gesprek", "gevraagd"): "vroeg ernaar",
    ("screening", "waarschijnlijk"): "waarschijnlijk recht",
    ("screening", "mogelijk"): "mogelijk recht",
}
MAX_IN_GRAFIEK = 15
"""Rights in the chart (the table has them all)."""

CSV_KOLOMMEN = ("gemeente_nis", "gemeente", "maand", "recht_id", "recht", "bron", "soort", "aantal")


@dataclass(frozen=True)
class Filter:
    gemeente: str | None = None
    """NIS code, ``onbekend``, or ``None`` for all municipalities."""
    van: str | None = None
    tot: str | None = None

    def query(self) -> str:
        delen = {"gemeente": self.gemeente, "van": self.van, "tot": self.tot}
        return urlencode({k: v for k, v in delen.items() if v})


def gemeente_naam(nis: str, namen: Mapping[str, str]) -> str:
    if nis == ONBEKEND:
        return "Gemeente niet genoemd"
    return namen.get(nis, nis)


def _keuzes(gemeenten: Sequence[str], namen: Mapping[str, str], gekozen: str | None) -> str:
    opties = ['<option value="">Alle gemeenten</option>']
    for nis in sorted(gemeenten, key=lambda n: (n == ONBEKEND, gemeente_naam(n, namen))):
        kies = " selected" if nis == gekozen else ""
        opties.append(
            f'<option value="{escape(nis)}"{kies}>{escape(gemeente_naam(nis, namen))}</option>'
        )
    return "".join(opties)


def _formulier(f: Filter, gemeenten: Sequence[str], namen: Mapping[str, str]) -> str:
    return (
        '<form method="get" action="/beheer/inzicht" class="filter">'
        f'<label>Gemeente <select name="gemeente">{_keuzes(gemeenten, namen, f.gemeente)}'
        "</select></label>"
        f'<label>Van maand <input type="month" name="van" value="{escape(f.van or "")}"></label>'
        f'<label>Tot en met maand <input type="month" name="tot" value="{escape(f.tot or "")}">'
        "</label>"
        '<button type="submit">Toon</button>'
        "</form>"
    )


def _tabel(rijen: Sequence[RechtRij]) -> str:
    if not rijen:
        return "<p>Er zijn nog geen tellingen voor deze keuze.</p>"
    kop = (
        "<thead><tr>"
        '<th scope="col" rowspan="2">Recht</th>'
        '<th scope="colgroup" colspan="3">Gesprekken</th>'
        '<th scope="colgroup" colspan="2">Screening</th>'
        "</tr><tr>"
        + "".join(f'<th scope="col">{escape(KOPPEN[k])}</th>' for k in KOLOMMEN)
        + "</tr></thead>"
    )
    lijnen = []
    for r in rijen:
        cellen = "".join(f'<td class="getal">{escape(r.cellen[k].tekst)}</td>' for k in KOLOMMEN)
        lijnen.append(
            f'<tr><th scope="row">{escape(r.naam)} <span class="id">{escape(r.recht_id)}</span>'
            f"</th>{cellen}</tr>"
        )
    return (
        '<table class="inzicht"><caption>Aantal gesprekken en gescreende rijen per recht'
        "</caption>" + kop + "<tbody>" + "".join(lijnen) + "</tbody></table>"
    )


GRAFIEK_SOORTEN = (("gesprek", "waarschijnlijk"), ("gesprek", "mogelijk"), ("gesprek", "gevraagd"))
_RIJ_HOOGTE = 20
_LABEL = 290
_BREEDTE = 420


def grafiek(rijen: Sequence[RechtRij]) -> str:
    """A horizontal bar chart of the conversations: per right three bars. A hidden count
    has no bar, only its text "< 10"."""
    getoond = [r for r in rijen if any(r.cellen[k].som for k in GRAFIEK_SOORTEN)][:MAX_IN_GRAFIEK]
    if not getoond:
        return f"<p>Nog geen staafdiagram: elk aantal in gesprekken is kleiner dan {DREMPEL}.</p>"
    grootste = max(r.cellen[k].som for r in getoond for k in GRAFIEK_SOORTEN)
    per_recht = _RIJ_HOOGTE * (len(GRAFIEK_SOORTEN) + 1)
    hoogte = per_recht * len(getoond) + 30
    totaal = _LABEL + _BREEDTE + 90
    delen = [
        f'<svg class="grafiek" role="img" aria-labelledby="grafiek-titel" '
        f'viewBox="0 0 {totaal} {hoogte}" width="{totaal}" height="{hoogte}" '
        'xmlns="http://www.w3.org/2000/svg">',
        '<title id="grafiek-titel">Gesprekken per recht: waarschijnlijk recht, mogelijk recht '
        "en vroeg ernaar</title>",
    ]
    for n, (bron, soort) in enumerate(GRAFIEK_SOORTEN):
        x = _LABEL + n * 180
        delen.append(f'<rect x="{x}" y="4" width="12" height="12" class="staaf {soort}"/>')
        delen.append(
            f'<text x="{x + 16}" y="14" class="legende">{escape(KOPPEN[(bron, soort)])}</text>'
        )
    for i, r in enumerate(getoond):
        y0 = 30 + i * per_recht
        delen.append(
            f'<text x="0" y="{y0 + _RIJ_HOOGTE}" class="label">{escape(_kort(r.naam))}</text>'
        )
        for j, k in enumerate(GRAFIEK_SOORTEN):
            cel = r.cellen[k]
            y = y0 + j * _RIJ_HOOGTE
            breedte = round(_BREEDTE * cel.som / grootste) if cel.som else 0
            if breedte:
                delen.append(
                    f'<rect x="{_LABEL}" y="{y + 3}" width="{breedte}" '
                    f'height="{_RIJ_HOOGTE - 6}" class="staaf {k[1]}"/>'
                )
            delen.append(
                f'<text x="{_LABEL + breedte + 6}" y="{y + _RIJ_HOOGTE - 6}" class="waarde">'
                f"{escape(cel.tekst)}</text>"
            )
    delen.append("</svg>")
    return "".join(delen)


def _kort(naam: str, lengte: int = 36) -> str:
    return naam if len(naam) <= lengte else naam[: lengte - 1].rstrip() + "…"


def html_pagina(
    f: Filter,
    rijen: Sequence[RechtRij],
    gemeenten: Sequence[str],
    namen: Mapping[str, str],
    *,
    lopende_maand: bool = True,
) -> str:
    """``lopende_maand``: False when the running month stays hidden (it is said on the
    page)."""
    verborgen = (
        ""
        if lopende_maand
        else "<p>De lopende maand tonen we pas als ze voorbij is. Zo ziet niemand een aantal "
        "veranderen vlak na een gesprek.</p>"
    )
    waar = gemeente_naam(f.gemeente, namen) if f.gemeente else "alle gemeenten"
    periode = _periode(f)
    csv_url = "/beheer/inzicht.csv" + (f"?{f.query()}" if f.query() else "")
    return (
        '<!doctype html><html lang="nl"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Inzicht: welke rechten komen naar boven</title>"
        f'<link rel="stylesheet" href="{STIJL_URL}"></head><body><main>'
        "<h1>Inzicht: welke rechten komen naar boven</h1>"
        "<p>Hoeveel afgeronde gesprekken eindigden met een recht als waarschijnlijk of mogelijk, "
        "en hoe vaak vroeg iemand naar een recht. Elk gesprek telt één keer per recht. "
        "Screenings tellen alleen als totaal per keer.</p>"
        "<p>Dit zijn anonieme tellingen per gemeente en per maand. We bewaren geen personen, "
        "geen antwoorden en geen tekst. "
        f"Een aantal onder de {DREMPEL} in een gemeente en maand tonen we niet: daar staat "
        f"'&lt; {DREMPEL}'. Zo'n klein aantal telt ook niet mee in een som: dan staat er "
        "'minstens'.</p>"
        + verborgen
        + _formulier(f, gemeenten, namen)
        + f"<h2>{escape(waar)}, {escape(periode)}</h2>"
        + _tabel(rijen)
        + f'<p><a href="{escape(csv_url)}">Download als CSV</a> (per gemeente en maand)</p>'
        + "<h2>Gesprekken per recht</h2><figure>"
        + grafiek(rijen)
        + "<figcaption>De staven tonen alleen aantallen vanaf "
        f"{DREMPEL}.</figcaption></figure>"
        "</main></body></html>"
    )


def _periode(f: Filter) -> str:
    if f.van and f.tot:
        return f"van {f.van} tot en met {f.tot}"
    if f.van:
        return f"vanaf {f.van}"
    if f.tot:
        return f"tot en met {f.tot}"
    return "alle maanden"


def csv_tekst(
    tellingen: Mapping[Sleutel, int],
    naam: Callable[[str], str],
    namen: Mapping[str, str],
) -> str:
    """One line per municipality, month, right, source and kind; a count under
    ``DREMPEL`` is "< 10"."""
    uit = io.StringIO()
    schrijver = csv.writer(uit, lineterminator="\r\n")
    schrijver.writerow(CSV_KOLOMMEN)
    for s, aantal in sorted(tellingen.items()):
        schrijver.writerow(
            (
                s.gemeente,
                gemeente_naam(s.gemeente, namen),
                s.maand,
                s.recht_id,
                naam(s.recht_id),
                s.bron,
                s.soort,
                getal_tekst(aantal),
            )
        )
    return uit.getvalue()
