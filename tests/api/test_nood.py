"""Urgent situations: recognised in messages as people type them, answered with where to go
now, from the cited data file (``bot/vocabulary/noodhulp.yaml``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.catalogue.repository import Contactpunten
from bot.chat.__main__ import main
from bot.chat.gegevens import ChatGegevensFout
from bot.chat.herkennen import TrefwoordFout, lees_regel, woorden_van
from bot.chat.nood import STANDAARD_PAD, Noodhulp, Plaats, laad_noodhulp
from bot.chat.plaats import gemeente_in_tekst
from bot.diensten import Diensten


@pytest.fixture(scope="module")
def noodhulp() -> Noodhulp:
    return laad_noodhulp()


@pytest.mark.parametrize(
    ("bericht", "situaties"),
    [
        ("waar kan ik vannacht slapen, het vriest", ["geen_slaapplaats"]),
        ("ik slaap al 3 maand in mijn auto", ["geen_slaapplaats"]),
        ("k slaap in me wagen", ["geen_slaapplaats"]),
        ("sinds vorige week slapen we buiten", ["geen_slaapplaats"]),
        ("ik heb vannacht geen slaapplaats", ["geen_slaapplaats"]),
        ("ik sta op straat met mijn 2 kinderen", ["geen_slaapplaats"]),
        ("ik ben dakloos", ["geen_slaapplaats"]),
        ("ik ben daklooss sinds januari", ["geen_slaapplaats"]),  # typo
        ("Is er nachtopvang in Brugge?", ["geen_slaapplaats"]),
        ("het is zo koud buiten en ik heb geen plek om te slapen", ["geen_slaapplaats"]),
        ("ik weet niet waar ik moet slapen", ["geen_slaapplaats"]),
        ("we hebben geen eten meer voor de kinderen", ["geen_eten"]),
        ("ik heb honger", ["geen_eten"]),
        ("niks meer te eten in huis", ["geen_eten"]),
        ("geen geld voor eten tot het einde van de maand", ["geen_eten"]),
        ("waar is de voedselbank", ["geen_eten"]),
        ("mijn man slaat mij", ["geweld"]),
        ("mijne vent slaat de kinderen", ["geweld"]),
        ("ik ben bang van mijne vent", ["geweld"]),
        ("hij heeft me geslagen", ["geweld"]),
        ("mijn ex bedreigt me", ["geweld"]),
        ("ik durf niet naar huis", ["geweld"]),
        ("mijn dochter wordt mishandeld", ["geweld"]),
        ("ik wil er een einde aan maken", ["zelfdoding"]),
        ("ik zie het nie meer zitten", ["zelfdoding"]),
        ("ik wil niet meer leven", ["zelfdoding"]),
        ("ik denk aan zelfmoord", ["zelfdoding"]),
        ("soms heb ik zelfmoordgedachten", ["zelfdoding"]),
        ("ik denk aan zelfmord", ["zelfdoding"]),  # typo
        ("mijn leven heeft geen zin meer", ["zelfdoding"]),
        ("ik wil dood", ["zelfdoding"]),
        ("de deurwaarder komt, we moeten uit ons huis", ["uithuiszetting"]),
        ("ik krijg een uithuiszetting", ["uithuiszetting"]),
        ("ik krijg een uithuiszettng", ["uithuiszetting"]),  # typo
        ("de huisbaas zet ons eruit", ["uithuiszetting"]),
        ("het vonnis van de vrederechter: ik moet eruit", ["uithuiszetting"]),
        ("ze hebben ons gas afgesloten", ["afgesloten"]),
        ("elektriciteit afgeslote", ["afgesloten"]),  # typo
        ("we zitten zonder stroom", ["afgesloten"]),
        ("mijn budgetmeter is leeg", ["afgesloten"]),
        ("het water is afgesloten sinds gisteren", ["afgesloten"]),
        # two at once: both, in the order of the file
        ("mijn man slaat me en nu slaap ik in de auto", ["geen_slaapplaats", "geweld"]),
        ("ik ben op straat gezet", ["geen_slaapplaats", "uithuiszetting"]),
    ],
)
def test_nood_herkend(noodhulp: Noodhulp, bericht: str, situaties: list[str]) -> None:
    assert noodhulp.herken(bericht) == situaties


@pytest.mark.parametrize(
    "bericht",
    [
        "ik heb geen honger",
        "mijn man is dood, krijg ik een weduwepensioen?",
        "ik woon in een studio met een slaapkamer buiten het centrum",
        "ik verwarm met gas",
        "ik heb geen centrale verwarming",
        "ik huur een appartement van een private eigenaar",
        "ik slaap niet in de auto, ik woon bij mijn ouders",
        "ik ben niet dakloos",
        "het vriest niet",
        "ik wil een einde maken aan mijn schulden",
        "ik ben 67 en woon alleen in Gent",
        "mijn pensioen is 1.450 euro",
        "ik zorg voor mijn zieke moeder",
        "de kinderen eten op school",
        "wat is een leefloon?",
        "ja",
        "nee",
        "9300",
        "weet ik niet",
        "sta al 5 jaar op de wachtlijst",
        "da's waar",
        "ons tweetjes",
        "mijne vent is werkloos",
        "misbruik van mijn bankkaart",
        '/inform{"gemeente": "Gent"}',
    ],
)
def test_geen_nood(noodhulp: Noodhulp, bericht: str) -> None:
    assert noodhulp.herken(bericht) == []


def test_trefwoordregels() -> None:
    regel = lees_regel("slaap|slapen + auto|wagen")
    assert regel.past(woorden_van("Ik SLAAP in mijn auto!"))
    assert regel.past(woorden_van("auto... daar slapen we"))  # any order
    assert not regel.past(woorden_van("ik slaap goed"))
    assert not regel.past(woorden_van("ik slaap niet in de auto"))  # negated
    keuze = lees_regel("bang voor/van mijn man/vent")
    assert keuze.past(woorden_van("ik ben bang van mijn vent"))
    assert not keuze.past(woorden_van("mijn man is bang van de hond"))
    ster = lees_regel("zelfmoord*")
    assert ster.past(woorden_van("zelfmoordgedachten"))
    assert lees_regel("uithuiszetting").past(["uithuiszettng"])  # one typo, long word
    assert not lees_regel("eten").past(["etn"])  # short words: no typos
    for fout in ("auto +", "a || b", "da's waar", "a//b"):
        with pytest.raises(TrefwoordFout):
            lees_regel(fout)


# -- the answer ------------------------------------------------------------------------------


def test_antwoord_met_plaats_uit_het_bericht(noodhulp: Noodhulp, diensten: Diensten) -> None:
    plaats = gemeente_in_tekst("ik slaap al 3 maand in mijn auto in Oostende", diensten.gemeenten)
    assert plaats is not None and plaats.naam == "Oostende"
    tekst = noodhulp.bericht(
        ["geen_slaapplaats"],
        Plaats(plaats.nis, plaats.naam, uit_bericht=True),
        diensten.contactpunten,
    )
    regels = tekst.splitlines()
    assert regels[0] == "Heeft u vannacht geen veilige plek om te slapen? Hier kunt u nu terecht:"
    # from catalogus/contactpunten.yaml
    assert regels[1] == (
        "- Ga naar Sociaal Huis Oostende. Adres: Edith Cavellstraat 15, 8400 Oostende. "
        "Telefoon: 059 59 10 10. Website: https://www.oostende.be"
    )
    assert "nachtopvang" in regels[2] and "https://www.caw.be" in regels[2]
    assert "Bel 112" in regels[3]
    assert regels[-1] == "Daarna kijk ik graag verder met u naar uw rechten."


def test_woonplaats_is_niet_zeker_de_plaats_waar_u_bent(
    noodhulp: Noodhulp, diensten: Diensten
) -> None:
    """Someone without a home: the municipality in the conversation may be where he lived."""
    tekst = noodhulp.bericht(
        ["geen_slaapplaats"], Plaats("31005", "Brugge", uit_bericht=False), diensten.contactpunten
    )
    assert (
        "- Ga naar het OCMW of Sociaal Huis van de gemeente waar u nu bent. Bent u in Brugge? "
        "Dan is dat OCMW Brugge. Adres: Hoogstraat 9, Brugge. Website: https://www.ocmw-brugge.be"
    ) in tekst.splitlines()
    # for an eviction, the municipality where one lives is the right one
    uithuis = noodhulp.bericht(
        ["uithuiszetting"], Plaats("31005", "Brugge", uit_bericht=False), diensten.contactpunten
    )
    assert "- Ga naar OCMW Brugge. Adres: Hoogstraat 9, Brugge." in uithuis


def test_antwoord_noemt_de_openingsuren_uit_de_bron(noodhulp: Noodhulp, diensten: Diensten) -> None:
    tekst = noodhulp.bericht(
        ["uithuiszetting"], Plaats("71072", "Hasselt", uit_bericht=False), diensten.contactpunten
    )
    assert (
        "- Ga naar OCMW Hasselt, Sociale Dienst. Openingsuren: In de voormiddag, of op afspraak. "
        "Website: https://www.hasselt.be"
    ) in tekst.splitlines()


def test_antwoord_zonder_plaats_en_zonder_contactpunt(noodhulp: Noodhulp) -> None:
    leeg = Contactpunten()
    zonder = noodhulp.bericht(["geen_eten"], None, leeg).splitlines()
    assert zonder[1] == "- Ga naar het OCMW of Sociaal Huis van de gemeente waar u nu bent."
    thuis = noodhulp.bericht(["afgesloten"], None, leeg).splitlines()
    assert thuis[1] == "- Ga naar het OCMW of Sociaal Huis van uw gemeente."
    aalst = noodhulp.bericht(["afgesloten"], Plaats("41002", "Aalst", True), leeg).splitlines()
    assert aalst[1] == "- Ga naar het OCMW of Sociaal Huis van Aalst."


def test_geweld_en_zelfdoding_noemen_de_hulplijnen(noodhulp: Noodhulp) -> None:
    geweld = noodhulp.bericht(["geweld"], None, Contactpunten())
    assert "1712" in geweld and "112" in geweld
    zelfdoding = noodhulp.bericht(["zelfdoding"], None, Contactpunten())
    assert "1813" in zelfdoding and "106" in zelfdoding and "112" in zelfdoding
    # two situations: each help item once
    samen = noodhulp.bericht(["geen_slaapplaats", "geweld"], None, Contactpunten())
    assert samen.count("Bel 112") == 1
    assert samen.splitlines()[:2] == [
        noodhulp.situatie("geen_slaapplaats").zeg,
        noodhulp.situatie("geweld").zeg,
    ]


@pytest.mark.parametrize(
    ("bericht", "gemeente"),
    [
        ("ik slaap in mijn auto in Oostende", "Oostende"),
        ("ik ben dakloos en zit in oostende", "Oostende"),
        ("ik slaap op straat in 8400", "Oostende"),
        ("ik woonde in Gent, nu slaap ik in Sint-Niklaas", "Sint-Niklaas"),
        ("hier in Sint-Amandsberg aan het station", "Gent"),  # a deelgemeente
        ("in Aalst", "Aalst"),  # the municipality, not the deelgemeente of Sint-Truiden
        ("Brugge, ik heb geen eten", "Brugge"),
        ("ik slaap in mijn auto", None),
        ("ik slaap in de auto in het park", None),
        ("ik woon in gnet", None),  # typos: no guess in need
    ],
)
def test_plaats_in_het_bericht(diensten: Diensten, bericht: str, gemeente: str | None) -> None:
    gevonden = gemeente_in_tekst(bericht, diensten.gemeenten)
    assert (gevonden.naam if gevonden else None) == gemeente


# -- the data file ---------------------------------------------------------------------------


def test_elke_hulplijn_heeft_een_bron_en_noemt_haar_nummer(noodhulp: Noodhulp) -> None:
    lijnen = noodhulp.bestand.hulplijnen
    assert {"1712", "zelfmoordlijn", "tele_onthaal", "112", "caw", "nachtopvang"} <= set(lijnen)
    assert (lijnen["1712"].telefoon, lijnen["zelfmoordlijn"].telefoon) == ("1712", "1813")
    assert (lijnen["tele_onthaal"].telefoon, lijnen["112"].telefoon) == ("106", "112")
    for lijn in lijnen.values():
        assert lijn.bron_url.startswith("https://")
        if lijn.telefoon:
            assert lijn.telefoon in lijn.zin
    situaties = set(noodhulp.bestand.situaties)
    assert situaties == {
        "geen_slaapplaats",
        "geen_eten",
        "geweld",
        "zelfdoding",
        "uithuiszetting",
        "afgesloten",
    }


def _kapot(tmp_path: Path, oud: str, nieuw: str, waar: str) -> tuple[Path, int]:
    """The file with ``oud`` replaced, and the line where the text ``waar`` then starts."""
    tekst = STANDAARD_PAD.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1, oud
    tekst = tekst.replace(oud, nieuw)
    pad = tmp_path / "noodhulp.yaml"
    pad.write_text(tekst, encoding="utf-8")
    return pad, tekst[: tekst.index(waar)].count("\n") + 1


@pytest.mark.parametrize(
    ("oud", "nieuw", "waar", "veld", "bericht"),
    [
        (
            'telefoon: "1813"',
            'telefoon: "1814"',
            "zin: >-\n      De Zelfmoordlijn",
            "hulplijnen.zelfmoordlijn.zin",
            "De zin noemt het nummer 1814 niet",
        ),
        (
            "bron_url: https://www.aalter.be/noodoproepen",
            "bron_url: www.aalter.be",
            "bron_url: www.aalter.be",
            "hulplijnen.112.bron_url",
            "heeft niet de juiste vorm",
        ),
        (
            "hulp: [zelfmoordlijn, tele_onthaal",
            "hulp: [zelfmoordlijn, teleonthaal",
            "hulp: [zelfmoordlijn, teleonthaal",
            "situaties.zelfdoding.hulp.1",
            "'teleonthaal' is geen hulplijn",
        ),
        (
            "      - honger|hongerig|hongerlijden",
            "      - honger||hongerig",
            "honger||hongerig",
            "situaties.geen_eten.herkennen.0",
            "er staat niets tussen",
        ),
        (
            "  gemeente_bekend: Ga naar {ocmw}.",
            "  gemeente_bekend: Ga naar {ocwm}.",
            "gemeente_bekend",
            "ocmw.gemeente_bekend",
            "{ocwm}",
        ),
        (
            "    elke_keer: true\n\n  zelfdoding:",
            "    elke_keer: true\n    kleur: rood\n\n  zelfdoding:",
            "kleur: rood",
            "situaties.geweld.kleur",
            "Onbekend veld",
        ),
    ],
)
def test_kapot_bestand_noemt_regel_en_veld(
    tmp_path: Path, oud: str, nieuw: str, waar: str, veld: str, bericht: str
) -> None:
    pad, regel = _kapot(tmp_path, oud, nieuw, waar)
    with pytest.raises(ChatGegevensFout) as fout:
        laad_noodhulp(pad)
    melding = str(fout.value)
    assert melding.startswith(f"noodhulp.yaml, regel {regel} (veld {veld}"), melding
    assert bericht in melding


def test_controle_vanaf_de_opdrachtregel(capsys: pytest.CaptureFixture[str]) -> None:
    """``python -m bot.chat``: what a policy officer runs after editing a file."""
    assert main([]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "noodhulp.yaml: in orde.",
        "talen.yaml: in orde.",
        "privacy.yaml: in orde.",
    ]
    assert main(["onbekend"]) == 2
    assert "Kies uit: noodhulp, talen, privacy" in capsys.readouterr().out
