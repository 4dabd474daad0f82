"""Profile parts that several tests share."""

from __future__ import annotations

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
