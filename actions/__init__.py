"""Rasa custom actions (rasa-sdk): dunne acties die de rekenmotor in hetzelfde proces aanroepen.

Start: ``.venv/bin/python -m catalogus_loader init`` (bereidt de databank voor) en dan
``.venv/bin/python -m rasa_sdk --actions actions -p 5055``. De acties lezen de catalogus
alleen; de motor en de catalogus worden pas bij de eerste actie opgebouwd
(``actions.diensten``).
"""

from actions import gesprek, overdracht, profiel_form, resultaat, samenvatting, uitleg, vragen

__all__ = [
    "gesprek",
    "overdracht",
    "profiel_form",
    "resultaat",
    "samenvatting",
    "uitleg",
    "vragen",
]
