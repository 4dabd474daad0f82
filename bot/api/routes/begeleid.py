"""The guided form for social workers at ``/begeleid``; its script and style under
``/begeleid/bestanden/``. The page is built in the browser from ``GET /api/v1/attributen``."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from bot.settings import REPO

BEGELEID = REPO / "begeleid"

router = APIRouter(include_in_schema=False)


@router.get("/begeleid")
async def begeleide_pagina() -> FileResponse:
    return FileResponse(BEGELEID / "index.html", media_type="text/html; charset=utf-8")


def voeg_toe(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/begeleid/bestanden", StaticFiles(directory=BEGELEID), name="begeleid")
