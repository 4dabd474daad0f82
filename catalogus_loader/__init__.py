"""Load the product catalogue (IPDC/LPDC) and the rule files into the catalogue database.

Command line: ``python -m catalogus_loader load|validate|report|init``. From code::

    from catalogus_loader import laad, valideer, initialiseer, rapport, LaadFout

Readers for every IPDC format live in ``bronnen`` (files, folders, URLs), ``ipdc_json``
(REST API JSON), ``rdf`` (LDES JSON-LD, Turtle, SKOS code lists), ``gemeenten`` (CSV)
and ``regels`` (YAML rule files); ``synchroniseren`` writes them in one transaction.
"""

from catalogus_loader.fouten import LaadFout, Overgeslagen, Probleem
from catalogus_loader.init import initialiseer
from catalogus_loader.laden import laad, rapport, valideer
from catalogus_loader.synchroniseren import LaadResultaat, Telling

__all__ = [
    "LaadFout",
    "LaadResultaat",
    "Overgeslagen",
    "Probleem",
    "Telling",
    "initialiseer",
    "laad",
    "rapport",
    "valideer",
]
