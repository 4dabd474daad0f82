"""Whole conversations in Dutch with the real Rasa server and the real action server."""

from __future__ import annotations

import itertools
import re

import pytest
from botproces import BotServer, Gesprek

from bot.vocabulary import laad_vocabulaire

pytestmark = pytest.mark.bot

VOCABULAIRE = laad_vocabulaire()
VRAAG_VAN = {a.vraag: sleutel for sleutel, a in VOCABULAIRE.attributen.items()}
VRAAG_VAN |= {g.vraag: sleutel for sleutel, g in VOCABULAIRE.vraaggroepen.items()}
"""Question text -> attribute, or -> question group (several attributes in one question)."""
_teller = itertools.count()

STANDAARD = {
    "gemeente": "Gent",
    "leeftijd": "40",
    "samenwonend_met_partner": "nee",
    "aantal_kinderen": "geen",
    "leeftijd_jongste_kind": "5",
    "woonsituatie": "ik huur van een private verhuurder",
    "netto_maandinkomen_gezin": "1500 euro",
    "netto_maandinkomen_huisgenoten": "nee, niemand",
    "werksituatie": "ik werk als werknemer",
    "verblijfsstatus": "ik ben Belg",
    "verhoogde_tegemoetkoming": "nee",
    "erkende_handicap": "nee",
    "mantelzorger": "nee",
    "ontvangt_leefloon": "nee",
    "jaren_op_wachtlijst_sociale_woning": "0",
    "soort_inkomen": "loon",
    # een werknemer met 1500 euro netto per maand: ongeveer 16 keer dat, belastbaar
    "belastbaar_inkomen_gezin_jaar": "24000 euro",
    "ontvangt_tegemoetkoming_handicap": "nee",
    "ontvangt_igo": "nee",
    "ontvangt_zorgbudget_ouderen": "nee",
    "zelf_zorgbehoevend": "nee",
    "zorgbehoevende_leeftijd": "80",
    "zorgbehoevende_zelfde_adres": "nee",
    "kind_hoger_onderwijs": "nee",
    "nederlandstalige_school_of_opvang": "ja",
    "aangesloten_vlaamse_zorgkas": "nee",
    "verwarming": "aardgas",
    "verhuisd_uit_slechte_woning": "nee",
    # vraaggroepen
    "over_u": "40, Gent",
    "gezin": "alleen",
    "situaties": "Geen van deze",
    "zorg": "80, niet bij mij",
    "huurwoning": "0, nee",
    "inkomen": "1500 euro, loon",
    "wonen": "ik huur van een private verhuurder, met aardgas",
}


NIEUW_IN_ISSUE_10 = frozenset(
    {
        "soort_inkomen",
        "belastbaar_inkomen_gezin_jaar",
        "ontvangt_tegemoetkoming_handicap",
        "ontvangt_igo",
        "ontvangt_zorgbudget_ouderen",
        "zelf_zorgbehoevend",
        "zorgbehoevende_leeftijd",
        "zorgbehoevende_zelfde_adres",
        "kind_hoger_onderwijs",
        "nederlandstalige_school_of_opvang",
        "aangesloten_vlaamse_zorgkas",
        "verwarming",
        "verhuisd_uit_slechte_woning",
        "zorg",
        "huurwoning",
    }
)
"""Questions about what rights depend on since issue 10: they come on top of the bound
on the number of questions the conversations had before."""
LEEG_IS_NEE = VOCABULAIRE.vraaggroepen["situaties"].leeg_is_nee


def leden(gevraagd: str) -> tuple[str, ...]:
    groep = VOCABULAIRE.vraaggroepen.get(gevraagd)
    return groep.leden if groep else (gevraagd,)


def aangeboden(berichten: list[dict], gevraagd: str) -> tuple[str, ...]:
    """The members of a group question that the bot offered: a list of situations shows
    only those that can still change a right here (their buttons name them)."""
    payloads = " ".join(k.get("payload", "") for b in berichten for k in b.get("buttons") or [])
    getoond = tuple(a for a in leden(gevraagd) if f'"{a}"' in payloads)
    return getoond or leden(gevraagd)


def waarom(gevraagd: str) -> str:
    groep = VOCABULAIRE.vraaggroepen.get(gevraagd)
    return groep.waarom if groep else VOCABULAIRE.attributen[gevraagd].waarom


def nieuw_gesprek(bot: BotServer) -> Gesprek:
    return bot.gesprek(f"test-{next(_teller)}")


def laatste_vraag(berichten: list[dict]) -> str | None:
    for b in reversed(berichten):
        if b.get("text") in VRAAG_VAN:
            return VRAAG_VAN[b["text"]]
    return None


def beantwoord(gesprek: Gesprek, eerste: str, antwoorden: dict[str, str]) -> list[str]:
    """Zeg ``eerste`` en beantwoord daarna elke vraag; de gestelde attributen, op volgorde."""
    gesteld: list[str] = []
    nieuw = gesprek.zeg(eerste)
    for _ in range(len(VOCABULAIRE.attributen) + 2):
        attribuut = laatste_vraag(nieuw)
        if attribuut is None:
            break
        gesteld.append(attribuut)
        nieuw = gesprek.zeg({**STANDAARD, **antwoorden}[attribuut])
    if nieuw and (nieuw[-1].get("text") or "").startswith(OVERZICHT):
        gesprek.zeg("ja, dat klopt")  # het overzicht voor het resultaat
    return gesteld


OVERZICHT = "Dit heb ik genoteerd:"


def rechten(gesprek: Gesprek, kop: str) -> set[str]:
    """De namen in de resultaatberichten die met ``kop`` beginnen: het korte resultaat
    (om aan te vragen, vanzelf) en wat "meer rechten" toonde."""
    namen: set[str] = set()
    for tekst in gesprek.teksten():
        if tekst.startswith(kop):
            namen |= set(re.findall(r"^• ([^:\n]+):", tekst, flags=re.MULTILINE))
    return namen


def geen_dubbele_vragen(gesteld: list[str]) -> None:
    """No question twice. (A member of a group may follow its group on its own, when the
    answer to the group left it open: "alleen met mijn kinderen" -> how many?)"""
    assert len(gesteld) == len(set(gesteld)), gesteld


def test_gezin_in_gent_met_meerdere_feiten_in_een_bericht(bot_server: BotServer) -> None:
    g = nieuw_gesprek(bot_server)
    g.zeg("hallo")
    gesteld = beantwoord(
        g,
        "ik ben 34, woon in Gent met mijn twee kinderen en ben werkloos",
        {
            "netto_maandinkomen_gezin": "ongeveer 900 euro netto per maand",
            "soort_inkomen": "werkloosheidsuitkering",
            "inkomen": "ongeveer 900 euro netto per maand, werkloosheidsuitkering",
            "verblijfsstatus": "Belg",
            "leeftijd_jongste_kind": "zes",
            "woonsituatie": "ik huur van een private verhuurder",
            "wonen": "ik huur van een private verhuurder, met aardgas",
            "jaren_op_wachtlijst_sociale_woning": "vijf jaar",
            "huurwoning": "vijf jaar, nee",
            "ontvangt_leefloon": "ja",
            "verhoogde_tegemoetkoming": "ja",
            "situaties": "leefloon en verhoogde tegemoetkoming",
        },
    )
    geen_dubbele_vragen(gesteld)
    gevraagde_attributen = {a for g in gesteld for a in leden(g)}
    assert not {"leeftijd", "gemeente", "aantal_kinderen", "werksituatie"} & gevraagde_attributen
    slots = g.slots()
    assert slots["gemeente"] == "Gent"
    assert slots["leeftijd"] == 34
    assert slots["aantal_kinderen"] == 2
    assert slots["netto_maandinkomen_gezin"] == 900
    wel = rechten(g, "Waarschijnlijk")
    assert "Vlaamse huurpremie" in wel, wel
    # het leefloon krijgt ze al: apart van wat nieuw is
    al = {
        regel.removeprefix("• ")
        for tekst in g.teksten()
        if tekst.startswith("Dit krijgt u of uw gezin al:")
        for regel in tekst.splitlines()[1:]
    }
    assert "Leefloon" in al and "Leefloon" not in wel, (al, wel)
    assert len([v for v in gesteld if v not in NIEUW_IN_ISSUE_10]) <= 10, gesteld
    assert len(gesteld) <= 15, gesteld


def test_gepensioneerde_in_brugge(bot_server: BotServer) -> None:
    g = nieuw_gesprek(bot_server)
    gesteld = beantwoord(
        g,
        "ontdek waar ik recht op heb",
        {
            "gemeente": "'k woon in Brugge",
            "leeftijd": "tweeënzeventig",
            "werksituatie": "ik ben op pensioen",
            "netto_maandinkomen_gezin": "€ 1.200",
            "soort_inkomen": "pensioen",
            "inkomen": "€ 1.200, ons pensioen",
            "woonsituatie": "ik ben eigenaar",
            "wonen": "ik ben eigenaar, we verwarmen met mazout",
            "mantelzorger": "ja",
            # hij zorgt voor zijn vrouw, thuis in Brugge
            "zorg": "78, ze woont bij mij",
            "zorgbehoevende_leeftijd": "78",
            "zorgbehoevende_zelfde_adres": "ja, ze woont bij mij",
            "verhoogde_tegemoetkoming": "ja",
            "over_u": "tweeënzeventig, en 'k woon in Brugge",
            "gezin": "Met mijn partner",
            "situaties": "mantelzorg en verhoogde tegemoetkoming",
        },
    )
    geen_dubbele_vragen(gesteld)
    assert g.slots()["gemeente"] == "Brugge"
    assert g.slots()["leeftijd"] == 72
    # aangekruist is ja; niet aangekruist is nee voor wat iedereen herkent (leeg_is_nee:
    # leefloon, IGO, tegemoetkoming, een erkende handicap, ...)
    slots = g.slots()
    assert slots["mantelzorger"] is True and slots["verhoogde_tegemoetkoming"] is True
    # debt help and incontinence change no right of this pensioner in Brugge, so the list
    # does not show them: they stay open (never "ja")
    lokaal = {"schuldhulp", "medische_afvalnood"}
    assert all(slots[a] is False for a in LEEG_IS_NEE - {"mantelzorger"} - lokaal)
    assert all(slots[a] is not True for a in lokaal)
    assert slots["erkende_handicap"] is False
    assert not slots["onbekende_attributen"]
    wel = rechten(g, "Waarschijnlijk")
    assert "Inkomensgarantie voor ouderen (IGO)" in wel, wel
    # het zorgbudget van de persoon voor wie hij zorgt, gaat de stad na: mogelijk (een
    # klein bedrag: na de vijf rechten om eerst aan te vragen, achter "meer rechten")
    g.zeg("/meer_rechten")
    assert "Mantelzorgpremie (Brugge)" in rechten(g, "Mogelijk"), g.teksten()[-3:]


def test_student_met_hoog_gezinsinkomen_krijgt_geen_leefloon(bot_server: BotServer) -> None:
    g = nieuw_gesprek(bot_server)
    gesteld = beantwoord(
        g,
        "welke premies kan ik krijgen?",
        {
            "gemeente": "Leuven",
            "leeftijd": "20",
            "werksituatie": "ik studeer",
            "netto_maandinkomen_gezin": "3000 per maand",
            "inkomen": "3000 per maand, het loon van mijn ouders",
            "woonsituatie": "ik woon bij mijn ouders",
            "wonen": "ik woon bij mijn ouders, met gas",
            "over_u": "20, Leuven",
        },
    )
    geen_dubbele_vragen(gesteld)
    wel = rechten(g, "Waarschijnlijk") | rechten(g, "Mogelijk")
    assert "Leefloon" not in wel
    assert "Vlaamse huurpremie" not in wel


def test_vraag_over_een_recht_vraagt_alleen_wat_dat_recht_nodig_heeft(
    bot_server: BotServer,
) -> None:
    g = nieuw_gesprek(bot_server)
    gesteld = beantwoord(
        g,
        "heb ik recht op een huurpremie?",
        {
            "netto_maandinkomen_gezin": "1100 euro",
            "inkomen": "1100 euro, loon",
            "jaren_op_wachtlijst_sociale_woning": "5",
            "huurwoning": "5 jaar, nee",
            "woonsituatie": "ik huur van een private verhuurder",
            "wonen": "ik huur van een private verhuurder, elektrisch",
        },
    )
    geen_dubbele_vragen(gesteld)
    assert "Vlaamse huurpremie" in g.teksten()[0]
    gevraagde_attributen = {a for v in gesteld for a in leden(v)}
    assert "mantelzorger" not in gevraagde_attributen
    assert "leeftijd" not in gevraagde_attributen
    assert rechten(g, "Waarschijnlijk") == {"Vlaamse huurpremie"}


def test_weet_niet_waarom_en_correctie(bot_server: BotServer) -> None:
    g = nieuw_gesprek(bot_server)
    nieuw = g.zeg("ik ben 30 en woon in Antwerpen")
    gevraagd = laatste_vraag(nieuw)
    assert gevraagd is not None
    # waarom vraag je dat? -> de uitleg van de woordenlijst, dan dezelfde vraag opnieuw
    nieuw = g.zeg("waarom vraag je dat?")
    assert waarom(gevraagd).split(".")[0] in " ".join(b.get("text", "") for b in nieuw)
    assert laatste_vraag(nieuw) == gevraagd
    # weet ik niet -> onbekend, nooit opnieuw gevraagd (bij een groep: al haar leden)
    getoond = aangeboden(nieuw, gevraagd)
    nieuw = g.zeg("weet ik niet")
    assert set(getoond) <= set(g.slots()["onbekende_attributen"])
    # correctie midden in het formulier
    g.zeg("nee, ik ben 43")
    assert g.slots()["leeftijd"] == 43
    gesteld = [gevraagd]
    attribuut = laatste_vraag(g.berichten[-3:])
    while attribuut is not None and len(gesteld) < 20:
        gesteld.append(attribuut)
        nieuw = g.zeg(STANDAARD[attribuut])
        attribuut = laatste_vraag(nieuw)
    geen_dubbele_vragen(gesteld)
    # het overzicht voor het resultaat toont wat de persoon niet wist; dan het resultaat
    assert (nieuw[-1].get("text") or "").startswith(OVERZICHT)
    assert "Nog niet geweten:" in nieuw[-1]["text"]
    g.zeg("ja, dat klopt")
    assert any(t.startswith("Dit weet ik nog niet:") for t in g.teksten())


def test_gemeente_buiten_vlaanderen_en_dubbelzinnige_gemeente(bot_server: BotServer) -> None:
    g = nieuw_gesprek(bot_server)
    g.zeg("ontdek mijn rechten")
    # Vraag tot de gemeente aan de beurt is, antwoord intussen met de standaarden.
    attribuut = laatste_vraag(g.berichten)
    while attribuut not in (None, "gemeente"):
        # de groepsvraag "leeftijd en gemeente": alleen de leeftijd, dan volgt de gemeente
        antwoord = "40" if attribuut == "over_u" else STANDAARD[attribuut]
        attribuut = laatste_vraag(g.zeg(antwoord))
    assert attribuut == "gemeente"
    nieuw = g.zeg("Namen")
    assert any("Vlaanderen of Brussel" in b.get("text", "") for b in nieuw)
    assert laatste_vraag(nieuw) == "gemeente"
    # twee deelgemeenten met dezelfde naam: de bot vraagt welke, een knop beslist
    nieuw = g.zeg("Berchem")
    knoppen = [k["title"] for b in nieuw for k in b.get("buttons", [])]
    assert "Berchem (Antwerpen)" in knoppen and "Berchem (Kluisbergen)" in knoppen
    g.zeg("Berchem (Kluisbergen)")
    assert g.slots()["gemeente"] == "Kluisbergen"
    # een officiële naam wint van een deelgemeente met dezelfde naam (Aalst bij Sint-Truiden)
    g.zeg("nee wacht, ik woon in Aalst")
    assert g.slots()["gemeente"] == "Aalst"


def test_ongeldige_antwoorden_worden_opnieuw_gevraagd(bot_server: BotServer) -> None:
    g = nieuw_gesprek(bot_server)
    nieuw = g.zeg("ik ben 150 jaar en woon in Gent")
    # een vriendelijke vraag terug, geen "De waarde mag hoogstens ..."
    assert any((b.get("text") or "").startswith("Bent u echt 150 jaar?") for b in nieuw)
    assert g.slots()["leeftijd"] is None
    assert g.slots()["gemeente"] == "Gent"


def test_resultaat_vroeg_iemand_spreken_en_opnieuw(bot_server: BotServer) -> None:
    g = nieuw_gesprek(bot_server)
    g.zeg("ik woon in Gent en ben 67")
    nieuw = g.zeg("ik wil met iemand praten")
    assert any("OCMW van Gent" in b.get("text", "") for b in nieuw)
    nieuw = g.zeg("toon mijn resultaat")
    assert any("inschatting" in b.get("text", "") for b in nieuw)
    knoppen = [k["title"] for b in nieuw for k in b.get("buttons", [])]
    assert "Wat moet ik meebrengen?" in knoppen
    nieuw = g.zeg("opnieuw beginnen")
    assert any("opnieuw" in b.get("text", "") for b in nieuw)
    assert g.slots()["gemeente"] is None


def test_waarom_niet_en_meer_uitleg_na_het_resultaat(bot_server: BotServer) -> None:
    g = nieuw_gesprek(bot_server)
    beantwoord(
        g,
        "ik ben 45, woon in Aartselaar met mijn partner en werk als werknemer",
        {
            "netto_maandinkomen_gezin": "5200 euro",
            "inkomen": "5200 euro, we werken allebei",
            "woonsituatie": "ik ben eigenaar",
            "wonen": "ik ben eigenaar, met een warmtepomp",
        },
    )
    nieuw = g.zeg('/waarom_niet{"recht": "leefloon"}')
    tekst = " ".join(b.get("text", "") for b in nieuw)
    assert "geen recht op Leefloon" in tekst
    nieuw = g.zeg("meer uitleg over de huurpremie")
    assert any("Vlaamse huurpremie" in b.get("text", "") for b in nieuw)
    nieuw = g.zeg('/wat_meebrengen{"recht": "maximumfactuur"}')
    assert any("Maximumfactuur" in b.get("text", "") for b in nieuw)
