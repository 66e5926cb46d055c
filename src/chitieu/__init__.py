"""chitieu: track the targets of Vietnamese resolutions and plans.

The library entry point::

    import chitieu

    with chitieu.open("chitieu.db", workspace="default") as ws:
        ws.install_dataset("laichau_xiv")          # or ws.import_registry("registry.xlsx")
        for row in ws.assess(as_of=2023):
            print(row.code, row.status_vi, row.explanation)
        ws.write_appendix("phu-luc.xlsx")

``chitieu.open`` returns a ``chitieu.Chitieu`` (see ``chitieu.library`` and docs/library.md). Importing
``chitieu`` alone loads nothing heavy: the pure core (``chitieu.domain``, ``chitieu.assessment``, …) can be
used without a database.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Chitieu", "open", "upgrade"]

if TYPE_CHECKING:
    from chitieu.domain import Actor
    from chitieu.library import Chitieu
    from chitieu.services.database import Upgrade


def open(db: str | os.PathLike[str] | None = None, *, workspace: str = "default",
         actor: Actor | None = None) -> Chitieu:
    """Open a chitieu database (path, URL or None for the default) and one of its workspaces."""
    from chitieu.library import Chitieu

    return Chitieu.open(db, workspace=workspace, actor=actor)


def upgrade(db: str | os.PathLike[str] | None = None) -> Upgrade:
    """Bring a database made by an older chitieu to the newest schema (``chitieu db upgrade``)."""
    from chitieu.services.database import upgrade_database

    return upgrade_database(db)


def __getattr__(name: str) -> Any:
    if name == "Chitieu":
        from chitieu.library import Chitieu

        return Chitieu
    raise AttributeError(f"module 'chitieu' has no attribute {name!r}")
