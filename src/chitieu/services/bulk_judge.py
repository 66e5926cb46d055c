"""Judging the targets the set queries of bulk_assess selected: by columns (the default) or row by row.

``judge_columns`` turns the selected rows into arrays, judges them all at once with
``assessment.columnar.assess_columns`` and builds the rows; targets the columns do not judge (a chosen
observation written in words only) are judged by the row engine. ``judge_rows`` judges every target with
the row engine's ``_assess_indicator`` (the reference, and the fallback).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import fields, replace
from functools import lru_cache
from typing import Any

import numpy as np

from chitieu.assessment.bundle import AssessmentRow, _assess_indicator, indicator_polarity, target_quantity
from chitieu.assessment.columnar import Judged, ObservationColumns, TargetColumns, assess_columns
from chitieu.assessment.columnar_tables import FLAGS, KIND, OP_OF, OPS, POLARITIES, STATUSES
from chitieu.assessment.conventions import ConventionProfile
from chitieu.assessment.stage import Stage
from chitieu.domain import (
    Indicator,
    Observation,
    Op,
    Period,
    Plan,
    PlanBundle,
    Target,
    TargetKind,
)
from chitieu.domain.targets import TargetVersion
from chitieu.messages import msg
from chitieu.services.bulk_columns import RawObservations

Row = Sequence[Any]
IndicatorInfo = tuple[Indicator, Indicator | None, str, str]
_OP_CODE = {op.value: i for op, i in OP_OF.items()}
_KIND_CODE = {k.value: i for k, i in KIND.items()}
_POLARITY_CODE = {p: i for i, p in enumerate(POLARITIES)}


@lru_cache(maxsize=4096)
def _period(start: int, end: int) -> Period:
    return Period(start, end)


def _target(t: Row, indicator: Indicator, unit_code: str | None) -> Target:
    (_, _, _, version, op, value, low, high, kind, start_year, deadline, unit, words, base_year, base_value,
     *_rest) = t
    return Target(indicator_code=indicator.code, op=Op(op), value=value, low=low, high=high, deadline=deadline,
                  start_year=start_year, kind=TargetKind(kind), version=TargetVersion(version), unit=unit, text=words,
                  baseline_year=base_year, baseline_value=base_value, org_unit_code=unit_code)


def _series(raw: RawObservations, at: Sequence[int]) -> list[Observation]:
    """The observations at positions ``at`` of ``raw`` as the row engine's objects."""
    out = []
    for i in at:
        text, verdict = int(raw.text[i]), int(raw.verdict[i])
        value = float(raw.value[i])
        out.append(Observation(
            indicator_code="", period=_period(int(raw.start[i]), int(raw.end[i])), value=None if value != value else value,
            op=OPS[int(raw.op[i])], flag=FLAGS[int(raw.flag[i])], text=raw.texts[text] if text >= 0 else None,  # type: ignore[arg-type]
            stated_verdict=raw.verdicts[verdict] if verdict >= 0 else None))
    return out


def _by_target(raw: RawObservations) -> dict[int, list[int]]:
    """Positions of each target's observations, in the order of their ids (the order they were given)."""
    found: dict[int, list[int]] = {}
    for i in np.lexsort((raw.id, raw.target_id)).tolist():
        found.setdefault(int(raw.target_id[i]), []).append(i)
    return found


class _Plans:
    """One bundle (plan code and term) per plan, and the group names, for the row engine."""

    def __init__(self) -> None:
        self.bundles: dict[str, PlanBundle] = {}
        self.groups: dict[tuple[str, str], dict[str, str]] = {}

    def bundle(self, t: Row) -> PlanBundle:
        found = self.bundles.get(t[16])
        if found is None:
            found = self.bundles[t[16]] = PlanBundle(plan=Plan(code=t[16], title="", term_start=t[17], term_end=t[18]))
        return found

    def group(self, code: str, name: str) -> dict[str, str]:
        return self.groups.setdefault((code, name), {code: name} if code else {})


def _row_engine(t: Row, series: list[Observation], indicators: dict[int, IndicatorInfo], units: dict[int, str],
                as_of: int, profile: ConventionProfile, plans: _Plans) -> AssessmentRow:
    indicator, parent, group_code, group_name = indicators[t[1]]
    unit_code = units.get(t[2]) if t[2] is not None else None
    return _assess_indicator(plans.bundle(t), indicator, _target(t, indicator, unit_code), parent,
                             plans.group(group_code, group_name), as_of, False, profile, series, unit_code,
                             explain=False)


def judge_rows(targets: list[Row], raw: RawObservations, indicators: dict[int, IndicatorInfo],
               units: dict[int, str], as_of: int, profile: ConventionProfile) -> list[AssessmentRow]:
    """Each target judged by the row engine on its series."""
    at = _by_target(raw)
    plans = _Plans()
    return [_row_engine(t, _series(raw, at.get(t[0], [])), indicators, units, as_of, profile, plans) for t in targets]


def _ints(values: list[Any]) -> np.ndarray:
    return np.array([v or 0 for v in values], dtype=np.int64)


def _floats(values: list[Any]) -> np.ndarray:
    return np.array(values, dtype=np.float64)  # None becomes NaN


_LETTER = re.compile(r"[^\W\d_]")


def _words(text: str | None) -> str:
    """A target's text as far as its change word and polarity cue go: the change words and the polarity cues
    of a target's text are words (tests/services/test_bulk_judge.py checks the vocabularies), so a figure
    like "≥ 54,3" reads as no text for both, and such targets share one answer."""
    return text if text and _LETTER.search(text) else ""


def _target_columns(targets: list[Row], indicators: dict[int, IndicatorInfo]) -> tuple[TargetColumns, list[str]]:
    """The targets as columns, with each one's polarity reason (the row engine's indicator_polarity, asked
    once per indicator, comparator and wording)."""
    cols: list[tuple[Any, ...]] = list(zip(*targets, strict=True)) if targets else [() for _ in range(22)]
    words = {text: _words(text) for text in set(cols[12])}
    # what indicator_polarity reads: the registry's polarity, the names, the comparator and the wording
    named = {i: (ind.polarity, ind.name, parent.name if parent else None) for i, (ind, parent, _g, _n) in indicators.items()}
    keys = [(*named[i], op, words[text]) for i, op, text in zip(cols[1], cols[4], cols[12], strict=True)]
    samples: dict[tuple[Any, ...], Row] = {}
    for key, t in zip(keys, targets, strict=True):
        samples.setdefault(key, t)
    direction: dict[str, int] = {}
    polarity: dict[tuple[Any, ...], tuple[int, str]] = {}
    for key, t in samples.items():
        indicator, parent, _, _ = indicators[t[1]]
        q, d = target_quantity(replace(_target(t, indicator, None), text=key[4]))
        found = indicator_polarity(indicator, q, parent)
        polarity[key] = (_POLARITY_CODE[found[0]], found[1])
        direction[key[4]] = d
    units: dict[str, int] = {}
    unit_of = {(u, i): units.setdefault(u or indicators[i][0].unit or "", len(units)) for u, i in set(zip(cols[11], cols[1], strict=True))}
    return TargetColumns(
        op=np.array([_OP_CODE[v] for v in cols[4]], dtype=np.int64), value=_floats(list(cols[5])),
        low=_floats(list(cols[6])), high=_floats(list(cols[7])),
        kind=np.array([_KIND_CODE[v] for v in cols[8]], dtype=np.int64), start_year=_ints(list(cols[9])),
        deadline=_ints(list(cols[10])), term_start=_ints(list(cols[17])), term_end=_ints(list(cols[18])),
        baseline_year=_ints(list(cols[13])), baseline_value=_floats(list(cols[14])),
        polarity=np.array([polarity[k][0] for k in keys], dtype=np.int64),
        direction=np.array([direction[k[4]] for k in keys], dtype=np.int64),
        unit=np.array([unit_of[k] for k in zip(cols[11], cols[1], strict=True)], dtype=np.int64), units=list(units),
    ), [polarity[k][1] for k in keys]


def _observation_columns(raw: RawObservations, targets: list[Row]) -> tuple[ObservationColumns, np.ndarray]:
    """The observations as columns grouped by the targets' order (by id within a target), and for each its
    position in ``raw``."""
    ids = np.array([t[0] for t in targets], dtype=np.int64)
    sorter = np.argsort(ids)
    found = np.searchsorted(ids, raw.target_id, sorter=sorter) if len(ids) else np.zeros(len(raw), dtype=np.int64)
    target = sorter[found] if len(ids) else found
    order = np.lexsort((raw.id, target))
    cols = ObservationColumns(
        target=target[order], start=raw.start[order], end=raw.end[order], value=raw.value[order], op=raw.op[order],
        flag=raw.flag[order], text=raw.text[order], texts=raw.texts, verdict=raw.verdict[order],
        verdicts=raw.verdicts)
    return cols, order


def _none(values: np.ndarray, digits: int | None = None) -> list[float | None]:
    """NaN as None; rounded with Python's ``round`` (as the row engine rounds) when ``digits`` is given."""
    if digits is None:
        return [None if v != v else v for v in values.tolist()]
    return [None if v != v else round(v, digits) for v in values.tolist()]


def _basis_and_period(j: Judged, o: ObservationColumns, kinds: np.ndarray) -> tuple[list[str], list[str]]:
    """bundle._assess_indicator's basis sentence and shown period (bundle._derived_result for derived results)."""
    cache: dict[tuple[Any, ...], tuple[str, str]] = {}
    rate_kinds = {KIND[TargetKind.ANNUAL_RATE], KIND[TargetKind.PER_YEAR]}
    cumulative = KIND[TargetKind.CUMULATIVE]
    basis, period = [], []
    chosen = j.chosen.tolist()
    for i, c in enumerate(chosen):
        if c >= 0:
            key: tuple[Any, ...] = (0, int(o.flag[c]), int(o.start[c]), int(o.end[c]), int(j.years[i]))
            found = cache.get(key)
            if found is None:
                shown = _period(key[2], key[3]).label()
                text = msg("basis_observation", flag=FLAGS[key[1]].label_vi, period=shown)
                if key[4] > 1:
                    text += msg("basis_years_target", years=key[4])
                found = cache[key] = (text, shown)
        elif j.derived_count[i] == 0:
            found = ("", "")
        else:
            kind = int(kinds[i])
            group = 1 if kind in rate_kinds else 2 if kind == cumulative else 3
            first, last, many = int(j.derived_first[i]), int(j.derived_last[i]), bool(j.derived_count[i] > 1)
            key = (group, first, last, many, last == int(j.judged_year[i]))
            found = cache.get(key)
            if found is None:
                span = f"{first}-{last}" if many else str(first)
                if group == 1:
                    found = (msg("basis_average", span=span), span)
                elif group == 2:
                    found = (msg("basis_sum", span=span), span)
                else:
                    found = (msg("basis_year" if key[4] else "basis_latest", year=last), str(last))
                cache[key] = found
        basis.append(found[0])
        period.append(found[1])
    return basis, period


FIELDS = tuple(f.name for f in fields(AssessmentRow))
Columns = dict[str, list[Any]]


def rows_of(columns: Columns) -> list[AssessmentRow]:
    """The columns as the row engine's rows."""
    return [AssessmentRow(*values) for values in zip(*(columns[f] for f in FIELDS), strict=True)]


def columns_of(rows: Sequence[AssessmentRow]) -> Columns:
    """Rows as columns (one list per AssessmentRow field)."""
    return {f: [getattr(r, f) for r in rows] for f in FIELDS}


def judge_columns(targets: list[Row], raw: RawObservations, indicators: dict[int, IndicatorInfo],
                  units: dict[int, str], as_of: int, profile: ConventionProfile) -> tuple[Columns, int]:
    """Every target judged over columns — the few the columns do not judge, by the row engine (their count
    is returned) — as one list per AssessmentRow field."""
    n = len(targets)
    tcols, reasons = _target_columns(targets, indicators)
    ocols, _order = _observation_columns(raw, targets)
    j = assess_columns(tcols, ocols, as_of, profile)
    basis, period = _basis_and_period(j, ocols, tcols.kind)
    cols: list[tuple[Any, ...]] = list(zip(*targets, strict=True)) if targets else [() for _ in range(22)]
    info = {i: (ind.code, ind.number, ind.group_code, group_name if group_code else "", ind.name, ind.unit)
            for i, (ind, _p, group_code, group_name) in indicators.items()}
    per = [info[i] for i in cols[1]]
    chosen = j.chosen.tolist()
    text = [int(ocols.text[c]) if c >= 0 else -1 for c in chosen]
    verdict = [int(ocols.verdict[c]) if c >= 0 else -1 for c in chosen]
    statuses = [STATUSES[s] for s in j.status.tolist()]
    status_vi = {s: s.label_vi for s in STATUSES}
    blank: list[Any] = [None] * n
    out: Columns = {
        "plan_code": list(cols[16]), "org_unit": [units.get(u) if u is not None else None for u in cols[2]],
        "code": [p[0] for p in per], "number": [p[1] for p in per], "group": [p[2] for p in per],
        "group_name": [p[3] for p in per], "name": [p[4] for p in per],
        "unit": [p[5] or (u or p[5]) for p, u in zip(per, cols[11], strict=True)], "target": list(cols[12]),
        "value": _none(j.value), "value_text": [(ocols.texts[x] or "") if x >= 0 else "" for x in text],
        "ratio": _none(j.ratio, 1), "gap": _none(j.gap, 2), "gap_unit": j.gap_unit,
        "status": [s.value for s in statuses], "status_vi": [status_vi[s] for s in statuses], "explanation": [""] * n,
        "stage": [(Stage.FINAL if f else Stage.MIDTERM).value for f in j.final.tolist()],
        "polarity": [POLARITIES[p].value for p in tcols.polarity.tolist()], "polarity_reason": reasons,
        "period": period, "basis": basis,
        "official_status": [STATUSES[o].value if o >= 0 else None for o in j.official.tolist()],
        "official_text": [ocols.verdicts[v] if v >= 0 else None for v in verdict],
        "agrees": [None if a < 0 else bool(a) for a in j.agrees.tolist()], "forecast_value": blank,
        "forecast_method": list(blank), "required_linear_per_year": _none(j.linear),
        "required_cagr_percent": _none(j.cagr), "required_average": _none(j.average),
    }
    fallback = np.flatnonzero(j.fallback).tolist()
    if fallback:
        fallen = raw.keep(np.isin(raw.target_id, [targets[i][0] for i in fallback]))
        at = _by_target(fallen)
        plans = _Plans()
        for i in fallback:
            t = targets[i]
            row = _row_engine(t, _series(fallen, at.get(t[0], [])), indicators, units, as_of, profile, plans)
            for f in FIELDS:
                out[f][i] = getattr(row, f)
    return out, len(fallback)
