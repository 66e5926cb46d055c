"""Small lookup tables for the columnar judgement, read from the row engine's own functions (pure).

Every discrete decision of the row engine — a convention profile's edges, the verdict a miss gets at a
stage, a unit's dimension, scale and gap unit, a change word's direction, an official verdict word — is
asked of the row engine's function once per distinct input and kept in an array, so the columnar
judgement (columnar.py) indexes the tables instead of copying the rules.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from chitieu.assessment.as_of import FLAG_RANK, is_per_year_unit
from chitieu.assessment.bundle import observation_quantity
from chitieu.assessment.conventions import ConventionProfile, apply_profile, is_basically, target_shape
from chitieu.assessment.engine import align_result, canonical_unit
from chitieu.assessment.ratio import gap_unit
from chitieu.assessment.stage import Stage
from chitieu.assessment.tolerance import Tolerance, is_rate
from chitieu.assessment.verdict import Outcome, direction_of, status_for, verdicts_agree
from chitieu.domain import Observation, ObservationFlag, Op, Period, Polarity, Quantity, TargetKind
from chitieu.vocab.verdicts import Status, parse_verdict

OPS: tuple[Op, ...] = tuple(Op)
OP_OF = {op: i for i, op in enumerate(OPS)}
EQ, RANGE, DONE = OP_OF[Op.EQ], OP_OF[Op.RANGE], OP_OF[Op.DONE]
BOUNDS = np.array([op in (Op.GT, Op.GE, Op.LT, Op.LE) for op in OPS])
_FLIPPED = {Op.GT: Op.LT, Op.GE: Op.LE, Op.LT: Op.GT, Op.LE: Op.GE}
_FLIP = np.array([OP_OF[_FLIPPED.get(op, op)] for op in OPS], dtype=np.int64)
KINDS: tuple[TargetKind, ...] = tuple(TargetKind)
KIND = {k: i for i, k in enumerate(KINDS)}
FLAGS: tuple[ObservationFlag, ...] = tuple(ObservationFlag)
FLAG_ORDER = {f: i for i, f in enumerate(FLAGS)}
POLARITIES: tuple[Polarity, ...] = tuple(Polarity)
STATUSES: tuple[Status, ...] = tuple(Status)
OUTCOMES = (Outcome.EXCEEDED, Outcome.MET, Outcome.MISSED, Outcome.UNKNOWN)  # the codes columnar.py uses
SHAPES = ("floor", "ceiling", "point", "other")


def flip_op(ops: NDArray[np.int64]) -> NDArray[np.int64]:
    """The comparator seen from the other side (">" ↔ "<"), as engine.align_result and verdict._FLIP turn it."""
    return _FLIP[ops]


def _text_direction(text: str) -> int:
    """The change word's direction of an observation's text, as observation_quantity reads it."""
    found = observation_quantity(Observation("", Period(2000, 2000), 1.0, text=text), "")
    return found[1] if found is not None else 0


@dataclass(frozen=True, slots=True)
class Tables:
    """Arrays indexed by unit, text, verdict word, op, polarity, flag and outcome codes. Tables indexed by
    an optional code (text, verdict) have one more entry at the end, for "none" (-1)."""

    text_truthy: NDArray[np.bool_]
    text_direction: NDArray[np.int64]
    text_basically: NDArray[np.bool_]
    official: NDArray[np.int64]
    flag_rank: NDArray[np.int64]
    measured_flag: NDArray[np.bool_]
    per_year_unit: NDArray[np.bool_]
    blank_unit: NDArray[np.bool_]
    rate_unit: NDArray[np.bool_]
    gap_unit: list[str]
    gap_unit_blank_rate: str
    factor: NDArray[np.float64]  # NaN: the result's unit cannot be converted
    plain_unit_raw: NDArray[np.bool_]  # the unit is "%" or "" (a yes/no target met by a number)
    plain_unit_canonical: NDArray[np.bool_]
    tolerance: Tolerance
    polarity_index: dict[Polarity, int]
    direction: NDArray[np.int64]  # [op, polarity]
    shape: NDArray[np.int64]  # [op, polarity]
    floor_op: NDArray[np.bool_]
    profiled: NDArray[np.int64]  # [raw outcome, shape, bound result]
    status_of: NDArray[np.int64]  # [outcome, final]
    no_data: int
    agrees: NDArray[np.int64]  # [status, official]: 1, 0, -1 for none

    @classmethod
    def build(cls, units: list[str], texts: list[str], verdicts: list[str], profile: ConventionProfile) -> Tables:
        canonical = [canonical_unit(u, Quantity(unit=u), None) for u in units]
        factors = []
        for u, c in zip(units, canonical, strict=True):
            aligned = align_result(Quantity(value=1.0, unit=u), c)
            factors.append(np.nan if aligned is None or aligned.value is None else aligned.value)
        officials = [parse_verdict(v) for v in verdicts]
        direction = np.array([[direction_of(Quantity(op=op), p) for p in POLARITIES] for op in OPS], dtype=np.int64)
        shape = np.array([[SHAPES.index(target_shape(Quantity(op=op), int(direction[i, j])))
                           for j in range(len(POLARITIES))] for i, op in enumerate(OPS)], dtype=np.int64)
        profiled = np.array([[[OUTCOMES.index(Outcome(apply_profile(raw.value, shape=s, bound_result=b, profile=profile)))
                               for b in (False, True)] for s in SHAPES] for raw in OUTCOMES], dtype=np.int64)
        status_of = np.array([[STATUSES.index(status_for(o, Stage.FINAL if final else Stage.MIDTERM))
                               for final in (False, True)] for o in OUTCOMES], dtype=np.int64)
        agrees = np.array([[{None: -1, True: 1, False: 0}[verdicts_agree(s, off)] for off in [*STATUSES, None]]
                           for s in STATUSES], dtype=np.int64)
        return cls(
            text_truthy=np.array([bool(t) for t in texts] + [False]),
            text_direction=np.array([_text_direction(t) if t else 0 for t in texts] + [0], dtype=np.int64),
            text_basically=np.array([is_basically(t) for t in texts] + [False]),
            official=np.array([STATUSES.index(s) if s is not None else -1 for s in officials] + [-1], dtype=np.int64),
            flag_rank=np.array([FLAG_RANK.get(f, len(FLAG_RANK)) for f in FLAGS], dtype=np.int64),
            measured_flag=np.array([f not in (ObservationFlag.PLAN, ObservationFlag.PROJECTION) for f in FLAGS]),
            per_year_unit=np.array([is_per_year_unit(u) for u in units], dtype=bool),
            blank_unit=np.array([not c for c in canonical], dtype=bool),
            rate_unit=np.array([bool(c) and is_rate(c) for c in canonical], dtype=bool),
            gap_unit=[gap_unit(c, None) for c in canonical],
            gap_unit_blank_rate=gap_unit("", 0.0),
            factor=np.array(factors, dtype=np.float64),
            plain_unit_raw=np.array([u in ("%", "") for u in units], dtype=bool),
            plain_unit_canonical=np.array([c in ("%", "") for c in canonical], dtype=bool),
            tolerance=profile.tolerance(),
            polarity_index={p: i for i, p in enumerate(POLARITIES)},
            direction=direction,
            shape=shape,
            floor_op=np.array([op in (Op.GT, Op.GE) for op in OPS]),
            profiled=profiled,
            status_of=status_of,
            no_data=STATUSES.index(Status.NO_DATA),
            agrees=agrees,
        )
