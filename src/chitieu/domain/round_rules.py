"""Validation rules of reporting rounds, as data (pure): kept per plan in the registry format (``round_rules``).

- ``share_max``: a share may not exceed ``limit`` percent (default 100); applies to the named indicator or,
  when none is named, to every indicator measured in "%".
- ``units_sum``: a unit's value must equal the sum of the values of the units below it in the round, within
  ``limit`` percent (default 1); the named indicator or every additive one (not a rate, not yes/no).
- ``jump_factor``: a value more than ``limit`` times (default 3) above or below the last known value of the
  same indicator and unit is suspicious.
- ``note_when_at_risk``: a value that makes the plan's verdict "Khó đạt" or "Không đạt" needs a note saying why.

``severity`` error blocks the submission; warning lets it through only when the value carries a note.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class RuleKind(StrEnum):
    SHARE_MAX = "share_max"
    UNITS_SUM = "units_sum"
    JUMP_FACTOR = "jump_factor"
    NOTE_WHEN_AT_RISK = "note_when_at_risk"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


DEFAULT_LIMIT: dict[RuleKind, float | None] = {
    RuleKind.SHARE_MAX: 100.0, RuleKind.UNITS_SUM: 1.0, RuleKind.JUMP_FACTOR: 3.0, RuleKind.NOTE_WHEN_AT_RISK: None,
}
DEFAULT_SEVERITY: dict[RuleKind, Severity] = {
    RuleKind.SHARE_MAX: Severity.ERROR, RuleKind.UNITS_SUM: Severity.ERROR, RuleKind.JUMP_FACTOR: Severity.WARNING,
    RuleKind.NOTE_WHEN_AT_RISK: Severity.WARNING,
}


@dataclass(frozen=True, slots=True)
class RoundRule:
    plan_code: str
    rule: RuleKind
    indicator_code: str | None = None  # None: every indicator the rule applies to
    severity: Severity | None = None  # None: the rule's default
    limit: float | None = None  # None: the rule's default
    note: str = ""

    @property
    def effective_severity(self) -> Severity:
        return self.severity or DEFAULT_SEVERITY[self.rule]

    @property
    def effective_limit(self) -> float | None:
        return self.limit if self.limit is not None else DEFAULT_LIMIT[self.rule]
