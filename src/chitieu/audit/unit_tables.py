"""(b) Per-unit tables: totals against the sum of their units, and ratio or sum columns against
the columns they are computed from (Phụ lục 1: "Đạt tỷ lệ %" = số được học tập ÷ tổng số).

Which columns are computed from which is not written in the registry, so it is inferred from the
rows: a relation (T = A + B + …, or R% = N ÷ D) that holds exactly in most rows of a table is taken
as the table's rule, and the rows where it fails are reported.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations

from chitieu.assessment.tolerance import is_rate
from chitieu.audit.context import qualified_name as indicator_name
from chitieu.audit.context import unit_label, unit_of
from chitieu.audit.findings import Finding, Severity, make_finding, where
from chitieu.audit.precision import agrees_at, decimals_in, show
from chitieu.domain.bundle import PlanBundle
from chitieu.domain.observations import Observation, Period

MIN_ROWS = 3  # a relation must hold in at least this many rows …
MIN_SHARE = 0.6  # … and in this share of the rows that have all its columns
MAX_PARTS = 4

Table = dict[str | None, dict[str, Observation]]  # org unit → indicator code → observation


def check_unit_tables(bundle: PlanBundle) -> list[Finding]:
    findings: list[Finding] = []
    for (group, period), table in _tables(bundle).items():
        del group
        findings.extend(_column_totals(bundle, table, period))
        findings.extend(_row_relations(bundle, table, period))
    return findings


def _tables(bundle: PlanBundle) -> dict[tuple[str | None, Period], Table]:
    """Per-unit observations grouped into tables: one per indicator group and period."""
    group_of = {i.code: i.group_code for i in bundle.indicators}
    tables: dict[tuple[str | None, Period], Table] = defaultdict(lambda: defaultdict(dict))
    for obs in bundle.observations:
        if obs.value is not None:
            tables[(group_of.get(obs.indicator_code), obs.period)][obs.org_unit_code][obs.indicator_code] = obs
    # a table has per-unit rows; the whole-area row (org unit None) alone is not one
    return {k: v for k, v in tables.items() if len([u for u in v if u is not None]) >= MIN_ROWS}


def _children(bundle: PlanBundle, table: Table) -> dict[str | None, list[str]]:
    """Observed units under each observed unit; units whose parent is not in the table count under the
    whole-area row (org unit None, the "Tổng" row) when there is one."""
    parent_of = {u.code: u.parent_code for u in bundle.org_units}
    children: dict[str | None, list[str]] = defaultdict(list)
    for unit in table:
        if unit is None:
            continue
        parent = parent_of.get(unit)
        if parent is not None and parent in table:
            children[parent].append(unit)
        elif None in table:
            children[None].append(unit)
    return children


def _column_totals(bundle: PlanBundle, table: Table, period: Period) -> Iterable[Finding]:
    """A unit's figure against the sum of its sub-units' figures (counts only, not rates)."""
    for total_unit, members in _children(bundle, table).items():
        for code, total in table[total_unit].items():
            unit = unit_of(bundle, code)
            if is_rate(unit) or total.value is None:
                continue
            parts = [table[m][code].value for m in members if code in table[m]]
            if len(parts) < 2:
                continue
            summed = sum(p for p in parts if p is not None)
            if agrees_at(total.value, summed, decimals_in(total.value, total.text)):
                continue
            yield make_finding(
                "total_mismatch", Severity.ERROR, indicator_code=code, indicator_name=indicator_name(bundle, code),
                org_unit_code=total_unit, period=period.label(), expected=show(summed), actual=total.text or show(total.value),
                locations=(where(total.provenance),), count=len(parts),
                unit_name=unit_label(bundle, total_unit),
            )


def _rows(table: Table, codes: tuple[str, ...]) -> list[tuple[str | None, list[Observation]]]:
    return [(u, [row[c] for c in codes]) for u, row in table.items() if all(c in row for c in codes)]


Row = tuple[str | None, list[Observation]]


def _holds_mostly(rows: list[Row], test: Callable[[list[Observation]], bool],
                  supports: Callable[[list[Observation]], bool]) -> tuple[bool, list[Row]]:
    """Whether the relation is the table's rule, and the rows breaking it.

    Only rows where ``supports`` is true count as evidence (a sum whose parts are all non-zero), so
    that zero columns do not make up relations.
    """
    failing = [r for r in rows if not test(r[1])]
    evidence = sum(1 for r in rows if supports(r[1]) and test(r[1]))
    return evidence >= MIN_ROWS and evidence >= MIN_SHARE * len(rows), failing


def _sum_test(obs: list[Observation]) -> bool:
    total, parts = obs[0], obs[1:]
    return agrees_at(total.value or 0.0, sum(p.value or 0.0 for p in parts), decimals_in(total.value or 0.0, total.text))


def _nonzero_parts(obs: list[Observation]) -> bool:
    return all(p.value for p in obs[1:])


def _ratio_test(obs: list[Observation]) -> bool:
    rate, numerator, denominator = obs
    if not denominator.value or rate.value is None or numerator.value is None:
        return False
    return agrees_at(rate.value, numerator.value / denominator.value * 100, decimals_in(rate.value, rate.text))


def _row_relations(bundle: PlanBundle, table: Table, period: Period) -> Iterable[Finding]:
    codes = sorted({c for row in table.values() for c in row})
    rates = [c for c in codes if is_rate(unit_of(bundle, c))]
    counts = [c for c in codes if c not in rates]
    for rate in rates:
        for numerator, denominator in ((a, b) for a in counts for b in counts if a != b):
            rows = _rows(table, (rate, numerator, denominator))
            found, failing = _holds_mostly(rows, _ratio_test, _nonzero_parts)
            for unit, (r, n, d) in failing if found else []:
                computed = n.value / d.value * 100 if d.value and n.value is not None else None
                yield make_finding(
                    "unit_ratio_mismatch", Severity.ERROR, indicator_code=rate,
                    indicator_name=indicator_name(bundle, rate), org_unit_code=unit, period=period.label(),
                    expected=show(computed, decimals_in(r.value or 0.0, r.text)), actual=r.text or show(r.value),
                    locations=(where(r.provenance),), numerator=indicator_name(bundle, numerator),
                    denominator=indicator_name(bundle, denominator), unit_name=unit_label(bundle, unit),
                )
    for total in counts:
        others = [c for c in counts if c != total]
        for size in range(2, MAX_PARTS + 1):
            for parts in combinations(others, size):
                rows = _rows(table, (total, *parts))
                found, failing = _holds_mostly(rows, _sum_test, _nonzero_parts)
                for unit, (t, *ps) in failing if found else []:
                    if any(p.value is None for p in ps):
                        continue
                    yield make_finding(
                        "row_sum_mismatch", Severity.ERROR, indicator_code=total,
                        indicator_name=indicator_name(bundle, total), org_unit_code=unit, period=period.label(),
                        expected=show(sum(p.value or 0.0 for p in ps)), actual=t.text or show(t.value),
                        locations=(where(t.provenance),),
                        parts=" + ".join(indicator_name(bundle, p) for p in parts), unit_name=unit_label(bundle, unit),
                    )
