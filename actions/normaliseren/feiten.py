"""Alle feiten die één bericht duidelijk noemt, per attribuut van de woordenlijst.

"ik ben 34, woon in Gent met mijn twee kinderen en ben werkloos" geeft leeftijd 34,
aantal_kinderen 2, werksituatie werkzoekend en (met een register) gemeente 44021.
Wat onduidelijk is, laten we weg: de bot vraagt het later gewoon.
"""

from __future__ import annotations

from typing import Any

from actions.normaliseren.getallen import lees_getalfeiten
from actions.normaliseren.plaats import lees_gemeente
from actions.normaliseren.trefwoorden import Trefwoorden, standaard_trefwoorden
from bot.gemeenten import GemeenteRegister


def lees_feiten(
    tekst: str,
    register: GemeenteRegister | None = None,
    trefwoorden: Trefwoorden | None = None,
) -> dict[str, Any]:
    """Attribuut -> waarde, in de vorm die ``Vocabulaire.valideer_profiel`` verwacht.

    Getallen alleen met een duidelijke rol (:func:`lees_getalfeiten`); keuzes en ja/nee
    via de trefwoorden (bv. werksituatie, woonsituatie, samenwonend_met_partner); de
    gemeente als NIS-code, alleen met ``register`` en als er precies één gemeente past.
    """
    tw = trefwoorden if trefwoorden is not None else standaard_trefwoorden()
    feiten: dict[str, Any] = dict(lees_getalfeiten(tekst))
    for attribuut, keuzes in tw.attributen.items():
        waarde = tw.keuze(attribuut, tekst)
        if waarde is None:
            continue
        feiten[attribuut] = waarde == "true" if set(keuzes) <= {"true", "false"} else waarde
    # "ik heb geen handicap", "niemand in mijn gezin heeft een erkende handicap": nee
    for attribuut in tw.ontkende_situaties(tekst, tw.aankruisen):
        if attribuut not in feiten:
            feiten[attribuut] = False
    if register is not None:
        kandidaten = lees_gemeente(tekst, register, los_antwoord=False)
        if len(kandidaten) == 1:
            feiten["gemeente"] = kandidaten[0].nis
    return feiten
