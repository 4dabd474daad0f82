"""Profile validation against the vocabulary: Dutch messages per field."""

from __future__ import annotations

import math

import pytest
import yaml
from regelhulp import vocabulaire

from bot.vocabulary import STANDAARD_PAD, AttribuutType, GroepSoort, ProfielFout
from bot.vocabulary.laden import VocabulaireFout, vocabulaire_uit_data


def _fout(profiel, **kw) -> dict[str, str]:
    with pytest.raises(ProfielFout) as info:
        vocabulaire().valideer_profiel(profiel, **kw)
    return {f.veld: f.bericht for f in info.value.fouten}


def test_geldig_profiel_wordt_genormaliseerd():
    profiel = vocabulaire().valideer_profiel(
        {
            "gemeente": "44021",
            "leeftijd": 30,
            "samenwonend_met_partner": False,
            "netto_maandinkomen_gezin": 1500,
            "woonsituatie": "huurder_privaat",
            "mantelzorger": None,
        }
    )
    assert profiel["netto_maandinkomen_gezin"] == 1500.0
    assert isinstance(profiel["netto_maandinkomen_gezin"], float)
    assert profiel["mantelzorger"] is None  # "weet ik niet" stays


def test_euro_wordt_afgerond_op_cent():
    assert vocabulaire().valideer_profiel({"netto_maandinkomen_gezin": 1500.456}) == {
        "netto_maandinkomen_gezin": 1500.46
    }


def test_invoer_blijft_ongemoeid():
    ruw = {"netto_maandinkomen_gezin": 10}
    vocabulaire().valideer_profiel(ruw)
    assert ruw == {"netto_maandinkomen_gezin": 10}


def test_onbekende_sleutel():
    assert _fout({"inkomen": 5}) == {"inkomen": "Dit gegeven kennen we niet."}


def test_afgeleid_attribuut_is_geen_profielsleutel():
    assert "gezinsgrootte" in _fout({"gezinsgrootte": 3})


@pytest.mark.parametrize(
    ("sleutel", "waarde", "bericht"),
    [
        ("leeftijd", True, "Geef een geheel getal."),
        ("leeftijd", 30.0, "Geef een geheel getal."),
        ("leeftijd", "30", "Geef een geheel getal."),
        ("netto_maandinkomen_gezin", True, "Geef een bedrag in euro, als getal."),
        ("netto_maandinkomen_gezin", "1500", "Geef een bedrag in euro, als getal."),
        ("netto_maandinkomen_gezin", math.nan, "Geef een gewoon bedrag in euro."),
        ("netto_maandinkomen_gezin", math.inf, "Geef een gewoon bedrag in euro."),
        ("mantelzorger", 1, "Antwoord met ja (true) of nee (false)."),
        ("mantelzorger", "ja", "Antwoord met ja (true) of nee (false)."),
        ("gemeente", True, "Geef de naam of de NIS-code van een gemeente."),
        ("gemeente", "  ", "Geef de naam of de NIS-code van een gemeente."),
        ("gemeente", "Gent", "Geef de NIS-code van de gemeente (5 cijfers)."),
        ("gemeente", "4402", "Geef de NIS-code van de gemeente (5 cijfers)."),
    ],
)
def test_verkeerd_type(sleutel, waarde, bericht):
    assert _fout({sleutel: waarde}) == {sleutel: bericht}


@pytest.mark.parametrize(
    ("sleutel", "waarde", "bericht"),
    [
        ("leeftijd", -1, "De waarde moet minstens 0 jaar zijn."),
        ("leeftijd", 121, "De waarde mag hoogstens 120 jaar zijn."),
        ("aantal_kinderen", 21, "De waarde mag hoogstens 20 kinderen zijn."),
        ("netto_maandinkomen_gezin", -0.5, "De waarde moet minstens 0 euro per maand zijn."),
        (
            "netto_maandinkomen_gezin",
            100000.01,
            "De waarde mag hoogstens 100000 euro per maand zijn.",
        ),
    ],
)
def test_buiten_bereik(sleutel, waarde, bericht):
    assert _fout({sleutel: waarde}) == {sleutel: bericht}


def test_grenzen_zelf_zijn_toegelaten():
    voc = vocabulaire()
    for naam, attribuut in voc.attributen.items():
        if attribuut.type in (AttribuutType.INT, AttribuutType.EURO):
            assert voc.valideer_profiel({naam: int(attribuut.min)}) == {naam: attribuut.min}
            assert voc.valideer_profiel({naam: int(attribuut.max)}) == {naam: attribuut.max}


def test_enum_noemt_de_keuzes():
    fout = _fout({"woonsituatie": "kasteel"})
    assert fout["woonsituatie"].startswith("Kies een van deze waarden: huurder_privaat, ")
    assert "dakloos" in fout["woonsituatie"]


def test_alle_fouten_tegelijk():
    fout = _fout({"leeftijd": -3, "mantelzorger": "ja", "onbekend": 1, "aantal_kinderen": 2})
    assert set(fout) == {"leeftijd", "mantelzorger", "onbekend"}


def test_profielfout_bericht_noemt_de_velden():
    with pytest.raises(ProfielFout, match="leeftijd: Geef een geheel getal."):
        vocabulaire().valideer_profiel({"leeftijd": "dertig"})


def test_gemeente_als_getal_wordt_tekst():
    assert vocabulaire().valideer_profiel({"gemeente": 44021}) == {"gemeente": "44021"}
    assert vocabulaire().valideer_profiel({"gemeente": " 44021 "}) == {"gemeente": "44021"}


def test_gemeente_via_oplosser():
    namen = {"gent": "44021", "sint-amandsberg": "44021", "brugge": "31005"}

    def oplosser(tekst: str) -> str:
        try:
            return namen[tekst.lower()]
        except KeyError:
            raise ValueError(f"We kennen de gemeente '{tekst}' niet.") from None

    voc = vocabulaire()
    assert voc.valideer_profiel({"gemeente": "Sint-Amandsberg"}, oplosser) == {"gemeente": "44021"}
    assert voc.valideer_profiel({"gemeente": " Brugge "}, gemeente_oplosser=oplosser) == {
        "gemeente": "31005"
    }
    assert _fout({"gemeente": "Atlantis"}, gemeente_oplosser=oplosser) == {
        "gemeente": "We kennen de gemeente 'Atlantis' niet."
    }
    assert voc.valideer_profiel({"gemeente": None}, oplosser) == {"gemeente": None}


def test_woordenlijst_is_consistent():
    voc = vocabulaire()
    for naam, attribuut in voc.attributen.items():
        assert attribuut.vraag and attribuut.waarom, naam
        if attribuut.type is AttribuutType.ENUM:
            assert attribuut.opties, naam
        if attribuut.type is AttribuutType.BOOL:
            assert set(attribuut.opties) == {"true", "false"}, naam
        if attribuut.type in (AttribuutType.INT, AttribuutType.EURO):
            assert attribuut.min is not None and attribuut.max is not None, naam
    assert [a.volgorde for a in voc.attributen.values()] == list(range(len(voc.attributen)))
    for begrip in voc.inkomen.values():
        if begrip.benaderd:
            assert begrip.uitleg_benadering, begrip.naam


# --- question groups ------------------------------------------------------------------


def _met_groep(groep: dict) -> dict:
    data = yaml.safe_load(STANDAARD_PAD.read_text(encoding="utf-8"))
    data["vraaggroepen"] = {"test": groep}
    return data


GEZIN = {
    "soort": "samen",
    "vraag": "Met wie woont u samen?",
    "waarom": "Het gezin telt mee.",
    "leden": ["samenwonend_met_partner", "aantal_kinderen"],
}


def test_vraaggroepen_van_de_woordenlijst():
    voc = vocabulaire()
    assert voc.groep_van("mantelzorger").soort is GroepSoort.AANKRUISEN
    assert voc.groep_van("netto_maandinkomen_gezin").sleutel == "inkomen"
    assert voc.groep_van("verblijfsstatus") is None
    for groep in voc.vraaggroepen.values():
        assert set(groep.leden) <= set(voc.attributen)
        if groep.soort is GroepSoort.AANKRUISEN:
            assert set(groep.labels) == set(groep.leden) and groep.geen
    alleen = voc.vraaggroepen["gezin"].knoppen[0]
    assert alleen.waarden == {
        "samenwonend_met_partner": False,
        "aantal_kinderen": 0,
        "netto_maandinkomen_huisgenoten": 0,  # knoppen_vullen_ook: nobody else at home
    }


@pytest.mark.parametrize(
    ("wijziging", "bericht"),
    [
        ({"soort": "lijst"}, "'soort' moet 'samen' of 'aankruisen' zijn"),
        ({"vraag": ""}, "het veld 'vraag' ontbreekt"),
        ({"leden": ["leeftijd"]}, "minstens twee verschillende leden"),
        ({"leden": ["leeftijd", "schoenmaat"]}, "'schoenmaat' is geen gevraagd attribuut"),
        ({"leden": ["leeftijd", "gezinsgrootte"]}, "'gezinsgrootte' is geen gevraagd"),
        (
            {
                "soort": "aankruisen",
                "geen": "Geen",
                "leden": {"leeftijd": "a", "mantelzorger": "b"},
            },
            "'leeftijd' is geen ja/nee-vraag",
        ),
        (
            {"soort": "aankruisen", "leden": {"mantelzorger": "a", "erkende_handicap": "b"}},
            "'geen'",
        ),
        (
            {"knoppen": [{"titel": "Veel", "waarden": {"aantal_kinderen": 99}}]},
            "knop 'Veel': aantal_kinderen: De waarde mag hoogstens 20",
        ),
        (
            {"knoppen": [{"titel": "Oud", "waarden": {"leeftijd": 80}}]},
            "vult 'leeftijd' in, dat geen lid van de groep is",
        ),
        (
            {"knoppen_vullen_ook": ["aantal_kinderen"]},
            "'knoppen_vullen_ook' is een lijst van attributen die geen lid zijn",
        ),
    ],
)
def test_kapotte_vraaggroep_noemt_bestand_groep_en_probleem(wijziging, bericht):
    with pytest.raises(VocabulaireFout) as info:
        vocabulaire_uit_data(_met_groep({**GEZIN, **wijziging}), bron="attributen.yaml")
    assert "attributen.yaml: vraaggroep 'test'" in str(info.value)
    assert bericht in str(info.value)


def test_een_knop_mag_een_attribuut_uit_knoppen_vullen_ook_invullen():
    groep = {
        **GEZIN,
        "knoppen_vullen_ook": ["leeftijd"],
        "knoppen": [{"titel": "Oud", "waarden": {"leeftijd": 80}}],
    }
    voc = vocabulaire_uit_data(_met_groep(groep))
    assert voc.vraaggroepen["test"].knoppen[0].waarden == {"leeftijd": 80}


def test_attribuut_in_twee_groepen_is_een_fout():
    data = _met_groep(GEZIN)
    data["vraaggroepen"]["nog_een"] = {**GEZIN, "leden": ["aantal_kinderen", "leeftijd"]}
    with pytest.raises(VocabulaireFout, match="'aantal_kinderen' zit al in de groep 'test'"):
        vocabulaire_uit_data(data)


# --- sections of the guided form (rubrieken) ---------------------------------------------


def test_elk_attribuut_staat_in_een_rubriek_in_de_volgorde_van_het_formulier():
    voc = vocabulaire()
    assert [r.titel for r in voc.rubrieken.values()] == [
        "Woonplaats en gezin",
        "Wonen",
        "Inkomen en werk",
        "Gezondheid en zorg",
        "Verblijf",
    ]
    assert [r.volgorde for r in voc.rubrieken.values()] == list(range(5))
    assert all(a.rubriek in voc.rubrieken for a in voc.attributen.values())
    assert voc.attributen["gemeente"].rubriek == "woonplaats_gezin"
    assert voc.attributen["verblijfsstatus"].rubriek == "verblijf"


def _met_rubriek(sleutel: str, rubriek: object) -> dict:
    data = yaml.safe_load(STANDAARD_PAD.read_text(encoding="utf-8"))
    if rubriek is None:
        del data["attributen"][sleutel]["rubriek"]
    else:
        data["attributen"][sleutel]["rubriek"] = rubriek
    return data


def test_ontbrekende_rubriek_noemt_bestand_attribuut_en_keuzes():
    with pytest.raises(VocabulaireFout) as info:
        vocabulaire_uit_data(_met_rubriek("mantelzorger", None), bron="attributen.yaml")
    assert str(info.value) == (
        "attributen.yaml: attribuut 'mantelzorger': het veld 'rubriek' ontbreekt (het deel "
        "van het begeleide formulier). Kies uit: woonplaats_gezin, wonen, inkomen_werk, "
        "gezondheid_zorg, verblijf."
    )


def test_onbekende_rubriek_noemt_bestand_attribuut_en_rubriek():
    with pytest.raises(VocabulaireFout) as info:
        vocabulaire_uit_data(_met_rubriek("leeftijd", "hobby"), bron="attributen.yaml")
    assert "attributen.yaml: attribuut 'leeftijd': de rubriek 'hobby' bestaat niet." in str(
        info.value
    )


def test_rubriek_zonder_titel_is_een_fout():
    data = yaml.safe_load(STANDAARD_PAD.read_text(encoding="utf-8"))
    data["rubrieken"]["wonen"] = ""
    with pytest.raises(VocabulaireFout, match="attributen.yaml: rubriek 'wonen' heeft geen titel"):
        vocabulaire_uit_data(data, bron="attributen.yaml")


def test_zonder_blok_rubrieken_is_een_rubriek_niet_nodig():
    data = yaml.safe_load(STANDAARD_PAD.read_text(encoding="utf-8"))
    del data["rubrieken"]
    for velden in data["attributen"].values():
        del velden["rubriek"]
    voc = vocabulaire_uit_data(data)
    assert voc.rubrieken == {}
    assert voc.attributen["leeftijd"].rubriek is None
