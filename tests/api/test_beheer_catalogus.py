"""``GET /beheer/catalogus``: the read-only freshness page for city staff, on the bundled
catalogue. The real app: in-process with the login settings each case needs, and the real
server over HTTP (which has no ``BEHEERDERS``: the page is off)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.api.deps import BEHEER_LOGIN_NODIG, GEEN_BEHEERDERS
from bot.api.main import create_app
from bot.diensten import Diensten
from bot.settings import Settings

LOGIN = ("beleid.gent", "een lang wachtwoord voor de test")


@pytest.fixture(scope="module")
def met_login(diensten: Diensten) -> Iterator[TestClient]:
    app = create_app(Settings(beheerders={LOGIN[0]: LOGIN[1]}), diensten=diensten)
    with TestClient(app) as client:
        yield client


@pytest.fixture(scope="module")
def zonder_beheerders(diensten: Diensten) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(beheerders={}), diensten=diensten)) as client:
        yield client


class _Tabellen(HTMLParser):
    """The tables of a page: caption, header cells (with their scope) and row texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tabellen: list[dict[str, list]] = []
        self.th_zonder_scope = 0
        self._in: list[str] = []
        self._tekst: list[str] = []
        self.rijen: list[tuple[str | None, str]] = []
        self._rij_klasse: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self.tabellen.append({"caption": [], "th": []})
        if tag == "th" and a.get("scope") not in ("col", "row"):
            self.th_zonder_scope += 1
        if tag == "tr":
            self._rij_klasse = a.get("class")
            self._tekst = []
        if tag in ("th", "td", "br", "li"):
            self._tekst.append(" ")
        if tag not in ("br", "link", "meta"):  # void elements have no end tag
            self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self.rijen.append((self._rij_klasse, " ".join("".join(self._tekst).split())))
        if self._in:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if "tr" in self._in:
            self._tekst.append(data)
        if self._in and self._in[-1] == "caption":
            self.tabellen[-1]["caption"].append(data.strip())


def _lees(html: str) -> _Tabellen:
    lezer = _Tabellen()
    lezer.feed(html)
    return lezer


def test_zonder_login_vraagt_de_browser_een_login(met_login: TestClient) -> None:
    antwoord = met_login.get("/beheer/catalogus")
    assert antwoord.status_code == 401
    assert antwoord.headers["www-authenticate"].startswith("Basic realm=")
    assert antwoord.json() == {"detail": BEHEER_LOGIN_NODIG}
    fout = met_login.get("/beheer/catalogus", auth=(LOGIN[0], "fout wachtwoord"))
    assert fout.status_code == 401


def test_zonder_beheerders_staat_de_pagina_uit(zonder_beheerders: TestClient) -> None:
    antwoord = zonder_beheerders.get("/beheer/catalogus", auth=LOGIN)
    assert antwoord.status_code == 503
    assert antwoord.json() == {"detail": GEEN_BEHEERDERS}


def test_pagina_met_login(met_login: TestClient) -> None:
    antwoord = met_login.get("/beheer/catalogus", auth=LOGIN, params={"peildatum": "2026-12-07"})
    assert antwoord.status_code == 200
    assert antwoord.headers["content-type"].startswith("text/html")
    assert antwoord.headers["cache-control"] == "no-store"
    assert "script-src" not in antwoord.headers["content-security-policy"]
    assert "default-src 'none'" in antwoord.headers["content-security-policy"]
    html = antwoord.text
    assert '<html lang="nl">' in html
    assert "U bent aangemeld als beleid.gent." in html
    # no scripts and no inline styles
    assert "<script" not in html
    assert "style=" not in html
    assert "<style" not in html
    pagina = _lees(html)
    assert pagina.th_zonder_scope == 0
    captions = [" ".join(t["caption"]) for t in pagina.tabellen]
    assert captions[0] == "Rechten per niveau"
    assert captions[1].startswith("Centrumsteden")
    assert captions[2] == "Alle rechten, met regels en zonder regels"
    rijen = dict((tekst.split(" ")[0], (klasse, tekst)) for klasse, tekst in pagina.rijen)
    assert int(rijen["Lokaal"][1].split()[1]) >= 8  # local rights with rules
    # the 13 centrumsteden, each with a row
    for stad in ("Aalst", "Antwerpen", "Brugge", "Gent", "Turnhout", "Sint-Niklaas"):
        assert stad in rijen, stad
    assert rijen["Gent"][1].endswith("Gehaald")
    leefloon = next(t for k, t in pagina.rijen if t.startswith("Leefloon leefloon"))
    assert "Federaal Overal Ja" in leefloon
    assert re.search(r" \d{1,2} [a-z]+ 20\d\d ", leefloon)  # when it was checked
    assert "Na te kijken" not in leefloon
    assert "https://primabook.mi-is.be/" in leefloon


def test_oude_controles_staan_gemarkeerd_in_tekst(met_login: TestClient) -> None:
    antwoord = met_login.get("/beheer/catalogus", auth=LOGIN, params={"peildatum": "2028-01-01"})
    assert antwoord.status_code == 200
    pagina = _lees(antwoord.text)
    rechten = [(k, t) for k, t in pagina.rijen if re.search(r" (Ja|Nee: niet gecontroleerd) ", t)]
    met_regels = [(k, t) for k, t in rechten if " Ja " in t]
    assert len(met_regels) >= 30
    for klasse, tekst in met_regels:
        # marked in words, not only by colour
        assert klasse == "gemarkeerd"
        assert "Na te kijken: nagekeken op" in tekst
        assert "meer dan 12 maanden geleden." in tekst


def test_stijlblad(met_login: TestClient) -> None:
    antwoord = met_login.get("/beheer/catalogus.css")
    assert antwoord.status_code == 200
    assert antwoord.headers["content-type"].startswith("text/css")
    assert "tr.gemarkeerd" in antwoord.text


def test_niet_in_het_openapi_schema(met_login: TestClient) -> None:
    paden = met_login.get("/openapi.json").json()["paths"]
    assert not [p for p in paden if p.startswith("/beheer")]


def test_echte_server_zonder_beheerders(api: httpx.Client) -> None:
    antwoord = api.get("/beheer/catalogus", auth=LOGIN)
    assert antwoord.status_code == 503
    assert antwoord.json() == {"detail": GEEN_BEHEERDERS}
