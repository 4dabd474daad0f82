"""Profile parts that several tests share."""

from __future__ import annotations

from typing import Any

ANTWOORDEN_NEE = dict.fromkeys(
    (
        "ontvangt_leefloon",
        "verhoogde_tegemoetkoming",
        "ontvangt_igo",
        "ontvangt_tegemoetkoming_handicap",
        "ontvangt_zorgbudget_ouderen",
        "zelf_zorgbehoevend",
        "erkende_handicap",
        "mantelzorger",
        "kind_hoger_onderwijs",
        "verhuisd_uit_slechte_woning",
    ),
    False,
)
"""'Nee' to the situations and yes/no questions a conversation asks most."""

ALLEENSTAANDE_MOEDER: dict[str, Any] = {
    **ANTWOORDEN_NEE,
    "leeftijd": 34,
    "samenwonend_met_partner": False,
    "aantal_kinderen": 2,
    "leeftijd_jongste_kind": 6,
    "woonsituatie": "huurder_privaat",
    "verwarming": "aardgas",
    "netto_maandinkomen_gezin": 900,
    "soort_inkomen": "uitkering",
    "werksituatie": "werkzoekend",
    "verblijfsstatus": "belg",
    "jaren_op_wachtlijst_sociale_woning": 5,
    "nederlandstalige_school_of_opvang": True,
}
"""A single mother with two children and little income (no municipality): the leefloon and
many other rights are likely."""
