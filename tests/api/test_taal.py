"""Another language is recognised only when it is clear; Dutch and Flemish always stay Dutch."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.chat.gegevens import ChatGegevensFout
from bot.chat.taal import STANDAARD_PAD, Taalherkenner, bouw_taalherkenner, laad_talen


@pytest.fixture(scope="module")
def herkenner() -> Taalherkenner:
    return bouw_taalherkenner(laad_talen())


@pytest.mark.parametrize(
    ("bericht", "taal"),
    [
        ("Bonjour, je ne parle pas néerlandais, pouvez-vous m'aider ?", "fr"),
        ("je suis seule avec deux enfants et je cherche de l'aide", "fr"),
        ("j'habite à Gand, est-ce que j'ai droit à une aide pour le loyer", "fr"),
        ("bonjour jai besoin daide svp", "fr"),  # no accents, no apostrophes
        ("Hello, I need help with my rent, I live in Ghent", "en"),
        ("I don't speak Dutch", "en"),
        ("my husband lost his job and we have two kids", "en"),
        ("مرحبا أحتاج مساعدة في الإيجار", "ar"),
        ("مرحبا", "ar"),  # another script: a short message is enough
        ("Merhaba, kira için yardıma ihtiyacım var", "tr"),
        ("merhaba ben hollandaca bilmiyorum", "tr"),
        ("Привіт, мені потрібна допомога з оплатою житла", "uk"),
        ("Доброго дня, я не розмовляю нідерландською", "uk"),
        ("Bună ziua, am nevoie de ajutor cu chiria", "ro"),
        ("nu vorbesc olandeza, am doi copii", "ro"),
        ("Dzień dobry, potrzebuję pomocy z czynszem", "pl"),
        ("Ja nie mówię po niderlandzku", "pl"),
    ],
)
def test_andere_taal(herkenner: Taalherkenner, bericht: str, taal: str) -> None:
    assert herkenner.herken(bericht) == taal


@pytest.mark.parametrize(
    "bericht",
    [
        # short answers and button payloads
        "ja",
        "nee",
        "neen",
        "9300",
        "67",
        "ok",
        "oké",
        "help",
        "hallo",
        "merci",
        "sorry",
        "dag",
        "Gent",
        "Sint-Amandsberg",
        "1.450 euro",
        '/inform{"gemeente": "Gent"}',
        "/weet_niet",
        "/stop",
        # Flemish, as people type it
        "mijne vent is werkloos",
        "ons tweetjes",
        "da's waar",
        "'k weet het nie",
        "kweet nie",
        "awel, 'k zen alleen met de kleine",
        "nen appartement van de sociale huisvesting",
        "'t OCMW",
        "allez, 't is goe zo",
        "ge moogt het vragen aan mijne pa",
        "mijn ma is in 't rusthuis",
        "amai, da's veel",
        "zit zonder werk sinds de fabriek toe is",
        "belgen allebei",
        "alleenstaande mama met drie kindjes",
        "dat klopt allemaal wel denk ik",
        "tussen 1800 en 2000",
        "geboren 30 juli 1985",
        "mijn pensioen is 1.450 euro netto per maand",
        "ik slaap al 3 maand in mijn auto",
        "ik woon met 4 andere studenten op kot in Leuven",
        "student op kot",
        "ze is invalide",
        "mama van twee",
        "bon, ok dan",
        "allee, merci hé",
        "zen alleen thuis met de kleine",
        "hoeveel krijgde dan",
        "de mutualiteit zegt iets anders",
        "sta al 5 jaar op de wachtlijst",
        "verhoogde tegemoetkoming",
        "studietoelage en schooltoeslag",
        "huurpremie aanvragen",
        "mantelzorgpremie Brugge",
        "UiTPAS kansentarief",
        # typos
        "ik woon in antwerpn met men twee kinders",
        "hoevel krijg ik dan ongeveer",
        "mijn vrouw werkt deeltijds als poetshulp",
    ],
)
def test_blijft_nederlands(herkenner: Taalherkenner, bericht: str) -> None:
    assert herkenner.herken(bericht) is None


def test_teksten_per_taal_met_vertaling() -> None:
    talen = laad_talen()
    assert set(talen.codes) == {"fr", "en", "ar", "tr", "uk", "ro", "pl"}
    for code, taal in talen.per_taal.items():
        assert "112" in taal.tekst and "112" in taal.nederlands, code
        assert "OCMW" in taal.tekst and "Sociaal Huis" in taal.tekst, code
        assert "tolk" in taal.nederlands and "gratis" in taal.nederlands, code


def test_kapot_bestand(tmp_path: Path) -> None:
    tekst = STANDAARD_PAD.read_text(encoding="utf-8")
    pad = tmp_path / "talen.yaml"
    pad.write_text(tekst.replace("  pl:\n", "  xx:\n"), encoding="utf-8")
    regel = tekst[: tekst.index("  pl:\n")].count("\n") + 1
    with pytest.raises(ChatGegevensFout) as fout:
        laad_talen(pad)
    assert str(fout.value).startswith(f"talen.yaml, regel {regel} (veld talen.xx): 'xx' is geen")

    pad.write_text(tekst.replace("    naam: Pools\n", ""), encoding="utf-8")
    with pytest.raises(ChatGegevensFout, match=r"\(veld talen\.pl\.naam\): Het verplichte veld"):
        laad_talen(pad)
