"""Who acts: the user (or process) on whose behalf a service changes or reads data (pure).

Every service takes the caller's ``Session`` first and an ``Actor`` second. The actor says who they are
(``name``), in which workspace they act, with which role, for which org units (officers and approvers
are scoped to theirs) and through which channel. Services record the actor in the event log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

DEFAULT_WORKSPACE = "default"


class Role(StrEnum):
    """What a member of a workspace may do (checked by the services, whatever the channel)."""

    ADMIN = "admin"  # everything, including workspace settings and members
    OFFICE = "office"  # the office that compiles: registry, imports, reports, review
    APPROVER = "approver"  # approves figures of their units
    OFFICER = "officer"  # reports figures of their units
    VIEWER = "viewer"  # reads only


class Via(StrEnum):
    """The channel an action came through."""

    CLI = "cli"
    WEB = "web"
    API = "api"
    WORKER = "worker"
    TEMPLATE = "template"
    CLAIM = "claim"


class Permission(StrEnum):
    """What a service asks of its actor before it acts."""

    READ = "read"
    EDIT_REGISTRY = "edit_registry"  # import, install a dataset, change plans, indicators, targets
    REPORT_FIGURES = "report_figures"  # ingest documents, propose and edit figures
    REVIEW = "review"  # accept or reject proposed figures
    MANAGE_WORKSPACE = "manage_workspace"  # create workspaces, change settings


# Which role holds which permission (data, so that a deployment can read it and tests can check it).
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.OFFICE: frozenset({Permission.READ, Permission.EDIT_REGISTRY, Permission.REPORT_FIGURES, Permission.REVIEW}),
    Role.APPROVER: frozenset({Permission.READ, Permission.REPORT_FIGURES, Permission.REVIEW}),
    Role.OFFICER: frozenset({Permission.READ, Permission.REPORT_FIGURES}),
    Role.VIEWER: frozenset({Permission.READ}),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts, where, with which role. The role defaults to the least one (viewer): callers say who may write.

    ``Actor("cli:lan", role="admin")`` is an administrator of workspace "default" on the command line.
    """

    name: str  # user name, "cli:<os user>", "system", "worker"
    workspace: str = DEFAULT_WORKSPACE  # workspace code
    role: str = Role.VIEWER.value  # admin | office | approver | officer | viewer
    units: frozenset[str] = field(default_factory=frozenset)  # org-unit codes an officer/approver is scoped to
    via: str = Via.CLI.value  # cli | web | api | worker | template | claim

    def __post_init__(self) -> None:
        Role(self.role)  # ValueError on an unknown role: a programming error, not a user's
        Via(self.via)

    def may(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[Role(self.role)]

    def in_workspace(self, workspace: str) -> Actor:
        """The same person acting in another workspace."""
        return Actor(self.name, workspace, self.role, self.units, self.via)

    def covers_unit(self, unit_code: str | None) -> bool:
        """Whether the actor may act for ``unit_code`` (None = the plan's whole area).

        Officers and approvers with units are scoped to them; everyone else (and a scoped actor with no
        units listed) acts for the whole workspace.
        """
        if self.role not in (Role.OFFICER, Role.APPROVER) or not self.units:
            return True
        return unit_code is not None and unit_code in self.units


SYSTEM = Actor("system", role=Role.ADMIN.value, via=Via.WORKER.value)
