"""The demo page at ``/`` (a plain city website with the widget embedded) and ``/widget/``."""

from __future__ import annotations

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from bot.settings import REPO

WIDGET = REPO / "widget"

router = APIRouter(include_in_schema=False)


@router.get("/")
async def demopagina() -> FileResponse:
    return FileResponse(WIDGET / "demo.html", media_type="text/html; charset=utf-8")


def voeg_toe(app: FastAPI) -> None:
    app.include_router(router)
    app.mount("/widget", StaticFiles(directory=WIDGET), name="widget")
