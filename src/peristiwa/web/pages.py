"""HTML pages: the dashboard and the article reader. Each page is a shell (Jinja2, autoescaped) that
its script fills from the JSON API, so every page has a JSON twin under /api."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, HTTPException, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from peristiwa.web.readdb import ReadStore

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent / "templates"))
# autoescape on for every template, whatever its file name: article text is untrusted
TEMPLATES.env.autoescape = True

QUADS = [(1, "verbal cooperation"), (2, "material cooperation"), (3, "verbal conflict"), (4, "material conflict")]


def plover_types(store: ReadStore) -> list[str]:
    """The PLOVER types of the ontology, plus any other type found in this database."""
    try:
        from peristiwa.ontology import PLOVER_TYPES
        known = list(PLOVER_TYPES)
    except ImportError:  # the ontology module is optional for reading a database
        known = []
    return known + sorted(set(store.plover_types()) - set(known))


def build_pages(store: ReadStore) -> APIRouter:
    router = APIRouter(include_in_schema=False)
    types = plover_types(store)

    @router.get("/", response_class=HTMLResponse)
    def dashboard(request: Request) -> HTMLResponse:
        return TEMPLATES.TemplateResponse(request, "dashboard.html", {"plover_types": types, "quads": QUADS})

    @router.get("/articles/{article_id}", response_class=HTMLResponse)
    def article(request: Request, article_id: Annotated[str, PathParam(pattern=r"^[0-9a-f]{32}$")]) -> HTMLResponse:
        title = store.article_title(article_id)
        if title is None and store.article(article_id) is None:
            raise HTTPException(404, "no such article")
        return TEMPLATES.TemplateResponse(request, "article.html", {"article_id": article_id, "title": title})

    return router
