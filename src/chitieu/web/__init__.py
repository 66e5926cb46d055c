"""The web application and REST API: ``create_app(database, settings)`` (FastAPI, Jinja2 pages, htmx)."""

from chitieu.web.app import create_app
from chitieu.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
