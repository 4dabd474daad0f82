"""The printable overview over HTTP: a real server, the bundled catalogue, a real PDF.

The conversation's PDF needs the bot for its happy path (``tests/widget/test_chat_api.py``);
here: its error cases in-process, and how a tracker becomes a profile.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from bot.api.main import create_app
from bot.api.routes.overzicht import GEEN_OVERZICHT
from bot.diensten import Diensten
from bot.overzicht.gesprek import ONBEKEND_SLOT, RECHT_SLOT, profiel_uit_tracker
from bot.settings import Settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "overzicht"))
from pdf_lezen import GelezenPdf, controleer_toegankelijk, lees_pdf  # noqa: E402
from serverproces import vrije_poort  # noqa: E402
from test_api import ALLEENSTAANDE_GENT_LAAG_INKOMEN  # noqa: E402

BESLIST = "Dit is een inschatting, geen beslissing. De dienst die het recht geeft, beslist."
NIET_BEREIKBAAR = "De assistent is even niet bereikbaar. Probeer het over enkele minuten opnieuw."


def overzicht(api: httpx.Client, **vraag: object) -> httpx.Response:
    return api.post("/api/v1/overzicht.pdf", json=vraag, timeout=60)


@pytest.fixture(scope="module")
def gewoon(api: httpx.Client) -> tuple[httpx.Response, GelezenPdf]:
    """The overview of a usual profile: a single person in Gent on a low income."""
    antwoord = overzicht(
        api,
        profiel=ALLEENSTAANDE_GENT_LAAG_INKOMEN,
        datum="2025-06-01",
        referentie="dossier 2025/0042",
    )
    assert antwoord.status_code == 200, antwoord.text
    return antwoord, lees_pdf(antwoord.content)


@pytest.fixture(scope="module")
def api(api_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=api_server, timeout=60) as client:
        yield client


def test_overzicht_is_een_pdf_die_niet_bewaard_wordt(gewoon: tuple) -> None:
    antwoord, _ = gewoon
    assert antwoord.headers["content-type"] == "application/pdf"
    assert antwoord.headers["cache-control"] == "no-store"
    assert (
        'filename="overzicht-sociale-rechten-2025-06-01.pdf"'
        in (antwoord.headers["content-disposition"])
    )
    assert "dossier" not in antwoord.headers["content-disposition"]
    assert antwoord.content.startswith(b"%PDF-")


def test_overzicht_toont_de_rechten_van_de_evaluatie(api: httpx.Client, gewoon: tuple) -> None:
    _, pdf = gewoon
    evaluatie = api.post(
        "/api/v1/evaluatie",
        json={"profiel": ALLEENSTAANDE_GENT_LAAG_INKOMEN, "datum": "2025-06-01"},
    ).json()
    per_status: dict[str, list[str]] = {}
    for recht in evaluatie["rechten"]:
        per_status.setdefault(recht["status"], []).append(recht["naam"])
    assert per_status["waarschijnlijk"] and per_status["mogelijk"]
    for naam in per_status["waarschijnlijk"] + per_status["mogelijk"]:
        assert naam in pdf.tekst, naam
    # the rights that probably apply come first, then those that may apply
    kop_waarschijnlijk = pdf.tekst.index("Waarschijnlijk hebt u recht op")
    kop_mogelijk = pdf.tekst.index("Misschien hebt u ook recht op")
    assert kop_waarschijnlijk < pdf.tekst.index("Leefloon") < kop_mogelijk
    for naam in per_status["mogelijk"]:
        assert pdf.tekst.index(naam) > kop_mogelijk
    # what to bring (leefloon), where to go, the date, the reference, the catalogue
    for tekst in (
        "Wat brengt u mee",
        "uw identiteitskaart",
        "Hoe vraagt u het aan",
        "Nog na te gaan",
        "Waar kunt u terecht?",
        "OCMW Gent",
        "1700",
        "Datum: 1 juni 2025",
        "Gemeente: Gent",
        "Referentie: dossier 2025/0042",
        BESLIST,
    ):
        assert tekst in pdf.tekst, tekst
    assert "Catalogus:" in pdf.tekst and "geladen op" in pdf.tekst


def test_overzicht_past_op_twee_bladzijden_en_is_toegankelijk(gewoon: tuple) -> None:
    _, pdf = gewoon
    assert 1 <= pdf.paginas <= 2
    controleer_toegankelijk(pdf)


def test_zonder_referentie_en_met_leefloonadvies_gevraagd(api: httpx.Client) -> None:
    antwoord = overzicht(api, profiel={"leeftijd": 70}, met_leefloonadvies=True)
    assert antwoord.status_code == 200, antwoord.text
    pdf = lees_pdf(antwoord.content)
    assert "Referentie" not in pdf.tekst
    assert BESLIST in pdf.tekst


def test_met_leefloonadvies_staat_het_advies_van_de_api_in_de_pdf(api: httpx.Client) -> None:
    """The flag brings the same advice as POST /advies/leefloon into the PDF; without it,
    the PDF says nothing about it."""
    advies = api.post(
        "/api/v1/advies/leefloon",
        json={"profiel": ALLEENSTAANDE_GENT_LAAG_INKOMEN, "datum": "2025-06-01"},
    )
    assert advies.status_code == 200, advies.text
    te_onderzoeken = advies.json()["te_onderzoeken"]
    met = overzicht(
        api, profiel=ALLEENSTAANDE_GENT_LAAG_INKOMEN, datum="2025-06-01", met_leefloonadvies=True
    )
    assert met.status_code == 200, met.text
    tekst = " ".join(lees_pdf(met.content).tekst.split())
    assert "Advies over het leefloon" in tekst
    for punt in te_onderzoeken[:3]:
        assert " ".join(punt["punt"].split())[:40] in tekst
    zonder = overzicht(api, profiel=ALLEENSTAANDE_GENT_LAAG_INKOMEN, datum="2025-06-01")
    assert "Advies over het leefloon" not in lees_pdf(zonder.content).tekst


@pytest.mark.parametrize(
    ("vraag", "veld", "in_bericht"),
    [
        ({"profiel": {"leeftijd": "oud"}}, "profiel.leeftijd", ""),
        ({"profiel": {"lievelingskleur": "blauw"}}, "profiel.lievelingskleur", "kennen we niet"),
        ({"profiel": {"gemeente": "Atlantis"}}, "profiel.gemeente", ""),
    ],
)
def test_ongeldig_profiel_geeft_422_in_het_nederlands(
    api: httpx.Client, vraag: dict, veld: str, in_bericht: str
) -> None:
    antwoord = overzicht(api, **vraag)
    assert antwoord.status_code == 422
    inhoud = antwoord.json()
    assert inhoud["detail"] == "Het profiel klopt niet."
    bericht = next(f["bericht"] for f in inhoud["fouten"] if f["veld"] == veld)
    assert in_bericht in bericht
    assert not any(w in bericht.lower() for w in ("field", "input", "valid", "error"))


@pytest.mark.parametrize(
    ("vraag", "veld", "bericht"),
    [
        (
            {"profiel": {}, "referentie": "x" * 61},
            "referentie",
            "De referentie is te lang. Gebruik ten hoogste 60 tekens.",
        ),
        ({"profiel": {}, "datum": "morgen"}, "datum", "Geef een datum als JJJJ-MM-DD."),
        ({"profiel": []}, "profiel", "Verwacht een object met velden."),
    ],
)
def test_ongeldige_vraag_geeft_422_in_het_nederlands(
    api: httpx.Client, vraag: dict, veld: str, bericht: str
) -> None:
    antwoord = overzicht(api, **vraag)
    assert antwoord.status_code == 422
    assert {"veld": veld, "bericht": bericht} in antwoord.json()["fouten"]


def test_referentie_en_profiel_komen_niet_in_het_serverlog(
    api: httpx.Client, serverlog: Path
) -> None:
    profiel = {**ALLEENSTAANDE_GENT_LAAG_INKOMEN, "netto_maandinkomen_gezin": 1234.57}
    antwoord = overzicht(api, profiel=profiel, referentie="kenmerk QX-7731-ZETA")
    assert antwoord.status_code == 200
    assert "kenmerk QX-7731-ZETA" in lees_pdf(antwoord.content).tekst
    fout = overzicht(api, profiel={"leeftijd": "QX-7733"}, referentie="kenmerk QX-7732-ZETA")
    assert fout.status_code == 422
    log = serverlog.read_text(errors="replace")
    for spoor in ("QX-7731", "QX-7732", "QX-7733", "1234.57", "1234,57"):
        assert spoor not in log


def test_vier_tegelijk_krijgen_elk_een_hele_pdf(api_server: str) -> None:
    """Four at once (two laid out in worker threads, two waiting their turn): each gets the
    same whole PDF, so rendering in threads is safe."""

    def vraag(_: int) -> bytes:
        with httpx.Client(base_url=api_server, timeout=120) as client:
            antwoord = overzicht(client, profiel={"leeftijd": 70}, datum="2025-06-01")
        assert antwoord.status_code == 200, antwoord.text
        return antwoord.content

    with ThreadPoolExecutor(max_workers=4) as pool:
        pdfs = list(pool.map(vraag, range(4)))
    teksten = {lees_pdf(p).tekst for p in pdfs}
    assert len(teksten) == 1 and "1 juni 2025" in teksten.pop()


def test_openapi_beschrijft_de_pdf(api: httpx.Client) -> None:
    paden = api.get("/openapi.json").json()["paths"]
    post = paden["/api/v1/overzicht.pdf"]["post"]
    assert "application/pdf" in post["responses"]["200"]["content"]
    assert "422" in post["responses"]
    assert "/api/v1/chat/{sessie}/overzicht.pdf" in paden


# --- the conversation's PDF: error cases, and the tracker read like the bot does ----------


@pytest.fixture(scope="module")
def zonder_bot(diensten: Diensten) -> Iterator[TestClient]:
    """The app in-process with Rasa 'down' (a port where nothing listens)."""
    app = create_app(Settings(rasa_url=f"http://127.0.0.1:{vrije_poort()}"), diensten=diensten)
    with TestClient(app) as client:
        yield client


def test_gesprek_pdf_bot_onbereikbaar_geeft_503(zonder_bot: TestClient) -> None:
    antwoord = zonder_bot.get("/api/v1/chat/abcdef0123456789/overzicht.pdf")
    assert antwoord.status_code == 503
    assert antwoord.json() == {"detail": NIET_BEREIKBAAR}


def test_gesprek_pdf_ongeldige_sessie_of_vreemde_site(zonder_bot: TestClient) -> None:
    assert zonder_bot.get("/api/v1/chat/kort/overzicht.pdf").status_code == 422
    vreemd = zonder_bot.get(
        "/api/v1/chat/abcdef0123456789/overzicht.pdf", headers={"Origin": "https://kwaad.example"}
    )
    assert vreemd.status_code == 403
    assert vreemd.json()["detail"] == "Deze website mag de chat niet gebruiken."


def test_de_slots_heten_zoals_in_de_acties() -> None:
    from actions.diensten import ONBEKEND_SLOT as ACTIES_ONBEKEND
    from actions.diensten import RECHT_SLOT as ACTIES_RECHT

    assert (ONBEKEND_SLOT, RECHT_SLOT) == (ACTIES_ONBEKEND, ACTIES_RECHT)


def test_profiel_uit_de_tracker(diensten: Diensten) -> None:
    attributen = diensten.vocabulaire.attributen
    tracker = {
        "sender_id": "abcdef0123456789",
        "slots": {
            "gemeente": "Gent",
            "leeftijd": 34,
            "aantal_kinderen": None,
            ONBEKEND_SLOT: ["netto_maandinkomen_gezin", "geen_attribuut"],
            RECHT_SLOT: ["leefloon"],
            "requested_slot": "woonsituatie",
            "session_started_metadata": None,
        },
        "events": [],
    }
    gesprek = profiel_uit_tracker(tracker, attributen)
    assert gesprek.profiel == {
        "gemeente": "Gent",
        "leeftijd": 34,
        "netto_maandinkomen_gezin": None,
    }
    assert gesprek.rechten == frozenset({"leefloon"})
    assert gesprek.beantwoord
    # the API accepts what the bot noted
    profiel = diensten.vocabulaire.valideer_profiel(gesprek.profiel, diensten.los_gemeente_op)
    assert profiel["gemeente"] == "44021" and profiel["netto_maandinkomen_gezin"] is None

    leeg = profiel_uit_tracker({"slots": {RECHT_SLOT: None}}, attributen)
    assert not leeg.beantwoord and leeg.rechten is None
    assert profiel_uit_tracker({}, attributen).profiel == {}
    assert GEEN_OVERZICHT.startswith("Er is nog geen overzicht.")
