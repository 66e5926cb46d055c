"""A plan with everything needed to assess and report it, as plain domain objects."""

from __future__ import annotations

from dataclasses import dataclass, field

from chitieu.domain.indicators import Indicator, IndicatorGroup
from chitieu.domain.observations import Observation
from chitieu.domain.org_units import OrgUnit
from chitieu.domain.plans import Plan
from chitieu.domain.stated_counts import StatedCount
from chitieu.domain.targets import Target, TargetVersion


@dataclass(slots=True)
class PlanBundle:
    """One plan's registry slice: what the store loads, the dataset ships, and reports consume."""

    plan: Plan
    groups: list[IndicatorGroup] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    org_units: list[OrgUnit] = field(default_factory=list)
    related_plans: list[Plan] = field(default_factory=list)  # thematic resolutions, programmes, ...
    stated_counts: list[StatedCount] = field(default_factory=list)  # counts the plan's report states about its table

    def indicator(self, code: str) -> Indicator | None:
        return next((i for i in self.indicators if i.code == code), None)

    def targets_of(self, code: str, version: TargetVersion | None = None, org_unit_code: str | None = None) -> list[Target]:
        """The indicator's targets for the plan's whole area (``org_unit_code`` None) or for one unit."""
        return [t for t in self.targets if t.indicator_code == code and t.org_unit_code == org_unit_code
                and (version is None or t.version == version)]

    def current_target(self, code: str, org_unit_code: str | None = None) -> Target | None:
        """The target in force: the latest revision, else the adopted one, else the draft."""
        return current_of(self.targets_of(code, org_unit_code=org_unit_code))

    def observations_of(self, code: str, org_unit_code: str | None = None) -> list[Observation]:
        return [o for o in self.observations if o.indicator_code == code and o.org_unit_code == org_unit_code]


TARGET_VERSION_ORDER = {TargetVersion.REVISED: 0, TargetVersion.ADOPTED: 1, TargetVersion.DRAFT: 2}


def current_of(targets: list[Target]) -> Target | None:
    """The target in force among editions of one target: the latest revision, else adopted, else the draft."""
    found = sorted(targets, key=lambda t: TARGET_VERSION_ORDER[t.version])
    return found[0] if found else None
