"""POST /api/v1/chat and friends, over HTTP against the real API process.

Happy path with the real Rasa (marked ``bot``); "Rasa is down" with a port where nothing listens.
"""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import httpx
import pytest

from bot.api.routes.overzicht import GEEN_OVERZICHT

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "overzicht"))
from pdf_lezen import controleer_toegankelijk, lees_pdf  # noqa: E402

NIET_BEREIKBAAR = "De assistent is even niet bereikbaar. Probeer het over enkele minuten opnieuw."


def sessie() -> str:
    return uuid.uuid4().hex


@pytest.fixture()
def los(api_zonder_bot: str) -> httpx.Client:
    with httpx.Client(base_url=api_zonder_bot, timeout=10) as client:
        yield client


def test_bot_onbereikbaar_geeft_503_in_het_nederlands(los: httpx.Client) -> None:
    s = sessie()
    for antwoord in (
        los.post("/api/v1/chat", json={"sessie": s, "bericht": "hallo"}),
        los.get(f"/api/v1/chat/{s}/geschiedenis"),
        los.get(f"/api/v1/chat/{s}/overzicht.pdf"),
    ):
        assert antwoord.status_code == 503
        assert antwoord.json() == {"detail": NIET_BEREIKBAAR}
    # wiping needs only the store of conversations, not the bot
    assert los.delete(f"/api/v1/chat/{s}").status_code == 204


def test_in_nood_komt_de_hulp_ook_als_de_bot_onbereikbaar_is(los: httpx.Client) -> None:
    antwoord = los.post("/api/v1/chat", json={"sessie": sessie(), "bericht": "ik wil dood"})
    assert antwoord.status_code == 200
    berichten = [b["tekst"] for b in antwoord.json()["berichten"]]
    assert "1813" in berichten[0] and "112" in berichten[0]
    assert berichten[-1] == NIET_BEREIKBAAR
    # a message of only a phone number never goes to the bot: the note, whatever its state
    alleen = los.post("/api/v1/chat", json={"sessie": sessie(), "bericht": "0475 12 34 56"})
    assert alleen.status_code == 200
    assert "uw telefoonnummer weggelaten" in alleen.json()["berichten"][0]["tekst"]
    # anything else still meets the down bot
    frans = los.post(
        "/api/v1/chat", json={"sessie": sessie(), "bericht": "bonjour je ne parle pas néerlandais"}
    )
    assert frans.status_code == 503


def test_te_lang_bericht_geeft_422_in_het_nederlands(los: httpx.Client) -> None:
    antwoord = los.post("/api/v1/chat", json={"sessie": sessie(), "bericht": "a" * 501})
    assert antwoord.status_code == 422
    inhoud = antwoord.json()
    assert inhoud["detail"] == "De vraag klopt niet."
    assert inhoud["fouten"][0]["veld"] == "bericht"
    assert "te lang" in inhoud["fouten"][0]["bericht"]


@pytest.mark.parametrize(
    "inhoud",
    [
        {"sessie": "kort", "bericht": "hallo"},
        {"sessie": "../../etc/passwd", "bericht": "hallo"},
        {"sessie": sessie(), "bericht": ""},
        {"sessie": sessie()},
        {"sessie": sessie(), "bericht": "hallo", "extra": 1},
    ],
)
def test_ongeldige_vraag_geeft_422(los: httpx.Client, inhoud: dict) -> None:
    antwoord = los.post("/api/v1/chat", json=inhoud)
    assert antwoord.status_code == 422
    assert antwoord.json()["detail"] == "De vraag klopt niet."


def test_ongeldige_sessie_in_pad_geeft_422(los: httpx.Client) -> None:
    assert los.get("/api/v1/chat/a%20b/geschiedenis").status_code == 422
    assert los.delete("/api/v1/chat/x").status_code == 422


def test_vreemde_origin_wordt_geweigerd(los: httpx.Client, api_zonder_bot: str) -> None:
    vraag = {"sessie": sessie(), "bericht": "hallo"}
    vreemd = los.post("/api/v1/chat", json=vraag, headers={"Origin": "https://kwaad.example"})
    assert vreemd.status_code == 403
    assert vreemd.json()["detail"] == "Deze website mag de chat niet gebruiken."
    assert "access-control-allow-origin" not in vreemd.headers
    # the configured sites and the app's own origin pass the check (then meet the down bot)
    for origin in ("http://localhost:8000", api_zonder_bot):
        antwoord = los.post("/api/v1/chat", json=vraag, headers={"Origin": origin})
        assert antwoord.status_code == 503, origin


def test_cors_voor_toegelaten_site(los: httpx.Client) -> None:
    antwoord = los.options(
        "/api/v1/chat",
        headers={
            "Origin": "http://localhost:8000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert antwoord.status_code == 200
    assert antwoord.headers["access-control-allow-origin"] == "http://localhost:8000"


def test_te_veel_berichten_per_sessie_geeft_429(los: httpx.Client) -> None:
    s = sessie()
    codes = [
        los.post("/api/v1/chat", json={"sessie": s, "bericht": "hallo"}).status_code
        for _ in range(31)
    ]
    assert codes[:30] == [503] * 30
    assert codes[30] == 429
    te_veel = los.post("/api/v1/chat", json={"sessie": s, "bericht": "hallo"})
    assert te_veel.json()["detail"] == "U stuurt te veel berichten kort na elkaar. Wacht even."
    # the seconds until one more fits: about a minute (bot.api.tellers counts in windows)
    assert 1 <= int(te_veel.headers["retry-after"]) <= 62
    # another session is not slowed down
    assert los.post("/api/v1/chat", json={"sessie": sessie(), "bericht": "x"}).status_code == 503


def test_demopagina_en_widgetbestanden(los: httpx.Client) -> None:
    pagina = los.get("/")
    assert pagina.status_code == 200
    assert pagina.headers["content-type"].startswith("text/html")
    assert (
        '<script type="module" src="/widget/rechten-chat.js"></script>'
        '<rechten-chat api="/" gemeente="44021"></rechten-chat>'
    ) in pagina.text
    js = los.get("/widget/rechten-chat.js")
    assert js.status_code == 200
    assert "javascript" in js.headers["content-type"]
    assert "innerHTML" not in js.text.replace("never innerHTML", "")


@pytest.mark.bot
def test_gesprek_geschiedenis_en_wissen(api_met_bot: str) -> None:
    s = sessie()
    with httpx.Client(base_url=api_met_bot, timeout=60) as api:
        eerste = api.post("/api/v1/chat", json={"sessie": s, "bericht": "Ik woon in Gent"})
        assert eerste.status_code == 200, eerste.text
        berichten = eerste.json()["berichten"]
        assert berichten and all(b["van"] == "bot" for b in berichten)
        vraag = berichten[-1]
        assert "?" in vraag["tekst"]  # a question (a hint may follow the "?")
        knop = vraag["knoppen"][-1]
        tweede = api.post("/api/v1/chat", json={"sessie": s, "bericht": knop["payload"]})
        assert tweede.status_code == 200

        geschiedenis = api.get(f"/api/v1/chat/{s}/geschiedenis").json()["berichten"]
        assert geschiedenis[0] == {"van": "gebruiker", "tekst": "Ik woon in Gent", "knoppen": []}
        n = len(berichten)  # "Genoteerd: woont in Gent." and the next question
        assert [b["tekst"] for b in geschiedenis[1 : 1 + n]] == [b["tekst"] for b in berichten]
        assert geschiedenis[1]["tekst"] == "Genoteerd: woont in Gent."
        # a clicked button shows as the title the person saw, not as the payload
        assert geschiedenis[1 + n] == {"van": "gebruiker", "tekst": knop["titel"], "knoppen": []}
        assert geschiedenis[2 + n :] == tweede.json()["berichten"]

        assert api.delete(f"/api/v1/chat/{s}").status_code == 204
        assert api.get(f"/api/v1/chat/{s}/geschiedenis").json() == {"berichten": []}
        # the bot forgot the city too: a new conversation starts from scratch
        assert api.post("/api/v1/chat", json={"sessie": s, "bericht": "hallo"}).status_code == 200


@pytest.mark.bot
def test_gesprek_overzicht_als_pdf(api_met_bot: str) -> None:
    """The conversation's PDF: none before an answer, then the profile the bot noted."""
    s = sessie()
    with httpx.Client(base_url=api_met_bot, timeout=60) as api:
        leeg = api.get(f"/api/v1/chat/{s}/overzicht.pdf")
        assert leeg.status_code == 404
        assert leeg.json() == {"detail": GEEN_OVERZICHT}
        assert api.post("/api/v1/chat", json={"sessie": s, "bericht": "Ik woon in Gent"}).is_success
        assert api.post("/api/v1/chat", json={"sessie": s, "bericht": "ik ben 34"}).is_success
        antwoord = api.get(f"/api/v1/chat/{s}/overzicht.pdf")
        assert antwoord.status_code == 200, antwoord.text
        assert antwoord.headers["content-type"] == "application/pdf"
        assert antwoord.headers["cache-control"] == "no-store"
        pdf = lees_pdf(antwoord.content)
        controleer_toegankelijk(pdf)
        assert "Gemeente: Gent" in pdf.tekst
        assert "OCMW Gent" in pdf.tekst
        assert "Dit is een inschatting, geen beslissing." in pdf.tekst
        # wiping the conversation wipes what the PDF is made of
        assert api.delete(f"/api/v1/chat/{s}").status_code == 204
        assert api.get(f"/api/v1/chat/{s}/overzicht.pdf").status_code == 404
