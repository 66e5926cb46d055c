"""Workspaces: one province or body, owning its plans, units, documents, events and settings (pure)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from chitieu.domain.actors import DEFAULT_WORKSPACE

__all__ = ["DEFAULT_WORKSPACE", "Workspace"]


@dataclass(frozen=True, slots=True)
class Workspace:
    """``settings`` is free JSON: e.g. ``{"default_plan": "NQ-01", "convention": {...}}``."""

    code: str
    name: str
    settings: dict[str, Any] = field(default_factory=dict)
    version: int = 1
