"""The client's address, for the limit per address (and the limit of wrong codes).

The address is the direct peer of the connection, unless that peer is one of our own
proxies (setting ``vertrouwde_proxies``): then it is taken from ``X-Forwarded-For``, read
from the right (the address our proxy added) past the addresses of our own proxies. With
no proxies configured the header is never read: anyone can write it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

from starlette.datastructures import Headers
from starlette.types import Scope

Netwerk = ipaddress.IPv4Network | ipaddress.IPv6Network
ONBEKEND = "onbekend"


class OngeldigeProxy(ValueError):
    """A value of ``vertrouwde_proxies`` that is not an address or network (Dutch)."""


def lees_proxies(waarden: Iterable[str]) -> tuple[Netwerk, ...]:
    """``10.0.0.5``, ``10.0.0.0/8`` or ``::1``; a Dutch error naming the wrong value."""
    netwerken = []
    for waarde in waarden:
        try:
            netwerken.append(ipaddress.ip_network(waarde.strip(), strict=False))
        except ValueError:
            raise OngeldigeProxy(
                f"Instelling VERTROUWDE_PROXIES: '{waarde}' is geen IP-adres of netwerk "
                "(zoals 10.0.0.5 of 10.0.0.0/8)."
            ) from None
    return tuple(netwerken)


@dataclass(frozen=True)
class Klantadres:
    """Finds the client's address of a request (see the module)."""

    proxies: tuple[Netwerk, ...] = ()

    def vertrouwd(self, adres: str) -> bool:
        try:
            ip = ipaddress.ip_address(adres)
        except ValueError:
            return False
        return any(ip in netwerk for netwerk in self.proxies)

    def van(self, scope: Scope) -> str:
        client = scope.get("client")
        peer = client[0] if client else ONBEKEND
        if not self.proxies or not self.vertrouwd(peer):
            return peer
        doorgestuurd = Headers(scope=scope).getlist("x-forwarded-for")
        adressen = [a.strip() for regel in doorgestuurd for a in regel.split(",") if a.strip()]
        for adres in reversed(adressen):
            if not self.vertrouwd(adres):
                return adres
        # only our own proxies: the leftmost is the closest thing to a client
        return adressen[0] if adressen else peer
