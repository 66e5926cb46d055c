"""Verdict conventions kept for a workspace: saved profiles and the one in use (workspace settings JSON).

Settings keys: ``conventions`` maps a name to a profile's JSON form, ``convention`` names the one every
assessment of the workspace uses unless told otherwise. Services take the caller's session and actor and
never commit; a change is recorded as one event ("convention.save", "convention.use", "convention.delete").
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from chitieu.assessment.conventions import DEFAULT_PROFILE, ConventionProfile, profile_from_dict
from chitieu.domain import Actor
from chitieu.messages import ChitieuError
from chitieu.services.assess_table_learn import BUILT_IN, read_profile_file
from chitieu.services.workspaces import get_workspace, update_settings

SAVED_KEY = "conventions"
ACTIVE_KEY = "convention"
NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-_")


def _saved(settings: dict[str, Any]) -> dict[str, dict[str, Any]]:
    raw = settings.get(SAVED_KEY) or {}
    return dict(raw) if isinstance(raw, dict) else {}


def saved_conventions(session: Session, actor: Actor) -> dict[str, ConventionProfile]:
    """The workspace's saved profiles by name (a damaged entry is skipped, not fatal)."""
    out: dict[str, ConventionProfile] = {}
    for name, data in _saved(get_workspace(session, actor).settings).items():
        try:
            out[name] = profile_from_dict(data, name=name)
        except (TypeError, ValueError):
            continue
    return out


def active_name(session: Session, actor: Actor) -> str | None:
    name = get_workspace(session, actor).settings.get(ACTIVE_KEY)
    return str(name) if name else None


def workspace_profile(session: Session, actor: Actor, spec: str | None = None) -> ConventionProfile:
    """The profile to judge with: ``spec`` (a saved name, a built-in name or a JSON file), else the
    workspace's convention in use, else the default."""
    if spec is not None and spec.strip():
        key = spec.strip()
        saved = saved_conventions(session, actor)
        if key in saved:
            return saved[key]
        if key.lower() in BUILT_IN:
            return BUILT_IN[key.lower()]
        path = Path(key)
        if path.suffix.lower() == ".json" or path.exists():
            return read_profile_file(path)
        raise ChitieuError("convention_not_found", name=key,
                           known=", ".join(sorted({*saved, *BUILT_IN})))
    name = active_name(session, actor)
    if name:
        saved = saved_conventions(session, actor)
        if name in saved:
            return saved[name]
    return DEFAULT_PROFILE


def _check_name(name: str) -> str:
    clean = name.strip().lower()
    if not clean or len(clean) > 60 or not set(clean) <= NAME_CHARS or clean in BUILT_IN:
        raise ChitieuError("convention_bad_name", name=name)
    return clean


def save_convention(session: Session, actor: Actor, name: str, profile: ConventionProfile, *,
                    use: bool = True, expected_version: int | None = None) -> ConventionProfile:
    """Keep ``profile`` under ``name`` for the workspace (replacing one of that name); ``use`` makes it the
    workspace's convention in use."""
    name = _check_name(name)
    workspace = get_workspace(session, actor)
    saved = _saved(workspace.settings)
    stored = replace(profile, name=name)
    saved[name] = stored.to_dict()
    changes: dict[str, Any] = {SAVED_KEY: saved}
    if use:
        changes[ACTIVE_KEY] = name
    update_settings(session, actor, changes, expected_version=expected_version, action="convention.save")
    return stored


def use_convention(session: Session, actor: Actor, name: str | None, *,
                   expected_version: int | None = None) -> None:
    """Make a saved profile the workspace's convention in use (None or a built-in name: the default)."""
    if name is None or name.strip().lower() in BUILT_IN:
        update_settings(session, actor, {ACTIVE_KEY: None}, expected_version=expected_version, action="convention.use")
        return
    saved = saved_conventions(session, actor)
    if name.strip() not in saved:
        raise ChitieuError("convention_not_found", name=name, known=", ".join(sorted({*saved, *BUILT_IN})))
    update_settings(session, actor, {ACTIVE_KEY: name.strip()}, expected_version=expected_version,
                    action="convention.use")


def delete_convention(session: Session, actor: Actor, name: str, *, expected_version: int | None = None) -> None:
    """Forget a saved profile; the workspace falls back to the default if it was the one in use."""
    workspace = get_workspace(session, actor)
    saved = _saved(workspace.settings)
    if name not in saved:
        raise ChitieuError("convention_not_found", name=name, known=", ".join(sorted({*saved, *BUILT_IN})))
    del saved[name]
    changes: dict[str, Any] = {SAVED_KEY: saved}
    if workspace.settings.get(ACTIVE_KEY) == name:
        changes[ACTIVE_KEY] = None
    update_settings(session, actor, changes, expected_version=expected_version, action="convention.delete")
