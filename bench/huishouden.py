"""The attributes a household profile has besides the basics, with plausible correlations.

Shared by the engine benchmark (``engine.py``) and the API and conversation benchmarks
(``api.py``, ``gesprekken.py``): given the basics (age, partner, children, work, income,
housing), it fills in the kind of income, the tax-bill income, the allowances received,
care, study, heating, moving and the income of others at home.
"""

from __future__ import annotations

import random
from typing import Any

SOORT_VAN_WERK = {
    "werknemer": "loon",
    "zelfstandige": "zelfstandige",
    "werkzoekend": "uitkering",
    "arbeidsongeschikt": "uitkering",
    "gepensioneerd": "pensioen",
    "zonder_inkomen": "bijstand",
    "student": "loon",
}
FACTOR = {"loon": 16.5, "zelfstandige": 16.0, "uitkering": 14.0, "pensioen": 13.0, "bijstand": 6.0}


def aanvullen(rng: random.Random, p: dict[str, Any]) -> dict[str, Any]:
    """``p`` with the other attributes of the vocabulary filled in (a new dict)."""
    leeftijd, kinderen = p["leeftijd"], p["aantal_kinderen"]
    inkomen = p["netto_maandinkomen_gezin"]
    soort = SOORT_VAN_WERK.get(p["werksituatie"], "gemengd")
    if p["samenwonend_met_partner"] and rng.random() < 0.4:
        soort = "gemengd"
    belastbaar = None  # most people do not know their tax bill by heart
    if rng.random() < 0.4:
        belastbaar = round(inkomen * FACTOR.get(soort, 15.0) * rng.uniform(0.9, 1.1), 2)
    handicap = p["erkende_handicap"]
    mantelzorger = p["mantelzorger"]
    jongste = p.get("leeftijd_jongste_kind")
    return {
        **p,
        "soort_inkomen": soort,
        "belastbaar_inkomen_gezin_jaar": belastbaar,
        "ontvangt_tegemoetkoming_handicap": handicap and rng.random() < 0.4,
        "ontvangt_igo": leeftijd >= 66 and inkomen < 1500 and rng.random() < 0.5,
        "ontvangt_zorgbudget_ouderen": leeftijd >= 65 and rng.random() < 0.08,
        "zelf_zorgbehoevend": rng.random() < (0.2 if leeftijd >= 75 else 0.03),
        "zorgbehoevende_leeftijd": rng.randint(40, 95) if mantelzorger else None,
        "zorgbehoevende_zelfde_adres": rng.random() < 0.4 if mantelzorger else None,
        "kind_hoger_onderwijs": (p["werksituatie"] == "student")
        or (bool(kinderen) and jongste is not None and jongste >= 17 and rng.random() < 0.5),
        "nederlandstalige_school_of_opvang": rng.random() < 0.9 if kinderen else None,
        "aangesloten_vlaamse_zorgkas": rng.random() < 0.9,
        "verwarming": rng.choices(
            ["aardgas", "stookolie", "elektriciteit", "andere"], weights=[55, 25, 12, 8]
        )[0],
        "verhuisd_uit_slechte_woning": p["woonsituatie"] == "huurder_privaat"
        and rng.random() < 0.1,
        # an adult child, a parent or a housemate with an income: in about one home in ten
        "netto_maandinkomen_huisgenoten": (
            float(rng.randint(6, 25) * 100) if rng.random() < 0.1 else 0.0
        ),
    }
