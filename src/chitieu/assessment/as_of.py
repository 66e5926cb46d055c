"""The one as-of rule: which figure stands for a target at a date, and what it is compared with (pure).

Every consumer (``assess``, the appendix, the audit, the web, the set-based assessment) asks these
functions; nothing else chooses an observation or scales a target.

The rule, for one target and the observations of the plan's whole area:

1. The year judged is ``as_of``, or the deadline when ``as_of`` is past it ("after the deadline, judge at
   the deadline"). An end-of-term estimate ("ước thực hiện 2020-2025") therefore counts from the term's end.
2. Usable observations: not plan figures, with a value or a text, whose period ends by the year judged.
   Flow targets (annual rates, per-year flows, totals) ignore periods that end before the term's first year
   (the previous term is not a measure of this one); level targets keep them (the latest known level).
3. The latest period end wins; for the same end, the longest span (earliest start); for the same period,
   actual over estimate over projection; then one that carries an official verdict; then the first given.

Flow targets are compared with totals in one place, ``comparable_target``: a per-year target
("kết nạp > 1.000 đảng viên/năm") against a measured total over 2021-2023 counts once per year of the span.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from chitieu.domain.observations import Observation, ObservationFlag, Period
from chitieu.domain.quantity import Op, Quantity
from chitieu.domain.targets import Target, TargetKind
from chitieu.vocab.units import lookup_unit

FLAG_RANK: dict[ObservationFlag, int] = {
    ObservationFlag.ACTUAL: 0,
    ObservationFlag.ESTIMATE: 1,
    ObservationFlag.PROJECTION: 2,
}
CONGRESS_TERM_YEARS = 5  # "nhiệm kỳ 2020-2025": the start year is the congress (baseline) year


def judged_year(as_of: int, deadline: int | None) -> int:
    """The year a target is judged at: ``as_of``, or its deadline once that has passed."""
    return min(as_of, deadline) if deadline is not None else as_of


def first_year(start_year: int | None, deadline: int | None) -> int | None:
    """The first year a term measures: the year after a congress year ("2020-2025" → 2021), else the start
    itself ("giai đoạn 2021-2025" → 2021)."""
    if start_year is None:
        return None
    if deadline is not None and deadline - start_year == CONGRESS_TERM_YEARS:
        return start_year + 1
    return start_year


def years_in(period: Period, start_year: int | None = None, deadline: int | None = None) -> int:
    """How many years of the term a period stands for ("2021-2023" → 3; "2020-2025" of a congress term → 5)."""
    first = first_year(start_year, deadline)
    begin = max(period.start, first) if first is not None and period.start < first <= period.end else period.start
    return max(1, period.end - begin + 1)


def is_usable(observation: Observation) -> bool:
    """A figure that can stand for a target: not a plan figure, and something written or measured."""
    return observation.flag is not ObservationFlag.PLAN and (observation.value is not None or bool(observation.text))


def reading_key(observation: Observation) -> tuple[int, int, int, bool]:
    """Sort key of rule 3: latest end, longest span, most final flag, an official verdict first."""
    return (-observation.period.end, observation.period.start, FLAG_RANK[observation.flag],
            observation.stated_verdict is None)


def candidates(
    observations: Iterable[Observation], up_to: int, *, kind: TargetKind = TargetKind.LEVEL,
    start_year: int | None = None, deadline: int | None = None,
) -> list[Observation]:
    """Usable observations ending by ``up_to`` (rules 2), in the order of rule 3."""
    first = first_year(start_year, deadline) if kind is not TargetKind.LEVEL else None
    found = [o for o in observations if is_usable(o) and o.period.end <= up_to
             and (first is None or o.period.end >= first)]
    return sorted(found, key=reading_key)  # stable: equal keys keep the order given


def observation_as_of(
    observations: Sequence[Observation], as_of: int, *, deadline: int | None = None,
    kind: TargetKind = TargetKind.LEVEL, start_year: int | None = None,
) -> Observation | None:
    """The observation that stands for a target at ``as_of`` (the rule above), or None."""
    found = candidates(observations, judged_year(as_of, deadline), kind=kind, start_year=start_year,
                       deadline=deadline)
    return found[0] if found else None


def is_per_year_unit(unit: str) -> bool:
    """A unit that already says "per year" ("người/năm", "%/năm")."""
    known = lookup_unit(unit) if unit else None
    return (known is not None and known.per_year) or "/năm" in unit.lower()


def years_covered(target: Target, period: Period, unit: str, op: Op = Op.EQ) -> int:
    """How many yearly targets a result over ``period`` stands for.

    A per-year target (kết nạp 1.000 đảng viên/năm) against a measured total over 2021-2023 counts three
    times; a figure already per year ("người/năm"), a single year, or a bound (">1.000": the yearly target
    restated) counts once.
    """
    if target.kind is not TargetKind.PER_YEAR or period.is_year or op is not Op.EQ or is_per_year_unit(unit):
        return 1
    return years_in(period, target.start_year, target.deadline)


def _scaled(value: float | None, factor: int) -> float | None:
    return value * factor if value is not None else None


@dataclass(frozen=True, slots=True)
class Comparable:
    """The target a result is compared with, and how many yearly targets it adds up."""

    quantity: Quantity
    years: int


def comparable_target(quantity: Quantity, target: Target, period: Period | None, unit: str,
                      op: Op = Op.EQ, times_text: str = "") -> Comparable:
    """``quantity`` (the target) scaled to the span a result covers; ``times_text`` (e.g. " × 3 năm") is
    appended to its text when scaled."""
    years = years_covered(target, period, unit, op) if period is not None else 1
    if years == 1:
        return Comparable(quantity, 1)
    scaled = replace(quantity, value=_scaled(quantity.value, years), low=_scaled(quantity.low, years),
                     high=_scaled(quantity.high, years), per_year=False,
                     text=f"{quantity.text}{times_text}" if quantity.text else quantity.text)
    return Comparable(scaled, years)


MEASURED = (ObservationFlag.ACTUAL, ObservationFlag.ESTIMATE)


def latest_year_with_data(observations: Iterable[Observation]) -> int | None:
    """The last year the plan's whole area has a measured figure for (actual or estimate), else the last
    year of any usable figure (an end-of-term projection); None when there is none."""
    usable = [o for o in observations if o.org_unit_code is None and is_usable(o)]
    measured = [o.period.end for o in usable if o.flag in MEASURED]
    if measured:
        return max(measured)
    return max((o.period.end for o in usable), default=None)
