"""Who is acting: the user (or CLI, worker, system), their workspace, role and unit scope, and the channel."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("admin", "office", "approver", "officer", "viewer")


@dataclass(frozen=True, slots=True)
class Actor:
    """The caller of a service (TEAM.md contract 1)."""

    name: str
    workspace: str = "default"
    role: str = "viewer"  # admin | office | approver | officer | viewer
    units: frozenset[str] = field(default_factory=frozenset)
    via: str = "cli"  # cli | web | api | worker | template | claim
