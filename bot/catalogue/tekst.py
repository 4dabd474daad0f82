"""Text helpers for catalogue content: language choice, safe HTML, plain text, search keys."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import Any

import nh3

TAALVOORKEUR = (
    "nl",
    "nl-BE-x-formal",
    "nl-BE-x-generated-formal",
    "nl-BE-x-informal",
    "nl-BE-x-generated-informal",
)
"""Which translation to show: plain Dutch, then the formal ("u") forms, then the informal."""

TOEGELATEN_TAGS = frozenset(
    {"p", "ul", "ol", "li", "strong", "em", "a", "br", "table", "thead", "tbody", "tr", "th", "td"}
)
TOEGELATEN_SCHEMAS = frozenset({"http", "https", "mailto"})


def kies_taal(waarden: Any) -> str | None:
    """The preferred Dutch text of an IPDC language map (``{"nl": ..., "en": ...}``).

    Falls back to text without a language (``""``, as in RDF), then any other language,
    then ``None``. A plain string is returned as is.
    """
    if waarden is None:
        return None
    if isinstance(waarden, str):
        return waarden
    if not isinstance(waarden, Mapping):
        return None
    # Language tags are case-insensitive (RDF writes "nl-be-x-formal").
    per_taal = {str(taal).lower(): waarde for taal, waarde in waarden.items()}
    for taal in (*TAALVOORKEUR, ""):
        waarde = per_taal.get(taal.lower())
        if isinstance(waarde, str) and waarde.strip():
            return waarde
    for waarde in waarden.values():
        if isinstance(waarde, str) and waarde.strip():
            return waarde
    return None


def veilige_html(ruw: str | None) -> str:
    """HTML for display: only a small set of tags, links only to http, https and mailto."""
    if not ruw:
        return ""
    return nh3.clean(
        ruw,
        tags=set(TOEGELATEN_TAGS),
        attributes={"a": {"href"}},
        url_schemes=set(TOEGELATEN_SCHEMAS),
        link_rel="noopener noreferrer",
    ).strip()


_BLOKKEN = {"p", "div", "ul", "ol", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section"}


class _TekstMaker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.delen: list[str] = []
        self._lijsten: list[list[int]] = []
        self._link: str | None = None
        self._linktekst: list[str] = []
        self._cel = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOKKEN:
            self.delen.append("\n\n" if tag in {"p", "div", "ul", "ol", "table"} else "\n")
        if tag == "ol":
            self._lijsten.append([0])
        elif tag == "ul":
            self._lijsten.append([-1])
        elif tag == "li":
            teller = self._lijsten[-1] if self._lijsten else [-1]
            diepte = "  " * max(0, len(self._lijsten) - 1)
            if teller[0] >= 0:
                teller[0] += 1
                self.delen.append(f"\n{diepte}{teller[0]}. ")
            else:
                self.delen.append(f"\n{diepte}- ")
        elif tag == "br":
            self.delen.append("\n")
        elif tag == "tr":
            self._cel = 0
        elif tag in {"td", "th"}:
            if self._cel:
                self.delen.append(" | ")
            self._cel += 1
        elif tag == "a":
            self._link = dict(attrs).get("href")
            self._linktekst = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"ol", "ul"} and self._lijsten:
            self._lijsten.pop()
            self.delen.append("\n")
        elif tag in _BLOKKEN:
            self.delen.append("\n")
        elif tag == "a" and self._link is not None:
            tekst = "".join(self._linktekst).strip()
            link = self._link
            if (
                link.startswith(("http://", "https://", "mailto:"))
                and link.removeprefix("mailto:") not in tekst
            ):
                self.delen.append(f" ({link.removeprefix('mailto:')})")
            self._link = None

    def handle_data(self, data: str) -> None:
        self.delen.append(data)
        if self._link is not None:
            self._linktekst.append(data)


def platte_tekst(ruw: str | None) -> str:
    """Plain text for the bot: paragraphs, list items as "- ", links as "tekst (url)"."""
    if not ruw:
        return ""
    if "<" not in ruw:
        return _witruimte(html.unescape(ruw))
    maker = _TekstMaker()
    maker.feed(ruw)
    maker.close()
    return _witruimte("".join(maker.delen))


def _witruimte(tekst: str) -> str:
    regels = [re.sub(r"[ \t\u00a0]+", " ", r).strip() for r in tekst.split("\n")]
    samen = "\n".join(regels)
    samen = re.sub(r"\n{3,}", "\n\n", samen)
    return samen.strip()


def zoeksleutel(tekst: str) -> str:
    """Search key: lower case, no accents, punctuation as spaces, single spaces."""
    zonder = unicodedata.normalize("NFKD", tekst)
    zonder = "".join(c for c in zonder if not unicodedata.combining(c)).casefold()
    return " ".join(re.findall(r"[a-z0-9]+", zonder))
