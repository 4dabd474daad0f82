"""The link checker (``python -m catalogus_loader links``) against a real HTTP server on
127.0.0.1: a catalogue whose links point there, some alive, some 404, one refusing the
connection. Nothing here goes to the internet."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from bot.catalogue.db import maak_engine, migreer
from bot.catalogue.models import Contactpunt, Product, RechtRegel
from catalogus_loader.cli import app
from catalogus_loader.links import controleer_links, urls_in_tekst, verzamel_links

REPO = Path(__file__).resolve().parents[2]


class _Site(BaseHTTPRequestHandler):
    """``/ok…`` answers 200, ``/geen-head`` refuses HEAD (405) but answers GET, ``/weg``
    redirects to ``/ok-nieuw``, anything else is 404."""

    def _antwoord(self, met_inhoud: bool) -> None:
        if self.path.startswith("/weg"):
            self.send_response(301)
            self.send_header("Location", "/ok-nieuw")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = 200 if self.path.startswith(("/ok", "/geen-head")) else 404
        if self.command == "HEAD" and self.path.startswith("/geen-head"):
            status = 405
        inhoud = b"<p>pagina</p>"
        self.send_response(status)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(inhoud)))
        self.end_headers()
        if met_inhoud:
            self.wfile.write(inhoud)

    def do_HEAD(self) -> None:  # noqa: N802 (http.server's name)
        self._antwoord(met_inhoud=False)

    def do_GET(self) -> None:  # noqa: N802
        self._antwoord(met_inhoud=True)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    draad.join(timeout=5)


@pytest.fixture(scope="module")
def dicht() -> str:
    """An address on loopback where nothing listens (the connection is refused)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    poort = server.server_address[1]
    server.server_close()
    return f"http://127.0.0.1:{poort}"


@pytest.fixture
def engine(tmp_path: Path, site: str, dicht: str) -> Iterator[Engine]:
    e = maak_engine(f"sqlite:///{tmp_path / 'links.db'}")
    migreer(e)
    premie = {
        "id": "premie",
        "product": "premie",
        "naam": "Premie",
        "niveau": "lokaal",
        "bron_url": f"{site}/ok-reglement",
        "aanvragen": f"Vraag het aan op {site}/ok-aanvraag. Of bel ons.",
        "voorwaarden": [
            {"id": "a", "tekst": "A.", "bron": f"{site}/verdwenen", "regel": True},
        ],
        "parameters": {
            "bedrag": {
                "omschrijving": "Bedrag",
                "bron": f"{site}/geen-head",
                "waarden": [{"vanaf": "2025-01-01", "waarde": 1, "bron": f"{site}/weg"}],
            }
        },
    }
    korting = {
        "id": "korting",
        "product": "korting",
        "naam": "Korting",
        "niveau": "vlaams",
        "bron_url": f"{site}/verdwenen",
        "aanvragen": f"Bij het loket ({dicht}/aanvraag).",
        "voorwaarden": [{"id": "a", "tekst": "A.", "regel": True}],
    }
    with Session(e) as sessie, sessie.begin():
        for d in (premie, korting):
            sessie.add(
                RechtRegel(
                    recht_id=d["id"],
                    product_sleutel=d["product"],
                    naam=d["naam"],
                    niveau=d["niveau"],
                    definitie=d,
                    bron=f"regels/{d['id']}.yaml",
                    inhoud_hash=d["id"],
                )
            )
        sessie.add_all(
            [
                Product(
                    productnummer="premie",
                    naam="Premie",
                    soort="Instantie",
                    bron="producten/premie.json",
                    inhoud_hash="p",
                    publicatie_link={"naam": "Premie", "url": f"{site}/ok-product"},
                    procedures=[
                        {
                            "naam": "Aanvragen",
                            "websites": [{"naam": "Formulier", "url": f"{site}/formulier-weg"}],
                        }
                    ],
                ),
                Product(
                    productnummer="42",
                    naam="Zonder regels",
                    soort="Instantie",
                    bron="producten/42.json",
                    inhoud_hash="q",
                    websites=[{"naam": "Info", "url": f"{site}/info-weg"}],
                ),
                Contactpunt(
                    soort="gemeente",
                    nis="44021",
                    naam="Sociaal Huis Gent",
                    website=f"{site}/ok-sociaal-huis",
                    bron_url=f"{site}/contact-weg",
                    bron="contactpunten.yaml",
                    inhoud_hash="c",
                ),
            ]
        )
    yield e
    e.dispose()


def test_urls_in_tekst() -> None:
    tekst = "Zie https://a.example/x. Of (https://b.example/y?z=1), niet www.c.example."
    assert urls_in_tekst(tekst) == ["https://a.example/x", "https://b.example/y?z=1"]


def test_verzamelt_elke_link_met_wie_ze_gebruikt(engine: Engine, site: str, dicht: str) -> None:
    with Session(engine) as sessie:
        links = verzamel_links(sessie)
    assert links == {
        f"{dicht}/aanvraag": ["korting"],
        f"{site}/contact-weg": ["contactpunt Sociaal Huis Gent"],
        f"{site}/formulier-weg": ["premie"],
        f"{site}/geen-head": ["premie"],
        f"{site}/info-weg": ["product 42"],
        f"{site}/ok-aanvraag": ["premie"],
        f"{site}/ok-product": ["premie"],
        f"{site}/ok-reglement": ["premie"],
        f"{site}/ok-sociaal-huis": ["contactpunt Sociaal Huis Gent"],
        f"{site}/verdwenen": ["korting", "premie"],
        f"{site}/weg": ["premie"],
    }


def test_dode_links_met_hun_rechten(engine: Engine, site: str, dicht: str) -> None:
    with Session(engine) as sessie:
        links = verzamel_links(sessie)
    uitkomsten = {u.url: u for u in controleer_links(links, timeout=5, tegelijk=4)}
    dood = {url: u for url, u in uitkomsten.items() if u.dood}
    assert set(dood) == {
        f"{dicht}/aanvraag",
        f"{site}/contact-weg",
        f"{site}/formulier-weg",
        f"{site}/info-weg",
        f"{site}/verdwenen",
    }
    assert dood[f"{site}/verdwenen"].status == 404
    assert dood[f"{site}/verdwenen"].probleem == "de site antwoordt met status 404"
    assert dood[f"{site}/verdwenen"].gebruikers == ("korting", "premie")
    assert dood[f"{dicht}/aanvraag"].status is None
    assert "geen verbinding" in (dood[f"{dicht}/aanvraag"].probleem or "")
    # HEAD refused, GET works; a redirect to a live page works
    assert uitkomsten[f"{site}/geen-head"].status == 200
    assert uitkomsten[f"{site}/weg"].status == 200


def test_commando_links_stopt_met_code_1(engine: Engine, site: str, dicht: str) -> None:
    url = engine.url.render_as_string(hide_password=False)
    proces = subprocess.run(
        [sys.executable, "-m", "catalogus_loader", "links", "--database-url", url],
        cwd=REPO,
        env={**_omgeving(), "COLUMNS": "250"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proces.returncode == 1, proces.stdout + proces.stderr
    assert "11 links gecontroleerd, 5 dood." in proces.stdout
    regel = next(r for r in proces.stdout.splitlines() if f"{site}/verdwenen" in r)
    assert "status 404" in regel
    assert "korting, premie" in regel
    regel = next(r for r in proces.stdout.splitlines() if f"{dicht}/aanvraag" in r)
    assert "geen verbinding" in regel
    assert "korting" in regel
    assert f"{site}/ok-reglement" not in proces.stdout


def test_commando_links_zonder_dode_links(tmp_path: Path, site: str) -> None:
    e = maak_engine(f"sqlite:///{tmp_path / 'goed.db'}")
    migreer(e)
    with Session(e) as sessie, sessie.begin():
        sessie.add(
            Contactpunt(
                soort="algemeen",
                naam="Algemene lijn",
                website=f"{site}/ok",
                bron_url=f"{site}/ok-bron",
                bron="contactpunten.yaml",
                inhoud_hash="a",
            )
        )
    url = e.url.render_as_string(hide_password=False)
    e.dispose()
    uit = CliRunner().invoke(app, ["links", "--database-url", url, "--timeout", "5"])
    assert uit.exit_code == 0, uit.output
    assert "2 links gecontroleerd, 0 dood." in uit.output


def _omgeving() -> dict[str, str]:
    """The environment without proxies: the requests must reach the server on loopback."""
    return {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
