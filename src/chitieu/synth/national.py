"""A national synthetic dataset: every province's plan, its targets for the province and each commune, and
ten years of values, reproducible from a seed (``chitieu synth national --scale F``).

F = 1.0 is the country after the 2025 reorganisation: 34 provinces and 3,321 communes, formed on 1 July
2025 from 63 provinces and about 10,000 communes (the district level abolished). Each new province has a
resolution (term 2021–2025) with 100 indicators; every indicator has a target for the province's whole
area and one for each of its communes, and a yearly series 2016–2025 per unit: trends with noise, missing
years, actuals up to 2024, estimates for 2025 (and for 2024 where the actual came later), end-of-term
estimates for the province. Smaller F keeps the structure and scales the number of units.

Everything is generated lazily, province by province, as plain tuples: memory stays bounded whatever F.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from chitieu.messages import msg

FIRST_YEAR, LAST_YEAR = 2016, 2025
TERM_START, TERM_END = 2021, 2025
MERGE_DAY = date(2025, 7, 1)
BEFORE_MERGE = date(2025, 6, 30)
INDICATORS_PER_PLAN = 100
NATION = "VN"


@dataclass(frozen=True, slots=True)
class Template:
    """One kind of indicator: wording, unit, polarity, target shape and how its values move."""

    name: str
    unit: str
    polarity: str  # higher_better | lower_better | neutral_structure | boolean
    op: str  # = > >= < <= range done
    kind: str  # level | annual_rate | per_year | cumulative
    base: float  # a province's value in 2016
    trend: float  # yearly change (relative for money/counts, points for rates)
    noise: float  # relative noise of a yearly value
    relative: bool  # trend is relative (× (1 + trend)) rather than additive
    group: int  # 0 economy, 1 society, 2 environment, 3 defence and Party building


TEMPLATES: tuple[Template, ...] = (
    Template("Tốc độ tăng trưởng GRDP bình quân", "%", "higher_better", "range", "annual_rate", 6.5, 0.0, 0.25, False, 0),
    Template("GRDP bình quân đầu người", "triệu đồng", "higher_better", ">=", "level", 45.0, 0.07, 0.02, True, 0),
    Template("Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "higher_better", ">=", "level", 4200.0, 0.08, 0.05, True, 0),
    Template("Tỷ trọng nông, lâm nghiệp, thủy sản trong GRDP", "%", "neutral_structure", "=", "level", 24.0, -0.6, 0.02, False, 0),
    Template("Tỷ trọng công nghiệp - xây dựng trong GRDP", "%", "neutral_structure", "range", "level", 32.0, 0.5, 0.02, False, 0),
    Template("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "higher_better", "cumulative", "cumulative", 18000.0, 0.06, 0.06, True, 0),
    Template("Kim ngạch xuất khẩu", "triệu USD", "higher_better", ">", "level", 600.0, 0.09, 0.07, True, 0),
    Template("Tỷ lệ hộ nghèo", "%", "lower_better", "<", "level", 14.0, -1.6, 0.05, False, 1),
    Template("Giảm tỷ lệ hộ nghèo bình quân mỗi năm", "điểm %", "higher_better", "range", "per_year", 1.8, 0.0, 0.2, False, 1),
    Template("Số lao động được giải quyết việc làm mới", "người", "higher_better", ">=", "per_year", 9000.0, 0.02, 0.08, True, 1),
    Template("Tỷ lệ lao động qua đào tạo", "%", "higher_better", "=", "level", 52.0, 2.2, 0.02, False, 1),
    Template("Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "higher_better", ">=", "level", 86.0, 1.2, 0.01, False, 1),
    Template("Số bác sĩ trên một vạn dân", "bác sỹ/vạn dân", "higher_better", "=", "level", 8.0, 0.35, 0.03, False, 1),
    Template("Tỷ lệ thất nghiệp khu vực thành thị", "%", "lower_better", "<=", "level", 3.6, -0.08, 0.06, False, 1),
    Template("Tỷ suất sinh thô", "‰", "lower_better", "=", "level", 17.0, -0.3, 0.03, False, 1),
    Template("Hoàn thành xây dựng nông thôn mới", "", "boolean", "done", "level", 0.0, 0.0, 0.0, False, 1),
    Template("Tỷ lệ che phủ rừng", "%", "higher_better", "=", "level", 48.0, 0.5, 0.01, False, 2),
    Template("Diện tích rừng trồng mới", "ha", "higher_better", "cumulative", "cumulative", 2500.0, 0.0, 0.15, True, 2),
    Template("Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", "higher_better", ">=", "level", 82.0, 2.0, 0.02, False, 2),
    Template("Hoàn thành quy hoạch sử dụng đất cấp xã", "", "boolean", "done", "level", 0.0, 0.0, 0.0, False, 3),
)
VARIANTS = ("", " (khu vực thành thị)", " (khu vực nông thôn)", " (vùng đồng bào dân tộc thiểu số)", " (nữ)")
GROUPS = (("I", "Các chỉ tiêu về kinh tế"), ("II", "Các chỉ tiêu về văn hóa - xã hội"),
          ("III", "Các chỉ tiêu về môi trường"), ("IV", "Các chỉ tiêu về quốc phòng, an ninh và xây dựng Đảng"))


@dataclass(frozen=True, slots=True)
class Shape:
    """How many units a scale gives."""

    scale: float
    provinces: int
    communes: int
    old_provinces: int
    old_communes: int

    @staticmethod
    def of(scale: float) -> Shape:
        provinces = max(2, min(34, round(34 * min(1.0, scale * 10))))
        communes = max(provinces, round(3321 * scale))
        return Shape(scale, provinces, communes, max(provinces, round(provinces * 63 / 34)), round(communes * 3.02))

    @property
    def targets(self) -> int:
        return (self.provinces + self.communes) * INDICATORS_PER_PLAN

    @property
    def observations_estimate(self) -> int:
        return int(self.targets * (LAST_YEAR - FIRST_YEAR + 1) * 0.97)


def _fmt(value: float) -> str:
    """A number as an official table writes it (Vietnamese decimal comma, no grouping)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@dataclass(slots=True)
class Unit:
    code: str
    name: str
    kind: str
    parent: str | None
    valid_from: date | None
    valid_to: date | None


def province_code(i: int) -> str:
    return f"T{i + 1:02d}"


def plan_code(i: int) -> str:
    return f"NQ-{province_code(i)}"


def plan_row(i: int) -> tuple[str, str, str, str, date]:
    """(code, title, number, issuer, issued on) of province ``i``'s resolution."""
    return (plan_code(i), msg("synth_plan_title", n=f"{i + 1:02d}"),
            msg("synth_plan_number", n=f"{i + 1:02d}"), msg("synth_plan_issuer", n=f"{i + 1:02d}"), date(2020, 10, 15))


def document_title(seed: int, scale: float) -> str:
    return msg("synth_document_title", seed=seed, scale=f"{scale:g}")


def org_units(shape: Shape) -> Iterator[Unit]:
    """The nation, the new provinces and communes (from 1 July 2025), the old provinces, districts and
    communes (until 30 June 2025); parents always come before their children."""
    yield Unit(NATION, "Việt Nam", "quốc gia", None, None, None)
    for p in range(shape.provinces):
        yield Unit(province_code(p), msg("synth_province", n=f"{p + 1:02d}"), "tỉnh", NATION, MERGE_DAY, None)
    for c in range(shape.communes):
        p = c % shape.provinces
        yield Unit(f"{province_code(p)}-X{c + 1:04d}", msg("synth_commune", n=f"{c + 1:04d}"), "xã", province_code(p), MERGE_DAY, None)
    for o in range(shape.old_provinces):
        yield Unit(f"C{o + 1:02d}", msg("synth_old_province", n=f"{o + 1:02d}"), "tỉnh", NATION, None, BEFORE_MERGE)
        yield Unit(f"C{o + 1:02d}-H", msg("synth_old_districts", n=f"{o + 1:02d}"), "huyện", f"C{o + 1:02d}", None, BEFORE_MERGE)
    for c in range(shape.old_communes):
        o = c % shape.old_provinces
        yield Unit(f"C{o + 1:02d}-X{c + 1:05d}", msg("synth_old_commune", n=f"{c + 1:05d}"), "xã", f"C{o + 1:02d}-H", None, BEFORE_MERGE)


def predecessors(shape: Shape) -> Iterator[tuple[str, str]]:
    """(old unit, new unit) pairs of the 2025 merges: old provinces into new ones, old communes into new."""
    for o in range(shape.old_provinces):
        yield f"C{o + 1:02d}", province_code(o % shape.provinces)
    for c in range(shape.old_communes):
        o = c % shape.old_provinces
        new = c % shape.communes
        yield f"C{o + 1:02d}-X{c + 1:05d}", f"{province_code(new % shape.provinces)}-X{new + 1:04d}"


def indicator_of(position: int) -> tuple[str, str, Template]:
    """(code, name, template) of the plan's ``position``-th indicator (0-based)."""
    template = TEMPLATES[position % len(TEMPLATES)]
    variant = VARIANTS[position // len(TEMPLATES) % len(VARIANTS)]
    return f"CT{position + 1:03d}", template.name + variant, template


@dataclass(frozen=True, slots=True)
class TargetSpec:
    version: str
    op: str
    value: float | None
    low: float | None
    high: float | None
    text: str


@dataclass(frozen=True, slots=True)
class Series:
    """One unit's target(s) for one indicator and its yearly values."""

    targets: tuple[TargetSpec, ...]
    baseline: tuple[int, float] | None
    values: tuple[tuple[int, int, float | None, str, str, str], ...]  # (start, end, value, op, flag, text)


def _path(t: Template, rng: random.Random, size: float) -> list[float]:
    """Yearly values FIRST_YEAR..LAST_YEAR of a unit (``size`` scales money and counts)."""
    trend = t.trend * rng.uniform(0.4, 1.6)
    level = t.base * (size if t.relative else 1.0) * rng.uniform(0.8, 1.2)
    out = []
    for _ in range(FIRST_YEAR, LAST_YEAR + 1):
        noisy = level * (1 + rng.gauss(0, t.noise))
        out.append(round(max(noisy, 0.0), 2))
        level = level * (1 + trend) if t.relative else level + trend
    return out


def _target(t: Template, rng: random.Random, path: list[float], ambition: float) -> TargetSpec:
    """A target near where the unit's path leads by TERM_END, more or less ambitious."""
    years = TERM_END - TERM_START + 1
    if t.op == "done":
        return TargetSpec("adopted", "done", None, None, None, "Hoàn thành")
    if t.kind in ("annual_rate", "per_year"):
        reach = sum(path[TERM_START - FIRST_YEAR:]) / years
    elif t.kind == "cumulative":
        reach = sum(path[TERM_START - FIRST_YEAR:])
    else:
        reach = path[TERM_END - FIRST_YEAR]
    if t.polarity == "lower_better":
        goal = reach / ambition
    elif t.polarity == "neutral_structure":
        goal = reach + rng.uniform(-1.5, 1.5)
    else:
        goal = reach * ambition
    goal = round(goal, 1 if abs(goal) < 1000 else 0)
    if t.op == "range":
        low, high = round(goal * 0.95, 1), round(goal * 1.05, 1)
        return TargetSpec("adopted", "range", None, low, high, f"{_fmt(low)}-{_fmt(high)}")
    symbol = {"=": "", ">": ">", ">=": "≥", "<": "<", "<=": "≤", "cumulative": ""}[t.op]
    op = "=" if t.op == "cumulative" else t.op
    return TargetSpec("adopted", op, goal, None, None, (symbol + " " if symbol else "") + _fmt(goal))


def series(t: Template, rng: random.Random, size: float, province: bool) -> Series:
    """One unit's targets and values for an indicator."""
    ambition = rng.choice((0.9, 0.97, 1.0, 1.03, 1.08, 1.15))
    if t.op == "done":
        done_year = rng.choice((2019, 2021, 2023, 2024, 2026, 2030))
        values = tuple((y, y, 1.0 if y >= done_year else 0.0, "done", "actual" if y < LAST_YEAR else "estimate",
                        "Hoàn thành" if y >= done_year else "Chưa hoàn thành")
                       for y in range(FIRST_YEAR, LAST_YEAR + 1) if rng.random() > 0.1)
        return Series((_target(t, rng, [], ambition),), None, values)
    path = _path(t, rng, size)
    adopted = _target(t, rng, path, ambition)
    targets = [adopted]
    roll = rng.random()
    if roll < 0.05:  # the draft put to the congress
        targets.append(TargetSpec("draft", adopted.op, None if adopted.value is None else round(adopted.value * 1.05, 1),
                                  adopted.low, adopted.high, adopted.text + " (dự thảo)"))
    elif roll < 0.08 and adopted.value is not None:  # revised at mid-term
        value = round(adopted.value * 0.95, 1)
        targets.append(TargetSpec("revised", adopted.op, value, None, None, _fmt(value)))
    rows: list[tuple[int, int, float | None, str, str, str]] = []
    for year, value in zip(range(FIRST_YEAR, LAST_YEAR + 1), path, strict=True):
        if rng.random() < 0.07:
            continue  # a missing year
        flag = "estimate" if year == LAST_YEAR else "actual"
        rows.append((year, year, value, "=", flag, ""))
        if year == LAST_YEAR - 1 and rng.random() < 0.2:  # the estimate printed before the actual came in
            rows.append((year, year, round(value * rng.uniform(0.97, 1.03), 2), "=", "estimate", ""))
    if province and t.kind == "level" and rng.random() < 0.5:  # the end-of-term estimate of the term
        rows.append((TERM_START, TERM_END, round(path[-1] * rng.uniform(0.98, 1.02), 2), "=", "estimate", ""))
    baseline = (TERM_START - 1, path[TERM_START - 1 - FIRST_YEAR]) if t.kind == "level" else None
    return Series(tuple(targets), baseline, tuple(rows))


def unit_rng(seed: int, plan: int, unit: str) -> random.Random:
    """The random stream of one plan and unit: the same seed gives the same data in any order of work."""
    return random.Random(f"{seed}:{plan}:{unit}")


def plan_series(shape: Shape, seed: int, p: int) -> Iterator[tuple[str | None, int, Series]]:
    """(unit code or None for the whole area, indicator position, series) of province ``p``'s plan."""
    communes = [c for c in range(shape.communes) if c % shape.provinces == p]
    units: list[tuple[str | None, float]] = [(None, 1.0)]
    units += [(f"{province_code(p)}-X{c + 1:04d}", 1.0 / max(1, len(communes))) for c in communes]
    for unit, size in units:
        rng = unit_rng(seed, p, unit or "")
        for position in range(INDICATORS_PER_PLAN):
            _, _, template = indicator_of(position)
            yield unit, position, series(template, rng, size, unit is None)


def rows_per_second(rows: int, seconds: float) -> float:
    return rows / seconds if seconds > 0 else math.inf
