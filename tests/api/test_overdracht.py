"""The hand-over of a chat to a social worker: codes, the encrypted store, redeeming over HTTP.

The app runs in-process (TestClient) on the bundled catalogue in a real SQLite file. A code is
made by the store the app built (as the chat route does after the person's yes; that route's
happy path needs the bot: ``tests/widget/test_overdracht_chat.py``), then redeemed over HTTP.
"""

from __future__ import annotations

import base64
import logging
import stat
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from bot.api.main import create_app
from bot.api.routes.overdracht import (
    GEEN_TOESTEMMING,
    NIET_AANGEMELD,
    NIET_INGESTELD,
    TOESTEMMING_SLOT,
    code_tekst,
    geldig_tot,
)
from bot.catalogue.models import Overdracht
from bot.diensten import Diensten
from bot.overdracht import (
    CodeOnbekend,
    CodeOngeldig,
    Kluis,
    Overdrachten,
    laad_of_maak_sleutel,
    maak_code,
    normaliseer_code,
    toon_code,
)
from bot.overdracht.code import ALFABET
from bot.overdracht.opslag import GEBRUIKT_OF_VERLOPEN
from bot.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serverproces import vrije_poort  # noqa: E402

BEGELEIDER = ("an.peeters", "een lang wachtwoord")
PROFIEL = {
    "gemeente": "Gent",
    "leeftijd": 34,
    "samenwonend_met_partner": False,
    "netto_maandinkomen_gezin": 917.43,
    "woonsituatie": "huurder_privaat",
    "werksituatie": None,
}
INHOUD = {"profiel": PROFIEL, "rechten": None}


def instellingen(tmp_path: Path, **extra: Any) -> Settings:
    standaard: dict[str, Any] = {
        "rasa_url": f"http://127.0.0.1:{vrije_poort()}",  # the bot is 'down'
        "begeleiders": {BEGELEIDER[0]: BEGELEIDER[1]},
        "overdracht_sleutelbestand": tmp_path / "overdracht.sleutel",
    }
    return Settings(**{**standaard, **extra})


@pytest.fixture()
def client(diensten: Diensten, tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(instellingen(tmp_path), diensten=diensten)) as c:
        yield c


def opslag(client: TestClient) -> Overdrachten:
    return client.app.state.overdracht.opslag  # type: ignore[attr-defined]


def wissel_in(client: TestClient, code: str, inlog: tuple[str, str] | None = BEGELEIDER) -> Any:
    return client.post("/api/v1/overdracht/inwisselen", json={"code": code}, auth=inlog)


# --- the code ------------------------------------------------------------------------------


def test_code_heeft_geen_letters_die_op_elkaar_lijken() -> None:
    assert not set("0O1IL2Z5S8BQD") & set(ALFABET)
    codes = {maak_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 8 and set(c) <= set(ALFABET) for c in codes)
    assert toon_code("KEM47XPA") == "KEM4-7XPA"


def test_code_mag_met_kleine_letters_spaties_en_streepje() -> None:
    assert normaliseer_code(" kem4 - 7xpa ") == "KEM47XPA"
    for fout in ("KEM4-7XP", "KEM0-7XPA", "KEM4-7XPAA", ""):
        with pytest.raises(CodeOngeldig, match="Een code heeft 8 tekens"):
            normaliseer_code(fout)


# --- the key and the encryption ------------------------------------------------------------


def test_sleutel_wordt_gemaakt_met_0600_en_hergebruikt(tmp_path: Path) -> None:
    pad = tmp_path / "var" / "overdracht.sleutel"
    sleutel = laad_of_maak_sleutel(pad)
    assert stat.S_IMODE(pad.stat().st_mode) == 0o600
    assert len(base64.urlsafe_b64decode(sleutel)) == 32
    assert laad_of_maak_sleutel(pad) == sleutel


def test_bewaard_profiel_is_versleuteld_en_de_code_staat_er_niet_in(
    client: TestClient,
) -> None:
    bewaard = opslag(client).bewaar(INHOUD)
    with opslag(client).sessiemaker() as sessie:
        rij = sessie.scalars(
            select(Overdracht).where(
                Overdracht.sleutel == opslag(client).kluis.code_hash(bewaard.code)
            )
        ).one()
    ruw = rij.inhoud + rij.sleutel.encode()
    for geheim in (b"Gent", b"917.43", b"huurder_privaat", b"leeftijd", bewaard.code.encode()):
        assert geheim not in ruw
    assert len(rij.sleutel) == 64
    assert rij.vervalt_op - rij.gemaakt_op == timedelta(days=7)
    assert opslag(client).kluis.ontsleutel(rij.inhoud) == INHOUD
    with pytest.raises(Exception, match="niet meer geopend"):  # another key cannot read it
        Kluis(Fernet.generate_key()).ontsleutel(rij.inhoud)


# --- redeeming over HTTP -------------------------------------------------------------------


def test_code_opent_hetzelfde_profiel_een_keer(client: TestClient) -> None:
    bewaard = opslag(client).bewaar(INHOUD)
    eerste = wissel_in(client, toon_code(bewaard.code).lower())
    assert eerste.status_code == 200, eerste.text
    assert eerste.json() == {"profiel": PROFIEL, "rechten": None}
    assert eerste.headers["cache-control"] == "no-store"
    tweede = wissel_in(client, bewaard.code)
    assert tweede.status_code == 404
    assert tweede.json() == {"detail": GEBRUIKT_OF_VERLOPEN}
    assert tweede.json()["detail"].startswith("Deze code is al gebruikt of verlopen.")


def test_gekozen_rechten_komen_mee(client: TestClient) -> None:
    bewaard = opslag(client).bewaar({"profiel": {"leeftijd": 70}, "rechten": ["igo"]})
    assert wissel_in(client, bewaard.code).json() == {
        "profiel": {"leeftijd": 70},
        "rechten": ["igo"],
    }


def test_verlopen_code_wordt_geweigerd_en_gewist(client: TestClient) -> None:
    eigen = opslag(client)
    vroeger = Overdrachten(
        eigen.sessiemaker,
        eigen.kluis,
        eigen.bewaartermijn,
        nu=lambda: datetime.now(UTC) - timedelta(days=7, minutes=1),
    )
    verlopen = vroeger.bewaar(INHOUD)
    net_niet = Overdrachten(
        eigen.sessiemaker,
        eigen.kluis,
        eigen.bewaartermijn,
        nu=lambda: datetime.now(UTC) - timedelta(days=6, hours=23),
    ).bewaar(INHOUD)
    antwoord = wissel_in(client, verlopen.code)
    assert antwoord.status_code == 404
    assert antwoord.json() == {"detail": GEBRUIKT_OF_VERLOPEN}
    with eigen.sessiemaker() as sessie:  # the expired row is purged on each access
        sleutels = set(sessie.scalars(select(Overdracht.sleutel)))
    assert eigen.kluis.code_hash(verlopen.code) not in sleutels
    assert eigen.kluis.code_hash(net_niet.code) in sleutels
    assert wissel_in(client, net_niet.code).status_code == 200


def test_verlopen_rijen_worden_bij_de_start_gewist(diensten: Diensten, tmp_path: Path) -> None:
    with TestClient(create_app(instellingen(tmp_path), diensten=diensten)) as c:
        eigen = opslag(c)
        Overdrachten(
            eigen.sessiemaker,
            eigen.kluis,
            eigen.bewaartermijn,
            nu=lambda: datetime.now(UTC) - timedelta(days=30),
        ).bewaar(INHOUD)
    with (
        TestClient(create_app(instellingen(tmp_path), diensten=diensten)),
        diensten.sessiemaker() as sessie,
    ):
        oud = sessie.scalar(
            select(func.count())
            .select_from(Overdracht)
            .where(Overdracht.vervalt_op <= datetime.now(UTC))
        )
    assert oud == 0


def test_bewaartermijn_en_datum_in_de_tekst(diensten: Diensten, tmp_path: Path) -> None:
    with TestClient(create_app(instellingen(tmp_path, overdracht_dagen=3), diensten=diensten)) as c:
        eigen = opslag(c)
        eigen.nu = lambda: datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
        bewaard = eigen.bewaar(INHOUD)
    assert bewaard.vervalt_op == datetime(2026, 12, 10, 10, 0, tzinfo=UTC)
    tot = geldig_tot(bewaard.vervalt_op)
    assert str(tot) == "2026-12-10"
    tekst = code_tekst(bewaard.code, tot)
    assert toon_code(bewaard.code) in tekst
    assert "tot en met 10 december 2026" in tekst


# --- who may redeem, and how often ---------------------------------------------------------


def test_zonder_of_met_foute_login_401(client: TestClient) -> None:
    bewaard = opslag(client).bewaar(INHOUD)
    for inlog in (None, (BEGELEIDER[0], "fout"), ("iemand", BEGELEIDER[1])):
        antwoord = wissel_in(client, bewaard.code, inlog)
        assert antwoord.status_code == 401
        assert antwoord.json() == {"detail": NIET_AANGEMELD}
        assert antwoord.headers["www-authenticate"].startswith("Basic ")
    assert wissel_in(client, bewaard.code).status_code == 200  # not used by the refusals


def test_een_misvormde_login_krijgt_ook_een_nederlands_antwoord(client: TestClient) -> None:
    """Not base64, or no colon: FastAPI itself would say "Not authenticated"."""
    for kop in ("Basic !!!geen-base64", "Basic Z2VlbmR1YmJlbHB1bnQ="):  # "geendubbelpunt"
        antwoord = client.post(
            "/api/v1/overdracht/inwisselen",
            json={"code": "KEM4-7XPA"},
            headers={"Authorization": kop},
        )
        assert antwoord.status_code == 401
        assert antwoord.json() == {"detail": NIET_AANGEMELD}
        assert antwoord.headers["www-authenticate"].startswith("Basic ")


def test_na_vijf_foute_wachtwoorden_429_voor_dat_adres(client: TestClient) -> None:
    for _ in range(5):
        assert wissel_in(client, "KEM4-7XPA", (BEGELEIDER[0], "raden")).status_code == 401
    assert wissel_in(client, "KEM4-7XPA", (BEGELEIDER[0], "raden")).status_code == 429
    assert wissel_in(client, "KEM4-7XPA").status_code == 429  # also with the right password


def test_zonder_begeleiders_503_met_uitleg(diensten: Diensten, tmp_path: Path) -> None:
    with TestClient(create_app(instellingen(tmp_path, begeleiders={}), diensten=diensten)) as c:
        antwoord = wissel_in(c, "KEM4-7XPA")
    assert antwoord.status_code == 503
    assert antwoord.json() == {"detail": NIET_INGESTELD}


def test_na_vijf_foute_codes_429_ook_voor_een_goede(client: TestClient) -> None:
    bewaard = opslag(client).bewaar(INHOUD)
    for fout in ("KEM4-7XPA", "KEM4-7XPC", "KEM0-0000", "AAAA-AAAA", "CCCC-CCCC"):
        assert wissel_in(client, fout).status_code in (404, 422)
    geweigerd = wissel_in(client, bewaard.code)
    assert geweigerd.status_code == 429
    assert geweigerd.json()["detail"].startswith(
        "U probeerde te veel foute codes. Wacht 15 minuten"
    )
    assert geweigerd.headers["retry-after"] == "900"


def test_te_veel_fouten_van_iedereen_samen_429_voor_allen(
    diensten: Diensten, tmp_path: Path
) -> None:
    logins = {f"werker{i}": "geheim" for i in range(4)}
    extra = {"begeleiders": logins, "overdracht_max_fouten_totaal": 3}
    with TestClient(create_app(instellingen(tmp_path, **extra), diensten=diensten)) as c:
        for i in range(3):
            assert wissel_in(c, "KEM4-7XPA", (f"werker{i}", "geheim")).status_code == 404
        assert wissel_in(c, "KEM4-7XPA", ("werker3", "geheim")).status_code == 429


def test_ongeldige_code_422_in_het_nederlands(client: TestClient) -> None:
    antwoord = wissel_in(client, "hallo")
    assert antwoord.status_code == 422
    assert antwoord.json()["fouten"][0]["bericht"].startswith("Deze code klopt niet.")
    assert client.post("/api/v1/overdracht/inwisselen", json={}, auth=BEGELEIDER).status_code == 422


def test_niets_van_code_of_profiel_in_de_logs(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    bewaard = opslag(client).bewaar(INHOUD)
    wissel_in(client, bewaard.code)
    wissel_in(client, bewaard.code)
    wissel_in(client, "KEM4-7XPA")
    tekst = caplog.text
    for geheim in (bewaard.code, toon_code(bewaard.code), "Gent", "917.43", BEGELEIDER[1]):
        assert geheim not in tekst


# --- asking a code from the chat (its happy path needs the bot) -----------------------------


def test_code_vragen_zonder_bot_503_ongeldige_sessie_of_vreemde_site(client: TestClient) -> None:
    pad = "/api/v1/chat/abcdef0123456789/overdracht"
    with opslag(client).sessiemaker() as sessie:
        voor = sessie.scalar(select(func.count()).select_from(Overdracht))
    assert client.post(pad).status_code == 503
    assert client.post("/api/v1/chat/kort/overdracht").status_code == 422
    vreemd = client.post(pad, headers={"Origin": "https://kwaad.example"})
    assert vreemd.status_code == 403
    assert vreemd.json()["detail"] == "Deze website mag de chat niet gebruiken."
    with opslag(client).sessiemaker() as sessie:  # nothing kept
        assert sessie.scalar(select(func.count()).select_from(Overdracht)) == voor


def test_teksten_en_slot_zoals_in_de_acties() -> None:
    from actions.overdracht import TOESTEMMING_SLOT as ACTIES_SLOT

    assert TOESTEMMING_SLOT == ACTIES_SLOT
    assert "ja" in GEEN_TOESTEMMING


def test_routes_staan_in_de_api_beschrijving(client: TestClient) -> None:
    paden = client.get("/openapi.json").json()["paths"]
    assert "/api/v1/chat/{sessie}/overdracht" in paden
    assert "/api/v1/overdracht/inwisselen" in paden


def test_de_chat_geeft_alleen_een_bekende_actie_door_aan_de_widget() -> None:
    from bot.api.routes.chat import ChatUit, _bericht

    bekend = _bericht({"custom": {"actie": "overdracht"}})
    vreemd = _bericht({"custom": {"actie": "wis_alles"}})
    gewoon = _bericht({"text": "Dag!"})
    assert bekend.actie == "overdracht"
    assert vreemd.actie is None and gewoon.actie is None
    uit = ChatUit(berichten=[gewoon, bekend]).model_dump(exclude_none=True)
    assert uit["berichten"][0] == {"van": "bot", "tekst": "Dag!", "knoppen": []}
    assert uit["berichten"][1]["actie"] == "overdracht"


@pytest.mark.postgres
def test_op_postgresql_een_keer_en_versleuteld(postgres_url: str) -> None:
    """The same store on a real PostgreSQL server (DELETE … RETURNING, timestamptz)."""
    from uuid import uuid4

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from bot.catalogue.db import maak_engine, migreer, sessie_fabriek

    beheer = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    naam = f"overdracht_{uuid4().hex[:8]}"
    with beheer.connect() as verbinding:
        verbinding.execute(text(f'CREATE DATABASE "{naam}"'))
    url = make_url(postgres_url).set(database=naam).render_as_string(hide_password=False)
    engine = maak_engine(url)
    try:
        migreer(engine)
        kluis = Kluis(Fernet.generate_key())
        opslag_pg = Overdrachten(sessie_fabriek(engine), kluis, timedelta(days=7))
        bewaard = opslag_pg.bewaar(INHOUD)
        verlopen = Overdrachten(
            opslag_pg.sessiemaker,
            kluis,
            timedelta(days=7),
            nu=lambda: datetime.now(UTC) - timedelta(days=8),
        ).bewaar(INHOUD)
        with engine.connect() as verbinding:
            ruw = verbinding.execute(text("SELECT inhoud FROM overdracht")).scalars().all()
        assert len(ruw) == 2 and all(b"Gent" not in bytes(r) for r in ruw)
        assert opslag_pg.wissel_in(toon_code(bewaard.code)) == INHOUD
        for code in (bewaard.code, verlopen.code):
            with pytest.raises(CodeOnbekend, match="al gebruikt of verlopen"):
                opslag_pg.wissel_in(code)
        with engine.connect() as verbinding:
            assert verbinding.execute(text("SELECT count(*) FROM overdracht")).scalar() == 0
    finally:
        engine.dispose()
        with beheer.connect() as verbinding:
            verbinding.execute(text(f'DROP DATABASE IF EXISTS "{naam}" WITH (FORCE)'))
        beheer.dispose()


def test_een_integrator_wisselt_in_met_de_integratiesleutel(
    diensten: Diensten, tmp_path: Path
) -> None:
    """Server to server: the integrator key (X-API-Sleutel) instead of a social worker's
    login, also when no social workers are set; a wrong key is refused and counted."""
    sleutel = "een-lange-sleutel-voor-de-helpdesk"
    app = create_app(
        instellingen(tmp_path, begeleiders={}, integratie_sleutel=sleutel), diensten=diensten
    )
    with TestClient(app) as c:
        bewaard = opslag(c).bewaar(INHOUD)
        pad, inhoud = "/api/v1/overdracht/inwisselen", {"code": bewaard.code}
        fout = c.post(pad, json=inhoud, headers={"X-API-Sleutel": "fout"})
        assert fout.status_code == 403
        assert fout.json()["detail"] == "Deze integratiesleutel klopt niet."
        goed = c.post(pad, json=inhoud, headers={"X-API-Sleutel": sleutel})
        assert goed.status_code == 200, goed.text
        assert goed.json() == {"profiel": PROFIEL, "rechten": None}
        zonder = wissel_in(c, bewaard.code, inlog=None)  # no key, no social workers
        assert zonder.status_code == 503
