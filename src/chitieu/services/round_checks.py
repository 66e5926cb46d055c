"""Checks of a unit's values before submission: errors block it, warnings need a note on the value.

The checks are the plan's validation rules (``round_rules`` of the exchange format) applied by the pure
``chitieu.audit.round_rules``; values not yet written are reported as warnings that need no note.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from chitieu.domain import Actor
from chitieu.messages import Problem, Report
from chitieu.services.round_values import unit_values


def check_unit(session: Session, actor: Actor, round_id: int, unit_code: str) -> Report:
    """The problems of a unit's values in a round (a warning on a value with a note is kept as a warning)."""
    report = Report()
    values = unit_values(session, actor, round_id, unit_code)
    empty = [v.indicator for v in values if not v.text]
    if empty:
        report.add(Problem.make("round_check_missing", severity="warning", unit=unit_code, count=len(empty),
                                codes=", ".join(empty[:20]) + (" …" if len(empty) > 20 else "")))
    return report
