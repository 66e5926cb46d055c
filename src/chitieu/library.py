"""The library entry point: one object for one workspace of one database (as ``sqlite_utils.Database``).

>>> import chitieu
>>> ws = chitieu.open("chitieu.db", workspace="default")      # doctest: +SKIP
>>> ws.install_dataset("laichau_xiv")                          # doctest: +SKIP
>>> [p.plan.code for p in ws.plans()]                          # doctest: +SKIP
>>> rows = ws.assess(as_of=2023)                               # doctest: +SKIP
>>> ws.write_appendix("phu-luc.xlsx")                          # doctest: +SKIP

Every method is one unit of work (committed when it returns, rolled back when it raises) run by the
services on behalf of ``actor``; errors the user can fix are ``chitieu.messages.ChitieuError`` with a
Vietnamese message. The command line and the web are thin layers over the same services.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, Literal

from sqlalchemy.orm import Session

from chitieu.assessment import AssessmentRow, assess_bundle
from chitieu.audit import Finding
from chitieu.domain import DEFAULT_WORKSPACE, Actor, PlanBundle, Registry, Role, Via
from chitieu.domain import Workspace as WorkspaceInfo
from chitieu.services.database import Database, open_database
from chitieu.services.datasets import InstalledDataset
from chitieu.services.events import Event
from chitieu.services.registry import PlanSummary
from chitieu.services.transfer import ImportOutcome


def _library_actor(workspace: str) -> Actor:
    from chitieu.services.workspaces import local_user

    return Actor(f"lib:{local_user()}", workspace=workspace, role=Role.ADMIN.value, via=Via.API.value)


class Chitieu:
    """A workspace of a chitieu database: its plans, their assessment, import/export, reports, audit.

    Open one with ``chitieu.open(db, workspace=...)``; ``db`` is a SQLite path, a SQLAlchemy URL, or None
    for ``CHITIEU_DATABASE_URL`` / ``./chitieu.db``. An empty database is created; one written by an older
    chitieu is refused until ``chitieu.upgrade(db)`` (``chitieu db upgrade``) has run.
    """

    def __init__(self, database: Database, actor: Actor) -> None:
        self.database = database
        self.actor = actor

    @classmethod
    def open(cls, db: str | os.PathLike[str] | None = None, *, workspace: str = DEFAULT_WORKSPACE,
             actor: Actor | None = None) -> Chitieu:
        """Open ``db`` and act in ``workspace`` as ``actor`` (default: an administrator named after the OS user)."""
        actor = actor.in_workspace(workspace) if actor is not None else _library_actor(workspace)
        return cls(open_database(db), actor)

    # -- the unit of work ---------------------------------------------------------------------------------

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """One transaction for several service calls: ``with ws.session() as s: service(s, ws.actor, …)``."""
        with self.database.session(write=write) as session:
            yield session

    def _run(self, service: Any, *args: Any, write: bool = False, **kwargs: Any) -> Any:
        with self.database.session(write=write) as session:
            return service(session, self.actor, *args, **kwargs)

    # -- workspace ----------------------------------------------------------------------------------------

    @property
    def workspace(self) -> WorkspaceInfo:
        """The workspace (code, name, settings)."""
        from chitieu.services.workspaces import get_workspace

        return self._run(get_workspace)  # type: ignore[no-any-return]

    def in_workspace(self, workspace: str) -> Chitieu:
        """The same database, another workspace (the same actor)."""
        return Chitieu(self.database, self.actor.in_workspace(workspace))

    def create_workspace(self, code: str, name: str = "") -> WorkspaceInfo:
        """A new, empty workspace (administrators only)."""
        from chitieu.services.workspaces import create_workspace

        return self._run(create_workspace, code, name, write=True)  # type: ignore[no-any-return]

    # -- registry -----------------------------------------------------------------------------------------

    def plans(self) -> list[PlanSummary]:
        """The workspace's plans with their indicator counts."""
        from chitieu.services.registry import list_plans

        return self._run(list_plans)  # type: ignore[no-any-return]

    def default_plan(self) -> str:
        """The plan meant when none is named: the only top-level plan with indicators (or the dataset's)."""
        from chitieu.services.registry import default_plan

        return self._run(default_plan)  # type: ignore[no-any-return]

    def bundle(self, plan: str | None = None) -> PlanBundle:
        """A plan with its indicators, targets, observations, org units and related plans."""
        from chitieu.services.registry import default_plan, load_bundle

        with self.database.session() as session:
            return load_bundle(session, self.actor, plan or default_plan(session, self.actor))

    def registry(self, plan: str | None = None) -> Registry:
        """Everything in the workspace, or one plan with its related plans and the documents they cite."""
        from chitieu.services.registry import load_registry

        return self._run(load_registry, plan)  # type: ignore[no-any-return]

    def save(self, bundle: PlanBundle) -> dict[str, dict[str, int]]:
        """Store a plan bundle (rows matched by code keep their ids); what changed, per entity."""
        from chitieu.services.registry import save_bundle

        return self._run(save_bundle, bundle, write=True).counts()  # type: ignore[no-any-return]

    def import_registry(self, path: str | os.PathLike[str]) -> ImportOutcome:
        """Import a registry (CSV folder or XLSX workbook, docs/registry-format.md): all of it or nothing.

        ``outcome.report`` lists every problem (``report.flatten()`` as a table); ``outcome.written`` says
        whether anything was stored.
        """
        from chitieu.services.transfer import import_registry

        return self._run(import_registry, Path(path), write=True)  # type: ignore[no-any-return]

    def export(self, path: str | os.PathLike[str], fmt: Literal["csv", "xlsx"] = "csv",
               plan: str | None = None) -> list[Path]:
        """Export the registry (or one plan with its related plans) in the exchange format."""
        from chitieu.services.transfer import export_registry

        return self._run(export_registry, Path(path), fmt, plan)  # type: ignore[no-any-return]

    def install_dataset(self, name: str) -> InstalledDataset:
        """Install a dataset bundled with chitieu (``chitieu dataset list``) into this workspace."""
        from chitieu.services.datasets import install_dataset

        return self._run(install_dataset, name, write=True)  # type: ignore[no-any-return]

    # -- assessment, reports, audit -------------------------------------------------------------------------

    def assess(self, plan: str | None = None, *, as_of: int | None = None, forecast: bool = False) -> list[AssessmentRow]:
        """Assess a plan's indicators as of a year, or projected to their deadlines (``forecast=True``).

        Without ``as_of`` (and without ``forecast``) the year is the last one the plan has measured data for.
        """
        bundle = self.bundle(plan)
        if as_of is None and not forecast:
            as_of = self._as_of(bundle)
        return assess_bundle(bundle, as_of=as_of, forecast=forecast)

    def _as_of(self, bundle: PlanBundle) -> int:
        from chitieu.services.registry import default_as_of

        return default_as_of(bundle, self.workspace.settings)

    def write_appendix(self, path: str | os.PathLike[str], fmt: str | None = None, *, plan: str | None = None,
                       as_of: int | None = None) -> Path:
        """Write the official appendix (``.xlsx`` or ``.docx``, from ``fmt`` or the file's suffix)."""
        from chitieu.services.reports import write_appendix

        target = Path(path)
        bundle = self.bundle(plan)
        year = as_of if as_of is not None else self._as_of(bundle)
        return write_appendix(bundle, target, fmt or target.suffix.lstrip("."), as_of=year)

    def audit(self, plan: str | None = None) -> list[Finding]:
        """Consistency findings of one plan, or of every plan with indicators."""
        from chitieu.services.audit import audit_plans

        return self._run(audit_plans, plan)  # type: ignore[no-any-return]

    def events(self, *, entity: str | None = None, entity_id: int | None = None,
               action: str | None = None) -> list[Event]:
        """The workspace's event log (who changed what, when, before → after), oldest first."""
        from chitieu.services.events import list_events

        return self._run(list_events, entity=entity, entity_id=entity_id, action=action)  # type: ignore[no-any-return]

    # -- tasks ----------------------------------------------------------------------------------------------

    def tasks(self, plan: str | None = None, *, as_of: date | None = None, state: str | None = None) -> list[Any]:
        """The tasks (nhiệm vụ) of a plan (every plan when None) with their state on ``as_of`` (default today);
        ``state`` filters ("overdue", "in_progress", or the Vietnamese words)."""
        from chitieu.services.tasks import list_tasks, parse_state

        wanted = parse_state(state) if state is not None else None
        return self._run(list_tasks, plan, as_of=as_of or date.today(), state=wanted)  # type: ignore[no-any-return]

    def overdue_tasks(self, today: date | None = None) -> list[Any]:
        """Tasks not done by their deadline on ``today`` (default today), most overdue first."""
        from chitieu.services.tasks import overdue_tasks

        with self.session() as session:
            return overdue_tasks(session, self.actor, today or date.today())

    # -- documents ----------------------------------------------------------------------------------------

    @staticmethod
    def extract(path: str | os.PathLike[str], kind: str = "all") -> list[Any]:
        """The targets and results a document states (``.txt``, ``.docx``, ``.pdf``, ``.doc``), no database."""
        from chitieu.services.extract import iter_file_claims

        _, claims = iter_file_claims(Path(path), kind)
        return list(claims)

    def ingest(self, path: str | os.PathLike[str], plan: str) -> Any:
        """Store a document's claims as candidates for review (the same file twice adds nothing)."""
        from chitieu.services.ingest import ingest_file

        return self._run(ingest_file, Path(path), plan)

    # -- lifetime -----------------------------------------------------------------------------------------

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Chitieu:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Chitieu({self.database.url!r}, workspace={self.actor.workspace!r})"
