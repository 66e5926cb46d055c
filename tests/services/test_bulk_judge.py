"""The columnar judgement (services/bulk_judge.judge_columns) against the row engine (judge_rows), field by field.

No database: hypothesis generates the rows the set queries of bulk_assess return — targets of every op,
kind, polarity, unit (rates, permille, money with scale, per-year units, none), term and baseline, and
series of every shape (years and spans, every flag, bounds, yes/no, words only, change words, stated
verdicts, values at the edge of the "equal" band) — under several convention profiles and years, and
checks that both give the same rows. tests/services/test_bulk_assess.py checks judge_rows against
``assess --plan`` through a database.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from chitieu.assessment.columnar import ObservationColumns, TargetColumns, assess_columns
from chitieu.assessment.conventions import (
    DEFAULT_PROFILE,
    BeyondBound,
    BeyondPoint,
    BoundResult,
    ConventionProfile,
)
from chitieu.domain import Indicator, ObservationFlag, Op, Polarity, TargetKind
from chitieu.domain.targets import TargetVersion
from chitieu.services.bulk_columns import from_rows
from chitieu.services.bulk_judge import judge_columns, judge_rows, rows_of

Case = tuple[list[Any], list[Any], dict[int, Any], dict[int, str]]
PROFILES = [
    DEFAULT_PROFILE,
    ConventionProfile(name="a", floor=BeyondBound.EXCEEDED, ceiling=BeyondBound.ACHIEVED,
                      beyond_point=BeyondPoint.ACHIEVED, structure_points=2.0, rate_points=0.5, basically_met=False,
                      bound_result=BoundResult.MET, rounding_decimals=0),
    ConventionProfile(name="b", bound_result=BoundResult.EXCEEDED, rate_points=0.1, rounding_decimals=2),
]
NAMES = ("Tỷ lệ hộ nghèo", "Tốc độ tăng trưởng GRDP", "Tỷ trọng công nghiệp", "Số lao động có việc làm",
         "Tỷ lệ che phủ rừng", "Diện tích trồng rừng", "Tỷ suất sinh")
UNITS = ("%", "‰", "tỷ đồng", "triệu đồng", "người", "người/năm", "ha", "", "USD")
EDGE = (0.0, 1.0, 50.0, 94.95, 95.0, 95.05, 95.1, 99.96, 100.0, 100.04, 120.0, -3.0, 2400.0, 2401.0)
numbers = st.one_of(st.sampled_from(EDGE), st.floats(min_value=-5, max_value=5000, allow_nan=False).map(lambda v: round(v, 2)))


@st.composite
def cases(draw: st.DrawFn) -> Case:
    indicators: dict[int, Any] = {}
    targets: list[Any] = []
    observations: list[Any] = []
    units = {1: "X01", 2: "X02"}
    plans = [(1, "P1", *draw(st.sampled_from([(2021, 2025), (None, None), (2020, 2030), (2020, 2025)]))),
             (2, "P2", 2016, 2020)]
    target_id = 0
    for n in range(draw(st.integers(1, 5))):
        plan = draw(st.sampled_from(plans))
        polarity = draw(st.sampled_from(list(Polarity)))
        indicators[n + 1] = (Indicator(code=f"C{n}", name=draw(st.sampled_from(NAMES)), unit=draw(st.sampled_from(UNITS)),
                                       polarity=polarity, order=n, number=str(n), group_code="I" if n % 2 else None),
                             None, "I" if n % 2 else "", "Kinh tế" if n % 2 else "")
        for unit_id in draw(st.lists(st.sampled_from([None, 1, 2]), min_size=1, max_size=3, unique=True)):
            target_id += 1
            op = draw(st.sampled_from(list(Op)))
            value = low = high = None
            if op is Op.RANGE:
                low = draw(numbers)
                high = round(low + draw(st.sampled_from([0.0, 1.0, 5.5])), 2)
                if draw(st.booleans()):
                    value = low
            elif op is not Op.DONE or draw(st.booleans()):
                value = draw(numbers)
            base = draw(st.one_of(st.none(), st.tuples(st.integers(2015, 2023), numbers)))
            targets.append((
                target_id, n + 1, unit_id, draw(st.sampled_from([v.value for v in TargetVersion])), op.value, value, low,
                high, draw(st.sampled_from([k.value for k in TargetKind])), draw(st.sampled_from([None, 2020, 2021, 2023])),
                draw(st.sampled_from([None, 2020, 2025, 2030])), draw(st.sampled_from(["", *UNITS])),
                draw(st.sampled_from(["", "giảm 2", "tăng 5%", "9-10", "≥ 95,5", "Hoàn thành", "dưới 3‰"])),
                base[0] if base else None, base[1] if base else None, plan[0], plan[1], plan[2], plan[3], None, unit_id or 0, 1,
            ))
            for _ in range(draw(st.integers(0, 12))):
                end = draw(st.integers(2014, 2032))
                start = end - draw(st.sampled_from([0, 0, 0, 1, 2, 4, 5]))
                o_op = draw(st.sampled_from([Op.EQ, Op.EQ, Op.EQ, Op.GT, Op.GE, Op.LT, Op.LE, Op.RANGE, Op.DONE]))
                o_value = draw(st.one_of(st.none(), numbers)) if o_op is not Op.DONE else draw(st.sampled_from([0.0, 1.0, None]))
                words = draw(st.sampled_from([None, "", "", "tăng 3%", "giảm 1,2", "Hoàn thành", "Cơ bản hoàn thành",
                                              "khoảng 40 tỷ đồng", "trên 90%"]))
                verdict = draw(st.sampled_from([None, None, "", "Đạt", "Không đạt", "Vượt", "Chưa đạt", "Cơ bản đạt"]))
                observations.append((target_id, len(observations) + 1, start, end, o_value, o_op.value,
                                     draw(st.sampled_from([f.value for f in ObservationFlag])), words, verdict))
    return targets, draw(st.permutations(observations)), indicators, units


@settings(max_examples=400, deadline=None)
@given(case=cases(), as_of=st.integers(2016, 2032), profile=st.sampled_from(PROFILES))
def test_columns_agree_with_the_row_engine(case: Case, as_of: int,
                                           profile: ConventionProfile) -> None:
    targets, rows, indicators, units = case
    observations = from_rows(rows)
    columns = rows_of(judge_columns(targets, observations, indicators, units, as_of, profile)[0])
    rows = judge_rows(targets, observations, indicators, units, as_of, profile)
    assert len(columns) == len(rows)
    for c, r in zip(columns, rows, strict=True):
        assert asdict(c) == asdict(r), (c.code, c.org_unit)


def test_a_result_in_words_only_goes_to_the_row_engine() -> None:
    """A chosen observation without a number ("khoảng 40 tỷ đồng" stored as text) is the one fallback."""
    one = np.array([0], dtype=np.int64)
    targets = TargetColumns(op=one, value=np.array([50.0]), low=np.array([np.nan]), high=np.array([np.nan]), kind=one,
                            start_year=np.array([0]), deadline=np.array([2025]),
                            term_start=np.array([2021]), term_end=np.array([2025]), baseline_year=np.array([0]),
                            baseline_value=np.array([np.nan]), polarity=one, direction=one, unit=one, units=["tỷ đồng"])
    observations = ObservationColumns(target=np.array([0, 0]), start=np.array([2022, 2023]), end=np.array([2022, 2023]),
                                      value=np.array([30.0, np.nan]), op=np.array([0, 0]), flag=np.array([0, 0]),
                                      text=np.array([-1, 0]), texts=["khoảng 40 tỷ đồng"], verdict=np.array([-1, -1]),
                                      verdicts=[])
    judged = assess_columns(targets, observations, 2024)
    assert judged.fallback.tolist() == [True]
    judged = assess_columns(targets, observations, 2022)  # the figure in words is not due yet: 2022's number stands
    assert judged.fallback.tolist() == [False] and judged.value.tolist() == [30.0]


def test_the_words_of_a_targets_text_have_letters() -> None:
    """judge_columns shares one answer among texts without letters ("≥ 54,3"): true while every change word
    and every polarity cue of a target's text is a word."""
    from chitieu.vocab.comparators import DIRECTION_WORDS
    from chitieu.vocab.polarity_cues import POLARITY_CUES

    assert DIRECTION_WORDS and all(any(ch.isalpha() for ch in w) for w in DIRECTION_WORDS)
    cues = [c.cue for c in POLARITY_CUES if c.scope == "target"]
    assert all(any(ch.isalpha() for ch in c) for c in cues)
