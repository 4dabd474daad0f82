"""The hand-over in a real headless Chromium: a code opens the conversation's profile in
/begeleid once, behind the social worker's login, and is refused after use or expiry.

Two ways to get a code:
- without Rasa: made by the store the way the chat route makes it (the server's database,
  the server's key), for a profile as the bot's tracker holds it;
- with the real bot (marked ``bot``): a conversation through the API, the bot's explanation
  and the person's yes, then ``POST /api/v1/chat/{sessie}/overdracht``.
Screenshots go to var/screenshots/overdracht-*.png.
"""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.fernet import Fernet

from bot.api.routes.overdracht import GEEN_TOESTEMMING, NIET_AANGEMELD
from bot.catalogue.db import maak_engine, sessie_fabriek
from bot.notatie import datum_tekst
from bot.overdracht import Kluis, Overdrachten, toon_code
from bot.overdracht.opslag import GEBRUIKT_OF_VERLOPEN
from bot.tijd import vandaag
from bot.vocabulary import AttribuutType, laad_vocabulaire

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serverproces import api_proces  # noqa: E402
from test_begeleid_browser import (  # noqa: E402
    DESKTOP,
    SCHERMAFDRUKKEN,
    axe_schendingen,
    op_de_pagina,
    open_pagina,
    volgens_api,
    wacht_op_resultaat,
)

pytestmark = pytest.mark.widget

VOCABULAIRE = laad_vocabulaire()
BEGELEIDER = ("an.peeters", "een lang wachtwoord")
SLEUTEL = Fernet.generate_key()
KLAAR = "De antwoorden uit het gesprek staan in het formulier. De code is nu gebruikt."

# A profile as the bot's tracker holds it: the official municipality name, None for
# "weet ik niet" (the field stays "Onbekend").
PROFIEL_UIT_GESPREK = {
    "gemeente": "Brugge",
    "leeftijd": 72,
    "samenwonend_met_partner": False,
    "aantal_kinderen": 0,
    "woonsituatie": "huurder_privaat",
    "netto_maandinkomen_gezin": 1250,
    "werksituatie": "gepensioneerd",
    "verblijfsstatus": None,
}


def api_met_rasa(
    rasa_url: str, map_: Path, rasa_token: str = "", gesprekken_url: str | None = None
) -> AbstractContextManager[str]:
    """The real API in its own process (as ``make run``), with these settings."""
    return api_proces(
        map_,
        **INSTELLINGEN,
        RASA_URL=rasa_url,
        RASA_TOKEN=rasa_token,
        GESPREKKEN_URL=gesprekken_url or f"sqlite:///{map_ / 'gesprekken.db'}",
    )


INSTELLINGEN = {
    "BEGELEIDERS": f'{{"{BEGELEIDER[0]}": "{BEGELEIDER[1]}"}}',
    "OVERDRACHT_SLEUTEL": SLEUTEL.decode(),
    # all tests come from 127.0.0.1: the limit of wrong attempts is the API test's job
    "OVERDRACHT_MAX_FOUTEN": "50",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The API (Rasa 'down') with a social worker's login and a known key: its URL and
    its folder (database and log)."""
    map_ = tmp_path_factory.mktemp("overdracht")
    dood = "http://127.0.0.1:9"  # nothing listens: the bot is not needed here
    with api_met_rasa(dood, map_) as url:
        yield url, map_


@pytest.fixture(scope="module")
def opslag(server: tuple[str, Path]) -> Iterator[Overdrachten]:
    """The server's store, opened here as the chat route opens it (same database and key)."""
    engine = maak_engine(f"sqlite:///{server[1] / 'api.db'}")
    yield Overdrachten(sessie_fabriek(engine), Kluis(SLEUTEL), timedelta(days=7))
    engine.dispose()


@pytest.fixture()
def werker(browser: Any) -> Iterator[Any]:
    """A browser context with the social worker's login (the Basic dialog, answered)."""
    c = browser.new_context(
        viewport=DESKTOP,
        locale="nl-BE",
        http_credentials={"username": BEGELEIDER[0], "password": BEGELEIDER[1]},
    )
    yield c
    c.close()


def open_code(pagina: Any, code: str) -> str:
    """Type the code and open it; the status the page then shows."""
    pagina.fill("#code", code)
    pagina.click("#code-openen")
    pagina.wait_for_function(
        "() => !document.getElementById('code-status').textContent.includes('wordt geopend')"
        " && document.getElementById('code-status').textContent !== ''",
        timeout=15_000,
    )
    return pagina.text_content("#code-status")


def in_het_formulier(pagina: Any) -> dict[str, Any]:
    """The profile as the form holds it (only fields that are filled in)."""
    uit: dict[str, Any] = {}
    for sleutel, attribuut in VOCABULAIRE.attributen.items():
        if attribuut.type is AttribuutType.BOOL:
            gekozen = pagina.locator(f"input[name='{sleutel}']:checked")
            waarde = gekozen.get_attribute("value") if gekozen.count() else ""
            if waarde:
                uit[sleutel] = waarde == "true"
            continue
        veld = pagina.locator(f"#{sleutel}")
        if not veld.count():
            continue
        waarde = veld.input_value()
        if waarde == "":
            continue
        if attribuut.type in (AttribuutType.INT, AttribuutType.EURO):
            uit[sleutel] = int(float(waarde)) if float(waarde).is_integer() else float(waarde)
        else:
            uit[sleutel] = waarde
    return uit


def test_code_opent_hetzelfde_profiel_een_keer(
    werker: Any, server: tuple[str, Path], opslag: Overdrachten
) -> None:
    url = server[0]
    bewaard = opslag.bewaar({"profiel": PROFIEL_UIT_GESPREK, "rechten": None})
    pagina = open_pagina(werker, url)
    voor = int(pagina.evaluate("() => Number(document.body.dataset.evaluaties || 0)"))
    # read aloud and typed as heard: lower case, a space instead of the dash
    assert open_code(pagina, toon_code(bewaard.code).lower().replace("-", " ")) == KLAAR
    wacht_op_resultaat(pagina, voor)  # the result of the profile from the code
    verwacht = {k: v for k, v in PROFIEL_UIT_GESPREK.items() if v is not None}
    assert in_het_formulier(pagina) == verwacht
    assert pagina.locator("#verblijfsstatus").input_value() == ""  # "weet ik niet": Onbekend
    with httpx.Client(base_url=url, timeout=30) as api:
        groepen, _ = volgens_api(api, verwacht)
    assert op_de_pagina(pagina) == groepen
    assert groepen["waarschijnlijk"]  # the live results show
    SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
    pagina.screenshot(path=str(SCHERMAFDRUKKEN / "overdracht-geopend.png"))
    assert pagina.input_value("#code") == ""

    # the same code again: refused, in Dutch, and the form keeps what it has
    status = open_code(pagina, toon_code(bewaard.code))
    assert status == GEBRUIKT_OF_VERLOPEN
    assert "fout" in (pagina.get_attribute("#code-status", "class") or "")
    assert in_het_formulier(pagina) == verwacht
    pagina.screenshot(path=str(SCHERMAFDRUKKEN / "overdracht-al-gebruikt.png"))
    resultaat = axe_schendingen(pagina)
    assert resultaat.violations_count == 0, resultaat.generate_report()
    assert "#code" in str(resultaat.response["passes"])
    assert pagina.fouten == []


def test_verlopen_code_wordt_geweigerd(
    werker: Any, server: tuple[str, Path], opslag: Overdrachten
) -> None:
    oud = Overdrachten(
        opslag.sessiemaker,
        opslag.kluis,
        opslag.bewaartermijn,
        nu=lambda: datetime.now(UTC) - timedelta(days=8),
    ).bewaar({"profiel": PROFIEL_UIT_GESPREK, "rechten": None})
    pagina = open_pagina(werker, server[0])
    assert open_code(pagina, toon_code(oud.code)) == GEBRUIKT_OF_VERLOPEN
    assert in_het_formulier(pagina) == {}


def test_foute_login_geen_profiel(browser: Any, server: tuple[str, Path], opslag: Overdrachten):
    """A wrong password in the browser's login dialog. (Without any login, a real browser
    shows that dialog; headless Chromium cannot cancel it: the API test covers that 401.)"""
    bewaard = opslag.bewaar({"profiel": PROFIEL_UIT_GESPREK, "rechten": None})
    context = browser.new_context(
        viewport=DESKTOP,
        locale="nl-BE",
        http_credentials={"username": BEGELEIDER[0], "password": "fout"},
    )
    try:
        pagina = open_pagina(context, server[0])
        assert open_code(pagina, toon_code(bewaard.code)) == NIET_AANGEMELD
        assert in_het_formulier(pagina) == {}
        assert open_code(pagina, "") == "Vul eerst de code in."
    finally:
        context.close()
    with httpx.Client(base_url=server[0], timeout=30) as api:  # the code was not used up
        antwoord = api.post(
            "/api/v1/overdracht/inwisselen", json={"code": bewaard.code}, auth=BEGELEIDER
        )
    assert antwoord.status_code == 200


def test_niets_van_code_of_profiel_in_het_serverlog(server: tuple[str, Path]) -> None:
    log = (server[1] / "server.log").read_text(errors="replace")
    assert "Brugge" not in log and "1250" not in log and BEGELEIDER[1] not in log


# --- with the real bot: the consent in the conversation, then the code -------------------


@pytest.fixture(scope="module")
def server_met_bot(bot_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    map_ = tmp_path_factory.mktemp("overdracht-bot")
    with api_met_rasa(bot_server.url, map_, bot_server.token, bot_server.gesprekken_url) as u:
        yield u


def zeg(api: httpx.Client, sessie: str, bericht: str) -> list[dict[str, Any]]:
    antwoord = api.post("/api/v1/chat", json={"sessie": sessie, "bericht": bericht})
    assert antwoord.status_code == 200, antwoord.text
    return antwoord.json()["berichten"]


@pytest.mark.bot
def test_code_uit_een_gesprek_met_toestemming(werker: Any, server_met_bot: str) -> None:
    s = uuid.uuid4().hex
    with httpx.Client(base_url=server_met_bot, timeout=60) as api:
        zeg(api, s, "Ik woon in Gent")
        zeg(api, s, "ik ben 34")
        zeg(api, s, "/toon_resultaat")
        uitleg = zeg(api, s, "/overdracht_vragen")
        tekst = " ".join(b["tekst"] for b in uitleg)
        assert f"tot en met {datum_tekst(vandaag() + timedelta(days=7))}" in tekst
        assert "Wilt u dat?" in tekst
        assert [k["payload"] for b in uitleg for k in b["knoppen"]] == ["/affirm", "/deny"]
        # nothing is kept before the yes
        pad = f"/api/v1/chat/{s}/overdracht"
        voor = api.post(pad)
        assert voor.status_code == 403
        assert voor.json() == {"detail": GEEN_TOESTEMMING}
        ja = zeg(api, s, "/affirm")
        assert [b["actie"] for b in ja if "actie" in b] == ["overdracht"]
        antwoord = api.post(pad)
        assert antwoord.status_code == 201, antwoord.text
        code = antwoord.json()["code"]
        assert antwoord.json()["geldig_tot"] == str(vandaag() + timedelta(days=7))
        assert code in antwoord.json()["tekst"]
        assert api.post(pad).status_code == 403  # one code per yes
        # a new conversation that says no: nothing is kept
        t = uuid.uuid4().hex
        zeg(api, t, "Ik woon in Gent")
        zeg(api, t, "/overdracht_vragen")
        nee = zeg(api, t, "/deny")
        assert "ik geef niets door" in " ".join(b["tekst"] for b in nee)
        assert api.post(f"/api/v1/chat/{t}/overdracht").status_code == 403

    pagina = open_pagina(werker, server_met_bot)
    assert open_code(pagina, code) == KLAAR
    pagina.wait_for_function("() => document.getElementById('leeftijd').value === '34'")
    assert in_het_formulier(pagina) == {"gemeente": "Gent", "leeftijd": 34}
    assert open_code(pagina, code) == GEBRUIKT_OF_VERLOPEN


@pytest.mark.bot
def test_widget_toont_de_code_na_ja_en_begeleid_opent_ze(
    browser: Any, werker: Any, server_met_bot: str
) -> None:
    """The person's side in the widget: the button after the result, the explanation, the
    yes, and the code shown in the chat; then the social worker's side in /begeleid."""
    from test_widget_browser import aantal_bot, open_chat, schaduw, wacht_op_antwoord

    context = browser.new_context(viewport=DESKTOP, locale="nl-BE")
    try:
        p = context.new_page()
        fouten: list[str] = []
        p.on("pageerror", lambda e: fouten.append(str(e)))
        p.goto(server_met_bot + "/")
        open_chat(p)
        invoer = p.get_by_role("textbox", name="Uw antwoord of vraag")
        for tekst in ("Ik woon in Gent", "ik ben 34", "toon het resultaat"):
            voor = aantal_bot(p)
            invoer.fill(tekst)
            invoer.press("Enter")
            wacht_op_antwoord(p, voor)
        voor = aantal_bot(p)
        p.locator("button.keuze", has_text="Doorgeven aan een maatschappelijk werker").last.click()
        wacht_op_antwoord(p, voor)
        assert "Wilt u dat?" in schaduw(
            p, "return [...r.querySelectorAll('.bericht.bot')].pop().textContent;"
        )
        voor = aantal_bot(p)
        p.locator("button.keuze", has_text="Ja, geef door").last.click()
        wacht_op_antwoord(p, voor)
        p.wait_for_function(
            "() => !!document.querySelector('rechten-chat').shadowRoot"
            ".querySelector('.overdracht-code')",
            timeout=30_000,
        )
        code = schaduw(p, "return r.querySelector('.overdracht-code').textContent;")
        tekst = schaduw(p, "return r.querySelector('.bericht.overdracht').textContent;")
        assert f"Uw code is {code}." in tekst
        tot = datum_tekst(vandaag() + timedelta(days=7))
        assert f"tot en met {tot}" in tekst
        SCHERMAFDRUKKEN.mkdir(parents=True, exist_ok=True)
        p.screenshot(path=str(SCHERMAFDRUKKEN / "overdracht-widget-code.png"))
        assert not fouten, fouten
    finally:
        context.close()

    pagina = open_pagina(werker, server_met_bot)
    assert open_code(pagina, code) == KLAAR
    pagina.wait_for_function("() => document.getElementById('leeftijd').value === '34'")
    assert in_het_formulier(pagina) == {"gemeente": "Gent", "leeftijd": 34}
    assert open_code(pagina, code) == GEBRUIKT_OF_VERLOPEN
