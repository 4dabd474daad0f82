"""Typed dependencies: the services built at start-up, handed out per request."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from bot.diensten import Diensten
from bot.vocabulary import Vocabulaire


async def get_diensten(request: Request) -> Diensten:
    """Async on purpose: a plain function would be run in a worker thread per request."""
    return request.app.state.diensten


DienstenDep = Annotated[Diensten, Depends(get_diensten)]


async def get_vocabulaire(diensten: DienstenDep) -> Vocabulaire:
    return diensten.vocabulaire


VocabulaireDep = Annotated[Vocabulaire, Depends(get_vocabulaire)]


def get_sessie(diensten: DienstenDep) -> Iterator[Session]:
    with diensten.sessiemaker() as sessie:
        yield sessie


SessieDep = Annotated[Session, Depends(get_sessie)]
