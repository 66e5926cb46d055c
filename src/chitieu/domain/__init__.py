"""Pure domain model: plans, indicators, targets, observations, org units, provenance, the registry.

Nothing in this package does I/O; the store, services and readers build and persist these objects.
"""

from chitieu.domain.actors import DEFAULT_WORKSPACE, Actor, Permission, Role, Via
from chitieu.domain.bundle import PlanBundle
from chitieu.domain.indicators import Indicator, IndicatorGroup, Polarity
from chitieu.domain.observations import Observation, ObservationFlag, Period
from chitieu.domain.org_units import OrgUnit, UnitChange, UnitChangeKind
from chitieu.domain.plans import Plan, PlanKind
from chitieu.domain.programmes import (
    PROGRAMME_KINDS,
    CapitalKind,
    CapitalPlan,
    CapitalSource,
    Disbursement,
    DisbursementTarget,
    ProgrammeBudget,
)
from chitieu.domain.provenance import Provenance
from chitieu.domain.quantity import Op, Quantity
from chitieu.domain.registry import CitedDocument, Registry
from chitieu.domain.stated_counts import StatedCount
from chitieu.domain.targets import Target, TargetKind, TargetVersion
from chitieu.domain.tasks import Task, TaskProgress, TaskState, task_state
from chitieu.domain.workspaces import Workspace

__all__ = [
    "DEFAULT_WORKSPACE",
    "PROGRAMME_KINDS",
    "Actor",
    "CapitalKind",
    "CapitalPlan",
    "CapitalSource",
    "CitedDocument",
    "Disbursement",
    "DisbursementTarget",
    "Indicator",
    "IndicatorGroup",
    "Observation",
    "ObservationFlag",
    "Op",
    "OrgUnit",
    "Period",
    "Permission",
    "Plan",
    "PlanBundle",
    "PlanKind",
    "Polarity",
    "ProgrammeBudget",
    "Provenance",
    "Quantity",
    "Registry",
    "Role",
    "StatedCount",
    "Target",
    "TargetKind",
    "TargetVersion",
    "Task",
    "TaskProgress",
    "TaskState",
    "UnitChange",
    "UnitChangeKind",
    "Via",
    "Workspace",
    "task_state",
]
