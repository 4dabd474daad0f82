"""The city's insight page after scripted conversations: the real actions (no Rasa) count
into the database of a real API server, and the page and CSV over HTTP show the counts,
with everything under 10 hidden. Behind the city login (BEHEERDERS)."""

from __future__ import annotations

import asyncio
import csv
import io
import logging
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
from profielen import ALLEENSTAANDE_MOEDER
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from serverproces import start_server
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

import actions.diensten as actiediensten
from actions.inzicht import INZICHT_SLOT
from actions.resultaat import ActionToonResultaat
from actions.uitleg import ActionKiesRecht, ActionLegRechtUit, ActionLegWaaromNietUit
from bot.catalogue.models import InzichtTelling
from bot.diensten import Diensten, bouw_diensten
from bot.herladen import Herlader
from bot.settings import Settings
from bot.tijd import vandaag

LOGIN = ("beleid.gent", "een lang wachtwoord voor de test")
SLEUTEL = "integratiesleutel-voor-de-inzichttest"
GENT, LEUVEN = "44021", "24062"

GEZIN: dict[str, Any] = ALLEENSTAANDE_MOEDER
"""A single mother with two children and little income: the leefloon is likely."""


# -- the server and the actions, on one database ------------------------------------------


@pytest.fixture(scope="module")
def inzicht_proces(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(server URL, database URL): a real API server with a city login and integrator key,
    that shows the running month."""
    map_ = tmp_path_factory.mktemp("inzicht")
    databank = f"sqlite:///{map_ / 'api.db'}"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BEHEERDERS", f'{{"{LOGIN[0]}": "{LOGIN[1]}"}}')
        mp.setenv("INTEGRATIE_SLEUTEL", SLEUTEL)
        mp.setenv("INZICHT_LOPENDE_MAAND", "true")  # the conversations are from this month
        proces, url = start_server(databank, map_ / "server.log")
    yield url, databank
    proces.terminate()
    proces.wait(timeout=10)


@pytest.fixture(scope="module")
def server(inzicht_proces: tuple[str, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=inzicht_proces[0], timeout=30, auth=LOGIN) as client:
        yield client


@pytest.fixture(scope="module")
def actiediensten_op_server(inzicht_proces: tuple[str, str]) -> Iterator[Diensten]:
    """The services the action server builds, on the API server's database."""
    d = bouw_diensten(Settings(database_url=inzicht_proces[1], peildatum=date(2025, 6, 1)))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(actiediensten, "_herlader", Herlader(d))
        yield d
    d.sluit()


class Gesprek:
    """One conversation: the slots and what the person last said; each action's slot
    events go back into the slots, as Rasa does."""

    def __init__(self, gemeente: str, **profiel: Any) -> None:
        self.slots: dict[str, Any] = {**GEZIN, "gemeente": gemeente, **profiel}

    def doe(self, actie: Action, tekst: str = "", recht: str | None = None) -> list[str]:
        bericht: dict[str, Any] = {"text": tekst, "intent": {}, "entities": []}
        if recht:
            bericht["entities"] = [{"entity": "recht", "value": recht}]
        tracker = Tracker("inzicht", dict(self.slots), bericht, [], False, None, {}, "x")
        dispatcher = CollectingDispatcher()
        events = asyncio.run(actie.run(dispatcher, tracker, {}))
        for e in events:
            if e.get("event") == "slot":
                self.slots[e["name"]] = e["value"]
        return [m.get("text") or "" for m in dispatcher.messages]


@pytest.fixture(scope="module")
def gevoerd(actiediensten_op_server: Diensten, server: httpx.Client) -> Diensten:
    """12 conversations in Gent, 3 in Leuven, one screening run; every one scripted."""
    for n in range(12):
        g = Gesprek("Gent")
        assert any("Leefloon" in t for t in g.doe(ActionToonResultaat(), "klaar"))
        if n < 11:  # 11 of them ask about the leefloon, some twice
            g.doe(ActionLegRechtUit(), "Meer uitleg over Leefloon", recht="leefloon")
            g.doe(ActionLegWaaromNietUit(), "waarom leefloon?", recht="leefloon")
        if n == 0:  # a correction, then the result again: counted once
            g.slots["netto_maandinkomen_gezin"] = 4500
            g.doe(ActionToonResultaat(), "klaar")
        g.doe(ActionToonResultaat(), "nog eens")
    for _ in range(3):
        g = Gesprek("Leuven")
        g.doe(ActionKiesRecht(), "heb ik recht op leefloon?")
        g.doe(ActionToonResultaat(), "klaar")
    rijen = ["referentie,gemeente,leeftijd,samenwonend_met_partner,aantal_kinderen,woonsituatie,"
             "netto_maandinkomen_gezin,werksituatie,verblijfsstatus,ontvangt_leefloon"]  # fmt: skip
    rijen += [f"g-{i},Gent,34,nee,0,huurder_privaat,700,zonder_inkomen,belg,nee" for i in range(11)]
    rijen += [
        f"l-{i},Leuven,34,nee,0,huurder_privaat,700,zonder_inkomen,belg,nee" for i in range(2)
    ]
    antwoord = server.post(
        "/api/v1/screening",
        content="\n".join(rijen) + "\n",
        headers={"content-type": "text/csv", "X-API-Sleutel": SLEUTEL},
    )
    assert antwoord.status_code == 200, antwoord.text
    return actiediensten_op_server


# -- reading the page -----------------------------------------------------------------------


class Tabel(HTMLParser):
    """The rows of the page's table: right id -> the five cells."""

    def __init__(self) -> None:
        super().__init__()
        self.rijen: dict[str, list[str]] = {}
        self._rij: list[str] | None = None
        self._id = False
        self._cel: list[str] | None = None
        self._recht = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self._rij = []
        elif tag == "span" and ("class", "id") in attrs:
            self._id = True
        elif tag == "td" and self._rij is not None:
            self._cel = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._id = False
        elif tag == "td" and self._cel is not None and self._rij is not None:
            self._rij.append("".join(self._cel))
            self._cel = None
        elif tag == "tr" and self._rij:
            self.rijen[self._recht] = self._rij
            self._rij = None

    def handle_data(self, data: str) -> None:
        if self._id:
            self._recht = data
        elif self._cel is not None:
            self._cel.append(data)


def tabel(client: httpx.Client, **filter_: str) -> dict[str, list[str]]:
    antwoord = client.get("/beheer/inzicht", params=filter_)
    assert antwoord.status_code == 200, antwoord.text
    parser = Tabel()
    parser.feed(antwoord.text)
    return parser.rijen


# Columns: conversations (waarschijnlijk, mogelijk, gevraagd), screening (waarschijnlijk, mogelijk)


def test_gent_toont_de_aantallen_van_de_gesprekken(gevoerd: Diensten, server: httpx.Client) -> None:
    rijen = tabel(server, gemeente=GENT)
    assert rijen["leefloon"][:3] == ["12", "< 10", "11"]
    assert rijen["leefloon"][3] == "11"  # the screening run: 11 rows in Gent
    assert rijen["afval-tegemoetkoming-gent"][0] == "12"
    assert rijen["vlaamse-huurpremie"][1] == "12"


def test_leuven_heeft_te_weinig_gesprekken(gevoerd: Diensten, server: httpx.Client) -> None:
    rijen = tabel(server, gemeente=LEUVEN)
    assert rijen["leefloon"] == ["< 10"] * 5
    assert all(c == "< 10" for cellen in rijen.values() for c in cellen)


def test_alle_gemeenten_tellen_kleine_aantallen_niet_mee(
    gevoerd: Diensten, server: httpx.Client
) -> None:
    rijen = tabel(server)
    # Gent's 12 plus Leuven's 3: shown as "minstens 12", so the 3 cannot be worked out
    assert rijen["leefloon"][:4] == ["minstens 12", "< 10", "minstens 11", "minstens 11"]
    assert rijen["afval-tegemoetkoming-gent"][0] == "12"
    maand = vandaag().strftime("%Y-%m")
    assert tabel(server, van=maand, tot=maand) == rijen
    assert tabel(server, tot="2001-01") == {}


def test_de_databank_houdt_alleen_tellingen(gevoerd: Diensten) -> None:
    with Session(gevoerd.engine) as sessie:
        rijen = sessie.scalars(select(InzichtTelling)).all()
    cel = {(r.gemeente, r.recht_id, r.soort, r.bron): r.aantal for r in rijen}
    assert cel[(GENT, "leefloon", "waarschijnlijk", "gesprek")] == 12
    assert cel[(GENT, "leefloon", "gevraagd", "gesprek")] == 11
    assert cel[(LEUVEN, "leefloon", "gevraagd", "gesprek")] == 3
    assert cel[(LEUVEN, "leefloon", "waarschijnlijk", "gesprek")] == 3
    # Leuven's conversations chose the leefloon: only that right was counted
    assert {k[1] for k in cel if k[0] == LEUVEN and k[3] == "gesprek"} == {"leefloon"}
    assert cel[(GENT, "leefloon", "waarschijnlijk", "screening")] == 11
    assert cel[(LEUVEN, "leefloon", "waarschijnlijk", "screening")] == 2
    assert {r.maand for r in rijen} == {vandaag().strftime("%Y-%m")}


def test_csv_verbergt_dezelfde_kleine_aantallen(gevoerd: Diensten, server: httpx.Client) -> None:
    antwoord = server.get("/beheer/inzicht.csv")
    assert antwoord.status_code == 200
    assert antwoord.headers["content-type"].startswith("text/csv")
    assert "attachment" in antwoord.headers["content-disposition"]
    lijnen = list(csv.DictReader(io.StringIO(antwoord.text)))
    per_cel = {(r["gemeente_nis"], r["recht_id"], r["bron"], r["soort"]): r for r in lijnen}
    gent = per_cel[(GENT, "leefloon", "gesprek", "waarschijnlijk")]
    assert (gent["gemeente"], gent["recht"], gent["aantal"]) == ("Gent", "Leefloon", "12")
    assert per_cel[(LEUVEN, "leefloon", "gesprek", "waarschijnlijk")]["aantal"] == "< 10"
    assert per_cel[(LEUVEN, "leefloon", "screening", "waarschijnlijk")]["aantal"] == "< 10"
    assert per_cel[(GENT, "leefloon", "screening", "waarschijnlijk")]["aantal"] == "11"
    for r in lijnen:  # no number under 10, anywhere
        assert r["aantal"] == "< 10" or int(r["aantal"]) >= 10
    leuven = server.get("/beheer/inzicht.csv", params={"gemeente": LEUVEN}).text
    assert GENT not in leuven and "< 10" in leuven


def test_pagina_zonder_script_of_inline_stijl(gevoerd: Diensten, server: httpx.Client) -> None:
    """Ready for a strict Content-Security-Policy: a stylesheet, a chart in SVG."""
    antwoord = server.get("/beheer/inzicht", params={"gemeente": GENT})
    # the same strict headers as every /beheer page (the catalogue page too)
    assert "default-src 'none'" in antwoord.headers["content-security-policy"]
    assert antwoord.headers["cache-control"] == "no-store"
    html = antwoord.text
    assert '<html lang="nl">' in html
    assert "<script" not in html and "<style" not in html and "style=" not in html
    assert html.count("<svg") == 1 and 'class="staaf waarschijnlijk"' in html
    assert "anonieme tellingen" in html
    assert 'href="/beheer/inzicht.csv?gemeente=44021"' in html
    assert '<option value="44021" selected>Gent</option>' in html
    stijl = httpx.get(f"{server.base_url}/beheer/inzicht/stijl.css")
    assert stijl.status_code == 200 and stijl.headers["content-type"].startswith("text/css")


def test_login_nodig(inzicht_proces: tuple[str, str]) -> None:
    url = inzicht_proces[0]
    for pad in ("/beheer/inzicht", "/beheer/inzicht.csv"):
        zonder = httpx.get(url + pad)
        assert zonder.status_code == 401
        assert zonder.headers["www-authenticate"].startswith("Basic")
        assert httpx.get(url + pad, auth=(LOGIN[0], "fout")).status_code == 401
        assert httpx.get(url + pad, auth=("iemand", LOGIN[1])).status_code == 401
        assert httpx.get(url + pad, auth=LOGIN).status_code == 200


def test_zonder_beheerders_staat_de_pagina_uit(api: httpx.Client) -> None:
    """The shared API server has no BEHEERDERS: 503 with an explanation."""
    for pad in ("/beheer/inzicht", "/beheer/inzicht.csv"):
        antwoord = api.get(pad, auth=LOGIN)
        assert antwoord.status_code == 503
        assert "BEHEERDERS" in antwoord.json()["detail"]


def test_het_formulier_met_lege_velden(gevoerd: Diensten, server: httpx.Client) -> None:
    """ "Alle gemeenten" and no months: the form sends the fields empty."""
    assert tabel(server, gemeente="", van="", tot="") == tabel(server)


def test_verkeerde_maand_of_gemeente(server: httpx.Client) -> None:
    assert server.get("/beheer/inzicht", params={"van": "2026-13"}).status_code == 422
    assert server.get("/beheer/inzicht.csv", params={"gemeente": "Gent"}).status_code == 422


def test_niet_in_het_openapi_schema(server: httpx.Client) -> None:
    paden = server.get("/openapi.json").json()["paths"]
    assert not [p for p in paden if p.startswith("/beheer")]


def test_een_mislukte_telling_breekt_het_gesprek_niet(
    gevoerd: Diensten,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A database without the counts table: the answer comes, a warning without the person."""
    kapot = create_engine(f"sqlite:///{tmp_path / 'leeg.db'}")
    monkeypatch.setattr(actiediensten, "_herlader", Herlader(replace(gevoerd, engine=kapot)))
    g = Gesprek("Gent", netto_maandinkomen_gezin=987)
    with caplog.at_level(logging.WARNING, logger="actions.inzicht"):
        berichten = g.doe(ActionToonResultaat(), "klaar")
        uitleg = g.doe(ActionLegRechtUit(), "wat is leefloon", recht="leefloon")
    kapot.dispose()
    assert any("Leefloon" in t for t in berichten) and uitleg
    assert INZICHT_SLOT not in g.slots  # not marked: nothing was counted
    waarschuwingen = [r.getMessage() for r in caplog.records if r.name == "actions.inzicht"]
    assert waarschuwingen == [
        "Het resultaat is niet geteld voor het inzicht (OperationalError).",
        "De vraag is niet geteld voor het inzicht (OperationalError).",
    ]
    assert not any("Gent" in w or "987" in w for w in waarschuwingen)


def test_de_privacytekst_noemt_de_anonieme_tellingen(server: httpx.Client) -> None:
    pagina = server.get("/").text
    privacy = " ".join(pagina.split('id="privacy"', 1)[1].split())
    assert "per gemeente en per maand" in privacy and "(onder de 10) toont de stad nooit" in privacy
    widget = server.get("/widget/rechten-chat.js").text
    assert "We tellen alleen anoniem welke rechten naar boven komen, per gemeente en maand." in (
        widget
    )


def test_standaard_is_de_lopende_maand_verborgen(
    inzicht_proces: tuple[str, str], gevoerd: Diensten, tmp_path: Path
) -> None:
    """A second server on the same database, without INZICHT_LOPENDE_MAAND: this month's
    counts stay hidden until the month is over (page and CSV)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BEHEERDERS", f'{{"{LOGIN[0]}": "{LOGIN[1]}"}}')
        mp.delenv("INZICHT_LOPENDE_MAAND", raising=False)
        proces, url = start_server(inzicht_proces[1], tmp_path / "server.log")
    try:
        with httpx.Client(base_url=url, timeout=30, auth=LOGIN) as client:
            assert tabel(client) == {}
            assert '<option value="44021"' not in client.get("/beheer/inzicht").text
            assert "De lopende maand tonen we pas als ze voorbij is." in (
                client.get("/beheer/inzicht").text
            )
            assert client.get("/beheer/inzicht.csv").text.count("\n") == 1  # the header only
        with httpx.Client(base_url=inzicht_proces[0], timeout=30, auth=LOGIN) as client:
            assert "lopende maand" not in client.get("/beheer/inzicht").text
    finally:
        proces.terminate()
        proces.wait(timeout=10)
