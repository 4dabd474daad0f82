"""Domain errors of the catalogue. Messages are Dutch; the API turns them into HTTP errors."""

from __future__ import annotations


class CatalogusFout(Exception):
    """Something is wrong with the catalogue or its data. ``str(fout)`` is a Dutch message."""


class RechtNietGevonden(CatalogusFout):
    def __init__(self, recht_id: str):
        super().__init__(f"Er is geen recht met id '{recht_id}' in de catalogus.")
        self.recht_id = recht_id


class CatalogusNietKlaar(CatalogusFout):
    """The database is not prepared: no file, no tables, an older schema or no catalogue.

    Reading never prepares it: the set-up or the app does (``python -m catalogus_loader init``).
    """

    def __init__(self, reden: str):
        super().__init__(
            f"De catalogusdatabank is nog niet klaar: {reden}. Bereid ze eerst voor met "
            "'python -m catalogus_loader init' (make run doet dat bij het starten)."
        )
        self.reden = reden
