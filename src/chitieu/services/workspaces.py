"""Workspaces: one province or body per workspace; "default" always exists.

Every service resolves its actor's workspace here (``workspace_id``) and checks the actor's permission
(``require``) before it reads or changes anything.
"""

from __future__ import annotations

import getpass
import os
import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chitieu.domain import DEFAULT_WORKSPACE, Actor, Permission, Workspace
from chitieu.messages import ChitieuError, msg
from chitieu.services.events import record_event
from chitieu.store.models import WorkspaceRow

CODE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$")
_CACHE_KEY = "chitieu.workspace_ids"


def local_user() -> str:
    """The operating-system user running this process (for actors of the CLI and the library)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def require(actor: Actor, permission: Permission) -> None:
    """``ChitieuError("forbidden")`` unless the actor's role allows ``permission``."""
    if not actor.may(permission):
        raise ChitieuError("forbidden", actor=actor.name, role=actor.role, workspace=actor.workspace,
                           permission=msg(f"permission_{permission.value}"))


def _known(session: Session) -> str:
    return ", ".join(session.scalars(select(WorkspaceRow.code).order_by(WorkspaceRow.code))) or "—"


def workspace_row(session: Session, code: str) -> WorkspaceRow:
    row = session.scalar(select(WorkspaceRow).where(WorkspaceRow.code == code))
    if row is None:
        raise ChitieuError("workspace_not_found", code=code, known=_known(session))
    return row


def workspace_id(session: Session, actor: Actor, permission: Permission = Permission.READ) -> int:
    """The id of the actor's workspace, after checking that the actor may ``permission`` there."""
    require(actor, permission)
    cache: dict[str, int] = session.info.setdefault(_CACHE_KEY, {})
    if actor.workspace not in cache:
        cache[actor.workspace] = workspace_row(session, actor.workspace).id
    return cache[actor.workspace]


def _domain(row: WorkspaceRow) -> Workspace:
    return Workspace(code=row.code, name=row.name, settings=dict(row.settings or {}), version=row.version)


def get_workspace(session: Session, actor: Actor) -> Workspace:
    """The actor's workspace with its settings."""
    require(actor, Permission.READ)
    return _domain(workspace_row(session, actor.workspace))


def list_workspaces(session: Session, actor: Actor) -> list[Workspace]:
    """All workspaces (administrators); anyone else sees their own."""
    if actor.may(Permission.MANAGE_WORKSPACE):
        return [_domain(r) for r in session.scalars(select(WorkspaceRow).order_by(WorkspaceRow.id))]
    return [get_workspace(session, actor)]


def create_workspace(session: Session, actor: Actor, code: str, name: str = "",
                     settings: dict[str, Any] | None = None) -> Workspace:
    """A new, empty workspace; its code must be new and plain (letters, digits, "-" and "_")."""
    require(actor, Permission.MANAGE_WORKSPACE)
    if not CODE_RE.match(code):
        raise ChitieuError("workspace_bad_code", code=code)
    if session.scalar(select(WorkspaceRow.id).where(WorkspaceRow.code == code)) is not None:
        raise ChitieuError("workspace_exists", code=code)
    row = WorkspaceRow(code=code, name=name or code, settings=dict(settings or {}), created_at=datetime.now(UTC))
    session.add(row)
    session.flush()
    record_event(session, actor.in_workspace(code), action="workspace.create", entity="workspace",
                 entity_id=row.id, key=code, after={"code": code, "name": row.name, "settings": row.settings})
    return _domain(row)


def update_settings(session: Session, actor: Actor, changes: dict[str, Any], *,
                    expected_version: int | None = None, action: str = "workspace.settings") -> Workspace:
    """Merge ``changes`` into the workspace's settings (a None value removes the key)."""
    from chitieu.services.concurrency import check_version

    require(actor, Permission.MANAGE_WORKSPACE if action == "workspace.settings" else Permission.EDIT_REGISTRY)
    row = workspace_row(session, actor.workspace)
    check_version(row, expected_version, what=msg("what_workspace_settings", code=row.code),
                  value=lambda: str(row.settings or {}), session=session, entity="workspace")
    before = dict(row.settings or {})
    after = {**before, **changes}
    after = {k: v for k, v in after.items() if v is not None}
    if after != before:
        row.settings = after
        session.flush()
        record_event(session, actor, action=action, entity="workspace", entity_id=row.id, key=row.code,
                     before={k: before.get(k) for k in changes}, after={k: after.get(k) for k in changes})
    return _domain(row)


__all__ = [
    "DEFAULT_WORKSPACE",
    "create_workspace",
    "get_workspace",
    "list_workspaces",
    "require",
    "update_settings",
    "workspace_id",
    "workspace_row",
]
