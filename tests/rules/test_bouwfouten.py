"""A broken rule file is refused at build time with a Dutch message naming right and field."""

from __future__ import annotations

import pytest
from regelhulp import bouw, parameter, recht

from bot.rules import RegelFout, valideer_regelbestand

LEEFTIJD = {"var": "leeftijd"}


def _fout(*rechten) -> RegelFout:
    with pytest.raises(RegelFout) as info:
        bouw(*rechten)
    return info.value


def test_onbekend_attribuut():
    fout = _fout(recht("r", {">": [{"var": "inkomen_per_dag"}, 1]}))
    assert fout.recht_id == "r"
    assert "inkomen_per_dag" in str(fout)
    assert "woordenlijst" in str(fout)
    assert fout.pad == ("voorwaarden", 0, "regel", ">", 0, "var")
    assert str(fout).startswith("recht 'r', veld voorwaarden.0.regel.>.0.var: ")


def test_var_met_standaardwaarde_wordt_geweigerd():
    """JSON Logic's default ({"var": [naam, 0]}) would turn a missing answer into 0."""
    fout = _fout(recht("r", {">": [{"var": ["leeftijd", 0]}, 1]}))
    assert "'var'" in str(fout)


def test_onbekend_attribuut_in_een_van_noemt_het_pad():
    fout = _fout(
        recht(
            "r",
            {
                "id": "groep",
                "tekst": "Een van beide.",
                "een_van": [
                    {"id": "a", "tekst": "Eerste.", "regel": True},
                    {"id": "b", "tekst": "Tweede.", "regel": {"var": "bestaat_niet"}},
                ],
            },
        )
    )
    assert fout.pad[:4] == ("voorwaarden", 0, "een_van", 1)


def test_onbekende_parameter():
    fout = _fout(recht("r", {">": [LEEFTIJD, {"param": "grens"}]}))
    assert "Parameter 'grens' is niet gedefinieerd" in str(fout)


def test_parameter_van_een_ander_recht_is_onbekend():
    fout = _fout(
        recht("a", True, parameters={"grens": parameter(("2024-01-01", 1))}),
        recht("b", {">": [LEEFTIJD, {"param": "grens"}]}),
    )
    assert fout.recht_id == "b"


def test_onbekend_recht():
    fout = _fout(recht("r", {"recht": "bestaat-niet"}))
    assert "bestaat-niet" in str(fout)
    assert "dat niet bestaat" in str(fout)


def test_onbekende_operator():
    fout = _fout(recht("r", {"tussen": [LEEFTIJD, 1, 2]}))
    assert "Onbekende operator 'tussen'" in str(fout)


def test_onbekend_inkomensbegrip_noemt_de_keuzes():
    fout = _fout(recht("r", {"<": [{"inkomen": "bruto_maandloon"}, 1]}))
    assert "bruto_maandloon" in str(fout)
    assert "netto_maandinkomen_gezin" in str(fout)


def test_uitdrukking_met_twee_operatoren():
    fout = _fout(recht("r", {"and": [{"var": "leeftijd", "param": "x"}]}))
    assert "precies één operator" in str(fout)


@pytest.mark.parametrize(
    "regel",
    [
        {"!": [True, False]},
        {"!!": [True, False]},
        {"==": [1]},
        {"==": [1, 1, 1]},
        {">": [1, 2, 3]},
        {"<": [1, 2, 3, 4]},
        {"in": [1]},
        {"in": [1, [1], [2]]},
        {"if": [True, 1]},
        {"if": [True, 1, 2, 3]},
        {"-": [1, 2, 3]},
        {"/": [1]},
        {"/": [1, 2, 3]},
        {"+": []},
        {"tabel": ["grens"]},
    ],
)
def test_verkeerd_aantal_argumenten(regel):
    fout = _fout(recht("r", regel, parameters={"grens": parameter(("2024-01-01", [1, 2]))}))
    assert "argument" in str(fout) or "'if' heeft" in str(fout)


def test_param_op_een_lijst():
    fout = _fout(
        recht(
            "r",
            {">": [{"param": "grens"}, 1]},
            parameters={"grens": parameter(("2024-01-01", [1, 2]))},
        )
    )
    assert "is een lijst; gebruik 'tabel'" in str(fout)


def test_tabel_op_een_getal():
    fout = _fout(
        recht(
            "r",
            {">": [{"tabel": ["grens", 0]}, 1]},
            parameters={"grens": parameter(("2024-01-01", 5))},
        )
    )
    assert "is geen lijst; gebruik 'param'" in str(fout)


def test_parameter_met_getallen_en_lijsten_door_elkaar():
    fout = _fout(
        recht(
            "r",
            True,
            parameters={
                "grens": parameter(("2024-01-01", 5), per_gemeente={"44021": [("2024-01-01", [1])]})
            },
        )
    )
    assert fout.pad == ("parameters", "grens")


def test_ongeldige_datum():
    fout = _fout(recht("r", True, parameters={"grens": parameter(("2024-13-01", 5))}))
    assert "Ongeldige datum" in str(fout)


def test_fout_in_bedrag_noemt_het_veld_bedrag():
    fout = _fout(
        recht("r", True, bedrag={"per": "jaar", "regel": {"var": "loon"}, "tekst": "{bedrag}"})
    )
    assert fout.pad[:2] == ("bedrag", "regel")


def test_dubbel_id():
    fout = _fout(recht("r", True), recht("r", False))
    assert "twee keer" in str(fout)


def test_schemafout_bij_bouwen():
    data = recht("r", True)
    del data["bron_url"]
    fout = _fout(data)
    assert "Het verplichte veld 'bron_url' ontbreekt." in str(fout)


# --- schema messages -----------------------------------------------------------------


def _fouten(data):
    return {(f.veld, f.bericht) for f in valideer_regelbestand(data)}


def test_geldig_regelbestand_heeft_geen_fouten():
    assert valideer_regelbestand(recht("r", {">=": [LEEFTIJD, 18]})) == []


def test_schema_verplicht_veld():
    data = recht("r", True)
    del data["naam"]
    assert ("(bestand)", "Het verplichte veld 'naam' ontbreekt.") in _fouten(data)


def test_schema_onbekend_veld():
    data = recht("r", True, voorwaardes=[])
    assert ("(bestand)", "Onbekend veld: 'voorwaardes'.") in _fouten(data)


def test_schema_enum_met_keuzes():
    data = recht("r", True, niveau="provinciaal")
    assert (
        "niveau",
        "Waarde 'provinciaal' is niet toegelaten. Kies uit: federaal, vlaams, lokaal.",
    ) in _fouten(data)


def test_schema_verkeerd_type_met_pad():
    data = recht("r", True, parameters={"grens": parameter(("2024-01-01", "veel"))})
    velden = {veld for veld, _ in _fouten(data)}
    assert "parameters.grens.waarden.0.waarde" in velden


def test_schema_gemeente_patroon():
    data = recht("r", True, gemeenten=["Gent"])
    fouten = _fouten(data)
    assert any(veld == "gemeenten.0" and "juiste vorm" in bericht for veld, bericht in fouten)


def test_schema_voorwaarde_met_regel_en_een_van():
    data = recht("r", True)
    data["voorwaarden"][0]["een_van"] = [
        {"id": "a", "tekst": "Een.", "regel": True},
        {"id": "b", "tekst": "Twee.", "regel": True},
    ]
    assert (
        "voorwaarden.0",
        "Een voorwaarde heeft precies één van: 'regel', 'een_van' of 'na_te_gaan'.",
    ) in _fouten(data)


def test_schema_lege_voorwaarden():
    data = recht("r")
    assert ("voorwaarden", "Dit veld is leeg of te kort.") in _fouten(data)


def test_schema_negatieve_waarde():
    data = recht("r", True, waarde_per_jaar=-5)
    assert ("waarde_per_jaar", "De waarde moet minstens 0 zijn.") in _fouten(data)


def test_schema_bedragtekst_zonder_plaatshouder():
    data = recht("r", True, bedrag={"per": "jaar", "regel": 5, "tekst": "vijf euro"})
    fouten = _fouten(data)
    assert any(veld == "bedrag.tekst" for veld, _ in fouten)


def test_schema_regel_met_twee_operatoren():
    """The expression schema is an ``anyOf``: its failure must still read as Dutch.

    (Regression: it used to fall back to jsonschema's English "is not valid under any of
    the given schemas".)
    """
    data = recht("r", {"var": "leeftijd", ">": [1, 2]})
    assert ("voorwaarden.0.regel", "Een uitdrukking heeft precies één operator.") in _fouten(data)


def test_schema_geen_mapping():
    assert [f.veld for f in valideer_regelbestand(["id", "naam"])] == ["(bestand)"]


def test_schema_onaangehaalde_yaml_datum_geeft_een_duidelijke_fout():
    """yaml.safe_load makes ``vanaf: 2024-01-01`` a date; the schema asks for text."""
    import yaml

    data = recht("r", True)
    data["parameters"] = yaml.safe_load(
        "grens:\n  omschrijving: x\n  bron: https://x.be\n  waarden:\n"
        "    - {vanaf: 2024-01-01, waarde: 5}\n"
    )
    fouten = _fouten(data)
    assert any(veld == "parameters.grens.waarden.0.vanaf" for veld, _ in fouten)


def _kapot(**wijzigingen):
    data = recht("r", True)
    data.update(wijzigingen)
    return data


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            {
                "id": "Fout Id",
                "product": "",
                "naam": "x",
                "niveau": "x",
                "bron_url": "ftp://x",
                "voorwaarden": [{"id": "A", "tekst": "x"}],
                "extra": 1,
            },
            id="veel-fouten",
        ),
        pytest.param(_kapot(synoniemen="huurpremie"), id="type"),
        pytest.param(
            _kapot(parameters={"grens": parameter(("2024-01-01", "veel"))}), id="waarde-tekst"
        ),
        pytest.param(
            recht("r", {"id": "v", "tekst": "Tekst.", "regel": {"<": [1, 2], ">": [2, 1]}}),
            id="regel-twee-operatoren",
        ),
    ],
)
def test_alle_schemafouten_zijn_nederlands(data):
    fouten = valideer_regelbestand(data)
    assert fouten
    engels = [
        f
        for f in fouten
        if "is not valid" in f.bericht or f.bericht.startswith("Ongeldige waarde:")
    ]
    assert engels == []


def test_schemafout_zegt_wat_er_verwacht_wordt():
    """A wrong parameter value says what is expected (a number, "getal"), not a schema
    keyword a policy officer cannot act on. (Regression: it said "anyOf".)
    """
    data = recht("r", True, parameters={"grens": parameter(("2024-01-01", "veel"))})
    berichten = [f.bericht for f in valideer_regelbestand(data)]
    assert berichten
    for bericht in berichten:
        assert "anyOf" not in bericht and "schema" not in bericht, bericht
        assert "getal" in bericht, bericht
