"""Check the catalogue's links: sources and application pages that no longer answer.

Collects every URL a person or a policy officer follows: the rule files' ``bron_url``,
the ``bron`` of conditions, parameters and their values, URLs in ``aanvragen``, the
products' links (publication link, websites, websites of procedures and other blocks)
and the contact points' website and source. Each URL is asked once (HEAD, then GET when
HEAD is refused), many at a time, with a timeout. A link is dead on a status of 400 or
more, when the address does not resolve or refuses the connection, or on a timeout.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.catalogue.models import Contactpunt, Product, RechtRegel
from bot.catalogue.rapport import bronnen

_URL_IN_TEKST = re.compile(r"https?://[^\s<>\"'()\[\]]+")
USER_AGENT = "Rechtenverkenner-linkcontrole/1.0"


@dataclass(frozen=True)
class LinkUitkomst:
    url: str
    gebruikers: tuple[str, ...]
    """The rights (or ``product …``, ``contactpunt …``) that use the link."""
    status: int | None
    """The last HTTP status, ``None`` when there was no answer."""
    probleem: str | None
    """Why the link is dead, in plain Dutch; ``None`` when it works."""

    @property
    def dood(self) -> bool:
        return self.probleem is not None


def urls_in_tekst(tekst: str | None) -> list[str]:
    """The http(s) addresses in a text, without the punctuation that ends a sentence."""
    return [m.rstrip(".,;:!?") for m in _URL_IN_TEKST.findall(tekst or "")]


def _is_url(waarde: Any) -> bool:
    return isinstance(waarde, str) and waarde.lower().startswith(("http://", "https://"))


def _product_urls(product: Product) -> list[str]:
    urls: list[Any] = [(product.publicatie_link or {}).get("url")]
    urls += [w.get("url") for w in product.websites]
    blokken = (
        product.procedures,
        product.voorwaarden,
        product.bewijsstukken,
        product.kosten,
        product.financiele_voordelen,
        product.regelgeving,
    )
    for blok in (b for lijst in blokken for b in lijst):
        urls.append(blok.get("url"))
        urls += [w.get("url") for w in blok.get("websites") or []]
    return [u for u in urls if _is_url(u)]


def verzamel_links(sessie: Session) -> dict[str, list[str]]:
    """Every link in the catalogue -> who uses it (right ids, ``product <nr>`` for a
    product without rule file, ``contactpunt <naam>``), in a stable order."""
    gebruik: dict[str, dict[str, None]] = {}

    def voeg_toe(url: str, wie: str) -> None:
        gebruik.setdefault(url.strip(), {})[wie] = None

    regels = list(sessie.scalars(select(RechtRegel).order_by(RechtRegel.recht_id)))
    rechten_per_product: dict[str, list[str]] = {}
    for regel in regels:
        rechten_per_product.setdefault(regel.product_sleutel, []).append(regel.recht_id)
        d = regel.definitie
        for url in [*bronnen(d), *urls_in_tekst(d.get("aanvragen"))]:
            if _is_url(url):
                voeg_toe(url, regel.recht_id)
    for product in sessie.scalars(select(Product).order_by(Product.productnummer)):
        wie = rechten_per_product.get(product.productnummer) or [f"product {product.productnummer}"]
        for url in _product_urls(product):
            for w in wie:
                voeg_toe(url, w)
    for punt in sessie.scalars(select(Contactpunt).order_by(Contactpunt.nis)):
        for url in (punt.website, punt.bron_url):
            if _is_url(url):
                voeg_toe(url, f"contactpunt {punt.naam}")
    return {url: list(wie) for url, wie in sorted(gebruik.items())}


async def _vraag(client: httpx.AsyncClient, methode: str, url: str) -> int:
    async with client.stream(methode, url) as antwoord:
        return antwoord.status_code  # the body is not read


async def _controleer_een(
    client: httpx.AsyncClient, url: str, gebruikers: tuple[str, ...], beurt: asyncio.Semaphore
) -> LinkUitkomst:
    async with beurt:
        status: int | None = None
        try:
            status = await _vraag(client, "HEAD", url)
            if status < 400:
                return LinkUitkomst(url, gebruikers, status, None)
            status = await _vraag(client, "GET", url)  # some sites refuse HEAD
        except httpx.TimeoutException:
            return LinkUitkomst(url, gebruikers, status, "geen antwoord op tijd")
        except httpx.ConnectError:
            return LinkUitkomst(
                url, gebruikers, None, "geen verbinding: het adres bestaat niet of weigert"
            )
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as fout:
            return LinkUitkomst(url, gebruikers, status, f"fout bij het ophalen ({fout})")
        probleem = f"de site antwoordt met status {status}" if status >= 400 else None
        return LinkUitkomst(url, gebruikers, status, probleem)


async def _controleer(
    links: Mapping[str, Iterable[str]], timeout: float, tegelijk: int
) -> list[LinkUitkomst]:
    beurt = asyncio.Semaphore(tegelijk)
    async with httpx.AsyncClient(
        timeout=timeout,
        follow_redirects=True,
        headers={"User-Agent": USER_AGENT},
        limits=httpx.Limits(max_connections=tegelijk),
    ) as client:
        return list(
            await asyncio.gather(
                *(_controleer_een(client, url, tuple(wie), beurt) for url, wie in links.items())
            )
        )


def controleer_links(
    links: Mapping[str, Iterable[str]], *, timeout: float = 10.0, tegelijk: int = 8
) -> list[LinkUitkomst]:
    """Ask every link (``tegelijk`` at a time, ``timeout`` seconds per step); in the
    order of ``links``."""
    return asyncio.run(_controleer(links, timeout, tegelijk))


__all__ = ["LinkUitkomst", "controleer_links", "urls_in_tekst", "verzamel_links"]
