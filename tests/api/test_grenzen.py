"""The limits of the whole app: requests per client address, and the size of a body.

The counter and the client address on their own, then the real API process over HTTP
with small limits. All requests of a test come from 127.0.0.1: once as our own proxy
(``VERTROUWDE_PROXIES``), once as a client whose ``X-Forwarded-For`` must be ignored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from serverproces import start_server

from bot.api.grenzen import TE_VEEL, te_groot, teller_sleutel
from bot.api.klantadres import Klantadres, OngeldigeProxy, lees_proxies
from bot.api.tellers import MAX_SLEUTELS, GeheugenTeller

# --- the counter --------------------------------------------------------------------------


class Klok:
    def __init__(self) -> None:
        self.nu = 1_000_020.0  # the start of a window of 60 s

    def __call__(self) -> float:
        return self.nu


def tel(teller: GeheugenTeller, sleutel: str, maximum: int = 300, venster: float = 60) -> float:
    return teller.tel_nu(sleutel, maximum, venster)


def test_teller_laat_het_maximum_door_en_zegt_hoe_lang_wachten() -> None:
    klok = Klok()
    teller = GeheugenTeller(klok)
    assert [tel(teller, "a") for _ in range(300)] == [0.0] * 300
    wacht = tel(teller, "a")
    assert 60 <= wacht <= 62
    assert tel(teller, "b") == 0.0  # another address is not slowed down
    klok.nu += 30
    assert tel(teller, "a") > 0  # half a minute later: the 300 still count
    klok.nu += wacht - 30  # after the wait, one more fits
    assert tel(teller, "a") == 0.0
    klok.nu += 120  # two quiet minutes: all of them again
    assert [tel(teller, "a") for _ in range(300)] == [0.0] * 300


def test_teller_een_geweigerde_vraag_telt_niet() -> None:
    klok = Klok()
    teller = GeheugenTeller(klok)
    for _ in range(3):
        tel(teller, "a", maximum=3)
    for _ in range(50):
        assert tel(teller, "a", maximum=3) > 0
    klok.nu += 125
    assert tel(teller, "a", maximum=3) == 0.0


def test_teller_vergeet_stille_sleutels() -> None:
    klok = Klok()
    teller = GeheugenTeller(klok)
    for i in range(MAX_SLEUTELS + 1):
        tel(teller, f"k{i}")
    klok.nu += 180
    tel(teller, "nieuw")
    assert len(teller._tellingen) == 1


def test_ipv6_telt_per_64_en_ipv4_in_ipv6_als_ipv4() -> None:
    assert teller_sleutel("2001:db8:1:2::5") == teller_sleutel("2001:db8:1:2:ffff::9")
    assert teller_sleutel("2001:db8:1:2::5") != teller_sleutel("2001:db8:1:3::5")
    assert teller_sleutel("::ffff:203.0.113.7") == teller_sleutel("203.0.113.7")


# --- the client address --------------------------------------------------------------------


def scope(peer: str, *doorgestuurd: str) -> dict:
    koppen = [(b"x-forwarded-for", d.encode()) for d in doorgestuurd]
    return {"type": "http", "client": (peer, 5000), "headers": koppen}


def test_zonder_proxies_telt_alleen_het_directe_adres() -> None:
    assert Klantadres().van(scope("198.51.100.1", "203.0.113.7")) == "198.51.100.1"


def test_x_forwarded_for_alleen_van_een_vertrouwde_proxy() -> None:
    adres = Klantadres(lees_proxies(["10.0.0.0/8", "192.0.2.1"]))
    # from our proxy: the address it added (the rightmost), past our own proxies
    assert adres.van(scope("10.1.2.3", "203.0.113.7")) == "203.0.113.7"
    assert adres.van(scope("10.1.2.3", "1.2.3.4, 203.0.113.7, 192.0.2.1")) == "203.0.113.7"
    assert adres.van(scope("10.1.2.3", "1.2.3.4", "203.0.113.7")) == "203.0.113.7"
    # a client who writes the header itself, straight to us: ignored
    assert adres.van(scope("198.51.100.1", "203.0.113.7")) == "198.51.100.1"
    # our proxy without the header: the proxy itself
    assert adres.van(scope("10.1.2.3")) == "10.1.2.3"


def test_een_proxy_die_geen_adres_is_stopt_de_start() -> None:
    with pytest.raises(OngeldigeProxy, match="VERTROUWDE_PROXIES: 'proxy.gent.be'"):
        lees_proxies(["10.0.0.1", "proxy.gent.be"])


# --- over HTTP -----------------------------------------------------------------------------

MAXIMUM = 8
MAX_KB = 1


def start(map_: Path, **instellingen: str) -> tuple[object, str]:
    with pytest.MonkeyPatch.context() as omgeving:
        for naam, waarde in instellingen.items():
            omgeving.setenv(naam, waarde)
        return start_server(f"sqlite:///{map_ / 'api.db'}", map_ / "server.log")


@pytest.fixture(scope="module")
def achter_proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API behind our own proxy (127.0.0.1), with small limits."""
    proces, url = start(
        tmp_path_factory.mktemp("grenzen-proxy"),
        MAX_PER_ADRES_PER_MINUUT=str(MAXIMUM),
        VERTROUWDE_PROXIES='["127.0.0.1"]',
        MAX_INHOUD_KB=str(MAX_KB),
    )
    yield url
    proces.terminate()  # type: ignore[attr-defined]
    proces.wait(timeout=10)  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def zonder_proxy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API reached straight by its clients: X-Forwarded-For means nothing."""
    proces, url = start(
        tmp_path_factory.mktemp("grenzen-direct"), MAX_PER_ADRES_PER_MINUUT=str(MAXIMUM)
    )
    yield url
    proces.terminate()  # type: ignore[attr-defined]
    proces.wait(timeout=10)  # type: ignore[attr-defined]


def van(adres: str) -> dict[str, str]:
    return {"X-Forwarded-For": adres}


def test_per_adres_achter_onze_proxy(achter_proxy: str) -> None:
    with httpx.Client(base_url=achter_proxy, timeout=10) as api:
        codes = [api.get("/api/v1/attributen", headers=van("203.0.113.7")).status_code]
        codes += [
            api.get("/", headers=van("1.2.3.4, 203.0.113.7")).status_code
            for _ in range(MAXIMUM - 1)  # the page counts too; a forged left part does not
        ]
        assert codes == [200] * MAXIMUM
        te_veel = api.get(
            "/api/v1/attributen",
            headers={**van("203.0.113.7"), "Origin": "http://localhost:8000"},
        )
        assert te_veel.status_code == 429
        assert te_veel.json() == {"detail": TE_VEEL}
        assert 1 <= int(te_veel.headers["retry-after"]) <= 60 + 60 / MAXIMUM + 1
        assert te_veel.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors" in te_veel.headers["content-security-policy"]
        # the widget on an allowed site can read the answer
        assert te_veel.headers["access-control-allow-origin"] == "http://localhost:8000"
        # another person behind the same proxy goes on; a health check is never refused
        assert api.get("/api/v1/attributen", headers=van("203.0.113.8")).status_code == 200
        for _ in range(MAXIMUM + 2):
            assert api.get("/api/v1/gezondheid", headers=van("203.0.113.7")).status_code == 200


def test_x_forwarded_for_van_een_client_telt_niet(zonder_proxy: str) -> None:
    with httpx.Client(base_url=zonder_proxy, timeout=10) as api:
        codes = [
            api.get("/api/v1/attributen", headers=van(f"203.0.113.{i}")).status_code
            for i in range(MAXIMUM + 1)
        ]
    assert codes == [200] * MAXIMUM + [429]


def groot_profiel(kb: int) -> bytes:
    return json.dumps({"profiel": {"gemeente": "Gent " + "x" * kb * 1024}}).encode()


def test_te_grote_vraag_geeft_413(achter_proxy: str) -> None:
    with httpx.Client(base_url=achter_proxy, timeout=10, headers=van("198.51.100.20")) as api:
        kop = {"content-type": "application/json"}
        antwoord = api.post("/api/v1/evaluatie", content=groot_profiel(2), headers=kop)
        assert antwoord.status_code == 413
        assert antwoord.json() == {"detail": te_groot(MAX_KB)}
        assert antwoord.headers["x-content-type-options"] == "nosniff"

        def in_stukken(inhoud: bytes) -> Iterator[bytes]:  # no Content-Length: chunked
            for i in range(0, len(inhoud), 300):
                yield inhoud[i : i + 300]

        stukken = api.post("/api/v1/chat", content=in_stukken(groot_profiel(2)), headers=kop)
        assert stukken.status_code == 413
        assert stukken.json() == {"detail": te_groot(MAX_KB)}
        # under the limit, in pieces too, the request is read whole
        klein = json.dumps({"profiel": {"gemeente": "Gent", "leeftijd": 34}}).encode()
        assert (
            api.post("/api/v1/evaluatie", content=in_stukken(klein), headers=kop).status_code == 200
        )
        # the screening upload keeps its own limit (here: no key configured, so 503)
        screening = api.post(
            "/api/v1/screening", content=b"leeftijd\n" + b"34\n" * 1500, headers=kop
        )
        assert screening.status_code == 503
