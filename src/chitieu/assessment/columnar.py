"""The row engine's as-of judgement over columns: every target of a workspace at once (pure, NumPy).

``assess_columns`` gives, for arrays of targets and of their observations, what the row engine
(``bundle._assess_indicator`` with ``explain=False``, as of a year) puts in an ``AssessmentRow``: the
observation the as-of rule chooses, the yearly points, the derived result (average, sum, latest), the
required pace, the verdict, ratio and gap. Why a second form of the same rule: in Python the row engine
costs ~165 µs a target; over arrays the same arithmetic costs a few µs.

The row engine stays the definition. The selection mirrors ``as_of.py`` (rules 1–3) and
``bundle._yearly_points`` step by step, each step named after the function it mirrors; every discrete
part (conventions, verdicts per stage, units, change words, polarity, official verdict words) is read
from the row engine's own functions into small tables (``columnar_tables``), and
tests/services/test_bulk_assess.py checks on generated data that every field agrees. Floating point is
kept identical: sums are taken left to right as Python's ``sum`` does (NumPy's pairwise sum may round
differently), and powers are taken on Python floats.

Targets the columns do not judge (``Judged.fallback``): a chosen observation written in words only (no
number, not yes/no), which the row engine reads with the grammar's change parser; the caller judges those
with the row engine.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from chitieu.assessment.as_of import CONGRESS_TERM_YEARS
from chitieu.assessment.columnar_tables import (
    BOUNDS,
    DONE,
    EQ,
    FLAG_ORDER,
    KIND,
    RANGE,
    Tables,
    flip_op,
)
from chitieu.assessment.conventions import DEFAULT_PROFILE, ConventionProfile
from chitieu.domain import ObservationFlag, Polarity, TargetKind

F8 = NDArray[np.float64]
I8 = NDArray[np.int64]
B = NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class TargetColumns:
    """One entry per target; years 0 and NaN stand for "none"."""

    op: I8  # index in columnar_tables.OPS
    value: F8
    low: F8
    high: F8
    kind: I8  # index in KINDS
    start_year: I8  # the target's own
    deadline: I8  # the target's own
    term_start: I8  # its plan's
    term_end: I8
    baseline_year: I8
    baseline_value: F8
    polarity: I8  # index in POLARITIES: indicator_polarity's answer
    direction: I8  # the change word of the target's text (target_quantity)
    unit: I8  # index in ``units``: target.unit or indicator.unit
    units: list[str]


@dataclass(frozen=True, slots=True)
class ObservationColumns:
    """One entry per observation, grouped by target (``target`` non-decreasing), in the order given."""

    target: I8
    start: I8
    end: I8
    value: F8
    op: I8
    flag: I8  # index in FLAGS
    text: I8  # index in ``texts``, -1 for none
    texts: list[str]
    verdict: I8  # index in ``verdicts``, -1 for none
    verdicts: list[str]


@dataclass(frozen=True, slots=True)
class Judged:
    """Per target: what the row engine's row carries (rounding and strings left to the caller)."""

    status: I8  # index in STATUSES
    final: B  # stage final (else midterm)
    value: F8
    ratio: F8  # not rounded
    gap: F8
    gap_unit: list[str]
    chosen: I8  # the observation standing for the target, -1 when the result is derived
    years: I8  # yearly targets a chosen span stands for (comparable_target)
    derived_count: I8
    derived_first: I8
    derived_last: I8
    official: I8  # index in STATUSES of the chosen observation's official verdict, -1 none
    agrees: I8  # 1, 0, -1 none
    linear: F8
    cagr: F8
    average: F8
    fallback: B
    judged_year: I8


def _first_year(start: I8, deadline: I8) -> I8:
    """as_of.first_year over columns."""
    congress = (start != 0) & (deadline != 0) & (deadline - start == CONGRESS_TERM_YEARS)
    return np.where(congress, start + 1, start)


def _group_starts(keys: I8) -> B:
    """True where a run of equal keys begins."""
    out = np.ones(len(keys), dtype=bool)
    if len(keys) > 1:
        out[1:] = keys[1:] != keys[:-1]
    return out


def _sequential_sum(seg: I8, values: F8, mask: B, n: int) -> tuple[F8, I8]:
    """Per-segment sum (left to right, as Python's ``sum``) and count of ``values[mask]``; ``seg`` grouped."""
    idx = np.flatnonzero(mask)
    total = np.zeros(n)
    if len(idx) == 0:
        return total, np.zeros(n, dtype=np.int64)
    s, v = seg[idx], values[idx]
    begins = np.flatnonzero(_group_starts(s))
    rank = np.arange(len(s)) - np.repeat(begins, np.diff(np.append(begins, len(s))))
    for k in range(int(rank.max()) + 1):
        at = rank == k
        total[s[at]] += v[at]  # one entry per segment at each rank: no repeated index
    return total, np.bincount(s, minlength=n).astype(np.int64)


def _chosen(t: TargetColumns, o: ObservationColumns, judged: I8, first: I8, level: B, tb: Tables) -> I8:
    """as_of.observation_as_of: usable figures ending by the judged year (flows: not before the term), the
    latest end, the longest span, the most final flag, one with an official verdict, the first given."""
    n, ot = len(t.op), o.target
    has_text = tb.text_truthy[o.text]
    flow_first = np.where(level, 0, first)[ot]
    usable = ((o.flag != FLAG_ORDER[ObservationFlag.PLAN]) & (~np.isnan(o.value) | has_text)
              & (o.end <= judged[ot]) & ((flow_first == 0) | (o.end >= flow_first)))
    idx = np.flatnonzero(usable)
    order = np.lexsort((idx, o.verdict[idx] < 0, tb.flag_rank[o.flag[idx]], o.start[idx], -o.end[idx], ot[idx]))
    ranked = idx[order]
    firsts = ranked[_group_starts(ot[ranked])]
    chosen = np.full(n, -1, dtype=np.int64)
    chosen[ot[firsts]] = firsts
    return chosen


def _points(t: TargetColumns, o: ObservationColumns, judged: I8, start: I8, level: B,
            tb: Tables) -> tuple[I8, I8, F8]:
    """bundle._yearly_points (one per year, the most final flag; spans for levels) plus the baseline of a
    level target: (target, year, value) sorted by target then year."""
    ot = o.target
    is_year = o.start == o.end
    keep = (~np.isnan(o.value) & (o.op == EQ) & tb.measured_flag[o.flag] & (is_year | level[ot])
            & (o.end <= judged[ot]) & ((start[ot] == 0) | (o.end >= start[ot])))
    idx = np.flatnonzero(keep)
    order = np.lexsort((idx, tb.flag_rank[o.flag[idx]], ~is_year[idx], o.end[idx], ot[idx]))
    ranked = idx[order]
    pair = ot[ranked] * 10_000 + o.end[ranked]
    best = ranked[_group_starts(pair)]
    pt, py, pv = ot[best], o.end[best], o.value[best]
    n = len(t.op)
    base = level & (t.baseline_year != 0) & ~np.isnan(t.baseline_value)
    taken = np.bincount(pt[py == t.baseline_year[pt]], minlength=n) > 0
    add = np.flatnonzero(base & ~taken)
    if len(add):
        pt = np.concatenate([pt, add])
        py = np.concatenate([py, t.baseline_year[add]])
        pv = np.concatenate([pv, t.baseline_value[add]])
        order = np.lexsort((py, pt))
        pt, py, pv = pt[order], py[order], pv[order]
    return pt, py, pv


def _bounds(op: I8, value: F8, low: F8, high: F8) -> tuple[F8, F8]:
    """verdict.target_bounds: (low, high) of a range, else (value, value); NaN when none."""
    is_range = (op == RANGE) & ~np.isnan(low) & ~np.isnan(high)
    return np.where(is_range, low, value), np.where(is_range, high, value)


def assess_columns(t: TargetColumns, o: ObservationColumns, as_of: int,
                   profile: ConventionProfile = DEFAULT_PROFILE) -> Judged:
    """Every target judged at ``as_of`` as the row engine judges it (see the module's docstring)."""
    tb = Tables.build(t.units, o.texts, o.verdicts, profile)
    n, ot = len(t.op), o.target
    deadline = np.where(t.deadline != 0, t.deadline, t.term_end)
    start = np.where(t.start_year != 0, t.start_year, t.term_start)
    judged = np.where(deadline != 0, np.minimum(as_of, deadline), as_of)  # as_of.judged_year
    final = ~((deadline != 0) & (as_of < deadline))  # stage.stage_for_year
    level = t.kind == KIND[TargetKind.LEVEL]
    rate = (t.kind == KIND[TargetKind.ANNUAL_RATE]) | (t.kind == KIND[TargetKind.PER_YEAR])
    cumulative = t.kind == KIND[TargetKind.CUMULATIVE]
    first = _first_year(start, deadline)
    chosen = _chosen(t, o, judged, first, level, tb)
    pt, py, pv = _points(t, o, judged, start, level, tb)
    count = np.bincount(pt, minlength=n)
    offset = np.cumsum(count) - count
    has_points = count > 0
    last = np.where(has_points, offset + count - 1, 0)
    last_year = np.where(has_points, py[last] if len(py) else 0, 0)
    last_value = np.where(has_points, pv[last] if len(pv) else np.nan, np.nan)

    # pace.required_pace
    ref = np.where(~np.isnan(t.value), t.value, t.low)
    years_left = deadline - last_year
    paced = ~np.isnan(ref) & (deadline != 0) & has_points & (years_left > 0)
    first_point = np.where(has_points, py[np.where(has_points, offset, 0)] if len(py) else 0, 0)
    start_has_point = np.bincount(pt[py == start[pt]], minlength=n) > 0
    pace_first = np.where(start == 0, first_point, np.where(start_has_point, start, start + 1))
    observed_sum, observed_count = _sequential_sum(pt, pv, py >= pace_first[pt], n)
    all_sum, _ = _sequential_sum(pt, pv, np.ones(len(pt), dtype=bool), n)
    term_years = deadline - pace_first + 1
    safe_left = np.where(years_left > 0, years_left, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        average = np.where(paced & rate, (ref * term_years - observed_sum) / np.maximum(1, term_years - observed_count),
                           np.nan)
        linear = np.where(paced & cumulative, (ref - all_sum) / safe_left,
                          np.where(paced & level, (ref - last_value) / safe_left, np.nan))
    cagr = np.full(n, np.nan)
    grows = np.flatnonzero(paced & level & (ref > 0) & (last_value > 0))
    cagr[grows] = [((r / v) ** (1 / y) - 1) * 100 for r, v, y in
                   zip(ref[grows].tolist(), last_value[grows].tolist(), years_left[grows].tolist(), strict=True)]

    # bundle._term_points and _derived_result
    term = (py <= judged[pt]) & ((first[pt] == 0) | (py >= first[pt]))
    derived_sum, derived_count = _sequential_sum(pt, pv, term, n)
    at = np.flatnonzero(term)
    derived_first = np.zeros(n, dtype=np.int64)
    derived_last = np.zeros(n, dtype=np.int64)
    derived_last_value = np.full(n, np.nan)
    if len(at):
        begins = _group_starts(pt[at])
        ends = np.append(begins[1:], True)
        derived_first[pt[at[begins]]] = py[at[begins]]
        derived_last[pt[at[ends]]] = py[at[ends]]
        derived_last_value[pt[at[ends]]] = pv[at[ends]]
    with np.errstate(divide="ignore", invalid="ignore"):
        derived = np.where(rate, derived_sum / derived_count, np.where(cumulative, derived_sum, derived_last_value))
    derived = np.where(derived_count > 0, derived, np.nan)

    # one year of a rate/flow target says less than the average of the years so far
    has = chosen >= 0
    ci = np.where(has, chosen, 0)
    c_start = o.start[ci] if len(ot) else np.zeros(n, dtype=np.int64)
    c_end = o.end[ci] if len(ot) else np.zeros(n, dtype=np.int64)
    dropped = has & (c_start == c_end) & ~level & (derived_count > 1) & (derived_last == c_end)
    has &= ~dropped
    chosen = np.where(has, chosen, -1)

    # bundle.observation_quantity
    pick = (lambda col, blank: np.where(has, col[ci], blank)) if len(ot) else (lambda col, blank: np.full(n, blank))
    r_op = pick(o.op, EQ)
    r_value = np.where(has, pick(o.value, np.nan), derived)
    r_text = pick(o.text, -1)
    fallback = has & (r_op != DONE) & np.isnan(r_value)
    has_result = (has & ~fallback) | (~has & (derived_count > 0))
    r_dir = np.where(has & (r_op != DONE) & ~np.isnan(r_value), tb.text_direction[r_text], 0)

    # as_of.comparable_target: a per-year target against a total over a span
    span_first = _first_year(t.start_year, t.deadline)
    inside = (span_first != 0) & (c_start < span_first) & (span_first <= c_end)
    span_years = np.maximum(1, c_end - np.where(inside, np.maximum(c_start, span_first), c_start) + 1)
    scaled = (has & (t.kind == KIND[TargetKind.PER_YEAR]) & (c_start != c_end) & (r_op == EQ)
              & ~tb.per_year_unit[t.unit])
    years = np.where(scaled, span_years, 1)
    j_value, j_low, j_high = t.value * years, t.low * years, t.high * years

    # engine.assess: unit, reference, band, alignment, comparison, profile, verdict
    sign = tb.direction[t.op, t.polarity]
    low_b, high_b = _bounds(t.op, j_value, j_low, j_high)
    is_range = t.op == RANGE
    ref_j = np.where(~is_range, low_b, np.where(sign > 0, low_b, np.where(sign < 0, high_b, (low_b + high_b) / 2)))
    blank_unit = tb.blank_unit[t.unit]
    rate_at = np.where(blank_unit, np.abs(np.nan_to_num(ref_j, nan=0.0)) <= 100, tb.rate_unit[t.unit])
    gap_unit_rate = blank_unit & ~np.isnan(ref_j) & (np.abs(np.nan_to_num(ref_j, nan=1e300)) <= 100)
    gap_unit = [tb.gap_unit_blank_rate if r else tb.gap_unit[u] for u, r in
                zip(t.unit.tolist(), gap_unit_rate.tolist(), strict=True)]
    ref0 = np.abs(np.nan_to_num(ref_j, nan=0.0))
    tol = tb.tolerance
    band = np.where(t.polarity == tb.polarity_index[Polarity.NEUTRAL_STRUCTURE],
                    np.where(rate_at, tol.structure_points, ref0 * 0.01),
                    np.where(rate_at, np.minimum(tol.rate_points, ref0 * tol.small_rate_share),
                             ref0 * tol.relative_percent / 100))
    turn = np.where((t.direction != 0) & (r_dir != 0) & (t.direction != r_dir), -1.0, 1.0)
    k = turn * tb.factor[t.unit]
    numeric_result = has_result & (r_op != DONE)
    incompatible = numeric_result & np.isnan(tb.factor[t.unit])
    moved = numeric_result & ~incompatible & (k != 1.0)
    a_value = np.where(moved, r_value * k, r_value)
    a_op = np.where(moved & (turn < 0) & (r_op != RANGE), flip_op(r_op), r_op)
    a_unit_plain = np.where(moved, tb.plain_unit_canonical[t.unit], tb.plain_unit_raw[t.unit])
    judged_ok = has_result & ~incompatible

    boolean = (t.op == DONE) | (a_op == DONE)
    r_bool = ~np.isnan(r_value) & (r_value != 0)
    basically = tb.text_basically[r_text] & r_bool & (not profile.basically_met)
    out_done = np.where(basically, 2, np.where(r_bool, 1, 2))
    out_number = np.where(~np.isnan(a_value) & a_unit_plain, np.where(a_value >= 100 - band, 1, 2), 3)
    out_boolean = np.where(a_op == DONE, out_done, out_number)

    band2 = band + 1e-9
    r_signed = a_value * sign
    lo = np.where(sign >= 0, low_b, -high_b)
    hi = np.where(sign >= 0, high_b, -low_b)
    r_op = np.where(a_op == RANGE, EQ, a_op)
    r_op = np.where(sign < 0, flip_op(r_op), r_op)
    below, above = r_signed < lo - band2, r_signed > hi + band2
    raw = np.where(r_op == EQ, np.where(below, 2, np.where(above, 0, 1)),
                   np.where(tb.floor_op[r_op], np.where(below, 3, np.where(above, 0, 1)), np.where(below, 2, 3)))
    raw = np.where(sign == 0, np.where((low_b - band2 <= a_value) & (a_value <= high_b + band2), 1, 2), raw)
    raw = np.where(np.isnan(low_b) | np.isnan(a_value), 3, raw)
    shape = tb.shape[t.op, t.polarity]
    adjusted = tb.profiled[raw, shape, BOUNDS[a_op].astype(np.int64)]
    outcome = np.where(boolean, out_boolean, adjusted)
    status = np.where(judged_ok, tb.status_of[outcome, final.astype(np.int64)], tb.no_data)

    numeric = judged_ok & (a_op != DONE) & (t.op != DONE)
    value = np.where(judged_ok & (a_op != DONE), a_value, np.nan)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(numeric & ~np.isnan(ref_j) & (ref_j > 0), value / ref_j * 100, np.nan)
    gap = np.where(value < low_b, value - low_b, np.where(value > high_b, value - high_b, 0.0))
    gap = np.where(numeric & ~np.isnan(low_b) & ~np.isnan(value), gap, np.nan)

    verdict = pick(o.verdict, -1)
    official = np.where(has, tb.official[verdict], -1)
    agrees = tb.agrees[status, official]
    return Judged(status=status, final=final, value=value, ratio=ratio, gap=gap, gap_unit=gap_unit, chosen=chosen,
                  years=years, derived_count=derived_count, derived_first=derived_first, derived_last=derived_last,
                  official=official, agrees=agrees, linear=linear, cagr=cagr, average=average, fallback=fallback,
                  judged_year=judged)
