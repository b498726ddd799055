"""The HTTP layer: a JSON API under /api and server-rendered pages, over the same core queries."""

from storyline.web.app import ServerOptions, create_app

__all__ = ["ServerOptions", "create_app"]
