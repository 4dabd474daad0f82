"""Plain-language search over the rights: BM25 over Dutch word stems, with synonyms from a
data file and tolerance for typos.

Pure: it takes documents and a word list and ranks; the database, the API and the bot hand
it their documents. Nothing loads at import time::

    index = Zoekindex(documenten, laad_zoekwoorden())  # bot/zoeken/synoniemen.yaml
    index.zoek("tandarts te duur")  # [Treffer(id="verhoogde-tegemoetkoming", ...), ...]
"""

from bot.zoeken.index import Treffer, Zoekdocument, Zoekindex
from bot.zoeken.woorden import Zoekwoorden, ZoekwoordenFout, laad_zoekwoorden

__all__ = [
    "Treffer",
    "Zoekdocument",
    "Zoekindex",
    "Zoekwoorden",
    "ZoekwoordenFout",
    "laad_zoekwoorden",
]
