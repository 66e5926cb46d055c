"""Shared look-ups of the audit checks: targets scaled to a period, the table columns (pure).

How many yearly targets a result stands for is the assessment's one rule (``chitieu.assessment.as_of``).
"""

from __future__ import annotations

from chitieu.domain.bundle import PlanBundle
from chitieu.domain.indicators import Indicator
from chitieu.domain.observations import Observation, Period
from chitieu.domain.quantity import Quantity
from chitieu.domain.targets import Target
from chitieu.messages import msg


def unit_of(bundle: PlanBundle, code: str) -> str:
    indicator = bundle.indicator(code)
    target = bundle.current_target(code)
    return (indicator.unit if indicator is not None else "") or (target.unit if target is not None else "")


def _scaled(value: float | None, factor: float) -> float | None:
    return value * factor if value is not None else None


def target_quantity(target: Target, factor: float = 1.0) -> Quantity:
    return Quantity(op=target.op, value=_scaled(target.value, factor), low=_scaled(target.low, factor),
                    high=_scaled(target.high, factor),
                    unit=target.unit, text=target.text)


def result_quantity(obs: Observation) -> Quantity:
    return Quantity(op=obs.op, value=obs.value, text=obs.text)


def province_columns(bundle: PlanBundle) -> dict[Period, list[Observation]]:
    """Observations of the whole plan area that carry an official verdict, by period (table columns)."""
    columns: dict[Period, list[Observation]] = {}
    for obs in bundle.observations:
        if obs.org_unit_code is None and obs.stated_verdict:
            columns.setdefault(obs.period, []).append(obs)
    return columns


def indicator_name(bundle: PlanBundle, code: str) -> str:
    indicator: Indicator | None = bundle.indicator(code)
    return indicator.name if indicator is not None else code


def qualified_name(bundle: PlanBundle, code: str) -> str:
    """A column name with its header ("Đảng viên – Số được học tập") so that like-named columns differ."""
    indicator = bundle.indicator(code)
    if indicator is None:
        return code
    parent = bundle.indicator(indicator.parent_code) if indicator.parent_code else None
    return f"{parent.name} – {indicator.name}" if parent is not None else indicator.name


def unit_label(bundle: PlanBundle, code: str | None) -> str:
    """An org unit's name; the whole plan area ("Tổng") when None."""
    if code is None:
        return msg("audit_whole_area")
    return next((u.name for u in bundle.org_units if u.code == code), code)
