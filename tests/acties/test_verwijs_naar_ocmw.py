""" "Ik wil met iemand praten": the action names the OCMW of the person's municipality from
the contact file, or the general line, without Rasa (real rasa-sdk tracker, real SQLite)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
from bereide_diensten import bereide_diensten
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import gesprek
from actions.gesprek import ActionVerwijsNaarOcmw, contacttekst, gemeente_van
from bot.catalogue.repository import Contact
from bot.diensten import Diensten


@pytest.fixture(scope="module")
def diensten(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Diensten]:
    """The services the action server builds: the bundled catalogue in a real SQLite file."""
    with bereide_diensten(tmp_path_factory, "acties") as d:
        yield d


def _zeg(monkeypatch: pytest.MonkeyPatch, diensten: Diensten, gemeente: str | None) -> str:
    """Run the action as the action server does, with the slot ``gemeente`` set."""
    monkeypatch.setattr(gesprek, "diensten", lambda: diensten)
    tracker = Tracker(
        "test",
        {"gemeente": gemeente},
        {"text": "ik wil met iemand praten", "intent": {"name": "wil_iemand_spreken"}},
        [],
        False,
        None,
        {},
        "action_listen",
    )
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionVerwijsNaarOcmw().run(dispatcher, tracker, {}))
    assert events == []
    (bericht,) = dispatcher.messages
    tekst: Any = bericht["text"]
    assert isinstance(tekst, str)
    return tekst


def test_gent_krijgt_het_ocmw_van_gent(monkeypatch: pytest.MonkeyPatch, diensten: Diensten) -> None:
    tekst = _zeg(monkeypatch, diensten, "Gent")
    assert tekst.splitlines() == [
        "Het OCMW van Gent helpt u graag persoonlijk verder, ook bij het aanvragen.",
        "U kunt terecht bij: OCMW Gent",
        "Website: https://stad.gent",
        "Kijk op de website voor het adres en de openingsuren.",
        "Weet u niet bij wie u terechtkunt? Bel dan 1700, het gratis informatienummer van de "
        "Vlaamse overheid.",
    ]


def test_brugge_met_adres_uit_de_bron(monkeypatch: pytest.MonkeyPatch, diensten: Diensten) -> None:
    tekst = _zeg(monkeypatch, diensten, "Brugge")
    assert "U kunt terecht bij: OCMW Brugge" in tekst
    assert "Adres: Hoogstraat 9, Brugge" in tekst
    assert "Website: https://www.ocmw-brugge.be" in tekst
    assert "Telefoon" not in tekst  # no source gives a phone number
    assert "Kijk op de website voor het adres" not in tekst


def test_hasselt_met_openingsuren_uit_de_bron(
    monkeypatch: pytest.MonkeyPatch, diensten: Diensten
) -> None:
    tekst = _zeg(monkeypatch, diensten, "Hasselt")
    assert tekst.splitlines()[1:5] == [
        "U kunt terecht bij: OCMW Hasselt, Sociale Dienst",
        "Openingsuren: In de voormiddag, of op afspraak",
        "Website: https://www.hasselt.be",
        "Kijk op de website voor het adres.",  # the hours are known
    ]
    assert "openingsuren" not in _zeg(monkeypatch, diensten, "Brugge").lower()


def test_openingsuren_zonder_website_en_zonder_adres() -> None:
    contact = Contact(
        naam="Sociaal Huis Proefstad",
        bron_url="https://proefstad.be/sociaal-huis",
        openingsuren="Elke werkdag van 9 tot 12 uur",
    )
    assert contacttekst("Proefstad", contact, None).splitlines()[2:] == [
        "Openingsuren: Elke werkdag van 9 tot 12 uur",
        "Het adres vindt u op de website van Proefstad: zoek daar op 'OCMW' of 'Sociaal Huis'.",
    ]


def test_oostende_met_adres_en_telefoon(
    monkeypatch: pytest.MonkeyPatch, diensten: Diensten
) -> None:
    tekst = _zeg(monkeypatch, diensten, "Oostende")
    assert "U kunt terecht bij: Sociaal Huis Oostende" in tekst
    assert "Adres: Edith Cavellstraat 15, 8400 Oostende" in tekst
    assert "Telefoon: 059 59 10 10" in tekst
    assert "vindt u op de website" not in tekst and "Kijk op de website" not in tekst


def test_contactpunt_zonder_website() -> None:
    contact = Contact(naam="Sociaal Huis Proefstad", bron_url="https://proefstad.be/sociaal-huis")
    assert contacttekst("Proefstad", contact, None).splitlines()[2:] == [
        "Het adres en de openingsuren vindt u op de website van Proefstad: zoek daar op 'OCMW' "
        "of 'Sociaal Huis'."
    ]


def test_gemeente_zonder_contactpunt(monkeypatch: pytest.MonkeyPatch, diensten: Diensten) -> None:
    tekst = _zeg(monkeypatch, diensten, "Aartselaar")
    assert tekst.splitlines() == [
        "Het OCMW of Sociaal Huis van Aartselaar helpt u graag persoonlijk verder, ook bij het "
        "aanvragen.",
        "Het adres en de openingsuren vindt u op de website van Aartselaar: zoek daar op 'OCMW' "
        "of 'Sociaal Huis'.",
        "Weet u niet bij wie u terechtkunt? Bel dan 1700, het gratis informatienummer van de "
        "Vlaamse overheid.",
    ]


def test_gemeente_onbekend(monkeypatch: pytest.MonkeyPatch, diensten: Diensten) -> None:
    tekst = _zeg(monkeypatch, diensten, None)
    assert tekst.startswith("Het OCMW of Sociaal Huis van uw gemeente helpt u graag")
    assert "op de website van uw gemeente" in tekst
    assert tekst.endswith("het gratis informatienummer van de Vlaamse overheid.")


def test_geen_openingsuren_van_1700(monkeypatch: pytest.MonkeyPatch, diensten: Diensten) -> None:
    """The old text promised hours for 1700 that no source confirms."""
    for gemeente in ("Gent", "Aartselaar", None):
        tekst = _zeg(monkeypatch, diensten, gemeente)
        assert "19 uur" not in tekst and "werkdagen" not in tekst


def test_elke_gemeente_uit_het_bestand_krijgt_haar_contactpunt(
    monkeypatch: pytest.MonkeyPatch, diensten: Diensten
) -> None:
    namen = diensten.gemeenten.namen()
    assert len(diensten.contactpunten.per_gemeente) >= 5
    for nis, contact in diensten.contactpunten.per_gemeente.items():
        tekst = _zeg(monkeypatch, diensten, namen[nis])
        assert f"Het OCMW van {namen[nis]} helpt u graag" in tekst
        assert f"U kunt terecht bij: {contact.naam}" in tekst


def test_gemeente_van(diensten: Diensten) -> None:
    assert gemeente_van(diensten, "Gent") == ("44021", "Gent")
    assert gemeente_van(diensten, "Sint-Amandsberg") == ("44021", "Gent")
    assert gemeente_van(diensten, None) == (None, None)
    assert gemeente_van(diensten, "Nergenshuizen") == (None, "Nergenshuizen")


def test_tekst_met_telefoon_en_zonder_algemene_lijn() -> None:
    """A city adds a phone number with its source: the bot says it. Without a general line
    in the catalogue the bot does not invent one."""
    contact = Contact(
        naam="Sociaal Huis Proefstad",
        bron_url="https://proefstad.be/sociaal-huis",
        telefoon="050 00 00 00",
        adres="Proefstraat 1, Proefstad",
    )
    tekst = contacttekst("Proefstad", contact, None)
    assert tekst.splitlines() == [
        "Het OCMW van Proefstad helpt u graag persoonlijk verder, ook bij het aanvragen.",
        "U kunt terecht bij: Sociaal Huis Proefstad",
        "Adres: Proefstraat 1, Proefstad",
        "Telefoon: 050 00 00 00",
    ]
    assert "1700" not in contacttekst(None, None, None)
