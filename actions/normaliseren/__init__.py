"""Antwoorden van een persoon omzetten naar waarden van de woordenlijst, met code.

Getallen, bedragen, keuzes (werksituatie, woonsituatie, ...), ja/nee, "weet ik niet"
en de gemeente: de Rasa-classifier herkent alleen de bedoeling, deze lezers de waarde.
Alles is zuiver: tekst erin, waarde of ``None`` eruit. De trefwoorden staan in
``trefwoorden.yaml`` en worden bij het eerste gebruik gelezen, niet bij het importeren.
"""

from actions.normaliseren.feiten import lees_feiten
from actions.normaliseren.getallen import (
    Bedrag,
    is_negatief_bedrag,
    leeftijd_op,
    lees_aantal_kinderen,
    lees_bedrag,
    lees_bedrag_details,
    lees_bedragbereik,
    lees_geboortedatum,
    lees_getal,
    lees_getalfeiten,
    lees_gezinsbedragen,
    lees_huisgenoten,
    lees_jaren_sinds,
    lees_leeftijd,
    lees_leeftijd_jongste_kind,
    lees_maandbedrag,
    lees_periode,
    ontleed_getal,
    zegt_nee,
)
from actions.normaliseren.plaats import lees_gemeente
from actions.normaliseren.trefwoorden import (
    Trefwoorden,
    TrefwoordenFout,
    is_weet_niet,
    laad_trefwoorden,
    lees_ja_nee,
    lees_keuze,
    lees_samenwonend,
    lees_verblijfsstatus,
    lees_werksituatie,
    lees_woonsituatie,
    standaard_trefwoorden,
)

__all__ = [
    "Bedrag",
    "Trefwoorden",
    "TrefwoordenFout",
    "is_negatief_bedrag",
    "is_weet_niet",
    "laad_trefwoorden",
    "lees_aantal_kinderen",
    "lees_bedrag",
    "lees_bedrag_details",
    "lees_feiten",
    "lees_gemeente",
    "lees_getal",
    "lees_getalfeiten",
    "lees_ja_nee",
    "lees_jaren_sinds",
    "lees_bedragbereik",
    "lees_geboortedatum",
    "lees_gezinsbedragen",
    "lees_huisgenoten",
    "leeftijd_op",
    "lees_keuze",
    "lees_leeftijd",
    "lees_leeftijd_jongste_kind",
    "lees_maandbedrag",
    "lees_periode",
    "lees_samenwonend",
    "lees_verblijfsstatus",
    "lees_werksituatie",
    "lees_woonsituatie",
    "ontleed_getal",
    "standaard_trefwoorden",
    "zegt_nee",
]
