"""Loading over HTTP from a real local server that asks for X-API-KEY, like the IPDC API.

Products and code lists come from the bundled catalogue; the LDES feed and the API's own
error bodies are real IPDC files (../shared/ipdc), so only those tests need that folder.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.catalogue.models import Product
from bot.settings import Settings
from catalogus_loader import LaadFout, laad

SLEUTEL = "geheime-sleutel-123"
CATALOGUS = Path(__file__).resolve().parents[2] / "catalogus"
LIJST = ["mantelzorgpremie-brugge", "verwarmingstoelage"]
"""The bundled products the paged list (``/doc/instantie``) serves, one per page."""


class _IpdcStub(BaseHTTPRequestHandler):
    """Serves the bundled products and code lists like the IPDC API; with ``ipdc`` (the real
    files) also the LDES feed and the API's real error bodies."""

    ipdc: Path | None
    verzoeken: list[tuple[str, str | None]]

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def _stuur(self, status: int, inhoud: bytes, soort: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", soort)
        self.send_header("Content-Length", str(len(inhoud)))
        self.end_headers()
        self.wfile.write(inhoud)

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        sleutel = self.headers.get("X-API-KEY")
        self.verzoeken.append((self.path, sleutel))
        if sleutel != SLEUTEL:
            fout = {
                "status": 401,
                "title": {"nl": "Niet geautoriseerd"},
                "detail": {"nl": "API-sleutel ontbreekt of is ongeldig"},
            }
            self._stuur(401, json.dumps(fout).encode())
            return
        deel = urlsplit(self.path)
        vraag = parse_qs(deel.query)
        eigen = f"http://{self.headers['Host']}"
        if deel.path == "/doc/conceptsnapshot" and self.ipdc is not None:
            pagina = vraag.get("pageNumber", ["0"])[0]
            bestand = self.ipdc / "ldes" / f"conceptsnapshot-page-{pagina}.json"
            tekst = bestand.read_text("utf-8").replace("http://ipdc-stub", eigen)
            self._stuur(200, tekst.encode(), "application/ld+json")
        elif deel.path.startswith("/v1/producten/"):
            nummer = deel.path.rsplit("/", 1)[-1]
            bestand = CATALOGUS / "producten" / f"{nummer}.json"
            if bestand.exists():
                self._stuur(200, bestand.read_bytes())
            elif self.ipdc is not None:
                self._stuur(404, (self.ipdc / "api-json" / "error-404.json").read_bytes())
            else:
                self._stuur(404, b'{"status": 404, "detail": {"nl": "Onbekend product"}}')
        elif deel.path == "/v1/producten" and self.ipdc is not None:
            self._stuur(400, (self.ipdc / "api-json" / "error-400.json").read_bytes())
        elif deel.path == "/doc/instantie":
            index = int(vraag.get("pageIndex", ["0"])[0])
            lid = json.loads((CATALOGUS / "producten" / f"{LIJST[index]}.json").read_text())
            view = {"hydraFirst": "/doc/instantie?pageIndex=0"}
            if index + 1 < len(LIJST):
                view["hydraNext"] = f"/doc/instantie?pageIndex={index + 1}"
            pagina = {"hydraMember": [lid], "hydraView": view, "hydraTotalItems": len(LIJST)}
            self._stuur(200, json.dumps(pagina).encode())
        elif deel.path.startswith("/codelijsten/"):
            bestand = CATALOGUS / "codelijsten" / deel.path.rsplit("/", 1)[-1]
            self._stuur(200, bestand.read_bytes(), "text/turtle")
        else:
            self._stuur(404, b'{"status": 404, "detail": {"nl": "Onbekend pad"}}')


Server = tuple[str, list[tuple[str, str | None]]]
"""The base URL and the requests it got: (path, X-API-KEY)."""


@contextmanager
def _stub(ipdc: Path | None) -> Iterator[Server]:
    verzoeken: list[tuple[str, str | None]] = []
    handler = type("Stub", (_IpdcStub,), {"ipdc": ipdc, "verzoeken": verzoeken})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    draad = threading.Thread(target=httpd.serve_forever, daemon=True)
    draad.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", verzoeken
    finally:
        httpd.shutdown()
        httpd.server_close()
        draad.join(timeout=5)


@pytest.fixture
def server() -> Iterator[Server]:
    """The stub with bundled data only."""
    with _stub(None) as s:
        yield s


@pytest.fixture
def ipdc_server(ipdc: Path) -> Iterator[Server]:
    """The stub that also serves the real LDES feed and error bodies."""
    with _stub(ipdc) as s:
        yield s


def _met_api(instellingen: Settings, basis: str, sleutel: str | None = SLEUTEL) -> Settings:
    return instellingen.model_copy(update={"ipdc_api_url": basis + "/", "ipdc_api_key": sleutel})


def _nummers(engine: Engine) -> set[str]:
    with Session(engine) as sessie:
        return set(sessie.scalars(select(Product.productnummer)))


PAD = "/v1/producten/verwarmingstoelage"


def test_product_met_sleutel(server: Server, engine: Engine, instellingen: Settings) -> None:
    basis, verzoeken = server
    resultaat = laad(engine, [f"{basis}{PAD}"], instellingen=_met_api(instellingen, basis))
    assert resultaat.producten.nieuw == 1
    assert verzoeken == [(PAD, SLEUTEL)]
    with Session(engine) as sessie:
        bron = sessie.scalar(
            select(Product.bron).where(Product.productnummer == "verwarmingstoelage")
        )
    assert bron == f"{basis}{PAD}"


def test_ipdc_voorvoegsel(server: Server, engine: Engine, instellingen: Settings) -> None:
    basis, _ = server
    laad(
        engine,
        ["ipdc:v1/producten/mantelzorgpremie-brugge"],
        instellingen=_met_api(instellingen, basis),
    )
    assert _nummers(engine) == {"mantelzorgpremie-brugge"}


def test_zonder_sleutel_geweigerd(server: Server, engine: Engine, instellingen: Settings) -> None:
    basis, verzoeken = server
    with pytest.raises(LaadFout) as fout:
        laad(engine, [f"{basis}{PAD}"], instellingen=_met_api(instellingen, basis, None))
    assert "API-sleutel ontbreekt of is ongeldig" in str(fout.value)
    assert verzoeken == [(PAD, None)]


def test_sleutel_alleen_naar_de_ipdc_server(
    server: Server, engine: Engine, instellingen: Settings
) -> None:
    """The key is for the configured IPDC host only: another host does not get it."""
    basis, verzoeken = server
    andere = basis.replace("127.0.0.1", "localhost")
    with pytest.raises(LaadFout):
        laad(engine, [f"{andere}{PAD}"], instellingen=_met_api(instellingen, basis))
    assert verzoeken == [(PAD, None)]


def test_foutmelding_van_de_api(
    ipdc_server: Server, engine: Engine, instellingen: Settings
) -> None:
    """The real error bodies of the IPDC API (../shared/ipdc/api-json/error-*.json)."""
    basis, _ = ipdc_server
    with pytest.raises(LaadFout) as fout:
        laad(engine, [f"{basis}/v1/producten/12345"], instellingen=_met_api(instellingen, basis))
    assert "Concept niet gevonden" in str(fout.value)
    assert "404" in str(fout.value)
    with pytest.raises(LaadFout, match="Concept id of productnummer moet aanwezig zijn"):
        laad(engine, [f"{basis}/v1/producten"], instellingen=_met_api(instellingen, basis))


def test_ldes_volgt_volgende_pagina(
    ipdc_server: Server, engine: Engine, instellingen: Settings
) -> None:
    """The real LDES pages (../shared/ipdc/ldes), each pointing to the other."""
    basis, verzoeken = ipdc_server
    resultaat = laad(
        engine,
        [f"{basis}/doc/conceptsnapshot?pageNumber=0"],
        instellingen=_met_api(instellingen, basis),
    )
    assert resultaat.producten.nieuw == 2
    assert _nummers(engine) == {"1502", "10092"}
    assert [pad for pad, _ in verzoeken] == [
        "/doc/conceptsnapshot?pageNumber=0",
        "/doc/conceptsnapshot?pageNumber=1",
    ]  # page 1 points back to page 0: no endless loop
    assert all(sleutel == SLEUTEL for _, sleutel in verzoeken)


def test_lijstpaginas_volgen(server: Server, engine: Engine, instellingen: Settings) -> None:
    basis, verzoeken = server
    resultaat = laad(
        engine, [f"{basis}/doc/instantie?pageIndex=0"], instellingen=_met_api(instellingen, basis)
    )
    assert resultaat.producten.nieuw == 2
    assert _nummers(engine) == set(LIJST)
    assert verzoeken == [
        ("/doc/instantie?pageIndex=0", SLEUTEL),
        ("/doc/instantie?pageIndex=1", SLEUTEL),
    ]


def test_codelijst_in_turtle(server: Server, engine: Engine, instellingen: Settings) -> None:
    basis, _ = server
    resultaat = laad(
        engine, [f"{basis}/codelijsten/thema.ttl"], instellingen=_met_api(instellingen, basis)
    )
    assert resultaat.codelijsten.nieuw + resultaat.codelijsten.ongewijzigd >= 1


def test_server_niet_bereikbaar(engine: Engine, instellingen: Settings) -> None:
    with pytest.raises(LaadFout, match="niet bereikbaar"):
        laad(engine, ["http://127.0.0.1:9/v1/producten/1"], instellingen=instellingen)


def test_ipdc_zonder_url(engine: Engine, instellingen: Settings) -> None:
    with pytest.raises(LaadFout, match="IPDC_API_URL"):
        laad(engine, ["ipdc:v1/producten/1"], instellingen=instellingen)
