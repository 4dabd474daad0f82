"""The printable overview as a tagged (accessible) PDF: HTML template -> WeasyPrint.

PDF/UA-1: a structure tree (headings, lists, a table, links), the language (``nl``) and the
title from the HTML. Fonts come from the system (Debian's fonts-dejavu-core); the renderer
fetches nothing: a URL in the document is a link, never loaded. Nothing is logged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bot.notatie import datum_tekst, euro
from bot.overzicht.model import LeefloonAdvies, Onderzoekspunt, Overzicht

MAP = Path(__file__).parent
PDF_VARIANT = "pdf/ua-1"


def _aantal_niet(n: int) -> str:
    if n == 1:
        return "Voor 1 ander recht voldoet u waarschijnlijk niet aan de voorwaarden."
    return f"Voor {n} andere rechten voldoet u waarschijnlijk niet aan de voorwaarden."


TEKSTEN: dict[str, Any] = {
    "titel": "Overzicht van uw sociale rechten",
    "beschrijving": "Een inschatting van de Rechtenverkenner: op welke sociale rechten u "
    "waarschijnlijk recht hebt.",
    "datum": "Datum",
    "gemaakt_op": "gemaakt op",
    "gemeente": "Gemeente",
    "catalogus": "Catalogus",
    "referentie": "Referentie",
    "beslist": "Dit is een inschatting, geen beslissing. De dienst die het recht geeft, beslist.",
    "toch_aanvragen": "Twijfelt u? Vraag het recht dan toch aan. Neem dit overzicht mee.",
    "kop_waarschijnlijk": "Waarschijnlijk hebt u recht op",
    "geen_waarschijnlijk": "Met deze gegevens is er geen recht dat waarschijnlijk is.",
    "waarom": "Waarom",
    "bedrag": "Bedrag",
    "meebrengen": "Wat brengt u mee",
    "aanvragen": "Hoe vraagt u het aan",
    "waar": "Waar vraagt u het aan",
    "bron": "meer informatie",
    "kop_mogelijk": "Misschien hebt u ook recht op",
    "uitleg_mogelijk": "Voor deze rechten is nog iets na te gaan. "
    "Vraag het na bij de dienst die het recht geeft.",
    "na_te_gaan": "Nog na te gaan",
    "kop_contact": "Waar kunt u terecht?",
    "geen_contact": "Ga naar het OCMW of het Sociaal Huis van uw gemeente.",
    "telefoon": "telefoon",
    "openingsuren": "openingsuren",
    "aantal_niet": _aantal_niet,
    "kop_advies": "Advies over het leefloon",
    "advies": "Advies",
    "categorie": "Gezinssituatie",
    "bedrag_categorie": "Leefloon voor deze gezinssituatie",
    "bedrag_na_middelen": "Geschat leefloon na aftrek van de inkomsten die meetellen",
    "te_onderzoeken": "Wat het OCMW nog moet onderzoeken",
    "punt": "Punt",
}
"""Every fixed text of the overview (klare taal: a test checks them)."""

NIVEAUS = {"federaal": "Federaal", "vlaams": "Vlaanderen", "lokaal": "Gemeente"}

ADVIEZEN: dict[str, tuple[str, str]] = {
    "toekenning": ("toekennen", "Alle voorwaarden zijn gekend en voldaan."),
    "verder_sociaal_onderzoek": (
        "verder sociaal onderzoek",
        "Enkele punten moet het OCMW nog nagaan.",
    ),
    "geen_recht": (
        "geen recht",
        "Een voorwaarde is niet voldaan. U kunt het leefloon toch aanvragen. "
        "U krijgt dan een beslissing op papier. Daartegen kunt u in beroep gaan.",
    ),
}
"""The advice's value -> (its name, one sentence about it)."""

GEZINSSITUATIES = {
    "samenwonend": "samenwonend",
    "alleenstaand": "alleenstaand",
    "gezinslast": "met gezinslast (u woont met minstens één minderjarig kind)",
}


@dataclass(frozen=True)
class AdviesOpPapier:
    titel: str
    zin: str
    categorie: str | None
    bedrag_maand: str | None
    bedrag_na_middelen: str | None
    te_onderzoeken: tuple[Onderzoekspunt, ...]
    uitleg: tuple[str, ...]


def _per_maand(bedrag: float | None) -> str | None:
    return None if bedrag is None else f"€ {euro(round(bedrag, 2))} per maand"


def advies_op_papier(advies: LeefloonAdvies) -> AdviesOpPapier:
    titel, zin = ADVIEZEN.get(advies.advies, (advies.advies.replace("_", " "), ""))
    categorie = advies.categorie
    return AdviesOpPapier(
        titel=titel[:1].upper() + titel[1:],
        zin=zin,
        categorie=GEZINSSITUATIES.get(categorie, categorie) if categorie else None,
        bedrag_maand=_per_maand(advies.bedrag_maand),
        bedrag_na_middelen=_per_maand(advies.bedrag_na_middelen),
        te_onderzoeken=tuple(advies.te_onderzoeken),
        uitleg=tuple(advies.uitleg),
    )


def host(url: str) -> str:
    """ "vlaanderen.be/huurpremie" rather than the whole address: the link keeps it all."""
    delen = urlsplit(url)
    pad = delen.path.rstrip("/")
    kort = (delen.netloc.removeprefix("www.") + pad) if len(pad) <= 16 else delen.netloc
    return kort.removeprefix("www.") or url


def eerste_zin(tekst: str) -> str:
    """The first sentence of a catalogue text (where to apply comes first)."""
    for m in re.finditer(r"[.!?](?=\s|$)", tekst):
        woord = tekst[: m.start()].rsplit(maxsplit=1)[-1].lstrip("(").lower()
        if woord not in _AFKORTINGEN:
            return tekst[: m.end()]
    return tekst


_AFKORTINGEN = frozenset({"bv", "nr", "o.a", "enz", "d.w.z", "m.a.w", "vb", "incl", "excl"})


@cache
def _omgeving() -> Any:
    """The template environment, made on first use (autoescaped: profile texts stay text)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    omgeving = Environment(loader=FileSystemLoader(MAP), autoescape=True, undefined=StrictUndefined)
    omgeving.filters["datum"] = datum_tekst
    omgeving.filters["host"] = host
    omgeving.filters["eerste_zin"] = eerste_zin
    return omgeving


def overzicht_html(overzicht: Overzicht) -> str:
    """The overview as an HTML document (``lang="nl"``, with a title)."""
    advies = advies_op_papier(overzicht.leefloonadvies) if overzicht.leefloonadvies else None
    sjabloon = _omgeving().get_template("overzicht.html")
    return sjabloon.render(o=overzicht, t=TEKSTEN, niveaus=NIVEAUS, advies=advies)


def maak_pdf(overzicht: Overzicht) -> bytes:
    """The tagged PDF (PDF/UA-1) of the overview. CPU work: call it in a worker thread."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    geen_downloads = URLFetcher(allowed_protocols=frozenset())  # the overview loads nothing
    stijl = CSS(filename=str(MAP / "overzicht.css"), url_fetcher=geen_downloads)
    html = HTML(string=overzicht_html(overzicht), url_fetcher=geen_downloads)
    pdf = html.write_pdf(stylesheets=[stijl], pdf_variant=PDF_VARIANT)
    assert pdf is not None
    return pdf
